/**
 * Returns beyond the happy path: the lifecycle table walked cell by cell; a presale order returned
 * for remorse keeps the deposit's share; a restocked unit serves a waiting backorder and brings
 * its promise forward; and a property over random returns on both stores — every unit received
 * ends with exactly one disposition, nothing is sellable before it is judged, the ledger equals
 * the fold of its movements, and refunds never exceed what was paid less what was refunded.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { everyCell, fromAndBy } from './helpers/lifecycle.ts'
import { addSlot, dayMs, newKey, placeDepositOrder, seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { returnActions, returnTransitions, type ReturnAction, type ReturnParty } from '../src/returns/index.ts'
import { checkReturnAction } from '../src/returns/lifecycle.ts'
import { returnStatuses, type ReturnStatus } from '../src/returns/model.ts'
import { statusOf } from '../src/http/problem-status.ts'

type Auth = { authorization: string }

/** The table as the issue states it, written out by hand so the code's table can be wrong. */
const expected: Record<ReturnAction, { from: ReturnStatus[]; to: ReturnStatus | null; by: ReturnParty[] }> = {
  approve: { from: ['requested'], to: 'approved', by: ['merchant'] },
  reject: { from: ['requested'], to: 'rejected', by: ['merchant'] },
  ship: { from: ['approved'], to: 'in_transit', by: ['merchant', 'channel'] },
  receive: { from: ['approved', 'in_transit', 'received'], to: 'received', by: ['merchant', 'node'] },
  inspect: { from: ['received'], to: null, by: ['merchant', 'node'] },
  repair: { from: ['received', 'inspected', 'closed'], to: null, by: ['merchant', 'node'] },
  close: { from: ['received', 'inspected'], to: 'closed', by: ['merchant', 'system'] },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: ['merchant', 'channel'] },
}
const parties: ReturnParty[] = ['merchant', 'channel', 'node', 'system']

describe('return lifecycle table (pure)', () => {
  it('covers every action', () => assert.deepEqual([...returnActions].sort(), Object.keys(expected).sort()))
  it('is the table the issue states', () => assert.deepEqual(fromAndBy(returnTransitions), fromAndBy(expected)))
  it('leads where the issue says', () => assert.deepEqual(Object.fromEntries(returnActions.map((a) => [a, returnTransitions[a].to ?? null])),
    Object.fromEntries(returnActions.map((a) => [a, expected[a].to]))))
  for (const { action, status, party, outcome } of everyCell(expected, returnStatuses, parties)) {
    it(`${action} from ${status} by ${party}: ${outcome}`, () => {
      const r = checkReturnAction({ id: 'rma_x', status }, action, party!)
      if (outcome === 'ok') assert.equal(r, undefined)
      else assert.deepEqual([r?.code, statusOf(r!.code)], outcome === 'illegal_transition' ? ['illegal_transition', 409] : ['forbidden', 403])
    })
  }
})

