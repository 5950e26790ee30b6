/**
 * Authorization, generated from the app's own /openapi.json: every operation × every principal,
 * with the caller's own ids, another scope's ids and ids that do not exist substituted into the
 * path, the query and the body. What must hold for every answer:
 * - no token, an unknown, revoked or malformed one: 401;
 * - never a 5xx;
 * - a scoped role (channel, store, supplier, payments) asking about another scope's thing gets
 *   exactly the answer it gets for a thing that does not exist (same status, code and text), never
 *   a 2xx, and 403 only where its own ids get 403 too (the role may not do this at all);
 * - no 2xx a scoped role gets names another scope's node, channel, supplier, order, purchase
 *   order, ASN, lock, transfer or reservation: lists hold only the caller's items;
 * - the own ids do reach the caller's things (a table of reads that must succeed), so the probe
 *   cannot pass by refusing everything.
 * - a role that may not call an operation at all (helpers/authorization.ts `mayCall`) gets 403
 *   whatever the ids.
 * The principals: admin, ops, two channels, two stores, two warehouses, two suppliers (one also by its code), a
 * payment provider, and no, unknown, revoked and malformed tokens. A new route is covered
 * automatically: an operation with no id-substitution rule, body rule or `mayCall` entry fails.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import {
  bodies, campaignBody, future, isScoped, mayCall, openByDesign, other, scopedKinds, uniq,
  type Caller, type Headers, type Ids, type Kind, type Side, type Variant,
} from './helpers/authorization.ts'

interface Operation { method: string; path: string; key: string; public: boolean; pathParams: string[]; query: Array<{ name: string; required: boolean }>; body?: { required: boolean } }

/** `{id}` means something different under each prefix; any other name or prefix has no rule and fails the test. */
function kindOfPathParam(path: string, name: string): Kind {
  const byName: Record<string, Kind> = { supplier: 'supplier', sku: 'sku', node: 'node', channel: 'channel', line: 'line', asn: 'asn', token: 'statusToken', deliveryId: 'delivery', kind: 'notificationKind', debitId: 'debit' }
  if (Object.hasOwn(byName, name)) return byName[name]
  if (name !== 'id') throw new Error(`no id-substitution rule for {${name}} in ${path}`)
  if (path.startsWith('/v1/inventory/locks/')) return 'lock'
  if (path.startsWith('/v1/supplier-portal/dropship/')) return 'dropshipRequest'
  if (path.startsWith('/v1/supplier-portal/invoices/')) return 'invoice'
  const byPrefix: Record<string, Kind> = {
    tokens: 'token', reservations: 'reservation', transfers: 'transfer', suppliers: 'supplier',
    'purchase-orders': 'po', orders: 'order', shipments: 'shipment', returns: 'return', 'presale-campaigns': 'campaign', 'webhook-endpoints': 'webhook',
    'planned-events': 'plannedEvent', suggestions: 'suggestion', 'supplier-invoices': 'invoice', 'payment-runs': 'paymentRun', receipts: 'receipt',
  }
  const prefix = path.split('/')[2]
  if (!Object.hasOwn(byPrefix, prefix)) throw new Error(`no id-substitution rule for {id} in ${path}`)
  return byPrefix[prefix]
}

/** Query parameters that name something; the others (paging, status, region…) are left out unless required, which needs a rule. */
const queryKinds: Record<string, Kind> = { sku: 'sku', node: 'node', channel: 'channel', supplier: 'supplier' }
/** Required query parameters that name nothing: a valid value for each. */
const queryValues: Record<string, () => string> = { eta: () => future(14) }

