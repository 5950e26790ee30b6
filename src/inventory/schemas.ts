/** Request and response schemas: they validate requests and generate the OpenAPI document. */
import { named } from '../http/support.ts'
import { Type } from '@sinclair/typebox'
import { maxQuantity } from './model.ts'

export const Quantity = Type.Integer({ minimum: 1, maximum: maxQuantity, description: 'Units, a positive whole number' })
export const Ref = Type.String({ minLength: 1, maxLength: 100, description: 'Id or code' })
export const Reason = Type.String({ minLength: 1, maxLength: 200 })
export const Reference = Type.String({ minLength: 1, maxLength: 200, description: 'The document behind the change (ASN, count sheet, order number…)' })
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()])
const NullableString = Type.Union([Type.String(), Type.Null()])

export const PositionBody = Type.Object({
  sku: Ref,
  node: Ref,
  quantity: Quantity,
  reason: Type.Optional(Reason),
  reference: Type.Optional(Reference),
}, { additionalProperties: false })

export const CountBody = Type.Object({
  sku: Ref,
  node: Ref,
  countedQuantity: Type.Integer({ minimum: 0, maximum: maxQuantity, description: 'Units physically found, including unsellable ones' }),
  reason: Type.Optional(Reason),
  reference: Type.Optional(Reference),
}, { additionalProperties: false })

export const AdjustBody = Type.Object({
  sku: Ref,
  node: Ref,
  quantity: Type.Integer({ minimum: -maxQuantity, maximum: maxQuantity, not: { const: 0 }, description: 'Signed change to on hand, never 0' }),
  reason: Reason,
  reference: Type.Optional(Reference),
}, { additionalProperties: false })

export const VirtualBody = Type.Object({
  sku: Ref,
  node: Ref,
  quantity: Type.Integer({ minimum: 0, maximum: maxQuantity, description: 'The allowance the supplier can deliver fast; replaces the previous one' }),
  reason: Type.Optional(Reason),
}, { additionalProperties: false })

export const LockBody = named('LockRequest', Type.Object({
  sku: Ref,
  node: Ref,
  quantity: Quantity,
  reason: Reason,
  releaseAt: Type.Optional(Type.String({ format: 'date-time', description: 'Released automatically at this time' })),
  channel: Type.Optional(Type.String({
    minLength: 1, maxLength: 100,
    description: "Ring-fence the units for this channel (id or code): locked for everyone else, sellable for it alone; its reservations and orders at the node take them first (the lock's quantity falls as they do, and at 0 it is released). Units those holds give back later return to general stock, not to the fence.",
  })),
}, { additionalProperties: false }))

export const PositionView = named('Position', Type.Object({
  skuId: Type.String(), nodeId: Type.String(),
  onHand: Type.Integer(), reserved: Type.Integer(), unsellable: Type.Integer(), locked: Type.Integer(),
  transferReserved: Type.Integer(), inTransit: Type.Integer(), virtual: Type.Integer(),
  sellable: Type.Integer({ description: 'S = I − O − U − L + V − T; negative is a shortage' }),
  shortage: Type.Integer(),
}))

export const PositionChange = named('PositionChange', Type.Object({ position: PositionView, shortage: Type.Integer({ description: 'Units promised beyond what is there after this change' }) }))

export const MovementView = named('Movement', Type.Object({
  id: Type.Integer(), skuId: Type.String(), nodeId: Type.String(), kind: Type.String(), quantity: Type.Integer(),
  requestCount: Type.Integer({ description: 'Requests this movement stands for (reservations are coalesced per batch)' }),
  onHand: Type.Integer(), reserved: Type.Integer(), unsellable: Type.Integer(), locked: Type.Integer(),
  transferReserved: Type.Integer(), inTransit: Type.Integer(), virtual: Type.Integer(),
  reason: NullableString, refType: NullableString, refId: NullableString, batchId: Type.String(), actor: Type.String(),
  at: Type.String({ format: 'date-time' }),
}))

export const LockView = named('Lock', Type.Object({
  id: Type.String(), skuId: Type.String(), nodeId: Type.String(), quantity: Type.Integer(), reason: Type.String(),
  status: Type.String(), channelId: Type.Union([Type.String(), Type.Null()], { description: 'The channel the units are ring-fenced for; null for a plain lock. quantity is what is left of the fence' }),
  releaseAt: When, actor: Type.String(), createdAt: Type.String(), releasedAt: When,
}))

export const ReservationView = named('Reservation', Type.Object({
  id: Type.String(), skuId: Type.String(), nodeId: Type.String(), quantity: Type.Integer(),
  status: Type.Union([Type.Literal('held'), Type.Literal('committed'), Type.Literal('released')]),
  channelId: NullableString, reference: NullableString, holdUntil: When, actor: Type.String(),
  createdAt: Type.String(), endedAt: When, endReason: NullableString,
}))

export const TransferView = named('Transfer', Type.Object({
  id: Type.String(), skuId: Type.String(), fromNodeId: Type.String(), toNodeId: Type.String(), quantity: Type.Integer(),
  status: Type.String(), quantityReceived: Type.Union([Type.Integer(), Type.Null()]),
  discrepancy: Type.Union([Type.Integer(), Type.Null()]), eta: When, carrier: NullableString, tracking: NullableString,
  actor: Type.String(), createdAt: Type.String(), shippedAt: When, receivedAt: When, cancelledAt: When,
}))

export const ReserveLine = Type.Object({ sku: Ref, node: Ref, quantity: Quantity }, { additionalProperties: false })

const holdFields = {
  holdSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600, description: 'Released automatically after this many seconds unless committed' })),
  channel: Type.Optional(Ref),
  reference: Type.Optional(Reference),
}

export const ReserveBody = named('ReserveRequest', Type.Object({ sku: Ref, node: Ref, quantity: Quantity, ...holdFields }, { additionalProperties: false }))

export const BulkReserveBody = named('BulkReserveRequest', Type.Object({
  lines: Type.Array(ReserveLine, { minItems: 1, maxItems: 1000 }),
  atomic: Type.Optional(Type.Boolean({ default: true, description: 'All lines or none (default); false decides each line alone' })),
  ...holdFields,
}, { additionalProperties: false }))

export const TransferBody = named('TransferRequest', Type.Object({
  sku: Ref,
  from: Ref,
  to: Ref,
  quantity: Quantity,
  eta: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false }))

export const ShipBody = Type.Object({
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  tracking: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  eta: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false })

export const ReceiveTransferBody = Type.Object({
  receivedQuantity: Type.Integer({ minimum: 0, maximum: maxQuantity }),
}, { additionalProperties: false })

export const ReasonBody = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false })

export const TransferEtaBody = Type.Object({
  eta: Type.String({ format: 'date', description: 'The new arrival day, YYYY-MM-DD (UTC)' }),
  // A blank reason explains nothing to whoever reads the supply event later.
  reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Why the arrival moved' }),
}, { additionalProperties: false })
