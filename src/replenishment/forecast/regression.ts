/**
 * Calendar regression: log demand on open days explained by weekday, promotion × weekday, open holiday, peak,
 * days next to an irregular closure and day-of-month bins; ridge least squares with slowly decaying weights,
 * then a robust recent level (median residual of the last 12 weeks) and, in the yearly variant, last year's
 * change from the level window to the target date (what the calendar does not explain of the season).
 * Gives the median; the mean is the median × the smearing factor of recent residuals.
 * The weighted Gram matrix is accumulated in one pass over history and read at each backtest origin.
 */
import { unseenEventUplift } from './events.ts'
import { choleskySolve } from './linear.ts'
import type { Series } from './series.ts'

const featureCount = 34
/** Long: day-of-month and event effects need many occurrences; the recent level is corrected separately. */
const halfLifeDays = 730
const ridge = 1e-3
const maxTrainingDays = 1400
const levelDays = 84
const maxLogDemand = 40

interface Context {
  s: Series
  /** Feature indices of each day's row (all features are 0/1 indicators), `maxFeatures` slots per day. */
  rows: Int32Array
  rowLength: Uint8Array
  /** log(demand + shift) per history day. */
  z: Float64Array
  shift: number
  /** Days within 3 days of a holiday or an irregular closure: dates that move from year to year. */
  nearEvent: Uint8Array
  /** History days that observe ordinary demand: open, not a glitch, not around a long closure. */
  usable: Uint8Array
}

const maxFeatures = 11

export interface RegressionResult { smear: Float64Array }

function buildContext(s: Series): Context {
  const openCount = new Float64Array(7), dayCount = new Float64Array(7)
  for (let t = 0; t < s.total; t++) { dayCount[s.weekday[t]]++; openCount[s.weekday[t]] += s.open[t] }
  const irregular = new Uint8Array(s.total)
  for (let t = 0; t < s.total; t++) irregular[t] = s.open[t] === 0 && openCount[s.weekday[t]] * 2 >= dayCount[s.weekday[t]] ? 1 : 0
  const rows = new Int32Array(s.total * maxFeatures), rowLength = new Uint8Array(s.total)
  for (let t = 0; t < s.total; t++) rowLength[t] = rowFeatures(s, irregular, t, rows, t * maxFeatures)
  let sum = 0, count = 0
  for (let t = 0; t < s.n; t++) if (s.open[t] === 1) { sum += s.y[t]; count++ }
  const shift = 1 + 0.01 * (count > 0 ? sum / count : 0)
  const z = new Float64Array(s.n)
  for (let t = 0; t < s.n; t++) z[t] = Math.log(s.y[t] + shift)
  const nearEvent = new Uint8Array(s.total)
  for (let t = 0; t < s.total; t++) {
    if (irregular[t] === 0 && s.holiday[t] === 0) continue
    for (let d = Math.max(0, t - 3); d <= Math.min(s.total - 1, t + 3); d++) nearEvent[d] = 1
  }
  return { s, rows, rowLength, z, shift, nearEvent, usable: usableDays(s, irregular, count) }
}

const longClosureDays = 5
const longClosureMarginDays = 14
const glitchFreeShare = 0.9

/**
 * A store shut for days (refurbishment, a stock-take) sells abnormally before and after; and a day open
 * without a single sale in a series that almost always sells is a stock-out or a data gap. Neither says
 * what an ordinary day sells, so the regression neither learns from them nor takes its level from them.
 */
function usableDays(s: Series, irregular: Uint8Array, openDays: number): Uint8Array {
  const usable = new Uint8Array(s.n)
  let selling = 0
  for (let t = 0; t < s.n; t++) if (s.open[t] === 1 && s.y[t] > 0) selling++
  const glitches = selling >= glitchFreeShare * openDays
  for (let t = 0; t < s.n; t++) usable[t] = s.open[t] === 1 && !(glitches && s.y[t] === 0) ? 1 : 0
  for (let t = 0; t < s.total;) {
    if (irregular[t] === 0) { t++; continue }
    let end = t
    while (end < s.total && s.open[end] === 0) end++
    if (end - t >= longClosureDays) {
      for (let d = Math.max(0, t - longClosureMarginDays); d < Math.min(s.n, end + longClosureMarginDays); d++) usable[d] = 0
    }
    t = end
  }
  return usable
}

