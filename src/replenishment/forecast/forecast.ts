/**
 * Forecast one series: every candidate model forecasts from a few rolling origins (backtest) and from the
 * forecast origin; the lowest pooled WAPE wins, the runner-up is reported; quantiles and the daily spread
 * come from the winner's backtest errors.
 */
import { ErrorSums, naiveWeeklyMae } from './accuracy.ts'
import { estimateEventEffects, eventMultiplier, withoutEvents, type EventEffects } from './events.ts'
import { croston, sba, tsb } from './intermittent.ts'
import { dailyQuantiles, quantileShape } from './quantiles.ts'
import { calendarRegression } from './regression.ts'
import { prepareSeries, type Series } from './series.ts'
import { holtWinters, seasonalNaive, weekdayLevel, type BaselineModel } from './smoothing.ts'
import type { ForecastInput, ModelName, SeriesForecast } from './types.ts'

/** In order of preference on equal backtest error: simpler first. */
const smoothModels: [ModelName, BaselineModel][] = [['seasonal_naive', seasonalNaive], ['weekday_level', weekdayLevel], ['holt_winters', holtWinters]]
/**
 * Intermittent series choose among these only: on mostly-zero days WAPE rewards forecasting nearly nothing
 * (a median), which would starve replenishment; these forecast the mean rate.
 */
const intermittentModels: [ModelName, BaselineModel][] = [['croston', croston], ['sba', sba], ['tsb', tsb]]
const backtestOrigins = 2
const minBacktestDays = 14
const maxBacktestDays = 42
const minTrainingDays = 28
const intermittentAdi = 1.32

export interface Plan { origins: number[]; lengths: number[]; backtests: number }

/** Non-overlapping backtest windows ending at the forecast origin, then the forecast origin itself. */
export function backtestPlan(n: number, horizon: number): Plan {
  let length = Math.max(minBacktestDays, Math.min(maxBacktestDays, horizon))
  let count = Math.min(backtestOrigins, Math.floor((n - minTrainingDays) / length))
  if (count < 1 && n - minTrainingDays >= 7) { length = n - minTrainingDays; count = 1 }
  const origins: number[] = [], lengths: number[] = []
  for (let k = Math.max(0, count); k >= 1; k--) { origins.push(n - k * length); lengths.push(length) }
  origins.push(n); lengths.push(horizon)
  return { origins, lengths, backtests: Math.max(0, count) }
}

interface Candidate { name: ModelName; points: Float64Array[]; meanFactor: number; errors: ErrorSums }

export function forecastSeries(input: ForecastInput): SeriesForecast {
  const s = prepareSeries(input)
  const plan = backtestPlan(s.n, s.horizon)
  const intermittent = isIntermittent(s)
  const candidates = runCandidates(s, plan, intermittent)
  // A backtest over windows without a single open day (a store shut for months) decides nothing.
  const backtested = plan.backtests > 0 && candidates[0].errors.days > 0
  const ranked = backtested ? [...candidates].sort((a, b) => a.errors.wape() - b.errors.wape()) : [fallback(candidates, intermittent)]
  const chosen = ranked[0]
  const naiveMae = naiveWeeklyMae(s)
  const runnerUp = ranked.length > 1 ? ranked[1] : null
  return {
    model: chosen.name,
    accuracy: backtested ? chosen.errors.accuracy(naiveMae) : null,
    runnerUp: runnerUp?.name ?? null,
    runnerUpAccuracy: runnerUp?.errors.accuracy(naiveMae) ?? null,
    intermittent,
    ...distribution(s, chosen, backtested ? chosen.errors : null, intermittent),
  }
}

function isIntermittent(s: Series): boolean {
  let openDays = 0, demandDays = 0
  for (let t = 0; t < s.n; t++) if (s.open[t] === 1) { openDays++; if (s.y[t] > 0) demandDays++ }
  return demandDays === 0 ? openDays > 0 : openDays / demandDays > intermittentAdi
}

/** Without a backtest: a weekday profile × level, or SBA for intermittent demand. */
function fallback(candidates: Candidate[], intermittent: boolean): Candidate {
  const name: ModelName = intermittent ? 'sba' : 'weekday_level'
  return candidates.find((c) => c.name === name)!
}

