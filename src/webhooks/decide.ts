/**
 * The webhooks' pure rules: which endpoint an event goes to, the body sent, the retry schedule
 * (Standard Webhooks' own, with jitter), reading Retry-After, and what an attempt's outcome does
 * to its delivery. No I/O, no clock, no randomness: the caller passes the time and the jitter.
 */
import type { FeedEvent, Topic } from '../events/index.ts'
import type { Endpoint } from './model.ts'

/** Every topic an endpoint may name: typed by the event list, so a new topic cannot be forgotten here. */
const topicList: Record<Topic, true> = {
  'order.changed': true, 'order.delayed': true, 'order.promise_improved': true, 'supply.changed': true, 'supply.qc_failed': true,
  'supply.overdue': true, 'inventory.shortage': true, 'presale_campaign.changed': true, 'purchase_order.changed': true,
  'supplier.changed': true, 'inventory.changed': true, 'availability.changed': true, 'sell_ahead_policy.changed': true,
  'promising_settings.changed': true, 'notification.requested': true, 'shipment.changed': true, 'refund.requested': true, 'return.changed': true,
  'replenishment.below_reorder_point': true,
}
export const knownTopics: readonly string[] = Object.keys(topicList)

/** The first of `topics` that names no known topic (exactly, or as a prefix ending in '.'); undefined when all do. */
export function unknownTopicOf(topics: readonly string[]): string | undefined {
  return topics.find((t) => !knownTopics.some((known) => (t.endsWith('.') ? known.startsWith(t) : known === t)))
}

export const topicMatches = (topics: readonly string[], topic: string): boolean =>
  topics.length === 0 || topics.some((t) => (t.endsWith('.') ? topic.startsWith(t) : topic === t))

/** A channel's endpoint receives only the events about that channel (their payload's `channelId`); a staff endpoint every one. */
export function endpointWants(endpoint: Pick<Endpoint, 'channelId' | 'topics' | 'enabled' | 'createdAtMs'>, event: FeedEvent, eventAtMs: number): boolean {
  if (!endpoint.enabled || !topicMatches(endpoint.topics, event.topic)) return false
  // An endpoint hears what happens from its creation on, not the history before it.
  if (eventAtMs < endpoint.createdAtMs) return false
  if (endpoint.channelId === null) return true
  const payload = event.payload as { channelId?: unknown } | null
  return payload !== null && typeof payload === 'object' && payload.channelId === endpoint.channelId
}

/** The Standard Webhooks payload: `type` the topic, `timestamp` when the change was made, `data` the event. */
export function bodyOf(event: FeedEvent): string {
  const payload = event.payload !== null && typeof event.payload === 'object' && !Array.isArray(event.payload) ? event.payload : { value: event.payload }
  const data: Record<string, unknown> = { eventId: event.id, subject: event.subject, ...payload }
  // The event's own id and subject win over a payload field of the same name.
  data.eventId = event.id
  data.subject = event.subject
  return JSON.stringify({ type: event.topic, timestamp: event.at, data })
}

/**
 * Standard Webhooks' schedule: the delay before each attempt, the first immediate, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h (about three days in all).
 */
export const defaultRetryScheduleMs: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000]

/** How far a retry's delay is moved either way, so endpoints that failed together do not retry together. */
export const jitterShare = 0.2

/** What one attempt came to. */
export type AttemptOutcome =
  | { kind: 'delivered'; httpStatus: number }
  /** A non-2xx answer; `retryAfterMs` from a 429 or 503's Retry-After. */
  | { kind: 'http_error'; httpStatus: number; retryAfterMs: number | null }
  | { kind: 'timeout' }
  | { kind: 'network_error'; message: string }
  | { kind: 'address_refused'; message: string }

export type DeliveryStep =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAtMs: number }
  | { status: 'failed' }
  /** 410 Gone: the receiver asks never to be called again. */
  | { status: 'gone' }

/**
 * What a delivery becomes after its `roundAttempts`-th attempt of this round: delivered, retried
 * on the schedule (never before a Retry-After), or failed once the schedule is spent.
 * `jitter` is a number in [-1, 1].
 */
export function nextStep(outcome: AttemptOutcome, roundAttempts: number, scheduleMs: readonly number[], nowMs: number, jitter: number): DeliveryStep {
  if (outcome.kind === 'delivered') return { status: 'delivered' }
  if (outcome.kind === 'http_error' && outcome.httpStatus === 410) return { status: 'gone' }
  if (roundAttempts >= scheduleMs.length) return { status: 'failed' }
  const delayMs = Math.round(scheduleMs[roundAttempts] * (1 + jitterShare * Math.max(-1, Math.min(1, jitter))))
  const retryAfterMs = outcome.kind === 'http_error' ? outcome.retryAfterMs ?? 0 : 0
  return { status: 'pending', nextAttemptAtMs: nowMs + Math.max(delayMs, retryAfterMs) }
}

/** The longest Retry-After honoured: a receiver cannot park a delivery for longer than the whole schedule's last step. */
export const maxRetryAfterMs = 86_400_000

/** Retry-After as delay-seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMsOf(header: string | undefined, nowMs: number): number | null {
  if (header === undefined) return null
  const text = header.trim()
  if (/^[0-9]{1,10}$/.test(text)) return Math.min(Number(text) * 1000, maxRetryAfterMs)
  const atMs = Date.parse(text)
  if (Number.isNaN(atMs)) return null
  return Math.min(Math.max(0, atMs - nowMs), maxRetryAfterMs)
}

/** The text an attempt's outcome is logged with. */
export function errorOf(outcome: AttemptOutcome): string | null {
  switch (outcome.kind) {
    case 'delivered': return null
    case 'http_error': return `HTTP ${outcome.httpStatus}`
    case 'timeout': return 'timed out'
    case 'network_error': return outcome.message
    case 'address_refused': return outcome.message
  }
}
