/** Returns as stored: the return, its lines, its units, its events, settings and RTV documents. Only this file names the tables. */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn } from '../store/sql.ts'
import type { DispositionKind, Grade, RefundStep, Return, ReturnLine, ReturnReason, ReturnStatus, ReturnUnit, UnitState } from './model.ts'

interface ReturnRow {
  id: string; order_id: string; channel_id: string; currency: string; status: string; opened_by: string; node_id: string | null; reject_reason: string | null
  carrier: string | null; tracking: string | null; refund_step: string; exchange: number | boolean; exchange_order_id: string | null; refund_amount: number | string | null; refund_requested_at: number | string | null
  refunded_at: number | string | null; created_at: number | string; updated_at: number | string
}
interface LineRow {
  return_id: string; line_no: number | string; order_line_no: number | string; sku_id: string; quantity: number | string; reason: string
  note: string | null; evidence: string; unit_price: number | string; received: number | string
}
interface UnitRow {
  return_id: string; line_no: number | string; unit_no: number | string; node_id: string; state: string; grade: string | null; notes: string | null
  disposition: string | null; outlet_node_id: string | null; rule_id: string | null; received_at: number | string; inspected_at: number | string | null
}

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

const lineOf = (r: LineRow): ReturnLine => ({
  lineNo: Number(r.line_no), orderLineNo: Number(r.order_line_no), skuId: r.sku_id, quantity: Number(r.quantity), reason: r.reason as ReturnReason,
  note: r.note, evidence: JSON.parse(r.evidence) as string[], unitPrice: Number(r.unit_price), received: Number(r.received),
})

const unitOf = (r: UnitRow): ReturnUnit => ({
  returnId: r.return_id, lineNo: Number(r.line_no), unitNo: Number(r.unit_no), nodeId: r.node_id, state: r.state as UnitState,
  grade: r.grade as Grade | null, notes: r.notes, disposition: r.disposition as DispositionKind | null, outletNodeId: r.outlet_node_id, ruleId: r.rule_id,
  receivedAtMs: Number(r.received_at), inspectedAtMs: orNull(r.inspected_at),
})

async function withLines(q: Queryable, rows: ReturnRow[]): Promise<Return[]> {
  const lines = await selectIn<LineRow>(q, 'SELECT * FROM return_lines WHERE return_id', rows.map((r) => r.id))
  const byId = new Map<string, ReturnLine[]>(rows.map((r) => [r.id, []]))
  for (const l of lines) byId.get(l.return_id)?.push(lineOf(l))
  for (const ls of byId.values()) ls.sort((a, b) => a.lineNo - b.lineNo)
  return rows.map((r) => ({
    id: r.id, orderId: r.order_id, channelId: r.channel_id, currency: r.currency, status: r.status as ReturnStatus, openedBy: r.opened_by, nodeId: r.node_id,
    rejectReason: r.reject_reason, carrier: r.carrier, tracking: r.tracking, refundStep: r.refund_step as RefundStep,
    exchange: Boolean(Number(r.exchange)), exchangeOrderId: r.exchange_order_id,
    refundAmount: orNull(r.refund_amount), refundRequestedAtMs: orNull(r.refund_requested_at), refundedAtMs: orNull(r.refunded_at),
    createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at), lines: byId.get(r.id)!,
  }))
}

