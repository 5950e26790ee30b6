/**
 * Presale rules, pure: deposit rule sets, deposit inflation, tiered prices and repricing, ship
 * days and merchant-fault compensation. Percentages are whole numbers and every comparison is
 * done in integers (deposit × 100 against percent × price), so a boundary such as exactly 20 %
 * is decided exactly.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { formatMoney } from '../kernel/money.ts'
import { fail, type PresaleErrorCode } from './errors.ts'
import { dayMs, dayStartOf } from '../promising/index.ts'
import type { CompensationRule, DepositRule, DepositTerms, Inflation, Pricing, ShipDate } from './model.ts'
import { hourMs } from './model.ts'

export const maxMoney = 1_000_000_000_000
export const maxTiers = 20
const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max
const invalid = (code: PresaleErrorCode, detail: string, field: string): Failure => fail(code, detail, { field })

/** Checks a pricing: a fixed price, or tiers from 0 units with units rising and prices falling. */
export function validatePricing(p: Pricing): Result<Pricing> {
  if (p.kind === 'fixed') {
    return isWhole(p.unitPrice, 1, maxMoney) ? ok(p) : invalid('invalid_pricing', 'unitPrice must be a positive whole amount in minor units.', 'pricing.unitPrice')
  }
  const tiers = p.tiers
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > maxTiers) {
    return invalid('invalid_tiers', `A tiered price needs 1 to ${maxTiers} tiers.`, 'pricing.tiers')
  }
  if (tiers[0].fromUnits !== 0) return invalid('invalid_tiers', 'The first tier must start at 0 units.', 'pricing.tiers[0].fromUnits')
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]
    if (!isWhole(t.unitPrice, 1, maxMoney)) return invalid('invalid_tiers', `Tier ${i + 1}: unitPrice must be a positive whole amount.`, `pricing.tiers[${i}].unitPrice`)
    if (!isWhole(t.fromUnits, 0, Number.MAX_SAFE_INTEGER)) return invalid('invalid_tiers', `Tier ${i + 1}: fromUnits must be a whole number.`, `pricing.tiers[${i}].fromUnits`)
    if (i === 0) continue
    if (t.fromUnits <= tiers[i - 1].fromUnits) return invalid('invalid_tiers', `Tier ${i + 1} must start at more units than tier ${i}.`, `pricing.tiers[${i}].fromUnits`)
    if (t.unitPrice >= tiers[i - 1].unitPrice) return invalid('invalid_tiers', `Tier ${i + 1} must be cheaper than tier ${i}: more units sold, lower price.`, `pricing.tiers[${i}].unitPrice`)
  }
  return ok({ kind: 'tiered', tiers: tiers.map((t) => ({ fromUnits: t.fromUnits, unitPrice: t.unitPrice })) })
}

/** The unit price once `unitsSold` units are sold: the last tier reached. */
export function priceAt(p: Pricing, unitsSold: number): number {
  if (p.kind === 'fixed') return p.unitPrice
  let price = p.tiers[0].unitPrice
  for (const t of p.tiers) if (t.fromUnits <= unitsSold) price = t.unitPrice
  return price
}

/** Every price the campaign can end at: deposit limits must hold for each. */
export const possiblePrices = (p: Pricing): number[] => (p.kind === 'fixed' ? [p.unitPrice] : p.tiers.map((t) => t.unitPrice))

/** What an order pays per unit once the final price is known: never more than the price shown at purchase. */
export const repricedUnitPrice = (shownUnitPrice: number, finalUnitPrice: number): number => Math.min(shownUnitPrice, finalUnitPrice)

/** Checks a deposit rule set's own parameters. */
export function validateDepositRule(r: DepositRule): Result<DepositRule> {
  switch (r.kind) {
    case 'whole_amount_max_percent':
      if (!isWhole(r.maxPercent, 1, 100)) return invalid('invalid_deposit_rule', 'maxPercent must be a whole percentage from 1 to 100.', 'deposit.rule.maxPercent')
      if (!isWhole(r.wholeUnit, 1, maxMoney)) return invalid('invalid_deposit_rule', 'wholeUnit must be a positive whole amount in minor units (100: whole yuan).', 'deposit.rule.wholeUnit')
      return ok({ kind: r.kind, maxPercent: r.maxPercent, wholeUnit: r.wholeUnit })
    case 'percent_range_exclusive':
      if (!isWhole(r.minPercent, 0, 99) || !isWhole(r.maxPercent, 1, 100) || r.minPercent >= r.maxPercent) {
        return invalid('invalid_deposit_rule', 'minPercent and maxPercent must be whole percentages with 0 ≤ minPercent < maxPercent ≤ 100.', 'deposit.rule')
      }
      if (r.minAmountExclusive !== null && !isWhole(r.minAmountExclusive, 0, maxMoney)) {
        return invalid('invalid_deposit_rule', 'minAmountExclusive must be a whole amount in minor units, or null.', 'deposit.rule.minAmountExclusive')
      }
      return ok({ kind: r.kind, minPercent: r.minPercent, maxPercent: r.maxPercent, minAmountExclusive: r.minAmountExclusive })
    case 'fixed':
      if (!isWhole(r.amount, 1, maxMoney)) return invalid('invalid_deposit_rule', 'amount must be a positive whole amount in minor units.', 'deposit.rule.amount')
      return ok({ kind: r.kind, amount: r.amount })
    default:
      return invalid('invalid_deposit_rule', 'kind must be whole_amount_max_percent, percent_range_exclusive or fixed.', 'deposit.rule.kind')
  }
}

