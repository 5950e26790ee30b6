/**
 * The return policy as data (issue 15): its default, the check that runs whenever a merchant sets
 * one, the policy that applies to a SKU category, and whether a unit may be returned at all. Pure:
 * no database, no clock (the caller passes `nowMs`).
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, type ReturnsErrorCode } from './errors.ts'
import { refundSteps, returnReasons, type Fee, type RefundStep, type ReturnPolicy, type ReturnReason } from './model.ts'

const dayMs = 86_400_000
const maxWindowDays = 365
const maxTextLength = 100

/**
 * Seven days, no reason needed (七天无理由退货): any reason is accepted; the customer pays the
 * return shipping and keeps a presale deposit only when the return is their own choice; nothing is
 * charged and everything is refunded when the fault is the merchant's.
 */
export const defaultReturnPolicy: ReturnPolicy = {
  windowDays: 7,
  reasons: {
    customer_remorse: { merchantFault: false },
    wrong_item: { merchantFault: true },
    damaged_in_transit: { merchantFault: true },
    defective: { merchantFault: true },
    late_delivery: { merchantFault: true },
    not_as_described: { merchantFault: true },
    other: { merchantFault: false },
  },
  conditions: [],
  restockingFee: null,
  returnShipping: { paidBy: 'customer', costMinor: 1000 },
  refundStep: 'on_receipt',
  nonReturnableCategories: [],
  presaleDepositRefund: 'merchant_fault_only',
  categories: {},
}

/** The fields a category may replace, in the order they are checked. */
type OverrideField = keyof Omit<ReturnPolicy, 'categories' | 'nonReturnableCategories'>
type Override = ReturnPolicy['categories'][string]

const refuse = (field: string, rule: string): Failure<ReturnsErrorCode> => fail('invalid_return_policy', `${field} ${rule}`, { field })

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() === v && v.length > 0 && v.length <= maxTextLength

const unknownKey = (input: Record<string, unknown>, allowed: readonly string[]): string | undefined =>
  Object.keys(input).find((k) => !allowed.includes(k))

/** A list of distinct short texts (conditions, categories). */
function checkTexts(v: unknown, field: string): Result<string[]> {
  if (!Array.isArray(v)) return refuse(field, `must be a list of texts (1–${maxTextLength} characters, no surrounding spaces).`)
  const bad = v.findIndex((t) => !isText(t))
  if (bad >= 0) return refuse(`${field}[${bad}]`, `must be a text of 1–${maxTextLength} characters with no surrounding spaces.`)
  const repeated = v.findIndex((t, i) => v.indexOf(t) !== i)
  if (repeated >= 0) return refuse(`${field}[${repeated}]`, `repeats '${v[repeated]}': each is named once.`)
  return ok([...v])
}

function checkReasons(v: unknown, field: string): Result<ReturnPolicy['reasons']> {
  const allowed = `one of ${returnReasons.join(', ')}`
  if (!isRecord(v) || Object.keys(v).length === 0) return refuse(field, `must name at least one reason (${allowed}), each as { merchantFault: true | false }.`)
  const stray = unknownKey(v, returnReasons)
  if (stray !== undefined) return refuse(`${field}.${stray}`, `is not a reason: each must be ${allowed}.`)
  const out: ReturnPolicy['reasons'] = {}
  for (const reason of returnReasons) {
    if (!Object.hasOwn(v, reason)) continue
    const entry = v[reason]
    if (!isRecord(entry) || typeof entry.merchantFault !== 'boolean' || unknownKey(entry, ['merchantFault']) !== undefined) {
      return refuse(`${field}.${reason}`, 'must be { merchantFault: true | false } and nothing else.')
    }
    out[reason] = { merchantFault: entry.merchantFault }
  }
  return ok(out)
}

