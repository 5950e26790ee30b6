/** Return request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { maxQuantity } from '../inventory/index.ts'
import { grades, refundSteps, returnReasons, returnStatuses, dispositionKinds } from './model.ts'

const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description })
const LineNo = Type.Integer({ minimum: 1, maximum: 1000 })
const Quantity = Type.Integer({ minimum: 1, maximum: maxQuantity })

export const ReturnLineView = named('ReturnLine', Type.Object({
  lineNo: Type.Integer(), orderLineNo: Type.Integer(), skuId: Type.String(), quantity: Type.Integer(), reason: literals(returnReasons),
  note: Nullable(Type.String()), evidence: Type.Array(Type.String()), unitPrice: Type.Integer(), received: Type.Integer({ description: 'Units received so far' }),
}))

export const ReturnView = named('Return', Type.Object({
  id: Type.String(), orderId: Type.String(), channelId: Type.String({ description: 'The order’s channel' }),
  currency: Type.String({ description: 'The order’s: unit prices and the refund are in its minor units' }), status: literals(returnStatuses),
  openedBy: Type.String(), nodeId: Nullable(Type.String({ description: 'Where the units are (to be) received' })), rejectReason: Nullable(Type.String()),
  carrier: Nullable(Type.String()), tracking: Nullable(Type.String()), refundStep: literals(refundSteps),
  exchange: Type.Boolean({ description: 'A replacement order instead of the money' }),
  exchangeOrderId: Nullable(Type.String({ description: 'The replacement order, once placed' })),
  refundAmount: Nullable(Type.Integer({ description: 'The refund requested (minor units), once requested' })),
  refundRequestedAt: Nullable(Type.String()), refundedAt: Nullable(Type.String({ description: 'When the payment provider reported it paid' })),
  createdAt: Type.String(), updatedAt: Type.String(), lines: Type.Array(ReturnLineView),
}))

export const ReturnUnitView = named('ReturnUnit', Type.Object({
  lineNo: Type.Integer(), unitNo: Type.Integer(), nodeId: Type.String(), state: literals(['awaiting_inspection', 'inspected', 'disposed', 'repaired', 'written_off'] as const),
  grade: Nullable(literals(grades)), notes: Nullable(Type.String()), disposition: Nullable(literals(dispositionKinds)), outletNodeId: Nullable(Type.String()),
  ruleId: Nullable(Type.String({ description: 'The disposition rule that matched (null: none did, the unit waits unsellable)' })),
  receivedAt: Type.String(), inspectedAt: Nullable(Type.String()),
}))

export const ReturnDetailView = named('ReturnWithUnits', Type.Object({
  ...ReturnView.properties,
  units: Type.Array(ReturnUnitView),
  events: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), actor: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()), at: Type.String() })),
}))

export const OpenBody = named('OpenReturnRequest', Type.Object({
  order: Ref,
  lines: Type.Array(Type.Object({
    orderLineNo: LineNo,
    quantity: Quantity,
    reason: literals(returnReasons),
    note: Type.Optional(Text(500, 'What the customer says')),
    evidence: Type.Optional(Type.Array(Type.String({ format: 'uri', maxLength: 500 }), { maxItems: 10, description: 'Photo URLs' })),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
  node: Type.Optional({ ...Ref, description: 'Where the units will be received (a node with the returns capability); a store opening at its counter: itself' }),
  exchange: Type.Optional(Type.Boolean({ description: 'The customer wants the same items again, not the money: a replacement order at the original price is placed at the refund’s step' })),
}, { additionalProperties: false }))

export const ApproveBody = named('ApproveReturnRequest', Type.Object({
  node: Type.Optional({ ...Ref, description: 'Where the units are to be received' }),
}, { additionalProperties: false }))

export const RejectBody = named('RejectReturnRequest', Type.Object({ reason: Text(500, 'Why, as the customer is told') }, { additionalProperties: false }))

export const ShipBody = named('ShipReturnRequest', Type.Object({
  carrier: Type.Optional(Text(100, 'The carrier')), tracking: Type.Optional(Text(100, 'The tracking number')),
}, { additionalProperties: false }))

export const ReceiveBody = named('ReceiveReturnRequest', Type.Object({
  node: Type.Optional({ ...Ref, description: 'The receiving node (default: the return’s, or a node user’s own)' }),
  lines: Type.Array(Type.Object({ lineNo: LineNo, quantity: Quantity }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false }))

export const InspectBody = named('InspectReturnRequest', Type.Object({
  units: Type.Array(Type.Object({
    lineNo: LineNo, unitNo: Type.Integer({ minimum: 1, maximum: maxQuantity }), grade: literals(grades),
    notes: Type.Optional(Text(500, 'What the inspector saw')),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false }))

export const InspectResultView = named('InspectedReturn', Type.Object({ ...ReturnView.properties, units: Type.Array(ReturnUnitView) }))

export const ListQuery = Type.Object({
  status: Type.Optional(literals(returnStatuses)),
  order: Type.Optional(Ref),
  node: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
}, { additionalProperties: false })

export const PolicyView = named('ReturnPolicySet', Type.Object({
  scope: Type.String({ description: "'policy:default' or 'policy:<channel id>'" }),
  version: Type.Integer({ description: '0: the built-in default, never stored' }),
  policy: Type.Record(Type.String(), Type.Unknown(), { description: 'The return policy (docs/returns.md)' }),
}))

export const RulesView = named('DispositionRuleSet', Type.Object({
  version: Type.Integer({ description: '0: the built-in default, never stored' }),
  rules: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'First match wins (docs/returns.md)' }),
}))

export const RepairBody = named('RepairReturnedUnitRequest', Type.Object({
  lineNo: LineNo, unitNo: Type.Integer({ minimum: 1, maximum: maxQuantity }),
  outcome: literals(['sellable', 'scrap'] as const),
  notes: Type.Optional(Text(500, 'What was repaired, or why not')),
}, { additionalProperties: false }))
