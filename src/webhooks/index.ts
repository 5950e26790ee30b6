/** The webhooks context: endpoints, the fan-out of outbox events into deliveries, the signed dispatcher and its log. Other contexts import only this file. */
export * from './model.ts'
export { Webhooks, defaultGraceHours, type EndpointInput, type EndpointOwner, type WebhookOptions } from './service.ts'
export { defaultRetryScheduleMs } from './decide.ts'
export { webhookRoutes } from './routes.ts'
export type { WebhookErrorCode } from './errors.ts'
