/** The replenishment context: demand history, the planned events calendar, forecasts, inventory policies and suggested purchase orders. Other contexts import only this file. */
export * from './model.ts'
export type { ReplenishmentErrorCode } from './errors.ts'
export { Replenishment, type ReplenishmentDeps, type ReplenishmentOptions, type Approval, type Buyer } from './service.ts'
export { replenishmentRoutes } from './routes.ts'
export { forecastEverySeries, historyDays, mostHorizonDays, seriesCount, type ForecastOfSeries } from './forecasting.ts'
export type { ReplenishmentImportReport } from './import.ts'
export { replenishmentFigures } from './measures.ts'
export { seedDemoReplenishment } from './demo.ts'
