/** Shipments as stored: the shipment row, its lines, its events. Only this file names the tables. */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn } from '../store/sql.ts'
import type { Package, Shipment, ShipmentEvent, ShipmentLine, ShipmentStatus } from './model.ts'

interface ShipmentRow {
  id: string; order_id: string; channel_id: string; node_id: string; status: string; split_from: string | null
  carrier: string | null; service: string | null; tracking: string | null; packages: string
  created_at: number | string; updated_at: number | string; shipped_at: number | string | null; delivered_at: number | string | null
}
interface LineRow { shipment_id: string; line_no: number | string; sku_id: string; quantity: number | string; status: string }

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

function shipmentOf(r: ShipmentRow, lines: ShipmentLine[]): Shipment {
  return {
    id: r.id, orderId: r.order_id, channelId: r.channel_id, nodeId: r.node_id, status: r.status as ShipmentStatus, splitFromId: r.split_from,
    carrier: r.carrier, service: r.service, tracking: r.tracking, packages: JSON.parse(r.packages) as Package[],
    createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at), shippedAtMs: orNull(r.shipped_at), deliveredAtMs: orNull(r.delivered_at),
    lines,
  }
}

async function withLines(q: Queryable, rows: ShipmentRow[]): Promise<Shipment[]> {
  const lines = await selectIn<LineRow>(q, 'SELECT * FROM shipment_lines WHERE shipment_id', rows.map((r) => r.id))
  const byId = new Map<string, ShipmentLine[]>(rows.map((r) => [r.id, []]))
  for (const l of lines) byId.get(l.shipment_id)?.push({ lineNo: Number(l.line_no), skuId: l.sku_id, quantity: Number(l.quantity), status: l.status as ShipmentLine['status'] })
  for (const ls of byId.values()) ls.sort((a, b) => a.lineNo - b.lineNo)
  return rows.map((r) => shipmentOf(r, byId.get(r.id)!))
}

