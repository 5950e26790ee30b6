/** Orders as stored: loading an order with its lines, saving what a transition changed, the timeline and the outbox. */
import type { Param, Queryable } from '../store/db.ts'
import { selectIn } from '../store/sql.ts'
import type { Order, OrderLine } from './model.ts'
import { orderLineOf, orderOf, type OrderLineRow, type OrderRow } from './rows.ts'
import { appendTimeline } from './timeline.ts'

/** One order with its lines; `forUpdate` locks the order row (PostgreSQL; SQLite's write transaction is already exclusive). */
export async function loadOrder(q: Queryable, id: string, forUpdate = false): Promise<Order | undefined> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<OrderRow>(`SELECT * FROM orders WHERE id = ?${lock}`, [id])
  if (!row) return undefined
  const lines = await q.all<OrderLineRow>('SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no', [id])
  return orderOf(row, lines.map(orderLineOf))
}

/** The orders with these ids and their lines, by id (missing ids are absent): one lookup per table for a whole batch. */
export async function loadOrders(q: Queryable, ids: readonly string[]): Promise<Map<string, Order>> {
  const rows = await selectIn<OrderRow>(q, 'SELECT * FROM orders WHERE id', ids)
  return new Map((await ordersOf(q, rows)).map((o) => [o.id, o]))
}

/** Orders with their lines, in the order of `rows`. */
export async function ordersOf(q: Queryable, rows: OrderRow[]): Promise<Order[]> {
  const lines = await linesOf(q, rows.map((r) => r.id))
  return rows.map((r) => orderOf(r, lines.get(r.id)!))
}

/** The lines of each order, by order id, in line order. */
export async function linesOf(q: Queryable, orderIds: string[]): Promise<Map<string, OrderLine[]>> {
  const rows = await selectIn<OrderLineRow>(q, 'SELECT * FROM order_lines WHERE order_id', orderIds)
  const byOrder = new Map<string, OrderLine[]>(orderIds.map((id) => [id, []]))
  for (const l of rows) byOrder.get(l.order_id)?.push(orderLineOf(l))
  for (const lines of byOrder.values()) lines.sort((a, b) => a.lineNo - b.lineNo)
  return byOrder
}

/** Writes the order's changeable fields and every line whose status or allocation changed. */
export async function saveOrder(tx: Queryable, before: Order, after: Order): Promise<void> {
  await tx.run(
    `UPDATE orders SET status = ?, payment = ?, total = ?, paid = ?, refunded = ?, refund_due = ?, due_at = ?, updated_at = ? WHERE id = ?`,
    [after.status, JSON.stringify(after.payment), after.total, after.paid, after.refunded, after.refundDue ?? 0, after.dueAtMs, after.updatedAtMs, after.id])
  for (const line of after.lines) {
    const old = before.lines.find((l) => l.lineNo === line.lineNo)
    if (old && old.status === line.status && old.allocation === line.allocation && old.shippedQuantity === line.shippedQuantity &&
      old.deliveredAtMs === line.deliveredAtMs) continue
    await tx.run('UPDATE order_lines SET status = ?, stock_quantity = ?, shipped_quantity = ?, delivered_at = ? WHERE order_id = ? AND line_no = ?',
      [line.status, line.allocation.stockQuantity, line.shippedQuantity, line.deliveredAtMs, after.id, line.lineNo])
  }
}

export interface OrderEventDraft {
  kind: string
  detail: Record<string, unknown>
}

export interface OrderEvent {
  id: number
  orderId: string
  kind: string
  actor: string
  detail: Record<string, unknown>
  atMs: number
}

export async function insertOrderEvents(tx: Queryable, orderId: string, events: OrderEventDraft[], actor: string, atMs: number): Promise<void> {
  await appendTimeline(tx, events.map((e) => ({ orderId, kind: e.kind, actor, detail: JSON.stringify(e.detail), atMs })))
}

export async function loadOrderEvents(q: Queryable, orderId: string, afterId: number, limit: number): Promise<OrderEvent[]> {
  const rows = await q.all<{ id: number | string; order_id: string; kind: string; actor: string; detail: string; at: number | string }>(
    `SELECT * FROM order_events WHERE order_id = ? AND id > ? ORDER BY id LIMIT ${Math.trunc(limit)}`, [orderId, afterId])
  return rows.map((r) => ({ id: Number(r.id), orderId: r.order_id, kind: r.kind, actor: r.actor, detail: JSON.parse(r.detail), atMs: Number(r.at) }))
}

export interface OrderFilter {
  channelId?: string
  status?: string
  customerId?: string
  /** true: only orders with a delay record; false: only those without. */
  delayed?: boolean
  /** true: only campaign (presale) orders; false: only the others. */
  presale?: boolean
  /** Placed at or after this instant (epoch ms). */
  placedFromMs?: number
  /** Placed before this instant (epoch ms). */
  placedBeforeMs?: number
}

/** A page of orders, newest first (ids sort by creation time), strictly before `beforeId`. */
export async function listOrders(q: Queryable, filter: OrderFilter, beforeId: string | undefined, limit: number): Promise<Order[]> {
  const where: string[] = []
  const params: Param[] = []
  const add = (sql: string, value: Param | undefined) => {
    if (value === undefined) return
    where.push(sql)
    params.push(value)
  }
  add('channel_id = ?', filter.channelId)
  add('status = ?', filter.status)
  add('customer_id = ?', filter.customerId)
  add('placed_at >= ?', filter.placedFromMs)
  add('placed_at < ?', filter.placedBeforeMs)
  add('id < ?', beforeId)
  if (filter.delayed !== undefined) where.push(`${filter.delayed ? '' : 'NOT '}EXISTS (SELECT 1 FROM order_delays d WHERE d.order_id = orders.id)`)
  if (filter.presale !== undefined) where.push(`campaign_id IS ${filter.presale ? 'NOT ' : ''}NULL`)
  const rows = await q.all<OrderRow>(
    `SELECT * FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Math.trunc(limit)}`, params)
  return ordersOf(q, rows)
}
