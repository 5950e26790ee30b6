/**
 * A delay chargeback end to end on both stores: a supplier moves its ETA, a backorder waiting on
 * that PO is re-promised later and its customer compensated; the supplier's agreement passes half
 * the compensation back; the supplier reads the chargeback with the order behind it (nothing of
 * the customer) and on its statement; the next payment sets it off, and the balance comes to zero.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`a delay charged back to the supplier that caused it (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock(Date.UTC(2026, 10, 2, 9))
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, headers: { authorization: string }, payload?: object, status = 200) =>
      (await requester(t)(method, url, headers, payload, status)).json()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      await call('PUT', '/v1/supplier-agreements/S1', w.ops, { terms: { kind: 'net', days: 0, from: 'receipt' }, chargebackPercent: 50 })
    })
    after(() => t.close())

    it('ETA slip → customer compensated → chargeback with its order → on the statement → set off against the next payment', async () => {
      const po = await confirmedPo(t, w, 10, 10)
      const orderId = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id })
      // The supplier moves its ETA three days: the backorder ships three days late, and its customer is compensated (500 a day by default).
      await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })
      const delays = await call('GET', `/v1/orders/${orderId}/delays`, w.ops)
      const delay = (delays.items ?? delays)[0]
      assert.ok(delay, JSON.stringify(delays))

      const [chargeback] = (await call('GET', '/v1/supplier-portal/debits', w.s1Auth)).items
      assert.equal(chargeback.kind, 'delay_chargeback')
      assert.equal(chargeback.amountMinor, 750, 'half of 3 days × 500')
      assert.deepEqual(chargeback.orders.map((o: { orderId: string; lineNo: number; daysLate: number; compensationMinor: number }) => [o.orderId, o.lineNo, o.daysLate, o.compensationMinor]),
        [[orderId, 1, 3, 1500]], 'the supplier sees the order line behind it')
      const { customerId } = await call('GET', `/v1/orders/${orderId}`, w.ops)
      assert.ok(!JSON.stringify(chargeback).includes(customerId) && !('customerId' in chargeback.orders[0]), 'nothing of the customer')
      assert.equal((await call('GET', `/v1/supplier-portal/debits/${chargeback.id}`, w.s2Auth, undefined, 404)).code, 'debit_not_found')
      assert.deepEqual((await call('GET', '/v1/supplier-portal/debits', w.s2Auth)).items, [])

      const before = await call('GET', '/v1/supplier-portal/statement', w.s1Auth)
      assert.deepEqual(before.entries.map((e: { kind: string; amountMinor: number }) => [e.kind, e.amountMinor]), [['debit', -750]])
      assert.equal(before.balances[0].balanceMinor, -750, 'the supplier owes the merchant until it is paid again')

      // The goods come, the supplier bills them, and the next payment sets the chargeback off.
      clock.advance(60_000)
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: po.lineId, quantityPassed: 10 }] }, 201)
      const invoice = await call('POST', '/v1/supplier-portal/invoices', w.s1Auth, { number: 'S1-100', invoiceDate: inDays(t, 0), currency: 'CNY', lines: [{ po: po.id, lineNo: 1, quantity: 10, unitPriceMinor: 1200 }] }, 201)
      assert.equal(invoice.status, 'matched')
      clock.advance(60_000)
      const run = await call('POST', '/v1/payment-runs', w.ops, { payBy: inDays(t, 0) }, 201)
      assert.deepEqual(run.groups.map((g: { payMinor: number; debitsMinor: number; netMinor: number; debitIds: string[] }) => [g.payMinor, g.debitsMinor, g.netMinor, g.debitIds]),
        [[12_000, 750, 11_250, [chargeback.id]]])
      await call('POST', `/v1/payment-runs/${run.id}/approve`, w.admin)
      const paid = await call('POST', `/v1/payment-runs/${run.id}/payments`, w.admin, { supplierId: 'S1', currency: 'CNY', bankReference: 'CMB-0001' }, 201)
      assert.deepEqual([paid.amountMinor, paid.debitsMinor], [11_250, 750])
      assert.equal((await call('GET', `/v1/supplier-portal/debits/${chargeback.id}`, w.s1Auth)).status, 'offset')

      const statement = await call('GET', `/v1/suppliers/${w.s1.id}/statement`, w.ops)
      assert.deepEqual(statement.entries.map((e: { kind: string; amountMinor: number; setOffMinor: number | null }) => [e.kind, e.amountMinor, e.setOffMinor]),
        [['debit', -750, null], ['invoice', 12_000, null], ['payment', -11_250, 750]])
      assert.equal(statement.balances[0].balanceMinor, 0)
      // The debit's -750 and the payment's -11,250 settle the 12,000 invoice: the running total ends at the balance.
      assert.equal(statement.entries.reduce((n: number, e: { amountMinor: number }) => n + e.amountMinor, 0), 0)
    })
  })
}
