/** Every code the repromising context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type RepromisingErrorCode =
  | 'order_not_found'

export const { fail, notFound } = failures<RepromisingErrorCode>()
