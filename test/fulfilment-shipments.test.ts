/**
 * Shipments over HTTP on both stores: made when an order is paid, worked by the node (release →
 * pick → pack → ship → deliver) with the stock committed once per line; partial shipments that
 * split; a node rejecting a line (re-routed, re-promised, the delay told to the customer); node
 * and channel isolation; the lifecycle table walked cell by cell; bad input refused with no write.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount, seedWorld, type World } from './helpers/fixtures.ts'
import { answered, clientAs, refused } from './helpers/client.ts'
import { addSlot, assertSlotsMatchLines, dayMs, dayStart, isoDay, newKey } from './helpers/orders.ts'
import { everyCell, fromAndBy } from './helpers/lifecycle.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { shipmentActions, shipmentStatuses, shipmentTransitions, type ShipmentAction, type ShipmentParty, type ShipmentStatus } from '../src/fulfilment/index.ts'
import { checkShipmentAction } from '../src/fulfilment/lifecycle.ts'
import { statusOf } from '../src/http/problem-status.ts'

type Auth = { authorization: string }

/** The table as the issue states it, written out by hand so the code's table can be wrong. */
const working: ShipmentStatus[] = ['released', 'picking', 'packed']
const expected: Record<ShipmentAction, { from: ShipmentStatus[]; to: ShipmentStatus | null; by: ShipmentParty[] }> = {
  release: { from: ['created'], to: 'released', by: ['merchant', 'node'] },
  accept: { from: ['created', 'released'], to: 'accepted', by: ['merchant', 'supplier'] },
  pick: { from: ['released'], to: 'picking', by: ['merchant', 'node'] },
  pack: { from: ['picking'], to: 'packed', by: ['merchant', 'node'] },
  ship: { from: ['packed', 'accepted'], to: 'shipped', by: ['merchant', 'node', 'supplier', 'system'] },
  deliver: { from: ['shipped'], to: 'delivered', by: ['merchant', 'system'] },
  cancel: { from: ['created', 'accepted', ...working, 'ready_for_pickup'], to: 'cancelled', by: ['merchant', 'system'] },
  reject_line: { from: ['created', 'accepted', ...working, 'ready_for_pickup'], to: null, by: ['merchant', 'node', 'supplier'] },
  ready: { from: ['packed'], to: 'ready_for_pickup', by: ['merchant', 'node'] },
  collect: { from: ['ready_for_pickup'], to: 'collected', by: ['merchant', 'node'] },
  expire: { from: ['ready_for_pickup'], to: 'expired', by: ['system'] },
  reset_attempts: { from: ['ready_for_pickup'], to: null, by: ['merchant'] },
}
const parties: ShipmentParty[] = ['merchant', 'node', 'supplier', 'system']

describe('shipment lifecycle table (pure)', () => {
  it('covers every action', () => assert.deepEqual([...shipmentActions].sort(), Object.keys(expected).sort()))
  it('is the table the issue states', () => assert.deepEqual(fromAndBy(shipmentTransitions), fromAndBy(expected)))
  it('leads where the issue says', () => assert.deepEqual(Object.fromEntries(shipmentActions.map((a) => [a, shipmentTransitions[a].to ?? null])),
    Object.fromEntries(shipmentActions.map((a) => [a, expected[a].to]))))
  for (const { action, status, party, outcome } of everyCell(expected, shipmentStatuses, parties)) {
    it(`${action} from ${status} by ${party}: ${outcome}`, () => {
      const r = checkShipmentAction({ id: 'shp_x', status }, action, party!)
      if (outcome === 'ok') assert.equal(r, undefined)
      else assert.deepEqual([r?.code, statusOf(r!.code)], outcome === 'illegal_transition' ? ['illegal_transition', 409] : ['forbidden', 403])
    })
  }
})

