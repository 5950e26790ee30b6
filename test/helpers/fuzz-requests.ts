/**
 * Requests for every operation of /openapi.json, drawn by fast-check from the operation's own
 * schemas (path, query, body), from the world's real ids half of the time, valid or poisoned, with
 * odd headers; and the check every answer must pass.
 */
import fc from 'fast-check'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { poisonedOf, poisonStrings, prototypeNames, resolver, validOf, type ArbitraryOptions, type Hint, type Schema } from './schema-arbitraries.ts'
import type { FuzzWorld, PoolKind } from './fuzz-world.ts'

export interface Operation {
  key: string
  method: string
  path: string
  pathParams: Array<{ name: string; schema: Schema }>
  query: Array<{ name: string; schema: Schema; required: boolean }>
  body: Schema | undefined
  /** The declared answers: status → the problem codes listed for it (`x-problem-codes`), or undefined for a success. */
  responses: Map<string, string[] | undefined>
}

/** Every operation in the document, in document order. */
export function operationsOf(doc: Schema): Operation[] {
  const resolve = resolver(doc)
  const ops: Operation[] = []
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve)
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}) })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}), required: p.required === true })),
        body: op.requestBody ? resolve(resolve(op.requestBody).content?.['application/json']?.schema ?? {}) : undefined,
        responses: new Map(Object.entries<Schema>(op.responses ?? {}).map(([status, r]) => [status, resolve(r)['x-problem-codes']])),
      })
    }
  }
  return ops
}

/** Which pool a field, query or path parameter of this name draws real values from. */
const poolOfField: Record<string, PoolKind> = {
  sku: 'sku', node: 'node', nodeId: 'node', nodeIds: 'node', destination: 'node', from: 'node', to: 'node',
  channel: 'chn', supplier: 'sup', supplierId: 'sup', line: 'pol', asn: 'asn', cursor: 'cursor', deliveryId: 'whd', order: 'ord', ids: 'sug', po: 'po', debitId: 'sdeb',
}

