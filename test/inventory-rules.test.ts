import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as decide from '../src/inventory/decide.ts'
import { bucketNames, emptyBuckets, sellable, type Buckets, type Delta, type Lock, type Reservation, type Transfer } from '../src/inventory/model.ts'
import type { Result } from '../src/kernel/result.ts'
import { statusOf } from '../src/http/problem-status.ts'
import { assertProperty } from './helpers/seeds.ts'

const B = (b: Partial<Buckets> = {}): Buckets => ({ ...emptyBuckets(), ...b })
const NOW = 1_000_000
const res = (quantity: number, r: Partial<Reservation> = {}): Reservation => ({
  id: 'res_1', skuId: 's', nodeId: 'n', quantity, status: 'held', channelId: null, reference: null, holdUntilMs: null,
  actor: 't', createdAtMs: 0, endedAtMs: null, endReason: null, ...r,
})
const lck = (quantity: number, status: Lock['status'] = 'active'): Lock => ({
  id: 'lck_1', skuId: 's', nodeId: 'n', quantity, reason: 'promo', status, channelId: null, releaseAtMs: null, actor: 't', createdAtMs: 0, releasedAtMs: null,
})
const trf = (quantity: number, status: Transfer['status'] = 'reserved'): Transfer => ({
  id: 'trf_1', skuId: 's', fromNodeId: 'a', toNodeId: 'b', quantity, status, quantityReceived: null, discrepancy: null, etaMs: null,
  carrier: null, tracking: null, actor: 't', createdAtMs: 0, shippedAtMs: null, receivedAtMs: null, cancelledAtMs: null,
})

