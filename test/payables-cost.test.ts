/**
 * Inventory cost on both stores: receipts set the moving-average cost (QC-passed units at the PO
 * line's cost, once, in the first receipt's currency), landed cost by each basis sums exactly and
 * raises the average of what is on hand, refusals change nothing, shipments issue cost of goods at
 * the average, and the average stays within the lowest and highest unit costs received.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { newKey } from './helpers/orders.ts'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { allocateInvoiceCharge, costReceiptWithin, costShipmentWithin } from '../src/payables/index.ts'
import type { PurchaseOrder, Receipt } from '../src/purchasing/index.ts'
import type { Queryable } from '../src/store/db.ts'

type Auth = { authorization: string }

for (const kind of await storeKinds()) {
  describe(`inventory cost (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args)
    const costOf = async (skuId: string) => {
      const r = await t.services.costing.skuCost(skuId)
      assert.ok(r.ok)
      return r.value
    }
    const snapshot = async () => ({
      costs: await t.services.db.all('SELECT * FROM sku_costs ORDER BY sku_id'),
      movements: Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cost_movements'))!.n),
      landed: Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM landed_costs'))!.n),
    })

    /** A sent PO from `supplier` to WH-E, received at once with these counts; answers the receipt. */
    async function received(supplier: string, lines: Array<{ sku: string; quantity: number; unitCost: number; passed: number; failed?: number }>): Promise<{ id: string }> {
      const po = (await call('POST', '/v1/purchase-orders', w.admin, {
        supplier, destination: 'WH-E', reference: `PO-${newKey()}`, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitCost: l.unitCost })),
      }, 201)).json()
      await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      return (await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, {
        lines: lines.map((l, i) => ({ line: String(i + 1), quantityPassed: l.passed, quantityFailed: l.failed ?? 0, ...(l.failed && { failReason: 'crushed' }) })),
      }, 201)).json()
    }

    before(async () => {
      t = await startTestApp(kind)
      w = await seedPurchasing(t)
      await call('POST', '/v1/suppliers', w.admin, { code: 'S-USD', name: 'Dollar supplier', currency: 'USD', defaultLeadTimeDays: 14, paymentTerms: { kind: 'net', days: 30, instalments: null } }, 201)
    })
    after(() => t.close())

    it('a receipt adds what passed QC at the PO line cost; a second receipt moves the average; another currency does not', async () => {
      await received('S2', [{ sku: 'SKU-A', quantity: 10, unitCost: 1200, passed: 9, failed: 1 }])
      let a = await costOf(w.skuA.id)
      assert.deepEqual([a.currency, a.units, a.valueMinor, a.unitCostMinor, a.minUnitCostMinor, a.maxUnitCostMinor], ['CNY', 9, 10_800, 1200, 1200, 1200])
      await received('S2', [{ sku: 'SKU-A', quantity: 6, unitCost: 1500, passed: 6 }])
      a = await costOf(w.skuA.id)
      assert.deepEqual([a.units, a.valueMinor, a.unitCostMinor, a.minUnitCostMinor, a.maxUnitCostMinor], [15, 19_800, 1320, 1200, 1500])
      const usd = await received('S-USD', [{ sku: 'SKU-A', quantity: 4, unitCost: 300, passed: 4 }])
      const afterUsd = await costOf(w.skuA.id)
      assert.deepEqual([afterUsd.units, afterUsd.valueMinor], [15, 19_800], 'a receipt in another currency does not move the average (no FX)')
      assert.deepEqual(afterUsd.movements.find((m) => m.reference === usd.id), {
        skuId: w.skuA.id, nodeId: w.whEast.id, kind: 'uncosted', reference: usd.id, quantity: 4, valueMinor: 1200, currency: 'USD', atMs: afterUsd.movements[0]!.atMs,
      })
      assert.deepEqual(afterUsd.movements.filter((m) => m.kind === 'receipt').map((m) => [m.quantity, m.valueMinor]).sort(), [[6, 9000], [9, 10_800]])
    })

    it('landed cost by quantity, value, weight and volume: the parts sum exactly and raise the average of what is on hand', async () => {
      const receipt = await received('S2', [
        { sku: 'SKU-A', quantity: 3, unitCost: 1000, passed: 3 },
        { sku: 'SKU-B', quantity: 7, unitCost: 333, passed: 7 },
      ])
      await call('PATCH', `/v1/skus/${w.skuA.id}`, w.admin, { weightGrams: 700, volumeCm3: 1000 })
      await call('PATCH', `/v1/skus/${w.skuB.id}`, w.admin, { weightGrams: 250, volumeCm3: 3333 })
      for (const [basis, amountMinor] of [['quantity', 1001], ['value', 997], ['weight', 10], ['volume', 7]] as const) {
        const before = { a: await costOf(w.skuA.id), b: await costOf(w.skuB.id) }
        const added = await t.services.costing.addLandedCost(receipt.id, { kind: 'freight', basis, amountMinor, currency: 'CNY' }, 'test')
        assert.ok(added.ok, added.ok ? '' : added.detail)
        const parts = added.value.landed.allocations.map((x) => x.amountMinor)
        assert.equal(parts.reduce((s, p) => s + p, 0), amountMinor, `${basis}: the parts sum to the charge`)
        const afterA = await costOf(w.skuA.id)
        const afterB = await costOf(w.skuB.id)
        assert.deepEqual([afterA.valueMinor - before.a.valueMinor, afterB.valueMinor - before.b.valueMinor], parts, `${basis}: each SKU's value rises by its part`)
        assert.deepEqual([afterA.units, afterB.units], [before.a.units, before.b.units])
      }
      const listed = await t.services.costing.landedCosts(receipt.id)
      assert.ok(listed.ok)
      assert.deepEqual(listed.value.map((l) => l.basis), ['quantity', 'value', 'weight', 'volume'])
    })

    it('refusals change nothing: weight or volume missing (naming the SKUs), another currency, nothing received, an unknown receipt', async () => {
      const skuC = (await call('POST', '/v1/skus', w.admin, { code: 'SKU-C', name: 'No measures' }, 201)).json()
      const receipt = await received('S2', [
        { sku: 'SKU-A', quantity: 2, unitCost: 1000, passed: 2 },
        { sku: 'SKU-C', quantity: 2, unitCost: 500, passed: 2 },
      ])
      const nothing = await received('S2', [{ sku: 'SKU-B', quantity: 2, unitCost: 500, passed: 0, failed: 2 }])
      const before = await snapshot()
      const refusedWith = async (receiptId: string, input: object, code: string) => {
        const r = await t.services.costing.addLandedCost(receiptId, { kind: 'duty', basis: 'quantity', amountMinor: 100, currency: 'CNY', ...input }, 'test')
        assert.equal(r.ok ? 'ok' : r.code, code)
        return r.ok ? undefined : r
      }
      const weight = await refusedWith(receipt.id, { basis: 'weight' }, 'weight_missing')
      assert.deepEqual([weight?.extra?.skuIds, weight?.extra?.skuCodes], [[skuC.id], ['SKU-C']])
      await refusedWith(receipt.id, { basis: 'volume' }, 'volume_missing')
      await refusedWith(receipt.id, { currency: 'USD' }, 'currency_mismatch')
      await refusedWith(receipt.id, { amountMinor: 0 }, 'invalid_charges')
      await refusedWith(receipt.id, { amountMinor: -1_000_000_000 }, 'landed_credit_exceeds_value')
      await refusedWith(nothing.id, {}, 'nothing_received')
      await refusedWith('rcp_nope', {}, 'receipt_not_found')
      assert.deepEqual(await snapshot(), before)
    })

    it('an invoice charge naming a receipt lands once', async () => {
      const receipt = await received('S2', [{ sku: 'SKU-B', quantity: 4, unitCost: 500, passed: 4 }])
      const input = { invoiceId: 'sinv_test', chargeNo: 1, receiptId: receipt.id, kind: 'duty' as const, basis: 'quantity' as const, amountMinor: 400, currency: 'CNY', by: 'test', atMs: 1 }
      const valueBefore = (await costOf(w.skuB.id)).valueMinor
      const first = await t.services.db.tx((tx) => allocateInvoiceCharge(tx, input))
      const second = await t.services.db.tx((tx) => allocateInvoiceCharge(tx, input))
      assert.ok(first.ok && second.ok)
      assert.equal(second.value.id, first.value.id)
      assert.equal((await costOf(w.skuB.id)).valueMinor, valueBefore + 400)
    })

    it('over HTTP: landed cost entered and listed, refusals as problems that change nothing, a SKU\'s cost and the valuation per node', async () => {
      const receipt = await received('S2', [{ sku: 'SKU-A', quantity: 2, unitCost: 1000, passed: 2 }, { sku: 'SKU-B', quantity: 3, unitCost: 500, passed: 3 }])
      const body = { kind: 'insurance', basis: 'value', amountMinor: 701, currency: 'CNY', note: 'cargo cover' }
      const made = (await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, body, 201, { 'idempotency-key': 'landed-1' })).json()
      const again = await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, body, 201, { 'idempotency-key': 'landed-1' })
      assert.deepEqual([again.headers['idempotent-replayed'], again.json().id], ['true', made.id], 'a retry answers the first charge')
      assert.equal((await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, { ...body, amountMinor: 702 }, 422, { 'idempotency-key': 'landed-1' })).json().code, 'idempotency_key_reused')
      assert.deepEqual([made.receiptId, made.kind, made.basis, made.note, made.allocations.reduce((s: number, a: { amountMinor: number }) => s + a.amountMinor, 0)], [receipt.id, 'insurance', 'value', 'cargo cover', 701])
      const before = await snapshot()
      assert.equal((await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, { kind: 'duty', basis: 'quantity', amountMinor: 10, currency: 'EUR' }, 422)).json().code, 'currency_mismatch')
      assert.equal((await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, { kind: 'duty', basis: 'quantity', amountMinor: 0, currency: 'CNY' }, 400)).json().code, 'invalid_charges')
      assert.equal((await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, w.ops, { kind: 'tax', basis: 'quantity', amountMinor: 10, currency: 'CNY' }, 400)).json().code, 'invalid_request')
      assert.equal((await call('POST', '/v1/receipts/rcp_none/landed-costs', w.ops, { kind: 'duty', basis: 'quantity', amountMinor: 10, currency: 'CNY' }, 404)).json().code, 'receipt_not_found')
      await call('POST', `/v1/receipts/${receipt.id}/landed-costs`, await t.auth(`channel:${w.web.id}`), { kind: 'duty', basis: 'quantity', amountMinor: 10, currency: 'CNY' }, 403)
      assert.deepEqual(await snapshot(), before)
      assert.deepEqual((await call('GET', `/v1/receipts/${receipt.id}/landed-costs`, w.admin)).json().items.map((l: { id: string }) => l.id), [made.id])

      const cost = (await call('GET', '/v1/costs/skus/SKU-A', w.ops)).json()
      assert.equal(cost.skuId, w.skuA.id)
      assert.equal(cost.unitCostMinor, Math.round(cost.valueMinor / cost.units))
      assert.ok(cost.movements.some((m: { reference: string; kind: string }) => m.reference === made.id && m.kind === 'landed'))
      assert.equal((await call('GET', '/v1/costs/skus/NOPE', w.ops, undefined, 404)).json().code, 'sku_not_found')

      const valuation = (await call('GET', '/v1/costs/valuation?node=WH-E', w.ops)).json()
      const onHand = async (skuId: string) => (await t.services.inventory.position(skuId, w.whEast.id)).onHand
      for (const line of valuation.items) {
        assert.equal(line.nodeId, w.whEast.id)
        assert.equal(line.unitsOnHand, await onHand(line.skuId))
        const c = (await call('GET', `/v1/costs/skus/${line.skuId}`, w.ops)).json()
        assert.equal(line.valueMinor, Math.round((line.unitsOnHand * c.valueMinor) / c.units), 'on hand × average')
      }
      const sum = valuation.items.reduce((s: number, l: { valueMinor: number }) => s + l.valueMinor, 0)
      assert.deepEqual(valuation.byCurrency.map((x: { currency: string; valueMinor: number }) => [x.currency, x.valueMinor]), [['CNY', sum]])
      assert.deepEqual(valuation.byNode.map((x: { nodeId: string; valueMinor: number }) => [x.nodeId, x.valueMinor]), [[w.whEast.id, sum]])
      assert.equal((await call('GET', '/v1/costs/valuation?node=NOPE', w.ops, undefined, 404)).json().code, 'node_not_found')
    })

    it('a shipment issues its units at the average: cost of goods on the shipment, once', async () => {
      const channel: Auth = await t.auth(`channel:${w.web.id}`)
      const wh: Auth = await t.auth(`warehouse:${w.whEast.id}`)
      const before = await costOf(w.skuA.id)
      const order = (await call('POST', '/v1/orders', channel, {
        customerId: 'c-cost', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 5000 }], fulfilment: { method: 'ship', region: 'east' },
      }, 201, { 'idempotency-key': newKey() })).json()
      await call('POST', `/v1/orders/${order.id}/payments`, await t.auth('payments:alipay'), { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: `p-${order.id}` }, 201)
      const [s] = (await call('GET', `/v1/shipments?order=${order.id}`, w.ops)).json().items
      for (const step of ['release', 'pick', 'pack']) await call('POST', `/v1/shipments/${s.id}/${step}`, wh)
      await call('POST', `/v1/shipments/${s.id}/ship`, wh, { carrier: 'SF' })
      const after = await costOf(w.skuA.id)
      const expected = Math.round((before.valueMinor * 2) / before.units)
      assert.deepEqual([after.units, after.valueMinor], [before.units - 2, before.valueMinor - expected])
      const shipped = after.movements.find((m) => m.kind === 'shipment')
      assert.deepEqual([shipped?.reference, shipped?.nodeId, shipped?.quantity, shipped?.valueMinor, shipped?.currency], [s.id, w.whEast.id, 2, expected, 'CNY'])
      await t.services.db.tx((tx) => costShipmentWithin(tx, { id: s.id, nodeId: w.whEast.id, lines: [{ skuId: w.skuA.id, quantity: 2, status: 'open' }] }, 0))
      assert.equal((await costOf(w.skuA.id)).units, after.units, 'a shipment is costed once')
      await t.services.db.tx((tx) => t.services.costing.shipmentWithin(tx, { id: 'shp_dropship', nodeId: w.drop1.id, lines: [{ skuId: w.skuA.id, quantity: 1, status: 'open' }] }))
      assert.equal((await costOf(w.skuA.id)).units, after.units, "a supplier's dropship shipment takes nothing out of the merchant's cost")
      // Analytics: cost of goods shipped beside the revenue of the same units, the margin, and the value on hand.
      const inventory = (await call('GET', '/v1/analytics/inventory?periodDays=7', w.admin)).json()
      const value = inventory.inventory.value
      const cny = value.byCurrency.find((x: { currency: string }) => x.currency === 'CNY')
      assert.deepEqual([cny.unitsShipped, cny.costOfGoodsShippedMinor, cny.revenueMinor, cny.grossMarginMinor], [2, expected, 10_000, 10_000 - expected])
      const valuation = (await call('GET', '/v1/costs/valuation', w.admin)).json()
      assert.equal(cny.inventoryValueMinor, valuation.byCurrency.find((x: { currency: string }) => x.currency === 'CNY').valueMinor)
      assert.equal(cny.turnover, expected / cny.inventoryValueMinor)
    })
  })

  describe(`moving average stays within the unit costs received (${kind}, store)`, () => {
    it('any sequence of receipts, landed-free shipments and repeats', async () => {
      const own = await freshDb(kind)
      try {
        let n = 0
        await fc.assert(fc.asyncProperty(
          fc.array(fc.oneof(
            fc.record({ receive: fc.integer({ min: 1, max: 1000 }), unitCost: fc.integer({ min: 0, max: 100_000 }) }),
            fc.record({ ship: fc.integer({ min: 1, max: 1000 }) }),
          ), { minLength: 1, maxLength: 25 }),
          async (steps) => {
            const skuId = `sku_prop${++n}`
            let onHand = 0
            for (const [i, step] of steps.entries()) {
              await own.db.tx(async (tx: Queryable) => {
                if ('receive' in step) {
                  onHand += step.receive
                  const receipt = { id: `rcp_${n}_${i}`, nodeId: 'node_x', lines: [{ poLineId: 'pol_1', skuId, quantityPassed: step.receive }] } as unknown as Receipt
                  const po = { currency: 'CNY', lines: [{ id: 'pol_1', unitCost: step.unitCost }] } as unknown as PurchaseOrder
                  await costReceiptWithin(tx, receipt, po, i)
                  await costReceiptWithin(tx, receipt, po, i)
                } else if (onHand > 0) {
                  const quantity = Math.min(onHand, step.ship)
                  onHand -= quantity
                  await costShipmentWithin(tx, { id: `shp_${n}_${i}`, nodeId: 'node_x', lines: [{ skuId, quantity, status: 'open' }] }, i)
                }
              })
              const c = await own.db.get<{ units: number; value_minor: number; min_unit_minor: number; max_unit_minor: number }>('SELECT * FROM sku_costs WHERE sku_id = ?', [skuId])
              if (!c) continue
              const [units, value, min, max] = [Number(c.units), Number(c.value_minor), Number(c.min_unit_minor), Number(c.max_unit_minor)]
              assert.equal(units, onHand, 'each receipt counted once, each shipment issued once')
              if (units > 0) assert.ok(min * units <= value && value <= max * units, `average ${value / units} within [${min}, ${max}]`)
              else assert.equal(value, 0, 'no value left without units')
            }
          },
        ), { numRuns: kind === 'postgres' ? 25 : 60 })
      } finally {
        await own.cleanup()
      }
    })
  })
}
