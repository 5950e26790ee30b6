/** Purchase orders, ASNs, receipts and timelines as the tables hold them. */
import type { Param, Queryable } from '../store/db.ts'
import { promisedSlotsOf } from '../supply/index.ts'
import { insertMany, selectIn } from '../store/sql.ts'
import { Where } from '../store/where.ts'
import type { PoEventDraft } from './decide.ts'
import type { Asn, PoEvent, PoLine, PurchaseOrder, Receipt } from './model.ts'

export interface PoRow {
  id: string; supplier_id: string; destination_node_id: string; reference: string | null; status: PurchaseOrder['status']
  currency: string; requested_date: number | null; notes: string | null; receiving_policy: string; version: number
  created_by: string; created_at: number; updated_at: number; sent_at: number | null; closed_at: number | null
  cancelled_at: number | null; cancel_reason: string | null
}

export interface PoLineRow {
  id: string; po_id: string; line_no: number; sku_id: string; unit_cost: number; quantity_ordered: number
  quantity_accepted: number | null; quantity_cancelled: number; quantity_cancelled_by_supplier: number
  quantity_received: number; quantity_over: number; quantity_passed: number; quantity_failed: number
  quantity_in_transit: number; requested_date: number | null; confirmed_eta: number | null; eta: number | null
  eta_changes: number; status: PoLine['status']; first_receipt_at: number | null; last_receipt_at: number | null
}

const n = (v: number | null): number | null => (v === null ? null : Number(v))

export const poLineOf = (r: PoLineRow): PoLine => ({
  id: r.id, poId: r.po_id, lineNo: Number(r.line_no), skuId: r.sku_id, unitCost: Number(r.unit_cost),
  quantityOrdered: Number(r.quantity_ordered), quantityAccepted: n(r.quantity_accepted),
  quantityCancelled: Number(r.quantity_cancelled), quantityCancelledBySupplier: Number(r.quantity_cancelled_by_supplier),
  quantityReceived: Number(r.quantity_received), quantityOver: Number(r.quantity_over), quantityPassed: Number(r.quantity_passed),
  quantityFailed: Number(r.quantity_failed), quantityInTransit: Number(r.quantity_in_transit), requestedDate: n(r.requested_date),
  confirmedEta: n(r.confirmed_eta), eta: n(r.eta), etaChanges: Number(r.eta_changes), status: r.status,
  firstReceiptAt: n(r.first_receipt_at), lastReceiptAt: n(r.last_receipt_at),
})

export const poOf = (r: PoRow, lines: PoLine[]): PurchaseOrder => ({
  id: r.id, supplierId: r.supplier_id, destinationNodeId: r.destination_node_id, reference: r.reference, status: r.status,
  currency: r.currency, requestedDate: n(r.requested_date), notes: r.notes, receivingPolicy: JSON.parse(r.receiving_policy),
  version: Number(r.version), createdBy: r.created_by, createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at),
  sentAtMs: n(r.sent_at), closedAtMs: n(r.closed_at), cancelledAtMs: n(r.cancelled_at), cancelReason: r.cancel_reason,
  lines: lines.sort((a, b) => a.lineNo - b.lineNo),
})

const lineColumns = [
  'id', 'po_id', 'line_no', 'sku_id', 'unit_cost', 'quantity_ordered', 'quantity_accepted', 'quantity_cancelled',
  'quantity_cancelled_by_supplier', 'quantity_received', 'quantity_over', 'quantity_passed', 'quantity_failed',
  'quantity_in_transit', 'requested_date', 'confirmed_eta', 'eta', 'eta_changes', 'status', 'first_receipt_at', 'last_receipt_at',
] as const

const lineValues = (l: PoLine): Param[] => [
  l.id, l.poId, l.lineNo, l.skuId, l.unitCost, l.quantityOrdered, l.quantityAccepted, l.quantityCancelled,
  l.quantityCancelledBySupplier, l.quantityReceived, l.quantityOver, l.quantityPassed, l.quantityFailed,
  l.quantityInTransit, l.requestedDate, l.confirmedEta, l.eta, l.etaChanges, l.status, l.firstReceiptAt, l.lastReceiptAt,
]

