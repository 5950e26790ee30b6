/** Dated supply from purchase orders, pure: hand-written cases for supplyOfPo and supplyChanges. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { supplyChanges, supplyOfPo } from '../src/purchasing/supply.ts'
import { dayOf, defaultReceivingPolicy, type Asn, type PoLine, type PoStatus, type PurchaseOrder, type SupplyLine } from '../src/purchasing/model.ts'

const requested = dayOf('2026-12-01')
const eta = dayOf('2026-12-05')
const asnEta = dayOf('2026-11-28')

function line(id: string, over: Partial<PoLine> = {}): PoLine {
  return {
    id, poId: 'po_1', lineNo: 1, skuId: 'sku_a', unitCost: 100, quantityOrdered: 10, quantityAccepted: null,
    quantityCancelled: 0, quantityCancelledBySupplier: 0, quantityReceived: 0, quantityOver: 0, quantityPassed: 0,
    quantityFailed: 0, quantityInTransit: 0, requestedDate: null, confirmedEta: null, eta: null, etaChanges: 0,
    status: 'open', firstReceiptAt: null, lastReceiptAt: null, ...over,
  }
}

/** A line the supplier accepted in full for `eta`. */
const confirmed = (id: string, over: Partial<PoLine> = {}) => line(id, { quantityAccepted: 10, confirmedEta: eta, eta, status: 'accepted', ...over })

function po(status: PoStatus, lines: PoLine[], over: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return {
    id: 'po_1', supplierId: 'sup_1', destinationNodeId: 'wh_e', reference: null, status, currency: 'CNY', requestedDate: null,
    notes: null, receivingPolicy: defaultReceivingPolicy, version: 1, createdBy: 'test', createdAtMs: 0, updatedAtMs: 0,
    sentAtMs: 0, closedAtMs: null, cancelledAtMs: null, cancelReason: null, lines, ...over,
  }
}

function asn(id: string, lines: Array<[poLineId: string, quantity: number, received: number]>, status: Asn['status'] = 'in_transit', etaMs = asnEta): Asn {
  return {
    id, poId: 'po_1', supplierId: 'sup_1', reference: null, carrier: 'SF', tracking: 'T', eta: etaMs, status, createdBy: 'test',
    createdAtMs: 0, receivedAtMs: null, cancelledAtMs: null,
    lines: lines.map(([poLineId, quantity, quantityReceived]) => ({ poLineId, quantity, quantityReceived })),
  }
}

/** The parts of a supply line a case is about. */
const brief = (ls: SupplyLine[]) => ls.map((l) => [l.sourceType, l.sourceId, l.quantity, l.expectedDate, l.confidence])

describe('supplyOfPo', () => {
  it('an unanswered line is unconfirmed supply on the requested day: the line’s, else the order’s, else unknown', () => {
    const out = supplyOfPo(po('sent', [line('l1', { requestedDate: requested }), line('l2', { skuId: 'sku_b' }), line('l3')], { requestedDate: dayOf('2026-12-09') }), [])
    assert.deepEqual(brief(out), [
      ['po_line', 'l1', 10, requested, 'unconfirmed'],
      ['po_line', 'l2', 10, dayOf('2026-12-09'), 'unconfirmed'],
      ['po_line', 'l3', 10, dayOf('2026-12-09'), 'unconfirmed'],
    ])
    assert.deepEqual(out[1], {
      skuId: 'sku_b', nodeId: 'wh_e', sourceType: 'po_line', sourceId: 'l2', poId: 'po_1', poLineId: 'l2', supplierId: 'sup_1',
      quantity: 10, expectedDate: dayOf('2026-12-09'), confidence: 'unconfirmed',
    })
    assert.deepEqual(brief(supplyOfPo(po('sent', [line('l1')]), [])), [['po_line', 'l1', 10, null, 'unconfirmed']])
  })

  it('a confirmed line counts what is still open at its ETA, which wins over the requested day', () => {
    const partly = confirmed('l1', { quantityAccepted: 7, quantityCancelled: 3, quantityCancelledBySupplier: 3, requestedDate: requested })
    assert.deepEqual(brief(supplyOfPo(po('confirmed', [partly]), [])), [['po_line', 'l1', 7, eta, 'confirmed']])
  })

  it('an ASN splits a line: the shipped part at the ASN’s ETA, the rest still confirmed', () => {
    const out = supplyOfPo(po('shipped', [confirmed('l1', { quantityInTransit: 4 })]), [asn('asn_1', [['l1', 4, 0]])])
    assert.deepEqual(brief(out), [['asn', 'asn_1', 4, asnEta, 'shipped'], ['po_line', 'l1', 6, eta, 'confirmed']])
    assert.equal(out[0].poLineId, 'l1', 'ASN supply names the PO line it will fill')
    const two = supplyOfPo(po('shipped', [confirmed('l1')]), [asn('asn_1', [['l1', 4, 0]]), asn('asn_2', [['l1', 6, 0]], 'in_transit', dayOf('2026-12-02'))])
    assert.deepEqual(brief(two), [['asn', 'asn_1', 4, asnEta, 'shipped'], ['asn', 'asn_2', 6, dayOf('2026-12-02'), 'shipped']], 'fully shipped: nothing left on the line itself')
  })

  it('an ASN never counts more than the line has open, nor what was already received from it', () => {
    const over = supplyOfPo(po('shipped', [confirmed('l1')]), [asn('asn_1', [['l1', 15, 0]])])
    assert.deepEqual(brief(over), [['asn', 'asn_1', 10, asnEta, 'shipped']])
    const partlyReceived = supplyOfPo(po('partially_received', [confirmed('l1', { quantityReceived: 2, quantityPassed: 2 })]), [asn('asn_1', [['l1', 6, 2]])])
    assert.deepEqual(brief(partlyReceived), [['asn', 'asn_1', 4, asnEta, 'shipped'], ['po_line', 'l1', 4, eta, 'confirmed']])
  })

  it('a short ASN, once received, brings nothing more: what did not come is open on the line again', () => {
    const shortLine = confirmed('l1', { quantityReceived: 5, quantityPassed: 5 })
    const out = supplyOfPo(po('partially_received', [shortLine]), [asn('asn_1', [['l1', 6, 5]], 'received')])
    assert.deepEqual(brief(out), [['po_line', 'l1', 5, eta, 'confirmed']])
    const cancelledAsn = supplyOfPo(po('shipped', [confirmed('l1')]), [asn('asn_1', [['l1', 6, 0]], 'cancelled')])
    assert.deepEqual(brief(cancelledAsn), [['po_line', 'l1', 10, eta, 'confirmed']])
  })

  it('a received line brings nothing; the other lines of the order still do', () => {
    const done = confirmed('l1', { quantityReceived: 10, quantityPassed: 10, status: 'received' })
    const open = confirmed('l2', { lineNo: 2, skuId: 'sku_b' })
    assert.deepEqual(brief(supplyOfPo(po('partially_received', [done, open]), [])), [['po_line', 'l2', 10, eta, 'confirmed']])
    assert.deepEqual(supplyOfPo(po('received', [done]), []), [])
  })

  it('drafts, cancelled and closed orders are not supply', () => {
    for (const status of ['draft', 'cancelled', 'closed'] as const) {
      assert.deepEqual(supplyOfPo(po(status, [confirmed('l1')]), [asn('asn_1', [['l1', 4, 0]])]), [], status)
    }
  })
})

