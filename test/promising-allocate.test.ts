/**
 * Allocation as pure rules: a new line never takes more than exists (stock or any slot), takes
 * it in the promised order, and is refused only when the supply its rule allows really is too
 * little; re-planning a position never promises a slot beyond its quantity, accounts for every
 * unit of every line, serves lines in priority order, and answers a shortage from the last lines.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { emptyBuckets, sellable, slotKinds, type Buckets, type SupplySlot } from '../src/inventory/index.ts'
import { allocateLine, byPriority, replan, type OpenLine } from '../src/promising/allocate.ts'
import { dayMs, type AllocationRule, type LineAllocation } from '../src/promising/model.ts'

const todayMs = Date.UTC(2026, 10, 11)

const bucketsArb: fc.Arbitrary<Buckets> = fc.record({
  onHand: fc.integer({ min: 0, max: 30 }), reserved: fc.integer({ min: 0, max: 30 }), unsellable: fc.integer({ min: 0, max: 5 }),
  locked: fc.integer({ min: 0, max: 5 }), transferReserved: fc.integer({ min: 0, max: 5 }), inTransit: fc.integer({ min: 0, max: 5 }),
  virtual: fc.integer({ min: 0, max: 10 }),
})

const slotsArb: fc.Arbitrary<SupplySlot[]> = fc.array(fc.record({
  kind: fc.constantFrom(...slotKinds),
  quantity: fc.integer({ min: 0, max: 20 }),
  promised: fc.integer({ min: 0, max: 20 }),
  day: fc.option(fc.integer({ min: -3, max: 60 }), { nil: null }),
}), { maxLength: 6 }).map((raw) => raw.map((r, i): SupplySlot => ({
  id: `slot_${i}`, skuId: 'sku', nodeId: 'node', kind: r.kind, quantity: r.quantity, promised: Math.min(r.promised, r.quantity),
  availableAtMs: r.day === null ? null : todayMs + r.day * dayMs, refId: null, supplierId: null,
})).sort((a, b) => (a.availableAtMs ?? Infinity) - (b.availableAtMs ?? Infinity) || (a.id < b.id ? -1 : 1)))

const ruleArb: fc.Arbitrary<AllocationRule> = fc.record({
  stock: fc.boolean(),
  virtual: fc.boolean(),
  virtualLeadDays: fc.integer({ min: 0, max: 5 }),
  slotKinds: fc.subarray([...slotKinds]),
  slotIds: fc.constant(null),
  unconfirmedBufferDays: fc.integer({ min: 0, max: 7 }),
  horizonDayMs: fc.option(fc.integer({ min: 0, max: 60 }).map((d) => todayMs + d * dayMs), { nil: null }),
  maxBeyondStock: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
})

/** What the rule may take from each slot, by the same definitions the allocator documents. */
function eligibleDay(slot: SupplySlot, rule: AllocationRule): number | undefined {
  if (!rule.slotKinds.includes(slot.kind) || slot.availableAtMs === null) return undefined
  const day = Math.max(todayMs, slot.availableAtMs + (slot.kind === 'po_unconfirmed' ? rule.unconfirmedBufferDays * dayMs : 0))
  return rule.horizonDayMs !== null && day > rule.horizonDayMs ? undefined : day
}