for (const kind of await storeKinds()) {
  describe(`shipments over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World & { omni: { id: string }; other: { id: string } }
    let omni: Auth, other: Auth, ops: Auth, pay: Auth, whE: Auth, whN: Auth, store: Auth
    const clock = new ManualClock()
    const api = (auth: Auth) => clientAs(t, auth)
    const path = (id: string) => ({ params: { path: { id } } })
    const post = async (url: string, auth: Auth, payload: object, status = 200) => {
      const res = await t.app.inject({ method: 'POST', url, headers: auth, payload })
      assert.equal(res.statusCode, status, `${url}: ${res.body}`)
      return res.json()
    }
    const receive = (sku: string, node: string, quantity: number) => post('/v1/inventory/receipts', w.admin, { sku, node, quantity })
    const position = (skuId: string, nodeId: string) => t.services.inventory.position(skuId, nodeId)
    const place = async (lines: Array<{ sku: string; quantity: number }>, region = 'east') => answered(api(omni).POST('/v1/orders', {
      body: { customerId: 'c-ship', lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'ship', region } },
      params: { header: { 'Idempotency-Key': newKey() } },
    }), 201)
    const payFor = (o: { id: string; total: number }) =>
      answered(api(pay).POST('/v1/orders/{id}/payments', { ...path(o.id), body: { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` } }), 201)
    const shipmentsOf = async (orderId: string) => (await answered(api(ops).GET('/v1/shipments', { params: { query: { order: orderId } } }))).items
    const step = (auth: Auth, id: string, action: 'release' | 'pick' | 'pack') => answered(api(auth).POST(`/v1/shipments/{id}/${action}`, path(id)))
    const order = (id: string) => answered(api(ops).GET('/v1/orders/{id}', path(id)))
    const commits = async (skuId: string, nodeId: string) =>
      Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM movements WHERE kind = 'commit' AND sku_id = ? AND node_id = ?`, [skuId, nodeId]))!.n)

    before(async () => {
      t = await startTestApp(kind, { clock })
      const world = await seedWorld(t)
      const channel = (code: string, nodeIds: string[]) => post('/v1/channels', world.admin, { code, name: code, kind: 'web', nodeIds, safetyBuffer: 0 }, 201)
      w = { ...world, omni: await channel('omni', [world.whEast.id, world.whNorth.id]), other: await channel('other', [world.whEast.id]) }
      omni = await t.auth(`channel:${w.omni.id}`)
      other = await t.auth(`channel:${w.other.id}`)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      whE = await t.auth(`warehouse:${w.whEast.id}`)
      whN = await t.auth(`warehouse:${w.whNorth.id}`)
      store = await t.auth(`store:${w.store1.id}`)
      await receive('SKU-A', 'WH-E', 20)
      await receive('SKU-A', 'WH-N', 20)
      await receive('SKU-B', 'WH-E', 10)
    })
    after(() => t.close())

    it('makes a shipment when the order is paid and ships it through the node’s queue: O and I fall together, one movement per line', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 3 }, { sku: 'SKU-B', quantity: 2 }])
      assert.deepEqual(await shipmentsOf(o.id), [], 'nothing to fulfil before payment')
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      assert.deepEqual([s.status, s.nodeId, s.lines.map((l) => [l.lineNo, l.quantity, l.status])], ['created', w.whEast.id, [[1, 3, 'open'], [2, 2, 'open']]])
      // The warehouse's queue holds it; the other warehouse's does not.
      const queue = await answered(api(whE).GET('/v1/shipments', { params: { query: { status: 'created' } } }))
      assert.ok(queue.items.some((x) => x.id === s.id))
      assert.ok(queue.items.every((x) => x.nodeId === w.whEast.id))
      assert.deepEqual((await answered(api(whN).GET('/v1/shipments', { params: { query: { order: o.id } } }))).items, [])

      await step(whE, s.id, 'release')
      await step(whE, s.id, 'pick')
      assert.equal((await step(whE, s.id, 'pack')).status, 'packed')
      const before = { a: await position(w.skuA.id, w.whEast.id), b: await position(w.skuB.id, w.whEast.id), moves: await movementCount(t), commitsA: await commits(w.skuA.id, w.whEast.id) }
      const shipped = await answered(api(whE).POST('/v1/shipments/{id}/ship', {
        ...path(s.id), body: { carrier: 'SF', service: 'standard', tracking: 'SF100', packages: [{ reference: 'P1', weightGrams: 1200 }] },
      }))
      assert.deepEqual([shipped.shipment.status, shipped.shipment.carrier, shipped.shipment.tracking, shipped.shipment.packages, shipped.rest],
        ['shipped', 'SF', 'SF100', [{ reference: 'P1', weightGrams: 1200 }], null])
      const a = await position(w.skuA.id, w.whEast.id)
      const b = await position(w.skuB.id, w.whEast.id)
      assert.deepEqual([before.a.onHand - a.onHand, before.a.reserved - a.reserved, before.b.onHand - b.onHand, before.b.reserved - b.reserved], [3, 3, 2, 2])
      assert.equal(await movementCount(t), before.moves + 2, 'exactly one movement per line')
      assert.equal(await commits(w.skuA.id, w.whEast.id), before.commitsA + 1)
      const afterShip = await order(o.id)
      assert.deepEqual([afterShip.status, afterShip.lines.map((l) => [l.status, l.shippedQuantity, l.deliveredAt])], ['shipped', [['shipped', 3, null], ['shipped', 2, null]]])

      // A node may not report delivery; the merchant (or the carrier through it) does.
      await refused(api(whE).POST('/v1/shipments/{id}/deliver', { ...path(s.id), body: {} }), 403)
      const at = new Date(clock.nowMs() + 60_000).toISOString()
      clock.advance(120_000)
      const delivered = await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(s.id), body: { deliveredAt: at } }))
      assert.equal(delivered.deliveredAt, at)
      const done = await order(o.id)
      assert.deepEqual([done.status, done.lines.map((l) => l.deliveredAt)], ['delivered', [at, at]])
      const detail = await answered(api(omni).GET('/v1/shipments/{id}', path(s.id)))
      assert.deepEqual(detail.events.map((e) => e.kind), ['created', 'released', 'picking_started', 'packed', 'shipped', 'delivered'])
      const events = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'shipment.changed' AND subject = ? ORDER BY id`, [s.id])
      assert.deepEqual(events.map((e) => JSON.parse(e.payload).status), ['created', 'released', 'picking', 'packed', 'shipped', 'delivered'])
      await assertLedgerConsistent(t)
    })

    it('ships part of a shipment: the rest is split into a new shipment at the same node, and the order ships when all of it has', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 4 }, { sku: 'SKU-B', quantity: 1 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      for (const action of ['release', 'pick', 'pack'] as const) await step(ops, s.id, action)
      const before = await position(w.skuA.id, w.whEast.id)
      const moves = await movementCount(t)
      const part = await answered(api(whE).POST('/v1/shipments/{id}/ship', { ...path(s.id), body: { carrier: 'JD', tracking: 'JD1', lines: [{ lineNo: 1, quantity: 1 }] } }))
      assert.deepEqual(part.shipment.lines.map((l) => [l.lineNo, l.quantity]), [[1, 1]])
      assert.ok(part.rest)
      assert.deepEqual([part.rest.status, part.rest.nodeId, part.rest.splitFrom, part.rest.lines.map((l) => [l.lineNo, l.quantity])],
        ['released', w.whEast.id, s.id, [[1, 3], [2, 1]]])
      const p = await position(w.skuA.id, w.whEast.id)
      assert.deepEqual([before.onHand - p.onHand, before.reserved - p.reserved, (await movementCount(t)) - moves], [1, 1, 1])
      const partly = await order(o.id)
      assert.deepEqual([partly.status, partly.lines.map((l) => [l.status, l.shippedQuantity])], ['paid', [['open', 1], ['open', 0]]])
      await assertLedgerConsistent(t)
      // Units have left: the order can no longer be cancelled whole.
      assert.equal((await refused(api(omni).POST('/v1/orders/{id}/cancel', { ...path(o.id), body: {} }), 409)).code, 'order_partly_shipped')
      const events = (await answered(api(ops).GET('/v1/shipments/{id}', path(s.id)))).events
      assert.deepEqual(events.at(-1)?.detail, { into: part.rest.id, lines: [{ lineNo: 1, quantity: 3 }, { lineNo: 2, quantity: 1 }] })

      await step(whE, part.rest.id, 'pick')
      await step(whE, part.rest.id, 'pack')
      await answered(api(whE).POST('/v1/shipments/{id}/ship', { ...path(part.rest.id), body: { carrier: 'JD', tracking: 'JD2' } }))
      const whole = await order(o.id)
      assert.deepEqual([whole.status, whole.lines.map((l) => [l.status, l.shippedQuantity])], ['shipped', [['shipped', 4], ['shipped', 1]]])
      // One shipment delivered leaves line 1 with units on the road: no delivery day yet.
      await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(s.id), body: {} }))
      assert.deepEqual((await order(o.id)).lines.map((l) => l.deliveredAt === null), [true, true])
      await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(part.rest.id), body: {} }))
      const end = await order(o.id)
      assert.deepEqual([end.status, end.lines.every((l) => l.deliveredAt !== null)], ['delivered', true])
      await assertLedgerConsistent(t)
    })

    it('re-routes a damaged line to the next node on future supply: the units become unsellable, the promise moves and the customer is told', async () => {
      await answered(api(ops).PUT('/v1/skus/{sku}/sell-ahead-policy', { params: { path: { sku: 'SKU-B' } }, body: { kinds: ['stock', 'po_confirmed'], horizonDays: 30 } }))
      await addSlot(t, { id: 'ship-reroute-slot', skuId: w.skuB.id, nodeId: w.whNorth.id, kind: 'po_confirmed', quantity: 5, days: 4 })
      const o = await place([{ sku: 'SKU-B', quantity: 2 }])
      assert.equal(o.lines[0].nodeId, w.whEast.id)
      const oldShip = o.lines[0].promisedShipDate
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      await step(whE, s.id, 'release')
      await step(whE, s.id, 'pick')
      const eBefore = await position(w.skuB.id, w.whEast.id)
      // Not theirs: the other warehouse cannot even see it.
      await refused(api(whN).POST('/v1/shipments/{id}/reject', { ...path(s.id), body: { lineNo: 1, reason: 'damaged' } }), 404)
      // Every cache the re-route reads is cold: it reads nodes, profile and zones inside the rejection's transaction.
      t.services.catalogue.forgetCached()
      await t.services.routing.setShipping({ regions: [], zones: [] })
      const r = await answered(api(whE).POST('/v1/shipments/{id}/reject', { ...path(s.id), body: { lineNo: 1, reason: 'damaged', note: 'box crushed' } }))
      assert.deepEqual([r.shipment.status, r.shipment.lines[0].status], ['cancelled', 'rejected'], 'a shipment left with no line is cancelled')
      assert.ok(r.rerouted)
      assert.deepEqual([r.rerouted.nodeId, r.rerouted.status, r.rerouted.splitFrom, r.rerouted.lines.map((l) => [l.lineNo, l.quantity])],
        [w.whNorth.id, 'released', s.id, [[1, 2]]])
      const e = await position(w.skuB.id, w.whEast.id)
      assert.deepEqual([eBefore.reserved - e.reserved, e.unsellable - eBefore.unsellable, e.onHand], [2, 2, eBefore.onHand], 'damaged: O − 2, U + 2 at the rejecting node')
      const moved = await order(o.id)
      const today = dayStart(clock.nowMs())
      assert.deepEqual([moved.lines[0].nodeId, moved.lines[0].stockQuantity, moved.lines[0].promisedShipDate, moved.lines[0].firstPromisedShipDate],
        [w.whNorth.id, 0, isoDay(today + 5 * dayMs), oldShip])
      await assertSlotsMatchLines(t)
      const delays = await answered(api(omni).GET('/v1/orders/{id}/delays', path(o.id)))
      assert.deepEqual(delays.items.map((d) => [d.lineNo, d.cause, d.oldShipBy, d.newShipBy]), [[1, 'node_rejected', oldShip, isoDay(today + 5 * dayMs)]])
      const messages = await answered(api(omni).GET('/v1/orders/{id}/messages', path(o.id)))
      assert.equal(messages.items.length, 1)
      assert.match(messages.items[0].body, /could not/)
      const outbox = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'order.delayed' AND subject = ?`, [o.id])
      assert.equal(outbox.length, 1)
      // The notifications projector turns it into the customer's delay notice, as for any delay.
      await t.services.notifications.catchUp()
      const notices = await answered(api(omni).GET('/v1/orders/{id}/notifications', path(o.id)))
      assert.deepEqual(notices.items.map((n) => n.kind), ['delay_notice'])
      const events = (await answered(api(ops).GET('/v1/shipments/{id}', path(s.id)))).events
      const rejected = events.find((x) => x.kind === 'line_rejected')
      assert.deepEqual([rejected?.detail.reason, rejected?.detail.note, rejected?.detail.toNodeId], ['damaged', 'box crushed', w.whNorth.id])
      // Routed again by the channel's profile, the decision kept beside the placement's, without the node that rejected it.
      const routing = (await answered(api(ops).GET('/v1/orders/{id}/routing', path(o.id)))).items
      assert.deepEqual(routing.map((d) => [d.seq, d.cause, d.outcome]), [[1, 'placement', 'routed'], [2, 'reroute:damaged', 'routed']])
      assert.ok(!routing[1].explanation.candidates.some((c) => c.node === w.whEast.id), 'the rejecting node is not a candidate')
      assert.equal(routing[1].explanation.candidates.find((c) => c.node === w.whNorth.id)?.rank, 1)
      // The line waits for the PO at WH-N: it cannot ship yet.
      await step(whN, r.rerouted.id, 'pick')
      await step(whN, r.rerouted.id, 'pack')
      assert.equal((await refused(api(whN).POST('/v1/shipments/{id}/ship', { ...path(r.rerouted.id), body: { carrier: 'SF' } }), 409)).code, 'not_ready_to_ship')
      await assertLedgerConsistent(t)
    })

    it('re-routes the rest of a partly shipped line as a new line: the shipped units stay on the line, the others go to the next node', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 3 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      for (const action of ['release', 'pick', 'pack'] as const) await step(whE, s.id, action)
      const part = await answered(api(whE).POST('/v1/shipments/{id}/ship', { ...path(s.id), body: { carrier: 'SF', lines: [{ lineNo: 1, quantity: 1 }] } }))
      assert.ok(part.rest)
      await step(whE, part.rest.id, 'pick')
      const e0 = await position(w.skuA.id, w.whEast.id)
      const n0 = await position(w.skuA.id, w.whNorth.id)
      const r = await answered(api(whE).POST('/v1/shipments/{id}/reject', { ...path(part.rest.id), body: { lineNo: 1, reason: 'damaged' } }))
      assert.ok(r.rerouted)
      assert.deepEqual([r.rerouted.nodeId, r.rerouted.lines.map((l) => [l.lineNo, l.quantity])], [w.whNorth.id, [[2, 2]]])
      const e = await position(w.skuA.id, w.whEast.id)
      const n = await position(w.skuA.id, w.whNorth.id)
      assert.deepEqual([e0.reserved - e.reserved, e.unsellable - e0.unsellable, n.reserved - n0.reserved], [2, 2, 2])
      const split = await order(o.id)
      assert.deepEqual(split.lines.map((l) => [l.lineNo, l.nodeId, l.quantity, l.status, l.shippedQuantity]),
        [[1, w.whEast.id, 1, 'shipped', 1], [2, w.whNorth.id, 2, 'open', 0]])
      assert.equal(split.total, o.total, 'the same units at the same price')
      await assertLedgerConsistent(t)
      await step(whN, r.rerouted.id, 'pick')
      await step(whN, r.rerouted.id, 'pack')
      await answered(api(whN).POST('/v1/shipments/{id}/ship', { ...path(r.rerouted.id), body: { carrier: 'JD' } }))
      for (const id of [s.id, r.rerouted.id]) await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(id), body: {} }))
      const done = await order(o.id)
      assert.deepEqual([done.status, done.lines.map((l) => l.deliveredAt !== null)], ['delivered', [true, true]])
      await assertLedgerConsistent(t)
    })

    it('re-routes a line not found to stock at the next node, and holds it when no node is left', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 1 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      await step(ops, s.id, 'release')
      const e0 = await position(w.skuA.id, w.whEast.id)
      const n0 = await position(w.skuA.id, w.whNorth.id)
      const r = await answered(api(whE).POST('/v1/shipments/{id}/reject', { ...path(s.id), body: { lineNo: 1, reason: 'not_found' } }))
      const e = await position(w.skuA.id, w.whEast.id)
      const n = await position(w.skuA.id, w.whNorth.id)
      assert.deepEqual([e0.reserved - e.reserved, e.unsellable - e0.unsellable, n.reserved - n0.reserved], [1, 0, 1], 'not found: released at WH-E, held at WH-N')
      assert.ok(r.rerouted)
      // WH-N rejects it too: no node is left, so the line is held for a person, unallocated.
      await step(whN, r.rerouted.id, 'pick')
      const again = await answered(api(whN).POST('/v1/shipments/{id}/reject', { ...path(r.rerouted.id), body: { lineNo: 1, reason: 'not_found' } }))
      assert.equal(again.rerouted, null)
      const held = await order(o.id)
      assert.deepEqual([held.status, held.lines[0].status, held.lines[0].stockQuantity, held.lines[0].unallocated, held.lines[0].promisedShipDate], ['paid', 'open', 0, 1, null])
      assert.equal((await position(w.skuA.id, w.whNorth.id)).reserved, n0.reserved)
      await assertLedgerConsistent(t)
    })

    it('shows the node the parcel label’s address (never the e-mail) while the shipment is to be sent, and no longer once delivered', async () => {
      const shipTo = { name: 'Chen Jing', phone: '+86 137 0000 4321', email: 'chen@example.cn', address: { line1: '5 Huaihai Road', city: 'Shanghai', country: 'CN' } }
      const o = await answered(api(omni).POST('/v1/orders', {
        body: { customerId: 'c-label', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' }, shipTo },
        params: { header: { 'Idempotency-Key': newKey() } },
      }), 201)
      await payFor(o)
      const queue = (await answered(api(whE).GET('/v1/shipments', { params: { query: { order: o.id } } }))).items
      assert.deepEqual(queue.map((x) => x.shipTo), [{ name: shipTo.name, phone: shipTo.phone, address: shipTo.address }])
      const one = await answered(api(whE).GET('/v1/shipments/{id}', path(queue[0].id)))
      assert.ok(one.shipTo && !JSON.stringify(one).includes(shipTo.email))
      for (const action of ['release', 'pick', 'pack'] as const) await step(whE, one.id, action)
      const shipped = await answered(api(whE).POST('/v1/shipments/{id}/ship', { ...path(one.id), body: { carrier: 'SF', tracking: 'SF-LABEL' } }))
      assert.equal(shipped.shipment.shipTo?.name, shipTo.name, 'a label can be printed again after shipping')
      const delivered = await answered(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(one.id), body: {} }))
      assert.equal(delivered.shipTo, null)
    })

    it('keeps each node to its own shipments and channels to their own orders; other roles may not call', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 1 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      for (const auth of [whN, store, other]) {
        const problem = await refused(api(auth).GET('/v1/shipments/{id}', path(s.id)), 404)
        const missing = await refused(api(auth).GET('/v1/shipments/{id}', path('shp_missing')), 404)
        assert.deepEqual([problem.code, missing.code], ['shipment_not_found', 'shipment_not_found'])
      }
      await refused(api(whN).POST('/v1/shipments/{id}/release', path(s.id)), 404)
      assert.equal((await answered(api(whE).GET('/v1/shipments/{id}', path(s.id)))).id, s.id)
      assert.equal((await answered(api(omni).GET('/v1/shipments/{id}', path(s.id)))).id, s.id)
      // A channel reads, never acts; a payment provider does neither.
      await refused(api(omni).POST('/v1/shipments/{id}/release', path(s.id)), 403)
      await refused(api(pay).GET('/v1/shipments/{id}', path(s.id)), 403)
      await refused(api(pay).GET('/v1/shipments', {}), 403)
      // Naming another node in the queue gives an empty page, not its shipments.
      assert.deepEqual((await answered(api(whN).GET('/v1/shipments', { params: { query: { node: w.whEast.id } } }))).items, [])
      assert.deepEqual((await answered(api(other).GET('/v1/shipments', { params: { query: { order: o.id } } }))).items, [])
      // A warehouse user reads its own node, and no other.
      assert.deepEqual((await answered(api(whE).GET('/v1/nodes', {}))).items.map((n) => n.id), [w.whEast.id])
      await refused(api(whE).GET('/v1/nodes/{node}', { params: { path: { node: w.whNorth.id } } }), 404)
      // A warehouse token must name a warehouse.
      const admin = await t.auth('admin')
      assert.equal((await refused(api(admin).POST('/v1/tokens', { body: { name: 'w', role: `warehouse:${w.store1.id}` } }), 422)).code, 'not_a_warehouse')
      await answered(api(admin).POST('/v1/tokens', { body: { name: 'w', role: `warehouse:${w.whEast.id}` } }), 201)
    })

    it('refuses bad input with a stable code and writes nothing', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 2 }])
      assert.equal((await refused(api(ops).POST('/v1/orders/{id}/shipments', path(o.id)), 409)).code, 'order_not_paid')
      assert.equal((await refused(api(ops).POST('/v1/orders/{id}/shipments', path('ord_missing')), 404)).code, 'order_not_found')
      await payFor(o)
      assert.equal((await refused(api(ops).POST('/v1/orders/{id}/shipments', path(o.id)), 409)).code, 'nothing_to_fulfil')
      const [s] = await shipmentsOf(o.id)
      assert.equal((await refused(api(whE).POST('/v1/shipments/{id}/pick', path(s.id)), 409)).code, 'illegal_transition', 'released first')
      for (const action of ['release', 'pick', 'pack'] as const) await step(whE, s.id, action)
      const moves = await movementCount(t)
      const rows = async () => t.services.db.all('SELECT * FROM shipments WHERE order_id = ? ORDER BY id', [o.id])
      const stored = await rows()
      const ship = (body: object) => t.app.inject({ method: 'POST', url: `/v1/shipments/${s.id}/ship`, headers: whE, payload: body })
      for (const [body, status, code] of [
        [{ carrier: 'SF', lines: [{ lineNo: 1, quantity: 3 }] }, 422, 'invalid_shipment_lines'],
        [{ carrier: 'SF', lines: [{ lineNo: 9, quantity: 1 }] }, 422, 'invalid_shipment_lines'],
        [{ carrier: 'SF', lines: [{ lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 1 }] }, 422, 'invalid_shipment_lines'],
        [{ carrier: 'SF', lines: [{ lineNo: 1, quantity: 0 }] }, 400, 'invalid_request'],
        [{ tracking: 'no carrier' }, 400, 'invalid_request'],
        [{ carrier: '' }, 400, 'invalid_request'],
      ] as const) {
        const res = await ship(body)
        assert.deepEqual([res.statusCode, res.json().code], [status, code], JSON.stringify(body))
      }
      const reject = await t.app.inject({ method: 'POST', url: `/v1/shipments/${s.id}/reject`, headers: whE, payload: { lineNo: 1, reason: 'lost' } })
      assert.equal(reject.statusCode, 400)
      assert.equal((await refused(api(whE).POST('/v1/shipments/{id}/reject', { ...path(s.id), body: { lineNo: 7, reason: 'damaged' } }), 422)).code, 'invalid_shipment_lines')
      assert.deepEqual([await movementCount(t), await rows()], [moves, stored], 'nothing written')
      await answered(api(whE).POST('/v1/shipments/{id}/ship', { ...path(s.id), body: { carrier: 'SF' } }))
      const future = new Date(clock.nowMs() + 10 * dayMs).toISOString()
      assert.equal((await refused(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(s.id), body: { deliveredAt: future } }), 422)).code, 'delivered_in_future')
      const early = new Date(clock.nowMs() - dayMs).toISOString()
      assert.equal((await refused(api(ops).POST('/v1/shipments/{id}/deliver', { ...path(s.id), body: { deliveredAt: early } }), 422)).code, 'delivered_before_shipped')
      assert.equal((await refused(api(ops).POST('/v1/shipments/{id}/cancel', { ...path(s.id), body: {} }), 409)).code, 'illegal_transition', 'too late to cancel')
      assert.equal((await order(o.id)).status, 'shipped')
    })

    it('follows the order: cancelled with it (the lines keep their holds until then), released again by hand after a cancel', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 2 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      const held = (await position(w.skuA.id, w.whEast.id)).reserved
      await answered(api(ops).POST('/v1/shipments/{id}/cancel', { ...path(s.id), body: { reason: 'wrong box' } }))
      assert.equal((await position(w.skuA.id, w.whEast.id)).reserved, held, 'a cancelled shipment gives its lines back to the order, holds and all')
      const made = await answered(api(ops).POST('/v1/orders/{id}/shipments', path(o.id)), 201)
      assert.deepEqual(made.items.map((x) => [x.status, x.lines.map((l) => [l.lineNo, l.quantity])]), [['released', [[1, 2]]]])
      await answered(api(omni).POST('/v1/orders/{id}/cancel', { ...path(o.id), body: {} }))
      const after = await shipmentsOf(o.id)
      assert.deepEqual(after.map((x) => x.status), ['cancelled', 'cancelled'])
      assert.equal((await position(w.skuA.id, w.whEast.id)).reserved, held - 2)
      await assertLedgerConsistent(t)
    })

    it('ships and delivers every open shipment when the merchant ships or delivers the order as a whole', async () => {
      const o = await place([{ sku: 'SKU-A', quantity: 2 }])
      await payFor(o)
      const [s] = await shipmentsOf(o.id)
      await step(whE, s.id, 'release')
      const before = await position(w.skuA.id, w.whEast.id)
      await answered(api(ops).POST('/v1/orders/{id}/ship', { ...path(o.id), body: { carrier: 'SF' } }))
      const p = await position(w.skuA.id, w.whEast.id)
      assert.deepEqual([before.onHand - p.onHand, before.reserved - p.reserved], [2, 2])
      const shipped = await answered(api(ops).GET('/v1/shipments/{id}', path(s.id)))
      assert.deepEqual([shipped.status, shipped.events.at(-1)?.kind], ['shipped', 'shipped_with_order'])
      await answered(api(ops).POST('/v1/orders/{id}/deliver', path(o.id)))
      assert.equal((await answered(api(ops).GET('/v1/shipments/{id}', path(s.id)))).status, 'delivered')
      assert.ok((await order(o.id)).lines.every((l) => l.deliveredAt !== null))
      await assertLedgerConsistent(t)
    })

    it('serves the lifecycle table', async () => {
      assert.deepEqual(await answered(api(whE).GET('/v1/shipments/lifecycle', {})), JSON.parse(JSON.stringify(shipmentTransitions)))
    })
  })
}
