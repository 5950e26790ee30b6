/**
 * POST /v1/transfers/{id}/eta on both stores: a merchant reports a new arrival day for a reserved
 * or shipped transfer; the transfer, its supply slot and a `supply.changed` event follow, and the
 * orders promised on it are re-promised (a delay when later, pulled in when earlier). Refusals
 * and a same-day report change nothing.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { movementCount } from './helpers/fixtures.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, backorder, inDays, outboxOf, promiseOf, slotTable } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`moving a transfer's ETA (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const call = () => requester(t)
    const d = (days: number) => inDays(t, days)
    const day = (days: number) => Date.parse(`${d(days)}T00:00:00Z`)

    beforeEach(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    /** 6 units of SKU-A from WH-N to WH-E, due on day 5 at 09:00. */
    const transfer = async (from = 'WH-N', to = 'WH-E') => {
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: from, quantity: 10 })
      return (await call()('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from, to, quantity: 6, eta: `${d(5)}T09:00:00.000Z` }, 201)).json()
    }
    const moveEta = (id: string, body: object, headers = w.admin, status = 200) => call()('POST', `/v1/transfers/${id}/eta`, headers, body, status)
    const eventsOf = async (id: string) => (await outboxOf(t, 'supply.changed')).filter((e) => e.sourceId === id)
    const supplyLine = (id: string, days: number, confidence: string) => ({
      skuId: w.skuA.id, nodeId: w.whEast.id, sourceType: 'transfer', sourceId: id, poId: null, poLineId: null, supplierId: null,
      quantity: 6, expectedDate: d(days), confidence,
    })
    const delays = async () => (await t.services.db.all<Record<string, unknown>>(
      'SELECT order_id, cause, reason, old_ship_by, new_ship_by, days_late, status FROM order_delays ORDER BY id')).map((r) => ({ ...r }))

    it('moves a reserved transfer: the new day on GET, its slot and a supply.changed event like the ship step’s; the same day again is a no-op', async () => {
      const trf = await transfer()
      const movements = await movementCount(t)
      const sameDay = (await moveEta(trf.id, { eta: d(5), reason: 'confirming day 5' })).json()
      assert.equal(sameDay.eta, `${d(5)}T09:00:00.000Z`, 'the day the supply counts from is unchanged: the stored time stays')
      assert.equal((await eventsOf(trf.id)).length, 1, 'only the creation event')
      const moved = (await moveEta(trf.id, { eta: d(7), reason: 'truck booked late' })).json()
      assert.deepEqual([moved.status, moved.eta], ['reserved', `${d(7)}T00:00:00.000Z`])
      assert.equal((await call()('GET', `/v1/transfers/${trf.id}`, w.admin)).json().eta, `${d(7)}T00:00:00.000Z`)
      assert.deepEqual(await slotTable(t, w.skuA.id, w.whEast.id), [[trf.id, 'transfer', 6, 0, d(7)]])
      assert.deepEqual((await eventsOf(trf.id)).slice(1), [{
        skuId: w.skuA.id, nodeId: w.whEast.id, sourceType: 'transfer', sourceId: trf.id, cause: 'transfer_eta_moved', changes: ['eta_moved'],
        before: [supplyLine(trf.id, 5, 'confirmed')], after: [supplyLine(trf.id, 7, 'confirmed')], reason: 'truck booked late',
      }])
      assert.equal(await movementCount(t), movements, 'no stock moved')

      const again = (await moveEta(trf.id, { eta: d(7), reason: 'still day 7' })).json()
      assert.equal(again.eta, `${d(7)}T00:00:00.000Z`)
      assert.equal((await eventsOf(trf.id)).length, 2, 'an unchanged day publishes nothing')
      await assertConsistent(t)
    })

    it('moves a shipped transfer: the day changes, the confidence stays shipped', async () => {
      const trf = await transfer()
      await call()('POST', `/v1/transfers/${trf.id}/ship`, w.admin, { carrier: 'SF', eta: `${d(8)}T09:00:00.000Z` })
      const moved = (await moveEta(trf.id, { eta: d(6), reason: 'carrier says sooner' })).json()
      assert.deepEqual([moved.status, moved.eta, moved.carrier], ['shipped', `${d(6)}T00:00:00.000Z`, 'SF'])
      assert.equal((await call()('GET', `/v1/transfers/${trf.id}`, w.admin)).json().eta, `${d(6)}T00:00:00.000Z`)
      const last = (await eventsOf(trf.id)).at(-1)
      assert.deepEqual([last?.cause, last?.changes, last?.before, last?.after], [
        'transfer_eta_moved', ['eta_moved'], [supplyLine(trf.id, 8, 'shipped')], [supplyLine(trf.id, 6, 'shipped')],
      ])
      assert.equal((await t.services.inventory.position(w.skuA.id, w.whEast.id)).inTransit, 6, 'still in transit')
      await assertConsistent(t)
    })

    it('re-promises the orders on the transfer: a later day is a delay, an earlier one pulls them in', async () => {
      const trf = await transfer()
      const a = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[trf.id, 4, d(5)]], unallocated: 0, shipBy: d(6), deliverBy: d(7) })

      await moveEta(trf.id, { eta: d(9), reason: 'truck broke down' })
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[trf.id, 4, d(9)]], unallocated: 0, shipBy: d(10), deliverBy: d(11) })
      assert.deepEqual(await delays(), [{
        order_id: a, cause: 'transfer_delayed', reason: `Stock moving between our warehouses is now due from ${d(5)} to ${d(9)}.`,
        old_ship_by: day(6), new_ship_by: day(10), days_late: 4, status: 'open',
      }])
      assert.deepEqual((await outboxOf(t, 'order.delayed')).map((e) => [e.orderId, e.cause, e.oldShipBy, e.newShipBy]), [[a, 'transfer_delayed', d(6), d(10)]])
      assert.deepEqual(await slotTable(t, w.skuA.id, w.whEast.id), [[trf.id, 'transfer', 6, 4, d(9)]])
      await assertConsistent(t)

      await moveEta(trf.id, { eta: d(3), reason: 'a faster truck' })
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[trf.id, 4, d(3)]], unallocated: 0, shipBy: d(4), deliverBy: d(5) })
      assert.deepEqual((await outboxOf(t, 'order.promise_improved')).map((e) => [e.orderId, e.oldShipBy, e.newShipBy]), [[a, d(10), d(4)]])
      assert.equal((await delays()).length, 1, 'an earlier day is no delay')
      await assertConsistent(t)
    })

    it('refuses a received or cancelled transfer, a bad day, a missing reason, an unknown id and a wrong role, changing nothing', async () => {
      const open = await transfer()
      const received = await transfer()
      await call()('POST', `/v1/transfers/${received.id}/ship`, w.admin, {})
      await call()('POST', `/v1/transfers/${received.id}/receive`, w.admin, { receivedQuantity: 6 })
      const cancelled = await transfer()
      await call()('POST', `/v1/transfers/${cancelled.id}/cancel`, w.admin, { reason: 'not needed' })
      const store = await t.auth(`store:${w.store1.id}`)
      const snapshot = async () => ({
        transfers: await t.services.db.all('SELECT * FROM transfers ORDER BY id'),
        outbox: await t.services.db.all('SELECT id FROM outbox ORDER BY id'),
        movements: await movementCount(t),
        slots: await slotTable(t, w.skuA.id, w.whEast.id),
      })
      const before = await snapshot()
      const refused = async (id: string, body: object, status: number, code: string, headers: { authorization: string } = w.admin) => {
        const res = await call()('POST', `/v1/transfers/${id}/eta`, headers, body, status)
        assert.equal(res.json().code, code, `${JSON.stringify(body)}: ${res.body}`)
      }
      const ok = { eta: d(7), reason: 'late' }
      await refused(received.id, ok, 409, 'transfer_not_open')
      await refused(cancelled.id, ok, 409, 'transfer_not_open')
      for (const eta of ['2026-13-01', '2026-11-31', `${d(7)}T00:00:00Z`, '', 20261120]) await refused(open.id, { eta, reason: 'late' }, 400, 'invalid_request')
      await refused(open.id, { eta: d(-1), reason: 'late' }, 422, 'eta_in_past')
      for (const reason of [undefined, '', '   ', 'x'.repeat(201)]) await refused(open.id, { eta: d(7), reason }, 400, 'invalid_request')
      await refused(open.id, { ...ok, carrier: 'SF' }, 400, 'invalid_request')
      await refused('trf_nope', ok, 404, 'transfer_not_found')
      await refused(open.id, ok, 404, 'transfer_not_found', store)
      await refused(open.id, ok, 403, 'forbidden', await t.auth(`channel:${w.web.id}`))
      await refused(open.id, ok, 403, 'forbidden', w.s1Auth)
      assert.equal((await t.app.inject({ method: 'POST', url: `/v1/transfers/${open.id}/eta`, payload: ok })).statusCode, 401)
      assert.deepEqual(await snapshot(), before)
    })

    it('lets staff and a store at either end move it', async () => {
      const trf = await transfer('ST-1', 'ST-2')
      await moveEta(trf.id, { eta: d(6), reason: 'origin store is late' }, await t.auth(`store:${w.store1.id}`))
      await moveEta(trf.id, { eta: d(7), reason: 'carrier called the destination' }, await t.auth(`store:${w.store2.id}`))
      const moved = (await moveEta(trf.id, { eta: d(8), reason: 'ops' }, w.ops)).json()
      assert.equal(moved.eta, `${d(8)}T00:00:00.000Z`)
      assert.deepEqual((await outboxOf(t, 'supply.changed')).filter((e) => e.sourceId === trf.id).map((e) => e.reason ?? null),
        [null, 'origin store is late', 'carrier called the destination', 'ops'])
    })

    it('is in the OpenAPI document', async () => {
      const doc = (await call()('GET', '/openapi.json', w.admin)).json()
      const op = doc.paths['/v1/transfers/{id}/eta']?.post
      assert.ok(op, 'the route is documented')
      assert.deepEqual(op.requestBody.content['application/json'].schema.required, ['eta', 'reason'])
    })
  })
}
