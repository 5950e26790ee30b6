/**
 * A tiered presale end to end over HTTP on both stores: publish → orders at the tier reached →
 * deposits from the payment provider → an unpaid deposit expires → the campaign ends on its own →
 * every order repriced at the final tier (never above what it was shown) → balances → stock
 * arrives → presale lines move from the quota to stock → the merchant ships.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { assertSlotsMatchLines, receive, type OrdersWorld } from './helpers/orders.ts'
import { createCampaign, dayAfter, getOrder, hourMs, minuteMs, pay, presaleOrder, requester, seedPresale, slotRow } from './helpers/presale.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`a tiered presale end to end (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPresale(t)
    })
    after(() => t.close())

    it('runs from publish to repricing to balance to shipping', async () => {
      const call = requester(t)
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, {
        code: 'DOUBLE11-JACKET', quota: 20, perCustomerLimit: 2,
        pricing: { kind: 'tiered', tiers: [{ fromUnits: 0, unitPrice: 10000 }, { fromUnits: 3, unitPrice: 9000 }, { fromUnits: 5, unitPrice: 8000 }] },
        // 15.00 is at most 20 % of the lowest tier (16.00); it counts double toward the price.
        deposit: { perUnit: 1500, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 }, inflation: { kind: 'multiplier', factor: 2 } },
        endsAt: new Date(t0 + 2 * 24 * hourMs).toISOString(), balanceWindowHours: 24, shipDate: { mode: 'fixed', day: dayAfter(t0, 6) },
      })
      const buy = async (customerId: string, quantity: number) => (await presaleOrder(t, w.webAuth, campaign.id, { customerId, quantity })).json()
      const c1 = await buy('alice', 2)
      const c2 = await buy('bob', 1)
      const c3 = await buy('carol', 2)
      const c4 = await buy('dave', 1)
      const c5 = await buy('erin', 1)
      const shown = [c1, c2, c3, c4, c5].map((o) => o.lines[0].unitPrice)
      assert.deepEqual(shown, [10000, 10000, 9000, 8000, 8000], 'each order at the tier reached when it was placed')
      assert.deepEqual([c1.paymentPlan.deposit, c1.paymentPlan.depositCredit, c1.paymentPlan.balance, c3.total], [3000, 6000, 14000, 18000])
      assert.equal((await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'alice', quantity: 1 }, 409)).json().code, 'per_customer_limit_exceeded')

      for (const [o, amount] of [[c1, 3000], [c2, 1500], [c3, 3000], [c5, 1500]] as const) {
        assert.equal((await pay(t, w, o.id, 'deposit', amount)).json().kind, 'deposit')
      }
      clock.advance(30 * minuteMs)
      await t.services.orders.sweepDue()
      assert.equal((await getOrder(t, w, c4.id)).status, 'cancelled', 'dave never paid his deposit')
      const live = (await call('GET', `/v1/presale-campaigns/${campaign.id}`, w.webAuth)).json()
      assert.deepEqual([live.unitsSold, live.quotaRemaining, live.currentUnitPrice], [6, 14, 8000])

      clock.advance(2 * 24 * hourMs)
      const polled = await t.services.presale.tick()
      assert.deepEqual([polled.ended, polled.repriced], [1, 0], 'ended and repriced by the poller in one go')
      const ended = (await call('GET', `/v1/presale-campaigns/${campaign.id}`, w.admin)).json()
      assert.deepEqual([ended.status, ended.finalUnitPrice, ended.endedAt, ended.quotaRemaining], ['ended', 8000, new Date(t0 + 2 * 24 * hourMs).toISOString(), 0])
      assert.deepEqual(await slotRow(t, campaign.id), { kind: 'presale', quantity: 6, promised: 6, availableAt: Date.parse(`${dayAfter(t0, 5)}T00:00:00Z`) }, 'the unsold quota is closed')

      const balanceBy = new Date(t0 + 3 * 24 * hourMs).toISOString()
      const expected: Array<[typeof c1, number, number]> = [[c1, 16000, 10000], [c2, 8000, 5000], [c3, 16000, 10000], [c5, 8000, 5000]]
      for (const [o, total, balance] of expected) {
        const now = await getOrder(t, w, o.id)
        assert.deepEqual([now.status, now.total, now.paymentPlan.balance, now.amountOwed, now.dueAt, now.lines[0].unitPrice],
          ['deposit_paid', total, balance, balance, balanceBy, 8000], o.id)
        assert.ok(now.lines[0].unitPrice <= o.lines[0].unitPrice, 'never above the price shown')
      }
      const messages = await t.services.db.all<{ order_id: string; kind: string; body: string }>(`SELECT order_id, kind, body FROM customer_messages WHERE kind LIKE 'presale%' ORDER BY order_id`)
      assert.deepEqual(messages.map((m) => [m.order_id, m.kind]).sort(), [[c1.id, 'presale_repriced'], [c2.id, 'presale_repriced'], [c3.id, 'presale_repriced'], [c5.id, 'presale_balance_due']].sort())
      assert.match(messages.find((m) => m.order_id === c1.id)!.body, /now costs 160\.00 CNY instead of 200\.00 CNY/)
      const c1Events = (await call('GET', `/v1/orders/${c1.id}/timeline`, w.admin)).json().items
      assert.deepEqual(c1Events.find((e: { kind: string }) => e.kind === 'presale_repriced').detail.total, 16000)
      assert.deepEqual((await t.services.presale.tick()).repriced, 0, 'repriced once')

      for (const [o, , balance] of expected) assert.equal((await pay(t, w, o.id, 'balance', balance)).json().amount, balance)
      assert.equal((await call('POST', `/v1/orders/${c1.id}/ship`, w.admin, {}, 409)).json().code, 'not_ready_to_ship', 'nothing has arrived yet')

      clock.advance(24 * hourMs)
      await receive(t, w, 'SKU-A', 'WH-E', 3)
      const afterReceipt = await getOrder(t, w, c1.id)
      assert.equal(afterReceipt.lines[0].promisedShipDate, dayAfter(t0, 6), 'a receipt re-promises the position without moving the campaign’s day')
      assert.equal((await t.services.db.all('SELECT id FROM order_delays')).length, 0)
      const moved = (await call('POST', `/v1/presale-campaigns/${campaign.id}/allocate-stock`, w.ops)).json()
      assert.deepEqual(moved, { lines: 2, units: 3 }, 'alice (2) then bob (1), first come first served')
      const a = await getOrder(t, w, c1.id)
      assert.deepEqual([a.lines[0].stockQuantity, a.lines[0].allocations.map((p: { source: string; quantity: number }) => [p.source, p.quantity])], [2, [['stock', 2]]])
      assert.equal((await call('POST', `/v1/orders/${c1.id}/ship`, w.admin, { carrier: 'SF', tracking: 'SF1' })).json().status, 'shipped')
      assert.equal((await call('POST', `/v1/orders/${c2.id}/ship`, w.admin, {})).json().status, 'shipped')
      assert.equal((await call('POST', `/v1/orders/${c3.id}/ship`, w.admin, {}, 409)).json().code, 'not_ready_to_ship')

      await receive(t, w, 'SKU-A', 'WH-E', 3)
      assert.equal((await t.services.presale.tick()).stockLines, 2, 'the poller moves the rest onto the new stock')
      for (const o of [c3, c5]) assert.equal((await call('POST', `/v1/orders/${o.id}/ship`, w.admin, {})).json().status, 'shipped')
      assert.equal(await slotRow(t, campaign.id), undefined, 'the quota is used up')
      const pos = await t.services.inventory.position(w.skuA.id, w.whEast.id)
      assert.deepEqual([pos.onHand, pos.reserved, pos.sellable], [0, 0, 0])
      const money = await t.services.db.get<{ total: number | string; paid: number | string }>(`SELECT SUM(total) AS total, SUM(paid) AS paid FROM orders WHERE campaign_id = ? AND status = 'shipped'`, [campaign.id])
      assert.deepEqual([Number(money!.total), Number(money!.paid)], [48000, 48000 - 6 * 1500], 'paid = total less what the deposits counted beyond themselves')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })
  })
}
