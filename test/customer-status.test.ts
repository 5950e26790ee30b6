/**
 * The customer's order status link, on both stores: placement answers a link scoped to its one
 * order (the same on a replay); the public routes read that order only, refuse forged, tampered
 * and foreign tokens exactly as a missing order, show no customer, channel or node data, and
 * cancel for a full refund only while a delay offer is open (the offer made by moving the PO
 * line's ETA the backorder is promised against).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { newId } from '../src/kernel/ids.ts'
import { storeKinds } from '../src/store/testing.ts'

type Headers = Record<string, string>

/** The same token with one character of its MAC changed. */
const tampered = (token: string): string => token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2)

for (const kind of await storeKinds()) {
  describe(`the customer's order status link (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let channel: Headers
    let po: { id: string; lineId: string }
    const placed: Record<'backorder' | 'inStock', { id: string; statusToken: string; statusUrl: string; total: number }> = {} as never
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, status: number, headers: Headers = {}, payload?: object) => {
      const res = await t.app.inject({ method, url, headers, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res
    }

    const place = (key: string, sku: string, quantity: number, customerId: string) => call('POST', '/v1/orders', 201, { ...channel, 'idempotency-key': key }, {
      customerId, reference: `shop-${key}`, lines: [{ sku, quantity, unitPrice: 1500 }], fulfilment: { method: 'ship', region: 'east' },
    })

    before(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
      channel = await t.auth(`channel:${w.web.id}`)
      await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', 200, w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
      po = await confirmedPo(t, w, 20, 10)
      await call('POST', '/v1/inventory/receipts', 200, w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 10 })
      placed.backorder = (await place('k-backorder', 'SKU-A', 2, 'cus-secret-1')).json()
      placed.inStock = (await place('k-stock', 'SKU-B', 1, 'cus-secret-2')).json()
    })
    after(() => t.close())

    it('gives each placed order its own unguessable link, the same again on a replay', async () => {
      const { statusToken, statusUrl } = placed.backorder
      assert.match(statusToken, /^ost_[A-Za-z0-9_-]{65}$/)
      assert.equal(statusUrl, `http://localhost:80/status/${statusToken}`)
      assert.notEqual(placed.inStock.statusToken, statusToken)
      const replay = await place('k-backorder', 'SKU-A', 2, 'cus-secret-1')
      assert.equal(replay.headers['idempotent-replayed'], 'true')
      assert.deepEqual([replay.json().id, replay.json().statusUrl], [placed.backorder.id, statusUrl])
      const read = (await call('GET', `/v1/orders/${placed.backorder.id}`, 200, channel)).json()
      assert.equal(read.statusUrl, statusUrl, 'the channel can read the link again')
      const stored = JSON.stringify(await t.services.db.all('SELECT * FROM orders'))
      assert.ok(!stored.includes(statusToken.slice(4, 30)) && !stored.includes(statusToken.slice(-20)), 'nothing of the token is stored')
    })

    it('shows the order its token names, without a bearer token and without customer, channel or node data', async () => {
      const res = await call('GET', `/v1/order-status/${placed.backorder.statusToken}`, 200)
      assert.equal(res.headers['cache-control'], 'no-store')
      const view = res.json()
      assert.deepEqual([view.orderId, view.reference, view.status, view.currency, view.fulfilment, view.region, view.pickupAt], [placed.backorder.id, 'shop-k-backorder', 'pending_payment', 'CNY', 'ship', 'east', null])
      const [line] = view.lines
      assert.deepEqual([line.sku, line.name, line.quantity, line.unitPrice, line.lineTotal, line.availability], ['SKU-A', 'Sneaker A', 2, 1500, 3000, 'backorder'])
      assert.equal(line.firstPromisedShipDate, inDays(t, 11))
      assert.equal(line.promisedShipDate, inDays(t, 11), 'the confirmed ETA and a day of handling')
      assert.match(line.riskNote, /supplier/)
      assert.deepEqual([view.payment.total, view.payment.amountDue, view.delays, view.canCancelForFullRefund], [3000, 3000, [], false])
      for (const secret of ['cus-secret-1', w.web.id, w.whEast.id, 'WH-E', w.skuA.id]) assert.ok(!res.body.includes(secret), `the page shows ${secret}`)
      const other = (await call('GET', `/v1/order-status/${placed.inStock.statusToken}`, 200)).json()
      assert.deepEqual([other.orderId, other.lines[0].availability, other.lines[0].promisedShipDate], [placed.inStock.id, 'in_stock', inDays(t, 1)])
    })

    it('answers a tampered, spliced, foreign-server or made-up token exactly as a missing order', async () => {
      const a = placed.backorder.statusToken
      const b = placed.inStock.statusToken
      const someoneElses = (await t.services.statusLinks.linkOf(newId('ord'), 'http://x')).token
      const splice = a.slice(0, 26) + b.slice(26)
      for (const token of [tampered(a), splice, someoneElses, 'ost_nothing', a.slice(0, -1), `${a}A`, a.toUpperCase(), `ord_${a.slice(4)}`]) {
        for (const [method, url] of [['GET', `/v1/order-status/${encodeURIComponent(token)}`], ['POST', `/v1/order-status/${encodeURIComponent(token)}/cancel`]] as const) {
          const res = await call(method, url, 404)
          assert.equal(res.json().code, 'order_not_found', `${method} ${token}`)
          assert.ok(!res.body.includes(placed.backorder.id) && !res.body.includes(placed.inStock.id))
        }
      }
      // A link signed with another server's secret names nothing here.
      const { StatusLinks } = await import('../src/orders/index.ts')
      const elsewhere = new StatusLinks(t.services.db, t.services.clock, { secret: 'another-server-secret-of-32-characters!' })
      const forged = (await elsewhere.linkOf(placed.backorder.id, 'http://x')).token
      assert.equal((await call('GET', `/v1/order-status/${forged}`, 404)).json().code, 'order_not_found')
    })

    it('signs alike in every instance sharing the database, and each secret signs its own links', async () => {
      const { StatusLinks } = await import('../src/orders/index.ts')
      const id = placed.backorder.id
      const another = new StatusLinks(t.services.db, t.services.clock)
      assert.deepEqual(await another.linkOf(id, 'http://localhost:80'), { token: placed.backorder.statusToken, url: placed.backorder.statusUrl }, 'the generated secret is kept and shared')
      const configured = new StatusLinks(t.services.db, t.services.clock, { secret: 'x'.repeat(32), publicUrl: 'https://shop.example.com/api' })
      const link = await configured.linkOf(id, 'http://ignored')
      assert.equal(link.url, `https://shop.example.com/api/status/${link.token}`)
      assert.notEqual(link.token, placed.backorder.statusToken)
      assert.equal(await configured.orderIdOf(link.token), id)
      assert.equal(await configured.orderIdOf(placed.backorder.statusToken), undefined)
    })

    it('refuses the cancel while no delay offer is open, and changes nothing', async () => {
      for (const order of [placed.backorder, placed.inStock]) {
        const res = await call('POST', `/v1/order-status/${order.statusToken}/cancel`, 409)
        assert.equal(res.json().code, 'no_delay_offer')
        assert.equal((await call('GET', `/v1/order-status/${order.statusToken}`, 200)).json().status, 'pending_payment')
      }
    })

    it('shows a delay with its reason, new date and compensation, and cancels for a full refund while the offer is open', async () => {
      const { id, statusToken, total } = placed.backorder
      await call('PUT', '/v1/compensation-policy', 200, w.admin, { kind: 'coupon_per_day_late', perDayMinor: 100, capMinor: 1000 })
      await call('POST', `/v1/orders/${id}/payments`, 201, w.admin, { kind: 'payment', amount: total, currency: 'CNY', providerRef: 'pay-backorder' })
      await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, 200, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })

      const delayed = (await call('GET', `/v1/order-status/${statusToken}`, 200)).json()
      assert.equal(delayed.status, 'paid')
      assert.equal(delayed.delays.length, 1)
      const [delay] = delayed.delays
      assert.deepEqual([delay.cause, delay.oldShipDate, delay.newShipDate, delay.daysLate, delay.offerOpen], ['eta_moved', inDays(t, 11), inDays(t, 14), 3, true])
      assert.match(delay.reason, /supplier/i)
      assert.deepEqual(delay.compensation, { kind: 'coupon', amount: 300, currency: 'CNY' })
      assert.deepEqual([delayed.lines[0].promisedShipDate, delayed.lines[0].firstPromisedShipDate], [inDays(t, 14), inDays(t, 11)])
      assert.equal(delayed.canCancelForFullRefund, true)
      assert.ok(delayed.messages.some((m: { kind: string }) => m.kind === 'delay'), 'the delay notice is listed')

      const cancelled = (await call('POST', `/v1/order-status/${statusToken}/cancel`, 200)).json()
      assert.deepEqual([cancelled.status, cancelled.payment.refundDue, cancelled.canCancelForFullRefund], ['cancelled', total, false])
      assert.deepEqual([cancelled.delays[0].status, cancelled.delays[0].offerOpen], ['accepted', false])
      const timeline = (await call('GET', `/v1/orders/${id}/timeline`, 200, w.admin)).json()
      assert.ok(timeline.items.some((e: { actor: string }) => e.actor === 'customer/status-link'), 'the timeline says the customer cancelled through the link')

      assert.equal((await call('POST', `/v1/order-status/${statusToken}/cancel`, 409)).json().code, 'illegal_transition', 'once cancelled, not again')
      assert.equal((await call('GET', `/v1/order-status/${placed.inStock.statusToken}`, 200)).json().status, 'pending_payment', 'the other order is untouched')
    })

    it('names the store for an order picked up there', async () => {
      await call('PATCH', '/v1/channels/web', 200, w.admin, { nodeIds: [w.whEast.id, w.store1.id] })
      await call('POST', '/v1/inventory/receipts', 200, w.admin, { sku: 'SKU-B', node: 'ST-1', quantity: 5 })
      const order = (await call('POST', '/v1/orders', 201, { ...channel, 'idempotency-key': 'k-pickup' }, {
        customerId: 'cus-secret-3', lines: [{ sku: 'SKU-B', quantity: 1, unitPrice: 900 }], fulfilment: { method: 'pickup', nodeId: 'ST-1' },
      })).json()
      const view = (await call('GET', `/v1/order-status/${order.statusToken}`, 200)).json()
      assert.deepEqual([view.fulfilment, view.region, view.pickupAt], ['pickup', null, 'Store 1'])
      await call('PATCH', '/v1/channels/web', 200, w.admin, { nodeIds: [w.whEast.id] })
    })
  })
}

describe('status link configuration', () => {
  it('takes SELLAHEAD_SECRET of 32 characters or more and an http(s) SELLAHEAD_PUBLIC_URL', async () => {
    const { loadConfig } = await import('../src/config.ts')
    assert.deepEqual([loadConfig({}).secret, loadConfig({}).publicUrl], [undefined, undefined])
    assert.throws(() => loadConfig({ SELLAHEAD_SECRET: 'short' }), /SELLAHEAD_SECRET must be at least 32 characters/)
    assert.equal(loadConfig({ SELLAHEAD_SECRET: 's'.repeat(32) }).secret, 's'.repeat(32))
    assert.equal(loadConfig({ SELLAHEAD_PUBLIC_URL: 'https://shop.example.com/api/' }).publicUrl, 'https://shop.example.com/api')
    for (const bad of ['shop.example.com', 'ftp://x', 'https://x/?a=1']) assert.throws(() => loadConfig({ SELLAHEAD_PUBLIC_URL: bad }), /SELLAHEAD_PUBLIC_URL/)
  })
})
