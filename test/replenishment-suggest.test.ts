/**
 * Suggested purchase order lines: the need term by term, rounding to minimum order and pack, the
 * supplier choice and its reason, the explanation, grouping into draft orders; and their
 * properties (never less than the need, nothing for what is already on order, deterministic).
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { assertProperty } from './helpers/seeds.ts'
import { defaultPolicy, safetyStock, type InventoryPolicy, type SafetyStockInput } from '../src/replenishment/policy.ts'
import { groupSuggestions, hasSupplier, needOf, roundOrderQuantity, suggestOrder, type NeedInput } from '../src/replenishment/suggest.ts'
import { chooseSupplier, type SupplierCandidate } from '../src/replenishment/supplier-choice.ts'

const close = (actual: number, expected: number, tolerance: number): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`)
const smooth: SafetyStockInput = { serviceLevel: 0.95, reviewPeriodDays: 0, leadTimeMeanDays: 9, leadTimeSdDays: 2, demandMeanPerDay: 10, demandSdPerDay: 3 }

const flat: Omit<NeedInput, 'policy'> = {
  forecastOverProtectionUnits: 0, safetyStockUnits: 0, onHandUnits: 0, reservedUnits: 0, openSupplyUnits: 0, backorderUnits: 0, presaleUncoveredUnits: 0,
}
const reorderPoint: InventoryPolicy = { ...defaultPolicy, method: 'reorder_point' }
const minMax: InventoryPolicy = { ...defaultPolicy, method: 'min_max', minUnits: 20, maxUnits: 100 }

describe('the need of a SKU at a node', () => {
  it('order_up_to: every term of the sum, the positive part rounded up to a whole unit', () => {
    const need = needOf({ policy: defaultPolicy, forecastOverProtectionUnits: 100, safetyStockUnits: 36.07, onHandUnits: 40, reservedUnits: 10, openSupplyUnits: 20, backorderUnits: 5, presaleUncoveredUnits: 3 })
    assert.deepEqual(need.terms, [
      { name: 'forecastOverProtection', units: 100, sign: 1 }, { name: 'safetyStock', units: 36.07, sign: 1 }, { name: 'onHand', units: 40, sign: -1 },
      { name: 'reserved', units: 10, sign: 1 }, { name: 'openSupply', units: 20, sign: -1 }, { name: 'backorders', units: 5, sign: 1 }, { name: 'presaleUncovered', units: 3, sign: 1 },
    ])
    assert.equal(need.inventoryPositionUnits, 45)
    assert.equal(need.netPositionUnits, 42)
    close(need.rawNeedUnits, 94.07, 1e-9)
    assert.equal(need.needUnits, 95)
    assert.equal(need.trigger, null)
  })

  const table: Array<[string, NeedInput, number, boolean | null]> = [
    ['reorder_point above the point: nothing', { ...flat, policy: reorderPoint, forecastOverProtectionUnits: 50, safetyStockUnits: 10, onHandUnits: 61 }, 0, false],
    ['reorder_point at the point: triggered, nothing missing', { ...flat, policy: reorderPoint, forecastOverProtectionUnits: 50, safetyStockUnits: 10, onHandUnits: 60 }, 0, true],
    ['reorder_point below the point', { ...flat, policy: reorderPoint, forecastOverProtectionUnits: 50, safetyStockUnits: 10, onHandUnits: 59 }, 1, true],
    ['reorder_point: uncovered presale units count against the position', { ...flat, policy: reorderPoint, forecastOverProtectionUnits: 50, safetyStockUnits: 10, onHandUnits: 70, presaleUncoveredUnits: 15 }, 5, true],
    ['min_max above min: nothing', { ...flat, policy: minMax, forecastOverProtectionUnits: 500, onHandUnits: 25 }, 0, false],
    ['min_max at min: up to max', { ...flat, policy: minMax, onHandUnits: 20 }, 80, true],
    ['min_max: presale brings the net position to min', { ...flat, policy: minMax, onHandUnits: 25, presaleUncoveredUnits: 5 }, 80, true],
    ['min_max: backorders below zero', { ...flat, policy: minMax, onHandUnits: 0, backorderUnits: 12 }, 112, true],
    ['order_up_to: forecast noise of 1e-10 is not a unit', { ...flat, policy: defaultPolicy, forecastOverProtectionUnits: 36.0000000001 }, 36, null],
    ['order_up_to: open supply covers it', { ...flat, policy: defaultPolicy, forecastOverProtectionUnits: 80, safetyStockUnits: 20, onHandUnits: 30, openSupplyUnits: 70 }, 0, null],
    ['order_up_to: reserved stock is not available', { ...flat, policy: defaultPolicy, forecastOverProtectionUnits: 80, onHandUnits: 30, reservedUnits: 30 }, 80, null],
  ]
  for (const [name, input, expected, triggered] of table) {
    it(name, () => {
      const need = needOf(input)
      assert.equal(need.needUnits, expected)
      assert.equal(need.trigger === null ? null : need.trigger.triggered, triggered)
      const signed = need.terms.reduce((sum, t) => sum + t.sign * t.units, 0)
      close(signed, need.rawNeedUnits, 1e-9)
    })
  }
})

describe('rounding to the supplier\'s minimum order and pack', () => {
  const table: Array<[number, number, number, number]> = [
    // need, minimum order, pack, quantity
    [0, 10, 6, 0], [5, 0, 1, 5], [5, 10, 1, 10], [5, 10, 6, 12], [12, 10, 6, 12], [13, 10, 6, 18],
    [7, 0, 12, 12], [100, 48, 24, 120], [1, 1, 1, 1], [25, 24, 24, 48], [24, 50, 24, 72],
  ]
  for (const [need, moq, pack, after] of table) {
    it(`need ${need}, minimum ${moq}, pack ${pack} → ${after}`, () => {
      assert.deepEqual(roundOrderQuantity(need, moq, pack), { before: need, minOrderQuantity: moq, packSize: pack, after })
    })
  }
  it('refuses a pack of 0 or a fractional need as a bug', () => {
    assert.throws(() => roundOrderQuantity(5, 0, 0), /pack size/)
    assert.throws(() => roundOrderQuantity(5.5, 0, 1), /need/)
  })
})

const supplier = (id: string, over: Partial<SupplierCandidate> = {}): SupplierCandidate => ({
  supplierId: id, name: `Supplier ${id}`, grade: 'A', unitCost: 1250, currency: 'CNY', minOrderQuantity: 1, packSize: 1,
  leadTimeMeanDays: 9, leadTimeSdDays: 2, active: true, ...over,
})

describe('supplier choice', () => {
  const choose = (candidates: SupplierCandidate[], needUnits = 40, fixedSupplierId: string | null = null, costRates?: Record<string, number>) =>
    chooseSupplier({ candidates, needUnits, fixedSupplierId, costRates })

  it('the policy\'s fixed supplier while it is active, whatever its grade', () => {
    const c = choose([supplier('S1'), supplier('S2', { grade: 'C', unitCost: 9999 })], 40, 'S2')
    assert.equal(c.chosen?.supplierId, 'S2')
    assert.equal(c.decidedBy, 'fixed')
    assert.equal(c.reason, 'grade C; fixed by the policy')
    assert.deepEqual(c.fixedSupplier, { supplierId: 'S2', status: 'used' })
    assert.deepEqual(c.others.map((o) => o.supplierId), ['S1'])
  })

  it('an inactive or unknown fixed supplier is named, and the best other chosen', () => {
    const inactive = choose([supplier('S1'), supplier('S2', { active: false })], 40, 'S2')
    assert.equal(inactive.chosen?.supplierId, 'S1')
    assert.equal(inactive.reason, "the policy's supplier S2 is inactive; grade A; the only active supplier")
    assert.deepEqual(inactive.inactive, ['S2'])
    const unknown = choose([supplier('S1')], 40, 'S9')
    assert.equal(unknown.reason, "the policy's supplier S9 does not supply this SKU; grade A; the only active supplier")
    assert.deepEqual(unknown.fixedSupplier, { supplierId: 'S9', status: 'not_a_candidate' })
  })

  it('grade first, even against a cheaper supplier', () => {
    const c = choose([supplier('S1', { grade: 'B', unitCost: 100 }), supplier('S2', { grade: 'A' })])
    assert.equal(c.chosen?.supplierId, 'S2')
    assert.equal(c.decidedBy, 'grade')
    assert.equal(c.reason, 'grade A; the best grade (next: Supplier S1, grade B)')
  })

  it('an ungraded supplier ranks like C: above D, below B, against C by cost', () => {
    assert.equal(choose([supplier('S1', { grade: 'D', unitCost: 1 }), supplier('S2', { grade: null })]).chosen?.supplierId, 'S2')
    assert.equal(choose([supplier('S1', { grade: 'B' }), supplier('S2', { grade: null, unitCost: 1 })]).chosen?.supplierId, 'S1')
    const c = choose([supplier('S1', { grade: 'C', unitCost: 1300 }), supplier('S2', { grade: null })])
    assert.equal(c.chosen?.supplierId, 'S2')
    assert.equal(c.reason, 'ungraded (ranked as C); lowest unit cost among grade C and ungraded (12.50 vs 13.00)')
  })

  it('then the lower unit cost', () => {
    const c = choose([supplier('S1', { unitCost: 1300 }), supplier('S2', { unitCost: 1250 })])
    assert.equal(c.chosen?.supplierId, 'S2')
    assert.equal(c.decidedBy, 'cost')
    assert.equal(c.reason, 'grade A; lowest unit cost among grade A (12.50 vs 13.00)')
    assert.deepEqual(c.chosenFigures, { supplierId: 'S2', name: 'Supplier S2', grade: 'A', orderUnits: 40, orderCostMinor: 50000, unitCostMinor: 1250, currency: 'CNY', leadTimeMeanDays: 9 })
  })

  it('cost is that of the quantity actually ordered: a large minimum order costs more than a dearer unit', () => {
    const c = choose([supplier('S1', { unitCost: 1000, minOrderQuantity: 100 }), supplier('S2', { unitCost: 1200 })])
    assert.equal(c.chosen?.supplierId, 'S2')
    assert.equal(c.reason, 'grade A; lowest cost for the 40 units needed among grade A (480.00 for 40 units vs 1000.00 for 100 units)')
  })

  it('then the shorter lead time, then the supplier id', () => {
    const lead = choose([supplier('S1', { leadTimeMeanDays: 5 }), supplier('S0')])
    assert.equal(lead.chosen?.supplierId, 'S1')
    assert.equal(lead.reason, 'grade A; same cost as Supplier S0; shortest lead time (5 vs 9 days)')
    const id = choose([supplier('S2'), supplier('S1')])
    assert.equal(id.chosen?.supplierId, 'S1')
    assert.equal(id.decidedBy, 'supplier_id')
  })

  it('prices in several currencies are compared only through the rates given', () => {
    const candidates = [supplier('S1', { currency: 'USD', unitCost: 150, leadTimeMeanDays: 20 }), supplier('S2', { currency: 'CNY', unitCost: 1250 })]
    const blind = choose(candidates)
    assert.equal(blind.costCompared, false)
    assert.equal(blind.chosen?.supplierId, 'S2')
    assert.equal(blind.reason, 'grade A; costs not compared (several currencies, no exchange rates); shortest lead time (9 vs 20 days)')
    const rated = choose(candidates, 40, null, { USD: 7.1, CNY: 1 })
    assert.equal(rated.chosen?.supplierId, 'S1')
    assert.equal(rated.reason, 'grade A; lowest unit cost among grade A (1.50 USD vs 12.50 CNY)')
  })

  it('no active supplier: no choice', () => {
    const c = choose([supplier('S1', { active: false })])
    assert.equal(c.chosen, null)
    assert.equal(c.decidedBy, 'none')
    assert.equal(c.reason, 'no active supplier for this SKU')
  })
})

describe('a suggestion and its explanation', () => {
  const input = {
    ...flat, policy: defaultPolicy, skuId: 'SKU-1', nodeId: 'WH-E', forecastOverProtectionUnits: 90, safetyStockUnits: 36.07, onHandUnits: 50,
    candidates: [supplier('S1', { minOrderQuantity: 10, packSize: 12 }), supplier('S2', { grade: 'B' })],
  }

  it('reads term by term, with the supplier and the rounding applied', () => {
    const s = suggestOrder(input)
    assert.equal(s.explanation.need.needUnits, 77)
    assert.deepEqual(s.explanation.rounding, { before: 77, minOrderQuantity: 10, packSize: 12, after: 84 })
    assert.deepEqual({ supplierId: s.supplierId, quantity: s.quantity, unitCostMinor: s.unitCostMinor, currency: s.currency }, { supplierId: 'S1', quantity: 84, unitCostMinor: 1250, currency: 'CNY' })
    assert.deepEqual(s.explanation.summary, [
      'order_up_to: 90 forecastOverProtection + 36.07 safetyStock − 50 onHand + 0 reserved − 0 openSupply + 0 backorders + 0 presaleUncovered = 76.07 units.',
      'Need: 77 units.',
      'Supplier Supplier S1 (S1): grade A; the best grade (next: Supplier S2, grade B).',
      'Rounded 77 up to 84: minimum order 10, packs of 12.',
    ])
  })

  it('explains the safety stock when given how it was computed', () => {
    const detail = safetyStock(smooth)
    const s = suggestOrder({ ...input, safetyStockUnits: detail.safetyStockUnits, safetyStockDetail: detail })
    assert.equal(s.explanation.safetyStock, detail)
    assert.equal(s.explanation.summary[1], 'Safety stock 36.07 = z 1.6449 × √(9 days × 3² + 10² × 2² days²).')
    const empirical = safetyStock({ ...smooth, leadTimeDemandQuantileUnits: 130 })
    const e = suggestOrder({ ...input, safetyStockUnits: 40, safetyStockDetail: empirical })
    assert.equal(e.explanation.summary[1], 'Safety stock 40 = demand quantile 130 − expected 90 over 9 days (intermittent demand, never below 0).')
    assert.throws(() => suggestOrder({ ...input, safetyStockDetail: detail }), /explains the safety stock/)
  })

  it('suggests nothing without a need, and nothing without an active supplier', () => {
    const covered = suggestOrder({ ...input, openSupplyUnits: 100 })
    assert.equal(covered.quantity, 0)
    assert.equal(covered.explanation.summary[1], 'Supply on hand and on order covers the need: nothing to order.')
    const none = suggestOrder({ ...input, candidates: [] })
    assert.deepEqual({ supplierId: none.supplierId, quantity: none.quantity, rounding: none.explanation.rounding }, { supplierId: null, quantity: 0, rounding: null })
  })
})

describe('grouping into draft orders', () => {
  const line = (skuId: string, supplierId: string, nodeId: string, quantity = 10) => ({ skuId, supplierId, nodeId, quantity })

  it('one group per supplier and destination, lines by SKU, empty lines left out', () => {
    const groups = groupSuggestions([line('B', 'S2', 'N1'), line('A', 'S1', 'N2'), line('C', 'S1', 'N1'), line('A', 'S1', 'N1'), line('Z', 'S1', 'N1', 0)])
    assert.deepEqual(groups.map((g) => [g.supplierId, g.nodeId, g.lines.map((l) => l.skuId)]), [['S1', 'N1', ['A', 'C']], ['S1', 'N2', ['A']], ['S2', 'N1', ['B']]])
  })

  it('refuses one SKU twice in a group as a bug', () => {
    assert.throws(() => groupSuggestions([line('A', 'S1', 'N1'), line('A', 'S1', 'N1', 5)]), /twice/)
  })

  it('groups only suggestions with a supplier', () => {
    const lines = [{ ...line('A', 'S1', 'N1') }, { skuId: 'B', supplierId: null, nodeId: 'N1', quantity: 3 }]
    assert.deepEqual(groupSuggestions(lines.filter(hasSupplier)).map((g) => g.lines.length), [1])
  })
})

describe('properties of suggestions', () => {
  const amount = fc.double({ min: 0, max: 1000, noNaN: true })
  it('rounding: ≥ need, ≥ minimum when ordering, whole packs, less than a pack over a need at or above the minimum', async (t) => {
    await assertProperty(t, fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), (need, moq, pack) => {
      const { after } = roundOrderQuantity(need, moq, pack)
      assert.ok(after >= need)
      assert.equal(after % pack, 0)
      assert.equal(after === 0, need === 0)
      if (after > 0) assert.ok(after >= moq && after - pack < Math.max(need, moq), 'the smallest whole number of packs')
      if (need >= moq) assert.ok(after - need < pack)
    }), { numRuns: 500, regressionSeeds: [1] })
  })

  const policyArb = fc.oneof(
    fc.constant(defaultPolicy), fc.constant(reorderPoint),
    fc.tuple(fc.nat(200), fc.nat(200)).map(([a, b]): InventoryPolicy => ({ ...defaultPolicy, method: 'min_max', minUnits: Math.min(a, b), maxUnits: Math.max(a, b) })),
  )
  const needArb = fc.record({
    policy: policyArb, forecastOverProtectionUnits: amount, safetyStockUnits: amount, onHandUnits: fc.integer({ min: -50, max: 1000 }),
    reservedUnits: fc.nat(300), openSupplyUnits: fc.constant(0), backorderUnits: fc.nat(300), presaleUncoveredUnits: fc.nat(300),
  })
  const candidateArb = fc.record({
    supplierId: fc.constantFrom('S1', 'S2', 'S3', 'S4'), grade: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const, null),
    unitCost: fc.integer({ min: 1, max: 5000 }), minOrderQuantity: fc.nat(200), packSize: fc.integer({ min: 1, max: 48 }),
    leadTimeMeanDays: fc.integer({ min: 1, max: 30 }), active: fc.boolean(),
  }).map((c) => supplier(c.supplierId, c))
  const candidatesArb = fc.uniqueArray(candidateArb, { selector: (c) => c.supplierId, maxLength: 4 })

  it('never suggests what is already on order, and never less than the need', async (t) => {
    await assertProperty(t, fc.property(needArb, candidatesArb, fc.nat(100), (input, candidates, extra) => {
      const need = needOf(input).needUnits
      const s = suggestOrder({ ...input, skuId: 'K', nodeId: 'N', candidates })
      if (s.supplierId !== null) assert.ok(s.quantity >= need)
      const onOrder = suggestOrder({ ...input, openSupplyUnits: need + extra, skuId: 'K', nodeId: 'N', candidates })
      assert.equal(onOrder.quantity, 0)
    }), { numRuns: 300, regressionSeeds: [1, 2] })
  })

  it('the supplier chosen does not depend on the order of the candidates, and no active one has a better grade', async (t) => {
    const gradeRank = (g: SupplierCandidate['grade']): number => (g === null ? 2 : 'ABCD'.indexOf(g))
    await assertProperty(t, fc.property(candidatesArb, fc.nat(500), (candidates, needUnits) => {
      const forward = chooseSupplier({ candidates, needUnits, fixedSupplierId: null })
      const backward = chooseSupplier({ candidates: [...candidates].reverse(), needUnits, fixedSupplierId: null })
      assert.deepEqual(backward, forward)
      const active = candidates.filter((c) => c.active)
      assert.equal(forward.chosen === null, active.length === 0)
      if (forward.chosen !== null) assert.ok(active.every((c) => gradeRank(c.grade) >= gradeRank(forward.chosen?.grade ?? null)))
    }), { numRuns: 300, regressionSeeds: [1] })
  })

  it('grouping does not depend on the order of the lines', async (t) => {
    const lineArb = fc.record({ skuId: fc.constantFrom('A', 'B', 'C', 'D'), supplierId: fc.constantFrom('S1', 'S2'), nodeId: fc.constantFrom('N1', 'N2'), quantity: fc.nat(3) })
    const linesArb = fc.uniqueArray(lineArb, { selector: (l) => `${l.skuId}|${l.supplierId}|${l.nodeId}`, maxLength: 16 })
    await assertProperty(t, fc.property(linesArb, (lines) => {
      const groups = groupSuggestions(lines)
      assert.deepEqual(groupSuggestions([...lines].reverse()), groups)
      assert.equal(groups.flatMap((g) => g.lines).length, lines.filter((l) => l.quantity > 0).length)
    }), { numRuns: 200, regressionSeeds: [1] })
  })
})
