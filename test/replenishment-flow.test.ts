/**
 * Replenishment end to end on both stores: demand kept as orders are placed, refused and
 * cancelled; history imported from a CSV; a forecast and a suggestion that explains itself; one
 * open suggestion per need however often it is recomputed; approved and sent as a purchase order
 * the supplier sees in its portal; nothing suggested for what is on order; a receipt ends the
 * cycle. Bad input refused with a stable code, nothing changed.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { epochDayOf, isoDayOf } from '../src/replenishment/index.ts'

type Auth = { authorization: string }
const dayMs = 86_400_000

for (const kind of await storeKinds()) {
  describe(`replenishment over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World & { supplierId: string }
    let ops: Auth, web: Auth, vendor: Auth, otherVendor: Auth
    // Noon, so that orders placed "now" fall on today.
    const clock = new ManualClock(Date.UTC(2026, 9, 1, 12))
    const today = () => epochDayOf(clock.nowMs())
    const call = async (method: string, url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method: method as 'POST', url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    const demandToday = async (sku: string) => {
      await t.services.replenishment.demand.catchUp()
      const d = await call('GET', `/v1/demand/${sku}/WH-E?from=${isoDayOf(today())}&to=${isoDayOf(today())}`, ops)
      return d.days[0] ?? { demand: 0, ordered: 0, lost: 0, cancelled: 0 }
    }

    before(async () => {
      t = await startTestApp(kind, { clock })
      const world = await seedWorld(t)
      ops = await t.auth('ops')
      web = await t.auth(`channel:${world.web.id}`)
      const supplier = await call('POST', '/v1/suppliers', world.admin, { code: 'SHOE-CO', name: 'Shoe Co', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 201)
      await call('PUT', `/v1/suppliers/${supplier.id}/skus/SKU-A`, world.admin, { unitCost: 1000, minOrderQuantity: 10, packSize: 5 })
      const other = await call('POST', '/v1/suppliers', world.admin, { code: 'OTHER-CO', name: 'Other Co', currency: 'CNY', defaultLeadTimeDays: 3, paymentTerms: { kind: 'net', days: 30 } }, 201)
      await call('PUT', `/v1/suppliers/${other.id}/skus/SKU-B`, world.admin, { unitCost: 500 })
      vendor = await t.auth(`supplier:${supplier.id}`)
      otherVendor = await t.auth(`supplier:${other.id}`)
      w = { ...world, supplierId: supplier.id }
      await call('POST', '/v1/inventory/receipts', world.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 30 })
    })
    after(() => t.close())

    it('counts what customers asked for: an order, a refusal once however often it is retried, a cancellation taken back', async () => {
      const placed = await call('POST', '/v1/orders', { ...web, 'idempotency-key': newKey() } as Auth,
        { customerId: 'c-1', lines: [{ sku: 'SKU-A', quantity: 3, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 201)
      assert.deepEqual(pick(await demandToday('SKU-A')), { demand: 3, ordered: 3, lost: 0, cancelled: 0 })
      // Far more than the shelf holds: refused, twice by the same shopper, once by another.
      for (const customerId of ['c-2', 'c-2', 'c-3']) {
        await call('POST', '/v1/orders', { ...web, 'idempotency-key': newKey() } as Auth,
          { customerId, lines: [{ sku: 'SKU-A', quantity: 500, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 409)
      }
      assert.deepEqual(pick(await demandToday('SKU-A')), { demand: 1003, ordered: 3, lost: 1000, cancelled: 0 })
      await call('POST', `/v1/orders/${placed.id}/cancel`, ops, {})
      assert.deepEqual(pick(await demandToday('SKU-A')), { demand: 1000, ordered: 3, lost: 1000, cancelled: 3 })
      // Projected again: nothing counts twice.
      await t.services.replenishment.demand.catchUp()
      assert.deepEqual(pick(await demandToday('SKU-A')), { demand: 1000, ordered: 3, lost: 1000, cancelled: 3 })
    })

    it('imports history from a CSV (errors by line, nothing half written), forecasts it and suggests an order that explains itself', async () => {
      const bad = await t.services.replenishment.importDemandHistory('sku,node,date,quantity\nSKU-A,WH-E,2026-09-01,4\nNOPE,WH-E,2026-09-02,4\nSKU-A,WH-E,2026-13-01,4\nSKU-A,WH-E,2026-09-03,-1\n')
      assert.deepEqual(bad.errors.map((e) => e.line), [3, 4, 5])
      assert.equal(bad.imported, 0)
      const rows = ['sku,node,date,quantity']
      for (let d = today() - 120; d < today(); d++) rows.push(`SKU-A,WH-E,${isoDayOf(d)},10`)
      const good = await t.services.replenishment.importDemandHistory(rows.join('\n'))
      assert.deepEqual([good.imported, good.errors], [120, []])
      // Brought again: replaced, not added.
      await t.services.replenishment.importDemandHistory(rows.join('\n'))
      const history = await call('GET', `/v1/demand/SKU-A/WH-E?from=${isoDayOf(today() - 5)}&to=${isoDayOf(today() - 1)}`, ops)
      assert.deepEqual(history.days.map((d: { demand: number }) => d.demand), [10, 10, 10, 10, 10])

      const run = await call('POST', '/v1/replenishment/run', ops, { skus: ['SKU-A'] })
      assert.equal(run.suggestionsMade, 1)
      const forecast = await call('GET', '/v1/forecasts/SKU-A/WH-E', ops)
      assert.equal(forecast.forecast.asOf, isoDayOf(today() - 1))
      assert.ok(Math.abs(forecast.forecast.days[0].p50 - 10) < 1, `a steady 10 a day forecasts about 10 (${forecast.forecast.days[0].p50})`)
      assert.ok(forecast.forecast.model && forecast.forecast.accuracy)
      const [s] = (await call('GET', '/v1/suggestions?status=open&sku=SKU-A', ops)).items
      assert.equal(s.supplierId, w.supplierId)
      // Lead time 7 (quoted; nothing received yet) + review 7 days ≈ 140 units of demand, less 30 on hand, in packs of 5.
      assert.equal(s.quantity % 5, 0)
      assert.ok(s.quantity >= 100 && s.quantity <= 160, `quantity ${s.quantity}`)
      const terms = Object.fromEntries(s.explanation.need.terms.map((x: { name: string; units: number }) => [x.name, x.units]))
      assert.equal(terms.onHand, 30)
      assert.equal(s.explanation.model ?? s.explanation.forecast.model, forecast.forecast.model)
      assert.ok(s.explanation.supplier.reason.length > 0)

      // Recomputed: the same suggestion refreshed, never a second for the same need.
      const again = await call('POST', '/v1/replenishment/run', ops, { skus: ['SKU-A'] })
      assert.deepEqual([again.suggestionsMade, again.suggestionsRefreshed], [0, 1])
      assert.equal((await call('GET', '/v1/suggestions?status=open&sku=SKU-A', ops)).items.length, 1)
    })

    it('a buyer edits and approves: a purchase order sent to the supplier, who sees it; what is on order is not suggested again; a receipt ends the cycle', async () => {
      const [s] = (await call('GET', '/v1/suggestions?status=open&sku=SKU-A', ops)).items
      await call('PATCH', `/v1/suggestions/${s.id}`, ops, { quantity: 0 }, 400)
      const edited = await call('PATCH', `/v1/suggestions/${s.id}`, ops, { quantity: s.quantity + 5 })
      assert.equal(edited.quantity, s.quantity + 5)
      const approval = await call('POST', '/v1/suggestions/approve', ops, { ids: [s.id], send: true })
      assert.equal(approval.refused.length, 0)
      const [po] = approval.purchaseOrders
      assert.deepEqual([po.status, po.supplierId, po.suggestionIds], ['sent', w.supplierId, [s.id]])
      await call('POST', '/v1/suggestions/approve', ops, { ids: [s.id] }, 409)
      // The supplier sees the order in its portal, and its SKU's stock and reorder point; another supplier sees neither.
      const lines = await call('GET', '/v1/supplier-portal/lines', vendor)
      assert.ok(lines.items.some((l: { poId: string; quantityOrdered: number }) => l.poId === po.id && l.quantityOrdered === s.quantity + 5))
      const vmi = await call('GET', '/v1/supplier-portal/replenishment', vendor)
      assert.deepEqual(vmi.items.map((l: { skuCode: string; nodeId: string }) => [l.skuCode, l.nodeId]), [['SKU-A', w.whEast.id]])
      assert.equal((await call('GET', `/v1/supplier-portal/replenishment?supplier=${w.supplierId}`, otherVendor)).items.length, 0)
      // It was told when SKU-A fell below its reorder point, once however often the run came back; the other supplier was not.
      const alerts = await call('GET', '/v1/supplier-portal/replenishment/alerts', vendor)
      assert.deepEqual(alerts.items.map((a: { payload: { skuId: string; nodeId: string } }) => [a.payload.skuId, a.payload.nodeId]), [[vmi.items[0].skuId, w.whEast.id]])
      assert.ok(alerts.items[0].payload.availableUnits < alerts.items[0].payload.reorderPointUnits)
      assert.equal((await call('GET', `/v1/supplier-portal/replenishment/alerts?after=${alerts.nextCursor}`, vendor)).items.length, 0)
      assert.equal((await call('GET', '/v1/supplier-portal/replenishment/alerts', otherVendor)).items.length, 0)
      await call('GET', '/v1/supplier-portal/replenishment/alerts', ops, undefined, 400)

      // On order now: recomputing suggests nothing for SKU-A.
      const rerun = await call('POST', '/v1/replenishment/run', ops, { skus: ['SKU-A'] })
      assert.equal(rerun.suggestionsMade, 0)
      assert.equal((await call('GET', '/v1/suggestions?status=open&sku=SKU-A', ops)).items.length, 0)

      const eta = isoDayOf(today() + 5)
      await call('POST', `/v1/purchase-orders/${po.id}/confirm`, vendor, { lines: [{ line: '1', quantityAccepted: s.quantity + 5, eta }] })
      clock.advance(5 * dayMs)
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { lines: [{ line: '1', quantityPassed: s.quantity + 5, quantityFailed: 0 }] }, 201)
      await call('POST', '/v1/replenishment/run', ops, { skus: ['SKU-A'] })
      const done = await call('GET', `/v1/suggestions/${s.id}`, ops)
      assert.equal(done.status, 'approved')
      assert.ok(done.sentAt && done.receivedAt, 'the cycle is recorded: sent and received')
    })

    it('a supplier that takes suggestions without a buyer gets its purchase order sent by the run itself', async () => {
      const auto = await call('POST', '/v1/suppliers', w.admin, { code: 'AUTO-CO', name: 'Auto Co', currency: 'CNY', defaultLeadTimeDays: 5, paymentTerms: { kind: 'net', days: 30 }, autoSendSuggestions: true }, 201)
      assert.equal(auto.autoSendSuggestions, true)
      await call('PUT', `/v1/suppliers/${auto.id}/skus/SKU-B`, w.admin, { unitCost: 300, packSize: 4 })
      const rows = ['sku,node,date,quantity', ...Array.from({ length: 60 }, (_, i) => `SKU-B,WH-E,${isoDayOf(today() - 60 + i)},8`)]
      await t.services.replenishment.importDemandHistory(rows.join('\n'))
      const run = await call('POST', '/v1/replenishment/run', ops, { skus: ['SKU-B'] })
      assert.deepEqual([run.suggestionsMade, run.autoSent], [1, 1])
      const [s] = (await call('GET', '/v1/suggestions?status=approved&sku=SKU-B', ops)).items
      assert.equal(s.decidedBy, 'system:replenishment')
      const po = await call('GET', `/v1/purchase-orders/${s.purchaseOrderId}`, ops)
      assert.deepEqual([po.status, po.supplierId, po.lines[0].quantityOrdered % 4], ['sent', auto.id, 0])
      await call('PATCH', `/v1/suppliers/${auto.id}`, w.admin, { autoSendSuggestions: false })
    })

    it('refuses bad input with a stable code and changes nothing', async () => {
      const before = await call('GET', '/v1/suggestions', ops)
      await call('POST', '/v1/planned-events', ops, { sku: '*', node: 'WH-E', date: '2026-11-31', kind: 'peak' }, 400)
      await call('POST', '/v1/planned-events', ops, { sku: 'NOPE', node: 'WH-E', date: '2026-11-11', kind: 'peak' }, 422)
      await call('POST', '/v1/planned-events', ops, { sku: '*', node: '*', date: '2026-11-11', kind: 'closure', upliftPct: 50 }, 400)
      const peak = await call('POST', '/v1/planned-events', ops, { sku: '*', node: '*', date: '2026-11-11', kind: 'peak', upliftPct: 300 }, 201)
      assert.equal((await call('POST', '/v1/planned-events', ops, { sku: '*', node: '*', date: '2026-11-11', kind: 'peak' }, 409)).code, 'planned_event_exists')
      await call('DELETE', `/v1/planned-events/${peak.id}`, ops)
      await call('GET', `/v1/planned-events/${peak.id}`, ops, undefined, 404)
      assert.equal((await call('PUT', '/v1/replenishment-policies/SKU-A/WH-E', ops, { serviceLevel: 1.5, method: 'order_up_to', reviewPeriodDays: 7 }, 400)).code, 'invalid_replenishment_policy')
      await call('PUT', '/v1/replenishment-policies/NOPE/WH-E', ops, { serviceLevel: 0.9, method: 'order_up_to', reviewPeriodDays: 7 }, 404)
      await call('GET', '/v1/replenishment-policies/SKU-A/WH-E', ops)
      assert.equal((await call('GET', '/v1/replenishment-policies/SKU-A/WH-E', ops)).effective.from, 'built_in')
      await call('POST', '/v1/suggestions/sug_nope/dismiss', ops, {}, 404)
      await call('POST', '/v1/replenishment/run', ops, { asOf: '2999-01-01' }, 400)
      await call('GET', '/v1/suggestions', web, undefined, 403)
      assert.deepEqual(await call('GET', '/v1/suggestions', ops), before)
    })
  })
}

const pick = (d: { demand: number; ordered: number; lost: number; cancelled: number }) => ({ demand: d.demand, ordered: d.ordered, lost: d.lost, cancelled: d.cancelled })

for (const kind of await storeKinds()) {
  describe(`safety stock follows the supplier's measured lead time (${kind})`, () => {
    let t: TestApp
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 12))
    after(() => t?.close())

    it('a supplier whose lead-time spread grows gets a larger safety stock', async () => {
      t = await startTestApp(kind, { clock })
      const w = await seedWorld(t)
      const call = async (method: string, url: string, auth: Auth, payload?: object, status = 200) => {
        const res = await t.app.inject({ method: method as 'POST', url, headers: auth, ...(payload !== undefined && { payload }) })
        assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
        return res.json()
      }
      const supplier = await call('POST', '/v1/suppliers', w.admin, { code: 'LT-CO', name: 'Lead Time Co', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 201)
      await call('PUT', `/v1/suppliers/${supplier.id}/skus/SKU-B`, w.admin, { unitCost: 100 })
      const vendor = await t.auth(`supplier:${supplier.id}`)
      /** A one-unit order sent now and received `days` later. */
      const delivery = async (days: number) => {
        const po = await call('POST', '/v1/purchase-orders', w.admin, { supplier: supplier.id, destination: 'WH-E', lines: [{ sku: 'SKU-B', quantity: 1 }] }, 201)
        await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
        await call('POST', `/v1/purchase-orders/${po.id}/confirm`, vendor, { lines: [{ line: '1', quantityAccepted: 1, eta: isoDayOf(epochDayOf(clock.nowMs()) + days) }] })
        clock.advance(days * dayMs)
        await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { lines: [{ line: '1', quantityPassed: 1, quantityFailed: 0 }] }, 201)
      }
      const safetyStock = async () => {
        const today = epochDayOf(clock.nowMs())
        const rows = ['sku,node,date,quantity', ...Array.from({ length: 90 }, (_, i) => `SKU-B,WH-E,${isoDayOf(today - 90 + i)},${20 + (i % 7) * 3}`)]
        await t.services.replenishment.importDemandHistory(rows.join('\n'))
        await call('POST', '/v1/replenishment/run', w.admin, { skus: ['SKU-B'] })
        const [s] = (await call('GET', '/v1/suggestions?status=open&sku=SKU-B', w.admin)).items
        assert.equal(s.explanation.leadTime.source, 'scorecard')
        return { units: s.explanation.safetyStock.safetyStockUnits as number, leadTime: s.explanation.leadTime as { meanDays: number; sdDays: number } }
      }
      await delivery(7)
      await delivery(7)
      const steady = await safetyStock()
      assert.deepEqual([steady.leadTime.meanDays, steady.leadTime.sdDays], [7, 0])
      await delivery(2)
      await delivery(12)
      const erratic = await safetyStock()
      assert.ok(erratic.leadTime.sdDays > 3, `the spread grew (${erratic.leadTime.sdDays})`)
      assert.ok(erratic.units > steady.units + 10, `safety stock ${steady.units} → ${erratic.units}`)
    })
  })
}
