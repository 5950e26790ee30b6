/** Every code the webhooks context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type WebhookErrorCode =
  | 'webhook_endpoint_not_found'
  | 'webhook_delivery_not_found'
  | 'webhook_url_not_allowed'
  | 'invalid_topic'

export const { fail, notFound } = failures<WebhookErrorCode>()
