/**
 * Inventory rules (src/inventory/decide.ts) at their edges, pure: each refusal with its code, its
 * reason and the numbers it reports (sellable never below 0), each rule exactly at the quantity it
 * allows and one beyond, and a transfer's ETA moved within the day, to another day, or into the past.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as decide from '../src/inventory/decide.ts'
import type { Buckets, Reservation, Transfer } from '../src/inventory/model.ts'
import type { Result } from '../src/kernel/result.ts'

const B = (b: Partial<Buckets>): Buckets => ({ onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, ...b })
const NOW = Date.UTC(2026, 10, 21, 15)
const TODAY = Date.UTC(2026, 10, 21)
const DAY = 86_400_000
const res = (quantity: number, status: Reservation['status'] = 'held', holdUntilMs: number | null = null): Reservation => ({
  id: 'res_1', skuId: 's', nodeId: 'n', quantity, status, channelId: null, reference: null, holdUntilMs, actor: 't', createdAtMs: 0, endedAtMs: null, endReason: null,
})
const trf = (quantity: number, status: Transfer['status'], etaMs: number | null = null): Transfer => ({
  id: 'trf_1', skuId: 's', fromNodeId: 'a', toNodeId: 'b', quantity, status, quantityReceived: null, discrepancy: null, etaMs,
  carrier: null, tracking: null, actor: 't', createdAtMs: 0, shippedAtMs: null, receivedAtMs: null, cancelledAtMs: null,
})
/** A result as its value, or as [code, reason, extra] when refused (never its HTTP status). */
const outcome = (r: Result<unknown>) => (r.ok ? r.value : [r.code, r.detail, r.extra])

describe('inventory rules: every refusal, with its reason and numbers', () => {
  const cases: Array<[string, () => Result<unknown>, unknown]> = [
    ['reserve one more than sellable', () => decide.reserve(B({ onHand: 5, reserved: 1, locked: 1 }), 4), ['insufficient_stock', 'Only 3 sellable, 4 requested.', { sellable: 3 }]],
    ['reserve with S below zero', () => decide.reserve(B({ onHand: 2, reserved: 5 }), 1), ['insufficient_stock', 'Only 0 sellable, 1 requested.', { sellable: 0 }]],
    ['lock with S below zero', () => decide.lock(B({ onHand: 1, unsellable: 1, locked: 2 }), 2), ['insufficient_stock', 'Only 0 sellable, 2 requested.', { sellable: 0 }]],
    ['release a committed reservation', () => decide.release(res(2, 'committed')), ['reservation_not_held', 'Reservation is already committed.', { currentStatus: 'committed' }]],
    ['commit a released reservation', () => decide.commit(B({ onHand: 9 }), res(2, 'released'), NOW), ['reservation_not_held', 'Reservation is already released.', { currentStatus: 'released' }]],
    ['commit at the deadline', () => decide.commit(B({ onHand: 9, reserved: 2 }), res(2, 'held', NOW), NOW), ['reservation_expired', 'The hold deadline passed; the reservation was released.', undefined]],
    ['commit one more than is shippable', () => decide.commit(B({ onHand: 6, unsellable: 2, reserved: 5 }), res(5), NOW),
      ['insufficient_on_hand', 'Only 4 shippable units on hand to ship 5; count or receive stock first.', { onHand: 6, unsellable: 2 }]],
    ['adjust one below zero', () => decide.adjust(B({ onHand: 3 }), -4), ['adjustment_below_zero', 'On hand is 3; it cannot go below zero. Use a count to set the true quantity.', { onHand: 3 }]],
    ['mark one more unsellable than is in good condition', () => decide.markUnsellable(B({ onHand: 5, unsellable: 2 }), 4),
      ['insufficient_on_hand', 'Only 3 sellable-condition units on hand.', { available: 3 }]],
    ['restore one more than is unsellable', () => decide.restore(B({ onHand: 5, unsellable: 2 }), 3), ['insufficient_unsellable', 'Only 2 units are marked unsellable.', { unsellable: 2 }]],
    ['unlock a released lock', () => decide.unlock({ id: 'l', skuId: 's', nodeId: 'n', quantity: 1, reason: 'r', status: 'released', channelId: null, releaseAtMs: null, actor: 't', createdAtMs: 0, releasedAtMs: 1 }),
      ['lock_not_active', 'The lock was already released.', undefined]],
    ['transfer one more than the physical units', () => decide.transferReserve(B({ onHand: 5, locked: 1, virtual: 3 }), 5),
      ['insufficient_stock', 'Only 4 physical units can be transferred, 5 requested.', { sellable: 4 }]],
    ['transfer with no physical unit free', () => decide.transferReserve(B({ onHand: 2, reserved: 4, virtual: 1 }), 1),
      ['insufficient_stock', 'Only 0 physical units can be transferred, 1 requested.', { sellable: 0 }]],
    ['cancel a shipped transfer', () => decide.transferCancel(trf(3, 'shipped')), ['transfer_not_cancellable', 'A shipped transfer cannot be cancelled.', { currentStatus: 'shipped' }]],
    ['ship a cancelled transfer', () => decide.transferShip(B({ onHand: 9 }), trf(3, 'cancelled')), ['transfer_not_shippable', 'A cancelled transfer cannot be shipped.', { currentStatus: 'cancelled' }]],
    ['ship one more than is shippable at the origin', () => decide.transferShip(B({ onHand: 4, unsellable: 2, transferReserved: 3 }), trf(3, 'reserved')),
      ['insufficient_on_hand', 'Only 2 shippable units on hand at the origin.', { onHand: 4, unsellable: 2 }]],
    ['receive a transfer not shipped', () => decide.transferReceive(trf(3, 'reserved'), 3), ['transfer_not_receivable', 'A reserved transfer cannot be received.', { currentStatus: 'reserved' }]],
    ['receive one more than was shipped', () => decide.transferReceive(trf(3, 'shipped'), 4), ['received_more_than_shipped', 'Received 4 but only 3 were shipped.', undefined]],
  ]
  for (const [name, run, expected] of cases) it(name, () => assert.deepEqual(outcome(run()), expected))
})

