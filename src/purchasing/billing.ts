/**
 * What payables needs of purchase orders to check a supplier's invoice: each PO line's price, what
 * was ordered and what arrived and passed QC, and when it last arrived. Lines are found by the PO's
 * id or the merchant's reference for it, and the line number, among one supplier's POs only.
 */
import type { Queryable } from '../store/db.ts'

export interface BillableLine {
  poId: string
  poReference: string | null
  poLineId: string
  lineNo: number
  supplierId: string
  currency: string
  skuId: string
  unitCostMinor: number
  quantityOrdered: number
  quantityPassed: number
  /** The last receipt on the line, epoch ms; null before any. */
  lastReceiptAtMs: number | null
}

type Row = {
  po_id: string; reference: string | null; po_line_id: string; line_no: number | string; supplier_id: string; currency: string; sku_id: string
  unit_cost: number | string; quantity_ordered: number | string; quantity_passed: number | string; last_receipt_at: number | string | null
}

const lineOf = (r: Row): BillableLine => ({
  poId: r.po_id, poReference: r.reference, poLineId: r.po_line_id, lineNo: Number(r.line_no), supplierId: r.supplier_id, currency: r.currency, skuId: r.sku_id,
  unitCostMinor: Number(r.unit_cost), quantityOrdered: Number(r.quantity_ordered), quantityPassed: Number(r.quantity_passed),
  lastReceiptAtMs: r.last_receipt_at === null ? null : Number(r.last_receipt_at),
})

const columns = `p.id AS po_id, p.reference, l.id AS po_line_id, l.line_no, p.supplier_id, p.currency, l.sku_id, l.unit_cost, l.quantity_ordered,
  l.quantity_passed, l.last_receipt_at`

/** A supplier's PO lines on the POs named (by id or reference), keyed by each name as given and the line number: `<name>#<lineNo>`. */
export async function billableLines(q: Queryable, supplierId: string, poNames: readonly string[]): Promise<Map<string, BillableLine>> {
  const names = [...new Set(poNames)]
  const out = new Map<string, BillableLine>()
  if (names.length === 0) return out
  const marks = names.map(() => '?').join(', ')
  const rows = await q.all<Row>(`SELECT ${columns} FROM po_lines l JOIN purchase_orders p ON p.id = l.po_id
    WHERE p.supplier_id = ? AND (p.id IN (${marks}) OR p.reference IN (${marks}))`, [supplierId, ...names, ...names])
  for (const r of rows) {
    const line = lineOf(r)
    for (const name of [line.poId, line.poReference]) if (name !== null && names.includes(name)) out.set(`${name}#${line.lineNo}`, line)
  }
  return out
}

/** PO lines by id (any supplier), for re-reading the facts of lines already invoiced. */
export async function billableLinesById(q: Queryable, poLineIds: readonly string[]): Promise<Map<string, BillableLine>> {
  const ids = [...new Set(poLineIds)]
  if (ids.length === 0) return new Map()
  const rows = await q.all<Row>(`SELECT ${columns} FROM po_lines l JOIN purchase_orders p ON p.id = l.po_id WHERE l.id IN (${ids.map(() => '?').join(', ')})`, ids)
  return new Map(rows.map((r) => [r.po_line_id, lineOf(r)]))
}

/** What a PO line's receipts left undelivered in good order: units that failed QC, and units short of the ASN they were received against. */
export interface LineShortfall { failed: number; shortOfAsn: number }

export async function shortfallsByPoLine(q: Queryable, poLineIds: readonly string[]): Promise<Map<string, LineShortfall>> {
  const ids = [...new Set(poLineIds)]
  if (ids.length === 0) return new Map()
  const rows = await q.all<{ po_line_id: string; failed: number | string | null; short: number | string | null }>(`SELECT rl.po_line_id, SUM(rl.quantity_failed) AS failed,
    SUM(CASE WHEN r.asn_id IS NULL THEN 0 ELSE rl.quantity_short END) AS short
    FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id WHERE rl.po_line_id IN (${ids.map(() => '?').join(', ')}) GROUP BY rl.po_line_id`, ids)
  return new Map(rows.map((r) => [r.po_line_id, { failed: Number(r.failed ?? 0), shortOfAsn: Number(r.short ?? 0) }]))
}
