/**
 * Advance ship notices, cancelling and closing a purchase order (src/purchasing/decide.ts), pure:
 * an ASN of 1 unit and of every unit open, an ASN withdrawn after part of it arrived, the edge
 * cases of cancelling (nothing may have come or be on its way) and closing (what is open counts
 * as the supplier's shortfall), each decision and refusal written out.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as decide from '../src/purchasing/decide.ts'
import { dayMs } from '../src/purchasing/model.ts'
import { accepted, asnOf, buyer, bySupplier, eta, nowMs, po, poLine, refusal, today, valueOf, yesterday } from './helpers/po-rules.ts'

const asnInput = (lines: Array<[lineId: string, quantity: number]>, over: Partial<decide.AsnInput> = {}): decide.AsnInput => ({
  reference: 'DN-9', carrier: 'SF', tracking: 'SF123', eta, lines: lines.map(([lineId, quantity]) => ({ lineId, quantity })), ...over,
})

describe('shipping', () => {
  // Line 1: 10 accepted, 3 already on a truck; line 2: 6 accepted; line 3: unanswered.
  const confirmed = po('sent', [accepted(1, 10, { quantityInTransit: 3 }), accepted(2, 6), poLine(3, 4)])

  it('puts units on the way: the ASN, the lines in transit, the timeline and the new status', () => {
    const d = valueOf(decide.ship(confirmed, asnInput([['pol_1', 7], ['2', 1]], { eta: today }), 'asn_9', bySupplier))
    assert.deepEqual(d, {
      po: { ...confirmed, status: 'shipped', version: 4, updatedAtMs: nowMs, lines: [accepted(1, 10, { quantityInTransit: 10 }), accepted(2, 6, { quantityInTransit: 1 }), poLine(3, 4)] },
      events: [
        { lineId: null, kind: 'asn_created', detail: { asnId: 'asn_9', eta: '2026-11-21', carrier: 'SF', tracking: 'SF123', units: 8 } },
        { lineId: null, kind: 'status_changed', detail: { from: 'sent', to: 'shipped' } },
      ],
      asn: {
        id: 'asn_9', poId: 'po_1', supplierId: 'sup_1', reference: 'DN-9', carrier: 'SF', tracking: 'SF123', eta: today, status: 'in_transit',
        createdBy: 'supplier:s1/t2', createdAtMs: nowMs, receivedAtMs: null, cancelledAtMs: null,
        // Line 2 was named by its number; the ASN holds its id.
        lines: [{ poLineId: 'pol_1', quantity: 7, quantityReceived: 0 }, { poLineId: 'pol_2', quantity: 1, quantityReceived: 0 }],
      },
    })
  })

  const refused: Array<[string, decide.AsnInput, unknown]> = [
    ['an ETA that has passed', asnInput([['pol_1', 1]], { eta: yesterday }), ['eta_in_past', 'the ETA 2026-11-20 has passed.', undefined]],
    ['no ETA', asnInput([['pol_1', 1]], { eta: null as never }), ['eta_required', 'an ETA is required for accepted units.', undefined]],
    ['no lines', asnInput([]), ['no_lines', 'An ASN needs at least one line.', undefined]],
    ['a line twice', asnInput([['pol_2', 1], ['pol_2', 1]]), ['duplicate_line', 'Line 2 appears twice on the ASN.', { lineId: 'pol_2' }]],
    ['a line named by id and by number', asnInput([['pol_2', 1], ['2', 1]]), ['duplicate_line', 'Line 2 appears twice on the ASN.', { lineId: 'pol_2' }]],
    ['a line it does not have', asnInput([['pol_8', 1]]), ['line_not_found', "Purchase order po_1 has no line 'pol_8'.", { lineId: 'pol_8' }]],
    ['a line not accepted', asnInput([['pol_3', 1]]), ['line_not_accepted', 'Line 3 is open; only accepted lines can be shipped.', { lineId: 'pol_3' }]],
    ['no units', asnInput([['pol_2', 0]]), ['invalid_quantity', 'ASN quantities must be whole numbers ≥ 1.', undefined]],
    ['a fraction of a unit', asnInput([['pol_2', 1.5]]), ['invalid_quantity', 'ASN quantities must be whole numbers ≥ 1.', undefined]],
    ['one unit more than is open and not on a truck', asnInput([['pol_1', 8]]),
      ['asn_exceeds_open_quantity', 'Line 1: 7 open and not yet shipped; the ASN says 8.', { lineId: 'pol_1', shippable: 7 }]],
  ]
  for (const [name, input, expected] of refused) it(`refuses ${name}`, () => assert.deepEqual(refusal(decide.ship(confirmed, input, 'asn_9', bySupplier)), expected))
})

describe('withdrawing an ASN', () => {
  // 10 units on two lines came on asn_1; 2 of line 1's arrived before it was withdrawn.
  const shipped = po('partially_received', [
    accepted(1, 10, { quantityReceived: 2, quantityPassed: 2, quantityInTransit: 4 }), accepted(2, 6, { quantityInTransit: 4 }),
  ])
  const asn = asnOf([['pol_1', 6, 2], ['pol_2', 4]])

  it('makes the units still on it open again: owed, no longer on the way', () => {
    assert.deepEqual(valueOf(decide.cancelAsn(shipped, asn, 'truck lost', bySupplier)), {
      po: { ...shipped, version: 4, updatedAtMs: nowMs, lines: [accepted(1, 10, { quantityReceived: 2, quantityPassed: 2 }), accepted(2, 6)] },
      events: [{ lineId: null, kind: 'asn_cancelled', detail: { asnId: 'asn_1', reason: 'truck lost' } }],
      asn: { ...asn, status: 'cancelled', cancelledAtMs: nowMs },
    })
    const sent = po('shipped', [accepted(1, 10, { quantityInTransit: 10 })])
    const back = valueOf(decide.cancelAsn(sent, asnOf([['pol_1', 10]]), 'x', buyer))
    assert.deepEqual([back.po.status, back.po.lines[0].quantityInTransit, back.events.at(-1)], ['confirmed', 0, { lineId: null, kind: 'status_changed', detail: { from: 'shipped', to: 'confirmed' } }])
  })

  it('refuses an ASN no longer on its way, before looking at the order', () => {
    for (const status of ['received', 'cancelled'] as const) {
      assert.deepEqual(refusal(decide.cancelAsn(po('draft', []), { ...asn, status }, 'x', bySupplier)), ['asn_not_in_transit', `ASN asn_1 is ${status}.`, undefined])
    }
    assert.equal(refusal(decide.cancelAsn(po('confirmed', [accepted(1, 10)]), asn, 'x', bySupplier))[0], 'illegal_transition')
  })
})

describe('cancelling the whole order', () => {
  it('cancels what is open on every line, with the reason and the time', () => {
    const confirmed = po('confirmed', [accepted(1, 10, { quantityCancelled: 2, quantityCancelledBySupplier: 2 }), accepted(2, 6)])
    assert.deepEqual(valueOf(decide.cancel(confirmed, 'plan changed', buyer)), {
      po: {
        ...confirmed, status: 'cancelled', cancelledAtMs: nowMs, cancelReason: 'plan changed', version: 4, updatedAtMs: nowMs,
        lines: [accepted(1, 10, { quantityCancelled: 10, quantityCancelledBySupplier: 2, status: 'cancelled' }), accepted(2, 6, { quantityCancelled: 6, status: 'cancelled' })],
      },
      events: [
        { lineId: null, kind: 'cancelled', detail: { reason: 'plan changed' } },
        { lineId: null, kind: 'status_changed', detail: { from: 'confirmed', to: 'cancelled' } },
      ],
    })
  })

  it('refuses once anything was received (over-receipts too), or while an ASN is on its way', () => {
    const received = po('confirmed', [accepted(1, 10), accepted(2, 6, { quantityReceived: 1 })])
    const over = po('confirmed', [accepted(1, 10, { quantityCancelled: 10, quantityOver: 1 }), accepted(2, 6)])
    const onTheWay = po('confirmed', [accepted(1, 10), accepted(2, 6, { quantityInTransit: 1 })])
    for (const order of [received, over]) {
      assert.deepEqual(refusal(decide.cancel(order, 'x', buyer)), ['po_has_receipts', 'Goods have been received against this order; close it instead.', undefined])
    }
    assert.deepEqual(refusal(decide.cancel(onTheWay, 'x', buyer)), ['asn_in_transit', 'An ASN is on its way; cancel the ASN first or receive it.', undefined])
  })
})

describe('closing', () => {
  it('cancels what is still open as the supplier’s shortfall, and says how much', () => {
    const partly = po('partially_received', [
      accepted(1, 10, { quantityReceived: 7, quantityPassed: 7 }), accepted(2, 6, { quantityReceived: 6, quantityPassed: 6, status: 'received' }),
    ])
    assert.deepEqual(valueOf(decide.close(partly, 'good enough', buyer)), {
      po: {
        ...partly, status: 'closed', closedAtMs: nowMs, version: 4, updatedAtMs: nowMs,
        lines: [accepted(1, 10, { quantityReceived: 7, quantityPassed: 7, quantityCancelled: 3, quantityCancelledBySupplier: 3, status: 'closed' }), partly.lines[1]],
      },
      events: [
        { lineId: null, kind: 'closed', detail: { reason: 'good enough', closedShort: 3 } },
        { lineId: null, kind: 'status_changed', detail: { from: 'partially_received', to: 'closed' } },
      ],
    })
  })

  it('closes a received order with nothing short, keeping an earlier cancellation time', () => {
    const received = po('received', [accepted(1, 4, { quantityReceived: 4, quantityPassed: 4, status: 'received' })], { cancelledAtMs: nowMs - 5 * dayMs })
    const d = valueOf(decide.close(received, 'done', buyer))
    assert.deepEqual([d.po.status, d.po.closedAtMs, d.po.cancelledAtMs, d.events[0].detail], ['closed', nowMs, nowMs - 5 * dayMs, { reason: 'done', closedShort: 0 }])
  })

  it('refuses while an ASN is on its way', () => {
    const onTheWay = po('partially_received', [accepted(1, 10, { quantityReceived: 2, quantityPassed: 2, quantityInTransit: 1 })])
    assert.deepEqual(refusal(decide.close(onTheWay, 'x', buyer)), ['asn_in_transit', 'An ASN is on its way; receive or cancel it before closing.', undefined])
  })
})

describe('every action', () => {
  it('works on a copy, bumps the version and stamps the time, and leaves the order given as it was', () => {
    const sent = po('sent', [poLine(1, 10), poLine(2, 6)])
    const before = structuredClone(sent)
    const d = valueOf(decide.confirm(sent, [{ lineId: 'pol_1', quantityAccepted: 4, eta }], bySupplier))
    assert.deepEqual(sent, before)
    assert.notEqual(d.po.lines[0], sent.lines[0])
    assert.deepEqual([d.po.version, d.po.updatedAtMs, d.po.cancelledAtMs], [4, nowMs, null])
  })
})