describe('supplyChanges', () => {
  const supply = (lineId: string, quantity: number, expectedDate: number, confidence: SupplyLine['confidence'] = 'confirmed', sourceType: SupplyLine['sourceType'] = 'po_line'): SupplyLine => ({
    skuId: 'sku_a', nodeId: 'wh_e', sourceType, sourceId: sourceType === 'asn' ? 'asn_1' : lineId, poId: 'po_1', poLineId: lineId,
    supplierId: 'sup_1', quantity, expectedDate, confidence,
  })

  it('a line that was not supply before is added', () => {
    const [event, ...rest] = supplyChanges([], [supply('l1', 10, eta, 'unconfirmed')], 'sent')
    assert.equal(rest.length, 0)
    assert.deepEqual(event.changes, ['added'])
    assert.deepEqual([event.skuId, event.nodeId, event.poId, event.poLineId, event.cause], ['sku_a', 'wh_e', 'po_1', 'l1', 'sent'])
    assert.deepEqual(event.before, [])
    assert.deepEqual(event.after, [supply('l1', 10, eta, 'unconfirmed')])
  })

  it('a new ETA with the same quantity is eta_moved', () => {
    const [event] = supplyChanges([supply('l1', 10, eta)], [supply('l1', 10, eta + 3 * 86_400_000)], 'eta_changed')
    assert.deepEqual(event.changes, ['eta_moved'])
  })

  it('shipping on the confirmed day changes the confidence, not the ETA', () => {
    const [event] = supplyChanges([supply('l1', 10, eta)], [supply('l1', 10, eta, 'shipped', 'asn')], 'asn_created')
    assert.deepEqual(event.changes, ['confidence_changed'])
    const [moved] = supplyChanges([supply('l1', 10, eta)], [supply('l1', 10, asnEta, 'shipped', 'asn')], 'asn_created')
    assert.deepEqual(moved.changes, ['eta_moved', 'confidence_changed'])
  })

  it('the same units moved to another source on the same day and confidence are a source change', () => {
    const [event] = supplyChanges([supply('l1', 10, eta)], [{ ...supply('l1', 10, eta), sourceId: 'other' }], 'asn_created')
    assert.deepEqual(event.changes, ['source_changed'])
  })

  it('less to come without a receipt is a cut; with a receipt it is not', () => {
    assert.deepEqual(supplyChanges([supply('l1', 10, eta)], [supply('l1', 7, eta)], 'line_cut')[0].changes, ['quantity_cut'])
    const received = supplyChanges([supply('l1', 10, eta)], [supply('l1', 6, eta)], 'receipt', new Set(['l1']))
    assert.deepEqual(received[0].changes, ['received'])
  })

  it('a line received in full is received and removed; a cancelled one only removed', () => {
    assert.deepEqual(supplyChanges([supply('l1', 10, eta)], [], 'receipt', new Set(['l1']))[0].changes, ['received', 'removed'])
    const [cancelled] = supplyChanges([supply('l1', 10, eta)], [], 'cancelled')
    assert.deepEqual(cancelled.changes, ['removed'])
    assert.deepEqual(cancelled.after, [])
  })

  it('one event per changed line, none for lines that did not change', () => {
    const before = [supply('l1', 10, eta), supply('l2', 5, eta)]
    const after = [supply('l1', 10, eta), supply('l2', 5, eta + 86_400_000)]
    const events = supplyChanges(before, after, 'eta_changed')
    assert.deepEqual(events.map((e) => e.poLineId), ['l2'])
    assert.deepEqual(supplyChanges(before, before, 'noop'), [])
  })

  it('an ASN and the rest of its line are compared together as one line', () => {
    const before = [supply('l1', 4, asnEta, 'shipped', 'asn'), supply('l1', 6, eta)]
    const events = supplyChanges(before, [supply('l1', 4, asnEta, 'shipped', 'asn'), supply('l1', 3, eta)], 'line_cut')
    assert.equal(events.length, 1)
    assert.deepEqual(events[0].changes, ['quantity_cut'])
    assert.equal(events[0].before.length, 2)
  })
})
