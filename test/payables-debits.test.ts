/**
 * Debits against suppliers on both stores (issue 17 item 4): QC failures and an ASN shortfall at
 * the PO price as far as the supplier billed them, the agreed share of a delay's compensation when the supplier's ETA
 * slip caused it, each per the agreement in force, each once however often its source is seen.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { saveAgreement } from '../src/payables/agreement-store.ts'
import { builtInAgreement, type Agreement } from '../src/payables/agreement.ts'
import type { DelayRecord } from '../src/orders/index.ts'

for (const kind of await storeKinds()) {
  describe(`supplier debits (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const d = (days: number) => inDays(t, days)

    beforeEach(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    const agree = (supplierId: string, a: Partial<Agreement>) => saveAgreement(t.services.db, supplierId, { ...builtInAgreement, ...a }, t.services.clock.nowMs(), 'test')
    const debits = async () => (await t.services.db.all<{ kind: string; source_id: string; supplier_id: string; amount_minor: number | string; quantity: number | string | null; currency: string; detail: string }>(
      'SELECT kind, source_id, supplier_id, amount_minor, quantity, currency, detail FROM supplier_debits ORDER BY kind, source_id'))
      .map((r) => ({ kind: r.kind, sourceId: r.source_id, supplierId: r.supplier_id, amountMinor: Number(r.amount_minor), quantity: r.quantity === null ? null : Number(r.quantity), currency: r.currency, detail: JSON.parse(r.detail) }))
    const delayRows = () => t.services.db.all<Record<string, unknown>>('SELECT * FROM order_delays ORDER BY id')

    it('an ETA slip charges back the agreed share of each customer’s compensation, rounded down, once', async () => {
      await agree(w.s1.id, { chargebackPercent: 33.33 })
      const po = await confirmedPo(t, w, 20, 10)
      const a = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'port closed' })
      const [delay] = await delayRows()
      assert.equal(JSON.parse(delay.compensation as string).amountMinor, 1500, 'three days at the default 500 a day')
      // 33.33 % of 1500 is 499.95: the supplier pays 499, never the fraction.
      assert.deepEqual(await debits(), [{
        kind: 'delay_chargeback', sourceId: delay.id, supplierId: w.s1.id, amountMinor: 499, quantity: null, currency: 'CNY',
        detail: { orderId: a, lineNo: 1, poId: po.id, cause: 'eta_moved', daysLate: 3, compensationMinor: 1500, percent: 33.33 },
      }])
      // Seen again (a retried listener): nothing more.
      const record: DelayRecord = {
        id: delay.id as string, orderId: a, lineNo: 1, cause: 'eta_moved', reason: '', oldShipByMs: null, newShipByMs: null, daysLate: 3,
        compensation: delay.compensation as string, status: 'open', createdAtMs: 0, supplierId: w.s1.id, poId: po.id,
      }
      await t.services.db.tx((tx) => t.services.debits.onSupplierDelays(tx, [record]))
      assert.equal((await debits()).length, 1, 'never debited twice')
    })

    it('no chargeback under an agreement that passes none through, nor for a delay no supplier caused', async () => {
      const po = await confirmedPo(t, w, 20, 10)
      await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'port closed' })
      assert.equal((await delayRows()).length, 1)
      assert.deepEqual(await debits(), [], 'the built-in agreement passes 0 % through')
      await agree(w.s1.id, { chargebackPercent: 50 })
      const c = requester(t)
      await c('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 10 })
      const trf = (await c('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 6, eta: `${d(5)}T09:00:00.000Z` }, 201)).json()
      await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      await c('POST', `/v1/transfers/${trf.id}/ship`, w.admin, { carrier: 'SF', eta: `${d(8)}T09:00:00.000Z` })
      assert.equal((await delayRows()).length, 2, 'the transfer delayed its order')
      assert.deepEqual(await debits(), [], 'a transfer is nobody’s slip')
    })

    /** An invoice of S1 billing `quantity` units of the PO line at its price; answers the invoice. */
    const bill = async (poId: string, number: string, quantity: number, status = 201) =>
      (await requester(t)('POST', '/v1/supplier-invoices', w.ops, { supplierId: 'S1', number, invoiceDate: d(0), currency: 'CNY', lines: [{ po: poId, lineNo: 1, quantity, unitPriceMinor: 1200 }] }, status)).json()

    it('debits QC failures and an ASN shortfall only as far as the supplier billed them, at the PO price, once', async () => {
      const c = requester(t)
      const po = await confirmedPo(t, w, 20, 10)
      const asn = (await c('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, { eta: d(5), lines: [{ line: po.lineId, quantity: 10 }] }, 201)).json()
      const body = { asn: asn.id, lines: [{ line: po.lineId, quantityPassed: 6, quantityFailed: 2, failReason: 'crushed carton' }] }
      const receipt = (await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, body, 201, { 'idempotency-key': 'rcp-1' })).json()
      const replay = (await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, body, 201, { 'idempotency-key': 'rcp-1' })).json()
      assert.equal(replay.id, receipt.id, 'a replay is the same receipt')
      assert.deepEqual(await debits(), [], 'nothing billed yet: nothing to debit back')
      const honest = await bill(po.id, 'INV-PASSED', 6)
      assert.equal(honest.status, 'matched')
      assert.deepEqual(await debits(), [], 'billing only what passed owes nothing back')
      // Billing the 2 that failed and the 2 the ASN announced but never came: matched (the agreement debits them), then debited back.
      const rest = await bill(po.id, 'INV-REST', 4)
      assert.equal(rest.status, 'matched')
      const source = `${rest.id}:${po.lineId}`
      const common = { poId: po.id, poLineId: po.lineId, skuId: w.skuA.id, unitCostMinor: 1200, billed: 10, passed: 6 }
      assert.deepEqual(await debits(), [
        { kind: 'qc_failure', sourceId: source, supplierId: w.s1.id, amountMinor: 2400, quantity: 2, currency: 'CNY', detail: { ...common, units: 2, reason: 'billed, but failed quality control' } },
        { kind: 'short_receipt', sourceId: source, supplierId: w.s1.id, amountMinor: 2400, quantity: 2, currency: 'CNY', detail: { ...common, units: 2, reason: 'billed, but fewer units arrived than the ASN announced' } },
      ])
      // The rest of the line arrives without an ASN: still owed, not short; nothing more is debited.
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: po.lineId, quantityPassed: 3 }] }, 201)
      assert.equal((await debits()).length, 2)
      assert.equal((await bill(po.id, 'INV-MORE', 4)).lines[0].result, 'quantity_variance', 'the 3 that came are billable; the debited units cannot be billed twice')
    })

    it('debits units paid ahead that then fail QC when they arrive', async () => {
      const c = requester(t)
      await agree(w.s1.id, { terms: { kind: 'prepayment' } })
      const po = await confirmedPo(t, w, 20, 10)
      const ahead = await bill(po.id, 'INV-AHEAD', 10)
      assert.equal(ahead.lines[0].result, 'not_received')
      await c('POST', `/v1/supplier-invoices/${ahead.id}/resolution`, w.ops, { action: 'approve', reason: 'prepayment agreed' })
      assert.deepEqual(await debits(), [])
      const receipt = (await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: po.lineId, quantityPassed: 7, quantityFailed: 3, failReason: 'torn' }] }, 201)).json()
      assert.deepEqual((await debits()).map((x) => [x.kind, x.sourceId, x.quantity, x.amountMinor]), [['qc_failure', `${receipt.id}:${po.lineId}`, 3, 3600]])
    })

    it('follows the agreement: units that failed are not billable, and nothing is debited, when it accepts no QC debits', async () => {
      await agree(w.s1.id, { debits: { qcFailures: false, shortReceipts: false, returnsToVendor: true } })
      const c = requester(t)
      const po = await confirmedPo(t, w, 20, 10)
      const asn = (await c('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, { eta: d(5), lines: [{ line: po.lineId, quantity: 10 }] }, 201)).json()
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { asn: asn.id, lines: [{ line: po.lineId, quantityPassed: 6, quantityFailed: 2, failReason: 'torn' }] }, 201)
      assert.equal((await bill(po.id, 'INV-ALL', 10)).lines[0].result, 'quantity_variance')
      assert.deepEqual(await debits(), [])
    })
  })
}
