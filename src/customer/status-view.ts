/**
 * What the shopper sees of one order on its status page, pure: dates promised (and the first
 * promise), whether each line is in stock, ordered ahead of stock or presale, what was paid and
 * what is due, each delay with its reason, new date and compensation, and the messages sent.
 * Never the customer's id, the channel's or the node's: only what the order itself says.
 */
import { dayTextOf, isoOf } from '../kernel/clock.ts'
import { amountOwed, type DelayRow, type MessageRow, type Order, type OrderLine } from '../orders/index.ts'
import { riskNote } from '../promising/index.ts'

export type LineAvailability = 'in_stock' | 'backorder' | 'presale'

/** What the status page knows besides the order: SKU names, delays, messages. */
export interface StatusFacts {
  skuNames: ReadonlyMap<string, { code: string; name: string }>
  /** The store's name, for an order picked up there. */
  pickupAt: string | null
  delays: readonly DelayRow[]
  messages: readonly MessageRow[]
}

const openStatuses = new Set(['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'])

/** In the customer's terms: presale (the campaign's quota), in stock (every unit on the shelf), or ordered ahead of stock. */
export function availabilityOf(order: Order, line: OrderLine): LineAvailability {
  if (order.campaignId !== null || line.allocation.parts.some((p) => p.kind === 'presale')) return 'presale'
  return line.allocation.stockQuantity >= line.quantity ? 'in_stock' : 'backorder'
}

const lineOf = (order: Order, facts: StatusFacts) => (l: OrderLine) => {
  const sku = facts.skuNames.get(l.skuId)
  const cancelled = l.status === 'cancelled'
  return {
    lineNo: l.lineNo,
    sku: sku?.code ?? l.skuId,
    name: sku?.name ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    lineTotal: l.unitPrice * l.quantity,
    status: l.status,
    availability: availabilityOf(order, l),
    promisedShipDate: cancelled ? null : dayTextOf(l.shipByMs),
    promisedDeliveryDate: cancelled ? null : dayTextOf(l.deliverByMs),
    firstPromisedShipDate: dayTextOf(l.firstShipByMs),
    riskNote: l.status === 'open' ? riskNote(l.allocation) : null,
  }
}

const paymentOf = (o: Order) => {
  const closed = o.status === 'cancelled' || o.status === 'shipped' || o.status === 'delivered'
  const deposit = o.payment.kind === 'deposit' ? o.payment : undefined
  return {
    plan: o.payment.kind,
    total: o.total,
    paid: o.paid,
    refunded: o.refunded,
    refundDue: o.refundDue ?? 0,
    amountDue: closed ? 0 : amountOwed(o),
    dueAt: isoOf(o.dueAtMs),
    deposit: deposit?.deposit ?? null,
    depositCredit: deposit?.depositCredit ?? null,
    balance: deposit?.balance ?? null,
    balanceFrom: isoOf(deposit?.balanceFromMs),
    balanceBy: isoOf(deposit?.balanceByMs),
  }
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v))

const delayOf = (orderOpen: boolean) => (d: DelayRow) => {
  const compensation = JSON.parse(d.compensation) as { kind: string; amountMinor: number; currency: string }
  return {
    lineNo: Number(d.line_no),
    cause: d.cause,
    reason: d.reason,
    oldShipDate: dayTextOf(num(d.old_ship_by)),
    newShipDate: dayTextOf(num(d.new_ship_by)),
    daysLate: num(d.days_late),
    compensation: { kind: compensation.kind, amount: compensation.amountMinor, currency: compensation.currency },
    status: d.status,
    offerOpen: orderOpen && d.status === 'open',
    at: isoOf(Number(d.created_at)),
  }
}

const messageOf = (m: MessageRow) => ({ kind: m.kind, subject: m.subject, body: m.body, sentAt: isoOf(Number(m.created_at)) })

/** The order as its customer may see it through the status link. */
export function customerStatusView(o: Order, facts: StatusFacts) {
  const lines = o.lines.map(lineOf(o, facts))
  const live = lines.filter((l) => l.status !== 'cancelled')
  const orderOpen = openStatuses.has(o.status)
  const delays = facts.delays.map(delayOf(orderOpen))
  return {
    orderId: o.id,
    reference: o.reference,
    status: o.status,
    placedAt: isoOf(o.placedAtMs),
    updatedAt: isoOf(o.updatedAtMs),
    currency: o.currency,
    fulfilment: o.fulfilment.method,
    region: o.fulfilment.method === 'ship' ? o.fulfilment.region : null,
    pickupAt: facts.pickupAt,
    presale: o.campaignId !== null,
    promisedShipDate: latest(live.map((l) => l.promisedShipDate)),
    promisedDeliveryDate: latest(live.map((l) => l.promisedDeliveryDate)),
    lines,
    payment: paymentOf(o),
    delays,
    /** The customer may cancel for a full refund (deposit included) while a delay's offer is open. */
    canCancelForFullRefund: delays.some((d) => d.offerOpen),
    messages: facts.messages.map(messageOf),
  }
}

/** The order arrives when its last line does; unknown while any line has no date. */
function latest(days: Array<string | null>): string | null {
  if (days.length === 0 || days.some((d) => d === null)) return null
  return (days as string[]).reduce((a, b) => (b > a ? b : a))
}