function checkFee(v: unknown, field: string): Result<Fee | null> {
  if (v === null) return ok(null)
  const shape = "must be null (no fee), { kind: 'percent', value: 0–100 } or { kind: 'fixed', value: a whole amount ≥ 0 in minor units }."
  if (!isRecord(v) || unknownKey(v, ['kind', 'value']) !== undefined) return refuse(field, shape)
  if (v.kind === 'percent') {
    // Hundredths of a percent at most, so the fee is computed exactly in basis points (refund.ts).
    const valid = typeof v.value === 'number' && v.value >= 0 && v.value <= 100 && Math.abs(Math.round(v.value * 100) - v.value * 100) < 1e-6
    return valid ? ok({ kind: 'percent', value: v.value as number }) : refuse(`${field}.value`, 'must be a percent from 0 to 100 (at most two decimals).')
  }
  if (v.kind === 'fixed') {
    return isWhole(v.value, 0) ? ok({ kind: 'fixed', value: v.value }) : refuse(`${field}.value`, 'must be a whole amount ≥ 0 in minor units.')
  }
  return refuse(`${field}.kind`, "must be 'percent' or 'fixed'.")
}

function checkShipping(v: unknown, field: string): Result<ReturnPolicy['returnShipping']> {
  if (!isRecord(v) || unknownKey(v, ['paidBy', 'costMinor']) !== undefined) {
    return refuse(field, "must be { paidBy: 'customer' | 'merchant', costMinor: a whole amount ≥ 0 }.")
  }
  if (v.paidBy !== 'customer' && v.paidBy !== 'merchant') return refuse(`${field}.paidBy`, "must be 'customer' or 'merchant'.")
  if (!isWhole(v.costMinor, 0)) return refuse(`${field}.costMinor`, 'must be a whole amount ≥ 0 in minor units.')
  return ok({ paidBy: v.paidBy, costMinor: v.costMinor })
}

const checkOneOf = <T extends string>(allowed: readonly T[]) => (v: unknown, field: string): Result<T> =>
  allowed.includes(v as T) ? ok(v as T) : refuse(field, `must be one of ${allowed.join(', ')}.`)

const fieldChecks: { [K in OverrideField]: (v: unknown, field: string) => Result<ReturnPolicy[K]> } = {
  windowDays: (v, field) => (isWhole(v, 0, maxWindowDays) ? ok(v) : refuse(field, `must be a whole number of days from 0 to ${maxWindowDays}.`)),
  reasons: checkReasons,
  conditions: checkTexts,
  restockingFee: checkFee,
  returnShipping: checkShipping,
  refundStep: checkOneOf<RefundStep>(refundSteps),
  presaleDepositRefund: checkOneOf(['merchant_fault_only', 'always'] as const),
}
const overrideFields = Object.keys(fieldChecks) as OverrideField[]
const policyFields = [...overrideFields, 'nonReturnableCategories', 'categories'] as const

/** Checks the given fields of `input` (all of them when `required`), into a fresh object of only those fields. */
function checkFields(input: Record<string, unknown>, prefix: string, required: boolean): Result<Override> {
  const out: Record<string, unknown> = {}
  for (const key of overrideFields) {
    if (!Object.hasOwn(input, key)) {
      if (required) return refuse(`${prefix}${key}`, 'is required.')
      continue
    }
    const checked = fieldChecks[key](input[key], `${prefix}${key}`)
    if (!checked.ok) return checked
    out[key] = checked.value
  }
  return ok(out as Override)
}

function checkCategories(v: unknown): Result<ReturnPolicy['categories']> {
  if (!isRecord(v)) return refuse('categories', 'must be an object of SKU category → the fields that replace the policy\'s ({} for none).')
  const entries: Array<[string, Override]> = []
  for (const [category, override] of Object.entries(v)) {
    const field = `categories.${category}`
    if (!isText(category)) return refuse(field, `must be named by a category of 1–${maxTextLength} characters with no surrounding spaces.`)
    if (!isRecord(override)) return refuse(field, `must be an object of the fields it replaces: ${overrideFields.join(', ')}.`)
    const stray = unknownKey(override, overrideFields)
    if (stray !== undefined) return refuse(`${field}.${stray}`, `cannot be set per category: only ${overrideFields.join(', ')}.`)
    const checked = checkFields(override, `${field}.`, false)
    if (!checked.ok) return checked
    entries.push([category, checked.value])
  }
  // fromEntries defines own properties, so a category named like an Object.prototype key stays plain data.
  return ok(Object.fromEntries(entries))
}

