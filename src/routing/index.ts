/** The routing context: profiles as data, shipping zones, the router and its explanations. Other contexts import only this file. */
export * from './model.ts'
export { route, type CandidateNode, type LineOption, type LineRefusal, type RouteInput, type Explanation } from './router.ts'
export { lineOption, loadCapacityInBatch, recordRouting, withSkipped, type OrderRouting } from './plan.ts'
export { Routing, capabilitiesOf } from './service.ts'
export { nextDecisionSeq } from './store.ts'
export { routingRoutes } from './routes.ts'
export type { RoutingErrorCode } from './errors.ts'
