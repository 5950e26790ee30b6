/** A forecast input cleaned once: demand clipped to finite ≥ 0, calendar padded to history + horizon, per-day date parts. */
import type { ForecastInput } from './types.ts'

export const maxHorizonDays = 366

export interface Series {
  /** History length (days before the forecast origin). */
  n: number
  horizon: number
  /** n + horizon */
  total: number
  /** Demand per history day; 0 on closed days. */
  y: Float64Array
  /** 1 = open (not a closure), per day of history and horizon. */
  open: Uint8Array
  promotion: Uint8Array
  holiday: Uint8Array
  peak: Uint8Array
  upliftPct: Float64Array
  /** Monday = 0 … Sunday = 6 */
  weekday: Uint8Array
  dayOfMonth: Uint8Array
  /** 0 on the month's last day. */
  daysToMonthEnd: Uint8Array
  /** Epoch day of day 0. */
  startDay: number
}

function cleanNumber(value: number): number {
  return value > 0 && value < 1e15 ? value : value >= 1e15 ? 1e15 : 0
}

function padFlags(source: ArrayLike<number> | undefined, total: number): Uint8Array {
  const out = new Uint8Array(total)
  const length = Math.min(total, source?.length ?? 0)
  for (let t = 0; t < length; t++) out[t] = source![t] === 1 ? 1 : 0
  return out
}

export function prepareSeries(input: ForecastInput): Series {
  const n = input.history?.length ?? 0
  const requested = Math.floor(Number(input.horizonDays))
  const horizon = Number.isFinite(requested) ? Math.max(0, Math.min(maxHorizonDays, requested)) : 0
  const total = n + horizon
  const calendar = input.calendar
  const closed = padFlags(calendar?.closed, total)
  const open = new Uint8Array(total)
  const y = new Float64Array(n)
  for (let t = 0; t < total; t++) open[t] = closed[t] === 1 ? 0 : 1
  for (let t = 0; t < n; t++) y[t] = open[t] === 1 ? cleanNumber(input.history[t]) : 0
  const upliftPct = new Float64Array(total)
  const upliftLength = Math.min(total, calendar?.upliftPct?.length ?? 0)
  for (let t = 0; t < upliftLength; t++) upliftPct[t] = Math.max(-100, Math.min(10_000, Number.isFinite(calendar.upliftPct[t]) ? calendar.upliftPct[t] : 0))
  const startDay = Number.isFinite(input.startDay) ? Math.floor(input.startDay) : 0
  return {
    n, horizon, total, y, open,
    promotion: padFlags(calendar?.promotion, total), holiday: padFlags(calendar?.holiday, total), peak: padFlags(calendar?.peak, total), upliftPct,
    startDay, ...dateParts(startDay, total),
  }
}

/** Civil date of an epoch day (proleptic Gregorian; H. Hinnant's algorithm). */
function civil(day: number): { year: number, month: number, dom: number } {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const dom = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, dom }
}

function monthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function dateParts(startDay: number, total: number): Pick<Series, 'weekday' | 'dayOfMonth' | 'daysToMonthEnd'> {
  const weekday = new Uint8Array(total), dayOfMonth = new Uint8Array(total), daysToMonthEnd = new Uint8Array(total)
  let { year, month, dom } = civil(startDay)
  let length = monthLength(year, month)
  for (let t = 0; t < total; t++) {
    const day = startDay + t
    weekday[t] = (((day + 3) % 7) + 7) % 7
    dayOfMonth[t] = dom
    daysToMonthEnd[t] = length - dom
    if (++dom > length) {
      dom = 1
      if (++month > 12) { month = 1; year++ }
      length = monthLength(year, month)
    }
  }
  return { weekday, dayOfMonth, daysToMonthEnd }
}
