/**
 * Inventory rules, pure: no I/O, no clock. Each returns the bucket changes to apply or a
 * failure with a stable code. Checked in a fixed order of precedence.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { channelView, sellable, utcDayOf, type Buckets, type Delta, type Lock, type Reservation, type Transfer } from './model.ts'

const insufficient = (b: Buckets, quantity: number) =>
  fail('insufficient_stock', `Only ${Math.max(0, sellable(b))} sellable, ${quantity} requested.`, { sellable: Math.max(0, sellable(b)) })

/**
 * A reservation for a channel leaves the channel's safety buffer at the node and may take the
 * channel's fence there (`channelView`). Fenced units are taken first: they leave L as they
 * enter O, so what every other channel sees does not drop for them.
 */
export function reserve(b: Buckets, quantity: number, safetyBuffer = 0, fence = 0): Result<Pick<Delta, 'reserved' | 'locked'>> {
  const seen = channelView(b, safetyBuffer, fence)
  if (sellable(seen) < quantity) return insufficient(seen, quantity)
  const fenced = fenceTaken(fence, quantity)
  return ok(fenced === 0 ? { reserved: quantity } : { reserved: quantity, locked: -fenced })
}

/** Units of a stock take that come out of the channel's fence: all of it, up to the fence. */
export const fenceTaken = (fence: number, quantity: number): number => Math.max(0, Math.min(fence, quantity))

/** A held reservation past its deadline can no longer be committed: it is released instead. */
export const isExpired = (r: Reservation, nowMs: number): boolean =>
  r.status === 'held' && r.holdUntilMs !== null && r.holdUntilMs <= nowMs

export function release(r: Reservation): Result<Delta> {
  if (r.status !== 'held') return fail('reservation_not_held', `Reservation is already ${r.status}.`, { currentStatus: r.status })
  return ok({ reserved: -r.quantity })
}

/** Shipping a reservation takes the units out of the node. */
export function commit(b: Buckets, r: Reservation, nowMs: number): Result<Delta> {
  if (r.status !== 'held') return fail('reservation_not_held', `Reservation is already ${r.status}.`, { currentStatus: r.status })
  if (isExpired(r, nowMs)) return fail('reservation_expired', 'The hold deadline passed; the reservation was released.')
  if (shippable(b) < r.quantity) {
    return fail('insufficient_on_hand', `Only ${shippable(b)} shippable units on hand to ship ${r.quantity}; count or receive stock first.`, { onHand: b.onHand, unsellable: b.unsellable })
  }
  return ok({ onHand: -r.quantity, reserved: -r.quantity })
}

export function receive(quantity: number): Result<Delta> {
  return ok({ onHand: quantity })
}

/** A count sets on hand to what was counted; less than is promised is a shortage, not an error. */
export function count(b: Buckets, countedQuantity: number): Result<{ delta: Delta; shortage: number }> {
  const delta = onHandChange(b, countedQuantity - b.onHand)
  return ok({ delta, shortage: shortageAfter(b, delta) })
}

/** Units that are gone cannot stay marked unsellable: U never exceeds I. */
function onHandChange(b: Buckets, change: number): Delta {
  const after = b.onHand + change
  return after < b.unsellable ? { onHand: change, unsellable: after - b.unsellable } : { onHand: change }
}

export function adjust(b: Buckets, quantity: number): Result<{ delta: Delta; shortage: number }> {
  if (b.onHand + quantity < 0) {
    return fail('adjustment_below_zero', `On hand is ${b.onHand}; it cannot go below zero. Use a count to set the true quantity.`, { onHand: b.onHand })
  }
  const delta = onHandChange(b, quantity)
  return ok({ delta, shortage: shortageAfter(b, delta) })
}

export function markUnsellable(b: Buckets, quantity: number): Result<{ delta: Delta; shortage: number }> {
  if (b.onHand - b.unsellable < quantity) {
    return fail('insufficient_on_hand', `Only ${b.onHand - b.unsellable} sellable-condition units on hand.`, { available: b.onHand - b.unsellable })
  }
  const delta = { unsellable: quantity }
  return ok({ delta, shortage: shortageAfter(b, delta) })
}

export function restore(b: Buckets, quantity: number): Result<Delta> {
  if (b.unsellable < quantity) {
    return fail('insufficient_unsellable', `Only ${b.unsellable} units are marked unsellable.`, { unsellable: b.unsellable })
  }
  return ok({ unsellable: -quantity })
}

export function lock(b: Buckets, quantity: number): Result<Delta> {
  if (sellable(b) < quantity) return insufficient(b, quantity)
  return ok({ locked: quantity })
}

