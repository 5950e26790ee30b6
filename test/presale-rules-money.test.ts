/**
 * Presale money rules (src/presale/rules.ts), pure: prices, deposit rule sets, deposits, inflation
 * and an order's amounts at the smallest and largest legal values and one beyond, each refusal
 * with its code, its reason and the field or the amounts it names.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  amountsOf, checkDeposit, checkInflation, creditPerUnitOf, maxMoney, maxTiers, possiblePrices, priceAt, validateDeposit, validateDepositRule, validatePricing,
} from '../src/presale/rules.ts'
import type { DepositRule, Inflation, Pricing } from '../src/presale/model.ts'
import type { Failure, Result } from '../src/kernel/result.ts'
import { assertProperty } from './helpers/seeds.ts'

/** A refusal as [code, reason, extra]; 'accepted' when there was none. */
const refusal = (r: Result<unknown> | Failure | undefined) => (r === undefined || r.ok ? 'accepted' : [r.code, r.detail, r.extra])
const tiered = (...t: Array<[fromUnits: number, unitPrice: number]>): Pricing => ({ kind: 'tiered', tiers: t.map(([fromUnits, unitPrice]) => ({ fromUnits, unitPrice })) })

describe('pricing', () => {
  it('accepts a fixed price from 1 to the largest amount, as given', () => {
    for (const unitPrice of [1, maxMoney]) assert.deepEqual(validatePricing({ kind: 'fixed', unitPrice }), { ok: true, value: { kind: 'fixed', unitPrice } })
    assert.equal(maxMoney, 1_000_000_000_000)
  })

  it('accepts up to 20 tiers from 0 units, rising units and falling prices, keeping only their two fields', () => {
    assert.equal(maxTiers, 20)
    const twenty = tiered(...Array.from({ length: 20 }, (_, i): [number, number] => [i * 10, 1000 - i]))
    assert.deepEqual(validatePricing(twenty), { ok: true, value: twenty })
    const noted = { kind: 'tiered' as const, tiers: [{ fromUnits: 0, unitPrice: maxMoney, note: 'early bird' }, { fromUnits: Number.MAX_SAFE_INTEGER, unitPrice: 1 }] }
    assert.deepEqual(validatePricing(noted), { ok: true, value: tiered([0, maxMoney], [Number.MAX_SAFE_INTEGER, 1]) })
    assert.deepEqual(validatePricing(tiered([0, 1])), { ok: true, value: tiered([0, 1]) })
  })

  const refused: Array<[string, Pricing, string, string, string]> = [
    ['a fixed price of 0', { kind: 'fixed', unitPrice: 0 }, 'invalid_pricing', 'unitPrice must be a positive whole amount in minor units.', 'pricing.unitPrice'],
    ['a fixed price above the largest amount', { kind: 'fixed', unitPrice: maxMoney + 1 }, 'invalid_pricing', 'unitPrice must be a positive whole amount in minor units.', 'pricing.unitPrice'],
    ['a fixed price with a fraction', { kind: 'fixed', unitPrice: 99.5 }, 'invalid_pricing', 'unitPrice must be a positive whole amount in minor units.', 'pricing.unitPrice'],
    ['no tiers', tiered(), 'invalid_tiers', 'A tiered price needs 1 to 20 tiers.', 'pricing.tiers'],
    ['tiers that are not a list', { kind: 'tiered', tiers: null as never }, 'invalid_tiers', 'A tiered price needs 1 to 20 tiers.', 'pricing.tiers'],
    ['21 tiers', tiered(...Array.from({ length: 21 }, (_, i): [number, number] => [i, 1000 - i])), 'invalid_tiers', 'A tiered price needs 1 to 20 tiers.', 'pricing.tiers'],
    ['a first tier from 1 unit', tiered([1, 100]), 'invalid_tiers', 'The first tier must start at 0 units.', 'pricing.tiers[0].fromUnits'],
    ['a first tier at no price', tiered([0, 0]), 'invalid_tiers', 'Tier 1: unitPrice must be a positive whole amount.', 'pricing.tiers[0].unitPrice'],
    ['a second tier above the largest amount', tiered([0, 100], [10, maxMoney + 1]), 'invalid_tiers', 'Tier 2: unitPrice must be a positive whole amount.', 'pricing.tiers[1].unitPrice'],
    ['a second tier from a fraction of a unit', tiered([0, 100], [1.5, 90]), 'invalid_tiers', 'Tier 2: fromUnits must be a whole number.', 'pricing.tiers[1].fromUnits'],
    ['a second tier from below 0 units', tiered([0, 100], [-1, 90]), 'invalid_tiers', 'Tier 2: fromUnits must be a whole number.', 'pricing.tiers[1].fromUnits'],
    ['a second tier from as many units as the first', tiered([0, 100], [0, 90]), 'invalid_tiers', 'Tier 2 must start at more units than tier 1.', 'pricing.tiers[1].fromUnits'],
    ['a third tier from fewer units than the second', tiered([0, 100], [10, 90], [9, 80]), 'invalid_tiers', 'Tier 3 must start at more units than tier 2.', 'pricing.tiers[2].fromUnits'],
    ['a second tier at the same price', tiered([0, 100], [10, 100]), 'invalid_tiers', 'Tier 2 must be cheaper than tier 1: more units sold, lower price.', 'pricing.tiers[1].unitPrice'],
    ['a third tier dearer than the second', tiered([0, 100], [10, 90], [20, 95]), 'invalid_tiers', 'Tier 3 must be cheaper than tier 2: more units sold, lower price.', 'pricing.tiers[2].unitPrice'],
  ]
  for (const [name, pricing, code, detail, field] of refused) {
    it(`refuses ${name}`, () => assert.deepEqual(refusal(validatePricing(pricing)), [code, detail, { field }]))
  }

  it('prices at the last tier reached, and can end at any tier price', () => {
    const p = tiered([0, 300], [1, 200], [5, 100])
    assert.deepEqual([0, 1, 4, 5, 6].map((n) => priceAt(p, n)), [300, 200, 200, 100, 100])
    assert.deepEqual(possiblePrices(p), [300, 200, 100])
    assert.deepEqual(possiblePrices({ kind: 'fixed', unitPrice: 700 }), [700])
  })
})

