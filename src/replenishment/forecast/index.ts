/** Demand forecasting for replenishment: pure (no I/O, no clock, no randomness), deterministic. */
export type { Accuracy, Calendar, ForecastInput, ModelName, SeriesForecast } from './types.ts'
export { forecastSeries } from './forecast.ts'
export { leadTimeDemandQuantile } from './lead-time.ts'
