/**
 * Payment terms as data, the check that runs when a merchant sets them, and the due schedule they
 * give an invoice. Days are whole day numbers (days since the epoch); no clock. Percents carry at
 * most two decimals and are used as basis points, so sums and splits are exact integers.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { allocate } from './money.ts'

export type DayAnchor = 'invoice' | 'receipt'
export interface InstalmentPart { percent: number; dayOffset: number; from: DayAnchor }
export interface EarlyDiscount { percent: number; withinDays: number }

export type TermsKind =
  | { kind: 'prepayment' }
  | { kind: 'on_delivery' }
  | { kind: 'net'; days: number; from: DayAnchor }
  | { kind: 'instalments'; parts: InstalmentPart[] }
/** `earlyDiscount` (2/10 net 30) counts its days from the invoice day and applies to the whole invoice. */
export type Terms = TermsKind & { earlyDiscount?: EarlyDiscount }

export const maxTermDays = 3650
const maxParts = 24
const anchors: readonly DayAnchor[] = ['invoice', 'receipt']
const kinds = ['prepayment', 'on_delivery', 'net', 'instalments'] as const
const fieldsByKind: Record<(typeof kinds)[number], readonly string[]> = {
  prepayment: ['kind', 'earlyDiscount'], on_delivery: ['kind', 'earlyDiscount'], net: ['kind', 'days', 'from', 'earlyDiscount'], instalments: ['kind', 'parts'],
}

const refuse = (field: string, rule: string): Failure => fail('invalid_payment_terms', `${field} ${rule}`, { field })
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isDays = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= maxTermDays
/** The percent in basis points when it is > 0, ≤ 100 and has at most two decimals; otherwise null. */
export function basisPoints(percent: unknown): number | null {
  if (typeof percent !== 'number' || !(percent > 0 && percent <= 100)) return null
  const bp = Math.round(percent * 100)
  return Math.abs(bp - percent * 100) < 1e-6 ? bp : null
}

/** Validates payment terms; refuses with `invalid_payment_terms` naming the field (also in `extra.field`). */
export function termsOf(body: unknown): Result<Terms> {
  if (!isRecord(body)) return refuse('terms', `must be an object with a kind: ${kinds.join(', ')}.`)
  const kind = body.kind as (typeof kinds)[number]
  if (!kinds.includes(kind)) return refuse('kind', `must be one of ${kinds.join(', ')}.`)
  const stray = Object.keys(body).find((k) => !fieldsByKind[kind].includes(k))
  if (stray !== undefined) return refuse(stray, `is not a field of ${kind} terms: they are ${fieldsByKind[kind].join(', ')}.`)
  let terms: Terms
  if (kind === 'net') {
    if (!isDays(body.days)) return refuse('days', `must be a whole number of days from 0 to ${maxTermDays}.`)
    if (!anchors.includes(body.from as DayAnchor)) return refuse('from', `must be one of ${anchors.join(', ')}.`)
    terms = { kind, days: body.days, from: body.from as DayAnchor }
  } else if (kind === 'instalments') {
    const parts = partsOf(body.parts)
    if (!parts.ok) return parts
    terms = { kind, parts: parts.value }
  } else {
    terms = { kind }
  }
  if (body.earlyDiscount !== undefined) {
    const discount = body.earlyDiscount
    if (!isRecord(discount)) return refuse('earlyDiscount', 'must be an object with percent and withinDays.')
    const bp = basisPoints(discount.percent)
    if (bp === null || bp >= 10_000) return refuse('earlyDiscount.percent', 'must be a percent above 0 and below 100 with at most two decimals (e.g. 2).')
    if (!isDays(discount.withinDays)) return refuse('earlyDiscount.withinDays', `must be a whole number of days from 0 to ${maxTermDays}.`)
    const stray = Object.keys(discount).find((k) => k !== 'percent' && k !== 'withinDays')
    if (stray !== undefined) return refuse(`earlyDiscount.${stray}`, 'is not a discount field: they are percent, withinDays.')
    terms.earlyDiscount = { percent: discount.percent as number, withinDays: discount.withinDays }
  }
  return ok(terms)
}

function partsOf(parts: unknown): Result<InstalmentPart[]> {
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > maxParts) return refuse('parts', `must be a list of 1–${maxParts} instalments.`)
  const valid: InstalmentPart[] = []
  let totalBp = 0
  for (const [i, part] of parts.entries()) {
    if (!isRecord(part)) return refuse(`parts[${i}]`, 'must be an object with percent, dayOffset, from.')
    const bp = basisPoints(part.percent)
    if (bp === null) return refuse(`parts[${i}].percent`, 'must be a percent above 0 up to 100 with at most two decimals.')
    if (!isDays(part.dayOffset)) return refuse(`parts[${i}].dayOffset`, `must be a whole number of days from 0 to ${maxTermDays}.`)
    if (!anchors.includes(part.from as DayAnchor)) return refuse(`parts[${i}].from`, `must be one of ${anchors.join(', ')}.`)
    const stray = Object.keys(part).find((k) => !['percent', 'dayOffset', 'from'].includes(k))
    if (stray !== undefined) return refuse(`parts[${i}].${stray}`, 'is not an instalment field: they are percent, dayOffset, from.')
    totalBp += bp
    valid.push({ percent: part.percent as number, dayOffset: part.dayOffset, from: part.from as DayAnchor })
  }
  if (totalBp !== 10_000) return refuse('parts', `percents must sum to 100, not ${totalBp / 100}.`)
  return ok(valid)
}

export interface DueInput { invoiceDay: number; receiptDay: number | null; totalMinor: number }
/** `dueDay` null: counted from a receipt that has not happened yet, so not yet due. */
export interface DueInstalment { dueDay: number | null; amountMinor: number }
export interface DueSchedule { instalments: DueInstalment[]; discount: { untilDay: number; amountMinor: number } | null }

/** A total split by basis points (the parts sum to 10,000): largest remainder, ties to the earlier part (money.ts). */
export const splitByBasisPoints = (totalMinor: number, weightsBp: readonly number[]): number[] => allocate(totalMinor, weightsBp)

const dayFrom = (from: DayAnchor, offset: number, input: DueInput): number | null =>
  from === 'invoice' ? input.invoiceDay + offset : input.receiptDay === null ? null : input.receiptDay + offset

/**
 * The instalments an invoice of `totalMinor` falls due in, and its early-payment discount: the
 * percent of the total rounded down (a claimed discount never exceeds what the terms grant), until
 * `invoiceDay + withinDays` inclusive. Prepayment is due on the invoice day, on_delivery on receipt.
 */
export function dueSchedule(terms: Terms, input: DueInput): DueSchedule {
  const parts: InstalmentPart[] = terms.kind === 'prepayment' ? [{ percent: 100, dayOffset: 0, from: 'invoice' }]
    : terms.kind === 'on_delivery' ? [{ percent: 100, dayOffset: 0, from: 'receipt' }]
      : terms.kind === 'net' ? [{ percent: 100, dayOffset: terms.days, from: terms.from }]
        : terms.parts
  const amounts = splitByBasisPoints(input.totalMinor, parts.map((p) => basisPoints(p.percent) ?? 0))
  const instalments = parts.map((p, i) => ({ dueDay: dayFrom(p.from, p.dayOffset, input), amountMinor: amounts[i] }))
  const early = terms.earlyDiscount
  const discount = early === undefined ? null
    : { untilDay: input.invoiceDay + early.withinDays, amountMinor: Number((BigInt(input.totalMinor) * BigInt(basisPoints(early.percent) ?? 0)) / 10_000n) }
  return { instalments, discount }
}
