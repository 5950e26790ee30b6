/**
 * Allocation rules (src/promising/allocate.ts) by example, pure: each plan written out in full —
 * shelf then virtual stock, slots by the day their units count from (an unconfirmed buffer, a
 * horizon, overdue supply, a presale quota), the cap on promises beyond stock, the refusals and
 * what they say is available; and re-promising when a count finds less or a receipt arrives.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Buckets } from '../src/inventory/index.ts'
import type { SlotKind, SupplySlot } from '../src/supply/index.ts'
import { allocateLine, byPriority, nearestRefusal, readyDayOf, replan, type LinePlan, type OpenLine, type ReplanRule } from '../src/promising/allocate.ts'
import { dayMs, type Allocation, type AllocationRule } from '../src/promising/model.ts'
import type { Failure, Result } from '../src/kernel/result.ts'

const today = Date.UTC(2026, 10, 11)
const d = (days: number) => today + days * dayMs
const B = (b: Partial<Buckets>): Buckets => ({ onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, ...b })
const slot = (id: string, kind: SlotKind, quantity: number, day: number | null, promised = 0): SupplySlot =>
  ({ id, skuId: 'sku', nodeId: 'node', kind, quantity, promised, availableAtMs: day === null ? null : d(day), refId: null, supplierId: null })
const rule = (over: Partial<AllocationRule> = {}): AllocationRule =>
  ({ stock: true, virtual: false, virtualLeadDays: 0, slotKinds: [], slotIds: null, unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null, ...over })
const part = (source: string, kind: Allocation['kind'], quantity: number, availableAtMs: number): Allocation => ({ source, kind, quantity, availableAtMs })
const plan = (parts: Allocation[], stockQuantity: number, slotTakes: Array<[SupplySlot, number]> = []): LinePlan => ({ allocation: { stockQuantity, parts, unallocated: 0 }, slotTakes })
/** A plan, or a refusal as [code, reason, extra]. */
const outcome = (r: Result<LinePlan>) => (r.ok ? r.value : [r.code, r.detail, r.extra])

describe('a new line: stock', () => {
  // S = 5 − 1 + 3 = 7, of which 4 on the shelf and 3 the supplier's virtual allowance.
  const p = B({ onHand: 5, reserved: 1, virtual: 3 })
  const both = rule({ virtual: true, virtualLeadDays: 2 })

  it('takes the shelf first, ready today, then the virtual allowance after its lead days', () => {
    assert.deepEqual(outcome(allocateLine(p, [], both, 6, today)), plan([part('stock', 'stock', 4, today), part('virtual', 'virtual', 2, d(2))], 6))
    assert.deepEqual(outcome(allocateLine(p, [], both, 7, today)), plan([part('stock', 'stock', 4, today), part('virtual', 'virtual', 3, d(2))], 7))
    assert.deepEqual(outcome(allocateLine(p, [], both, 4, today)), plan([part('stock', 'stock', 4, today)], 4))
  })

  it('takes only what its rule sells', () => {
    assert.deepEqual(outcome(allocateLine(p, [], rule({ stock: false, virtual: true, virtualLeadDays: 1 }), 3, today)), plan([part('virtual', 'virtual', 3, d(1))], 3))
    assert.deepEqual(outcome(allocateLine(p, [], rule(), 5, today)), ['insufficient_stock', 'Only 4 in stock; this SKU is not sold ahead of stock here.', { available: 4 }])
    assert.deepEqual(outcome(allocateLine(p, [], rule({ stock: false, virtual: true }), 4, today)), ['insufficient_stock', 'Only 3 in stock; this SKU is not sold ahead of stock here.', { available: 3 }])
  })

  it('counts what is sellable: the allowance short of V when S is, nothing when S is negative', () => {
    assert.deepEqual(outcome(allocateLine(B({ virtual: 3, reserved: 1 }), [], both, 2, today)), plan([part('virtual', 'virtual', 2, d(2))], 2))
    assert.deepEqual(outcome(allocateLine(B({ onHand: 1, reserved: 3, virtual: 1 }), [], both, 1, today)),
      ['insufficient_stock', 'Only 0 in stock; this SKU is not sold ahead of stock here.', { available: 0 }])
    assert.deepEqual(outcome(allocateLine(p, [], both, 8, today)), ['insufficient_stock', 'Only 7 in stock; this SKU is not sold ahead of stock here.', { available: 7 }])
  })
})

