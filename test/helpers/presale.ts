/** Set-up for the presale tests: campaigns over HTTP, presale orders, payments, and the quota slot as stored. */
import type { TestApp } from './app.ts'
import { seedOrders, newKey, type OrdersWorld } from './orders.ts'
import { dayAfter, requester } from './purchasing.ts'

export const hourMs = 3_600_000
export const minuteMs = 60_000
export const iso = (ms: number): string => new Date(ms).toISOString()

let codeSeq = 0

export async function seedPresale(t: TestApp) {
  return seedOrders(t)
}

/**
 * A campaign body: SKU-A shipped from WH-E, starting now, ending in 5 days, quota 10, 3 per
 * customer, 100.00 each, a 20.00 deposit (≤ 20 %, whole yuan) counting 1.5×, 48 hours for the
 * balance, shipping on day 10.
 */
export function campaignBody(nowMs: number, over: Record<string, unknown> = {}) {
  return {
    code: `PS-${process.pid}-${++codeSeq}`, name: 'Winter jacket presale', sku: 'SKU-A', node: 'WH-E',
    startsAt: iso(nowMs), endsAt: iso(nowMs + 5 * 24 * hourMs), quota: 10, perCustomerLimit: 3,
    pricing: { kind: 'fixed', unitPrice: 10000 },
    deposit: { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 }, inflation: { kind: 'multiplier', factor: 1.5 } },
    balanceWindowHours: 48, shipDate: { mode: 'fixed', day: dayAfter(nowMs, 10) },
    ...over,
  }
}

/** Creates (and by default publishes) a campaign; answers its view. */
export async function createCampaign(t: TestApp, w: OrdersWorld, over: Record<string, unknown> = {}, publish = true) {
  const call = requester(t)
  const created = (await call('POST', '/v1/presale-campaigns', w.admin, campaignBody(t.services.clock.nowMs(), over), 201)).json()
  if (!publish) return created
  return (await call('POST', `/v1/presale-campaigns/${created.id}/publish`, w.admin, undefined, 200)).json()
}

/** Places a presale order with a fresh Idempotency-Key (unless given); expects `status`. */
export function presaleOrder(t: TestApp, headers: { authorization: string }, campaignId: string, body: object, status = 201, key = newKey()) {
  return requester(t)('POST', `/v1/presale-campaigns/${campaignId}/orders`, headers, body, status, { 'idempotency-key': key })
}

/** The provider reports a deposit or balance payment. */
export function pay(t: TestApp, w: OrdersWorld, orderId: string, kind: 'deposit' | 'balance', amount: number, status = 201) {
  return requester(t)('POST', `/v1/orders/${orderId}/payments`, w.pay, { kind, amount, currency: 'CNY', providerRef: `ref-${newKey()}` }, status)
}

export async function getOrder(t: TestApp, w: OrdersWorld, id: string) {
  return (await requester(t)('GET', `/v1/orders/${id}`, w.admin)).json()
}

export async function slotRow(t: TestApp, id: string) {
  const r = await t.services.db.get<{ kind: string; quantity: number | string; promised: number | string; available_at: number | string | null }>(
    'SELECT kind, quantity, promised, available_at FROM supply_slots WHERE id = ?', [id])
  return r && { kind: r.kind, quantity: Number(r.quantity), promised: Number(r.promised), availableAt: r.available_at === null ? null : Number(r.available_at) }
}

export { dayAfter, requester }
