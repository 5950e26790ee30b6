/**
 * The console's list filters over HTTP on both stores: orders by status, channel, delay, presale
 * and placement day (combined, paged with the cursor, a channel only ever seeing its own), and
 * SKUs found by a part of their code or name.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { campaignBody } from './helpers/presale.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const dayMs = 86_400_000
let keys = 0

for (const kind of await storeKinds()) {
  describe(`list filters for the console (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock()
    const call = () => requester(t)
    const ids: Record<string, string> = {}
    let web: { authorization: string }
    let appToken: { authorization: string }
    const day0 = () => inDays(t, 0)

    const place = async (token: { authorization: string }, sku: string, customerId: string) =>
      (await call()('POST', '/v1/orders', token, { customerId, lines: [{ sku, quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' } },
        201, { 'idempotency-key': `list-${++keys}` })).json().id as string
    /** Every id the filter lists, page by page (limit 1, so the cursor is used). */
    const listAll = async (token: { authorization: string }, query: string): Promise<string[]> => {
      const out: string[] = []
      let cursor: string | null = null
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await call()('GET', `/v1/orders?limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`, token)).json()
        out.push(...page.items.map((o) => o.id))
        cursor = page.nextCursor
      } while (cursor)
      return out.sort()
    }
    const sorted = (...names: string[]) => names.map((n) => ids[n]).sort()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      const app = (await call()('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id] }, 201)).json()
      web = await t.auth(`channel:${w.web.id}`)
      appToken = await t.auth(`channel:${app.id}`)
      await call()('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
      await call()('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 50 })
      const po = await confirmedPo(t, w, 20, 10)
      ids.webLate1 = await place(web, 'SKU-A', 'c1')
      ids.appLate = await place(appToken, 'SKU-A', 'c2')
      ids.webStock = await place(web, 'SKU-B', 'c3')
      clock.advance(2 * dayMs)
      ids.appStock = await place(appToken, 'SKU-B', 'c4')
      const campaign = (await call()('POST', '/v1/presale-campaigns', w.admin, campaignBody(clock.nowMs(), { sku: 'SKU-B' }), 201)).json()
      await call()('POST', `/v1/presale-campaigns/${campaign.id}/publish`, w.admin)
      ids.webPresale = (await call()('POST', `/v1/presale-campaigns/${campaign.id}/orders`, web, { customerId: 'c5', quantity: 1 }, 201, { 'idempotency-key': `list-${++keys}` })).json().id
      await call()('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 12), reason: 'late vessel' })
      await call()('POST', `/v1/orders/${ids.appStock}/cancel`, w.admin, {})
    })
    after(() => t.close())

    it('filters by delay record, presale and placement day, each alone', async () => {
      assert.deepEqual(await listAll(w.admin, 'delayed=true'), sorted('webLate1', 'appLate'))
      assert.deepEqual(await listAll(w.admin, 'delayed=false'), sorted('webStock', 'appStock', 'webPresale'))
      assert.deepEqual(await listAll(w.admin, 'presale=true'), sorted('webPresale'))
      assert.deepEqual(await listAll(w.admin, 'presale=false'), sorted('webLate1', 'appLate', 'webStock', 'appStock'))
      const [d0, d2] = [inDays(t, -2), inDays(t, 0)]
      assert.deepEqual(await listAll(w.admin, `placedTo=${d0}`), sorted('webLate1', 'appLate', 'webStock'), 'placedTo includes its whole day')
      assert.deepEqual(await listAll(w.admin, `placedFrom=${d2}`), sorted('appStock', 'webPresale'))
      assert.deepEqual(await listAll(w.admin, `placedFrom=${inDays(t, -1)}&placedTo=${inDays(t, -1)}`), [])
      assert.deepEqual(await listAll(w.admin, ''), sorted('webLate1', 'appLate', 'webStock', 'appStock', 'webPresale'), 'no filter: every order, as before')
    })

    it('combines filters with status and channel, and a channel sees only its own', async () => {
      assert.deepEqual(await listAll(w.admin, `delayed=true&channel=${w.web.id}`), sorted('webLate1'))
      assert.deepEqual(await listAll(w.ops, `delayed=false&status=cancelled&placedFrom=${day0()}`), sorted('appStock'))
      assert.deepEqual(await listAll(w.admin, `delayed=false&presale=false&placedTo=${inDays(t, -2)}`), sorted('webStock'))
      assert.deepEqual(await listAll(web, 'delayed=true'), sorted('webLate1'))
      assert.deepEqual(await listAll(appToken, 'presale=true'), [])
      assert.deepEqual(await listAll(appToken, `delayed=true&channel=${w.web.id}`), [], 'another channel named: an empty page')
    })

    it('refuses a bad filter with 400 and a stable code', async () => {
      for (const query of ['delayed=yes', 'presale=1', 'placedFrom=2026-13-01', 'placedTo=tomorrow', 'placedFrom=2026-11-11T00:00:00Z']) {
        const res = await call()('GET', `/v1/orders?${query}`, w.admin, undefined, 400)
        assert.equal(res.json().code, 'invalid_request', query)
      }
    })

    it('finds SKUs by a part of their code or name, in any case, a page at a time', async () => {
      const admin = w.admin
      for (const [code, name] of [['TEA-250', 'Longjing green tea 250 g'], ['TEA-500', 'Longjing green tea 500 g'], ['MUG-1', 'Tea mug'], ['SALE-1', 'Sale: 50% off_bundle']]) {
        await call()('POST', '/v1/skus', admin, { code, name }, 201)
      }
      const codes = async (q: string, token = admin) => {
        const out: string[] = []
        let cursor: string | null = null
        do {
          const page: { items: Array<{ code: string }>; nextCursor: string | null } = (await call()('GET', `/v1/skus?q=${encodeURIComponent(q)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, token)).json()
          assert.ok(page.items.length <= 2)
          out.push(...page.items.map((s) => s.code))
          cursor = page.nextCursor
        } while (cursor)
        return out.sort()
      }
      assert.deepEqual(await codes('tea'), ['MUG-1', 'TEA-250', 'TEA-500'], 'code prefix or name substring, any case')
      assert.deepEqual(await codes('SNEAK'), ['SKU-A', 'SKU-B'])
      assert.deepEqual(await codes('500 G'), ['TEA-500'])
      assert.deepEqual(await codes('%'), ['SALE-1'], 'LIKE wildcards match only themselves')
      assert.deepEqual(await codes('_'), ['SALE-1'])
      assert.deepEqual(await codes('nothing-like-this'), [])
      assert.deepEqual(await codes('tea', web), ['MUG-1', 'TEA-250', 'TEA-500'], 'any role may search the catalogue')
      assert.equal((await call()('GET', '/v1/skus?q=', admin, undefined, 400)).json().code, 'invalid_request')
      assert.equal((await call()('GET', '/v1/skus', admin)).json().items.length, 6, 'no q: every SKU, as before')
    })
  })
}