describe('a new line: future supply', () => {
  // Given out of date order: the rule must sort them by the day their units count from.
  const conf = slot('s_conf', 'po_confirmed', 4, 5, 1)
  const transit = slot('s_transit', 'in_transit', 2, 2)
  const unconf = slot('s_unconf', 'po_unconfirmed', 5, 1)
  const slots = [conf, transit, unconf, slot('s_transfer', 'transfer', 9, 0), slot('s_nodate', 'po_confirmed', 9, null)]
  const r = rule({ slotKinds: ['in_transit', 'po_confirmed', 'po_unconfirmed'], unconfirmedBufferDays: 3 })
  const p = B({ onHand: 1 })

  it('takes stock, then slots in the order their units count from, an unconfirmed PO after its buffer days', () => {
    assert.deepEqual(outcome(allocateLine(p, slots, r, 8, today)),
      plan([part('stock', 'stock', 1, today), part('s_transit', 'in_transit', 2, d(2)), part('s_unconf', 'po_unconfirmed', 5, d(4))], 1, [[transit, 2], [unconf, 5]]))
    assert.deepEqual(outcome(allocateLine(p, slots, r, 11, today)),
      plan([part('stock', 'stock', 1, today), part('s_transit', 'in_transit', 2, d(2)), part('s_unconf', 'po_unconfirmed', 5, d(4)), part('s_conf', 'po_confirmed', 3, d(5))], 1,
        [[transit, 2], [unconf, 5], [conf, 3]]))
  })

  it('refuses beyond the slots it may use: not of its kinds, without a date, or already promised', () => {
    assert.deepEqual(outcome(allocateLine(p, slots, r, 12, today)), ['insufficient_supply', 'Only 11 can be promised within the sell-ahead policy.', { available: 11 }])
  })

  it('stops at the horizon, the horizon day itself included', () => {
    assert.deepEqual(outcome(allocateLine(p, slots, { ...r, horizonDayMs: d(4) }, 11, today)), ['insufficient_supply', 'Only 8 can be promised within the sell-ahead policy.', { available: 8 }])
    assert.deepEqual(outcome(allocateLine(p, slots, { ...r, horizonDayMs: d(3) }, 11, today)), ['insufficient_supply', 'Only 3 can be promised within the sell-ahead policy.', { available: 3 }])
  })

  it('caps the units promised beyond stock at a node, counting those already promised there', () => {
    // 1 unit of s_conf is promised already: a cap of 4 leaves room for 3.
    assert.deepEqual(outcome(allocateLine(p, slots, { ...r, maxBeyondStock: 4 }, 4, today)),
      plan([part('stock', 'stock', 1, today), part('s_transit', 'in_transit', 2, d(2)), part('s_unconf', 'po_unconfirmed', 1, d(4))], 1, [[transit, 2], [unconf, 1]]))
    assert.deepEqual(outcome(allocateLine(p, slots, { ...r, maxBeyondStock: 4 }, 5, today)), ['insufficient_supply', 'Only 4 can be promised within the sell-ahead policy.', { available: 4 }])
    assert.deepEqual(outcome(allocateLine(p, slots, { ...r, maxBeyondStock: 0 }, 2, today)), ['insufficient_supply', 'Only 1 can be promised within the sell-ahead policy.', { available: 1 }])
  })

  it('sells a presale quota on its own terms: outside the cap, neither counted in it nor using it up', () => {
    const a = slot('po_a', 'po_confirmed', 2, 1)
    const quota = slot('cmp_q', 'presale', 12, 2, 10)
    const b = slot('po_b', 'po_confirmed', 5, 3)
    const capped = rule({ stock: false, slotKinds: ['po_confirmed', 'presale'], maxBeyondStock: 3 })
    assert.deepEqual(outcome(allocateLine(B({}), [b, quota, a], capped, 5, today)),
      plan([part('po_a', 'po_confirmed', 2, d(1)), part('cmp_q', 'presale', 2, d(2)), part('po_b', 'po_confirmed', 1, d(3))], 0, [[a, 2], [quota, 2], [b, 1]]))
  })

  it('passes over a slot the cap leaves no room in, to a presale quota after it', () => {
    const a = slot('po_a', 'po_confirmed', 2, 1)
    const b = slot('po_b', 'po_confirmed', 5, 3)
    const quota = slot('cmp_q', 'presale', 4, 5)
    assert.deepEqual(outcome(allocateLine(B({}), [a, b, quota], rule({ stock: false, slotKinds: ['po_confirmed', 'presale'], maxBeyondStock: 2 }), 5, today)),
      plan([part('po_a', 'po_confirmed', 2, d(1)), part('cmp_q', 'presale', 3, d(5))], 0, [[a, 2], [quota, 3]]))
  })

  it('uses only the slots named, whatever their kind', () => {
    const named = rule({ stock: false, slotIds: ['s_conf', 's_transfer'] })
    assert.deepEqual(outcome(allocateLine(p, slots, named, 12, today)),
      plan([part('s_transfer', 'transfer', 9, d(0)), part('s_conf', 'po_confirmed', 3, d(5))], 0, [[slots[3], 9], [conf, 3]]))
    assert.deepEqual(outcome(allocateLine(p, slots, named, 13, today)), ['insufficient_supply', 'Only 12 can be promised within the sell-ahead policy.', { available: 12 }])
  })

  it('dates supply past its day by the overdue steps, and a presale quota past its day from today', () => {
    const late = slot('po_late', 'po_confirmed', 3, -2)
    const quota = slot('cmp_q', 'presale', 3, -2)
    const r2 = rule({ stock: false, slotKinds: ['po_confirmed', 'presale'] })
    assert.deepEqual(outcome(allocateLine(B({}), [late, quota], r2, 6, today)),
      plan([part('cmp_q', 'presale', 3, today), part('po_late', 'po_confirmed', 3, d(1))], 0, [[quota, 3], [late, 3]]))
    assert.deepEqual(outcome(allocateLine(B({}), [late], { ...r2, overdueStepDays: 1 }, 3, today)), plan([part('po_late', 'po_confirmed', 3, today)], 0, [[late, 3]]))
  })
})

