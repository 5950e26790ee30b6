/** Order and payment request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { maxQuantity } from '../inventory/index.ts'
import { orderStatuses } from './model.ts'
import { paymentKinds } from './payments.ts'
import { PickupContact, ShipTo } from './contact-schemas.ts'


export const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const Money = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units (fen, cents)' })
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })
export const maxLinesPerOrder = 100

export const CreateOrderBody = named('PlaceOrderRequest', Type.Object({
  channel: Type.Optional(Ref),
  customerId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:@-]+$', description: 'The channel’s own customer id (no personal data)' }),
  currency: Type.Optional(Currency),
  lines: Type.Array(Type.Object({
    sku: Ref,
    quantity: Type.Integer({ minimum: 1, maximum: maxQuantity }),
    unitPrice: Money,
    node: Type.Optional(Ref),
  }, { additionalProperties: false }), { minItems: 1, maxItems: maxLinesPerOrder }),
  fulfilment: Type.Union([
    Type.Object({ method: Type.Literal('ship'), region: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
    Type.Object({ method: Type.Literal('pickup'), nodeId: Ref }, { additionalProperties: false }),
  ]),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  customerTier: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A tier from the promising settings; sets the priority in re-promising' })),
  shipTo: Type.Optional(ShipTo),
  contact: Type.Optional(PickupContact),
}, { additionalProperties: false }))

/** A yes/no filter in a query string. */
const Flag = (description: string) => Type.Union([Type.Literal('true'), Type.Literal('false')], { description })

export const ListQuery = Type.Object({
  channel: Type.Optional(Ref),
  status: Type.Optional(literals(orderStatuses)),
  customer: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  delayed: Type.Optional(Flag('true: only orders with a delay record; false: only orders without one')),
  presale: Type.Optional(Flag('true: only presale (campaign) orders; false: only the others')),
  placedFrom: Type.Optional(Type.String({ format: 'date', description: 'Placed on or after this day (YYYY-MM-DD, UTC)' })),
  placedTo: Type.Optional(Type.String({ format: 'date', description: 'Placed on or before this day (YYYY-MM-DD, UTC)' })),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
}, { additionalProperties: false })

export const CancelBody = Type.Object({
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  acceptDelayOffer: Type.Optional(Type.Boolean({ description: 'Accept an open delay’s offer: cancel with a full refund, deposit included' })),
}, { additionalProperties: false })

export const ShipBody = Type.Object({
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  tracking: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}, { additionalProperties: false })

export const PaymentBody = named('PaymentRequest', Type.Object({
  kind: literals(paymentKinds),
  amount: Type.Integer({ minimum: 1, maximum: 1e12, description: 'Integer minor units' }),
  currency: Currency,
  providerRef: Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'The provider’s own id for this payment; reporting it again is a replay' }),
  refundRequest: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'For a refund: the `requestId` of the `refund.requested` event it pays (a return’s refund); each request is paid once' })),
}, { additionalProperties: false, description: 'No card or account data: unknown fields are refused' }))

const Day = Nullable(Type.String({ description: 'YYYY-MM-DD' }))
const Instant = Nullable(Type.String({ format: 'date-time' }))

const LineView = named('OrderLine', Type.Object({
  lineNo: Type.Integer(), skuId: Type.String(), nodeId: Type.String(), quantity: Type.Integer(), unitPrice: Type.Integer(),
  status: literals(['open', 'shipped', 'cancelled']), stockQuantity: Type.Integer(), unallocated: Type.Integer(),
  allocations: Type.Array(Type.Object({ source: Type.String(), kind: Type.String(), quantity: Type.Integer(), readyDate: Day })),
  promisedShipDate: Day, promisedDeliveryDate: Day,
  firstPromisedShipDate: Nullable(Type.String({ description: 'YYYY-MM-DD: the ship date promised at placement: history, kept on a cancelled line too (whose allocations are empty and promised dates null)' })),
  priorityClass: Type.Integer(), riskNote: Nullable(Type.String()),
  shippedQuantity: Type.Integer({ description: 'Units shipped so far (by one shipment or several)' }),
  deliveredAt: Nullable(Type.String({ description: 'When the line’s last units were delivered: what on-time-to-promise is measured against' })),
}))

export const OrderView = named('Order', Type.Object({
  id: Type.String(), channelId: Type.String(), customerId: Type.String(), campaignId: Nullable(Type.String()),
  status: literals(orderStatuses), currency: Type.String(),
  fulfilment: Type.Object({ method: Type.String(), region: Type.Optional(Type.String()), nodeId: Type.Optional(Type.String()) }),
  paymentPlan: Type.Object({
    kind: Type.String(), deposit: Type.Optional(Type.Integer()), depositCredit: Type.Optional(Type.Integer()), balance: Type.Optional(Type.Integer()),
    balanceFrom: Type.Optional(Instant), balanceBy: Type.Optional(Instant),
  }),
  total: Type.Integer(), paid: Type.Integer(), refunded: Type.Integer(),
  refundDue: Type.Integer({ description: 'Refunds decided but not yet reported as issued by the payment provider' }),
  amountOwed: Type.Integer(), dueAt: Instant, reference: Nullable(Type.String()),
  promisedShipDate: Day, promisedDeliveryDate: Day, riskNote: Nullable(Type.String()),
  placedAt: Type.String(), updatedAt: Type.String(), lines: Type.Array(LineView),
  pickup: Type.Optional(Type.Object({
    sla: Nullable(literals(['same_day', 'next_day'] as const)),
    readyBy: Type.String({ format: 'date', description: 'The store’s date every line can be collected' }),
  }, { description: 'A pickup order (placing it and reading it): when it can be collected at the store, by the store’s pickup cut-off and working days' })),
  statusToken: Type.Optional(Type.String({ description: 'The customer’s token for this one order (`ost_…`): read-only, except accepting a delay offer. Given at placement and on reading one order.' })),
  statusUrl: Type.Optional(Type.String({ description: 'The customer’s order status page: hand it to the shopper (e-mail, order confirmation). The same link on every replay.' })),
  // Personal data: only on placing and reading one order, as far as the caller may see it (orders/contact.ts contactSeenBy).
  shipTo: Type.Optional(ShipTo),
  contact: Type.Optional(PickupContact),
}))

export const EventView = named('OrderEvent', Type.Object({
  id: Type.Integer(), kind: Type.String(), actor: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()), at: Type.String(),
}))

export const PaymentView = named('Payment', Type.Object({
  id: Type.String(), orderId: Type.String(), kind: literals(paymentKinds), amount: Type.Integer(), currency: Type.String(),
  provider: Type.String(), providerRef: Type.String(), actor: Type.String(), at: Type.String(),
}))
