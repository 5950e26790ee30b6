/** Purchase-order request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { maxQuantity } from '../inventory/index.ts'
import { lineStatuses, poStatuses } from './model.ts'
import { maxLinesPerPo } from './decide.ts'


export const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
export const Day = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD (UTC)' })
export const Reason = Type.String({ minLength: 1, maxLength: 500 })
const Quantity = Type.Integer({ minimum: 1, maximum: maxQuantity })
const Count = Type.Integer({ minimum: 0, maximum: maxQuantity })
const Money = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units (fen, cents) in the supplier currency' })
const LineRef = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Line id, or line number' })

export const ReceivingPolicy = named('ReceivingPolicy', Type.Object({
  overReceiptTolerancePercent: Type.Number({ minimum: 0, maximum: 100 }),
  shortReceipt: Type.Union([Type.Literal('keep_open'), Type.Literal('close_line')]),
  closeWithinPercent: Type.Number({ minimum: 0, maximum: 100 }),
}, { additionalProperties: false }))

const LineInput = Type.Object({
  sku: Ref,
  quantity: Quantity,
  unitCost: Type.Optional(Money),
  requestedDate: Type.Optional(Day),
}, { additionalProperties: false })

const Lines = Type.Array(LineInput, { minItems: 1, maxItems: maxLinesPerPo })

export const CreatePoBody = named('CreatePurchaseOrderRequest', Type.Object({
  supplier: Ref,
  destination: Type.String({ minLength: 1, maxLength: 100, description: 'Node id or code (a warehouse or store)' }),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Your own reference, unique per supplier' })),
  requestedDate: Type.Optional(Day),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  receivingPolicy: Type.Optional(ReceivingPolicy),
  lines: Lines,
}, { additionalProperties: false }))

export const PatchPoBody = Type.Object({
  reference: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  requestedDate: Type.Optional(Nullable(Day)),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  receivingPolicy: Type.Optional(ReceivingPolicy),
  lines: Type.Optional(Lines),
}, { additionalProperties: false, minProperties: 1 })

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false })

export const ConfirmBody = Type.Object({
  lines: Type.Array(Type.Object({
    line: LineRef,
    quantityAccepted: Count,
    eta: Type.Optional(Day),
    reason: Type.Optional(Reason),
  }, { additionalProperties: false }), { minItems: 1, maxItems: maxLinesPerPo }),
}, { additionalProperties: false })

export const EtaBody = Type.Object({ eta: Day, reason: Reason }, { additionalProperties: false })

export const CancelLineBody = Type.Object({
  quantity: Type.Optional(Quantity),
  reason: Reason,
}, { additionalProperties: false })

export const AsnBody = named('CreateAsnRequest', Type.Object({
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  tracking: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  eta: Day,
  lines: Type.Array(Type.Object({ line: LineRef, quantity: Quantity }, { additionalProperties: false }), { minItems: 1, maxItems: maxLinesPerPo }),
}, { additionalProperties: false }))

export const ReceiptBody = named('ReceiptRequest', Type.Object({
  asn: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Receive this ASN: lines it names but the count leaves out arrived with nothing' })),
  lines: Type.Array(Type.Object({
    line: LineRef,
    quantityPassed: Count,
    quantityFailed: Type.Optional(Count),
    failReason: Type.Optional(Reason),
    closeLine: Type.Optional(Type.Boolean({ description: 'Nothing more will come for this line' })),
  }, { additionalProperties: false }), { maxItems: maxLinesPerPo }),
}, { additionalProperties: false }))

export const ListQuery = Type.Object({
  supplier: Type.Optional(Ref),
  status: Type.Optional(literals(poStatuses)),
  node: Type.Optional(Ref),
  sku: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
}, { additionalProperties: false })

const DayOut = Nullable(Type.String())
const Instant = Nullable(Type.String({ format: 'date-time' }))

export const LineView = named('PurchaseOrderLine', Type.Object({
  id: Type.String(), lineNo: Type.Integer(), skuId: Type.String(), unitCost: Type.Integer(), status: literals(lineStatuses),
  quantityOrdered: Type.Integer(), quantityAccepted: Nullable(Type.Integer()), quantityOpen: Type.Integer(),
  quantityInTransit: Type.Integer(), quantityReceived: Type.Integer(), quantityOver: Type.Integer(),
  quantityPassed: Type.Integer(), quantityFailed: Type.Integer(), quantityCancelled: Type.Integer(),
  quantityCancelledBySupplier: Type.Integer(), requestedDate: DayOut, confirmedEta: DayOut, eta: DayOut,
  etaChanges: Type.Integer(), firstReceiptAt: Instant, lastReceiptAt: Instant,
  earliestCustomerPromiseDate: Type.Union([Type.String(), Type.Null()], { description: 'Earliest date a customer was promised against this line' }),
}))

export const PoView = named('PurchaseOrder', Type.Object({
  id: Type.String(), supplierId: Type.String(), destinationNodeId: Type.String(), reference: Nullable(Type.String()),
  status: literals(poStatuses), currency: Type.String(), requestedDate: DayOut, notes: Nullable(Type.String()),
  receivingPolicy: ReceivingPolicy, version: Type.Integer(),
  totals: Type.Object({ quantityOrdered: Type.Integer(), quantityOpen: Type.Integer(), quantityReceived: Type.Integer(), amountOrdered: Type.Integer() }),
  createdBy: Type.String(), createdAt: Type.String(), updatedAt: Type.String(), sentAt: Instant, closedAt: Instant,
  cancelledAt: Instant, cancelReason: Nullable(Type.String()), lines: Type.Array(LineView),
  destination: Type.Optional(Type.Object({ code: Type.String(), name: Type.String(), region: Type.String() }, {
    description: 'On reads: where the goods go, named, so a supplier (who cannot read the merchant’s nodes) knows where to ship',
  })),
}))

const AsnLineView = Type.Object({ poLineId: Type.String(), quantity: Type.Integer(), quantityReceived: Type.Integer() })

export const AsnView = named('Asn', Type.Object({
  id: Type.String(), poId: Type.String(), supplierId: Type.String(), reference: Nullable(Type.String()),
  carrier: Nullable(Type.String()), tracking: Nullable(Type.String()), eta: Type.String(),
  status: literals(['in_transit', 'received', 'cancelled']), createdBy: Type.String(), createdAt: Type.String(),
  receivedAt: Instant, cancelledAt: Instant, lines: Type.Array(AsnLineView),
}))

export const ReceiptView = named('Receipt', Type.Object({
  id: Type.String(), poId: Type.String(), asnId: Nullable(Type.String()), supplierId: Type.String(), nodeId: Type.String(),
  actor: Type.String(), receivedAt: Type.String(),
  lines: Type.Array(Type.Object({
    poLineId: Type.String(), skuId: Type.String(), quantityPassed: Type.Integer(), quantityFailed: Type.Integer(),
    failReason: Nullable(Type.String()), quantityOver: Type.Integer(), quantityShort: Type.Integer(), lineClosed: Type.Boolean(),
  })),
}))

export const EventView = named('PurchaseOrderEvent', Type.Object({
  id: Type.Integer(), lineId: Nullable(Type.String()), kind: Type.String(), actor: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()), at: Type.String(),
}))
