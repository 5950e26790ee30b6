/**
 * The refund of a return (issue 15), in minor units, with its explanation: the lines' value, less
 * a restocking fee and the customer's return shipping (both waived for the merchant's fault), less
 * a presale deposit the policy keeps — never negative, never more than the order can still refund.
 * Compensation already given for a late delivery is not taken back: it is not part of the lines'
 * value nor of this computation, so there is nothing to subtract. Pure.
 */
import { isMerchantFault } from './policy.ts'
import type { ReturnPolicy, ReturnReason } from './model.ts'

export interface RefundInput {
  lines: ReadonlyArray<{ quantity: number; unitPrice: number; reason: ReturnReason }>
  /** The effective policy (policy.ts `effectivePolicy`) of the returned units. */
  policy: ReturnPolicy
  /** The order's payments when it is a presale order; null otherwise. */
  presale: null | { depositPaid: number; balancePaid: number }
  /** What the order can still refund: paid, less refunded, less refunds already due on it. */
  refundable: number
}

export interface RefundBreakdown {
  /** What is refunded: linesValue − fee − shipping − depositKept, at least 0, at most refundable. */
  amount: number
  linesValue: number
  fee: number
  shipping: number
  depositKept: number
  /** Some line's reason is the merchant's fault: no fee, no shipping, the deposit refunded. */
  merchantFault: boolean
}

/** round(a × b / c) with halves up, exact for any safe integers (the product may exceed 2^53). */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const [x, y, z] = [BigInt(a), BigInt(b), BigInt(c)]
  return Number((2n * x * y + z) / (2n * z))
}

/** A percent with at most two decimals (policy.ts checks it), as basis points. */
const basisPointsOf = (percent: number): number => Math.round(percent * 100)

export function refundFor(input: RefundInput): RefundBreakdown {
  const { lines, policy, presale } = input
  const linesValue = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0)
  // One line the merchant got wrong waives the fee and shipping for the whole parcel: it came back because of them.
  const merchantFault = lines.some((l) => isMerchantFault(policy, l.reason))
  const fee = merchantFault || policy.restockingFee === null ? 0
    : policy.restockingFee.kind === 'percent' ? mulDivHalfUp(linesValue, basisPointsOf(policy.restockingFee.value), 10_000)
    : policy.restockingFee.value
  const shipping = !merchantFault && policy.returnShipping.paidBy === 'customer' ? policy.returnShipping.costMinor : 0
  const depositKept = keptDeposit(linesValue, presale, policy, merchantFault)
  const due = Math.max(0, linesValue - fee - shipping - depositKept)
  return { amount: Math.min(due, Math.max(0, input.refundable)), linesValue, fee, shipping, depositKept, merchantFault }
}

/**
 * The deposit share of the returned lines the merchant keeps: the lines' value × deposit / (deposit
 * + balance), halves up, never more than the deposit paid; nothing when the policy refunds it always,
 * when the fault is the merchant's, or when the order is not a presale.
 */
function keptDeposit(linesValue: number, presale: RefundInput['presale'], policy: ReturnPolicy, merchantFault: boolean): number {
  if (presale === null || merchantFault || policy.presaleDepositRefund === 'always') return 0
  const paid = presale.depositPaid + presale.balancePaid
  if (presale.depositPaid <= 0 || paid <= 0) return 0
  return Math.min(presale.depositPaid, mulDivHalfUp(linesValue, presale.depositPaid, paid))
}
