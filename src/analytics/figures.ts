/**
 * Figures from rollup rows: pure arithmetic, each group with its totals, a daily series for
 * charts, and the name of its definition in docs/analytics.md. Rates are 0–1, null when their
 * denominator is zero.
 */
import { dayTextOf } from '../kernel/clock.ts'
import { backorderAgeBuckets, pickupReadyBucketMs, pickupReadyLastBucket, zeroCounters, type DailyCounters, type DailyRow, type SupplierFigures } from './model.ts'

const dayMs = 86_400_000
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/** The days of a period ending today: `periodDays` UTC days, today included. */
export function periodOf(todayMs: number, periodDays: number): { fromDayMs: number; toDayMs: number } {
  return { fromDayMs: todayMs - (periodDays - 1) * dayMs, toDayMs: todayMs }
}

/** One counters row per day of the period, zero where nothing happened. */
export function dailySeries(rows: readonly DailyRow[], fromDayMs: number, toDayMs: number): Array<DailyCounters & { day: string }> {
  const byDay = new Map(rows.map((r) => [r.dayMs, r]))
  const out: Array<DailyCounters & { day: string }> = []
  for (let d = fromDayMs; d <= toDayMs; d += dayMs) {
    const { dayMs: _day, channelId: _channel, ...counters } = byDay.get(d) ?? { ...zeroCounters(), dayMs: d, channelId: '' }
    out.push({ ...counters, day: dayTextOf(d)! })
  }
  return out
}

type Series = ReadonlyArray<DailyCounters & { day: string }>

const total = (series: Series, name: keyof DailyCounters): number => series.reduce((sum, d) => sum + d[name], 0)

export function salesOf(series: Series) {
  return {
    definition: 'sales',
    totals: { orders: total(series, 'ordersPlaced'), lines: total(series, 'linesPlaced'), units: total(series, 'unitsPlaced'), ordersCancelled: total(series, 'ordersCancelled') },
    series: series.map((d) => ({ day: d.day, orders: d.ordersPlaced, lines: d.linesPlaced, units: d.unitsPlaced, ordersCancelled: d.ordersCancelled })),
  }
}

export function promiseSourcesOf(series: Series) {
  const stock = total(series, 'linesFromStock')
  const future = total(series, 'linesFromFuture')
  const presale = total(series, 'linesFromPresale')
  const lines = stock + future + presale
  return {
    definition: 'promise_sources',
    totals: { stock, future, presale, stockShare: rate(stock, lines), futureShare: rate(future, lines), presaleShare: rate(presale, lines) },
    series: series.map((d) => ({ day: d.day, stock: d.linesFromStock, future: d.linesFromFuture, presale: d.linesFromPresale })),
  }
}

export function onTimeOf(series: Series) {
  const promised = total(series, 'linesShippedPromised')
  const onTime = total(series, 'linesShippedOnTime')
  return {
    definition: 'on_time_to_promise',
    totals: { linesShipped: total(series, 'linesShipped'), linesPromised: promised, linesOnTime: onTime, rate: rate(onTime, promised) },
    series: series.map((d) => ({ day: d.day, linesShipped: d.linesShipped, linesPromised: d.linesShippedPromised, linesOnTime: d.linesShippedOnTime, rate: rate(d.linesShippedOnTime, d.linesShippedPromised) })),
  }
}

export function delaysOf(series: Series) {
  return {
    definition: 'delays',
    totals: { delays: total(series, 'delays'), compensationMinor: total(series, 'compensationMinor') },
    series: series.map((d) => ({ day: d.day, delays: d.delays, compensationMinor: d.compensationMinor })),
  }
}

const hourMs = 3_600_000
const meanHours = (totalMs: number, count: number): number | null => (count === 0 ? null : totalMs / count / hourMs)

/**
 * The nearest-rank percentile (`fraction` 0–1) of pickup ready times counted per bucket, in
 * hours: the upper edge of the bucket holding the ⌈fraction × n⌉th fastest pickup, so it is never
 * less than the true percentile and at most a quarter hour more. In the last bucket (30 days or
 * more) its lower edge, 720. Null when no pickup was made ready.
 */