/**
 * Validates a whole return policy as set by a merchant; refuses with `invalid_return_policy`, a
 * detail naming the field and what it allows, and `extra.field`. Returns a fresh copy holding only
 * the policy's fields.
 */
export function checkReturnPolicy(input: unknown): Result<ReturnPolicy> {
  if (!isRecord(input)) return refuse('policy', `must be an object with ${policyFields.join(', ')}.`)
  const stray = unknownKey(input, policyFields)
  if (stray !== undefined) return refuse(stray, `is not a policy field: the fields are ${policyFields.join(', ')}.`)
  const fields = checkFields(input, '', true)
  if (!fields.ok) return fields
  if (!Object.hasOwn(input, 'nonReturnableCategories')) return refuse('nonReturnableCategories', 'is required ([] for none).')
  const nonReturnable = checkTexts(input.nonReturnableCategories, 'nonReturnableCategories')
  if (!nonReturnable.ok) return nonReturnable
  if (!Object.hasOwn(input, 'categories')) return refuse('categories', 'is required ({} for none).')
  const categories = checkCategories(input.categories)
  if (!categories.ok) return categories
  return ok({ ...(fields.value as Omit<ReturnPolicy, 'categories' | 'nonReturnableCategories'>), nonReturnableCategories: nonReturnable.value, categories: categories.value })
}

/**
 * The policy a unit of `category` follows: the category's fields replace the channel's (a replaced
 * `reasons` is the whole list, not merged). Applying it twice gives the same policy, so a caller
 * may pass either the channel's policy or one already made effective.
 */
export function effectivePolicy(policy: ReturnPolicy, category: string | null): ReturnPolicy {
  if (category === null || !Object.hasOwn(policy.categories, category)) return policy
  return { ...policy, ...policy.categories[category], categories: policy.categories, nonReturnableCategories: policy.nonReturnableCategories }
}

/** Whether `reason` is the merchant's fault under `policy`; a reason the policy does not list is not. */
export const isMerchantFault = (policy: ReturnPolicy, reason: ReturnReason): boolean => policy.reasons[reason]?.merchantFault === true

/** When the window of a unit delivered at `deliveredAtMs` closes: `windowDays` whole days (of 24 hours) after delivery. */
export const windowClosesAtMs = (policy: ReturnPolicy, deliveredAtMs: number): number => deliveredAtMs + policy.windowDays * dayMs

/**
 * Whether a unit may be returned now, under its category's policy: its category is returnable,
 * it has been delivered (or collected) and the window is open, and the policy accepts the reason.
 * The window counts whole days from delivery: with 7 days, a unit delivered at 10:00 on the 1st may
 * be returned until 10:00 on the 8th (exclusive); with 0 days, never.
 */
export function checkReturnable(
  policy: ReturnPolicy,
  input: { category: string | null; deliveredAtMs: number | null; nowMs: number; reason: ReturnReason },
): Result<void> {
  const { category, deliveredAtMs, nowMs, reason } = input
  if (category !== null && policy.nonReturnableCategories.includes(category)) {
    return fail('not_returnable', `SKUs of category '${category}' cannot be returned.`, { category })
  }
  const effective = effectivePolicy(policy, category)
  if (deliveredAtMs === null) return fail('return_window_closed', 'Not delivered yet: the return window opens at delivery (or collection).', { deliveredAtMs })
  const closesAtMs = windowClosesAtMs(effective, deliveredAtMs)
  if (nowMs >= closesAtMs) {
    return fail('return_window_closed', `The return window of ${effective.windowDays} days from delivery closed at ${new Date(closesAtMs).toISOString()}.`,
      { windowDays: effective.windowDays, deliveredAtMs, closesAtMs })
  }
  if (effective.reasons[reason] === undefined) {
    const accepted = returnReasons.filter((r) => effective.reasons[r] !== undefined)
    return fail('reason_not_accepted', `The reason '${reason}' is not accepted; the policy accepts ${accepted.join(', ')}.`, { reason, accepted })
  }
  return ok(undefined)
}
