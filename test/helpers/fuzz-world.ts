/**
 * The world the OpenAPI fuzz runs in: the small world plus suppliers with terms and virtual
 * supply, stock, a purchase order through confirmation and an ASN, a published presale campaign,
 * orders, a reservation, a lock and a transfer; a token for each kind of caller; and pools of the
 * real ids and codes, which grow with every id the fuzz's own requests create.
 */
import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { seedWorld } from './fixtures.ts'
import { dayAfter, requester } from './purchasing.ts'
import { campaignBody } from './presale.ts'

/** Id prefixes the fuzz draws from (see src/kernel/ids.ts). */
export type PoolKind = 'sku' | 'node' | 'chn' | 'sup' | 'po' | 'pol' | 'asn' | 'ord' | 'cmp' | 'res' | 'lck' | 'trf' | 'tok' | 'dly' | 'whe' | 'whd' | 'rma' | 'shp' | 'pev' | 'sug' | 'sinv' | 'prun' | 'rcp' | 'lcst' | 'sdeb' | 'cursor'

const idPattern = /^(sku|node|chn|sup|po|pol|asn|ord|cmp|res|lck|trf|tok|dly|whe|whd|rma|shp|pev|sug|sinv|prun|rcp|lcst|sdeb)_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const poolLimit = 300

/** Real ids and codes by kind, in the order they were seen (so a seed replays the same picks). */
export class Pools {
  readonly #values = new Map<PoolKind, string[]>()
  readonly #seen = new Set<string>()
  readonly #excluded: Set<string>
  /** How many values of each kind the seeded world holds: half of the picks come from those, which have stock. */
  readonly #seeded = new Map<PoolKind, number>()

  constructor(excluded: Iterable<string>) {
    this.#excluded = new Set(excluded)
  }

  add(kind: PoolKind, value: string): void {
    if (this.#seen.has(value) || this.#excluded.has(value)) return
    this.#seen.add(value)
    const list = this.#values.get(kind) ?? []
    if (list.length < poolLimit) list.push(value)
    else list[this.#seen.size % poolLimit] = value
    this.#values.set(kind, list)
  }

  /** Marks every value seen so far as the seeded world's. */
  seal(): void {
    for (const [kind, list] of this.#values) this.#seeded.set(kind, list.length)
  }

  /**
   * A value of a kind picked by `index`: from the seeded world's when `index` is even, from all
   * (the fuzz's own creations too) when odd; a well-formed id that does not exist when there is none.
   */
  pick(kind: PoolKind, index: number): string {
    const list = this.#values.get(kind) ?? []
    if (list.length === 0) return `${kind}_00000000-0000-7000-8000-000000000000`
    const seeded = this.#seeded.get(kind) ?? 0
    const half = Math.floor(index / 2)
    return index % 2 === 0 && seeded > 0 ? list[half % seeded] : list[half % list.length]
  }

  /**
   * A value the fuzz created itself, when there is one: changes to the catalogue (renaming,
   * deactivating) land there, so the seeded world's channels, nodes and SKUs stay usable.
   */
  pickOwn(kind: PoolKind, index: number): string {
    const list = this.#values.get(kind) ?? []
    const seeded = this.#seeded.get(kind) ?? 0
    return list.length > seeded ? list[seeded + (index % (list.length - seeded))] : this.pick(kind, index)
  }

  size(kind: PoolKind): number {
    return this.#values.get(kind)?.length ?? 0
  }

  readonly #codes = new Map<string, string>()

  /** Keeps an entity's current code in the pool: a renamed one's old code is replaced, not kept as a dead name. */
  #codeOf(kind: PoolKind, id: string, code: string): void {
    const old = this.#codes.get(id)
    this.#codes.set(id, code)
    if (old === undefined || old === code) return this.add(kind, code)
    const list = this.#values.get(kind) ?? []
    const at = list.indexOf(old)
    if (at >= 0 && !this.#seen.has(code)) {
      list[at] = code
      this.#seen.add(code)
    }
  }

  /** Collects every id in an answer (and the code beside it), however deep. */
  collect(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) this.collect(item, depth + 1)
      return
    }
    const record = value as Record<string, unknown>
    for (const [key, v] of Object.entries(record)) {
      if (typeof v === 'string') {
        if (key === 'nextCursor') this.add('cursor', v)
        const kind = idPattern.exec(v)?.[1] as PoolKind | undefined
        if (kind) {
          this.add(kind, v)
          if (key === 'id' && typeof record.code === 'string' && ['sku', 'node', 'chn', 'sup'].includes(kind)) this.#codeOf(kind, v, record.code)
        }
      } else {
        this.collect(v, depth + 1)
      }
    }
  }
}

