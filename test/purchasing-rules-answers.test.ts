/**
 * The supplier's answers to a purchase order (src/purchasing/decide.ts), pure: confirming all,
 * part or none of a line (0 and every open unit as the edges), moving an ETA, and cancelling or
 * cutting open units (1 and every unit not on a truck as the edges), with each refusal's code,
 * reason and details and each decision written out.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as decide from '../src/purchasing/decide.ts'
import { dayMs } from '../src/purchasing/model.ts'
import { accepted, buyer, bySupplier, eta, nowMs, po, poLine, refusal, today, valueOf, yesterday } from './helpers/po-rules.ts'

describe('confirming', () => {
  const sent = po('sent', [poLine(1, 10), poLine(2, 6)])

  it('accepts part of a line: the rest is cut at the supplier’s door, both ETAs set', () => {
    assert.deepEqual(valueOf(decide.confirm(sent, [{ lineId: 'pol_1', quantityAccepted: 7, eta, reason: 'short of cloth' }], bySupplier)), {
      po: { ...sent, version: 4, updatedAtMs: nowMs, lines: [accepted(1, 10, { quantityAccepted: 7, quantityCancelled: 3, quantityCancelledBySupplier: 3 }), poLine(2, 6)] },
      events: [{ lineId: 'pol_1', kind: 'line_confirmed', detail: { lineNo: 1, quantityAccepted: 7, quantityCut: 3, eta: '2026-11-26', reason: 'short of cloth' } }],
    })
  })

  it('confirms the order once every line is answered: all of one line (due today), none of the other', () => {
    assert.deepEqual(valueOf(decide.confirm(sent, [{ lineId: 'pol_1', quantityAccepted: 10, eta: today }, { lineId: '2', quantityAccepted: 0, eta: null }], bySupplier)), {
      po: {
        ...sent, status: 'confirmed', version: 4, updatedAtMs: nowMs,
        lines: [accepted(1, 10, { confirmedEta: today, eta: today }), poLine(2, 6, { quantityAccepted: 0, quantityCancelled: 6, quantityCancelledBySupplier: 6, status: 'rejected' })],
      },
      events: [
        { lineId: 'pol_1', kind: 'line_confirmed', detail: { lineNo: 1, quantityAccepted: 10, quantityCut: 0, eta: '2026-11-21', reason: null } },
        { lineId: 'pol_2', kind: 'line_rejected', detail: { lineNo: 2, quantityAccepted: 0, quantityCut: 6, eta: null, reason: null } },
        { lineId: null, kind: 'status_changed', detail: { from: 'sent', to: 'confirmed' } },
      ],
    })
  })

  it('cancels the order, when it was sent, once every line is rejected', () => {
    const d = valueOf(decide.confirm(sent, [{ lineId: 'pol_1', quantityAccepted: 0, eta }, { lineId: 'pol_2', quantityAccepted: 0, eta: null }], bySupplier))
    assert.deepEqual([d.po.status, d.po.cancelledAtMs, d.po.lines.map((l) => [l.status, l.eta, l.confirmedEta])], ['cancelled', nowMs, [['rejected', null, null], ['rejected', null, null]]])
    assert.deepEqual(d.events.at(-1), { lineId: null, kind: 'status_changed', detail: { from: 'sent', to: 'cancelled' } })
  })

  const refused: Array<[string, decide.LineAnswer[], unknown]> = [
    ['no answers', [], ['no_lines', 'Answer at least one line.', undefined]],
    ['a line answered twice', [{ lineId: 'pol_1', quantityAccepted: 1, eta }, { lineId: 'pol_1', quantityAccepted: 2, eta }],
      ['duplicate_line', 'Line pol_1 is answered twice.', { lineId: 'pol_1' }]],
    ['a line it does not have', [{ lineId: 'pol_9', quantityAccepted: 1, eta }], ['line_not_found', "Purchase order po_1 has no line 'pol_9'.", { lineId: 'pol_9' }]],
    ['a negative quantity', [{ lineId: 'pol_1', quantityAccepted: -1, eta }], ['invalid_quantity', 'Line 1: accepted quantity must be a whole number ≥ 0.', { lineId: 'pol_1' }]],
    ['a fraction', [{ lineId: 'pol_1', quantityAccepted: 0.5, eta }], ['invalid_quantity', 'Line 1: accepted quantity must be a whole number ≥ 0.', { lineId: 'pol_1' }]],
    ['one unit more than ordered', [{ lineId: 'pol_1', quantityAccepted: 11, eta }], ['accepted_above_ordered', 'Line 1: at most 10 can be accepted.', { lineId: 'pol_1', open: 10 }]],
    ['accepted units without an ETA', [{ lineId: 'pol_2', quantityAccepted: 1, eta: null }], ['eta_required', 'Line 2: an ETA is required for accepted units.', undefined]],
    ['an ETA that has passed', [{ lineId: 'pol_2', quantityAccepted: 6, eta: yesterday }], ['eta_in_past', 'Line 2: the ETA 2026-11-20 has passed.', undefined]],
  ]
  for (const [name, answers, expected] of refused) it(`refuses ${name}`, () => assert.deepEqual(refusal(decide.confirm(sent, answers, bySupplier)), expected))

  it('refuses a line already answered, and counts what is open after a cut', () => {
    const answered = po('sent', [accepted(1, 10), poLine(2, 6, { quantityCancelled: 2 })])
    assert.deepEqual(refusal(decide.confirm(answered, [{ lineId: 'pol_1', quantityAccepted: 1, eta }], bySupplier)),
      ['line_already_answered', 'Line 1 is accepted; move its ETA or cut it instead.', { lineId: 'pol_1' }])
    assert.deepEqual(refusal(decide.confirm(answered, [{ lineId: 'pol_2', quantityAccepted: 5, eta }], bySupplier)),
      ['accepted_above_ordered', 'Line 2: at most 4 can be accepted.', { lineId: 'pol_2', open: 4 }])
    assert.equal(valueOf(decide.confirm(answered, [{ lineId: 'pol_2', quantityAccepted: 4, eta }], bySupplier)).po.status, 'confirmed')
  })
})

describe('moving an ETA', () => {
  const confirmed = po('confirmed', [accepted(1, 10), poLine(2, 6, { quantityAccepted: 0, quantityCancelled: 6, quantityCancelledBySupplier: 6, status: 'rejected' })])

  it('keeps the confirmed ETA, moves the expected one, counts the change and says who and why', () => {
    const later = eta + 3 * dayMs
    assert.deepEqual(valueOf(decide.changeEta(confirmed, 'pol_1', later, 'port congestion', bySupplier)), {
      po: { ...confirmed, version: 4, updatedAtMs: nowMs, lines: [accepted(1, 10, { eta: later, etaChanges: 1 }), confirmed.lines[1]] },
      events: [{ lineId: 'pol_1', kind: 'eta_changed', detail: { lineNo: 1, from: '2026-11-26', to: '2026-11-29', reason: 'port congestion', by: 'supplier' } }],
    })
    const earlier = valueOf(decide.changeEta({ ...confirmed, lines: [accepted(1, 10, { etaChanges: 2 })] }, '1', today, 'early boat', buyer))
    assert.deepEqual([earlier.po.lines[0].eta, earlier.po.lines[0].etaChanges, earlier.events[0].detail.by], [today, 3, 'buyer'])
  })

  it('refuses a line not accepted, an ETA that has passed or is unchanged, and a line it does not have', () => {
    assert.deepEqual(refusal(decide.changeEta(confirmed, 'pol_2', eta, 'x', bySupplier)),
      ['line_not_accepted', 'Line 2 is rejected; only an accepted line with units still open has an ETA to move.', { lineId: 'pol_2' }])
    assert.deepEqual(refusal(decide.changeEta(confirmed, 'pol_1', yesterday, 'x', bySupplier)), ['eta_in_past', 'Line 1: the ETA 2026-11-20 has passed.', undefined])
    assert.deepEqual(refusal(decide.changeEta(confirmed, 'pol_1', eta, 'x', bySupplier)), ['eta_unchanged', 'Line 1 is already expected on 2026-11-26.', { lineId: 'pol_1' }])
    assert.deepEqual(refusal(decide.changeEta(confirmed, 'pol_3', eta, 'x', bySupplier)), ['line_not_found', "Purchase order po_1 has no line 'pol_3'.", { lineId: 'pol_3' }])
  })
})

describe('cancelling and cutting a line', () => {
  // Line 1: 10 ordered, 4 of them on a truck; line 2: unanswered.
  const shipped = po('shipped', [accepted(1, 10, { quantityInTransit: 4 }), poLine(2, 6)])

  it('cancels one unit for the buyer: the supplier is not blamed', () => {
    assert.deepEqual(valueOf(decide.cancelLine(shipped, 'pol_2', 1, 'overstocked', buyer)), {
      po: { ...shipped, version: 4, updatedAtMs: nowMs, lines: [shipped.lines[0], poLine(2, 6, { quantityCancelled: 1 })] },
      events: [{ lineId: 'pol_2', kind: 'line_cancelled', detail: { lineNo: 2, quantity: 1, reason: 'overstocked', by: 'buyer' } }],
    })
  })

  it('cuts every unit not on a truck for the supplier: counted against its fill rate', () => {
    assert.deepEqual(valueOf(decide.cancelLine(shipped, 'pol_1', null, 'out of stock', bySupplier)), {
      po: { ...shipped, version: 4, updatedAtMs: nowMs, lines: [accepted(1, 10, { quantityInTransit: 4, quantityCancelled: 6, quantityCancelledBySupplier: 6 }), shipped.lines[1]] },
      events: [{ lineId: 'pol_1', kind: 'line_cut', detail: { lineNo: 1, quantity: 6, reason: 'out of stock', by: 'supplier' } }],
    })
    assert.equal(valueOf(decide.cancelLine(shipped, 'pol_1', 6, 'x', buyer)).po.lines[0].quantityCancelled, 6, 'the same, given as a number')
  })

  it('refuses more than is off the truck, a quantity below 1, and a line with nothing left to cancel', () => {
    assert.deepEqual(refusal(decide.cancelLine(shipped, 'pol_1', 7, 'x', buyer)),
      ['quantity_in_transit', 'Line 1: only 6 can be cancelled; 4 are on an ASN.', { lineId: 'pol_1', cancellable: 6 }])
    for (const n of [0, -2, 1.5]) assert.deepEqual(refusal(decide.cancelLine(shipped, 'pol_1', n, 'x', buyer)), ['invalid_quantity', 'quantity must be a whole number ≥ 1.', undefined])
    const allOnTruck = po('shipped', [accepted(1, 10, { quantityCancelled: 6, quantityInTransit: 4 }), poLine(2, 6)])
    assert.deepEqual(refusal(decide.cancelLine(allOnTruck, 'pol_1', null, 'x', buyer)),
      ['nothing_to_cancel', 'Line 1 has nothing open that is not already shipped.', { lineId: 'pol_1', inTransit: 4 }])
    const done = po('sent', [poLine(1, 3, { quantityCancelled: 3, status: 'cancelled' }), poLine(2, 6)])
    assert.deepEqual(refusal(decide.cancelLine(done, 'pol_1', 1, 'x', buyer)),
      ['nothing_to_cancel', 'Line 1 has nothing open that is not already shipped.', { lineId: 'pol_1', inTransit: 0 }])
    assert.deepEqual(refusal(decide.cancelLine(shipped, 'pol_7', 1, 'x', buyer)), ['line_not_found', "Purchase order po_1 has no line 'pol_7'.", { lineId: 'pol_7' }])
  })
})
