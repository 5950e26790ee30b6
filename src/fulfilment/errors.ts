/** Every code the fulfilment context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type FulfilmentErrorCode =
  | 'forbidden'
  | 'illegal_transition'
  | 'invalid_shipment_lines'
  | 'nothing_to_fulfil'
  | 'order_not_found'
  | 'order_not_paid'
  | 'shipment_not_found'
  | 'delivered_before_shipped'
  | 'delivered_in_future'
  | 'not_a_pickup'
  | 'not_ready_for_pickup'
  | 'wrong_pickup_code'
  | 'pickup_locked'

export const { fail, notFound } = failures<FulfilmentErrorCode>()
