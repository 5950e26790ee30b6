/**
 * After any history of orders (placed from stock or future supply, paid, shipped, cancelled,
 * expired), deposits and balances, receipts and supplier delays, with the projector catching up
 * at random points, the rollups equal a recount from scratch of the orders, their timelines and
 * delays (test/helpers/analytics.ts). Both stores.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays, placeOrder } from './helpers/repromise.ts'
import { placeDepositOrder, receive } from './helpers/orders.ts'
import { recount, rollups, sorted, sourceOfLine, type Source } from './helpers/analytics.ts'
import { recordPayment, type Order, type PaymentInput } from '../src/orders/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { assertProperty } from './helpers/seeds.ts'

const hourMs = 3_600_000

type Step =
  | { kind: 'place'; quantity: number; channel: 0 | 1 }
  | { kind: 'deposit_order' }
  | { kind: 'pay' | 'ship' | 'cancel' | 'pay_balance'; pick: number }
  | { kind: 'receive'; quantity: number }
  | { kind: 'delay'; days: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'catch_up' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('place' as const), quantity: fc.integer({ min: 1, max: 4 }), channel: fc.constantFrom(0 as const, 1 as const) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('deposit_order' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constantFrom('pay' as const, 'ship' as const, 'cancel' as const, 'pay_balance' as const), pick: fc.nat() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('receive' as const), quantity: fc.integer({ min: 1, max: 6 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delay' as const), days: fc.integer({ min: 1, max: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 60 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('catch_up' as const) }), weight: 2 },
)

for (const kind of await storeKinds()) {
  describe(`analytics rollups equal a recount after random histories (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let appChannelId: string
    let po: { id: string; lineId: string }
    let etaDays = 10
    const clock = new ManualClock(Date.UTC(2026, 10, 11, 9))
    const orders: Order[] = []
    /** Each line's source at placement: the projector counts a placement when it first sees it, right after here. */
    const sources = new Map<string, Source>()
    let ref = 0

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      appChannelId = (await requester(t)('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id], safetyBuffer: 0 }, 201)).json().id
      await receive(t, w as never, 'SKU-A', 'WH-E', 6)
      po = await confirmedPo(t, w, 500, etaDays)
    })
    after(() => t.close())

    const remember = async (order: Order) => {
      orders.push(order)
      for (const line of order.lines) sources.set(`${order.id}#${line.lineNo}`, sourceOfLine(order, line))
      await t.services.analytics.catchUp()
    }
    const pay = (o: Order, kind: PaymentInput['kind'], amount: number) =>
      recordPayment(t.services.orders, o.id, { kind, amount, currency: 'CNY', providerRef: `p-${kind}-${++ref}` }, 'alipay', { actor: 'test', party: 'provider' })

    async function run(s: Step): Promise<void> {
      const picked = 'pick' in s && orders.length > 0 ? orders[s.pick % orders.length] : undefined
      switch (s.kind) {
        case 'place': {
          const placed = await placeOrder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: s.quantity, channelId: s.channel === 0 ? w.web.id : appChannelId })
          if (placed.ok) await remember(placed.value.order)
          return
        }
        case 'deposit_order': {
          const stock = await t.services.inventory.position(w.skuA.id, w.whEast.id)
          if (stock.onHand - stock.reserved >= 1) await remember(await placeDepositOrder(t, w as never, { deposit: 2000 }))
          return
        }
        case 'pay':
          if (!picked) return
          if (picked.payment.kind === 'full') await pay(picked, 'payment', picked.total)
          else await pay(picked, 'deposit', picked.payment.deposit)
          return
        case 'pay_balance':
          if (picked?.payment.kind === 'deposit') await pay(picked, 'balance', picked.payment.balance)
          return
        case 'ship':
          if (picked) await t.services.orders.act(picked.id, 'ship', { actor: 'ops', party: 'merchant' })
          return
        case 'cancel':
          if (picked) await t.services.orders.act(picked.id, 'cancel', { actor: 'ops', party: 'merchant' })
          return
        case 'receive':
          await receive(t, w as never, 'SKU-A', 'WH-E', s.quantity)
          return
        case 'delay':
          etaDays += s.days
          await requester(t)('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, etaDays), reason: 'late' })
          return
        case 'advance':
          clock.advance(s.hours * hourMs)
          etaDays = Math.max(1, etaDays - Math.floor(s.hours / 24))
          await t.services.orders.sweepDue()
          return
        case 'catch_up':
          await t.services.analytics.catchUp()
      }
    }

    it('holds for every history', async (ctx) => {
      await assertProperty(ctx, fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        for (const s of steps) await run(s)
        await t.services.analytics.catchUp()
        const stored = await rollups(t)
        const expected = await recount(t, sources)
        assert.deepEqual(sorted(stored.daily), sorted(expected.daily))
        assert.deepEqual(sorted(stored.backorders), sorted(expected.backorders))
      }), { numRuns: 20 })
    })
  })
}
