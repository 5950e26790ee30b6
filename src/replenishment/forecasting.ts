/**
 * Forecasting over stored history: each series' demand (what customers asked for, see model.ts)
 * from its first day with demand (at most `historyDays` back) to the as-of day, the planned events
 * calendar over that span and the horizon, and the engine's forecast (forecast/index.ts). Only
 * history up to the as-of day is read, so a forecast "as of" a past day is a fair backtest.
 */
import type { Queryable } from '../store/db.ts'
import { forecastSeries, type SeriesForecast } from './forecast/index.ts'
import { calendarOf } from './calendar.ts'
import { plannedEventsBetween } from './calendar-store.ts'
import { demandPage, type DemandPoints } from './demand-store.ts'
export { seriesCount } from './demand-store.ts'
import type { PlannedEvent } from './model.ts'

/** Three years: enough for yearly seasonality to be measured twice, little enough to forecast 100,000 series in a minute. */
export const historyDays = 3 * 365
export const mostHorizonDays = 366

export interface SeriesKey { skuId: string; nodeId: string }

export interface ForecastOfSeries extends SeriesKey {
  asOfDay: number
  /** The first day of the history used (its length is asOfDay − startDay + 1). */
  startDay: number
  history: Float64Array
  forecast: SeriesForecast
}

/**
 * The dense daily history of one series from its aggregated demand (`day:units,…`), from its first
 * day with a row within the window to the as-of day; days without a row had no demand.
 */
export function historyOf(points: DemandPoints, asOfDay: number): { startDay: number; history: Float64Array } {
  const days: number[] = []
  const units: number[] = []
  let startDay = asOfDay + 1
  for (let at = 0; at < points.length;) {
    const colon = points.indexOf(':', at)
    const comma = points.indexOf(',', colon)
    const end = comma === -1 ? points.length : comma
    const day = Number(points.slice(at, colon))
    if (day <= asOfDay && day > asOfDay - historyDays) {
      days.push(day)
      units.push(Math.max(0, Number(points.slice(colon + 1, end))))
      if (day < startDay) startDay = day
    }
    at = end + 1
  }
  const history = new Float64Array(asOfDay - startDay + 1)
  days.forEach((day, i) => (history[day - startDay] += units[i]))
  return { startDay, history }
}

/** Forecasts one series from what is loaded: its demand and the planned events (already narrowed or not). */
export function forecastOf(key: SeriesKey, points: DemandPoints | undefined, events: readonly PlannedEvent[], asOfDay: number, horizonDays: number): ForecastOfSeries {
  const { startDay, history } = historyOf(points ?? '', asOfDay)
  const calendar = calendarOf(events, key.skuId, key.nodeId, startDay, history.length + horizonDays)
  return { ...key, asOfDay, startDay, history, forecast: forecastSeries({ startDay, history, calendar, horizonDays }) }
}

/**
 * Every series with demand up to the as-of day, a page at a time (`pageSize` series read in one
 * query), handed to `each` in SKU then node order. The calendar is read once for the whole span.
 */
export async function forecastEverySeries(
  q: Queryable, asOfDay: number, horizonDays: number, each: (f: ForecastOfSeries) => void | Promise<void>, pageSize = 500,
): Promise<number> {
  const fromDay = asOfDay - historyDays + 1
  const events = await plannedEventsBetween(q, fromDay, asOfDay + horizonDays)
  const bySeries = eventsBySeries(events)
  let after: SeriesKey | undefined
  let count = 0
  for (;;) {
    const page = await demandPage(q, after, fromDay, asOfDay, pageSize)
    if (page.length === 0) return count
    for (const { skuId, nodeId, points } of page) {
      await each(forecastOf({ skuId, nodeId }, points, bySeries({ skuId, nodeId }), asOfDay, horizonDays))
      count++
    }
    after = page[page.length - 1]
  }
}

/** The events that may apply to a series, without scanning every event for each of 100,000 series. */
export function eventsBySeries(events: readonly PlannedEvent[]): (key: SeriesKey) => PlannedEvent[] {
  const wide: PlannedEvent[] = []
  const bySku = new Map<string, PlannedEvent[]>()
  const byNode = new Map<string, PlannedEvent[]>()
  for (const e of events) {
    const list = e.skuId !== '*' ? listIn(bySku, e.skuId) : e.nodeId !== '*' ? listIn(byNode, e.nodeId) : wide
    list.push(e)
  }
  return (key) => [...wide, ...(byNode.get(key.nodeId) ?? []), ...(bySku.get(key.skuId) ?? [])]
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key)
  if (!list) map.set(key, (list = []))
  return list
}
