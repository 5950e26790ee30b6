/** Set-up for the re-promising tests: backorders placed through the engine, purchase orders through HTTP, and the invariants checked after every change. */
import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { assertLedgerConsistent } from './fixtures.ts'
import { requester, type seedPurchasing } from './purchasing.ts'
import { placeOp, type Placed } from '../../src/orders/place.ts'
import { orderLineOf, type OrderLineRow } from '../../src/orders/rows.ts'
import type { OrderLine } from '../../src/orders/model.ts'
import { slotOf, type SlotRow, type SupplySlot } from '../../src/supply/index.ts'
import type { AllocationRule } from '../../src/promising/index.ts'
import { newId } from '../../src/kernel/ids.ts'
import type { Result } from '../../src/kernel/result.ts'

export const dayMs = 86_400_000
export const dayStart = (ms: number): number => Math.floor(ms / dayMs) * dayMs
export const isoDay = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

type World = Awaited<ReturnType<typeof seedPurchasing>>

/** Stock first, then transfers and PO supply (confirmed or not), no horizon or cap. */
export const sellAhead: AllocationRule = {
  stock: true, virtual: true, virtualLeadDays: 0, slotKinds: ['transfer', 'in_transit', 'po_confirmed', 'po_unconfirmed'],
  slotIds: null, unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null,
}
export const stockOnly: AllocationRule = { ...sellAhead, slotKinds: [] }

export interface PlaceArgs {
  skuId: string
  nodeId: string
  quantity: number
  unitPrice?: number
  customerId?: string
  channelId: string
  priorityClass?: number
  rule?: AllocationRule
  /** Region the order ships to; WH-E is in `east` (one day, three elsewhere, as the default settings say). */
  region?: string
  placedAtMs?: number
}

/**
 * Places one single-line order through the engine, dated the way re-promising dates it: one
 * handling day (24 h nodes) and the default transit days.
 */
export async function placeOrder(t: TestApp, a: PlaceArgs): Promise<Result<Placed>> {
  const nowMs = t.services.clock.nowMs()
  const region = a.region ?? 'east'
  const unitPrice = a.unitPrice ?? 1000
  const { result } = await t.services.inventory.submit(placeOp({
    order: {
      id: newId('ord'), channelId: a.channelId, customerId: a.customerId ?? 'cus_1', campaignId: null, status: 'pending_payment', currency: 'CNY',
      fulfilment: { method: 'ship', region }, payment: { kind: 'full' }, total: unitPrice * a.quantity, paid: 0, refunded: 0, dueAtMs: null,
      reference: null, placedAtMs: a.placedAtMs ?? nowMs, updatedAtMs: nowMs,
    },
    lines: [{ skuId: a.skuId, nodeIds: [a.nodeId], quantity: a.quantity, unitPrice, rule: a.rule ?? sellAhead, priorityClass: a.priorityClass ?? 0 }],
    calendar: { handlingDays: () => 1, transitDays: () => (region === 'east' ? 1 : 3) },
    actor: 'test',
  }))
  return result as Result<Placed>
}

/** Places and expects success; returns the order id. */
export async function backorder(t: TestApp, a: PlaceArgs): Promise<string> {
  const placed = await placeOrder(t, a)
  assert.ok(placed.ok, `order refused: ${placed.ok ? '' : `${placed.code} ${placed.detail}`}`)
  return placed.value.order.id
}

export async function lineOf(t: TestApp, orderId: string, lineNo = 1): Promise<OrderLine> {
  const row = await t.services.db.get<OrderLineRow>('SELECT * FROM order_lines WHERE order_id = ? AND line_no = ?', [orderId, lineNo])
  assert.ok(row, `no line ${orderId}#${lineNo}`)
  return orderLineOf(row)
}