export function pickupReadyPercentile(buckets: ReadonlyArray<{ bucket: number; pickups: number }>, fraction: number): number | null {
  const sorted = [...buckets].filter((b) => b.pickups > 0).sort((a, b) => a.bucket - b.bucket)
  const n = sorted.reduce((sum, b) => sum + b.pickups, 0)
  if (n === 0) return null
  const rank = Math.max(1, Math.ceil(fraction * n))
  let seen = 0
  for (const b of sorted) {
    seen += b.pickups
    if (seen >= rank) return (b.bucket >= pickupReadyLastBucket ? pickupReadyLastBucket : b.bucket + 1) * pickupReadyBucketMs / hourMs
  }
  return null
}

/**
 * Fill rate, split rate, on-time delivery, pickup ready time, pickup expiry rate, dropship ship
 * time and turn-down rate (docs/analytics.md `fulfilment`); `readyBuckets`: the period's pickups
 * made ready per ready-time bucket.
 */
export function fulfilmentOf(series: Series, readyBuckets: ReadonlyArray<{ bucket: number; pickups: number }> = []) {
  const shipped = total(series, 'linesShipped')
  const filled = total(series, 'linesFilled')
  const placed = total(series, 'ordersPlaced')
  const split = total(series, 'ordersSplit')
  const promised = total(series, 'linesDeliveredPromised')
  const onTime = total(series, 'linesDeliveredOnTime')
  const ready = total(series, 'pickupsReady')
  const collected = total(series, 'pickupsCollected')
  const expired = total(series, 'pickupsExpired')
  const dropshipShipped = total(series, 'dropshipShipped')
  const linesRequested = total(series, 'dropshipLinesRequested')
  const turnedDown = total(series, 'dropshipLinesTurnedDown')
  return {
    definition: 'fulfilment',
    totals: {
      linesShipped: shipped, linesFilled: filled, fillRate: rate(filled, shipped), ordersPlaced: placed, ordersSplit: split, splitRate: rate(split, placed),
      linesDelivered: total(series, 'linesDelivered'), linesDeliveredPromised: promised, linesDeliveredOnTime: onTime, deliveredOnTimeRate: rate(onTime, promised),
      pickupsReady: ready, pickupReadyMeanHours: meanHours(total(series, 'pickupReadyMs'), ready),
      pickupReadyP50Hours: pickupReadyPercentile(readyBuckets, 0.5), pickupReadyP90Hours: pickupReadyPercentile(readyBuckets, 0.9),
      pickupsCollected: collected, pickupsExpired: expired, pickupExpiryRate: rate(expired, collected + expired),
      dropshipRequests: total(series, 'dropshipRequests'), dropshipLinesRequested: linesRequested,
      dropshipShipped, dropshipShipMeanHours: meanHours(total(series, 'dropshipShipMs'), dropshipShipped),
      dropshipLinesTurnedDown: turnedDown, dropshipTurnDownRate: rate(turnedDown, linesRequested),
    },
    series: series.map((d) => ({
      day: d.day, fillRate: rate(d.linesFilled, d.linesShipped), splitRate: rate(d.ordersSplit, d.ordersPlaced),
      deliveredOnTimeRate: rate(d.linesDeliveredOnTime, d.linesDeliveredPromised), linesDelivered: d.linesDelivered,
      pickupsReady: d.pickupsReady, pickupReadyMeanHours: meanHours(d.pickupReadyMs, d.pickupsReady),
      pickupsCollected: d.pickupsCollected, pickupsExpired: d.pickupsExpired, pickupExpiryRate: rate(d.pickupsExpired, d.pickupsCollected + d.pickupsExpired),
      dropshipRequests: d.dropshipRequests, dropshipLinesRequested: d.dropshipLinesRequested,
      dropshipShipped: d.dropshipShipped, dropshipShipMeanHours: meanHours(d.dropshipShipMs, d.dropshipShipped),
      dropshipLinesTurnedDown: d.dropshipLinesTurnedDown, dropshipTurnDownRate: rate(d.dropshipLinesTurnedDown, d.dropshipLinesRequested),
    })),
  }
}