const headerColumns = [
  'supplier_id', 'destination_node_id', 'reference', 'status', 'currency', 'requested_date', 'notes', 'receiving_policy',
  'version', 'created_by', 'created_at', 'updated_at', 'sent_at', 'closed_at', 'cancelled_at', 'cancel_reason',
] as const

const headerValues = (po: PurchaseOrder): Param[] => [
  po.supplierId, po.destinationNodeId, po.reference, po.status, po.currency, po.requestedDate, po.notes,
  JSON.stringify(po.receivingPolicy), po.version, po.createdBy, po.createdAtMs, po.updatedAtMs, po.sentAtMs,
  po.closedAtMs, po.cancelledAtMs, po.cancelReason,
]

/** One PO with its lines; `forUpdate` locks the header row on PostgreSQL (SQLite's transaction already holds the write lock). */
export async function loadPo(q: Queryable, id: string, forUpdate = false): Promise<PurchaseOrder | undefined> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<PoRow>(`SELECT * FROM purchase_orders WHERE id = ?${lock}`, [id])
  if (!row) return undefined
  const lines = await q.all<PoLineRow>('SELECT * FROM po_lines WHERE po_id = ?', [id])
  return poOf(row, lines.map(poLineOf))
}

export async function insertPo(q: Queryable, po: PurchaseOrder): Promise<void> {
  await q.run(
    `INSERT INTO purchase_orders (id, ${headerColumns.join(', ')}) VALUES (?, ${headerColumns.map(() => '?').join(', ')})`,
    [po.id, ...headerValues(po)],
  )
  await insertLines(q, po.lines)
}

async function insertLines(q: Queryable, lines: PoLine[]): Promise<void> {
  await insertMany(q, 'po_lines', lineColumns.map((c) => [c, /^(id|po_id|sku_id|status)$/.test(c) ? 'text' : 'bigint'] as [string, 'text' | 'bigint']),
    lines.map(lineValues))
}