function domBin(s: Series, t: number): number {
  const toEnd = s.daysToMonthEnd[t], dom = s.dayOfMonth[t]
  if (toEnd <= 2) return toEnd
  if (dom <= 3) return 2 + dom
  return dom <= 6 ? 6 : dom <= 10 ? 7 : dom <= 14 ? 8 : dom <= 18 ? 9 : dom <= 22 ? 10 : 11
}

/** Day t's features, ascending, into rows[at…]; returns how many. */
function rowFeatures(s: Series, irregular: Uint8Array, t: number, rows: Int32Array, at: number): number {
  let k = at
  rows[k++] = 0
  const w = s.weekday[t]
  if (w > 0) rows[k++] = w
  if (s.promotion[t] === 1) { rows[k++] = 7; if (w > 0) rows[k++] = 7 + w }
  if (s.holiday[t] === 1) rows[k++] = 14
  if (s.peak[t] === 1) rows[k++] = 15
  if (t >= 1 && irregular[t - 1] === 1) rows[k++] = 16
  else if ((t >= 2 && irregular[t - 2] === 1) || (t >= 3 && irregular[t - 3] === 1)) rows[k++] = 17
  if (t + 1 < s.total && irregular[t + 1] === 1) rows[k++] = 18
  else if ((t + 2 < s.total && irregular[t + 2] === 1) || (t + 3 < s.total && irregular[t + 3] === 1)) rows[k++] = 19
  rows[k++] = 20 + domBin(s, t)
  // Stocking up before, and catching up after, a closure of two days or more (Easter, Christmas).
  if (t + 2 < s.total && irregular[t + 1] === 1 && s.open[t + 2] === 0) rows[k++] = 32
  if (t >= 2 && irregular[t - 1] === 1 && s.open[t - 2] === 0) rows[k++] = 33
  return k - at
}

function predict(c: Context, beta: Float64Array, t: number): number {
  let eta = 0
  const at = t * maxFeatures, end = at + c.rowLength[t]
  for (let a = at; a < end; a++) eta += beta[c.rows[a]]
  return eta
}

/**
 * Forecasts the median at each origin (ascending) into plain[i] and, with last year's seasonal change,
 * into yearly[i]; returns each origin's smearing factor for the mean.
 */
export function calendarRegression(s: Series, origins: ArrayLike<number>, lengths: ArrayLike<number>, plain: Float64Array[], yearly: Float64Array[]): RegressionResult {
  const c = buildContext(s)
  const p = featureCount
  const gram = new Float64Array(p * p), rhs = new Float64Array(p)
  const smear = new Float64Array(origins.length).fill(1)
  const decay = Math.pow(2, -1 / halfLifeDays)
  const first = Math.max(0, s.n - maxTrainingDays)
  let weight = Math.pow(2, -(s.n - first) / halfLifeDays)
  let t = first, firstOpen = -1, peakDays = 0, promotionDays = 0
  for (let i = 0; i < origins.length; i++) {
    for (; t < origins[i]; t++, weight /= decay) {
      if (c.usable[t] === 0) continue
      if (firstOpen < 0) firstOpen = t
      peakDays += s.peak[t]
      promotionDays += s.promotion[t]
      const wz = weight * c.z[t]
      const at = t * maxFeatures, end = at + c.rowLength[t]
      for (let a = at; a < end; a++) {
        const row = c.rows[a] * p
        rhs[c.rows[a]] += wz
        for (let b = a; b < end; b++) gram[row + c.rows[b]] += weight
      }
    }
    const origin = origins[i]
    const beta = solve(gram, rhs, p)
    if (beta === null) { plain[i].fill(0, 0, lengths[i]); yearly[i].fill(0, 0, lengths[i]); continue }
    const level = recentLevel(c, beta, origin)
    const seasonal = lastYearShape(c, beta, origin, firstOpen, lengths[i])
    smear[i] = level.smear
    for (let k = 0; k < lengths[i]; k++) {
      const day = origin + k
      const eta = predict(c, beta, day) + level.shift
      const uplift = unseenEventUplift(s, day, promotionDays > 0, peakDays > 0)
      plain[i][k] = median(c, eta, uplift)
      yearly[i][k] = median(c, eta + seasonal[k], uplift)
    }
  }
  return { smear }
}

