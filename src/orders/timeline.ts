/**
 * What happens to an order after it is placed, as the orders context stores it: timeline entries
 * (`order_events`), delays with their compensation and cancel offer (`order_delays`), and messages
 * to the customer (`customer_messages`). Other contexts (re-promising, presale) record them only
 * through these functions, inside their own transaction or batch.
 */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, type Column } from '../store/sql.ts'
import type { RowSink } from '../inventory/index.ts'

/** One timeline entry; `detail` is JSON text (callers that write thousands build it once). */
export interface TimelineEntry {
  orderId: string
  kind: string
  actor: string
  detail: string
  atMs: number
}

/** A line that will ship later than promised, with what the customer is owed and may do. */
export interface DelayRecord {
  id: string
  orderId: string
  lineNo: number
  cause: string
  reason: string
  oldShipByMs: number | null
  newShipByMs: number | null
  daysLate: number | null
  /** The compensation as JSON text. */
  compensation: string
  status: 'open' | 'accepted' | 'resolved'
  createdAtMs: number
  /** The supplier and purchase order whose slip caused the delay; null when no supplier did (a transfer, a count, a reroute, a presale). */
  supplierId: string | null
  poId: string | null
}

/** A message to the customer of an order. */
export interface CustomerMessage {
  id: string
  orderId: string
  customerId: string | null
  kind: string
  subject: string
  body: string
  createdAtMs: number
}

const timelineColumns: readonly Column[] = [['order_id', 'text'], ['kind', 'text'], ['actor', 'text'], ['detail', 'text'], ['at', 'bigint']]

const delayColumns: readonly Column[] = [
  ['id', 'text'], ['order_id', 'text'], ['line_no', 'integer'], ['cause', 'text'], ['reason', 'text'], ['old_ship_by', 'bigint'],
  ['new_ship_by', 'bigint'], ['days_late', 'integer'], ['compensation', 'text'], ['status', 'text'], ['created_at', 'bigint'],
  ['supplier_id', 'text'], ['po_id', 'text'],
]

const messageColumns: readonly Column[] = [
  ['id', 'text'], ['order_id', 'text'], ['customer_id', 'text'], ['kind', 'text'], ['subject', 'text'], ['body', 'text'], ['created_at', 'bigint'],
]

export async function appendTimeline(tx: Queryable, entries: readonly TimelineEntry[]): Promise<void> {
  await insertMany(tx, 'order_events', timelineColumns, entries.map((e): Param[] => [e.orderId, e.kind, e.actor, e.detail, e.atMs]))
}

export async function recordDelays(tx: Queryable, delays: readonly DelayRecord[]): Promise<void> {
  await insertMany(tx, 'order_delays', delayColumns, delays.map((d): Param[] => [
    d.id, d.orderId, d.lineNo, d.cause, d.reason, d.oldShipByMs, d.newShipByMs, d.daysLate, d.compensation, d.status, d.createdAtMs,
    d.supplierId, d.poId,
  ]))
}

export async function sendMessages(tx: Queryable, messages: readonly CustomerMessage[]): Promise<void> {
  await insertMany(tx, 'customer_messages', messageColumns, messages.map((m): Param[] => [
    m.id, m.orderId, m.customerId, m.kind, m.subject, m.body, m.createdAtMs,
  ]))
}

/** The same three, collected by an engine batch and written when it commits. */
export const timelineSink: RowSink<TimelineEntry> = { name: 'order timeline', write: appendTimeline }
export const delaySink: RowSink<DelayRecord> = { name: 'order delays', write: recordDelays }
export const messageSink: RowSink<CustomerMessage> = { name: 'customer messages', write: sendMessages }

/** Whether an order has a delay whose offer to cancel for a full refund is still open. */
export async function hasOpenDelayOffer(q: Queryable, orderId: string): Promise<boolean> {
  return (await q.get('SELECT id FROM order_delays WHERE order_id = ? AND status = ? LIMIT 1', [orderId, 'open'])) !== undefined
}

/** The customer took a delay's offer and cancelled: every open delay of the order is accepted. */
export async function acceptDelayOffers(tx: Queryable, orderId: string): Promise<void> {
  await tx.run(`UPDATE order_delays SET status = 'accepted' WHERE order_id = ? AND status = 'open'`, [orderId])
}

/** Open delays of lines back on their first promise are resolved: the offer to cancel ends (compensation stays given). */
export async function endDelayOffers(tx: Queryable, lines: ReadonlyArray<[orderId: string, lineNo: number]>): Promise<void> {
  for (let i = 0; i < lines.length; i += 5000) {
    const chunk = lines.slice(i, i + 5000)
    await tx.run(`UPDATE order_delays SET status = 'resolved' WHERE status = 'open' AND (order_id, line_no) IN (VALUES ${chunk.map(() => '(?, CAST(? AS INTEGER))').join(', ')})`,
      chunk.flat())
  }
}

/** The order's channel; undefined when there is no such order. */
export async function channelOfOrder(q: Queryable, orderId: string): Promise<string | undefined> {
  return (await q.get<{ channel_id: string }>('SELECT channel_id FROM orders WHERE id = ?', [orderId]))?.channel_id
}

export interface DelayRow {
  id: string; order_id: string; line_no: number | string; cause: string; reason: string; old_ship_by: number | string | null
  new_ship_by: number | string | null; days_late: number | string | null; compensation: string; status: string; created_at: number | string
  supplier_id: string | null; po_id: string | null
}

export interface MessageRow {
  id: string; order_id: string; customer_id: string; kind: string; subject: string; body: string; created_at: number | string
}

export const delaysOf = (q: Queryable, orderId: string): Promise<DelayRow[]> =>
  q.all<DelayRow>('SELECT * FROM order_delays WHERE order_id = ? ORDER BY id', [orderId])

export const messagesOf = (q: Queryable, orderId: string): Promise<MessageRow[]> =>
  q.all<MessageRow>('SELECT * FROM customer_messages WHERE order_id = ? ORDER BY id', [orderId])
