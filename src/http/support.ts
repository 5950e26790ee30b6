import { createHmac, hash } from 'node:crypto'
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify'
import { Type, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox'
import type { Principal, RoleKind } from '../kernel/principal.ts'
import { type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { statusOf } from './problem-status.ts'
import { CursorParam, type CursorCodec } from './cursor.ts'

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal
  }
  interface FastifyContextConfig {
    /** Reachable without a token (health, metrics, docs). */
    public?: boolean
    /** A public route still counted against the per-address rate limit (the shopper's routes). */
    limitedByAddress?: boolean
    /** The body may be left out (see `bodyOptional`). */
    bodyOptional?: boolean
  }
}

/** A failure on its way to the wire; `status` only where the framework chose one (a 4xx Fastify raised). */
export type Problem = Failure & { status?: number }

export const problemStatusOf = (problem: Problem): number => problem.status ?? statusOf(problem.code)

/** The RFC 9457 body of a failure; `instance` is the request's URL, when there is one. */
export function problemOf(failure: Problem, instance?: string): Record<string, unknown> {
  return {
    // Extra facts first, so they can never overwrite the standard members.
    ...failure.extra,
    type: `https://sellahead.dev/problems/${failure.code}`,
    title: failure.code.replace(/_/g, ' '),
    status: problemStatusOf(failure),
    code: failure.code,
    detail: failure.detail,
    ...(instance !== undefined && { instance }),
  }
}

export function sendProblem(reply: FastifyReply, failure: Problem): FastifyReply {
  return reply
    .code(problemStatusOf(failure))
    .type('application/problem+json')
    .send(problemOf(failure, reply.request.url))
}

/** Sends a result: the value with `status`, or the failure as problem+json. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200): FastifyReply {
  return result.ok ? reply.code(status).send(result.value) : sendProblem(reply, result)
}

/** The principal of an authenticated route; the onRequest hook has already rejected anonymous calls. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal')
  return req.principal
}

/** Allows only the given role kinds; others get 403 (authenticated, but not allowed). */
export function allow(...kinds: RoleKind[]): preHandlerHookHandler {
  return function checkRole(req, reply, done) {
    const p = principalOf(req)
    if (!kinds.includes(p.kind)) {
      sendProblem(reply, fail('forbidden', `Role '${p.role}' may not call ${req.method} ${req.routeOptions.url}.`))
      return
    }
    done()
  }
}

/**
 * Route options of a POST whose body is all optional: it may be sent without one (read as `{}`),
 * and /openapi.json says the body is not required.
 */
export const bodyOptional = {
  config: { bodyOptional: true },
  preValidation: async (req: FastifyRequest): Promise<void> => {
    req.body ??= {}
  },
}

export const forbidden = (p: Principal, what: string): Failure =>
  fail('forbidden', `Role '${p.role}' may not ${what}.`)

/**
 * JSON with every object's keys sorted (recursively; arrays keep their order), so that the same
 * value serialised with its keys in another order gives the same text.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(keysSorted(value) ? value : sortedKeys(value)) ?? 'null'

/** Whether every object's keys are already in order (most clients send the same shape every time): then no copy is needed. */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) return value.every(keysSorted)
  let previous = ''
  for (const key in value) {
    if (key < previous || key === '__proto__' || !keysSorted((value as Record<string, unknown>)[key])) return false
    previous = key
  }
  return true
}

/** A copy with keys inserted in sorted order (copying then one JSON.stringify is ~2× faster than building the text by hand). */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(sortedKeys)
  const record = value as Record<string, unknown>
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(record).sort()) {
    // Assigning "__proto__" would set the prototype instead of adding a member.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: sortedKeys(record[key]), enumerable: true })
    else copy[key] = sortedKeys(record[key])
  }
  return copy
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Keys request fingerprints (`requestHashOf`): a stored fingerprint of a body with personal data confirms no guess. */
    requestHashKey?: Buffer
  }
}

