/**
 * Analytics (DOMAIN.md §12): the measures merchants watch, each with one definition
 * (docs/analytics.md), served from rollups the projector keeps up to date from the outbox.
 * Days are UTC midnights in epoch ms, shown as YYYY-MM-DD.
 */

/** The periods the dashboard offers, in days ending today (today included). */
export const periodDaysAllowed = [7, 30, 90] as const
export type PeriodDays = (typeof periodDaysAllowed)[number]

/** What one day of one channel adds up to; every counter lands on the day its event happened (placement counters on the placement day). */
export interface DailyCounters {
  ordersPlaced: number
  linesPlaced: number
  unitsPlaced: number
  /** Lines placed, by what they were promised from when the projector first saw them. */
  linesFromStock: number
  linesFromFuture: number
  linesFromPresale: number
  ordersCancelled: number
  linesShipped: number
  unitsShipped: number
  /** Lines shipped that had a first promised ship date (the on-time denominator). */
  linesShippedPromised: number
  /** Lines shipped on or before their first promised ship date (UTC day). */
  linesShippedOnTime: number
  delays: number
  /** Sum of the compensation granted by delays, in minor units of the shop's currency. */
  compensationMinor: number
  depositsPaid: number
  balancesPaid: number
  depositsForfeited: number
  /** Orders placed over more than one node (on the placement day). */
  ordersSplit: number
  /** Lines shipped in full from the node they were first routed to (on the day they shipped). */
  linesFilled: number
  /** Lines delivered, those with a first promised delivery day, and those delivered on or before it (on the delivery day). */
  linesDelivered: number
  linesDeliveredPromised: number
  linesDeliveredOnTime: number
  /** Pickups made ready at their store (on the day ready), and the milliseconds each took from its shipment's creation, summed. */
  pickupsReady: number
  pickupReadyMs: number
  /** Pickups handed over at the counter, and pickups that expired uncollected (on the day they ended). */
  pickupsCollected: number
  pickupsExpired: number
  /** Dropship requests made (shipments created at a supplier's dropship node, on the day made) and the lines they asked for. */
  dropshipRequests: number
  dropshipLinesRequested: number
  /** Dropship requests shipped (on the day shipped), and the milliseconds each took from being made, summed. */
  dropshipShipped: number
  dropshipShipMs: number
  /** Lines a supplier turned down at its dropship node (on the day turned down). */
  dropshipLinesTurnedDown: number
  /** Returns opened (on the day opened), and units returned: received back at a node (on the day received). */
  returnsOpened: number
  returnUnits: number
  /** Returned units by the one fate each was given at inspection (on the day inspected). */
  returnUnitsRestocked: number
  returnUnitsOutlet: number
  returnUnitsRefurbished: number
  returnUnitsToVendor: number
  returnUnitsScrapped: number
  /** Restocked and outlet units at their order line's unit price, minor units (on the day inspected). */
  returnRecoveredMinor: number
  /** Refunds of returns requested of the provider (on the day requested) and what they asked for, minor units. */
  refundsRequested: number
  refundRequestedMinor: number
  /** Refunds the provider reported paid (on the day paid), their amounts, and the milliseconds each took from its request, summed. */
  refundsPaid: number
  refundPaidMinor: number
  refundTimeMs: number
}

export const counterNames = [
  'ordersPlaced', 'linesPlaced', 'unitsPlaced', 'linesFromStock', 'linesFromFuture', 'linesFromPresale', 'ordersCancelled',
  'linesShipped', 'unitsShipped', 'linesShippedPromised', 'linesShippedOnTime', 'delays', 'compensationMinor', 'depositsPaid',
  'balancesPaid', 'depositsForfeited', 'ordersSplit', 'linesFilled', 'linesDelivered', 'linesDeliveredPromised', 'linesDeliveredOnTime',
  'pickupsReady', 'pickupReadyMs', 'pickupsCollected', 'pickupsExpired',
  'dropshipRequests', 'dropshipLinesRequested', 'dropshipShipped', 'dropshipShipMs', 'dropshipLinesTurnedDown',
  'returnsOpened', 'returnUnits', 'returnUnitsRestocked', 'returnUnitsOutlet', 'returnUnitsRefurbished', 'returnUnitsToVendor', 'returnUnitsScrapped',
  'returnRecoveredMinor', 'refundsRequested', 'refundRequestedMinor', 'refundsPaid', 'refundPaidMinor', 'refundTimeMs',
] as const satisfies ReadonlyArray<keyof DailyCounters>

export const zeroCounters = (): DailyCounters =>
  Object.fromEntries(counterNames.map((n) => [n, 0])) as unknown as DailyCounters

/** What a line was promised from: the shelf (stock or the supplier's virtual allowance), future supply, or a presale campaign. */
export type PromiseSource = 'stock' | 'future' | 'presale'

/** An open line promised from future supply, as the backorder rollup keeps it. */
export interface BackorderLine {
  orderId: string
  lineNo: number
  channelId: string
  placedDayMs: number
  units: number
}

/**
 * Pickup ready times are counted per quarter hour (bucket n: from n to n+1 quarter hours), the
 * last bucket holding every wait of 30 days or more: percentiles are exact to the quarter hour.
 */
export const pickupReadyBucketMs = 900_000
export const pickupReadyLastBucket = 30 * 96

/** The bucket a pickup ready time falls in. */
export const pickupReadyBucketOf = (waitMs: number): number => Math.min(Math.max(0, Math.floor(waitMs / pickupReadyBucketMs)), pickupReadyLastBucket)

/** Pickups made ready on a day in a channel whose ready time fell in a bucket. */
export interface PickupReadyCount {
  dayMs: number
  channelId: string
  bucket: number
  pickups: number
}

/** One day of a channel's counters. */
export interface DailyRow extends DailyCounters {
  dayMs: number
  channelId: string
}

/** Backorder age buckets in whole days since placement: [from, to] inclusive, `to` null for "and older". */
export const backorderAgeBuckets: ReadonlyArray<{ label: string; fromDays: number; toDays: number | null }> = [
  { label: '0-2', fromDays: 0, toDays: 2 },
  { label: '3-7', fromDays: 3, toDays: 7 },
  { label: '8-14', fromDays: 8, toDays: 14 },
  { label: '15-30', fromDays: 15, toDays: 30 },
  { label: '31+', fromDays: 31, toDays: null },
]

/** One supplier's rates, as purchasing's scorecard computes them over its own window. */
export interface SupplierFigures {
  supplierId: string
  code: string
  name: string
  windowDays: number
  onTimeRate: number | null
  fillRate: number | null
  qcPassRate: number | null
  grade: string | null
}

/** Units sold (shipped) and returned (received back) of one SKU, or of one supplier's SKUs, on a day in a channel. */
export interface ReturnUnitsRow {
  dayMs: number
  channelId: string
  /** The SKU's id, or the supplier's. */
  key: string
  unitsSold: number
  unitsReturned: number
}

/** Units returned (received back) on a day in a channel for one reason. */
export interface ReturnReasonRow {
  dayMs: number
  channelId: string
  reason: string
  units: number
}
