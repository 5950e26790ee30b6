/**
 * Returns measures over HTTP on both stores: two channels sell three SKUs (two of them with a
 * supplier's terms); returns are opened at a store counter and by the channels, received, graded
 * (restock, outlet, return to vendor, scrap), one cancelled, refunds requested by themselves and
 * paid by the provider, at known times under a manual clock, with the projector catching up in
 * between; `GET /v1/analytics/returns` answers every figure for every channel, per channel and
 * per day, with its breakdowns by reason, SKU, supplier and channel, and the dashboard the same.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }
const hourMs = 3_600_000
const dayMs = 86_400_000
const noDispositions = { restock: 0, outlet: 0, refurbish: 0, return_to_vendor: 0, scrap: 0 }

for (const kind of await storeKinds()) {
  describe(`returns measures (${kind})`, () => {
    let t: TestApp
    let w: World
    let ops: Auth, pay: Auth, counter: Auth, shopAuth: Auth, webAuth: Auth
    let shop: { id: string }, gadget: { id: string }, gadgetCo: { id: string }, shoeCo: { id: string }
    const clock = new ManualClock(Date.UTC(2030, 0, 7, 2, 0))

    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method, url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    /** An order through a channel, paid, shipped and delivered now. */
    const delivered = async (channel: Auth, sku: string, quantity: number, unitPrice: number) => {
      const o = await call('POST', '/v1/orders', { ...channel, 'idempotency-key': newKey() } as Auth,
        { customerId: 'c-ret', lines: [{ sku, quantity, unitPrice }], fulfilment: { method: 'ship', region: 'east' } }, 201)
      await call('POST', `/v1/orders/${o.id}/payments`, pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      await call('POST', `/v1/orders/${o.id}/ship`, ops, {})
      await call('POST', `/v1/orders/${o.id}/deliver`, ops, {})
      return o as { id: string }
    }
    const paid = (orderId: string, returnId: string, amount: number) => call('POST', `/v1/orders/${orderId}/payments`, pay,
      { kind: 'refund', amount, currency: 'CNY', providerRef: `rf-${returnId}`, refundRequest: `refund:${returnId}` }, 201)
    const returns = async (query = '', auth: Auth = ops) => (await call('GET', `/v1/analytics/returns?periodDays=7${query}`, auth)).returns

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedWorld(t)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      counter = await t.auth(`store:${w.store1.id}`)
      webAuth = await t.auth(`channel:${w.web.id}`)
      const outlet = await call('POST', '/v1/nodes', w.admin, { code: 'OUTLET', name: 'Outlet store', kind: 'store', region: 'east' }, 201)
      gadget = await call('POST', '/v1/skus', w.admin, { code: 'GADGET', name: 'Gadget', attributes: { category: 'electronics' } }, 201)
      shop = await call('POST', '/v1/channels', w.admin, { code: 'shop', name: 'Shop', kind: 'web', nodeIds: [w.whEast.id], safetyBuffer: 0 }, 201)
      shopAuth = await t.auth(`channel:${shop.id}`)
      for (const sku of ['SKU-A', 'SKU-B', 'GADGET']) await call('POST', '/v1/inventory/receipts', w.admin, { sku, node: 'WH-E', quantity: 50 })
      await call('PUT', '/v1/disposition-rules', w.admin, { rules: [
        { id: 'open-box-to-outlet', when: { grades: ['B'] }, then: { kind: 'outlet', outletNodeId: outlet.id } },
        { id: 'defective-to-vendor', when: { grades: ['D'], reasons: ['defective'] }, then: { kind: 'return_to_vendor' } },
        { id: 'as-new', when: { grades: ['A'] }, then: { kind: 'restock' } },
        { id: 'scrap-the-rest', when: {}, then: { kind: 'scrap' } },
      ] })
      const supplier = (code: string, name: string) =>
        call('POST', '/v1/suppliers', w.admin, { code, name, currency: 'CNY', defaultLeadTimeDays: 5, paymentTerms: { kind: 'net', days: 30 } }, 201)
      gadgetCo = await supplier('GADGET-CO', 'Gadget Co')
      shoeCo = await supplier('SHOE-CO', 'Shoe Co')
      await call('PUT', `/v1/suppliers/${gadgetCo.id}/skus/${gadget.id}`, w.admin, { unitCost: 4000 })
      await call('PUT', `/v1/suppliers/${shoeCo.id}/skus/${w.skuA.id}`, w.admin, { unitCost: 3000 })
    })
    after(() => t.close())

    it('counts returns opened, units returned over units sold, refunds and their time, the disposition mix and the value recovered; by reason, SKU, supplier and channel', async () => {
      // Day 1, 02:00: nine units sold — the shop 3 SKU-A and 2 GADGET, the web 4 SKU-B (SKU-B has no supplier's terms).
      const o1 = await delivered(shopAuth, 'SKU-A', 3, 10_000)
      const o2 = await delivered(shopAuth, 'GADGET', 2, 20_000)
      const o3 = await delivered(webAuth, 'SKU-B', 4, 5_000)
      // A store opens a return of two SKU-A at its counter (approved at once); the shop's customer one defective gadget.
      const r1 = await call('POST', '/v1/returns', counter, { order: o1.id, lines: [{ orderLineNo: 1, quantity: 2, reason: 'customer_remorse' }] }, 201)
      const r2 = await call('POST', '/v1/returns', shopAuth, { order: o2.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'defective' }] }, 201)
      await call('POST', `/v1/returns/${r2.id}/approve`, ops, { node: 'WH-E' })
      await t.services.analytics.catchUp()

      clock.advance(hourMs) // 03:00: r1 received (refund requested on receipt: 2 × 100.00 less 10.00 return shipping)
      const received = await call('POST', `/v1/returns/${r1.id}/receive`, counter, { lines: [{ lineNo: 1, quantity: 2 }] })
      assert.equal(received.refundAmount, 19_000)
      clock.advance(hourMs) // 04:00: graded A (restocked) and B (to the outlet): both recovered at 100.00
      await call('POST', `/v1/returns/${r1.id}/inspect`, counter, { units: [{ lineNo: 1, unitNo: 1, grade: 'A' }, { lineNo: 1, unitNo: 2, grade: 'B' }] })
      clock.advance(hourMs) // 05:00: the web's customer returns a wrong item (no return shipping), and opens a second return then cancels it
      const r3 = await call('POST', '/v1/returns', webAuth, { order: o3.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'wrong_item' }] }, 201)
      await call('POST', `/v1/returns/${r3.id}/approve`, ops, { node: 'WH-E' })
      const r4 = await call('POST', '/v1/returns', webAuth, { order: o3.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      await call('POST', `/v1/returns/${r4.id}/cancel`, webAuth, {})
      await t.services.analytics.catchUp()
      clock.advance(hourMs) // 06:00: r3 received (refund 50.00 requested) and scrapped
      await call('POST', `/v1/returns/${r3.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] })
      await call('POST', `/v1/returns/${r3.id}/inspect`, ops, { units: [{ lineNo: 1, unitNo: 1, grade: 'C' }] })
      clock.advance(3 * hourMs) // 09:00: the provider pays r1's refund, six hours after it was asked
      await paid(o1.id, r1.id, 19_000)

      clock.advance(17 * hourMs) // Day 2, 02:00: the gadget arrives (refund 200.00 requested: the merchant's fault)
      assert.equal((await call('POST', `/v1/returns/${r2.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] })).refundAmount, 20_000)
      clock.advance(hourMs) // 03:00: defective: back to its supplier
      await call('POST', `/v1/returns/${r2.id}/inspect`, ops, { units: [{ lineNo: 1, unitNo: 1, grade: 'D' }] })
      clock.advance(hourMs) // 04:00: paid two hours after it was asked; reported twice, counted once
      await paid(o2.id, r2.id, 20_000)
      await paid(o2.id, r2.id, 20_000)
      await t.services.analytics.catchUp()
      await t.services.analytics.catchUp()

      const all = await returns()
      assert.deepEqual(all.totals, {
        returnsOpened: 4, unitsSold: 9, unitsReturned: 4, returnRate: 4 / 9, refundsRequested: 3, refundRequestedMinor: 44_000, refundsPaid: 2, refundPaidMinor: 39_000,
        refundMeanHours: 4, dispositions: { restock: 1, outlet: 1, refurbish: 0, return_to_vendor: 1, scrap: 1 }, recoveredMinor: 20_000,
      })
      const day = (d: string) => all.series.find((x: { day: string }) => x.day === d)
      assert.deepEqual(day('2030-01-07'), {
        day: '2030-01-07', returnsOpened: 4, unitsSold: 9, unitsReturned: 3, returnRate: 3 / 9, refundsRequested: 2, refundRequestedMinor: 24_000, refundsPaid: 1,
        refundPaidMinor: 19_000, refundMeanHours: 6, dispositions: { ...noDispositions, restock: 1, outlet: 1, scrap: 1 }, recoveredMinor: 20_000,
      })
      assert.deepEqual(day('2030-01-08'), {
        day: '2030-01-08', returnsOpened: 0, unitsSold: 0, unitsReturned: 1, returnRate: null, refundsRequested: 1, refundRequestedMinor: 20_000, refundsPaid: 1,
        refundPaidMinor: 20_000, refundMeanHours: 2, dispositions: { ...noDispositions, return_to_vendor: 1 }, recoveredMinor: 0,
      })
      assert.equal(all.series.length, 7)
      assert.deepEqual(all.byReason, [
        { reason: 'customer_remorse', units: 2, share: 0.5 }, { reason: 'defective', units: 1, share: 0.25 }, { reason: 'wrong_item', units: 1, share: 0.25 },
      ])
      // Most returned first, then by id.
      const tie = [
        { id: gadget.id, code: 'GADGET', name: 'Gadget', unitsSold: 2, unitsReturned: 1, returnRate: 0.5 },
        { id: w.skuB.id, code: 'SKU-B', name: 'Sneaker B', unitsSold: 4, unitsReturned: 1, returnRate: 0.25 },
      ].sort((a, b) => (a.id < b.id ? -1 : 1))
      assert.deepEqual(all.bySku, [{ id: w.skuA.id, code: 'SKU-A', name: 'Sneaker A', unitsSold: 3, unitsReturned: 2, returnRate: 2 / 3 }, ...tie])
      assert.deepEqual(all.bySupplier, [
        { id: shoeCo.id, code: 'SHOE-CO', name: 'Shoe Co', unitsSold: 3, unitsReturned: 2, returnRate: 2 / 3 },
        { id: gadgetCo.id, code: 'GADGET-CO', name: 'Gadget Co', unitsSold: 2, unitsReturned: 1, returnRate: 0.5 },
      ])
      const shopFigures = {
        returnsOpened: 2, unitsSold: 5, unitsReturned: 3, returnRate: 3 / 5, refundsRequested: 2, refundRequestedMinor: 39_000, refundsPaid: 2, refundPaidMinor: 39_000,
        refundMeanHours: 4, dispositions: { ...noDispositions, restock: 1, outlet: 1, return_to_vendor: 1 }, recoveredMinor: 20_000,
      }
      const webFigures = {
        returnsOpened: 2, unitsSold: 4, unitsReturned: 1, returnRate: 0.25, refundsRequested: 1, refundRequestedMinor: 5_000, refundsPaid: 0, refundPaidMinor: 0,
        refundMeanHours: null, dispositions: { ...noDispositions, scrap: 1 }, recoveredMinor: 0,
      }
      const byCode = (rows: Array<{ code: string }>) => [...rows].sort((a, b) => a.code.localeCompare(b.code))
      assert.deepEqual(byCode(all.byChannel), [
        { id: shop.id, code: 'shop', name: 'Shop', ...shopFigures },
        { id: w.web.id, code: 'web', name: 'Web shop', ...webFigures },
      ])

      // One channel, by code or id: its own figures and breakdowns.
      const own = await returns('&channel=shop')
      assert.deepEqual(own.totals, shopFigures)
      assert.deepEqual(own.byChannel, [{ id: shop.id, code: 'shop', name: 'Shop', ...shopFigures }])
      assert.deepEqual(own.bySku.map((s: { code: string }) => s.code), ['SKU-A', 'GADGET'])
      assert.deepEqual((await returns(`&channel=${w.web.id}`)).byReason, [{ reason: 'wrong_item', units: 1, share: 1 }])
      // A channel token reads its own; naming another is not found; another period is refused.
      assert.deepEqual(await returns('', shopAuth), own)
      assert.equal((await call('GET', '/v1/analytics/returns?channel=web', shopAuth, undefined, 404)).code, 'channel_not_found')
      assert.equal((await call('GET', '/v1/analytics/returns?periodDays=14', ops, undefined, 400)).code, 'invalid_period')
      // The dashboard shows the same, with its definition.
      const dashboard = await call('GET', '/v1/analytics/dashboard?periodDays=7', w.admin)
      assert.deepEqual(dashboard.returns, all)
      assert.equal(dashboard.definitions.returns, 'returns')
      assert.equal(dashboard.currency, 'CNY')

      // A later week saw nothing: zeros, null rate and time, empty breakdowns.
      clock.advance(30 * dayMs)
      const later = await returns()
      assert.deepEqual(later.totals, {
        returnsOpened: 0, unitsSold: 0, unitsReturned: 0, returnRate: null, refundsRequested: 0, refundRequestedMinor: 0, refundsPaid: 0, refundPaidMinor: 0,
        refundMeanHours: null, dispositions: noDispositions, recoveredMinor: 0,
      })
      assert.deepEqual([later.byReason, later.bySku, later.bySupplier, later.byChannel], [[], [], [], []])
      // Ninety days still hold it all.
      assert.deepEqual((await call('GET', '/v1/analytics/returns?periodDays=90', ops)).returns.totals, all.totals)
    })
  })
}