type Expected = { value: unknown } | { code: string; status?: number; extra?: Record<string, unknown> }
const table: Array<[name: string, run: () => Result<unknown>, expected: Expected]> = [
  ['reserve: S exactly q', () => decide.reserve(B({ onHand: 10, locked: 2, virtual: 2 }), 10), { value: { reserved: 10 } }],
  ['reserve: S below q', () => decide.reserve(B({ onHand: 10, reserved: 1 }), 10), { code: 'insufficient_stock', status: 409, extra: { sellable: 9 } }],
  ['reserve: S negative reports 0 sellable', () => decide.reserve(B({ onHand: 1, unsellable: 1, reserved: 3 }), 1), { code: 'insufficient_stock', extra: { sellable: 0 } }],
  ['reserve: transfer-reserved units are not sellable', () => decide.reserve(B({ onHand: 5, transferReserved: 5 }), 1), { code: 'insufficient_stock' }],
  ['release: held', () => decide.release(res(4)), { value: { reserved: -4 } }],
  ['release: committed', () => decide.release(res(4, { status: 'committed' })), { code: 'reservation_not_held', status: 409, extra: { currentStatus: 'committed' } }],
  ['release: released', () => decide.release(res(4, { status: 'released' })), { code: 'reservation_not_held' }],
  ['commit: held, stock on hand', () => decide.commit(B({ onHand: 5, reserved: 4 }), res(4, { holdUntilMs: NOW + 1 }), NOW), { value: { onHand: -4, reserved: -4 } }],
  ['commit: not held wins over expired', () => decide.commit(B({ onHand: 5 }), res(4, { status: 'released', holdUntilMs: NOW - 1 }), NOW), { code: 'reservation_not_held' }],
  ['commit: deadline reached', () => decide.commit(B({ onHand: 5, reserved: 4 }), res(4, { holdUntilMs: NOW }), NOW), { code: 'reservation_expired', status: 409 }],
  ['commit: on hand short', () => decide.commit(B({ onHand: 3, reserved: 4 }), res(4), NOW), { code: 'insufficient_on_hand', extra: { onHand: 3 } }],
  // Bug (see report): commit checks I >= q only, so it ships units marked unsellable and leaves U > I.
  ['commit: units marked unsellable cannot ship', () => decide.commit(B({ onHand: 10, reserved: 10, unsellable: 10 }), res(10), NOW), { code: 'insufficient_on_hand' }],
  ['receive', () => decide.receive(7), { value: { onHand: 7 } }],
  ['count: more than on hand', () => decide.count(B({ onHand: 5 }), 8), { value: { delta: { onHand: 3 }, shortage: 0 } }],
  ['count: below reserved is a shortage, not an error', () => decide.count(B({ onHand: 10, reserved: 8 }), 5), { value: { delta: { onHand: -5 }, shortage: 3 } }],
  ['count: below unsellable shrinks unsellable', () => decide.count(B({ onHand: 10, unsellable: 6 }), 4), { value: { delta: { onHand: -6, unsellable: -2 }, shortage: 0 } }],
  ['adjust: up', () => decide.adjust(B({ onHand: 1 }), 4), { value: { delta: { onHand: 4 }, shortage: 0 } }],
  ['adjust: down into shortage', () => decide.adjust(B({ onHand: 5, locked: 5 }), -2), { value: { delta: { onHand: -2 }, shortage: 2 } }],
  ['adjust: down to exactly zero', () => decide.adjust(B({ onHand: 5, unsellable: 1 }), -5), { value: { delta: { onHand: -5, unsellable: -1 }, shortage: 0 } }],
  ['adjust: below zero', () => decide.adjust(B({ onHand: 5 }), -6), { code: 'adjustment_below_zero', status: 409, extra: { onHand: 5 } }],
  ['mark_unsellable: ok', () => decide.markUnsellable(B({ onHand: 5, unsellable: 1 }), 4), { value: { delta: { unsellable: 4 }, shortage: 0 } }],
  ['mark_unsellable: reserved units become a shortage', () => decide.markUnsellable(B({ onHand: 5, reserved: 5 }), 2), { value: { delta: { unsellable: 2 }, shortage: 2 } }],
  ['mark_unsellable: more than good units', () => decide.markUnsellable(B({ onHand: 5, unsellable: 2 }), 4), { code: 'insufficient_on_hand', extra: { available: 3 } }],
  ['restore: ok', () => decide.restore(B({ onHand: 5, unsellable: 3 }), 3), { value: { unsellable: -3 } }],
  ['restore: more than unsellable', () => decide.restore(B({ onHand: 5, unsellable: 3 }), 4), { code: 'insufficient_unsellable', extra: { unsellable: 3 } }],
  ['lock: ok', () => decide.lock(B({ onHand: 5, reserved: 2 }), 3), { value: { locked: 3 } }],
  ['lock: more than sellable', () => decide.lock(B({ onHand: 5, reserved: 2 }), 4), { code: 'insufficient_stock', extra: { sellable: 3 } }],
  ['unlock: active', () => decide.unlock(lck(3)), { value: { locked: -3 } }],
  ['unlock: released', () => decide.unlock(lck(3, 'released')), { code: 'lock_not_active', status: 409 }],
  ['set_virtual: replaces the allowance', () => decide.setVirtual(B({ virtual: 5 }), 8), { value: { delta: { virtual: 3 }, shortage: 0 } }],
  ['set_virtual: lowering below promises is a shortage', () => decide.setVirtual(B({ onHand: 2, virtual: 5, reserved: 6 }), 0), { value: { delta: { virtual: -5 }, shortage: 4 } }],
  ['transfer_reserve: ok', () => decide.transferReserve(B({ onHand: 5 }), 5), { value: { transferReserved: 5 } }],
  ['transfer_reserve: more than sellable', () => decide.transferReserve(B({ onHand: 5, locked: 1 }), 5), { code: 'insufficient_stock' }],
  // Bug (see report): V is the supplier's allowance, not stock at this node; a transfer reserved against it can never ship.
  ['transfer_reserve: virtual allowance cannot be transferred', () => decide.transferReserve(B({ virtual: 5 }), 1), { code: 'insufficient_stock' }],
  ['transfer_cancel: reserved', () => decide.transferCancel(trf(4)), { value: { transferReserved: -4 } }],
  ...(['shipped', 'received', 'cancelled'] as const).map((status): [string, () => Result<unknown>, Expected] =>
    [`transfer_cancel: ${status}`, () => decide.transferCancel(trf(4, status)), { code: 'transfer_not_cancellable', extra: { currentStatus: status } }]),
  ['transfer_ship: ok', () => decide.transferShip(B({ onHand: 4, transferReserved: 4 }), trf(4)),
    { value: { origin: { onHand: -4, transferReserved: -4 }, destination: { inTransit: 4 } } }],
  ...(['shipped', 'received', 'cancelled'] as const).map((status): [string, () => Result<unknown>, Expected] =>
    [`transfer_ship: ${status}`, () => decide.transferShip(B({ onHand: 9 }), trf(4, status)), { code: 'transfer_not_shippable', extra: { currentStatus: status } }]),
  ['transfer_ship: on hand short', () => decide.transferShip(B({ onHand: 3, transferReserved: 4 }), trf(4)), { code: 'insufficient_on_hand', extra: { onHand: 3 } }],
  // Bug (see report): like commit, ship checks I >= q only and moves units marked unsellable.
  ['transfer_ship: units marked unsellable cannot ship', () => decide.transferShip(B({ onHand: 4, unsellable: 4, transferReserved: 4 }), trf(4)), { code: 'insufficient_on_hand' }],
  ['transfer_receive: all arrived', () => decide.transferReceive(trf(4, 'shipped'), 4), { value: { delta: { inTransit: -4, onHand: 4 }, discrepancy: 0 } }],
  ['transfer_receive: some lost', () => decide.transferReceive(trf(4, 'shipped'), 1), { value: { delta: { inTransit: -4, onHand: 1 }, discrepancy: 3 } }],
  ...(['reserved', 'received', 'cancelled'] as const).map((status): [string, () => Result<unknown>, Expected] =>
    [`transfer_receive: ${status}`, () => decide.transferReceive(trf(4, status), 4), { code: 'transfer_not_receivable', extra: { currentStatus: status } }]),
  ['transfer_receive: more than shipped', () => decide.transferReceive(trf(4, 'shipped'), 5), { code: 'received_more_than_shipped', status: 422 }],
]

