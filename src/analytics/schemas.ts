/** The analytics API's schemas: one per figure group (totals, a daily series, the definition's name), and the queries. */
import { Type, type TSchema } from '@sinclair/typebox'
import { Nullable, named } from '../http/support.ts'

const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Channel id or code' })
const PeriodDays = Type.String({ maxLength: 10, description: 'Days ending today, today included: 7, 30 or 90 (default 30)' })

export const PeriodChannelQuery = Type.Object({ periodDays: Type.Optional(PeriodDays), channel: Type.Optional(Ref) }, { additionalProperties: false })
export const PeriodQuery = Type.Object({ periodDays: Type.Optional(PeriodDays) }, { additionalProperties: false })
export const ChannelQuery = Type.Object({ channel: Type.Optional(Ref) }, { additionalProperties: false })
export const NoQuery = Type.Object({}, { additionalProperties: false })

const Count = Type.Integer({ minimum: 0 })
const Rate = Nullable(Type.Number({ minimum: 0, description: 'A share 0–1; null when its denominator is zero' }))
const Day = Type.String({ format: 'date' })
const definition = (name: string) => Type.Literal(name, { description: `The definition's name in docs/analytics.md (#${name.replaceAll('_', '-')})` })

const group = <T extends Record<string, TSchema>, S extends Record<string, TSchema>>(title: string, name: string, totals: T, day: S) =>
  named(title, Type.Object({
    definition: definition(name),
    totals: Type.Object(totals),
    series: Type.Array(Type.Object({ day: Day, ...day }), { description: 'One entry per day of the period, oldest first' }),
  }))

export const SalesFigures = group('SalesFigures', 'sales',
  { orders: Count, lines: Count, units: Count, ordersCancelled: Count },
  { orders: Count, lines: Count, units: Count, ordersCancelled: Count })

export const PromiseSourceFigures = group('PromiseSourceFigures', 'promise_sources',
  { stock: Count, future: Count, presale: Count, stockShare: Rate, futureShare: Rate, presaleShare: Rate },
  { stock: Count, future: Count, presale: Count })

export const OnTimeFigures = group('OnTimeFigures', 'on_time_to_promise',
  { linesShipped: Count, linesPromised: Count, linesOnTime: Count, rate: Rate },
  { linesShipped: Count, linesPromised: Count, linesOnTime: Count, rate: Rate })

export const DelayFigures = group('DelayFigures', 'delays',
  { delays: Count, compensationMinor: Type.Integer({ description: 'Compensation granted, minor units of the shop currency' }) },
  { delays: Count, compensationMinor: Type.Integer() })

const Hours = (description: string) => Nullable(Type.Number({ minimum: 0, description: `${description}; null when no pickup was made ready` }))

export const FulfilmentFigures = group('FulfilmentFigures', 'fulfilment',
  {
    linesShipped: Count, linesFilled: Count, fillRate: Rate, ordersPlaced: Count, ordersSplit: Count, splitRate: Rate,
    linesDelivered: Count, linesDeliveredPromised: Count, linesDeliveredOnTime: Count, deliveredOnTimeRate: Rate,
    pickupsReady: Type.Integer({ minimum: 0, description: 'Pickups made ready at their store in the period' }),
    pickupReadyMeanHours: Hours('Mean hours from a pickup’s shipment being made (its order paid) to its being ready'),
    pickupReadyP50Hours: Hours('Median of those hours, nearest rank, rounded up to the quarter hour'),
    pickupReadyP90Hours: Hours('90th percentile of those hours, nearest rank, rounded up to the quarter hour'),
    pickupsCollected: Type.Integer({ minimum: 0, description: 'Pickups handed over at the counter in the period' }),
    pickupsExpired: Type.Integer({ minimum: 0, description: 'Pickups that expired uncollected in the period' }),
    pickupExpiryRate: Rate,
    dropshipRequests: Type.Integer({ minimum: 0, description: 'Dropship requests made in the period: shipments made for their order at a supplier’s dropship node' }),
    dropshipLinesRequested: Type.Integer({ minimum: 0, description: 'Lines of the dropship requests made in the period' }),
    dropshipShipped: Type.Integer({ minimum: 0, description: 'Dropship requests shipped in the period (each once, at its first shipment)' }),
    dropshipShipMeanHours: Nullable(Type.Number({ minimum: 0, description: 'Mean hours from a dropship request being made to its being shipped; null when none shipped' })),
    dropshipLinesTurnedDown: Type.Integer({ minimum: 0, description: 'Lines suppliers turned down at their dropship nodes in the period' }),
    dropshipTurnDownRate: Rate,
  },
  {
    fillRate: Rate, splitRate: Rate, deliveredOnTimeRate: Rate, linesDelivered: Count,
    pickupsReady: Count, pickupReadyMeanHours: Nullable(Type.Number({ minimum: 0 })), pickupsCollected: Count, pickupsExpired: Count, pickupExpiryRate: Rate,
    dropshipRequests: Count, dropshipLinesRequested: Count, dropshipShipped: Count, dropshipShipMeanHours: Nullable(Type.Number({ minimum: 0 })),
    dropshipLinesTurnedDown: Count, dropshipTurnDownRate: Rate,
  })

