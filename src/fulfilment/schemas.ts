/** Shipment request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { maxQuantity } from '../inventory/index.ts'
import { ShipToSchema } from '../orders/index.ts'
import { dropshipRejectReasons, rejectReasons, shipmentStatuses } from './model.ts'
import { dropshipStatuses } from './dropship.ts'

const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description })
const LineNo = Type.Integer({ minimum: 1, maximum: 1000, description: 'The order line number' })

export const ShipmentLineView = named('ShipmentLine', Type.Object({
  lineNo: Type.Integer(), skuId: Type.String(), quantity: Type.Integer(), status: literals(['open', 'rejected'] as const),
}))

export const PackageSchema = named('ShipmentPackage', Type.Object({
  reference: Text(100, 'The parcel’s label or number'),
  weightGrams: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  tracking: Type.Optional(Text(100, 'The parcel’s own tracking number, when the carrier gives one per parcel')),
}, { additionalProperties: false }))

export const PickupView = named('Pickup', Type.Object({
  state: literals(['ready', 'collected', 'expired', 'closed'] as const),
  attempts: Type.Integer({ description: 'Codes entered at the counter so far (wrong and right)' }),
  attemptsLeft: Type.Integer({ description: 'Wrong codes left before the pickup locks' }),
  locked: Type.Boolean({ description: 'Locked after too many wrong codes: the merchant resets it' }),
  readyAt: Type.String(),
  expiresAt: Type.String({ description: 'Not collected by then, it expires: stock back to sellable, refund due' }),
  remindedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
}, { description: 'A pickup shipment once ready: never the code' }))

const ShippingLabel = named('ShippingLabel', Type.Omit(ShipToSchema, ['email'], {
  title: 'ShippingLabel',
  description: 'What the parcel label needs (never the e-mail) of a ship order, while the shipment is to be sent or has just shipped; null before, after it is cancelled or delivered, and for pickups',
}))

export const ShipmentView = named('Shipment', Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  channelId: Type.String(),
  nodeId: Type.String(),
  status: literals(shipmentStatuses),
  splitFrom: Nullable(Type.String({ description: 'The shipment this one was split from: the rest of a partial shipment, or a line another node rejected' })),
  carrier: Nullable(Type.String()),
  service: Nullable(Type.String()),
  tracking: Nullable(Type.String()),
  packages: Type.Array(PackageSchema),
  lines: Type.Array(ShipmentLineView),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  shippedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  pickup: Nullable(PickupView),
  shipTo: Nullable(ShippingLabel),
}))

export const ShipmentEventView = named('ShipmentEvent', Type.Object({
  id: Type.Integer(), kind: Type.String(), actor: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()), at: Type.String(),
}))

export const ShipmentDetailView = named('ShipmentWithEvents', Type.Object({
  ...ShipmentView.properties,
  events: Type.Array(ShipmentEventView),
}))

export const ListQuery = Type.Object({
  node: Type.Optional(Ref),
  status: Type.Optional(literals(shipmentStatuses)),
  order: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
}, { additionalProperties: false })

export const ShipBody = named('ShipShipmentRequest', Type.Object({
  carrier: Text(100, 'The carrier (SF, JD, EMS …)'),
  service: Type.Optional(Text(100, 'The carrier’s service level')),
  tracking: Type.Optional(Text(100, 'The tracking number')),
  packages: Type.Optional(Type.Array(PackageSchema, { maxItems: 100 })),
  lines: Type.Optional(Type.Array(Type.Object({
    lineNo: LineNo,
    quantity: Type.Integer({ minimum: 1, maximum: maxQuantity }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100, description: 'Ship only these lines or units; the rest goes to a new shipment at the same node' })),
}, { additionalProperties: false }))

export const DeliverBody = named('DeliverShipmentRequest', Type.Object({
  deliveredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the carrier delivered (now when absent); not in the future' })),
}, { additionalProperties: false }))

export const CancelBody = named('CancelShipmentRequest', Type.Object({
  reason: Type.Optional(Text(500, 'Why, for the shipment’s events')),
}, { additionalProperties: false }))

export const RejectBody = named('RejectShipmentLineRequest', Type.Object({
  lineNo: LineNo,
  reason: literals(rejectReasons),
  note: Type.Optional(Text(500, 'What the node found, for the shipment’s events')),
}, { additionalProperties: false }))

export const ShipResultView = named('ShippedShipment', Type.Object({
  shipment: ShipmentView,
  rest: Nullable(ShipmentView),
}))

export const RejectResultView = named('RejectedShipmentLine', Type.Object({
  shipment: ShipmentView,
  rerouted: Nullable(ShipmentView),
}))

export const CollectBody = named('CollectPickupRequest', Type.Object({
  code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit pickup code the customer shows (or its QR code, scanned)' }),
  collectedBy: Text(200, 'The name of who collects, as given at the counter (sealed: personal data)'),
  lines: Type.Optional(Type.Array(Type.Object({
    lineNo: LineNo,
    quantity: Type.Integer({ minimum: 1, maximum: maxQuantity }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100, description: 'Hand over only these lines or units; the rest stays ready' })),
}, { additionalProperties: false }))

export const ReadyResultView = named('ReadyPickup', Type.Object({ shipment: ShipmentView }))

export const CollectResultView = named('CollectedPickup', Type.Object({
  shipment: ShipmentView,
  rest: Nullable(ShipmentView),
}))

// Dropship requests, as the supplier portal serves them.

const Day = Nullable(Type.String({ format: 'date' }))

export const DropshipLineView = named('DropshipLine', Type.Object({
  lineNo: Type.Integer(), skuId: Type.String(), skuCode: Type.String(), skuName: Type.String(), quantity: Type.Integer(),
  status: literals(['open', 'rejected'] as const),
  shipBy: { ...Day, description: 'The day the customer was promised this line ships' },
  deliverBy: { ...Day, description: 'The day the customer was promised it arrives' },
}))

export const DropshipRequestView = named('DropshipRequest', Type.Object({
  id: Type.String({ description: 'The shipment id' }),
  orderId: Type.String(),
  supplierId: Type.String(),
  nodeId: Type.String({ description: 'The supplier’s dropship node' }),
  status: literals(dropshipStatuses),
  shipmentStatus: literals(shipmentStatuses),
  lines: Type.Array(DropshipLineView),
  shipTo: Nullable(ShippingLabel),
  carrier: Nullable(Type.String()), service: Nullable(Type.String()), tracking: Nullable(Type.String()), packages: Type.Array(PackageSchema),
  createdAt: Type.String(), updatedAt: Type.String(), shippedAt: Nullable(Type.String()), deliveredAt: Nullable(Type.String()),
}))

export const DropshipListQuery = Type.Object({
  status: Type.Optional(literals(dropshipStatuses)),
  supplier: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
}, { additionalProperties: false })

export const DropshipShipBody = named('ShipDropshipRequest', Type.Object({
  carrier: Text(100, 'The carrier (SF, JD, EMS …)'),
  tracking: Text(100, 'The tracking number the customer follows'),
  service: Type.Optional(Text(100, 'The carrier’s service level')),
  packages: Type.Optional(Type.Array(PackageSchema, { maxItems: 100 })),
  lines: ShipBody.properties.lines,
}, { additionalProperties: false }))

export const DropshipShipResultView = named('ShippedDropshipRequest', Type.Object({
  request: DropshipRequestView,
  rest: Nullable(DropshipRequestView),
}))

export const DropshipRejectBody = named('RejectDropshipRequest', Type.Object({
  reason: literals(dropshipRejectReasons),
  lines: Type.Optional(Type.Array(LineNo, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Only these lines; absent: every open line' })),
  note: Type.Optional(Text(500, 'Why, for the request’s events')),
}, { additionalProperties: false }))
