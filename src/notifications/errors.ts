/** Every code the notifications context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type NotificationErrorCode =
  | 'unknown_placeholder'
  | 'template_too_long'
  | 'invalid_template'
  | 'invalid_notification_settings'
  | 'channel_not_found'
  | 'order_not_found'

export const { fail, notFound } = failures<NotificationErrorCode>()
