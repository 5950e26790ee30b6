/**
 * Presale decisions, pure: a campaign's terms checked whole, the quota change, the admission of
 * an order (checked again under the slot lock inside the engine batch), and what a campaign's
 * end does to each open order (the final price, never above the price shown; the balance window).
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, type PresaleErrorCode } from './errors.ts'
import { isCurrency } from '../kernel/money.ts'
import type { Order, PaymentPlan } from '../orders/index.ts'
import type { Campaign, CampaignStatus, CampaignTerms, CompensationRule, DepositRule, Inflation, Pricing, ShipDate } from './model.ts'
import { defaultDepositDeadlineMinutes } from './model.ts'
import { checkCampaignAction } from './lifecycle.ts'
import {
  amountsOf, balanceWindowOf, priceAt, repricedUnitPrice, validateCompensation, validateDeposit, validatePricing, validateShipDate,
} from './rules.ts'

export const maxQuota = 1_000_000_000
export const maxBalanceWindowHours = 24 * 90
export const maxDepositDeadlineMinutes = 24 * 60

/** Terms as they arrive: the deposit amount may come from a fixed rule set; optional fields default. */
export interface TermsInput {
  code: string
  name: string
  skuId: string
  nodeId: string
  currency: string
  startsAtMs: number
  endsAtMs: number
  quota: number
  perCustomerLimit: number | null
  pricing: Pricing
  deposit: { perUnit: number | null; rule: DepositRule; inflation: Inflation | null }
  depositDeadlineMinutes: number | null
  balanceWindowHours: number
  shipDate: ShipDate
  compensation: CompensationRule | null
  supplierId: string | null
}

const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max
const invalid = (code: PresaleErrorCode, detail: string, field: string): Failure => fail(code, detail, { field })

/** Checks a campaign's terms whole, in a fixed order: window, quota and limit, price, deposit, deadlines, ship date, compensation. */
export function decideTerms(t: TermsInput): Result<CampaignTerms> {
  if (!(t.startsAtMs < t.endsAtMs)) return invalid('invalid_window', 'startsAt must be before endsAt.', 'endsAt')
  if (!isWhole(t.quota, 1, maxQuota)) return invalid('invalid_quota', `quota must be a whole number from 1 to ${maxQuota}.`, 'quota')
  if (t.perCustomerLimit !== null && !isWhole(t.perCustomerLimit, 1, maxQuota)) {
    return invalid('invalid_per_customer_limit', 'perCustomerLimit must be a positive whole number, or null for no limit.', 'perCustomerLimit')
  }
  const pricing = validatePricing(t.pricing)
  if (!pricing.ok) return pricing
  // Every order total stays a safe integer: the whole quota at the first (highest) price must.
  if (!Number.isSafeInteger(priceAt(pricing.value, 0) * t.quota)) {
    return invalid('total_too_large', 'The whole quota at the first price is too large an amount: lower the price or the quota.', 'quota')
  }
  if (!isCurrency(t.currency)) return invalid('unknown_currency', `'${t.currency}' is not an ISO 4217 currency code (such as CNY).`, 'currency')
  const deposit = validateDeposit(t.deposit, pricing.value, t.currency)
  if (!deposit.ok) return deposit
  const deadline = t.depositDeadlineMinutes ?? defaultDepositDeadlineMinutes
  if (!isWhole(deadline, 1, maxDepositDeadlineMinutes)) {
    return invalid('invalid_deposit_deadline', `depositDeadlineMinutes must be from 1 to ${maxDepositDeadlineMinutes}.`, 'depositDeadlineMinutes')
  }
  if (!isWhole(t.balanceWindowHours, 1, maxBalanceWindowHours)) {
    return invalid('invalid_balance_window', `balanceWindowHours must be from 1 to ${maxBalanceWindowHours}.`, 'balanceWindowHours')
  }
  const shipDate = validateShipDate(t.shipDate, t.endsAtMs)
  if (!shipDate.ok) return shipDate
  const compensation = validateCompensation(t.compensation)
  if (!compensation.ok) return compensation
  return ok({
    code: t.code, name: t.name, skuId: t.skuId, nodeId: t.nodeId, currency: t.currency, startsAtMs: t.startsAtMs, endsAtMs: t.endsAtMs,
    quota: t.quota, perCustomerLimit: t.perCustomerLimit, pricing: pricing.value, deposit: deposit.value, depositDeadlineMinutes: deadline,
    balanceWindowHours: t.balanceWindowHours, shipDate: shipDate.value, compensation: compensation.value, supplierId: t.supplierId,
  })
}

/** The terms a draft can be edited back into (for a patch: current terms overlaid by the change). */
export const termsInputOf = (c: CampaignTerms): TermsInput => ({ ...c, deposit: { ...c.deposit } })

const statusCode: Record<Exclude<CampaignStatus, 'published'>, [PresaleErrorCode, string]> = {
  draft: ['campaign_not_published', 'is not published yet'],
  ended: ['campaign_ended', 'has ended'],
  cancelled: ['campaign_cancelled', 'was cancelled'],
}

