/** Every code the returns context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type ReturnsErrorCode =
  | 'invalid_return_policy'
  | 'invalid_disposition_rules'
  | 'invalid_return_lines'
  | 'invalid_inspection'
  | 'return_not_found'
  | 'return_window_closed'
  | 'not_returnable'
  | 'return_exceeds_delivered'
  | 'reason_not_accepted'
  | 'not_a_returns_node'
  | 'units_awaiting_inspection'
  | 'forbidden'
  | 'illegal_transition'
  | 'order_not_found'
  | 'node_not_found'
  | 'channel_not_found'

export const { fail, notFound } = failures<ReturnsErrorCode>()
