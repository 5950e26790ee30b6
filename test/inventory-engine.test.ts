import { afterEach, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import type { Result } from '../src/kernel/result.ts'
import { maxQuantity, type Buckets, type Reservation } from '../src/inventory/model.ts'
import type { Op } from '../src/inventory/ops.ts'
import type { PositionView } from '../src/inventory/views.ts'
import {
  assertFold, bucketsOf, count, newEngine, okValue, positionOp, refusedWith, reservationStep, reserveOne, reserveOp, world, type World,
} from './helpers/inventory.ts'

type Lines = { lines: Array<Result<Reservation>> }
const S = 'sku_0'
const S2 = 'sku_1'
const N = 'node_0'
const N2 = 'node_1'
const idem = (scopeKey: string, requestHash: string) => ({ idem: { scopeKey, requestHash } })

for (const kind of await storeKinds()) {
  describe(`inventory engine (${kind})`, () => {
    let w: World
    const submit = (op: Op) => w.engine.submit(op)
    const receive = async (skuId: string, nodeId: string, quantity: number) => okValue(( await submit(positionOp('receive', skuId, nodeId, quantity))).result)
    const movements = (sql = '1 = 1', params: Array<string | number> = []) => count(w.db, `SELECT COUNT(*) AS n FROM movements WHERE ${sql}`, params)

    beforeEach(async () => { w = await world(kind) })
    afterEach(async () => {
      try { await assertFold(w.db) } finally { await w.cleanup() }
    })

    test('position ops: happy paths, each writes one movement', async () => {
      // Every bucket after each op, written out: the buckets an op must leave alone are checked too.
      const cases: Array<[Op, Buckets, sellable: number]> = [
        [positionOp('receive', S, N, 10, 'po'), { onHand: 10, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 }, 10],
        [positionOp('mark_unsellable', S, N, 3, 'damaged'), { onHand: 10, reserved: 0, unsellable: 3, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 }, 7],
        [positionOp('restore', S, N, 1, 'repaired'), { onHand: 10, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 }, 8],
        [positionOp('adjust', S, N, -4, 'found broken'), { onHand: 6, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 }, 4],
        [positionOp('set_virtual', S, N, 5, 'supplier'), { onHand: 6, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 5 }, 9],
        [positionOp('set_virtual', S, N, 2, 'supplier'), { onHand: 6, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 2 }, 6],
        [positionOp('count', S, N, 9, 'cycle count'), { onHand: 9, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 2 }, 9],
      ]
      for (const [i, [op, buckets, sellable]] of cases.entries()) {
        const { result, replayed } = await submit(op)
        const value = okValue<{ position: PositionView; shortage: number }>(result, op.kind)
        assert.equal(replayed, false)
        assert.deepEqual(value.position, { skuId: S, nodeId: N, ...buckets, sellable, shortage: 0 }, `${op.kind} #${i}`)
        assert.equal(value.shortage, 0)
        assert.deepEqual(await bucketsOf(w.db, S, N), buckets, `${op.kind} #${i}: stored`)
      }
      assert.equal(await movements(), cases.length)
      assert.equal(await movements(`kind = 'mark_unsellable' AND reason = 'damaged' AND actor = 'test' AND unsellable = 3`), 1)
    })

    test('position ops: refusals change nothing', async () => {
      await receive(S, N, 5)
      await submit(positionOp('mark_unsellable', S, N, 2))
      refusedWith(await submit(positionOp('adjust', S, N, -6)), 'adjustment_below_zero')
      refusedWith(await submit(positionOp('mark_unsellable', S, N, 4)), 'insufficient_on_hand')
      refusedWith(await submit(positionOp('restore', S, N, 3)), 'insufficient_unsellable')
      assert.equal(await movements(), 2)
      assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: 5, reserved: 0, unsellable: 2, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
    })

    test('count below reserved records a shortage and an inventory.shortage event', async () => {
      await receive(S, N, 10)
      await reserveOne(w, S, N, 8)
      const { result } = await submit(positionOp('count', S, N, 5, 'cycle count'))
      const value = okValue<{ position: PositionView; shortage: number }>(result)
      assert.equal(value.shortage, 3)
      const position = { skuId: S, nodeId: N, onHand: 5, reserved: 8, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, sellable: -3, shortage: 3 }
      assert.deepEqual(value.position, position)
      // Besides the position's own inventory.changed, which every batch that moves it publishes.
      const events = await w.db.all<{ topic: string; subject: string; payload: string }>("SELECT topic, subject, payload FROM outbox WHERE topic <> 'inventory.changed'")
      assert.equal(events.length, 1)
      assert.deepEqual([events[0].topic, events[0].subject], ['inventory.shortage', `${S}@${N}`])
      assert.deepEqual(JSON.parse(events[0].payload), { ...position, cause: 'count', reason: 'cycle count' })
      okValue((await submit(positionOp('count', S, N, 20))).result)
      assert.equal(await count(w.db, "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'inventory.shortage'"), 1, 'no shortage event without a shortage')
      const changed = await w.db.all<{ payload: string }>("SELECT payload FROM outbox WHERE topic = 'inventory.changed' ORDER BY id")
      assert.deepEqual(JSON.parse(changed.at(-1)!.payload), { skuId: S, nodeId: N, onHand: 20, reserved: 8, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, sellable: 12 })
    })

    test('reserve, release, commit: happy paths and refusals', async () => {
      await receive(S, N, 5)
      const a = await reserveOne(w, S, N, 3)
      refusedWith(okValue<Lines>((await submit(reserveOp([[S, N, 3]]))).result).lines[0], 'insufficient_stock')
      const b = await reserveOne(w, S, N, 2)
      assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: 5, reserved: 5, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
      assert.equal(okValue<{ status: string; endReason: string }>((await submit(reservationStep('release', a, 'cancelled'))).result).status, 'released')
      refusedWith(await submit(reservationStep('release', a)), 'reservation_not_held')
      refusedWith(await submit(reservationStep('commit', a)), 'reservation_not_held')
      assert.equal(okValue<{ status: string }>((await submit(reservationStep('commit', b, 'shipped'))).result).status, 'committed')
      refusedWith(await submit(reservationStep('release', b)), 'reservation_not_held')
      refusedWith(await submit(reservationStep('commit', 'res_nope')), 'reservation_not_found')
      assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: 3, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
      const rows = await w.db.all<{ id: string; status: string; end_reason: string }>('SELECT id, status, end_reason FROM reservations ORDER BY status')
      assert.deepEqual(rows.map((r) => [r.id, r.status, r.end_reason]), [[b, 'committed', 'shipped'], [a, 'released', 'cancelled']])
    })

    test('commit of a reservation sold against virtual stock waits for on hand', async () => {
      okValue((await submit(positionOp('set_virtual', S, N, 4))).result)
      const r = await reserveOne(w, S, N, 4)
      refusedWith(await submit(reservationStep('commit', r)), 'insufficient_on_hand')
      await receive(S, N, 4)
      okValue((await submit(reservationStep('commit', r))).result)
    })

    test('lock and unlock', async () => {
      await receive(S, N, 5)
      const lock = okValue<{ id: string; status: string }>((await submit({ kind: 'lock', skuId: S, nodeId: N, quantity: 4, reason: 'promo', releaseAtMs: null, actor: 'test' })).result)
      assert.equal(lock.status, 'active')
      refusedWith(await submit({ kind: 'lock', skuId: S, nodeId: N, quantity: 2, reason: 'promo', releaseAtMs: null, actor: 'test' }), 'insufficient_stock')
      refusedWith(okValue<Lines>((await submit(reserveOp([[S, N, 2]]))).result).lines[0], 'insufficient_stock')
      assert.equal((await bucketsOf(w.db, S, N)).locked, 4)
      assert.equal(okValue<{ status: string }>((await submit({ kind: 'unlock', lockId: lock.id, reason: 'done', actor: 'test' })).result).status, 'released')
      refusedWith(await submit({ kind: 'unlock', lockId: lock.id, reason: 'again', actor: 'test' }), 'lock_not_active')
      refusedWith(await submit({ kind: 'unlock', lockId: 'lck_nope', reason: 'x', actor: 'test' }), 'lock_not_found')
      assert.equal((await bucketsOf(w.db, S, N)).locked, 0)
      assert.equal(await count(w.db, `SELECT COUNT(*) AS n FROM locks WHERE status = 'released'`), 1)
    })

    test('transfers: reserve, ship, receive with a discrepancy; cancel; refusals', async () => {
      await receive(S, N, 10)
      const create = (quantity: number, to = N2) => submit({ kind: 'transfer_create', skuId: S, fromNodeId: N, toNodeId: to, quantity, etaMs: null, actor: 'test' })
      const stepOp = (kind: 'transfer_ship' | 'transfer_receive' | 'transfer_cancel', transferId: string, receivedQuantity?: number) =>
        submit({ kind, transferId, receivedQuantity, actor: 'test' })
      refusedWith(await create(1, N), 'transfer_same_node')
      refusedWith(await create(11), 'insufficient_stock')
      const t = okValue<{ id: string; status: string }>((await create(6)).result)
      assert.deepEqual([(await bucketsOf(w.db, S, N)).transferReserved, t.status], [6, 'reserved'])
      refusedWith(await stepOp('transfer_receive', t.id, 6), 'transfer_not_receivable')
      okValue((await stepOp('transfer_ship', t.id)).result)
      refusedWith(await stepOp('transfer_ship', t.id), 'transfer_not_shippable')
      refusedWith(await stepOp('transfer_cancel', t.id), 'transfer_not_cancellable')
      assert.equal((await bucketsOf(w.db, S, N2)).inTransit, 6)
      refusedWith(await stepOp('transfer_receive', t.id, 7), 'received_more_than_shipped')
      refusedWith(await stepOp('transfer_receive', t.id, maxQuantity), 'received_more_than_shipped') // the largest quantity a request may carry is a quantity, not invalid
      refusedWith(await stepOp('transfer_receive', t.id, maxQuantity + 1), 'invalid_quantity')
      refusedWith(await stepOp('transfer_receive', t.id, -1), 'invalid_quantity')
      const received = okValue<{ status: string; quantityReceived: number; discrepancy: number }>((await stepOp('transfer_receive', t.id, 5)).result)
      assert.deepEqual([received.status, received.quantityReceived, received.discrepancy], ['received', 5, 1])
      assert.deepEqual([await bucketsOf(w.db, S, N), await bucketsOf(w.db, S, N2)], [
        { onHand: 4, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 },
        { onHand: 5, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 },
      ])
      const c = okValue<{ id: string }>((await create(4)).result)
      assert.equal(okValue<{ status: string }>((await stepOp('transfer_cancel', c.id)).result).status, 'cancelled')
      refusedWith(await stepOp('transfer_ship', c.id), 'transfer_not_shippable')
      refusedWith(await stepOp('transfer_ship', 'trf_nope'), 'transfer_not_found')
      assert.equal((await bucketsOf(w.db, S, N)).transferReserved, 0)
      const row = await w.db.get<{ status: string; discrepancy: number }>('SELECT status, discrepancy FROM transfers WHERE id = ?', [t.id])
      assert.deepEqual([row?.status, Number(row?.discrepancy)], ['received', 1])
    })

    test('atomic bulk is all-or-nothing; non-atomic bulk decides each line', async () => {
      await receive(S, N, 3)
      await receive(S2, N, 1)
      const lines: Array<[string, string, number]> = [[S, N, 2], [S2, N, 1], [S, N, 2]]
      const atomic = await submit(reserveOp(lines, { atomic: true }))
      refusedWith(atomic, 'insufficient_stock')
      assert.equal(atomic.result.ok ? undefined : atomic.result.extra?.line, 2, 'the third line, counting the first against the same position')
      assert.equal(await movements(`kind = 'reserve'`), 0, 'nothing written on refusal')
      assert.equal(await count(w.db, 'SELECT COUNT(*) AS n FROM reservations'), 0)
      const partial = okValue<Lines>((await submit(reserveOp(lines))).result).lines
      assert.deepEqual(partial.map((l) => (l.ok ? l.value.quantity : l.code)), [2, 1, 'insufficient_stock'])
      assert.deepEqual([(await bucketsOf(w.db, S, N)).reserved, (await bucketsOf(w.db, S2, N)).reserved], [2, 1])
      await receive(S, N, 1)
      const all = okValue<Lines>((await submit(reserveOp([[S, N, 1], [S, N, 1]], { atomic: true }))).result).lines
      assert.ok(all.every((l) => l.ok))
      assert.equal((await bucketsOf(w.db, S, N)).reserved, 4)
    })

    describe('idempotency', () => {
      for (const atomic of [true, false]) {
        test(`${atomic ? 'atomic' : 'non-atomic'} reserve: same key and body replays; a different body is refused`, async () => {
          await receive(S, N, 10)
          const op = reserveOp([[S, N, 2]], { atomic, ...idem('channel:web:k1', 'h1') })
          const first = await submit(op)
          const again = await submit(op)
          assert.deepEqual([first.replayed, again.replayed], [false, true])
          const id = okValue<Lines>(first.result).lines.map((l) => okValue<Reservation>(l).id)
          assert.deepEqual(okValue<Lines>(again.result).lines.map((l) => okValue<Reservation>(l).id), id)
          assert.equal(await movements(`kind = 'reserve'`), 1, 'no second movement')
          assert.equal((await bucketsOf(w.db, S, N)).reserved, 2)
          refusedWith(await submit(reserveOp([[S, N, 3]], { atomic, ...idem('channel:web:k1', 'h2') })), 'idempotency_key_reused')
          assert.equal((await bucketsOf(w.db, S, N)).reserved, 2)
        })

        test(`${atomic ? 'atomic' : 'non-atomic'} reserve: the same key twice in one batch reserves once`, async () => {
          await receive(S, N, 10)
          const op = reserveOp([[S, N, 2]], { atomic, ...idem('channel:web:k2', 'h1') })
          const outcomes = await Promise.all([submit(op), submit(op), submit(reserveOp([[S, N, 1]], { atomic, ...idem('channel:web:k2', 'h2') }))])
          assert.deepEqual(outcomes.map((o) => o.replayed), [false, true, false])
          assert.deepEqual(okValue<Lines>(outcomes[1].result), okValue<Lines>(outcomes[0].result))
          refusedWith(outcomes[2], 'idempotency_key_reused')
          assert.equal((await bucketsOf(w.db, S, N)).reserved, 2)
          assert.equal(await count(w.db, 'SELECT COUNT(*) AS n FROM reservations'), 1)
        })
      }

      test('a refused request is not remembered: the same key may be retried', async () => {
        const op = reserveOp([[S, N, 2]], { atomic: true, ...idem('channel:web:k3', 'h1') })
        refusedWith(await submit(op), 'insufficient_stock')
        await receive(S, N, 2)
        const retry = await submit(op)
        assert.equal(retry.replayed, false)
        assert.ok(okValue<Lines>(retry.result).lines[0].ok)
      })

      test('position ops replay their stored answer', async () => {
        const op = { ...positionOp('receive', S, N, 4), ...idem('ops:k4', 'h1') }
        const first = await submit(op)
        const again = await submit(op)
        assert.deepEqual([again.replayed, again.result], [true, first.result])
        refusedWith(await submit({ ...positionOp('receive', S, N, 5), ...idem('ops:k4', 'h2') }), 'idempotency_key_reused')
        assert.equal((await bucketsOf(w.db, S, N)).onHand, 4)
      })

      // Bug (see report): atomic reserves remember their key only on reservation rows, which other requests never consult.
      test('a key first used by an atomic reserve cannot be reused by a different request', async () => {
        await receive(S, N, 10)
        okValue((await submit(reserveOp([[S, N, 2]], { atomic: true, ...idem('channel:web:k5', 'h1') }))).result)
        // An unrelated request shares the batch: it must not pay for the reused key.
        const [reused, bystander] = await Promise.allSettled([
          submit(reserveOp([[S, N, 3]], { atomic: false, ...idem('channel:web:k5', 'h2') })),
          submit(positionOp('receive', S2, N, 1)),
        ])
        assert.equal(bystander.status, 'fulfilled', `the whole batch failed: ${bystander.status === 'rejected' ? bystander.reason : ''}`)
        assert.equal(reused.status, 'fulfilled')
        if (reused.status === 'fulfilled') refusedWith(reused.value, 'idempotency_key_reused')
        assert.equal((await bucketsOf(w.db, S, N)).reserved, 2)
      })
    })

    describe('hold deadlines', () => {
      const orders: Array<Array<'commit' | 'release' | 'sweep'>> = [['commit', 'release', 'sweep'], ['release', 'commit', 'sweep'], ['sweep', 'release', 'commit']]
      for (const order of orders) {
        test(`past the deadline, ${order.join(' + ')} in one batch release exactly once`, async () => {
          await receive(S, N, 5)
          const r = await reserveOne(w, S, N, 3, w.clock.nowMs() + 60_000)
          w.clock.advance(60_001)
          const ops = { commit: reservationStep('commit', r, 'ship'), release: reservationStep('release', r, 'customer'), sweep: reservationStep('release', r, 'expired') }
          const outcomes = await Promise.all(order.map((k) => submit(ops[k])))
          const byKind = Object.fromEntries(order.map((k, i) => [k, outcomes[i].result]))
          refusedWith(byKind.commit, order[0] === 'commit' ? 'reservation_expired' : 'reservation_not_held')
          assert.equal([byKind.release, byKind.sweep].filter((x) => x.ok).length, order[0] === 'commit' ? 0 : 1)
          assert.equal(await count(w.db, `SELECT SUM(request_count) AS n FROM movements WHERE kind = 'release'`), 1, 'one release')
          assert.equal(await count(w.db, `SELECT SUM(quantity) AS n FROM movements WHERE kind = 'release'`), 3)
          assert.equal(await movements(`kind = 'commit'`), 0)
          assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: 5, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
          const row = await w.db.get<{ status: string; end_reason: string }>('SELECT status, end_reason FROM reservations WHERE id = ?', [r])
          assert.deepEqual([row?.status, row?.end_reason], ['released', order[0] === 'release' ? 'customer' : 'expired'])
        })
      }

      test('commit after the deadline is refused and releases the hold; before it, commit succeeds', async () => {
        await receive(S, N, 5)
        const late = await reserveOne(w, S, N, 2, w.clock.nowMs() + 1000)
        const onTime = await reserveOne(w, S, N, 2, w.clock.nowMs() + 5000)
        w.clock.advance(1000)
        refusedWith(await submit(reservationStep('commit', late)), 'reservation_expired')
        refusedWith(await submit(reservationStep('release', late, 'expired')), 'reservation_not_held')
        okValue((await submit(reservationStep('commit', onTime))).result)
        assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: 3, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
      })
    })

    test('thousands of concurrent buyers on one SKU, two engines: exactly the stock is sold', async () => {
      const stock = 700
      await receive(S, N, stock)
      const other = newEngine(w.db, w.clock, { maxBatch: 97 })
      const outcomes = await Promise.all(Array.from({ length: 3000 }, (_, i) =>
        (i % 2 ? other : w.engine).submit(reserveOp([[S, N, 1]], { atomic: i % 3 === 0 }))))
      const accepted = outcomes.filter((o) => o.result.ok && (o.result.value as Lines).lines[0].ok).length
      assert.equal(accepted, stock)
      const refused = outcomes.filter((o) => !o.result.ok || !(o.result.value as Lines).lines[0].ok)
      assert.ok(refused.every((o) => (o.result.ok ? (o.result.value as Lines).lines[0] : o.result).ok === false))
      assert.equal(refused.length, 3000 - stock)
      assert.deepEqual(await bucketsOf(w.db, S, N), { onHand: stock, reserved: stock, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 })
      await other.idle()
    })
  })
}
