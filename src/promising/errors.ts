/** Every code the promising context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type PromisingErrorCode =
  | 'buffer_without_unconfirmed'
  | 'channel_not_found'
  | 'channel_required'
  | 'duplicate_supply_kind'
  | 'insufficient_stock'
  | 'insufficient_supply'
  | 'invalid_compensation_policy'
  | 'invalid_horizon'
  | 'invalid_max_beyond_stock'
  | 'invalid_promising_settings'
  | 'invalid_quantity'
  | 'invalid_unconfirmed_buffer'
  | 'no_supply_kinds'
  | 'order_not_found'
  | 'policy_not_found'
  | 'sku_not_found'
  | 'stock_required'
  | 'unknown_supply_kind'

export const { fail, notFound } = failures<PromisingErrorCode>()
