/**
 * Placing orders under sell-ahead policies, on both stores: stock first, then supply slots in
 * date order within the horizon and the cap beyond stock, unconfirmed dates with their buffer,
 * the channel's safety buffer, all-or-nothing orders, and the refusal codes.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, assertSlotsMatchLines, dayMs, isoDay, place, position, receive, seedOrders, shipEast, slotPromised, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Part = { source: string; kind: string; quantity: number; readyDate: string }

for (const kind of await storeKinds()) {
  describe(`placing sell-ahead orders (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => requester(t)
    const day = (n: number) => isoDay(clock.nowMs() + n * dayMs)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
    })
    after(async () => {
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
      await t.close()
    })

    let skuSeq = 0
    /** A fresh SKU with stock at WH-E and the given policy for every channel. */
    async function sku(stock: number, policy?: object): Promise<{ id: string; code: string }> {
      const created = (await call()('POST', '/v1/skus', w.admin, { code: `P-${++skuSeq}`, name: `Placement ${skuSeq}` }, 201)).json()
      if (stock > 0) await receive(t, w, created.code, 'WH-E', stock)
      if (policy) await call()('PUT', `/v1/skus/${created.code}/sell-ahead-policy`, w.ops, policy)
      return created
    }
    const placeOk = async (code: string, quantity: number, auth = w.appAuth) =>
      (await place(t, auth, { customerId: 'c', lines: [{ sku: code, quantity, unitPrice: 100 }], fulfilment: shipEast })).json()
    const refused = async (code: string, quantity: number, status: number, auth = w.appAuth) =>
      (await place(t, auth, { customerId: 'c', lines: [{ sku: code, quantity, unitPrice: 100 }], fulfilment: shipEast }, status)).json()
    const parts = (o: { lines: Array<{ allocations: Part[] }> }) => o.lines[0].allocations.map((a) => [a.source, a.quantity, a.readyDate])

    it('takes stock first, then PO slots in date order, and dates the promise from the last part', async () => {
      const s = await sku(5, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: `late-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 10, days: 10 })
      await addSlot(t, { id: `soon-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 10, days: 5 })
      const a = await placeOk(s.code, 3)
      assert.deepEqual(parts(a), [['stock', 3, day(0)]])
      assert.deepEqual([a.lines[0].promisedShipDate, a.lines[0].promisedDeliveryDate, a.riskNote], [day(1), day(2), null])
      const b = await placeOk(s.code, 4)
      assert.deepEqual(parts(b), [['stock', 2, day(0)], [`soon-${s.id}`, 2, day(5)]])
      assert.deepEqual([b.lines[0].stockQuantity, b.lines[0].promisedShipDate, b.lines[0].promisedDeliveryDate], [2, day(6), day(7)])
      assert.equal(b.riskNote, 'Depends on a supplier delivering on the confirmed date.')
      const c = await placeOk(s.code, 12)
      assert.deepEqual(parts(c), [[`soon-${s.id}`, 8, day(5)], [`late-${s.id}`, 4, day(10)]])
      assert.equal(c.lines[0].promisedShipDate, day(11))
      assert.deepEqual([await slotPromised(t, `soon-${s.id}`), await slotPromised(t, `late-${s.id}`)], [10, 4])
      assert.equal((await position(t, s.id, w.whEast.id)).reserved, 5)
      const over = await refused(s.code, 7, 409)
      assert.deepEqual([over.code, over.available], ['insufficient_supply', 6])
    })

    it('never promises a slot dated past the horizon; widening the horizon lets it sell', async () => {
      const s = await sku(0, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: `far-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 10, days: 40 })
      const no = await refused(s.code, 1, 409)
      assert.deepEqual([no.code, no.available], ['insufficient_supply', 0])
      await call()('PUT', `/v1/skus/${s.code}/sell-ahead-policy`, w.ops, { kinds: ['stock', 'po_confirmed'], horizonDays: 45 })
      assert.deepEqual(parts(await placeOk(s.code, 10)), [[`far-${s.id}`, 10, day(40)]])
    })

    it('caps the units promised beyond stock at one node', async () => {
      const s = await sku(0, { kinds: ['stock', 'po_confirmed'], horizonDays: 30, maxBeyondStock: 5 })
      await addSlot(t, { id: `cap-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 10, days: 5 })
      await placeOk(s.code, 4)
      const r = await refused(s.code, 2, 409)
      assert.deepEqual([r.code, r.available], ['insufficient_supply', 1])
      await placeOk(s.code, 1)
      assert.equal((await refused(s.code, 1, 409)).available, 0)
      assert.equal(await slotPromised(t, `cap-${s.id}`), 5)
    })

    it('counts an unconfirmed PO line from its requested date plus the buffer, and only when the policy sells it', async () => {
      const s = await sku(0, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: `unc-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_unconfirmed', quantity: 10, days: 3 })
      assert.equal((await refused(s.code, 1, 409)).code, 'insufficient_supply')
      await call()('PUT', `/v1/skus/${s.code}/sell-ahead-policy`, w.ops, { kinds: ['stock', 'po_unconfirmed'], unconfirmedBufferDays: 4, horizonDays: 30 })
      const o = await placeOk(s.code, 2)
      assert.deepEqual(parts(o), [[`unc-${s.id}`, 2, day(7)]])
      assert.equal(o.lines[0].promisedShipDate, day(8))
      assert.equal(o.riskNote, 'Depends on a supplier confirmation.')
    })

    it('sells only the shelf by default, less the channel’s safety buffer, and says so', async () => {
      const s = await sku(5)
      await addSlot(t, { id: `dflt-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 10, days: 2 })
      const web = await refused(s.code, 4, 409, w.webAuth)
      assert.deepEqual([web.code, web.available], ['insufficient_stock', 3], 'web keeps its buffer of 2 back')
      await placeOk(s.code, 3, w.webAuth)
      const app = await refused(s.code, 3, 409)
      assert.deepEqual([app.code, app.available], ['insufficient_stock', 2], 'the app channel has no buffer')
      assert.equal(await slotPromised(t, `dflt-${s.id}`), 0)
    })

    it('a channel’s own policy overrides the SKU’s for that channel only', async () => {
      const s = await sku(0, { kinds: ['stock'], horizonDays: 0 })
      await addSlot(t, { id: `ovr-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'in_transit', quantity: 10, days: 2 })
      await call()('PUT', `/v1/skus/${s.code}/sell-ahead-policy?channel=app`, w.ops, { kinds: ['stock', 'po_confirmed'], horizonDays: 10 })
      assert.equal((await refused(s.code, 1, 409, w.webAuth)).code, 'insufficient_stock')
      const o = await placeOk(s.code, 1)
      assert.deepEqual(parts(o), [[`ovr-${s.id}`, 1, day(2)]])
      assert.equal(o.riskNote, 'On its way to our warehouse.')
    })

    it('places all lines or none: a later line that does not fit refuses the order and changes nothing', async () => {
      const s = await sku(5, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: `multi-${s.id}`, skuId: s.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 3, days: 4 })
      const moves = await movementCount(t)
      const body = { customerId: 'c', fulfilment: shipEast, lines: [{ sku: s.code, quantity: 4, unitPrice: 100 }, { sku: s.code, quantity: 5, unitPrice: 100 }] }
      const r = (await place(t, w.appAuth, body, 409)).json()
      assert.deepEqual([r.code, r.line, r.available], ['insufficient_supply', 1, 4], 'the second line sees what the first took')
      assert.equal(await movementCount(t), moves)
      assert.deepEqual([(await position(t, s.id, w.whEast.id)).reserved, await slotPromised(t, `multi-${s.id}`)], [0, 0])
      const ok = (await place(t, w.appAuth, { ...body, lines: [body.lines[0], { ...body.lines[1], quantity: 4 }] })).json()
      assert.deepEqual(ok.lines.map((l: { allocations: Part[] }) => l.allocations.map((a) => [a.source, a.quantity])), [[['stock', 4]], [['stock', 1], [`multi-${s.id}`, 3]]])
      assert.equal(ok.total, 800)
    })

    it('picks up at a store: no transit, the store is the only node', async () => {
      await call()('PATCH', `/v1/channels/app`, w.admin, { nodeIds: [w.whEast.id, w.store1.id] })
      const s = await sku(0)
      await receive(t, w, s.code, 'ST-1', 2)
      const o = (await place(t, w.appAuth, { customerId: 'c', lines: [{ sku: s.code, quantity: 2, unitPrice: 100 }], fulfilment: { method: 'pickup', nodeId: 'ST-1' } })).json()
      assert.deepEqual([o.lines[0].nodeId, o.lines[0].promisedShipDate, o.lines[0].promisedDeliveryDate], [w.store1.id, day(1), day(1)])
      assert.deepEqual(o.fulfilment, { method: 'pickup', nodeId: w.store1.id })
      await call()('PATCH', `/v1/channels/app`, w.admin, { nodeIds: [w.whEast.id] })
    })

    it('says what the best-stocked node could promise when none can take the whole line', async () => {
      await call()('PATCH', `/v1/channels/app`, w.admin, { nodeIds: [w.whEast.id, w.store1.id] })
      const s = await sku(1)
      await receive(t, w, s.code, 'ST-1', 5)
      const no = await refused(s.code, 8, 409)
      assert.deepEqual([no.code, no.available], ['insufficient_stock', 5])
      assert.match(no.detail, /Only 5 in stock/)
      const quote = (await call()('GET', `/v1/availability-to-promise?sku=${s.code}&channel=app&quantity=8`, w.ops)).json().quote
      assert.deepEqual([quote.available, quote.availableQuantity, quote.detail], [false, 5, no.detail], 'the quote says the same')
      await call()('PATCH', `/v1/channels/app`, w.admin, { nodeIds: [w.whEast.id] })
    })
  })
}
