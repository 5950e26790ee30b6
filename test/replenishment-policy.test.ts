/**
 * The inventory policy: the normal quantile and safety stock against known figures, the policy
 * check naming the field, the levels it orders by; and the properties of safety stock.
 * Suggested quantities, suppliers and grouping: replenishment-suggest.test.ts.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { assertProperty } from './helpers/seeds.ts'
import {
  defaultPolicy, inventoryLevels, leadTimeDemandQuantile, leadTimeOf, policyOf, safetyStock, standardNormalQuantile, type SafetyStockInput,
} from '../src/replenishment/policy.ts'

const close = (actual: number, expected: number, tolerance: number): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`)

describe('standard normal quantile', () => {
  // Reference values: Wichura's AS241 (Python's statistics.NormalDist.inv_cdf), exact to ~1e-16.
  const table: Array<[number, number]> = [
    [0.5, 0], [0.6, 0.2533471031357998], [0.8413447460685429, 1], [0.9, 1.2815515655446008], [0.95, 1.6448536269514715],
    [0.975, 1.9599639845400536], [0.99, 2.3263478740408408], [0.999, 3.090232306167813], [0.9999, 3.7190164854557084],
    [0.01, -2.3263478740408408],
  ]
  for (const [p, z] of table) it(`z(${p}) = ${z}`, () => close(standardNormalQuantile(p), z, 1e-11))

  it('gives the service-level figures of the issue to four decimals', () => {
    assert.equal(standardNormalQuantile(0.95).toFixed(4), '1.6449')
    assert.equal(standardNormalQuantile(0.99).toFixed(4), '2.3263')
    assert.equal(standardNormalQuantile(0.5), 0)
  })

  it('refuses p outside (0, 1) as a bug', () => {
    assert.throws(() => standardNormalQuantile(1), /invariant/)
    assert.throws(() => standardNormalQuantile(0), /invariant/)
  })
})

const smooth: SafetyStockInput = { serviceLevel: 0.95, reviewPeriodDays: 0, leadTimeMeanDays: 9, leadTimeSdDays: 2, demandMeanPerDay: 10, demandSdPerDay: 3 }

describe('safety stock', () => {
  it('d=10, σd=3, L=9, σL=2 at 95%: 1.6449·√(9·9 + 100·4) = 36.0745', () => {
    const ss = safetyStock(smooth)
    assert.equal(ss.method, 'normal')
    close(ss.safetyStockUnits, 36.07445635653977, 1e-9)
    assert.equal(ss.protectionDays, 9)
    assert.ok(ss.method === 'normal')
    assert.equal(ss.terms.demandVarianceUnits2, 81)
    assert.equal(ss.terms.leadTimeVarianceUnits2, 400)
    close(ss.terms.protectionDemandSdUnits, Math.sqrt(481), 1e-12)
    close(ss.z, 1.6448536269514715, 1e-11)
  })

  const table: Array<[string, SafetyStockInput, number, number]> = [
    ['periodic review protects L + R: √(16·9 + 400)', { ...smooth, reviewPeriodDays: 7 }, 38.364249491263394, 16],
    ['no lead-time spread, 99%, L + R = 12: 2.3263·√(12·4)', { serviceLevel: 0.99, reviewPeriodDays: 7, leadTimeMeanDays: 5, leadTimeSdDays: 0, demandMeanPerDay: 20, demandSdPerDay: 2 }, 16.117410855674315, 12],
    ['50% service level needs none', { ...smooth, serviceLevel: 0.5 }, 0, 9],
    ['no spread at all needs none', { ...smooth, demandSdPerDay: 0, leadTimeSdDays: 0 }, 0, 9],
  ]
  for (const [name, input, expected, protectionDays] of table) {
    it(name, () => {
      const ss = safetyStock(input)
      close(ss.safetyStockUnits, expected, 1e-9)
      assert.equal(ss.protectionDays, protectionDays)
    })
  }

  it('intermittent demand: the empirical quantile less the expected demand over L + R, never below 0', () => {
    const above = safetyStock({ ...smooth, reviewPeriodDays: 1, leadTimeDemandQuantileUnits: 130 })
    assert.deepEqual(above, { safetyStockUnits: 30, method: 'empirical', z: null, protectionDays: 10, terms: { leadTimeDemandQuantileUnits: 130, expectedDemandUnits: 100 } })
    assert.equal(safetyStock({ ...smooth, leadTimeDemandQuantileUnits: 80 }).safetyStockUnits, 0)
    assert.equal(safetyStock({ ...smooth, leadTimeDemandQuantileUnits: null }).method, 'normal')
  })

  it('refuses negative or non-finite inputs as a bug', () => {
    assert.throws(() => safetyStock({ ...smooth, demandSdPerDay: -1 }), /demandSdPerDay/)
    assert.throws(() => safetyStock({ ...smooth, leadTimeMeanDays: Number.NaN }), /leadTimeMeanDays/)
    assert.throws(() => safetyStock({ ...smooth, serviceLevel: 1 }), /service level/)
  })

  it('the empirical quantile of demand over the protection interval, from daily history', () => {
    const history = [0, 0, 5, 0, 0, 0, 10, 0, 0, 0] // 3-day window sums: 5 5 5 0 10 10 10 0
    assert.equal(leadTimeDemandQuantile(history, 3, 0.95), 10)
    assert.equal(leadTimeDemandQuantile(history, 3, 0.5), 5)
    assert.equal(leadTimeDemandQuantile(history, 3, 0.25), 0)
    assert.equal(leadTimeDemandQuantile(history, 3, 0.3), 5)
    assert.equal(leadTimeDemandQuantile(history, 2.5, 0.5), 5, 'a fractional day rounds the window up')
    assert.equal(leadTimeDemandQuantile(history, 1, 0.95), 10)
    assert.equal(leadTimeDemandQuantile(history, 11, 0.95), null, 'history shorter than one window')
  })

  it('plans with the scorecard lead time, else the supplier SKU\'s, else the supplier default, these with no spread', () => {
    assert.deepEqual(leadTimeOf({ scorecardMeanDays: 12, scorecardSdDays: 3, supplierSkuLeadTimeDays: 10, supplierDefaultLeadTimeDays: 14 }), { meanDays: 12, sdDays: 3, source: 'scorecard' })
    assert.deepEqual(leadTimeOf({ scorecardMeanDays: 12, scorecardSdDays: null, supplierSkuLeadTimeDays: 10, supplierDefaultLeadTimeDays: 14 }), { meanDays: 10, sdDays: 0, source: 'supplier_sku' })
    assert.deepEqual(leadTimeOf({ scorecardMeanDays: null, scorecardSdDays: null, supplierSkuLeadTimeDays: null, supplierDefaultLeadTimeDays: 14 }), { meanDays: 14, sdDays: 0, source: 'supplier_default' })
  })
})

describe('inventory policy as data', () => {
  it('accepts the default and a min_max policy, as fresh copies of only their fields', () => {
    assert.deepEqual(policyOf(defaultPolicy), { ok: true, value: { serviceLevel: 0.95, method: 'order_up_to', reviewPeriodDays: 7 } })
    const minMax = { serviceLevel: 0.9, method: 'min_max', reviewPeriodDays: 0, minUnits: 20, maxUnits: 100, supplierId: null, autoSend: true }
    const checked = policyOf(minMax)
    assert.deepEqual(checked, { ok: true, value: minMax })
    assert.ok(checked.ok && checked.value !== minMax)
  })

  const refusals: Array<[string, unknown]> = [
    ['policy', 'order_up_to'], ['policy', [defaultPolicy]], ['leadTimeDays', { ...defaultPolicy, leadTimeDays: 9 }],
    ['serviceLevel', { ...defaultPolicy, serviceLevel: 1 }], ['serviceLevel', { ...defaultPolicy, serviceLevel: 0.49 }],
    ['serviceLevel', { ...defaultPolicy, serviceLevel: '0.95' }], ['serviceLevel', { ...defaultPolicy, serviceLevel: Number.NaN }],
    ['serviceLevel', { method: 'order_up_to', reviewPeriodDays: 7 }], ['method', { ...defaultPolicy, method: 'eoq' }],
    ['reviewPeriodDays', { ...defaultPolicy, reviewPeriodDays: -1 }], ['reviewPeriodDays', { ...defaultPolicy, reviewPeriodDays: 1.5 }],
    ['reviewPeriodDays', { ...defaultPolicy, reviewPeriodDays: 366 }], ['minUnits', { ...defaultPolicy, method: 'min_max', maxUnits: 10 }],
    ['maxUnits', { ...defaultPolicy, method: 'min_max', minUnits: 10 }],
    ['maxUnits', { ...defaultPolicy, method: 'min_max', minUnits: 10, maxUnits: 9 }],
    ['minUnits', { ...defaultPolicy, method: 'min_max', minUnits: -1, maxUnits: 9 }], ['minUnits', { ...defaultPolicy, minUnits: 5 }],
    ['maxUnits', { ...defaultPolicy, method: 'reorder_point', maxUnits: 5 }], ['supplierId', { ...defaultPolicy, supplierId: '' }],
    ['supplierId', { ...defaultPolicy, supplierId: 42 }], ['autoSend', { ...defaultPolicy, autoSend: 'yes' }],
  ]
  for (const [field, body] of refusals) {
    it(`refuses ${JSON.stringify(body)} naming ${field}`, () => {
      const result = policyOf(body)
      assert.ok(!result.ok)
      assert.equal(result.code, 'invalid_replenishment_policy')
      assert.deepEqual(result.extra, { field })
      assert.ok(result.detail.startsWith(`${field} `), result.detail)
    })
  }

  it('sets the levels: reorder point and order-up-to are demand over L(+R) plus safety stock; min_max its own', () => {
    const figures = { forecastOverProtectionUnits: 90, safetyStockUnits: 36.5 }
    assert.deepEqual(inventoryLevels({ ...defaultPolicy, method: 'reorder_point' }, figures), { method: 'reorder_point', reorderPointUnits: 126.5 })
    assert.deepEqual(inventoryLevels(defaultPolicy, figures), { method: 'order_up_to', orderUpToUnits: 126.5 })
    assert.deepEqual(inventoryLevels({ ...defaultPolicy, method: 'min_max', minUnits: 5, maxUnits: 50 }, figures), { method: 'min_max', minUnits: 5, maxUnits: 50 })
  })
})

describe('properties of safety stock', () => {
  const level = fc.integer({ min: 5000, max: 9999 }).map((n) => n / 10000)
  const amount = fc.double({ min: 0, max: 1000, noNaN: true })
  const ssInput = fc.record({ serviceLevel: level, reviewPeriodDays: fc.integer({ min: 0, max: 30 }), leadTimeMeanDays: amount, leadTimeSdDays: amount, demandMeanPerDay: amount, demandSdPerDay: amount })
  const ss = (input: SafetyStockInput): number => safetyStock(input).safetyStockUnits

  it('safety stock is ≥ 0 and non-decreasing in service level, σd and σL', async (t) => {
    await assertProperty(t, fc.property(ssInput, level, amount, amount, (input, otherLevel, extraSd, extraLeadSd) => {
      assert.ok(ss(input) >= 0)
      const [low, high] = [Math.min(input.serviceLevel, otherLevel), Math.max(input.serviceLevel, otherLevel)]
      assert.ok(ss({ ...input, serviceLevel: low }) <= ss({ ...input, serviceLevel: high }))
      assert.ok(ss(input) <= ss({ ...input, demandSdPerDay: input.demandSdPerDay + extraSd }))
      assert.ok(ss(input) <= ss({ ...input, leadTimeSdDays: input.leadTimeSdDays + extraLeadSd }))
    }), { numRuns: 300, regressionSeeds: [1, 2] })
  })

  it('no spread gives no safety stock; an empirical one is never negative', async (t) => {
    await assertProperty(t, fc.property(ssInput, amount, (input, quantile) => {
      assert.equal(ss({ ...input, demandSdPerDay: 0, leadTimeSdDays: 0 }), 0)
      assert.ok(ss({ ...input, leadTimeDemandQuantileUnits: quantile }) >= 0)
    }), { numRuns: 200, regressionSeeds: [1] })
  })
})
