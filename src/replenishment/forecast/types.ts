/** Types of the demand-forecasting engine (pure: no I/O, no clock, no randomness). */

export type ModelName = 'seasonal_naive' | 'weekday_level' | 'holt_winters' | 'croston' | 'sba' | 'tsb' | 'calendar_regression' | 'calendar_regression_yearly'

/** WAPE = Σ|a−f|/Σa; MASE = MAE / in-sample MAE of the weekly seasonal naive; bias = Σ(f−a)/Σa. */
export interface Accuracy { wape: number; mase: number; bias: number }

/** Known per-day calendar over [startDay, startDay + length): history days and the horizon. Days are epoch days (UTC). */
export interface Calendar {
  /** 1 = closure: demand is zero and must be forecast zero; in history, not an observation of demand. */
  closed: Uint8Array
  /** 1 = planned promotion (known in advance, also for future days). */
  promotion: Uint8Array
  /** 1 = public holiday. */
  holiday: Uint8Array
  /** 1 = planned peak (e.g. Double 11). */
  peak: Uint8Array
  /** A peak's expected uplift in percent when the merchant gave one (0 when none); used when history has no peak. */
  upliftPct: Float64Array
}

export interface ForecastInput {
  /** Epoch day of history[0]. */
  startDay: number
  /** Demand per day, startDay .. asOfDay inclusive (may be empty or short). */
  history: Float64Array
  /** Length = history.length + horizonDays (shorter arrays read as "no event"). */
  calendar: Calendar
  /** 1..366 */
  horizonDays: number
}

export interface SeriesForecast {
  model: ModelName
  /** Of the chosen model in the rolling-origin backtest; null when history is too short to backtest. */
  accuracy: Accuracy | null
  runnerUp: ModelName | null
  runnerUpAccuracy: Accuracy | null
  /** Average demand interval > 1.32 (Syntetos–Boylan). */
  intermittent: boolean
  mean: Float64Array
  p10: Float64Array
  p50: Float64Array
  p90: Float64Array
  /** Spread of daily demand around the forecast (backtest residuals), for safety stock. */
  dailySd: number
}
