/**
 * Dev harness for the demand-forecasting engine: the Rossmann subset as forecast inputs, WAPE, the three
 * reference baselines of /work/shared/data/README.md, and a seeded synthetic series generator.
 * Reused by the benchmarks; nothing here is product code.
 */
import { readFileSync } from 'node:fs'
import type { Calendar, ForecastInput } from '../src/replenishment/forecast/index.ts'

export const msPerDay = 86_400_000

export function epochDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / msPerDay)
}

/** Monday = 0 … Sunday = 6 (epoch day 0 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

export interface RossmannStore {
  store: number
  startDay: number
  /** Sales per day from startDay to the last day of the file: history and the future actuals. */
  sales: Float64Array
  /** 1 where the file has a row for the day (some stores miss the second half of 2014). */
  present: Uint8Array
  calendar: Calendar
}

/** Days the file lacks are closures in the calendar: not an observation of demand, and not scored. */
export function readRossmann(path: string): RossmannStore[] {
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','))
  const byStore = new Map<number, string[][]>()
  for (const row of rows) {
    const store = Number(row[0])
    const list = byStore.get(store) ?? []
    list.push(row)
    byStore.set(store, list)
  }
  const stores: RossmannStore[] = []
  for (const [store, list] of [...byStore].sort((a, b) => a[0] - b[0])) {
    const days = list.map((row) => epochDay(row[2]))
    const startDay = Math.min(...days)
    const length = Math.max(...days) - startDay + 1
    const sales = new Float64Array(length)
    const present = new Uint8Array(length)
    const calendar = emptyCalendar(length)
    calendar.closed.fill(1)
    list.forEach((row, i) => {
      const t = days[i] - startDay
      present[t] = 1
      sales[t] = Number(row[3])
      calendar.closed[t] = row[5] === '0' ? 1 : 0
      calendar.promotion[t] = row[6] === '1' ? 1 : 0
      calendar.holiday[t] = row[7] !== '0' ? 1 : 0
    })
    stores.push({ store, startDay, sales, present, calendar })
  }
  return stores
}

export function emptyCalendar(length: number): Calendar {
  return {
    closed: new Uint8Array(length), promotion: new Uint8Array(length), holiday: new Uint8Array(length),
    peak: new Uint8Array(length), upliftPct: new Float64Array(length),
  }
}

export function sliceCalendar(calendar: Calendar, length: number): Calendar {
  return {
    closed: calendar.closed.slice(0, length), promotion: calendar.promotion.slice(0, length),
    holiday: calendar.holiday.slice(0, length), peak: calendar.peak.slice(0, length), upliftPct: calendar.upliftPct.slice(0, length),
  }
}

/** A store's forecast input at an origin (history up to and including originDay) and the actuals to score. */
export function rossmannInput(store: RossmannStore, originDay: number, horizonDays: number): { input: ForecastInput, actual: Float64Array, scored: Uint8Array } {
  const historyLength = originDay - store.startDay + 1
  const actual = store.sales.slice(historyLength, historyLength + horizonDays)
  const scored = new Uint8Array(horizonDays)
  for (let k = 0; k < horizonDays; k++) {
    const t = historyLength + k
    scored[k] = store.present[t] === 1 && store.calendar.closed[t] === 0 ? 1 : 0
  }
  return {
    input: { startDay: store.startDay, history: store.sales.slice(0, historyLength), calendar: sliceCalendar(store.calendar, historyLength + horizonDays), horizonDays },
    actual, scored,
  }
}

/** Accumulates Σ|a−f| and Σa over scored days, so several series pool into one WAPE. */
export class Wape {
  absError = 0
  actual = 0
  add(actual: Float64Array, forecast: Float64Array, scored: Uint8Array): void {
    for (let k = 0; k < actual.length; k++) {
      if (scored[k] !== 1) continue
      this.absError += Math.abs(actual[k] - forecast[k])
      this.actual += actual[k]
    }
  }
  get value(): number { return this.actual > 0 ? this.absError / this.actual : 0 }
}

export function wape(actual: Float64Array, forecast: Float64Array, scored: Uint8Array): number {
  const w = new Wape()
  w.add(actual, forecast, scored)
  return w.value
}