describe('deposit rule sets', () => {
  const accepted: Array<[string, DepositRule & Record<string, unknown>, DepositRule]> = [
    ['1 % in units of 1', { kind: 'whole_amount_max_percent', maxPercent: 1, wholeUnit: 1, extra: true }, { kind: 'whole_amount_max_percent', maxPercent: 1, wholeUnit: 1 }],
    ['100 % in the largest unit', { kind: 'whole_amount_max_percent', maxPercent: 100, wholeUnit: maxMoney }, { kind: 'whole_amount_max_percent', maxPercent: 100, wholeUnit: maxMoney }],
    ['above 0 % and below 1 %', { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 1, minAmountExclusive: null, extra: 1 },
      { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 1, minAmountExclusive: null }],
    ['above 99 % and below 100 %, above 0', { kind: 'percent_range_exclusive', minPercent: 99, maxPercent: 100, minAmountExclusive: 0 },
      { kind: 'percent_range_exclusive', minPercent: 99, maxPercent: 100, minAmountExclusive: 0 }],
    ['above the largest amount', { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: maxMoney },
      { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: maxMoney }],
    ['a fixed 1', { kind: 'fixed', amount: 1, maxPercent: 3 }, { kind: 'fixed', amount: 1 }],
    ['the largest fixed amount', { kind: 'fixed', amount: maxMoney }, { kind: 'fixed', amount: maxMoney }],
  ]
  for (const [name, rule, value] of accepted) it(`accepts ${name}, keeping only its fields`, () => assert.deepEqual(validateDepositRule(rule), { ok: true, value }))

  const range = 'minPercent and maxPercent must be whole percentages with 0 ≤ minPercent < maxPercent ≤ 100.'
  const refused: Array<[string, unknown, string, string]> = [
    ['0 %', { kind: 'whole_amount_max_percent', maxPercent: 0, wholeUnit: 100 }, 'maxPercent must be a whole percentage from 1 to 100.', 'deposit.rule.maxPercent'],
    ['101 %', { kind: 'whole_amount_max_percent', maxPercent: 101, wholeUnit: 100 }, 'maxPercent must be a whole percentage from 1 to 100.', 'deposit.rule.maxPercent'],
    ['a unit of 0', { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 0 }, 'wholeUnit must be a positive whole amount in minor units (100: whole yuan).', 'deposit.rule.wholeUnit'],
    ['a unit above the largest amount', { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: maxMoney + 1 },
      'wholeUnit must be a positive whole amount in minor units (100: whole yuan).', 'deposit.rule.wholeUnit'],
    ['a minimum below 0 %', { kind: 'percent_range_exclusive', minPercent: -1, maxPercent: 50, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a minimum of 100 %', { kind: 'percent_range_exclusive', minPercent: 100, maxPercent: 100, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a maximum of 0 %', { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 0, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a maximum of 101 %', { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 101, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a minimum equal to the maximum', { kind: 'percent_range_exclusive', minPercent: 50, maxPercent: 50, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a minimum above the maximum', { kind: 'percent_range_exclusive', minPercent: 60, maxPercent: 50, minAmountExclusive: null }, range, 'deposit.rule'],
    ['a negative minimum amount', { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: -1 },
      'minAmountExclusive must be a whole amount in minor units, or null.', 'deposit.rule.minAmountExclusive'],
    ['a minimum amount above the largest', { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: maxMoney + 1 },
      'minAmountExclusive must be a whole amount in minor units, or null.', 'deposit.rule.minAmountExclusive'],
    ['a fixed 0', { kind: 'fixed', amount: 0 }, 'amount must be a positive whole amount in minor units.', 'deposit.rule.amount'],
    ['a fixed amount above the largest', { kind: 'fixed', amount: maxMoney + 1 }, 'amount must be a positive whole amount in minor units.', 'deposit.rule.amount'],
    ['an unknown kind', { kind: 'percent' }, 'kind must be whole_amount_max_percent, percent_range_exclusive or fixed.', 'deposit.rule.kind'],
  ]
  for (const [name, rule, detail, field] of refused) {
    it(`refuses ${name}`, () => assert.deepEqual(refusal(validateDepositRule(rule as DepositRule)), ['invalid_deposit_rule', detail, { field }]))
  }
})

describe('deposits', () => {
  const taobao: DepositRule = { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 100 }
  const jd: DepositRule = { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: 1000 }
  const open: DepositRule = { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 100, minAmountExclusive: null }
  const at = (deposit: number, unitPrice: number, more: object = {}) => ({ deposit, unitPrice, ...more })
  const cases: Array<[string, DepositRule, number, number, unknown]> = [
    ['the smallest deposit', open, 1, 2, 'accepted'],
    ['a deposit one below the price', open, maxMoney - 1, maxMoney, 'accepted'],
    ['no deposit', open, 0, 100, ['invalid_deposit', 'The deposit must be a positive whole amount in minor units.', at(0, 100)]],
    ['a deposit above the largest amount', open, maxMoney + 1, maxMoney, ['invalid_deposit', 'The deposit must be a positive whole amount in minor units.', at(maxMoney + 1, maxMoney)]],
    ['a deposit with a fraction', open, 10.5, 100, ['invalid_deposit', 'The deposit must be a positive whole amount in minor units.', at(10.5, 100)]],
    ['the whole price', open, 100, 100, ['deposit_not_below_price', 'A deposit of 1.00 CNY (100) is not below the price 1.00 CNY (100).', at(100, 100)]],
    ['more than the price', taobao, 200, 100, ['deposit_not_below_price', 'A deposit of 2.00 CNY (200) is not below the price 1.00 CNY (100).', at(200, 100)]],
    ['whole yuan up to 20 %', taobao, 2000, 10000, 'accepted'],
    ['not whole yuan', taobao, 1999, 10000, ['deposit_not_whole_amount', 'The deposit must be a whole amount: a multiple of 1.00 CNY (100).', at(1999, 10000)]],
    ['whole yuan above 20 %', taobao, 2100, 10000, ['deposit_above_limit', 'The deposit may be at most 20 % of the price 100.00 CNY (10000).', at(2100, 10000, { maxPercent: 20 })]],
    ['just above the minimum amount and 10 %', jd, 1001, 10000, 'accepted'],
    ['the minimum amount itself', jd, 1000, 5000, ['deposit_below_limit', 'The deposit must be more than 10.00 CNY (1000).', at(1000, 5000, { minAmountExclusive: 1000 })]],
    ['above the minimum amount, 10 % exactly', jd, 1500, 15000, ['deposit_below_limit', 'The deposit must be more than 10 % of the price 150.00 CNY (15000).', at(1500, 15000, { minPercent: 10 })]],
    ['above 10 %, just below 50 %', jd, 4999, 10000, 'accepted'],
    ['50 % exactly', jd, 5000, 10000, ['deposit_above_limit', 'The deposit must be less than 50 % of the price 100.00 CNY (10000).', at(5000, 10000, { maxPercent: 50 })]],
    ['the fixed amount', { kind: 'fixed', amount: 500 }, 500, 501, 'accepted'],
    ['one more than the fixed amount', { kind: 'fixed', amount: 500 }, 501, 10000, ['deposit_not_fixed_amount', 'This rule set takes a deposit of exactly 5.00 CNY (500).', at(501, 10000, { amount: 500 })]],
    ['one less than the fixed amount', { kind: 'fixed', amount: 500 }, 499, 10000, ['deposit_not_fixed_amount', 'This rule set takes a deposit of exactly 5.00 CNY (500).', at(499, 10000, { amount: 500 })]],
  ]
  for (const [name, rule, deposit, price, expected] of cases) {
    it(`${name}: ${typeof expected === 'string' ? expected : (expected as string[])[0]}`, () => assert.deepEqual(refusal(checkDeposit(rule, deposit, price, 'CNY')), expected))
  }

  it('decides every percentage limit exactly: deposit × 100 against percent × price', async (t) => {
    await assertProperty(t, fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 2, max: 10_000_000 }), fc.integer({ min: -3, max: 3 }), (percent, price, off) => {
      // The deposit at the limit exactly when percent × price is whole; just off it otherwise.
      const deposit = Math.floor((percent * price) / 100) + off
      fc.pre(deposit >= 1 && deposit < price)
      const atMost = checkDeposit({ kind: 'whole_amount_max_percent', maxPercent: percent, wholeUnit: 1 }, deposit, price, 'CNY')
      assert.equal(atMost?.code, deposit * 100 <= percent * price ? undefined : 'deposit_above_limit')
      const below = checkDeposit({ kind: 'percent_range_exclusive', minPercent: 0, maxPercent: percent, minAmountExclusive: null }, deposit, price, 'CNY')
      assert.equal(below?.code, deposit * 100 < percent * price ? undefined : 'deposit_above_limit')
      const above = checkDeposit({ kind: 'percent_range_exclusive', minPercent: percent, maxPercent: 100, minAmountExclusive: null }, deposit, price, 'CNY')
      assert.equal(above?.code, deposit * 100 > percent * price ? undefined : 'deposit_below_limit')
    }), { numRuns: 500 })
  })
})

describe('deposit inflation', () => {
  const factor = 'factor must be from 1 to 10 with at most two decimals (1.5: a deposit of 10 counts as 15).'
  const credit = 'creditPerUnit must be a positive whole amount in minor units.'
  const cases: Array<[string, Inflation | null, number, number[], unknown]> = [
    ['none: the deposit counts as paid', null, 1000, [1000, 2000], 'accepted'],
    ['a factor of 1', { kind: 'multiplier', factor: 1 }, 1000, [1001], 'accepted'],
    ['a factor of 10', { kind: 'multiplier', factor: 10 }, 1000, [10_000], 'accepted'],
    ['a factor in hundredths', { kind: 'multiplier', factor: 1.23 }, 1000, [1230], 'accepted'],
    ['a factor below 1', { kind: 'multiplier', factor: 0.99 }, 1000, [5000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['a factor above 10', { kind: 'multiplier', factor: 10.01 }, 1000, [50_000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['a factor in thousandths', { kind: 'multiplier', factor: 1.005 }, 1000, [5000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['a factor given as text', { kind: 'multiplier', factor: '1.5' as never }, 1000, [5000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['an endless factor', { kind: 'multiplier', factor: Number.POSITIVE_INFINITY }, 1000, [5000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['a factor of NaN', { kind: 'multiplier', factor: Number.NaN }, 1000, [5000], ['invalid_inflation', factor, { field: 'deposit.inflation.factor' }]],
    ['a credit of 0', { kind: 'credit', creditPerUnit: 0 }, 1000, [5000], ['invalid_inflation', credit, { field: 'deposit.inflation.creditPerUnit' }]],
    ['a credit above the largest amount', { kind: 'credit', creditPerUnit: maxMoney + 1 }, 1000, [maxMoney], ['invalid_inflation', credit, { field: 'deposit.inflation.creditPerUnit' }]],
    ['a credit of the deposit', { kind: 'credit', creditPerUnit: 1000 }, 1000, [1000], 'accepted'],
    ['a credit below the deposit', { kind: 'credit', creditPerUnit: 999 }, 1000, [5000],
      ['deposit_credit_below_deposit', 'The deposit would count for 9.99 CNY (999), less than the 10.00 CNY (1000) paid.', { deposit: 1000, credit: 999 }]],
    ['a credit above the lowest price', { kind: 'credit', creditPerUnit: 9000 }, 1000, [10_000, 8000, 9500],
      ['deposit_credit_above_price', 'The deposit would count for 90.00 CNY (9000), more than the lowest price the campaign can end at (80.00 CNY (8000)).', { deposit: 1000, credit: 9000, unitPrice: 8000 }]],
    ['a factor counting above the price', { kind: 'multiplier', factor: 2 }, 1000, [1999],
      ['deposit_credit_above_price', 'The deposit would count for 20.00 CNY (2000), more than the lowest price the campaign can end at (19.99 CNY (1999)).', { deposit: 1000, credit: 2000, unitPrice: 1999 }]],
  ]
  for (const [name, inflation, deposit, prices, expected] of cases) {
    it(name, () => assert.deepEqual(refusal(checkInflation(inflation, deposit, prices, 'CNY')), expected))
  }

  it('counts a multiplied deposit in whole minor units, rounded down', () => {
    assert.deepEqual([1, 999, 1000].map((d) => creditPerUnitOf({ kind: 'multiplier', factor: 1.01 }, d)), [1, 1008, 1010])
    assert.equal(creditPerUnitOf({ kind: 'multiplier', factor: 10 }, maxMoney / 10), maxMoney)
    assert.equal(creditPerUnitOf({ kind: 'credit', creditPerUnit: 7 }, 5), 7)
  })
})

describe('deposit terms and an order’s amounts', () => {
  const taobao: DepositRule = { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 100 }
  it('checks the rule set first, then needs a deposit, then checks it against each price, then the inflation', () => {
    const price: Pricing = { kind: 'fixed', unitPrice: 10_000 }
    assert.deepEqual(refusal(validateDeposit({ perUnit: 100, rule: { kind: 'fixed', amount: 0 }, inflation: null }, price, 'CNY')),
      ['invalid_deposit_rule', 'amount must be a positive whole amount in minor units.', { field: 'deposit.rule.amount' }])
    assert.deepEqual(refusal(validateDeposit({ perUnit: null, rule: taobao, inflation: null }, price, 'CNY')),
      ['deposit_required', 'Give deposit.perUnit (only a fixed rule set supplies the amount itself).', { field: 'deposit.perUnit' }])
    assert.deepEqual(refusal(validateDeposit({ perUnit: 3000, rule: taobao, inflation: null }, tiered([0, 20_000], [10, 10_000]), 'CNY')),
      ['deposit_above_limit', 'The deposit may be at most 20 % of the price 100.00 CNY (10000).', { deposit: 3000, unitPrice: 10_000, maxPercent: 20 }])
    assert.deepEqual(refusal(validateDeposit({ perUnit: 2000, rule: taobao, inflation: { kind: 'credit', creditPerUnit: 1999 } }, price, 'CNY')),
      ['deposit_credit_below_deposit', 'The deposit would count for 19.99 CNY (1999), less than the 20.00 CNY (2000) paid.', { deposit: 2000, credit: 1999 }])
    assert.deepEqual(validateDeposit({ perUnit: 2000, rule: { ...taobao, note: 'x' } as DepositRule, inflation: { kind: 'credit', creditPerUnit: 2500 } }, price, 'CNY'),
      { ok: true, value: { perUnit: 2000, rule: taobao, inflation: { kind: 'credit', creditPerUnit: 2500 } } })
  })

  it('takes a fixed rule set’s amount unless one is given, and checks a given one', () => {
    const fixed: DepositRule = { kind: 'fixed', amount: 500 }
    const price: Pricing = { kind: 'fixed', unitPrice: 10_000 }
    assert.deepEqual(validateDeposit({ perUnit: null, rule: fixed, inflation: null }, price, 'CNY'), { ok: true, value: { perUnit: 500, rule: fixed, inflation: null } })
    assert.deepEqual(refusal(validateDeposit({ perUnit: 600, rule: fixed, inflation: null }, price, 'CNY')),
      ['deposit_not_fixed_amount', 'This rule set takes a deposit of exactly 5.00 CNY (500).', { deposit: 600, unitPrice: 10_000, amount: 500 }])
  })

  it('never lets the deposit count for more than the order costs', () => {
    const terms = { perUnit: 1000, rule: { kind: 'fixed', amount: 1000 } as DepositRule, inflation: { kind: 'credit', creditPerUnit: 1500 } as Inflation }
    assert.deepEqual(amountsOf(terms, 1200, 2), { total: 2400, deposit: 2000, depositCredit: 2400, balance: 0 })
    assert.deepEqual(amountsOf(terms, 1600, 3), { total: 4800, deposit: 3000, depositCredit: 4500, balance: 300 })
    assert.deepEqual(amountsOf({ ...terms, inflation: null }, 1000, 1), { total: 1000, deposit: 1000, depositCredit: 1000, balance: 0 })
  })
})