describe('inventory rules (table)', () => {
  for (const [name, run, expected] of table) {
    test(name, () => {
      const result = run()
      if ('value' in expected) {
        assert.ok(result.ok, `refused: ${result.ok ? '' : result.code}`)
        assert.deepEqual(result.value, expected.value)
      } else {
        assert.equal(result.ok, false, `accepted: ${JSON.stringify(result)}`)
        if (result.ok) return
        assert.equal(result.code, expected.code)
        assert.equal(statusOf(result.code), expected.status ?? 409)
        assert.ok(result.detail.length > 0)
        for (const [k, v] of Object.entries(expected.extra ?? {})) assert.deepEqual(result.extra?.[k], v, `extra.${k}`)
      }
    })
  }

  test('isExpired: only a held reservation at or past its deadline', () => {
    assert.equal(decide.isExpired(res(1, { holdUntilMs: NOW }), NOW), true)
    assert.equal(decide.isExpired(res(1, { holdUntilMs: NOW - 1 }), NOW), true)
    assert.equal(decide.isExpired(res(1, { holdUntilMs: NOW + 1 }), NOW), false)
    assert.equal(decide.isExpired(res(1, { holdUntilMs: null }), NOW), false)
    assert.equal(decide.isExpired(res(1, { holdUntilMs: NOW - 1, status: 'committed' }), NOW), false)
    assert.equal(decide.isExpired(res(1, { holdUntilMs: NOW - 1, status: 'released' }), NOW), false)
  })

  test('sellable, applyDelta and shortageAfter', () => {
    const b = B({ onHand: 10, reserved: 3, unsellable: 2, locked: 1, transferReserved: 4, inTransit: 7, virtual: 5 })
    assert.equal(sellable(b), 10 - 3 - 2 - 1 + 5 - 4)
    assert.deepEqual(decide.applyDelta(b, { onHand: -1, inTransit: 2 }), { onHand: 9, reserved: 3, unsellable: 2, locked: 1, transferReserved: 4, inTransit: 9, virtual: 5 })
    assert.deepEqual(decide.applyDelta(b, {}), { onHand: 10, reserved: 3, unsellable: 2, locked: 1, transferReserved: 4, inTransit: 7, virtual: 5 })
    assert.equal(decide.shortageAfter(b, { reserved: 5 }), 0)
    assert.equal(decide.shortageAfter(b, { reserved: 8 }), 3)
  })
})

// ---- properties ----

const bucketsArb = fc.record(Object.fromEntries(bucketNames.map((n) => [n, fc.nat(50)])) as Record<keyof Buckets, fc.Arbitrary<number>>)

/** A two-node world run through the rules alone: origin/destination positions and the documents on them. */
interface Model {
  pos: [Buckets, Buckets]
  reservations: Array<Reservation & { node: 0 | 1 }>
  locks: Array<Lock & { node: 0 | 1 }>
  transfers: Array<Transfer & { from: 0 | 1 }>
}

