/** Replenishment request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { plannedEventKinds } from './model.ts'
import { maxReviewPeriodDays } from './policy.ts'
import { suggestionStatuses } from './suggestion-store.ts'

const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const RefOrAny = Type.String({ minLength: 1, maxLength: 100, pattern: '^([A-Za-z0-9_.:-]+|\\*)$', description: 'Id or code, or * for every one' })
export const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD' })
const Limit = Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' }))

export const SeriesParams = Type.Object({ sku: Ref, node: Ref })
export const PolicyParams = Type.Object({ sku: RefOrAny, node: RefOrAny })

export const DemandQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false })

export const DemandDayView = named('DemandDay', Type.Object({
  date: Type.String(),
  demand: Type.Integer({ description: 'What customers asked for: ordered − cancelled + lost + imported' }),
  ordered: Type.Integer({ description: 'Units on orders placed that day (backorders and presale included)' }),
  presale: Type.Integer({ description: 'Of them, on presale orders' }),
  lost: Type.Integer({ description: 'Units refused for want of stock or supply, and units cancelled because the order was late' }),
  cancelled: Type.Integer({ description: 'Units of that day’s orders cancelled, left unpaid or forfeited (taken back: never counted twice)' }),
  returned: Type.Integer({ description: 'Units returned that day (shown, not subtracted)' }),
  imported: Type.Integer({ description: 'Units brought from an older system' }),
}))

export const DemandView = named('DemandHistory', Type.Object({ skuId: Type.String(), nodeId: Type.String(), days: Type.Array(DemandDayView) }))

export const PlannedEventView = named('PlannedEvent', Type.Object({
  id: Type.String(), sku: Type.String({ description: 'SKU id, or * for every SKU' }), node: Type.String({ description: 'Node id, or * for every node' }),
  date: Type.String(), kind: literals(plannedEventKinds), upliftPct: Nullable(Type.Integer()), note: Nullable(Type.String()), createdAt: Type.String(), createdBy: Type.String(),
}))

export const PlannedEventBody = named('PlannedEventRequest', Type.Object({
  sku: RefOrAny, node: RefOrAny, date: Day, kind: literals(plannedEventKinds),
  upliftPct: Type.Optional(Nullable(Type.Integer({ description: 'A peak’s (or promotion’s) expected uplift in percent over a normal day, used when history has no comparable event' }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false }))

export const PlannedEventsQuery = Type.Object({
  from: Type.Optional(Day), to: Type.Optional(Day), sku: Type.Optional(Ref), node: Type.Optional(Ref), cursor: Type.Optional(CursorParam), limit: Limit,
}, { additionalProperties: false })

/** The fields' types here; their ranges and how they combine are the policy's own rules (policy.ts), refused as invalid_replenishment_policy naming the field. */
export const PolicyBody = named('ReplenishmentPolicyRequest', Type.Object({
  serviceLevel: Type.Number({ description: 'Target cycle service level, from 0.5 up to (not including) 1, e.g. 0.95' }),
  method: literals(['reorder_point', 'min_max', 'order_up_to'] as const),
  reviewPeriodDays: Type.Integer({ minimum: 0, maximum: maxReviewPeriodDays, description: 'Days between reviews (0: continuous)' }),
  minUnits: Type.Optional(Type.Integer({ minimum: 0, description: 'min_max only: order when the position is at or below this' })),
  maxUnits: Type.Optional(Type.Integer({ minimum: 0, description: 'min_max only: order up to this (at least minUnits)' })),
  supplierId: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Always buy from this supplier (id or code); absent or null: chosen by grade, cost and lead time' }))),
  autoSend: Type.Optional(Type.Boolean({ description: 'Approve and send this policy’s suggestions at the end of each run' })),
}, { additionalProperties: false }))

export const StoredPolicyView = named('ReplenishmentPolicy', Type.Object({
  sku: Type.String(), node: Type.String(), policy: Type.Record(Type.String(), Type.Unknown()), version: Type.Integer(), updatedAt: Type.String(), updatedBy: Type.String(),
}))

export const EffectivePolicyView = named('EffectiveReplenishmentPolicy', Type.Object({
  sku: Type.String(), node: Type.String(), stored: Nullable(StoredPolicyView),
  effective: Type.Object({ policy: Type.Record(Type.String(), Type.Unknown()), from: literals(['series', 'sku', 'node', 'default', 'built_in'] as const) }),
}))

export const ListQuery = Type.Object({ cursor: Type.Optional(CursorParam), limit: Limit }, { additionalProperties: false })

const Accuracy = Nullable(Type.Object({ wape: Type.Number(), mase: Type.Number(), bias: Type.Number() }))

