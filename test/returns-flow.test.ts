/**
 * Returns over HTTP on both stores: an online order returned at a store counter, received into U
 * (nothing sellable before inspection), graded, sent where the rules say (outlet, vendor, stock),
 * refunded by itself at the policy's step — asked of the provider by `refund.requested` and
 * recorded once when it confirms, however often; bad input refused with a stable code, nothing
 * changed.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, seedWorld, type World } from './helpers/fixtures.ts'
import { dayMs, newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }

for (const kind of await storeKinds()) {
  describe(`returns over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World & { outlet: { id: string }; shop: { id: string }; gadget: { id: string }; supplierId?: string }
    let shop: Auth, ops: Auth, pay: Auth, st1: Auth, st2: Auth
    const clock = new ManualClock()
    const call = async (method: string, url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method: method as 'POST', url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    const position = (skuId: string, nodeId: string) => t.services.inventory.position(skuId, nodeId)
    /** An order of the shop, paid, shipped and delivered now. */
    const delivered = async (sku: string, quantity: number, unitPrice = 10_000) => {
      const o = await call('POST', '/v1/orders', { ...shop, 'idempotency-key': newKey() } as Auth,
        { customerId: 'c-ret', lines: [{ sku, quantity, unitPrice }], fulfilment: { method: 'ship', region: 'east' } }, 201)
      await call('POST', `/v1/orders/${o.id}/payments`, pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      await call('POST', `/v1/orders/${o.id}/ship`, ops, {})
      await call('POST', `/v1/orders/${o.id}/deliver`, ops, {})
      return o
    }
    const refundRequests = async (orderId: string) =>
      (await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'refund.requested' AND subject = ?`, [orderId])).map((r) => JSON.parse(r.payload))

    before(async () => {
      t = await startTestApp(kind, { clock })
      const world = await seedWorld(t)
      const admin = world.admin
      const outlet = await call('POST', '/v1/nodes', admin, { code: 'OUTLET', name: 'Outlet store', kind: 'store', region: 'east' }, 201)
      const gadget = await call('POST', '/v1/skus', admin, { code: 'GADGET', name: 'Gadget', attributes: { category: 'electronics' } }, 201)
      const shopChannel = await call('POST', '/v1/channels', admin, { code: 'shop', name: 'Shop', kind: 'web', nodeIds: [world.whEast.id], safetyBuffer: 0 }, 201)
      w = { ...world, outlet, shop: shopChannel, gadget }
      shop = await t.auth(`channel:${shopChannel.id}`)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      st1 = await t.auth(`store:${world.store1.id}`)
      st2 = await t.auth(`store:${world.store2.id}`)
      for (const sku of ['SKU-A', 'SKU-B', 'GADGET']) await call('POST', '/v1/inventory/receipts', admin, { sku, node: 'WH-E', quantity: 50 })
      // Open box goes to the outlet; a defective gadget back to its supplier; the rest by the built-in rules.
      await call('PUT', '/v1/disposition-rules', admin, { rules: [
        { id: 'open-box-to-outlet', when: { grades: ['B'] }, then: { kind: 'outlet', outletNodeId: outlet.id } },
        { id: 'defective-to-vendor', when: { grades: ['D'], reasons: ['defective'] }, then: { kind: 'return_to_vendor' } },
        { id: 'as-new', when: { grades: ['A'] }, then: { kind: 'restock' } },
        { id: 'scrap-the-rest', when: {}, then: { kind: 'scrap' } },
      ] })
      const supplier = await call('POST', '/v1/suppliers', admin, { code: 'GADGET-CO', name: 'Gadget Co', currency: 'CNY', defaultLeadTimeDays: 5, paymentTerms: { kind: 'net', days: 30 } }, 201)
      await call('PUT', `/v1/suppliers/${supplier.id}/skus/${gadget.id}`, admin, { unitCost: 4000 })
      // Ten gadgets delivered by Gadget Co, all passing QC: its quality rate is 100 % before any comes back.
      const po = await call('POST', '/v1/purchase-orders', admin, { supplier: supplier.id, destination: 'WH-E', lines: [{ sku: 'GADGET', quantity: 10 }] }, 201)
      await call('POST', `/v1/purchase-orders/${po.id}/send`, admin)
      await call('POST', `/v1/purchase-orders/${po.id}/confirm`, await t.auth(`supplier:${supplier.id}`), { lines: [{ line: '1', quantityAccepted: 10, eta: new Date(clock.nowMs() + 2 * dayMs).toISOString().slice(0, 10) }] })
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, admin, { lines: [{ line: '1', quantityPassed: 10, quantityFailed: 0 }] }, 201)
      w.supplierId = supplier.id
    })
    after(() => t.close())

    it('an online order returned at a store counter: received into U, graded B, sent to the outlet, refunded on receipt less the return shipping', async () => {
      const o = await delivered('SKU-A', 2)
      // A store opens it at its counter for the shop's order: approved at once, received there.
      const r = await call('POST', '/v1/returns', st1, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse', evidence: ['https://img.example/1.jpg'] }] }, 201)
      assert.deepEqual([r.status, r.nodeId, r.channelId, r.lines[0].reason, r.lines[0].evidence], ['approved', w.store1.id, w.shop.id, 'customer_remorse', ['https://img.example/1.jpg']])
      // The shop sees its customer's return; another store does not.
      assert.equal((await call('GET', `/v1/returns/${r.id}`, shop)).id, r.id)
      assert.equal((await call('GET', `/v1/returns/${r.id}`, st2, undefined, 404)).code, 'return_not_found')
      const before = await position(w.skuA.id, w.store1.id)
      const received = await call('POST', `/v1/returns/${r.id}/receive`, st1, { lines: [{ lineNo: 1, quantity: 1 }] })
      assert.equal(received.status, 'received')
      const held = await position(w.skuA.id, w.store1.id)
      assert.deepEqual([held.onHand - before.onHand, held.unsellable - before.unsellable, held.sellable - before.sellable], [1, 1, 0], 'on hand, unsellable: never sellable before inspection')
      // Refunded on receipt (the default step): the item, less the customer's return shipping (10.00).
      assert.equal(received.refundAmount, 9_000)
      const [request] = await refundRequests(o.id)
      assert.deepEqual([request.amount, request.currency, request.provider, request.reason], [9_000, 'CNY', 'alipay', `return:${r.id}`])
      assert.equal((await call('GET', `/v1/orders/${o.id}`, ops)).refundDue, 9_000)

      const inspected = await call('POST', `/v1/returns/${r.id}/inspect`, st1, { units: [{ lineNo: 1, unitNo: 1, grade: 'B', notes: 'box opened' }] })
      assert.deepEqual([inspected.status, inspected.units[0].disposition, inspected.units[0].ruleId, inspected.units[0].outletNodeId], ['closed', 'outlet', 'open-box-to-outlet', w.outlet.id])
      const after = await position(w.skuA.id, w.store1.id)
      assert.deepEqual([after.onHand, after.unsellable], [before.onHand, before.unsellable], 'gone from the store')
      assert.equal((await position(w.skuA.id, w.outlet.id)).sellable, 1, 'sellable at the outlet')

      // The provider confirms the refund naming the request; again with the same reference is a replay; under another it is refused.
      const report = { kind: 'refund', amount: 9_000, currency: 'CNY', providerRef: `rf-${r.id}`, refundRequest: request.requestId }
      const first = await call('POST', `/v1/orders/${o.id}/payments`, pay, report, 201)
      assert.equal((await call('POST', `/v1/orders/${o.id}/payments`, pay, report, 201)).id, first.id, 'a replay answers the first report')
      assert.equal((await call('POST', `/v1/orders/${o.id}/payments`, pay, { ...report, providerRef: 'rf-again' }, 409)).code, 'refund_request_paid')
      const order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.refunded, order.refundDue], [9_000, 0], 'counted once')
      assert.ok((await call('GET', `/v1/returns/${r.id}`, ops)).refundedAt)
      await assertLedgerConsistent(t)
    })

    it('a defective unit goes back to its supplier: an RTV document debits the unit cost; damaged in transit is refunded on approval with no fee', async () => {
      await call('PUT', `/v1/return-policies/${w.shop.id}`, ops, {
        windowDays: 30, reasons: { customer_remorse: { merchantFault: false }, defective: { merchantFault: true }, damaged_in_transit: { merchantFault: true } },
        conditions: [], restockingFee: { kind: 'percent', value: 10 }, returnShipping: { paidBy: 'customer', costMinor: 1000 }, refundStep: 'on_approval',
        nonReturnableCategories: ['food'], presaleDepositRefund: 'merchant_fault_only', categories: {},
      })
      const o = await delivered('GADGET', 1)
      const r = await call('POST', '/v1/returns', shop, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'defective' }] }, 201)
      assert.equal(r.status, 'requested')
      const approved = await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
      assert.equal(approved.refundAmount, 10_000, 'the merchant’s fault: no fee, no return shipping, refunded on approval')
      await call('POST', `/v1/returns/${r.id}/ship`, shop, { carrier: 'SF', tracking: 'SF-RET-1' })
      await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] })
      const inspected = await call('POST', `/v1/returns/${r.id}/inspect`, ops, { units: [{ lineNo: 1, unitNo: 1, grade: 'D' }] })
      assert.deepEqual([inspected.units[0].disposition, inspected.units[0].ruleId], ['return_to_vendor', 'defective-to-vendor'])
      const rtv = await t.services.db.all<{ supplier_id: string; debit_minor: number | string; quantity: number | string }>('SELECT supplier_id, debit_minor, quantity FROM return_to_vendor WHERE return_id = ?', [r.id])
      assert.deepEqual(rtv.map((x) => [Number(x.debit_minor), Number(x.quantity), x.supplier_id]), [[4000, 1, w.supplierId]])
      // Payables debits it to the supplier in the same transaction (its agreement accepts returns to vendor by default).
      const [rtvId] = await t.services.db.all<{ id: string }>('SELECT id FROM return_to_vendor WHERE return_id = ?', [r.id])
      const debit = await t.services.db.all<{ kind: string; supplier_id: string; amount_minor: number | string; quantity: number | string }>(
        "SELECT kind, supplier_id, amount_minor, quantity FROM supplier_debits WHERE source_id = ?", [rtvId.id])
      assert.deepEqual(debit.map((x) => [x.kind, x.supplier_id, Number(x.amount_minor), Number(x.quantity)]), [['return_to_vendor', w.supplierId, 4000, 1]])
      // The defective unit counts against the supplier's quality: 9 of the 10 it delivered held up.
      assert.equal((await call('GET', `/v1/suppliers/${w.supplierId}/scorecard`, ops)).qcPassRate, 0.9)
      assert.equal((await refundRequests(o.id)).length, 1, 'requested once, on approval')
      // Damaged in transit: the merchant's fault, refunded in full on approval — no 10 % fee, no return shipping; a remorse return pays both.
      const dented = await delivered('GADGET', 1)
      const transit = await call('POST', '/v1/returns', shop, { order: dented.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'damaged_in_transit' }] }, 201)
      assert.equal((await call('POST', `/v1/returns/${transit.id}/approve`, ops, { node: 'WH-E' })).refundAmount, 10_000)
      const changed = await delivered('GADGET', 1)
      const remorse = await call('POST', '/v1/returns', shop, { order: changed.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      assert.equal((await call('POST', `/v1/returns/${remorse.id}/approve`, ops, { node: 'WH-E' })).refundAmount, 10_000 - 1_000 - 1_000, 'less the 10 % fee and the return shipping')
      await assertLedgerConsistent(t)
    })

    it('an exchange: at the refund’s step a replacement order is placed at the original price, paid by the return, and no money goes back', async () => {
      const o = await delivered('SKU-A', 1, 12_000)
      const r = await call('POST', '/v1/returns', shop, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'defective' }], exchange: true }, 201)
      assert.deepEqual([r.exchange, r.exchangeOrderId], [true, null])
      // The shop's policy refunds on approval: that is when the replacement is placed.
      const approved = await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'WH-E' })
      assert.ok(approved.exchangeOrderId, 'the replacement order')
      const replacement = await call('GET', `/v1/orders/${approved.exchangeOrderId}`, ops)
      assert.deepEqual([replacement.status, replacement.channelId, replacement.customerId, replacement.reference, replacement.lines.map((l: { skuId: string; quantity: number; unitPrice: number }) => [l.skuId, l.quantity, l.unitPrice])],
        ['paid', w.shop.id, 'c-ret', `exchange:${r.id}`, [[w.skuA.id, 1, 12_000]]])
      assert.ok(replacement.promisedShipDate, 'promised like any order')
      assert.deepEqual(await refundRequests(o.id), [], 'no refund asked')
      assert.equal((await call('GET', `/v1/orders/${o.id}`, ops)).refundDue, 0)
      const payments = await call('GET', `/v1/orders/${approved.exchangeOrderId}/payments`, ops)
      assert.deepEqual(payments.items.map((p: { provider: string; amount: number }) => [p.provider, p.amount]), [['exchange', 12_000]])
    })

    it('refuses a return past the window, of more than was delivered, of a non-returnable category, received by a store at a node not its own — nothing changed', async () => {
      const o = await delivered('SKU-B', 1)
      const open = (auth: Auth, lines: object[], status: number, extra: object = {}) => call('POST', '/v1/returns', auth, { order: o.id, lines, ...extra }, status)
      assert.equal((await open(shop, [{ orderLineNo: 1, quantity: 2, reason: 'customer_remorse' }], 409)).code, 'return_exceeds_delivered')
      assert.equal((await open(shop, [{ orderLineNo: 9, quantity: 1, reason: 'customer_remorse' }], 422)).code, 'invalid_return_lines')
      assert.equal((await open(shop, [{ orderLineNo: 1, quantity: 1, reason: 'late_delivery' }], 422)).code, 'reason_not_accepted')
      assert.equal((await open(st1, [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }], 404, { node: 'ST-2' })).code, 'node_not_found')
      const other = await t.auth(`channel:${w.web.id}`)
      assert.equal((await open(other, [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }], 404)).code, 'order_not_found')
      const r = await open(shop, [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }], 201)
      assert.equal((await open(shop, [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }], 409)).code, 'return_exceeds_delivered', 'already being returned')
      await call('POST', `/v1/returns/${r.id}/approve`, ops, { node: 'ST-1' })
      assert.equal((await call('POST', `/v1/returns/${r.id}/receive`, st2, { node: 'ST-2', lines: [{ lineNo: 1, quantity: 1 }] }, 404)).code, 'return_not_found')
      assert.equal((await call('POST', `/v1/returns/${r.id}/receive`, st1, { lines: [{ lineNo: 1, quantity: 2 }] }, 422)).code, 'invalid_return_lines')
      assert.equal((await call('POST', `/v1/returns/${r.id}/inspect`, st1, { units: [{ lineNo: 1, unitNo: 1, grade: 'A' }] }, 409)).code, 'illegal_transition')
      assert.equal((await call('GET', `/v1/returns/${r.id}`, ops)).status, 'approved', 'nothing changed')
      clock.advance(31 * dayMs)
      const late = await delivered('SKU-B', 1)
      clock.advance(31 * dayMs)
      assert.equal((await call('POST', '/v1/returns', shop, { order: late.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 409)).code, 'return_window_closed')
      const food = await call('POST', '/v1/skus', ops, { code: 'TEA', name: 'Tea', attributes: { category: 'food' } }, 201)
      await call('POST', '/v1/inventory/receipts', ops, { sku: 'TEA', node: 'WH-E', quantity: 5 })
      const tea = await delivered(food.code, 1)
      assert.equal((await call('POST', '/v1/returns', shop, { order: tea.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 409)).code, 'not_returnable')
    })

    it('refuses to receive a return approved without a node when no node is named, with a stable code — nothing changed', async () => {
      const o = await delivered('SKU-B', 1)
      const r = await call('POST', '/v1/returns', shop, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      await call('POST', `/v1/returns/${r.id}/approve`, ops, {})
      assert.equal((await call('POST', `/v1/returns/${r.id}/receive`, ops, { lines: [{ lineNo: 1, quantity: 1 }] }, 409)).code, 'not_a_returns_node')
      assert.deepEqual((await call('GET', `/v1/returns/${r.id}`, ops)).status, 'approved', 'nothing changed')
      assert.equal((await call('POST', `/v1/returns/${r.id}/receive`, ops, { node: 'WH-E', lines: [{ lineNo: 1, quantity: 1 }] })).status, 'received', 'naming the node receives it')
    })
  })
}
