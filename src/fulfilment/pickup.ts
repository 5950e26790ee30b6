/**
 * Pure rules of buy online, pick up in store: the pickup's clock (expiry after the store's hold
 * days, the reminder the day before), the counter's attempts, checking a code against its hash in
 * constant time, and what a counter attempt leads to. No I/O, no clock, no randomness: the code
 * and its salt are made by the service.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Shipment } from './model.ts'

const dayMs = 86_400_000

/** Wrong codes a pickup takes before it locks for the merchant to reset. */
export const maxPickupAttempts = 5
/** Digits of a pickup code. */
export const pickupCodeDigits = 6

export type PickupState = 'ready' | 'collected' | 'expired' | 'closed'

/** A pickup as stored: one per pickup shipment once it is ready. Never the code: its salted hash. */
export interface Pickup {
  shipmentId: string
  orderId: string
  nodeId: string
  state: PickupState
  codeSalt: string
  codeHash: string
  attempts: number
  lockedAtMs: number | null
  readyAtMs: number
  expiresAtMs: number
  remindedAtMs: number | null
  endedAtMs: number | null
}

/** The hash a code is kept as: HMAC-SHA-256 keyed by the pickup's own salt (hex). */
export const codeHashOf = (salt: string, code: string): string => createHmac('sha256', Buffer.from(salt, 'hex')).update(code, 'utf8').digest('hex')

/** Whether `code` is the pickup's: both hashes compared in constant time (equal lengths by construction). */
export function codeMatches(p: Pick<Pickup, 'codeSalt' | 'codeHash'>, code: string): boolean {
  const given = Buffer.from(codeHashOf(p.codeSalt, code), 'hex')
  const kept = Buffer.from(p.codeHash, 'hex')
  return given.length === kept.length && timingSafeEqual(given, kept)
}

/** When a pickup ready at `readyAtMs` expires: the store's hold days later. */
export const expiryOf = (readyAtMs: number, holdDays: number): number => readyAtMs + holdDays * dayMs
/** When its reminder is due: a day before it expires (at once when it is held a day or less). */
export const reminderDueOf = (p: Pick<Pickup, 'expiresAtMs' | 'readyAtMs'>): number => Math.max(p.readyAtMs, p.expiresAtMs - dayMs)

/** What one code entered at the counter leads to. */
export type CounterOutcome =
  | { kind: 'locked' }
  | { kind: 'wrong'; attempts: number; left: number; locksNow: boolean }
  | { kind: 'accepted'; attempts: number }

export function counterAttempt(p: Pickup, code: string): CounterOutcome {
  if (p.lockedAtMs !== null || p.attempts >= maxPickupAttempts) return { kind: 'locked' }
  if (codeMatches(p, code)) return { kind: 'accepted', attempts: p.attempts + 1 }
  const attempts = p.attempts + 1
  return { kind: 'wrong', attempts, left: Math.max(0, maxPickupAttempts - attempts), locksNow: attempts >= maxPickupAttempts }
}

/** A pickup's open units, as the order's lines name them. */
export const openUnitsOf = (s: Shipment) => s.lines.filter((l) => l.status === 'open').map(({ lineNo, quantity }) => ({ lineNo, quantity }))