/** Reads that must succeed with the caller's own ids: without them the probe could pass by refusing everything. */
const mustReach: Array<[caller: string, key: string]> = [
  ['store A', 'GET /v1/nodes/{node}'], ['store A', 'GET /v1/inventory/positions/{sku}/{node}'], ['store A', 'GET /v1/inventory/locks/{id}'],
  ['store A', 'GET /v1/transfers/{id}'], ['store A', 'GET /v1/reservations/{id}'], ['store A', 'GET /v1/purchase-orders/{id}'],
  ['store A', 'GET /v1/inventory/availability/{sku}'], ['store B', 'GET /v1/inventory/locks/{id}'],
  ['channel A', 'GET /v1/orders/{id}'], ['channel A', 'GET /v1/shipments/{id}'], ['channel B', 'GET /v1/shipments/{id}'], ['channel A', 'GET /v1/channels/{channel}'], ['channel A', 'GET /v1/reservations/{id}'],
  ['channel A', 'GET /v1/nodes/{node}'], ['channel B', 'GET /v1/orders/{id}'],
  ['supplier A', 'GET /v1/suppliers/{id}'], ['supplier A', 'GET /v1/purchase-orders/{id}'], ['supplier A', 'GET /v1/purchase-orders/{id}/asns'],
  ['supplier A', 'GET /v1/nodes/{node}'], ['warehouse A', 'GET /v1/nodes/{node}'], ['supplier A', 'GET /v1/supplier-portal/lines'], ['supplier A', 'GET /v1/supplier-portal/dropship/{id}'], ['supplier A by code', 'GET /v1/supplier-portal/dropship/{id}'], ['supplier A', 'GET /v1/purchase-orders/{id}/lines/{line}/eta-impact'], ['supplier A by code', 'GET /v1/inventory/positions/{sku}/{node}'], ['supplier A by code', 'GET /v1/purchase-orders/{id}'], ['supplier A', 'GET /v1/inventory/positions/{sku}/{node}'], ['supplier B', 'GET /v1/suppliers/{id}/virtual-supply'],
  ['payments', 'GET /v1/orders/{id}'], ['payments', 'GET /v1/orders/{id}/payments'],
  ['supplier A', 'GET /v1/supplier-portal/invoices/{id}'], ['supplier A by code', 'GET /v1/supplier-portal/invoices/{id}'],
  ['channel A', 'GET /v1/returns/{id}'], ['store A', 'GET /v1/returns/{id}'], ['channel B', 'GET /v1/returns/{id}'],
  ['supplier A', 'GET /v1/supplier-portal/debits/{debitId}'], ['supplier A by code', 'GET /v1/supplier-portal/debits/{debitId}'], ['supplier B', 'GET /v1/supplier-portal/debits'],
  ['channel A', 'GET /v1/webhook-endpoints/{id}'], ['channel B', 'GET /v1/webhook-endpoints/{id}/deliveries'], ['channel B', 'GET /v1/webhook-endpoints/{id}'],
  // Public: the status link alone reaches its order, with or without a bearer token.
  ['no token', 'GET /v1/order-status/{token}'], ['channel B', 'GET /v1/order-status/{token}'], ['no token', 'GET /v1/promise'],
]

/** Lists a scoped caller reads with its own ids, and exactly what they hold (by code or id). */
const exactLists: Array<[caller: string, key: string, expected: (w: World) => string[]]> = [
  ['store A', 'GET /v1/nodes', (w) => [w.ids.node.A]],
  ['warehouse B', 'GET /v1/nodes', (w) => [w.warehouse.B]],
  ['warehouse A', 'GET /v1/shipments', () => []],
  ['supplier B', 'GET /v1/nodes', (w) => [w.dropship.B]],
  ['supplier A by code', 'GET /v1/nodes', (w) => [w.dropship.A]],
  ['channel A', 'GET /v1/channels', (w) => [w.ids.channel.A]],
  ['channel A', 'GET /v1/shipments', (w) => [w.ids.shipment.A, w.ids.dropshipRequest.A].sort()],
  ['supplier A', 'GET /v1/supplier-portal/dropship', (w) => [w.ids.dropshipRequest.A]],
  ['supplier A by code', 'GET /v1/supplier-portal/dropship', (w) => [w.ids.dropshipRequest.A]],
  ['supplier B', 'GET /v1/supplier-portal/dropship', (w) => [w.ids.dropshipRequest.B]],
  ['store A', 'GET /v1/shipments', () => []],
  ['supplier A', 'GET /v1/suppliers', (w) => [w.ids.supplier.A]],
  ['channel A', 'GET /v1/returns', (w) => [w.ids.return.A]],
  ['store A', 'GET /v1/returns', (w) => [w.ids.return.A]],
  ['warehouse A', 'GET /v1/returns', () => []],
]

