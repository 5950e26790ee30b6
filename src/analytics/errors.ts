/** Every code the analytics context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type AnalyticsErrorCode =
  | 'channel_not_found'
  | 'invalid_period'

export const { fail, notFound } = failures<AnalyticsErrorCode>()
