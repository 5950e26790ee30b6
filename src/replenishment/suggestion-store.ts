/** Suggested purchase orders' SQL. At most one open suggestion per SKU × node (a unique index): never two for the same need. */
import type { Queryable } from '../store/db.ts'
import { selectIn } from '../store/sql.ts'

export const suggestionStatuses = ['open', 'approved', 'dismissed', 'withdrawn'] as const
/**
 * open: waiting for a buyer; approved: on a purchase order (draft or sent); dismissed: a buyer
 * said no (not suggested again within the policy's review period unless the need grows);
 * withdrawn: a later run found no need any more.
 */
export type SuggestionStatus = (typeof suggestionStatuses)[number]

export interface StoredSuggestion {
  id: string
  skuId: string
  nodeId: string
  supplierId: string | null
  status: SuggestionStatus
  /** What will be ordered: the suggested quantity, or the buyer's edit. */
  quantity: number
  suggestedQuantity: number
  /** Every term of the sum, the forecast model and its accuracy, the rounding, why this supplier. */
  explanation: Record<string, unknown>
  poId: string | null
  createdAtMs: number
  updatedAtMs: number
  decidedAtMs: number | null
  decidedBy: string | null
  sentAtMs: number | null
  receivedAtMs: number | null
}

type Row = {
  id: string; sku_id: string; node_id: string; supplier_id: string | null; status: string; quantity: number | string; suggested_quantity: number | string
  explanation: string; po_id: string | null; created_at: number | string; updated_at: number | string; decided_at: number | string | null; decided_by: string | null
  sent_at: number | string | null; received_at: number | string | null
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v))
const suggestionOf = (r: Row): StoredSuggestion => ({
  id: r.id, skuId: r.sku_id, nodeId: r.node_id, supplierId: r.supplier_id, status: r.status as SuggestionStatus, quantity: Number(r.quantity),
  suggestedQuantity: Number(r.suggested_quantity), explanation: JSON.parse(r.explanation), poId: r.po_id, createdAtMs: Number(r.created_at),
  updatedAtMs: Number(r.updated_at), decidedAtMs: num(r.decided_at), decidedBy: r.decided_by, sentAtMs: num(r.sent_at), receivedAtMs: num(r.received_at),
})

export async function suggestion(q: Queryable, id: string, forUpdate = false): Promise<StoredSuggestion | undefined> {
  const row = await q.get<Row>(`SELECT * FROM replenishment_suggestions WHERE id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id])
  return row && suggestionOf(row)
}

export async function suggestionsById(q: Queryable, ids: readonly string[]): Promise<StoredSuggestion[]> {
  return (await selectIn<Row>(q, 'SELECT * FROM replenishment_suggestions WHERE id', ids)).map(suggestionOf)
}

/** The latest suggestion of each of these SKUs' series that is open, approved but not received, or dismissed: what a run weighs. */
export async function liveSuggestionsOfSkus(q: Queryable, skuIds: readonly string[]): Promise<StoredSuggestion[]> {
  return (await selectIn<Row>(q, "SELECT * FROM replenishment_suggestions WHERE status <> 'withdrawn' AND received_at IS NULL AND sku_id", skuIds)).map(suggestionOf)
}

export async function insertSuggestion(tx: Queryable, s: StoredSuggestion): Promise<void> {
  await tx.run(`INSERT INTO replenishment_suggestions (id, sku_id, node_id, supplier_id, status, quantity, suggested_quantity, explanation, po_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'open', ?, ?, ?, NULL, ?, ?)`,
  [s.id, s.skuId, s.nodeId, s.supplierId, s.quantity, s.suggestedQuantity, JSON.stringify(s.explanation), s.createdAtMs, s.updatedAtMs])
}

/** A run's new figures for an open suggestion; a buyer's edited quantity is kept. */
export async function refreshSuggestion(tx: Queryable, id: string, fields: { supplierId: string | null; suggestedQuantity: number; explanation: Record<string, unknown>; edited: boolean }, atMs: number): Promise<void> {
  await tx.run(`UPDATE replenishment_suggestions SET supplier_id = ?, suggested_quantity = ?, quantity = CASE WHEN ? = 1 THEN quantity ELSE ? END, explanation = ?, updated_at = ?
    WHERE id = ? AND status = 'open'`, [fields.supplierId, fields.suggestedQuantity, fields.edited ? 1 : 0, fields.suggestedQuantity, JSON.stringify(fields.explanation), atMs, id])
}

/** Moves a suggestion on from `open`; false when it was no longer open (another buyer, another run). */
export async function decideSuggestion(
  tx: Queryable, id: string, to: Exclude<SuggestionStatus, 'open'>, fields: { by: string | null; poId?: string | null; quantity?: number }, atMs: number,
): Promise<boolean> {
  return (await tx.run(`UPDATE replenishment_suggestions SET status = ?, decided_by = ?, decided_at = ?, po_id = COALESCE(?, po_id), quantity = COALESCE(?, quantity), updated_at = ?
    WHERE id = ? AND status = 'open'`, [to, fields.by, atMs, fields.poId ?? null, fields.quantity ?? null, atMs, id])) === 1
}

export async function editSuggestionQuantity(tx: Queryable, id: string, quantity: number, by: string, atMs: number): Promise<boolean> {
  return (await tx.run(`UPDATE replenishment_suggestions SET quantity = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'open'`, [quantity, by, atMs, id])) === 1
}

/** Records a suggestion's purchase order being sent and received (for the replenishment cycle time). */
export async function markProgress(tx: Queryable, id: string, sentAtMs: number | null, receivedAtMs: number | null): Promise<void> {
  await tx.run('UPDATE replenishment_suggestions SET sent_at = COALESCE(sent_at, ?), received_at = COALESCE(received_at, ?) WHERE id = ?', [sentAtMs, receivedAtMs, id])
}

export interface SuggestionFilter { status?: SuggestionStatus; supplierId?: string; nodeId?: string; skuId?: string }

/** A page of suggestions, newest first, strictly before `beforeId`. */
export async function listSuggestions(q: Queryable, filter: SuggestionFilter, beforeId: string | undefined, limit: number): Promise<StoredSuggestion[]> {
  const where: string[] = []
  const params: Array<string | number> = []
  for (const [column, value] of [['status', filter.status], ['supplier_id', filter.supplierId], ['node_id', filter.nodeId], ['sku_id', filter.skuId]] as const) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  if (beforeId !== undefined) {
    where.push('id < ?')
    params.push(beforeId)
  }
  const rows = await q.all<Row>(`SELECT * FROM replenishment_suggestions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, [...params, limit])
  return rows.map(suggestionOf)
}

/** Approved suggestions whose purchase order is not yet received: their progress is followed by each run. */
export async function suggestionsAwaitingReceipt(q: Queryable, limit = 10_000): Promise<StoredSuggestion[]> {
  return (await q.all<Row>("SELECT * FROM replenishment_suggestions WHERE status = 'approved' AND received_at IS NULL ORDER BY id LIMIT ?", [limit])).map(suggestionOf)
}