interface World {
  ids: Record<Kind, Record<Side, string>>
  dropship: Record<Side, string>
  /** Each side's own warehouse: a `warehouse:` token's node. */
  warehouse: Record<Side, string>
  /** Per caller, what it must never see: the other side's scoped ids and codes. */
  secrets: Record<Side, string[]>
  callers: Caller[]
}

async function seed(t: TestApp): Promise<World> {
  const admin = await t.auth('admin')
  const call = async (method: string, url: string, headers: Headers, payload: unknown, status: number) => {
    const res = await t.app.inject({ method: method as 'POST', url, headers, ...(payload !== undefined && { payload: payload as object }) })
    assert.equal(res.statusCode, status, `seeding ${method} ${url}: ${res.body}`)
    return res.json()
  }
  const post = (url: string, payload: unknown, headers: Headers = admin, status = 201) => call('POST', url, headers, payload, status)
  const skuA = await post('/v1/skus', { code: 'SKU-A', name: 'Probe A' })
  const skuB = await post('/v1/skus', { code: 'SKU-B', name: 'Probe B' })
  // Only the suppliers have SKU-C: it is sent from their dropship nodes.
  const skuC = await post('/v1/skus', { code: 'SKU-C', name: 'Probe C' })
  const supplier = (code: string) => post('/v1/suppliers', { code, name: code, currency: 'CNY', defaultLeadTimeDays: 5, paymentTerms: { kind: 'net', days: 30 } })
  const sup = { A: await supplier('SUPP-ALPHA'), B: await supplier('SUPP-BETA') }
  const node = (code: string, kind: string, supplierId?: string) => post('/v1/nodes', { code, name: code, kind, region: 'east', ...(supplierId && { supplierId }) })
  const wh = await node('WH-SHARED', 'warehouse')
  const store = { A: await node('STORE-ALPHA', 'store'), B: await node('STORE-BETA', 'store') }
  const drop = { A: await node('DROP-ALPHA', 'dropship', sup.A.id), B: await node('DROP-BETA', 'dropship', sup.B.id) }
  const depot = { A: await node('DEPOT-ALPHA', 'warehouse'), B: await node('DEPOT-BETA', 'warehouse') }
  const channel = (code: string, side: Side) => post('/v1/channels', { code, name: code, kind: 'web', nodeIds: [wh.id, store[side].id, drop[side].id], safetyBuffer: 0 })
  const ch = { A: await channel('CHAN-ALPHA', 'A'), B: await channel('CHAN-BETA', 'B') }
  for (const side of ['A', 'B'] as const) {
    for (const sku of [skuA, skuB, skuC]) await call('PUT', `/v1/suppliers/${sup[side].id}/skus/${sku.id}`, admin, { unitCost: 100, virtualCap: 100 }, 200)
    for (const n of [wh, store[side]]) for (const sku of [skuA, skuB]) await post('/v1/inventory/receipts', { sku: sku.id, node: n.id, quantity: 100 }, admin, 200)
  }
  const auth = async (role: string) => (await t.auth(role)) as Headers
  const tokens = {
    channel: { A: await auth(`channel:${ch.A.id}`), B: await auth(`channel:${ch.B.id}`) },
    store: { A: await auth(`store:${store.A.id}`), B: await auth(`store:${store.B.id}`) },
    supplier: { A: await auth(`supplier:${sup.A.id}`), B: await auth(`supplier:${sup.B.id}`) },
    warehouse: { A: await auth(`warehouse:${depot.A.id}`), B: await auth(`warehouse:${depot.B.id}`) },
  }
  const payments = await auth('payments:pay-alpha')
  const ids = { order: {}, shipment: {}, dropshipRequest: {}, return: {}, po: {}, asn: {}, lock: {}, transfer: {}, reservation: {}, token: {}, statusToken: {}, webhook: {}, delivery: {}, debit: {} } as Record<Kind, Record<Side, string>>
  // Each channel's webhook endpoint, made before its orders so their events reach it.
  for (const side of ['A', 'B'] as const) ids.webhook[side] = (await post('/v1/webhook-endpoints', { url: `http://127.0.0.1:9/${side}` }, tokens.channel[side])).id
  for (const side of ['A', 'B'] as const) {
    for (const sku of [skuA, skuC]) await call('PUT', `/v1/suppliers/${sup[side].id}/virtual-supply/${sku.id}/${drop[side].id}`, tokens.supplier[side], { quantity: 10, leadTimeDays: 2 }, 200)
    ids.reservation[side] = (await post('/v1/reservations', { sku: skuA.id, node: store[side].id, quantity: 1 }, tokens.channel[side])).id
    const order = await post('/v1/orders', { customerId: `c-${side}`, lines: [{ sku: skuB.id, quantity: 1, unitPrice: 100 }, { sku: skuC.id, quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } },
      { ...tokens.channel[side], 'idempotency-key': uniq('order') })
    ids.order[side] = order.id
    ids.statusToken[side] = order.statusToken
    ids.lock[side] = (await post('/v1/inventory/locks', { sku: skuA.id, node: store[side].id, quantity: 1, reason: 'wave' }, tokens.store[side])).id
    ids.transfer[side] = (await post('/v1/transfers', { sku: skuA.id, from: store[side].id, to: wh.id, quantity: 1 }, tokens.store[side])).id
    const po = await post('/v1/purchase-orders', { supplier: sup[side].id, destination: store[side].id, lines: [{ sku: skuA.id, quantity: 10 }, { sku: skuB.id, quantity: 10 }] })
    ids.po[side] = po.id
    await post(`/v1/purchase-orders/${po.id}/send`, undefined, admin, 200)
    await post(`/v1/purchase-orders/${po.id}/confirm`, { lines: [{ line: '1', quantityAccepted: 10, eta: future(7) }, { line: '2', quantityAccepted: 10, eta: future(7) }] }, tokens.supplier[side], 200)
    ids.asn[side] = (await post(`/v1/purchase-orders/${po.id}/asns`, { eta: future(7), lines: [{ line: '1', quantity: 5 }] }, tokens.supplier[side])).id
    ids.debit[side] = (await post(`/v1/suppliers/${sup[side].id}/credit-notes`, { number: `CN-SEED-${side}`, amountMinor: 100, currency: 'CNY', reason: 'seed' })).id
    const spare = await t.services.tokens.create({ name: `spare ${side}`, role: 'ops' })
    assert.ok(spare.ok)
    ids.token[side] = spare.value.info.id
  }
  await post(`/v1/orders/${ids.order.A}/payments`, { kind: 'payment', amount: 200, currency: 'CNY', providerRef: 'seed-1' }, payments)
  // Order B is paid through another provider (the probing one must not see it): each side's order has its shipment, and its
  // dropship request at its supplier's node.
  await post(`/v1/orders/${ids.order.B}/payments`, { kind: 'payment', amount: 200, currency: 'CNY', providerRef: 'seed-2' }, await auth('payments:pay-beta'))
  ids.shipment = {} as Record<Side, string>
  for (const side of ['A', 'B'] as const) {
    const shipments = await t.services.fulfilment.ofOrder(ids.order[side])
    ids.shipment[side] = shipments.find((s) => s.nodeId !== drop[side].id)!.id
    ids.dropshipRequest[side] = shipments.find((s) => s.nodeId === drop[side].id)!.id
  }
  // Each side's order is delivered and its customer returns line 1 through the channel, to be received at the side's store.
  for (const side of ['A', 'B'] as const) {
    await post(`/v1/orders/${ids.order[side]}/ship`, {}, admin, 200)
    await post(`/v1/orders/${ids.order[side]}/deliver`, {}, admin, 200)
    ids.return[side] = (await post('/v1/returns', { order: ids.order[side], lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, tokens.channel[side])).id
    await post(`/v1/returns/${ids.return[side]}/approve`, { node: store[side].id }, admin, 200)
  }
  await t.services.webhooks.fanOut()
  for (const side of ['A', 'B'] as const) {
    const log = await call('GET', `/v1/webhook-endpoints/${ids.webhook[side]}/deliveries`, tokens.channel[side], undefined, 200)
    assert.ok(log.items.length > 0, `channel ${side}'s endpoint has deliveries`)
    ids.delivery[side] = log.items[0].id
  }
  const campaign = await post('/v1/presale-campaigns', campaignBody(skuB.id, wh.id))
  await post(`/v1/presale-campaigns/${campaign.id}/publish`, undefined, admin, 200)
  // Demand at the warehouse for a SKU the suppliers sell: a suggestion to probe; a planned event.
  const history = ['sku,node,date,quantity', ...Array.from({ length: 60 }, (_, i) => `${skuB.id},${wh.id},${new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10)},40`)]
  await t.services.replenishment.importDemandHistory(history.join('\n'))
  await t.services.replenishment.recomputeNow({ skuIds: [skuB.id] })
  const [suggestion] = await t.services.replenishment.listSuggestions({ status: 'open' }, undefined, 1)
  assert.ok(suggestion, 'the seeded demand makes a suggestion')
  const plannedEvent = await post('/v1/planned-events', { sku: '*', node: wh.id, date: future(20), kind: 'peak', upliftPct: 200 })
  // Each supplier's invoice against its PO, billed before anything arrived: held, then approved so that a payment run pays it.
  ids.invoice = {} as Record<Side, string>
  for (const side of ['A', 'B'] as const) {
    ids.invoice[side] = (await post('/v1/supplier-portal/invoices', { number: `INV-${side}`, invoiceDate: future(0), currency: 'CNY', lines: [{ po: ids.po[side], lineNo: 2, quantity: 1, unitPriceMinor: 100 }] }, tokens.supplier[side])).id
    await post(`/v1/supplier-invoices/${ids.invoice[side]}/resolution`, { action: 'approve', reason: 'seeded' }, admin, 200)
  }
  const paymentRun = await post('/v1/payment-runs', { payBy: future(60) })
  // A purchase order of its own received at the warehouse: a receipt for the landed-cost routes.
  const costedPo = await post('/v1/purchase-orders', { supplier: sup.A.id, destination: wh.id, lines: [{ sku: skuA.id, quantity: 10 }] })
  await post(`/v1/purchase-orders/${costedPo.id}/send`, undefined, admin, 200)
  const receipt = await post(`/v1/purchase-orders/${costedPo.id}/receipts`, { lines: [{ line: '1', quantityPassed: 10 }] })
  const revoked = await t.services.tokens.create({ name: 'revoked', role: 'admin' })
  assert.ok(revoked.ok)
  await t.services.tokens.revoke(revoked.value.info.id)

  Object.assign(ids, {
    node: { A: store.A.id, B: store.B.id }, channel: { A: ch.A.id, B: ch.B.id }, supplier: { A: sup.A.id, B: sup.B.id },
    sku: { A: skuA.id, B: skuA.id }, line: { A: '1', B: '1' }, campaign: { A: campaign.id, B: campaign.id }, warehouse: { A: wh.id, B: wh.id },
    notificationKind: { A: 'delay_notice', B: 'delay_notice' },
    plannedEvent: { A: plannedEvent.id, B: plannedEvent.id }, suggestion: { A: suggestion.id, B: suggestion.id }, paymentRun: { A: paymentRun.id, B: paymentRun.id },
    receipt: { A: receipt.id, B: receipt.id },
  })
  const codes = { A: ['STORE-ALPHA', 'DROP-ALPHA', 'DEPOT-ALPHA', 'CHAN-ALPHA', 'SUPP-ALPHA'], B: ['STORE-BETA', 'DROP-BETA', 'DEPOT-BETA', 'CHAN-BETA', 'SUPP-BETA'] }
  const sideSecrets = (side: Side) => [...[...scopedKinds].map((k) => ids[k][side]), drop[side].id, depot[side].id, ...codes[side]]
  const callers: Caller[] = [
    { name: 'admin', kind: 'admin', side: 'A', headers: admin },
    { name: 'ops', kind: 'ops', side: 'A', headers: await auth('ops') },
    ...(['A', 'B'] as const).flatMap((side) => (['channel', 'store', 'warehouse', 'supplier'] as const).map((kind): Caller => ({ name: `${kind} ${side}`, kind, side, headers: tokens[kind][side] }))),
    // A supplier token may name the supplier by code while its dropship node names it by id.
    { name: 'supplier A by code', kind: 'supplier', side: 'A', headers: await auth('supplier:SUPP-ALPHA') },
    { name: 'payments', kind: 'payments', side: 'A', headers: payments },
    { name: 'no token', kind: 'anonymous', side: 'A', headers: {} },
    { name: 'unknown token', kind: 'anonymous', side: 'A', headers: { authorization: 'Bearer sh_not-a-token-anyone-was-given' } },
    { name: 'revoked token', kind: 'anonymous', side: 'A', headers: { authorization: `Bearer ${revoked.value.token}` } },
    { name: 'malformed header', kind: 'anonymous', side: 'A', headers: { authorization: `Token ${revoked.value.token}` } },
  ]
  return { ids, dropship: { A: drop.A.id, B: drop.B.id }, warehouse: { A: depot.A.id, B: depot.B.id }, secrets: { A: sideSecrets('A'), B: sideSecrets('B') }, callers }
}

function operationsOf(spec: { paths: Record<string, Record<string, { security?: unknown[]; parameters?: Array<{ in: string; name: string; required?: boolean }>; requestBody?: { required?: boolean } }>> }): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!path.startsWith('/v1/')) continue
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? []
      ops.push({
        method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, public: op.security?.length === 0,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true })),
        ...(op.requestBody && { body: { required: op.requestBody.required === true } }),
      })
    }
  }
  return ops
}