/** A quota may be set freely in a draft; once published it may only rise. */
export function decideQuota(c: Pick<Campaign, 'code' | 'status' | 'quota'>, quota: number): Result<{ quota: number; delta: number }> {
  if (!isWhole(quota, 1, maxQuota)) return invalid('invalid_quota', `quota must be a whole number from 1 to ${maxQuota}.`, 'quota')
  const refused = checkCampaignAction(c, 'set_quota')
  if (refused) return refused
  if (c.status === 'published' && quota < c.quota) {
    return fail('quota_cannot_decrease', `Campaign ${c.code} is published: its quota of ${c.quota} may be raised, never lowered.`, { quota: c.quota })
  }
  return ok({ quota, delta: quota - c.quota })
}

/** What the batch knows when it admits an order: the campaign as locked, and units already ordered. */
export interface Admission {
  status: CampaignStatus
  startsAtMs: number
  endsAtMs: number
  perCustomerLimit: number | null
  pricing: Pricing
  /** Units on the campaign's orders not cancelled, before this order. */
  unitsSold: number
  /** Units this customer already ordered in the campaign (not cancelled), earlier orders of the batch included. */
  customerUnits: number
  /** Quota units not yet promised. */
  quotaFree: number
}

/**
 * Admits an order, in precedence: the campaign is selling (status, window), the customer's limit,
 * the quota; answers the unit price of the current tier.
 */
export function admit(a: Admission, quantity: number, nowMs: number): Result<{ unitPrice: number }> {
  if (a.status !== 'published') {
    const [code, words] = statusCode[a.status]
    return fail(code, `This campaign ${words}.`)
  }
  if (nowMs < a.startsAtMs) return fail('campaign_not_started', `This campaign starts at ${new Date(a.startsAtMs).toISOString()}.`, { startsAt: new Date(a.startsAtMs).toISOString() })
  if (nowMs >= a.endsAtMs) return fail('campaign_ended', 'This campaign has ended.')
  if (a.perCustomerLimit !== null && a.customerUnits + quantity > a.perCustomerLimit) {
    return fail('per_customer_limit_exceeded', `A customer may order at most ${a.perCustomerLimit} units in this campaign; ${a.customerUnits} already ordered.`, {
      limit: a.perCustomerLimit, alreadyOrdered: a.customerUnits, available: Math.max(0, a.perCustomerLimit - a.customerUnits),
    })
  }
  if (quantity > a.quotaFree) {
    return fail('quota_exhausted', `Only ${Math.max(0, a.quotaFree)} units of the campaign's quota are left.`, { available: Math.max(0, a.quotaFree) })
  }
  return ok({ unitPrice: priceAt(a.pricing, a.unitsSold) })
}

/** The deposit plan of a new order at a unit price; the balance window runs from the planned end until the campaign really ends. */
export function planOf(c: Pick<CampaignTerms, 'deposit' | 'endsAtMs' | 'balanceWindowHours'>, unitPrice: number, quantity: number): { total: number; payment: PaymentPlan } {
  const amounts = amountsOf(c.deposit, unitPrice, quantity)
  const window = balanceWindowOf(c.endsAtMs, c.balanceWindowHours)
  return {
    total: amounts.total,
    payment: {
      kind: 'deposit', deposit: amounts.deposit, depositCredit: amounts.depositCredit, balance: amounts.balance,
      balanceFromMs: window.fromMs, balanceByMs: window.byMs,
    },
  }
}

/** What ending a campaign does to one open order. */
export interface EndOfOrder {
  orderId: string
  customerId: string
  repriced: boolean
  unitPriceBefore: number
  unitPrice: number
  totalBefore: number
  total: number
  payment: PaymentPlan
  /** The order's next deadline: the balance deadline once the deposit is paid; unchanged while the deposit is still due. */
  dueAtMs: number | null
  lines: Array<{ lineNo: number; unitPrice: number }>
}

/**
 * Reprices an open order at the final price (each line at most the price it was shown) and
 * sets its balance window from the real end. The deposit keeps counting for what it did.
 */
export function endOrder(o: Order, finalUnitPrice: number, endedAtMs: number, balanceWindowHours: number): EndOfOrder {
  const window = balanceWindowOf(endedAtMs, balanceWindowHours)
  const lines = o.lines.filter((l) => l.status !== 'cancelled').map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, before: l.unitPrice, unitPrice: repricedUnitPrice(l.unitPrice, finalUnitPrice) }))
  const total = lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)
  const credit = o.payment.kind === 'deposit' ? o.payment.depositCredit : 0
  const deposit = o.payment.kind === 'deposit' ? o.payment.deposit : 0
  const payment: PaymentPlan = {
    kind: 'deposit', deposit, depositCredit: Math.min(credit, total), balance: Math.max(0, total - credit), balanceFromMs: window.fromMs, balanceByMs: window.byMs,
  }
  return {
    orderId: o.id,
    customerId: o.customerId,
    repriced: total < o.total,
    unitPriceBefore: lines[0]?.before ?? 0,
    unitPrice: lines[0]?.unitPrice ?? 0,
    totalBefore: o.total,
    total,
    payment,
    dueAtMs: o.status === 'deposit_paid' ? window.byMs : o.dueAtMs,
    lines: lines.map((l) => ({ lineNo: l.lineNo, unitPrice: l.unitPrice })),
  }
}
