/**
 * Payables money: largest-remainder allocation and percentages against worked figures, landed
 * cost over receipt lines, the moving-average unit cost, AP ageing and the weekly cash need; and
 * their properties (exact sums, parts within a unit of their share, averages within the costs
 * received, buckets and weeks summing to the balance).
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { assertProperty } from './helpers/seeds.ts'
import { allocate, percentOf, type Rounding } from '../src/payables/money.ts'
import { allocateCharges, type Charge, type ReceiptLineForCost } from '../src/payables/landed-cost.ts'
import { addLandedCost, emptyCost, issue, receiveAt, unitCostOf, type CostState } from '../src/payables/moving-average.ts'
import { ageingBuckets, bucketOf, dueByWeek, type OpenPayable } from '../src/payables/ageing.ts'

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
const unwrapOk = <T>(r: { ok: true; value: T } | { ok: false; code: string; detail: string }): T => {
  if (!r.ok) assert.fail(`expected success, got ${r.code}: ${r.detail}`)
  return r.value
}

describe('allocate by largest remainder', () => {
  const table: Array<[string, number, number[], number[]]> = [
    ['100 over 1:1:1 — the extra unit to the lowest index', 100, [1, 1, 1], [34, 33, 33]],
    ['-100 over 1:1:1 mirrors the debit', -100, [1, 1, 1], [-34, -33, -33]],
    ['1000 over 1:2:3: 166.67, 333.33, 500 → 167, 333, 500', 1000, [1, 2, 3], [167, 333, 500]],
    ['10 over 3:3:4: exact', 10, [3, 3, 4], [3, 3, 4]],
    ['5 over 0:1:0: all to the only weight', 5, [0, 1, 0], [0, 5, 0]],
    ['all-zero weights split equally, ties to lowest index', 5, [0, 0, 0], [2, 2, 1]],
    ['2 over 1:1:1:1', 2, [1, 1, 1, 1], [1, 1, 0, 0]],
    ['largest remainder wins over a lower index: 10 over 1:4 → 2, 8', 10, [1, 4], [2, 8]],
    ['7 over 0.5:0.25:0.25 (fractional weights): 3.5, 1.75, 1.75 → the .75s take the 2 left over', 7, [0.5, 0.25, 0.25], [3, 2, 2]],
    ['0 over anything is zeros', 0, [3, 1], [0, 0]],
    ['one weight takes everything', -12345, [7], [-12345]],
  ]
  for (const [name, total, weights, expected] of table) it(name, () => assert.deepEqual(allocate(total, weights), expected))

  it('refuses bad weights and amounts as bugs', () => {
    assert.throws(() => allocate(10, []), /invariant/)
    assert.throws(() => allocate(10, [1, -1]), /invariant/)
    assert.throws(() => allocate(10, [1, Number.NaN]), /invariant/)
    assert.throws(() => allocate(10, [1, Number.POSITIVE_INFINITY]), /invariant/)
    assert.throws(() => allocate(10.5, [1]), /invariant/)
  })

  const weight = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }))
  it('sums exactly to the total, each part within 1 minor unit of its exact share, sign preserved', async (t) => {
    await assertProperty(t, fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(weight, { minLength: 1, maxLength: 12 }), (total, weights) => {
      const parts = allocate(total, weights)
      assert.equal(parts.length, weights.length)
      assert.equal(sum(parts), total)
      const totalWeight = sum(weights)
      parts.forEach((part, i) => {
        assert.ok(Number.isSafeInteger(part))
        assert.ok(total >= 0 ? part >= 0 : part <= 0, `part ${part} has the wrong sign for ${total}`)
        const exact = totalWeight === 0 ? total / weights.length : (total * weights[i]!) / totalWeight
        assert.ok(Math.abs(part - exact) < 1 + 1e-6 * Math.abs(total) / 1e6, `part ${part} is not within 1 of ${exact}`)
      })
    }), { numRuns: 400, regressionSeeds: [17, 1717] })
  })

  it('is deterministic and a credit is the exact mirror of the debit', async (t) => {
    await assertProperty(t, fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), (total, weights) => {
      assert.deepEqual(allocate(-total, weights), allocate(total, weights).map((p) => (p === 0 ? 0 : -p)))
      assert.deepEqual(allocate(total, weights), allocate(total, [...weights]))
    }), { numRuns: 200, regressionSeeds: [3] })
  })
})

describe('percentOf', () => {
  const table: Array<[number, number, Rounding, number]> = [
    [1000, 2.5, 'half_up', 25], [1005, 1.5, 'half_up', 15], [1010, 1.5, 'half_up', 15], [1030, 1.5, 'half_up', 15],
    [1034, 1.5, 'half_up', 16], // 15.51
    [50, 1, 'half_up', 1], // 0.5 → 1, away from zero
    [-50, 1, 'half_up', -1], // -0.5 → -1, away from zero
    [149, 1, 'half_up', 1], [-149, 1, 'half_up', -1],
    [199, 1, 'down', 1], [-199, 1, 'down', -1], [101, 1, 'up', 2], [-101, 1, 'up', -2], [100, 1, 'up', 1],
    [12345, 0.1, 'half_up', 12], // 12.345: a float would read 0.1 as 0.1000000000000000055
    [1000, 33.333, 'down', 333], [1000, 100, 'half_up', 1000], [1000, 0, 'up', 0], [2000, 1e-7, 'up', 1], [1000, 250, 'down', 2500],
    [10000, -5, 'half_up', -500],
  ]
  for (const [amount, percent, rounding, expected] of table) {
    it(`${percent}% of ${amount}, ${rounding} = ${expected}`, () => assert.equal(percentOf(amount, percent, rounding), expected))
  }

  it('rounds half up at exactly .5 where a float product would not (1.005% of 10000 = 100.5 → 101)', () => {
    assert.equal((10000 * 1.005) / 100, 100.49999999999999) // the trap
    assert.equal(Math.round((10000 * 1.005) / 100), 100)
    assert.equal(percentOf(10000, 1.005, 'half_up'), 101)
  })

  it('down ≤ half_up ≤ up in magnitude, each within 1 of the exact figure', async (t) => {
    await assertProperty(t, fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 100_000 }), (amount, basisPoints) => {
      const percent = basisPoints / 100
      const [down, half, up] = (['down', 'half_up', 'up'] as const).map((r) => Math.abs(percentOf(amount, percent, r)))
      assert.ok(down! <= half! && half! <= up! && up! - down! <= 1)
      assert.ok(Math.abs(Math.abs(amount * basisPoints) / 10_000 - half!) <= 0.5 + 1e-6)
    }), { numRuns: 300, regressionSeeds: [5] })
  })
})

const line = (lineId: string, quantity: number, unitCostMinor: number, unitWeightGrams: number | null = null, unitVolumeCm3: number | null = null): ReceiptLineForCost =>
  ({ lineId, skuId: `sku-${lineId}`, quantity, unitCostMinor, unitWeightGrams, unitVolumeCm3 })

describe('landed cost', () => {
  const lines = [line('a', 10, 500, 200, 1000), line('b', 5, 2000, 1000, 500), line('c', 1, 100, 0, 0)]
  // quantity 10:5:1, value 5000:10000:100, weight 2000:5000:0, volume 10000:2500:0.

  it('splits each charge by its basis and adds it to the goods value', () => {
    const charges: Charge[] = [
      { kind: 'freight', amountMinor: 7000, basis: 'weight' }, // 2000, 5000, 0
      { kind: 'duty', amountMinor: 1510, basis: 'value' }, // 500, 1000, 10
      { kind: 'insurance', amountMinor: 100, basis: 'quantity' }, // 62.5, 31.25, 6.25 → 63, 31, 6
      { kind: 'other', amountMinor: -1001, basis: 'volume' }, // -800.8, -200.2, 0 → -801, -200, 0
    ]
    const result = unwrapOk(allocateCharges(lines, charges))
    assert.deepEqual(result.map((r) => r.chargesMinor), [
      { freight: 2000, duty: 500, insurance: 63, other: -801 },
      { freight: 5000, duty: 1000, insurance: 31, other: -200 },
      { freight: 0, duty: 10, insurance: 6, other: 0 },
    ])
    assert.deepEqual(result.map((r) => r.landedMinor), [5000 + 2000 + 500 + 63 - 801, 10000 + 5000 + 1000 + 31 - 200, 100 + 16])
    assert.deepEqual(result.map((r) => [r.lineId, r.skuId, r.quantity]), [['a', 'sku-a', 10], ['b', 'sku-b', 5], ['c', 'sku-c', 1]])
  })

  it('adds two charges of one kind together', () => {
    const result = unwrapOk(allocateCharges(lines, [
      { kind: 'freight', amountMinor: 16, basis: 'quantity' }, { kind: 'freight', amountMinor: 7, basis: 'weight' },
    ]))
    assert.deepEqual(result.map((r) => r.chargesMinor.freight), [10 + 2, 5 + 5, 1 + 0])
  })

  const refusals: Array<[string, ReceiptLineForCost[], Charge[], string]> = [
    ['no lines', [], [{ kind: 'freight', amountMinor: 1, basis: 'quantity' }], 'no_lines'],
    ['a weight missing for a charge by weight', [line('a', 1, 1, 5), line('b', 1, 1, null)], [{ kind: 'freight', amountMinor: 1, basis: 'weight' }], 'weight_missing'],
    ['a volume missing for a charge by volume', [line('a', 1, 1, 5, null)], [{ kind: 'freight', amountMinor: 1, basis: 'volume' }], 'volume_missing'],
    ['a fractional quantity', [line('a', 1.5, 1)], [], 'invalid_cost_lines'],
    ['a duplicate line id', [line('a', 1, 1), line('a', 2, 1)], [], 'invalid_cost_lines'],
    ['a negative weight', [line('a', 1, 1, -1)], [], 'invalid_cost_lines'],
    ['a fractional charge', [line('a', 1, 1)], [{ kind: 'duty', amountMinor: 0.5, basis: 'value' }], 'invalid_charges'],
    ['an unknown basis', [line('a', 1, 1)], [{ kind: 'duty', amountMinor: 5, basis: 'price' as 'value' }], 'invalid_charges'],
  ]
  for (const [name, input, charges, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => {
      const result = allocateCharges(input, charges)
      assert.equal(result.ok, false)
      assert.equal(!result.ok && result.code, code)
    })
  }

  it('names the line lacking a weight', () => {
    const result = allocateCharges([line('a', 1, 1, 5), line('b', 1, 1, null)], [{ kind: 'freight', amountMinor: 1, basis: 'weight' }])
    assert.deepEqual(!result.ok && result.extra, { lineId: 'b', skuId: 'sku-b' })
  })

  it('a weight is not needed when no charge goes by weight', () => {
    assert.ok(allocateCharges([line('a', 1, 1, null, null)], [{ kind: 'duty', amountMinor: 9, basis: 'value' }]).ok)
  })

  const lineArb = fc.record({
    quantity: fc.integer({ min: 0, max: 10_000 }), unitCostMinor: fc.integer({ min: 0, max: 1_000_000 }),
    unitWeightGrams: fc.integer({ min: 0, max: 100_000 }), unitVolumeCm3: fc.double({ min: 0, max: 1e5, noNaN: true }),
  })
  const chargeArb = fc.record({
    kind: fc.constantFrom('freight', 'duty', 'insurance', 'other' as const),
    amountMinor: fc.integer({ min: -1e8, max: 1e9 }),
    basis: fc.constantFrom('quantity', 'value', 'weight', 'volume' as const),
  })
  it('every charge kind sums exactly over the lines, and landed cost is goods plus charges', async (t) => {
    await assertProperty(t, fc.property(fc.array(lineArb, { minLength: 1, maxLength: 10 }), fc.array(chargeArb, { maxLength: 6 }), (raw, charges) => {
      const input = raw.map((l, i) => ({ ...l, lineId: `l${i}`, skuId: `s${i % 3}` }))
      const result = unwrapOk(allocateCharges(input, charges))
      for (const kind of ['freight', 'duty', 'insurance', 'other'] as const) {
        assert.equal(sum(result.map((r) => r.chargesMinor[kind])), sum(charges.filter((c) => c.kind === kind).map((c) => c.amountMinor)))
      }
      const goods = sum(input.map((l) => l.quantity * l.unitCostMinor))
      assert.equal(sum(result.map((r) => r.landedMinor)), goods + sum(charges.map((c) => c.amountMinor)))
    }), { numRuns: 300, regressionSeeds: [11] })
  })
})

describe('moving-average unit cost', () => {
  it('averages receipts, capitalises landed cost, and issues without drift', () => {
    let state = receiveAt(emptyCost, 3, 100) // 300
    state = receiveAt(state, 1, 200) // 4 units, 500
    assert.equal(unitCostOf(state), 125)
    state = unwrapOk(addLandedCost(state, 40)) // 540, 135 each
    assert.equal(unitCostOf(state), 135)
    const first = issue(state, 1)
    assert.equal(first.cogsMinor, 135)
    assert.deepEqual(first.state, { units: 3, valueMinor: 405 })
    state = receiveAt(first.state, 3, 0) // 6 units, 405: 67.5 each
    const half = issue(state, 1) // 67.5 → 68
    assert.equal(half.cogsMinor, 68)
    const rest = issue(half.state, 5) // takes all that is left: 337
    assert.equal(rest.cogsMinor, 337)
    assert.deepEqual(rest.state, { units: 0, valueMinor: 0 })
    assert.equal(unitCostOf(rest.state), null)
  })

  it('issues by proportion: 3 units worth 100, one at a time → 33, 34, 33', () => {
    const a = issue({ units: 3, valueMinor: 100 }, 1)
    const b = issue(a.state, 1)
    const c = issue(b.state, 1)
    assert.deepEqual([a.cogsMinor, b.cogsMinor, c.cogsMinor], [33, 34, 33])
    assert.deepEqual(c.state, { units: 0, valueMinor: 0 })
  })

  it('refuses a landed cost with nothing on hand, and a credit larger than the value', () => {
    const none = addLandedCost(emptyCost, 10)
    assert.equal(!none.ok && none.code, 'no_units_on_hand')
    const big = addLandedCost({ units: 1, valueMinor: 5 }, -6)
    assert.equal(!big.ok && big.code, 'landed_credit_exceeds_value')
    assert.deepEqual(unwrapOk(addLandedCost({ units: 1, valueMinor: 5 }, -5)), { units: 1, valueMinor: 0 })
  })

  it('refuses over-issue and bad receipts as bugs', () => {
    assert.throws(() => issue({ units: 2, valueMinor: 10 }, 3), /invariant/)
    assert.throws(() => issue({ units: 2, valueMinor: 10 }, 0), /invariant/)
    assert.throws(() => receiveAt(emptyCost, 1.5, 10), /invariant/)
    assert.throws(() => receiveAt(emptyCost, 1, -1), /invariant/)
  })

  type Step = { receive: true; units: number; unitCostMinor: number } | { receive: false; fraction: number }
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ receive: fc.constant(true as const), units: fc.integer({ min: 1, max: 1000 }), unitCostMinor: fc.integer({ min: 0, max: 100_000 }) }),
    fc.record({ receive: fc.constant(false as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  )
  it('stays within the lowest and highest unit costs received, COGS + value = value received, issuing all leaves 0', async (t) => {
    await assertProperty(t, fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      let state: CostState = emptyCost
      let min = Number.POSITIVE_INFINITY
      let max = Number.NEGATIVE_INFINITY
      let received = 0
      let cogs = 0
      for (const s of steps) {
        if (s.receive) {
          state = receiveAt(state, s.units, s.unitCostMinor)
          min = Math.min(min, s.unitCostMinor)
          max = Math.max(max, s.unitCostMinor)
          received += s.units * s.unitCostMinor
        } else if (state.units > 0) {
          const issued = issue(state, Math.max(1, Math.round(s.fraction * state.units)))
          cogs += issued.cogsMinor
          state = issued.state
        }
        if (state.units > 0) {
          // Compared in whole minor units: min·units ≤ value ≤ max·units.
          assert.ok(min * state.units <= state.valueMinor && state.valueMinor <= max * state.units, `${JSON.stringify(state)} outside [${min}, ${max}]`)
        }
        assert.equal(cogs + state.valueMinor, received)
      }
      if (state.units > 0) {
        const last = issue(state, state.units)
        assert.deepEqual(last.state, { units: 0, valueMinor: 0 })
        assert.equal(cogs + last.cogsMinor, received)
      }
    }), { numRuns: 300, regressionSeeds: [29, 2929] })
  })
})

const item = (supplierId: string, dueDay: number, openMinor: number, currency = 'EUR'): OpenPayable => ({ supplierId, dueDay, openMinor, currency })

describe('ageing', () => {
  const asOfDay = 20_000
  const table: Array<[number, string]> = [
    [asOfDay + 5, 'current'], [asOfDay, 'current'], [asOfDay - 1, 'd1_30'], [asOfDay - 30, 'd1_30'], [asOfDay - 31, 'd31_60'],
    [asOfDay - 60, 'd31_60'], [asOfDay - 61, 'd61_90'], [asOfDay - 90, 'd61_90'], [asOfDay - 91, 'over_90'],
  ]
  for (const [dueDay, bucket] of table) it(`due ${dueDay - asOfDay} days from today → ${bucket}`, () => assert.equal(bucketOf(dueDay, asOfDay), bucket))

  it('ages per supplier and currency, and in total per currency', () => {
    const result = ageingBuckets([
      item('s2', asOfDay - 10, 500), item('s1', asOfDay + 3, 1000), item('s1', asOfDay - 45, 200), item('s1', asOfDay - 100, 70, 'USD'),
      item('s2', asOfDay - 70, -50), // a debit note set against s2
    ], asOfDay)
    assert.deepEqual(result.bySupplier, [
      { supplierId: 's1', currency: 'EUR', openMinor: 1200, bucketsMinor: { current: 1000, d1_30: 0, d31_60: 200, d61_90: 0, over_90: 0 } },
      { supplierId: 's1', currency: 'USD', openMinor: 70, bucketsMinor: { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, over_90: 70 } },
      { supplierId: 's2', currency: 'EUR', openMinor: 450, bucketsMinor: { current: 0, d1_30: 500, d31_60: 0, d61_90: -50, over_90: 0 } },
    ])
    assert.deepEqual(result.total, [
      { currency: 'EUR', openMinor: 1650, bucketsMinor: { current: 1000, d1_30: 500, d31_60: 200, d61_90: -50, over_90: 0 } },
      { currency: 'USD', openMinor: 70, bucketsMinor: { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, over_90: 70 } },
    ])
  })

  it('puts the overdue in week 1 and leaves out what falls due after week 13', () => {
    const result = dueByWeek([
      item('s1', asOfDay - 40, 100), item('s1', asOfDay + 6, 10), item('s2', asOfDay + 7, 20), item('s2', asOfDay + 90, 30),
      item('s2', asOfDay + 91, 40), item('s3', asOfDay + 1, 5, 'GBP'),
    ], asOfDay)
    assert.equal(result.length, 2)
    assert.deepEqual(result[0], { currency: 'EUR', weeksMinor: [110, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30], totalMinor: 160 })
    assert.deepEqual(result[1]!.currency, 'GBP')
    assert.deepEqual(result[1]!.weeksMinor.slice(0, 2), [5, 0])
    assert.equal(dueByWeek([item('s1', asOfDay + 7, 1)], asOfDay, 1).length, 0)
  })

  const itemArb = fc.record({
    supplierId: fc.constantFrom('s1', 's2', 's3'), dueDay: fc.integer({ min: asOfDay - 200, max: asOfDay + 200 }),
    openMinor: fc.integer({ min: -1e6, max: 1e8 }), currency: fc.constantFrom('EUR', 'USD', 'GBP'),
  })
  it('buckets sum to the open balance per row, and suppliers sum to the total', async (t) => {
    await assertProperty(t, fc.property(fc.array(itemArb, { maxLength: 40 }), (items) => {
      const { bySupplier, total } = ageingBuckets(items, asOfDay)
      for (const row of [...bySupplier, ...total]) assert.equal(sum(Object.values(row.bucketsMinor)), row.openMinor)
      for (const row of total) {
        assert.equal(row.openMinor, sum(items.filter((i) => i.currency === row.currency).map((i) => i.openMinor)))
        assert.equal(row.openMinor, sum(bySupplier.filter((s) => s.currency === row.currency).map((s) => s.openMinor)))
      }
      assert.equal(sum(bySupplier.map((r) => r.openMinor)), sum(items.map((i) => i.openMinor)))
    }), { numRuns: 300, regressionSeeds: [31] })
  })

  it('weeks sum to what falls due by the last day of the last week', async (t) => {
    await assertProperty(t, fc.property(fc.array(itemArb, { maxLength: 40 }), fc.integer({ min: 1, max: 26 }), (items, weeks) => {
      const rows = dueByWeek(items, asOfDay, weeks)
      for (const currency of ['EUR', 'USD', 'GBP']) {
        const inSpan = items.filter((i) => i.currency === currency && i.dueDay <= asOfDay + 7 * weeks - 1)
        const row = rows.find((r) => r.currency === currency)
        if (inSpan.length === 0) { assert.equal(row, undefined); continue }
        assert.equal(row!.weeksMinor.length, weeks)
        assert.equal(sum(row!.weeksMinor), sum(inSpan.map((i) => i.openMinor)))
        assert.equal(row!.totalMinor, sum(row!.weeksMinor))
        assert.equal(row!.weeksMinor[0], sum(inSpan.filter((i) => i.dueDay <= asOfDay + 6).map((i) => i.openMinor)))
      }
    }), { numRuns: 300, regressionSeeds: [37] })
  })
})
