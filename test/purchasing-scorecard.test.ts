/**
 * Supplier scorecards: the pure computation against a hand-computed quarter, the grade
 * boundaries, policy validation, and the same quarter written as rows on both stores.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import pino from 'pino'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import type { Db } from '../src/store/db.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { createServices } from '../src/services.ts'
import { computeScorecard, decideScorecardPolicy, gradeOf, recomputeScorecard, saveScorecardPolicy, type ScorecardFacts } from '../src/purchasing/scorecard.ts'
import { scorecardMaxAgeMs } from '../src/purchasing/suppliers.ts'
import { dayMs, dayStartOf, defaultScorecardPolicy, type ScorecardPolicy } from '../src/purchasing/model.ts'
import { statusOf } from '../src/http/problem-status.ts'

const nowMs = Date.UTC(2026, 10, 11, 12) // noon, so "day −n" and "now − n days" differ
const ago = (days: number) => nowMs - days * dayMs
const day = (daysAgo: number) => dayStartOf(ago(daysAgo))
const hourMs = 3_600_000

/**
 * One supplier's quarter. Lines: [id, po, ordered, received, cancelled, cancelled by supplier, confirmed ETA, last receipt].
 * POs: sent, closed, cancelled. Receipts: [line, received at, passed, failed].
 */
const pos = {
  old: { sentAtMs: ago(130), closedAtMs: ago(99), cancelledAtMs: null },
  a: { sentAtMs: ago(40), closedAtMs: null, cancelledAtMs: null },
  b: { sentAtMs: ago(30), closedAtMs: null, cancelledAtMs: null },
  c: { sentAtMs: ago(20), closedAtMs: null, cancelledAtMs: ago(5) },
  d: { sentAtMs: ago(60), closedAtMs: ago(1), cancelledAtMs: null },
  e: { sentAtMs: ago(9), closedAtMs: null, cancelledAtMs: null },
}
type Po = keyof typeof pos
const lines: Array<[id: string, po: Po, ordered: number, received: number, cancelled: number, bySupplier: number, eta: number | null, lastReceipt: number | null]> = [
  ['L1', 'a', 100, 100, 0, 0, day(20), ago(19) + 10 * hourMs],
  ['L2', 'b', 50, 40, 10, 10, day(7), ago(8)], // short-closed by the supplier
  ['L3', 'c', 30, 0, 30, 0, null, null], // the merchant cancelled it: nothing was due
  ['L4', 'b', 20, 10, 0, 0, day(3), ago(1)], // still open
  ['L5', 'old', 10, 10, 0, 0, day(101), ago(100)], // outside the window
  ['L6', 'd', 25, 0, 25, 25, null, null], // rejected by the supplier, PO closed yesterday
  ['L7', 'e', 5, 5, 0, 0, null, ago(4)], // never confirmed
]
const receipts: Array<[line: string, at: number, passed: number, failed: number]> = [
  ['L1', ago(19) + 10 * hourMs, 98, 2],
  ['L2', ago(8), 40, 0],
  ['L4', ago(2), 9, 1],
  ['L5', ago(100), 10, 0],
  ['L4', ago(1), 0, 0], // counted, nothing came: not a delivery
  ['L7', ago(4), 5, 0],
]
const events: Array<[line: string, kind: 'eta_changed' | 'line_confirmed', at: number]> = [
  ['L1', 'line_confirmed', ago(35)], ['L2', 'line_confirmed', ago(20)], ['L4', 'line_confirmed', ago(15)],
  ['L1', 'eta_changed', ago(25)], ['L4', 'eta_changed', ago(4)], ['L4', 'eta_changed', ago(3)],
  ['L5', 'line_confirmed', ago(120)], ['L5', 'eta_changed', ago(105)],
]

const lineById = new Map(lines.map((l) => [l[0], l]))
const facts: ScorecardFacts = {
  supplierId: 'sup_x',
  receiptLines: receipts.map(([line, at, passed, failed]) => ({
    poLineId: line, receivedAtMs: at, quantityPassed: passed, quantityFailed: failed,
    confirmedEta: lineById.get(line)![6], sentAtMs: pos[lineById.get(line)![1]].sentAtMs,
  })),
  lines: lines.map(([id, po, ordered, received, cancelled, bySupplier, eta, last]) => ({
    id, quantityOrdered: ordered, quantityReceived: received, quantityCancelled: cancelled, quantityCancelledBySupplier: bySupplier,
    confirmedEta: eta, lastReceiptAtMs: last, poClosedAtMs: pos[po].closedAtMs, poCancelledAtMs: pos[po].cancelledAtMs,
  })),
  events: events.map(([lineId, kind, atMs]) => ({ lineId, kind, atMs })),
}