/** One return with its lines; `forUpdate` locks its row (PostgreSQL; SQLite's write transaction is exclusive already). */
export async function loadReturn(q: Queryable, id: string, forUpdate = false): Promise<Return | undefined> {
  const row = await q.get<ReturnRow>(`SELECT * FROM returns WHERE id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id])
  return row ? (await withLines(q, [row]))[0] : undefined
}

export async function returnsOfOrder(q: Queryable, orderId: string): Promise<Return[]> {
  return withLines(q, await q.all<ReturnRow>('SELECT * FROM returns WHERE order_id = ? ORDER BY id', [orderId]))
}

export interface ReturnFilter {
  statuses?: readonly ReturnStatus[]
  /** Only these receiving nodes (a node user's scope); undefined: every node. */
  nodeIds?: readonly string[]
  channelId?: string
  orderId?: string
}

/** A page of returns, oldest first (a queue is worked in order), strictly after `afterId`. */
export async function listReturns(q: Queryable, f: ReturnFilter, afterId: string | undefined, limit: number): Promise<Return[]> {
  if (f.nodeIds?.length === 0 || f.statuses?.length === 0) return []
  const where: string[] = []
  const params: Param[] = []
  const inList = (column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  if (f.statuses) inList('status', f.statuses)
  if (f.nodeIds) inList('node_id', f.nodeIds)
  for (const [column, value] of [['channel_id', f.channelId], ['order_id', f.orderId], ['id >', afterId]] as const) {
    if (value === undefined) continue
    where.push(column.endsWith('>') ? `${column} ?` : `${column} = ?`)
    params.push(value)
  }
  const rows = await q.all<ReturnRow>(`SELECT * FROM returns ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${Math.trunc(limit)}`, params)
  return withLines(q, rows)
}

export async function insertReturn(tx: Queryable, r: Return): Promise<void> {
  await tx.run(
    `INSERT INTO returns (id, order_id, channel_id, currency, status, opened_by, node_id, reject_reason, carrier, tracking, refund_step, exchange, exchange_order_id, refund_amount,
       refund_requested_at, refunded_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.orderId, r.channelId, r.currency, r.status, r.openedBy, r.nodeId, r.rejectReason, r.carrier, r.tracking, r.refundStep, r.exchange ? 1 : 0, r.exchangeOrderId, r.refundAmount, r.refundRequestedAtMs,
      r.refundedAtMs, r.createdAtMs, r.updatedAtMs])
  await insertMany(tx, 'return_lines', [['return_id', 'text'], ['line_no', 'integer'], ['order_line_no', 'integer'], ['sku_id', 'text'], ['quantity', 'bigint'],
    ['reason', 'text'], ['note', 'text'], ['evidence', 'text'], ['unit_price', 'bigint'], ['received', 'bigint']],
  r.lines.map((l): Param[] => [r.id, l.lineNo, l.orderLineNo, l.skuId, l.quantity, l.reason, l.note, JSON.stringify(l.evidence), l.unitPrice, l.received]))
}

/** Writes a return's changeable fields and its lines' received counts. */
export async function saveReturn(tx: Queryable, r: Return): Promise<void> {
  await tx.run(
    `UPDATE returns SET status = ?, node_id = ?, reject_reason = ?, carrier = ?, tracking = ?, exchange = ?, exchange_order_id = ?, refund_amount = ?, refund_requested_at = ?,
       refunded_at = ?, updated_at = ? WHERE id = ?`,
    [r.status, r.nodeId, r.rejectReason, r.carrier, r.tracking, r.exchange ? 1 : 0, r.exchangeOrderId, r.refundAmount, r.refundRequestedAtMs, r.refundedAtMs, r.updatedAtMs, r.id])
  for (const l of r.lines) await tx.run('UPDATE return_lines SET received = ? WHERE return_id = ? AND line_no = ?', [l.received, r.id, l.lineNo])
}

/** Every return line of an order's returns that is not rejected or cancelled: what is already being returned. */
export async function activeReturnedUnits(q: Queryable, orderId: string): Promise<Map<number, number>> {
  const rows = await q.all<{ order_line_no: number | string; quantity: number | string }>(
    `SELECT l.order_line_no, l.quantity FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE r.order_id = ? AND r.status NOT IN ('rejected', 'cancelled')`, [orderId])
  const units = new Map<number, number>()
  for (const r of rows) units.set(Number(r.order_line_no), (units.get(Number(r.order_line_no)) ?? 0) + Number(r.quantity))
  return units
}

export async function unitsOf(q: Queryable, returnId: string): Promise<ReturnUnit[]> {
  return (await q.all<UnitRow>('SELECT * FROM return_units WHERE return_id = ? ORDER BY line_no, unit_no', [returnId])).map(unitOf)
}

export async function insertUnits(tx: Queryable, units: readonly ReturnUnit[]): Promise<void> {
  await insertMany(tx, 'return_units', [['return_id', 'text'], ['line_no', 'integer'], ['unit_no', 'integer'], ['node_id', 'text'], ['state', 'text'],
    ['grade', 'text'], ['notes', 'text'], ['disposition', 'text'], ['outlet_node_id', 'text'], ['rule_id', 'text'], ['received_at', 'bigint'], ['inspected_at', 'bigint']],
  units.map((u): Param[] => [u.returnId, u.lineNo, u.unitNo, u.nodeId, u.state, u.grade, u.notes, u.disposition, u.outletNodeId, u.ruleId, u.receivedAtMs, u.inspectedAtMs]))
}

export async function saveUnit(tx: Queryable, u: ReturnUnit): Promise<void> {
  await tx.run('UPDATE return_units SET state = ?, grade = ?, notes = ?, disposition = ?, outlet_node_id = ?, rule_id = ?, inspected_at = ? WHERE return_id = ? AND line_no = ? AND unit_no = ?',
    [u.state, u.grade, u.notes, u.disposition, u.outletNodeId, u.ruleId, u.inspectedAtMs, u.returnId, u.lineNo, u.unitNo])
}

