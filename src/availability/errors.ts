/** Every code the availability context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type AvailabilityErrorCode =
  | 'channel_not_found'
  | 'sku_not_found'

export const { fail, notFound } = failures<AvailabilityErrorCode>()