/** Refuses a per-unit deposit the rule set does not allow at this unit price. */
export function checkDeposit(r: DepositRule, deposit: number, price: number, currency: string): Failure | undefined {
  const at = { deposit, unitPrice: price }
  const money = (minor: number) => formatMoney(minor, currency)
  if (!isWhole(deposit, 1, maxMoney)) return fail('invalid_deposit', 'The deposit must be a positive whole amount in minor units.', at)
  if (deposit >= price) return fail('deposit_not_below_price', `A deposit of ${money(deposit)} is not below the price ${money(price)}.`, at)
  switch (r.kind) {
    case 'whole_amount_max_percent':
      if (deposit % r.wholeUnit !== 0) return fail('deposit_not_whole_amount', `The deposit must be a whole amount: a multiple of ${money(r.wholeUnit)}.`, at)
      if (deposit * 100 > r.maxPercent * price) return fail('deposit_above_limit', `The deposit may be at most ${r.maxPercent} % of the price ${money(price)}.`, { ...at, maxPercent: r.maxPercent })
      return undefined
    case 'percent_range_exclusive':
      if (r.minAmountExclusive !== null && deposit <= r.minAmountExclusive) {
        return fail('deposit_below_limit', `The deposit must be more than ${money(r.minAmountExclusive)}.`, { ...at, minAmountExclusive: r.minAmountExclusive })
      }
      if (deposit * 100 <= r.minPercent * price) return fail('deposit_below_limit', `The deposit must be more than ${r.minPercent} % of the price ${money(price)}.`, { ...at, minPercent: r.minPercent })
      if (deposit * 100 >= r.maxPercent * price) return fail('deposit_above_limit', `The deposit must be less than ${r.maxPercent} % of the price ${money(price)}.`, { ...at, maxPercent: r.maxPercent })
      return undefined
    case 'fixed':
      return deposit === r.amount ? undefined : fail('deposit_not_fixed_amount', `This rule set takes a deposit of exactly ${money(r.amount)}.`, { ...at, amount: r.amount })
  }
}

/** Two decimals at most, so the credit is computed exactly in hundredths. */
const factorHundredths = (factor: number): number => Math.round(factor * 100)

/** What a per-unit deposit counts for toward the price. */
export function creditPerUnitOf(inflation: Inflation | null, deposit: number): number {
  if (!inflation) return deposit
  if (inflation.kind === 'credit') return inflation.creditPerUnit
  return Math.floor((deposit * factorHundredths(inflation.factor)) / 100)
}

/** Checks inflation against the deposit: it counts for at least what was paid and never for more than any price the campaign can end at. */
export function checkInflation(inflation: Inflation | null, deposit: number, prices: readonly number[], currency: string): Failure | undefined {
  const money = (minor: number) => formatMoney(minor, currency)
  if (inflation?.kind === 'multiplier') {
    const f = inflation.factor
    if (typeof f !== 'number' || !Number.isFinite(f) || f < 1 || f > 10 || Math.abs(factorHundredths(f) - f * 100) > 1e-9) {
      return invalid('invalid_inflation', 'factor must be from 1 to 10 with at most two decimals (1.5: a deposit of 10 counts as 15).', 'deposit.inflation.factor')
    }
  }
  if (inflation?.kind === 'credit' && !isWhole(inflation.creditPerUnit, 1, maxMoney)) {
    return invalid('invalid_inflation', 'creditPerUnit must be a positive whole amount in minor units.', 'deposit.inflation.creditPerUnit')
  }
  const credit = creditPerUnitOf(inflation, deposit)
  if (credit < deposit) return fail('deposit_credit_below_deposit', `The deposit would count for ${money(credit)}, less than the ${money(deposit)} paid.`, { deposit, credit })
  const lowest = Math.min(...prices)
  if (credit > lowest) {
    return fail('deposit_credit_above_price', `The deposit would count for ${money(credit)}, more than the lowest price the campaign can end at (${money(lowest)}).`, { deposit, credit, unitPrice: lowest })
  }
  return undefined
}

/** Checks the deposit terms against every price the campaign can end at; a fixed rule supplies the amount. */
export function validateDeposit(terms: { perUnit: number | null; rule: DepositRule; inflation: Inflation | null }, pricing: Pricing, currency: string): Result<DepositTerms> {
  const rule = validateDepositRule(terms.rule)
  if (!rule.ok) return rule
  const perUnit = terms.perUnit ?? (rule.value.kind === 'fixed' ? rule.value.amount : null)
  if (perUnit === null) return invalid('deposit_required', 'Give deposit.perUnit (only a fixed rule set supplies the amount itself).', 'deposit.perUnit')
  const prices = possiblePrices(pricing)
  for (const price of prices) {
    const refused = checkDeposit(rule.value, perUnit, price, currency)
    if (refused) return refused
  }
  const refused = checkInflation(terms.inflation, perUnit, prices, currency)
  if (refused) return refused
  return ok({ perUnit, rule: rule.value, inflation: terms.inflation })
}

