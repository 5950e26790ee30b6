/** Reading what a client sent: its bearer token, and every schema violation in its request at once. */
import type { FastifySchemaValidationError } from 'fastify'
import type { Failure } from '../kernel/result.ts'
import { fail } from './errors.ts'

/** The credentials of `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1), spaces around are tolerated. */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^\s*bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

export interface FieldProblem {
  /** Where in the request, e.g. `body/lines/0/quantity` or `querystring/limit`. */
  path: string
  message: string
  params: Record<string, unknown>
}

/**
 * One problem per violation, each naming its field: a missing or unknown property is named
 * itself rather than by the object that lacks or has it.
 */
export function fieldProblems(context: string, errors: readonly FastifySchemaValidationError[]): FieldProblem[] {
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  for (const e of mergeChoices(errors)) {
    const params = (e.params ?? {}) as Record<string, unknown>
    const named = params.missingProperty ?? params.additionalProperty
    const path = `${context}${e.instancePath}${typeof named === 'string' ? `/${named}` : ''}`
    const message = messageOf(e.message, params)
    const key = `${path}\n${message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({ path, message, params })
  }
  return problems
}

/**
 * A value that must be one of several constants (a TypeBox union of literals) fails each constant
 * and then the union: that is one problem, "must be one of …", not one per constant.
 */
function mergeChoices(errors: readonly FastifySchemaValidationError[]): FastifySchemaValidationError[] {
  const constsAt = new Map<string, unknown[]>()
  for (const e of errors) {
    if (e.keyword === 'const') constsAt.set(e.instancePath, [...(constsAt.get(e.instancePath) ?? []), (e.params as { allowedValue?: unknown }).allowedValue])
  }
  const merged: FastifySchemaValidationError[] = []
  for (const e of errors) {
    const choices = constsAt.get(e.instancePath)
    const unionOfConstants = choices !== undefined && errors.some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath)
    if (!unionOfConstants) merged.push(e)
    else if (e.keyword === 'anyOf') merged.push({ ...e, params: { allowedValues: choices } })
  }
  return merged
}

/** Ajv's message, said with the value expected where Ajv keeps it in its params. */
function messageOf(message: string | undefined, params: Record<string, unknown>): string {
  if (params.missingProperty !== undefined) return 'is required'
  if (params.additionalProperty !== undefined) return 'is not allowed'
  if (params.allowedValue !== undefined) return `must be ${JSON.stringify(params.allowedValue)}`
  if (Array.isArray(params.allowedValues)) return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  return message ?? 'is invalid'
}

/** 400 `invalid_request` listing every problem; `detail` names them all, first one first. */
export function invalidRequest(context: string, errors: readonly FastifySchemaValidationError[]): Failure {
  const problems = fieldProblems(context, errors)
  const detail = problems.length === 0 ? `${context} is invalid` : problems.map((p) => `${p.path} ${p.message}`).join('; ')
  return fail('invalid_request', detail, { errors: problems })
}