const Minor = (description: string) => Type.Integer({ minimum: 0, description: `${description}, minor units of the shop currency (currency)` })
const returnFigures = {
  returnsOpened: Type.Integer({ minimum: 0, description: 'Returns opened' }),
  unitsSold: Type.Integer({ minimum: 0, description: 'Units shipped' }),
  unitsReturned: Type.Integer({ minimum: 0, description: 'Units received back at a node' }),
  returnRate: Rate,
  refundsRequested: Type.Integer({ minimum: 0, description: 'Refunds of returns requested of the payment provider' }),
  refundRequestedMinor: Minor('What they asked for'),
  refundsPaid: Type.Integer({ minimum: 0, description: 'Refunds the provider reported paid' }),
  refundPaidMinor: Minor('What they paid'),
  refundMeanHours: Nullable(Type.Number({ minimum: 0, description: 'Mean hours from a refund being requested to its being paid; null when none was paid' })),
  dispositions: Type.Object({
    restock: Count, outlet: Count, refurbish: Count, return_to_vendor: Count, scrap: Count,
  }, { description: 'Units inspected, by the one fate each was given' }),
  recoveredMinor: Minor('Restocked and outlet units at their unit price'),
}
const ReturnUnitsOf = (what: string) => Type.Object({
  id: Type.String({ description: `The ${what}’s id` }),
  code: Type.String(),
  name: Type.String(),
  unitsSold: Type.Integer({ minimum: 0, description: 'Units shipped in the period' }),
  unitsReturned: Type.Integer({ minimum: 0, description: 'Units received back in the period' }),
  returnRate: Rate,
})

export const ReturnFigures = named('ReturnFigures', Type.Object({
  definition: definition('returns'),
  totals: Type.Object(returnFigures),
  series: Type.Array(Type.Object({ day: Day, ...returnFigures }), { description: 'One entry per day of the period, oldest first' }),
  byReason: Type.Array(Type.Object({
    reason: Type.String({ description: 'The return line’s reason' }),
    units: Type.Integer({ minimum: 0, description: 'Units received back for it in the period' }),
    share: Rate,
  }), { description: 'Units returned by reason, most first' }),
  bySku: Type.Array(ReturnUnitsOf('SKU'), { description: 'The 20 SKUs with the most units returned in the period, most first' }),
  bySupplier: Type.Array(ReturnUnitsOf('supplier'), { description: 'Units of the SKUs each supplier has purchase terms for, suppliers with units returned, most first' }),
  byChannel: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), ...returnFigures }), {
    description: 'Each channel that sold or had a return in the period (a channel token: its own)',
  }),
}))

export const PresaleFigures = group('PresaleFigures', 'presale_conversion',
  { depositsPaid: Count, balancesPaid: Count, depositsForfeited: Count, conversionRate: Rate, forfeitRate: Rate },
  { depositsPaid: Count, balancesPaid: Count, depositsForfeited: Count })

const MinorUnits = Type.Integer({ description: 'Minor units of the currency' })
/** The inventory group in money, per currency (no FX: never summed across currencies). */
const InventoryValue = Type.Object({
  definition: definition('inventory_value'),
  byCurrency: Type.Array(Type.Object({
    currency: Type.String(),
    unitsShipped: Count,
    costOfGoodsShippedMinor: MinorUnits,
    revenueMinor: MinorUnits,
    grossMarginMinor: MinorUnits,
    grossMarginRate: Nullable(Type.Number({ description: 'grossMarginMinor / revenueMinor; null without revenue' })),
    inventoryValueMinor: MinorUnits,
    turnover: Nullable(Type.Number({ description: 'Cost of goods shipped in the period over the inventory value now; null without value' })),
  }), { description: 'Costed shipments in the period and the stock on hand now, at moving-average cost' }),
}, { description: 'The same figures in money (docs/payables.md#cost): absent where costs are not kept' })

