/** Every code the replenishment context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type ReplenishmentErrorCode =
  | 'invalid_planned_event'
  | 'planned_event_not_found'
  | 'planned_event_exists'
  | 'invalid_replenishment_policy'
  | 'replenishment_policy_not_found'
  | 'invalid_forecast_request'
  | 'suggestion_not_found'
  | 'suggestion_not_open'
  | 'invalid_suggestion_quantity'
  | 'unknown_sku'
  | 'unknown_node'
  | 'sku_not_found'
  | 'node_not_found'

export const { fail, notFound } = failures<ReplenishmentErrorCode>()