test('a new line never takes more than exists, and is refused only when its rule allows too little', () => {
  let accepted = 0
  let refused = 0
  fc.assert(fc.property(bucketsArb, slotsArb, ruleArb, fc.integer({ min: 1, max: 40 }), (p, slots, rule, quantity) => {
    const s = sellable(p)
    const physical = rule.stock ? Math.max(0, s - p.virtual) : 0
    const virtual = rule.virtual ? Math.max(0, s) - Math.max(0, s - p.virtual) : 0
    const beyondCap = rule.maxBeyondStock === null ? Infinity
      : Math.max(0, rule.maxBeyondStock - slots.reduce((n, sl) => n + (sl.kind === 'presale' ? 0 : sl.promised), 0))
    let presaleRoom = 0
    let otherRoom = 0
    for (const slot of slots) {
      if (eligibleDay(slot, rule) === undefined) continue
      if (slot.kind === 'presale') presaleRoom += Math.max(0, slot.quantity - slot.promised)
      else otherRoom += Math.max(0, slot.quantity - slot.promised)
    }
    const room = physical + virtual + presaleRoom + Math.min(otherRoom, beyondCap)
    const result = allocateLine(p, slots, rule, quantity, todayMs)
    if (!result.ok) {
      refused++
      assert.ok(quantity > room, `refused ${quantity} although ${room} was allowed`)
      assert.ok(['insufficient_stock', 'insufficient_supply'].includes(result.code))
      return
    }
    accepted++
    assert.ok(quantity <= room)
    const a = result.value.allocation
    assert.equal(a.parts.reduce((n, x) => n + x.quantity, 0), quantity, 'every unit is allocated')
    assert.equal(a.unallocated, 0)
    assert.ok(a.stockQuantity <= Math.max(0, s), 'stock taken ≤ sellable')
    let beyond = 0
    for (const [slot, take] of result.value.slotTakes) {
      assert.ok(take > 0 && take <= slot.quantity - slot.promised, `slot ${slot.id}: took ${take} of ${slot.quantity - slot.promised} free`)
      assert.notEqual(eligibleDay(slot, rule), undefined, `slot ${slot.id} is outside the rule`)
      if (slot.kind !== 'presale') beyond += take
    }
    assert.ok(beyond <= beyondCap, 'max beyond stock holds')
    // Stock is used before any slot, and slots in date order.
    const days = a.parts.map((x) => x.availableAtMs)
    if (result.value.slotTakes.length > 0) assert.equal(a.stockQuantity, physical + virtual, 'stock is exhausted before future supply')
    assert.deepEqual(days.slice(a.parts.filter((x) => x.source === 'stock' || x.source === 'virtual').length), [...days.slice(a.parts.filter((x) => x.source === 'stock' || x.source === 'virtual').length)].sort((x, y) => x - y))
  }), { numRuns: 2000, seed: 42 })
  assert.ok(accepted > 200 && refused > 200, `both outcomes exercised (accepted ${accepted}, refused ${refused})`)
})

const openLinesArb = (slots: SupplySlot[]) => fc.array(fc.record({
  quantity: fc.integer({ min: 1, max: 8 }),
  stock: fc.integer({ min: 0, max: 8 }),
  priorityClass: fc.integer({ min: 0, max: 2 }),
  placedAtMs: fc.integer({ min: 0, max: 1000 }),
  kinds: fc.subarray([...slotKinds]),
}), { maxLength: 12 }).map((raw) => raw.map((r, i): OpenLine => {
  const stock = Math.min(r.stock, r.quantity)
  const allocation: LineAllocation = {
    stockQuantity: stock,
    parts: stock > 0 ? [{ source: 'stock', kind: 'stock', quantity: stock, availableAtMs: todayMs }] : [],
    unallocated: r.quantity - stock,
  }
  void slots
  return {
    key: `ord_${String(i).padStart(2, '0')}#1`, quantity: r.quantity, allocation, priorityClass: r.priorityClass, placedAtMs: r.placedAtMs,
    rule: { stock: true, virtual: false, virtualLeadDays: 0, slotKinds: r.kinds, slotIds: null, unconfirmedBufferDays: 0 },
  }
}))

