/**
 * What the merchant owes its suppliers: the ageing of open invoices (current, 1–30, 31–60, 61–90,
 * over 90 days past due) per supplier and in total, what falls due in each of the next 13 weeks,
 * each supplier's balance (open invoices less open debits), and a supplier's statement.
 */
import type { Queryable } from '../store/db.ts'
import { ageingBuckets, dueByWeek, type Ageing, type DueByWeek, type OpenPayable } from './ageing.ts'
import { listDebits, type Debit } from './debit-store.ts'
import { payableStatuses } from './invoice.ts'
import { listInvoices, openInstalments, type Invoice, type OpenInstalmentRow } from './invoice-store.ts'
import { discountsOfPayments, paymentsOf, type Payment } from './run-store.ts'

/** An instalment counted from a receipt not yet made is not due: it ages as current, and falls in no week yet. */
const openItemsOf = (rows: readonly OpenInstalmentRow[], asOfDay: number): OpenPayable[] =>
  rows.map((r) => ({ supplierId: r.supplierId, dueDay: r.dueDay ?? asOfDay, openMinor: r.amountMinor - r.paidMinor, currency: r.currency }))

export async function ageingAsOf(q: Queryable, asOfDay: number, supplierId?: string): Promise<Ageing> {
  return ageingBuckets(openItemsOf(await openInstalments(q, supplierId), asOfDay), asOfDay)
}

export async function dueWeeksFrom(q: Queryable, asOfDay: number, weeks: number, supplierId?: string): Promise<DueByWeek[]> {
  const dated = (await openInstalments(q, supplierId)).filter((r) => r.dueDay !== null)
  return dueByWeek(openItemsOf(dated, asOfDay), asOfDay, weeks)
}

export interface Balance {
  currency: string
  /** Open on invoices that stand (held ones included). */
  invoicedMinor: number
  /** Of it, on invoices on hold or awaiting a credit note: not payable until resolved. */
  onHoldMinor: number
  /** Open debits and credit notes, set off against the next payment. */
  debitsMinor: number
  /** What the merchant owes: invoiced − debits (negative when the supplier owes the merchant). */
  balanceMinor: number
  /** Past due as of the day asked. */
  overdueMinor: number
}

export async function balancesOf(q: Queryable, supplierId: string, asOfDay: number): Promise<Balance[]> {
  const open = await openInstalments(q, supplierId)
  const byCurrency = new Map<string, Balance>()
  const row = (currency: string) => byCurrency.get(currency) ?? { currency, invoicedMinor: 0, onHoldMinor: 0, debitsMinor: 0, balanceMinor: 0, overdueMinor: 0 }
  for (const i of open) {
    const b = row(i.currency)
    const left = i.amountMinor - i.paidMinor
    b.invoicedMinor += left
    if (!payableStatuses.includes(i.status)) b.onHoldMinor += left
    if (i.dueDay !== null && i.dueDay < asOfDay) b.overdueMinor += left
    byCurrency.set(i.currency, b)
  }
  for (const d of await listDebits(q, { supplierId, status: 'open' }, undefined, 10_000)) {
    const b = row(d.currency)
    b.debitsMinor += d.amountMinor
    byCurrency.set(d.currency, b)
  }
  return [...byCurrency.values()].map((b) => ({ ...b, balanceMinor: b.invoicedMinor - b.debitsMinor })).sort((a, b) => (a.currency < b.currency ? -1 : 1))
}

export type StatementEntry =
  | { kind: 'invoice'; day: number; atMs: number; invoice: Invoice }
  | { kind: 'payment'; day: number; atMs: number; payment: Payment }
  | { kind: 'debit'; day: number; atMs: number; debit: Debit }
  /** The early-payment discount a payment took: it settles invoices as the payment does. */
  | { kind: 'discount'; day: number; atMs: number; payment: Payment; discountMinor: number }

export interface Statement { supplierId: string; balances: Balance[]; entries: StatementEntry[] }

/** A supplier's invoices, payments and debits, oldest first (the newest 500 of each), with its balances. */
export async function statementOf(q: Queryable, supplierId: string, asOfDay: number): Promise<Statement> {
  const dayOfMs = (ms: number) => Math.floor(ms / 86_400_000)
  const [invoices, payments, debits, balances, discounts] = await Promise.all([
    listInvoices(q, { supplierId }, undefined, 500), paymentsOf(q, supplierId), listDebits(q, { supplierId }, undefined, 500), balancesOf(q, supplierId, asOfDay),
    discountsOfPayments(q, supplierId),
  ])
  const entries: StatementEntry[] = [
    ...invoices.map((invoice) => ({ kind: 'invoice' as const, day: invoice.invoiceDay, atMs: invoice.createdAtMs, invoice })),
    ...payments.slice(-500).flatMap((payment) => {
      const entry = { kind: 'payment' as const, day: payment.paidDay, atMs: payment.createdAtMs, payment }
      const discountMinor = discounts.get(payment.id)
      return discountMinor === undefined ? [entry] : [entry, { kind: 'discount' as const, day: payment.paidDay, atMs: payment.createdAtMs, payment, discountMinor }]
    }),
    ...debits.map((debit) => ({ kind: 'debit' as const, day: dayOfMs(debit.createdAtMs), atMs: debit.createdAtMs, debit })),
  ].sort((a, b) => a.day - b.day || a.atMs - b.atMs)
  // A currency the supplier dealt in shows its balance even when it has come to zero.
  const currencies = new Set(entries.map((e) => (e.kind === 'invoice' ? e.invoice.currency : e.kind === 'debit' ? e.debit.currency : e.payment.currency)))
  const zero = (currency: string): Balance => ({ currency, invoicedMinor: 0, onHoldMinor: 0, debitsMinor: 0, balanceMinor: 0, overdueMinor: 0 })
  const all = [...balances, ...[...currencies].filter((c) => !balances.some((b) => b.currency === c)).map(zero)].sort((a, b) => (a.currency < b.currency ? -1 : 1))
  return { supplierId, balances: all, entries }
}