describe('inventory rules: exactly what they allow', () => {
  const cases: Array<[string, () => Result<unknown>, unknown]> = [
    ['commit every shippable unit', () => decide.commit(B({ onHand: 6, unsellable: 2, reserved: 4 }), res(4, 'held', NOW + 1), NOW), { onHand: -4, reserved: -4 }],
    ['ship every shippable unit', () => decide.transferShip(B({ onHand: 5, unsellable: 2, transferReserved: 3 }), trf(3, 'reserved')),
      { origin: { onHand: -3, transferReserved: -3 }, destination: { inTransit: 3 } }],
    ['transfer every physical unit', () => decide.transferReserve(B({ onHand: 5, locked: 1, virtual: 3 }), 4), { transferReserved: 4 }],
    ['mark every good unit unsellable', () => decide.markUnsellable(B({ onHand: 5, unsellable: 2 }), 3), { delta: { unsellable: 3 }, shortage: 0 }],
    ['restore every unsellable unit', () => decide.restore(B({ onHand: 5, unsellable: 2 }), 2), { unsellable: -2 }],
    ['adjust down to the unsellable units: they stay', () => decide.adjust(B({ onHand: 10, unsellable: 4 }), -6), { delta: { onHand: -6 }, shortage: 0 }],
    ['adjust one below them: one of them goes', () => decide.adjust(B({ onHand: 10, unsellable: 4 }), -7), { delta: { onHand: -7, unsellable: -1 }, shortage: 0 }],
    ['count exactly the unsellable units', () => decide.count(B({ onHand: 10, unsellable: 4 }), 4), { delta: { onHand: -6 }, shortage: 0 }],
    ['count none: nothing is left unsellable', () => decide.count(B({ onHand: 10, unsellable: 4, reserved: 3 }), 0), { delta: { onHand: -10, unsellable: -4 }, shortage: 3 }],
    ['receive one', () => decide.receive(1), { onHand: 1 }],
    ['set the virtual allowance to what it is', () => decide.setVirtual(B({ virtual: 4 }), 4), { delta: { virtual: 0 }, shortage: 0 }],
    ['receive every unit shipped', () => decide.transferReceive(trf(3, 'shipped'), 3), { delta: { inTransit: -3, onHand: 3 }, discrepancy: 0 }],
    ['receive nothing of what was shipped', () => decide.transferReceive(trf(3, 'shipped'), 0), { delta: { inTransit: -3, onHand: 0 }, discrepancy: 3 }],
  ]
  for (const [name, run, expected] of cases) it(name, () => assert.deepEqual(outcome(run()), expected))

  it('applies a delta to every bucket, and leaves out none', () => {
    const b = B({ onHand: 10, reserved: 3, unsellable: 2, locked: 1, transferReserved: 4, inTransit: 7, virtual: 5 })
    assert.deepEqual(decide.applyDelta(b, { onHand: 1, reserved: 2, unsellable: 3, locked: 4, transferReserved: 5, inTransit: 6, virtual: 7 }),
      { onHand: 11, reserved: 5, unsellable: 5, locked: 5, transferReserved: 9, inTransit: 13, virtual: 12 })
    assert.deepEqual(decide.applyDelta(b, {}), { onHand: 10, reserved: 3, unsellable: 2, locked: 1, transferReserved: 4, inTransit: 7, virtual: 5 })
    assert.deepEqual([decide.shippable(b), decide.shortageAfter(b, {}), decide.shortageAfter(b, { virtual: -11 })], [8, 0, 6])
  })
})

describe('a transfer’s new ETA', () => {
  it('moves it when the day changes or it had none; a new time on the same day moves nothing', () => {
    const cases: Array<[Transfer, number, boolean]> = [
      [trf(3, 'reserved', null), TODAY, true],
      [trf(3, 'shipped', TODAY + 2 * DAY), TODAY + 2 * DAY + 5 * 3_600_000, false],
      [trf(3, 'shipped', TODAY + 2 * DAY + 23 * 3_600_000), TODAY + 2 * DAY, false],
      [trf(3, 'reserved', TODAY + 2 * DAY), TODAY + 3 * DAY, true],
      [trf(3, 'shipped', TODAY + 2 * DAY), TODAY + DAY, true],
    ]
    for (const [t, etaMs, moved] of cases) assert.deepEqual(outcome(decide.transferEta(t, etaMs, NOW)), { moved }, `${t.etaMs} → ${etaMs}`)
  })

  it('takes any time today, and refuses a day gone by', () => {
    assert.deepEqual(outcome(decide.transferEta(trf(3, 'shipped', TODAY + DAY), TODAY, NOW)), { moved: true })
    assert.deepEqual(outcome(decide.transferEta(trf(3, 'shipped', TODAY + DAY), TODAY - 1, NOW)), ['eta_in_past', 'The ETA 2026-11-20 has passed.', undefined])
  })

  it('has no arrival to move once the transfer was received or cancelled', () => {
    for (const status of ['received', 'cancelled'] as const) {
      assert.deepEqual(outcome(decide.transferEta(trf(3, status), TODAY + DAY, NOW)), ['transfer_not_open', `A ${status} transfer has no arrival left to move.`, { currentStatus: status }])
    }
  })
})