/** An order's money: the price of its units, the deposit, what the deposit counts for, and the balance. */
export interface PresaleAmounts {
  total: number
  deposit: number
  depositCredit: number
  balance: number
}

export function amountsOf(deposit: DepositTerms, unitPrice: number, quantity: number): PresaleAmounts {
  const total = unitPrice * quantity
  const depositCredit = Math.min(total, creditPerUnitOf(deposit.inflation, deposit.perUnit) * quantity)
  return { total, deposit: deposit.perUnit * quantity, depositCredit, balance: total - depositCredit }
}

/** The balance window: from the campaign's end for `hours`. */
export const balanceWindowOf = (endMs: number, hours: number): { fromMs: number; byMs: number } => ({ fromMs: endMs, byMs: endMs + hours * hourMs })

/** Checks ship-date terms against the window: nothing ships before the campaign ends. */
export function validateShipDate(s: ShipDate, endsAtMs: number): Result<ShipDate> {
  const endDay = dayStartOf(endsAtMs)
  switch (s.mode) {
    case 'fixed':
      if (s.dayMs < endDay) return invalid('ship_date_before_end', 'The ship day may not be before the campaign ends.', 'shipDate.day')
      return ok(s)
    case 'after_balance':
      if (!isWhole(s.days, 0, 365)) return invalid('invalid_ship_date', 'days must be a whole number from 0 to 365.', 'shipDate.days')
      return ok(s)
    case 'customer_chosen':
      if (s.earliestMs < endDay) return invalid('ship_date_before_end', 'The earliest ship day may not be before the campaign ends.', 'shipDate.earliest')
      if (s.latestMs < s.earliestMs) return invalid('invalid_ship_date', 'latest must be on or after earliest.', 'shipDate.latest')
      return ok(s)
    default:
      return invalid('invalid_ship_date', 'mode must be fixed, after_balance or customer_chosen.', 'shipDate.mode')
  }
}

/**
 * The day the quota's supply slot is dated: the ship day when fixed, else the latest day any
 * order can ship (the end of the balance window plus the days, or the latest choosable day).
 */
export function slotDayOf(s: ShipDate, balanceByMs: number): number {
  switch (s.mode) {
    case 'fixed': return s.dayMs
    case 'after_balance': return dayStartOf(balanceByMs) + s.days * dayMs
    case 'customer_chosen': return s.latestMs
  }
}

/** The ship day an order is promised at purchase; refuses a chosen day where the mode has none, or one out of range. */
export function promisedShipDay(s: ShipDate, balanceByMs: number, chosenDayMs: number | null): Result<number> {
  if (s.mode !== 'customer_chosen') {
    if (chosenDayMs !== null) return fail('ship_date_not_choosable', `This campaign ships ${s.mode === 'fixed' ? 'on a fixed day' : `${s.days} days after the balance is paid`}; do not send shipDate.`)
    return ok(slotDayOf(s, balanceByMs))
  }
  if (chosenDayMs === null) return fail('ship_date_required', 'This campaign lets the customer choose the ship day: send shipDate.')
  if (chosenDayMs < s.earliestMs || chosenDayMs > s.latestMs) {
    return fail('ship_date_out_of_range', 'The chosen ship day is outside the campaign’s range.', {
      earliest: new Date(s.earliestMs).toISOString().slice(0, 10), latest: new Date(s.latestMs).toISOString().slice(0, 10),
    })
  }
  return ok(chosenDayMs)
}

/** Ship day once the balance is paid (after_balance mode): the payment's day plus the days. */
export const shipDayAfterBalance = (days: number, paidAtMs: number): number => dayStartOf(paidAtMs) + days * dayMs

/** Checks the compensation rule's parameters. */
export function validateCompensation(c: CompensationRule | null): Result<CompensationRule | null> {
  if (c === null) return ok(null)
  if (c.kind === 'percent_of_deposit') {
    return isWhole(c.percent, 1, 1000) ? ok({ kind: c.kind, percent: c.percent }) : invalid('invalid_compensation', 'percent must be a whole percentage from 1 to 1000 of the deposit.', 'compensation.percent')
  }
  if (c.kind === 'fixed') {
    return isWhole(c.amount, 1, maxMoney) ? ok({ kind: c.kind, amount: c.amount }) : invalid('invalid_compensation', 'amount must be a positive whole amount per order.', 'compensation.amount')
  }
  return invalid('invalid_compensation', 'kind must be percent_of_deposit or fixed.', 'compensation.kind')
}

/** What an order not shipped by its promised day is owed (the deposit as priced, not as inflated). */
export function compensationOf(c: CompensationRule, deposit: number): number {
  return c.kind === 'fixed' ? c.amount : Math.floor((deposit * c.percent) / 100)
}
