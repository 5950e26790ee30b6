/**
 * The customer context: what the shopper sees without an account — the order status page's data
 * through a per-order link, and the promise a shop's product page shows (the widget). Public
 * routes, read-only but for accepting a delay offer. Other contexts import only this file.
 */
export { CustomerStatus, statusLinkActor, type CustomerStatusView } from './status.ts'
export { customerStatusView, availabilityOf, type LineAvailability } from './status-view.ts'
export { customerStatusRoutes, promiseRoutes } from './routes.ts'
export { ShopperPromises, supplyPromise, presalePromise, type PublicPromise, type PromiseKind } from './promise.ts'
export type { CustomerErrorCode } from './errors.ts'
