/** Orders over HTTP on both stores: placing, reading, idempotency, channel isolation, ship and deliver, bad input. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, assertSlotsMatchLines, dayMs, isoDay, newKey, openDelayOffer, place, placeDepositOrder, position, receive, seedOrders, shipEast, slotPromised, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`orders over HTTP (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => requester(t)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 10)
    })
    const topUp = () => receive(t, w, 'SKU-A', 'WH-E', 20)
    after(() => t.close())

    it('places an order against stock, holds it, and runs it through payment, shipping and delivery', async () => {
      const c = call()
      const today = clock.nowMs()
      const res = await place(t, w.webAuth, { customerId: 'c-1', lines: [{ sku: 'SKU-A', quantity: 3, unitPrice: 1999 }], fulfilment: shipEast, reference: 'W-1' })
      const order = res.json()
      assert.equal(order.status, 'pending_payment')
      assert.equal(order.channelId, w.web.id)
      assert.equal(order.total, 3 * 1999)
      assert.equal(order.amountOwed, 3 * 1999)
      assert.equal(order.dueAt, new Date(today + 30 * 60_000).toISOString())
      assert.deepEqual(order.lines.map((l: Record<string, unknown>) => [l.nodeId, l.stockQuantity, l.promisedShipDate, l.promisedDeliveryDate, l.riskNote]),
        [[w.whEast.id, 3, isoDay(today + dayMs), isoDay(today + 2 * dayMs), null]], 'stock today, one handling day, one transit day in the same region')
      assert.deepEqual(order.lines[0].allocations, [{ source: 'stock', kind: 'stock', quantity: 3, readyDate: isoDay(today) }])
      assert.equal((await position(t, w.skuA.id, w.whEast.id)).reserved, 3)

      const read = (await c('GET', `/v1/orders/${order.id}`, w.webAuth)).json()
      assert.deepEqual(read, order, 'read back as placed')

      await c('POST', `/v1/orders/${order.id}/ship`, w.admin, {}, 409)
      await c('POST', `/v1/orders/${order.id}/payments`, w.pay, { kind: 'payment', amount: 3 * 1999, currency: 'CNY', providerRef: 'ali-1' }, 201)
      const shipped = (await c('POST', `/v1/orders/${order.id}/ship`, w.ops, { carrier: 'SF', tracking: 'SF1' })).json()
      assert.equal(shipped.status, 'shipped')
      assert.deepEqual(shipped.lines.map((l: { status: string }) => l.status), ['shipped'])
      const p = await position(t, w.skuA.id, w.whEast.id)
      assert.deepEqual([p.onHand, p.reserved], [7, 0], 'shipping commits the stock: I and O both fall by 3')
      const delivered = (await c('POST', `/v1/orders/${order.id}/deliver`, w.ops)).json()
      assert.equal(delivered.status, 'delivered')
      await c('POST', `/v1/orders/${order.id}/cancel`, w.webAuth, {}, 409)

      const timeline = (await c('GET', `/v1/orders/${order.id}/timeline`, w.webAuth)).json()
      assert.deepEqual(timeline.items.map((e: { kind: string }) => e.kind), ['placed', 'paid', 'shipped', 'delivered'])
      assert.deepEqual(timeline.items[2].detail, { from: 'paid', to: 'shipped', carrier: 'SF', tracking: 'SF1' })
      assert.match(timeline.items[2].actor, /^ops\//)
      const events = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'order.changed' AND subject = ? ORDER BY id`, [order.id])
      assert.deepEqual(events.map((e) => [JSON.parse(e.payload).action, JSON.parse(e.payload).status]), [['place', 'pending_payment'], ['pay', 'paid'], ['ship', 'shipped'], ['deliver', 'delivered']], 'one order.changed for the placement and one per change after it')
      await assertLedgerConsistent(t)
    })

    const body = (quantity = 1, extra: object = {}) => ({ customerId: 'c-2', lines: [{ sku: 'SKU-A', quantity, unitPrice: 500 }], fulfilment: shipEast, ...extra })
    const orderCount = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))!.n)

    it('never places an order twice for one Idempotency-Key; the same key with another body is refused', async () => {
      const c = call()
      const key = newKey()
      const first = await place(t, w.webAuth, body(1), 201, key)
      const reserved = (await position(t, w.skuA.id, w.whEast.id)).reserved
      const count = await orderCount()
      const again = await place(t, w.webAuth, body(1), 201, key)
      assert.equal(again.headers['idempotent-replayed'], 'true')
      assert.deepEqual(again.json(), first.json())
      assert.deepEqual([await orderCount(), (await position(t, w.skuA.id, w.whEast.id)).reserved], [count, reserved])
      const reused = (await place(t, w.webAuth, body(2), 422, key)).json()
      assert.equal(reused.code, 'idempotency_key_reused')
      // The replay answers with the order as it is now, not as it was placed.
      await c('POST', `/v1/orders/${first.json().id}/cancel`, w.webAuth, { reason: 'duplicate' })
      assert.equal((await place(t, w.webAuth, body(1), 201, key)).json().status, 'cancelled')
      // Another caller's identical key is its own request.
      assert.notEqual((await place(t, w.appAuth, body(1), 201, key)).json().id, first.json().id)
      const missing = await c('POST', '/v1/orders', w.webAuth, body(1), 400)
      assert.equal(missing.json().code, 'idempotency_key_required')
    })

    it('shows a channel only its own orders; staff see every channel and must name one to place', async () => {
      const c = call()
      const mine = (await place(t, w.webAuth, body(1))).json()
      const theirs = (await place(t, w.appAuth, body(1))).json()
      for (const [method, url] of [['GET', `/v1/orders/${theirs.id}`], ['GET', `/v1/orders/${theirs.id}/timeline`], ['GET', `/v1/orders/${theirs.id}/payments`], ['POST', `/v1/orders/${theirs.id}/cancel`]] as const) {
        assert.equal((await c(method, url, w.webAuth, method === 'POST' ? {} : undefined, 404)).json().code, 'order_not_found', url)
      }
      const listed = (await c('GET', '/v1/orders?limit=500', w.webAuth)).json()
      assert.ok(listed.items.some((o: { id: string }) => o.id === mine.id))
      assert.ok(listed.items.every((o: { channelId: string }) => o.channelId === w.web.id))
      assert.deepEqual((await c('GET', `/v1/orders?channel=app`, w.webAuth)).json(), { items: [], nextCursor: null })
      const another = (await c('POST', '/v1/orders', w.webAuth, body(1, { channel: 'app' }), 422, { 'idempotency-key': newKey() })).json()
      assert.deepEqual([another.code, another.detail], ['unknown_channel', "No channel with id or code 'app'."], 'another channel is as unknown to a channel as a missing one')
      assert.equal((await c('POST', '/v1/orders', w.ops, body(1), 422)).json().code, 'channel_required')
      const staffPlaced = (await c('POST', '/v1/orders', w.ops, body(1, { channel: 'app' }), 201)).json()
      assert.equal(staffPlaced.channelId, w.app.id)
      await c('GET', `/v1/orders/${theirs.id}`, w.ops)
      await c('GET', `/v1/orders/${theirs.id}`, w.pay, undefined, 404)
      await c('POST', `/v1/orders/${theirs.id}/payments`, w.pay, { kind: 'payment', amount: theirs.total, currency: 'CNY', providerRef: `seen-${theirs.id}` }, 201)
      assert.equal((await c('GET', `/v1/orders/${theirs.id}`, w.pay)).json().status, 'paid', 'a provider sees the orders it took a payment on')
      await c('GET', `/v1/orders/${theirs.id}`, w.pay2, undefined, 404)
      await c('POST', `/v1/orders/${mine.id}/ship`, w.webAuth, {}, 403)
      await c('POST', '/v1/orders', w.pay, body(1), 403)
    })

    it('pages orders newest first, filtered by status', async () => {
      const c = call()
      const all = (await c('GET', `/v1/orders?channel=${w.app.id}&limit=500`, w.admin)).json().items
      const pages: string[] = []
      let cursor: string | null = null
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await c('GET', `/v1/orders?channel=app&limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.admin)).json()
        pages.push(...page.items.map((o) => o.id))
        cursor = page.nextCursor
      } while (cursor)
      assert.deepEqual(pages, all.map((o: { id: string }) => o.id))
      assert.deepEqual(pages, [...pages].sort().reverse(), 'newest first')
      const cancelled = (await c('GET', `/v1/orders?channel=app&status=cancelled`, w.admin)).json().items
      assert.ok(cancelled.every((o: { status: string }) => o.status === 'cancelled'))
      assert.equal(cancelled.length, all.filter((o: { status: string }) => o.status === 'cancelled').length)
    })

    it('refuses bad orders with a code and changes nothing', async () => {
      const c = call()
      const before = [await orderCount(), await movementCount(t), (await position(t, w.skuA.id, w.whEast.id)).reserved]
      const cases: Array<[object, number, string]> = [
        [body(1, { lines: [{ sku: 'NOPE', quantity: 1, unitPrice: 1 }] }), 422, 'unknown_sku'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1, node: 'WH-N' }] }), 422, 'unknown_node'],
        [body(1, { fulfilment: { method: 'pickup', nodeId: 'ST-2' } }), 422, 'unknown_node'],
        [body(1, { customerTier: 'gold' }), 422, 'unknown_customer_tier'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 0, unitPrice: 1 }] }), 400, 'invalid_request'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: -1 }] }), 400, 'invalid_request'],
        [body(1, { lines: [] }), 400, 'invalid_request'],
        [body(1, { cardNumber: '4111111111111111' }), 400, 'invalid_request'],
        [body(1, { fulfilment: { method: 'drone' } }), 400, 'invalid_request'],
        [body(1, { currency: 'yuan' }), 400, 'invalid_request'],
        [body(1, { currency: 'ZZZ' }), 422, 'unknown_currency'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 0 }] }), 422, 'zero_total'],
        [body(1000), 409, 'insufficient_stock'],
      ]
      for (const [payload, status, code] of cases) {
        assert.equal((await c('POST', '/v1/orders', w.webAuth, payload, status, { 'idempotency-key': newKey() })).json().code, code, JSON.stringify(payload))
      }
      assert.deepEqual([await orderCount(), await movementCount(t), (await position(t, w.skuA.id, w.whEast.id)).reserved], before)
      const bad = (await c('POST', '/v1/orders', w.webAuth, body(1), 400, { 'idempotency-key': 'has space' })).json()
      assert.equal(bad.code, 'invalid_idempotency_key')
    })

    it('applies a customer tier’s priority class from the promising settings', async () => {
      const c = call()
      await c('PUT', '/v1/promising-settings', w.admin, { paymentWindowMinutes: 15, transitDays: { sameRegion: 2, otherRegion: 4 }, customerTiers: { gold: 5 } })
      const o = (await place(t, w.webAuth, body(1, { customerTier: 'gold', fulfilment: { method: 'ship', region: 'north' } }))).json()
      assert.deepEqual([o.lines[0].priorityClass, o.dueAt, o.lines[0].promisedDeliveryDate], [5, new Date(clock.nowMs() + 15 * 60_000).toISOString(), isoDay(clock.nowMs() + 5 * dayMs)])
      await c('PUT', '/v1/promising-settings', w.admin, { paymentWindowMinutes: 30, transitDays: { sameRegion: 1, otherRegion: 3 } })
    })

    it('cancels by the customer’s rules: unpaid is free, paid is refunded in full, shipped is too late', async () => {
      const c = call()
      await topUp()
      const reservedBefore = (await position(t, w.skuA.id, w.whEast.id)).reserved
      const unpaid = (await place(t, w.webAuth, body(2))).json()
      const cancelled = (await c('POST', `/v1/orders/${unpaid.id}/cancel`, w.webAuth, { reason: 'changed my mind' })).json()
      assert.deepEqual([cancelled.status, cancelled.refundDue, cancelled.amountOwed, cancelled.lines[0].status], ['cancelled', 0, 0, 'cancelled'])
      assert.equal((await position(t, w.skuA.id, w.whEast.id)).reserved, reservedBefore)
      await c('POST', `/v1/orders/${unpaid.id}/cancel`, w.webAuth, {}, 409)

      const paid = (await place(t, w.webAuth, body(1))).json()
      await c('POST', `/v1/orders/${paid.id}/payments`, w.pay, { kind: 'payment', amount: 500, currency: 'CNY', providerRef: `p-${paid.id}` }, 201)
      const refunded = (await c('POST', `/v1/orders/${paid.id}/cancel`, w.webAuth)).json()
      assert.deepEqual([refunded.status, refunded.paid, refunded.refundDue, refunded.refunded], ['cancelled', 500, 500, 0])
      const issued = await c('POST', `/v1/orders/${paid.id}/payments`, w.pay, { kind: 'refund', amount: 500, currency: 'CNY', providerRef: `r-${paid.id}` }, 201)
      assert.equal(issued.json().kind, 'refund')
      const after = (await c('GET', `/v1/orders/${paid.id}`, w.webAuth)).json()
      assert.deepEqual([after.refunded, after.refundDue], [500, 0])
      const timeline = (await c('GET', `/v1/orders/${paid.id}/timeline`, w.webAuth)).json()
      assert.deepEqual(timeline.items.map((e: { kind: string }) => e.kind), ['placed', 'paid', 'cancelled', 'refund_issued'])
      assert.equal(timeline.items[2].detail.refundDue, 500)

      const shipped = (await place(t, w.webAuth, body(1))).json()
      await c('POST', `/v1/orders/${shipped.id}/payments`, w.pay, { kind: 'payment', amount: 500, currency: 'CNY', providerRef: `p-${shipped.id}` }, 201)
      await c('POST', `/v1/orders/${shipped.id}/ship`, w.admin, {})
      assert.equal((await c('POST', `/v1/orders/${shipped.id}/cancel`, w.webAuth, {}, 409)).json().code, 'illegal_transition')
      assert.equal((await c('POST', `/v1/orders/${shipped.id}/cancel`, w.admin, {}, 409)).json().code, 'illegal_transition')
      await assertLedgerConsistent(t)
    })

    it('a paid deposit is forfeited on a plain cancel, refunded in full when a delay offer is open or the merchant cancels', async () => {
      const c = call()
      await topUp()
      const kept = await placeDepositOrder(t, w)
      const offered = await placeDepositOrder(t, w)
      const merchant = await placeDepositOrder(t, w)
      for (const o of [kept, offered, merchant]) {
        await c('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'deposit', amount: 2000, currency: 'CNY', providerRef: `d-${o.id}` }, 201)
      }
      assert.equal((await c('POST', `/v1/orders/${kept.id}/cancel`, w.webAuth, { acceptDelayOffer: true }, 409)).json().code, 'no_delay_offer')
      const forfeited = (await c('POST', `/v1/orders/${kept.id}/cancel`, w.webAuth, {})).json()
      assert.deepEqual([forfeited.status, forfeited.paid, forfeited.refundDue], ['cancelled', 2000, 0])
      const delay = await openDelayOffer(t, offered.id)
      const full = (await c('POST', `/v1/orders/${offered.id}/cancel`, w.webAuth, { acceptDelayOffer: true })).json()
      assert.deepEqual([full.status, full.refundDue], ['cancelled', 2000])
      assert.equal((await t.services.db.get<{ status: string }>('SELECT status FROM order_delays WHERE id = ?', [delay]))!.status, 'accepted')
      const byMerchant = (await c('POST', `/v1/orders/${merchant.id}/cancel`, w.ops, { reason: 'cannot source' })).json()
      assert.deepEqual([byMerchant.status, byMerchant.refundDue], ['cancelled', 2000])
      await assertLedgerConsistent(t)
    })

    it('ships only when every unit is held as stock: a line waiting for a PO is not ready', async () => {
      const c = call()
      await c('PUT', '/v1/skus/SKU-B/sell-ahead-policy', w.ops, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: 'http-ship-slot', skuId: w.skuB.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 5, days: 3 })
      const o = (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-B', quantity: 2, unitPrice: 300 }], fulfilment: shipEast })).json()
      await c('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'payment', amount: 600, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      const moves = await movementCount(t)
      const refused = (await c('POST', `/v1/orders/${o.id}/ship`, w.ops, {}, 409)).json()
      assert.deepEqual([refused.code, refused.lines], ['not_ready_to_ship', [{ lineNo: 1, quantity: 2, stockQuantity: 0 }]])
      assert.deepEqual([(await c('GET', `/v1/orders/${o.id}`, w.ops)).json().status, await movementCount(t), await slotPromised(t, 'http-ship-slot')], ['paid', moves, 2])
      await assertSlotsMatchLines(t)
    })
  })
}
