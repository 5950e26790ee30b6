/** Supplier invoices' SQL: the invoice, its matched lines, its charges and the instalments it falls due in. */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { ChargeDraft, ChargeKind, CostBasis, InvoiceSource, InvoiceStatus, MatchedLine } from './invoice.ts'
import type { MatchResult } from './match.ts'

export interface Instalment {
  seq: number
  /** Null while it counts from a receipt that has not happened. */
  dueDay: number | null
  amountMinor: number
  paidMinor: number
  discountUntilDay: number | null
  discountMinor: number
}

export interface StoredCharge extends ChargeDraft { chargeNo: number }

export interface Invoice {
  id: string
  supplierId: string
  number: string
  currency: string
  invoiceDay: number
  goodsMinor: number
  chargesMinor: number
  taxMinor: number
  totalMinor: number
  status: InvoiceStatus
  source: InvoiceSource
  note: string | null
  /** Why a person approved, rejected or asked for a credit note, and who, when. */
  resolution: string | null
  resolvedBy: string | null
  resolvedAtMs: number | null
  version: number
  createdBy: string
  createdAtMs: number
  updatedAtMs: number
  lines: MatchedLine[]
  charges: StoredCharge[]
  instalments: Instalment[]
}

export type InvoiceHead = Omit<Invoice, 'lines' | 'charges' | 'instalments'>

type N = number | string
type HeadRow = {
  id: string; supplier_id: string; number: string; currency: string; invoice_day: N; goods_minor: N; charges_minor: N; tax_minor: N; total_minor: N
  status: InvoiceStatus; source: InvoiceSource; note: string | null; resolution: string | null; resolved_by: string | null; resolved_at: N | null
  version: N; created_by: string; created_at: N; updated_at: N
}
type LineRow = {
  invoice_id: string; line_no: N; po_id: string; po_line_id: string; sku_id: string; quantity: N; unit_price_minor: N; amount_minor: N; result: MatchResult
  price_variance_minor: N; quantity_variance: N; amount_variance_minor: N; explanation: string; po_line_no: N
}
type ChargeRow = { invoice_id: string; charge_no: N; kind: ChargeKind; amount_minor: N; description: string | null; receipt_id: string | null; basis: CostBasis | null }
type InstalmentRow = { invoice_id: string; seq: N; due_day: N | null; amount_minor: N; paid_minor: N; discount_until_day: N | null; discount_minor: N }

const numOrNull = (v: N | null): number | null => (v === null ? null : Number(v))

const headOf = (r: HeadRow): InvoiceHead => ({
  id: r.id, supplierId: r.supplier_id, number: r.number, currency: r.currency, invoiceDay: Number(r.invoice_day), goodsMinor: Number(r.goods_minor),
  chargesMinor: Number(r.charges_minor), taxMinor: Number(r.tax_minor), totalMinor: Number(r.total_minor), status: r.status, source: r.source, note: r.note,
  resolution: r.resolution, resolvedBy: r.resolved_by, resolvedAtMs: numOrNull(r.resolved_at), version: Number(r.version), createdBy: r.created_by,
  createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at),
})
const lineOf = (r: LineRow): MatchedLine => ({
  lineNo: Number(r.line_no), poId: r.po_id, poLineNo: Number(r.po_line_no), poLineId: r.po_line_id, skuId: r.sku_id, quantity: Number(r.quantity),
  unitPriceMinor: Number(r.unit_price_minor), amountMinor: Number(r.amount_minor), result: r.result, priceVarianceMinor: Number(r.price_variance_minor),
  quantityVariance: Number(r.quantity_variance), amountVarianceMinor: Number(r.amount_variance_minor), explanation: r.explanation,
})
const chargeOf = (r: ChargeRow): StoredCharge => ({
  chargeNo: Number(r.charge_no), kind: r.kind, amountMinor: Number(r.amount_minor), description: r.description, receiptId: r.receipt_id, basis: r.basis,
})
const instalmentOf = (r: InstalmentRow): Instalment => ({
  seq: Number(r.seq), dueDay: numOrNull(r.due_day), amountMinor: Number(r.amount_minor), paidMinor: Number(r.paid_minor),
  discountUntilDay: numOrNull(r.discount_until_day), discountMinor: Number(r.discount_minor),
})

