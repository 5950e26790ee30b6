/** The fulfilment context: shipments (fulfilment orders per node), their lifecycle table, splits and rejections. Other contexts import only this file. */
export * from './model.ts'
export { shipmentTransitions, shipmentActions, type ShipmentAction, type ShipmentParty } from './lifecycle.ts'
export { Fulfilment, type ShipmentActor, type ShipInput } from './service.ts'
export { shipmentRoutes, shipmentView, type ShipmentRouteDeps } from './routes.ts'
export type { FulfilmentErrorCode } from './errors.ts'
export { dropshipRoutes, type DropshipRouteDeps } from './dropship-routes.ts'
export { shipmentCreatedTimes, shipmentsMade, type ShipmentMade } from './store.ts'
export { collectorAadOf, collectorKeyCounts, assertCollectorKeysHeld, rotateCollectors, type CollectorRotateOptions } from './pickup-store.ts'
