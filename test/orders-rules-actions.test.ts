/**
 * What each order action decides (src/orders/decide.ts), pure: the whole decision written out for
 * every action (the order after it, its money, its lines, the stock step and the timeline entry),
 * then the money rules of cancelling case by case and as a property: a paid deposit is kept only
 * when the customer walks away from a promise still kept; every other cancel refunds what was
 * paid and is not yet refunded or due.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decideAction, eventKindOf, notReadyToShip, type ActionContext, type ActionDecision } from '../src/orders/decide.ts'
import type { Order, OrderLine, OrderStatus, PaymentPlan } from '../src/orders/model.ts'
import type { OrderAction, Party } from '../src/orders/lifecycle.ts'
import type { Result } from '../src/kernel/result.ts'
import { assertProperty } from './helpers/seeds.ts'

const now = 1_700_000_000_000
const balanceByMs = 1_700_500_000_000
const depositPlan: PaymentPlan = { kind: 'deposit', deposit: 200, depositCredit: 300, balance: 700, balanceFromMs: 1_700_100_000_000, balanceByMs }

const line = (lineNo: number, quantity: number, stockQuantity: number, status: OrderLine['status'] = 'open'): OrderLine => ({
  lineNo, skuId: `sku_${lineNo}`, nodeId: 'node_e', quantity, unitPrice: 500, status, shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: null, firstNodeId: 'node_first',
  allocation: {
    stockQuantity, unallocated: 0,
    parts: [
      ...(stockQuantity > 0 ? [{ source: 'stock', kind: 'stock' as const, quantity: stockQuantity, availableAtMs: 0 }] : []),
      ...(quantity > stockQuantity ? [{ source: 'pol_1', kind: 'po_confirmed' as const, quantity: quantity - stockQuantity, availableAtMs: 5 }] : []),
    ],
  },
  rule: { stock: true, virtual: false, virtualLeadDays: 0, slotKinds: ['po_confirmed'], slotIds: null, unconfirmedBufferDays: 0 },
  shipByMs: 10, deliverByMs: 20, firstShipByMs: 10, priorityClass: 0, placedAtMs: 1,
})

/** An order of two lines of two units (1000 in all), one held as stock and one already cancelled. */
const order = (status: OrderStatus, over: Partial<Order> = {}): Order => ({
  id: 'ord_1', channelId: 'chn_web', customerId: 'cus_1', campaignId: null, status, currency: 'CNY', fulfilment: { method: 'ship', region: 'east' },
  payment: { kind: 'full' }, total: 1000, paid: 0, refunded: 0, dueAtMs: 1_700_000_900_000, reference: null, placedAtMs: 1, updatedAtMs: 2,
  lines: [line(1, 2, 2), line(2, 2, 0, 'cancelled')],
  ...over,
})

const ctx = (party: Party, over: Partial<ActionContext> = {}): ActionContext => ({ nowMs: now, party, delayOfferOpen: false, detail: { by: 'test' }, ...over })

/** The lines after a release or a shipment: the open ones change, the others stay as they were. */
/** Shipping ships every unit of each open line; cancelling cancels them. */
const linesAfter = (o: Order, status: 'cancelled' | 'shipped') =>
  o.lines.map((l) => (l.status === 'open' ? { ...l, status, ...(status === 'shipped' && { shippedQuantity: l.quantity }) } : l))
/** Delivery records the day on every shipped line. */
const delivered = (lines: Order['lines'], atMs: number) => lines.map((l) => (l.status === 'shipped' ? { ...l, deliveredAtMs: atMs } : l))

const decisionOf = (r: Result<ActionDecision>): ActionDecision => {
  assert.ok(r.ok, r.ok ? '' : `${r.code}: ${r.detail}`)
  return r.value
}
const refusalOf = (r: Result<ActionDecision>) => {
  assert.ok(!r.ok, 'accepted')
  return r
}

