/**
 * Payments as events from an external payment provider (DOMAIN.md §5, §6): a payment in full, a
 * presale deposit or balance, a refund issued. No card data is stored: only what moved, in which
 * currency, and the provider's reference, which makes each report idempotent.
 */
import { isUniqueViolation, type Queryable } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { formatMoney } from '../kernel/money.ts'
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import { checkTransition, type OrderAction } from './lifecycle.ts'
import { amountOwed, type Order } from './model.ts'
import type { OrderActor, Orders } from './service.ts'
import { loadOrder } from './store.ts'
import { publish } from '../events/index.ts'

export const paymentKinds = ['payment', 'deposit', 'balance', 'refund'] as const
export type PaymentKind = (typeof paymentKinds)[number]

export interface PaymentInput {
  kind: PaymentKind
  amount: number
  currency: string
  providerRef: string
  /** A refund paying a `refund.requested` (its `requestId`). */
  refundRequest?: string
}

export interface Payment extends PaymentInput {
  id: string
  orderId: string
  provider: string
  actor: string
  atMs: number
}

const actionOf: Record<Exclude<PaymentKind, 'refund'>, OrderAction> = { payment: 'pay', deposit: 'pay_deposit', balance: 'pay_balance' }

/**
 * Which lifecycle action a payment drives, checked in a fixed order: the plan, the status, the
 * currency, then the amount (what is expected depends on the first three). A refund goes back
 * the way the money came: at most `providerNet`, what this provider was paid on the order less
 * what it refunded.
 */
export function decidePayment(order: Order, input: PaymentInput, nowMs: number, providerNet = 0): Result<OrderAction | null> {
  const deposit = order.payment.kind === 'deposit'
  if (input.kind !== 'refund' && (input.kind === 'payment') === deposit) {
    return fail('payment_plan_mismatch', `Order ${order.id} is paid ${deposit ? 'as a deposit and a balance' : 'in full'}; a '${input.kind}' does not fit it.`, { plan: order.payment.kind })
  }
  const action = input.kind === 'refund' ? null : actionOf[input.kind]
  if (action) {
    const refused = checkTransition(order, action, 'provider')
    if (refused) return refused
  }
  // The window's end is kept by the due-time poller (forfeit); until it runs, a late balance still pays.
  if (input.kind === 'balance' && order.payment.kind === 'deposit' && nowMs < order.payment.balanceFromMs) {
    return fail('balance_window_not_open', `The balance of order ${order.id} can be paid from ${new Date(order.payment.balanceFromMs).toISOString()}.`, {
      balanceFrom: new Date(order.payment.balanceFromMs).toISOString(),
    })
  }
  if (input.currency !== order.currency) {
    return fail('currency_mismatch', `Order ${order.id} is in ${order.currency}, not ${input.currency}.`, { expected: order.currency })
  }
  if (input.kind === 'refund') {
    const refundable = order.paid - order.refunded
    if (input.amount > refundable) return fail('refund_exceeds_paid', `Only ${formatMoney(refundable, order.currency)} of order ${order.id} can still be refunded.`, { refundable })
    if (input.amount > providerNet) {
      return fail('refund_exceeds_provider_payments', `This provider took ${formatMoney(providerNet, order.currency)} on order ${order.id} net of its refunds; a refund goes back the way the money came.`, { providerNet })
    }
    return ok(null)
  }
  const expected = input.kind === 'deposit' && order.payment.kind === 'deposit' ? order.payment.deposit : amountOwed(order)
  if (input.amount !== expected) return fail('amount_mismatch', `Order ${order.id} expects ${formatMoney(expected, order.currency)} for this ${input.kind}, not ${formatMoney(input.amount, order.currency)}.`, { expected })
  return ok(action)
}

interface PaymentRow {
  id: string
  order_id: string
  kind: string
  amount: number | string
  currency: string
  provider: string
  provider_ref: string
  actor: string
  at: number | string
}

const paymentOf = (r: PaymentRow): Payment => ({
  id: r.id, orderId: r.order_id, kind: r.kind as PaymentKind, amount: Number(r.amount), currency: r.currency,
  provider: r.provider, providerRef: r.provider_ref, actor: r.actor, atMs: Number(r.at),
})

const sameReport = (p: Payment, orderId: string, input: Omit<PaymentInput, 'refundRequest'>): boolean =>
  p.orderId === orderId && p.kind === input.kind && p.amount === input.amount && p.currency === input.currency

/**
 * Records a provider's report and drives the order's lifecycle in one transaction. The same
 * (provider, reference) again answers the first report; with another body it is refused.
 */
export async function recordPayment(orders: Orders, orderId: string, input: PaymentInput, provider: string, by: OrderActor): Promise<Result<{ payment: Payment; replayed: boolean }>> {
  const attempt = () => orders.inTransaction((tx) => recordWithin(orders, tx, orderId, input, provider, by))
  try {
    return await attempt()
  } catch (error) {
    // The same reference reported twice at once: the loser finds the winner's row and replays it.
    if (!isUniqueViolation(error)) throw error
    return attempt()
  }
}