const lineColumns: readonly Column[] = [
  ['invoice_id', 'text'], ['line_no', 'integer'], ['po_id', 'text'], ['po_line_id', 'text'], ['po_line_no', 'integer'], ['sku_id', 'text'], ['quantity', 'bigint'], ['unit_price_minor', 'bigint'],
  ['amount_minor', 'bigint'], ['result', 'text'], ['price_variance_minor', 'bigint'], ['quantity_variance', 'bigint'], ['amount_variance_minor', 'bigint'], ['explanation', 'text'],
]
const chargeColumns: readonly Column[] = [
  ['invoice_id', 'text'], ['charge_no', 'integer'], ['kind', 'text'], ['amount_minor', 'bigint'], ['description', 'text'], ['receipt_id', 'text'], ['basis', 'text'],
]
const instalmentColumns: readonly Column[] = [
  ['invoice_id', 'text'], ['seq', 'integer'], ['supplier_id', 'text'], ['currency', 'text'], ['due_day', 'integer'], ['amount_minor', 'bigint'],
  ['paid_minor', 'bigint'], ['discount_until_day', 'integer'], ['discount_minor', 'bigint'],
]

/** Writes a new invoice whole; answers false (writing nothing) when the supplier already has an invoice of that number. */
export async function insertInvoice(tx: Queryable, inv: Invoice): Promise<boolean> {
  const n = await tx.run(`INSERT INTO supplier_invoices (id, supplier_id, number, currency, invoice_day, goods_minor, charges_minor, tax_minor, total_minor, status, source, note,
    version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (supplier_id, number) DO NOTHING`,
  [inv.id, inv.supplierId, inv.number, inv.currency, inv.invoiceDay, inv.goodsMinor, inv.chargesMinor, inv.taxMinor, inv.totalMinor, inv.status, inv.source, inv.note,
    inv.createdBy, inv.createdAtMs, inv.updatedAtMs])
  if (n === 0) return false
  await insertMany(tx, 'supplier_invoice_lines', lineColumns, inv.lines.map((l): Param[] => [
    inv.id, l.lineNo, l.poId, l.poLineId, l.poLineNo, l.skuId, l.quantity, l.unitPriceMinor, l.amountMinor, l.result, l.priceVarianceMinor, l.quantityVariance,
    l.amountVarianceMinor, l.explanation,
  ]))
  await insertMany(tx, 'supplier_invoice_charges', chargeColumns, inv.charges.map((c): Param[] => [inv.id, c.chargeNo, c.kind, c.amountMinor, c.description, c.receiptId, c.basis]))
  await replaceInstalments(tx, inv.id, inv.supplierId, inv.currency, inv.instalments)
  return true
}

export async function replaceInstalments(tx: Queryable, invoiceId: string, supplierId: string, currency: string, instalments: readonly Instalment[]): Promise<void> {
  await tx.run('DELETE FROM invoice_instalments WHERE invoice_id = ?', [invoiceId])
  await insertMany(tx, 'invoice_instalments', instalmentColumns, instalments.map((i): Param[] => [
    invoiceId, i.seq, supplierId, currency, i.dueDay, i.amountMinor, i.paidMinor, i.discountUntilDay, i.discountMinor,
  ]))
}


/** Whole invoices (lines, charges, instalments) of these heads, in the heads' order. */
async function withDetail(q: Queryable, heads: InvoiceHead[]): Promise<Invoice[]> {
  const ids = heads.map((h) => h.id)
  const [lines, charges, instalments] = await Promise.all([
    selectIn<LineRow>(q, 'SELECT * FROM supplier_invoice_lines WHERE invoice_id', ids),
    selectIn<ChargeRow>(q, 'SELECT * FROM supplier_invoice_charges WHERE invoice_id', ids),
    selectIn<InstalmentRow>(q, 'SELECT * FROM invoice_instalments WHERE invoice_id', ids),
  ])
  const group = <R extends { invoice_id: string }, T>(rows: R[], of: (r: R) => T, order: (t: T) => number) => {
    const out = new Map<string, T[]>()
    for (const r of rows) out.set(r.invoice_id, [...(out.get(r.invoice_id) ?? []), of(r)])
    for (const list of out.values()) list.sort((a, b) => order(a) - order(b))
    return out
  }
  const linesBy = group(lines, lineOf, (l) => l.lineNo)
  const chargesBy = group(charges, chargeOf, (c) => c.chargeNo)
  const instalmentsBy = group(instalments, instalmentOf, (i) => i.seq)
  return heads.map((h) => ({ ...h, lines: linesBy.get(h.id) ?? [], charges: chargesBy.get(h.id) ?? [], instalments: instalmentsBy.get(h.id) ?? [] }))
}

export async function loadInvoice(q: Queryable, id: string, forUpdate = false): Promise<Invoice | undefined> {
  const row = await q.get<HeadRow>(`SELECT * FROM supplier_invoices WHERE id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id])
  return row && (await withDetail(q, [headOf(row)]))[0]
}

export interface InvoiceFilter { supplierId?: string; status?: InvoiceStatus; poId?: string }

/** A page of invoices, newest first. */
export async function listInvoices(q: Queryable, filter: InvoiceFilter, beforeId: string | undefined, limit: number): Promise<Invoice[]> {
  const where: string[] = []
  const params: Param[] = []
  if (filter.supplierId !== undefined) { where.push('supplier_id = ?'); params.push(filter.supplierId) }
  if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status) }
  if (filter.poId !== undefined) { where.push('id IN (SELECT invoice_id FROM supplier_invoice_lines WHERE po_id = ?)'); params.push(filter.poId) }
  if (beforeId !== undefined) { where.push('id < ?'); params.push(beforeId) }
  const rows = await q.all<HeadRow>(`SELECT * FROM supplier_invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, [...params, limit])
  return withDetail(q, rows.map(headOf))
}