function median(c: Context, eta: number, uplift: number): number {
  return Math.max(0, Math.exp(Math.min(maxLogDemand, eta)) - c.shift) * uplift
}

function solve(gram: Float64Array, rhs: Float64Array, p: number): Float64Array | null {
  const total = gram[0]
  if (!(total > 0)) return null
  const a = new Float64Array(p * p), b = new Float64Array(p)
  for (let i = 0; i < p; i++) {
    b[i] = rhs[i]
    for (let j = i; j < p; j++) { a[i * p + j] = gram[i * p + j]; a[j * p + i] = gram[i * p + j] }
    a[i * p + i] += (i === 0 ? 1e-9 : ridge) * total
  }
  return choleskySolve(a, b, p)
}

/** Median residual of the last usable days (a robust recent level) and the factor from the median to the mean. */
function recentLevel(c: Context, beta: Float64Array, origin: number): { shift: number, smear: number, days: number } {
  const residuals = new Float64Array(levelDays)
  let days = 0
  for (let t = origin - 1; t >= 0 && days < levelDays; t--) {
    if (c.usable[t] === 1) residuals[days++] = c.z[t] - predict(c, beta, t)
  }
  if (days === 0) return { shift: 0, smear: 1, days: 0 }
  const used = residuals.subarray(0, days)
  const shift = medianOf(used)
  // Lognormal mean over median, exp(σ²/2), with σ from the median absolute deviation: a few extreme days
  // (a pre-holiday rush in the window) must not inflate every day's mean.
  for (let i = 0; i < days; i++) used[i] = Math.abs(used[i] - shift)
  const sigma = 1.4826 * medianOf(used)
  return { shift, smear: Math.min(1.5, Math.exp((sigma * sigma) / 2)), days }
}

/** Median of the values, sorting them in place (typed-array sort is numeric and fast). */
function medianOf(values: Float64Array): number {
  values.sort()
  const mid = values.length >> 1
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
}

const yearHalfWindow = 7
/** One year is one noisy sample of the season: take three quarters of it. */
const yearlyShrink = 0.75

/**
 * What the calendar does not explain of the time of year: last year's median residual around the target
 * date minus last year's recent level taken as the level is taken now (so a skewed season such as December
 * shifts both alike); zero without a year of history.
 */
function lastYearShape(c: Context, beta: Float64Array, origin: number, firstOpen: number, length: number): Float64Array {
  const shift = new Float64Array(length)
  const lastYear = origin - 364
  if (firstOpen < 0 || lastYear - levelDays < firstOpen) return shift
  const base = recentLevel(c, beta, lastYear)
  if (base.days < levelDays / 2) return shift
  const residual = new Float64Array(Math.min(length, 364) + 2 * yearHalfWindow + 1).fill(NaN)
  const from = lastYear - yearHalfWindow
  for (let t = Math.max(0, from); t < Math.min(origin, from + residual.length); t++) {
    if (c.usable[t] === 1 && c.nearEvent[t] === 0) residual[t - from] = c.z[t] - predict(c, beta, t)
  }
  const window = new Float64Array(2 * yearHalfWindow + 1)
  for (let k = 0; k < length; k++) {
    let size = 0
    for (let d = k; d <= k + 2 * yearHalfWindow && d < residual.length; d++) if (!Number.isNaN(residual[d])) window[size++] = residual[d]
    if (size >= 3) shift[k] = yearlyShrink * (medianOf(window.subarray(0, size)) - base.shift)
  }
  return shift
}
