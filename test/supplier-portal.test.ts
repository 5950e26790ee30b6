/**
 * The supplier portal over HTTP on both stores: open PO lines sorted by the earliest customer
 * promise that depends on them, with the orders and units waiting (each order once, across a
 * line's ASN and the rest), paged; a supplier sees only its own lines, staff any supplier's. And
 * the ETA-move preview: what it says is what the move then does — the same delays, orders, units
 * and dates, and nothing written by the preview.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Line = { poId: string; lineId: string; skuId: string; supplierId: string; earliestCustomerPromiseDate: string | null; ordersWaiting: number; unitsWaiting: number; confidence: string; quantityOpen: number; quantityInTransit: number; eta: string | null }
type Headers = { authorization: string }
let keys = 0

for (const kind of await storeKinds()) {
  describe(`supplier portal (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock()
    const call = () => requester(t)
    const d = (days: number) => inDays(t, days)
    const po: Record<string, { id: string; lineId: string }> = {}
    const orders: Record<string, string> = {}

    /** A sent PO of `quantity` SKU units from a supplier, confirmed for `etaDays` ahead unless null. */
    async function purchase(supplier: string, auth: Headers, sku: string, node: string, quantity: number, etaDays: number | null) {
      const created = (await call()('POST', '/v1/purchase-orders', w.admin, { supplier, destination: node, lines: [{ sku, quantity }] }, 201)).json()
      await call()('POST', `/v1/purchase-orders/${created.id}/send`, w.admin)
      if (etaDays !== null) await call()('POST', `/v1/purchase-orders/${created.id}/confirm`, auth, { lines: [{ line: '1', quantityAccepted: quantity, eta: d(etaDays) }] })
      return { id: created.id as string, lineId: created.lines[0].id as string }
    }
    async function order(quantities: number[]) {
      clock.advance(60_000)
      return (await call()('POST', '/v1/orders', await t.auth(`channel:${w.web.id}`), {
        customerId: `c-${++keys}`, lines: quantities.map((quantity) => ({ sku: 'SKU-A', quantity, unitPrice: 1000 })), fulfilment: { method: 'ship', region: 'east' },
      }, 201, { 'idempotency-key': `portal-${keys}` })).json().id as string
    }
    const lines = async (auth: Headers, query = '') => (await call()('GET', `/v1/supplier-portal/lines${query}`, auth)).json() as { items: Line[]; nextCursor: string | null }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      for (const [s, sku] of [[w.s1.id, w.skuB.id], [w.s2.id, w.skuA.id]]) await call()('PUT', `/v1/suppliers/${s}/skus/${sku}`, w.admin, { unitCost: 500 })
      await call()('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 90 })
      await call()('PUT', '/v1/compensation-policy', w.admin, { kind: 'percent_of_line_per_day', percentPerDay: 1, capPercent: 10 })
      po.first = await purchase('S1', w.s1Auth, 'SKU-A', 'WH-E', 20, 10)
      po.second = await purchase('S1', w.s1Auth, 'SKU-A', 'WH-E', 20, 20)
      po.idle = await purchase('S1', w.s1Auth, 'SKU-B', 'WH-E', 10, 5)
      po.other = await purchase('S2', w.s2Auth, 'SKU-A', 'WH-N', 10, 3)
      po.unconfirmed = await purchase('S1', w.s1Auth, 'SKU-B', 'WH-E', 10, null)
      await call()('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10 }] }, 201)
      orders.o1 = await order([8])
      orders.o2 = await order([12])
      orders.o3 = await order([5])
      orders.o4 = await order([3, 2])
      // Half of the first line ships early: the order split across the ASN and the rest is counted once.
      await call()('POST', `/v1/purchase-orders/${po.first.id}/asns`, w.s1Auth, { eta: d(9), lines: [{ line: '1', quantity: 10 }] }, 201)
    })
    after(() => t.close())

    it('lists a supplier’s open lines most urgent first, with the orders and units waiting on each', async () => {
      const page = await lines(w.s1Auth)
      assert.deepEqual(page.items.map((l) => [l.poId, l.earliestCustomerPromiseDate, l.ordersWaiting, l.unitsWaiting]), [
        [po.first.id, d(10), 2, 20],
        [po.second.id, d(21), 2, 10],
        [po.idle.id, null, 0, 0],
        [po.unconfirmed.id, null, 0, 0],
      ])
      const [first, , , unconfirmed] = page.items
      assert.deepEqual([first.quantityOpen, first.quantityInTransit, first.confidence, first.eta], [20, 10, 'confirmed', d(10)])
      assert.deepEqual([unconfirmed.confidence, unconfirmed.eta], ['unconfirmed', null])
      const shown = (await call()('GET', `/v1/purchase-orders/${po.first.id}`, w.s1Auth)).json()
      assert.equal(shown.lines[0].earliestCustomerPromiseDate, first.earliestCustomerPromiseDate, 'the same urgency as the PO shows')
    })

    it('pages with the house cursor in the same order', async () => {
      const all = (await lines(w.admin, `?supplier=${w.s1.id}`)).items.map((l) => l.lineId)
      const paged: string[] = []
      let cursor: string | null = null
      do {
        const page = await lines(w.s1Auth, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        paged.push(...page.items.map((l) => l.lineId))
        cursor = page.nextCursor
      } while (cursor)
      assert.deepEqual(paged, all)
      assert.equal(all.length, 4)
      assert.equal((await call()('GET', '/v1/supplier-portal/lines?cursor=abc', w.s1Auth, undefined, 400)).json().code, 'invalid_cursor')
    })

    it('shows a supplier only its own lines; staff any supplier’s, or all', async () => {
      assert.deepEqual((await lines(w.s2Auth)).items.map((l) => l.poId), [po.other.id])
      assert.deepEqual(await lines(w.s2Auth, `?supplier=${w.s1.id}`), { items: [], nextCursor: null }, 'another supplier named: nothing')
      assert.deepEqual(await lines(w.s2Auth, '?supplier=S1'), await lines(w.s2Auth, '?supplier=no-such-supplier'))
      assert.deepEqual((await lines(w.s2Auth, '?supplier=S2')).items.map((l) => l.poId), [po.other.id])
      assert.deepEqual((await lines(w.ops, '?supplier=S2')).items.map((l) => l.supplierId), [w.s2.id])
      assert.equal((await lines(w.admin)).items.length, 5)
      assert.deepEqual((await lines(w.admin, '?supplier=nobody')).items, [])
      for (const role of [`channel:${w.web.id}`, `store:${w.store1.id}`, 'payments:alipay']) {
        assert.equal((await call()('GET', '/v1/supplier-portal/lines', await t.auth(role), undefined, 403)).json().code, 'forbidden')
      }
    })

    /** The delays the move made: rows written since `before`, as the preview counts them. */
    async function delaysSince(known: Set<string>) {
      const rows = await t.services.db.all<{ id: string; order_id: string; line_no: number | string; new_ship_by: number | string | null; days_late: number | string | null; quantity: number | string }>(
        'SELECT d.id, d.order_id, d.line_no, d.new_ship_by, d.days_late, l.quantity FROM order_delays d JOIN order_lines l ON l.order_id = d.order_id AND l.line_no = d.line_no')
      const fresh = rows.filter((r) => !known.has(r.id))
      const dated = fresh.filter((r) => r.new_ship_by !== null)
      return {
        ordersDelayed: new Set(fresh.map((r) => r.order_id)).size, linesDelayed: fresh.length,
        unitsDelayed: fresh.reduce((n, r) => n + Number(r.quantity), 0),
        latestNewShipBy: dated.length === 0 ? null : new Date(Math.max(...dated.map((r) => Number(r.new_ship_by)))).toISOString().slice(0, 10),
        linesWithoutNewDate: fresh.length - dated.length,
        maxDaysLate: dated.length === 0 ? null : Math.max(...dated.map((r) => Number(r.days_late))),
      }
    }
    const delayIds = async () => new Set((await t.services.db.all<{ id: string }>('SELECT id FROM order_delays')).map((r) => r.id))
    const stateOf = async () => JSON.stringify([
      await t.services.db.all('SELECT * FROM supply_slots ORDER BY id'), await t.services.db.all('SELECT * FROM order_lines ORDER BY order_id, line_no'),
      await t.services.db.all('SELECT COUNT(*) AS n FROM outbox'), await t.services.db.all('SELECT COUNT(*) AS n FROM customer_messages'),
    ])
    const counts = ['ordersDelayed', 'linesDelayed', 'unitsDelayed', 'latestNewShipBy', 'linesWithoutNewDate', 'maxDaysLate'] as const
    const pick = (o: Record<string, unknown>) => Object.fromEntries(counts.map((k) => [k, o[k]]))

    it('previews a later ETA exactly as the move then delays: orders, lines, units, dates', async () => {
      const known = await delayIds()
      const state = await stateOf()
      const url = `/v1/purchase-orders/${po.second.id}/lines/${po.second.lineId}/eta-impact?eta=${d(25)}`
      const preview = (await call()('GET', url, w.s1Auth)).json()
      assert.deepEqual(pick(preview), { ordersDelayed: 2, linesDelayed: 3, unitsDelayed: 10, latestNewShipBy: d(26), linesWithoutNewDate: 0, maxDaysLate: 5 })
      assert.deepEqual([preview.poId, preview.lineId, preview.lineNo, preview.currentEta, preview.proposedEta], [po.second.id, po.second.lineId, 1, d(20), d(25)])
      assert.equal(await stateOf(), state, 'the preview writes nothing')
      assert.deepEqual((await call()('GET', url.replace(po.second.lineId, '1'), w.admin)).json(), preview, 'by line number, and for the buyer, the same')

      await call()('POST', `/v1/purchase-orders/${po.second.id}/lines/${po.second.lineId}/eta`, w.s1Auth, { eta: d(25), reason: 'late vessel' })
      assert.deepEqual(await delaysSince(known), pick(preview), 'the move delays exactly what the preview said')
      await assertConsistent(t)
    })

    it('previews a move that pulls promises earlier, and a move past every other supply', async () => {
      const improved = async () => (await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'order.promise_improved'`)).map((r) => JSON.parse(r.payload).orderId as string)
      const improvedBefore = (await improved()).length
      const improving = (await call()('GET', `/v1/purchase-orders/${po.first.id}/lines/1/eta-impact?eta=${d(7)}`, w.s1Auth)).json()
      assert.deepEqual([improving.ordersDelayed, improving.linesDelayed], [0, 0])
      assert.ok(improving.linesImproved > 0)
      let known = await delayIds()
      await call()('POST', `/v1/purchase-orders/${po.first.id}/lines/1/eta`, w.s1Auth, { eta: d(7), reason: 'early sailing' })
      const nowImproved = (await improved()).slice(improvedBefore)
      assert.deepEqual([nowImproved.length, new Set(nowImproved).size], [improving.linesImproved, improving.ordersImproved], 'the move improves what the preview said')
      assert.equal((await delaysSince(known)).linesDelayed, 0)
      known = await delayIds()
      const late = (await call()('GET', `/v1/purchase-orders/${po.first.id}/lines/1/eta-impact?eta=${d(40)}`, w.s1Auth)).json()
      await call()('POST', `/v1/purchase-orders/${po.first.id}/lines/1/eta`, w.s1Auth, { eta: d(40), reason: 'strike' })
      assert.ok(late.linesDelayed > 0)
      assert.deepEqual(await delaysSince(known), pick(late))
      const messages = await t.services.db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM customer_messages WHERE kind = 'delay'`)
      assert.ok(Number(messages[0].n) >= late.linesDelayed)
      await assertConsistent(t)
    })

    it('is refused as the move would be, and scoped as the ETA route is', async () => {
      const base = `/v1/purchase-orders/${po.first.id}/lines`
      const code = async (url: string, auth: Headers, status: number) => (await call()('GET', url, auth, undefined, status)).json().code
      assert.equal(await code(`${base}/1/eta-impact?eta=${d(-1)}`, w.s1Auth, 422), 'eta_in_past')
      assert.equal(await code(`${base}/1/eta-impact?eta=${d(40)}`, w.s1Auth, 422), 'eta_unchanged')
      assert.equal(await code(`${base}/9/eta-impact?eta=${d(12)}`, w.s1Auth, 404), 'line_not_found')
      assert.equal(await code(`/v1/purchase-orders/${po.unconfirmed.id}/lines/1/eta-impact?eta=${d(12)}`, w.s1Auth, 409), 'line_not_accepted')
      assert.equal(await code(`${base}/1/eta-impact?eta=not-a-day`, w.s1Auth, 400), 'invalid_request')
      assert.equal(await code(`${base}/1/eta-impact`, w.s1Auth, 400), 'invalid_request')
      const foreign = (await call()('GET', `${base}/1/eta-impact?eta=${d(12)}`, w.s2Auth, undefined, 404)).json()
      const missing = (await call()('GET', `/v1/purchase-orders/po_missing/lines/1/eta-impact?eta=${d(12)}`, w.s2Auth, undefined, 404)).json()
      assert.deepEqual([foreign.code, missing.code], ['purchase_order_not_found', 'purchase_order_not_found'])
      for (const role of [`store:${w.whEast.id}`, `channel:${w.web.id}`]) {
        assert.equal(await code(`${base}/1/eta-impact?eta=${d(12)}`, await t.auth(role), 403), 'forbidden')
      }
    })
  })
}
