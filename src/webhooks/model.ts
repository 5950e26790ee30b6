/** The webhooks context's types: endpoints, deliveries and their attempts as the service and routes see them. */

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface Endpoint {
  id: string
  /** The channel whose events it receives; null for a staff endpoint, which receives every matching event. */
  channelId: string | null
  url: string
  description: string
  /** Exact topics or prefixes ending in '.'; empty: every topic. */
  topics: string[]
  enabled: boolean
  disabledReason: string | null
  /** Until when the secret before the last rotation still signs deliveries (epoch ms); null without a rotation in grace. */
  previousSecretUntilMs: number | null
  createdAtMs: number
  updatedAtMs: number
}

/** An endpoint with its signing secrets decrypted: the dispatcher's view, never an API answer. */
export interface EndpointWithSecrets extends Endpoint {
  secret: string
  previousSecret: string | null
}

export interface Attempt {
  atMs: number
  /** The HTTP status answered; null when no answer came (timeout, refused address, network error). */
  httpStatus: number | null
  durationMs: number
  error: string | null
}

export interface Delivery {
  id: string
  endpointId: string
  eventId: number
  topic: string
  subject: string | null
  status: DeliveryStatus
  /** When the next attempt is due (pending deliveries). */
  nextAttemptAtMs: number
  createdAtMs: number
  updatedAtMs: number
  attempts: Attempt[]
}

/** What another context may ask about the deliveries of one subject (e.g. an order's customer notifications). */
export interface SubjectDeliveryState {
  deliveryId: string
  endpointId: string
  eventId: number
  topic: string
  status: DeliveryStatus
  attempts: number
  lastAttemptAtMs: number | null
  lastHttpStatus: number | null
}

/** How the deliveries of one owner's endpoints (a channel's, or staff's when `channelId` is null) went. */
export interface OwnerDeliveryFigures {
  channelId: string | null
  /** Ended delivered in the period asked for. */
  delivered: number
  /** Ended failed (after the last attempt, or a 410) in the period asked for. */
  failed: number
  /** delivered / (delivered + failed); null when none ended. */
  successRate: number | null
  /** Waiting for an attempt or a retry now. */
  pending: number
  /** Age of the oldest pending delivery; null when none is pending. */
  oldestUndeliveredAgeSeconds: number | null
}
