/**
 * Baseline models on the event-free history (open days only; closures are not observations):
 * seasonal naive, weekday profile × smoothed level, and damped Holt–Winters with a weekly season and,
 * with ≥ ~1.5 years of history, last year's shape around the same dates.
 * Each forecasts from several origins at once (origins ascending) so the backtest re-uses one pass.
 */
import type { Series } from './series.ts'

export type BaselineModel = (s: Series, adjusted: Float64Array, origins: ArrayLike<number>, lengths: ArrayLike<number>, out: Float64Array[]) => void

function recentOpenMean(s: Series, adjusted: Float64Array, origin: number, days: number): number {
  let sum = 0, count = 0
  for (let t = origin - 1; t >= 0 && count < days; t--) if (s.open[t] === 1) { sum += adjusted[t]; count++ }
  return count > 0 ? sum / count : 0
}

/** Same weekday last week: the latest open same-weekday day before the origin. */
export const seasonalNaive: BaselineModel = (s, adjusted, origins, lengths, out) => {
  for (let i = 0; i < origins.length; i++) {
    const origin = origins[i]
    const fallback = recentOpenMean(s, adjusted, origin, 7)
    for (let k = 0; k < lengths[i]; k++) {
      let value = fallback
      for (let past = origin + k - 7 * (Math.floor(k / 7) + 1); past >= 0; past -= 7) {
        if (s.open[past] === 1) { value = adjusted[past]; break }
      }
      out[i][k] = value
    }
  }
}

const profileDays = 364
const profilePriorDays = 4

/** Multiplicative weekday indices over the last year before the origin, shrunk towards 1 for rarely-open weekdays. */
function weekdayProfile(s: Series, adjusted: Float64Array, origin: number): Float64Array {
  const sum = new Float64Array(7), count = new Float64Array(7)
  let all = 0, allCount = 0
  for (let t = Math.max(0, origin - profileDays); t < origin; t++) {
    if (s.open[t] === 0) continue
    sum[s.weekday[t]] += adjusted[t]; count[s.weekday[t]]++
    all += adjusted[t]; allCount++
  }
  const mean = allCount > 0 ? all / allCount : 0
  const profile = new Float64Array(7).fill(1)
  if (mean > 0) for (let w = 0; w < 7; w++) profile[w] = (sum[w] + profilePriorDays * mean) / (count[w] + profilePriorDays) / mean
  return profile
}

const levelAlpha = 0.1

/** Weekday profile × a level smoothed exponentially over the de-seasonalised open days of the last year. */
export const weekdayLevel: BaselineModel = (s, adjusted, origins, lengths, out) => {
  for (let i = 0; i < origins.length; i++) {
    const origin = origins[i]
    const profile = weekdayProfile(s, adjusted, origin)
    const from = Math.max(0, origin - profileDays)
    let level = recentOpenMean(s, adjusted, from + 28 < origin ? from + 28 : origin, 28)
    for (let t = from; t < origin; t++) {
      if (s.open[t] === 1) level += levelAlpha * (adjusted[t] / profile[s.weekday[t]] - level)
    }
    for (let k = 0; k < lengths[i]; k++) out[i][k] = Math.max(0, level * profile[s.weekday[origin + k]])
  }
}

const hw = { alpha: 0.1, beta: 0.01, gamma: 0.05, phi: 0.97 }
const yearDays = 364
const minDaysForYearly = 548

interface HoltState { level: number; trend: number; season: Float64Array }

/** Damped additive trend, multiplicative weekly season; one pass, with the state kept at each origin. */
export const holtWinters: BaselineModel = (s, adjusted, origins, lengths, out) => {
  const profile = weekdayProfile(s, adjusted, Math.min(s.n, 56))
  const state: HoltState = { level: recentOpenMean(s, adjusted, Math.min(s.n, 28), 28), trend: 0, season: profile }
  const prefix = openPrefixSums(s, adjusted)
  let t = 0
  for (let i = 0; i < origins.length; i++) {
    for (; t < origins[i]; t++) if (s.open[t] === 1) updateHolt(state, adjusted[t], s.weekday[t])
    const origin = origins[i]
    let trendSum = 0, damp = 1
    for (let k = 0; k < lengths[i]; k++) {
      damp *= hw.phi
      trendSum += damp * state.trend
      const yearly = origin >= minDaysForYearly ? yearlyShape(prefix, origin, k) : 1
      out[i][k] = Math.max(0, (state.level + trendSum) * state.season[s.weekday[origin + k]] * yearly)
    }
  }
}

function updateHolt(state: HoltState, value: number, weekday: number): void {
  const season = state.season[weekday] > 1e-6 ? state.season[weekday] : 1e-6
  const previous = state.level
  const level = Math.max(0, hw.alpha * (value / season) + (1 - hw.alpha) * (previous + hw.phi * state.trend))
  state.trend = hw.beta * (level - previous) + (1 - hw.beta) * hw.phi * state.trend
  state.level = level
  if (level > 1e-9) state.season[weekday] = Math.min(20, hw.gamma * (value / level) + (1 - hw.gamma) * state.season[weekday])
}

interface OpenPrefix { sum: Float64Array; count: Float64Array }

function openPrefixSums(s: Series, adjusted: Float64Array): OpenPrefix {
  const sum = new Float64Array(s.n + 1), count = new Float64Array(s.n + 1)
  for (let t = 0; t < s.n; t++) {
    sum[t + 1] = sum[t] + (s.open[t] === 1 ? adjusted[t] : 0)
    count[t + 1] = count[t] + s.open[t]
  }
  return { sum, count }
}

function windowMean(prefix: OpenPrefix, from: number, to: number): number {
  const a = Math.max(0, from), b = Math.min(prefix.sum.length - 1, to)
  const count = b > a ? prefix.count[b] - prefix.count[a] : 0
  return count > 0 ? (prefix.sum[b] - prefix.sum[a]) / count : 0
}

/** Last year's 4-week mean around the target date over last year's 4-week mean before the origin (damped, clamped). */
function yearlyShape(prefix: OpenPrefix, origin: number, k: number): number {
  const before = windowMean(prefix, origin - yearDays - 28, origin - yearDays)
  const around = windowMean(prefix, origin - yearDays + k - 14, Math.min(origin, origin - yearDays + k + 14))
  if (before <= 0 || around <= 0) return 1
  return Math.max(0.5, Math.min(2, Math.sqrt(around / before)))
}
