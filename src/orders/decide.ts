/**
 * What each lifecycle action does to an order, pure: the status it leads to, the money it moves
 * (paid, refunds decided), which holds it gives back or ships, and the timeline entry. The
 * stock itself is changed by the service under the position locks.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { checkTransition, orderTransitions, type OrderAction, type Party } from './lifecycle.ts'
import type { Order, OrderLine, Reprice } from './model.ts'
import type { OrderEventDraft } from './store.ts'

export interface ActionContext {
  nowMs: number
  party: Party
  /** A delay on the order offers to cancel with a full refund (an `order_delays` row still open). */
  delayOfferOpen: boolean
  /** Money moved by a payment action (minor units). */
  amount?: number
  /** Anything the caller wants on the timeline (a reason, the payment id). */
  detail: Record<string, unknown>
  /** A presale reprice's new terms. */
  reprice?: Reprice
}

export interface ActionDecision {
  order: Order
  /** Release the open lines' holds (stock and promised slot units), or ship their stock. */
  stock: 'release' | 'commit' | null
  /** Mark the order's open delay offers as accepted. */
  acceptDelays: boolean
  events: OrderEventDraft[]
}

/** Timeline names: what happened, in the past tense. */
export const eventKindOf: Record<OrderAction, string> = {
  pay: 'paid', pay_deposit: 'deposit_paid', pay_balance: 'balance_paid', expire: 'expired', forfeit: 'forfeited',
  cancel: 'cancelled', cancel_for_delay: 'cancelled_for_delay', ship: 'shipped', deliver: 'delivered', reprice: 'presale_repriced',
}

/** What may still be refunded: paid less refunds issued and refunds already decided. */
const refundable = (o: Order): number => o.paid - o.refunded - (o.refundDue ?? 0)

export function decideAction(order: Order, action: OrderAction, c: ActionContext): Result<ActionDecision> {
  const refused = checkTransition(order, action, c.party)
  if (refused) return refused
  const to = orderTransitions[action].to ?? order.status
  const after: Order = { ...order, status: to, updatedAtMs: c.nowMs }
  const detail: Record<string, unknown> = { from: order.status, to, ...c.detail }
  let stock: ActionDecision['stock'] = null
  let acceptDelays = false
  switch (action) {
    case 'pay': case 'pay_deposit': case 'pay_balance': {
      if (c.amount === undefined) return fail('amount_required', 'A payment action needs the amount paid.')
      after.paid = order.paid + c.amount
      after.dueAtMs = action === 'pay_deposit' && order.payment.kind === 'deposit' ? order.payment.balanceByMs : null
      detail.amount = c.amount
      break
    }
    case 'expire': case 'forfeit':
      stock = 'release'
      after.dueAtMs = null
      if (action === 'forfeit') detail.depositKept = order.paid - order.refunded
      break
    case 'cancel': case 'cancel_for_delay': {
      if (action === 'cancel_for_delay' && !c.delayOfferOpen) {
        return fail('no_delay_offer', `Order ${order.id} has no open delay offer to accept; cancel it instead.`)
      }
      const shipped = order.lines.filter((l) => l.shippedQuantity > 0)
      if (shipped.length > 0) {
        return fail('order_partly_shipped', `Order ${order.id} has shipped units: cancel its open shipments instead, and refund what did not ship.`,
          { lines: shipped.map((l) => ({ lineNo: l.lineNo, shippedQuantity: l.shippedQuantity })) })
      }
      stock = 'release'
      after.dueAtMs = null
      // A deposit is forfeited only when the customer walks away from a promise still kept.
      const keepsDeposit = action === 'cancel' && order.status === 'deposit_paid' && c.party === 'customer' && !c.delayOfferOpen
      const refund = keepsDeposit ? 0 : refundable(order)
      after.refundDue = (order.refundDue ?? 0) + refund
      acceptDelays = c.delayOfferOpen && !keepsDeposit
      detail.refundDue = refund
      if (keepsDeposit) detail.depositKept = order.paid - order.refunded
      if (acceptDelays) detail.delayAccepted = true
      break
    }
    case 'ship': {
      if (order.paid > 0 && order.refunded >= order.paid) {
        return fail('order_refunded', `Order ${order.id} was refunded in full: cancel it instead of shipping it.`)
      }
      const notReady = order.lines.filter((l) => l.status === 'open' && l.allocation.stockQuantity !== l.quantity)
      if (notReady.length > 0) return notReadyToShip(order, notReady)
      stock = 'commit'
      break
    }
    case 'deliver':
      after.dueAtMs = null
      after.lines = order.lines.map((l) => (l.status === 'shipped' && l.deliveredAtMs === null ? { ...l, deliveredAtMs: c.nowMs } : l))
      break
    case 'reprice': {
      const r = c.reprice
      if (!r) return fail('reprice_terms_required', 'A reprice needs the new total, payment plan, deadline and line prices.')
      Object.assign(after, { total: r.total, payment: r.payment, dueAtMs: r.dueAtMs, refundDue: (order.refundDue ?? 0) + r.refundDueAdded })
      const prices = new Map(r.lines.map((l) => [l.lineNo, l.unitPrice]))
      after.lines = order.lines.map((l) => ({ ...l, unitPrice: prices.get(l.lineNo) ?? l.unitPrice }))
      detail.total = r.total
      break
    }
  }
  const lineStatus = stock === 'release' ? 'cancelled' : stock === 'commit' ? 'shipped' : undefined
  if (lineStatus) after.lines = order.lines.map((l) => (l.status === 'open' ? { ...l, status: lineStatus, ...(stock === 'commit' && { shippedQuantity: l.quantity }) } : l))
  return ok({ order: after, stock, acceptDelays, events: [{ kind: eventKindOf[action], detail }] })
}

export function notReadyToShip(order: Order, lines: OrderLine[]): Result<never> {
  return fail('not_ready_to_ship', `Order ${order.id} cannot ship yet: not every unit is held as stock.`, {
    lines: lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, stockQuantity: l.allocation.stockQuantity })),
  })
}
