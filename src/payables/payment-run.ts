/**
 * The proposal of a payment run: which open instalments to pay, how much, and why, grouped by
 * supplier and currency. A treasurer approves it; recording the payments is another step. Pure.
 */
import { invariant } from '../kernel/result.ts'

export interface OpenInstalment {
  invoiceId: string
  supplierId: string
  currency: string
  dueDay: number
  amountMinor: number
  /** Settled so far, counting any discount taken as settled. */
  paidMinor: number
  /** An invoice on hold (a match variance, a dispute) is never paid. */
  hold: boolean
  /** Early-payment discount still claimable up to and including `untilDay`. */
  discount: { untilDay: number; amountMinor: number } | null
}

export interface RunOptions {
  /** Pay everything due on or before this day. */
  payByDay: number
  /** The day the run is paid: discounts are claimable when today ≤ their untilDay. */
  today: number
  /** Pay early only for a discount of at least this much (default 1: any discount is worth taking). */
  minDiscountMinor?: number
}

export type PayReason = 'due' | 'early_discount'

export interface RunLine<T extends OpenInstalment = OpenInstalment> {
  instalment: T
  reason: PayReason
  /** Paid now. */
  payMinor: number
  /** Discount taken: recorded as settled with the payment. */
  discountMinor: number
  explanation: string
}

export interface RunGroup<T extends OpenInstalment = OpenInstalment> { supplierId: string; currency: string; totalMinor: number; discountMinor: number; lines: RunLine<T>[] }
export interface RunProposal<T extends OpenInstalment = OpenInstalment> { groups: RunGroup<T>[]; lines: RunLine<T>[] }

/** Code-unit order, the same on every machine (localeCompare depends on the locale). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function lineFor<T extends OpenInstalment>(inst: T, options: RunOptions): RunLine<T> | null {
  invariant(Number.isSafeInteger(inst.amountMinor) && Number.isSafeInteger(inst.paidMinor), 'money is whole minor units')
  const openMinor = inst.amountMinor - inst.paidMinor
  if (inst.hold || openMinor <= 0) return null
  const discountOpen = inst.discount !== null && options.today <= inst.discount.untilDay
  const discountMinor = discountOpen ? Math.min(inst.discount!.amountMinor, openMinor) : 0
  const payMinor = openMinor - discountMinor
  if (payMinor <= 0) return null // a remainder the discount covers: settled when the discount is recorded
  const partly = inst.paidMinor > 0 ? ` (the rest after ${inst.paidMinor} paid)` : ''
  const saving = discountMinor > 0 ? `, less ${discountMinor} early-payment discount claimable until day ${inst.discount!.untilDay}` : ''
  if (inst.dueDay <= options.payByDay) {
    return { instalment: inst, reason: 'due', payMinor, discountMinor, explanation: `Due day ${inst.dueDay}, on or before day ${options.payByDay}: pays ${payMinor}${partly}${saving}.` }
  }
  if (discountMinor > 0 && discountMinor >= (options.minDiscountMinor ?? 1)) {
    return {
      instalment: inst, reason: 'early_discount', payMinor, discountMinor,
      explanation: `Not due until day ${inst.dueDay}, but paying ${payMinor}${partly} now saves ${discountMinor}, claimable until day ${inst.discount!.untilDay}.`,
    }
  }
  return null
}

/**
 * Everything due by `payByDay` that is neither on hold nor settled (a partly paid instalment pays
 * its rest), plus instalments not yet due whose discount is claimable today and worth taking.
 * A claimable discount is taken on due lines too. Groups are ordered by supplier, then currency;
 * lines by due day, then invoice.
 */
export function proposeRun<T extends OpenInstalment>(openInstalments: readonly T[], options: RunOptions): RunProposal<T> {
  const lines = openInstalments.flatMap((inst) => lineFor(inst, options) ?? [])
    .sort((a, b) => a.instalment.dueDay - b.instalment.dueDay || byText(a.instalment.invoiceId, b.instalment.invoiceId))
  const groups = new Map<string, RunGroup<T>>()
  for (const line of lines) {
    const { supplierId, currency } = line.instalment
    const key = JSON.stringify([supplierId, currency])
    const group = groups.get(key) ?? { supplierId, currency, totalMinor: 0, discountMinor: 0, lines: [] }
    group.totalMinor += line.payMinor
    group.discountMinor += line.discountMinor
    group.lines.push(line)
    groups.set(key, group)
  }
  const ordered = [...groups.values()].sort((a, b) => byText(a.supplierId, b.supplierId) || byText(a.currency, b.currency))
  return { groups: ordered, lines }
}

/** The instalments after the run's payments are recorded: each line settles what it paid plus the discount it took. */
export function recordRun(openInstalments: readonly OpenInstalment[], proposal: RunProposal): OpenInstalment[] {
  const settled = new Map(proposal.lines.map((l) => [l.instalment, l.payMinor + l.discountMinor]))
  return openInstalments.map((inst) => ({ ...inst, paidMinor: inst.paidMinor + (settled.get(inst) ?? 0) }))
}