const kinds = ['receive', 'count', 'adjust', 'mark_unsellable', 'restore', 'set_virtual', 'reserve', 'release', 'commit', 'expire',
  'lock', 'unlock', 'transfer_reserve', 'transfer_cancel', 'transfer_ship', 'transfer_receive'] as const
const shortageKinds = new Set(['count', 'adjust', 'mark_unsellable', 'set_virtual'])
const command = fc.record({ kind: fc.constantFrom(...kinds), node: fc.constantFrom(0 as const, 1 as const), q: fc.integer({ min: -20, max: 30 }), pick: fc.nat(100) })
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never

/** Applies one command through decide.ts; returns the shortage the rule reported (or undefined) and whether it was accepted. */
function step(m: Model, c: Command, nowMs: number): { accepted: boolean; shortage?: number } {
  const p = m.pos[c.node]
  const q = Math.abs(c.q)
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[c.pick % xs.length] : undefined)
  const apply = (node: 0 | 1, d: Delta) => { m.pos[node] = decide.applyDelta(m.pos[node], d) }
  const withShortage = (r: Result<{ delta: Delta; shortage: number }>) => {
    if (!r.ok) return { accepted: false }
    apply(c.node, r.value.delta)
    return { accepted: true, shortage: r.value.shortage }
  }
  const plain = (r: Result<Delta>, node: 0 | 1 = c.node, after?: () => void) => {
    if (!r.ok) return { accepted: false }
    apply(node, r.value)
    after?.()
    return { accepted: true }
  }
  switch (c.kind) {
    case 'receive': return q === 0 ? { accepted: false } : plain(decide.receive(q))
    case 'count': return withShortage(decide.count(p, q))
    case 'adjust': return c.q === 0 ? { accepted: false } : withShortage(decide.adjust(p, c.q))
    case 'mark_unsellable': return q === 0 ? { accepted: false } : withShortage(decide.markUnsellable(p, q))
    case 'restore': return q === 0 ? { accepted: false } : plain(decide.restore(p, q))
    case 'set_virtual': return withShortage(decide.setVirtual(p, q))
    case 'reserve': return q === 0 ? { accepted: false } : plain(decide.reserve(p, q), c.node, () => {
      m.reservations.push({ ...res(q, { id: `r${m.reservations.length}`, holdUntilMs: c.pick % 2 ? nowMs + 5 : null }), node: c.node })
    })
    case 'release': case 'commit': case 'expire': {
      const r = pick(m.reservations)
      if (!r) return { accepted: false }
      const at = c.kind === 'expire' ? nowMs + 10 : nowMs
      return plain(c.kind === 'commit' ? decide.commit(m.pos[r.node], r, at) : decide.release(r), r.node, () => {
        r.status = c.kind === 'commit' ? 'committed' : 'released'
      })
    }
    case 'lock': return q === 0 ? { accepted: false } : plain(decide.lock(p, q), c.node, () => m.locks.push({ ...lck(q), node: c.node }))
    case 'unlock': {
      const l = pick(m.locks)
      return l ? plain(decide.unlock(l), l.node, () => { l.status = 'released' }) : { accepted: false }
    }
    case 'transfer_reserve': return q === 0 ? { accepted: false } : plain(decide.transferReserve(p, q), c.node, () => m.transfers.push({ ...trf(q), from: c.node }))
    case 'transfer_cancel': {
      const t = pick(m.transfers)
      return t ? plain(decide.transferCancel(t), t.from, () => { t.status = 'cancelled' }) : { accepted: false }
    }
    case 'transfer_ship': {
      const t = pick(m.transfers)
      if (!t) return { accepted: false }
      const r = decide.transferShip(m.pos[t.from], t)
      if (!r.ok) return { accepted: false }
      apply(t.from, r.value.origin)
      apply((1 - t.from) as 0 | 1, r.value.destination)
      t.status = 'shipped'
      return { accepted: true }
    }
    case 'transfer_receive': {
      const t = pick(m.transfers)
      if (!t) return { accepted: false }
      const r = decide.transferReceive(t, Math.min(q, t.quantity))
      return plain(r.ok ? { ok: true, value: r.value.delta } : r, (1 - t.from) as 0 | 1, () => { t.status = 'received' })
    }
  }
}

const freshModel = (a: Buckets, b: Buckets): Model => ({ pos: [a, b], reservations: [], locks: [], transfers: [] })
/** Starting positions that obey the engine's own invariants: nothing promised, U within I. */
const startArb = fc.record({ onHand: fc.nat(40), unsellable: fc.nat(40), virtual: fc.nat(10) }).map((b) => B({ ...b, unsellable: Math.min(b.unsellable, b.onHand) }))