function runCandidates(s: Series, plan: Plan, intermittent: boolean): Candidate[] {
  const models = intermittent ? intermittentModels : [...smoothModels, ...intermittentModels]
  const candidates: Candidate[] = models.map(([name]) => ({ name, points: plan.lengths.map((length) => new Float64Array(length)), meanFactor: 1, errors: new ErrorSums() }))
  // Event effects are learnt from the history before each origin only, so the backtest is honest.
  plan.origins.forEach((origin, i) => {
    const effects = estimateEventEffects(s, origin)
    const adjusted = withoutEvents(s, effects, origin)
    models.forEach(([, model], m) => {
      model(s, adjusted, [origin], [plan.lengths[i]], [candidates[m].points[i]])
      applyCalendar(s, effects, origin, candidates[m].points[i])
    })
  })
  for (const candidate of candidates) candidate.errors = scoreBacktest(s, plan, candidate.points)
  if (intermittent) return candidates
  const plain = plan.lengths.map((length) => new Float64Array(length))
  const yearly = plan.lengths.map((length) => new Float64Array(length))
  const { smear } = calendarRegression(s, plan.origins, plan.lengths, plain, yearly)
  for (const [name, points] of [['calendar_regression', plain], ['calendar_regression_yearly', yearly]] as const) {
    plan.origins.forEach((origin, i) => applyCalendar(s, null, origin, points[i]))
    candidates.push({ name, points, meanFactor: smear[smear.length - 1], errors: scoreBacktest(s, plan, points) })
  }
  return candidates
}

/** Planned events lift a baseline forecast; closures make it zero. */
function applyCalendar(s: Series, effects: EventEffects | null, origin: number, points: Float64Array): void {
  for (let k = 0; k < points.length; k++) {
    const t = origin + k
    if (s.open[t] === 0) points[k] = 0
    else if (effects !== null) points[k] *= eventMultiplier(s, effects, t)
    if (!(points[k] >= 0 && points[k] < Infinity)) points[k] = points[k] === Infinity ? 1e15 : 0
  }
}

function scoreBacktest(s: Series, plan: Plan, points: Float64Array[]): ErrorSums {
  const errors = new ErrorSums()
  for (let i = 0; i < plan.backtests; i++) {
    for (let k = 0; k < plan.lengths[i]; k++) {
      const t = plan.origins[i] + k
      if (s.open[t] === 1) errors.add(s.y[t], points[i][k])
    }
  }
  return errors
}

function distribution(s: Series, chosen: Candidate, errors: ErrorSums | null, intermittent: boolean): Pick<SeriesForecast, 'mean' | 'p10' | 'p50' | 'p90' | 'dailySd'> {
  const point = chosen.points[chosen.points.length - 1]
  const h = point.length
  const mean = new Float64Array(h), p10 = new Float64Array(h), p50 = new Float64Array(h), p90 = new Float64Array(h)
  let pointSum = 0, openDays = 0
  for (let k = 0; k < h; k++) if (s.open[s.n + k] === 1) { pointSum += point[k]; openDays++ }
  const shape = quantileShape(errors, intermittent, openDays > 0 ? pointSum / openDays : 0)
  for (let k = 0; k < h; k++) {
    if (s.open[s.n + k] === 0) continue
    mean[k] = point[k] * chosen.meanFactor
    const [low, middle, high] = dailyQuantiles(shape, point[k])
    p50[k] = middle
    p10[k] = Math.min(low, middle)
    p90[k] = Math.max(high, middle)
  }
  return { mean, p10, p50, p90, dailySd: dailySpread(s, errors) }
}

/** Root mean squared backtest error; without a backtest, the spread of open-day history. */
function dailySpread(s: Series, errors: ErrorSums | null): number {
  if (errors !== null && errors.days > 0) {
    let squares = 0
    for (let i = 0; i < errors.days; i++) squares += (errors.actuals[i] - errors.forecasts[i]) ** 2
    return Math.sqrt(squares / errors.days)
  }
  let sum = 0, squares = 0, count = 0
  for (let t = 0; t < s.n; t++) if (s.open[t] === 1) { sum += s.y[t]; squares += s.y[t] * s.y[t]; count++ }
  return count > 1 ? Math.sqrt(Math.max(0, (squares - (sum * sum) / count) / (count - 1))) : 0
}
