/** The availability context: what each channel shows of each SKU, its coalesced delta feed, the stream and the exports. Other contexts import only this file. */
export { Availability, type AvailabilityOptions } from './service.ts'
export { availabilityRoutes } from './routes.ts'
export type { AvailabilityRow, AvailabilityStatus, ChangesPage, Scope } from './model.ts'
export type { AvailabilityErrorCode } from './errors.ts'
