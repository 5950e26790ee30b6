/** Presale campaigns over HTTP on both stores: terms, publishing, quota, the window, limits and quota under concurrency, cancelling, demand. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { assertSlotsMatchLines, dayMs, dayStart, newKey, receive, type OrdersWorld } from './helpers/orders.ts'
import { campaignBody, createCampaign, dayAfter, hourMs, pay, presaleOrder, requester, seedPresale, slotRow } from './helpers/presale.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`presale campaigns (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => requester(t)
    const buy = (campaignId: string, customerId: string, quantity: number, status = 201, extra: object = {}) =>
      presaleOrder(t, w.webAuth, campaignId, { customerId, quantity, ...extra }, status)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPresale(t)
    })
    after(() => t.close())

    it('creates a draft, publishes its quota as a slot, raises but never lowers the quota', async () => {
      const c = call()
      const t0 = clock.nowMs()
      const draft = (await c('POST', '/v1/presale-campaigns', w.admin, campaignBody(t0, { code: 'JACKET-1' }), 201)).json()
      assert.deepEqual([draft.status, draft.quota, draft.quotaRemaining, draft.currentUnitPrice, draft.depositDeadlineMinutes], ['draft', 10, 10, 10000, 30])
      assert.deepEqual(draft.deposit, { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 100 }, inflation: { kind: 'multiplier', factor: 1.5 } })
      await c('POST', '/v1/presale-campaigns', w.admin, campaignBody(t0, { code: 'JACKET-1' }), 409)
      await c('GET', `/v1/presale-campaigns/${draft.id}`, w.webAuth, undefined, 404)
      assert.equal((await c('GET', '/v1/presale-campaigns/JACKET-1', w.admin)).json().id, draft.id, 'by code')
      assert.equal(await slotRow(t, draft.id), undefined, 'a draft sells nothing')

      const lowered = (await c('POST', `/v1/presale-campaigns/${draft.id}/quota`, w.admin, { quota: 8 })).json()
      assert.equal(lowered.quota, 8, 'a draft’s quota moves freely')
      const published = (await c('POST', `/v1/presale-campaigns/${draft.id}/publish`, w.ops)).json()
      assert.equal(published.status, 'published')
      // The node handles in 1 day (24 h): the units must be there the day before they ship.
      assert.deepEqual(await slotRow(t, draft.id), { kind: 'presale', quantity: 8, promised: 0, availableAt: dayStart(t0) + 9 * dayMs })
      assert.equal((await c('GET', `/v1/presale-campaigns/${draft.id}`, w.webAuth)).json().status, 'published', 'channels read published campaigns')

      const refused = (await c('POST', `/v1/presale-campaigns/${draft.id}/quota`, w.admin, { quota: 7 }, 409)).json()
      assert.deepEqual([refused.code, refused.quota], ['quota_cannot_decrease', 8])
      assert.equal((await c('POST', `/v1/presale-campaigns/${draft.id}/quota`, w.admin, { quota: 12 })).json().quota, 12)
      assert.equal((await slotRow(t, draft.id))!.quantity, 12)
      assert.equal((await c('PATCH', `/v1/presale-campaigns/${draft.id}`, w.admin, { quota: 20 }, 409)).json().code, 'illegal_transition')
      assert.equal((await c('POST', `/v1/presale-campaigns/${draft.id}/publish`, w.admin, undefined, 409)).json().code, 'illegal_transition')
      await c('POST', `/v1/presale-campaigns/${draft.id}/quota`, w.webAuth, { quota: 30 }, 403)
      const events = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'presale_campaign.changed' AND subject = ? ORDER BY id`, [draft.id])
      assert.deepEqual(events.map((e) => JSON.parse(e.payload).change), ['created', 'quota_changed', 'published', 'quota_changed'])
    })

    it('publishes a draft whose node is no longer in the lookup cache', async () => {
      const draft = await createCampaign(t, w, {}, false)
      // Past the catalogue's 5 s cache: publishing looks the node up afresh, inside its transaction.
      clock.advance(6_000)
      assert.equal((await call()('POST', `/v1/presale-campaigns/${draft.id}/allocate-stock`, w.ops, undefined, 409)).json().code, 'illegal_transition', 'a draft has no orders to give stock to')
      const published = (await call()('POST', `/v1/presale-campaigns/${draft.id}/publish`, w.admin, undefined, 200)).json()
      assert.equal(published.status, 'published')
      assert.equal((await slotRow(t, draft.id))?.quantity, 10)
    })

    it('refuses bad terms with a code and changes nothing', async () => {
      const c = call()
      const t0 = clock.nowMs()
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ deposit: { perUnit: 2100, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 } } }, 422, 'deposit_above_limit'],
        [{ deposit: { perUnit: 1000, rule: { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50 } } }, 422, 'deposit_below_limit'],
        [{ deposit: { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 }, inflation: { kind: 'credit', creditPerUnit: 10001 } } }, 422, 'deposit_credit_above_price'],
        [{ pricing: { kind: 'tiered', tiers: [{ fromUnits: 0, unitPrice: 10000 }, { fromUnits: 5, unitPrice: 10000 }] } }, 422, 'invalid_tiers'],
        [{ endsAt: new Date(t0 - 1).toISOString() }, 422, 'invalid_window'],
        [{ sku: 'NOPE' }, 422, 'unknown_sku'],
        [{ shipDate: { mode: 'fixed', day: dayAfter(t0, 1) } }, 422, 'ship_date_before_end'],
        [{ quota: 0 }, 400, 'invalid_request'],
        [{ quota: 1_000_000_000, pricing: { kind: 'fixed', unitPrice: 1e12 }, deposit: { perUnit: 1e11, rule: { kind: 'fixed', amount: 1e11 } } }, 422, 'total_too_large'],
        [{ currency: 'ZZZ' }, 422, 'unknown_currency'],
      ]
      const before = await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM presale_campaigns')
      for (const [over, status, code] of cases) {
        assert.equal((await c('POST', '/v1/presale-campaigns', w.admin, campaignBody(t0, over), status)).json().code, code, JSON.stringify(over))
      }
      assert.deepEqual(await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM presale_campaigns'), before)
      const late = (await c('POST', '/v1/presale-campaigns', w.admin, campaignBody(t0, { startsAt: new Date(t0 - 2 * hourMs).toISOString(), endsAt: new Date(t0 - hourMs).toISOString() }), 201)).json()
      assert.equal((await c('POST', `/v1/presale-campaigns/${late.id}/publish`, w.admin, undefined, 409)).json().code, 'campaign_window_passed')
      assert.equal(await slotRow(t, late.id), undefined)
    })

    it('sells inside the window only, at the campaign price with a deposit, and takes no promotions', async () => {
      const c = call()
      const t0 = clock.nowMs()
      const campaign = await createCampaign(t, w, { startsAt: new Date(t0 + hourMs).toISOString(), endsAt: new Date(t0 + 3 * 24 * hourMs).toISOString() })
      assert.equal((await buy(campaign.id, 'cust-early', 1, 409)).json().code, 'campaign_not_started')
      clock.advance(hourMs)
      assert.equal((await buy(campaign.id, 'cust-1', 1, 422, { promotions: ['DOUBLE11'] })).json().code, 'promotions_not_allowed')
      assert.equal((await buy(campaign.id, 'cust-1', 1, 422, { coupon: 'SAVE10' })).json().code, 'promotions_not_allowed')
      assert.equal((await buy(campaign.id, 'cust-1', 1, 422, { shipDate: dayAfter(t0, 12) })).json().code, 'ship_date_not_choosable')
      await c('POST', `/v1/presale-campaigns/${campaign.id}/orders`, w.webAuth, { customerId: 'cust-1', quantity: 1 }, 400)

      const key = newKey()
      const placed = (await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'cust-1', quantity: 2 }, 201, key)).json()
      assert.deepEqual([placed.status, placed.campaignId, placed.channelId, placed.total, placed.amountOwed], ['pending_deposit', campaign.id, w.web.id, 20000, 20000])
      assert.deepEqual(placed.paymentPlan, {
        kind: 'deposit', deposit: 4000, depositCredit: 6000, balance: 14000,
        balanceFrom: new Date(t0 + 3 * 24 * hourMs).toISOString(), balanceBy: new Date(t0 + 5 * 24 * hourMs).toISOString(),
      })
      assert.equal(placed.dueAt, new Date(clock.nowMs() + 30 * 60_000).toISOString(), 'deposit due in 30 minutes')
      assert.deepEqual(placed.lines[0].allocations, [{ source: campaign.id, kind: 'presale', quantity: 2, readyDate: dayAfter(t0, 9) }])
      assert.equal(placed.lines[0].promisedShipDate, dayAfter(t0, 10), 'the campaign’s ship day')
      assert.equal(placed.lines[0].unitPrice, 10000)
      const replay = await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'cust-1', quantity: 2 }, 201, key)
      assert.deepEqual([replay.json().id, replay.headers['idempotent-replayed']], [placed.id, 'true'])
      assert.equal((await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'cust-1', quantity: 3 }, 422, key)).json().code, 'idempotency_key_reused')

      const staff = await presaleOrder(t, w.ops, campaign.id, { customerId: 'cust-2', quantity: 1, channel: 'app' })
      assert.equal(staff.json().channelId, w.app.id, 'staff place for a named channel')
      assert.equal((await presaleOrder(t, w.ops, campaign.id, { customerId: 'cust-2', quantity: 1 }, 422)).json().code, 'channel_required')

      clock.advance(3 * 24 * hourMs - hourMs)
      assert.equal((await buy(campaign.id, 'cust-3', 1, 409)).json().code, 'campaign_ended', 'the window closes at endsAt even before the poller ends it')
      assert.equal((await slotRow(t, campaign.id))!.promised, 3)
      await assertSlotsMatchLines(t)
    })

    it('holds the per-customer limit under concurrency: exactly the limit is accepted', async () => {
      const campaign = await createCampaign(t, w, { quota: 100, perCustomerLimit: 3 })
      const results = await Promise.all(Array.from({ length: 12 }, () => t.app.inject({
        method: 'POST', url: `/v1/presale-campaigns/${campaign.id}/orders`, headers: { ...w.webAuth, 'idempotency-key': newKey() }, payload: { customerId: 'cust-y', quantity: 1 },
      })))
      const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code)).sort()
      assert.deepEqual(codes, [...Array(9).fill('per_customer_limit_exceeded'), 'ok', 'ok', 'ok'].sort())
      const twos = await Promise.all(Array.from({ length: 6 }, () => t.app.inject({
        method: 'POST', url: `/v1/presale-campaigns/${campaign.id}/orders`, headers: { ...w.webAuth, 'idempotency-key': newKey() }, payload: { customerId: 'cust-z', quantity: 2 },
      })))
      assert.equal(twos.filter((r) => r.statusCode === 201).length, 1, 'two units fit the limit of 3 once')
      const refused = twos.find((r) => r.statusCode === 409)!.json()
      assert.deepEqual([refused.code, refused.limit, refused.alreadyOrdered, refused.available], ['per_customer_limit_exceeded', 3, 2, 1])
      assert.equal((await buy(campaign.id, 'cust-z', 1)).json().total, 10000, 'the last unit of the limit')
      const held = await t.services.db.all<{ customer_id: string; n: number | string }>(
        `SELECT customer_id, SUM(quantity) AS n FROM order_lines WHERE campaign_id = ? AND status <> 'cancelled' GROUP BY customer_id ORDER BY customer_id`, [campaign.id])
      assert.deepEqual(held.map((r) => [r.customer_id, Number(r.n)]), [['cust-y', 3], ['cust-z', 3]])
      await assertSlotsMatchLines(t)
    })

    it('sells a campaign only on channels whose sell-ahead policy includes presale', async () => {
      const campaign = await createCampaign(t, w, { sku: 'SKU-B', quota: 5, perCustomerLimit: null })
      await call()('PUT', '/v1/skus/SKU-B/sell-ahead-policy?channel=app', w.ops, { kinds: ['stock'], horizonDays: 0 })
      const refused = (await presaleOrder(t, w.appAuth, campaign.id, { customerId: 'no-presale', quantity: 1 }, 409)).json()
      assert.equal(refused.code, 'presale_not_sold_here')
      assert.equal((await slotRow(t, campaign.id))?.promised, 0, 'nothing taken')
      await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'no-presale', quantity: 1 }, 201)
      await call()('PUT', '/v1/skus/SKU-B/sell-ahead-policy?channel=app', w.ops, { kinds: ['stock', 'presale'], horizonDays: 0 })
      await presaleOrder(t, w.appAuth, campaign.id, { customerId: 'no-presale', quantity: 1 }, 201)
      await t.app.inject({ method: 'DELETE', url: '/v1/skus/SKU-B/sell-ahead-policy?channel=app', headers: w.ops })
      await call()('POST', `/v1/presale-campaigns/${campaign.id}/cancel`, w.admin, { reason: 'test over' })
    })

    it('counts the per-customer limit per channel: a customer id is the channel’s own', async () => {
      const campaign = await createCampaign(t, w, { quota: 100, perCustomerLimit: 2 })
      const both = await Promise.all([w.webAuth, w.appAuth, w.webAuth, w.appAuth].map((auth) => t.app.inject({
        method: 'POST', url: `/v1/presale-campaigns/${campaign.id}/orders`, headers: { ...auth, 'idempotency-key': newKey() }, payload: { customerId: 'same-id', quantity: 1 },
      })))
      assert.deepEqual(both.map((r) => r.statusCode), [201, 201, 201, 201], 'two per channel, placed together')
      for (const auth of [w.webAuth, w.appAuth]) assert.equal((await presaleOrder(t, auth, campaign.id, { customerId: 'same-id', quantity: 1 }, 409)).json().code, 'per_customer_limit_exceeded')
    })

    it('sells exactly the quota under concurrency, then more once it is raised', async () => {
      const campaign = await createCampaign(t, w, { quota: 5, perCustomerLimit: null })
      const results = await Promise.all(Array.from({ length: 9 }, (_, i) => t.app.inject({
        method: 'POST', url: `/v1/presale-campaigns/${campaign.id}/orders`, headers: { ...w.webAuth, 'idempotency-key': newKey() }, payload: { customerId: `q-${i}`, quantity: 1 },
      })))
      assert.deepEqual(results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code)).sort(), [...Array(5).fill('ok'), ...Array(4).fill('quota_exhausted')].sort())
      assert.deepEqual(await slotRow(t, campaign.id), { kind: 'presale', quantity: 5, promised: 5, availableAt: dayStart(clock.nowMs()) + 9 * dayMs })
      const view = (await call()('GET', `/v1/presale-campaigns/${campaign.id}`, w.webAuth)).json()
      assert.deepEqual([view.unitsSold, view.quotaRemaining], [5, 0])
      await call()('POST', `/v1/presale-campaigns/${campaign.id}/quota`, w.admin, { quota: 6 })
      await buy(campaign.id, 'q-late', 1)
      assert.equal((await buy(campaign.id, 'q-later', 1, 409)).json().code, 'quota_exhausted')
      await assertSlotsMatchLines(t)
      await assertLedgerConsistent(t)
    })

    it('cancelling a campaign cancels its open orders with a full refund owed, deposits included', async () => {
      const c = call()
      const campaign = await createCampaign(t, w, { perCustomerLimit: null })
      const paidOne = (await buy(campaign.id, 'cx-1', 2)).json()
      const unpaid = (await buy(campaign.id, 'cx-2', 1)).json()
      await pay(t, w, paidOne.id, 'deposit', 4000)
      const done = (await c('POST', `/v1/presale-campaigns/${campaign.id}/cancel`, w.admin, { reason: 'factory fire' })).json()
      assert.deepEqual([done.campaign.status, done.ordersCancelled, done.refundDue], ['cancelled', 2, 4000])
      const [a, b] = await Promise.all([paidOne.id, unpaid.id].map(async (id) => (await c('GET', `/v1/orders/${id}`, w.admin)).json()))
      assert.deepEqual([a.status, a.paid, a.refundDue, b.status, b.refundDue], ['cancelled', 4000, 4000, 'cancelled', 0])
      assert.equal(await slotRow(t, campaign.id), undefined, 'the quota slot is gone')
      assert.equal((await buy(campaign.id, 'cx-3', 1, 409)).json().code, 'campaign_cancelled')
      assert.deepEqual((await c('POST', `/v1/presale-campaigns/${campaign.id}/cancel`, w.admin, { reason: 'again' })).json().ordersCancelled, 0)
      await assertLedgerConsistent(t)
    })

    it('follows the lifecycle table over HTTP: a draft cannot end, a cancelled campaign cannot publish, an ended one can be cancelled', async () => {
      const c = call()
      assert.deepEqual((await c('GET', '/v1/presale-campaigns/lifecycle', w.webAuth)).json().end, { from: ['published'], to: 'ended', summary: 'the final price is set, every order repriced, balance windows open' })
      const draft = await createCampaign(t, w, { sku: 'SKU-B' }, false)
      const ending = (await c('POST', `/v1/presale-campaigns/${draft.id}/end`, w.ops, undefined, 409)).json()
      assert.deepEqual([ending.code, ending.action, ending.allowedFrom], ['illegal_transition', 'end', ['published']])
      await c('POST', `/v1/presale-campaigns/${draft.id}/cancel`, w.admin, { reason: 'not this season' })
      assert.equal((await c('POST', `/v1/presale-campaigns/${draft.id}/publish`, w.admin, undefined, 409)).json().code, 'illegal_transition')
      const ended = await createCampaign(t, w, { sku: 'SKU-B', perCustomerLimit: null })
      const o = (await buy(ended.id, 'lc-1', 1)).json()
      await pay(t, w, o.id, 'deposit', 2000)
      await c('POST', `/v1/presale-campaigns/${ended.id}/end`, w.ops)
      const cancelled = (await c('POST', `/v1/presale-campaigns/${ended.id}/cancel`, w.admin, { reason: 'supplier went bust' })).json()
      assert.deepEqual([cancelled.campaign.status, cancelled.ordersCancelled, cancelled.refundDue], ['cancelled', 1, 2000], 'the deposit comes back in full')
      await assertLedgerConsistent(t)
    })

    it('turns campaign demand into suggested purchase quantities with the supplier’s minimum and pack size', async () => {
      const c = call()
      const supplier = (await c('POST', '/v1/suppliers', w.admin, {
        code: 'PS-SUP', name: 'Jacket factory', currency: 'CNY', defaultLeadTimeDays: 20, paymentTerms: { kind: 'net', days: 30, instalments: null },
      }, 201)).json()
      await c('PUT', `/v1/suppliers/${supplier.id}/skus/${w.skuB.id}`, w.admin, { unitCost: 3000, minOrderQuantity: 10, packSize: 4 })
      const campaign = await createCampaign(t, w, { sku: 'SKU-B', supplier: 'PS-SUP', perCustomerLimit: null, quota: 50 })
      await buy(campaign.id, 'd-1', 5)
      await buy(campaign.id, 'd-2', 2)
      await receive(t, w, 'SKU-B', 'WH-E', 2)
      const mine = (await c('GET', `/v1/presale-campaigns/${campaign.id}/demand`, w.ops)).json().items
      assert.deepEqual(mine, [{
        skuId: w.skuB.id, nodeId: w.whEast.id, campaignIds: [campaign.id], unitsOrdered: 7, stockAvailable: 2, openSupply: 0, shortfall: 5,
        supplierId: supplier.id, minOrderQuantity: 10, packSize: 4, suggestedQuantity: 12,
      }])
      const all = (await c('GET', '/v1/presale-demand', w.admin)).json().items
      assert.deepEqual(all.find((r: { skuId: string }) => r.skuId === w.skuB.id), mine[0])
      await c('GET', '/v1/presale-demand', w.webAuth, undefined, 403)
    })
  })
}
