/**
 * Orders over HTTP on both stores: placing, reading, idempotency, channel isolation, ship and deliver, bad input.
 * Every call goes through the typed client generated from /openapi.json (clients/typescript), so a
 * route that drifts from its contract fails here or in the typecheck.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { answered, clientAs, refused } from './helpers/client.ts'
import { addSlot, assertSlotsMatchLines, dayMs, isoDay, newKey, openDelayOffer, placeDepositOrder, position, receive, seedOrders, shipEast, slotPromised, type OrdersWorld } from './helpers/orders.ts'
import type { components } from '../clients/typescript/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type PlaceOrder = components['schemas']['PlaceOrderRequest']
type Payment = components['schemas']['PaymentRequest']
type Problem = components['schemas']['Problem']
type Auth = { authorization: string }

for (const kind of await storeKinds()) {
  describe(`orders over HTTP (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const api = (auth: Auth) => clientAs(t, auth)
    const path = (id: string) => ({ params: { path: { id } } })
    /** Places an order as the caller with a fresh (or the given) Idempotency-Key. */
    const placeCall = (auth: Auth, body: PlaceOrder, key = newKey()) =>
      api(auth).POST('/v1/orders', { body, params: { header: { 'Idempotency-Key': key } } })
    const place = (auth: Auth, body: PlaceOrder, key?: string) => answered(placeCall(auth, body, key), 201)
    const pay = (auth: Auth, id: string, body: Payment) => answered(api(auth).POST('/v1/orders/{id}/payments', { ...path(id), body }), 201)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 10)
    })
    const topUp = () => receive(t, w, 'SKU-A', 'WH-E', 20)
    after(() => t.close())

    it('places an order against stock, holds it, and runs it through payment, shipping and delivery', async () => {
      const today = clock.nowMs()
      const order = await place(w.webAuth, { customerId: 'c-1', lines: [{ sku: 'SKU-A', quantity: 3, unitPrice: 1999 }], fulfilment: shipEast, reference: 'W-1' })
      assert.equal(order.status, 'pending_payment')
      assert.equal(order.channelId, w.web.id)
      assert.equal(order.total, 3 * 1999)
      assert.equal(order.amountOwed, 3 * 1999)
      assert.equal(order.dueAt, new Date(today + 30 * 60_000).toISOString())
      assert.deepEqual(order.lines.map((l) => [l.nodeId, l.stockQuantity, l.promisedShipDate, l.promisedDeliveryDate, l.riskNote]),
        [[w.whEast.id, 3, isoDay(today + dayMs), isoDay(today + 2 * dayMs), null]], 'stock today, one handling day, one transit day in the same region')
      assert.deepEqual(order.lines[0].allocations, [{ source: 'stock', kind: 'stock', quantity: 3, readyDate: isoDay(today) }])
      assert.equal((await position(t, w.skuA.id, w.whEast.id)).reserved, 3)

      const read = await answered(api(w.webAuth).GET('/v1/orders/{id}', path(order.id)))
      assert.deepEqual(read, order, 'read back as placed')

      await refused(api(w.admin).POST('/v1/orders/{id}/ship', { ...path(order.id), body: {} }), 409)
      await pay(w.pay, order.id, { kind: 'payment', amount: 3 * 1999, currency: 'CNY', providerRef: 'ali-1' })
      const shipped = await answered(api(w.ops).POST('/v1/orders/{id}/ship', { ...path(order.id), body: { carrier: 'SF', tracking: 'SF1' } }))
      assert.equal(shipped.status, 'shipped')
      assert.deepEqual(shipped.lines.map((l) => l.status), ['shipped'])
      const p = await position(t, w.skuA.id, w.whEast.id)
      assert.deepEqual([p.onHand, p.reserved], [7, 0], 'shipping commits the stock: I and O both fall by 3')
      const delivered = await answered(api(w.ops).POST('/v1/orders/{id}/deliver', path(order.id)))
      assert.equal(delivered.status, 'delivered')
      await refused(api(w.webAuth).POST('/v1/orders/{id}/cancel', { ...path(order.id), body: {} }), 409)

      const timeline = await answered(api(w.webAuth).GET('/v1/orders/{id}/timeline', path(order.id)))
      assert.deepEqual(timeline.items.map((e) => e.kind), ['placed', 'paid', 'shipped', 'delivered'])
      assert.deepEqual(timeline.items[2].detail, { from: 'paid', to: 'shipped', carrier: 'SF', tracking: 'SF1' })
      assert.match(timeline.items[2].actor, /^ops\//)
      const events = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'order.changed' AND subject = ? ORDER BY id`, [order.id])
      assert.deepEqual(events.map((e) => [JSON.parse(e.payload).action, JSON.parse(e.payload).status]), [['place', 'pending_payment'], ['pay', 'paid'], ['ship', 'shipped'], ['deliver', 'delivered']], 'one order.changed for the placement and one per change after it')
      await assertLedgerConsistent(t)
    })

    const body = (quantity = 1, extra: Partial<PlaceOrder> = {}): PlaceOrder =>
      ({ customerId: 'c-2', lines: [{ sku: 'SKU-A', quantity, unitPrice: 500 }], fulfilment: shipEast, ...extra })
    /** A body outside the contract, as a careless client might send: the server must refuse it. */
    const offContract = (extra: Record<string, unknown>): PlaceOrder => ({ ...body(1), ...extra }) as PlaceOrder
    const orderCount = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))!.n)

    it('never places an order twice for one Idempotency-Key; the same key with another body is refused', async () => {
      const key = newKey()
      const first = await place(w.webAuth, body(1), key)
      const reserved = (await position(t, w.skuA.id, w.whEast.id)).reserved
      const count = await orderCount()
      const again = await placeCall(w.webAuth, body(1), key)
      assert.equal(again.response.status, 201)
      assert.equal(again.response.headers.get('idempotent-replayed'), 'true')
      assert.deepEqual(again.data, first)
      assert.deepEqual([await orderCount(), (await position(t, w.skuA.id, w.whEast.id)).reserved], [count, reserved])
      const reused = await refused(placeCall(w.webAuth, body(2), key), 422)
      assert.equal(reused.code, 'idempotency_key_reused')
      // The replay answers with the order as it is now, not as it was placed.
      await answered(api(w.webAuth).POST('/v1/orders/{id}/cancel', { ...path(first.id), body: { reason: 'duplicate' } }))
      assert.equal((await place(w.webAuth, body(1), key)).status, 'cancelled')
      // Another caller's identical key is its own request.
      assert.notEqual((await place(w.appAuth, body(1), key)).id, first.id)
      const missing = await refused(api(w.webAuth).POST('/v1/orders', { body: body(1) }), 400)
      assert.equal(missing.code, 'idempotency_key_required')
    })

    it('shows a channel only its own orders; staff see every channel and must name one to place', async () => {
      const web = api(w.webAuth)
      const mine = await place(w.webAuth, body(1))
      const theirs = await place(w.appAuth, body(1))
      const foreign: Array<Promise<{ data?: unknown; error?: Problem; response: Response }>> = [
        web.GET('/v1/orders/{id}', path(theirs.id)),
        web.GET('/v1/orders/{id}/timeline', path(theirs.id)),
        web.GET('/v1/orders/{id}/payments', path(theirs.id)),
        web.POST('/v1/orders/{id}/cancel', { ...path(theirs.id), body: {} }),
      ]
      for (const call of foreign) assert.equal((await refused(call, 404)).code, 'order_not_found')
      const listed = await answered(web.GET('/v1/orders', { params: { query: { limit: '500' } } }))
      assert.ok(listed.items.some((o) => o.id === mine.id))
      assert.ok(listed.items.every((o) => o.channelId === w.web.id))
      assert.deepEqual(await answered(web.GET('/v1/orders', { params: { query: { channel: 'app' } } })), { items: [], nextCursor: null })
      const another = await refused(placeCall(w.webAuth, body(1, { channel: 'app' })), 422)
      assert.deepEqual([another.code, another.detail], ['unknown_channel', "No channel with id or code 'app'."], 'another channel is as unknown to a channel as a missing one')
      assert.equal((await refused(api(w.ops).POST('/v1/orders', { body: body(1) }), 422)).code, 'channel_required')
      const staffPlaced = await answered(api(w.ops).POST('/v1/orders', { body: body(1, { channel: 'app' }) }), 201)
      assert.equal(staffPlaced.channelId, w.app.id)
      await answered(api(w.ops).GET('/v1/orders/{id}', path(theirs.id)))
      await refused(api(w.pay).GET('/v1/orders/{id}', path(theirs.id)), 404)
      await pay(w.pay, theirs.id, { kind: 'payment', amount: theirs.total, currency: 'CNY', providerRef: `seen-${theirs.id}` })
      assert.equal((await answered(api(w.pay).GET('/v1/orders/{id}', path(theirs.id)))).status, 'paid', 'a provider sees the orders it took a payment on')
      await refused(api(w.pay2).GET('/v1/orders/{id}', path(theirs.id)), 404)
      await refused(web.POST('/v1/orders/{id}/ship', { ...path(mine.id), body: {} }), 403)
      await refused(api(w.pay).POST('/v1/orders', { body: body(1) }), 403)
    })

    it('pages orders newest first, filtered by status', async () => {
      const admin = api(w.admin)
      const all = (await answered(admin.GET('/v1/orders', { params: { query: { channel: w.app.id, limit: '500' } } }))).items
      const pages: string[] = []
      let cursor: string | undefined
      do {
        const page = await answered(admin.GET('/v1/orders', { params: { query: { channel: 'app', limit: '2', cursor } } }))
        pages.push(...page.items.map((o) => o.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      assert.deepEqual(pages, all.map((o) => o.id))
      assert.deepEqual(pages, [...pages].sort().reverse(), 'newest first')
      const cancelled = (await answered(admin.GET('/v1/orders', { params: { query: { channel: 'app', status: 'cancelled' } } }))).items
      assert.ok(cancelled.every((o) => o.status === 'cancelled'))
      assert.equal(cancelled.length, all.filter((o) => o.status === 'cancelled').length)
    })

    it('refuses bad orders with a code and changes nothing', async () => {
      const before = [await orderCount(), await movementCount(t), (await position(t, w.skuA.id, w.whEast.id)).reserved]
      const cases: Array<[PlaceOrder, number, string]> = [
        [body(1, { lines: [{ sku: 'NOPE', quantity: 1, unitPrice: 1 }] }), 422, 'unknown_sku'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1, node: 'WH-N' }] }), 422, 'unknown_node'],
        [body(1, { fulfilment: { method: 'pickup', nodeId: 'ST-2' } }), 422, 'unknown_node'],
        [body(1, { customerTier: 'gold' }), 422, 'unknown_customer_tier'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 0, unitPrice: 1 }] }), 400, 'invalid_request'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: -1 }] }), 400, 'invalid_request'],
        [body(1, { lines: [] }), 400, 'invalid_request'],
        [offContract({ cardNumber: '4111111111111111' }), 400, 'invalid_request'],
        [offContract({ fulfilment: { method: 'drone' } }), 400, 'invalid_request'],
        [body(1, { currency: 'yuan' }), 400, 'invalid_request'],
        [body(1, { currency: 'ZZZ' }), 422, 'unknown_currency'],
        [body(1, { lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 0 }] }), 422, 'zero_total'],
        [body(1000), 409, 'insufficient_stock'],
      ]
      for (const [payload, status, code] of cases) {
        assert.equal((await refused(placeCall(w.webAuth, payload), status)).code, code, JSON.stringify(payload))
      }
      assert.deepEqual([await orderCount(), await movementCount(t), (await position(t, w.skuA.id, w.whEast.id)).reserved], before)
      assert.equal((await refused(placeCall(w.webAuth, body(1), 'has space'), 400)).code, 'invalid_idempotency_key')
    })

    it('applies a customer tier’s priority class from the promising settings', async () => {
      const admin = api(w.admin)
      await answered(admin.PUT('/v1/promising-settings', { body: { paymentWindowMinutes: 15, transitDays: { sameRegion: 2, otherRegion: 4 }, customerTiers: { gold: 5 } } }))
      const o = await place(w.webAuth, body(1, { customerTier: 'gold', fulfilment: { method: 'ship', region: 'north' } }))
      assert.deepEqual([o.lines[0].priorityClass, o.dueAt, o.lines[0].promisedDeliveryDate], [5, new Date(clock.nowMs() + 15 * 60_000).toISOString(), isoDay(clock.nowMs() + 5 * dayMs)])
      await answered(admin.PUT('/v1/promising-settings', { body: { paymentWindowMinutes: 30, transitDays: { sameRegion: 1, otherRegion: 3 } } }))
    })

    it('cancels by the customer’s rules: unpaid is free, paid is refunded in full, shipped is too late', async () => {
      const web = api(w.webAuth)
      const cancel = (auth: Auth, id: string, reason?: string) => api(auth).POST('/v1/orders/{id}/cancel', { ...path(id), body: reason === undefined ? {} : { reason } })
      await topUp()
      const reservedBefore = (await position(t, w.skuA.id, w.whEast.id)).reserved
      const unpaid = await place(w.webAuth, body(2))
      const cancelled = await answered(cancel(w.webAuth, unpaid.id, 'changed my mind'))
      assert.deepEqual([cancelled.status, cancelled.refundDue, cancelled.amountOwed, cancelled.lines[0].status], ['cancelled', 0, 0, 'cancelled'])
      assert.equal((await position(t, w.skuA.id, w.whEast.id)).reserved, reservedBefore)
      await refused(cancel(w.webAuth, unpaid.id), 409)

      const paid = await place(w.webAuth, body(1))
      await pay(w.pay, paid.id, { kind: 'payment', amount: 500, currency: 'CNY', providerRef: `p-${paid.id}` })
      const refunded = await answered(web.POST('/v1/orders/{id}/cancel', { ...path(paid.id), body: {} }))
      assert.deepEqual([refunded.status, refunded.paid, refunded.refundDue, refunded.refunded], ['cancelled', 500, 500, 0])
      const issued = await pay(w.pay, paid.id, { kind: 'refund', amount: 500, currency: 'CNY', providerRef: `r-${paid.id}` })
      assert.equal(issued.kind, 'refund')
      const after = await answered(web.GET('/v1/orders/{id}', path(paid.id)))
      assert.deepEqual([after.refunded, after.refundDue], [500, 0])
      const timeline = await answered(web.GET('/v1/orders/{id}/timeline', path(paid.id)))
      assert.deepEqual(timeline.items.map((e) => e.kind), ['placed', 'paid', 'cancelled', 'refund_issued'])
      assert.equal(timeline.items[2].detail.refundDue, 500)

      const shipped = await place(w.webAuth, body(1))
      await pay(w.pay, shipped.id, { kind: 'payment', amount: 500, currency: 'CNY', providerRef: `p-${shipped.id}` })
      await answered(api(w.admin).POST('/v1/orders/{id}/ship', { ...path(shipped.id), body: {} }))
      assert.equal((await refused(cancel(w.webAuth, shipped.id), 409)).code, 'illegal_transition')
      assert.equal((await refused(cancel(w.admin, shipped.id), 409)).code, 'illegal_transition')
      await assertLedgerConsistent(t)
    })

    it('a paid deposit is forfeited on a plain cancel, refunded in full when a delay offer is open or the merchant cancels', async () => {
      const web = api(w.webAuth)
      await topUp()
      const kept = await placeDepositOrder(t, w)
      const offered = await placeDepositOrder(t, w)
      const merchant = await placeDepositOrder(t, w)
      for (const o of [kept, offered, merchant]) {
        await pay(w.pay, o.id, { kind: 'deposit', amount: 2000, currency: 'CNY', providerRef: `d-${o.id}` })
      }
      assert.equal((await refused(web.POST('/v1/orders/{id}/cancel', { ...path(kept.id), body: { acceptDelayOffer: true } }), 409)).code, 'no_delay_offer')
      const forfeited = await answered(web.POST('/v1/orders/{id}/cancel', { ...path(kept.id), body: {} }))
      assert.deepEqual([forfeited.status, forfeited.paid, forfeited.refundDue], ['cancelled', 2000, 0])
      const delay = await openDelayOffer(t, offered.id)
      const full = await answered(web.POST('/v1/orders/{id}/cancel', { ...path(offered.id), body: { acceptDelayOffer: true } }))
      assert.deepEqual([full.status, full.refundDue], ['cancelled', 2000])
      assert.equal((await t.services.db.get<{ status: string }>('SELECT status FROM order_delays WHERE id = ?', [delay]))!.status, 'accepted')
      const byMerchant = await answered(api(w.ops).POST('/v1/orders/{id}/cancel', { ...path(merchant.id), body: { reason: 'cannot source' } }))
      assert.deepEqual([byMerchant.status, byMerchant.refundDue], ['cancelled', 2000])
      await assertLedgerConsistent(t)
    })

    it('ships only when every unit is held as stock: a line waiting for a PO is not ready', async () => {
      const ops = api(w.ops)
      await answered(ops.PUT('/v1/skus/{sku}/sell-ahead-policy', { params: { path: { sku: 'SKU-B' } }, body: { kinds: ['stock', 'po_confirmed'], horizonDays: 30 } }))
      await addSlot(t, { id: 'http-ship-slot', skuId: w.skuB.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 5, days: 3 })
      const o = await place(w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-B', quantity: 2, unitPrice: 300 }], fulfilment: shipEast })
      await pay(w.pay, o.id, { kind: 'payment', amount: 600, currency: 'CNY', providerRef: `p-${o.id}` })
      const moves = await movementCount(t)
      const refusedShip = await refused(ops.POST('/v1/orders/{id}/ship', { ...path(o.id), body: {} }), 409)
      assert.deepEqual([refusedShip.code, refusedShip.lines], ['not_ready_to_ship', [{ lineNo: 1, quantity: 2, stockQuantity: 0 }]])
      assert.deepEqual([(await answered(ops.GET('/v1/orders/{id}', path(o.id)))).status, await movementCount(t), await slotPromised(t, 'http-ship-slot')], ['paid', moves, 2])
      await assertSlotsMatchLines(t)
    })
  })
}