/** Units of each PO line billed on invoices that stand (every status but rejected), leaving one invoice out when it is being re-matched. */
export async function invoicedUnits(q: Queryable, poLineIds: readonly string[], exceptInvoiceId: string | null = null): Promise<Map<string, number>> {
  if (poLineIds.length === 0) return new Map()
  const rows = await q.all<{ po_line_id: string; units: N }>(`SELECT il.po_line_id, SUM(il.quantity) AS units FROM supplier_invoice_lines il
    JOIN supplier_invoices i ON i.id = il.invoice_id
    WHERE i.status <> 'rejected' AND i.id <> ? AND il.po_line_id IN (${poLineIds.map(() => '?').join(', ')}) GROUP BY il.po_line_id`, [exceptInvoiceId ?? '', ...poLineIds])
  return new Map(rows.map((r) => [r.po_line_id, Number(r.units)]))
}

/** Units of each PO line billed on accepted invoices (matched, approved or paid): what the supplier is to be paid for. */
export async function acceptedInvoicedUnits(q: Queryable, poLineIds: readonly string[]): Promise<Map<string, number>> {
  if (poLineIds.length === 0) return new Map()
  const rows = await q.all<{ po_line_id: string; units: N }>(`SELECT il.po_line_id, SUM(il.quantity) AS units FROM supplier_invoice_lines il
    JOIN supplier_invoices i ON i.id = il.invoice_id
    WHERE i.status IN ('matched', 'approved', 'paid') AND il.po_line_id IN (${poLineIds.map(() => '?').join(', ')}) GROUP BY il.po_line_id`, [...poLineIds])
  return new Map(rows.map((r) => [r.po_line_id, Number(r.units)]))
}

/** Moves an invoice to a new status as a person resolved it; only from one of `from`. Answers whether it moved. */
export async function resolveInvoice(tx: Queryable, id: string, from: readonly InvoiceStatus[], to: InvoiceStatus, resolution: string, by: string, atMs: number): Promise<boolean> {
  return (await tx.run(`UPDATE supplier_invoices SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ?, version = version + 1, updated_at = ?
    WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`, [to, resolution, by, atMs, atMs, id, ...from])) > 0
}

/** Marks invoices paid whose every instalment is settled. */
export async function markPaidWhenSettled(tx: Queryable, invoiceIds: readonly string[], atMs: number): Promise<void> {
  if (invoiceIds.length === 0) return
  await tx.run(`UPDATE supplier_invoices SET status = 'paid', version = version + 1, updated_at = ?
    WHERE id IN (${invoiceIds.map(() => '?').join(', ')}) AND status IN ('matched', 'approved')
      AND NOT EXISTS (SELECT 1 FROM invoice_instalments t WHERE t.invoice_id = supplier_invoices.id AND t.paid_minor < t.amount_minor)`, [atMs, ...invoiceIds])
}

export interface OpenInstalmentRow extends Instalment { invoiceId: string; supplierId: string; currency: string; status: InvoiceStatus }

/** Instalments with something left to pay, of invoices that stand (not rejected, not paid), optionally of one supplier. */
export async function openInstalments(q: Queryable, supplierId?: string): Promise<OpenInstalmentRow[]> {
  const rows = await q.all<InstalmentRow & { supplier_id: string; currency: string; status: InvoiceStatus }>(
    `SELECT t.*, i.status FROM invoice_instalments t JOIN supplier_invoices i ON i.id = t.invoice_id
     WHERE t.paid_minor < t.amount_minor AND i.status NOT IN ('rejected', 'paid')${supplierId === undefined ? '' : ' AND t.supplier_id = ?'}
     ORDER BY t.invoice_id, t.seq`, supplierId === undefined ? [] : [supplierId])
  return rows.map((r) => ({ ...instalmentOf(r), invoiceId: r.invoice_id, supplierId: r.supplier_id, currency: r.currency, status: r.status }))
}

/** Settles part of an instalment; refuses (false) if that would settle more than it owes — a payment is never recorded twice. */
export async function settleInstalment(tx: Queryable, invoiceId: string, seq: number, settledMinor: number): Promise<boolean> {
  return (await tx.run('UPDATE invoice_instalments SET paid_minor = paid_minor + ? WHERE invoice_id = ? AND seq = ? AND paid_minor + ? <= amount_minor',
    [settledMinor, invoiceId, seq, settledMinor])) > 0
}