async function recordWithin(orders: Orders, tx: Queryable, orderId: string, input: PaymentInput, provider: string, by: OrderActor): Promise<Result<{ payment: Payment; replayed: boolean }>> {
  // The order first: once it is locked, a report of the same reference racing this one has committed or waits.
  const order = await loadOrder(tx, orderId, true)
  if (!order || (by.channelId !== undefined && order.channelId !== by.channelId)) return notFound('order', orderId)
  const earlier = await tx.get<PaymentRow>('SELECT * FROM payments WHERE provider = ? AND provider_ref = ?', [provider, input.providerRef])
  if (earlier) {
    const payment = paymentOf(earlier)
    return sameReport(payment, orderId, input)
      ? ok({ payment, replayed: true })
      : fail('idempotency_key_reused', `Provider reference '${input.providerRef}' was already reported with another order, kind, amount or currency.`)
  }
  const nowMs = orders.clock.nowMs()
  if (input.refundRequest !== undefined) {
    const requested = await refundRequestState(tx, orderId, input.refundRequest)
    if (input.kind !== 'refund' || requested === 'unknown') {
      return fail('unknown_refund_request', `Order ${orderId} has no refund request '${input.refundRequest}' for a ${input.kind} to pay.`)
    }
    if (requested === 'paid') return fail('refund_request_paid', `Refund request '${input.refundRequest}' of order ${orderId} was paid already (under another provider reference).`)
  }
  const net = input.kind === 'refund' ? netOf(await paymentsOf(tx, orderId, provider)) : 0
  const action = decidePayment(order, input, nowMs, net)
  if (!action.ok) return action
  const { refundRequest: _request, ...reported } = input
  const payment: Payment = { ...reported, id: newId('pay'), orderId, provider, actor: by.actor, atMs: nowMs }
  await tx.run('INSERT INTO payments (id, order_id, kind, amount, currency, provider, provider_ref, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [payment.id, orderId, payment.kind, payment.amount, payment.currency, provider, payment.providerRef, by.actor, nowMs])
  const detail = { paymentId: payment.id, provider, providerRef: payment.providerRef, ...(input.refundRequest !== undefined && { refundRequest: input.refundRequest }) }
  const moved: Result<unknown> = action.value === null
    ? await refund(orders, tx, order, payment, by, detail)
    : await orders.transitionWithin(tx, order, action.value, by, { amount: payment.amount, detail })
  return moved.ok ? ok({ payment, replayed: false }) : (moved as Failure)
}

/** A refund issued: counted as refunded, and what was due to be refunded shrinks by it. */
async function refund(orders: Orders, tx: Queryable, order: Order, payment: Payment, by: OrderActor, detail: Record<string, unknown>): Promise<Result<Order>> {
  const after: Order = {
    ...order,
    refunded: order.refunded + payment.amount,
    refundDue: Math.max(0, (order.refundDue ?? 0) - payment.amount),
    updatedAtMs: payment.atMs,
  }
  await orders.writeChange(tx, order, after, [{ kind: 'refund_issued', detail: { ...detail, amount: payment.amount } }], by, 'refund')
  const request = detail.refundRequest
  if (typeof request === 'string') await orders.refundPaid(tx, after, request, payment.amount, payment.atMs)
  return ok(after)
}

/**
 * A refund the merchant owes (a return's): due on the order at once (at most what is still
 * refundable), and asked of the provider that took most of the money by a `refund.requested`
 * event, in the caller's transaction. The provider's refund report naming `requestId` pays it.
 */
export async function requestRefundWithin(
  orders: Orders, tx: Queryable, orderId: string, request: { requestId: string; amount: number; reason: string; detail?: Record<string, unknown> }, by: OrderActor,
): Promise<Result<{ order: Order; amount: number; provider: string | null }>> {
  const order = await loadOrder(tx, orderId, true)
  if (!order) return notFound('order', orderId)
  const amount = Math.max(0, Math.min(request.amount, order.paid - order.refunded - (order.refundDue ?? 0)))
  const byProvider = new Map<string, number>()
  for (const p of await paymentsOf(tx, orderId)) byProvider.set(p.provider, (byProvider.get(p.provider) ?? 0) + (p.kind === 'refund' ? -p.amount : p.amount))
  const provider = [...byProvider].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
  const nowMs = orders.clock.nowMs()
  const after: Order = { ...order, refundDue: (order.refundDue ?? 0) + amount, updatedAtMs: nowMs }
  await orders.writeChange(tx, order, after, [{ kind: 'refund_requested', detail: { requestId: request.requestId, amount, provider, reason: request.reason, ...request.detail } }], by, 'request_refund')
  await publish(tx, [{
    topic: 'refund.requested', subject: orderId,
    payload: { requestId: request.requestId, orderId, channelId: order.channelId, amount, currency: order.currency, provider, reason: request.reason },
  }], nowMs)
  return ok({ order: after, amount, provider })
}

/** Whether the order asked for this refund, and whether a report has paid it. */
async function refundRequestState(q: Queryable, orderId: string, requestId: string): Promise<'unknown' | 'open' | 'paid'> {
  const rows = await q.all<{ kind: string; detail: string }>(
    "SELECT kind, detail FROM order_events WHERE order_id = ? AND kind IN ('refund_requested', 'refund_issued')", [orderId])
  const named = rows.filter((r) => {
    const d = JSON.parse(r.detail) as { requestId?: string; refundRequest?: string }
    return d.requestId === requestId || d.refundRequest === requestId
  })
  if (!named.some((r) => r.kind === 'refund_requested')) return 'unknown'
  return named.some((r) => r.kind === 'refund_issued') ? 'paid' : 'open'
}

/** Money taken less money refunded. */
const netOf = (payments: readonly Payment[]): number => payments.reduce((n, p) => n + (p.kind === 'refund' ? -p.amount : p.amount), 0)

/** The order's payments, oldest first; a provider sees only its own. */
export async function paymentsOf(q: Queryable, orderId: string, provider?: string): Promise<Payment[]> {
  const rows = provider === undefined
    ? await q.all<PaymentRow>('SELECT * FROM payments WHERE order_id = ? ORDER BY at, id', [orderId])
    : await q.all<PaymentRow>('SELECT * FROM payments WHERE order_id = ? AND provider = ? ORDER BY at, id', [orderId, provider])
  return rows.map(paymentOf)
}