export interface ReturnEvent { id: number; returnId: string; kind: string; actor: string; detail: Record<string, unknown>; atMs: number }

export async function insertReturnEvents(tx: Queryable, returnId: string, events: ReadonlyArray<{ kind: string; detail: Record<string, unknown> }>, actor: string, atMs: number): Promise<void> {
  await insertMany(tx, 'return_events', [['return_id', 'text'], ['kind', 'text'], ['actor', 'text'], ['detail', 'text'], ['at', 'bigint']],
    events.map((e): Param[] => [returnId, e.kind, actor, JSON.stringify(e.detail), atMs]))
}

export async function returnEventsOf(q: Queryable, returnId: string): Promise<ReturnEvent[]> {
  const rows = await q.all<{ id: number | string; return_id: string; kind: string; actor: string; detail: string; at: number | string }>(
    'SELECT * FROM return_events WHERE return_id = ? ORDER BY id', [returnId])
  return rows.map((r) => ({ id: Number(r.id), returnId: r.return_id, kind: r.kind, actor: r.actor, detail: JSON.parse(r.detail), atMs: Number(r.at) }))
}

/** The newest version of a setting (`policy:default`, `policy:<channel>`, `rules`), or undefined. */
export async function latestSetting(q: Queryable, scope: string): Promise<{ version: number; body: unknown; actor: string; atMs: number } | undefined> {
  const row = await q.get<{ version: number | string; body: string; actor: string; at: number | string }>(
    'SELECT version, body, actor, at FROM return_settings WHERE scope = ? ORDER BY version DESC LIMIT 1', [scope])
  return row && { version: Number(row.version), body: JSON.parse(row.body), actor: row.actor, atMs: Number(row.at) }
}

export async function insertSetting(tx: Queryable, scope: string, body: unknown, actor: string, atMs: number): Promise<number> {
  const version = ((await latestSetting(tx, scope))?.version ?? 0) + 1
  await tx.run('INSERT INTO return_settings (scope, version, body, actor, at) VALUES (?, ?, ?, ?, ?)', [scope, version, JSON.stringify(body), actor, atMs])
  return version
}

/** A return-to-vendor document: units going back to the supplier they came from, debited at its cost. */
export interface ReturnToVendor {
  id: string; returnId: string; supplierId: string; skuId: string; nodeId: string; quantity: number
  /** The units at the supplier's cost (all of them, not each). */
  debitMinor: number
  currency: string
  atMs: number
}

export async function insertReturnToVendor(tx: Queryable, d: ReturnToVendor): Promise<void> {
  await tx.run('INSERT INTO return_to_vendor (id, return_id, supplier_id, sku_id, node_id, quantity, debit_minor, currency, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [d.id, d.returnId, d.supplierId, d.skuId, d.nodeId, d.quantity, d.debitMinor, d.currency, d.atMs])
}

/** Units returned to a supplier between two instants (its scorecard counts them against its quality rate). */
export async function unitsReturnedToVendor(q: Queryable, supplierId: string, sinceMs: number, untilMs: number): Promise<number> {
  const row = await q.get<{ n: number | string | null }>('SELECT SUM(quantity) AS n FROM return_to_vendor WHERE supplier_id = ? AND at > ? AND at <= ?', [supplierId, sinceMs, untilMs])
  return Number(row?.n ?? 0)
}

/**
 * Returns by id, each with its lines and every event, in three queries whatever their number: the
 * analytics projector reads what happened to the returns a page of `return.changed` names.
 */
export async function returnsWithEvents(q: Queryable, ids: readonly string[]): Promise<Array<{ ret: Return; events: ReturnEvent[] }>> {
  if (ids.length === 0) return []
  const returns = await withLines(q, await selectIn<ReturnRow>(q, 'SELECT * FROM returns WHERE id', ids))
  const rows = await selectIn<{ id: number | string; return_id: string; kind: string; actor: string; detail: string; at: number | string }>(
    q, 'SELECT * FROM return_events WHERE return_id', ids)
  const byId = new Map<string, ReturnEvent[]>(returns.map((r) => [r.id, []]))
  for (const r of rows) byId.get(r.return_id)?.push({ id: Number(r.id), returnId: r.return_id, kind: r.kind, actor: r.actor, detail: JSON.parse(r.detail), atMs: Number(r.at) })
  for (const events of byId.values()) events.sort((a, b) => a.id - b.id)
  return returns.map((ret) => ({ ret, events: byId.get(ret.id)! }))
}
