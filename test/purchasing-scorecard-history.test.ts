/**
 * Scorecard history over HTTP on both stores: every recompute (after a receipt, on demand, or
 * when a stale scorecard is read) keeps one row with its period, rates and grade; the trend is
 * served newest first, a page at a time, to staff and to the supplier itself only.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { scorecardMaxAgeMs } from '../src/purchasing/suppliers.ts'

const dayMs = 86_400_000
type Snapshot = { id: number; supplierId: string; periodStart: string; periodEnd: string; windowDays: number; onTimeRate: number | null; fillRate: number | null; qcPassRate: number | null; grade: string | null }

for (const kind of await storeKinds()) {
  describe(`supplier scorecard history (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock()
    const call = () => requester(t)

    /** A PO of 20 SKU-A from S1, confirmed for `etaDays` ahead, then received `receivedAfterDays` later with `failed` units failing QC. */
    async function deliver(etaDays: number, receivedAfterDays: number, failed: number) {
      const po = (await call()('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 20 }] }, 201)).json()
      await call()('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await call()('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: '1', quantityAccepted: 20, eta: inDays(t, etaDays) }] })
      clock.advance(receivedAfterDays * dayMs)
      await call()('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, {
        lines: [{ line: '1', quantityPassed: 20 - failed, quantityFailed: failed, ...(failed > 0 && { failReason: 'torn' }) }],
      }, 201)
    }

    const history = async (supplierId: string, token = w.admin, query = '') =>
      (await call()('GET', `/v1/suppliers/${supplierId}/scorecard/history${query}`, token)).json() as { items: Snapshot[]; nextCursor: string | null }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
    })
    after(() => t.close())

    it('keeps a row per recompute: the receipt’s, the explicit one, and a stale read’s', async () => {
      await deliver(5, 3, 0)
      const first = await history(w.s1.id)
      assert.deepEqual(first.items.map((s) => [s.grade, s.onTimeRate, s.fillRate, s.qcPassRate]), [['A', 1, 1, 1]], 'the receipt’s recompute')
      const end = clock.nowMs()
      assert.deepEqual([first.items[0].supplierId, first.items[0].windowDays, first.items[0].periodEnd, first.items[0].periodStart],
        [w.s1.id, 90, new Date(end).toISOString(), new Date(end - 90 * dayMs).toISOString()])

      await deliver(2, 6, 10)
      await call()('POST', `/v1/suppliers/${w.s1.id}/scorecard/recompute`, w.admin)
      const scorecard = (await call()('GET', `/v1/suppliers/${w.s1.id}/scorecard`, w.admin)).json()
      const now = await history(w.s1.id)
      assert.deepEqual(now.items.map((s) => [s.grade, s.onTimeRate, s.qcPassRate]), [['D', 0.5, 0.75], ['D', 0.5, 0.75], ['A', 1, 1]], 'newest first')
      assert.equal(now.items[0].grade, scorecard.grade, 'the latest row is the scorecard served')
      assert.ok(now.items[0].id > now.items[1].id && now.items[1].id > now.items[2].id)

      clock.advance(scorecardMaxAgeMs + 1)
      assert.equal((await history(w.s1.id)).items.length, 4, 'a stale scorecard is recomputed when its history is read, and that is kept too')
    })

    it('serves the trend a page at a time with the house cursor', async () => {
      const all = (await history(w.s1.id)).items.map((s) => s.id)
      const paged: number[] = []
      let cursor: string | null = null
      do {
        const page = await history(w.s1.id, w.ops, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        paged.push(...page.items.map((s) => s.id))
        cursor = page.nextCursor
      } while (cursor)
      assert.deepEqual(paged, all)
      assert.equal((await call()('GET', `/v1/suppliers/${w.s1.id}/scorecard/history?cursor=bogus`, w.admin, undefined, 400)).json().code, 'invalid_cursor')
    })

    it('a supplier that has received nothing gets one ungraded row', async () => {
      assert.deepEqual((await history(w.s2.id, w.s2Auth)).items.map((s) => [s.supplierId, s.grade, s.onTimeRate]), [[w.s2.id, null, null]])
    })

    it('shows a supplier its own history only; other roles may not read it', async () => {
      assert.ok((await history(w.s1.id, w.s1Auth)).items.length >= 4)
      assert.ok((await history('S1', w.s1Auth)).items.length >= 4, 'by code too')
      const foreign = (await call()('GET', `/v1/suppliers/${w.s1.id}/scorecard/history`, w.s2Auth, undefined, 404)).json()
      const missing = (await call()('GET', '/v1/suppliers/sup_missing/scorecard/history', w.s2Auth, undefined, 404)).json()
      assert.deepEqual([foreign.code, missing.code], ['supplier_not_found', 'supplier_not_found'])
      const channel = await t.auth(`channel:${w.web.id}`)
      assert.equal((await call()('GET', `/v1/suppliers/${w.s1.id}/scorecard/history`, channel, undefined, 403)).json().code, 'forbidden')
      const store = await t.auth(`store:${w.store1.id}`)
      assert.equal((await call()('GET', `/v1/suppliers/${w.s1.id}/scorecard/history`, store, undefined, 403)).json().code, 'forbidden')
    })
  })
}