/** Writes a decided PO over the version it was decided from: changed lines updated, new ones inserted, dropped ones deleted (drafts only). */
export async function savePo(q: Queryable, before: PurchaseOrder, after: PurchaseOrder): Promise<void> {
  const changed = await q.run(
    `UPDATE purchase_orders SET ${headerColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND version = ?`,
    [...headerValues(after), after.id, before.version],
  )
  // The row was locked when loaded; a mismatch here is a bug, not a race to retry.
  if (changed !== 1) throw new Error(`purchase order ${after.id} changed under its lock (version ${before.version})`)
  const old = new Map(before.lines.map((l) => [l.id, l]))
  const kept = new Set(after.lines.map((l) => l.id))
  const dropped = before.lines.filter((l) => !kept.has(l.id))
  for (const l of dropped) await q.run('DELETE FROM po_lines WHERE id = ?', [l.id])
  const fresh: PoLine[] = []
  for (const l of after.lines) {
    const was = old.get(l.id)
    if (!was) fresh.push(l)
    else if (JSON.stringify(was) !== JSON.stringify(l)) {
      await q.run(`UPDATE po_lines SET ${lineColumns.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...lineValues(l).slice(1), l.id])
    }
  }
  await insertLines(q, fresh)
}

export async function insertEvents(q: Queryable, poId: string, events: PoEventDraft[], actor: string, nowMs: number): Promise<void> {
  await insertMany(q, 'po_events', [['po_id', 'text'], ['line_id', 'text'], ['kind', 'text'], ['actor', 'text'], ['detail', 'text'], ['at', 'bigint']],
    events.map((e) => [poId, e.lineId, e.kind, actor, JSON.stringify(e.detail), nowMs]))
}

export interface AsnRow {
  id: string; po_id: string; supplier_id: string; reference: string | null; carrier: string | null; tracking: string | null
  eta: number; status: Asn['status']; created_by: string; created_at: number; received_at: number | null; cancelled_at: number | null
}
export interface AsnLineRow { asn_id: string; po_line_id: string; quantity: number; quantity_received: number }

/** One ASN from its row and its own lines. */
const asnOf = (r: AsnRow, lines: AsnLineRow[]): Asn => ({
  id: r.id, poId: r.po_id, supplierId: r.supplier_id, reference: r.reference, carrier: r.carrier, tracking: r.tracking,
  eta: Number(r.eta), status: r.status, createdBy: r.created_by, createdAtMs: Number(r.created_at),
  receivedAtMs: n(r.received_at), cancelledAtMs: n(r.cancelled_at),
  lines: lines.map((l) => ({ poLineId: l.po_line_id, quantity: Number(l.quantity), quantityReceived: Number(l.quantity_received) })),
})

/** Items by key, in their order: rows of many documents split once, not filtered per document. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** ASNs with their lines: a supply view may hold thousands of them. */
export function asnsOf(rows: AsnRow[], lines: AsnLineRow[]): Asn[] {
  const byAsn = groupBy(lines, (l) => l.asn_id)
  return rows.map((r) => asnOf(r, byAsn.get(r.id) ?? []))
}

/** Every ASN of a PO, oldest first. */
export async function loadAsns(q: Queryable, poId: string): Promise<Asn[]> {
  const rows = await q.all<AsnRow>('SELECT * FROM asns WHERE po_id = ? ORDER BY id', [poId])
  if (rows.length === 0) return []
  const lines = await q.all<AsnLineRow>('SELECT l.* FROM asn_lines l JOIN asns a ON a.id = l.asn_id WHERE a.po_id = ?', [poId])
  return asnsOf(rows, lines)
}

export async function insertAsn(q: Queryable, asn: Asn): Promise<void> {
  await q.run(
    `INSERT INTO asns (id, po_id, supplier_id, reference, carrier, tracking, eta, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [asn.id, asn.poId, asn.supplierId, asn.reference, asn.carrier, asn.tracking, asn.eta, asn.status, asn.createdBy, asn.createdAtMs],
  )
  await insertMany(q, 'asn_lines', [['asn_id', 'text'], ['po_line_id', 'text'], ['quantity', 'bigint'], ['quantity_received', 'bigint']],
    asn.lines.map((l) => [asn.id, l.poLineId, l.quantity, l.quantityReceived]))
}

export async function updateAsn(q: Queryable, asn: Asn): Promise<void> {
  await q.run('UPDATE asns SET status = ?, received_at = ?, cancelled_at = ? WHERE id = ?', [asn.status, asn.receivedAtMs, asn.cancelledAtMs, asn.id])
  for (const l of asn.lines) {
    await q.run('UPDATE asn_lines SET quantity_received = ? WHERE asn_id = ? AND po_line_id = ?', [l.quantityReceived, asn.id, l.poLineId])
  }
}

export async function insertReceipt(q: Queryable, r: Receipt): Promise<void> {
  await q.run('INSERT INTO receipts (id, po_id, asn_id, supplier_id, node_id, actor, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [r.id, r.poId, r.asnId, r.supplierId, r.nodeId, r.actor, r.receivedAtMs])
  await insertMany(q, 'receipt_lines', [
    ['receipt_id', 'text'], ['po_line_id', 'text'], ['sku_id', 'text'], ['quantity_passed', 'bigint'], ['quantity_failed', 'bigint'],
    ['fail_reason', 'text'], ['quantity_over', 'bigint'], ['quantity_short', 'bigint'], ['line_closed', 'integer'],
  ], r.lines.map((l) => [r.id, l.poLineId, l.skuId, l.quantityPassed, l.quantityFailed, l.failReason, l.quantityOver, l.quantityShort, l.lineClosed ? 1 : 0]))
}

interface ReceiptRow { id: string; po_id: string; asn_id: string | null; supplier_id: string; node_id: string; actor: string; received_at: number }
interface ReceiptLineRow {
  receipt_id: string; po_line_id: string; sku_id: string; quantity_passed: number; quantity_failed: number
  fail_reason: string | null; quantity_over: number; quantity_short: number; line_closed: number
}

/** Receipts of a PO, oldest first. */
export async function loadReceipts(q: Queryable, poId: string): Promise<Receipt[]> {
  const rows = await q.all<ReceiptRow>('SELECT * FROM receipts WHERE po_id = ? ORDER BY id', [poId])
  if (rows.length === 0) return []
  const lines = await q.all<ReceiptLineRow>('SELECT l.* FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.po_id = ?', [poId])
  const byReceipt = groupBy(lines, (l) => l.receipt_id)
  return rows.map((r) => ({
    id: r.id, poId: r.po_id, asnId: r.asn_id, supplierId: r.supplier_id, nodeId: r.node_id, actor: r.actor, receivedAtMs: Number(r.received_at),
    lines: (byReceipt.get(r.id) ?? []).map((l) => ({
      poLineId: l.po_line_id, skuId: l.sku_id, quantityPassed: Number(l.quantity_passed), quantityFailed: Number(l.quantity_failed),
      failReason: l.fail_reason, quantityOver: Number(l.quantity_over), quantityShort: Number(l.quantity_short), lineClosed: Number(l.line_closed) === 1,
    })),
  }))
}

/** One receipt by id with its lines, or undefined. */
export async function loadReceipt(q: Queryable, receiptId: string): Promise<Receipt | undefined> {
  const row = await q.get<ReceiptRow>('SELECT * FROM receipts WHERE id = ?', [receiptId])
  if (!row) return undefined
  const lines = await q.all<ReceiptLineRow>('SELECT * FROM receipt_lines WHERE receipt_id = ? ORDER BY po_line_id', [receiptId])
  return {
    id: row.id, poId: row.po_id, asnId: row.asn_id, supplierId: row.supplier_id, nodeId: row.node_id, actor: row.actor, receivedAtMs: Number(row.received_at),
    lines: lines.map((l) => ({
      poLineId: l.po_line_id, skuId: l.sku_id, quantityPassed: Number(l.quantity_passed), quantityFailed: Number(l.quantity_failed),
      failReason: l.fail_reason, quantityOver: Number(l.quantity_over), quantityShort: Number(l.quantity_short), lineClosed: Number(l.line_closed) === 1,
    })),
  }
}

/**
 * A receipt with the purchase order it was counted against (the PO lines carry the unit costs,
 * the PO the currency): what costing and landed cost read. Undefined when there is no such receipt.
 */
export async function receiptWithOrder(q: Queryable, receiptId: string): Promise<{ receipt: Receipt; po: PurchaseOrder } | undefined> {
  const receipt = await loadReceipt(q, receiptId)
  const po = receipt && await loadPo(q, receipt.poId)
  return receipt && po ? { receipt, po } : undefined
}

export async function loadTimeline(q: Queryable, poId: string, afterId: number, limit: number): Promise<PoEvent[]> {
  const rows = await q.all<{ id: number; po_id: string; line_id: string | null; kind: string; actor: string; detail: string; at: number }>(
    `SELECT * FROM po_events WHERE po_id = ? AND id > ? ORDER BY id LIMIT ${limit}`, [poId, afterId])
  return rows.map((r) => ({ id: Number(r.id), poId: r.po_id, lineId: r.line_id, kind: r.kind, actor: r.actor, detail: JSON.parse(r.detail), atMs: Number(r.at) }))
}

export interface PoFilter {
  supplierId?: string
  status?: string
  destinationNodeId?: string
  skuId?: string
  /** Only these destinations (a store token's own store). */
  destinationNodeIds?: string[]
  /** Leave out drafts (a supplier never sees an order before it is sent). */
  sentOnly?: boolean
}

/**
 * The earliest ship date promised to a customer against each line of these POs: open order
 * lines with a part on the line's supply slot (the slot id is the PO line id) or on one of its
 * ASNs' (`<asn>:<po line>`). Two queries for all the POs, whatever their number of lines: their
 * promised slots, then the waiting lines of those slots' positions, each line's parts read once.
 */
export async function earliestCustomerPromises(q: Queryable, poIds: readonly string[], shipByOnSlots: ShipByOnSlots): Promise<Map<string, number>> {
  const byLine = new Map<string, number>()
  if (poIds.length === 0) return byLine
  const slots = await promisedSlotsOf(q, poIds)
  if (slots.length === 0) return byLine
  const wanted = new Set(slots.map((s) => s.id))
  const positions = [...new Map(slots.map((s) => [`${s.skuId}|${s.nodeId}`, { skuId: s.skuId, nodeId: s.nodeId }])).values()]
  for (const { slotId, shipByMs } of await shipByOnSlots(q, positions)) {
    if (!wanted.has(slotId)) continue
    const lineId = slotId.slice(slotId.lastIndexOf(':') + 1)
    byLine.set(lineId, Math.min(shipByMs, byLine.get(lineId) ?? shipByMs))
  }
  return byLine
}

/**
 * The earliest ship day of open order lines waiting on each supply slot at some positions: the
 * orders context answers it (it owns the lines); the composition root hands its function in.
 */
export type ShipByOnSlots = (q: Queryable, positions: ReadonlyArray<{ skuId: string; nodeId: string }>) => Promise<Array<{ slotId: string; shipByMs: number }>>

/** The POs with each line's earliest customer promise, for showing (the supplier portal's urgency). */
export async function withCustomerPromises(q: Queryable, pos: PurchaseOrder[], shipByOnSlots: ShipByOnSlots): Promise<PurchaseOrder[]> {
  const promises = await earliestCustomerPromises(q, pos.map((po) => po.id), shipByOnSlots)
  return pos.map((po) => ({ ...po, lines: po.lines.map((l) => ({ ...l, earliestCustomerPromiseMs: promises.get(l.id) ?? null })) }))
}

/** Purchase orders, newest first, with their lines. */
export async function listPos(q: Queryable, filter: PoFilter, beforeId: string | undefined, limit: number): Promise<PurchaseOrder[]> {
  const where = new Where()
    .eq('supplier_id', filter.supplierId)
    .eq('status', filter.status)
    .eq('destination_node_id', filter.destinationNodeId)
    .among('destination_node_id', filter.destinationNodeIds)
  if (filter.skuId !== undefined) where.add('id IN (SELECT po_id FROM po_lines WHERE sku_id = ?)', filter.skuId)
  if (filter.sentOnly) where.add('status <> ?', 'draft')
  if (beforeId) where.add('id < ?', beforeId)
  const rows = await q.all<PoRow>(`SELECT * FROM purchase_orders ${where.sql} ORDER BY id DESC LIMIT ${limit}`, where.params)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const lines = await q.all<PoLineRow>(`SELECT * FROM po_lines WHERE po_id IN (${ids.map(() => '?').join(', ')})`, ids)
  const byPo = groupBy(lines, (l) => l.po_id)
  return rows.map((r) => poOf(r, (byPo.get(r.id) ?? []).map(poLineOf)))
}

/** Where each purchase order is: its status, when it was first sent, and when it was fully received (status `received` or `closed` after receipts). */
export interface PoProgress {
  status: string
  sentAtMs: number | null
  receivedAtMs: number | null
}

export async function poProgressOf(q: Queryable, poIds: readonly string[]): Promise<Map<string, PoProgress>> {
  const pos = await selectIn<{ id: string; status: string }>(q, 'SELECT id, status FROM purchase_orders WHERE id', poIds)
  const events = await selectIn<{ po_id: string; kind: string; detail: string; at: number | string }>(q,
    "SELECT po_id, kind, detail, at FROM po_events WHERE kind IN ('sent', 'status_changed') AND po_id", poIds)
  const out = new Map<string, PoProgress>(pos.map((p) => [p.id, { status: p.status, sentAtMs: null, receivedAtMs: null }]))
  for (const e of events.sort((a, b) => Number(a.at) - Number(b.at))) {
    const progress = out.get(e.po_id)
    if (!progress) continue
    if (e.kind === 'sent') progress.sentAtMs ??= Number(e.at)
    else if ((JSON.parse(e.detail) as { to?: string }).to === 'received') progress.receivedAtMs ??= Number(e.at)
  }
  return out
}
