/**
 * The API contract as `/openapi.json` serves it. @fastify/swagger builds the document from the
 * route schemas; this completes it in one place rather than in 105 routes: each operation's
 * `operationId`, its problem+json answers with the codes it can give, the Idempotency-Key header
 * where it is taken, an optional body where a route takes none, request examples, and schemas named with a `title` moved to
 * `components.schemas` and referenced. It only describes: the routes' own schemas still validate
 * and serialise every request and answer, so nothing here changes what the API does.
 */
import type { SwaggerOptions } from '@fastify/swagger'
import { operationTable, type Operation } from './operation-table.ts'
import { statusOf } from './problem-status.ts'
import { requestExamples } from './request-examples.ts'

type Json = Record<string, unknown>
type OperationObject = Json & { parameters?: Json[]; responses: Record<string, Json>; requestBody?: { required?: boolean; content: Record<string, Json> } }

export const apiDescription = [
  'Sellahead: catalogue, inventory, reservations, future supply, orders and presales for merchants who sell ahead of stock.',
  '',
  'Authenticate with `Authorization: Bearer <token>` (`sellahead token create`). Every error is RFC 9457',
  '`application/problem+json` with a stable `code` to branch on; each operation lists its codes per status in',
  '`x-problem-codes`. Creating calls that take an `Idempotency-Key` answer a retry with the same key and body',
  'with the original result (`Idempotent-Replayed: true`). Lists are paged with an opaque `cursor`.',
  'Before any route is chosen the server may also answer 404 `route_not_found`, 414 `path_too_long` (a path segment',
  'over 100 characters) or 400 `invalid_url` (a path that is not percent-encoded UTF-8); those belong to no operation.',
  'Money is in minor units of its currency; dates and times are ISO 8601 in UTC.',
].join('\n')

/** The options of @fastify/swagger: what the document says about the API as a whole, and its completion. */
export const swaggerOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Sellahead API',
      version: '1',
      description: apiDescription,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'A local `sellahead serve` (HOST and PORT set another address)' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
  },
  // A route that takes no body where its body is all optional says so (http/support.ts bodyOptional); completeOperation reads it.
  transform: ({ schema, url, route }) => ({ schema: route.config?.bodyOptional ? { ...schema, [bodyOptionalMark]: true } : schema, url }),
  transformObject: (generated) => ('openapiObject' in generated ? completeDocument(generated.openapiObject as Json) : generated.swaggerObject),
}

/** Codes of the rate limiter and of a server shutting down, with their status until the code map has them. */
export const statusOutsideTheMap: Record<string, number> = { rate_limited: 429, shutting_down: 503 }
const statusOfCode = (code: string): number => statusOutsideTheMap[code] ?? statusOf(code)

/** The mark `transform` leaves on an operation whose body may be left out. */
const bodyOptionalMark = 'x-body-optional'

/**
 * What the HTTP layer answers for any route: a request the schema or the text guard refuses, an
 * error Fastify raises, no or a bad token, too many requests, the database down or the server
 * stopping, and a fault of ours.
 */
const codesOfEveryOperation = ['invalid_request', 'bad_request', 'unauthenticated', 'rate_limited', 'storage_unavailable', 'shutting_down', 'internal_error']
/** A body that cannot be read (Fastify parses a body of any method that has one). */
const codesOfABody = ['malformed_json', 'invalid_content_length', 'body_too_large', 'unsupported_media_type']

const methodsWithBody = new Set(['post', 'put', 'patch', 'delete'])

/**
 * The codes an operation can answer: those of the HTTP layer that apply to it (the role check
 * unless any role may call it, paging where it takes a cursor or a limit, the key where it takes
 * one) and its own, which the table names exactly.
 */
export function problemCodesOf(method: string, op: OperationObject, entry: Operation): string[] {
  const names = new Set((op.parameters ?? []).map((p) => p.name))
  const codes = new Set([
    ...codesOfEveryOperation.filter((code) => !(entry.public && code === 'unauthenticated')),
    ...(entry.anyRole || entry.public ? [] : ['forbidden']),
    ...(methodsWithBody.has(method) ? codesOfABody : []),
    ...(names.has('cursor') ? ['invalid_cursor'] : []),
    ...(names.has('limit') ? ['invalid_limit'] : []),
    ...(entry.idempotent ? ['invalid_idempotency_key', 'idempotency_key_reused'] : []),
    ...entry.codes,
  ])
  return [...codes].sort()
}

const whatStatusMeans: Record<number, string> = {
  400: 'The request is malformed or a value is invalid; nothing was changed.',
  401: 'No valid bearer token was sent.',
  403: 'The token\'s role may not do this.',
  404: 'What the path names does not exist, or is not the caller\'s to see.',
  409: 'The request conflicts with the current state (stock, status); nothing was changed.',
  413: 'The request body is larger than 1 MiB.',
  415: 'The body is not `application/json`.',
  422: 'The request is well formed but cannot be done as asked; nothing was changed.',
  429: 'Too many requests from this token or address; retry after `Retry-After` seconds.',
  500: 'Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key.',
  503: 'The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key).',
}

