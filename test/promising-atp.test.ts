/**
 * Availability to promise on both stores: the time-phased ladder under the policy and the
 * channel's buffer, and quotes that agree with what placing the order then allocates — node,
 * supply, promised dates and risk — including the refusal when there is not enough.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, assertSlotsMatchLines, dayMs, isoDay, place, receive, seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Supply = { kind: string; source: string; quantity: number; readyDate: string }

for (const kind of await storeKinds()) {
  describe(`availability to promise (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    let omni: { id: string }
    let omniAuth: { authorization: string }
    const clock = new ManualClock()
    const call = () => requester(t)
    const day = (n: number) => isoDay(clock.nowMs() + n * dayMs)
    const atp = async (query: string, auth = w.appAuth, status = 200) => (await call()('GET', `/v1/availability-to-promise?${query}`, auth, undefined, status)).json()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      omni = (await call()('POST', '/v1/channels', w.admin, { code: 'omni', name: 'Omni', kind: 'marketplace', nodeIds: [w.whEast.id, w.whNorth.id], safetyBuffer: 0 }, 201)).json()
      omniAuth = await t.auth(`channel:${omni.id}`)
      // SKU-A at WH-E: 5 on the shelf; a transfer-like ASN in 2 days, an unconfirmed line requested in 3 (+2 buffer), a confirmed line in 4, one past the horizon.
      await receive(t, w, 'SKU-A', 'WH-E', 5)
      await call()('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.ops, { kinds: ['stock', 'po_confirmed', 'po_unconfirmed'], unconfirmedBufferDays: 2, horizonDays: 30 })
      const at = { skuId: w.skuA.id, nodeId: w.whEast.id }
      await addSlot(t, { ...at, id: 'asn-1', kind: 'in_transit', quantity: 3, days: 2 })
      await addSlot(t, { ...at, id: 'pol-unconfirmed', kind: 'po_unconfirmed', quantity: 6, days: 3 })
      await addSlot(t, { ...at, id: 'pol-confirmed', kind: 'po_confirmed', quantity: 10, days: 4 })
      await addSlot(t, { ...at, id: 'pol-far', kind: 'po_confirmed', quantity: 50, days: 40 })
    })
    after(async () => {
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
      await t.close()
    })

    it('ladders today’s stock, then each supply date the policy allows, cumulatively', async () => {
      const a = await atp('sku=SKU-A')
      assert.deepEqual([a.skuId, a.channelId, a.region, a.quote, a.policy.source], [w.skuA.id, w.app.id, null, null, 'sku'])
      assert.deepEqual(a.ladder.map((s: { date: string; quantity: number }) => [s.date, s.quantity]), [[day(0), 5], [day(2), 8], [day(4), 18], [day(5), 24]])
      assert.deepEqual(a.ladder[3].supply, [{ nodeId: w.whEast.id, kind: 'po_unconfirmed', source: 'pol-unconfirmed', quantity: 6 }])
      const web = await atp('sku=SKU-A', w.webAuth)
      assert.deepEqual(web.ladder.map((s: { quantity: number }) => s.quantity), [3, 6, 16, 22], 'the web channel keeps 2 back')
    })

    it('quotes what placing the order then allocates, step by step, until supply runs out', async () => {
      const expectations: Array<[number, string, string, string | null]> = [
        [3, day(1), day(2), null],
        [4, day(3), day(4), 'On its way to our warehouse.'],
        [10, day(5), day(6), 'Depends on a supplier delivering on the confirmed date.'],
        [6, day(6), day(7), 'Depends on a supplier confirmation.'],
      ]
      for (const [quantity, ship, delivery, risk] of expectations) {
        const { quote } = await atp(`sku=SKU-A&region=east&quantity=${quantity}`)
        assert.deepEqual([quote.available, quote.nodeId, quote.promisedShipDate, quote.promisedDeliveryDate, quote.riskNote], [true, w.whEast.id, ship, delivery, risk], `quote for ${quantity}`)
        const order = (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-A', quantity, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } })).json()
        const line = order.lines[0]
        assert.deepEqual([line.nodeId, line.promisedShipDate, line.promisedDeliveryDate, line.riskNote], [quote.nodeId, quote.promisedShipDate, quote.promisedDeliveryDate, quote.riskNote])
        assert.deepEqual(line.allocations.map((a: Supply) => [a.kind, a.source, a.quantity, a.readyDate]), quote.supply.map((s: Supply) => [s.kind, s.source, s.quantity, s.readyDate]))
      }
      const { quote, ladder } = await atp('sku=SKU-A&region=east&quantity=2')
      assert.deepEqual(quote, { available: false, quantity: 2, code: 'insufficient_supply', detail: 'Only 1 can be promised within the sell-ahead policy.', availableQuantity: 1 })
      assert.deepEqual(ladder.map((s: { date: string; quantity: number }) => [s.date, s.quantity]), [[day(0), 0], [day(5), 1]])
      const refused = (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 409)).json()
      assert.deepEqual([refused.code, refused.available], [quote.code, quote.availableQuantity])
    })

    it('picks the node that delivers soonest into the region, as placement does', async () => {
      await receive(t, w, 'SKU-B', 'WH-E', 4)
      await receive(t, w, 'SKU-B', 'WH-N', 4)
      for (const [region, node, delivery] of [['north', w.whNorth.id, day(2)], ['east', w.whEast.id, day(2)], ['west', w.whEast.id, day(4)]] as const) {
        const { quote } = await atp(`sku=SKU-B&region=${region}&quantity=1`, omniAuth)
        assert.deepEqual([quote.nodeId, quote.promisedDeliveryDate], [node, delivery], region)
        const order = (await place(t, omniAuth, { customerId: 'c', lines: [{ sku: 'SKU-B', quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region } })).json()
        assert.deepEqual([order.lines[0].nodeId, order.lines[0].promisedDeliveryDate], [node, delivery])
      }
      const ladder = (await atp('sku=SKU-B', omniAuth)).ladder
      assert.deepEqual(ladder, [{ date: day(0), quantity: 5, supply: [{ nodeId: w.whEast.id, kind: 'stock', source: 'stock', quantity: 2 }, { nodeId: w.whNorth.id, kind: 'stock', source: 'stock', quantity: 3 }] }])
    })

    it('dates the supplier’s virtual allowance by its declared lead time', async () => {
      const sku = (await call()('POST', '/v1/skus', w.admin, { code: 'SKU-V', name: 'Virtual' }, 201)).json()
      await call()('PUT', '/v1/inventory/virtual', w.admin, { sku: 'SKU-V', node: 'WH-E', quantity: 4 })
      await t.services.db.run('INSERT INTO virtual_supply (supplier_id, sku_id, node_id, quantity, lead_time_days, actor, declared_at) VALUES (?, ?, ?, 4, 3, ?, ?)',
        ['sup_v', sku.id, w.whEast.id, 'test', clock.nowMs()])
      const { quote, ladder } = await atp('sku=SKU-V&region=east&quantity=4')
      assert.deepEqual(ladder.map((s: { date: string; quantity: number }) => [s.date, s.quantity]), [[day(0), 0], [day(3), 4]])
      assert.deepEqual([quote.promisedShipDate, quote.riskNote, quote.supply], [day(4), 'Ships from our supplier’s stock.', [{ kind: 'virtual', source: 'virtual', quantity: 4, readyDate: day(3) }]])
      const order = (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: 'SKU-V', quantity: 4, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } })).json()
      assert.deepEqual([order.lines[0].promisedShipDate, order.lines[0].stockQuantity], [day(4), 4])
    })

    it('scopes quotes to the caller’s channel and refuses bad queries', async () => {
      assert.equal((await atp('sku=SKU-A&channel=web', w.appAuth, 404)).code, 'channel_not_found')
      assert.equal((await atp('sku=SKU-A', w.ops, 422)).code, 'channel_required')
      assert.equal((await atp('sku=SKU-A&channel=app', w.ops)).channelId, w.app.id)
      assert.equal((await atp('sku=NOPE', w.appAuth, 404)).code, 'sku_not_found')
      assert.equal((await atp('sku=SKU-A&quantity=0', w.appAuth, 400)).code, 'invalid_quantity')
      assert.equal((await atp('sku=SKU-A&quantity=-1', w.appAuth, 400)).code, 'invalid_request')
      assert.equal((await atp('sku=SKU-A&colour=red', w.appAuth, 400)).code, 'invalid_request')
      await atp('sku=SKU-A', w.pay, 403)
    })
  })
}
