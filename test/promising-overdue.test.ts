/**
 * Overdue supply: a confirmed PO line whose ETA passes without a delivery is expected one step
 * later at a time (the promising settings' overdueSupplyStepDays), and the daily sweep turns each
 * step into delays with compensation and a supply.overdue event — once a day however often it
 * is asked, and never again once the supplier gives a new date.
 */
import { afterEach, beforeEach, describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, backorder, confirmedPo, dayMs, dayStart, isoDay, outboxOf, promiseOf } from './helpers/repromise.ts'
import { allocateLine, overdueDay, type AllocationRule } from '../src/promising/index.ts'
import type { SupplySlot } from '../src/supply/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

test('overdue supply is expected whole steps after its day: the estimate moves once a step, not every day', () => {
  const due = 10 * dayMs
  const estimates = [9, 10, 11, 12, 13, 14, 16, 17].map((today) => overdueDay(due, today * dayMs, 3) / dayMs)
  assert.deepEqual(estimates, [10, 10, 13, 13, 13, 16, 16, 19])
  assert.equal(overdueDay(due, 12 * dayMs, 1) / dayMs, 12, 'a step of one day: expected today, every day')
})

test('a new line on overdue supply is promised for the estimate, within the horizon', () => {
  const slot: SupplySlot = { id: 'pol_1', skuId: 's', nodeId: 'n', kind: 'po_confirmed', quantity: 5, promised: 0, availableAtMs: 10 * dayMs, refId: null, supplierId: null }
  const rule: AllocationRule = {
    stock: true, virtual: false, virtualLeadDays: 0, slotKinds: ['po_confirmed'], slotIds: null, unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null, overdueStepDays: 4,
  }
  const empty = { onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 }
  const plan = allocateLine(empty, [slot], rule, 2, 12 * dayMs)
  assert.ok(plan.ok)
  assert.deepEqual(plan.value.allocation.parts, [{ source: 'pol_1', kind: 'po_confirmed', quantity: 2, availableAtMs: 14 * dayMs }])
  const beyond = allocateLine(empty, [slot], { ...rule, horizonDayMs: 13 * dayMs }, 2, 12 * dayMs)
  assert.deepEqual(beyond.ok ? 'accepted' : beyond.code, 'insufficient_supply', 'the estimate, not the passed day, counts against the horizon')
})

for (const kind of await storeKinds()) {
  describe(`overdue supply (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let clock: ManualClock
    let base: number
    /** `YYYY-MM-DD` n days after the day the test started. */
    const day = (n: number) => isoDay(base + n * dayMs)!
    const delays = async () => (await t.services.db.all<{ order_id: string; cause: string; reason: string; old_ship_by: number | string; new_ship_by: number | string; compensation: string }>(
      'SELECT order_id, cause, reason, old_ship_by, new_ship_by, compensation FROM order_delays ORDER BY id'))
      .map((r) => [r.order_id, r.cause, isoDay(Number(r.old_ship_by)), isoDay(Number(r.new_ship_by)), JSON.parse(r.compensation).amountMinor])

    beforeEach(async () => {
      clock = new ManualClock()
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      base = dayStart(clock.nowMs())
    })
    afterEach(() => t.close())

    it('moves the promises on a silent supplier’s PO one step at a time, with a delay and an event per step', async () => {
      const po = await confirmedPo(t, w, 10, 2)
      const a = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[po.lineId, 4, day(2)]], unallocated: 0, shipBy: day(3), deliverBy: day(4) })
      const sweep = () => t.services.repromising.sweepOverdue()

      clock.advance(2 * dayMs)
      assert.deepEqual(await sweep(), { claimed: true, slots: 0, positions: 0, linesChanged: 0, delayed: 0, improved: 0 }, 'due today is not late yet')

      // Day 3: one day past the ETA, the line is expected a step (3 days) after it.
      clock.advance(dayMs)
      const first = await sweep()
      assert.deepEqual([first.claimed, first.slots, first.delayed], [true, 1, 1])
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[po.lineId, 4, day(5)]], unallocated: 0, shipBy: day(6), deliverBy: day(7) })
      assert.deepEqual(await delays(), [[a, 'supply_overdue', day(3), day(6), 1500]])
      const [event] = await outboxOf(t, 'supply.overdue')
      assert.deepEqual(event, {
        skuId: w.skuA.id, nodeId: w.whEast.id, slotId: po.lineId, kind: 'po_confirmed', purchaseOrderId: po.id, supplierId: w.s1.id,
        quantity: 10, promised: 4, dueDate: day(2), daysOverdue: 1, expectedDate: day(5),
      })
      const [message] = await t.services.db.all<{ body: string }>(`SELECT body FROM customer_messages WHERE order_id = ? AND kind = 'delay'`, [a])
      assert.match(message.body, /late and has no new date yet/)
      assert.deepEqual(await sweep(), { claimed: false, slots: 0, positions: 0, linesChanged: 0, delayed: 0, improved: 0 }, 'once a day')
      assert.equal((await outboxOf(t, 'supply.overdue')).length, 1)
      await assertConsistent(t)

      // A new order the same day is promised for the same estimate.
      const b = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 2, channelId: w.web.id })
      assert.deepEqual((await promiseOf(t, b)).parts, [[po.lineId, 2, day(5)]])

      // Day 4 is within the step: still overdue (reported), nobody's date moves.
      clock.advance(dayMs)
      const within = await sweep()
      assert.deepEqual([within.claimed, within.slots, within.delayed], [true, 1, 0])
      // Day 6: past the estimate too; the next step is day 8, and both orders slip again.
      clock.advance(2 * dayMs)
      assert.equal((await sweep()).delayed, 2)
      assert.deepEqual(await delays(), [
        [a, 'supply_overdue', day(3), day(6), 1500], [a, 'supply_overdue', day(6), day(9), 1500], [b, 'supply_overdue', day(6), day(9), 1500],
      ], 'compensation counts from the first promise: the second slip pays only its own days')
      await assertConsistent(t)

      // The supplier answers with a new date: no longer overdue, and the promises follow it.
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: day(7), reason: 'truck found' })
      assert.deepEqual((await promiseOf(t, a)).shipBy, day(8))
      clock.advance(dayMs)
      assert.deepEqual([(await sweep()).slots, (await delays()).length], [0, 3], 'nothing overdue on day 7')
      await assertConsistent(t)
    })

    it('takes the step from the promising settings, validated', async () => {
      const call = requester(t)
      const settings = (await call('GET', '/v1/promising-settings', w.admin)).json()
      assert.equal(settings.overdueSupplyStepDays, 3)
      for (const bad of [0, 31, 1.5]) {
        const refused = (await call('PUT', '/v1/promising-settings', w.admin, { ...settings, overdueSupplyStepDays: bad }, bad === 1.5 ? 400 : 422)).json()
        assert.ok(['invalid_promising_settings', 'invalid_request'].includes(refused.code))
      }
      assert.equal((await call('GET', '/v1/promising-settings', w.admin)).json().overdueSupplyStepDays, 3, 'refusals change nothing')
      await call('PUT', '/v1/promising-settings', w.admin, { ...settings, overdueSupplyStepDays: 1 })
      const po = await confirmedPo(t, w, 10, 1)
      const a = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 1, channelId: w.web.id })
      clock.advance(3 * dayMs)
      assert.equal((await t.services.repromising.sweepOverdue()).delayed, 1)
      assert.deepEqual((await promiseOf(t, a)).parts, [[po.lineId, 1, day(3)]], 'a one-day step: expected today')
    })
  })
}
