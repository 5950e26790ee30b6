/**
 * The order lifecycle as data: every action from every status, legal or illegal_transition, and
 * every party, allowed or forbidden. Pure over the decision, then on both stores through the
 * service, where an illegal step must change nothing.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { openDelayOffer, place, placeDepositOrder, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { decideAction } from '../src/orders/decide.ts'
import { amountOwed, orderActions, orderStatuses, orderTransitions, type Order, type OrderAction, type OrderStatus, type Party } from '../src/orders/index.ts'
import { statusOf } from '../src/http/problem-status.ts'
import { everyCell, fromAndBy } from './helpers/lifecycle.ts'

/** The table as the issue states it, written out by hand so the code's table can be wrong. */
const expected: Record<OrderAction, { from: OrderStatus[]; to?: OrderStatus; by: Party[] }> = {
  pay: { from: ['pending_payment'], to: 'paid', by: ['provider'] },
  pay_deposit: { from: ['pending_deposit'], to: 'deposit_paid', by: ['provider'] },
  pay_balance: { from: ['deposit_paid'], to: 'paid', by: ['provider', 'system'] },
  expire: { from: ['pending_payment', 'pending_deposit'], to: 'cancelled', by: ['system'] },
  forfeit: { from: ['deposit_paid'], to: 'cancelled', by: ['system'] },
  cancel: { from: ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'], to: 'cancelled', by: ['customer', 'merchant'] },
  cancel_for_delay: { from: ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'], to: 'cancelled', by: ['customer', 'merchant'] },
  ship: { from: ['paid'], to: 'shipped', by: ['merchant'] },
  deliver: { from: ['shipped'], to: 'delivered', by: ['merchant', 'system'] },
  // The status stays.
  reprice: { from: ['pending_deposit', 'deposit_paid', 'paid'], by: ['system'] },
}
const parties: Party[] = ['customer', 'merchant', 'provider', 'system']

function orderIn(status: OrderStatus): Order {
  const deposit = status === 'pending_deposit' || status === 'deposit_paid'
  return {
    id: 'ord_x', channelId: 'chn_web', customerId: 'c', campaignId: null, status, currency: 'CNY', fulfilment: { method: 'ship', region: 'east' },
    payment: deposit ? { kind: 'deposit', deposit: 200, depositCredit: 200, balance: 800, balanceFromMs: 0, balanceByMs: 10 } : { kind: 'full' },
    total: 1000, paid: status === 'pending_payment' || status === 'pending_deposit' ? 0 : status === 'deposit_paid' ? 200 : 1000, refunded: 0,
    dueAtMs: 5, reference: null, placedAtMs: 0, updatedAtMs: 0,
    lines: [{
      lineNo: 1, skuId: 's', nodeId: 'n', quantity: 1, unitPrice: 1000, allocation: { stockQuantity: 1, parts: [{ source: 'stock', kind: 'stock', quantity: 1, availableAtMs: 0 }], unallocated: 0 },
      rule: { stock: true, virtual: false, virtualLeadDays: 0, slotKinds: [], slotIds: null, unconfirmedBufferDays: 0 },
      shipByMs: 0, deliverByMs: 0, firstShipByMs: 0, priorityClass: 0, placedAtMs: 0, status: status === 'shipped' || status === 'delivered' ? 'shipped' : status === 'cancelled' ? 'cancelled' : 'open', shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: null, firstNodeId: 'node_first',
    }],
  }
}

describe('order lifecycle table (pure)', () => {
  it('covers every action', () => assert.deepEqual([...orderActions].sort(), Object.keys(expected).sort()))
  it('is the table the issue states', () => assert.deepEqual(fromAndBy(orderTransitions), fromAndBy(expected)))
  for (const { action, status, party, outcome } of everyCell(expected, orderStatuses, parties)) {
    it(`${action} from ${status} by ${party}: ${outcome === 'ok' ? `→ ${expected[action].to ?? status}` : outcome}`, () => {
      const order = orderIn(status)
      const reprice = { total: order.total, payment: order.payment, dueAtMs: order.dueAtMs, refundDueAdded: 0, lines: [] }
      const r = decideAction(order, action, { nowMs: 100, party: party!, delayOfferOpen: true, amount: amountOwed(order), detail: {}, reprice })
      if (outcome === 'ok') {
        assert.ok(r.ok, !r.ok ? r.detail : '')
        assert.equal(r.value.order.status, expected[action].to ?? status)
      } else {
        assert.ok(!r.ok)
        assert.deepEqual([r.code, statusOf(r.code)], outcome === 'illegal_transition' ? ['illegal_transition', 409] : ['forbidden', 403])
      }
    })
  }
})

describe('reprice (pure)', () => {
  it('sets the new total, plan, deadline and line prices, adds what is owed back, and keeps the status', () => {
    const order = orderIn('paid')
    const payment = { kind: 'deposit' as const, deposit: 200, depositCredit: 200, balance: 600, balanceFromMs: 10, balanceByMs: 20 }
    const r = decideAction({ ...order, refundDue: 50 }, 'reprice', {
      nowMs: 100, party: 'system', delayOfferOpen: false, detail: {}, reprice: { total: 800, payment, dueAtMs: 20, refundDueAdded: 200, lines: [{ lineNo: 1, unitPrice: 800 }] },
    })
    assert.ok(r.ok, !r.ok ? r.detail : '')
    const after = r.value.order
    assert.deepEqual([after.status, after.total, after.payment, after.dueAtMs, after.refundDue, after.updatedAtMs], ['paid', 800, payment, 20, 250, 100])
    assert.deepEqual(after.lines.map((l) => [l.lineNo, l.unitPrice, l.status]), [[1, 800, 'open']])
    assert.deepEqual([r.value.stock, r.value.acceptDelays, r.value.events[0].kind], [null, false, 'presale_repriced'])
  })
  it('refuses without terms, and refuses anyone but the system', () => {
    const order = orderIn('deposit_paid')
    const none = decideAction(order, 'reprice', { nowMs: 1, party: 'system', delayOfferOpen: false, detail: {} })
    assert.equal(!none.ok && none.code, 'reprice_terms_required')
    assert.match(!none.ok ? none.detail : '', /needs the new total/)
    const merchant = decideAction(order, 'reprice', { nowMs: 1, party: 'merchant', delayOfferOpen: false, detail: {}, reprice: { total: 1, payment: order.payment, dueAtMs: null, refundDueAdded: 0, lines: [] } })
    assert.equal(!merchant.ok && merchant.code, 'forbidden')
  })
})

for (const kind of await storeKinds()) {
  describe(`order lifecycle on the store (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 200)
    })
    after(() => t.close())

    const by = (party: Party) => ({ actor: `test:${party}`, party })
    const run = (order: Order, action: OrderAction, party: Party) => t.services.orders.inTransaction(async (tx) => {
      const locked = (await t.services.orders.get(order.id, tx))!
      const amount = action === 'pay_deposit' && locked.payment.kind === 'deposit' ? locked.payment.deposit : amountOwed(locked)
      return t.services.orders.transitionWithin(tx, locked, action, by(party), { amount })
    })
    const step = async (order: Order, action: OrderAction, party: Party) => {
      const r = await run(order, action, party)
      assert.ok(r.ok, !r.ok ? `${action}: ${r.detail}` : '')
      return r.value
    }

    /** An order brought to `status` through the lifecycle itself. */
    async function orderIn(status: OrderStatus): Promise<Order> {
      if (status === 'pending_deposit' || status === 'deposit_paid') {
        const placed = await placeDepositOrder(t, w)
        return status === 'deposit_paid' ? step(placed, 'pay_deposit', 'provider') : placed
      }
      const placed: Order = (await place(t, w.admin, { channel: 'web', customerId: 'c', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 500 }], fulfilment: shipEast })).json()
      if (status === 'pending_payment') return placed
      if (status === 'cancelled') return step(placed, 'cancel', 'merchant')
      const paid = await step(placed, 'pay', 'provider')
      if (status === 'paid') return paid
      const shipped = await step(paid, 'ship', 'merchant')
      return status === 'shipped' ? shipped : step(shipped, 'deliver', 'merchant')
    }

    const eventCount = async (id: string) => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_events WHERE order_id = ?', [id]))!.n)

    it('every action from every status: legal cells move the order, illegal ones are illegal_transition and change nothing', async () => {
      const outcomes: string[] = []
      const wanted: string[] = []
      for (const status of orderStatuses) {
        // A reprice runs only inside a presale campaign's end (presale tests), never through the order service.
        for (const action of orderActions.filter((a) => a !== 'reprice')) {
          const order = await orderIn(status)
          await openDelayOffer(t, order.id)
          const before = await t.services.orders.get(order.id)
          const events = await eventCount(order.id)
          const r = await run(order, action, expected[action].by[0])
          const legal = expected[action].from.includes(status)
          wanted.push(`${status} ${action} ${legal ? expected[action].to : 'illegal_transition'}`)
          if (r.ok) {
            outcomes.push(`${status} ${action} ${(await t.services.orders.get(order.id))!.status}`)
            assert.equal(await eventCount(order.id), events + 1, 'one timeline entry per step')
          } else {
            outcomes.push(`${status} ${action} ${r.code}`)
            assert.deepEqual(await t.services.orders.get(order.id), before, `${status} ${action}: a refused step changes nothing`)
            assert.equal(await eventCount(order.id), events)
          }
        }
      }
      assert.deepEqual(outcomes, wanted)
      await assertLedgerConsistent(t)
    })

    it('a party the table does not name is forbidden and changes nothing', async () => {
      const order = await orderIn('paid')
      for (const [action, party] of [['ship', 'customer'], ['pay', 'merchant'], ['expire', 'merchant'], ['deliver', 'provider']] as Array<[OrderAction, Party]>) {
        const r = await run(order, action, party)
        assert.ok(!r.ok)
        assert.deepEqual([r.code, statusOf(r.code)], ['forbidden', 403])
      }
      assert.equal((await t.services.orders.get(order.id))!.status, 'paid')
    })
  })
}
