/** Virtual supply over HTTP on both stores: declarations set the V bucket, sum over suppliers, respect the cap, and emit supply events. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount, seedWorld, type World } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'

type Headers = { authorization: string }
const supplierBody = (code: string) => ({ code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14, paymentTerms: { kind: 'prepaid' } })

for (const kind of await storeKinds()) {
  describe(`virtual supply over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World
    let sup1: Headers, sup2: Headers
    const call = () => requester(t)
    const virtualAt = async (sku: string, node: string) => (await call()('GET', `/v1/inventory/positions/${sku}/${node}`, w.admin)).json()
    const declare = (token: Headers, supplier: string, sku: string, node: string, quantity: number, status = 200, leadTimeDays = 3) =>
      call()('PUT', `/v1/suppliers/${supplier}/virtual-supply/${sku}/${node}`, token, { quantity, leadTimeDays }, status)
    const supplyEvents = async () => (await t.services.db.all<{ subject: string; payload: string }>(
      "SELECT subject, payload FROM outbox WHERE topic = 'supply.changed' ORDER BY id")).map((r) => ({ subject: r.subject, ...JSON.parse(r.payload) }))

    before(async () => {
      t = await startTestApp(kind)
      w = await seedWorld(t)
      // The world's dropship nodes name their suppliers 'sup1' and 'sup2': codes, here.
      for (const code of ['sup1', 'sup2']) {
        await call()('POST', '/v1/suppliers', w.admin, supplierBody(code), 201)
        await call()('PUT', `/v1/suppliers/${code}/skus/SKU-A`, w.admin, { unitCost: 900, virtualCap: 50 })
      }
      sup1 = await t.auth('supplier:sup1')
      sup2 = await t.auth('supplier:sup2')
    })
    after(() => t.close())

    it("sets V at the supplier's own dropship node and at a warehouse, and answers the node's total", async () => {
      const atDropship = (await declare(sup1, 'sup1', 'SKU-A', 'DS-1', 30)).json()
      assert.deepEqual([atDropship.quantity, atDropship.leadTimeDays, atDropship.virtualAtNode], [30, 3, 30])
      const p = await virtualAt(w.skuA.id, w.drop1.id)
      assert.deepEqual([p.virtual, p.sellable, p.onHand], [30, 30, 0])
      const byStaff = (await declare(w.admin, 'sup1', 'SKU-A', 'WH-E', 10)).json()
      assert.equal(byStaff.virtualAtNode, 10)
      assert.equal((await virtualAt(w.skuA.id, w.whEast.id)).virtual, 10)
      const mine = (await call()('GET', '/v1/suppliers/sup1/virtual-supply', sup1)).json()
      assert.deepEqual(mine.items.map((v: { nodeId: string; quantity: number }) => [v.nodeId, v.quantity]).sort(), [[w.drop1.id, 30], [w.whEast.id, 10]].sort())
      await assertLedgerConsistent(t)
    })

    it("sums two suppliers' declarations at one node, and a change replaces only that supplier's part", async () => {
      await declare(sup1, 'sup1', 'SKU-A', 'WH-N', 5)
      const second = (await declare(sup2, 'sup2', 'SKU-A', 'WH-N', 15)).json()
      assert.equal(second.virtualAtNode, 20)
      assert.equal((await virtualAt(w.skuA.id, w.whNorth.id)).virtual, 20)
      await declare(sup1, 'sup1', 'SKU-A', 'WH-N', 2)
      assert.equal((await virtualAt(w.skuA.id, w.whNorth.id)).virtual, 17, '2 + 15')
      const perSku = (await call()('GET', `/v1/virtual-supply?sku=SKU-A&node=WH-N`, w.admin)).json()
      assert.deepEqual(perSku.items.map((v: { quantity: number }) => v.quantity).sort(), [15, 2].sort())
      await assertLedgerConsistent(t)
    })

    it('refuses what it may not declare, and a refusal changes nothing', async () => {
      const c = call()
      const snapshot = async () => ({
        movements: await movementCount(t),
        outbox: Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox'))?.n),
        declared: await t.services.db.all('SELECT * FROM virtual_supply ORDER BY supplier_id, sku_id, node_id'),
        positions: await t.services.db.all('SELECT sku_id, node_id, virtual FROM positions ORDER BY sku_id, node_id'),
      })
      const before = await snapshot()
      // sup1 has 30 at DS-1, 10 at WH-E and 2 at WH-N of its cap of 50: 8 more at most at a new node.
      const store = (await declare(sup1, 'sup1', 'SKU-A', 'ST-1', 1, 404)).json()
      assert.deepEqual([store.code, store.detail], ['node_not_found', "No node with id or code 'ST-1'."], 'stores do not take virtual supply; to a supplier one is as unknown as a missing node')
      const above = (await declare(w.admin, 'sup1', 'SKU-A', 'ST-1', 1, 422)).json()
      assert.equal(above.code, 'node_not_allowed_for_virtual', 'staff hear why')
      const capped = (await c('PUT', '/v1/suppliers/sup1/virtual-supply/SKU-A/WH-N', sup1, { quantity: 11, leadTimeDays: 3 }, 422)).json()
      assert.deepEqual([capped.code, capped.virtualCap, capped.declaredElsewhere], ['virtual_above_cap', 50, 40])
      const noTerms = (await declare(sup1, 'sup1', 'SKU-B', 'DS-1', 1, 422)).json()
      assert.deepEqual([noTerms.code, noTerms.virtualCap], ['virtual_above_cap', 0])
      assert.equal((await declare(sup1, 'sup1', 'SKU-A', 'DS-2', 1, 404)).json().code, 'node_not_found', "another supplier's dropship node is unknown to it")
      assert.equal((await declare(sup1, 'sup1', 'SKU-A', 'NOPE', 1, 404)).json().code, 'node_not_found')
      assert.equal((await declare(sup1, 'sup1', 'NOPE', 'DS-1', 1, 404)).json().code, 'sku_not_found')
      assert.equal((await declare(sup1, 'sup1', 'SKU-A', 'DS-1', -1, 400)).json().code, 'invalid_request')
      assert.equal((await declare(sup1, 'sup1', 'SKU-A', 'DS-1', 1, 400, 366)).json().code, 'invalid_request')
      const lowered = (await c('PUT', '/v1/suppliers/sup1/skus/SKU-A', w.admin, { unitCost: 900, virtualCap: 41 }, 409)).json()
      assert.deepEqual([lowered.code, lowered.declared], ['virtual_cap_below_declared', 42])
      assert.deepEqual(await snapshot(), before)

      await c('PATCH', '/v1/suppliers/sup2', w.admin, { active: false })
      assert.equal((await declare(sup2, 'sup2', 'SKU-A', 'WH-E', 1, 422)).json().code, 'supplier_inactive')
      await c('PATCH', '/v1/suppliers/sup2', w.admin, { active: true })
      // The two changes of the supplier are the only writes: one supplier.changed event each.
      assert.deepEqual(await snapshot(), { ...before, outbox: before.outbox + 2 })
    })

    it('withdraws a declaration with 0 and writes a supply.changed event for every change', async () => {
      const events = (await supplyEvents()).length
      await declare(sup2, 'sup2', 'SKU-A', 'DS-2', 12, 200, 4)
      await declare(sup2, 'sup2', 'SKU-A', 'DS-2', 12, 200, 4)
      await declare(sup2, 'sup2', 'SKU-A', 'DS-2', 12, 200, 6)
      const gone = (await declare(sup2, 'sup2', 'SKU-A', 'DS-2', 0)).json()
      assert.deepEqual([gone.quantity, gone.virtualAtNode], [0, 0])
      assert.equal((await virtualAt(w.skuA.id, w.drop2.id)).virtual, 0)
      const listed = (await call()('GET', '/v1/suppliers/sup2/virtual-supply?sku=SKU-A&node=DS-2', sup2)).json()
      assert.deepEqual(listed.items, [])

      const sup2Id = (await call()('GET', '/v1/suppliers/sup2', w.admin)).json().id
      const mine = (await supplyEvents()).slice(events)
      assert.deepEqual(mine.map((e) => e.changes), [['added'], ['eta_moved'], ['removed']], 'the identical re-declaration is no change')
      const [added, , removed] = mine
      assert.deepEqual({ ...added, after: undefined }, {
        subject: `${w.skuA.id}@${w.drop2.id}`, skuId: w.skuA.id, nodeId: w.drop2.id, sourceType: 'virtual', supplierId: sup2Id,
        cause: 'virtual_declared', changes: ['added'], before: [], after: undefined, virtualAtNode: 12,
      })
      assert.deepEqual([added.after[0].quantity, added.after[0].confidence, added.after[0].sourceId], [12, 'virtual', sup2Id])
      assert.deepEqual([removed.before[0].quantity, removed.after, removed.virtualAtNode], [12, [], 0])
      await assertLedgerConsistent(t)
    })

    it('keeps V equal to the sum of declarations when suppliers declare at one node at once', async () => {
      const quantities = [7, 3, 9, 1, 8, 2, 6, 4]
      const results = await Promise.all(quantities.map((q, i) => t.app.inject({
        method: 'PUT', url: `/v1/suppliers/${i % 2 ? 'sup2' : 'sup1'}/virtual-supply/SKU-A/WH-E`,
        headers: i % 2 ? sup2 : sup1, payload: { quantity: q, leadTimeDays: 1 },
      })))
      assert.deepEqual(results.map((r) => r.statusCode), quantities.map(() => 200))
      const declared = await t.services.db.get<{ n: number }>('SELECT SUM(quantity) AS n FROM virtual_supply WHERE sku_id = ? AND node_id = ?', [w.skuA.id, w.whEast.id])
      assert.equal((await virtualAt(w.skuA.id, w.whEast.id)).virtual, Number(declared?.n))
      await assertLedgerConsistent(t)
    })
  })
}