function isOpen(input: ForecastInput, t: number): boolean {
  return input.calendar.closed[t] === 0
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** README: same weekday last week — the latest open day of the same weekday in history. */
export function seasonalNaiveBaseline(input: ForecastInput): Float64Array {
  const n = input.history.length
  const out = new Float64Array(input.horizonDays)
  for (let k = 0; k < input.horizonDays; k++) {
    const t = n + k
    if (!isOpen(input, t)) continue
    for (let s = t - 7 * (Math.floor(k / 7) + 1); s >= 0; s -= 7) {
      if (isOpen(input, s)) { out[k] = input.history[s]; break }
    }
  }
  return out
}

/** README: median of the same weekday over the last 8 weeks, split by promotion / no promotion. */
export function medianPromoBaseline(input: ForecastInput): Float64Array {
  const n = input.history.length
  const out = new Float64Array(input.horizonDays)
  for (let k = 0; k < input.horizonDays; k++) {
    const t = n + k
    if (!isOpen(input, t)) continue
    const promo = input.calendar.promotion[t]
    const same: number[] = []
    const any: number[] = []
    for (let s = n - 1; s >= Math.max(0, n - 56); s--) {
      if ((t - s) % 7 !== 0 || !isOpen(input, s)) continue
      any.push(input.history[s])
      if (input.calendar.promotion[s] === promo) same.push(input.history[s])
    }
    out[k] = median(same.length > 0 ? same : any)
  }
  return out
}

/**
 * README: recent level (median ratio over the last 8 weeks) × weekday factor × promotion factor ×
 * day-of-month factor, the factors averaged over the last 52 weeks of open days. Each factor is the mean
 * ratio of demand to what the factors before it explain (weekday, then promotion, then day of month), so a
 * promotion week's days of month do not count the promotion twice.
 */
export function multiplicativeBaseline(input: ForecastInput): Float64Array {
  const n = input.history.length
  const days: number[] = []
  for (let t = Math.max(0, n - 364); t < n; t++) if (isOpen(input, t)) days.push(t)
  let total = 0
  for (const t of days) total += input.history[t]
  const mean = days.length > 0 ? total / days.length : 0
  const keys: ((t: number) => number)[] = [
    (t) => weekdayOf(input.startDay + t) * 2 + input.calendar.promotion[t],
    (t) => new Date((input.startDay + t) * msPerDay).getUTCDate(),
  ]
  const factors = keys.map(() => new Float64Array(32).fill(1))
  const explained = (t: number, upTo: number): number => {
    let value = mean
    for (let f = 0; f < upTo; f++) value *= factors[f][keys[f](t)]
    return value
  }
  keys.forEach((key, f) => {
    const sum = new Float64Array(32), count = new Float64Array(32)
    for (const t of days) {
      const base = explained(t, f)
      if (base > 0) { sum[key(t)] += input.history[t]; count[key(t)] += base }
    }
    for (let i = 0; i < 32; i++) if (count[i] > 0) factors[f][i] = sum[i] / count[i]
  })
  const ratios: number[] = []
  for (let t = Math.max(0, n - 56); t < n; t++) {
    const base = explained(t, keys.length)
    if (isOpen(input, t) && base > 0) ratios.push(input.history[t] / base)
  }
  const level = ratios.length > 0 ? median(ratios) : 1
  const out = new Float64Array(input.horizonDays)
  for (let k = 0; k < input.horizonDays; k++) if (isOpen(input, n + k)) out[k] = level * explained(n + k, keys.length)
  return out
}

/** Deterministic PRNG (mulberry32) for the synthetic series. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)))
  const limit = Math.exp(-mean)
  let k = 0, p = random()
  while (p > limit) { k++; p *= random() }
  return k
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random())
}

export type SyntheticKind = 'smooth' | 'intermittent' | 'lumpy' | 'short'
export interface SyntheticSeries { kind: SyntheticKind, input: ForecastInput, future: Float64Array }

/**
 * `count` series of 2 years of history (short ones: 3–120 days) and a 56-day horizon with its actuals:
 * a mix of smooth (trend, weekly and yearly seasonality, promotions), intermittent, lumpy and new series.
 */
export function syntheticSeries(seed: number, count: number, historyDays = 730, horizonDays = 56): SyntheticSeries[] {
  const random = mulberry32(seed)
  const kinds: SyntheticKind[] = ['smooth', 'smooth', 'smooth', 'smooth', 'intermittent', 'intermittent', 'lumpy', 'short']
  const startDay = epochDay('2023-01-02')
  const series: SyntheticSeries[] = []
  for (let i = 0; i < count; i++) {
    const kind = kinds[Math.floor(random() * kinds.length)]
    const length = kind === 'short' ? 3 + Math.floor(random() * 118) : historyDays
    const total = length + horizonDays
    const calendar = emptyCalendar(total)
    const level = kind === 'smooth' || kind === 'short' ? 2 + random() * 200 : 0.5 + random() * 3
    const trendPerDay = (random() - 0.5) * level * 0.002
    const weekly = Array.from({ length: 7 }, (_, d) => (d === 6 ? 0.6 : 1) + (random() - 0.5) * 0.4)
    const yearlyAmp = random() * 0.3
    const promoUplift = 1.2 + random() * 0.8
    const occurrence = kind === 'intermittent' ? 0.1 + random() * 0.25 : kind === 'lumpy' ? 0.03 + random() * 0.1 : 1
    const size = kind === 'lumpy' ? 5 + random() * 20 : 1
    const demand = new Float64Array(total)
    for (let t = 0; t < total; t++) {
      const day = startDay + t
      if (random() < 0.01 || weekdayOf(day) === 6 && random() < 0.1) calendar.closed[t] = 1
      if (random() < 0.04) calendar.promotion[t] = 1
      if (random() < 0.01) calendar.holiday[t] = 1
      if (calendar.closed[t] === 1) continue
      const rate = Math.max(0, level + trendPerDay * t) * weekly[weekdayOf(day)] *
        (1 + yearlyAmp * Math.sin((2 * Math.PI * t) / 365.25)) * (calendar.promotion[t] === 1 ? promoUplift : 1)
      if (occurrence < 1) demand[t] = random() < occurrence ? Math.round(size * rate * (0.5 + random())) : 0
      else demand[t] = poisson(random, rate)
    }
    series.push({ kind, input: { startDay, history: demand.slice(0, length), calendar, horizonDays }, future: demand.slice(length) })
  }
  return series
}