/** A line's parts as [source, quantity, ready day] and its stock, unallocated units and ship day: easy to compare whole. */
export async function promiseOf(t: TestApp, orderId: string) {
  const l = await lineOf(t, orderId)
  return {
    stock: l.allocation.stockQuantity,
    parts: l.allocation.parts.map((p) => [p.source, p.quantity, isoDay(p.availableAtMs)]),
    unallocated: l.allocation.unallocated,
    shipBy: isoDay(l.shipByMs),
    deliverBy: isoDay(l.deliverByMs),
  }
}

export async function slotsAt(t: TestApp, skuId: string, nodeId: string): Promise<SupplySlot[]> {
  const rows = await t.services.db.all<SlotRow>('SELECT * FROM supply_slots WHERE sku_id = ? AND node_id = ? ORDER BY id', [skuId, nodeId])
  return rows.map(slotOf)
}

/** Slots as [id, kind, quantity, promised, day]. */
export async function slotTable(t: TestApp, skuId: string, nodeId: string) {
  return (await slotsAt(t, skuId, nodeId)).map((s) => [s.id, s.kind, s.quantity, s.promised, isoDay(s.availableAtMs)])
}

/**
 * The invariants after every change: each slot's promised equals the open lines' parts on it
 * and never exceeds its quantity; the ledger folds; O equals holds plus open lines' stock.
 */
export async function assertConsistent(t: TestApp): Promise<void> {
  const slots = await t.services.db.all<SlotRow>('SELECT * FROM supply_slots ORDER BY id')
  const lines = await t.services.db.all<{ allocations: string; stock_quantity: number | string; quantity: number | string }>(
    `SELECT allocations, stock_quantity, quantity FROM order_lines WHERE status = 'open'`)
  const held = new Map<string, number>()
  for (const l of lines) {
    const a = JSON.parse(l.allocations) as { parts: Array<{ source: string; quantity: number }>; unallocated: number }
    const total = a.parts.reduce((n, p) => n + p.quantity, 0) + a.unallocated
    assert.equal(total, Number(l.quantity), 'a line’s parts and unallocated units add up to its quantity')
    const stock = a.parts.filter((p) => p.source === 'stock' || p.source === 'virtual').reduce((n, p) => n + p.quantity, 0)
    assert.equal(stock, Number(l.stock_quantity), 'stock_quantity is the stock parts')
    for (const p of a.parts) if (p.source !== 'stock' && p.source !== 'virtual') held.set(p.source, (held.get(p.source) ?? 0) + p.quantity)
  }
  for (const s of slots.map(slotOf)) {
    assert.equal(s.promised, held.get(s.id) ?? 0, `slot ${s.id}: promised == Σ open lines’ parts`)
    assert.ok(s.promised <= s.quantity, `slot ${s.id}: promised ${s.promised} <= quantity ${s.quantity}`)
  }
  for (const id of held.keys()) assert.ok(slots.some((s) => s.id === id), `lines are promised on slot ${id}, which exists`)
  await assertLedgerConsistent(t)
}

export async function outboxOf(t: TestApp, topic: string): Promise<Array<Record<string, unknown>>> {
  const rows = await t.services.db.all<{ payload: string }>('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', [topic])
  return rows.map((r) => JSON.parse(r.payload))
}

/** A sent PO of SKU-A to WH-E from S1 (terms: packs of 5, at least 10), confirmed by the supplier with the ETA `etaDays` ahead. */
export async function confirmedPo(t: TestApp, w: World, quantity: number, etaDays: number, accepted = quantity) {
  const call = requester(t)
  const nowMs = t.services.clock.nowMs()
  const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity }] }, 201)).json()
  await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
  const confirmed = (await call('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, {
    lines: [{ line: po.lines[0].id, quantityAccepted: accepted, eta: isoDay(dayStart(nowMs) + etaDays * dayMs) }],
  })).json()
  return { id: po.id as string, lineId: po.lines[0].id as string, po: confirmed }
}

/** `YYYY-MM-DD`, `days` after the clock's today. */
export const inDays = (t: TestApp, days: number): string => isoDay(dayStart(t.services.clock.nowMs()) + days * dayMs)!