/** The problem+json answers of one operation, one per status, each naming its codes. */
function problemResponses(codes: string[]): Record<string, Json> {
  const byStatus = new Map<number, string[]>()
  for (const code of codes) byStatus.set(statusOfCode(code), [...(byStatus.get(statusOfCode(code)) ?? []), code])
  const responses: Record<string, Json> = {}
  for (const [status, listed] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `${whatStatusMeans[status] ?? 'The request was refused.'} \`code\` is one of: ${listed.map((c) => `\`${c}\``).join(', ')}.`,
      'x-problem-codes': listed,
      ...((status === 429 || status === 503) && { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } }),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    }
  }
  return responses
}

const problemSchema = {
  type: 'object',
  description: [
    'An RFC 9457 problem. Branch on `code` (stable), never on `detail` (for people). Some codes add members',
    'with the facts (`errors` for invalid_request: every problem with the field it names).',
  ].join(' '),
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: 'A URI naming the problem: `https://sellahead.dev/problems/<code>`' },
    title: { type: 'string', description: 'The code in words' },
    status: { type: 'integer', description: 'The HTTP status' },
    code: { type: 'string', description: 'Stable machine-readable code; the operation lists those it can answer in `x-problem-codes`' },
    detail: { type: 'string', description: 'What went wrong, for a person' },
    instance: { type: 'string', description: 'The request\'s path' },
    errors: {
      type: 'array',
      description: 'With invalid_request: each value that failed validation',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, additionalProperties: true },
    },
  },
  additionalProperties: true,
}

const sharedComponents = {
  schemas: { Problem: problemSchema },
  parameters: {
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so.',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    },
  },
  headers: {
    RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
    IdempotentReplayed: { description: '`true` when this answer replays the result of an earlier call with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
  },
}

/** A readable id for a route missing from the table (the contract test requires every route in it). */
const fallbackOperationId = (method: string, path: string): string =>
  method + path.replace(/[{}]/g, '').split(/[/-]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('')

function completeOperation(method: string, path: string, op: OperationObject): void {
  const entry = operationTable[`${method.toUpperCase()} ${path}`] ?? { operationId: fallbackOperationId(method, path), context: 'catalogue' as const, codes: [] }
  op.operationId = entry.operationId
  if (op[bodyOptionalMark] === true && op.requestBody) op.requestBody.required = false
  delete op[bodyOptionalMark]
  if (entry.idempotent) {
    op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }]
    for (const [status, response] of Object.entries(op.responses)) {
      if (status.startsWith('2')) response.headers = { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } }
    }
  }
  const success = Object.fromEntries(Object.entries(op.responses).filter(([status]) => /^[23]/.test(status)))
  for (const [status, response] of Object.entries(success)) {
    // @fastify/swagger's placeholder says nothing; the summary says what the answer is about.
    if (response.description === 'Default Response') response.description = `${status === '201' ? 'Created' : 'OK'}: ${String(op.summary ?? '').replace(/^./, (c) => c.toLowerCase())}`
  }
  op.responses = { ...success, ...problemResponses(problemCodesOf(method, op, entry)) }
  const example = requestExamples[entry.operationId]
  const json = op.requestBody?.content['application/json']
  if (example !== undefined && json) json.example = example
}

const isNamedSchema = (value: Json): boolean =>
  typeof value.title === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(value.title) && ('type' in value || 'anyOf' in value || 'oneOf' in value)

/** Moves every schema with a `title` into `components.schemas` (innermost first) and refers to it there. */
function hoistNamedSchemas(value: unknown, named: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => hoistNamedSchemas(v, named))
  if (value === null || typeof value !== 'object') return value
  const copy: Json = {}
  for (const [key, child] of Object.entries(value)) copy[key] = hoistNamedSchemas(child, named)
  if (!isNamedSchema(copy)) return copy
  const name = copy.title as string
  if (named[name] !== undefined && JSON.stringify(named[name]) !== JSON.stringify(copy)) {
    throw new Error(`Two different schemas are titled '${name}'; give each its own title`)
  }
  named[name] = copy
  return { $ref: `#/components/schemas/${name}` }
}

/** @fastify/swagger's `transformObject`: completes the generated document (see the top of this file). */
export function completeDocument(document: Json): Json {
  const paths = document.paths as Record<string, Record<string, OperationObject>>
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) completeOperation(method, path, op)
  }
  const named: Record<string, unknown> = {}
  const hoisted = hoistNamedSchemas(paths, named)
  const components = (document.components ?? {}) as Json
  return {
    ...document,
    paths: hoisted,
    components: {
      ...components,
      ...sharedComponents,
      schemas: { ...(components.schemas as Json | undefined), ...Object.fromEntries(Object.entries(named).sort(([a], [b]) => a.localeCompare(b))), ...sharedComponents.schemas },
    },
  }
}
