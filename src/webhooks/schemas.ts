/** The webhooks API's schemas: endpoints (and the secret answered once), deliveries with their attempts, and the requests. */
import { Type } from '@sinclair/typebox'
import { topicPattern } from '../events/index.ts'
import { CursorParam } from '../http/cursor.ts'
import { Nullable, literals, named } from '../http/support.ts'
import type { Delivery, Endpoint } from './model.ts'

const iso = (ms: number): string => new Date(ms).toISOString()

const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'Where deliveries are POSTed: http or https, reaching a public address (see SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE)' })
const Description = Type.String({ maxLength: 500 })
const Topics = Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: topicPattern }), {
  maxItems: 50, description: "Exact topics (`order.changed`) or prefixes ending in '.' (`order.`); empty: every topic",
})

export const CreateEndpointBody = Type.Object({
  url: Url,
  description: Type.Optional(Description),
  topics: Type.Optional(Topics),
  enabled: Type.Optional(Type.Boolean({ description: 'Default true' })),
}, { additionalProperties: false })

export const UpdateEndpointBody = Type.Object({
  url: Type.Optional(Url),
  description: Type.Optional(Description),
  topics: Type.Optional(Topics),
  enabled: Type.Optional(Type.Boolean({ description: 'false pauses the endpoint (queued deliveries wait; events meanwhile are not queued for it); true resumes it and clears the reason it was disabled for' })),
}, { additionalProperties: false })

export const RotateSecretBody = Type.Object({
  graceHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720, description: 'How long the previous secret keeps signing beside the new one (default 24); 0 ends it now' })),
}, { additionalProperties: false })

export const ReplayBody = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Only deliveries made at or after this instant; absent: every failed one' })),
}, { additionalProperties: false })

export const EndpointParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }) })
export const DeliveryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
  deliveryId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
})

export const DeliveryStatusSchema = literals(['pending', 'delivered', 'failed'] as const)

export const DeliveriesQuery = Type.Object({
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
  status: Type.Optional(DeliveryStatusSchema),
}, { additionalProperties: false })

const endpointFields = {
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  topics: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: 'Why it was disabled (by request, or the receiver answered 410 Gone)' })),
  channel: Nullable(Type.String({ description: "The channel whose events it receives (a channel token's endpoint); null: a staff endpoint, every matching event" })),
  previousSecretValidUntil: Nullable(Type.String({ format: 'date-time', description: 'Until when the secret before the last rotation still signs deliveries, beside the new one' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}

export const EndpointView = named('WebhookEndpoint', Type.Object(endpointFields))
export const EndpointWithSecret = named('WebhookEndpointWithSecret', Type.Object({
  ...endpointFields,
  secret: Type.String({ description: 'The signing secret (whsec_…): shown only now, at creation or rotation' }),
}))

export const EndpointPage = Type.Object({ items: Type.Array(EndpointView), nextCursor: Nullable(Type.String()) })

const AttemptView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  httpStatus: Nullable(Type.Integer({ description: 'null when no answer came (timeout, network error, refused address)' })),
  durationMs: Type.Integer({ minimum: 0 }),
  error: Nullable(Type.String()),
})

export const DeliveryView = named('WebhookDelivery', Type.Object({
  id: Type.String({ description: 'The webhook-id header: the same on every attempt' }),
  eventId: Type.Integer(),
  topic: Type.String(),
  subject: Nullable(Type.String()),
  status: DeliveryStatusSchema,
  nextAttemptAt: Nullable(Type.String({ format: 'date-time', description: 'When the next attempt is due (pending only)' })),
  createdAt: Type.String({ format: 'date-time' }),
  attempts: Type.Array(AttemptView),
}))

export const DeliveryPage = Type.Object({ items: Type.Array(DeliveryView), nextCursor: Nullable(Type.String()) })

export const ReplayAnswer = Type.Object({ replayed: Type.Integer({ minimum: 0, description: 'Failed deliveries put back in the queue' }) })

export const endpointView = (e: Endpoint) => ({
  id: e.id, url: e.url, description: e.description, topics: e.topics, enabled: e.enabled, disabledReason: e.disabledReason, channel: e.channelId,
  previousSecretValidUntil: e.previousSecretUntilMs === null ? null : iso(e.previousSecretUntilMs), createdAt: iso(e.createdAtMs), updatedAt: iso(e.updatedAtMs),
})

export const deliveryView = (d: Delivery) => ({
  id: d.id, eventId: d.eventId, topic: d.topic, subject: d.subject, status: d.status,
  nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAtMs) : null, createdAt: iso(d.createdAtMs),
  attempts: d.attempts.map((a) => ({ at: iso(a.atMs), httpStatus: a.httpStatus, durationMs: a.durationMs, error: a.error })),
})
