/**
 * Holds are released exactly once, as a property on both stores: random interleavings of placing
 * orders, paying, cancelling, the expiry sweep (the injected clock moved past payment deadlines),
 * a payment or a cancel racing the sweep, receipts and shipping, over a few orders on one SKU
 * sold from the shelf and a PO line. After every step: O at the position is exactly the open
 * lines' stock, S is never negative, each slot's promised units are the open lines' parts on it,
 * every order has the status a simple model expects, an ended order has exactly one ending on its
 * timeline, and the release movements account for exactly one release per ended order that held
 * stock, of exactly that stock.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, newKey, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { assertProperty } from './helpers/seeds.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { eventKindOf } from '../src/orders/decide.ts'
import { storeKinds } from '../src/store/testing.ts'

const minuteMs = 60_000
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never
const which = fc.nat({ max: 7 })
const stepArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('place' as const), quantity: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), which }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), which }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sweep' as const), minutes: fc.constantFrom(2, 10, 31) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('race' as const), action: fc.constantFrom('pay' as const, 'cancel' as const), sweepFirst: fc.boolean(), which }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ship' as const), which }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), quantity: fc.integer({ min: 1, max: 4 }) }) },
)
const runArb = fc.record({ shelf: fc.integer({ min: 0, max: 8 }), slot: fc.integer({ min: 0, max: 6 }), steps: fc.array(stepArb, { minLength: 4, maxLength: 22 }) })

type Status = 'pending_payment' | 'paid' | 'cancelled' | 'shipped'
interface Tracked { id: string; total: number; quantity: number; status: Status; dueAtMs: number; endedBy?: 'expired' | 'cancelled' }
const ending = new Set(['expired', 'forfeited', 'cancelled', 'cancelled_for_delay'])
const lifecycleKinds = new Set<string>(Object.values(eventKindOf))

for (const kind of await storeKinds()) {
  describe(`holds are released exactly once, whatever the interleaving (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const seen = { placed: 0, refused: 0, paid: 0, expired: 0, cancelled: 0, shipped: 0, shipRefused: 0, raced: 0, raceLost: 0, backorders: 0 }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
    })
    after(() => t.close())

    it('after every step: O is the open lines’ stock, S ≥ 0, slots match, each ended order was released once', async (ctx) => {
      const call = requester(t)
      let run = 0
      await assertProperty(ctx, fc.asyncProperty(runArb, async ({ shelf, slot: slotUnits, steps }) => {
        const code = `HOLD-${++run}`
        const sku = (await call('POST', '/v1/skus', w.admin, { code, name: `Hold test ${run}` }, 201)).json()
        const slotId = `pol-hold-${run}`
        if (shelf > 0) await call('POST', '/v1/inventory/receipts', w.admin, { sku: code, node: 'WH-E', quantity: shelf })
        await call('PUT', `/v1/skus/${code}/sell-ahead-policy`, w.ops, { kinds: ['stock', 'po_confirmed'], horizonDays: 30 })
        await addSlot(t, { id: slotId, skuId: sku.id, nodeId: w.whEast.id, kind: 'po_confirmed', quantity: slotUnits, days: 5 })
        const orders: Tracked[] = []
        const pick = (i: number) => (orders.length === 0 ? undefined : orders[i % orders.length])
        const pay = (o: Tracked) => t.app.inject({ method: 'POST', url: `/v1/orders/${o.id}/payments`, headers: w.pay, payload: { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `hold-${o.id}-${newKey()}` } })
        const cancel = (o: Tracked) => t.app.inject({ method: 'POST', url: `/v1/orders/${o.id}/cancel`, headers: w.appAuth, payload: { reason: 'changed my mind' } })
        /** What the sweep must expire now: this run's unpaid orders past their deadline (every earlier run ended all of its orders). */
        const due = () => orders.filter((o) => o.status === 'pending_payment' && o.dueAtMs <= clock.nowMs())
        const expire = (os: Tracked[]) => { for (const o of os) { o.status = 'cancelled'; o.endedBy = 'expired'; seen.expired++ } }
        const lineOf = async (o: Tracked) => (await t.services.orders.get(o.id))!.lines[0]

        const step = async (s: ValueOf<typeof stepArb>) => {
          if (s.kind === 'place') {
            const res = await t.app.inject({
              method: 'POST', url: '/v1/orders', headers: { ...w.appAuth, 'idempotency-key': newKey() },
              payload: { customerId: `c${orders.length}`, lines: [{ sku: code, quantity: s.quantity, unitPrice: 100 }], fulfilment: shipEast },
            })
            if (res.statusCode === 409) { seen.refused++; assert.equal(res.json().code, 'insufficient_supply', res.body); return }
            assert.equal(res.statusCode, 201, res.body)
            const o = res.json()
            orders.push({ id: o.id, total: o.total, quantity: s.quantity, status: 'pending_payment', dueAtMs: clock.nowMs() + 30 * minuteMs })
            seen.placed++
            if (o.lines[0].stockQuantity < s.quantity) seen.backorders++
          } else if (s.kind === 'receive') {
            await call('POST', '/v1/inventory/receipts', w.admin, { sku: code, node: 'WH-E', quantity: s.quantity })
          } else if (s.kind === 'sweep') {
            clock.advance(s.minutes * minuteMs)
            const expected = due()
            assert.deepEqual(await t.services.orders.sweepDue(), { expired: expected.length, forfeited: 0 }, 'the sweep expires exactly the unpaid orders past their deadline')
            expire(expected)
          } else {
            const o = pick(s.which)
            if (!o) return
            if (s.kind === 'pay') {
              const res = await pay(o)
              assert.equal(res.statusCode, o.status === 'pending_payment' ? 201 : 409, res.body)
              if (res.statusCode === 201) { o.status = 'paid'; seen.paid++ }
            } else if (s.kind === 'cancel') {
              const res = await cancel(o)
              assert.equal(res.statusCode, o.status === 'pending_payment' || o.status === 'paid' ? 200 : 409, res.body)
              if (res.statusCode === 200) { o.status = 'cancelled'; o.endedBy = 'cancelled'; seen.cancelled++ }
            } else if (s.kind === 'ship') {
              const line = await lineOf(o)
              const res = await t.app.inject({ method: 'POST', url: `/v1/orders/${o.id}/ship`, headers: w.ops, payload: {} })
              const ready = o.status === 'paid' && line.allocation.stockQuantity === o.quantity
              assert.equal(res.statusCode, ready ? 200 : 409, res.body)
              if (ready) { o.status = 'shipped'; seen.shipped++ } else if (o.status === 'paid') seen.shipRefused++
            } else {
              // A payment or a cancel racing the sweep, with the order's deadline passed: exactly one of them ends (or keeps) it.
              clock.advance(31 * minuteMs)
              const others = due().filter((x) => x !== o)
              const contested = o.status === 'pending_payment'
              const act = () => (s.action === 'pay' ? pay(o) : cancel(o))
              const [res, swept] = s.sweepFirst
                ? await Promise.all([act(), t.services.orders.sweepDue()]).then(([r, sw]) => [r, sw] as const)
                : await (async () => { const r = act(); await new Promise((resolve) => setImmediate(resolve)); return [await r, await t.services.orders.sweepDue()] as const })()
              const won = s.action === 'pay' ? res.statusCode === 201 : res.statusCode === 200
              const cancellable = o.status === 'pending_payment' || (s.action === 'cancel' && o.status === 'paid')
              if (!contested) assert.equal(won, cancellable, res.body)
              else {
                seen.raced++
                if (!won) {
                  seen.raceLost++
                  assert.deepEqual([res.statusCode, res.json().code], [409, 'illegal_transition'], res.body)
                }
              }
              assert.deepEqual(swept, { expired: others.length + (contested && !won ? 1 : 0), forfeited: 0 }, 'the sweep took every due order the action did not')
              expire(others)
              if (contested && !won) expire([o])
              else if (won && s.action === 'pay') { o.status = 'paid'; seen.paid++ }
              else if (won) { o.status = 'cancelled'; o.endedBy = 'cancelled'; seen.cancelled++ }
            }
          }
        }

        const check = async (label: string) => {
          const p = await t.services.inventory.position(sku.id, w.whEast.id)
          const lines = await t.services.db.all<{ order_id: string; status: string; quantity: number | string; stock_quantity: number | string; allocations: string }>(
            'SELECT order_id, status, quantity, stock_quantity, allocations FROM order_lines WHERE sku_id = ?', [sku.id])
          const open = lines.filter((l) => l.status === 'open')
          assert.equal(p.reserved, open.reduce((n, l) => n + Number(l.stock_quantity), 0), `${label}: O == Σ open lines’ stock`)
          assert.ok(p.sellable >= 0, `${label}: S ${p.sellable} < 0`)
          const slotRow = await t.services.db.get<{ quantity: number | string; promised: number | string }>('SELECT quantity, promised FROM supply_slots WHERE id = ?', [slotId])
          const onSlot = open.reduce((n, l) => n + (JSON.parse(l.allocations).parts as Array<{ source: string; quantity: number }>).filter((x) => x.source === slotId).reduce((m, x) => m + x.quantity, 0), 0)
          assert.equal(Number(slotRow?.promised ?? 0), onSlot, `${label}: slot promised == open lines’ parts on it`)
          assert.ok(onSlot <= Number(slotRow?.quantity ?? 0), `${label}: the slot is not over-promised`)
          const events = await t.services.db.all<{ order_id: string; kind: string }>(
            `SELECT order_id, kind FROM order_events WHERE order_id IN (${orders.map(() => '?').join(', ') || "''"}) ORDER BY id`, orders.map((o) => o.id))
          const byId = new Map(lines.map((l) => [l.order_id, l]))
          for (const o of orders) {
            const line = byId.get(o.id)!
            const lifecycle = events.filter((e) => e.order_id === o.id && lifecycleKinds.has(e.kind)).map((e) => e.kind)
            const wantLine = o.status === 'cancelled' ? 'cancelled' : o.status === 'shipped' ? 'shipped' : 'open'
            assert.equal(line.status, wantLine, `${label}: ${o.id} line`)
            assert.deepEqual(lifecycle.filter((k) => ending.has(k)), o.endedBy ? [o.endedBy] : [], `${label}: ${o.id} ended ${o.endedBy ?? 'not at all'}, once`)
            assert.equal(lifecycle.filter((k) => k === 'shipped').length, o.status === 'shipped' ? 1 : 0, `${label}: ${o.id} shipped once at most`)
          }
          // Releases are coalesced per batch: request_count counts the orders whose stock a movement gave back.
          const moved = await t.services.db.all<{ kind: string; requests: number | string; units: number | string }>(
            `SELECT kind, SUM(request_count) AS requests, SUM(quantity) AS units FROM movements WHERE sku_id = ? AND node_id = ? AND kind IN ('release', 'commit') GROUP BY kind`, [sku.id, w.whEast.id])
          const sums = (k: string) => { const r = moved.find((m) => m.kind === k); return [Number(r?.requests ?? 0), Number(r?.units ?? 0)] }
          const ended = lines.filter((l) => l.status === 'cancelled' && Number(l.stock_quantity) > 0)
          assert.deepEqual(sums('release'), [ended.length, ended.reduce((n, l) => n + Number(l.stock_quantity), 0)], `${label}: one release per ended order that held stock, of that stock`)
          const shipped = lines.filter((l) => l.status === 'shipped')
          assert.deepEqual(sums('commit'), [shipped.length, shipped.reduce((n, l) => n + Number(l.quantity), 0)], `${label}: one commit per shipped order`)
        }

        try {
          await check('start')
          for (const [i, s] of steps.entries()) {
            await step(s)
            await check(`step ${i} ${JSON.stringify(s)}`)
          }
          // This run's position folds from its movements (other runs' positions are theirs: a failing run must not fail the next).
          const ledger = await t.services.inventory.verify()
          assert.deepEqual([ledger.bucketMismatches.filter((m) => m.skuId === sku.id), ledger.reservedMismatches.filter((m) => m.skuId === sku.id)], [[], []], 'buckets == fold(movements)')
        } finally {
          // End every order of the run so the next run's sweeps see only its own.
          for (const o of orders) {
            if (o.status !== 'pending_payment' && o.status !== 'paid') continue
            const res = await t.app.inject({ method: 'POST', url: `/v1/orders/${o.id}/cancel`, headers: w.ops, payload: { reason: 'run over' } })
            if (res.statusCode === 200) o.status = 'cancelled'
          }
        }
      }), { numRuns: kind === 'sqlite' ? 150 : 100, regressionSeeds: [4] })
      // The interleavings really hit every path, often.
      const s = seen
      ctx.diagnostic(`paths taken: ${JSON.stringify(s)}`)
      assert.ok(s.placed > 150 && s.refused > 20 && s.backorders > 25 && s.paid > 35 && s.expired > 30 && s.cancelled > 15, JSON.stringify(s))
      assert.ok(s.shipped > 8 && s.shipRefused > 0 && s.raced > 12 && s.raceLost > 3 && s.raced - s.raceLost > 3, JSON.stringify(s))
    })
  })
}
