/**
 * Re-promising on both stores: supply slots mirror every purchasing change and every transfer
 * step in the same transaction; a slip re-promises waiting lines first come first served (or by
 * priority class), writes delays with the policy's compensation, messages and events; better
 * supply pulls promises earlier. Invariants are checked after every change.
 */
import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { assertConsistent, backorder, confirmedPo, inDays, outboxOf, promiseOf, sellAhead, slotTable } from './helpers/repromise.ts'
import { writeSlots } from '../src/supply/index.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`re-promising when supply changes (${kind})`, () => {
    // A fresh database per test: each starts with no stock, supply or orders at WH-E.
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const call = () => requester(t)
    const d = (days: number) => inDays(t, days)

    beforeEach(async () => {
      t = await startTestApp(kind, { clock: new ManualClock() })
      w = await seedPurchasing(t)
    })
    afterEach(() => t.close())

    const order = (quantity: number, extra: { priorityClass?: number; customerId?: string } = {}) =>
      backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity, channelId: w.web.id, ...extra })
    const slots = () => slotTable(t, w.skuA.id, w.whEast.id)
    const delays = async () => (await t.services.db.all<Record<string, unknown>>(
      'SELECT order_id, line_no, cause, reason, old_ship_by, new_ship_by, days_late, compensation, status FROM order_delays ORDER BY id')).map((r) => ({ ...r }))
    const day = (days: number) => Date.parse(`${d(days)}T00:00:00Z`)

    it('mirrors every purchasing change in the slots: send, confirm, ETA, cut, ASN, receipts with a QC failure, line and PO cancel', async () => {
      const c = call()
      const po = (await c('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', requestedDate: d(8), lines: [{ sku: 'SKU-A', quantity: 20 }] }, 201)).json()
      const pol = po.lines[0].id
      assert.deepEqual(await slots(), [], 'a draft is not supply')
      await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      assert.deepEqual(await slots(), [[pol, 'po_unconfirmed', 20, 0, d(8)]], 'sent: unconfirmed, at the requested date')
      const row = await t.services.db.get<{ ref_id: string; supplier_id: string }>('SELECT ref_id, supplier_id FROM supply_slots WHERE id = ?', [pol])
      assert.deepEqual([row?.ref_id, row?.supplier_id], [po.id, w.s1.id])

      await c('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: pol, quantityAccepted: 15, eta: d(10) }] })
      assert.deepEqual(await slots(), [[pol, 'po_confirmed', 15, 0, d(10)]], 'confirmed: the accepted units at the ETA')
      await c('POST', `/v1/purchase-orders/${po.id}/lines/${pol}/eta`, w.s1Auth, { eta: d(14), reason: 'fabric late' })
      assert.deepEqual(await slots(), [[pol, 'po_confirmed', 15, 0, d(14)]], 'ETA moved')
      await c('POST', `/v1/purchase-orders/${po.id}/lines/${pol}/cancel`, w.s1Auth, { quantity: 5, reason: 'short of fabric' })
      assert.deepEqual(await slots(), [[pol, 'po_confirmed', 10, 0, d(14)]], 'cut by the supplier')

      const asn = (await c('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, { eta: d(12), lines: [{ line: pol, quantity: 4 }] }, 201)).json()
      assert.deepEqual(await slots(), [[`${asn.id}:${pol}`, 'in_transit', 4, 0, d(12)], [pol, 'po_confirmed', 6, 0, d(14)]], 'an ASN is its own slot')
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { asn: asn.id, lines: [{ line: pol, quantityPassed: 3, quantityFailed: 1, failReason: 'torn' }] }, 201)
      assert.deepEqual(await slots(), [[pol, 'po_confirmed', 6, 0, d(14)]], 'the received ASN is gone')
      const p = await t.services.inventory.position(w.skuA.id, w.whEast.id)
      assert.deepEqual([p.onHand, p.unsellable], [4, 1])
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { lines: [{ line: pol, quantityPassed: 2 }] }, 201)
      assert.deepEqual(await slots(), [[pol, 'po_confirmed', 4, 0, d(14)]], 'a receipt without an ASN shrinks the line’s slot')
      await c('POST', `/v1/purchase-orders/${po.id}/lines/${pol}/cancel`, w.admin, { reason: 'no longer needed' })
      assert.deepEqual(await slots(), [], 'a cancelled line is no supply')

      const po2 = (await c('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10, requestedDate: d(9) }] }, 201)).json()
      await c('POST', `/v1/purchase-orders/${po2.id}/send`, w.admin)
      assert.deepEqual(await slots(), [[po2.lines[0].id, 'po_unconfirmed', 10, 0, d(9)]])
      await c('POST', `/v1/purchase-orders/${po2.id}/cancel`, w.admin, { reason: 'wrong supplier' })
      assert.deepEqual(await slots(), [], 'a cancelled PO is no supply')
      await assertConsistent(t)
    })

    it('follows a transfer: a slot at the destination, a later ETA delays its orders, the receipt gives them stock', async () => {
      const c = call()
      await c('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 10 })
      const trf = (await c('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 6, eta: `${d(5)}T09:00:00.000Z` }, 201)).json()
      assert.deepEqual(await slots(), [[trf.id, 'transfer', 6, 0, d(5)]])
      const a = await order(4)
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[trf.id, 4, d(5)]], unallocated: 0, shipBy: d(6), deliverBy: d(7) })
      await assertConsistent(t)

      await c('POST', `/v1/transfers/${trf.id}/ship`, w.admin, { carrier: 'SF', eta: `${d(8)}T09:00:00.000Z` })
      assert.deepEqual(await slots(), [[trf.id, 'transfer', 6, 4, d(8)]])
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[trf.id, 4, d(8)]], unallocated: 0, shipBy: d(9), deliverBy: d(10) })
      assert.deepEqual(await delays(), [{
        order_id: a, line_no: 1, cause: 'transfer_delayed', reason: `Stock moving between our warehouses is now due from ${d(5)} to ${d(8)}.`,
        old_ship_by: day(6), new_ship_by: day(9), days_late: 3,
        compensation: '{"kind":"coupon","amountMinor":1500,"currency":"CNY","policy":"coupon_per_day_late"}', status: 'open',
      }])
      await assertConsistent(t)

      await c('POST', `/v1/transfers/${trf.id}/receive`, w.admin, { receivedQuantity: 6 })
      assert.deepEqual(await slots(), [])
      assert.deepEqual(await promiseOf(t, a), { stock: 4, parts: [['stock', 4, d(0)]], unallocated: 0, shipBy: d(1), deliverBy: d(2) }, 'received stock goes to the waiting order')
      const improved = await outboxOf(t, 'order.promise_improved')
      assert.deepEqual(improved.map((e) => [e.orderId, e.oldShipBy, e.newShipBy]), [[a, d(9), d(1)]])
      assert.equal((await t.services.inventory.position(w.skuA.id, w.whEast.id)).reserved, 4)
      await assertConsistent(t)
    })

    it('re-promises a slip first come first served, with the policy’s compensation, a message and an event; better supply pulls promises earlier', async () => {
      const c = call()
      await c('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 300, capMinor: 1000, graceDays: 1 })
      const po1 = await confirmedPo(t, w, 10, 10)
      const po2 = await confirmedPo(t, w, 10, 20)
      const [a, b, cc] = [await order(4, { customerId: 'cus_a' }), await order(4, { customerId: 'cus_b' }), await order(4, { customerId: 'cus_c' })]
      assert.deepEqual((await promiseOf(t, cc)).parts, [[po1.lineId, 2, d(10)], [po2.lineId, 2, d(20)]])
      const delayedBefore = (await outboxOf(t, 'order.delayed')).length

      await c('POST', `/v1/purchase-orders/${po1.id}/lines/${po1.lineId}/eta`, w.s1Auth, { eta: d(15), reason: 'factory fire' })
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[po1.lineId, 4, d(15)]], unallocated: 0, shipBy: d(16), deliverBy: d(17) })
      assert.deepEqual(await promiseOf(t, b), { stock: 0, parts: [[po1.lineId, 4, d(15)]], unallocated: 0, shipBy: d(16), deliverBy: d(17) })
      assert.deepEqual(await promiseOf(t, cc), { stock: 0, parts: [[po1.lineId, 2, d(15)], [po2.lineId, 2, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) }, 'c still waits for PO 2: no change of date')
      const reason = `Our supplier moved its delivery from ${d(10)} to ${d(15)}.`
      // 5 days late, 1 of grace: 4 × 3.00 = 12.00, capped at 10.00.
      const coupon = '{"kind":"coupon","amountMinor":1000,"currency":"CNY","policy":"coupon_per_day_late"}'
      assert.deepEqual(await delays(), [a, b].map((id) => ({
        order_id: id, line_no: 1, cause: 'eta_moved', reason, old_ship_by: day(11), new_ship_by: day(16), days_late: 5, compensation: coupon, status: 'open',
      })))
      const messages = (await t.services.db.all<{ order_id: string; customer_id: string; kind: string; subject: string; body: string }>(
        'SELECT order_id, customer_id, kind, subject, body FROM customer_messages ORDER BY id')).map((r) => ({ ...r }))
      assert.deepEqual(messages.slice(-2), [[a, 'cus_a'], [b, 'cus_b']].map(([id, customer]) => ({
        order_id: id, customer_id: customer, kind: 'delay', subject: `Your order ${id} is delayed`,
        body: `We are sorry: ${reason} 4 × Sneaker A will now ship by ${d(16)} instead of ${d(11)}. As an apology we are giving you a coupon worth 10.00 CNY. `
          + 'If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid.',
      })))
      const events = (await outboxOf(t, 'order.delayed')).slice(delayedBefore)
      assert.deepEqual(events.map((e) => ({ ...e, delayId: typeof e.delayId, messageId: typeof e.messageId })), [[a, 'cus_a'], [b, 'cus_b']].map(([id, customer]) => ({
        orderId: id, lineNo: 1, channelId: w.web.id, customerId: customer, delayId: 'string', messageId: 'string', cause: 'eta_moved',
        oldShipBy: d(11), newShipBy: d(16), daysLate: 5, compensation: JSON.parse(coupon),
      })))
      assert.deepEqual(await slots(), [[po1.lineId, 'po_confirmed', 10, 10, d(15)], [po2.lineId, 'po_confirmed', 10, 2, d(20)]].sort())
      await assertConsistent(t)

      // Slips again: 8 days late in all, the cap was already given, so nothing more.
      await c('POST', `/v1/purchase-orders/${po1.id}/lines/${po1.lineId}/eta`, w.s1Auth, { eta: d(18), reason: 'still late' })
      const again = (await delays()).slice(2)
      assert.deepEqual(again.map((r) => [r.order_id, r.old_ship_by, r.new_ship_by, r.days_late, r.compensation]), [a, b].map((id) => [
        id, day(16), day(19), 3, '{"kind":"none","amountMinor":0,"currency":"CNY","policy":"coupon_per_day_late"}']))
      const last = await t.services.db.get<{ body: string }>('SELECT body FROM customer_messages WHERE order_id = ? ORDER BY id DESC LIMIT 1', [b])
      assert.equal(last?.body, `We are sorry: Our supplier moved its delivery from ${d(15)} to ${d(18)}. 4 × Sneaker A will now ship by ${d(19)} instead of ${d(16)}. `
        + 'If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid.')

      // PO 2 comes earlier than PO 1 now: everyone moves to it, first come first served.
      const improvedBefore = (await outboxOf(t, 'order.promise_improved')).length
      await c('POST', `/v1/purchase-orders/${po2.id}/lines/${po2.lineId}/eta`, w.s1Auth, { eta: d(12), reason: 'found a truck' })
      assert.deepEqual((await promiseOf(t, a)).parts, [[po2.lineId, 4, d(12)]])
      assert.deepEqual((await promiseOf(t, b)).parts, [[po2.lineId, 4, d(12)]])
      assert.deepEqual((await promiseOf(t, cc)).parts, [[po2.lineId, 2, d(12)], [po1.lineId, 2, d(18)]])
      const improved = (await outboxOf(t, 'order.promise_improved')).slice(improvedBefore)
      assert.deepEqual(improved.map((e) => [e.orderId, e.oldShipBy, e.newShipBy]), [[a, d(19), d(13)], [b, d(19), d(13)], [cc, d(21), d(19)]])
      const good = await t.services.db.get<{ kind: string; subject: string; body: string }>('SELECT kind, subject, body FROM customer_messages WHERE order_id = ? ORDER BY id DESC LIMIT 1', [cc])
      assert.deepEqual({ ...good }, { kind: 'promise_improved', subject: `Your order ${cc} will ship sooner`, body: `Good news: 4 × Sneaker A will now ship by ${d(19)} instead of ${d(21)}.` })
      assert.equal((await delays()).length, 4, 'an improvement is no delay')
      await assertConsistent(t)
    })

    it('keeps a presale line’s date, which is its campaign’s, when its position is re-promised', async () => {
      const c = call()
      const po = await confirmedPo(t, w, 10, 10)
      const nowMs = t.services.clock.nowMs()
      await t.services.db.tx((tx) => writeSlots(tx, [{
        id: 'cmp_test', skuId: w.skuA.id, nodeId: w.whEast.id, kind: 'presale', quantity: 5, promised: 0, availableAtMs: day(30), refId: 'cmp_test', supplierId: null,
      }], nowMs))
      const presale = await backorder(t, {
        skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 2, channelId: w.web.id, rule: { ...sellAhead, stock: false, virtual: false, slotKinds: [], slotIds: ['cmp_test'] },
      })
      // The campaign ships 5 days after the balance was paid: earlier than its quota's latest day.
      await t.services.db.run('UPDATE order_lines SET ship_by = ?, deliver_by = ?, first_ship_by = ? WHERE order_id = ?', [day(20), day(21), day(20), presale])
      const a = await order(4)
      await c('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(15), reason: 'late' })
      assert.deepEqual(await promiseOf(t, presale), { stock: 0, parts: [['cmp_test', 2, d(30)]], unallocated: 0, shipBy: d(20), deliverBy: d(21) })
      assert.deepEqual((await delays()).map((r) => r.order_id), [a])
      assert.deepEqual(await slots(), [['cmp_test', 'presale', 5, 2, d(30)], [po.lineId, 'po_confirmed', 10, 4, d(15)]])
      await assertConsistent(t)
    })

    it('re-promises a cut by priority class, then first come first served; a cancelled PO leaves lines without a date and owed the cap', async () => {
      const c = call()
      await c('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 200, capMinor: 5000, graceDays: 0 })
      const po1 = await confirmedPo(t, w, 10, 10)
      const po2 = await confirmedPo(t, w, 10, 20)
      const a = await order(4)
      const b = await order(4)
      const vip = await order(2, { priorityClass: 1 })
      assert.deepEqual((await promiseOf(t, vip)).parts, [[po1.lineId, 2, d(10)]])
      const before = (await delays()).length

      await c('POST', `/v1/purchase-orders/${po1.id}/lines/${po1.lineId}/cancel`, w.s1Auth, { quantity: 4, reason: 'short of fabric' })
      assert.deepEqual((await promiseOf(t, vip)).parts, [[po1.lineId, 2, d(10)]], 'the priority class keeps its supply')
      assert.deepEqual((await promiseOf(t, a)).parts, [[po1.lineId, 4, d(10)]], 'then the first come')
      assert.deepEqual(await promiseOf(t, b), { stock: 0, parts: [[po2.lineId, 4, d(20)]], unallocated: 0, shipBy: d(21), deliverBy: d(22) })
      assert.deepEqual((await delays()).slice(before), [{
        order_id: b, line_no: 1, cause: 'quantity_cut', reason: 'Our supplier is delivering fewer units than it confirmed.',
        old_ship_by: day(11), new_ship_by: day(21), days_late: 10,
        compensation: '{"kind":"coupon","amountMinor":2000,"currency":"CNY","policy":"coupon_per_day_late"}', status: 'open',
      }])
      await assertConsistent(t)

      await c('POST', `/v1/purchase-orders/${po2.id}/cancel`, w.admin, { reason: 'supplier out of business' })
      assert.deepEqual(await promiseOf(t, b), { stock: 0, parts: [], unallocated: 4, shipBy: null, deliverBy: null })
      assert.deepEqual((await delays()).slice(before + 1), [{
        order_id: b, line_no: 1, cause: 'po_cancelled', reason: 'A purchase order we were counting on for this item was cancelled.',
        old_ship_by: day(21), new_ship_by: null, days_late: null,
        // No date: the cap, less the 20.00 already given for the first 10 days.
        compensation: '{"kind":"coupon","amountMinor":3000,"currency":"CNY","policy":"coupon_per_day_late"}', status: 'open',
      }])
      const message = await t.services.db.get<{ body: string }>('SELECT body FROM customer_messages WHERE order_id = ? ORDER BY id DESC LIMIT 1', [b])
      assert.equal(message?.body, 'We are sorry: A purchase order we were counting on for this item was cancelled. We do not have a new date yet for 4 × Sneaker A; '
        + 'we will tell you as soon as we do. As an apology we are giving you a coupon worth 30.00 CNY. If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid.')
      assert.deepEqual(await slots(), [[po1.lineId, 'po_confirmed', 6, 6, d(10)]])
      await assertConsistent(t)
    })

    it('cancelling one line of a PO re-promises the orders waiting on it with delays, first come first served; the PO’s other line and its orders stay', async () => {
      const c = call()
      await c('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 200, capMinor: 5000, graceDays: 0 })
      // One PO, two lines of SKU-A: the first due in 10 days, the second in 15.
      const po = (await c('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10 }, { sku: 'SKU-A', quantity: 10 }] }, 201)).json()
      const [first, second] = po.lines.map((l: { id: string }) => l.id)
      await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await c('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: first, quantityAccepted: 10, eta: d(10) }, { line: second, quantityAccepted: 10, eta: d(15) }] })
      const [a, b, cc, dd] = [await order(4), await order(4), await order(4), await order(4)]
      assert.deepEqual((await promiseOf(t, a)).parts, [[first, 4, d(10)]])
      assert.deepEqual((await promiseOf(t, cc)).parts, [[first, 2, d(10)], [second, 2, d(15)]])
      assert.deepEqual((await promiseOf(t, dd)).parts, [[second, 4, d(15)]])
      const delayedBefore = (await outboxOf(t, 'order.delayed')).length

      const cancelled = (await c('POST', `/v1/purchase-orders/${po.id}/lines/${first}/cancel`, w.admin, { reason: 'wrong colour' })).json()
      assert.notEqual(cancelled.status, 'cancelled', 'the PO itself stays open')
      assert.deepEqual(cancelled.lines.map((l: { id: string; status: string }) => [l.id, l.status === 'cancelled']), [[first, true], [second, false]])
      assert.deepEqual(await slots(), [[second, 'po_confirmed', 10, 10, d(15)]], 'the cancelled line is no supply; the other line is all promised')
      // First come first served on what is left: a and b move to the second line, c keeps 2 of it and waits for 2, d has nothing.
      assert.deepEqual(await promiseOf(t, a), { stock: 0, parts: [[second, 4, d(15)]], unallocated: 0, shipBy: d(16), deliverBy: d(17) })
      assert.deepEqual(await promiseOf(t, b), { stock: 0, parts: [[second, 4, d(15)]], unallocated: 0, shipBy: d(16), deliverBy: d(17) })
      assert.deepEqual(await promiseOf(t, cc), { stock: 0, parts: [[second, 2, d(15)]], unallocated: 2, shipBy: null, deliverBy: null })
      assert.deepEqual(await promiseOf(t, dd), { stock: 0, parts: [], unallocated: 4, shipBy: null, deliverBy: null })
      const reason = 'A purchase order we were counting on for this item was cancelled.'
      const coupon = (amountMinor: number) => `{"kind":"coupon","amountMinor":${amountMinor},"currency":"CNY","policy":"coupon_per_day_late"}`
      assert.deepEqual(await delays(), [
        // 5 days later: 5 × 2.00; no date at all: the cap.
        { order_id: a, line_no: 1, cause: 'po_cancelled', reason, old_ship_by: day(11), new_ship_by: day(16), days_late: 5, compensation: coupon(1000), status: 'open' },
        { order_id: b, line_no: 1, cause: 'po_cancelled', reason, old_ship_by: day(11), new_ship_by: day(16), days_late: 5, compensation: coupon(1000), status: 'open' },
        { order_id: cc, line_no: 1, cause: 'po_cancelled', reason, old_ship_by: day(16), new_ship_by: null, days_late: null, compensation: coupon(5000), status: 'open' },
        { order_id: dd, line_no: 1, cause: 'po_cancelled', reason, old_ship_by: day(16), new_ship_by: null, days_late: null, compensation: coupon(5000), status: 'open' },
      ])
      const events = (await outboxOf(t, 'order.delayed')).slice(delayedBefore)
      assert.deepEqual(events.map((e) => [e.orderId, e.cause, e.oldShipBy, e.newShipBy]), [[a, 'po_cancelled', d(11), d(16)], [b, 'po_cancelled', d(11), d(16)], [cc, 'po_cancelled', d(16), null], [dd, 'po_cancelled', d(16), null]])
      const message = await t.services.db.get<{ kind: string; body: string }>('SELECT kind, body FROM customer_messages WHERE order_id = ? ORDER BY id DESC LIMIT 1', [a])
      assert.deepEqual({ ...message }, { kind: 'delay', body: `We are sorry: ${reason} 4 × Sneaker A will now ship by ${d(16)} instead of ${d(11)}. As an apology we are giving you a coupon worth 10.00 CNY. `
        + 'If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid.' })
      // The delay offers to cancel with a full refund.
      const offer = (await c('POST', `/v1/orders/${dd}/cancel`, w.admin, { acceptDelayOffer: true })).json()
      assert.equal(offer.status, 'cancelled')
      assert.deepEqual((await delays()).map((r) => [r.order_id, r.status]).filter(([id]) => id === dd), [[dd, 'accepted']])
      await assertConsistent(t)
    })

    it('ends a delay’s offer to cancel once the line is back on its first promise, not before', async () => {
      const c = call()
      const po = await confirmedPo(t, w, 10, 5)
      const a = await order(2)
      const eta = (days: number) => c('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(days), reason: 'factory' })
      await eta(9)
      await eta(7)
      assert.deepEqual((await delays()).map((r) => r.status), ['open'], 'earlier, but still later than first promised: the offer stands')
      await eta(5)
      assert.deepEqual((await delays()).map((r) => [r.status, r.compensation]), [['resolved', '{"kind":"coupon","amountMinor":2000,"currency":"CNY","policy":"coupon_per_day_late"}']])
      const message = await t.services.db.get<{ body: string }>(`SELECT body FROM customer_messages WHERE order_id = ? AND kind = 'promise_improved' ORDER BY id DESC LIMIT 1`, [a])
      assert.match(message!.body, /will now ship by .* instead of .*\. That is the day we first promised, so the offer to cancel for a full refund has ended/)
      assert.equal((await c('POST', `/v1/orders/${a}/cancel`, w.admin, { acceptDelayOffer: true }, 409)).json().code, 'no_delay_offer')
      await assertConsistent(t)
    })
  })
}
