/**
 * Dropship over HTTP on both stores: a line routed to a supplier's dropship node is a request in
 * that supplier's portal (and no other supplier's: 404 as for a request that does not exist); the
 * supplier accepts it and ships it with tracking — the units leave its allowance in one movement —
 * or turns it down, and the line is re-routed and re-promised, a later date told to the customer.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, seedWorld, type World } from './helpers/fixtures.ts'
import { answered, clientAs, refused } from './helpers/client.ts'
import { addSlot, assertSlotsMatchLines, dayMs, dayStart, isoDay, newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }
const shipTo = {
  name: 'Lin Xiaoyu', phone: '+86 138 0000 1234', email: 'lin@example.cn',
  address: { line1: '88 Century Avenue', city: 'Shanghai', region: 'east', postalCode: '200120', country: 'CN' },
}

for (const kind of await storeKinds()) {
  describe(`dropship requests over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World & { ds: { id: string }; skuC: { id: string } }
    let ds: Auth, ops: Auth, pay: Auth, sup1: Auth, sup2: Auth, whE: Auth
    const clock = new ManualClock()
    const api = (auth: Auth) => clientAs(t, auth)
    const path = (id: string) => ({ params: { path: { id } } })
    const post = async (url: string, auth: Auth, payload: object, status = 200) => {
      const res = await t.app.inject({ method: 'POST', url, headers: auth, payload })
      assert.equal(res.statusCode, status, `${url}: ${res.body}`)
      return res.json()
    }
    const allowance = (sku: string, node: string, quantity: number) =>
      answered(api(ops).PUT('/v1/inventory/virtual', { body: { sku, node, quantity } }))
    const position = (skuId: string, nodeId: string) => t.services.inventory.position(skuId, nodeId)
    const placePaid = async (lines: Array<{ sku: string; quantity: number }>) => {
      const o = await answered(api(ds).POST('/v1/orders', {
        body: { customerId: 'c-drop', lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'ship', region: 'east' }, shipTo },
        params: { header: { 'Idempotency-Key': newKey() } },
      }), 201)
      await answered(api(pay).POST('/v1/orders/{id}/payments', { ...path(o.id), body: { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` } }), 201)
      return o
    }
    const requestsOf = async (auth: Auth, orderId: string) =>
      (await answered(api(auth).GET('/v1/supplier-portal/dropship', { params: { query: { limit: '500' } } }))).items.filter((r) => r.orderId === orderId)
    const commits = async (skuId: string, nodeId: string) =>
      Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM movements WHERE kind = 'commit' AND sku_id = ? AND node_id = ?`, [skuId, nodeId]))!.n)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = { ...(await seedWorld(t)), ds: undefined!, skuC: undefined! }
      w.skuC = await post('/v1/skus', w.admin, { code: 'SKU-C', name: 'Only the suppliers have it' }, 201)
      w.ds = await post('/v1/channels', w.admin, { code: 'ds', name: 'Direct', kind: 'web', nodeIds: [w.drop1.id, w.drop2.id, w.whEast.id], safetyBuffer: 0 }, 201)
      ds = await t.auth(`channel:${w.ds.id}`)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      sup1 = await t.auth('supplier:sup1')
      sup2 = await t.auth('supplier:sup2')
      whE = await t.auth(`warehouse:${w.whEast.id}`)
    })
    after(() => t.close())

    it('a line routed to a supplier’s dropship node is a request in its portal only, with what the label needs and never the e-mail', async () => {
      await allowance('SKU-A', 'DS-1', 5)
      const o = await placePaid([{ sku: 'SKU-A', quantity: 2 }])
      assert.equal(o.lines[0].nodeId, w.drop1.id)
      const [r] = await requestsOf(sup1, o.id)
      assert.deepEqual([r.status, r.shipmentStatus, r.nodeId, r.supplierId], ['requested', 'created', w.drop1.id, 'sup1'])
      assert.deepEqual(r.lines.map((l) => [l.lineNo, l.skuCode, l.skuName, l.quantity, l.status, l.shipBy]),
        [[1, 'SKU-A', w.skuA.name, 2, 'open', o.lines[0].promisedShipDate]])
      assert.deepEqual(r.shipTo, { name: shipTo.name, phone: shipTo.phone, address: shipTo.address })
      assert.ok(!JSON.stringify(r).includes(shipTo.email), 'a supplier never sees the customer’s e-mail')
      assert.ok(!('unitPrice' in r.lines[0]), 'nor what the customer paid')
      // Another supplier: not in its list, and its id answers as one that does not exist.
      assert.deepEqual(await requestsOf(sup2, o.id), [])
      const missing = await refused(api(sup2).GET('/v1/supplier-portal/dropship/{id}', path('shp_missing')), 404)
      const foreign = await refused(api(sup2).GET('/v1/supplier-portal/dropship/{id}', path(r.id)), 404)
      assert.equal(foreign.code, missing.code)
      await refused(api(sup2).POST('/v1/supplier-portal/dropship/{id}/accept', path(r.id)), 404)
      // A warehouse's shipment is not a dropship request, even for staff.
      await post('/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 3 })
      const fromWarehouse = await placePaid([{ sku: 'SKU-B', quantity: 1 }])
      const [whShipment] = (await answered(api(ops).GET('/v1/shipments', { params: { query: { order: fromWarehouse.id } } }))).items
      assert.equal(whShipment.nodeId, w.whEast.id)
      await refused(api(ops).GET('/v1/supplier-portal/dropship/{id}', path(whShipment.id)), 404)
      assert.deepEqual(await requestsOf(ops, fromWarehouse.id), [])
      // Staff see every supplier's, or one supplier's by name.
      assert.equal((await requestsOf(ops, o.id)).length, 1)
      const sup2Only = await answered(api(ops).GET('/v1/supplier-portal/dropship', { params: { query: { supplier: 'sup2' } } }))
      assert.ok(sup2Only.items.every((x) => x.supplierId === 'sup2'))
      // The node steps of a warehouse are not the supplier's: the shipment routes are closed to it.
      await refused(api(sup1).POST('/v1/shipments/{id}/pick', path(r.id)), 403)
    })

    it('accept, then ship with tracking: the units leave the supplier’s allowance in one movement; delivered, the address is gone', async () => {
      await allowance('SKU-A', 'DS-1', 5)
      const o = await placePaid([{ sku: 'SKU-A', quantity: 2 }])
      const [r] = await requestsOf(sup1, o.id)
      // Shipping needs a tracking number the customer can follow.
      await refused(api(sup1).POST('/v1/supplier-portal/dropship/{id}/ship', { ...path(r.id), body: { carrier: 'SF' } as never }), 400)
      const accepted = await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/accept', path(r.id)))
      assert.deepEqual([accepted.status, accepted.shipmentStatus], ['accepted', 'accepted'])
      await refused(api(sup1).POST('/v1/supplier-portal/dropship/{id}/accept', path(r.id)), 409)
      const before = { p: await position(w.skuA.id, w.drop1.id), commits: await commits(w.skuA.id, w.drop1.id) }
      const shipped = await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/ship', { ...path(r.id), body: { carrier: 'SF', tracking: 'SF-DS-1' } }))
      assert.deepEqual([shipped.request.status, shipped.request.carrier, shipped.request.tracking, shipped.rest], ['shipped', 'SF', 'SF-DS-1', null])
      const p = await position(w.skuA.id, w.drop1.id)
      assert.deepEqual([before.p.virtual - p.virtual, before.p.reserved - p.reserved, p.onHand], [2, 2, before.p.onHand], 'V − 2 and O − 2, the shelf untouched')
      assert.equal(await commits(w.skuA.id, w.drop1.id), before.commits + 1)
      const order = await answered(api(ops).GET('/v1/orders/{id}', path(o.id)))
      assert.deepEqual([order.status, order.lines[0].status], ['shipped', 'shipped'])
      await refused(api(sup1).POST('/v1/supplier-portal/dropship/{id}/ship', { ...path(r.id), body: { carrier: 'SF', tracking: 'again' } }), 409)
      await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(r.id), body: {} }))
      const delivered = await answered(api(sup1).GET('/v1/supplier-portal/dropship/{id}', path(r.id)))
      assert.deepEqual([delivered.status, delivered.shipTo], ['delivered', null])
      await assertLedgerConsistent(t)
    })

    it('an order shipped whole by the merchant takes its dropship lines off the supplier’s allowance too, and its request follows', async () => {
      const held = (await position(w.skuA.id, w.drop1.id)).reserved
      await allowance('SKU-A', 'DS-1', held + 3)
      const o = await placePaid([{ sku: 'SKU-A', quantity: 3 }])
      const [r] = await requestsOf(sup1, o.id)
      await answered(api(ops).POST('/v1/orders/{id}/ship', { ...path(o.id), body: {} }))
      const p = await position(w.skuA.id, w.drop1.id)
      assert.deepEqual([p.virtual, p.reserved, p.onHand], [held, held, 0])
      assert.equal((await answered(api(sup1).GET('/v1/supplier-portal/dropship/{id}', path(r.id)))).status, 'shipped')
    })

    it('ships some units and keeps the rest accepted in a new request', async () => {
      await allowance('SKU-A', 'DS-1', 6)
      const o = await placePaid([{ sku: 'SKU-A', quantity: 3 }])
      const [r] = await requestsOf(sup1, o.id)
      await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/accept', path(r.id)))
      const done = await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/ship', {
        ...path(r.id), body: { carrier: 'JD', tracking: 'JD-1', lines: [{ lineNo: 1, quantity: 1 }] },
      }))
      assert.deepEqual(done.request.lines.map((l) => l.quantity), [1])
      assert.ok(done.rest)
      assert.deepEqual([done.rest.status, done.rest.lines.map((l) => l.quantity)], ['accepted', [2]])
      const rest = await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/ship', { ...path(done.rest.id), body: { carrier: 'JD', tracking: 'JD-2' } }))
      assert.equal(rest.request.status, 'shipped')
      assert.equal((await answered(api(ops).GET('/v1/orders/{id}', path(o.id)))).status, 'shipped')
    })

    it('turned down as out of stock: the allowance falls, the line is re-routed to the next node and re-promised, the customer told of the later date', async () => {
      await allowance('SKU-B', 'DS-1', 4)
      await allowance('SKU-B', 'DS-2', 0)
      await answered(api(ops).PUT('/v1/skus/{sku}/sell-ahead-policy', { params: { path: { sku: 'SKU-B' } }, body: { kinds: ['stock', 'virtual', 'po_confirmed'], horizonDays: 30 } }))
      // WH-E's own stock of SKU-B is spoken for: it can take the line only on a PO due in 6 days.
      const stock = await position(w.skuB.id, w.whEast.id)
      if (stock.onHand - stock.reserved > 0) await post('/v1/inventory/adjustments', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: -(stock.onHand - stock.reserved), reason: 'set aside for the test' })
      await addSlot(t, { id: 'dropship-reroute-slot', skuId: w.skuB.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 5, days: 6 })
      const o = await placePaid([{ sku: 'SKU-B', quantity: 2 }])
      assert.equal(o.lines[0].nodeId, w.drop1.id)
      const oldShip = o.lines[0].promisedShipDate
      const [r] = await requestsOf(sup1, o.id)
      await refused(api(sup1).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'out_of_stock', lines: [2] } }), 422)
      await refused(api(sup1).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'lost' } as never }), 400)
      await refused(api(sup2).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'out_of_stock' } }), 404)
      const before = await position(w.skuB.id, w.drop1.id)
      const rejected = await answered(api(sup1).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'out_of_stock', note: 'sold out at source' } }))
      assert.deepEqual([rejected.status, rejected.lines[0].status, rejected.shipTo], ['cancelled', 'rejected', null])
      const p = await position(w.skuB.id, w.drop1.id)
      assert.deepEqual([before.reserved - p.reserved, before.virtual - p.virtual], [2, 2], 'its hold released and its allowance lowered by the units it does not have')
      const moved = await answered(api(ops).GET('/v1/orders/{id}', path(o.id)))
      const today = dayStart(clock.nowMs())
      assert.deepEqual([moved.lines[0].nodeId, moved.lines[0].promisedShipDate], [w.whEast.id, isoDay(today + 7 * dayMs)])
      await assertSlotsMatchLines(t)
      const delays = await answered(api(ds).GET('/v1/orders/{id}/delays', path(o.id)))
      assert.deepEqual(delays.items.map((d) => [d.lineNo, d.cause, d.oldShipBy]), [[1, 'node_rejected', oldShip]])
      // The new shipment is in the warehouse's queue; the supplier's request records why.
      const queue = (await answered(api(whE).GET('/v1/shipments', { params: { query: { order: o.id } } }))).items
      assert.deepEqual(queue.map((s) => [s.status, s.splitFrom]), [['released', r.id]])
      const events = (await answered(api(ops).GET('/v1/shipments/{id}', path(r.id)))).events
      const line = events.find((e) => e.kind === 'line_rejected')
      assert.deepEqual([line?.detail.reason, line?.detail.note, line?.detail.toNodeId], ['out_of_stock', 'sold out at source', w.whEast.id])
      await assertLedgerConsistent(t)
    })

    it('turned down when no other node can take it: the line is held for a person, the allowance kept when the supplier only cannot send there', async () => {
      await allowance('SKU-C', 'DS-2', 3)
      const o = await placePaid([{ sku: 'SKU-C', quantity: 1 }])
      assert.equal(o.lines[0].nodeId, w.drop2.id)
      const [r] = await requestsOf(sup2, o.id)
      const before = await position(w.skuC.id, w.drop2.id)
      const rejected = await answered(api(ops).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'cannot_ship' } }))
      assert.equal(rejected.status, 'cancelled')
      const p = await position(w.skuC.id, w.drop2.id)
      assert.deepEqual([before.reserved - p.reserved, p.virtual], [1, before.virtual], 'cannot_ship: the units stay sellable')
      const held = await answered(api(ops).GET('/v1/orders/{id}', path(o.id)))
      assert.deepEqual([held.lines[0].status, held.lines[0].promisedShipDate], ['open', null])
      await refused(api(sup2).POST('/v1/supplier-portal/dropship/{id}/reject', { ...path(r.id), body: { reason: 'cannot_ship' } }), 409)
    })
  })
}
