/** The routing context: profiles as data, shipping zones, the router and its explanations. Other contexts import only this file. */
export * from './model.ts'
export { route, hasCapability, type CandidateNode, type LineOption, type LineRefusal, type RouteInput, type Routed, type RouteResult, type Explanation, type Outcome } from './router.ts'
export { lineOption, loadCapacityInBatch, recordRouting, withSkipped, type OrderRouting } from './plan.ts'
export { Routing, capabilitiesOf, defaultScope, type Destination } from './service.ts'
export type { Decision } from './store.ts'
export { routingRoutes } from './routes.ts'
export type { RoutingErrorCode } from './errors.ts'
