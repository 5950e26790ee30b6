/**
 * How an outbox event becomes a NATS message (pure: no I/O). The subject is
 * `<prefix>.<topic>.<token>`: the topic's own words are subject tokens, so a consumer can filter
 * by topic (`sellahead.order.>`) or by channel (`sellahead.*.*.<channelId>`).
 */
import type { FeedEvent } from '../events/index.ts'

/** Characters a NATS subject token may not hold: the separator, the wildcards, whitespace and control characters. */
const notInToken = /[.*>\s\p{Cc}]/gu

/**
 * One subject token from free text: each '.', '*', '>', whitespace or control character becomes
 * '_'; empty text becomes '_'. Ids made by Sellahead never hold those characters, so they pass
 * unchanged; an imported id such as `SKU 1.2` becomes `SKU_1_2`.
 */
export function subjectToken(text: string | null | undefined): string {
  if (!text) return '_'
  return text.replace(notInToken, '_')
}

/** The channel the event is for (`order.*`, `availability.changed`), else its subject. */
export function tokenOf(event: FeedEvent): string {
  const payload = event.payload as { channelId?: unknown } | null
  if (payload && typeof payload === 'object' && typeof payload.channelId === 'string') return subjectToken(payload.channelId)
  return subjectToken(event.subject)
}

/** `<prefix>.<topic>.<token>`, e.g. `sellahead.order.changed.web` or `sellahead.inventory.changed.SKU-1@DC-1`. */
export function natsSubjectOf(prefix: string, event: FeedEvent): string {
  return `${prefix}.${event.topic}.${tokenOf(event)}`
}

/** The message body: the event as the outbox feed serves it. */
export interface BusMessage {
  id: number
  topic: string
  subject: string | null
  at: string
  payload: unknown
}

export function bodyOf(event: FeedEvent): BusMessage {
  return { id: event.id, topic: event.topic, subject: event.subject, at: event.at, payload: event.payload }
}

/** A subject prefix: one or more tokens of letters, digits, '_' and '-', separated by '.'. */
export const subjectPrefixPattern = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/

/** A JetStream stream name: no '.', '*', '>', whitespace, path separators. */
export const streamNamePattern = /^[A-Za-z0-9_-]+$/
