/**
 * Re-promising on stock changes, on both stores: received goods go to waiting backorders first
 * (in priority order) before anyone new can buy them; a QC failure and a count shortage push
 * the last lines back with their cause; the supplier portal shows each PO line's earliest
 * customer promise.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, backorder, confirmedPo, inDays, placeOrder, promiseOf, slotTable, stockOnly } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`re-promising on stock changes (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const call = () => requester(t)
    const d = (days: number) => inDays(t, days)

    beforeEach(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    const order = (quantity: number) => backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity, channelId: w.web.id })
    const slots = () => slotTable(t, w.skuA.id, w.whEast.id)
    const position = () => t.services.inventory.position(w.skuA.id, w.whEast.id)
    const delayCauses = async () => (await t.services.db.all<{ order_id: string; cause: string; reason: string; days_late: number | null }>(
      'SELECT order_id, cause, reason, days_late FROM order_delays ORDER BY id')).map((r) => [r.order_id, r.cause, r.reason, r.days_late])

    it('gives a PO receipt to waiting backorders first: a new order right after it does not get that stock', async () => {
      const po = await confirmedPo(t, w, 10, 10)
      const a = await order(4)
      const b = await order(4)
      await call()('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { lines: [{ line: po.lineId, quantityPassed: 5 }] }, 201)
      assert.deepEqual(await promiseOf(t, a), { stock: 4, parts: [['stock', 4, d(0)]], unallocated: 0, shipBy: d(1), deliverBy: d(2) })
      assert.deepEqual(await promiseOf(t, b), { stock: 1, parts: [['stock', 1, d(0)], [po.lineId, 3, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) })
      assert.deepEqual(await slots(), [[po.lineId, 'po_confirmed', 5, 3, d(10)]])
      const p = await position()
      assert.deepEqual([p.onHand, p.reserved, p.sellable], [5, 5, 0])

      const refused = await placeOrder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 1, channelId: w.web.id, rule: stockOnly })
      assert.equal(refused.ok ? 'placed' : refused.code, 'insufficient_stock', 'the received units are already taken by the backorders')
      const c = await order(2)
      assert.deepEqual((await promiseOf(t, c)).parts, [[po.lineId, 2, d(10)]], 'a new sell-ahead order waits for the PO like the others')
      assert.equal((await t.services.db.all('SELECT id FROM order_delays')).length, 0)
      await assertConsistent(t)
    })

    it('gives stock freed by a cancelled or expired order to the earliest waiting backorder', async () => {
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 3 })
      const po = await confirmedPo(t, w, 10, 10)
      const a = await order(3)
      const b = await order(2)
      const c = await order(2)
      assert.deepEqual((await promiseOf(t, b)).parts, [[po.lineId, 2, d(10)]])
      const cancelled = await t.services.orders.act(a, 'cancel', { actor: 'test', party: 'merchant' })
      assert.ok(cancelled.ok, !cancelled.ok ? cancelled.detail : '')
      assert.deepEqual(await promiseOf(t, b), { stock: 2, parts: [['stock', 2, d(0)]], unallocated: 0, shipBy: d(1), deliverBy: d(2) })
      assert.deepEqual((await promiseOf(t, c)).parts, [['stock', 1, d(0)], [po.lineId, 1, d(10)]])
      assert.deepEqual(await slots(), [[po.lineId, 'po_confirmed', 10, 1, d(10)]])
      const p = await position()
      assert.deepEqual([p.onHand, p.reserved, p.sellable], [3, 3, 0], 'nobody new can take the freed units')
      const improved = await t.services.db.all<{ order_id: string }>(`SELECT order_id FROM customer_messages ORDER BY order_id`)
      assert.deepEqual(improved.map((m) => m.order_id), [b], 'b hears its date moved earlier; c still waits for the PO for one unit')
      await assertConsistent(t)
    })

    it('gives a plain stock receipt to waiting backorders first, in order', async () => {
      const po = await confirmedPo(t, w, 10, 10)
      const a = await order(3)
      const b = await order(3)
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 4 })
      assert.deepEqual((await promiseOf(t, a)).parts, [['stock', 3, d(0)]])
      assert.deepEqual((await promiseOf(t, b)).parts, [['stock', 1, d(0)], [po.lineId, 2, d(10)]])
      assert.deepEqual((await position()).sellable, 0)
      await assertConsistent(t)
    })

    it('pushes the last backorder back when received goods fail QC, naming the QC failure', async () => {
      const po1 = await confirmedPo(t, w, 10, 10)
      const po2 = await confirmedPo(t, w, 10, 20)
      const a = await order(5)
      const b = await order(5)
      await call()('POST', `/v1/purchase-orders/${po1.id}/receipts`, w.admin, { lines: [{ line: po1.lineId, quantityPassed: 3, quantityFailed: 2, failReason: 'torn' }] }, 201)
      assert.deepEqual(await promiseOf(t, a), { stock: 3, parts: [['stock', 3, d(0)], [po1.lineId, 2, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) })
      assert.deepEqual(await promiseOf(t, b), { stock: 0, parts: [[po1.lineId, 3, d(10)], [po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      assert.deepEqual(await delayCauses(), [[b, 'qc_failed', 'Part of a delivery failed our quality check.', 10]])
      await assertConsistent(t)
    })

    it('takes stock back from the last orders when a count finds less, and re-promises them on future supply', async () => {
      const po = await confirmedPo(t, w, 10, 10)
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 10 })
      const a = await order(4)
      const b = await order(4)
      const c = await order(2)
      assert.deepEqual((await promiseOf(t, c)).parts, [['stock', 2, d(0)]])
      await call()('POST', '/v1/inventory/counts', w.admin, { sku: 'SKU-A', node: 'WH-E', countedQuantity: 7, reason: 'cycle count' })
      assert.deepEqual((await promiseOf(t, a)).parts, [['stock', 4, d(0)]], 'the first order keeps its stock')
      assert.deepEqual(await promiseOf(t, b), { stock: 3, parts: [['stock', 3, d(0)], [po.lineId, 1, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) })
      assert.deepEqual(await promiseOf(t, c), { stock: 0, parts: [[po.lineId, 2, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) })
      const shortage = 'A stock count found fewer units in our warehouse than our records showed.'
      assert.deepEqual(await delayCauses(), [[b, 'shortage', shortage, 10], [c, 'shortage', shortage, 10]])
      const p = await position()
      assert.deepEqual([p.onHand, p.reserved, p.sellable], [7, 7, 0], 'no shortage is left')
      assert.deepEqual(await slots(), [[po.lineId, 'po_confirmed', 10, 3, d(10)]])
      await assertConsistent(t)
    })

    it('shows suppliers the earliest customer promise on each PO line, through the line and its ASNs', async () => {
      const c = call()
      const po = await confirmedPo(t, w, 10, 10)
      const idle = await confirmedPo(t, w, 10, 12)
      const shown = async (poId: string) => (await c('GET', `/v1/purchase-orders/${poId}`, w.s1Auth)).json().lines.map((l: { earliestCustomerPromiseDate: string | null }) => l.earliestCustomerPromiseDate)
      assert.deepEqual(await shown(po.id), [null], 'nobody waits yet')
      await order(4)
      await order(4)
      assert.deepEqual(await shown(po.id), [d(11)])
      assert.deepEqual(await shown(idle.id), [null])

      // Part of the line ships early on an ASN: the first orders move to it.
      await c('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, { eta: d(7), lines: [{ line: po.lineId, quantity: 5 }] }, 201)
      assert.deepEqual(await shown(po.id), [d(8)], 'the ASN’s units count for their PO line')
      const list = (await c('GET', '/v1/purchase-orders', w.s1Auth)).json()
      assert.deepEqual(list.items.map((p: { id: string; lines: Array<{ earliestCustomerPromiseDate: string | null }> }) => [p.id, p.lines[0].earliestCustomerPromiseDate]),
        [[idle.id, null], [po.id, d(8)]])
      const moved = (await c('POST', `/v1/purchase-orders/${idle.id}/lines/${idle.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'later' })).json()
      assert.equal(moved.lines[0].earliestCustomerPromiseDate, null)
      await c('GET', `/v1/purchase-orders/${po.id}`, w.s2Auth, undefined, 404)
      await assertConsistent(t)
    })
  })
}