export const ForecastView = named('Forecast', Type.Object({
  skuId: Type.String(), nodeId: Type.String(),
  forecast: Nullable(Type.Object({
    asOf: Type.String({ description: 'The last day of history it used' }), model: Type.String(), accuracy: Accuracy, runnerUp: Nullable(Type.String()), runnerUpAccuracy: Accuracy,
    intermittent: Type.Boolean(), dailySd: Type.Number(), computedAt: Type.String(),
    days: Type.Array(Type.Object({ date: Type.String(), mean: Type.Number(), p10: Type.Number(), p50: Type.Number(), p90: Type.Number() })),
  })),
  history: Type.Array(Type.Object({ date: Type.String(), demand: Type.Integer() }), { description: 'The last 120 days of demand up to the forecast’s as-of day' }),
  events: Type.Array(PlannedEventView, { description: 'Planned events over the history and the forecast' }),
}))

export const RunBody = named('ReplenishmentRunRequest', Type.Object({
  skus: Type.Optional(Type.Array(Ref, { minItems: 1, maxItems: 500, description: 'Only these SKUs’ series (default: every series)' })),
  asOf: Type.Optional(Day),
}, { additionalProperties: false }))

export const RunReportView = named('ReplenishmentRunReport', Type.Object({
  asOf: Type.String(), series: Type.Integer(), suggestionsMade: Type.Integer(), suggestionsRefreshed: Type.Integer(), suggestionsWithdrawn: Type.Integer(),
  alertsRaised: Type.Integer(), autoSent: Type.Integer(), elapsedMs: Type.Integer(),
}))

export const RunStateView = named('ReplenishmentRunState', Type.Object({
  dueAt: Type.String({ description: 'The next scheduled recompute' }), lastStartedAt: Nullable(Type.String()), lastFinishedAt: Nullable(Type.String()),
  lastReport: Nullable(Type.Record(Type.String(), Type.Unknown())),
}))

const Named = Type.Object({ code: Type.String(), name: Type.String() })

export const SuggestionView = named('Suggestion', Type.Object({
  id: Type.String(), skuId: Type.String(), nodeId: Type.String(), supplierId: Nullable(Type.String()),
  sku: Named, node: Named, supplier: Nullable(Named), status: literals(suggestionStatuses),
  quantity: Type.Integer({ description: 'What will be ordered: the suggestion, or the buyer’s edit' }), suggestedQuantity: Type.Integer(),
  explanation: Type.Record(Type.String(), Type.Unknown(), { description: 'Every term of the sum, the forecast model and its accuracy, the rounding and why this supplier' }),
  purchaseOrderId: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(), decidedAt: Nullable(Type.String()), decidedBy: Nullable(Type.String()),
  sentAt: Nullable(Type.String()), receivedAt: Nullable(Type.String()),
}))

export const SuggestionsQuery = Type.Object({
  status: Type.Optional(literals(suggestionStatuses)), supplier: Type.Optional(Ref), node: Type.Optional(Ref), sku: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam), limit: Limit,
}, { additionalProperties: false })

export const EditBody = named('EditSuggestionRequest', Type.Object({ quantity: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) }, { additionalProperties: false }))

export const ApproveBody = named('ApproveSuggestionsRequest', Type.Object({
  ids: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 500 }),
  send: Type.Optional(Type.Boolean({ description: 'Send each purchase order to its supplier at once (default: drafts)' })),
}, { additionalProperties: false }))

export const ApprovalView = named('SuggestionApproval', Type.Object({
  purchaseOrders: Type.Array(Type.Object({ id: Type.String(), supplierId: Type.String(), nodeId: Type.String(), status: Type.String(), suggestionIds: Type.Array(Type.String()) })),
  refused: Type.Array(Type.Object({ suggestionIds: Type.Array(Type.String()), code: Type.String(), detail: Type.String() })),
}))

export const VendorStockView = named('VendorStockLine', Type.Object({
  skuId: Type.String(), skuCode: Type.String(), skuName: Type.String(), nodeId: Type.String(), nodeCode: Type.String(), nodeName: Type.String(), availableUnits: Type.Integer(), reorderPointUnits: Nullable(Type.Number()),
  belowReorderPoint: Type.Boolean(), forecastUnitsPerDay: Nullable(Type.Number()), forecastAsOf: Nullable(Type.String()),
  forecast: Type.Array(Type.Object({ date: Type.String(), p50: Type.Number() }), { description: 'The next 14 days' }),
}))

export const AlertPageView = named('VendorAlertPage', Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer({ description: 'The outbox event id' }), subject: Nullable(Type.String()), at: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'skuId, nodeId, supplierIds, availableUnits, reorderPointUnits, forecastUnitsPerDay, asOf' }),
  })),
  nextCursor: Type.Integer({ description: 'Pass as `after` to continue; unchanged when there is nothing new' }),
}))