/**
 * What a retry must repeat to be a replay: method, route, params and body, key order aside. Kept
 * with the idempotency key; keyed (HMAC) when the app has a key, as bodies carry customers' personal data.
 */
export function requestHashOf(req: FastifyRequest): string {
  const text = `${req.method} ${req.routeOptions.url} ${canonicalJson(req.params)} ${canonicalJson(req.body ?? null)}`
  const key = req.server.requestHashKey
  return key ? createHmac('sha256', key).update(text).digest('hex') : hash('sha256', text, 'hex')
}

/** The Idempotency-Key header, validated; undefined when absent. */
export function idempotencyKeyOf(req: FastifyRequest): Result<string | undefined> {
  const raw = req.headers['idempotency-key']
  if (raw === undefined) return { ok: true, value: undefined }
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
    return fail('invalid_idempotency_key', 'Idempotency-Key must be 1–200 visible ASCII characters.')
  }
  return { ok: true, value: raw }
}

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(CursorParam),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
  },
  { additionalProperties: false },
)

export function pageLimitOf(query: { limit?: string }): Result<number> {
  const limit = query.limit === undefined ? 50 : Number(query.limit)
  if (limit < 1 || limit > 500) return fail('invalid_limit', 'limit must be between 1 and 500.')
  return { ok: true, value: limit }
}

/** A list request's page: its size and the key it starts after; a bad limit or a cursor this list did not give out fails. */
export function pageRequestOf<K>(query: { limit?: string; cursor?: string }, codec: CursorCodec<K>): Result<{ limit: number; after: K | undefined }> {
  const limit = pageLimitOf(query)
  if (!limit.ok) return limit
  const after = codec.decode(query.cursor)
  return after.ok ? { ok: true, value: { limit: limit.value, after: after.value } } : after
}

/**
 * The nodes a list reads: a node user's own (`scope`, narrowed to `named` when it names one of
 * them; another node gives an empty page, as a node with nothing would), else `named` alone, else
 * every node (undefined).
 */
export const nodesToList = (scope: readonly string[] | undefined, named: string | undefined): readonly string[] | undefined =>
  scope === undefined ? (named === undefined ? undefined : [named]) : scope.filter((n) => named === undefined || n === named)

/** The query of a numbered feed (a timeline): a cursor and a page size, read by `numberedPageOf`. */
export const TimelineQuery = Type.Object(
  { cursor: Type.Optional(CursorParam), limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })) },
  { additionalProperties: false },
)

/** A page of a numbered feed (a timeline): where to start after (0: the beginning), and how many. */
export function numberedPageOf(query: { cursor?: string; limit?: string }, codec: CursorCodec<number>): Result<{ after: number; limit: number }> {
  const limit = pageLimitOf(query)
  if (!limit.ok) return limit
  const after = codec.decode(query.cursor)
  if (!after.ok) return after
  return { ok: true, value: { after: after.value ?? 0, limit: limit.value } }
}

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) })

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code; branch on this, not on detail' }),
    detail: Type.String(),
  },
  { additionalProperties: true },
)

/** Common error responses for the OpenAPI document. */
export const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
}

/** A value or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

/** One of the given strings, typed as their union. */
export const literals = <const T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))

/** Fields with the named ones required and the others optional, as TypeBox types them. */
export type OptionalExcept<F extends TProperties, R extends keyof F> = { [K in keyof F]: K extends R ? F[K] : TOptional<F[K]> }

/** The fields of a create body: all but `required` made optional, in their order. */
export function optionalExcept<F extends TProperties, R extends keyof F>(fields: F, required: readonly R[]): OptionalExcept<F, R> {
  const named = new Set<PropertyKey>(required)
  // Object.fromEntries cannot carry the mapped type; the map below builds exactly OptionalExcept<F, R>.
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, named.has(k) ? v : Type.Optional(v)])) as OptionalExcept<F, R>
}

export const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' })

/** A schema with a name in the OpenAPI document: it becomes `components.schemas[title]`, referred to wherever it is used (see http/contract.ts). */
export const named = <T extends TSchema>(title: string, schema: T): T => ({ ...schema, title })
