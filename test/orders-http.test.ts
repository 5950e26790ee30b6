/** Orders over HTTP on both stores: placing, reading, idempotency, channel isolation, ship and deliver, bad input. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, assertSlotsMatchLines, dayMs, isoDay, newKey, place, position, receive, seedOrders, shipEast, slotPromised, type OrdersWorld } from './helpers/orders.ts'
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
      assert.deepEqual(events.map((e) => JSON.parse(e.payload).status), ['paid', 'shipped', 'delivered'], 'one order.changed per change after placement')
      await assertLedgerConsistent(t)
    })
  })
}