export interface Principal {
  name: string
  headers: { authorization: string }
}

export interface FuzzWorld {
  principals: Principal[]
  pools: Pools
  regions: string[]
}

/** Seeds the world over HTTP (each step must succeed) and returns the callers and the pools. */
export async function seedFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const w = await seedWorld(t)
  const call = requester(t)
  const nowMs = t.services.clock.nowMs()
  const app = (await call('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id, w.whNorth.id, w.drop1.id], safetyBuffer: 0 }, 201)).json()
  // The dropship nodes name their suppliers 'sup1' and 'sup2': those are the suppliers' codes.
  const suppliers = []
  for (const code of ['sup1', 'sup2']) {
    suppliers.push((await call('POST', '/v1/suppliers', w.admin, { code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14, paymentTerms: { kind: 'net', days: 30, instalments: null } }, 201)).json())
    for (const sku of ['SKU-A', 'SKU-B']) await call('PUT', `/v1/suppliers/${code}/skus/${sku}`, w.admin, { unitCost: 900, minOrderQuantity: 1, packSize: 1, virtualCap: 100 })
  }
  const tokens = new Map<string, { id: string; headers: { authorization: string } }>()
  for (const role of ['admin', 'ops', `channel:${w.web.id}`, `channel:${app.id}`, `store:${w.store1.id}`, 'supplier:sup1', 'payments:alipay']) {
    const created = await t.services.tokens.create({ name: `fuzz ${role}`, role })
    assert.ok(created.ok)
    tokens.set(role, { id: created.value.info.id, headers: { authorization: `Bearer ${created.value.token}` } })
  }
  const as = (role: string) => tokens.get(role)!.headers
  const sup1 = as('supplier:sup1')

  await call('PUT', '/v1/promising-settings', w.admin, { paymentWindowMinutes: 30, transitDays: { sameRegion: 1, otherRegion: 3 }, customerTiers: { gold: 5, silver: 1 } })
  await call('PUT', `/v1/suppliers/sup1/virtual-supply/SKU-A/DS-1`, sup1, { quantity: 40, leadTimeDays: 3 })
  for (const [sku, node, quantity] of [['SKU-A', 'WH-E', 500], ['SKU-B', 'WH-E', 300], ['SKU-A', 'WH-N', 200], ['SKU-A', 'ST-1', 50], ['SKU-B', 'ST-2', 50]] as const) {
    await call('POST', '/v1/inventory/receipts', w.admin, { sku, node, quantity })
  }
  const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'sup1', destination: 'WH-E', reference: 'PO-FUZZ-1', lines: [{ sku: 'SKU-A', quantity: 20 }, { sku: 'SKU-B', quantity: 10 }] }, 201)).json()
  const sent = (await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)).json()
  await call('POST', `/v1/purchase-orders/${po.id}/confirm`, sup1, { lines: sent.lines.map((l: { id: string }) => ({ line: l.id, quantityAccepted: 10, eta: dayAfter(nowMs, 10) })) })
  await call('POST', `/v1/purchase-orders/${po.id}/asns`, sup1, { carrier: 'SF', tracking: 'SF1', eta: dayAfter(nowMs, 9), lines: [{ line: sent.lines[0].id, quantity: 5 }] }, 201)
  // A second order received at once, with a landed cost: a receipt and its costs for the cost routes to work on.
  const costed = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'sup1', destination: 'WH-E', reference: 'PO-FUZZ-2', lines: [{ sku: 'SKU-A', quantity: 20 }, { sku: 'SKU-B', quantity: 10 }] }, 201)).json()
  await call('POST', `/v1/purchase-orders/${costed.id}/send`, w.admin)
  const receipt = (await call('POST', `/v1/purchase-orders/${costed.id}/receipts`, w.admin, { lines: [{ line: '1', quantityPassed: 20 }, { line: '2', quantityPassed: 10 }] }, 201)).json()
  await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.admin, { kind: 'freight', basis: 'quantity', amountMinor: 3000, currency: 'CNY' }, 201)
  await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'sup2', destination: 'WH-N', reference: 'PO-FUZZ-2', lines: [{ sku: 'SKU-B', quantity: 5 }] }, 201)

  // Webhook endpoints (staff's and a channel's) made before the orders, so the orders' events become their deliveries.
  const endpoints = [
    (await call('POST', '/v1/webhook-endpoints', w.admin, { url: 'http://127.0.0.1:9/staff' }, 201)).json(),
    (await call('POST', '/v1/webhook-endpoints', as(`channel:${w.web.id}`), { url: 'http://127.0.0.1:9/web', topics: ['order.'] }, 201)).json(),
  ]
  const campaign = (await call('POST', '/v1/presale-campaigns', w.admin, campaignBody(nowMs, { quota: 1000, perCustomerLimit: 50 }), 201)).json()
  await call('POST', `/v1/presale-campaigns/${campaign.id}/publish`, w.admin)
  for (let i = 0; i < 3; i++) {
    await call('POST', '/v1/orders', as(`channel:${w.web.id}`), { customerId: `c-${i}`, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' } }, 201, { 'idempotency-key': `seed-${i}` })
  }
  // Two more orders paid, shipped, delivered and being returned: the returns the fuzz works on.
  for (let i = 0; i < 2; i++) {
    const o = (await call('POST', '/v1/orders', as(`channel:${w.web.id}`), { customerId: `r-${i}`, lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' } }, 201, { 'idempotency-key': `seed-r-${i}` })).json()
    await call('POST', `/v1/orders/${o.id}/payments`, as('payments:alipay'), { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `seed-r-${i}` }, 201)
    await call('POST', `/v1/orders/${o.id}/ship`, w.admin, {})
    await call('POST', `/v1/orders/${o.id}/deliver`, w.admin, {})
    await call('POST', '/v1/returns', as(`channel:${w.web.id}`), { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
  }
  await call('POST', '/v1/reservations', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 2 }, 201)
  await call('POST', '/v1/inventory/locks', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 3, reason: 'wave' }, 201)
  await call('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-E', to: 'ST-1', quantity: 2 }, 201)

  // Demand for both SKUs at WH-E and a planned peak: suggestions and an event for the replenishment routes to work on.
  const history = ['sku,node,date,quantity', ...['SKU-A', 'SKU-B'].flatMap((sku) => Array.from({ length: 60 }, (_, i) => `${sku},WH-E,${dayAfter(nowMs, -60 + i)},${400 + i}`))]
  await t.services.replenishment.importDemandHistory(history.join('\n'))
  await call('POST', '/v1/replenishment/run', w.admin, {})
  await call('POST', '/v1/planned-events', w.admin, { sku: '*', node: 'WH-E', date: dayAfter(nowMs, 30), kind: 'peak', upliftPct: 200 }, 201)
  // A supplier invoice on the PO (billed before it arrived: held), approved, and a payment run that pays it.
  const invoice = (await call('POST', '/v1/supplier-invoices', w.admin, {
    supplierId: po.supplierId, number: 'FUZZ-INV-1', invoiceDate: dayAfter(nowMs, 0), currency: po.currency, lines: [{ po: po.id, lineNo: 1, quantity: 1, unitPriceMinor: 100 }],
  }, 201)).json()
  await call('POST', `/v1/supplier-invoices/${invoice.id}/resolution`, w.admin, { action: 'approve', reason: 'seeded' })
  await call('POST', '/v1/payment-runs', w.admin, { payBy: dayAfter(nowMs, 90) }, 201)

  // A credit note from each supplier: debits for the staff and portal routes to read.
  for (const code of ['sup1', 'sup2']) await call('POST', `/v1/suppliers/${code}/credit-notes`, w.admin, { number: `CN-${code}`, amountMinor: 500, currency: 'CNY', reason: 'seed' }, 201)

  // Every id and code the world holds, read back through the lists an admin sees.
  const pools = new Pools([...tokens.values()].map((tok) => tok.id))
  for (const url of ['/v1/skus', '/v1/nodes', '/v1/channels', '/v1/suppliers', '/v1/purchase-orders', '/v1/orders', '/v1/presale-campaigns', '/v1/webhook-endpoints', `/v1/purchase-orders/${po.id}/asns`, '/v1/returns', '/v1/shipments', '/v1/planned-events', '/v1/suggestions', '/v1/supplier-invoices', '/v1/payment-runs', `/v1/purchase-orders/${costed.id}/receipts`, '/v1/supplier-debits']) {
    pools.collect((await call('GET', url, w.admin)).json())
  }
  await t.services.webhooks.fanOut()
  for (const endpoint of endpoints) pools.collect((await call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`, w.admin)).json())
  for (const url of ['/v1/reservations', '/v1/inventory/locks', '/v1/transfers']) {
    const ids = await t.services.db.all<{ id: string }>(`SELECT id FROM ${url.split('/').pop()}`)
    for (const { id } of ids) pools.collect({ id })
  }
  pools.seal()
  const principals: Principal[] = [...tokens.entries()].map(([role, tok]) => ({ name: role.replace(/:.*/, ''), headers: tok.headers }))
  return { principals, pools, regions: ['east', 'north'] }
}
