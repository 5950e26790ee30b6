/**
 * Payments reported by a payment provider, on both stores: idempotent on the provider's
 * reference, validated against the order's plan, status, currency and amount, no card data,
 * refunds recorded; a refused report changes nothing. Calls go through the typed client generated
 * from /openapi.json, every answer checked against the contract.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { answer, answered, clientAs, refused } from './helpers/client.ts'
import { dayMs, newKey, placeDepositOrder, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import type { components } from '../clients/typescript/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Payment = components['schemas']['PaymentRequest']
/** A report outside the contract, as a careless provider might send: the server must refuse it. */
const offContract = (report: Record<string, unknown>): Payment => report as Payment

for (const kind of await storeKinds()) {
  describe(`payments (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const api = (auth: { authorization: string }) => clientAs(t, auth)
    const path = (id: string) => ({ params: { path: { id } } })

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 50)
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    const newOrder = async (quantity = 2) => answered(api(w.webAuth).POST('/v1/orders', {
      body: { customerId: 'c', lines: [{ sku: 'SKU-A', quantity, unitPrice: 1500 }], fulfilment: shipEast },
      params: { header: { 'Idempotency-Key': newKey() } },
    }), 201)
    const pay = (id: string, body: Payment, status: number, auth = w.pay) => answer(api(auth).POST('/v1/orders/{id}/payments', { ...path(id), body }), status)
    const stateOf = async (id: string) => {
      const o = await answered(api(w.admin).GET('/v1/orders/{id}', path(id)))
      const payments = Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM payments WHERE order_id = ?', [id]))!.n)
      const events = Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_events WHERE order_id = ?', [id]))!.n)
      return { status: o.status, paid: o.paid, refunded: o.refunded, refundDue: o.refundDue, owed: o.amountOwed, payments, events }
    }

    it('a payment in full pays the order; the same report again answers the same; another body under the reference is refused', async () => {
      const o = await newOrder()
      const report: Payment = { kind: 'payment', amount: 3000, currency: 'CNY', providerRef: 'ali-0001' }
      const p = (await pay(o.id, report, 201)).data!
      assert.deepEqual([p.orderId, p.kind, p.amount, p.currency, p.provider, p.providerRef], [o.id, 'payment', 3000, 'CNY', 'alipay', 'ali-0001'])
      assert.match(p.id, /^pay_/)
      assert.deepEqual(await stateOf(o.id), { status: 'paid', paid: 3000, refunded: 0, refundDue: 0, owed: 0, payments: 1, events: 1 })
      const again = await pay(o.id, report, 201)
      assert.equal(again.response.headers.get('idempotent-replayed'), 'true')
      assert.deepEqual(again.data, p)
      assert.equal((await pay(o.id, { ...report, amount: 2999 }, 422)).error?.code, 'idempotency_key_reused')
      const other = await newOrder()
      assert.equal((await pay(other.id, report, 422)).error?.code, 'idempotency_key_reused', 'one reference, one payment')
      // The reference is the provider's own: another provider may use the same string.
      await pay(other.id, report, 201, w.pay2)
      assert.deepEqual(await stateOf(o.id), { status: 'paid', paid: 3000, refunded: 0, refundDue: 0, owed: 0, payments: 1, events: 1 })
    })

    it('the same reference reported twice at once records one payment', async () => {
      const o = await newOrder()
      const report: Payment = { kind: 'payment', amount: 3000, currency: 'CNY', providerRef: `twice-${o.id}` }
      const answers = await Promise.all([1, 2, 3].map(() => pay(o.id, report, 201)))
      assert.equal(new Set(answers.map((a) => a.data?.id)).size, 1)
      assert.equal(answers.filter((a) => a.response.headers.get('idempotent-replayed') === 'true').length, 2)
      assert.deepEqual(await stateOf(o.id), { status: 'paid', paid: 3000, refunded: 0, refundDue: 0, owed: 0, payments: 1, events: 1 })
    })

    it('refuses a wrong amount, currency, plan or state with its code and changes nothing', async () => {
      const o = await newOrder()
      const deposit = await placeDepositOrder(t, w)
      const before = [await stateOf(o.id), await stateOf(deposit.id)]
      const cases: Array<[string, Payment, number, string]> = [
        [o.id, { kind: 'payment', amount: 2999, currency: 'CNY', providerRef: 'bad-1' }, 422, 'amount_mismatch'],
        [o.id, { kind: 'payment', amount: 3000, currency: 'USD', providerRef: 'bad-2' }, 422, 'currency_mismatch'],
        [o.id, { kind: 'deposit', amount: 3000, currency: 'CNY', providerRef: 'bad-3' }, 422, 'payment_plan_mismatch'],
        [o.id, { kind: 'refund', amount: 1, currency: 'CNY', providerRef: 'bad-4' }, 422, 'refund_exceeds_paid'],
        [deposit.id, { kind: 'payment', amount: 10_000, currency: 'CNY', providerRef: 'bad-5' }, 422, 'payment_plan_mismatch'],
        [deposit.id, { kind: 'balance', amount: 8000, currency: 'CNY', providerRef: 'bad-6' }, 409, 'illegal_transition'],
        [deposit.id, { kind: 'deposit', amount: 1999, currency: 'CNY', providerRef: 'bad-7' }, 422, 'amount_mismatch'],
        ['ord_nope', { kind: 'payment', amount: 1, currency: 'CNY', providerRef: 'bad-8' }, 404, 'order_not_found'],
        [o.id, offContract({ kind: 'payment', amount: 3000, currency: 'CNY', providerRef: 'bad-9', cardNumber: '4111111111111111', cvv: '123' }), 400, 'invalid_request'],
        [o.id, { kind: 'payment', amount: 0, currency: 'CNY', providerRef: 'bad-10' }, 400, 'invalid_request'],
        [o.id, offContract({ kind: 'chargeback', amount: 3000, currency: 'CNY', providerRef: 'bad-11' }), 400, 'invalid_request'],
        [o.id, offContract({ kind: 'payment', amount: 3000, currency: 'CNY' }), 400, 'invalid_request'],
      ]
      for (const [id, payload, status, code] of cases) assert.equal((await pay(id, payload, status)).error?.code, code, JSON.stringify(payload))
      // Amounts in a message read both ways: major units with the currency, and the minor units the API speaks.
      const short = (await pay(o.id, { kind: 'payment', amount: 2999, currency: 'CNY', providerRef: 'bad-12' }, 422)).error as Record<string, unknown>
      assert.equal(short.detail, `Order ${o.id} expects 30.00 CNY (3000) for this payment, not 29.99 CNY (2999).`)
      assert.equal(short.expected, 3000, 'fields stay in minor units')
      assert.match(String((await pay(o.id, { kind: 'refund', amount: 1, currency: 'CNY', providerRef: 'bad-13' }, 422)).error?.detail), /^Only 0\.00 CNY \(0\) of order /)
      assert.deepEqual([await stateOf(o.id), await stateOf(deposit.id)], before)
      // A refused report remembers nothing: the reference may be used once the report is right.
      await pay(o.id, { kind: 'payment', amount: 3000, currency: 'CNY', providerRef: 'bad-1' }, 201)
      await pay(o.id, { kind: 'payment', amount: 1, currency: 'CNY', providerRef: 'ch-1' }, 403, w.webAuth)
      await pay(o.id, { kind: 'payment', amount: 1, currency: 'CNY', providerRef: 'ops-1' }, 403, w.ops)
    })

    it('an order refunded in full cannot ship; a partly refunded one can', async () => {
      const full = await newOrder()
      await pay(full.id, { kind: 'payment', amount: 3000, currency: 'CNY', providerRef: `p-${full.id}` }, 201)
      await pay(full.id, { kind: 'refund', amount: 3000, currency: 'CNY', providerRef: `r-${full.id}` }, 201)
      assert.equal((await refused(api(w.ops).POST('/v1/orders/{id}/ship', { ...path(full.id), body: {} }), 409)).code, 'order_refunded')
      assert.equal((await stateOf(full.id)).status, 'paid')
      const part = await newOrder()
      await pay(part.id, { kind: 'payment', amount: 3000, currency: 'CNY', providerRef: `p-${part.id}` }, 201)
      await pay(part.id, { kind: 'refund', amount: 1000, currency: 'CNY', providerRef: `r-${part.id}` }, 201)
      assert.equal((await answered(api(w.ops).POST('/v1/orders/{id}/ship', { ...path(part.id), body: {} }))).status, 'shipped')
    })

    it('a deposit, then the balance in its window, then a partial refund', async () => {
      const o = await placeDepositOrder(t, w, { unitPrice: 10_000, deposit: 2000, credit: 3000 })
      await pay(o.id, { kind: 'deposit', amount: 2000, currency: 'CNY', providerRef: `dep-${o.id}` }, 201)
      let s = await stateOf(o.id)
      assert.deepEqual([s.status, s.paid, s.owed], ['deposit_paid', 2000, 7000], 'the deposit counts 3,000 toward the price')
      const after = await answered(api(w.admin).GET('/v1/orders/{id}', path(o.id)))
      assert.equal(after.dueAt, after.paymentPlan.balanceBy, 'the next deadline is the end of the balance window')
      assert.equal((await pay(o.id, { kind: 'balance', amount: 7000, currency: 'CNY', providerRef: `bal-${o.id}` }, 409)).error?.code, 'balance_window_not_open')
      clock.advance(dayMs)
      assert.equal((await pay(o.id, { kind: 'balance', amount: 8000, currency: 'CNY', providerRef: `bal-${o.id}` }, 422)).error?.code, 'amount_mismatch')
      await pay(o.id, { kind: 'balance', amount: 7000, currency: 'CNY', providerRef: `bal-${o.id}` }, 201)
      s = await stateOf(o.id)
      assert.deepEqual([s.status, s.paid, s.owed], ['paid', 9000, 0])
      await pay(o.id, { kind: 'refund', amount: 500, currency: 'CNY', providerRef: `ref-${o.id}` }, 201)
      s = await stateOf(o.id)
      assert.deepEqual([s.status, s.refunded, s.refundDue], ['paid', 500, 0])
      assert.equal((await pay(o.id, { kind: 'refund', amount: 8501, currency: 'CNY', providerRef: `ref2-${o.id}` }, 422)).error?.code, 'refund_exceeds_paid')
      const list = await answered(api(w.webAuth).GET('/v1/orders/{id}/payments', path(o.id)))
      assert.deepEqual(list.items.map((p) => [p.kind, p.amount]), [['deposit', 2000], ['balance', 7000], ['refund', 500]])
      await refused(api(w.pay2).GET('/v1/orders/{id}/payments', path(o.id)), 404)
      const other = (await pay(o.id, { kind: 'refund', amount: 100, currency: 'CNY', providerRef: `ref3-${o.id}` }, 422, w.pay2)).error
      assert.deepEqual([other?.code, other?.providerNet], ['refund_exceeds_provider_payments', 0], 'a refund goes back the way the money came')
      const timeline = await answered(api(w.admin).GET('/v1/orders/{id}/timeline', path(o.id)))
      assert.deepEqual(timeline.items.map((e) => e.kind), ['placed', 'deposit_paid', 'balance_paid', 'refund_issued'])
    })
  })
}