test('re-planning never over-promises a slot, keeps every unit accounted for, and serves lines in priority order', () => {
  let shortages = 0
  let served = 0
  fc.assert(fc.property(slotsArb.chain((slots) => fc.tuple(fc.constant(slots), openLinesArb(slots), fc.integer({ min: 0, max: 60 }), fc.integer({ min: -15, max: 15 }))),
    ([slots, lines, onHandBase, freeStock]) => {
      const held = lines.reduce((n, l) => n + l.allocation.stockQuantity, 0)
      // The position holds the lines' stock in O; freeStock is S (negative: a count found less).
      const p: Buckets = { ...emptyBuckets(), onHand: onHandBase + held + freeStock + 20, reserved: held, unsellable: 20 }
      if (p.onHand < 0) return
      const plan = replan(p, slots, lines, todayMs)
      if (sellable(p) < 0) shortages++
      const after = { ...p, reserved: p.reserved + plan.reservedDelta }
      if (held >= -sellable(p)) assert.ok(sellable(after) >= 0, `S ${sellable(after)} after re-planning a shortage`)
      const taken = new Map<string, number>()
      for (const { line, allocation } of plan.lines) {
        const total = allocation.parts.reduce((n, x) => n + x.quantity, 0) + allocation.unallocated
        assert.equal(total, line.quantity, `${line.key}: every unit is allocated or unallocated`)
        assert.equal(allocation.stockQuantity, allocation.parts.filter((x) => x.kind === 'stock' || x.kind === 'virtual').reduce((n, x) => n + x.quantity, 0))
        for (const part of allocation.parts) {
          if (part.kind === 'stock' || part.kind === 'virtual') continue
          const slot = slots.find((s) => s.id === part.source)!
          assert.ok(line.rule.slotKinds.includes(slot.kind) && slot.availableAtMs !== null, 'a part only on a slot the line may use')
          taken.set(slot.id, (taken.get(slot.id) ?? 0) + part.quantity)
          served++
        }
      }
      for (const slot of slots) {
        assert.ok((taken.get(slot.id) ?? 0) <= slot.quantity, `slot ${slot.id} over-promised`)
        assert.equal(plan.promised.get(slot) ?? 0, taken.get(slot.id) ?? 0, 'promised equals the parts on the slot')
      }
      // Priority: a later line never holds a slot unit that an earlier, still-waiting line could have used.
      const ordered = plan.lines
      for (let i = 0; i < ordered.length; i++) {
        if (ordered[i].allocation.unallocated === 0) continue
        for (let j = i + 1; j < ordered.length; j++) {
          for (const part of ordered[j].allocation.parts) {
            const slot = slots.find((s) => s.id === part.source)
            if (slot && ordered[i].line.rule.slotKinds.includes(slot.kind) && slot.availableAtMs !== null) {
              assert.fail(`${ordered[j].line.key} got ${slot.id} while ${ordered[i].line.key}, earlier in priority, waits`)
            }
          }
        }
      }
      assert.deepEqual(plan.lines.map((l) => l.line), [...lines].sort(byPriority))
    }), { numRuns: 1500, seed: 7 })
  assert.ok(shortages > 50 && served > 500, `shortages ${shortages}, slot parts ${served}`)
})

test('a receipt serves waiting lines first: free stock goes to the earliest line, not to whoever comes next', () => {
  const slot: SupplySlot = { id: 'pol_1', skuId: 'sku', nodeId: 'node', kind: 'po_confirmed', quantity: 0, promised: 0, availableAtMs: todayMs + 5 * dayMs, refId: null, supplierId: null }
  const rule = { stock: true, virtual: false, virtualLeadDays: 0, slotKinds: ['po_confirmed' as const], slotIds: null, unconfirmedBufferDays: 0 }
  const waiting = (key: string, placedAtMs: number): OpenLine => ({
    key, quantity: 3, priorityClass: 0, placedAtMs, rule,
    allocation: { stockQuantity: 0, parts: [{ source: 'pol_1', kind: 'po_confirmed', quantity: 3, availableAtMs: todayMs + 5 * dayMs }], unallocated: 0 },
  })
  // 4 units arrived; the slot now holds nothing more.
  const plan = replan({ ...emptyBuckets(), onHand: 4 }, [slot], [waiting('b#1', 2), waiting('a#1', 1)], todayMs)
  assert.deepEqual(plan.lines.map((l) => [l.line.key, l.allocation.stockQuantity, l.allocation.unallocated]), [['a#1', 3, 0], ['b#1', 1, 2]])
  assert.equal(plan.reservedDelta, 4)
})
