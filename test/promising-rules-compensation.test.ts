/**
 * Late-delivery compensation rules (src/promising/compensation.ts), pure: the smallest and largest
 * legal value of every policy field and the first illegal one beyond each, what arrives when the
 * input is not a policy at all, the grace days of both policy kinds, and properties of what
 * successive delays of one line grant.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  compensationFor, compensationKinds, decideCompensationPolicy, defaultCompensationPolicy, owedFor, unknownDaysLate, type CompensationPolicy,
} from '../src/promising/compensation.ts'
import { assertProperty } from './helpers/seeds.ts'

const policyArb: fc.Arbitrary<CompensationPolicy> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('coupon_per_day_late' as const), perDayMinor: fc.integer({ min: 1, max: 100_000 }), capMinor: fc.integer({ min: 0, max: 10_000_000 }), graceDays: fc.integer({ min: 0, max: 365 }) }),
  fc.record({
    kind: fc.constant('percent_of_line_per_day' as const), percentPerDay: fc.integer({ min: 1, max: 10_000 }).map((h) => h / 100),
    capPercent: fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), graceDays: fc.integer({ min: 0, max: 365 }),
  }),
)

/** A refusal as its code and the reason given to the merchant; 'accepted' when it was not refused. */
const refusal = (r: ReturnType<typeof decideCompensationPolicy>) => (r.ok ? 'accepted' : [r.code, r.detail])
const kindsText = 'kind must be one of none, coupon_per_day_late, percent_of_line_per_day.'
const perDayText = 'perDayMinor must be a whole amount in minor units from 1 to 1000000000.'
const capMinorText = 'capMinor must be a whole amount in minor units from 0 to 1000000000.'
const graceText = 'graceDays must be a whole number of days from 0 to 365.'
const percentPerDayText = 'percentPerDay must be from 0.01 to 100, in hundredths of a percent at most.'
const capPercentText = 'capPercent must be from 0 to 100, in hundredths of a percent at most.'

