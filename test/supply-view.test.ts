/**
 * The supply view over real databases: POs, lines and ASNs written with SQL, transfers and their
 * supply events through the HTTP API, virtual supply rows; numbers, confidences, dates, order.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, seedWorld, type World } from './helpers/fixtures.ts'
import { storeKinds } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import type { Queryable } from '../src/store/db.ts'
import { dateOf, dayOf, type SupplyLine } from '../src/purchasing/model.ts'
import { supplyLadder, supplyView } from '../src/purchasing/supply-view.ts'

const nowMs = Date.UTC(2026, 10, 11, 9, 30)

/** Just enough of each document for the supply view; the PO service is not involved. */
const sql = {
  supplier: (q: Queryable, id: string) => q.run(
    `INSERT INTO suppliers (id, code, name, currency, default_lead_time_days, payment_terms, receiving_policy, created_at, updated_at)
     VALUES (?, ?, ?, 'CNY', 14, '{}', '{}', 0, 0)`, [id, id.toUpperCase(), id]),
  po: (q: Queryable, id: string, supplierId: string, nodeId: string, status: string, requested: string | null = null) => q.run(
    `INSERT INTO purchase_orders (id, supplier_id, destination_node_id, status, currency, requested_date, receiving_policy, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'CNY', ?, '{"overReceiptTolerancePercent":0,"shortReceipt":"keep_open","closeWithinPercent":0}', 'test', 0, 0)`,
    [id, supplierId, nodeId, status, requested && dayOf(requested)]),
  line: (q: Queryable, id: string, poId: string, lineNo: number, skuId: string, l: { ordered: number; accepted?: number; received?: number; eta?: string; requested?: string }) => q.run(
    `INSERT INTO po_lines (id, po_id, line_no, sku_id, unit_cost, quantity_ordered, quantity_accepted, quantity_received, quantity_passed, requested_date, confirmed_eta, eta, status)
     VALUES (?, ?, ?, ?, 100, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, poId, lineNo, skuId, l.ordered, l.accepted ?? null, l.received ?? 0, l.received ?? 0, l.requested ? dayOf(l.requested) : null,
      l.eta ? dayOf(l.eta) : null, l.eta ? dayOf(l.eta) : null, l.accepted === undefined ? 'open' : 'accepted']),
  asn: async (q: Queryable, id: string, poId: string, supplierId: string, eta: string, status: string, lines: Array<[string, number]>) => {
    await q.run(`INSERT INTO asns (id, po_id, supplier_id, eta, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'test', 0)`, [id, poId, supplierId, dayOf(eta), status])
    for (const [lineId, quantity] of lines) await q.run('INSERT INTO asn_lines (asn_id, po_line_id, quantity) VALUES (?, ?, ?)', [id, lineId, quantity])
  },
  virtual: (q: Queryable, supplierId: string, skuId: string, nodeId: string, quantity: number, leadTimeDays: number) => q.run(
    `INSERT INTO virtual_supply (supplier_id, sku_id, node_id, quantity, lead_time_days, actor, declared_at) VALUES (?, ?, ?, ?, ?, 'test', 0)`,
    [supplierId, skuId, nodeId, quantity, leadTimeDays]),
}

/** [source, quantity, day, confidence]: what a case is about. */
const brief = (lines: SupplyLine[]) => lines.map((l) => [l.sourceId, l.quantity, dateOf(l.expectedDate), l.confidence])

for (const kind of await storeKinds()) {
  describe(`supply view (${kind})`, () => {
    let t: TestApp
    let w: World
    const transfers: Record<string, string> = {}
    const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers: object = w.admin) => {
      const res = await t.app.inject({ method, url, headers: headers as Record<string, string>, ...(payload && { payload }) })
      return { status: res.statusCode, body: res.json() }
    }
    const transfer = async (body: object) => {
      const r = await call('POST', '/v1/transfers', body)
      assert.equal(r.status, 201, JSON.stringify(r.body))
      return r.body.id as string
    }

    before(async () => {
      t = await startTestApp(kind, { clock: new ManualClock(nowMs) })
      w = await seedWorld(t)
      const db = t.services.db
      const [a, b, east, north] = [w.skuA.id, w.skuB.id, w.whEast.id, w.whNorth.id]
      await sql.supplier(db, 'sup_1')
      await sql.supplier(db, 'sup_2')
      // Sent, unanswered: line A takes the order's requested day, line B its own.
      await sql.po(db, 'po_sent', 'sup_1', east, 'sent', '2026-12-01')
      await sql.line(db, 'pol_sent_a', 'po_sent', 1, a, { ordered: 10 })
      await sql.line(db, 'pol_sent_b', 'po_sent', 2, b, { ordered: 5, requested: '2026-11-25' })
      // Confirmed for 11-20; two ASNs on the way for 11-15 and one cancelled ASN that counts for nothing.
      await sql.po(db, 'po_conf', 'sup_1', east, 'shipped')
      await sql.line(db, 'pol_conf_a', 'po_conf', 1, a, { ordered: 20, accepted: 20, eta: '2026-11-20' })
      await sql.asn(db, 'asn_1', 'po_conf', 'sup_1', '2026-11-15', 'in_transit', [['pol_conf_a', 8]])
      await sql.asn(db, 'asn_2', 'po_conf', 'sup_1', '2026-11-15', 'in_transit', [['pol_conf_a', 2]])
      await sql.asn(db, 'asn_x', 'po_conf', 'sup_1', '2026-11-12', 'cancelled', [['pol_conf_a', 6]])
      // Another supplier, another node, partly received.
      await sql.po(db, 'po_part', 'sup_2', north, 'partially_received')
      await sql.line(db, 'pol_part_a', 'po_part', 1, a, { ordered: 10, accepted: 10, received: 4, eta: '2026-11-18' })
      // Not supply: a draft, a cancelled and a received order.
      for (const status of ['draft', 'cancelled', 'received']) {
        await sql.po(db, `po_${status}`, 'sup_1', east, status)
        await sql.line(db, `pol_${status}`, `po_${status}`, 1, a, { ordered: 100, accepted: status === 'draft' ? undefined : 100 })
      }
      // Virtual supply: today (11-11) + 4 days; a zero declaration is no supply.
      await sql.virtual(db, 'sup_2', a, east, 7, 4)
      await sql.virtual(db, 'sup_1', b, east, 0, 2)

      await call('POST', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-N', quantity: 10 })
      transfers.dated = await transfer({ sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 3, eta: '2026-11-14T15:00:00Z' })
      transfers.undated = await transfer({ sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 2 })
      // Due the same day as the unconfirmed PO line: confidence, not source type, puts it first.
      transfers.late = await transfer({ sku: 'SKU-A', from: 'WH-N', to: 'WH-E', quantity: 1, eta: '2026-12-01T08:00:00Z' })
      const shipped = await call('POST', `/v1/transfers/${transfers.dated}/ship`, { carrier: 'SF', eta: '2026-11-13T22:00:00Z' })
      assert.equal(shipped.status, 200, JSON.stringify(shipped.body))
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    test('one SKU at one node: every source, dated, by date then confidence, unknown dates last', async () => {
      const lines = await supplyView(t.services.db, { skuId: w.skuA.id, nodeId: w.whEast.id }, nowMs)
      assert.deepEqual(brief(lines), [
        [transfers.dated, 3, '2026-11-13', 'shipped'],
        ['asn_1', 8, '2026-11-15', 'shipped'],
        ['asn_2', 2, '2026-11-15', 'shipped'],
        ['sup_2', 7, '2026-11-15', 'virtual'],
        ['pol_conf_a', 10, '2026-11-20', 'confirmed'],
        [transfers.late, 1, '2026-12-01', 'confirmed'],
        ['pol_sent_a', 10, '2026-12-01', 'unconfirmed'],
        [transfers.undated, 2, null, 'confirmed'],
      ])
      assert.ok(lines.every((l) => l.skuId === w.skuA.id && l.nodeId === w.whEast.id))
      assert.deepEqual(lines.map((l) => l.sourceType), ['transfer', 'asn', 'asn', 'virtual', 'po_line', 'transfer', 'po_line', 'transfer'])
      assert.deepEqual([lines[1].poId, lines[1].poLineId, lines[1].supplierId], ['po_conf', 'pol_conf_a', 'sup_1'])
      assert.deepEqual([lines[0].poId, lines[0].supplierId], [null, null], 'a transfer has no PO or supplier')
    })

    test('the ladder adds up by day and confidence', async () => {
      const lines = await supplyView(t.services.db, { skuId: w.skuA.id, nodeId: w.whEast.id }, nowMs)
      const [ladder, ...others] = supplyLadder(lines)
      assert.equal(others.length, 0)
      assert.deepEqual(ladder.steps.map((s) => [dateOf(s.date), s.confidence, s.quantity, s.cumulative]), [
        ['2026-11-13', 'shipped', 3, 3],
        ['2026-11-15', 'shipped', 10, 13],
        ['2026-11-15', 'virtual', 7, 20],
        ['2026-11-20', 'confirmed', 10, 30],
        ['2026-12-01', 'confirmed', 1, 31],
        ['2026-12-01', 'unconfirmed', 10, 41],
        [null, 'confirmed', 2, 43],
      ])
    })

    test('filters: a node across SKUs, a SKU across nodes, one supplier', async () => {
      const db = t.services.db
      const atEast = await supplyView(db, { nodeId: w.whEast.id }, nowMs)
      assert.deepEqual(atEast.filter((l) => l.skuId === w.skuB.id).map((l) => [l.sourceId, l.quantity, dateOf(l.expectedDate)]), [['pol_sent_b', 5, '2026-11-25']])
      assert.equal(atEast.findIndex((l) => l.skuId === w.skuB.id), atEast.length - 1, 'ordered by SKU first')
      const skuA = await supplyView(db, { skuId: w.skuA.id }, nowMs)
      assert.deepEqual(brief(skuA.filter((l) => l.nodeId === w.whNorth.id)), [['pol_part_a', 6, '2026-11-18', 'confirmed']])
      assert.equal(skuA.length, 9)
      const sup2 = await supplyView(db, { supplierId: 'sup_2' }, nowMs)
      assert.ok(w.whEast.id < w.whNorth.id, 'node ids sort in creation order')
      assert.deepEqual(brief(sup2), [['sup_2', 7, '2026-11-15', 'virtual'], ['pol_part_a', 6, '2026-11-18', 'confirmed']])
      assert.ok(sup2.every((l) => l.sourceType !== 'transfer'), 'transfers have no supplier')
    })

    test('GET /v1/supply: ids or codes, days as YYYY-MM-DD, staff only', async () => {
      const r = await call('GET', '/v1/supply?sku=SKU-A&node=WH-E')
      assert.equal(r.status, 200, JSON.stringify(r.body))
      assert.deepEqual(r.body.lines.map((l: { sourceId: string; expectedDate: string | null }) => [l.sourceId, l.expectedDate]), [
        [transfers.dated, '2026-11-13'], ['asn_1', '2026-11-15'], ['asn_2', '2026-11-15'], ['sup_2', '2026-11-15'],
        ['pol_conf_a', '2026-11-20'], [transfers.late, '2026-12-01'], ['pol_sent_a', '2026-12-01'], [transfers.undated, null],
      ])
      assert.deepEqual(r.body.ladder[0].steps.at(-1), { date: null, confidence: 'confirmed', quantity: 2, cumulative: 43 })
      const byId = await call('GET', `/v1/supply?sku=${w.skuA.id}&node=${w.whEast.id}`, undefined, await t.auth('ops'))
      assert.deepEqual(byId.body, r.body)
      assert.equal((await call('GET', '/v1/supply?node=WH-N')).body.lines.length, 1)

      const refused: Array<[string, number, string]> = [
        ['/v1/supply', 400, 'filter_required'],
        ['/v1/supply?sku=NOPE', 404, 'sku_not_found'],
        ['/v1/supply?sku=SKU-A&node=NOPE', 404, 'node_not_found'],
        ['/v1/supply?sku=SKU-A&extra=1', 400, 'invalid_request'],
      ]
      for (const [url, status, code] of refused) {
        const res = await call('GET', url)
        assert.deepEqual([res.status, res.body.code], [status, code], url)
      }
      for (const role of ['channel:web', 'store:ST-1', 'supplier:sup_1']) {
        const res = await call('GET', '/v1/supply?sku=SKU-A', undefined, await t.auth(role))
        assert.deepEqual([res.status, res.body.code], [403, 'forbidden'], role)
      }
      assert.equal((await call('GET', '/v1/supply?sku=SKU-A', undefined, {})).status, 401)
    })

    test('transfers publish supply.changed at the destination on create, ship, receive and cancel', async () => {
      const destination = `${w.skuB.id}@${w.whEast.id}`
      const events = async () => {
        const page = await t.services.events.read({ topics: ['supply.changed'], limit: 500 })
        return page.items.filter((e) => e.subject === destination).map((e) => e.payload as Record<string, any>)
      }
      await call('POST', '/v1/inventory/receipts', { sku: 'SKU-B', node: 'WH-N', quantity: 10 })
      const moved = await transfer({ sku: 'SKU-B', from: 'WH-N', to: 'WH-E', quantity: 4, eta: '2026-11-16T23:30:00Z' })
      const dropped = await transfer({ sku: 'SKU-B', from: 'WH-N', to: 'WH-E', quantity: 2 })
      assert.equal((await call('POST', `/v1/transfers/${moved}/ship`, { eta: '2026-11-17T01:00:00Z' })).status, 200)
      const refusedShip = await call('POST', `/v1/transfers/${moved}/ship`, {})
      assert.equal(refusedShip.status, 409, 'a refused step publishes nothing')
      assert.equal((await call('POST', `/v1/transfers/${moved}/receive`, { receivedQuantity: 3 })).status, 200)
      assert.equal((await call('POST', `/v1/transfers/${dropped}/cancel`, { reason: 'not needed' })).status, 200)

      const line = (id: string, quantity: number, day: string | null, confidence: string) => ({
        skuId: w.skuB.id, nodeId: w.whEast.id, sourceType: 'transfer', sourceId: id, poId: null, poLineId: null, supplierId: null,
        // Events write the day as the API shows it.
        quantity, expectedDate: day, confidence,
      })
      const common = { skuId: w.skuB.id, nodeId: w.whEast.id, sourceType: 'transfer' }
      assert.deepEqual(await events(), [
        { ...common, sourceId: moved, cause: 'transfer_created', changes: ['added'], before: [], after: [line(moved, 4, '2026-11-16', 'confirmed')] },
        { ...common, sourceId: dropped, cause: 'transfer_created', changes: ['added'], before: [], after: [line(dropped, 2, null, 'confirmed')] },
        { ...common, sourceId: moved, cause: 'transfer_shipped', changes: ['eta_moved', 'confidence_changed'], before: [line(moved, 4, '2026-11-16', 'confirmed')], after: [line(moved, 4, '2026-11-17', 'shipped')] },
        { ...common, sourceId: moved, cause: 'transfer_received', changes: ['received', 'removed'], before: [line(moved, 4, '2026-11-17', 'shipped')], after: [], discrepancy: 1 },
        { ...common, sourceId: dropped, cause: 'transfer_cancelled', changes: ['removed'], before: [line(dropped, 2, null, 'confirmed')], after: [] },
      ])
      const left = await supplyView(t.services.db, { skuId: w.skuB.id, nodeId: w.whEast.id }, nowMs)
      assert.ok(left.every((l) => l.sourceType !== 'transfer'), 'received and cancelled transfers are no longer supply')
    })
  })
}
