/** The public customer routes' schemas: the order status page's data and the widget's promise. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { orderStatuses } from '../orders/index.ts'
import { promiseKinds, waitingKinds } from './promise.ts'

const Day = Nullable(Type.String({ description: 'YYYY-MM-DD' }))
const Instant = Nullable(Type.String({ format: 'date-time' }))
const Money = Type.Integer({ description: 'Integer minor units of the order’s currency' })

/** The token in the path: the shape is checked by the route (a wrong one is simply not found). */
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100, description: 'The order’s status token (`ost_…`), from its status link' }) })

const StatusLine = named('OrderStatusLine', Type.Object({
  lineNo: Type.Integer(),
  sku: Type.String({ description: 'The SKU’s code' }),
  name: Type.String({ description: 'The SKU’s name' }),
  quantity: Type.Integer(), unitPrice: Money, lineTotal: Money,
  status: literals(['open', 'shipped', 'cancelled']),
  availability: literals(['in_stock', 'backorder', 'presale']),
  promisedShipDate: Day, promisedDeliveryDate: Day,
  firstPromisedShipDate: Nullable(Type.String({ description: 'YYYY-MM-DD: the ship date first promised; delays count against it' })),
  riskNote: Nullable(Type.String({ description: 'Why the date could move, in plain words' })),
}))

const StatusPayment = named('OrderStatusPayment', Type.Object({
  plan: literals(['full', 'deposit']),
  total: Money, paid: Money, refunded: Money,
  refundDue: Type.Integer({ description: 'Refunds decided but not yet issued' }),
  amountDue: Type.Integer({ description: 'What is still to pay (0 once cancelled, shipped or delivered)' }),
  dueAt: Instant,
  deposit: Nullable(Money), depositCredit: Nullable(Money), balance: Nullable(Money),
  balanceFrom: Instant, balanceBy: Instant,
}))

const StatusDelay = named('OrderStatusDelay', Type.Object({
  lineNo: Type.Integer(),
  cause: Type.String({ description: 'The kind of cause (eta_moved, shortage, …)' }),
  reason: Type.String({ description: 'The cause in plain words, as told to the customer' }),
  oldShipDate: Day, newShipDate: Day,
  daysLate: Nullable(Type.Integer()),
  compensation: Type.Object({ kind: Type.String({ description: '`coupon`, `presale_penalty` or `none`' }), amount: Money, currency: Type.String() }),
  status: Type.String({ description: '`open`, `accepted` (the customer cancelled) or `resolved` (back on the first promise)' }),
  offerOpen: Type.Boolean({ description: 'The customer may still cancel for a full refund, deposit included' }),
  at: Type.String(),
}))

export const CustomerOrderStatus = named('CustomerOrderStatus', Type.Object({
  orderId: Type.String({ description: 'The order number' }),
  reference: Nullable(Type.String({ description: 'The shop’s own order reference' })),
  status: literals(orderStatuses),
  placedAt: Type.String(), updatedAt: Type.String(),
  currency: Type.String(),
  fulfilment: literals(['ship', 'pickup']),
  region: Nullable(Type.String({ description: 'The delivery region (shipped orders)' })),
  pickupAt: Nullable(Type.String({ description: 'The store’s name (orders picked up in store)' })),
  presale: Type.Boolean(),
  promisedShipDate: Day, promisedDeliveryDate: Day,
  lines: Type.Array(StatusLine),
  payment: StatusPayment,
  delays: Type.Array(StatusDelay),
  canCancelForFullRefund: Type.Boolean({ description: 'A delay’s offer is open: POST …/cancel cancels for a full refund' }),
  messages: Type.Array(Type.Object({ kind: Type.String(), subject: Type.String(), body: Type.String(), sentAt: Type.String() })),
}, { description: 'One order as its customer sees it: no customer, channel or warehouse data' }))

export const PromiseQuery = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 100, description: 'The SKU’s id or code' }),
  channel: Type.String({ minLength: 1, maxLength: 100, description: 'The shop’s channel, by id or code' }),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The shopper’s delivery region; without it there is no delivery date' })),
  quantity: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', default: '1', description: 'Units, 1 to 999999 (default 1)' })),
}, { additionalProperties: false })

export const ShopperPromise = named('ShopperPromise', Type.Object({
  kind: literals(promiseKinds),
  today: Type.String({ description: 'YYYY-MM-DD: the server’s day (UTC) the dates count from' }),
  shipBy: Day, deliverBy: Day,
  confidence: Nullable(literals(['high', 'medium', 'low'])),
  waitingFor: Type.Optional(literals(waitingKinds)),
  deposit: Type.Optional(Type.Integer({ description: 'Presale: the deposit for the quantity, minor units of `currency`' })),
  price: Type.Optional(Type.Integer({ description: 'Presale: the price for the quantity at today’s tier, minor units' })),
  currency: Type.Optional(Type.String()),
  campaign: Type.Optional(Type.Object({ code: Type.String(), name: Type.String(), endsAt: Type.String() })),
}, { description: 'What a shop may show its shopper: dates and confidence, never quantities or locations' }))
