/**
 * The sales-order lifecycle as data: which action may run from which status, what status it
 * leads to, and which party may run it. Tests walk every cell of this table; the service checks
 * it before deciding anything else, so an illegal step is a result code, never a crash.
 */
import { checkAction, type LifecycleRefusal, type LifecycleTable, type Transition } from '../kernel/lifecycle.ts'
import type { OrderStatus } from './model.ts'

export const orderActions = ['pay', 'pay_deposit', 'pay_balance', 'expire', 'forfeit', 'cancel', 'cancel_for_delay', 'ship', 'deliver', 'reprice'] as const
export type OrderAction = (typeof orderActions)[number]

/**
 * customer: the channel the order was placed through, acting for its shopper; merchant: staff
 * (admin, ops); provider: a payment provider (or staff recording a payment by hand); system:
 * the due-time poller and other automatic steps.
 */
export type Party = 'customer' | 'merchant' | 'provider' | 'system'

/** `to` is absent when the status stays (a presale reprice). */
export type OrderTransition = Transition<OrderStatus, Party> & { to?: OrderStatus; by: readonly Party[] }

const open = ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'] as const

export const orderTransitions: LifecycleTable<OrderAction, OrderStatus, Party> & Record<OrderAction, OrderTransition> = {
  pay: { from: ['pending_payment'], to: 'paid', by: ['provider'], summary: 'the customer paid the whole order' },
  pay_deposit: { from: ['pending_deposit'], to: 'deposit_paid', by: ['provider'], summary: 'the presale deposit was paid; the balance is due in its window' },
  // The system settles a balance of zero (the deposit covers the final price) when the campaign ends.
  pay_balance: { from: ['deposit_paid'], to: 'paid', by: ['provider', 'system'], summary: 'the presale balance was paid (or nothing was left to pay)' },
  expire: { from: ['pending_payment', 'pending_deposit'], to: 'cancelled', by: ['system'], summary: 'unpaid past the payment deadline: cancelled, holds released' },
  forfeit: { from: ['deposit_paid'], to: 'cancelled', by: ['system'], summary: 'balance unpaid past its window: cancelled, the deposit is kept' },
  cancel: {
    from: open, to: 'cancelled', by: ['customer', 'merchant'],
    summary: 'cancel before shipping: unpaid is free, paid is refunded in full, a paid deposit is forfeited unless a delay offer is open (the merchant cancelling refunds everything)',
  },
  cancel_for_delay: { from: open, to: 'cancelled', by: ['customer', 'merchant'], summary: 'accept a delay’s offer to cancel: full refund, deposit included' },
  ship: { from: ['paid'], to: 'shipped', by: ['merchant'], summary: 'hand every unit to the carrier (or the shopper, for pickup); all must be held as stock' },
  deliver: { from: ['shipped'], to: 'delivered', by: ['merchant', 'system'], summary: 'the carrier delivered, or the shopper collected' },
  // The status stays: only the price, the balance and its window change.
  reprice: { from: ['pending_deposit', 'deposit_paid', 'paid'], by: ['system'], summary: 'the presale campaign ended: the final price (never above the one shown), the balance and its window; a balance paid at the old price is refunded the difference' },
}

/** Refuses an action the party or the status does not allow: 403 for the party, 409 for the status. */
export function checkTransition(order: { id: string; status: OrderStatus }, action: OrderAction, party: Party): LifecycleRefusal | undefined {
  return checkAction(orderTransitions, { kind: 'order', ref: order.id, status: order.status }, action, party)
}
