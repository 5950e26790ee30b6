/**
 * Analytics on both stores: real orders, payments, shipments, cancels, delays and presale
 * deposits driven through the services and the API; the projector catches up; every figure the
 * API answers is checked against what happened, and the rollups against a recount from scratch.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { placeDepositOrder, receive } from './helpers/orders.ts'
import { recount, rollups, sorted } from './helpers/analytics.ts'
import { createCampaign, presaleOrder } from './helpers/presale.ts'
import { recordPayment, type PaymentInput } from '../src/orders/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import pino from 'pino'
import { createServices, closeServices } from '../src/services.ts'
import { unwrap } from '../src/kernel/result.ts'
import { newId } from '../src/kernel/ids.ts'
import { Analytics } from '../src/analytics/index.ts'

const dayMs = 86_400_000
let ref = 0

for (const kind of await storeKinds()) {
  describe(`analytics figures (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let clock: ManualClock

    beforeEach(async () => {
      clock = new ManualClock(Date.UTC(2026, 10, 11, 9))
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    const provider = { actor: 'test', party: 'provider' as const }
    const pay = async (orderId: string, kind: PaymentInput['kind'], amount: number) => {
      const done = await recordPayment(t.services.orders, orderId, { kind, amount, currency: 'CNY', providerRef: `ref-${++ref}` }, 'alipay', provider)
      assert.ok(done.ok, !done.ok ? done.detail : '')
    }
    const ship = async (orderId: string) => {
      const done = await t.services.orders.act(orderId, 'ship', { actor: 'ops', party: 'merchant' })
      assert.ok(done.ok, !done.ok ? done.detail : '')
    }
    const order = (quantity: number, channelId = w.web.id) => backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity, channelId })
    const get = async (path: string, headers = w.admin, status = 200) => (await requester(t)('GET', path, headers, undefined, status)).json()

    it('counts orders, sources, on-time shipping, backorders, delays, presale conversion and stock, and equals a recount', async () => {
      await receive(t, w as never, 'SKU-A', 'WH-E', 12)
      const onTime = await order(2) // from stock, shipped on its promised day: on time
      const late = await order(3) // from stock, shipped six days later: late
      const cancelled = await order(1)
      const depositKept = await placeDepositOrder(t, w as never, { deposit: 2000 })
      const converted = await placeDepositOrder(t, w as never, { deposit: 2000 })
      const po = await confirmedPo(t, w, 20, 10)
      await order(8) // 5 from stock, 3 from the PO: future supply, a backorder
      await t.services.analytics.catchUp()

      await pay(onTime, 'payment', 2000)
      await pay(late, 'payment', 3000)
      const cancel = await t.services.orders.act(cancelled, 'cancel', { actor: 'ops', party: 'merchant' })
      assert.ok(cancel.ok)
      // The supplier moves the ETA four days: the waiting line is delayed, with the default compensation (5.00 a day).
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 14), reason: 'fabric late' })

      await pay(depositKept.id, 'deposit', 2000)
      await pay(converted.id, 'deposit', 2000)
      await t.services.analytics.catchUp()
      clock.advance(dayMs) // on the first promised ship day itself: still on time
      await ship(onTime)

      clock.advance(dayMs) // the balance window is open
      await pay(converted.id, 'balance', 8000)
      clock.advance(4 * dayMs) // past the window: the other deposit is forfeited
      await t.services.orders.sweepDue()
      await ship(late)
      await t.services.analytics.catchUp()

      const dash = await get('/v1/analytics/dashboard?periodDays=7')
      assert.equal(dash.from, '2026-11-11')
      assert.equal(dash.to, '2026-11-17')
      assert.equal(dash.sales.series.length, 7)
      assert.deepEqual(dash.sales.totals, { orders: 6, lines: 6, units: 16, ordersCancelled: 2 })
      assert.deepEqual(dash.sales.series[0], { day: '2026-11-11', orders: 6, lines: 6, units: 16, ordersCancelled: 1 })
      assert.deepEqual(dash.promiseSources.totals, { stock: 5, future: 1, presale: 0, stockShare: 5 / 6, futureShare: 1 / 6, presaleShare: 0 })
      assert.deepEqual(dash.onTime.totals, { linesShipped: 2, linesPromised: 2, linesOnTime: 1, rate: 0.5 })
      assert.deepEqual(dash.backorders.totals, { lines: 1, units: 8, oldestDays: 6 })
      assert.deepEqual(dash.backorders.buckets.map((b: { label: string; lines: number }) => [b.label, b.lines]), [['0-2', 0], ['3-7', 1], ['8-14', 0], ['15-30', 0], ['31+', 0]])
      assert.deepEqual(dash.delays.totals, { delays: 1, compensationMinor: 2000 })
      assert.deepEqual(dash.presale.totals, { depositsPaid: 2, balancesPaid: 1, depositsForfeited: 1, conversionRate: 0.5, forfeitRate: 0.5 })
      assert.equal(dash.inventory.totals.unitsShipped, 5)
      const onHand = (await t.services.inventory.position(w.skuA.id, w.whEast.id)).onHand
      assert.equal(dash.inventory.totals.onHand, onHand)
      assert.equal(dash.inventory.totals.daysOfSupply, onHand / (5 / 7))
      assert.equal(dash.suppliers.suppliers.length, 2)
      assert.equal(dash.asOfEventId, await t.services.analytics.cursor())
      assert.equal(dash.definitions.onTime, 'on_time_to_promise')

      const { daily, backorders } = await rollups(t)
      const expected = await recount(t)
      assert.deepEqual(sorted(daily), sorted(expected.daily))
      assert.deepEqual(sorted(backorders), sorted(expected.backorders))
    })

    it('serves each group on its own route, scopes a channel token to its channel, and refuses bad periods and unknown channels', async () => {
      const app = (await requester(t)('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id], safetyBuffer: 0 }, 201)).json()
      await receive(t, w as never, 'SKU-A', 'WH-E', 10)
      await order(2, w.web.id)
      await order(3, app.id)
      const webToken = await t.auth(`channel:${w.web.id}`)
      // A presale order waits for its campaign, not for supply: a presale line, not a backorder.
      const campaign = await createCampaign(t, w as never)
      await presaleOrder(t, webToken, campaign.id, { customerId: 'c-1', quantity: 2 })
      await t.services.analytics.catchUp()
      const sources = (await get('/v1/analytics/promise-sources?channel=web')).promiseSources.totals
      assert.deepEqual([sources.stock, sources.future, sources.presale], [1, 0, 1])
      assert.equal((await get('/v1/analytics/backorders')).backorders.totals.lines, 0)

      assert.deepEqual((await get('/v1/analytics/sales?periodDays=30')).sales.totals.orders, 3)
      assert.deepEqual((await get('/v1/analytics/sales?channel=app')).sales.totals.units, 3)
      assert.equal((await get('/v1/analytics/sales?channel=app')).periodDays, 30)
      const own = await get('/v1/analytics/dashboard?periodDays=90', webToken)
      assert.equal(own.channel, 'web')
      assert.equal(own.sales.totals.units, 4)
      assert.equal(own.suppliers, undefined, 'shop-wide groups are not a channel’s')
      assert.equal(own.inventory, undefined)
      assert.equal((await get('/v1/analytics/on-time?channel=web', webToken)).channel, 'web')
      assert.equal((await get('/v1/analytics/sales?channel=app', webToken, 404)).code, 'channel_not_found')
      assert.equal((await get('/v1/analytics/inventory', webToken, 403)).code, 'forbidden')
      assert.equal((await get('/v1/analytics/suppliers', webToken, 403)).code, 'forbidden')
      assert.equal((await get('/v1/analytics/dashboard', await t.auth(`supplier:${w.s1.id}`), 403)).code, 'forbidden')
      for (const bad of ['0', '14', '365', 'abc', '-7', '7.0']) assert.equal((await get(`/v1/analytics/dashboard?periodDays=${bad}`, w.admin, 400)).code, 'invalid_period')
      assert.equal((await get('/v1/analytics/delays?channel=nope', w.ops, 404)).code, 'channel_not_found')
      const dashboard = await get('/v1/analytics/dashboard?periodDays=7', w.ops)
      const groups = { sales: 'sales', 'promise-sources': 'promiseSources', 'on-time': 'onTime', backorders: 'backorders', delays: 'delays', presale: 'presale', inventory: 'inventory', suppliers: 'suppliers' }
      for (const [path, key] of Object.entries(groups)) {
        const one = await get(`/v1/analytics/${path}?periodDays=7`, w.ops)
        assert.deepEqual(one[key], dashboard[key], `${path} answers what the dashboard shows`)
        assert.deepEqual([one.from, one.to, one.channel], [dashboard.from, dashboard.to, null])
      }
    })

    it('counts each event once when two projectors (two server processes) run at the same time', async () => {
      await receive(t, w as never, 'SKU-A', 'WH-E', 100)
      for (let i = 0; i < 30; i++) await order(1 + (i % 3))
      const other = () => new Analytics(t.services.db, clock, { events: t.services.events, suppliers: t.services.suppliers, catalogue: t.services.catalogue }, { pollIntervalMs: 0, batchSize: 4 })
      const [a, b] = [other(), other()]
      const counted = await Promise.all([a.catchUp(), b.catchUp(), t.services.analytics.catchUp()])
      await Promise.all([a.stop(), b.stop()])
      assert.equal(counted.reduce((n, c) => n + c.events, 0), 30, 'every placement counted by exactly one of them')
      const { daily } = await rollups(t)
      assert.deepEqual(sorted(daily), sorted((await recount(t)).daily))
    })

    it('counts nothing twice when a projector run fails half way and runs again', async () => {
      await receive(t, w as never, 'SKU-A', 'WH-E', 50)
      for (let i = 0; i < 12; i++) await order(1 + (i % 3))
      let failures = 0
      const failing = new Analytics(
        t.services.db, clock, { events: t.services.events, suppliers: t.services.suppliers, catalogue: t.services.catalogue },
        { pollIntervalMs: 0, batchSize: 5, beforeCommit: () => { if (++failures === 2) throw new Error('crash before commit') } })
      await assert.rejects(failing.catchUp(), /crash before commit/)
      const cursorAfterCrash = await t.services.analytics.cursor()
      assert.ok(cursorAfterCrash > 0, 'the first batch committed')
      await failing.catchUp()
      await failing.stop()
      await t.services.analytics.catchUp()
      const { daily } = await rollups(t)
      assert.deepEqual(sorted(daily), sorted((await recount(t)).daily))
      assert.equal([...daily.values()][0].ordersPlaced, 12)
    })
  })
}

describe('the projector in the sweep loop', () => {
  it('counts a placed order within a few seconds when the process runs the timed sweeps, and not when it does not', async () => {
    const runs = async (sweeps: boolean): Promise<boolean> => {
      const testDb = await freshDb('sqlite')
      const services = createServices(testDb.db, new ManualClock(), pino({ level: 'silent' }), sweeps ? {} : { sweepIntervalMs: 0 })
      try {
        const node = unwrap(await services.catalogue.createNode({ code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' }))
        const channel = unwrap(await services.catalogue.createChannel({ code: 'web', name: 'Web', kind: 'web', nodeIds: [node.id] }))
        const sku = unwrap(await services.catalogue.createSku({ code: 'A', name: 'A' }))
        unwrap((await services.inventory.submit({ kind: 'receive', skuId: sku.id, nodeId: node.id, quantity: 5, reason: 'test', reference: null, actor: 'test' })).result)
        const nowMs = services.clock.nowMs()
        unwrap((await services.orders.submit({
          order: {
            id: newId('ord'), channelId: channel.id, customerId: 'c', campaignId: null, status: 'pending_payment', currency: 'CNY', fulfilment: { method: 'ship', region: 'east' },
            payment: { kind: 'full' }, total: 100, paid: 0, refunded: 0, dueAtMs: null, reference: null, placedAtMs: nowMs, updatedAtMs: nowMs,
          },
          lines: [{ skuId: sku.id, nodeIds: [node.id], quantity: 1, unitPrice: 100, rule: { stock: true, virtual: true, virtualLeadDays: 0, slotKinds: [], slotIds: null, unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null }, priorityClass: 0 }],
          calendar: { handlingDays: () => 1, transitDays: () => 1 },
          actor: 'test',
        })).result)
        const deadline = Date.now() + 4000
        while (Date.now() < deadline) {
          const figures = await services.analytics.figures({ periodDays: 7, channelId: null, groups: ['sales'] })
          if (figures.sales!.totals.orders === 1) return true
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        return false
      } finally {
        await closeServices(services)
        await testDb.cleanup().catch(() => undefined)
      }
    }
    assert.equal(await runs(true), true, 'the first worker’s sweep loop projects')
    assert.equal(await runs(false), false, 'a worker without sweeps leaves it to the first')
  })
})
