/**
 * Reads for the customer notifications that come from time passing rather than from an event:
 * orders whose payment deadline is near, and deposit orders whose balance window has opened.
 * Both are keyset pages (the date, then the id), so a sweep resumes where it stopped and a
 * presale's thousands of orders sharing one date are read page by page.
 */
import type { Queryable } from '../store/db.ts'
import type { Order } from './model.ts'
import type { OrderRow } from './rows.ts'
import { ordersOf } from './store.ts'

/** A place in a keyset page: the date read last, and the id of its last order. */
export interface OrderKey {
  atMs: number
  id: string
}

/** Statuses with a payment still due (the deadline in `due_at`). */
const unpaid = `('pending_payment', 'pending_deposit', 'deposit_paid')`

/**
 * Unpaid orders whose payment deadline is after `after` (by deadline, then id) and no later than
 * `toMs`, placed at least `minNoticeMs` before that deadline (an order with a 30-minute payment
 * window is not reminded of it); earliest deadline first.
 */
export async function ordersWithDeadlineBetween(q: Queryable, after: OrderKey, toMs: number, minNoticeMs: number, limit: number): Promise<Array<{ order: Order; keyMs: number }>> {
  const rows = await q.all<OrderRow>(
    `SELECT * FROM orders WHERE due_at IS NOT NULL AND (due_at > ? OR (due_at = ? AND id > ?)) AND due_at <= ? AND status IN ${unpaid}
       AND placed_at <= due_at - ? ORDER BY due_at, id LIMIT ${Math.trunc(limit)}`,
    [after.atMs, after.atMs, after.id, toMs, minNoticeMs])
  return (await ordersOf(q, rows)).map((order) => ({ order, keyMs: order.dueAtMs! }))
}

/**
 * Orders whose deposit is paid and whose balance window opened after `after` (by opening, then
 * id) and no later than `toMs`, while the balance is still payable (its deadline after `nowMs`).
 */
export async function depositOrdersWithBalanceOpenBetween(q: Queryable, after: OrderKey, toMs: number, nowMs: number, limit: number): Promise<Array<{ order: Order; keyMs: number }>> {
  // The payment plan is JSON text; the deadline's index narrows the scan to orders still owing.
  const from = q.dialect === 'postgres' ? `CAST(CAST(payment AS jsonb) ->> 'balanceFromMs' AS BIGINT)` : `CAST(json_extract(payment, '$.balanceFromMs') AS INTEGER)`
  const rows = await q.all<OrderRow>(
    `SELECT * FROM orders WHERE due_at IS NOT NULL AND due_at > ? AND status = 'deposit_paid'
       AND (${from} > ? OR (${from} = ? AND id > ?)) AND ${from} <= ? ORDER BY ${from}, id LIMIT ${Math.trunc(limit)}`,
    [nowMs, after.atMs, after.atMs, after.id, toMs])
  const orders = await ordersOf(q, rows)
  return orders.flatMap((order) => (order.payment.kind === 'deposit' ? [{ order, keyMs: order.payment.balanceFromMs }] : []))
}