/** The request an operation makes for a caller and variant: ids substituted into path, query and body. */
function requestFor(w: World, op: Operation, caller: Caller, variant: Variant): Request {
  const used: string[] = []
  const own: string[] = []
  const v: Ids = (kind) => {
    const side = variant === 'foreign' && scopedKinds.has(kind) ? other(caller.side) : caller.side
    // A supplier's node is its dropship node, a warehouse user's its warehouse.
    const nodeOf = (s: Side) => (caller.kind === 'supplier' ? w.dropship[s] : caller.kind === 'warehouse' ? w.warehouse[s] : w.ids.node[s])
    const value = variant === 'missing' && scopedKinds.has(kind) ? `missing-${kind}-0` : kind === 'node' ? nodeOf(side) : w.ids[kind][side]
    used.push(value)
    own.push(kind === 'node' ? nodeOf(caller.side) : w.ids[kind][caller.side])
    return value
  }
  let url = op.path
  for (const name of op.pathParams) url = url.replace(`{${name}}`, encodeURIComponent(v(kindOfPathParam(op.path, name))))
  const query = new URLSearchParams()
  for (const q of op.query) {
    const kind = Object.hasOwn(queryKinds, q.name) ? queryKinds[q.name] : undefined
    if (q.required && !kind && Object.hasOwn(queryValues, q.name)) {
      query.set(q.name, queryValues[q.name]())
      continue
    }
    if (q.required && !kind) throw new Error(`no substitution rule for required query parameter '${q.name}' of ${op.key}`)
    // Own reads are unfiltered (the whole list the caller sees); the others probe each filter with a foreign or missing id.
    if (kind && (q.required || variant !== 'own')) query.set(q.name, v(kind))
  }
  if (query.size > 0) url += `?${query}`
  let payload: unknown
  if (op.body) {
    if (!Object.hasOwn(bodies, op.key)) throw new Error(`no body rule for ${op.key}`)
    payload = bodies[op.key](v)
  }
  return { method: op.method, url, payload, used, foreign: variant === 'foreign' && used.some((id, i) => id !== own[i]), headers: { ...caller.headers, 'idempotency-key': uniq('probe') } }
}