describe('order actions: the whole decision', () => {
  it('names each action on the timeline in the past tense', () => {
    assert.deepEqual(eventKindOf, {
      pay: 'paid', pay_deposit: 'deposit_paid', pay_balance: 'balance_paid', expire: 'expired', forfeit: 'forfeited',
      cancel: 'cancelled', cancel_for_delay: 'cancelled_for_delay', ship: 'shipped', deliver: 'delivered', reprice: 'presale_repriced',
    })
  })

  const cases: Array<[string, Order, OrderAction, ActionContext, ActionDecision]> = [
    ['pay: the whole order paid, nothing due any more', order('pending_payment'), 'pay', ctx('provider', { amount: 1000 }), {
      order: { ...order('pending_payment'), status: 'paid', paid: 1000, dueAtMs: null, updatedAtMs: now }, stock: null, acceptDelays: false,
      events: [{ kind: 'paid', detail: { from: 'pending_payment', to: 'paid', by: 'test', amount: 1000 } }],
    }],
    ['pay_deposit: the balance falls due at the end of its window', order('pending_deposit', { payment: depositPlan }), 'pay_deposit', ctx('provider', { amount: 200 }), {
      order: { ...order('pending_deposit', { payment: depositPlan }), status: 'deposit_paid', paid: 200, dueAtMs: balanceByMs, updatedAtMs: now }, stock: null, acceptDelays: false,
      events: [{ kind: 'deposit_paid', detail: { from: 'pending_deposit', to: 'deposit_paid', by: 'test', amount: 200 } }],
    }],
    ['pay_deposit on an order without a deposit plan: no balance falls due', order('pending_deposit'), 'pay_deposit', ctx('provider', { amount: 200 }), {
      order: { ...order('pending_deposit'), status: 'deposit_paid', paid: 200, dueAtMs: null, updatedAtMs: now }, stock: null, acceptDelays: false,
      events: [{ kind: 'deposit_paid', detail: { from: 'pending_deposit', to: 'deposit_paid', by: 'test', amount: 200 } }],
    }],
    ['pay_balance: added to the deposit, nothing due any more', order('deposit_paid', { payment: depositPlan, paid: 200, dueAtMs: balanceByMs }), 'pay_balance', ctx('system', { amount: 700 }), {
      order: { ...order('deposit_paid', { payment: depositPlan }), status: 'paid', paid: 900, dueAtMs: null, updatedAtMs: now }, stock: null, acceptDelays: false,
      events: [{ kind: 'balance_paid', detail: { from: 'deposit_paid', to: 'paid', by: 'test', amount: 700 } }],
    }],
    ['pay of nothing: a balance the deposit covers', order('deposit_paid', { payment: depositPlan, paid: 200 }), 'pay_balance', ctx('system', { amount: 0 }), {
      order: { ...order('deposit_paid', { payment: depositPlan }), status: 'paid', paid: 200, dueAtMs: null, updatedAtMs: now }, stock: null, acceptDelays: false,
      events: [{ kind: 'balance_paid', detail: { from: 'deposit_paid', to: 'paid', by: 'test', amount: 0 } }],
    }],
    ['expire: the open lines give their holds back', order('pending_payment'), 'expire', ctx('system'), {
      order: { ...order('pending_payment'), status: 'cancelled', dueAtMs: null, updatedAtMs: now, lines: linesAfter(order('pending_payment'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'expired', detail: { from: 'pending_payment', to: 'cancelled', by: 'test' } }],
    }],
    ['forfeit: the deposit paid and not refunded is kept', order('deposit_paid', { payment: depositPlan, paid: 200, refunded: 30 }), 'forfeit', ctx('system'), {
      order: { ...order('deposit_paid', { payment: depositPlan, paid: 200, refunded: 30 }), status: 'cancelled', dueAtMs: null, updatedAtMs: now, lines: linesAfter(order('deposit_paid'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'forfeited', detail: { from: 'deposit_paid', to: 'cancelled', by: 'test', depositKept: 170 } }],
    }],
    ['cancel unpaid: nothing to refund', order('pending_payment'), 'cancel', ctx('customer'), {
      order: { ...order('pending_payment'), status: 'cancelled', dueAtMs: null, refundDue: 0, updatedAtMs: now, lines: linesAfter(order('pending_payment'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'cancelled', detail: { from: 'pending_payment', to: 'cancelled', by: 'test', refundDue: 0 } }],
    }],
    ['cancel paid: what was paid and not refunded is due back', order('paid', { paid: 1000, refunded: 100, refundDue: 50, dueAtMs: null }), 'cancel', ctx('customer'), {
      order: { ...order('paid', { paid: 1000, refunded: 100 }), status: 'cancelled', dueAtMs: null, refundDue: 900, updatedAtMs: now, lines: linesAfter(order('paid'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'cancelled', detail: { from: 'paid', to: 'cancelled', by: 'test', refundDue: 850 } }],
    }],
    ['cancel a paid deposit by the customer: the deposit is kept', order('deposit_paid', { payment: depositPlan, paid: 200, refunded: 20 }), 'cancel', ctx('customer'), {
      order: { ...order('deposit_paid', { payment: depositPlan, paid: 200, refunded: 20 }), status: 'cancelled', dueAtMs: null, refundDue: 0, updatedAtMs: now, lines: linesAfter(order('deposit_paid'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'cancelled', detail: { from: 'deposit_paid', to: 'cancelled', by: 'test', refundDue: 0, depositKept: 180 } }],
    }],
    ['cancel a paid deposit by the merchant: refunded in full', order('deposit_paid', { payment: depositPlan, paid: 200 }), 'cancel', ctx('merchant'), {
      order: { ...order('deposit_paid', { payment: depositPlan, paid: 200 }), status: 'cancelled', dueAtMs: null, refundDue: 200, updatedAtMs: now, lines: linesAfter(order('deposit_paid'), 'cancelled') },
      stock: 'release', acceptDelays: false, events: [{ kind: 'cancelled', detail: { from: 'deposit_paid', to: 'cancelled', by: 'test', refundDue: 200 } }],
    }],
    ['cancel a paid deposit while a delay offer is open: refunded in full, the offer accepted', order('deposit_paid', { payment: depositPlan, paid: 200 }), 'cancel',
      ctx('customer', { delayOfferOpen: true }), {
        order: { ...order('deposit_paid', { payment: depositPlan, paid: 200 }), status: 'cancelled', dueAtMs: null, refundDue: 200, updatedAtMs: now, lines: linesAfter(order('deposit_paid'), 'cancelled') },
        stock: 'release', acceptDelays: true, events: [{ kind: 'cancelled', detail: { from: 'deposit_paid', to: 'cancelled', by: 'test', refundDue: 200, delayAccepted: true } }],
      }],
    ['cancel_for_delay: a full refund, deposit included, the offer accepted', order('deposit_paid', { payment: depositPlan, paid: 200 }), 'cancel_for_delay',
      ctx('customer', { delayOfferOpen: true }), {
        order: { ...order('deposit_paid', { payment: depositPlan, paid: 200 }), status: 'cancelled', dueAtMs: null, refundDue: 200, updatedAtMs: now, lines: linesAfter(order('deposit_paid'), 'cancelled') },
        stock: 'release', acceptDelays: true, events: [{ kind: 'cancelled_for_delay', detail: { from: 'deposit_paid', to: 'cancelled', by: 'test', refundDue: 200, delayAccepted: true } }],
      }],
    ['ship: every open line ships from its stock', order('paid', { paid: 1000, dueAtMs: null }), 'ship', ctx('merchant'), {
      order: { ...order('paid', { paid: 1000, dueAtMs: null }), status: 'shipped', updatedAtMs: now, lines: linesAfter(order('paid'), 'shipped') },
      stock: 'commit', acceptDelays: false, events: [{ kind: 'shipped', detail: { from: 'paid', to: 'shipped', by: 'test' } }],
    }],
    ['ship a partly refunded order', order('paid', { paid: 1000, refunded: 999, dueAtMs: null }), 'ship', ctx('merchant'), {
      order: { ...order('paid', { paid: 1000, refunded: 999, dueAtMs: null }), status: 'shipped', updatedAtMs: now, lines: linesAfter(order('paid'), 'shipped') },
      stock: 'commit', acceptDelays: false, events: [{ kind: 'shipped', detail: { from: 'paid', to: 'shipped', by: 'test' } }],
    }],
    ['ship an order of nothing to pay', order('paid', { total: 0, dueAtMs: null }), 'ship', ctx('merchant'), {
      order: { ...order('paid', { total: 0, dueAtMs: null }), status: 'shipped', updatedAtMs: now, lines: linesAfter(order('paid'), 'shipped') },
      stock: 'commit', acceptDelays: false, events: [{ kind: 'shipped', detail: { from: 'paid', to: 'shipped', by: 'test' } }],
    }],
    ['deliver: the lines stay as shipped, with the day they were delivered', order('shipped', { paid: 1000, lines: linesAfter(order('paid'), 'shipped') }), 'deliver', ctx('system'), {
      order: { ...order('shipped', { paid: 1000, lines: delivered(linesAfter(order('paid'), 'shipped'), now) }), status: 'delivered', dueAtMs: null, updatedAtMs: now },
      stock: null, acceptDelays: false, events: [{ kind: 'delivered', detail: { from: 'shipped', to: 'delivered', by: 'test' } }],
    }],
  ]
  for (const [name, o, action, c, expected] of cases) {
    it(name, () => assert.deepEqual(decisionOf(decideAction(o, action, c)), expected))
  }
})

describe('order actions: refusals', () => {
  it('checks the party and the lifecycle before anything else', () => {
    assert.equal(refusalOf(decideAction(order('paid'), 'ship', ctx('customer'))).code, 'forbidden')
    assert.equal(refusalOf(decideAction(order('pending_payment'), 'ship', ctx('merchant'))).code, 'illegal_transition')
    assert.equal(refusalOf(decideAction(order('cancelled'), 'cancel_for_delay', ctx('customer'))).code, 'illegal_transition', 'not no_delay_offer')
  })

  it('a payment needs its amount', () => {
    for (const [status, action] of [['pending_payment', 'pay'], ['pending_deposit', 'pay_deposit'], ['deposit_paid', 'pay_balance']] as const) {
      const r = refusalOf(decideAction(order(status), action, ctx('provider')))
      assert.deepEqual([r.code, r.detail], ['amount_required', 'A payment action needs the amount paid.'], action)
    }
  })

  it('cancel_for_delay needs an open delay offer; cancel does not', () => {
    for (const status of ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'] as const) {
      const r = refusalOf(decideAction(order(status), 'cancel_for_delay', ctx('customer')))
      assert.deepEqual([r.code, r.detail], ['no_delay_offer', 'Order ord_1 has no open delay offer to accept; cancel it instead.'], status)
      assert.ok(decideAction(order(status), 'cancel', ctx('customer')).ok, status)
    }
  })

  it('does not ship an order refunded in full', () => {
    for (const [paid, refunded] of [[1000, 1000], [1, 1], [500, 600]]) {
      const r = refusalOf(decideAction(order('paid', { paid, refunded }), 'ship', ctx('merchant')))
      assert.deepEqual([r.code, r.detail], ['order_refunded', 'Order ord_1 was refunded in full: cancel it instead of shipping it.'], `${refunded} of ${paid}`)
    }
  })

  it('does not ship while an open line is not all held as stock, and names those lines', () => {
    const lines = [line(1, 3, 3), line(2, 4, 1), line(3, 2, 0), line(4, 5, 0, 'cancelled'), line(5, 1, 0, 'shipped')]
    const r = refusalOf(decideAction(order('paid', { paid: 1000, lines }), 'ship', ctx('merchant')))
    assert.deepEqual([r.code, r.detail], ['not_ready_to_ship', 'Order ord_1 cannot ship yet: not every unit is held as stock.'])
    assert.deepEqual(r.extra, { lines: [{ lineNo: 2, quantity: 4, stockQuantity: 1 }, { lineNo: 3, quantity: 2, stockQuantity: 0 }] })
    const direct = notReadyToShip(order('paid'), [line(7, 2, 1)])
    assert.deepEqual(direct.ok ? 'accepted' : [direct.code, direct.extra], ['not_ready_to_ship', { lines: [{ lineNo: 7, quantity: 2, stockQuantity: 1 }] }])
  })
})

describe('order actions: the money of a cancel', () => {
  const statuses = ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid'] as const
  /** Paid so far by status: nothing, nothing, the deposit, the whole order. */
  const paidIn = { pending_payment: 0, pending_deposit: 0, deposit_paid: 200, paid: 1000 }

  it('keeps a paid deposit only when the customer cancels with no delay offer open; refunds all that was paid otherwise', () => {
    const rows: string[] = []
    for (const status of statuses) {
      for (const action of ['cancel', 'cancel_for_delay'] as const) {
        for (const party of ['customer', 'merchant'] as const) {
          for (const offer of [false, true]) {
            if (action === 'cancel_for_delay' && !offer) continue
            const o = order(status, { payment: status === 'pending_payment' || status === 'paid' ? { kind: 'full' } : depositPlan, paid: paidIn[status] })
            const d = decisionOf(decideAction(o, action, ctx(party, { delayOfferOpen: offer })))
            const e = d.events[0].detail
            rows.push(`${status} ${action} ${party}${offer ? ' offer' : ''}: refund ${e.refundDue}, kept ${e.depositKept ?? '-'}, due ${d.order.refundDue}, delays ${d.acceptDelays}`)
          }
        }
      }
    }
    assert.deepEqual(rows, [
      'pending_payment cancel customer: refund 0, kept -, due 0, delays false',
      'pending_payment cancel customer offer: refund 0, kept -, due 0, delays true',
      'pending_payment cancel merchant: refund 0, kept -, due 0, delays false',
      'pending_payment cancel merchant offer: refund 0, kept -, due 0, delays true',
      'pending_payment cancel_for_delay customer offer: refund 0, kept -, due 0, delays true',
      'pending_payment cancel_for_delay merchant offer: refund 0, kept -, due 0, delays true',
      'pending_deposit cancel customer: refund 0, kept -, due 0, delays false',
      'pending_deposit cancel customer offer: refund 0, kept -, due 0, delays true',
      'pending_deposit cancel merchant: refund 0, kept -, due 0, delays false',
      'pending_deposit cancel merchant offer: refund 0, kept -, due 0, delays true',
      'pending_deposit cancel_for_delay customer offer: refund 0, kept -, due 0, delays true',
      'pending_deposit cancel_for_delay merchant offer: refund 0, kept -, due 0, delays true',
      'deposit_paid cancel customer: refund 0, kept 200, due 0, delays false',
      'deposit_paid cancel customer offer: refund 200, kept -, due 200, delays true',
      'deposit_paid cancel merchant: refund 200, kept -, due 200, delays false',
      'deposit_paid cancel merchant offer: refund 200, kept -, due 200, delays true',
      'deposit_paid cancel_for_delay customer offer: refund 200, kept -, due 200, delays true',
      'deposit_paid cancel_for_delay merchant offer: refund 200, kept -, due 200, delays true',
      'paid cancel customer: refund 1000, kept -, due 1000, delays false',
      'paid cancel customer offer: refund 1000, kept -, due 1000, delays true',
      'paid cancel merchant: refund 1000, kept -, due 1000, delays false',
      'paid cancel merchant offer: refund 1000, kept -, due 1000, delays true',
      'paid cancel_for_delay customer offer: refund 1000, kept -, due 1000, delays true',
      'paid cancel_for_delay merchant offer: refund 1000, kept -, due 1000, delays true',
    ])
  })

  it('accounts for every unit of money paid: refunded, due back or kept, never more than was paid', async (t) => {
    const money = fc.integer({ min: 0, max: 1_000_000_000_000 }).chain((paid) => fc.record({
      paid: fc.constant(paid), refunded: fc.integer({ min: 0, max: paid }),
    }).chain((m) => fc.record({ paid: fc.constant(m.paid), refunded: fc.constant(m.refunded), refundDue: fc.option(fc.integer({ min: 0, max: m.paid - m.refunded }), { nil: undefined }) })))
    await assertProperty(t, fc.property(fc.constantFrom(...statuses), fc.constantFrom('cancel' as const, 'cancel_for_delay' as const), fc.constantFrom('customer' as const, 'merchant' as const),
      fc.boolean(), money, (status, action, party, offer, m) => {
        fc.pre(action === 'cancel' || offer)
        const o = order(status, { payment: depositPlan, ...m })
        const d = decisionOf(decideAction(o, action, ctx(party, { delayOfferOpen: offer })))
        const detail = d.events[0].detail as { refundDue: number; depositKept?: number }
        const dueBefore = m.refundDue ?? 0
        if ('depositKept' in detail) {
          assert.deepEqual([detail.refundDue, detail.depositKept], [0, m.paid - m.refunded], 'the deposit paid and not refunded is kept, nothing refunded')
        } else {
          assert.equal(detail.refundDue, m.paid - m.refunded - dueBefore, 'all that was paid and is neither refunded nor due is due back')
          assert.equal(d.order.refunded + d.order.refundDue!, m.paid, 'every unit paid is refunded or due back')
        }
        assert.equal(d.order.refundDue, dueBefore + detail.refundDue, 'the refund decided now adds to what was due')
        assert.equal('depositKept' in detail, action === 'cancel' && status === 'deposit_paid' && party === 'customer' && !offer)
        assert.equal(d.acceptDelays, offer && !('depositKept' in detail))
        assert.equal(d.order.paid, m.paid, 'a cancel moves no payment')
      }), { numRuns: 400 })
  })
})