/**
 * By hand, window 90 days, grace 0:
 * - deliveries: L1, L2, L4 (day −2), L7 = 4 (L5 is outside, L4's day −1 line brought nothing);
 * - on time: of the confirmed L1 (day −19 > ETA day −20: late), L2 (−8 ≤ −7: on time),
 *   L4 (−2 > −3: late) → 1/3 = 0.3333;
 * - QC: passed 98 + 40 + 9 + 0 + 5 = 152 of 152 + 2 + 1 = 155 → 0.98064… = 0.9806;
 * - fill: completed L1 100/100, L2 40/50 (supplier's 10 count), L6 0/25, L7 5/5; L3 owes nothing,
 *   L4 is open, L5 finished before the window → 145/180 = 0.80555… = 0.8056 over 4 lines;
 * - ETA changes: 3 in the window (L1, L4, L4) over the active confirmed lines L1, L2, L4 → 1;
 * - lead times: L1 21 d 10 h = 21.41667, L2 22, L4 28, L7 5 → mean 76.41667/4 = 19.10417;
 *   squared deviations 5.34766 + 8.38585 + 79.13585 + 198.92752 = 291.79688, /4 = 72.94922,
 *   √ = 8.54103;
 * - grade: on time 0.3333 < C's 0.7 → D.
 */
const expected = {
  supplierId: 'sup_x', windowDays: 90, onTimeRate: 0.3333, fillRate: 0.8056, qcPassRate: 0.9806, etaChangesPerLine: 1,
  leadTimeMeanDays: 19.1042, leadTimeStdDevDays: 8.541, receiptLines: 4, linesConfirmed: 3, linesCompleted: 4, unitsInspected: 155,
  grade: 'D', computedAt: new Date(nowMs).toISOString(),
}

const rates = (onTimeRate: number | null, fillRate: number | null, qcPassRate: number | null) => ({ onTimeRate, fillRate, qcPassRate })

