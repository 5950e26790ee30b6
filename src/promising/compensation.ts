/**
 * Compensation for a late order line (DOMAIN.md §4), as data: the merchant picks a policy (a
 * coupon per day late, a share of the line's price per day late, or nothing), capped. Pure.
 *
 * Lateness is counted against the ship date first promised at purchase, so a line that slips
 * twice is compensated for its total lateness once: each delay grants what the policy gives
 * for the lateness now, less what earlier delays already covered. A delay with no new date yet
 * gets the cap.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'

export type CompensationPolicy =
  | { kind: 'none' }
  /** A coupon worth `perDayMinor` per day late beyond `graceDays`, at most `capMinor`. */
  | { kind: 'coupon_per_day_late'; perDayMinor: number; capMinor: number; graceDays: number }
  /** A coupon worth `percentPerDay` % of the line's price per day late beyond `graceDays`, at most `capPercent` %. */
  | { kind: 'percent_of_line_per_day'; percentPerDay: number; capPercent: number; graceDays: number }

export const compensationKinds = ['none', 'coupon_per_day_late', 'percent_of_line_per_day'] as const

/** What a shop gets until it sets its own: 5.00 per day late, at most 50.00. */
export const defaultCompensationPolicy: CompensationPolicy = { kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000, graceDays: 0 }

/** What one delay grants the customer. */
export interface Compensation {
  kind: 'coupon' | 'none'
  amountMinor: number
  currency: string
  /** The policy kind that computed it. */
  policy: CompensationPolicy['kind']
}

const maxMinor = 1_000_000_000
const maxGraceDays = 365

const bad = (detail: string) => fail('invalid_compensation_policy', detail)
const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max
/** Percentages in hundredths at most (0.25 % is fine, 0.125 % is not), so amounts are exact in basis points. */
const isPercent = (n: unknown, min: number): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= min && n <= 100 && Math.abs(Math.round(n * 100) - n * 100) < 1e-9

const fieldsOf: Record<CompensationPolicy['kind'], string[]> = {
  none: ['kind'],
  coupon_per_day_late: ['kind', 'perDayMinor', 'capMinor', 'graceDays'],
  percent_of_line_per_day: ['kind', 'percentPerDay', 'capPercent', 'graceDays'],
}

/** Checks a policy a merchant submits; the stored policy is always one that passed. */
export function decideCompensationPolicy(input: unknown): Result<CompensationPolicy> {
  if (typeof input !== 'object' || input === null) return bad('The policy must be an object with a kind.')
  const p = input as Record<string, unknown>
  if (typeof p.kind !== 'string' || !Object.hasOwn(fieldsOf, p.kind)) return bad(`kind must be one of ${compensationKinds.join(', ')}.`)
  const allowed = fieldsOf[p.kind as CompensationPolicy['kind']]
  const foreign = Object.keys(p).filter((k) => !allowed.includes(k))
  if (foreign.length > 0) return bad(`A ${p.kind} policy has no ${foreign.join(', ')}.`)
  const graceDays = p.graceDays ?? 0
  switch (p.kind) {
    case 'none':
      return ok({ kind: 'none' })
    case 'coupon_per_day_late':
      if (!isWhole(p.perDayMinor, 1, maxMinor)) return bad(`perDayMinor must be a whole amount in minor units from 1 to ${maxMinor}.`)
      if (!isWhole(p.capMinor, 0, maxMinor)) return bad(`capMinor must be a whole amount in minor units from 0 to ${maxMinor}.`)
      if (!isWhole(graceDays, 0, maxGraceDays)) return bad(`graceDays must be a whole number of days from 0 to ${maxGraceDays}.`)
      return ok({ kind: 'coupon_per_day_late', perDayMinor: p.perDayMinor, capMinor: p.capMinor, graceDays })
    case 'percent_of_line_per_day':
      if (!isPercent(p.percentPerDay, 0.01)) return bad('percentPerDay must be from 0.01 to 100, in hundredths of a percent at most.')
      if (!isPercent(p.capPercent, 0)) return bad('capPercent must be from 0 to 100, in hundredths of a percent at most.')
      if (!isWhole(graceDays, 0, maxGraceDays)) return bad(`graceDays must be a whole number of days from 0 to ${maxGraceDays}.`)
      return ok({ kind: 'percent_of_line_per_day', percentPerDay: p.percentPerDay, capPercent: p.capPercent, graceDays })
    default:
      return bad(`kind must be one of ${compensationKinds.join(', ')}.`)
  }
}

/** Days late beyond which everything is owed: an unknown date counts as this late. */
export const unknownDaysLate = Number.POSITIVE_INFINITY

/** What the policy owes in total for a line this many days late (unknownDaysLate: the cap). */
export function owedFor(policy: CompensationPolicy, daysLate: number, lineAmountMinor: number): number {
  switch (policy.kind) {
    case 'none':
      return 0
    case 'coupon_per_day_late': {
      const days = Math.max(0, daysLate - policy.graceDays)
      return days === unknownDaysLate ? policy.capMinor : Math.min(policy.capMinor, days * policy.perDayMinor)
    }
    case 'percent_of_line_per_day': {
      const days = Math.max(0, daysLate - policy.graceDays)
      const capBp = Math.round(policy.capPercent * 100)
      const bp = days === unknownDaysLate ? capBp : Math.min(capBp, days * Math.round(policy.percentPerDay * 100))
      // Basis points of the line, rounded half up: exact in integers.
      return Math.floor((lineAmountMinor * bp + 5000) / 10000)
    }
  }
}

export interface DelayFacts {
  /** Days between the first promised ship date and the new one; unknownDaysLate when there is no new date. */
  daysLate: number
  /** The most lateness earlier delays of this line already compensated (0 when none). */
  compensatedDaysLate: number
  lineAmountMinor: number
  currency: string
}

/** What this delay grants: the policy's amount for the lateness now, less what earlier delays granted. */
export function compensationFor(policy: CompensationPolicy, facts: DelayFacts): Compensation {
  const owed = owedFor(policy, facts.daysLate, facts.lineAmountMinor)
  const granted = owedFor(policy, facts.compensatedDaysLate, facts.lineAmountMinor)
  const amountMinor = Math.max(0, owed - granted)
  return { kind: amountMinor > 0 ? 'coupon' : 'none', amountMinor, currency: facts.currency, policy: policy.kind }
}
