/**
 * The inventory policy of a SKU at a node as data (service level, review method, min/max), the
 * check that runs whenever a merchant sets one, and the math it drives: the standard-normal
 * quantile, safety stock (normal or empirical), the lead time to plan with, and the reorder and
 * order-up-to levels. Pure: no I/O, no clock; forecasts arrive as plain numbers.
 */
import { invariant, ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'

export type ReplenishmentMethod = 'reorder_point' | 'min_max' | 'order_up_to'
export const replenishmentMethods: readonly ReplenishmentMethod[] = ['reorder_point', 'min_max', 'order_up_to']

export interface InventoryPolicy {
  /** Target cycle service level: the chance of no stock-out in one replenishment cycle, 0.5 ≤ x < 1. */
  serviceLevel: number
  method: ReplenishmentMethod
  /** Whole days between reviews; 0 is continuous review. */
  reviewPeriodDays: number
  /** min_max only: order when the position is at or below `minUnits`, up to `maxUnits` (max ≥ min ≥ 0). */
  minUnits?: number
  maxUnits?: number
  /** A fixed supplier; otherwise one is chosen per suggestion. */
  supplierId?: string | null
  /** Whether suggestions are sent without a buyer; stored, never used by the math. */
  autoSend?: boolean
}

export const defaultPolicy: InventoryPolicy = { serviceLevel: 0.95, method: 'order_up_to', reviewPeriodDays: 7 }

export const maxReviewPeriodDays = 365
const maxIdLength = 100
const policyFields = ['serviceLevel', 'method', 'reviewPeriodDays', 'minUnits', 'maxUnits', 'supplierId', 'autoSend'] as const

const refuse = (field: string, rule: string): Failure =>
  fail('invalid_replenishment_policy', `${field} ${rule}`, { field })

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max

/**
 * Validates an inventory policy as set by a merchant; refuses with `invalid_replenishment_policy`,
 * a detail naming the field and what it allows, and `extra.field`. serviceLevel, method and
 * reviewPeriodDays are required (merge over `defaultPolicy` first for a partial update). Returns a
 * fresh copy holding only the policy's fields.
 */
export function policyOf(body: unknown): Result<InventoryPolicy> {
  if (!isRecord(body)) return refuse('policy', `must be an object with ${policyFields.join(', ')}.`)
  const stray = Object.keys(body).find((k) => !(policyFields as readonly string[]).includes(k))
  if (stray !== undefined) return refuse(stray, `is not a policy field: the fields are ${policyFields.join(', ')}.`)
  const { serviceLevel, method, reviewPeriodDays, minUnits, maxUnits, supplierId, autoSend } = body
  if (typeof serviceLevel !== 'number' || !(serviceLevel >= 0.5 && serviceLevel < 1)) {
    return refuse('serviceLevel', 'must be a number from 0.5 up to but not including 1 (e.g. 0.95).')
  }
  if (!replenishmentMethods.includes(method as ReplenishmentMethod)) return refuse('method', `must be one of ${replenishmentMethods.join(', ')}.`)
  if (!isWhole(reviewPeriodDays, 0, maxReviewPeriodDays)) {
    return refuse('reviewPeriodDays', `must be a whole number of days from 0 (continuous review) to ${maxReviewPeriodDays}.`)
  }
  const policy: InventoryPolicy = { serviceLevel, method: method as ReplenishmentMethod, reviewPeriodDays }
  if (method === 'min_max') {
    if (!isWhole(minUnits, 0)) return refuse('minUnits', 'is required for min_max: a whole number of units ≥ 0.')
    if (!isWhole(maxUnits, 0)) return refuse('maxUnits', 'is required for min_max: a whole number of units ≥ 0.')
    if (maxUnits < minUnits) return refuse('maxUnits', `must be at least minUnits (${minUnits}).`)
    policy.minUnits = minUnits
    policy.maxUnits = maxUnits
  } else {
    for (const field of ['minUnits', 'maxUnits'] as const) {
      if (body[field] !== undefined) return refuse(field, `is only for method min_max, not ${method}.`)
    }
  }
  if (supplierId !== undefined) {
    const valid = supplierId === null || (typeof supplierId === 'string' && supplierId.length > 0 && supplierId.length <= maxIdLength && supplierId.trim() === supplierId)
    if (!valid) return refuse('supplierId', `must be null (chosen per suggestion) or a supplier id of 1–${maxIdLength} characters.`)
    policy.supplierId = supplierId
  }
  if (autoSend !== undefined) {
    if (typeof autoSend !== 'boolean') return refuse('autoSend', 'must be true or false.')
    policy.autoSend = autoSend
  }
  return ok(policy)
}

/** Φ(x), absolute error about 1e-16 (Marsaglia's series); enough to refine a quantile in the upper tail, where p is at most 1 − 2⁻⁵³. */
export function standardNormalCdf(x: number): number {
  if (x < -37) return 0
  if (x > 9) return 1
  let sum = x
  let term = x
  let previous = 0
  for (let i = 3; sum !== previous; i += 2) {
    previous = sum
    term *= (x * x) / i
    sum += term
  }
  return 0.5 + sum * Math.exp(-0.5 * x * x - 0.9189385332046728) // ln √(2π)
}

const acklamA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
const acklamB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
const acklamC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
const acklamD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
const horner = (coefficients: readonly number[], x: number): number => coefficients.reduce((acc, c) => acc * x + c, 0)

/**
 * z with Φ(z) = p, for 0 < p < 1: Acklam's rational approximation (relative error 1.15e-9), then
 * one Halley step against Φ: within 1e-12 of the exact value for 0.5 ≤ p ≤ 0.9999 (z(0.95) =
 * 1.6448536269514737); closer to 1, p itself (spaced 1.1e-16 there) limits what any method can
 * give. Below 0.5 it uses the symmetry z(p) = −z(1 − p); service levels are never there.
 */
export function standardNormalQuantile(p: number): number {
  invariant(p > 0 && p < 1, `a quantile needs 0 < p < 1, not ${p}`)
  if (p < 0.5) return -standardNormalQuantile(1 - p)
  if (p === 0.5) return 0
  const pHigh = 1 - 0.02425
  let x: number
  if (p <= pHigh) {
    const q = p - 0.5
    const r = q * q
    x = (horner(acklamA, r) * q) / (horner(acklamB, r) * r + 1)
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    x = -horner(acklamC, q) / (horner(acklamD, q) * q + 1)
  }
  const error = standardNormalCdf(x) - p
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}

export interface LeadTimeSources {
  /** From the supplier's scorecard; null when nothing in its window measured them. */
  scorecardMeanDays: number | null
  scorecardSdDays: number | null
  /** The supplier SKU's own lead time, when it has one. */
  supplierSkuLeadTimeDays: number | null
  supplierDefaultLeadTimeDays: number
}

export interface LeadTime {
  meanDays: number
  sdDays: number
  source: 'scorecard' | 'supplier_sku' | 'supplier_default'
}

/**
 * The lead time to plan with: the scorecard's measured mean and spread when it has both; else the
 * supplier SKU's stated lead time, else the supplier's default, with no spread (σL = 0): a stated
 * lead time says nothing about how it varies.
 */
export function leadTimeOf(sources: LeadTimeSources): LeadTime {
  const { scorecardMeanDays, scorecardSdDays, supplierSkuLeadTimeDays, supplierDefaultLeadTimeDays } = sources
  if (scorecardMeanDays !== null && scorecardSdDays !== null) return { meanDays: scorecardMeanDays, sdDays: scorecardSdDays, source: 'scorecard' }
  if (supplierSkuLeadTimeDays !== null) return { meanDays: supplierSkuLeadTimeDays, sdDays: 0, source: 'supplier_sku' }
  return { meanDays: supplierDefaultLeadTimeDays, sdDays: 0, source: 'supplier_default' }
}

/** The days a replenishment decision must cover: the lead time, plus the review period under periodic review. */
export const protectionDaysOf = (leadTimeMeanDays: number, reviewPeriodDays: number): number => leadTimeMeanDays + reviewPeriodDays

export interface SafetyStockInput {
  serviceLevel: number
  reviewPeriodDays: number
  leadTimeMeanDays: number
  leadTimeSdDays: number
  /** d and σd: mean and standard deviation of daily demand, from the forecast. */
  demandMeanPerDay: number
  demandSdPerDay: number
  /**
   * Intermittent demand (no valid normal interval): the service-level quantile of demand over the
   * protection interval, from history with `leadTimeDemandQuantile`. When given, the safety stock
   * is empirical.
   */
  leadTimeDemandQuantileUnits?: number | null
}

export interface NormalSafetyStockTerms {
  z: number
  protectionDays: number
  demandMeanPerDay: number
  demandSdPerDay: number
  leadTimeSdDays: number
  /** (L + R)·σd²: the spread of demand over the interval. */
  demandVarianceUnits2: number
  /** d²·σL²: the spread lead-time variation adds. */
  leadTimeVarianceUnits2: number
  /** √ of their sum: the standard deviation of demand over the protection interval. */
  protectionDemandSdUnits: number
}

export interface EmpiricalSafetyStockTerms {
  leadTimeDemandQuantileUnits: number
  /** d · (L + R). */
  expectedDemandUnits: number
}

export type SafetyStock =
  | { safetyStockUnits: number; method: 'normal'; z: number; protectionDays: number; terms: NormalSafetyStockTerms }
  | { safetyStockUnits: number; method: 'empirical'; z: null; protectionDays: number; terms: EmpiricalSafetyStockTerms }

const nonNegative = (value: number, name: string): void => invariant(Number.isFinite(value) && value >= 0, `${name} must be a finite number ≥ 0, not ${value}`)

/**
 * Smooth demand: SS = z·√((L+R)·σd² + d²·σL²), z the standard-normal quantile of the service
 * level. Intermittent demand: the empirical quantile of demand over L+R minus its expectation
 * d·(L+R), never below 0. Units are not rounded here: the need is rounded once, at the end.
 */
export function safetyStock(input: SafetyStockInput): SafetyStock {
  const { serviceLevel, reviewPeriodDays, leadTimeMeanDays, leadTimeSdDays, demandMeanPerDay, demandSdPerDay } = input
  invariant(serviceLevel >= 0.5 && serviceLevel < 1, `service level must be in [0.5, 1), not ${serviceLevel}`)
  for (const [name, value] of Object.entries({ reviewPeriodDays, leadTimeMeanDays, leadTimeSdDays, demandMeanPerDay, demandSdPerDay })) nonNegative(value, name)
  const protectionDays = protectionDaysOf(leadTimeMeanDays, reviewPeriodDays)
  const quantile = input.leadTimeDemandQuantileUnits
  if (quantile !== undefined && quantile !== null) {
    nonNegative(quantile, 'leadTimeDemandQuantileUnits')
    const expectedDemandUnits = demandMeanPerDay * protectionDays
    return {
      safetyStockUnits: Math.max(0, quantile - expectedDemandUnits),
      method: 'empirical',
      z: null,
      protectionDays,
      terms: { leadTimeDemandQuantileUnits: quantile, expectedDemandUnits },
    }
  }
  const z = standardNormalQuantile(serviceLevel)
  const demandVarianceUnits2 = protectionDays * demandSdPerDay * demandSdPerDay
  const leadTimeVarianceUnits2 = demandMeanPerDay * demandMeanPerDay * leadTimeSdDays * leadTimeSdDays
  const protectionDemandSdUnits = Math.sqrt(demandVarianceUnits2 + leadTimeVarianceUnits2)
  return {
    safetyStockUnits: z * protectionDemandSdUnits,
    method: 'normal',
    z,
    protectionDays,
    terms: { z, protectionDays, demandMeanPerDay, demandSdPerDay, leadTimeSdDays, demandVarianceUnits2, leadTimeVarianceUnits2, protectionDemandSdUnits },
  }
}

/**
 * The service-level quantile of demand over `protectionDays`, from daily history: the sums of
 * every window of that many consecutive days (fractional days round up, erring on the side of
 * stock), and the smallest sum that at least `serviceLevel` of the windows do not exceed. Null
 * when the history is shorter than one window.
 */
export function leadTimeDemandQuantile(dailyDemandUnits: readonly number[], protectionDays: number, serviceLevel: number): number | null {
  invariant(serviceLevel > 0 && serviceLevel < 1, `service level must be in (0, 1), not ${serviceLevel}`)
  nonNegative(protectionDays, 'protectionDays')
  const windowDays = Math.max(1, Math.ceil(protectionDays))
  if (dailyDemandUnits.length < windowDays) return null
  const sums: number[] = []
  let sum = dailyDemandUnits.slice(0, windowDays).reduce((a, b) => a + b, 0)
  sums.push(sum)
  for (let end = windowDays; end < dailyDemandUnits.length; end++) {
    sum += dailyDemandUnits[end] - dailyDemandUnits[end - windowDays]
    sums.push(sum)
  }
  sums.sort((a, b) => a - b)
  return sums[Math.ceil(serviceLevel * sums.length) - 1]
}

export type InventoryLevels =
  | { method: 'reorder_point'; reorderPointUnits: number }
  | { method: 'order_up_to'; orderUpToUnits: number }
  | { method: 'min_max'; minUnits: number; maxUnits: number }

/**
 * The levels the policy orders by. Reorder point and order-up-to level are both the expected
 * demand over the protection interval (L, plus R under periodic review) plus safety stock; what
 * differs is when an order is placed (suggest.ts). min_max levels are the policy's own.
 */
export function inventoryLevels(policy: InventoryPolicy, input: { forecastOverProtectionUnits: number; safetyStockUnits: number }): InventoryLevels {
  const level = input.forecastOverProtectionUnits + input.safetyStockUnits
  if (policy.method === 'reorder_point') return { method: 'reorder_point', reorderPointUnits: level }
  if (policy.method === 'order_up_to') return { method: 'order_up_to', orderUpToUnits: level }
  invariant(policy.minUnits !== undefined && policy.maxUnits !== undefined, 'a min_max policy has minUnits and maxUnits (policyOf checks)')
  return { method: 'min_max', minUnits: policy.minUnits, maxUnits: policy.maxUnits }
}