describe('inventory rules (properties)', () => {
  test('an accepted sale never takes S below zero from a non-negative start', async (t) => {
    await assertProperty(t, fc.property(bucketsArb, fc.integer({ min: 1, max: 60 }), (b, q) => {
      fc.pre(sellable(b) >= 0)
      const r = decide.reserve(b, q)
      assert.equal(r.ok, sellable(b) >= q)
      if (r.ok) assert.equal(sellable(decide.applyDelta(b, r.value)), sellable(b) - q)
    }), { numRuns: 100 })
  })

  test('any accepted sequence keeps buckets >= 0; S goes negative only through shortage ops, which report max(0, -S)', async (t) => {
    await assertProperty(t, fc.property(startArb, startArb, fc.array(command, { maxLength: 60 }), (a, b, commands) => {
      const m = freshModel(a, b)
      for (const c of commands) {
        const before = m.pos.map(sellable)
        const { accepted, shortage } = step(m, c, NOW)
        for (const [i, p] of m.pos.entries()) {
          for (const name of bucketNames) assert.ok(p[name] >= 0, `${name} < 0 at node ${i} after ${c.kind}`)
          const s = sellable(p)
          if (!shortageKinds.has(c.kind) || !accepted || i !== c.node) assert.ok(s >= Math.min(0, before[i]), `${c.kind} took S from ${before[i]} to ${s}`)
        }
        if (accepted && shortageKinds.has(c.kind)) assert.equal(shortage, Math.max(0, -sellable(m.pos[c.node])))
        // O and T are exactly what the open documents hold.
        for (const node of [0, 1] as const) {
          assert.equal(m.pos[node].reserved, m.reservations.filter((r) => r.node === node && r.status === 'held').reduce((n, r) => n + r.quantity, 0))
          assert.equal(m.pos[node].locked, m.locks.filter((l) => l.node === node && l.status === 'active').reduce((n, l) => n + l.quantity, 0))
          assert.equal(m.pos[node].transferReserved, m.transfers.filter((t) => t.from === node && t.status === 'reserved').reduce((n, t) => n + t.quantity, 0))
        }
      }
    }), { numRuns: 300 })
  })

  // decide.ts (onHandChange): "Units that are gone cannot stay marked unsellable: U never exceeds I."
  test('unsellable never exceeds on hand after any accepted sequence', async (t) => {
    await assertProperty(t, fc.property(startArb, startArb, fc.array(command, { maxLength: 60 }), (a, b, commands) => {
      const m = freshModel(a, b)
      for (const c of commands) {
        step(m, c, NOW)
        for (const [i, p] of m.pos.entries()) assert.ok(p.unsellable <= p.onHand, `U ${p.unsellable} > I ${p.onHand} at node ${i} after ${c.kind} ${JSON.stringify(c)}`)
      }
    }), { numRuns: 300 })
  })

  test('transfer ship + receive conserves units: shipped = received + discrepancy', async (t) => {
    await assertProperty(t, fc.property(startArb, startArb, fc.integer({ min: 1, max: 40 }), fc.nat(40), (origin, destination, q, r) => {
      fc.pre(sellable(origin) - origin.virtual >= q && r <= q)
      const reserved = decide.transferReserve(origin, q)
      assert.ok(reserved.ok)
      const o1 = decide.applyDelta(origin, reserved.value)
      const shipped = decide.transferShip(o1, trf(q))
      assert.ok(shipped.ok)
      const o2 = decide.applyDelta(o1, shipped.value.origin)
      const d1 = decide.applyDelta(destination, shipped.value.destination)
      const received = decide.transferReceive(trf(q, 'shipped'), r)
      assert.ok(received.ok)
      const d2 = decide.applyDelta(d1, received.value.delta)
      assert.equal(received.value.discrepancy, q - r)
      assert.equal(origin.onHand - o2.onHand, q, 'the origin lost exactly what was shipped')
      assert.equal(d2.onHand - destination.onHand + received.value.discrepancy, q, 'shipped = received + discrepancy')
      assert.deepEqual([o2.transferReserved, d2.inTransit], [origin.transferReserved, destination.inTransit], 'T and A return to where they were')
    }), { numRuns: 100 })
  })
})