export const InventoryFigures = named('InventoryFigures', Type.Object({
  definition: definition('inventory_turnover'),
  totals: Type.Object({
    unitsShipped: Count,
    onHand: Nullable(Type.Integer({ description: 'Units on hand at the last stock snapshot' })),
    averageOnHand: Nullable(Type.Number({ description: 'Average closing on-hand of the period’s days with a snapshot' })),
    turnover: Nullable(Type.Number()),
    daysOfSupply: Nullable(Type.Number()),
  }),
  series: Type.Array(Type.Object({ day: Day, unitsShipped: Count, onHand: Nullable(Type.Integer()) }), { description: 'One entry per day of the period, oldest first' }),
  value: Type.Optional(InventoryValue),
}))

const Accuracy = {
  series: Count, actualUnits: Type.Number({ description: 'Actual demand over the days scored' }),
  wape: Nullable(Type.Number({ description: 'Σ|actual − forecast| / Σ actual' })), mase: Nullable(Type.Number({ description: 'Absolute error over the seasonal naive forecast’s from the same origin' })),
  bias: Nullable(Type.Number({ description: 'Σ(forecast − actual) / Σ actual' })),
}
const MeanHours = Nullable(Type.Number({ description: 'Mean hours; null when nothing was measured' }))

export const ReplenishmentFigures = named('ReplenishmentFigures', Type.Object({
  definition: definition('forecast_accuracy'),
  accuracy: Type.Object({
    overall: Type.Object(Accuracy),
    byModel: Type.Array(Type.Object({ model: Type.String(), ...Accuracy })),
    byNode: Type.Array(Type.Object({ nodeId: Type.String(), ...Accuracy })),
    byWeek: Type.Array(Type.Object({ week: Day, ...Accuracy }), { description: 'Forecasts made in each week (from Monday), scored against what then happened' }),
    worstSeries: Type.Array(Type.Object({ skuId: Type.String(), nodeId: Type.String(), ...Accuracy }), { description: 'The ten series with the largest absolute error' }),
  }, { description: 'Forecasts made in the period, scored on the days that have since passed' }),
  daysOfSupply: Type.Object({
    definition: definition('days_of_supply'),
    total: Nullable(Type.Number({ description: 'Available units over the average daily demand of the last 28 days, over every series with demand' })),
    lowest: Type.Array(Type.Object({ skuId: Type.String(), nodeId: Type.String(), availableUnits: Type.Integer(), demandPerDay: Type.Number(), days: Nullable(Type.Number()) }), { description: 'The ten series with the fewest days of supply' }),
  }),
  turnover: Nullable(Type.Number({ description: 'Units shipped in the period over the average units on hand (inventory_turnover, in units until costs are kept)' })),
  cycle: Type.Object({
    definition: definition('replenishment_cycle_time'),
    suggestionsMade: Count, approved: Count, dismissed: Count, withdrawn: Count, openNow: Count, received: Count,
    meanHoursToApprove: MeanHours, meanHoursApprovedToSent: MeanHours, meanHoursApprovedToReceived: MeanHours,
  }),
}))

const Money = Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() }), { description: 'Per currency, in minor units (never converted)' })
export const PayablesFigures = named('PayablesFigures', Type.Object({
  definition: definition('payables'),
  invoices: Type.Object({
    received: Count, receivedMinor: Money, matchedFirstTime: Count,
    firstPassMatchRate: Nullable(Rate),
  }, { description: 'Supplier invoices entered, imported or sent in the period, and those that matched three ways without a person' }),
  exceptions: Type.Object({
    heldNow: Count, heldNowMinor: Money, approved: Count, rejected: Count,
    meanHoursToResolve: Nullable(Type.Number({ minimum: 0, description: 'From the invoice arriving to a person resolving it, over those resolved in the period' })),
  }),
  payments: Type.Object({
    paidMinor: Money, discountsTakenMinor: Money,
    discountsLapsedMinor: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() }), { description: 'Early-payment discounts whose last day fell in the period without being taken' }),
    instalmentsPaid: Count, paidOnTimeRate: Nullable(Rate),
  }),
  open: Type.Array(Type.Object({ currency: Type.String(), openMinor: Type.Integer(), overdueMinor: Type.Integer() }), { description: 'Owed on invoices that stand, now' }),
}))

