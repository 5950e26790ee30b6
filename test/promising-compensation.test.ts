/** The compensation policy as data: validation and amounts table-tested (pure), and the admin route on both stores. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { compensationFor, decideCompensationPolicy, owedFor, unknownDaysLate, type CompensationPolicy } from '../src/promising/compensation.ts'
import { moneyText } from '../src/repromising/delays.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { seedWorld } from './helpers/fixtures.ts'
import { storeKinds } from '../src/store/testing.ts'
import { statusOf } from '../src/http/problem-status.ts'

const coupon: CompensationPolicy = { kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000, graceDays: 0 }
const coupon2Grace: CompensationPolicy = { kind: 'coupon_per_day_late', perDayMinor: 300, capMinor: 1000, graceDays: 2 }
const percent: CompensationPolicy = { kind: 'percent_of_line_per_day', percentPerDay: 1.5, capPercent: 10, graceDays: 0 }

describe('compensation policy (pure)', () => {
  it('owes by days late, beyond the grace days, up to the cap; an unknown date owes the cap', () => {
    const table: Array<[CompensationPolicy, number, number, number]> = [
      // policy, days late, line amount, owed
      [coupon, 0, 10_000, 0],
      [coupon, -3, 10_000, 0],
      [coupon, 1, 10_000, 500],
      [coupon, 7, 10_000, 3500],
      [coupon, 10, 10_000, 5000],
      [coupon, 11, 10_000, 5000],
      [coupon, unknownDaysLate, 10_000, 5000],
      [coupon2Grace, 2, 0, 0],
      [coupon2Grace, 3, 0, 300],
      [coupon2Grace, 5, 0, 900],
      [coupon2Grace, 6, 0, 1000],
      [percent, 1, 10_000, 150],
      [percent, 2, 1_999, 60], // 3 % of 19.99 = 0.5997 → 0.60
      [percent, 1, 1_001, 15], // 1.5 % of 10.01 = 0.15015 → 0.15
      [percent, 1, 1_000, 15], // exactly 0.15
      [percent, 1, 100, 2], // 1.5 → rounded half up
      [percent, 7, 10_000, 1000], // 10.5 % capped at 10 %
      [percent, unknownDaysLate, 19_900, 1990],
      [{ kind: 'none' }, 30, 10_000, 0],
      [{ kind: 'none' }, unknownDaysLate, 10_000, 0],
    ]
    for (const [policy, days, amount, owed] of table) assert.equal(owedFor(policy, days, amount), owed, `${JSON.stringify(policy)} ${days} days, line ${amount}`)
  })

  it('grants a delay what the lateness now owes less what earlier delays already covered', () => {
    const table: Array<[CompensationPolicy, number, number, { kind: string; amountMinor: number }]> = [
      // policy, days late now, days already compensated, granted
      [coupon, 5, 0, { kind: 'coupon', amountMinor: 2500 }],
      [coupon, 8, 5, { kind: 'coupon', amountMinor: 1500 }],
      [coupon, 8, 8, { kind: 'none', amountMinor: 0 }],
      [coupon, 3, 8, { kind: 'none', amountMinor: 0 }], // improved, then slipped back: already covered
      [coupon, 20, 8, { kind: 'coupon', amountMinor: 1000 }],
      [coupon, unknownDaysLate, 4, { kind: 'coupon', amountMinor: 3000 }],
      [coupon, 30, unknownDaysLate, { kind: 'none', amountMinor: 0 }],
      [coupon2Grace, 4, 0, { kind: 'coupon', amountMinor: 600 }],
    ]
    for (const [policy, days, covered, granted] of table) {
      const c = compensationFor(policy, { daysLate: days, compensatedDaysLate: covered, lineAmountMinor: 10_000, currency: 'CNY' })
      assert.deepEqual(c, { ...granted, currency: 'CNY', policy: policy.kind }, `${days} days late, ${covered} covered`)
    }
  })

  it('accepts only well-formed policies, with a reason for each refusal', () => {
    const accepted: Array<[unknown, CompensationPolicy]> = [
      [{ kind: 'none' }, { kind: 'none' }],
      [{ kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000 }, coupon],
      [{ kind: 'coupon_per_day_late', perDayMinor: 300, capMinor: 1000, graceDays: 2 }, coupon2Grace],
      [{ kind: 'percent_of_line_per_day', percentPerDay: 1.5, capPercent: 10 }, percent],
      [{ kind: 'percent_of_line_per_day', percentPerDay: 0.25, capPercent: 0, graceDays: 365 }, { kind: 'percent_of_line_per_day', percentPerDay: 0.25, capPercent: 0, graceDays: 365 }],
    ]
    for (const [input, policy] of accepted) assert.deepEqual(decideCompensationPolicy(input), { ok: true, value: policy }, JSON.stringify(input))
    const refused: Array<[unknown, string]> = [
      [null, 'The policy must be an object with a kind.'],
      [{ kind: 'toString' }, 'kind must be one of none, coupon_per_day_late, percent_of_line_per_day.'],
      [{ kind: 'cash' }, 'kind must be one of none, coupon_per_day_late, percent_of_line_per_day.'],
      [{ kind: 'none', capMinor: 5 }, 'A none policy has no capMinor.'],
      [{ kind: 'coupon_per_day_late', perDayMinor: 0, capMinor: 10 }, 'perDayMinor must be a whole amount in minor units from 1 to 1000000000.'],
      [{ kind: 'coupon_per_day_late', perDayMinor: 1.5, capMinor: 10 }, 'perDayMinor must be a whole amount in minor units from 1 to 1000000000.'],
      [{ kind: 'coupon_per_day_late', perDayMinor: 5 }, 'capMinor must be a whole amount in minor units from 0 to 1000000000.'],
      [{ kind: 'coupon_per_day_late', perDayMinor: 5, capMinor: 10, graceDays: -1 }, 'graceDays must be a whole number of days from 0 to 365.'],
      [{ kind: 'coupon_per_day_late', perDayMinor: 5, capMinor: 10, percentPerDay: 1 }, 'A coupon_per_day_late policy has no percentPerDay.'],
      [{ kind: 'percent_of_line_per_day', percentPerDay: 0.125, capPercent: 10 }, 'percentPerDay must be from 0.01 to 100, in hundredths of a percent at most.'],
      [{ kind: 'percent_of_line_per_day', percentPerDay: 1, capPercent: 101 }, 'capPercent must be from 0 to 100, in hundredths of a percent at most.'],
    ]
    for (const [input, detail] of refused) {
      const r = decideCompensationPolicy(input)
      assert.deepEqual(r.ok ? 'accepted' : [r.code, statusOf(r.code), r.detail], ['invalid_compensation_policy', 422, detail], JSON.stringify(input))
    }
  })

  it('writes money in the currency’s minor units', () => {
    assert.deepEqual([moneyText(2500, 'CNY'), moneyText(5, 'EUR'), moneyText(1200, 'JPY'), moneyText(1234, 'KWD'), moneyText(0, 'USD')],
      ['25.00 CNY', '0.05 EUR', '1200 JPY', '1.234 KWD', '0.00 USD'])
  })
})

for (const kind of await storeKinds()) {
  describe(`compensation policy over HTTP (${kind})`, () => {
    let t: TestApp
    let admin: { authorization: string }
    before(async () => {
      t = await startTestApp(kind)
      admin = (await seedWorld(t)).admin
    })
    after(() => t.close())

    it('reads the default, sets a valid policy, refuses a bad one unchanged, and only admins write', async () => {
      const call = requester(t)
      assert.deepEqual((await call('GET', '/v1/compensation-policy', admin)).json(), coupon)
      const set = { kind: 'percent_of_line_per_day', percentPerDay: 1.5, capPercent: 10, graceDays: 1 }
      assert.deepEqual((await call('PUT', '/v1/compensation-policy', admin, set)).json(), set)
      const ops = await t.auth('ops')
      assert.deepEqual((await call('GET', '/v1/compensation-policy', ops)).json(), set)

      const bad = (await call('PUT', '/v1/compensation-policy', admin, { kind: 'coupon_per_day_late', perDayMinor: 0, capMinor: 100 }, 422)).json()
      assert.deepEqual([bad.code, bad.detail], ['invalid_compensation_policy', 'perDayMinor must be a whole amount in minor units from 1 to 1000000000.'])
      const unknownField = (await call('PUT', '/v1/compensation-policy', admin, { kind: 'none', coupon: true }, 400)).json()
      assert.equal(unknownField.code, 'invalid_request')
      assert.equal((await call('PUT', '/v1/compensation-policy', ops, { kind: 'none' }, 403)).json().code, 'forbidden')
      assert.equal((await call('GET', '/v1/compensation-policy', await t.auth('channel:web'), undefined, 403)).json().code, 'forbidden')
      assert.deepEqual((await call('GET', '/v1/compensation-policy', admin)).json(), set, 'refusals changed nothing')
    })
  })
}
