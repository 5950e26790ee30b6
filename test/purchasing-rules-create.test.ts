/**
 * Creating, editing and sending a purchase order (src/purchasing/decide.ts), pure: lines against
 * the supplier's terms at the smallest and largest legal values (1 and 10⁹ units, 500 lines, the
 * minimum order quantity, a pack multiple, today as the requested date), the PO and its timeline
 * written out in full.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as decide from '../src/purchasing/decide.ts'
import { defaultReceivingPolicy, type SupplierSku } from '../src/purchasing/model.ts'
import { buyer, nowMs, po, poLine, refusal, supplier, today, valueOf, yesterday } from './helpers/po-rules.ts'

const terms = new Map<string, SupplierSku>([['sku_t', {
  supplierId: supplier.id, skuId: 'sku_t', supplierSkuCode: null, unitCost: 250, minOrderQuantity: 12, packSize: 6, leadTimeDays: null, virtualCap: 0, updatedAt: '',
}]])
const lineIds = () => {
  let n = 0
  return () => `pol_new_${++n}`
}
const lines = (inputs: decide.PoLineInput[]) => decide.decideLines(inputs, terms, 'po_9', today, lineIds())
const one = (input: Partial<decide.PoLineInput>) => lines([{ skuId: 'sku_x', quantity: 1, unitCost: 100, ...input }])

describe('purchase-order lines', () => {
  it('makes each line whole: its number, its price, nothing yet accepted, received or cancelled', () => {
    assert.deepEqual(valueOf(lines([{ skuId: 'sku_t', quantity: 12 }, { skuId: 'sku_x', quantity: 1_000_000_000, unitCost: 0, requestedDate: today }])), [
      { ...poLine(1, 12), id: 'pol_new_1', poId: 'po_9', skuId: 'sku_t', unitCost: 250 },
      { ...poLine(2, 1_000_000_000), id: 'pol_new_2', poId: 'po_9', skuId: 'sku_x', unitCost: 0, requestedDate: today },
    ])
  })

  it('takes a given price over the agreed one, and the agreed one when none is given', () => {
    assert.equal(valueOf(lines([{ skuId: 'sku_t', quantity: 18, unitCost: 240 }]))[0].unitCost, 240)
    assert.equal(valueOf(lines([{ skuId: 'sku_t', quantity: 18, unitCost: 0 }]))[0].unitCost, 0, 'a free line is a price too')
    assert.equal(valueOf(lines([{ skuId: 'sku_t', quantity: 18 }]))[0].unitCost, 250)
  })

  it('takes a line without a requested date, given as null or not at all', () => {
    assert.deepEqual(valueOf(lines([{ skuId: 'sku_x', quantity: 1, unitCost: 1, requestedDate: null }, { skuId: 'sku_y', quantity: 1, unitCost: 1 }])).map((l) => l.requestedDate), [null, null])
  })

  it('takes up to 500 lines', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ skuId: `sku_${i}`, quantity: 1, unitCost: 1 }))
    assert.deepEqual(valueOf(lines(many)).map((l) => l.lineNo), many.map((_, i) => i + 1))
    assert.deepEqual(refusal(lines([...many, many[0]])), ['too_many_lines', 'A purchase order has at most 500 lines.', undefined])
    assert.deepEqual(refusal(lines([])), ['no_lines', 'A purchase order needs at least one line.', undefined])
  })

  const at = { line: 1, skuId: 'sku_x' }
  const quantityText = 'Line 1: quantity must be a whole number from 1 to 1000000000.'
  const refused: Array<[string, ReturnType<typeof lines>, unknown]> = [
    ['no units', one({ quantity: 0 }), ['invalid_quantity', quantityText, at]],
    ['a fraction of a unit', one({ quantity: 2.5 }), ['invalid_quantity', quantityText, at]],
    ['more than 10⁹ units', one({ quantity: 1_000_000_001 }), ['invalid_quantity', quantityText, at]],
    ['a second line of no units', lines([{ skuId: 'sku_x', quantity: 1, unitCost: 1 }, { skuId: 'sku_y', quantity: -1, unitCost: 1 }]),
      ['invalid_quantity', 'Line 2: quantity must be a whole number from 1 to 1000000000.', { line: 2, skuId: 'sku_y' }]],
    ['one pack below the minimum order quantity', lines([{ skuId: 'sku_t', quantity: 6 }]),
      ['below_minimum_order_quantity', "Line 1: the supplier's minimum order quantity is 12.", { line: 1, skuId: 'sku_t', minOrderQuantity: 12 }]],
    ['a quantity off the pack size', lines([{ skuId: 'sku_t', quantity: 13 }]),
      ['not_a_pack_multiple', 'Line 1: order in multiples of the pack size 6.', { line: 1, skuId: 'sku_t', packSize: 6 }]],
    ['no price and no terms', one({ unitCost: undefined }),
      ['unit_cost_required', "Line 1: no agreed price for this SKU with this supplier; give unitCost or set the supplier's SKU terms.", at]],
    ['a requested date that has passed', one({ requestedDate: yesterday }), ['requested_date_in_past', 'Line 1: the requested date 2026-11-20 has passed.', at]],
  ]
  for (const [name, r, expected] of refused) it(`refuses ${name}`, () => assert.deepEqual(refusal(r), expected))
})

describe('creating a purchase order', () => {
  const input: decide.PoInput = { supplierId: supplier.id, destinationNodeId: 'node_wh', lines: [{ skuId: 'sku_t', quantity: 12 }, { skuId: 'sku_x', quantity: 5, unitCost: 90 }] }
  const ids = () => ({ poId: 'po_9', newLineId: lineIds() })

  it('makes a draft with the supplier’s currency and receiving policy, and says so on the timeline', () => {
    assert.deepEqual(valueOf(decide.createPo(input, supplier, terms, ids(), buyer)), {
      po: {
        id: 'po_9', supplierId: supplier.id, destinationNodeId: 'node_wh', reference: null, status: 'draft', currency: 'CNY', requestedDate: null, notes: null,
        receivingPolicy: defaultReceivingPolicy, version: 1, createdBy: 'admin/t1', createdAtMs: nowMs, updatedAtMs: nowMs,
        sentAtMs: null, closedAtMs: null, cancelledAtMs: null, cancelReason: null,
        lines: [
          { ...poLine(1, 12), id: 'pol_new_1', poId: 'po_9', skuId: 'sku_t', unitCost: 250 },
          { ...poLine(2, 5), id: 'pol_new_2', poId: 'po_9', skuId: 'sku_x', unitCost: 90 },
        ],
      },
      events: [{ lineId: null, kind: 'created', detail: { lines: 2, units: 17 } }],
    })
  })

  it('keeps the header fields given, a requested date of today included', () => {
    const policy = { overReceiptTolerancePercent: 5, shortReceipt: 'close_line' as const, closeWithinPercent: 2 }
    const made = valueOf(decide.createPo({ ...input, reference: 'ERP-7', requestedDate: today, notes: 'dock 3', receivingPolicy: policy }, { ...supplier, currency: 'EUR' }, terms, ids(), buyer)).po
    assert.deepEqual([made.reference, made.requestedDate, made.notes, made.receivingPolicy, made.currency], ['ERP-7', today, 'dock 3', policy, 'EUR'])
    assert.equal(valueOf(decide.createPo({ ...input, requestedDate: null, reference: null }, supplier, terms, ids(), buyer)).po.requestedDate, null)
  })

  it('refuses an inactive supplier, a requested date that has passed, and a bad line', () => {
    assert.deepEqual(refusal(decide.createPo(input, { ...supplier, active: false }, terms, ids(), buyer)),
      ['supplier_inactive', 'Supplier S1 is inactive; reactivate it before ordering.', undefined])
    assert.deepEqual(refusal(decide.createPo({ ...input, requestedDate: yesterday }, supplier, terms, ids(), buyer)),
      ['requested_date_in_past', 'The requested date 2026-11-20 has passed.', undefined])
    assert.deepEqual(refusal(decide.createPo({ ...input, lines: [] }, supplier, terms, ids(), buyer)), ['no_lines', 'A purchase order needs at least one line.', undefined])
  })
})

describe('editing a draft', () => {
  const draft = po('draft', [poLine(1, 10), poLine(2, 6)])

  it('changes only the fields given, clears those given as null, and names them on the timeline', () => {
    const policy = { overReceiptTolerancePercent: 10, shortReceipt: 'keep_open' as const, closeWithinPercent: 0 }
    const edited = valueOf(decide.editDraft({ ...draft, reference: 'OLD', notes: 'old' }, { reference: null, notes: 'call first', requestedDate: today, receivingPolicy: policy }, terms, lineIds(), buyer))
    assert.deepEqual(edited, {
      po: { ...draft, reference: null, notes: 'call first', requestedDate: today, receivingPolicy: policy, version: 4, updatedAtMs: nowMs },
      events: [{ lineId: null, kind: 'edited', detail: { fields: ['reference', 'notes', 'requestedDate', 'receivingPolicy'] } }],
    })
    const cleared = valueOf(decide.editDraft({ ...draft, requestedDate: today }, { requestedDate: null }, terms, lineIds(), buyer))
    assert.deepEqual(cleared.po, { ...draft, requestedDate: null, version: 4, updatedAtMs: nowMs }, 'null clears the requested date')
    const untouched = valueOf(decide.editDraft({ ...draft, reference: 'KEEP', requestedDate: today + 1 }, {}, terms, lineIds(), buyer))
    assert.deepEqual(untouched.po, { ...draft, reference: 'KEEP', requestedDate: today + 1, version: 4, updatedAtMs: nowMs })
    assert.deepEqual(untouched.events, [{ lineId: null, kind: 'edited', detail: { fields: [] } }])
  })

  it('replaces the lines whole, checked as new ones', () => {
    const edited = valueOf(decide.editDraft(draft, { lines: [{ skuId: 'sku_t', quantity: 24 }] }, terms, lineIds(), buyer))
    assert.deepEqual(edited.po.lines, [{ ...poLine(1, 24), id: 'pol_new_1', skuId: 'sku_t', unitCost: 250 }])
    assert.deepEqual(refusal(decide.editDraft(draft, { lines: [{ skuId: 'sku_t', quantity: 25 }] }, terms, lineIds(), buyer)),
      ['not_a_pack_multiple', 'Line 1: order in multiples of the pack size 6.', { line: 1, skuId: 'sku_t', packSize: 6 }])
    assert.deepEqual(refusal(decide.editDraft(draft, { requestedDate: yesterday }, terms, lineIds(), buyer)),
      ['requested_date_in_past', 'The requested date 2026-11-20 has passed.', undefined])
  })
})

describe('sending', () => {
  it('stamps the time sent, and records both the sending and the new status', () => {
    const draft = po('draft', [poLine(1, 10), poLine(2, 6)])
    assert.deepEqual(valueOf(decide.send(draft, buyer)), {
      po: { ...draft, status: 'sent', sentAtMs: nowMs, version: 4, updatedAtMs: nowMs },
      events: [
        { lineId: null, kind: 'sent', detail: { lines: 2, units: 16 } },
        { lineId: null, kind: 'status_changed', detail: { from: 'draft', to: 'sent' } },
      ],
    })
  })

  it('refuses a party or a status the lifecycle does not allow, before anything else', () => {
    assert.equal(refusal(decide.send(po('draft', [poLine(1, 1)]), { ...buyer, party: 'supplier' }))[0], 'forbidden')
    assert.equal(refusal(decide.send(po('sent', [poLine(1, 1)]), buyer))[0], 'illegal_transition')
  })
})