export const BackorderFigures = named('BackorderFigures', Type.Object({
  definition: definition('open_backorders'),
  totals: Type.Object({ lines: Count, units: Count, oldestDays: Nullable(Type.Integer()) }),
  buckets: Type.Array(Type.Object({
    label: Type.String(), fromDays: Count, toDays: Nullable(Type.Integer()), lines: Count, units: Count,
  }), { description: 'Open backorders now, by whole days since placement' }),
}))

export const SupplierFiguresView = named('SupplierFigures', Type.Object({
  definition: definition('supplier_performance'),
  suppliers: Type.Array(Type.Object({
    supplierId: Type.String(), code: Type.String(), name: Type.String(), windowDays: Type.Integer(),
    onTimeRate: Rate, fillRate: Rate, qcPassRate: Rate, grade: Nullable(Type.String()),
  })),
}))

const frame = {
  periodDays: Type.Integer({ description: 'The period asked for' }),
  from: Day,
  to: Day,
  channel: Nullable(Type.String({ description: 'The channel’s code; null: every channel' })),
  asOfEventId: Type.Integer({ description: 'The last outbox event the rollups count' }),
  currency: Type.String({ description: 'The shop currency money figures (compensation, refunds, value recovered) are counted in, minor units' }),
}

/** A route's answer: the period frame and one figure group. */
export const answerOf = <K extends string, T extends TSchema>(title: string, key: K, figures: T) =>
  named(title, Type.Object({ ...frame, [key]: figures } as typeof frame & Record<K, T>))

export const Dashboard = named('AnalyticsDashboard', Type.Object({
  ...frame,
  sales: SalesFigures,
  promiseSources: PromiseSourceFigures,
  onTime: OnTimeFigures,
  backorders: BackorderFigures,
  delays: DelayFigures,
  presale: PresaleFigures,
  fulfilment: FulfilmentFigures,
  returns: ReturnFigures,
  suppliers: Type.Optional(SupplierFiguresView),
  inventory: Type.Optional(InventoryFigures),
  replenishment: Type.Optional(ReplenishmentFigures),
  payables: Type.Optional(PayablesFigures),
  definitions: Type.Record(Type.String(), Type.String(), { description: 'Each group’s definition name (docs/analytics.md)' }),
}, { description: 'Every figure at once. A channel token gets its own channel’s figures, without the shop-wide suppliers and inventory groups.' }))

const Seconds = Type.Number({ minimum: 0 })
const WebhookFigures = Type.Object({
  delivered: Type.Integer({ minimum: 0, description: 'Deliveries that ended delivered in the period' }),
  failed: Type.Integer({ minimum: 0, description: 'Deliveries that ended failed in the period (after the last attempt, or a 410)' }),
  successRate: Rate,
  pending: Type.Integer({ minimum: 0, description: 'Deliveries waiting for an attempt or a retry now' }),
  oldestUndeliveredAgeSeconds: Nullable(Type.Number({ minimum: 0, description: 'Age of the oldest pending delivery; null when none is pending' })),
})

export const ChannelMeasuresAnswer = named('ChannelMeasuresAnswer', Type.Object({
  definition: definition('channel_measures'),
  periodDays: Type.Integer(),
  from: Day,
  to: Day,
  projectorLagSeconds: Type.Number({ minimum: 0, description: 'Age of the oldest committed change the availability projector has not yet taken into account; 0 when caught up' }),
  channels: Type.Array(Type.Object({
    channel: Type.String({ description: 'The channel\'s code' }),
    name: Type.String(),
    availability: Type.Object({
      in_stock: Count, low_stock: Count, backorder: Count, presale: Count, out_of_stock: Count,
      total: Type.Integer({ minimum: 0, description: 'Values (SKU × scope) the channel shows' }),
    }, { description: 'Values the channel shows now, by status' }),
    feedPosition: Type.Integer({ minimum: 0, description: 'The channel\'s latest feed sequence number' }),
    projectorLagSeconds: Seconds,
    deltas: Type.Integer({ minimum: 0, description: 'Availability changes sent to the channel in the period (availability.changed events)' }),
    webhooks: WebhookFigures,
  })),
  staffWebhooks: Type.Union([WebhookFigures, Type.Null()], { description: 'Deliveries of staff endpoints (which hear every channel), apart from the channels\' own; null for a channel token' }),
}))