/** Which pool the `{id}` of a path draws from, by the collection it names. */
const poolOfCollection: Array<[RegExp, PoolKind]> = [
  [/^\/v1\/tokens\//, 'tok'], [/^\/v1\/inventory\/locks\//, 'lck'], [/^\/v1\/reservations\//, 'res'], [/^\/v1\/transfers\//, 'trf'],
  [/^\/v1\/suppliers\//, 'sup'], [/^\/v1\/purchase-orders\//, 'po'], [/^\/v1\/orders\//, 'ord'], [/^\/v1\/presale-campaigns\//, 'cmp'],
  [/^\/v1\/webhook-endpoints\//, 'whe'], [/^\/v1\/returns\//, 'rma'], [/^\/v1\/shipments\//, 'shp'], [/^\/v1\/supplier-portal\/dropship\//, 'shp'],
  [/^\/v1\/planned-events\//, 'pev'], [/^\/v1\/suggestions\//, 'sug'],
  [/^\/v1\/supplier-invoices\//, 'sinv'], [/^\/v1\/supplier-portal\/invoices\//, 'sinv'], [/^\/v1\/payment-runs\//, 'prun'], [/^\/v1\/receipts\//, 'rcp'],
]

function hintsFor(world: FuzzWorld): Hint {
  const fromPool = (kind: PoolKind) => fc.nat().map((i) => world.pools.pick(kind, i))
  const fixed: Record<string, fc.Arbitrary<string>> = {
    region: fc.constantFrom(...world.regions),
    currency: fc.constantFrom('CNY', 'CNY', 'USD'),
    customerId: fc.constantFrom('c-1', 'c-2', 'vip-9'),
    customer: fc.constantFrom('c-1', 'c-2', 'vip-9'),
    customerTier: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('gold', 'silver') }, { weight: 1, arbitrary: fc.constantFrom(...prototypeNames) }),
    // Webhook endpoints: a local receiver nobody listens on (the fuzz never dispatches), and topics Sellahead publishes.
    url: fc.constantFrom('http://127.0.0.1:9/fuzz', 'https://127.0.0.1:9/fuzz?shop=1'),
    topics: fc.constantFrom('order.', 'order.changed', 'availability.', 'inventory.changed', 'supply.'),
    role: fc.constantFrom('admin', 'ops', 'channel:web', 'store:ST-1', 'supplier:sup1', 'payments:alipay', 'channel:constructor', 'store:__proto__', 'supplier:toString', 'store:WH-E'),
  }
  return (name) => {
    const kind = poolOfField[name]
    return kind ? fromPool(kind) : fixed[name]
  }
}

export interface FuzzRequest {
  op: Operation
  principal: string
  inject: InjectOptions
  /** What was drawn, for the failure report. */
  shape: { mode: string; body: unknown }
}

const contentTypes = ['application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', 'APPLICATION/JSON', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']
const rawBodies = ['', '{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', `{"a":${'['.repeat(5000)}`, '1e999', '\ufeff{}']

/** Staff may do most things and channels place the orders: they are drawn more often. */
const principalWeights: Record<string, number> = { admin: 5, ops: 3, channel: 3, store: 2, supplier: 2, payments: 1 }

/** One arbitrary per operation, building a complete request. */
export function requestArbitrary(op: Operation, world: FuzzWorld, doc: Schema, nowMs: number): fc.Arbitrary<FuzzRequest> {
  const options: ArbitraryOptions = { resolve: resolver(doc), hint: hintsFor(world), hints: 'mostly', nowMs }
  // Most valid bodies name only the world's real ids and codes; the others mix in, or only use, made-up ones.
  const validBody = (schema: Schema) => fc.oneof(
    { weight: 3, arbitrary: validOf(schema, { ...options, hints: 'always', usuallySent: new Set(['channel', 'supplier']) }) },
    { weight: 1, arbitrary: validOf(schema, options) },
    { weight: 1, arbitrary: validOf(schema, { ...options, hints: 'never' }) },
  )
  const pathValue = (name: string) => {
    const kind = name === 'id' ? poolOfCollection.find(([re]) => re.test(op.path))?.[1] : poolOfField[name]
    // A PATCH changes a catalogue entry: it goes to one the fuzz made (see Pools.pickOwn).
    const pick = op.method === 'PATCH' ? world.pools.pickOwn.bind(world.pools) : world.pools.pick.bind(world.pools)
    const own = kind ? fc.nat().map((i) => pick(kind, i)) : fc.constant('x')
    const schema = op.pathParams.find((p) => p.name === name)!.schema
    // '.' and '..' are dot segments: the URL is resolved to another route before any server sees
    // it (RFC 3986 §5.2.4), so the answer is that route's, not this operation's. The world's own
    // values too: the fuzz may have created a supplier or SKU whose code is '..'.
    const notDotSegment = (v: string) => v !== '.' && v !== '..' && !/^(%2e|\.){1,2}$/i.test(v)
    return fc.oneof(
      { weight: 14, arbitrary: own.map(encodeURIComponent).filter(notDotSegment) },
      { weight: 2, arbitrary: validOf(schema, options).map((v) => encodeURIComponent(String(v))).filter(notDotSegment) },
      { weight: 2, arbitrary: fc.constantFrom(...poisonStrings).map(encodeURIComponent).filter(notDotSegment) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%2F', '%00', 'a'.repeat(2_000)) },
    )
  }
  const path = fc.tuple(...op.pathParams.map((p) => pathValue(p.name)))
    .map((values) => op.pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]), op.path))

  const queryParam = (q: Operation['query'][number]) => fc.oneof(
    { weight: 6, arbitrary: validOf(q.schema, options, q.name).map((v) => [[q.name, String(v)]]) },
    { weight: 1, arbitrary: fc.constantFrom(...poisonStrings).map((v) => [[q.name, v]]) },
    { weight: 1, arbitrary: fc.tuple(validOf(q.schema, options, q.name), validOf(q.schema, options, q.name)).map(([a, b]) => [[q.name, String(a)], [q.name, String(b)]]) },
  )
  const query = fc.tuple(
    fc.tuple(...op.query.map((q) => q.required ? queryParam(q) : fc.oneof(fc.constant([]), queryParam(q)))),
    fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...prototypeNames, 'unknown', 'limit', ''), fc.constantFrom(...poisonStrings)) }),
  ).map(([pairs, extra]) => {
    const all = (pairs as string[][][]).flat()
    if (extra) all.push(extra)
    const text = new URLSearchParams(all).toString()
    return text === '' ? '' : `?${text}`
  })

  const sendsBody = op.body !== undefined
  const body: fc.Arbitrary<{ mode: string; value: unknown; raw?: string }> = sendsBody
    ? fc.oneof(
      { weight: 15, arbitrary: validBody(op.body!).map((value) => ({ mode: 'valid', value })) },
      { weight: 5, arbitrary: poisonedOf(op.body!, options).map((value) => ({ mode: 'poisoned', value })) },
      { weight: 1, arbitrary: fc.constantFrom(...rawBodies).map((raw) => ({ mode: 'raw', value: undefined, raw })) },
      { weight: 1, arbitrary: fc.constant({ mode: 'none', value: undefined }) },
    )
    : fc.oneof(
      { weight: 12, arbitrary: fc.constant({ mode: 'none', value: undefined }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({}, { a: 1 }, [], 'x').map((value) => ({ mode: 'unexpected', value })) },
      { weight: 1, arbitrary: fc.constantFrom(...rawBodies).map((raw) => ({ mode: 'raw', value: undefined, raw })) },
    )

  const idempotencyKey = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 9, arbitrary: fc.uuid().map((u) => `fuzz-${u}`) },
    { weight: 2, arbitrary: fc.constantFrom('fuzz-shared-1', 'fuzz-shared-2') },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(1_000), '__proto__', 'constructor', 'é-non-ascii', 'a,b', 'k\tk') },
  )
  // Principals: weighted towards those that may act, every kind still often.
  const principal = fc.oneof(...world.principals.map((p) => ({ weight: principalWeights[p.name] ?? 2, arbitrary: fc.constant(p) })))
  const auth = fc.oneof({ weight: 40, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: fc.constantFrom('none', 'garbage', 'lowercase') })
  const contentType = fc.oneof({ weight: 12, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...contentTypes, undefined) })

  return fc.record({ path, query, body, idempotencyKey, principal, auth, contentType }).map((d) => {
    const headers: Record<string, string> = {}
    const token = d.principal.headers.authorization
    if (d.auth === 'ok') headers.authorization = token
    else if (d.auth === 'garbage') headers.authorization = 'Bearer sh_not-a-token'
    else if (d.auth === 'lowercase') headers.authorization = `bearer ${token.slice(7)}`
    if (d.idempotencyKey !== undefined) headers['idempotency-key'] = d.idempotencyKey
    const payload = d.body.raw ?? (d.body.value === undefined ? undefined : JSON.stringify(d.body.value))
    if (payload !== undefined && d.contentType !== undefined) headers['content-type'] = d.contentType
    return {
      op,
      principal: d.principal.name,
      inject: { method: op.method as InjectOptions['method'], url: d.path + d.query, headers, ...(payload !== undefined && { payload }) },
      shape: { mode: d.body.mode, body: d.body.raw ?? d.body.value },
    }
  })
}