describe('refusals across nodes, priority, ready day', () => {
  const refusedWith = (available: number): Failure => {
    const r = allocateLine(B({ onHand: available }), [], rule(), available + 1, today)
    assert.ok(!r.ok)
    return r
  }

  it('tells the customer the refusal that could promise more, the first on a tie', () => {
    const [none, two, twoAgain, three] = [refusedWith(0), refusedWith(2), refusedWith(2), refusedWith(3)]
    assert.equal(nearestRefusal(undefined, two), two)
    assert.equal(nearestRefusal(three, two), three)
    assert.equal(nearestRefusal(two, three), three)
    assert.equal(nearestRefusal(two, twoAgain), two)
    const silent = { ok: false, code: 'other', detail: 'no count given' } as Failure
    assert.equal(nearestRefusal(silent, none), silent, 'a refusal without a count counts as 0')
    assert.equal(nearestRefusal(none, silent), none)
  })

  it('serves the highest priority class first, then the first placed, then by key', () => {
    const r: ReplanRule = { stock: true, virtual: false, virtualLeadDays: 0, slotKinds: [], slotIds: null, unconfirmedBufferDays: 0 }
    const line = (key: string, priorityClass: number, placedAtMs: number): OpenLine =>
      ({ key, quantity: 1, priorityClass, placedAtMs, rule: r, allocation: { stockQuantity: 0, parts: [], unallocated: 1 } })
    const lines = [line('c#1', 0, 5), line('b#1', 0, 5), line('a#2', 0, 9), line('d#1', 2, 9), line('e#1', 1, 1), line('b#1', 0, 5)]
    assert.deepEqual([...lines].sort(byPriority).map((l) => l.key), ['d#1', 'e#1', 'b#1', 'b#1', 'c#1', 'a#2'])
    assert.deepEqual([byPriority(lines[0], lines[1]), byPriority(lines[1], lines[0]), byPriority(lines[1], lines[5])], [1, -1, 0], 'c#1 after b#1, b#1 before c#1, b#1 with b#1')
  })

  it('is ready the day its last part is, and not at all while any unit has no supply', () => {
    assert.equal(readyDayOf({ stockQuantity: 1, parts: [part('stock', 'stock', 1, d(0)), part('x', 'po_confirmed', 2, d(7)), part('y', 'transfer', 1, d(3))], unallocated: 0 }), d(7))
    assert.equal(readyDayOf({ stockQuantity: 0, parts: [part('x', 'po_confirmed', 2, d(7))], unallocated: 1 }), null)
    assert.equal(readyDayOf({ stockQuantity: 0, parts: [], unallocated: 0 }), 0)
  })
})

