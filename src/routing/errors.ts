/** Every code the routing context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type RoutingErrorCode =
  | 'invalid_routing_profile'
  | 'invalid_shipping_zones'
  | 'routing_scope_not_found'

export const { fail, notFound } = failures<RoutingErrorCode>()
