/**
 * Debits over HTTP on both stores: staff enter credit notes (a number once per supplier; bad
 * input refused with a stable code, nothing written), list and read every debit; a supplier reads
 * its own in the portal — another's is not found — and a chargeback shows the order line behind
 * it, never the customer.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { saveAgreement } from '../src/payables/agreement-store.ts'
import { builtInAgreement } from '../src/payables/agreement.ts'

for (const kind of await storeKinds()) {
  describe(`supplier debits over HTTP (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let chargeback: { debitId: string; orderId: string; poId: string }
    const note = { number: 'CN-001', amountMinor: 12_345, currency: 'CNY', reason: 'price correction' }
    const count = async () => Number((await t.services.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM supplier_debits'))!.n)

    before(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
      // S1 pays back half of what customers get for its slips; its ETA slip delays a backorder.
      await saveAgreement(t.services.db, w.s1.id, { ...builtInAgreement, chargebackPercent: 50 }, t.services.clock.nowMs(), 'test')
      const po = await confirmedPo(t, w, 20, 10)
      const orderId = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id, customerId: 'cus_private_9' })
      await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })
      const row = await t.services.db.get<{ id: string }>(`SELECT id FROM supplier_debits WHERE kind = 'delay_chargeback'`)
      chargeback = { debitId: row!.id, orderId, poId: po.id }
    })
    after(() => t.close())

    it('enters a credit note once per supplier and number; refusals change nothing', async () => {
      const call = requester(t)
      const created = (await call('POST', `/v1/suppliers/${w.s1.id}/credit-notes`, w.admin, note, 201)).json()
      assert.deepEqual([created.kind, created.supplierId, created.amountMinor, created.currency, created.status, created.detail], ['credit_note', w.s1.id, 12_345, 'CNY', 'open', { number: 'CN-001', reason: 'price correction' }])
      assert.match(created.id, /^sdeb_/)
      // The same number from another supplier is another note.
      await call('POST', '/v1/suppliers/S2/credit-notes', w.ops, note, 201)
      const before = await count()
      const refused: Array<[string, object, number, string]> = [
        [`/v1/suppliers/${w.s1.id}/credit-notes`, note, 409, 'credit_note_exists'],
        ['/v1/suppliers/S1/credit-notes', { ...note, amountMinor: 1 }, 409, 'credit_note_exists'],
        ['/v1/suppliers/NOPE/credit-notes', { ...note, number: 'CN-002' }, 404, 'supplier_not_found'],
        [`/v1/suppliers/${w.s1.id}/credit-notes`, { ...note, number: 'CN-003', currency: 'USD' }, 422, 'currency_mismatch'],
        [`/v1/suppliers/${w.s1.id}/credit-notes`, { ...note, number: 'CN 004' }, 400, 'invalid_credit_note'],
        [`/v1/suppliers/${w.s1.id}/credit-notes`, { ...note, number: 'CN-005', reason: '   ' }, 400, 'invalid_credit_note'],
        [`/v1/suppliers/${w.s1.id}/credit-notes`, { ...note, number: 'CN-006', amountMinor: 0 }, 400, 'invalid_request'],
      ]
      for (const [url, body, status, code] of refused) {
        const res = await t.app.inject({ method: 'POST', url, headers: w.admin, payload: body })
        assert.deepEqual([res.statusCode, res.json().code], [status, code], `${url} ${JSON.stringify(body)}`)
      }
      assert.equal(await count(), before, 'nothing written')
      await call('POST', `/v1/suppliers/${w.s1.id}/credit-notes`, w.s1Auth, { ...note, number: 'CN-007' }, 403)
    })

    it('lists debits for staff by supplier, kind and status, newest first, a page at a time', async () => {
      const call = requester(t)
      const all = (await call('GET', '/v1/supplier-debits', w.admin)).json()
      assert.ok(all.items.length >= 3)
      const ids = all.items.map((d: { id: string }) => d.id)
      assert.deepEqual(ids, [...ids].sort().reverse(), 'newest first')
      const s1 = (await call('GET', '/v1/supplier-debits?supplier=S1', w.ops)).json()
      assert.ok(s1.items.every((d: { supplierId: string }) => d.supplierId === w.s1.id))
      const chargebacks = (await call('GET', '/v1/supplier-debits?kind=delay_chargeback&status=open', w.admin)).json()
      assert.deepEqual(chargebacks.items.map((d: { id: string }) => d.id), [chargeback.debitId])
      const first = (await call('GET', '/v1/supplier-debits?limit=1', w.admin)).json()
      const second = (await call('GET', `/v1/supplier-debits?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, w.admin)).json()
      assert.deepEqual([first.items[0].id, second.items[0].id], ids.slice(0, 2))
      const one = (await call('GET', `/v1/supplier-debits/${chargeback.debitId}`, w.admin)).json()
      assert.deepEqual([one.kind, one.amountMinor, one.detail.orderId, one.detail.percent], ['delay_chargeback', 750, chargeback.orderId, 50])
      assert.equal((await call('GET', '/v1/supplier-debits/sdeb_nope', w.admin, undefined, 404)).json().code, 'debit_not_found')
      await call('GET', '/v1/supplier-debits', w.s1Auth, undefined, 403)
    })

    it('shows a supplier its own debits, a chargeback with the order line behind it and nothing of the customer; another’s is not found', async () => {
      const call = requester(t)
      const own = (await call('GET', '/v1/supplier-portal/debits', w.s1Auth)).json()
      assert.ok(own.items.length >= 2)
      const debit = (await call('GET', `/v1/supplier-portal/debits/${chargeback.debitId}`, w.s1Auth)).json()
      assert.deepEqual([debit.kind, debit.amountMinor, debit.poId, debit.percent, debit.orders], ['delay_chargeback', 750, chargeback.poId, 50, [
        { orderId: chargeback.orderId, lineNo: 1, daysLate: 3, compensationMinor: 1500, cause: 'eta_moved' },
      ]])
      assert.doesNotMatch(JSON.stringify(own) + JSON.stringify(debit), /cus_private_9|customerId/)
      const s2 = (await call('GET', '/v1/supplier-portal/debits', w.s2Auth)).json()
      assert.ok(s2.items.length === 1 && s2.items[0].kind === 'credit_note', 'S2 sees its own credit note only')
      assert.equal((await call('GET', `/v1/supplier-portal/debits/${chargeback.debitId}`, w.s2Auth, undefined, 404)).json().code, 'debit_not_found')
      await call('GET', '/v1/supplier-portal/debits', w.admin, undefined, 403)
    })
  })
}