describe('compensation policy: legal limits', () => {
  it('is 5.00 per day late, at most 50.00, from the first day, until a shop sets its own', () => {
    assert.deepEqual(defaultCompensationPolicy, { kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000, graceDays: 0 })
    assert.deepEqual([...compensationKinds], ['none', 'coupon_per_day_late', 'percent_of_line_per_day'])
  })

  const coupon = (over: Record<string, unknown>) => ({ kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000, ...over })
  const percent = (over: Record<string, unknown>) => ({ kind: 'percent_of_line_per_day', percentPerDay: 1, capPercent: 10, ...over })

  const accepted: Array<[string, Record<string, unknown>, CompensationPolicy]> = [
    ['the smallest coupon per day, no cap at all, no grace', coupon({ perDayMinor: 1, capMinor: 0, graceDays: 0 }),
      { kind: 'coupon_per_day_late', perDayMinor: 1, capMinor: 0, graceDays: 0 }],
    ['the largest coupon per day and cap, a year of grace', coupon({ perDayMinor: 1_000_000_000, capMinor: 1_000_000_000, graceDays: 365 }),
      { kind: 'coupon_per_day_late', perDayMinor: 1_000_000_000, capMinor: 1_000_000_000, graceDays: 365 }],
    ['the smallest percentage per day, no cap', percent({ percentPerDay: 0.01, capPercent: 0 }),
      { kind: 'percent_of_line_per_day', percentPerDay: 0.01, capPercent: 0, graceDays: 0 }],
    ['the whole line per day and as the cap, a year of grace', percent({ percentPerDay: 100, capPercent: 100, graceDays: 365 }),
      { kind: 'percent_of_line_per_day', percentPerDay: 100, capPercent: 100, graceDays: 365 }],
    ['percentages in hundredths', percent({ percentPerDay: 99.99, capPercent: 0.01, graceDays: 1 }),
      { kind: 'percent_of_line_per_day', percentPerDay: 99.99, capPercent: 0.01, graceDays: 1 }],
  ]
  for (const [name, input, policy] of accepted) {
    it(`accepts ${name}`, () => assert.deepEqual(decideCompensationPolicy(input), { ok: true, value: policy }))
  }

  const refused: Array<[string, unknown, string]> = [
    ['a coupon per day above the largest amount', coupon({ perDayMinor: 1_000_000_001 }), perDayText],
    ['a coupon per day given as text', coupon({ perDayMinor: '500' }), perDayText],
    ['a negative cap', coupon({ capMinor: -1 }), capMinorText],
    ['a cap above the largest amount', coupon({ capMinor: 1_000_000_001 }), capMinorText],
    ['a cap with a fraction', coupon({ capMinor: 10.5 }), capMinorText],
    ['negative grace days on a coupon', coupon({ graceDays: -1 }), graceText],
    ['more than a year of grace on a coupon', coupon({ graceDays: 366 }), graceText],
    ['grace days with a fraction', coupon({ graceDays: 0.5 }), graceText],
    ['no percentage per day', percent({ percentPerDay: 0 }), percentPerDayText],
    ['less than a hundredth of a percent per day', percent({ percentPerDay: 0.009 }), percentPerDayText],
    ['more than the whole line per day', percent({ percentPerDay: 100.01 }), percentPerDayText],
    ['a percentage per day given as text', percent({ percentPerDay: '5' }), percentPerDayText],
    ['an endless percentage per day', percent({ percentPerDay: Number.POSITIVE_INFINITY }), percentPerDayText],
    ['NaN per day', percent({ percentPerDay: Number.NaN }), percentPerDayText],
    ['a negative cap percentage', percent({ capPercent: -0.01 }), capPercentText],
    ['a cap percentage above the whole line', percent({ capPercent: 100.01 }), capPercentText],
    ['a cap percentage of null', percent({ capPercent: null }), capPercentText],
    ['a cap percentage given as text', percent({ capPercent: '10' }), capPercentText],
    ['a cap percentage in thousandths', percent({ capPercent: 10.005 }), capPercentText],
    ['negative grace days on a percentage', percent({ graceDays: -1 }), graceText],
    ['more than a year of grace on a percentage', percent({ graceDays: 366 }), graceText],
    ['grace days given as text on a percentage', percent({ graceDays: '2' }), graceText],
  ]
  for (const [name, input, detail] of refused) {
    it(`refuses ${name}`, () => assert.deepEqual(refusal(decideCompensationPolicy(input)), ['invalid_compensation_policy', detail]))
  }
})

describe('compensation policy: input that is not a policy', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a bare kind', 'none', 'The policy must be an object with a kind.'],
    ['a number', 42, 'The policy must be an object with a kind.'],
    ['nothing', undefined, 'The policy must be an object with a kind.'],
    ['a list', [], kindsText],
    ['no kind', { perDayMinor: 5 }, kindsText],
    ['a numeric kind', { kind: 1 }, kindsText],
    ['a kind in a list (which a key lookup would read as its text)', { kind: ['none'], capMinor: 5 }, kindsText],
    ['an inherited property as the kind', { kind: 'constructor' }, kindsText],
    ['fields of the other kind', { kind: 'none', capMinor: 5, graceDays: 1 }, 'A none policy has no capMinor, graceDays.'],
    ['a coupon with a percentage cap', { kind: 'coupon_per_day_late', perDayMinor: 5, capMinor: 10, capPercent: 5 }, 'A coupon_per_day_late policy has no capPercent.'],
    ['a percentage with a coupon amount', { kind: 'percent_of_line_per_day', percentPerDay: 1, capPercent: 10, perDayMinor: 5 }, 'A percent_of_line_per_day policy has no perDayMinor.'],
  ]
  for (const [name, input, detail] of cases) {
    it(`refuses ${name}`, () => assert.deepEqual(refusal(decideCompensationPolicy(input)), ['invalid_compensation_policy', detail]))
  }
})

