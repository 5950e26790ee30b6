/**
 * Events and views say the same thing, on both stores: placing an order (a presale order too)
 * publishes `order.changed`; re-promising an order moves its `updatedAt`; a cancelled line shows
 * no allocation and no promised dates; and dates in event payloads are written as the API writes
 * them (ISO 8601 text, days as YYYY-MM-DD), never as epoch milliseconds.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { newKey, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { createCampaign, presaleOrder } from './helpers/presale.ts'
import { dayAfter, requester } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const supplierBody = (code: string) => ({ code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14, paymentTerms: { kind: 'prepaid' } })
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** Every value in a payload whose name says it is a date or an instant, and every number that looks like epoch milliseconds. */
function datesIn(value: unknown, path = ''): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => datesIn(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = `${path}.${k}`
      const named = /(Date|At|By|Ms|Until)$/.test(k) || /^(at|date|eta)$/.test(k)
      return named && (v === null || typeof v !== 'object') ? [{ path: here, value: v }, ...datesIn(v, here)] : datesIn(v, here)
    })
  }
  return typeof value === 'number' && value >= 1e12 ? [{ path, value }] : []
}

for (const kind of await storeKinds()) {
  describe(`events and views agree (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args)
    const orderEvents = async (orderId: string) =>
      (await call('GET', '/v1/events?topic=order.changed&limit=500', w.admin)).json().items.filter((e: { subject: string }) => e.subject === orderId)
    const placeOne = async (quantity = 1) =>
      (await call('POST', '/v1/orders', w.appAuth, { customerId: 'c-1', lines: [{ sku: 'SKU-A', quantity, unitPrice: 1000 }], fulfilment: shipEast }, 201, { 'idempotency-key': newKey() })).json()

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 20 })
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    it('placing an order publishes order.changed with the batch that places it, before any payment', async () => {
      const order = await placeOne()
      const events = await orderEvents(order.id)
      assert.equal(events.length, 1)
      assert.deepEqual(events[0].payload, { orderId: order.id, channelId: w.app.id, customerId: 'c-1', status: 'pending_payment', action: 'place', events: ['placed'] })
      assert.equal(events[0].at, order.placedAt, 'the event is dated as the order is')
      await call('POST', `/v1/orders/${order.id}/payments`, w.pay, { kind: 'payment', amount: 1000, currency: 'CNY', providerRef: `ref-${order.id}` }, 201)
      assert.deepEqual((await orderEvents(order.id)).map((e: { payload: { action: string } }) => e.payload.action), ['place', 'pay'])
    })

    it('a replayed placement publishes nothing more', async () => {
      const key = newKey()
      const body = { customerId: 'c-2', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1000 }], fulfilment: shipEast }
      const first = (await call('POST', '/v1/orders', w.appAuth, body, 201, { 'idempotency-key': key })).json()
      await call('POST', '/v1/orders', w.appAuth, body, 201, { 'idempotency-key': key })
      assert.equal((await orderEvents(first.id)).length, 1)
    })

    it('a presale order publishes order.changed when placed too', async () => {
      const campaign = await createCampaign(t, w)
      const order = (await presaleOrder(t, w.appAuth, campaign.id, { customerId: 'c-presale', quantity: 1 })).json()
      const events = await orderEvents(order.id)
      assert.deepEqual(events.map((e: { payload: { action: string; status: string } }) => [e.payload.action, e.payload.status]), [['place', order.status]])
    })

    it('updatedAt moves when the system re-promises an order', async () => {
      await call('POST', '/v1/skus', w.admin, { code: 'SKU-R', name: 'Re-promised' }, 201)
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-R', node: 'WH-E', quantity: 3 })
      const order = (await call('POST', '/v1/orders', w.appAuth, { customerId: 'c-3', lines: [{ sku: 'SKU-R', quantity: 3, unitPrice: 1000 }], fulfilment: shipEast }, 201, { 'idempotency-key': newKey() })).json()
      assert.equal(order.updatedAt, order.placedAt)
      clock.advance(60_000)
      // A count finds one unit fewer: re-promising takes it back from the order's line.
      await call('POST', '/v1/inventory/counts', w.admin, { sku: 'SKU-R', node: 'WH-E', countedQuantity: 2, reason: 'cycle count' })
      const after = (await call('GET', `/v1/orders/${order.id}`, w.admin)).json()
      assert.deepEqual([after.lines[0].stockQuantity, after.lines[0].unallocated], [2, 1], 'the line was re-promised')
      assert.equal(after.updatedAt, new Date(clock.nowMs()).toISOString(), 'updatedAt is when it was re-promised')
      const listed = (await call('GET', '/v1/orders?customer=c-3', w.admin)).json().items[0]
      assert.equal(listed.updatedAt, after.updatedAt, 'the list says the same')
    })

    it('a cancelled line shows no allocation and no promised date; its first promise stays as history', async () => {
      const order = await placeOne(2)
      const line = order.lines[0]
      assert.ok(line.allocations.length > 0 && line.promisedShipDate !== null)
      const cancelled = (await call('POST', `/v1/orders/${order.id}/cancel`, w.appAuth, { reason: 'changed my mind' })).json()
      for (const view of [cancelled, (await call('GET', `/v1/orders/${order.id}`, w.admin)).json()]) {
        const l = view.lines[0]
        assert.deepEqual(
          [l.status, l.stockQuantity, l.unallocated, l.allocations, l.promisedShipDate, l.promisedDeliveryDate, l.riskNote, l.firstPromisedShipDate],
          ['cancelled', 0, 0, [], null, null, null, line.promisedShipDate])
        assert.deepEqual([view.promisedShipDate, view.promisedDeliveryDate, view.riskNote], [null, null, null])
      }
      assert.equal((await orderEvents(order.id)).at(-1).payload.status, 'cancelled')
    })

    it('supply.changed writes expected dates as the API shows them (YYYY-MM-DD), and no event carries epoch milliseconds', async () => {
      await call('POST', '/v1/suppliers', w.admin, supplierBody('sup-ev'), 201)
      await call('PUT', '/v1/suppliers/sup-ev/skus/SKU-A', w.admin, { unitCost: 900, virtualCap: 50 })
      await call('PUT', '/v1/suppliers/sup-ev/virtual-supply/SKU-A/WH-N', w.admin, { quantity: 5, leadTimeDays: 2 })
      const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'sup-ev', destination: 'WH-E', requestedDate: dayAfter(clock.nowMs(), 9), lines: [{ sku: 'SKU-A', quantity: 10 }] }, 201)).json()
      await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 6 })
      await call('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 2, eta: `${dayAfter(clock.nowMs(), 3)}T09:00:00.000Z` }, 201)

      const supply = (await call('GET', '/v1/events?topic=supply.changed&limit=500', w.admin)).json().items
      const view = (await call('GET', '/v1/supply?sku=SKU-A', w.admin)).json().lines as Array<{ sourceId: string; expectedDate: string | null }>
      const kinds = new Set(supply.map((e: { payload: { sourceType: string } }) => e.payload.sourceType))
      assert.deepEqual([...kinds].sort(), ['po_line', 'transfer', 'virtual'])
      for (const e of supply) {
        for (const line of [...e.payload.before, ...e.payload.after] as Array<{ sourceId: string; expectedDate: string | null }>) {
          assert.ok(line.expectedDate === null || isoDay.test(line.expectedDate), `${e.payload.sourceType} expectedDate ${line.expectedDate}`)
        }
        // The newest event of each open source says what GET /v1/supply says.
        const latest = supply.filter((x: { payload: { sourceType: string; after: Array<{ sourceId: string }> } }) => x.payload.after.some((l) => e.payload.after.some((m: { sourceId: string }) => m.sourceId === l.sourceId))).at(-1)
        for (const line of latest.payload.after as Array<{ sourceId: string; expectedDate: string | null }>) {
          const shown = view.find((v) => v.sourceId === line.sourceId)
          if (shown) assert.equal(line.expectedDate, shown.expectedDate, `${line.sourceId}: event and view`)
        }
      }

      const all = (await call('GET', '/v1/events?limit=500', w.admin)).json().items as Array<{ topic: string; payload: unknown }>
      assert.ok(new Set(all.map((e) => e.topic)).size >= 5, 'several kinds of events were checked')
      for (const e of all) {
        for (const { path, value } of datesIn(e.payload)) {
          assert.ok(value === null || (typeof value === 'string' && (isoInstant.test(value) || isoDay.test(value))), `${e.topic} ${path} = ${JSON.stringify(value)}`)
        }
      }
    })
  })
}
