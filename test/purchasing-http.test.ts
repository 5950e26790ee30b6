/** Purchase orders over HTTP on both stores: the whole flow, the supplier portal's isolation, bad input and races. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const dayMs = 86_400_000

for (const kind of await storeKinds()) {
  describe(`purchase orders over HTTP (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock()
    const call = () => requester(t)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
    })
    after(() => t.close())

    const createPo = async (extra: object = {}) => (await call()('POST', '/v1/purchase-orders', w.admin, {
      supplier: 'S1', destination: 'WH-E', reference: `PO-${Math.random()}`,
      lines: [{ sku: 'SKU-A', quantity: 20 }, { sku: 'SKU-B', quantity: 10, unitCost: 500 }], ...extra,
    }, 201)).json()
    const outbox = async (topic: string) => (await t.services.db.all<{ payload: string }>('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', [topic]))
      .map((r) => JSON.parse(r.payload))

    it('refuses a reference the supplier already uses, on create and on edit (409 duplicate_reference), changing nothing', async () => {
      const c = call()
      const taken = await createPo({ reference: 'PO-TAKEN' })
      const draft = await createPo({ reference: 'PO-FREE' })
      const created = await c('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', reference: 'PO-TAKEN', lines: [{ sku: 'SKU-A', quantity: 20 }] }, 409)
      assert.equal(created.json().code, 'duplicate_reference')
      const edited = await c('PATCH', `/v1/purchase-orders/${draft.id}`, w.admin, { reference: 'PO-TAKEN' }, 409)
      assert.equal(edited.json().code, 'duplicate_reference')
      const after = (await c('GET', `/v1/purchase-orders/${draft.id}`, w.admin)).json()
      assert.deepEqual([after.reference, after.version], ['PO-FREE', draft.version])
      assert.equal((await c('GET', `/v1/purchase-orders/${taken.id}`, w.admin)).json().reference, 'PO-TAKEN')
    })

    it('runs a PO from draft to closed: partial confirmation, ETA moved, ASN, receipt with a QC failure, scorecard, stock', async () => {
      const c = call()
      const t0 = clock.nowMs()
      const po = await createPo({ reference: 'PO-1001' })
      assert.equal(po.status, 'draft')
      assert.deepEqual(po.lines.map((l: { unitCost: number }) => l.unitCost), [1200, 500], 'price from the supplier terms, or given')
      assert.equal(po.totals.amountOrdered, 20 * 1200 + 10 * 500)
      await c('GET', `/v1/purchase-orders/${po.id}`, w.s1Auth, undefined, 404)

      const sent = (await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin, undefined, 200)).json()
      assert.equal(sent.status, 'sent')
      const [lineA, lineB] = sent.lines
      const mine = (await c('GET', '/v1/purchase-orders', w.s1Auth)).json()
      assert.deepEqual(mine.items.map((p: { id: string }) => p.id), [po.id], 'the supplier sees its sent order')

      const confirmed = (await c('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, {
        lines: [{ line: lineA.id, quantityAccepted: 15, eta: dayAfter(t0, 10) }, { line: '2', quantityAccepted: 10, eta: dayAfter(t0, 12) }],
      })).json()
      assert.equal(confirmed.status, 'confirmed')
      assert.deepEqual(
        [confirmed.lines[0].quantityAccepted, confirmed.lines[0].quantityCancelledBySupplier, confirmed.lines[0].quantityOpen, confirmed.lines[0].eta],
        [15, 5, 15, dayAfter(t0, 10)])

      const moved = (await c('POST', `/v1/purchase-orders/${po.id}/lines/${lineA.id}/eta`, w.s1Auth, { eta: dayAfter(t0, 14), reason: 'fabric late' })).json()
      assert.deepEqual([moved.lines[0].confirmedEta, moved.lines[0].eta, moved.lines[0].etaChanges], [dayAfter(t0, 10), dayAfter(t0, 14), 1])

      const asn = (await c('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, {
        carrier: 'SF Express', tracking: 'SF123', eta: dayAfter(t0, 11), lines: [{ line: lineA.id, quantity: 15 }, { line: lineB.id, quantity: 10 }],
      }, 201)).json()
      assert.equal(asn.status, 'in_transit')
      assert.equal((await c('GET', `/v1/purchase-orders/${po.id}`, w.admin)).json().status, 'shipped')

      clock.advance(11 * dayMs)
      const receipt = (await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, {
        asn: asn.id,
        lines: [{ line: lineA.id, quantityPassed: 14, quantityFailed: 1, failReason: 'crushed carton' }, { line: lineB.id, quantityPassed: 10 }],
      }, 201)).json()
      assert.deepEqual(receipt.lines.map((l: { quantityPassed: number; quantityFailed: number }) => [l.quantityPassed, l.quantityFailed]), [[14, 1], [10, 0]])

      const received = (await c('GET', `/v1/purchase-orders/${po.id}`, w.s1Auth)).json()
      assert.equal(received.status, 'received')
      assert.deepEqual(received.lines.map((l: { status: string }) => l.status), ['closed', 'received'], 'line A closed short by the 5 the supplier did not accept')
      const a = (await c('GET', `/v1/inventory/positions/${w.skuA.id}/${w.whEast.id}`, w.admin)).json()
      assert.deepEqual([a.onHand, a.unsellable, a.sellable], [15, 1, 14])
      const b = (await c('GET', `/v1/inventory/positions/${w.skuB.id}/${w.whEast.id}`, w.admin)).json()
      assert.deepEqual([b.onHand, b.sellable], [10, 10])

      // Hand-computed: line A late (confirmed for day 10, came day 11), line B on time (day 12);
      // filled 25 of 30 ordered (the 5 cut count against the supplier); 24 of 25 passed; one ETA
      // change over two confirmed lines; both lead times exactly 11 days.
      const card = (await c('GET', `/v1/suppliers/${w.s1.id}/scorecard`, w.s1Auth)).json()
      assert.deepEqual(
        [card.onTimeRate, card.fillRate, card.qcPassRate, card.etaChangesPerLine, card.leadTimeMeanDays, card.leadTimeStdDevDays, card.grade],
        [0.5, 0.8333, 0.96, 0.5, 11, 0, 'D'])
      await c('GET', `/v1/suppliers/${w.s1.id}/scorecard`, w.s2Auth, undefined, 404)

      const closed = (await c('POST', `/v1/purchase-orders/${po.id}/close`, w.admin, { reason: 'complete' })).json()
      assert.equal(closed.status, 'closed')
      const timeline = (await c('GET', `/v1/purchase-orders/${po.id}/timeline?limit=100`, w.s1Auth)).json()
      const kinds = timeline.items.map((e: { kind: string }) => e.kind)
      for (const k of ['created', 'sent', 'line_confirmed', 'eta_changed', 'asn_created', 'received', 'closed']) assert.ok(kinds.includes(k), `timeline has ${k}: ${kinds}`)
      assert.ok(timeline.items.every((e: { actor: string; at: string }) => e.actor && e.at), 'who and when on every entry')

      const supply = (await outbox('supply.changed')).filter((e) => e.poId === po.id && e.poLineId === lineA.id)
      assert.deepEqual(supply.map((e) => e.changes), [['added'], ['quantity_cut', 'eta_moved', 'confidence_changed'], ['eta_moved'], ['eta_moved', 'confidence_changed'], ['received', 'removed']])
      assert.deepEqual((await outbox('supply.qc_failed')).map((e) => [e.poLineId, e.quantityFailed, e.reason]), [[lineA.id, 1, 'crushed carton']])
      await assertLedgerConsistent(t)
    })

    it('shows a supplier only its own orders: another supplier gets 404, never 403', async () => {
      const c = call()
      const po = await createPo()
      await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      const line = po.lines[0].id
      const eta = dayAfter(clock.nowMs(), 5)
      for (const [method, url, body] of [
        ['GET', `/v1/purchase-orders/${po.id}`, undefined],
        ['GET', `/v1/purchase-orders/${po.id}/asns`, undefined],
        ['GET', `/v1/purchase-orders/${po.id}/receipts`, undefined],
        ['GET', `/v1/purchase-orders/${po.id}/timeline`, undefined],
        ['POST', `/v1/purchase-orders/${po.id}/confirm`, { lines: [{ line, quantityAccepted: 20, eta }] }],
        ['POST', `/v1/purchase-orders/${po.id}/lines/${line}/eta`, { eta, reason: 'x' }],
        ['POST', `/v1/purchase-orders/${po.id}/lines/${line}/cancel`, { reason: 'x' }],
        ['POST', `/v1/purchase-orders/${po.id}/asns`, { eta, lines: [{ line, quantity: 5 }] }],
      ] as const) {
        const res = await c(method, url, w.s2Auth, body, 404)
        assert.equal(res.json().code, 'purchase_order_not_found', url)
      }
      const list = (await c('GET', '/v1/purchase-orders?limit=500', w.s2Auth)).json()
      assert.equal(list.items.length, 0)
      const ghost = await t.auth('supplier:no-such-supplier')
      assert.equal((await c('GET', '/v1/purchase-orders?limit=500', ghost)).json().items.length, 0, 'a token for an unknown supplier sees nothing')
      await c('GET', `/v1/purchase-orders/${po.id}`, ghost, undefined, 404)
      const before = (await c('GET', `/v1/purchase-orders/${po.id}`, w.admin)).json()
      assert.equal(before.version, 2, 'nothing the other supplier tried changed the order')

      await c('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line, quantityAccepted: 20, eta }] })
      await c('POST', '/v1/purchase-orders', w.s1Auth, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10 }] }, 403)
      await c('POST', `/v1/purchase-orders/${po.id}/cancel`, w.s1Auth, { reason: 'x' }, 403)
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, w.s1Auth, { lines: [{ line, quantityPassed: 1 }] }, 403)
      await c('GET', '/v1/purchase-orders', await t.auth(`channel:${w.web.id}`), undefined, 403)
      const store = await t.auth(`store:${w.store1.id}`)
      await c('GET', `/v1/purchase-orders/${po.id}`, store, undefined, 404)
      // A store lists only what is delivered to it, a full page at a time.
      const toStore = await Promise.all([1, 2, 3].map(() => createPo({ destination: 'ST-1' })))
      const page = (await c('GET', '/v1/purchase-orders?limit=2', store)).json()
      assert.deepEqual(page.items.map((p: { id: string }) => p.id), [toStore[2].id, toStore[1].id].sort().reverse())
      const rest = (await c('GET', `/v1/purchase-orders?limit=2&cursor=${page.nextCursor}`, store)).json()
      assert.equal(rest.items.length, 1)
      await c('POST', `/v1/purchase-orders/${po.id}/receipts`, store, { lines: [{ line, quantityPassed: 1 }] }, 404)
      const anonymous = await t.app.inject({ method: 'GET', url: `/v1/purchase-orders/${po.id}` })
      assert.equal(anonymous.statusCode, 401)
    })

    it('refuses bad input with a stable code and changes nothing', async () => {
      const c = call()
      const movements = await movementCount(t)
      const refuse = async (payload: object, status: number, code: string) => {
        const res = await c('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10 }], ...payload }, status)
        assert.equal(res.json().code, code)
      }
      const count = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM purchase_orders'))?.n)
      const pos = await count()
      await refuse({ lines: [{ sku: 'NOPE', quantity: 10 }] }, 422, 'unknown_sku')
      await refuse({ lines: [{ sku: 'SKU-A', quantity: 5 }] }, 422, 'below_minimum_order_quantity')
      await refuse({ lines: [{ sku: 'SKU-A', quantity: 12 }] }, 422, 'not_a_pack_multiple')
      await refuse({ lines: [{ sku: 'SKU-B', quantity: 12 }] }, 422, 'unit_cost_required')
      await refuse({ supplier: 'S9' }, 422, 'unknown_supplier')
      await refuse({ destination: 'DS-1' }, 422, 'invalid_destination')
      await refuse({ lines: [{ sku: 'SKU-A', quantity: 0 }] }, 400, 'invalid_request')
      await refuse({ lines: [] }, 400, 'invalid_request')
      await refuse({ colour: 'red' }, 400, 'invalid_request')
      await refuse({ requestedDate: '2026-02-30' }, 400, 'invalid_request')
      await refuse({ requestedDate: dayAfter(clock.nowMs(), -1) }, 422, 'requested_date_in_past')
      assert.equal(await count(), pos)

      const po = await createPo()
      await c('POST', `/v1/purchase-orders/${po.id}/confirm`, w.admin, { lines: [{ line: '1', quantityAccepted: 1 }] }, 409)
      await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      const eta = dayAfter(clock.nowMs(), 3)
      const codeOf = async (url: string, body: object, status: number) => (await c('POST', `/v1/purchase-orders/${po.id}${url}`, w.admin, body, status)).json().code
      assert.equal(await codeOf('/send', {}, 409), 'illegal_transition')
      assert.equal(await codeOf('/confirm', { lines: [{ line: '1', quantityAccepted: 21, eta }] }, 422), 'accepted_above_ordered')
      assert.equal(await codeOf('/confirm', { lines: [{ line: '9', quantityAccepted: 1, eta }] }, 404), 'line_not_found')
      assert.equal(await codeOf('/receipts', { lines: [{ line: '1', quantityPassed: 21 }] }, 422), 'over_receipt_above_tolerance')
      assert.equal(await codeOf('/receipts', { lines: [{ line: '1', quantityPassed: 2, quantityFailed: 1 }] }, 422), 'fail_reason_required')
      assert.equal(await codeOf('/receipts', { lines: [{ line: '1', quantityPassed: -1 }] }, 400), 'invalid_request')
      assert.equal(await codeOf('/receipts', { asn: 'asn_missing', lines: [] }, 404), 'asn_not_found')
      const after = (await c('GET', `/v1/purchase-orders/${po.id}`, w.admin)).json()
      assert.equal(after.version, 2)
      assert.equal(await movementCount(t), movements, 'no stock moved')
    })

    it('replays a create with the same Idempotency-Key and refuses the key for another body', async () => {
      const c = call()
      const body = { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 10 }] }
      const key = { 'idempotency-key': `po-${kind}-1` }
      const first = await c('POST', '/v1/purchase-orders', w.admin, body, 201, key)
      const again = await c('POST', '/v1/purchase-orders', w.admin, body, 201, key)
      assert.equal(again.json().id, first.json().id)
      assert.equal(again.headers['idempotent-replayed'], 'true')
      const other = await c('POST', '/v1/purchase-orders', w.admin, { ...body, lines: [{ sku: 'SKU-A', quantity: 15 }] }, 422, key)
      assert.equal(other.json().code, 'idempotency_key_reused')
    })

    it('serialises receipts racing on one order: the open quantity is never received twice', async () => {
      const c = call()
      const po = await createPo({ lines: [{ sku: 'SKU-A', quantity: 10 }] })
      await c('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      const before = (await c('GET', `/v1/inventory/positions/${w.skuA.id}/${w.whEast.id}`, w.admin)).json()
      const results = await Promise.all([1, 2, 3].map(() => t.app.inject({
        method: 'POST', url: `/v1/purchase-orders/${po.id}/receipts`, headers: w.ops, payload: { lines: [{ line: '1', quantityPassed: 6 }] },
      })))
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 422, 422])
      const afterRace = (await c('GET', `/v1/inventory/positions/${w.skuA.id}/${w.whEast.id}`, w.admin)).json()
      assert.equal(afterRace.onHand - before.onHand, 6)
      const line = (await c('GET', `/v1/purchase-orders/${po.id}`, w.admin)).json().lines[0]
      assert.deepEqual([line.quantityReceived, line.quantityOpen], [6, 4])
      await assertLedgerConsistent(t)
    })
  })
}