describe('re-promising', () => {
  const stockAndPo: ReplanRule = { stock: true, virtual: true, virtualLeadDays: 1, slotKinds: ['po_confirmed'], slotIds: null, unconfirmedBufferDays: 0 }
  const open = (key: string, priorityClass: number, placedAtMs: number, quantity: number, parts: Allocation[]): OpenLine => {
    const stockQuantity = parts.filter((x) => x.source === 'stock' || x.source === 'virtual').reduce((n, x) => n + x.quantity, 0)
    return { key, quantity, priorityClass, placedAtMs, rule: stockAndPo, allocation: { stockQuantity, parts, unallocated: quantity - parts.reduce((n, x) => n + x.quantity, 0) } }
  }

  it('covers a shortage from the last line in priority order, its virtual units first; it then waits on supply', () => {
    // A count found less: S = 3 − 6 + 2 = −1.
    const a = open('a#1', 1, 0, 3, [part('stock', 'stock', 3, d(-1))])
    const b = open('b#1', 0, 5, 3, [part('stock', 'stock', 2, d(-1)), part('virtual', 'virtual', 1, d(1))])
    const po = slot('po_1', 'po_confirmed', 4, 6)
    const r = replan(B({ onHand: 3, reserved: 6, virtual: 2 }), [po], [b, a], today)
    assert.deepEqual(r.lines, [
      { line: a, allocation: { stockQuantity: 3, parts: [part('stock', 'stock', 3, d(-1))], unallocated: 0 } },
      { line: b, allocation: { stockQuantity: 2, parts: [part('stock', 'stock', 2, d(-1)), part('po_1', 'po_confirmed', 1, d(6))], unallocated: 0 } },
    ])
    assert.equal(r.reservedDelta, -1)
    assert.deepEqual([...r.promised], [[po, 1]])
    assert.deepEqual(b.allocation.parts[1], part('virtual', 'virtual', 1, d(1)), 'the line given in is left as it was')
  })

  it('takes a shortage from the virtual units first, wherever they stand among the line’s parts', () => {
    // S = 1 − 3 + 1 = −1: one unit too many promised.
    const a = open('a#1', 0, 1, 3, [part('virtual', 'virtual', 1, d(1)), part('stock', 'stock', 2, d(-1))])
    const r = replan(B({ onHand: 1, reserved: 3, virtual: 1 }), [], [a], today)
    assert.deepEqual(r.lines[0].allocation, { stockQuantity: 2, parts: [part('stock', 'stock', 2, d(-1))], unallocated: 1 })
    assert.equal(r.reservedDelta, -1)
  })

  it('adds stock to the part of the same source only: shelf and virtual units stay apart', () => {
    // The line holds 1 virtual unit and waits for 2; S = 2 − 1 + 1 = 2: 1 on the shelf, 1 virtual.
    const a = open('a#1', 0, 1, 3, [part('virtual', 'virtual', 1, d(1))])
    const r = replan(B({ onHand: 2, reserved: 1, virtual: 1 }), [], [a], today)
    assert.deepEqual(r.lines[0].allocation, { stockQuantity: 3, parts: [part('virtual', 'virtual', 2, d(1)), part('stock', 'stock', 1, today)], unallocated: 0 })
    assert.equal(r.reservedDelta, 2)
  })

  it('gives a receipt to the waiting lines first, ready today, and what is left of the slot to the next', () => {
    const x = slot('po_x', 'po_confirmed', 4, 5, 4)
    const a = open('a#1', 0, 1, 4, [part('stock', 'stock', 2, d(-3)), part('po_x', 'po_confirmed', 2, d(5))])
    const b = open('b#1', 0, 2, 2, [part('po_x', 'po_confirmed', 2, d(5))])
    // 3 units arrived: S = 5 − 2 = 3.
    const r = replan(B({ onHand: 5, reserved: 2 }), [x], [a, b], today)
    assert.deepEqual(r.lines.map((l) => l.allocation), [
      { stockQuantity: 4, parts: [part('stock', 'stock', 4, today)], unallocated: 0 },
      { stockQuantity: 1, parts: [part('stock', 'stock', 1, today), part('po_x', 'po_confirmed', 1, d(5))], unallocated: 0 },
    ])
    assert.equal(r.reservedDelta, 3)
    assert.deepEqual([...r.promised], [[x, 1]])
  })

  it('leaves unallocated what nothing covers, and dates overdue supply by the step given', () => {
    const late = slot('po_late', 'po_confirmed', 2, -1)
    const a = open('a#1', 0, 1, 5, [part('po_late', 'po_confirmed', 2, d(2))])
    const byDefault = replan(B({}), [late], [a], today)
    assert.deepEqual(byDefault.lines[0].allocation, { stockQuantity: 0, parts: [part('po_late', 'po_confirmed', 2, d(2))], unallocated: 3 })
    assert.deepEqual(replan(B({}), [late], [a], today, 1).lines[0].allocation, { stockQuantity: 0, parts: [part('po_late', 'po_confirmed', 2, today)], unallocated: 3 })
    assert.equal(byDefault.reservedDelta, 0)
  })

  it('gives a slot to the first line in priority order; the next waits with nothing on it', () => {
    const po = slot('po_1', 'po_confirmed', 2, 4, 2)
    const a = open('a#1', 0, 1, 2, [part('po_1', 'po_confirmed', 1, d(4))])
    const b = open('b#1', 0, 2, 1, [part('po_1', 'po_confirmed', 1, d(4))])
    const r = replan(B({}), [po], [b, a], today)
    assert.deepEqual(r.lines.map((l) => [l.line.key, l.allocation]), [
      ['a#1', { stockQuantity: 0, parts: [part('po_1', 'po_confirmed', 2, d(4))], unallocated: 0 }],
      ['b#1', { stockQuantity: 0, parts: [], unallocated: 1 }],
    ])
    assert.deepEqual([...r.promised], [[po, 2]])
  })
})
