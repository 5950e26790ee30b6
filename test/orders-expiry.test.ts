/**
 * Payment deadlines on both stores: an unpaid order is cancelled by the due-time poller and its
 * holds (stock and promised slot units) are released exactly once, also when a payment or a
 * cancel races the poller (both outcomes of the payment race are seen, and the release movements,
 * the timeline and O account for every expired order once); a deposit order whose balance
 * window passed forfeits its deposit.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, assertSlotsMatchLines, dayMs, place, placeDepositOrder, position, receive, seedOrders, shipEast, slotPromised, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { eventKindOf } from '../src/orders/decide.ts'
import { storeKinds } from '../src/store/testing.ts'

const minuteMs = 60_000

for (const kind of await storeKinds()) {
  describe(`payment deadlines (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => requester(t)
    const slot = 'po-line-expiry'

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-B', 'WH-E', 100)
      await receive(t, w, 'SKU-A', 'WH-E', 10)
      await call()('PUT', '/v1/skus/SKU-B/sell-ahead-policy', w.ops, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: slot, skuId: w.skuB.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 1000, days: 5 })
    })
    after(() => t.close())

    const placeB = async (quantity: number) =>
      (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-B', quantity, unitPrice: 100 }], fulfilment: shipEast })).json()
    const held = async () => [(await position(t, w.skuB.id, w.whEast.id)).reserved, await slotPromised(t, slot)]

    it('cancels an unpaid order once its deadline passes and gives back its stock and slot units, once', async () => {
      const before = await held()
      assert.deepEqual(before, [0, 0])
      const o = await placeB(110) // all 100 on the shelf, then 10 units of the PO line
      assert.deepEqual(await held(), [100, 10])
      clock.advance(29 * minuteMs)
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 0, forfeited: 0 }, 'not before the deadline')
      clock.advance(2 * minuteMs)
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 1, forfeited: 0 })
      assert.deepEqual(await held(), before, 'stock and slot units given back')
      const after = (await call()('GET', `/v1/orders/${o.id}`, w.appAuth)).json()
      assert.deepEqual([after.status, after.dueAt, after.lines[0].status], ['cancelled', null, 'cancelled'])
      const timeline = (await call()('GET', `/v1/orders/${o.id}/timeline`, w.appAuth)).json()
      assert.deepEqual(timeline.items.map((e: { kind: string; actor: string }) => [e.kind, e.actor]).slice(1), [['expired', 'system:expiry']])
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 0, forfeited: 0 }, 'a second sweep finds nothing')
      await call()('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'payment', amount: 11_000, currency: 'CNY', providerRef: `late-${o.id}` }, 409)
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    /** Release movements at SKU-B@WH-E after movement `afterId`: coalesced per batch, so `requests` counts the orders whose stock they gave back. */
    const releasesSince = async (afterId: number) => {
      const r = await t.services.db.get<{ requests: number | null; units: number | null }>(
        `SELECT SUM(request_count) AS requests, SUM(quantity) AS units FROM movements WHERE sku_id = ? AND node_id = ? AND kind = 'release' AND id > ?`, [w.skuB.id, w.whEast.id, afterId])
      return { requests: Number(r?.requests ?? 0), units: Number(r?.units ?? 0) }
    }
    const lastMovementId = async () => Number((await t.services.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM movements'))?.id ?? 0)
    /** The order's lifecycle entries on its timeline (re-promising adds its own, such as promise_improved). */
    const eventKinds = async (id: string) => (await t.services.db.all<{ kind: string }>('SELECT kind FROM order_events WHERE order_id = ? ORDER BY id', [id]))
      .map((e) => e.kind).filter((k) => (Object.values(eventKindOf) as string[]).includes(k))
    /** A line's stock and slot units as stored: a cancelled line keeps what it held when it was released. */
    const holdsOf = async (id: string) => {
      const row = await t.services.db.get<{ stock_quantity: number | string; allocations: string }>('SELECT stock_quantity, allocations FROM order_lines WHERE order_id = ?', [id])
      const parts = JSON.parse(row!.allocations).parts as Array<{ source: string; quantity: number }>
      return { stock: Number(row!.stock_quantity), slot: parts.filter((x) => x.source === slot).reduce((n, x) => n + x.quantity, 0) }
    }

    it('a payment racing the poller wins or loses whole, both happen, and every expired order’s holds are released exactly once', async () => {
      const pay = (o: { id: string; total: number }) => t.app.inject({
        method: 'POST', url: `/v1/orders/${o.id}/payments`, headers: w.pay, payload: { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `race-${o.id}` },
      })
      const outcomes = { paid: 0, expired: 0, roundsWithBoth: 0 }
      for (let round = 0; round < 6; round++) {
        const before = await held()
        const movementsBefore = await lastMovementId()
        const orders = []
        // Small orders held on the shelf, large ones on the shelf and the PO line.
        for (let i = 0; i < 12; i++) orders.push(await placeB(i % 2 === 0 ? 3 : 40))
        const placedStock = orders.reduce((n, o) => n + o.lines[0].stockQuantity, 0)
        assert.deepEqual([before, placedStock], [[0, 0], 100], 'the round starts with nothing held; its orders hold the whole shelf and some of the PO line')
        clock.advance(31 * minuteMs)
        // Pollers (several, as several processes would run) start between the payments, each taking a few due orders.
        const payments: Array<ReturnType<typeof pay>> = []
        const sweeps: Array<Promise<unknown>> = []
        // Four pollers of two orders each can expire at most 8 of the 12, so payments win at least 4;
        // which of the first orders a payment or a poller gets is the race. Even rounds start a
        // poller just before a payment, odd rounds just after it.
        for (const [i, o] of orders.entries()) {
          if (i % 3 === 0 && round % 2 === 0) sweeps.push(t.services.orders.sweepDue(2))
          payments.push(pay(o))
          if (i % 3 === 0 && round % 2 === 1) sweeps.push(t.services.orders.sweepDue(2))
        }
        const [answers] = await Promise.all([Promise.all(payments), Promise.all(sweeps)])
        const paid: typeof orders = []
        const expired: typeof orders = []
        for (const [i, o] of orders.entries()) {
          const now = (await t.services.orders.get(o.id))!
          if (answers[i].statusCode === 201) {
            paid.push(o)
            assert.deepEqual([now.status, now.paid, now.lines[0].status, await eventKinds(o.id)], ['paid', o.total, 'open', ['paid']], 'paid: kept whole')
          } else {
            expired.push(o)
            assert.deepEqual([answers[i].statusCode, answers[i].json().code], [409, 'illegal_transition'], answers[i].body)
            assert.deepEqual([now.status, now.paid, now.lines[0].status, await eventKinds(o.id)], ['cancelled', 0, 'cancelled', ['expired']], 'expired: one timeline entry')
          }
        }
        outcomes.paid += paid.length
        outcomes.expired += expired.length
        if (paid.length > 0 && expired.length > 0) outcomes.roundsWithBoth++
        // Exactly one release per expired order that held stock, of exactly what it held; the paid orders' holds stay.
        const released = await Promise.all(expired.map((o) => holdsOf(o.id)))
        const kept = await Promise.all(paid.map((o) => holdsOf(o.id)))
        assert.deepEqual(await releasesSince(movementsBefore), {
          requests: released.filter((h) => h.stock > 0).length, units: released.reduce((n, h) => n + h.stock, 0),
        }, 'one release movement request per expired order, of its stock')
        const sum = (hs: typeof kept, k: 'stock' | 'slot') => hs.reduce((n, h) => n + h[k], 0)
        assert.equal(sum(released, 'stock') + sum(released, 'slot') + sum(kept, 'stock') + sum(kept, 'slot'), orders.reduce((n, o) => n + o.lines[0].quantity, 0))
        assert.deepEqual(await held(), [before[0]! + sum(kept, 'stock'), before[1]! + sum(kept, 'slot')], 'O and the slot hold exactly the paid orders’ units')
        await assertSlotsMatchLines(t)
        await assertLedgerConsistent(t)
        // The paid orders are cancelled (refunded) so each round starts from the same holds; a second sweep finds nothing.
        for (const o of paid) await call()('POST', `/v1/orders/${o.id}/cancel`, w.appAuth, { reason: 'round over' })
        assert.deepEqual(await held(), before, 'every hold of the round is given back')
        assert.deepEqual(await t.services.orders.sweepDue(), { expired: 0, forfeited: 0 })
        for (const o of orders) assert.equal((await eventKinds(o.id)).filter((k) => k === 'expired' || k === 'cancelled').length, 1, `${o.id} ended once`)
      }
      // Both outcomes happened, many times (a race every payment wins, or every poller wins, proves nothing).
      assert.ok(outcomes.paid >= 6 && outcomes.expired >= 6 && outcomes.roundsWithBoth >= 3, JSON.stringify(outcomes))
    })

    it('a cancel racing the poller: one of them ends the order, the holds come back once', async () => {
      const orders = []
      for (let i = 0; i < 10; i++) orders.push(await placeB(i % 2 === 0 ? 2 : 60))
      const before = await held()
      clock.advance(31 * minuteMs)
      const cancel = (o: { id: string }) => t.app.inject({ method: 'POST', url: `/v1/orders/${o.id}/cancel`, headers: w.appAuth, payload: { reason: 'changed my mind' } })
      const [answers] = await Promise.all([Promise.all(orders.map(cancel)), t.services.orders.sweepDue()])
      for (const [i, o] of orders.entries()) {
        const now = (await t.services.orders.get(o.id))!
        const ended = Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM order_events WHERE order_id = ? AND kind IN ('expired', 'cancelled')`, [o.id]))!.n)
        assert.deepEqual([now.status, ended], ['cancelled', 1], 'ended by exactly one of the two')
        assert.ok(answers[i].statusCode === 200 || (answers[i].statusCode === 409 && answers[i].json().code === 'illegal_transition'), answers[i].body)
      }
      const units = orders.reduce((n, o) => n + o.lines[0].quantity, 0)
      const stockHeld = orders.reduce((n, o) => n + o.lines[0].stockQuantity, 0)
      assert.deepEqual(await held(), [before[0]! - stockHeld, before[1]! - (units - stockHeld)])
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    it('an order that cannot expire (a hook refuses) does not keep the others from expiring', async () => {
      const blocked = new Set<string>()
      t.services.orders.onTransition(async (_tx, order, action) => {
        if (action === 'expire' && blocked.has(order.id)) throw new Error('refused by a test hook')
      })
      const [first, second, third] = [await placeB(1), await placeB(1), await placeB(1)]
      blocked.add(second.id)
      clock.advance(31 * minuteMs)
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 2, forfeited: 0 })
      const statuses = await Promise.all([first, second, third].map(async (o) => (await t.services.orders.get(o.id))!.status))
      assert.deepEqual(statuses, ['cancelled', 'pending_payment', 'cancelled'])
      blocked.clear()
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 1, forfeited: 0 }, 'the next sweep tries it again')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    it('expires an unpaid deposit, and forfeits a paid deposit whose balance window passed', async () => {
      const unpaid = await placeDepositOrder(t, w)
      const paidDeposit = await placeDepositOrder(t, w)
      const balancePaid = await placeDepositOrder(t, w)
      await call()('POST', `/v1/orders/${paidDeposit.id}/payments`, w.pay, { kind: 'deposit', amount: 2000, currency: 'CNY', providerRef: `dep-${paidDeposit.id}` }, 201)
      await call()('POST', `/v1/orders/${balancePaid.id}/payments`, w.pay, { kind: 'deposit', amount: 2000, currency: 'CNY', providerRef: `dep-${balancePaid.id}` }, 201)
      clock.advance(31 * minuteMs)
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 1, forfeited: 0 })
      clock.advance(dayMs)
      await call()('POST', `/v1/orders/${balancePaid.id}/payments`, w.pay, { kind: 'balance', amount: 8000, currency: 'CNY', providerRef: `bal-${balancePaid.id}` }, 201)
      clock.advance(2 * dayMs)
      assert.deepEqual(await t.services.orders.sweepDue(), { expired: 0, forfeited: 1 })
      const [u, f, b] = await Promise.all([unpaid, paidDeposit, balancePaid].map((o) => t.services.orders.get(o.id)))
      assert.deepEqual([u!.status, f!.status, b!.status], ['cancelled', 'cancelled', 'paid'])
      assert.deepEqual([f!.paid, f!.refundDue, f!.lines[0].status], [2000, 0, 'cancelled'], 'the deposit is kept, the stock goes back')
      const timeline = (await call()('GET', `/v1/orders/${f!.id}/timeline`, w.admin)).json()
      assert.deepEqual(timeline.items.at(-1).detail, { from: 'deposit_paid', to: 'cancelled', reason: 'balance unpaid in its window', depositKept: 2000 })
      await assertLedgerConsistent(t)
    })
  })
}
