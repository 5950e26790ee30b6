/**
 * Demand forecasting for replenishment: pure (no I/O, no clock, no randomness) and deterministic.
 *
 * forecastSeries chooses, per series, the candidate with the lowest WAPE over two rolling 42-day backtest
 * windows (shorter when history is short): seasonal naive, weekday profile × level, damped Holt–Winters,
 * a calendar regression (weekday, promotion × weekday, holidays, peaks, closure neighbours, day of month,
 * robust recent level) and its variant with last year's seasonal change; intermittent series (ADI > 1.32)
 * choose among Croston, SBA and TSB. Closed days are forecast 0.
 *
 * Which figure to use: p50 for point accuracy (WAPE is minimised by a median; on the Rossmann bench it is
 * the figure quoted); mean for sums over days (expected demand over a lead time); dailySd or
 * leadTimeDemandQuantile (intermittent series, where p50 is often 0) for safety stock.
 */
export type { Accuracy, Calendar, ForecastInput, ModelName, SeriesForecast } from './types.ts'
export { forecastSeries } from './forecast.ts'
export { leadTimeDemandQuantile } from './lead-time.ts'
