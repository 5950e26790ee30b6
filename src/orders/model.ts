/**
 * Sales orders (DOMAIN.md §5): lines promised against stock and future supply, a payment plan
 * (in full, or deposit + balance for presale), a lifecycle table and a timeline. Money is
 * integer minor units in the order's currency; days are UTC midnights in epoch ms.
 */
import type { LineAllocation, ReplanRule } from '../promising/index.ts'

export const orderStatuses = ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid', 'shipped', 'delivered', 'cancelled'] as const
export type OrderStatus = (typeof orderStatuses)[number]

export type Fulfilment =
  | { method: 'ship'; region: string }
  | { method: 'pickup'; nodeId: string }

export type PaymentPlan =
  | { kind: 'full' }
  | {
    kind: 'deposit'
    /** What the customer pays now. */
    deposit: number
    /** What the deposit counts for toward the price (more than `deposit` with deposit inflation). */
    depositCredit: number
    /** Price − credit, lowered if the campaign's final price falls. */
    balance: number
    balanceFromMs: number
    balanceByMs: number
  }

export type LineStatus = 'open' | 'shipped' | 'cancelled'

export interface OrderLine {
  lineNo: number
  skuId: string
  nodeId: string
  quantity: number
  unitPrice: number
  allocation: LineAllocation
  /** The rule the line was allocated by; re-promising keeps to it. */
  rule: ReplanRule
  shipByMs: number | null
  deliverByMs: number | null
  /** The first date promised: delays and on-time-to-promise count against it. */
  firstShipByMs: number | null
  /** The first delivery day promised (on-time delivery counts against it) and the node first routed to (fill rate). */
  firstDeliverByMs: number | null
  firstNodeId: string
  priorityClass: number
  placedAtMs: number
  /** `shipped` once every unit has shipped (one shipment or several); `cancelled` with its order. */
  status: LineStatus
  /** Units shipped so far; their stock left O and I when they shipped. */
  shippedQuantity: number
  /** When the line's last units were delivered (what on-time-to-promise is measured against); null before. */
  deliveredAtMs: number | null
}

/** Units of an open line not shipped yet: its stock part still held is `allocation.stockQuantity − shippedQuantity`. */
export const unshippedOf = (l: OrderLine): number => l.quantity - l.shippedQuantity

export interface Order {
  id: string
  channelId: string
  customerId: string
  campaignId: string | null
  status: OrderStatus
  currency: string
  fulfilment: Fulfilment
  payment: PaymentPlan
  /** Sum of line prices: what the order costs. */
  total: number
  paid: number
  refunded: number
  /** Refunds decided (a cancellation) but not yet reported as issued by the payment provider; absent means 0. */
  refundDue?: number
  /** The next payment deadline (payment, deposit or balance); null when nothing is due. */
  dueAtMs: number | null
  reference: string | null
  placedAtMs: number
  updatedAtMs: number
  lines: OrderLine[]
}

/** What is still owed: the total less what was paid and what the deposit counts for beyond itself. */
export function amountOwed(o: Order): number {
  const credit = o.payment.kind === 'deposit' && o.paid >= o.payment.deposit ? o.payment.depositCredit - o.payment.deposit : 0
  return Math.max(0, o.total - o.paid - credit)
}

/** A campaign's end priced an order again: its total, payment plan and deadline, what is owed back, and each line's unit price. */
export interface Reprice {
  total: number
  payment: PaymentPlan
  dueAtMs: number | null
  /** Refunded the difference when a balance was paid at the old price. */
  refundDueAdded: number
  lines: ReadonlyArray<{ lineNo: number; unitPrice: number }>
}
