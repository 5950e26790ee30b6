/**
 * Customer tiers end to end over HTTP, on both stores: a tier in the promising settings gives the
 * orders of its customers a priority class, and re-promising after a supplier's quantity cut
 * serves by it: the higher-tier customer who ordered later keeps the supply, the earlier customer
 * of no tier is delayed. The same orders with a tier of class 0 are served first come first served,
 * so it is the tier that changed the outcome.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, confirmedPo, inDays, outboxOf, promiseOf } from './helpers/repromise.ts'
import { newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`customer tiers order re-promising (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const d = (days: number) => inDays(t, days)
    const day = (days: number) => Date.parse(`${d(days)}T00:00:00Z`)

    beforeEach(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    /**
     * Tiers gold → 5 and basic → 0. PO 1 (10 units, due in 10 days) and PO 2 (10, in 20). An early
     * customer with no tier orders 4, then a customer of `tier` orders 4, then a late one with no
     * tier orders 2: all on PO 1. The supplier cuts PO 1 by 4 units.
     */
    async function cutAfterOrders(tier: 'gold' | 'basic') {
      const call = requester(t)
      await call('PUT', '/v1/promising-settings', w.admin, { paymentWindowMinutes: 60 * 24, transitDays: { sameRegion: 1, otherRegion: 3 }, customerTiers: { gold: 5, basic: 0 } })
      await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 300, capMinor: 10_000, graceDays: 0 })
      await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
      const po1 = await confirmedPo(t, w, 10, 10)
      const po2 = await confirmedPo(t, w, 10, 20)
      const channel = await t.auth(`channel:${w.web.id}`)
      const order = async (customerId: string, quantity: number, customerTier?: string) => (await call('POST', '/v1/orders', channel, {
        customerId, lines: [{ sku: 'SKU-A', quantity, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' }, ...(customerTier && { customerTier }),
      }, 201, { 'idempotency-key': newKey() })).json()
      const early = await order('cus_early', 4)
      const tiered = await order(`cus_${tier}`, 4, tier)
      const late = await order('cus_late', 2)
      assert.deepEqual([early.lines[0].priorityClass, tiered.lines[0].priorityClass, late.lines[0].priorityClass], [0, tier === 'gold' ? 5 : 0, 0], 'the tier sets the priority class')
      for (const o of [early, tiered, late]) assert.deepEqual((await promiseOf(t, o.id)).parts, [[po1.lineId, o.lines[0].quantity, d(10)]], 'all on PO 1 before the cut')
      const delayedBefore = (await outboxOf(t, 'order.delayed')).length
      await call('POST', `/v1/purchase-orders/${po1.id}/lines/${po1.lineId}/cancel`, w.s1Auth, { quantity: 4, reason: 'short of fabric' })
      const delays = (await t.services.db.all<{ order_id: string; cause: string; old_ship_by: number | string; new_ship_by: number | string; days_late: number | string; compensation: string }>(
        'SELECT order_id, cause, old_ship_by, new_ship_by, days_late, compensation FROM order_delays ORDER BY id')).map((r) => ({
        orderId: r.order_id, cause: r.cause, oldShipBy: Number(r.old_ship_by), newShipBy: Number(r.new_ship_by), daysLate: Number(r.days_late), amountMinor: JSON.parse(r.compensation).amountMinor,
      }))
      const events = (await outboxOf(t, 'order.delayed')).slice(delayedBefore).map((e) => [e.orderId, e.customerId])
      return { po1, po2, early: early.id, tiered: tiered.id, late: late.id, delays, events }
    }

    it('a higher-tier customer who ordered later keeps the cut supply; the earlier customer of no tier is delayed', async () => {
      const { po1, po2, early, tiered, late, delays, events } = await cutAfterOrders('gold')
      assert.deepEqual(await promiseOf(t, tiered), { stock: 0, parts: [[po1.lineId, 4, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) }, 'gold keeps PO 1')
      assert.deepEqual(await promiseOf(t, early), { stock: 0, parts: [[po1.lineId, 2, d(10)], [po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      assert.deepEqual(await promiseOf(t, late), { stock: 0, parts: [[po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      // 10 days late × 3.00.
      assert.deepEqual(delays, [early, late].map((orderId) => ({ orderId, cause: 'quantity_cut', oldShipBy: day(11), newShipBy: day(21), daysLate: 10, amountMinor: 3000 })))
      assert.deepEqual(events, [[early, 'cus_early'], [late, 'cus_late']], 'the gold customer is not told of a delay')
      const view = (await requester(t)('GET', `/v1/orders/${tiered}`, w.admin)).json()
      assert.deepEqual([view.lines[0].priorityClass, view.lines[0].promisedShipDate], [5, d(11)])
      await assertConsistent(t)
    })

    it('the same orders with a tier of class 0 are served first come first served: the later customer is the one delayed', async () => {
      const { po1, po2, early, tiered, late, delays, events } = await cutAfterOrders('basic')
      assert.deepEqual(await promiseOf(t, early), { stock: 0, parts: [[po1.lineId, 4, d(10)]], unallocated: 0, shipBy: d(11), deliverBy: d(12) }, 'first come keeps PO 1')
      assert.deepEqual(await promiseOf(t, tiered), { stock: 0, parts: [[po1.lineId, 2, d(10)], [po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      assert.deepEqual(await promiseOf(t, late), { stock: 0, parts: [[po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      assert.deepEqual(delays, [tiered, late].map((orderId) => ({ orderId, cause: 'quantity_cut', oldShipBy: day(11), newShipBy: day(21), daysLate: 10, amountMinor: 3000 })))
      assert.deepEqual(events, [[tiered, 'cus_basic'], [late, 'cus_late']])
      await assertConsistent(t)
    })
  })
}
