/**
 * Presale ship dates, balance window and merchant-fault compensation (src/presale/rules.ts), pure:
 * each ship-date mode at its edges (the campaign's last day, 0 and 365 days, a one-day range),
 * the day each mode promises, and compensation at its smallest and largest values.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { balanceWindowOf, compensationOf, maxMoney, promisedShipDay, shipDayAfterBalance, slotDayOf, validateCompensation, validateShipDate } from '../src/presale/rules.ts'
import type { CompensationRule, ShipDate } from '../src/presale/model.ts'
import type { Failure, Result } from '../src/kernel/result.ts'

const day = (d: string) => Date.parse(`${d}T00:00:00Z`)
const hour = 3_600_000
const refusal = (r: Result<unknown> | Failure) => (r.ok ? 'accepted' : [r.code, r.detail, r.extra])

describe('ship dates', () => {
  // The campaign ends in the afternoon of 20 November: that day is the first a ship date may name.
  const endsAt = day('2026-11-20') + 15 * hour
  const accepted: Array<[string, ShipDate]> = [
    ['a fixed day on the day the campaign ends', { mode: 'fixed', dayMs: day('2026-11-20') }],
    ['0 days after the balance', { mode: 'after_balance', days: 0 }],
    ['365 days after the balance', { mode: 'after_balance', days: 365 }],
    ['a one-day range on the day the campaign ends', { mode: 'customer_chosen', earliestMs: day('2026-11-20'), latestMs: day('2026-11-20') }],
  ]
  for (const [name, s] of accepted) it(`accepts ${name}`, () => assert.deepEqual(validateShipDate(s, endsAt), { ok: true, value: s }))

  const refused: Array<[string, ShipDate, string, string, string]> = [
    ['a fixed day before the campaign ends', { mode: 'fixed', dayMs: day('2026-11-19') },
      'ship_date_before_end', 'The ship day may not be before the campaign ends.', 'shipDate.day'],
    ['a fixed day one millisecond before the campaign’s last day', { mode: 'fixed', dayMs: day('2026-11-20') - 1 },
      'ship_date_before_end', 'The ship day may not be before the campaign ends.', 'shipDate.day'],
    ['a negative number of days', { mode: 'after_balance', days: -1 }, 'invalid_ship_date', 'days must be a whole number from 0 to 365.', 'shipDate.days'],
    ['366 days', { mode: 'after_balance', days: 366 }, 'invalid_ship_date', 'days must be a whole number from 0 to 365.', 'shipDate.days'],
    ['half a day', { mode: 'after_balance', days: 0.5 }, 'invalid_ship_date', 'days must be a whole number from 0 to 365.', 'shipDate.days'],
    ['a range starting before the campaign ends', { mode: 'customer_chosen', earliestMs: day('2026-11-19'), latestMs: day('2026-12-01') },
      'ship_date_before_end', 'The earliest ship day may not be before the campaign ends.', 'shipDate.earliest'],
    ['a range ending before it starts', { mode: 'customer_chosen', earliestMs: day('2026-11-22'), latestMs: day('2026-11-21') },
      'invalid_ship_date', 'latest must be on or after earliest.', 'shipDate.latest'],
    ['an unknown mode', { mode: 'asap' } as never, 'invalid_ship_date', 'mode must be fixed, after_balance or customer_chosen.', 'shipDate.mode'],
  ]
  for (const [name, s, code, detail, field] of refused) {
    it(`refuses ${name}`, () => assert.deepEqual(refusal(validateShipDate(s, endsAt)), [code, detail, { field }]))
  }
})

describe('the day promised', () => {
  // The balance is due by 10:00 on 25 November.
  const balanceBy = day('2026-11-25') + 10 * hour
  const fixed: ShipDate = { mode: 'fixed', dayMs: day('2026-12-01') }
  const afterBalance: ShipDate = { mode: 'after_balance', days: 3 }
  const chosen: ShipDate = { mode: 'customer_chosen', earliestMs: day('2026-12-01'), latestMs: day('2026-12-05') }

  it('dates the quota’s slot: the fixed day, the balance deadline’s day plus the days, or the latest day choosable', () => {
    assert.deepEqual([slotDayOf(fixed, balanceBy), slotDayOf(afterBalance, balanceBy), slotDayOf(chosen, balanceBy)], [day('2026-12-01'), day('2026-11-28'), day('2026-12-05')])
    assert.equal(slotDayOf({ mode: 'after_balance', days: 0 }, balanceBy), day('2026-11-25'))
  })

  it('promises the slot’s day where the mode has no choice, and the day chosen within the range', () => {
    assert.deepEqual(promisedShipDay(fixed, balanceBy, null), { ok: true, value: day('2026-12-01') })
    assert.deepEqual(promisedShipDay(afterBalance, balanceBy, null), { ok: true, value: day('2026-11-28') })
    for (const d of ['2026-12-01', '2026-12-03', '2026-12-05']) assert.deepEqual(promisedShipDay(chosen, balanceBy, day(d)), { ok: true, value: day(d) })
  })

  it('refuses a day where the mode has none, none where it needs one, and one out of range', () => {
    assert.deepEqual(refusal(promisedShipDay(fixed, balanceBy, day('2026-12-01'))),
      ['ship_date_not_choosable', 'This campaign ships on a fixed day; do not send shipDate.', undefined])
    assert.deepEqual(refusal(promisedShipDay(afterBalance, balanceBy, day('2026-12-01'))),
      ['ship_date_not_choosable', 'This campaign ships 3 days after the balance is paid; do not send shipDate.', undefined])
    assert.deepEqual(refusal(promisedShipDay(chosen, balanceBy, null)),
      ['ship_date_required', 'This campaign lets the customer choose the ship day: send shipDate.', undefined])
    const range = { earliest: '2026-12-01', latest: '2026-12-05' }
    assert.deepEqual(refusal(promisedShipDay(chosen, balanceBy, day('2026-12-01') - 1)), ['ship_date_out_of_range', 'The chosen ship day is outside the campaign’s range.', range])
    assert.deepEqual(refusal(promisedShipDay(chosen, balanceBy, day('2026-12-05') + 1)), ['ship_date_out_of_range', 'The chosen ship day is outside the campaign’s range.', range])
  })

  it('ships after the balance from the day it was paid', () => {
    assert.equal(shipDayAfterBalance(0, day('2026-11-21') + 23 * hour), day('2026-11-21'))
    assert.equal(shipDayAfterBalance(365, day('2026-11-21')), day('2027-11-21'))
  })

  it('opens the balance window when the campaign ends, for its hours', () => {
    assert.deepEqual(balanceWindowOf(day('2026-11-20'), 48), { fromMs: day('2026-11-20'), byMs: day('2026-11-22') })
    assert.deepEqual(balanceWindowOf(day('2026-11-20') + 30 * 60_000, 1), { fromMs: day('2026-11-20') + 30 * 60_000, byMs: day('2026-11-20') + 90 * 60_000 })
  })
})

describe('merchant-fault compensation', () => {
  const accepted: Array<[CompensationRule | null, CompensationRule | null]> = [
    [null, null],
    [{ kind: 'percent_of_deposit', percent: 1 }, { kind: 'percent_of_deposit', percent: 1 }],
    [{ kind: 'percent_of_deposit', percent: 1000, amount: 5 } as never, { kind: 'percent_of_deposit', percent: 1000 }],
    [{ kind: 'fixed', amount: 1 }, { kind: 'fixed', amount: 1 }],
    [{ kind: 'fixed', amount: maxMoney, percent: 5 } as never, { kind: 'fixed', amount: maxMoney }],
  ]
  for (const [input, value] of accepted) it(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(validateCompensation(input), { ok: true, value }))

  const refused: Array<[unknown, string, string]> = [
    [{ kind: 'percent_of_deposit', percent: 0 }, 'percent must be a whole percentage from 1 to 1000 of the deposit.', 'compensation.percent'],
    [{ kind: 'percent_of_deposit', percent: 1001 }, 'percent must be a whole percentage from 1 to 1000 of the deposit.', 'compensation.percent'],
    [{ kind: 'percent_of_deposit', percent: 2.5 }, 'percent must be a whole percentage from 1 to 1000 of the deposit.', 'compensation.percent'],
    [{ kind: 'fixed', amount: 0 }, 'amount must be a positive whole amount per order.', 'compensation.amount'],
    [{ kind: 'fixed', amount: maxMoney + 1 }, 'amount must be a positive whole amount per order.', 'compensation.amount'],
    [{ kind: 'coupon', amount: 5 }, 'kind must be percent_of_deposit or fixed.', 'compensation.kind'],
  ]
  for (const [input, detail, field] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.deepEqual(refusal(validateCompensation(input as CompensationRule)), ['invalid_compensation', detail, { field }]))
  }

  it('owes the fixed amount, or the percentage of the deposit rounded down', () => {
    assert.equal(compensationOf({ kind: 'fixed', amount: 700 }, 123), 700)
    assert.equal(compensationOf({ kind: 'percent_of_deposit', percent: 150 }, 333), 499, '499.5 rounds down')
    assert.equal(compensationOf({ kind: 'percent_of_deposit', percent: 1 }, 99), 0)
    assert.equal(compensationOf({ kind: 'percent_of_deposit', percent: 1000 }, maxMoney), 10 * maxMoney)
  })
})