describe('scorecard computation (pure)', () => {
  it('matches the hand-computed quarter', () => {
    assert.deepEqual(computeScorecard(facts, defaultScorecardPolicy, nowMs), expected)
  })

  it('counts grace days after the confirmed ETA as on time', () => {
    // Grace 1: L1 (−19 ≤ −20 + 1) and L4 (−2 ≤ −3 + 1) are now on time too → 3/3.
    const card = computeScorecard(facts, { ...defaultScorecardPolicy, graceDays: 1 }, nowMs)
    assert.equal(card.onTimeRate, 1)
    assert.equal(card.grade, 'D', 'fill 0.8056 is still below C')
  })

  it('narrows everything to the window', () => {
    // 10 days: deliveries L2 (−8), L4 (−2), L7 (−4); on time L2 of L2, L4 → 0.5; QC 54/55 = 0.98181… = 0.9818;
    // fill L2 40/50, L6 0/25, L7 5/5 (L3 cancelled day −5 owes nothing) → 45/80 = 0.5625; ETA changes L4 ×2 over
    // active confirmed L2, L4 → 1; lead 22, 28, 5 → mean 18.3333, deviations 3.6667, 9.6667, −13.3333 → √(284.6667/3) = 9.7411.
    const card = computeScorecard(facts, { ...defaultScorecardPolicy, windowDays: 10 }, nowMs)
    assert.deepEqual(
      [card.receiptLines, card.onTimeRate, card.qcPassRate, card.fillRate, card.linesCompleted, card.etaChangesPerLine, card.leadTimeMeanDays, card.leadTimeStdDevDays],
      [3, 0.5, 0.9818, 0.5625, 3, 1, 18.3333, 9.7411])
  })

  it('has no grade and no rates while nothing was delivered in the window', () => {
    const quiet = computeScorecard({ ...facts, receiptLines: facts.receiptLines.filter((r) => r.quantityPassed === 0 || r.poLineId === 'L5') }, defaultScorecardPolicy, nowMs)
    assert.deepEqual([quiet.grade, quiet.receiptLines, quiet.onTimeRate, quiet.qcPassRate, quiet.leadTimeMeanDays], [null, 0, null, null, null])
    const empty = computeScorecard({ supplierId: 'sup_y', receiptLines: [], lines: [], events: [] }, defaultScorecardPolicy, nowMs)
    assert.deepEqual([empty.grade, empty.fillRate, empty.etaChangesPerLine, empty.linesConfirmed], [null, null, null, 0])
  })

  it('grades at the threshold boundaries; a null rate counts as met', () => {
    const table: Array<[ReturnType<typeof rates>, string]> = [
      [rates(0.95, 0.98, 0.99), 'A'],
      [rates(1, 1, 1), 'A'],
      [rates(null, null, null), 'A'],
      [rates(0.9499, 0.98, 0.99), 'B'],
      [rates(0.95, 0.9799, 0.99), 'B'],
      [rates(0.95, 0.98, 0.9899), 'B'],
      [rates(0.85, 0.95, 0.97), 'B'],
      [rates(null, 0.96, null), 'B'],
      [rates(0.8499, 0.95, 0.97), 'C'],
      [rates(0.7, 0.9, 0.93), 'C'],
      [rates(0.6999, 1, 1), 'D'],
      [rates(0.7, 0.8999, 0.93), 'D'],
      [rates(1, 1, 0.9299), 'D'],
      [rates(0, 0, 0), 'D'],
    ]
    for (const [r, grade] of table) assert.equal(gradeOf(r, defaultScorecardPolicy), grade, JSON.stringify(r))
  })

  it('validates the policy: window, grace, exactly A B C, rates 0–1 never rising from A to C', () => {
    const t = defaultScorecardPolicy.thresholds
    const withT = (i: number, change: object): ScorecardPolicy => ({ ...defaultScorecardPolicy, thresholds: t.map((x, j) => (j === i ? { ...x, ...change } : x)) })
    const good: ScorecardPolicy[] = [
      defaultScorecardPolicy,
      { ...defaultScorecardPolicy, windowDays: 1, graceDays: 60 },
      { ...defaultScorecardPolicy, windowDays: 730 },
      withT(1, { onTimeRateMin: 0.95 }), // equal to A: allowed
      withT(2, { onTimeRateMin: 0, fillRateMin: 0, qcPassRateMin: 0 }),
    ]
    for (const p of good) assert.ok(decideScorecardPolicy(p).ok, JSON.stringify(p))
    const bad: ScorecardPolicy[] = [
      { ...defaultScorecardPolicy, windowDays: 0 },
      { ...defaultScorecardPolicy, windowDays: 731 },
      { ...defaultScorecardPolicy, windowDays: 1.5 },
      { ...defaultScorecardPolicy, graceDays: -1 },
      { ...defaultScorecardPolicy, graceDays: 61 },
      { ...defaultScorecardPolicy, thresholds: [t[1], t[0], t[2]] },
      { ...defaultScorecardPolicy, thresholds: [t[0], t[1]] },
      { ...defaultScorecardPolicy, thresholds: [...t, { ...t[2], grade: 'C' }] },
      withT(0, { fillRateMin: 1.01 }),
      withT(2, { qcPassRateMin: -0.1 }),
      withT(1, { onTimeRateMin: Number.NaN }),
      withT(1, { onTimeRateMin: 0.96 }), // B asks more than A
      withT(2, { fillRateMin: 0.96 }), // C asks more than B
    ]
    for (const p of bad) {
      const decided = decideScorecardPolicy(p)
      assert.ok(!decided.ok && decided.code === 'invalid_scorecard_policy' && statusOf(decided.code) === 422, JSON.stringify(p))
    }
  })
})

