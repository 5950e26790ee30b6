/** Presale orders over time on both stores: the deposit deadline, the balance window and forfeiture, ship-date modes, late compensation. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { assertSlotsMatchLines, dayMs, dayStart, isoDay, position, receive, type OrdersWorld } from './helpers/orders.ts'
import { createCampaign, dayAfter, getOrder, hourMs, iso, minuteMs, pay, presaleOrder, requester, seedPresale, slotRow } from './helpers/presale.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`presale orders over time (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => requester(t)
    const buy = async (campaignId: string, customerId: string, quantity: number, status = 201, extra: object = {}) =>
      (await presaleOrder(t, w.webAuth, campaignId, { customerId, quantity, ...extra }, status)).json()
    const timeline = async (id: string) => (await call()('GET', `/v1/orders/${id}/timeline`, w.admin)).json().items.map((e: { kind: string }) => e.kind)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPresale(t)
    })
    after(() => t.close())

    it('cancels an unpaid deposit after 30 minutes and frees its quota exactly once', async () => {
      const campaign = await createCampaign(t, w, { quota: 2, perCustomerLimit: null })
      const paid = await buy(campaign.id, 'e-1', 1)
      const unpaid = await buy(campaign.id, 'e-2', 1)
      assert.equal((await buy(campaign.id, 'e-3', 1, 409)).code, 'quota_exhausted')
      await pay(t, w, paid.id, 'deposit', 2000)
      clock.advance(30 * minuteMs - 1)
      await t.services.orders.sweepDue()
      assert.equal((await getOrder(t, w, unpaid.id)).status, 'pending_deposit', 'not a millisecond early')
      clock.advance(1)
      const sweeps = await Promise.all([t.services.orders.sweepDue(), t.services.orders.sweepDue()])
      assert.equal(sweeps.reduce((n, s) => n + s.expired, 0), 1, 'expired once, whichever sweeper got it')
      assert.deepEqual([(await getOrder(t, w, unpaid.id)).status, (await getOrder(t, w, paid.id)).status], ['cancelled', 'deposit_paid'])
      assert.equal((await slotRow(t, campaign.id))!.promised, 1, 'the unit went back to the quota')
      assert.equal((await t.services.orders.sweepDue()).expired, 0)
      assert.equal((await slotRow(t, campaign.id))!.promised, 1, 'and only once')
      await buy(campaign.id, 'e-4', 1)
      assert.equal((await buy(campaign.id, 'e-5', 1, 409)).code, 'quota_exhausted')
      assert.deepEqual(await timeline(unpaid.id), ['placed', 'expired'])
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    it('opens the balance window when the campaign ends; an unpaid balance forfeits the deposit', async () => {
      const c = call()
      const campaign = await createCampaign(t, w, { perCustomerLimit: null })
      const keeper = await buy(campaign.id, 'f-1', 1)
      const payer = await buy(campaign.id, 'f-2', 2)
      await pay(t, w, keeper.id, 'deposit', 2000)
      await pay(t, w, payer.id, 'deposit', 4000)
      assert.equal((await pay(t, w, payer.id, 'balance', 14000, 409)).json().code, 'balance_window_not_open', 'the final price is not known yet')
      clock.advance(hourMs)
      const endedAt = clock.nowMs()
      const ended = (await c('POST', `/v1/presale-campaigns/${campaign.id}/end`, w.admin)).json()
      assert.deepEqual([ended.status, ended.finalUnitPrice, ended.endedAt, ended.repricedAt], ['ended', 10000, new Date(endedAt).toISOString(), new Date(endedAt).toISOString()])
      const k = await getOrder(t, w, keeper.id)
      assert.deepEqual([k.status, k.total, k.amountOwed, k.paymentPlan.balance, k.paymentPlan.balanceBy, k.dueAt],
        ['deposit_paid', 10000, 7000, 7000, new Date(endedAt + 48 * hourMs).toISOString(), new Date(endedAt + 48 * hourMs).toISOString()])
      assert.equal((await pay(t, w, payer.id, 'balance', 14000)).json().amount, 14000)
      const p = await getOrder(t, w, payer.id)
      assert.deepEqual([p.status, p.paid, p.amountOwed, p.dueAt], ['paid', 18000, 0, null], 'the deposit counted 1.5×: 4000 paid counts 6000')
      clock.advance(48 * hourMs - 1)
      await t.services.orders.sweepDue()
      assert.equal((await getOrder(t, w, keeper.id)).status, 'deposit_paid')
      clock.advance(1)
      assert.equal((await t.services.orders.sweepDue()).forfeited, 1)
      const f = await getOrder(t, w, keeper.id)
      assert.deepEqual([f.status, f.paid, f.refundDue], ['cancelled', 2000, 0], 'the deposit is kept')
      assert.deepEqual(await timeline(keeper.id), ['placed', 'deposit_paid', 'presale_ended', 'forfeited'])
      assert.equal((await slotRow(t, campaign.id))!.promised, 2, 'the payer’s two units stay promised')
      assert.equal((await c('POST', `/v1/presale-campaigns/${campaign.id}/end`, w.admin, undefined, 409)).json().code, 'illegal_transition')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    it('lets the customer choose a ship day within the campaign’s range', async () => {
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, { perCustomerLimit: null, shipDate: { mode: 'customer_chosen', earliest: dayAfter(t0, 7), latest: dayAfter(t0, 12) } })
      assert.equal((await slotRow(t, campaign.id))!.availableAt, dayStart(t0) + 11 * dayMs, 'the slot is dated for the latest choosable day')
      const chosen = await buy(campaign.id, 'g-1', 1, 201, { shipDate: dayAfter(t0, 8) })
      assert.deepEqual([chosen.lines[0].promisedShipDate, chosen.lines[0].promisedDeliveryDate], [dayAfter(t0, 8), dayAfter(t0, 9)])
      const last = await buy(campaign.id, 'g-2', 1, 201, { shipDate: dayAfter(t0, 12) })
      assert.equal(last.lines[0].promisedShipDate, dayAfter(t0, 12))
      assert.equal((await buy(campaign.id, 'g-3', 1, 422)).code, 'ship_date_required')
      assert.equal((await buy(campaign.id, 'g-3', 1, 422, { shipDate: dayAfter(t0, 13) })).code, 'ship_date_out_of_range')
      assert.equal((await buy(campaign.id, 'g-3', 1, 422, { shipDate: dayAfter(t0, 6) })).code, 'ship_date_out_of_range')
    })

    it('ships N days after the balance: the latest day until paid, then the payment day plus N', async () => {
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, { perCustomerLimit: null, shipDate: { mode: 'after_balance', days: 3 } })
      // Planned end t0 + 5 days, 48 hours to pay: the latest ship day is t0 + 7 days + 3.
      const o = await buy(campaign.id, 'h-1', 1)
      assert.equal(o.lines[0].promisedShipDate, isoDay(dayStart(t0 + 7 * dayMs) + 3 * dayMs))
      await pay(t, w, o.id, 'deposit', 2000)
      clock.advance(24 * hourMs)
      await call()('POST', `/v1/presale-campaigns/${campaign.id}/end`, w.ops)
      clock.advance(5 * hourMs)
      await pay(t, w, o.id, 'balance', 7000)
      const paid = await getOrder(t, w, o.id)
      assert.deepEqual([paid.lines[0].promisedShipDate, paid.lines[0].firstPromisedShipDate, paid.lines[0].promisedDeliveryDate],
        [isoDay(dayStart(clock.nowMs()) + 3 * dayMs), isoDay(dayStart(clock.nowMs()) + 3 * dayMs), isoDay(dayStart(clock.nowMs()) + 4 * dayMs)])
      assert.deepEqual(await timeline(o.id), ['placed', 'deposit_paid', 'presale_ended', 'balance_paid', 'ship_date_set'])
    })

    // Re-promising dates every waiting line at its slot's day plus handling; a presale line's day
    // comes from the customer (or the balance payment), so a receipt must leave it alone.
    it('keeps a customer-chosen ship day when stock arrives at the node', async () => {
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, { sku: 'SKU-B', shipDate: { mode: 'customer_chosen', earliest: dayAfter(t0, 7), latest: dayAfter(t0, 12) } })
      const o = await buy(campaign.id, 'k-1', 1, 201, { shipDate: dayAfter(t0, 8) })
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 1 })
      assert.equal((await getOrder(t, w, o.id)).lines[0].promisedShipDate, dayAfter(t0, 8))
      assert.equal((await t.services.db.all('SELECT id FROM order_delays WHERE order_id = ?', [o.id])).length, 0)
    })

    it('settles a balance of nothing when the deposit covers the final price, instead of forfeiting it', async () => {
      const campaign = await createCampaign(t, w, {
        sku: 'SKU-B', perCustomerLimit: null,
        deposit: { perUnit: 5000, rule: { kind: 'fixed', amount: 5000 }, inflation: { kind: 'credit', creditPerUnit: 10000 } },
      })
      const a = await buy(campaign.id, 'z-1', 1)
      const b = await buy(campaign.id, 'z-2', 1)
      await pay(t, w, a.id, 'deposit', 5000)
      await pay(t, w, b.id, 'deposit', 5000)
      await call()('POST', `/v1/presale-campaigns/${campaign.id}/end`, w.ops)
      // A 50.00 deposit counts as the whole 100.00 price: nothing is left to pay.
      for (const id of [a.id, b.id]) {
        const o = await getOrder(t, w, id)
        assert.deepEqual([o.status, o.total, o.amountOwed, o.dueAt], ['paid', 10000, 0, null])
        assert.ok((await timeline(id)).includes('balance_paid'))
      }
      clock.advance(72 * hourMs)
      assert.equal((await t.services.orders.sweepDue()).forfeited, 0, 'nothing to forfeit')
      assert.deepEqual([(await getOrder(t, w, a.id)).status, (await getOrder(t, w, b.id)).status], ['paid', 'paid'])
    })

    it('settles a balance of nothing at once when the deposit is paid after the campaign was repriced', async () => {
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, {
        sku: 'SKU-B', perCustomerLimit: null, endsAt: iso(t0 + 2 * hourMs),
        deposit: { perUnit: 5000, rule: { kind: 'fixed', amount: 5000 }, inflation: { kind: 'credit', creditPerUnit: 10000 } },
      })
      clock.advance(2 * hourMs - 10 * minuteMs)
      const o = await buy(campaign.id, 'z-3', 1)
      clock.advance(15 * minuteMs)
      await t.services.presale.tick()
      assert.notEqual((await t.services.presale.get(campaign.id))!.repricedAtMs, null, 'ended and repriced before the deposit came')
      await pay(t, w, o.id, 'deposit', 5000)
      const settled = await getOrder(t, w, o.id)
      assert.deepEqual([settled.status, settled.paid, settled.amountOwed, settled.dueAt], ['paid', 5000, 0, null])
      assert.deepEqual((await timeline(o.id)).slice(-2), ['deposit_paid', 'balance_paid'])
      clock.advance(72 * hourMs)
      await t.services.orders.sweepDue()
      assert.equal((await getOrder(t, w, o.id)).status, 'paid', 'nothing to forfeit')
      assert.ok(!(await timeline(o.id)).includes('forfeited'))
    })

    it('owes compensation once when a paid order is not shipped by its day, and offers a full refund', async () => {
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, { perCustomerLimit: null, compensation: { kind: 'percent_of_deposit', percent: 10 }, shipDate: { mode: 'fixed', day: dayAfter(t0, 8) } })
      const o = await buy(campaign.id, 'j-1', 1)
      await pay(t, w, o.id, 'deposit', 2000)
      clock.advance(5 * 24 * hourMs)
      assert.equal((await t.services.presale.tick()).ended >= 1, true, 'the poller ends campaigns whose end passed')
      assert.equal((await t.services.presale.get(campaign.id))!.status, 'ended')
      await pay(t, w, o.id, 'balance', 7000)
      clock.advance(3 * 24 * hourMs)
      await t.services.presale.tick()
      const onTime = await t.services.db.all('SELECT id FROM order_delays WHERE order_id = ?', [o.id])
      assert.equal(onTime.length, 0, 'the ship day itself is not late')
      clock.advance(24 * hourMs)
      await t.services.presale.tick()
      await t.services.presale.tick()
      const delays = await t.services.db.all<{ cause: string; status: string; days_late: number | string; compensation: string; old_ship_by: number | string }>(
        'SELECT cause, status, days_late, compensation, old_ship_by FROM order_delays WHERE order_id = ?', [o.id])
      assert.deepEqual(delays.map((d) => [d.cause, d.status, Number(d.days_late), JSON.parse(d.compensation), Number(d.old_ship_by)]),
        [['presale_not_shipped', 'open', 1, { kind: 'presale_penalty', amountMinor: 200, currency: 'CNY', policy: 'percent_of_deposit' }, dayStart(t0) + 8 * dayMs]])
      const messages = await t.services.db.all<{ kind: string; body: string }>(`SELECT kind, body FROM customer_messages WHERE order_id = ? AND kind = 'delay'`, [o.id])
      assert.equal(messages.length, 1)
      assert.match(messages[0].body, /We owe you 2\.00 CNY/)
      const published = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'order.delayed' AND subject = ?`, [o.id])
      assert.deepEqual(published.map((e) => JSON.parse(e.payload)).map((p) => [p.cause, p.daysLate, p.compensation.amountMinor, p.oldShipBy, p.newShipBy]),
        [['presale_not_shipped', 1, 200, dayAfter(t0, 8), null]], 'channels hear of it as of any other delay')
      const cancelled = (await call()('POST', `/v1/orders/${o.id}/cancel`, w.webAuth, { acceptDelayOffer: true })).json()
      assert.deepEqual([cancelled.status, cancelled.paid, cancelled.refundDue], ['cancelled', 9000, 9000], 'everything back, deposit included')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })
  })

  describe(`presale stock taken back by a count (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPresale(t)
    })
    after(() => t.close())

    it('gives a presale line that lost its stock to a count the next stock to arrive, and then it ships', async () => {
      /** The order's updatedAt is now: each step below changes the order's lines. */
      const updatedNow = async (id: string, step: string) => assert.equal((await getOrder(t, w, id)).updatedAt, new Date(clock.nowMs()).toISOString(), step)
      const call = requester(t)
      const campaign = await createCampaign(t, w, { perCustomerLimit: null, quota: 4 })
      const o = (await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'c-1', quantity: 2 })).json()
      await pay(t, w, o.id, 'deposit', 4000)
      await call('POST', `/v1/presale-campaigns/${campaign.id}/end`, w.ops)
      await pay(t, w, o.id, 'balance', 14000)
      await receive(t, w, 'SKU-A', 'WH-E', 2)
      clock.advance(60_000)
      await call('POST', `/v1/presale-campaigns/${campaign.id}/allocate-stock`, w.ops)
      assert.equal((await getOrder(t, w, o.id)).lines[0].stockQuantity, 2)
      await updatedNow(o.id, 'stock allocated')
      clock.advance(60_000)
      // The count finds one of the two units the order holds: the line gives one back.
      await call('POST', '/v1/inventory/counts', w.admin, { sku: 'SKU-A', node: 'WH-E', countedQuantity: 1, reason: 'one missing' })
      let line = (await getOrder(t, w, o.id)).lines[0]
      assert.deepEqual([line.stockQuantity, line.unallocated], [1, 1])
      await updatedNow(o.id, 're-promised after the count')
      await call('POST', `/v1/orders/${o.id}/ship`, w.ops, {}, 409)
      await receive(t, w, 'SKU-A', 'WH-E', 5)
      clock.advance(60_000)
      assert.equal((await t.services.presale.tick()).stockLines, 1, 'the poller serves the line from the new stock')
      await updatedNow(o.id, 'served by the poller')
      line = (await getOrder(t, w, o.id)).lines[0]
      assert.deepEqual([line.stockQuantity, line.unallocated], [2, 0])
      const p = await position(t, w.skuA.id, w.whEast.id)
      assert.deepEqual([p.onHand, p.reserved], [6, 2])
      assert.equal((await call('POST', `/v1/orders/${o.id}/ship`, w.ops, {})).json().status, 'shipped')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })
  })
}
