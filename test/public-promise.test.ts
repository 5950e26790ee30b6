/**
 * The public promise the shop widget shows, on both stores, without a token and from any origin:
 * in stock, future supply (a confirmed PO line behind it), presale (a running campaign: deposit,
 * price, ship day) and unavailable, each for a setup that calls for it; never a quantity or a
 * node; unknown SKU or channel 404, bad input 400, each with the CORS header.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { campaignBody, future } from './helpers/authorization.ts'
import { storeKinds } from '../src/store/testing.ts'

type Headers = Record<string, string>
const allowedKeys = new Set(['kind', 'today', 'shipBy', 'deliverBy', 'confidence', 'waitingFor', 'deposit', 'price', 'currency', 'campaign'])

for (const kind of await storeKinds()) {
  describe(`the public promise for the shop widget (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let campaign: { id: string; code: string }
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, status: number, headers: Headers = {}, payload?: object) => {
      const res = await t.app.inject({ method, url, headers, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res
    }
    const promise = async (query: string, status = 200) => {
      const res = await call('GET', `/v1/promise?${query}`, status, { origin: 'https://shop.example.com' })
      assert.equal(res.headers['access-control-allow-origin'], '*', `CORS on ${query} (${status})`)
      return res
    }
    /** A 200's keys are the documented ones and it names no quantity, node or channel. */
    const shopperSafe = (body: string) => {
      for (const key of Object.keys(JSON.parse(body))) assert.ok(allowedKeys.has(key), `unexpected ${key}`)
      for (const secret of ['WH-E', 'WH-N', w.whEast.id, w.web.id, 'Shanghai', 'quantity', 'Quantity', '"available', 'node', 'quota']) assert.ok(!body.includes(secret), `${secret} in ${body}`)
    }

    before(async () => {
      t = await startTestApp(kind)
      w = await seedPurchasing(t)
      const post = (url: string, payload: object, status = 201) => call('POST', url, status, w.admin, payload)
      await post('/v1/inventory/receipts', { sku: 'SKU-B', node: 'WH-E', quantity: 10 }, 200)
      await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', 200, w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
      await confirmedPo(t, w, 20, 10)
      await post('/v1/skus', { code: 'SKU-PRE', name: 'Presale sneaker' })
      await post('/v1/skus', { code: 'SKU-NONE', name: 'Nothing of it' })
      campaign = (await post('/v1/presale-campaigns', { ...campaignBody('SKU-PRE', 'WH-E'), code: 'DOUBLE11' })).json()
      await post(`/v1/presale-campaigns/${campaign.id}/publish`, {}, 200)
    })
    after(() => t.close())

    it('says in stock, with the ship and delivery days, when the shelf covers the quantity', async () => {
      const res = await promise('sku=SKU-B&channel=web&region=east')
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+$/)
      const body = res.json()
      assert.deepEqual(body, { kind: 'in_stock', today: inDays(t, 0), shipBy: inDays(t, 1), deliverBy: inDays(t, 2), confidence: 'high' })
      shopperSafe(res.body)
      assert.equal((await promise('sku=SKU-B&channel=web')).json().deliverBy, null, 'no region, no delivery day')
    })

    it('says future supply, waiting for the confirmed supplier delivery, when a PO line is behind it', async () => {
      const res = await promise('sku=SKU-A&channel=web&region=east&quantity=3')
      assert.deepEqual(res.json(), {
        kind: 'future_supply', today: inDays(t, 0), shipBy: inDays(t, 11), deliverBy: inDays(t, 12), confidence: 'medium', waitingFor: 'confirmed_supplier_delivery',
      })
      shopperSafe(res.body)
    })

    it('says presale with the deposit, the price and the campaign’s ship day while a campaign sells', async () => {
      const res = await promise('sku=SKU-PRE&channel=web&quantity=2')
      assert.deepEqual(res.json(), {
        kind: 'presale', today: inDays(t, 0), shipBy: future(10), deliverBy: null, confidence: 'medium', deposit: 4000, price: 20000, currency: 'CNY',
        campaign: { code: 'DOUBLE11', name: 'Probe presale', endsAt: res.json().campaign.endsAt },
      })
      shopperSafe(res.body)
      assert.equal((await promise('sku=SKU-PRE&channel=web&quantity=11')).json().kind, 'unavailable', 'more than the quota left')
    })

    it('says unavailable when nothing covers the quantity, and never how much there is', async () => {
      for (const query of ['sku=SKU-NONE&channel=web', 'sku=SKU-B&channel=web&quantity=9', 'sku=SKU-A&channel=web&quantity=21']) {
        const res = await promise(query)
        assert.deepEqual(res.json(), { kind: 'unavailable', today: inDays(t, 0), shipBy: null, deliverBy: null, confidence: null }, query)
        shopperSafe(res.body)
      }
      await call('PATCH', '/v1/skus/SKU-B', 200, w.admin, { active: false })
      assert.equal((await promise('sku=SKU-B&channel=web')).json().kind, 'unavailable', 'an inactive SKU')
      await call('PATCH', '/v1/skus/SKU-B', 200, w.admin, { active: true })
      assert.equal((await promise('sku=SKU-B&channel=web')).json().kind, 'in_stock')
    })

    it('answers an unknown SKU or channel 404 and bad input 400, each with the CORS header, without a token', async () => {
      assert.equal((await promise('sku=NOPE&channel=web', 404)).json().code, 'sku_not_found')
      assert.equal((await promise('sku=SKU-B&channel=nope', 404)).json().code, 'channel_not_found')
      for (const bad of ['channel=web', 'sku=SKU-B', 'sku=SKU-B&channel=web&quantity=0', 'sku=SKU-B&channel=web&quantity=1.5', 'sku=SKU-B&channel=web&quantity=1000000', 'sku=SKU-B&channel=web&limit=3']) {
        assert.equal((await promise(bad, 400)).json().code, 'invalid_request', bad)
      }
    })

    it('gives presale campaign orders their status link too', async () => {
      const channel = await t.auth(`channel:${w.web.id}`)
      const placed = (await call('POST', `/v1/presale-campaigns/${campaign.id}/orders`, 201, { ...channel, 'idempotency-key': 'pre-1' }, { customerId: 'c-pre', quantity: 1 })).json()
      assert.match(placed.statusUrl, /^http:\/\/localhost:80\/status\/ost_[A-Za-z0-9_-]{65}$/)
      const status = (await call('GET', `/v1/order-status/${placed.statusToken}`, 200)).json()
      assert.deepEqual([status.orderId, status.presale, status.lines[0].availability, status.payment.plan, status.payment.deposit], [placed.id, true, 'presale', 'deposit', 2000])
      const replay = (await call('POST', `/v1/presale-campaigns/${campaign.id}/orders`, 201, { ...channel, 'idempotency-key': 'pre-1' }, { customerId: 'c-pre', quantity: 1 })).json()
      assert.equal(replay.statusUrl, placed.statusUrl)
    })
  })
}

describe('the shopper’s public routes and the per-address rate limit', () => {
  it('counts them against SELLAHEAD_RATE_LIMIT_PER_ADDRESS: over it, 429 with Retry-After', async () => {
    const t = await startTestApp('sqlite', { app: { rateLimits: { perTokenPerSecond: 0, perAddressPerSecond: 3 } } })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await t.app.inject({ url: '/v1/promise?sku=NOPE&channel=web' })).statusCode)
      assert.deepEqual(statuses, [404, 404, 404, 429, 429])
      const limited = await t.app.inject({ url: '/v1/order-status/ost_x' })
      assert.equal(limited.statusCode, 429)
      assert.equal(limited.json().code, 'rate_limited')
      assert.ok(Number(limited.headers['retry-after']) >= 1)
    } finally {
      await t.close()
    }
  })
})
