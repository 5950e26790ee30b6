/**
 * A delay names the supplier and purchase order whose slip caused it (issue 17: the chargeback
 * a supplier agreement may pass through), on both stores; delays no supplier caused (a transfer,
 * a PO the buyer cancelled) name none.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`delays name the supplier that slipped (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let clock: ManualClock
    const d = (days: number) => inDays(t, days)

    beforeEach(async () => {
      clock = new ManualClock()
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    const order = (quantity: number) => backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity, channelId: w.web.id })
    const delays = async () => (await t.services.db.all<{ order_id: string; cause: string; supplier_id: string | null; po_id: string | null }>(
      'SELECT order_id, cause, supplier_id, po_id FROM order_delays ORDER BY id')).map((r) => [r.order_id, r.cause, r.supplier_id, r.po_id])

    it('a supplier’s ETA slip on a PO a backorder waits on names that supplier and PO; the order’s delay view shows a channel neither', async () => {
      const po = await confirmedPo(t, w, 20, 10)
      const a = await order(4)
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'port closed' })
      assert.deepEqual(await delays(), [[a, 'eta_moved', w.s1.id, po.id]])
      const view = (await requester(t)('GET', `/v1/orders/${a}/delays`, await t.auth(`channel:${w.web.id}`))).body
      assert.doesNotMatch(view, new RegExp(`${w.s1.id}|${po.id}`), 'a sales channel is not told who supplies the merchant')
    })

    it('a supplier’s cut names it too; a PO the buyer cancels names nobody', async () => {
      const po = await confirmedPo(t, w, 20, 10)
      const a = await order(4)
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/cancel`, w.s1Auth, { quantity: 18, reason: 'short of fabric' })
      assert.deepEqual(await delays(), [[a, 'quantity_cut', w.s1.id, po.id]])
      const po2 = await confirmedPo(t, w, 20, 12)
      const b = await order(4)
      await requester(t)('POST', `/v1/purchase-orders/${po2.id}/lines/${po2.lineId}/cancel`, w.admin, { reason: 'no longer needed' })
      const rows = await delays()
      assert.deepEqual(rows.filter((r) => r[0] === b), [[b, 'po_cancelled', null, null]])
    })

    it('goods failing QC name the PO they came on; so does a PO past its day with nothing received', async () => {
      const po1 = await confirmedPo(t, w, 10, 10)
      const po2 = await confirmedPo(t, w, 10, 20)
      await order(5)
      const b = await order(5)
      await requester(t)('POST', `/v1/purchase-orders/${po1.id}/receipts`, w.admin, { lines: [{ line: po1.lineId, quantityPassed: 3, quantityFailed: 2, failReason: 'torn' }] }, 201)
      assert.deepEqual(await delays(), [[b, 'qc_failed', w.s1.id, po1.id]])
      clock.advance(21 * 86_400_000)
      assert.ok((await t.services.repromising.sweepOverdue()).delayed > 0)
      const overdue = (await delays()).filter((r) => r[1] === 'supply_overdue')
      // Both POs are past their day by now: each delay names S1 and the PO its line waited on.
      assert.ok(overdue.length > 0 && overdue.every((r) => r[2] === w.s1.id && (r[3] === po1.id || r[3] === po2.id)), JSON.stringify(overdue))
    })

    it('a transfer’s delay names no supplier', async () => {
      const c = requester(t)
      await c('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 10 })
      const trf = (await c('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 6, eta: `${d(5)}T09:00:00.000Z` }, 201)).json()
      const a = await order(4)
      await c('POST', `/v1/transfers/${trf.id}/ship`, w.admin, { carrier: 'SF', eta: `${d(8)}T09:00:00.000Z` })
      assert.deepEqual(await delays(), [[a, 'transfer_delayed', null, null]])
    })
  })
}
