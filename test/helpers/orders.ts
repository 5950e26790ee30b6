/** Set-up for the order and promising tests: the small world, tokens for each party, stock, supply slots. */
import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { seedWorld } from './fixtures.ts'
import { requester } from './purchasing.ts'
import { writeSlots, type SlotKind, type SupplySlot } from '../../src/supply/index.ts'
import { newId } from '../../src/kernel/ids.ts'
import { ruleOf } from '../../src/promising/index.ts'

export const dayMs = 86_400_000
export const dayStart = (ms: number): number => Math.floor(ms / dayMs) * dayMs
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The world plus tokens: the web channel, ops, a payment provider, and a second channel selling from WH-E too. */
export async function seedOrders(t: TestApp) {
  const world = await seedWorld(t)
  const call = requester(t)
  const app = (await call('POST', '/v1/channels', world.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [world.whEast.id], safetyBuffer: 0 }, 201)).json()
  return {
    ...world,
    app,
    webAuth: await t.auth(`channel:${world.web.id}`),
    appAuth: await t.auth(`channel:${app.id}`),
    ops: await t.auth('ops'),
    pay: await t.auth('payments:alipay'),
    pay2: await t.auth('payments:wechat'),
  }
}

export type OrdersWorld = Awaited<ReturnType<typeof seedOrders>>

export async function receive(t: TestApp, w: OrdersWorld, sku: string, node: string, quantity: number): Promise<void> {
  await requester(t)('POST', '/v1/inventory/receipts', w.admin, { sku, node, quantity }, 200)
}

/** A supply slot written directly (as purchasing's slot sync would), `days` after today. */
export async function addSlot(t: TestApp, slot: { id: string; skuId: string; nodeId: string; kind: SlotKind; quantity: number; days: number | null; promised?: number }): Promise<void> {
  const nowMs = t.services.clock.nowMs()
  const s: SupplySlot = {
    id: slot.id, skuId: slot.skuId, nodeId: slot.nodeId, kind: slot.kind, quantity: slot.quantity, promised: slot.promised ?? 0,
    availableAtMs: slot.days === null ? null : dayStart(nowMs) + slot.days * dayMs, refId: null, supplierId: null,
  }
  await t.services.db.tx((tx) => writeSlots(tx, [s], nowMs))
}

export async function slotPromised(t: TestApp, id: string): Promise<number | undefined> {
  const row = await t.services.db.get<{ promised: number | string }>('SELECT promised FROM supply_slots WHERE id = ?', [id])
  return row === undefined ? undefined : Number(row.promised)
}

/** Every slot's promised units equal what open order lines hold on it. */
export async function assertSlotsMatchLines(t: TestApp): Promise<void> {
  const slots = await t.services.db.all<{ id: string; promised: number | string }>('SELECT id, promised FROM supply_slots ORDER BY id')
  const lines = await t.services.db.all<{ allocations: string }>(`SELECT allocations FROM order_lines WHERE status = 'open'`)
  const held = new Map<string, number>()
  for (const l of lines) {
    for (const part of JSON.parse(l.allocations).parts as Array<{ source: string; quantity: number }>) {
      if (part.source !== 'stock' && part.source !== 'virtual') held.set(part.source, (held.get(part.source) ?? 0) + part.quantity)
    }
  }
  assert.deepEqual(slots.map((s) => [s.id, Number(s.promised)]), slots.map((s) => [s.id, held.get(s.id) ?? 0]), 'slot promised == Σ open lines’ parts')
}

export async function position(t: TestApp, skuId: string, nodeId: string) {
  return t.services.inventory.position(skuId, nodeId)
}

let keySeq = 0
export const newKey = (): string => `k-${process.pid}-${++keySeq}`

/** Places an order over HTTP with a fresh Idempotency-Key; expects `status`. */
export async function place(t: TestApp, headers: { authorization: string }, body: object, status = 201, key = newKey()) {
  return requester(t)('POST', '/v1/orders', headers, body, status, { 'idempotency-key': key })
}

export const shipEast = { method: 'ship', region: 'east' } as const

/**
 * A presale-style order placed straight through `Orders.submit` (as the presale context does):
 * deposit + balance, holding stock at WH-E, the deposit due in 30 minutes.
 */
export async function placeDepositOrder(t: TestApp, w: OrdersWorld, options: { quantity?: number; unitPrice?: number; deposit?: number; credit?: number; balanceFromDays?: number; balanceByDays?: number } = {}) {
  const nowMs = t.services.clock.nowMs()
  const quantity = options.quantity ?? 1
  const total = quantity * (options.unitPrice ?? 10_000)
  const deposit = options.deposit ?? 2_000
  const credit = options.credit ?? deposit
  const rule = ruleOf({ kinds: ['stock'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null }, dayStart(nowMs), 0)
  const { result } = await t.services.orders.submit({
    order: {
      id: newId('ord'), channelId: w.web.id, customerId: 'presale-customer', campaignId: null, status: 'pending_deposit', currency: 'CNY',
      fulfilment: { method: 'ship', region: 'east' },
      payment: {
        kind: 'deposit', deposit, depositCredit: credit, balance: total - credit,
        balanceFromMs: nowMs + (options.balanceFromDays ?? 1) * dayMs, balanceByMs: nowMs + (options.balanceByDays ?? 3) * dayMs,
      },
      total, paid: 0, refunded: 0, dueAtMs: nowMs + 30 * 60_000, reference: null, placedAtMs: nowMs, updatedAtMs: nowMs,
    },
    lines: [{ skuId: w.skuA.id, nodeIds: [w.whEast.id], quantity, unitPrice: total / quantity, rule, priorityClass: 0 }],
    calendar: { handlingDays: () => 1, transitDays: () => 1 },
    actor: 'test',
  })
  assert.ok(result.ok, !result.ok ? result.detail : '')
  return result.value
}

/** Opens a delay offer on an order, as re-promising does when a promise slips. */
export async function openDelayOffer(t: TestApp, orderId: string): Promise<string> {
  const id = newId('dly')
  await t.services.db.run(
    `INSERT INTO order_delays (id, order_id, line_no, cause, reason, old_ship_by, new_ship_by, days_late, compensation, status, created_at)
     VALUES (?, ?, 1, 'eta_changed', 'supplier late', NULL, NULL, 3, '{}', 'open', ?)`, [id, orderId, t.services.clock.nowMs()])
  return id
}
