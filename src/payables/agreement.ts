/**
 * A supplier's agreement with the merchant, as data: payment terms, the three-way match's
 * tolerances, which debits the supplier accepts, and the share of customer delay compensation it
 * bears for its own slips. The supplier `*` holds the default every supplier without its own
 * follows. Pure: the check that runs when a merchant sets one, and the built-in default.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { defaultTolerance, toleranceOf, type MatchTolerance } from './match.ts'
import { basisPoints, termsOf, type Terms } from './terms.ts'

/** What a supplier is debited for, beyond invoices it is paid. */
export interface DebitPolicy {
  /** Units that failed QC may be billed and are debited back at the PO price (as far as they were billed). */
  qcFailures: boolean
  /** Units a receipt came short of its ASN may be billed and are debited back at the PO price (as far as they were billed). */
  shortReceipts: boolean
  /** Units customers returned that went back to the supplier are debited at their cost. */
  returnsToVendor: boolean
}

export interface Agreement {
  terms: Terms
  tolerance: MatchTolerance
  debits: DebitPolicy
  /** The percent (two decimals at most; 0 for none) of the compensation customers got for this supplier's delays that it pays back. */
  chargebackPercent: number
}

export const anySupplier = '*'

export const builtInAgreement: Agreement = {
  terms: { kind: 'net', days: 30, from: 'invoice' },
  tolerance: defaultTolerance,
  debits: { qcFailures: true, shortReceipts: true, returnsToVendor: true },
  chargebackPercent: 0,
}

const agreementFields = ['terms', 'tolerance', 'debits', 'chargebackPercent'] as const
const debitFields = ['qcFailures', 'shortReceipts', 'returnsToVendor'] as const
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const refuse = (field: string, rule: string): Failure => fail('invalid_agreement', `${field} ${rule}`, { field })

/** Validates a whole agreement (every field; a missing one takes the built-in default). */
export function agreementOf(body: unknown): Result<Agreement> {
  if (!isRecord(body)) return refuse('agreement', `must be an object with ${agreementFields.join(', ')}.`)
  const stray = Object.keys(body).find((k) => !(agreementFields as readonly string[]).includes(k))
  if (stray !== undefined) return refuse(stray, `is not an agreement field: they are ${agreementFields.join(', ')}.`)
  const terms = body.terms === undefined ? ok(builtInAgreement.terms) : termsOf(body.terms)
  if (!terms.ok) return terms
  const tolerance = body.tolerance === undefined ? ok(builtInAgreement.tolerance) : toleranceOf(body.tolerance)
  if (!tolerance.ok) return tolerance
  const debits = body.debits === undefined ? ok(builtInAgreement.debits) : debitsOf(body.debits)
  if (!debits.ok) return debits
  const percent = body.chargebackPercent ?? 0
  if (percent !== 0 && basisPoints(percent) === null) return refuse('chargebackPercent', 'must be a percent from 0 to 100 with at most two decimals.')
  return ok({ terms: terms.value, tolerance: tolerance.value, debits: debits.value, chargebackPercent: percent as number })
}

function debitsOf(body: unknown): Result<DebitPolicy> {
  if (!isRecord(body)) return refuse('debits', `must be an object with ${debitFields.join(', ')} (true or false).`)
  const stray = Object.keys(body).find((k) => !(debitFields as readonly string[]).includes(k))
  if (stray !== undefined) return refuse(`debits.${stray}`, `is not a debit field: they are ${debitFields.join(', ')}.`)
  const policy = { ...builtInAgreement.debits }
  for (const field of debitFields) {
    const value = body[field]
    if (value === undefined) continue
    if (typeof value !== 'boolean') return refuse(`debits.${field}`, 'must be true or false.')
    policy[field] = value
  }
  return ok(policy)
}