/** A lock released automatically must be released later than now; no release time is a lock until released by hand. */
export function lockReleaseAt(releaseAtMs: number | null, nowMs: number): Result<number | null> {
  if (releaseAtMs !== null && releaseAtMs <= nowMs) return fail('release_time_in_past', 'releaseAt must be in the future.')
  return ok(releaseAtMs)
}

export function unlock(l: Lock): Result<Delta> {
  if (l.status !== 'active') return fail('lock_not_active', 'The lock was already released.')
  return ok({ locked: -l.quantity })
}

/** Virtual allowance is set, not added: the supplier's current promise replaces the old one. */
export function setVirtual(b: Buckets, quantity: number): Result<{ delta: Delta; shortage: number }> {
  const delta = { virtual: quantity - b.virtual }
  return ok({ delta, shortage: shortageAfter(b, delta) })
}

/** A transfer moves physical units: the supplier's virtual allowance cannot be sent. */
export function transferReserve(origin: Buckets, quantity: number): Result<Delta> {
  const physical = sellable(origin) - origin.virtual
  if (physical < quantity) {
    return fail('insufficient_stock', `Only ${Math.max(0, physical)} physical units can be transferred, ${quantity} requested.`, { sellable: Math.max(0, physical) })
  }
  return ok({ transferReserved: quantity })
}

export function transferCancel(t: Transfer): Result<Delta> {
  if (t.status !== 'reserved') return fail('transfer_not_cancellable', `A ${t.status} transfer cannot be cancelled.`, { currentStatus: t.status })
  return ok({ transferReserved: -t.quantity })
}

/** Ship: leaves the origin (T and I), appears in transit (A) at the destination. */
export function transferShip(origin: Buckets, t: Transfer): Result<{ origin: Delta; destination: Delta }> {
  if (t.status !== 'reserved') return fail('transfer_not_shippable', `A ${t.status} transfer cannot be shipped.`, { currentStatus: t.status })
  if (shippable(origin) < t.quantity) {
    return fail('insufficient_on_hand', `Only ${shippable(origin)} shippable units on hand at the origin.`, { onHand: origin.onHand, unsellable: origin.unsellable })
  }
  return ok({ origin: { onHand: -t.quantity, transferReserved: -t.quantity }, destination: { inTransit: t.quantity } })
}

/** Receive: everything shipped leaves A; what arrived becomes I; the difference is recorded. */
export function transferReceive(t: Transfer, receivedQuantity: number): Result<{ delta: Delta; discrepancy: number }> {
  if (t.status !== 'shipped') return fail('transfer_not_receivable', `A ${t.status} transfer cannot be received.`, { currentStatus: t.status })
  if (receivedQuantity > t.quantity) {
    return fail('received_more_than_shipped', `Received ${receivedQuantity} but only ${t.quantity} were shipped.`)
  }
  return ok({ delta: { inTransit: -t.quantity, onHand: receivedQuantity }, discrepancy: t.quantity - receivedQuantity })
}

/**
 * A new ETA for a transfer still on its way. Supply is dated by the UTC day, so a new time on
 * the same day moves nothing: `moved` is false and nobody needs re-promising.
 */
export function transferEta(t: Transfer, etaMs: number, nowMs: number): Result<{ moved: boolean }> {
  if (t.status !== 'reserved' && t.status !== 'shipped') {
    return fail('transfer_not_open', `A ${t.status} transfer has no arrival left to move.`, { currentStatus: t.status })
  }
  if (etaMs < utcDayOf(nowMs)) return fail('eta_in_past', `The ETA ${new Date(etaMs).toISOString().slice(0, 10)} has passed.`)
  return ok({ moved: t.etaMs === null || utcDayOf(t.etaMs) !== utcDayOf(etaMs) })
}

/** Units that can physically leave: damaged or quarantined ones cannot. */
export const shippable = (b: Buckets): number => b.onHand - b.unsellable

/** How far below zero S would be after the change (0 when none). */
export function shortageAfter(b: Buckets, delta: Delta): number {
  return Math.max(0, -sellable(applyDelta(b, delta)))
}

export function applyDelta(b: Buckets, d: Delta): Buckets {
  return {
    onHand: b.onHand + (d.onHand ?? 0),
    reserved: b.reserved + (d.reserved ?? 0),
    unsellable: b.unsellable + (d.unsellable ?? 0),
    locked: b.locked + (d.locked ?? 0),
    transferReserved: b.transferReserved + (d.transferReserved ?? 0),
    inTransit: b.inTransit + (d.inTransit ?? 0),
    virtual: b.virtual + (d.virtual ?? 0),
  }
}