interface Request { method: string; url: string; payload: unknown; headers: Headers; used: string[]; foreign: boolean }
/** An answer, with the ids its request used and whether any was another scope's. */
interface Answer { status: number; code?: string; detail?: string; body: string; used: string[]; foreign: boolean }

const masked = (text: string | undefined, ids: string[]): string | undefined =>
  text === undefined ? undefined : ids.reduce((s, id) => s.split(id).join('<id>'), text)

for (const kind of await storeKinds()) {
  describe(`authorization from /openapi.json on ${kind}`, () => {
    let t: TestApp
    let w: World
    let ops: Operation[]
    const answers = new Map<string, Answer>()
    const failures: string[] = []
    const key = (op: Operation, caller: Caller, variant: Variant) => `${op.key} | ${caller.name} | ${variant}`

    async function probe(op: Operation, caller: Caller, variant: Variant): Promise<void> {
      const r = requestFor(w, op, caller, variant)
      const res = await t.app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers, ...(r.payload !== undefined && { payload: r.payload as object }) })
      let problem: { code?: string; detail?: string } = {}
      try { problem = res.json() } catch { /* not JSON: checked below */ }
      const answer = { status: res.statusCode, code: problem.code, detail: problem.detail, body: res.body, used: r.used, foreign: r.foreign }
      answers.set(key(op, caller, variant), answer)
      const where = `${key(op, caller, variant)}: ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 300)}`
      if (res.statusCode >= 500) failures.push(`5xx: ${where}`)
      if (caller.kind === 'anonymous' && res.statusCode !== 401 && !op.public) failures.push(`not 401 without a valid token: ${where}`)
      if (caller.kind === 'anonymous' && res.statusCode === 401 && op.public) failures.push(`401 on a public operation: ${where}`)
      if (isScoped(caller) && res.statusCode < 300) {
        const leaked = w.secrets[other(caller.side)].filter((s) => res.body.includes(s))
        if (leaked.length > 0) failures.push(`another scope's data (${leaked.join(', ')}): ${where}`)
      }
    }

    before(async () => {
      t = await startTestApp(kind)
      w = await seed(t)
      const spec = (await t.app.inject({ url: '/openapi.json' })).json()
      ops = operationsOf(spec)
      // Reads before writes, so the own-id reads see the seeded state.
      ops.sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'))
    })
    after(() => t?.close())

    test('every operation has an id-substitution rule (a new route cannot go unprobed)', () => {
      assert.ok(ops.length >= 100, `only ${ops.length} operations in /openapi.json`)
      for (const op of ops) for (const caller of w.callers) for (const variant of ['own', 'foreign', 'missing'] as const) requestFor(w, op, caller, variant)
    })

    test('every operation × every principal: 401 without a valid token, no 5xx, nothing of another scope in a 2xx', async () => {
      const anonymous = w.callers.filter((c) => c.kind === 'anonymous')
      const scoped = w.callers.filter(isScoped)
      const staff = w.callers.filter((c) => c.kind === 'admin' || c.kind === 'ops')
      for (const op of ops) for (const caller of anonymous) await probe(op, caller, 'own')
      // Foreign and missing first, while every seeded thing is as it was; then the own ids, which may change things; staff last.
      for (const op of ops) for (const caller of scoped) for (const variant of ['foreign', 'missing'] as const) await probe(op, caller, variant)
      for (const op of ops) for (const caller of scoped) await probe(op, caller, 'own')
      for (const op of ops) for (const caller of staff) for (const variant of ['own', 'foreign', 'missing'] as const) await probe(op, caller, variant)
      assert.deepEqual(failures, [])
    })

    test("a scoped role gets for another scope's id exactly what it gets for a missing one: never 2xx, 403 only where it may not act at all", () => {
      const holes: string[] = []
      for (const op of ops) {
        for (const caller of w.callers.filter(isScoped)) {
          const foreign = answers.get(key(op, caller, 'foreign'))
          const missing = answers.get(key(op, caller, 'missing'))
          const own = answers.get(key(op, caller, 'own'))
          assert.ok(foreign && missing && own, `${op.key} ${caller.name} was not probed`)
          const where = `${op.key} as ${caller.name}`
          // Shared things only (SKUs, campaigns, lifecycle tables): nothing foreign was asked for; the scan for leaks covers these.
          if (!foreign.foreign || openByDesign.some(([k, opKey]) => k === caller.kind && opKey === op.key)) continue
          // Public: any shop's widget asks for any channel's promise, which names no quantity, node or channel (the leak scan still runs).
          if (op.public) continue
          const seen = (a: Answer) => [a.status, a.code, masked(a.detail, a.used), a.status < 300 ? masked(a.body, a.used) : '']
          // A 2xx is allowed only where a missing id gets the very same (a list filtered by an id: empty either way).
          if (foreign.status < 300 && JSON.stringify(seen(foreign)) !== JSON.stringify(seen(missing))) holes.push(`${where}: foreign id accepted (${foreign.status}) ${foreign.body.slice(0, 200)}`)
          else if (JSON.stringify(seen(foreign)) !== JSON.stringify(seen(missing))) {
            holes.push(`${where}: foreign ${JSON.stringify(seen(foreign))} differs from missing ${JSON.stringify(seen(missing))}`)
          }
          if (foreign.status === 403 && own.status !== 403) holes.push(`${where}: 403 for a foreign id but ${own.status} for its own (existence revealed)`)
        }
      }
      assert.deepEqual(holes, [])
    })

    test('a role that may not call an operation gets 403 whatever the ids; one that may never gets 403 for what is not its own', () => {
      const wrong: string[] = []
      for (const op of ops) {
        assert.ok(Object.hasOwn(mayCall, op.key), `${op.key}: which roles may call it? Add it to mayCall`)
        const allowed = new Set(mayCall[op.key].split(' '))
        for (const caller of w.callers.filter((c) => c.kind !== 'anonymous')) {
          for (const variant of ['own', 'foreign', 'missing'] as const) {
            const status = answers.get(key(op, caller, variant))!.status
            if (!allowed.has(caller.kind) && status !== 403) wrong.push(`${op.key} as ${caller.name} (${variant}): ${status}, not 403`)
            // The own ids may still meet a 403 for the wrong end of something the caller sees (a store receiving what it sent).
            if (allowed.has(caller.kind) && variant !== 'own' && status === 403) wrong.push(`${op.key} as ${caller.name} (${variant}): 403 where it may call the operation`)
          }
        }
      }
      assert.deepEqual(wrong, [])
    })

    test('own ids reach the caller’s own things, and lists hold exactly its items', () => {
      const byName = new Map(w.callers.map((c) => [c.name, c]))
      for (const [name, opKey] of mustReach) {
        const op = ops.find((o) => o.key === opKey)
        assert.ok(op, `${opKey} is not in /openapi.json`)
        const a = answers.get(key(op, byName.get(name)!, 'own'))
        assert.equal(a?.status, 200, `${opKey} as ${name}: ${a?.body.slice(0, 300)}`)
      }
      for (const [name, opKey, expected] of exactLists) {
        const op = ops.find((o) => o.key === opKey)!
        const a = answers.get(key(op, byName.get(name)!, 'own'))
        assert.equal(a?.status, 200, `${opKey} as ${name}: ${a?.body}`)
        assert.deepEqual(JSON.parse(a!.body).items.map((i: { id: string }) => i.id), expected(w), `${opKey} as ${name}`)
      }
    })
  })
}