/** The quarter as rows, plus another supplier's receipt that must not count. */
async function insertQuarter(db: Db): Promise<void> {
  const insert = (table: string, row: Record<string, unknown>) =>
    db.run(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`, Object.values(row) as never)
  await insert('skus', { id: 'sku_1', code: 'SKU-1', name: 'x', created_at: 0, updated_at: 0 })
  await insert('nodes', { id: 'node_1', code: 'WH', name: 'x', kind: 'warehouse', region: 'east', created_at: 0, updated_at: 0 })
  const supplier = (id: string) => insert('suppliers', {
    id, code: id, name: id, currency: 'CNY', default_lead_time_days: 7, payment_terms: '{"kind":"prepaid","days":null,"instalments":null}',
    receiving_policy: '{}', created_at: 0, updated_at: 0,
  })
  await supplier('sup_x')
  await supplier('sup_other')
  const po = (id: string, supplierId: string, p: { sentAtMs: number; closedAtMs: number | null; cancelledAtMs: number | null }) => insert('purchase_orders', {
    id, supplier_id: supplierId, destination_node_id: 'node_1', status: 'sent', currency: 'CNY', receiving_policy: '{}', created_by: 'test',
    created_at: p.sentAtMs, updated_at: p.sentAtMs, sent_at: p.sentAtMs, closed_at: p.closedAtMs, cancelled_at: p.cancelledAtMs,
  })
  for (const [id, p] of Object.entries(pos)) await po(`po_${id}`, 'sup_x', p)
  await po('po_other', 'sup_other', pos.e)
  for (const [i, [id, p, ordered, received, cancelled, bySupplier, eta, last]] of [...lines, ['LX', 'other', 9, 9, 0, 0, day(30), ago(2)] as const].entries()) {
    await insert('po_lines', {
      id, po_id: `po_${p}`, line_no: i + 1, sku_id: 'sku_1', unit_cost: 100, quantity_ordered: ordered, quantity_received: received,
      quantity_cancelled: cancelled, quantity_cancelled_by_supplier: bySupplier, confirmed_eta: eta, eta, status: 'accepted', last_receipt_at: last,
    })
  }
  const poOf = (line: string) => (line === 'LX' ? 'po_other' : `po_${lineById.get(line)![1]}`)
  for (const [i, [line, at, passed, failed]] of [...receipts, ['LX', ago(2), 1, 8] as const].entries()) {
    await insert('receipts', { id: `rcp_${i}`, po_id: poOf(line), supplier_id: line === 'LX' ? 'sup_other' : 'sup_x', node_id: 'node_1', actor: 'test', received_at: at })
    await insert('receipt_lines', {
      receipt_id: `rcp_${i}`, po_line_id: line, sku_id: 'sku_1', quantity_passed: passed, quantity_failed: failed, quantity_over: 0, quantity_short: 0, line_closed: 0,
    })
  }
  for (const [line, kind, at] of [...events, ['LX', 'eta_changed', ago(3)] as const]) {
    await insert('po_events', { po_id: poOf(line), line_id: line, kind, actor: 'test', detail: '{}', at })
  }
}

for (const kind of await storeKinds()) {
  describe(`scorecard from the tables (${kind})`, () => {
    it('recomputes the hand-computed quarter from rows, stores it, and follows the stored policy', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        await insertQuarter(db)
        const card = await db.tx((tx) => recomputeScorecard(tx, 'sup_x', nowMs))
        assert.deepEqual(card, expected)
        const stored = await db.get<{ scorecard: string; computed_at: number }>('SELECT * FROM supplier_scorecards WHERE supplier_id = ?', ['sup_x'])
        assert.deepEqual([JSON.parse(stored!.scorecard), Number(stored!.computed_at)], [expected, nowMs])

        assert.ok((await saveScorecardPolicy(db, { ...defaultScorecardPolicy, graceDays: 1 }, nowMs)).ok)
        assert.equal((await db.tx((tx) => recomputeScorecard(tx, 'sup_x', nowMs))).onTimeRate, 1)
      } finally {
        await cleanup()
      }
    })

    it('serves the stored scorecard while fresh, and recomputes it when stale or after a policy change', async () => {
      const { db, cleanup } = await freshDb(kind)
      const clock = new ManualClock(nowMs)
      const services = createServices(db, clock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
      try {
        await insertQuarter(db)
        assert.deepEqual(await services.suppliers.scorecard('sup_x'), expected, 'computed when missing')
        await db.run('UPDATE receipt_lines SET quantity_failed = 0')
        clock.advance(scorecardMaxAgeMs)
        assert.equal((await services.suppliers.scorecard('sup_x')).qcPassRate, expected.qcPassRate, 'still fresh: the stored one')
        clock.advance(1)
        assert.equal((await services.suppliers.scorecard('sup_x')).qcPassRate, 1, 'stale: recomputed')
        clock.advance(1)
        assert.equal((await services.suppliers.setScorecardPolicy({ ...defaultScorecardPolicy, windowDays: 10 })).ok, true)
        assert.equal((await services.suppliers.scorecard('sup_x')).windowDays, 10, 'the policy changed after it was computed')
      } finally {
        await services.inventory.stop()
        await cleanup()
      }
    })
  })
}
