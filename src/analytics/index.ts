/** The analytics context: rollups kept by a projector over the outbox, the figures and their routes. Other contexts import only this file. */
export * from './model.ts'
export { Analytics, type AnalyticsOptions, type FigureGroup, type FigureQuery } from './service.ts'
export { analyticsRoutes } from './routes.ts'
export { sourceOf, isBackorder, dayStartOf } from './decide.ts'
export type { AnalyticsErrorCode } from './errors.ts'