export function presaleOf(series: Series) {
  const deposits = total(series, 'depositsPaid')
  const balances = total(series, 'balancesPaid')
  const forfeited = total(series, 'depositsForfeited')
  return {
    definition: 'presale_conversion',
    totals: { depositsPaid: deposits, balancesPaid: balances, depositsForfeited: forfeited, conversionRate: rate(balances, deposits), forfeitRate: rate(forfeited, deposits) },
    series: series.map((d) => ({ day: d.day, depositsPaid: d.depositsPaid, balancesPaid: d.balancesPaid, depositsForfeited: d.depositsForfeited })),
  }
}

/** Open backorders now, bucketed by whole days since placement. */
export function backordersOf(byDay: ReadonlyArray<{ placedDayMs: number; lines: number; units: number }>, todayMs: number) {
  const buckets = backorderAgeBuckets.map((b) => ({ ...b, lines: 0, units: 0 }))
  let oldestDays: number | null = null
  for (const d of byDay) {
    const age = Math.max(0, Math.round((todayMs - d.placedDayMs) / dayMs))
    oldestDays = Math.max(oldestDays ?? 0, age)
    const bucket = buckets.find((b) => age >= b.fromDays && (b.toDays === null || age <= b.toDays))!
    bucket.lines += d.lines
    bucket.units += d.units
  }
  return {
    definition: 'open_backorders',
    totals: { lines: buckets.reduce((s, b) => s + b.lines, 0), units: buckets.reduce((s, b) => s + b.units, 0), oldestDays },
    buckets,
  }
}

/**
 * Turnover = units shipped in the period / average closing on-hand of the period's days that have
 * a stock snapshot; days of supply = on-hand now / average daily units shipped over the period.
 */
export function inventoryOf(series: Series, stock: { days: ReadonlyArray<{ dayMs: number; onHand: number }>; latest: number | null }, periodDays: number) {
  const shipped = total(series, 'unitsShipped')
  const averageOnHand = stock.days.length === 0 ? null : stock.days.reduce((s, d) => s + d.onHand, 0) / stock.days.length
  const dailyShipped = shipped / periodDays
  const onHandByDay = new Map(stock.days.map((d) => [dayTextOf(d.dayMs)!, d.onHand]))
  return {
    definition: 'inventory_turnover',
    totals: {
      unitsShipped: shipped,
      onHand: stock.latest,
      averageOnHand,
      turnover: averageOnHand === null || averageOnHand === 0 ? null : shipped / averageOnHand,
      daysOfSupply: stock.latest === null || dailyShipped === 0 ? null : stock.latest / dailyShipped,
    },
    series: series.map((d) => ({ day: d.day, unitsShipped: d.unitsShipped, onHand: onHandByDay.get(d.day) ?? null })),
  }
}

/** What the cost ledger knows over the period, per currency (handed in: analytics does not read payables). */
export interface CostFigures {
  shipped: ReadonlyArray<{ currency: string; unitsShipped: number; costOfGoodsMinor: number; revenueMinor: number }>
  inventoryValue: ReadonlyArray<{ currency: string; valueMinor: number }>
}

/**
 * Inventory in money per currency: cost of goods shipped, the revenue of the same units, gross
 * margin (revenue − cost) and its rate, the value on hand now, and turnover in value (cost of goods
 * shipped over the value on hand now: value is not snapshotted per day yet).
 */
export function inventoryValueOf(costs: CostFigures) {
  const currencies = [...new Set([...costs.shipped.map((s) => s.currency), ...costs.inventoryValue.map((v) => v.currency)])].sort()
  return {
    definition: 'inventory_value',
    byCurrency: currencies.map((currency) => {
      const shipped = costs.shipped.find((s) => s.currency === currency) ?? { unitsShipped: 0, costOfGoodsMinor: 0, revenueMinor: 0 }
      const inventoryValueMinor = costs.inventoryValue.find((v) => v.currency === currency)?.valueMinor ?? 0
      const grossMarginMinor = shipped.revenueMinor - shipped.costOfGoodsMinor
      return {
        currency, unitsShipped: shipped.unitsShipped, costOfGoodsShippedMinor: shipped.costOfGoodsMinor, revenueMinor: shipped.revenueMinor,
        grossMarginMinor, grossMarginRate: shipped.revenueMinor === 0 ? null : grossMarginMinor / shipped.revenueMinor,
        inventoryValueMinor, turnover: inventoryValueMinor === 0 ? null : shipped.costOfGoodsMinor / inventoryValueMinor,
      }
    }),
  }
}