for (const kind of await storeKinds()) {
  describe(`returns: presale, backorders and a property (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    let ops: Auth
    const clock = new ManualClock()
    const call = async (method: string, url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method: method as 'POST', url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    const shipAndDeliver = async (orderId: string) => {
      await call('POST', `/v1/orders/${orderId}/ship`, ops, {})
      await call('POST', `/v1/orders/${orderId}/deliver`, ops, {})
    }
    const deliveredOrder = async (sku: string, quantity: number, unitPrice = 5_000) => {
      const o = await call('POST', '/v1/orders', { ...w.webAuth, 'idempotency-key': newKey() } as Auth,
        { customerId: 'c-p', lines: [{ sku, quantity, unitPrice }], fulfilment: { method: 'ship', region: 'east' } }, 201)
      await call('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      await shipAndDeliver(o.id)
      return o
    }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      ops = w.ops
      // The web shop keeps no safety buffer here: one unit is one unit.
      await call('PATCH', `/v1/channels/${w.web.id}`, w.admin, { safetyBuffer: 0 })
    })
    after(() => t.close())

    it('a presale order returned for remorse keeps the deposit’s share and the return shipping: the deposit rule', async () => {
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 10 })
      const o = await placeDepositOrder(t, w, { unitPrice: 10_000, deposit: 2_000 })
      await call('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'deposit', amount: 2_000, currency: 'CNY', providerRef: `dep-${o.id}` }, 201)
      clock.advance(dayMs)
      await call('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'balance', amount: 8_000, currency: 'CNY', providerRef: `bal-${o.id}` }, 201)
      await shipAndDeliver(o.id)
      const r = await call('POST', '/v1/returns', w.webAuth, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
      const received = await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] })
      assert.equal(received.refundAmount, 10_000 - 2_000 - 1_000, 'the price less the deposit’s share and the customer’s return shipping')
      const detail = await call('GET', `/v1/returns/${r.id}`, ops)
      const requested = detail.events.find((e: { kind: string }) => e.kind === 'refund_requested')
      assert.deepEqual([requested.detail.depositKept, requested.detail.shipping, requested.detail.merchantFault], [2_000, 1_000, false])
    })

    it('a unit restocked from a return serves a backorder waiting at the node first, and its promise comes forward', async () => {
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 1 })
      const sold = await deliveredOrder('SKU-B', 1)
      await call('PUT', '/v1/skus/SKU-B/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
      await addSlot(t, { id: 'returns-backorder-slot', skuId: w.skuB.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: 5, days: 10 })
      const waiting = await call('POST', '/v1/orders', { ...w.webAuth, 'idempotency-key': newKey() } as Auth,
        { customerId: 'c-wait', lines: [{ sku: 'SKU-B', quantity: 1, unitPrice: 5_000 }], fulfilment: { method: 'ship', region: 'east' } }, 201)
      assert.equal(waiting.lines[0].stockQuantity, 0, 'a backorder on the PO')
      const r = await call('POST', '/v1/returns', w.webAuth, { order: sold.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
      await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] })
      assert.equal((await call('GET', `/v1/orders/${waiting.id}`, ops)).lines[0].stockQuantity, 0, 'not before it is judged')
      await call('POST', `/v1/returns/${r.id}/inspect`, ops, { units: [{ lineNo: 1, unitNo: 1, grade: 'A' }] })
      const after = await call('GET', `/v1/orders/${waiting.id}`, ops)
      assert.equal(after.lines[0].stockQuantity, 1, 'the restocked unit went to the waiting order')
      assert.ok(after.lines[0].promisedShipDate < waiting.lines[0].promisedShipDate, `${after.lines[0].promisedShipDate} before ${waiting.lines[0].promisedShipDate}`)
      const p = await t.services.inventory.position(w.skuB.id, w.whEast.id)
      assert.deepEqual([p.unsellable, p.sellable], [0, 0])
      await assertLedgerConsistent(t)
    })

    it('property: every received unit gets exactly one fate, nothing is sellable before inspection, refunds stay within what was paid', async () => {
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 500 })
      await call('PUT', '/v1/disposition-rules', w.admin, { rules: [
        { id: 'a', when: { grades: ['A'] }, then: { kind: 'restock' } },
        { id: 'b', when: { grades: ['B'] }, then: { kind: 'outlet', outletNodeId: w.store1.id } },
        { id: 'c', when: { grades: ['C'] }, then: { kind: 'refurbish' } },
        { id: 'd', when: { grades: ['D'] }, then: { kind: 'scrap' } },
      ] })
      const grade = fc.constantFrom('A', 'B', 'C', 'D')
      await fc.assert(fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }), fc.array(fc.record({ take: fc.integer({ min: 1, max: 3 }), grades: fc.array(grade, { minLength: 3, maxLength: 3 }), close: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        async (quantity, returnsOf) => {
          const o = await deliveredOrder('SKU-A', quantity)
          for (const plan of returnsOf) {
            const order = await call('GET', `/v1/orders/${o.id}`, ops)
            const returned = (await call('GET', `/v1/returns?order=${o.id}`, ops)).items
              .filter((x: { status: string }) => !['rejected', 'cancelled'].includes(x.status)).reduce((n: number, x: { lines: Array<{ quantity: number }> }) => n + x.lines[0].quantity, 0)
            const take = Math.min(plan.take, quantity - returned)
            if (take <= 0) {
              await call('POST', '/v1/returns', w.webAuth, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 409)
              continue
            }
            const r = await call('POST', '/v1/returns', w.webAuth, { order: o.id, lines: [{ orderLineNo: 1, quantity: take, reason: 'customer_remorse' }] }, 201)
            await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
            const arrive = plan.close ? Math.max(1, take - 1) : take
            const before = await t.services.inventory.position(w.skuA.id, w.whEast.id)
            await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: arrive }] })
            const held = await t.services.inventory.position(w.skuA.id, w.whEast.id)
            assert.equal(held.sellable, before.sellable, 'nothing sellable before inspection')
            assert.equal(held.unsellable - before.unsellable, arrive)
            const units = Array.from({ length: arrive }, (_, i) => ({ lineNo: 1, unitNo: i + 1, grade: plan.grades[i % 3] }))
            const inspected = await call('POST', `/v1/returns/${r.id}/inspect`, ops, { units })
            if (arrive < take) await call('POST', `/v1/returns/${r.id}/close`, ops, {})
            const done = await call('GET', `/v1/returns/${r.id}`, ops)
            assert.equal(done.status, 'closed')
            assert.equal(done.units.length, arrive, 'one row per unit received')
            assert.ok(done.units.every((u: { disposition: string | null; state: string }) => u.disposition !== null && u.state === 'disposed'), 'each with one fate')
            assert.equal(inspected.units.length, arrive)
            const moved = done.units.filter((u: { disposition: string }) => u.disposition === 'restock').length
            assert.ok(moved <= arrive)
            const now = await call('GET', `/v1/orders/${o.id}`, ops)
            assert.ok(now.refunded + now.refundDue <= now.paid, `refunds ${now.refunded} + ${now.refundDue} within ${now.paid}`)
            assert.ok(now.refundDue >= order.refundDue)
          }
        },
      ), { numRuns: kind === 'sqlite' ? 12 : 5, seed: 20261206 })
      await assertLedgerConsistent(t)
    })

    it('a refurbished unit stays unsellable until its repair is recorded: then sellable again, or scrapped', async () => {
      const o = await deliveredOrder('SKU-A', 2)
      const r = await call('POST', '/v1/returns', w.webAuth, { order: o.id, lines: [{ orderLineNo: 1, quantity: 2, reason: 'customer_remorse' }] }, 201)
      await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
      await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 2 }] })
      const before = await t.services.inventory.position(w.skuA.id, w.whEast.id)
      const inspected = await call('POST', `/v1/returns/${r.id}/inspect`, ops, { units: [{ lineNo: 1, unitNo: 1, grade: 'C' }, { lineNo: 1, unitNo: 2, grade: 'C' }] })
      assert.deepEqual(inspected.units.map((u: { disposition: string }) => u.disposition), ['refurbish', 'refurbish'])
      assert.equal((await t.services.inventory.position(w.skuA.id, w.whEast.id)).sellable, before.sellable, 'still unsellable')
      const fixed = await call('POST', `/v1/returns/${r.id}/repair`, ops, { lineNo: 1, unitNo: 1, outcome: 'sellable', notes: 'new strap' })
      assert.deepEqual([fixed.state, fixed.notes], ['repaired', 'new strap'])
      await call('POST', `/v1/returns/${r.id}/repair`, ops, { lineNo: 1, unitNo: 2, outcome: 'scrap' })
      const after = await t.services.inventory.position(w.skuA.id, w.whEast.id)
      assert.deepEqual([after.sellable - before.sellable, before.onHand - after.onHand, before.unsellable - after.unsellable], [1, 1, 2])
      assert.equal((await call('POST', `/v1/returns/${r.id}/repair`, ops, { lineNo: 1, unitNo: 1, outcome: 'scrap' }, 400)).code, 'invalid_inspection', 'repaired once')
      await assertLedgerConsistent(t)
    })
  })
}
