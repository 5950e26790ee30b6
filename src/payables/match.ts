/**
 * Three-way match of a supplier invoice line: what the purchase order priced, what arrived and
 * passed QC, and what the supplier bills. Tolerances are policy data (per supplier or a default).
 * Pure: no I/O, no clock. Money is integer minor units in the line's one currency.
 *
 * Precedence, first that applies wins:
 *   1. not_received: nothing on the PO line received and passed QC, yet units are billed.
 *   2. quantity_variance: units billed beyond the billable quantity (received-passed minus already
 *      invoiced) by more than the tolerance. Billing fewer is a partial invoice, never a variance.
 *   3. price_variance: the unit price billed above the PO unit cost by more than the tolerance.
 *      Billing below the PO price is in the buyer's favour and matches.
 *   4. matched.
 * Tolerance rule (the common AP one): a variance is tolerated when it is within the percent OR
 * its money amount is within `absoluteMinor`; both tolerances 0 means exact match only.
 */
import { invariant, ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'

export interface MatchTolerance {
  /** Units billed over the billable quantity, as a percent of it. */
  quantityPercent: number
  /** Unit price billed over the PO unit cost, as a percent of it. */
  pricePercent: number
  /** A variance whose money amount is at most this is tolerated whatever its percent. */
  absoluteMinor: number
}

export const defaultTolerance: MatchTolerance = { quantityPercent: 0, pricePercent: 2, absoluteMinor: 500 }

const toleranceFields = ['quantityPercent', 'pricePercent', 'absoluteMinor'] as const
const maxPercent = 100

const refuse = (field: string, rule: string): Failure => fail('invalid_match_tolerance', `${field} ${rule}`, { field })
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Validates a match tolerance; refuses with `invalid_match_tolerance` naming the field (also in `extra.field`). */
export function toleranceOf(body: unknown): Result<MatchTolerance> {
  if (!isRecord(body)) return refuse('tolerance', `must be an object with ${toleranceFields.join(', ')}.`)
  const stray = Object.keys(body).find((k) => !(toleranceFields as readonly string[]).includes(k))
  if (stray !== undefined) return refuse(stray, `is not a tolerance field: the fields are ${toleranceFields.join(', ')}.`)
  const { quantityPercent, pricePercent, absoluteMinor } = body
  for (const [field, value] of [['quantityPercent', quantityPercent], ['pricePercent', pricePercent]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxPercent) {
      return refuse(field, `must be a percent from 0 to ${maxPercent} (e.g. 2.5).`)
    }
  }
  if (!Number.isSafeInteger(absoluteMinor) || (absoluteMinor as number) < 0) {
    return refuse('absoluteMinor', 'must be a whole number of minor units ≥ 0.')
  }
  return ok({ quantityPercent: quantityPercent as number, pricePercent: pricePercent as number, absoluteMinor: absoluteMinor as number })
}

export interface MatchLineInput {
  poUnitCostMinor: number
  orderedQuantity: number
  /** Received and passed QC, over all receipts of the PO line. */
  receivedPassedQuantity: number
  /** Billed on earlier invoices of the same PO line. */
  alreadyInvoicedQuantity: number
  invoicedQuantity: number
  invoicedUnitPriceMinor: number
}

export type MatchResult = 'matched' | 'price_variance' | 'quantity_variance' | 'not_received'

export interface LineMatch {
  result: MatchResult
  /** Invoiced unit price − PO unit cost; negative when billed below the PO. */
  priceVarianceMinor: number
  /** Units invoiced − billable units; negative for a partial invoice. */
  quantityVariance: number
  /** Invoiced amount − what the billable part of it costs at the PO price; positive is overbilled. */
  amountVarianceMinor: number
  explanation: string
}

/** Within the percent of `base` OR within the absolute amount (percent compared without dividing). */
const tolerated = (over: number, base: number, percent: number, overMinor: number, absoluteMinor: number): boolean =>
  over * 100 <= base * percent || overMinor <= absoluteMinor

export function matchLine(line: MatchLineInput, tolerance: MatchTolerance): LineMatch {
  for (const [field, value] of Object.entries(line)) invariant(Number.isSafeInteger(value) && value >= 0, `${field} must be a whole number ≥ 0, not ${value}`)
  const billable = Math.max(0, line.receivedPassedQuantity - line.alreadyInvoicedQuantity)
  const quantityVariance = line.invoicedQuantity - billable
  const priceVarianceMinor = line.invoicedUnitPriceMinor - line.poUnitCostMinor
  const amountVarianceMinor = line.invoicedQuantity * line.invoicedUnitPriceMinor - Math.min(line.invoicedQuantity, billable) * line.poUnitCostMinor
  const figures = { priceVarianceMinor, quantityVariance, amountVarianceMinor }
  if (line.receivedPassedQuantity === 0 && line.invoicedQuantity > 0) {
    return { result: 'not_received', ...figures, explanation: `Billed ${line.invoicedQuantity} units but none of the ${line.orderedQuantity} ordered has been received and passed QC.` }
  }
  const overUnits = Math.max(0, quantityVariance)
  if (overUnits > 0 && !tolerated(overUnits, billable, tolerance.quantityPercent, overUnits * line.invoicedUnitPriceMinor, tolerance.absoluteMinor)) {
    return {
      result: 'quantity_variance', ...figures,
      explanation: `Billed ${line.invoicedQuantity} units; only ${billable} are billable (${line.receivedPassedQuantity} received and passed QC − ${line.alreadyInvoicedQuantity} already invoiced): ${overUnits} over, beyond ${tolerance.quantityPercent}% or ${tolerance.absoluteMinor} minor units.`,
    }
  }
  const overPrice = Math.max(0, priceVarianceMinor)
  if (overPrice > 0 && !tolerated(overPrice, line.poUnitCostMinor, tolerance.pricePercent, overPrice * line.invoicedQuantity, tolerance.absoluteMinor)) {
    return {
      result: 'price_variance', ...figures,
      explanation: `Unit price ${line.invoicedUnitPriceMinor} is ${overPrice} over the PO's ${line.poUnitCostMinor} (${overPrice * line.invoicedQuantity} on the line), beyond ${tolerance.pricePercent}% or ${tolerance.absoluteMinor} minor units.`,
    }
  }
  const within = overUnits > 0 || overPrice > 0 ? ' (variance within tolerance)' : ''
  return { result: 'matched', ...figures, explanation: `Billed ${line.invoicedQuantity} of ${billable} billable units at ${line.invoicedUnitPriceMinor} against the PO's ${line.poUnitCostMinor}${within}.` }
}

export interface InvoiceMatch {
  /** on_hold when any line is not matched: the invoice is not paid until a buyer resolves it. */
  status: 'matched' | 'on_hold'
  lines: LineMatch[]
}

/** Matches each line in order; lines on the same PO line must carry the quantity invoiced before them in alreadyInvoicedQuantity. */
export function matchInvoice(lines: readonly MatchLineInput[], tolerance: MatchTolerance): InvoiceMatch {
  const matched = lines.map((line) => matchLine(line, tolerance))
  return { status: matched.every((m) => m.result === 'matched') ? 'matched' : 'on_hold', lines: matched }
}