export function suppliersOf(suppliers: readonly SupplierFigures[]) {
  return { definition: 'supplier_performance', suppliers: [...suppliers] }
}

/** A SKU's, supplier's or channel's units sold and returned over the period, named. */
export interface ReturnUnitsNamed { id: string; code: string; name: string; unitsSold: number; unitsReturned: number }

export interface ReturnBreakdowns {
  reasons: ReadonlyArray<{ reason: string; units: number }>
  skus: readonly ReturnUnitsNamed[]
  suppliers: readonly ReturnUnitsNamed[]
  channels: ReadonlyArray<{ id: string; code: string; name: string; counters: DailyCounters }>
}

type ReturnCounters = Pick<DailyCounters, 'unitsShipped' | 'returnsOpened' | 'returnUnits' | 'returnUnitsRestocked' | 'returnUnitsOutlet' | 'returnUnitsRefurbished'
  | 'returnUnitsToVendor' | 'returnUnitsScrapped' | 'returnRecoveredMinor' | 'refundsRequested' | 'refundRequestedMinor' | 'refundsPaid' | 'refundPaidMinor' | 'refundTimeMs'>

/** The returns figures of one day, one channel or the whole period: units sold are units shipped. */
function returnFigures(c: ReturnCounters) {
  return {
    returnsOpened: c.returnsOpened, unitsSold: c.unitsShipped, unitsReturned: c.returnUnits, returnRate: rate(c.returnUnits, c.unitsShipped),
    refundsRequested: c.refundsRequested, refundRequestedMinor: c.refundRequestedMinor, refundsPaid: c.refundsPaid, refundPaidMinor: c.refundPaidMinor,
    refundMeanHours: meanHours(c.refundTimeMs, c.refundsPaid),
    dispositions: {
      restock: c.returnUnitsRestocked, outlet: c.returnUnitsOutlet, refurbish: c.returnUnitsRefurbished, return_to_vendor: c.returnUnitsToVendor, scrap: c.returnUnitsScrapped,
    },
    recoveredMinor: c.returnRecoveredMinor,
  }
}

const sumCounters = (series: Series): DailyCounters => {
  const out = zeroCounters()
  for (const d of series) for (const name of Object.keys(out) as Array<keyof DailyCounters>) out[name] += d[name]
  return out
}

const byUnitsThenName = <T extends { units: number; key: string }>(a: T, b: T) => b.units - a.units || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * Returns opened, units returned over units sold (shipped), refunds requested and paid with the
 * mean hours between, the disposition mix and the value recovered (docs/analytics.md `returns`);
 * and for the period: units returned by reason (most first), by SKU and by supplier (with their
 * units sold and return rate, most returned first), and by channel.
 */
export function returnsOf(series: Series, breakdowns: ReturnBreakdowns) {
  const totals = returnFigures(sumCounters(series))
  const named = (u: ReturnUnitsNamed) => ({ ...u, returnRate: rate(u.unitsReturned, u.unitsSold) })
  return {
    definition: 'returns',
    totals,
    series: series.map((d) => ({ day: d.day, ...returnFigures(d) })),
    byReason: breakdowns.reasons.filter((r) => r.units > 0).map((r) => ({ ...r, key: r.reason })).sort(byUnitsThenName)
      .map((r) => ({ reason: r.reason, units: r.units, share: rate(r.units, totals.unitsReturned) })),
    bySku: breakdowns.skus.map(named),
    bySupplier: breakdowns.suppliers.map(named),
    byChannel: breakdowns.channels.map((c) => ({ id: c.id, code: c.code, name: c.name, ...returnFigures(c.counters) })),
  }
}
