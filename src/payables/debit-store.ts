/**
 * Debits and credit notes against a supplier: one row per source (a QC failure on a receipt line,
 * a short receipt, a return to vendor, a delay's chargeback, a credit note), open until a payment
 * offsets it. `kind` + `source_id` is unique, so a source is never debited twice.
 */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'

export const debitKinds = ['qc_failure', 'short_receipt', 'return_to_vendor', 'delay_chargeback', 'credit_note'] as const
export type DebitKind = (typeof debitKinds)[number]
export type DebitStatus = 'open' | 'offset'

export interface Debit {
  id: string
  supplierId: string
  kind: DebitKind
  /** What it is for, unique per kind: `<receipt id>:<po line id>`, a return-to-vendor id, a delay id, a credit note number. */
  sourceId: string
  currency: string
  amountMinor: number
  quantity: number | null
  /** JSON: the facts behind the amount (PO, order, units, unit price, share). */
  detail: Record<string, unknown>
  status: DebitStatus
  /** The payment it was offset against. */
  paymentId: string | null
  createdBy: string
  createdAtMs: number
}

type DebitRow = {
  id: string; supplier_id: string; kind: DebitKind; source_id: string; currency: string; amount_minor: number | string; quantity: number | string | null
  detail: string; status: DebitStatus; payment_id: string | null; created_by: string; created_at: number | string
}

const debitOf = (r: DebitRow): Debit => ({
  id: r.id, supplierId: r.supplier_id, kind: r.kind, sourceId: r.source_id, currency: r.currency, amountMinor: Number(r.amount_minor),
  quantity: r.quantity === null ? null : Number(r.quantity), detail: JSON.parse(r.detail), status: r.status, paymentId: r.payment_id,
  createdBy: r.created_by, createdAtMs: Number(r.created_at),
})

/** Records a debit unless its source already has one; answers whether it was new. */
export async function insertDebit(tx: Queryable, d: Omit<Debit, 'status' | 'paymentId'>): Promise<boolean> {
  const n = await tx.run(`INSERT INTO supplier_debits (id, supplier_id, kind, source_id, currency, amount_minor, quantity, detail, status, payment_id, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?) ON CONFLICT (kind, source_id) DO NOTHING`,
  [d.id, d.supplierId, d.kind, d.sourceId, d.currency, d.amountMinor, d.quantity, JSON.stringify(d.detail), d.createdBy, d.createdAtMs])
  return n > 0
}

/** A supplier's open debits in one currency, oldest first. */
export async function openDebits(q: Queryable, supplierId: string, currency: string): Promise<Debit[]> {
  const rows = await q.all<DebitRow>(`SELECT * FROM supplier_debits WHERE supplier_id = ? AND status = 'open' AND currency = ? ORDER BY id`, [supplierId, currency])
  return rows.map(debitOf)
}

/** Marks debits as offset against a payment; only open ones change. Answers how many did. */
export async function offsetDebits(tx: Queryable, ids: readonly string[], paymentId: string): Promise<number> {
  if (ids.length === 0) return 0
  return tx.run(`UPDATE supplier_debits SET status = 'offset', payment_id = ? WHERE status = 'open' AND id IN (${ids.map(() => '?').join(', ')})`, [paymentId, ...ids])
}

/** A page of debits, newest first, of one supplier or all, optionally of one kind or status. */
export async function listDebits(q: Queryable, filter: { supplierId?: string; kind?: DebitKind; status?: DebitStatus }, before: string | undefined, limit: number): Promise<Debit[]> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (filter.supplierId !== undefined) { where.push('supplier_id = ?'); params.push(filter.supplierId) }
  if (filter.kind !== undefined) { where.push('kind = ?'); params.push(filter.kind) }
  if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status) }
  if (before !== undefined) { where.push('id < ?'); params.push(before) }
  const rows = await q.all<DebitRow>(`SELECT * FROM supplier_debits ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, [...params, limit])
  return rows.map(debitOf)
}

export async function debitsByIds(q: Queryable, ids: readonly string[]): Promise<Debit[]> {
  return (await selectIn<DebitRow>(q, 'SELECT * FROM supplier_debits WHERE id', ids)).map(debitOf)
}

const debitColumns: readonly Column[] = [
  ['id', 'text'], ['supplier_id', 'text'], ['kind', 'text'], ['source_id', 'text'], ['currency', 'text'], ['amount_minor', 'bigint'], ['quantity', 'bigint'],
  ['detail', 'text'], ['status', 'text'], ['payment_id', 'text'], ['created_by', 'text'], ['created_at', 'bigint'],
]

/** Records many debits in multi-row statements (a slip's chargebacks may be thousands); a source already debited is left alone. */
export async function insertDebits(tx: Queryable, debits: ReadonlyArray<Omit<Debit, 'status' | 'paymentId'>>): Promise<void> {
  await insertMany(tx, 'supplier_debits', debitColumns, debits.map((d): Param[] => [
    d.id, d.supplierId, d.kind, d.sourceId, d.currency, d.amountMinor, d.quantity, JSON.stringify(d.detail), 'open', null, d.createdBy, d.createdAtMs,
  ]), 'ON CONFLICT (kind, source_id) DO NOTHING')
}

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Units debited per PO line for QC failures and for short receipts (their source ends with `:<po line id>`). */
export async function debitedUnitsByPoLine(q: Queryable, poLineIds: readonly string[]): Promise<Map<string, { qc: number; short: number }>> {
  const units = new Map<string, { qc: number; short: number }>()
  const ids = [...new Set(poLineIds)]
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200)
    const rows = await q.all<{ kind: DebitKind; source_id: string; quantity: number | string | null }>(
      `SELECT kind, source_id, quantity FROM supplier_debits WHERE kind IN ('qc_failure', 'short_receipt') AND (${chunk.map(() => "source_id LIKE ? ESCAPE '\\'").join(' OR ')})`,
      chunk.map((id) => `%:${likeEscaped(id)}`))
    for (const r of rows) {
      const poLineId = r.source_id.slice(r.source_id.lastIndexOf(':') + 1)
      const line = units.get(poLineId) ?? { qc: 0, short: 0 }
      line[r.kind === 'qc_failure' ? 'qc' : 'short'] += Number(r.quantity ?? 0)
      units.set(poLineId, line)
    }
  }
  return units
}