/** Answers the router gives before any operation is chosen (a path it cannot route or decode): no operation declares them. */
const routerCodes = new Set(['route_not_found', 'invalid_url', 'path_too_long'])

/**
 * What is wrong with an answer, or undefined: 2xx with parseable JSON, or 4xx problem+json with a
 * `code`; either way a status the operation declares, and a problem code it lists for that status.
 */
export function faultOf(res: LightMyRequestResponse, op: Operation): string | undefined {
  const fault = shapeFaultOf(res)
  if (fault !== undefined) return fault
  const status = String(res.statusCode)
  const code = res.statusCode >= 400 ? String(JSON.parse(res.body).code) : undefined
  if (code !== undefined && routerCodes.has(code)) return undefined
  if (!op.responses.has(status) && !op.responses.has('default')) return `${status}${code ? ` ${code}` : ''}, a status the operation does not declare`
  const listed = op.responses.get(status)
  if (code !== undefined && listed !== undefined && !listed.includes(code)) return `${status} ${code}, a code the operation does not list for ${status} (${listed.join(', ')})`
  return undefined
}

function shapeFaultOf(res: LightMyRequestResponse): string | undefined {
  const status = res.statusCode
  const type = String(res.headers['content-type'] ?? '')
  if (status >= 200 && status < 300) {
    if (res.body === '' || !type.includes('json')) return undefined
    try {
      JSON.parse(res.body)
      return undefined
    } catch {
      return `${status} with a body that is not JSON`
    }
  }
  if (status < 400 || status >= 500) return `status ${status}`
  if (!type.startsWith('application/problem+json')) return `${status} as ${type || 'no content type'}`
  let problem: { code?: unknown; status?: unknown }
  try {
    problem = JSON.parse(res.body)
  } catch {
    return `${status} problem that is not JSON`
  }
  if (typeof problem.code !== 'string' || problem.code === '') return `${status} problem without a code`
  if (problem.status !== undefined && problem.status !== status) return `${status} problem that says status ${String(problem.status)}`
  return undefined
}

/** A request in a form that can be read and replayed by hand (long strings cut). */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s)
  const body = r.inject.payload === undefined ? '' : ` body=${cut(String(r.inject.payload))}`
  const { authorization: _a, ...headers } = (r.inject.headers ?? {}) as Record<string, string>
  return `${r.inject.method} ${cut(String(r.inject.url))} as ${r.principal} (${r.shape.mode} body) headers=${cut(JSON.stringify(headers))}${body}`
}
