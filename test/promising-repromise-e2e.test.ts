/**
 * End to end over HTTP on both stores: two channels place 1,000 backorders through the API, a
 * supplier slips the PO line they are promised against; every one is re-promised and gets a delay with the policy's compensation, a
 * message and an event; each channel reads its own orders' delays and messages, nobody else's.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, confirmedPo, inDays, lineOf, outboxOf } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const orders = 1000
const quantityOf = (i: number) => (i % 3) + 1
const unitPriceOf = (i: number) => 1000 + 7 * i
/** 1.5 % of the line per day, 3 days late: 4.5 %, rounded half up, in whole minor units. */
const expectedCompensation = (i: number) => Math.floor((quantityOf(i) * unitPriceOf(i) * 45 + 500) / 1000)

for (const kind of await storeKinds()) {
  describe(`a PO slip with ${orders} backorders, over HTTP (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let app: { id: string }
    const ids: string[] = []
    const d = (days: number) => inDays(t, days)

    before(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
      app = (await requester(t)('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id] }, 201)).json()
    })
    after(() => t.close())

    it('re-promises every backorder and writes 1,000 delay notices with the right compensation', async () => {
      const call = requester(t)
      await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'percent_of_line_per_day', percentPerDay: 1.5, capPercent: 10 })
      await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
      const po = await confirmedPo(t, w, 2500, 10)
      // The channels place the orders through the API, 50 at a time (the engine batches them).
      const tokens = [await t.auth(`channel:${w.web.id}`), await t.auth(`channel:${app.id}`)]
      for (let i = 0; i < orders; i += 50) {
        const placed = await Promise.all(Array.from({ length: 50 }, (_, j) => call('POST', '/v1/orders', tokens[(i + j) % 2], {
          customerId: `cus_${i + j}`, lines: [{ sku: 'SKU-A', quantity: quantityOf(i + j), unitPrice: unitPriceOf(i + j) }], fulfilment: { method: 'ship', region: 'east' },
        }, 201, { 'idempotency-key': `e2e-${i + j}` })))
        for (const res of placed) ids.push(res.json().id)
      }
      const first = await lineOf(t, ids[0])
      assert.deepEqual([first.allocation.parts.map((p) => p.source), first.shipByMs], [[po.lineId], Date.parse(`${d(11)}T00:00:00Z`)], 'backorders on the PO line')
      const units = Array.from({ length: orders }, (_, i) => quantityOf(i)).reduce((a, b) => a + b, 0)
      const slot = await t.services.db.get<{ promised: number | string }>('SELECT promised FROM supply_slots WHERE id = ?', [po.lineId])
      assert.equal(Number(slot?.promised), units)

      const moved = (await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'port closed' })).json()
      assert.equal(moved.lines[0].earliestCustomerPromiseDate, d(14), 'the supplier sees the customers’ new date')

      const rows = await t.services.db.all<{ order_id: string; cause: string; old_ship_by: number | string; new_ship_by: number | string; days_late: number | string; compensation: string; status: string }>(
        'SELECT order_id, cause, old_ship_by, new_ship_by, days_late, compensation, status FROM order_delays')
      assert.equal(rows.length, orders)
      const byOrder = new Map(rows.map((r) => [r.order_id, r]))
      const old = Date.parse(`${d(11)}T00:00:00Z`)
      const now = Date.parse(`${d(14)}T00:00:00Z`)
      ids.forEach((id, i) => {
        const r = byOrder.get(id)!
        assert.deepEqual([r.cause, Number(r.old_ship_by), Number(r.new_ship_by), Number(r.days_late), r.status], ['eta_moved', old, now, 3, 'open'])
        assert.deepEqual(JSON.parse(r.compensation), { kind: 'coupon', amountMinor: expectedCompensation(i), currency: 'CNY', policy: 'percent_of_line_per_day' }, `order ${i}`)
      })
      const messages = await t.services.db.all<{ order_id: string; customer_id: string; kind: string }>('SELECT order_id, customer_id, kind FROM customer_messages')
      assert.deepEqual(messages.map((m) => `${m.order_id}|${m.customer_id}|${m.kind}`).sort(), ids.map((id, i) => `${id}|cus_${i}|delay`).sort())
      const events = await outboxOf(t, 'order.delayed')
      assert.deepEqual(events.map((e) => `${e.orderId}|${(e.compensation as { amountMinor: number }).amountMinor}`).sort(), ids.map((id, i) => `${id}|${expectedCompensation(i)}`).sort())
      const lines = await t.services.db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM order_lines WHERE ship_by = ? AND deliver_by = ?`, [now, now + 86_400_000])
      assert.equal(Number(lines[0].n), orders)
      await assertConsistent(t)
    })

    it('shows an order’s delays and messages to staff and its own channel only', async () => {
      const call = requester(t)
      const [webOrder, appOrder] = [ids[0], ids[1]]
      const web = await t.auth(`channel:${w.web.id}`)
      const appToken = await t.auth('channel:app')
      const delays = (await call('GET', `/v1/orders/${webOrder}/delays`, web)).json()
      assert.deepEqual(delays.items.map((x: Record<string, unknown>) => ({ ...x, id: typeof x.id, createdAt: typeof x.createdAt })), [{
        id: 'string', orderId: webOrder, lineNo: 1, cause: 'eta_moved', reason: `Our supplier moved its delivery from ${d(10)} to ${d(13)}.`,
        oldShipBy: d(11), newShipBy: d(14), daysLate: 3,
        compensation: { kind: 'coupon', amountMinor: expectedCompensation(0), currency: 'CNY', policy: 'percent_of_line_per_day' },
        status: 'open', createdAt: 'string',
      }])
      const messages = (await call('GET', `/v1/orders/${appOrder}/messages`, appToken)).json()
      assert.deepEqual(messages.items.map((m: { kind: string; subject: string; customerId: string }) => [m.kind, m.subject, m.customerId]),
        [['delay', `Your order ${appOrder} is delayed`, 'cus_1']])
      assert.equal((await call('GET', `/v1/orders/${appOrder}/delays`, w.admin)).json().items.length, 1)
      assert.equal((await call('GET', `/v1/orders/${appOrder}/delays`, w.ops)).json().items.length, 1)
      assert.equal((await call('GET', `/v1/orders/${appOrder}/delays`, web, undefined, 404)).json().code, 'order_not_found')
      assert.equal((await call('GET', `/v1/orders/${webOrder}/messages`, appToken, undefined, 404)).json().code, 'order_not_found')
      assert.equal((await call('GET', '/v1/orders/ord_nope/delays', w.admin, undefined, 404)).json().code, 'order_not_found')
      assert.equal((await call('GET', `/v1/orders/${webOrder}/delays`, w.s1Auth, undefined, 403)).json().code, 'forbidden')
    })
  })
}
