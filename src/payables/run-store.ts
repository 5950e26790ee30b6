/** Payment runs' SQL: the run, the instalments it pays, and the payments recorded (one per supplier and currency). */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { PayReason } from './payment-run.ts'

export const runStatuses = ['proposed', 'approved', 'paid', 'cancelled'] as const
export type RunStatus = (typeof runStatuses)[number]

export interface RunLineRow { invoiceId: string; seq: number; supplierId: string; currency: string; payMinor: number; discountMinor: number; reason: PayReason; explanation: string }
export interface Payment {
  id: string; runId: string; supplierId: string; currency: string; amountMinor: number; debitsMinor: number; bankReference: string; paidDay: number
  createdBy: string; createdAtMs: number
}
export interface Run {
  id: string; payByDay: number; payDay: number; status: RunStatus; createdBy: string; createdAtMs: number
  approvedBy: string | null; approvedAtMs: number | null; closedAtMs: number | null
  lines: RunLineRow[]; payments: Payment[]
}

type N = number | string
type RunRow = { id: string; pay_by_day: N; pay_day: N; status: RunStatus; created_by: string; created_at: N; approved_by: string | null; approved_at: N | null; closed_at: N | null }
type LineRow = { run_id: string; invoice_id: string; seq: N; supplier_id: string; currency: string; pay_minor: N; discount_minor: N; reason: PayReason; explanation: string }
type PaymentRow = { id: string; run_id: string; supplier_id: string; currency: string; amount_minor: N; debits_minor: N; bank_reference: string; paid_day: N; created_by: string; created_at: N }

const n = (v: N | null): number | null => (v === null ? null : Number(v))
export const paymentOf = (r: PaymentRow): Payment => ({
  id: r.id, runId: r.run_id, supplierId: r.supplier_id, currency: r.currency, amountMinor: Number(r.amount_minor), debitsMinor: Number(r.debits_minor),
  bankReference: r.bank_reference, paidDay: Number(r.paid_day), createdBy: r.created_by, createdAtMs: Number(r.created_at),
})
const lineOf = (r: LineRow): RunLineRow => ({
  invoiceId: r.invoice_id, seq: Number(r.seq), supplierId: r.supplier_id, currency: r.currency, payMinor: Number(r.pay_minor), discountMinor: Number(r.discount_minor),
  reason: r.reason, explanation: r.explanation,
})

const lineColumns: readonly Column[] = [
  ['run_id', 'text'], ['invoice_id', 'text'], ['seq', 'integer'], ['supplier_id', 'text'], ['currency', 'text'], ['pay_minor', 'bigint'], ['discount_minor', 'bigint'],
  ['reason', 'text'], ['explanation', 'text'],
]

export async function insertRun(tx: Queryable, run: Run): Promise<void> {
  await tx.run('INSERT INTO payment_runs (id, pay_by_day, pay_day, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [run.id, run.payByDay, run.payDay, run.status, run.createdBy, run.createdAtMs])
  await insertMany(tx, 'payment_run_lines', lineColumns, run.lines.map((l): Param[] => [
    run.id, l.invoiceId, l.seq, l.supplierId, l.currency, l.payMinor, l.discountMinor, l.reason, l.explanation,
  ]))
}

async function withDetail(q: Queryable, rows: RunRow[]): Promise<Run[]> {
  const ids = rows.map((r) => r.id)
  const [lines, payments] = await Promise.all([
    selectIn<LineRow>(q, 'SELECT * FROM payment_run_lines WHERE run_id', ids),
    selectIn<PaymentRow>(q, 'SELECT * FROM supplier_payments WHERE run_id', ids),
  ])
  return rows.map((r) => ({
    id: r.id, payByDay: Number(r.pay_by_day), payDay: Number(r.pay_day), status: r.status, createdBy: r.created_by, createdAtMs: Number(r.created_at),
    approvedBy: r.approved_by, approvedAtMs: n(r.approved_at), closedAtMs: n(r.closed_at),
    lines: lines.filter((l) => l.run_id === r.id).map(lineOf)
      .sort((a, b) => (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0) || (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0) || a.seq - b.seq),
    payments: payments.filter((p) => p.run_id === r.id).map(paymentOf).sort((a, b) => (a.id < b.id ? -1 : 1)),
  }))
}

export async function loadRun(q: Queryable, id: string, forUpdate = false): Promise<Run | undefined> {
  const row = await q.get<RunRow>(`SELECT * FROM payment_runs WHERE id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id])
  return row && (await withDetail(q, [row]))[0]
}

export async function listRuns(q: Queryable, status: RunStatus | undefined, beforeId: string | undefined, limit: number): Promise<Run[]> {
  const where: string[] = []
  const params: Param[] = []
  if (status !== undefined) { where.push('status = ?'); params.push(status) }
  if (beforeId !== undefined) { where.push('id < ?'); params.push(beforeId) }
  const rows = await q.all<RunRow>(`SELECT * FROM payment_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, [...params, limit])
  return withDetail(q, rows)
}

/** Moves a run from one status to another; answers whether it moved. */
export async function moveRun(tx: Queryable, id: string, from: RunStatus, to: RunStatus, by: string, atMs: number): Promise<boolean> {
  const set = to === 'approved' ? 'approved_by = ?, approved_at = ?' : 'closed_at = ?'
  const params = to === 'approved' ? [by, atMs] : [atMs]
  return (await tx.run(`UPDATE payment_runs SET status = ?, ${set} WHERE id = ? AND status = ?`, [to, ...params, id, from])) > 0
}

/** `<invoice id>#<seq>` of instalments on runs not yet paid or cancelled: a second run leaves them alone. */
export async function instalmentsInOpenRuns(q: Queryable): Promise<Set<string>> {
  const rows = await q.all<{ invoice_id: string; seq: N }>(`SELECT l.invoice_id, l.seq FROM payment_run_lines l JOIN payment_runs r ON r.id = l.run_id
    WHERE r.status IN ('proposed', 'approved')`)
  return new Set(rows.map((r) => `${r.invoice_id}#${Number(r.seq)}`))
}

/** Records a payment; false when the run already has one for that supplier and currency. */
export async function insertPayment(tx: Queryable, p: Payment): Promise<boolean> {
  return (await tx.run(`INSERT INTO supplier_payments (id, run_id, supplier_id, currency, amount_minor, debits_minor, bank_reference, paid_day, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, supplier_id, currency) DO NOTHING`,
  [p.id, p.runId, p.supplierId, p.currency, p.amountMinor, p.debitsMinor, p.bankReference, p.paidDay, p.createdBy, p.createdAtMs])) > 0
}

export async function paymentsOf(q: Queryable, supplierId: string): Promise<Payment[]> {
  return (await q.all<PaymentRow>('SELECT * FROM supplier_payments WHERE supplier_id = ? ORDER BY id', [supplierId])).map(paymentOf)
}

/** The early-payment discounts each of a supplier's payments took, by payment id (only those that took one). */
export async function discountsOfPayments(q: Queryable, supplierId: string): Promise<Map<string, number>> {
  const rows = await q.all<{ id: string; discount: N }>(`SELECT p.id, SUM(l.discount_minor) AS discount FROM supplier_payments p
    JOIN payment_run_lines l ON l.run_id = p.run_id AND l.supplier_id = p.supplier_id AND l.currency = p.currency
    WHERE p.supplier_id = ? GROUP BY p.id`, [supplierId])
  return new Map(rows.filter((r) => Number(r.discount) > 0).map((r) => [r.id, Number(r.discount)]))
}
