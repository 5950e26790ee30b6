/** Orders on the wire: days as YYYY-MM-DD, instants as ISO times, what is owed and refundable spelled out. */
import { dayTextOf, isoOf } from '../kernel/clock.ts'
import { riskNote } from '../promising/index.ts'
import { amountOwed, type Order, type OrderLine, type PaymentPlan } from './model.ts'
import type { Payment } from './payments.ts'
import type { OrderEvent } from './store.ts'

const dayOf = dayTextOf

const planView = (p: PaymentPlan) => (p.kind === 'full' ? { kind: p.kind } : {
  kind: p.kind, deposit: p.deposit, depositCredit: p.depositCredit, balance: p.balance,
  balanceFrom: isoOf(p.balanceFromMs), balanceBy: isoOf(p.balanceByMs),
})

/**
 * A cancelled line holds nothing and is promised nothing: no allocation, no promised dates, no
 * risk. Its first promised ship date stays: it is history (what the customer was told at placement).
 */
export const lineView = (l: OrderLine) => {
  const cancelled = l.status === 'cancelled'
  return {
    lineNo: l.lineNo,
    skuId: l.skuId,
    nodeId: l.nodeId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    status: l.status,
    stockQuantity: cancelled ? 0 : l.allocation.stockQuantity,
    unallocated: cancelled ? 0 : l.allocation.unallocated,
    allocations: cancelled ? [] : l.allocation.parts.map((a) => ({ source: a.source, kind: a.kind, quantity: a.quantity, readyDate: dayOf(a.availableAtMs) })),
    promisedShipDate: cancelled ? null : dayOf(l.shipByMs),
    promisedDeliveryDate: cancelled ? null : dayOf(l.deliverByMs),
    firstPromisedShipDate: dayOf(l.firstShipByMs),
    priorityClass: l.priorityClass,
    riskNote: l.status === 'open' ? riskNote(l.allocation) : null,
    shippedQuantity: l.shippedQuantity,
    deliveredAt: l.deliveredAtMs === null ? null : new Date(l.deliveredAtMs).toISOString(),
  }
}

export const orderView = (o: Order) => {
  const lines = o.lines.map(lineView)
  const live = lines.filter((l) => l.status !== 'cancelled')
  return {
    id: o.id,
    channelId: o.channelId,
    customerId: o.customerId,
    campaignId: o.campaignId,
    status: o.status,
    currency: o.currency,
    fulfilment: o.fulfilment,
    paymentPlan: planView(o.payment),
    total: o.total,
    paid: o.paid,
    refunded: o.refunded,
    refundDue: o.refundDue ?? 0,
    amountOwed: o.status === 'cancelled' || o.status === 'shipped' || o.status === 'delivered' ? 0 : amountOwed(o),
    dueAt: isoOf(o.dueAtMs),
    reference: o.reference,
    promisedShipDate: latest(live.map((l) => l.promisedShipDate)),
    promisedDeliveryDate: latest(live.map((l) => l.promisedDeliveryDate)),
    /** The least certain open line's risk, in the customer's words. */
    riskNote: lines.find((l) => l.riskNote !== null)?.riskNote ?? null,
    placedAt: isoOf(o.placedAtMs),
    updatedAt: isoOf(o.updatedAtMs),
    lines,
  }
}

/** The order arrives when its last line does; unknown while any line has no date, none when every line is cancelled. */
function latest(days: Array<string | null>): string | null {
  if (days.length === 0 || days.some((d) => d === null)) return null
  // YYYY-MM-DD sorts as the days do.
  return (days as string[]).reduce((a, b) => (b > a ? b : a))
}

export const eventView = (e: OrderEvent) => ({ id: e.id, kind: e.kind, actor: e.actor, detail: e.detail, at: isoOf(e.atMs) })

/** Placement is not a row of its own (it stays two rows, order and lines, inside the engine batch): told from the order. */
export const placedEventView = (o: Order) => ({
  id: 0,
  kind: 'placed',
  actor: `channel:${o.channelId}`,
  detail: { customerId: o.customerId, total: o.total, currency: o.currency, lines: o.lines.length },
  at: isoOf(o.placedAtMs),
})

export const paymentView = (p: Payment) => ({
  id: p.id, orderId: p.orderId, kind: p.kind, amount: p.amount, currency: p.currency, provider: p.provider, providerRef: p.providerRef,
  actor: p.actor, at: isoOf(p.atMs),
})
