/**
 * Stored forecasts (the latest per series) and the scores of past forecasts against what then
 * happened: when a series is forecast again, the days its previous forecast covered that are now
 * history are scored (absolute error, bias and the seasonal-naive error MASE is measured against).
 */
import type { Queryable } from '../store/db.ts'
import { insertMany, selectIn } from '../store/sql.ts'
import type { Accuracy, ModelName, SeriesForecast } from './forecast/index.ts'

export interface StoredForecast {
  skuId: string
  nodeId: string
  asOfDay: number
  model: ModelName
  runnerUp: ModelName | null
  accuracy: Accuracy | null
  runnerUpAccuracy: Accuracy | null
  intermittent: boolean
  dailySd: number
  /** Per day from asOfDay + 1. */
  mean: number[]
  p10: number[]
  p50: number[]
  p90: number[]
  computedAtMs: number
}

type Row = {
  sku_id: string; node_id: string; as_of_day: number | string; model: string; runner_up: string | null; accuracy: string | null; runner_up_accuracy: string | null
  intermittent: number | string | boolean; daily_sd: number | string; days: string; computed_at: number | string
}

const storedOf = (r: Row): StoredForecast => {
  const days = JSON.parse(r.days) as { mean: number[]; p10: number[]; p50: number[]; p90: number[] }
  return {
    skuId: r.sku_id, nodeId: r.node_id, asOfDay: Number(r.as_of_day), model: r.model as ModelName, runnerUp: r.runner_up as ModelName | null,
    accuracy: r.accuracy === null ? null : JSON.parse(r.accuracy), runnerUpAccuracy: r.runner_up_accuracy === null ? null : JSON.parse(r.runner_up_accuracy),
    intermittent: Boolean(Number(r.intermittent)), dailySd: Number(r.daily_sd), ...days, computedAtMs: Number(r.computed_at),
  }
}

/** Two decimals: a stored forecast is read by people and by the next run's scoring, neither needs more. */
const kept = (values: ArrayLike<number>): number[] => Array.from(values, (v) => Math.round(v * 100) / 100)

/** The mean daily demand forecast over the next week (two decimals): what a vendor reads at a glance. */
export function unitsPerDayNextWeek(f: Pick<StoredForecast, 'mean'>): number {
  const week = f.mean.slice(0, 7)
  return week.length === 0 ? 0 : Math.round((week.reduce((a, b) => a + b, 0) / week.length) * 100) / 100
}

export function storedForecastOf(skuId: string, nodeId: string, asOfDay: number, f: SeriesForecast, atMs: number): StoredForecast {
  return {
    skuId, nodeId, asOfDay, model: f.model, runnerUp: f.runnerUp, accuracy: f.accuracy, runnerUpAccuracy: f.runnerUpAccuracy, intermittent: f.intermittent,
    dailySd: f.dailySd, mean: kept(f.mean), p10: kept(f.p10), p50: kept(f.p50), p90: kept(f.p90), computedAtMs: atMs,
  }
}

export async function saveForecasts(tx: Queryable, forecasts: readonly StoredForecast[]): Promise<void> {
  await insertMany(tx, 'forecasts', [
    ['sku_id', 'text'], ['node_id', 'text'], ['as_of_day', 'integer'], ['model', 'text'], ['runner_up', 'text'], ['accuracy', 'text'], ['runner_up_accuracy', 'text'],
    ['intermittent', 'integer'], ['daily_sd', 'float8'], ['days', 'text'], ['computed_at', 'bigint'],
  ], forecasts.map((f) => [
    f.skuId, f.nodeId, f.asOfDay, f.model, f.runnerUp, f.accuracy && JSON.stringify(f.accuracy), f.runnerUpAccuracy && JSON.stringify(f.runnerUpAccuracy),
    f.intermittent ? 1 : 0, f.dailySd, JSON.stringify({ mean: f.mean, p10: f.p10, p50: f.p50, p90: f.p90 }), f.computedAtMs,
  ]), `ON CONFLICT (sku_id, node_id) DO UPDATE SET as_of_day = excluded.as_of_day, model = excluded.model, runner_up = excluded.runner_up,
    accuracy = excluded.accuracy, runner_up_accuracy = excluded.runner_up_accuracy, intermittent = excluded.intermittent, daily_sd = excluded.daily_sd,
    days = excluded.days, computed_at = excluded.computed_at`)
}

export async function forecastOfSeries(q: Queryable, skuId: string, nodeId: string): Promise<StoredForecast | undefined> {
  const row = await q.get<Row>('SELECT * FROM forecasts WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])
  return row && storedOf(row)
}

/** The latest forecasts of these SKUs' series, by `sku|node`. */
export async function forecastsOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, StoredForecast>> {
  const rows = await selectIn<Row>(q, 'SELECT * FROM forecasts WHERE sku_id', skuIds)
  return new Map(rows.map((r) => [`${r.sku_id}|${r.node_id}`, storedOf(r)]))
}

export interface ForecastScore {
  skuId: string
  nodeId: string
  asOfDay: number
  model: string
  days: number
  actualUnits: number
  forecastUnits: number
  absErrorUnits: number
  naiveAbsErrorUnits: number
}

/**
 * The score of `previous` now that `history` (from `startDay`) holds the days it forecast, up to
 * the day before `asOfDay` + 1; undefined when none of its days has passed.
 */
export function scoreOf(previous: StoredForecast, startDay: number, history: ArrayLike<number>, closed: ArrayLike<number>): ForecastScore | undefined {
  let days = 0
  let actual = 0
  let forecast = 0
  let absError = 0
  let naiveAbsError = 0
  for (let h = 0; h < previous.p50.length; h++) {
    const i = previous.asOfDay + 1 + h - startDay
    if (i < 0) continue
    if (i >= history.length) break
    if (closed[i]) continue
    const a = history[i]
    const f = previous.p50[h]
    days++
    actual += a
    forecast += f
    absError += Math.abs(a - f)
    // Seasonal naive from the forecast's origin: the same weekday in the last week before it.
    const naiveAt = previous.asOfDay - 6 + (h % 7) - startDay
    naiveAbsError += Math.abs(a - (naiveAt >= 0 && naiveAt < history.length ? history[naiveAt] : 0))
  }
  if (days === 0) return undefined
  return { skuId: previous.skuId, nodeId: previous.nodeId, asOfDay: previous.asOfDay, model: previous.model, days, actualUnits: actual, forecastUnits: forecast, absErrorUnits: absError, naiveAbsErrorUnits: naiveAbsError }
}

export async function saveScores(tx: Queryable, scores: readonly ForecastScore[]): Promise<void> {
  await insertMany(tx, 'forecast_scores', [
    ['sku_id', 'text'], ['node_id', 'text'], ['as_of_day', 'integer'], ['model', 'text'], ['days', 'integer'], ['actual_units', 'float8'], ['forecast_units', 'float8'],
    ['abs_error_units', 'float8'], ['naive_abs_error_units', 'float8'],
  ], scores.map((s) => [s.skuId, s.nodeId, s.asOfDay, s.model, s.days, s.actualUnits, s.forecastUnits, s.absErrorUnits, s.naiveAbsErrorUnits]),
  `ON CONFLICT (sku_id, node_id, as_of_day) DO UPDATE SET days = excluded.days, actual_units = excluded.actual_units, forecast_units = excluded.forecast_units,
    abs_error_units = excluded.abs_error_units, naive_abs_error_units = excluded.naive_abs_error_units`)
}