/** One shipment with its lines; `forUpdate` locks its row (PostgreSQL; SQLite's write transaction is exclusive already). */
export async function loadShipment(q: Queryable, id: string, forUpdate = false): Promise<Shipment | undefined> {
  const row = await q.get<ShipmentRow>(`SELECT * FROM shipments WHERE id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id])
  return row ? (await withLines(q, [row]))[0] : undefined
}

/** When each of these shipments was made (for a shipment made at payment: when its order was paid), by id; unknown ids are left out. */
export async function shipmentCreatedTimes(q: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await selectIn<{ id: string; created_at: number | string }>(q, 'SELECT id, created_at FROM shipments WHERE id', ids)
  return new Map(rows.map((r) => [r.id, Number(r.created_at)]))
}

/** How a shipment was made: when, the shipment it was split or re-routed from (null when made for its order), and the lines it was made with. */
export interface ShipmentMade {
  createdAtMs: number
  splitFromId: string | null
  /** Lines named when it was made (its `created` event; one for a line re-routed to it); 0 for the rest of a split. */
  linesMade: number
  /** Made for a line another node rejected (`splitFromId` is that node's shipment). */
  rerouted: boolean
}

/**
 * How each of these shipments was made, by id (unknown ids are left out): two reads however many.
 * The lines come from the `created` event, as a partial shipment later keeps only the lines it sent.
 */
export async function shipmentsMade(q: Queryable, ids: readonly string[]): Promise<Map<string, ShipmentMade>> {
  const rows = await selectIn<{ id: string; created_at: number | string; split_from: string | null }>(q, 'SELECT id, created_at, split_from FROM shipments WHERE id', ids)
  const created = await selectIn<{ shipment_id: string; kind: string; detail: string }>(q,
    "SELECT shipment_id, kind, detail FROM shipment_events WHERE kind IN ('created', 'rerouted_from') AND shipment_id", ids)
  const linesOf = new Map(created.map((e) => [e.shipment_id, e.kind === 'rerouted_from' ? 1 : (JSON.parse(e.detail) as { lines?: unknown[] }).lines?.length ?? 0]))
  const rerouted = new Set(created.filter((e) => e.kind === 'rerouted_from').map((e) => e.shipment_id))
  return new Map(rows.map((r) => [r.id, { createdAtMs: Number(r.created_at), splitFromId: r.split_from, linesMade: linesOf.get(r.id) ?? 0, rerouted: rerouted.has(r.id) }]))
}

/** Every shipment of an order, oldest first. */
export async function shipmentsOfOrder(q: Queryable, orderId: string): Promise<Shipment[]> {
  return withLines(q, await q.all<ShipmentRow>('SELECT * FROM shipments WHERE order_id = ? ORDER BY id', [orderId]))
}

export interface ShipmentFilter {
  /** Only these nodes (a node user's scope); undefined: every node. */
  nodeIds?: readonly string[]
  /** Any of these statuses. */
  statuses?: readonly ShipmentStatus[]
  channelId?: string
  orderId?: string
}

/** A page of shipments, oldest first (a work queue is worked in order), strictly after `afterId`. */
export async function listShipments(q: Queryable, f: ShipmentFilter, afterId: string | undefined, limit: number): Promise<Shipment[]> {
  if (f.nodeIds && f.nodeIds.length === 0) return []
  const where: string[] = []
  const params: Param[] = []
  if (f.nodeIds) {
    where.push(`node_id IN (${f.nodeIds.map(() => '?').join(', ')})`)
    params.push(...f.nodeIds)
  }
  const add = (sql: string, v: Param | undefined) => {
    if (v === undefined) return
    where.push(sql)
    params.push(v)
  }
  if (f.statuses) {
    where.push(`status IN (${f.statuses.map(() => '?').join(', ')})`)
    params.push(...f.statuses)
  }
  add('channel_id = ?', f.channelId)
  add('order_id = ?', f.orderId)
  add('id > ?', afterId)
  const rows = await q.all<ShipmentRow>(`SELECT * FROM shipments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${Math.trunc(limit)}`, params)
  return withLines(q, rows)
}

export async function insertShipment(tx: Queryable, s: Shipment): Promise<void> {
  await tx.run(
    `INSERT INTO shipments (id, order_id, channel_id, node_id, status, split_from, carrier, service, tracking, packages, created_at, updated_at, shipped_at, delivered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [s.id, s.orderId, s.channelId, s.nodeId, s.status, s.splitFromId, s.carrier, s.service, s.tracking, JSON.stringify(s.packages), s.createdAtMs, s.updatedAtMs,
      s.shippedAtMs, s.deliveredAtMs])
  await insertMany(tx, 'shipment_lines', [['shipment_id', 'text'], ['line_no', 'integer'], ['sku_id', 'text'], ['quantity', 'bigint'], ['status', 'text']],
    s.lines.map((l): Param[] => [s.id, l.lineNo, l.skuId, l.quantity, l.status]))
}

/** Writes a shipment's changeable fields and replaces its lines. */
export async function saveShipment(tx: Queryable, s: Shipment): Promise<void> {
  await tx.run(
    'UPDATE shipments SET status = ?, carrier = ?, service = ?, tracking = ?, packages = ?, updated_at = ?, shipped_at = ?, delivered_at = ? WHERE id = ?',
    [s.status, s.carrier, s.service, s.tracking, JSON.stringify(s.packages), s.updatedAtMs, s.shippedAtMs, s.deliveredAtMs, s.id])
  await tx.run('DELETE FROM shipment_lines WHERE shipment_id = ?', [s.id])
  await insertMany(tx, 'shipment_lines', [['shipment_id', 'text'], ['line_no', 'integer'], ['sku_id', 'text'], ['quantity', 'bigint'], ['status', 'text']],
    s.lines.map((l): Param[] => [s.id, l.lineNo, l.skuId, l.quantity, l.status]))
}

export interface ShipmentEventDraft {
  shipmentId: string
  kind: string
  detail: Record<string, unknown>
}

export async function insertShipmentEvents(tx: Queryable, events: readonly ShipmentEventDraft[], actor: string, atMs: number): Promise<void> {
  await insertMany(tx, 'shipment_events', [['shipment_id', 'text'], ['kind', 'text'], ['actor', 'text'], ['detail', 'text'], ['at', 'bigint']],
    events.map((e): Param[] => [e.shipmentId, e.kind, actor, JSON.stringify(e.detail), atMs]))
}

export async function shipmentEventsOf(q: Queryable, shipmentId: string): Promise<ShipmentEvent[]> {
  const rows = await q.all<{ id: number | string; shipment_id: string; kind: string; actor: string; detail: string; at: number | string }>(
    'SELECT * FROM shipment_events WHERE shipment_id = ? ORDER BY id', [shipmentId])
  return rows.map((r) => ({ id: Number(r.id), shipmentId: r.shipment_id, kind: r.kind, actor: r.actor, detail: JSON.parse(r.detail), atMs: Number(r.at) }))
}

/** Nodes that already rejected this order line (their shipments' `line_rejected` events): a re-route leaves them out. */
export async function nodesThatRejected(q: Queryable, orderId: string, lineNo: number): Promise<string[]> {
  const rows = await q.all<{ node_id: string; detail: string }>(
    `SELECT s.node_id, e.detail FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.order_id = ? AND e.kind = 'line_rejected'`, [orderId])
  // A partly shipped line's other units became a new line (`newLineNo`): the nodes that rejected them count for it.
  const names = (r: { detail: string }) => {
    const d = JSON.parse(r.detail) as { lineNo?: number; newLineNo?: number }
    return d.lineNo === lineNo || d.newLineNo === lineNo
  }
  return [...new Set(rows.filter(names).map((r) => r.node_id))]
}