describe('compensation owed', () => {
  it('counts days late beyond the grace days for both kinds of policy', () => {
    const coupon: CompensationPolicy = { kind: 'coupon_per_day_late', perDayMinor: 250, capMinor: 100_000, graceDays: 3 }
    const percent: CompensationPolicy = { kind: 'percent_of_line_per_day', percentPerDay: 2, capPercent: 50, graceDays: 3 }
    const table: Array<[CompensationPolicy, number, number]> = [
      // policy, days late, owed on a line of 100.00
      [coupon, 3, 0], [coupon, 4, 250], [coupon, 10, 1750],
      [percent, 2, 0], [percent, 3, 0], [percent, 4, 200], [percent, 10, 1400], [percent, 40, 5000],
    ]
    for (const [policy, days, owed] of table) assert.equal(owedFor(policy, days, 10_000), owed, `${policy.kind}, ${days} days late`)
  })

  it('rounds basis points of the line half up, at the smallest and largest amounts', () => {
    const hundredth: CompensationPolicy = { kind: 'percent_of_line_per_day', percentPerDay: 0.01, capPercent: 100, graceDays: 0 }
    const whole: CompensationPolicy = { kind: 'percent_of_line_per_day', percentPerDay: 100, capPercent: 100, graceDays: 0 }
    assert.equal(owedFor(hundredth, 1, 1), 0, '0.0001 of a minor unit')
    assert.equal(owedFor(hundredth, 1, 5_000), 1, '0.5 rounds up')
    assert.equal(owedFor(hundredth, 1, 4_999), 0, '0.4999 rounds down')
    assert.equal(owedFor(whole, 1, 1_000_000_000), 1_000_000_000)
    assert.equal(owedFor(whole, unknownDaysLate, 1), 1)
    assert.equal(owedFor({ ...whole, capPercent: 0 }, 30, 1_000_000_000), 0, 'a cap of 0 owes nothing')
  })

  it('never owes more than the cap, more for more days late, and the cap when the date is unknown', async (t) => {
    await assertProperty(t, fc.property(policyArb, fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 }), fc.integer({ min: 0, max: 10_000_000 }),
      (policy, a, b, amount) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        const cap = owedFor(policy, unknownDaysLate, amount)
        assert.ok(owedFor(policy, early, amount) <= owedFor(policy, late, amount), 'more days late never owe less')
        assert.ok(owedFor(policy, late, amount) <= cap, 'never more than the cap')
        assert.equal(owedFor(policy, policy.kind === 'none' ? late : policy.graceDays, amount), 0, 'nothing within the grace days')
        assert.equal(cap, policy.kind === 'none' ? 0 : policy.kind === 'coupon_per_day_late' ? policy.capMinor : Math.floor((amount * Math.round(policy.capPercent * 100) + 5000) / 10_000))
      }), { numRuns: 500 })
  })

  it('grants over successive delays of a line, in all, what its greatest lateness owes', async (t) => {
    await assertProperty(t, fc.property(policyArb, fc.array(fc.option(fc.integer({ min: -3, max: 120 }), { nil: null }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1_000_000 }),
      (policy, delays, amount) => {
        let covered = 0
        let granted = 0
        for (const d of delays) {
          const daysLate = d ?? unknownDaysLate
          const c = compensationFor(policy, { daysLate, compensatedDaysLate: covered, lineAmountMinor: amount, currency: 'EUR' })
          assert.equal(c.kind, c.amountMinor > 0 ? 'coupon' : 'none')
          assert.deepEqual([c.currency, c.policy], ['EUR', policy.kind])
          assert.ok(c.amountMinor >= 0)
          granted += c.amountMinor
          covered = Math.max(covered, daysLate)
        }
        assert.equal(granted, owedFor(policy, covered, amount))
      }), { numRuns: 500 })
  })
})
