/**
 * Returns (issue 15): a return (RMA) names delivered units of one order a customer sends back,
 * each line with its reason and evidence. Units received wait unsellable at the receiving node
 * until inspected; each inspected unit gets a grade and then exactly one disposition, chosen by
 * the merchant's rules; the refund follows at the step the return policy names.
 */

export const returnStatuses = ['requested', 'approved', 'rejected', 'in_transit', 'received', 'inspected', 'closed', 'cancelled'] as const
export type ReturnStatus = (typeof returnStatuses)[number]

/** Why a customer returns a line; `merchantFault` per reason is the policy's. */
export const returnReasons = ['customer_remorse', 'wrong_item', 'damaged_in_transit', 'defective', 'late_delivery', 'not_as_described', 'other'] as const
export type ReturnReason = (typeof returnReasons)[number]

/** A: resellable as new; B: open box; C: damaged; D: defective. */
export const grades = ['A', 'B', 'C', 'D'] as const
export type Grade = (typeof grades)[number]

export const dispositionKinds = ['restock', 'outlet', 'refurbish', 'return_to_vendor', 'scrap'] as const
export type DispositionKind = (typeof dispositionKinds)[number]

/** When the refund is issued: once the return is approved, once its units are received, or once every unit is inspected. */
export const refundSteps = ['on_approval', 'on_receipt', 'after_inspection'] as const
export type RefundStep = (typeof refundSteps)[number]

/** Who opened a return: the order's channel (for its customer), staff, or a store at its counter. */
export type ReturnOpener = { kind: 'channel'; channelId: string } | { kind: 'staff' } | { kind: 'store'; nodeId: string }

export interface Fee {
  kind: 'percent' | 'fixed'
  /** Percent: 0–100 of the lines' value; fixed: minor units per return. */
  value: number
}

/** The policy one channel's returns follow (with per-category overrides); validated when set (policy.ts). */
export interface ReturnPolicy {
  /** Days from delivery (or collection) during which a return may be opened. */
  windowDays: number
  /** Every reason a customer may give, and whether it is the merchant's fault (no fee; a presale deposit refunded). */
  reasons: Partial<Record<ReturnReason, { merchantFault: boolean }>>
  /** Conditions the customer is told and the inspector checks, e.g. `unopened`. */
  conditions: string[]
  restockingFee: Fee | null
  /** Who pays the return shipping: the customer's share is taken off the refund (waived for the merchant's fault). */
  returnShipping: { paidBy: 'customer' | 'merchant'; costMinor: number }
  refundStep: RefundStep
  /** SKU categories (`attributes.category`) that cannot be returned. */
  nonReturnableCategories: string[]
  /** A presale order's deposit is refunded only when the fault is the merchant's. */
  presaleDepositRefund: 'merchant_fault_only' | 'always'
  /** Per SKU category: fields that replace the channel's. */
  categories: Record<string, Partial<Omit<ReturnPolicy, 'categories' | 'nonReturnableCategories'>>>
}

/** One disposition rule: every condition given must hold; the first rule that matches decides. */
export interface DispositionRule {
  id: string
  when: {
    grades?: Grade[]
    reasons?: ReturnReason[]
    categories?: string[]
    /** The unit's value (its order line's unit price, minor units) at least / below. */
    minUnitValue?: number
    maxUnitValue?: number
  }
  then: { kind: DispositionKind; outletNodeId?: string }
}

export interface ReturnLine {
  lineNo: number
  /** The order line it returns. */
  orderLineNo: number
  skuId: string
  quantity: number
  reason: ReturnReason
  note: string | null
  /** References to the customer's photos (URLs). */
  evidence: string[]
  unitPrice: number
  received: number
}

/** `repaired` / `written_off`: a refurbished unit after its repair was recorded (sellable again, or scrapped). */
export type UnitState = 'awaiting_inspection' | 'inspected' | 'disposed' | 'repaired' | 'written_off'

/** One unit received: its grade and, once decided, its one fate. */
export interface ReturnUnit {
  returnId: string
  lineNo: number
  unitNo: number
  nodeId: string
  state: UnitState
  grade: Grade | null
  notes: string | null
  disposition: DispositionKind | null
  /** Where an `outlet` unit went. */
  outletNodeId: string | null
  /** The rule that matched (null when none did). */
  ruleId: string | null
  receivedAtMs: number
  inspectedAtMs: number | null
}

export interface Return {
  id: string
  orderId: string
  channelId: string
  /** The order's: unit prices and the refund are in it. */
  currency: string
  status: ReturnStatus
  openedBy: string
  /** The node the units are (to be) received at; any node with the `returns` capability. */
  nodeId: string | null
  rejectReason: string | null
  carrier: string | null
  tracking: string | null
  refundStep: RefundStep
  /** The customer asked for the same items again instead of the money: at the refund's step a replacement order is placed. */
  exchange: boolean
  /** The replacement order, once placed. */
  exchangeOrderId: string | null
  /** The refund computed when it was requested (minor units), and when (for an exchange: when the replacement became due). */
  refundAmount: number | null
  refundRequestedAtMs: number | null
  refundedAtMs: number | null
  createdAtMs: number
  updatedAtMs: number
  lines: ReturnLine[]
}
