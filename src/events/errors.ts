/** Every code the events context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type EventErrorCode =
  | 'invalid_topic'

export const { fail, notFound } = failures<EventErrorCode>()
