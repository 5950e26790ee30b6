/**
 * Dropship measures over HTTP on both stores: two channels sell from suppliers' dropship nodes on
 * their virtual allowance; orders paid make requests, the suppliers accept and ship them (one in
 * part, its rest shipped the next day), turn lines down, and the merchant ships an order whole,
 * at known times under a manual clock; the projector catches up and `GET /v1/analytics/fulfilment`
 * answers requests made, shipped, the mean hours from request to shipped and the share of lines
 * turned down, for every channel, per channel and per day, and the dashboard the same.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { newKey } from './helpers/orders.ts'
import { recount, rollups, sorted } from './helpers/analytics.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }
const hourMs = 3_600_000
const dayMs = 86_400_000
const shipTo = {
  name: 'Lin Xiaoyu', phone: '+86 138 0000 1234',
  address: { line1: '88 Century Avenue', city: 'Shanghai', region: 'east', postalCode: '200120', country: 'CN' },
}

for (const kind of await storeKinds()) {
  describe(`dropship measures (${kind})`, () => {
    let t: TestApp
    let w: World
    let ops: Auth, pay: Auth, sup1: Auth, sup2: Auth
    const clock = new ManualClock(Date.UTC(2030, 0, 7, 2, 0))

    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method, url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    const placePaid = async (channel: Auth, lines: Array<{ sku: string; quantity: number }>) => {
      const o = await call('POST', '/v1/orders', { ...channel, 'idempotency-key': newKey() } as Auth, {
        customerId: 'c-drop', lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'ship', region: 'east' }, shipTo,
      }, 201)
      await call('POST', `/v1/orders/${o.id}/payments`, pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      return o
    }
    /** The order's dropship request at a supplier (exactly one open). */
    const requestOf = async (supplier: Auth, orderId: string) => {
      const items = (await call('GET', '/v1/supplier-portal/dropship?limit=500', supplier)).items.filter((r: { orderId: string; status: string }) => r.orderId === orderId)
      assert.equal(items.length, 1, `one request of ${orderId}`)
      return items[0] as { id: string; nodeId: string; lines: Array<{ lineNo: number }> }
    }
    const act = (supplier: Auth, id: string, action: 'accept' | 'ship' | 'reject', payload?: object) =>
      call('POST', `/v1/supplier-portal/dropship/${id}/${action}`, supplier, payload)
    const dropshipTotals = (totals: Record<string, unknown>) => Object.fromEntries(Object.entries(totals).filter(([k]) => k.startsWith('dropship')))

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedWorld(t)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      sup1 = await t.auth('supplier:sup1')
      sup2 = await t.auth('supplier:sup2')
    })
    after(() => t.close())

    it('counts requests made, shipped (mean hours from request to shipped) and lines turned down, over the period, per channel and per day', async () => {
      await call('POST', '/v1/skus', w.admin, { code: 'SKU-C', name: 'Only supplier 1 has it' }, 201)
      const direct = await call('POST', '/v1/channels', w.admin, { code: 'direct', name: 'Direct', kind: 'web', nodeIds: [w.drop1.id, w.drop2.id], safetyBuffer: 0 }, 201)
      const market = await call('POST', '/v1/channels', w.admin, { code: 'market', name: 'Marketplace', kind: 'marketplace', nodeIds: [w.drop1.id], safetyBuffer: 0 }, 201)
      const directAuth = await t.auth(`channel:${direct.id}`)
      const marketAuth = await t.auth(`channel:${market.id}`)
      // Supplier 1 may send SKU-A and SKU-C, supplier 2 SKU-B: each line has one node it can go to.
      for (const [sku, node, quantity] of [['SKU-A', 'DS-1', 20], ['SKU-C', 'DS-1', 20], ['SKU-B', 'DS-2', 5]] as const) {
        await call('PUT', '/v1/inventory/virtual', ops, { sku, node, quantity })
      }

      // Day 1, 02:00: four requests in the direct channel (four lines), one in the marketplace (two lines).
      const o1 = await placePaid(directAuth, [{ sku: 'SKU-A', quantity: 2 }, { sku: 'SKU-B', quantity: 1 }])
      assert.deepEqual(o1.lines.map((l: { nodeId: string }) => l.nodeId), [w.drop1.id, w.drop2.id], 'split over the two suppliers: two requests')
      const o2 = await placePaid(directAuth, [{ sku: 'SKU-A', quantity: 1 }, { sku: 'SKU-C', quantity: 1 }])
      const o3 = await placePaid(marketAuth, [{ sku: 'SKU-A', quantity: 1 }, { sku: 'SKU-C', quantity: 1 }])
      const [r1a, r1b, r2, r3] = [await requestOf(sup1, o1.id), await requestOf(sup2, o1.id), await requestOf(sup1, o2.id), await requestOf(sup1, o3.id)]
      assert.deepEqual([r1a.lines.length, r1b.lines.length, r2.lines.length, r3.lines.length], [1, 1, 2, 2])

      clock.advance(hourMs) // 03:00: r2 accepted and shipped, an hour after it was made
      await act(sup1, r2.id, 'accept')
      await act(sup1, r2.id, 'ship', { carrier: 'SF', tracking: 'SF-2' })
      clock.advance(hourMs) // 04:00: supplier 2 has no SKU-B after all (nowhere else sells it: the line is held)
      await act(sup2, r1b.id, 'reject', { reason: 'out_of_stock' })
      clock.advance(2 * hourMs) // 06:00: r1a ships one unit of two (four hours); the marketplace's SKU-C turned down
      await act(sup1, r1a.id, 'accept')
      const part = await act(sup1, r1a.id, 'ship', { carrier: 'SF', tracking: 'SF-1a', lines: [{ lineNo: 1, quantity: 1 }] })
      assert.ok(part.rest, 'the rest stays accepted as a new request')
      await act(sup1, r3.id, 'reject', { reason: 'cannot_ship', lines: [2] })
      clock.advance(2 * hourMs) // 08:00: what is left of r3 ships (six hours)
      await act(sup1, r3.id, 'accept')
      await act(sup1, r3.id, 'ship', { carrier: 'JD', tracking: 'JD-3' })

      clock.advance(18 * hourMs) // Day 2, 02:00: the rest of r1a ships (not a request of its own); a marketplace order paid
      await act(sup1, part.rest.id, 'ship', { carrier: 'SF', tracking: 'SF-1a-rest' })
      const o4 = await placePaid(marketAuth, [{ sku: 'SKU-A', quantity: 1 }])
      await requestOf(sup1, o4.id)
      clock.advance(2 * hourMs) // 04:00: the merchant ships the whole order (the supplier sent it): two hours
      await call('POST', `/v1/orders/${o4.id}/ship`, ops, {})

      await t.services.analytics.catchUp()
      const fulfilment = async (channel?: string) => (await call('GET', `/v1/analytics/fulfilment?periodDays=7${channel ? `&channel=${channel}` : ''}`, w.admin)).fulfilment
      const all = await fulfilment()
      // Shipped: r2 1 h, r1a 4 h, r3 6 h, o4's 2 h; turned down: r1b's line and r3's line 2, of seven lines requested.
      assert.deepEqual(dropshipTotals(all.totals), {
        dropshipRequests: 5, dropshipLinesRequested: 7, dropshipShipped: 4, dropshipShipMeanHours: 3.25, dropshipLinesTurnedDown: 2, dropshipTurnDownRate: 2 / 7,
      })
      assert.deepEqual(dropshipTotals((await fulfilment(direct.id)).totals), {
        dropshipRequests: 3, dropshipLinesRequested: 4, dropshipShipped: 2, dropshipShipMeanHours: 2.5, dropshipLinesTurnedDown: 1, dropshipTurnDownRate: 0.25,
      })
      assert.deepEqual(dropshipTotals((await fulfilment('market')).totals), {
        dropshipRequests: 2, dropshipLinesRequested: 3, dropshipShipped: 2, dropshipShipMeanHours: 4, dropshipLinesTurnedDown: 1, dropshipTurnDownRate: 1 / 3,
      }, 'by code as by id')
      assert.deepEqual(dropshipTotals((await fulfilment(w.web.id)).totals), {
        dropshipRequests: 0, dropshipLinesRequested: 0, dropshipShipped: 0, dropshipShipMeanHours: null, dropshipLinesTurnedDown: 0, dropshipTurnDownRate: null,
      }, 'a channel selling from no dropship node')
      const day = (d: string) => dropshipTotals(all.series.find((x: { day: string }) => x.day === d))
      assert.deepEqual(day('2030-01-07'), {
        dropshipRequests: 4, dropshipLinesRequested: 6, dropshipShipped: 3, dropshipShipMeanHours: 11 / 3, dropshipLinesTurnedDown: 2, dropshipTurnDownRate: 2 / 6,
      })
      assert.deepEqual(day('2030-01-08'), {
        dropshipRequests: 1, dropshipLinesRequested: 1, dropshipShipped: 1, dropshipShipMeanHours: 2, dropshipLinesTurnedDown: 0, dropshipTurnDownRate: 0,
      })
      assert.deepEqual((await call('GET', '/v1/analytics/dashboard?periodDays=7', w.admin)).fulfilment, all, 'the dashboard shows the same')

      // A channel token reads its own channel's.
      assert.deepEqual(dropshipTotals((await call('GET', '/v1/analytics/fulfilment?periodDays=7', marketAuth)).fulfilment.totals),
        dropshipTotals((await fulfilment(market.id)).totals))
      // The dropship counters equal a recount from the shipments' own events.
      const dropshipCounters = (daily: Map<string, Record<string, number>>) =>
        new Map([...daily].map(([key, counters]) => [key, dropshipTotals(counters)]).filter(([, counters]) => Object.keys(counters).length > 0) as Array<[string, Record<string, unknown>]>)
      const kept = dropshipCounters((await rollups(t)).daily)
      assert.equal(kept.size, 3, 'the first day of each channel, and the marketplace’s second (the rest of r1a shipping is not counted)')
      assert.deepEqual(sorted(kept), sorted(dropshipCounters((await recount(t)).daily)))

      // The pickup and shipping figures are not touched by dropship shipments' changes: no pickup counted.
      assert.deepEqual([all.totals.pickupsReady, all.totals.pickupsCollected, all.totals.pickupsExpired], [0, 0, 0])

      // Nothing happened in the last week of a later period: no request, null time and rate.
      clock.advance(30 * dayMs)
      assert.deepEqual(dropshipTotals((await fulfilment()).totals), {
        dropshipRequests: 0, dropshipLinesRequested: 0, dropshipShipped: 0, dropshipShipMeanHours: null, dropshipLinesTurnedDown: 0, dropshipTurnDownRate: null,
      })
    })
  })
}
