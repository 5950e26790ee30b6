/** Presale rules, pure and table-driven: every deposit rule set at its boundaries, inflation, tiers, repricing, admission, quota, ship days. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  checkDeposit, checkInflation, compensationOf, creditPerUnitOf, possiblePrices, priceAt, promisedShipDay, repricedUnitPrice, shipDayAfterBalance,
  slotDayOf, validateDeposit, validateDepositRule, validatePricing, amountsOf,
} from '../src/presale/rules.ts'
import type { DepositRule, Pricing } from '../src/presale/model.ts'
import { admit, decideQuota, decideTerms, endOrder, type Admission, type TermsInput } from '../src/presale/decide.ts'
import { suggestedQuantity } from '../src/presale/demand.ts'
import { campaignActions, campaignTransitions, checkCampaignAction, type CampaignAction } from '../src/presale/lifecycle.ts'
import { everyCell, fromAndBy } from './helpers/lifecycle.ts'
import { campaignStatuses, type CampaignStatus } from '../src/presale/model.ts'
import type { Order } from '../src/orders/index.ts'

const day = (d: string) => Date.parse(`${d}T00:00:00Z`)
const codeOf = (f: { code: string } | undefined) => f?.code ?? 'ok'

describe('deposit rule sets', () => {
  const taobao: DepositRule = { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 100 }
  const jd: DepositRule = { kind: 'percent_range_exclusive', minPercent: 10, maxPercent: 50, minAmountExclusive: null }
  const jdYuan: DepositRule = { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 50, minAmountExclusive: 1000 }
  const fixed: DepositRule = { kind: 'fixed', amount: 500 }
  const cases: Array<[string, DepositRule, number, number, string]> = [
    ['whole ≤ 20 %: exactly 20 %', taobao, 2000, 10000, 'ok'],
    ['whole ≤ 20 %: one whole unit above', taobao, 2100, 10000, 'deposit_above_limit'],
    ['whole ≤ 20 %: not a whole amount', taobao, 1950, 10000, 'deposit_not_whole_amount'],
    ['whole ≤ 20 %: whole check first even above the limit', taobao, 2001, 10000, 'deposit_not_whole_amount'],
    ['whole ≤ 20 %: 20 % of an odd price rounds down', taobao, 2000, 10050, 'ok'],
    ['whole ≤ 20 %: just above 20 % of 9999', taobao, 2000, 9999, 'deposit_above_limit'],
    ['> 10 % and < 50 %: exactly 10 % is refused', jd, 1000, 10000, 'deposit_below_limit'],
    ['> 10 % and < 50 %: one above 10 %', jd, 1001, 10000, 'ok'],
    ['> 10 % and < 50 %: exactly 50 % is refused', jd, 5000, 10000, 'deposit_above_limit'],
    ['> 10 % and < 50 %: one below 50 %', jd, 4999, 10000, 'ok'],
    ['> 10 yuan and < 50 %: exactly 10 yuan is refused', jdYuan, 1000, 5000, 'deposit_below_limit'],
    ['> 10 yuan and < 50 %: 10.01 yuan', jdYuan, 1001, 5000, 'ok'],
    ['> 10 yuan and < 50 %: 50 % of 5000', jdYuan, 2500, 5000, 'deposit_above_limit'],
    ['fixed: the amount', fixed, 500, 10000, 'ok'],
    ['fixed: another amount', fixed, 501, 10000, 'deposit_not_fixed_amount'],
    ['any rule: the whole price is no deposit', { kind: 'percent_range_exclusive', minPercent: 0, maxPercent: 100, minAmountExclusive: null }, 10000, 10000, 'deposit_not_below_price'],
    ['any rule: zero', fixed, 0, 10000, 'invalid_deposit'],
  ]
  for (const [name, rule, deposit, price, expected] of cases) {
    it(name, () => assert.equal(codeOf(checkDeposit(rule, deposit, price, 'CNY')), expected))
  }

  it('refuses broken rule sets', () => {
    assert.equal(codeOf(validateDepositRule({ kind: 'whole_amount_max_percent', maxPercent: 0, wholeUnit: 100 }) as never), 'invalid_deposit_rule')
    assert.equal(codeOf(validateDepositRule({ kind: 'whole_amount_max_percent', maxPercent: 101, wholeUnit: 100 }) as never), 'invalid_deposit_rule')
    assert.equal(codeOf(validateDepositRule({ kind: 'percent_range_exclusive', minPercent: 50, maxPercent: 50, minAmountExclusive: null }) as never), 'invalid_deposit_rule')
    assert.equal(codeOf(validateDepositRule({ kind: 'fixed', amount: 0 }) as never), 'invalid_deposit_rule')
    assert.equal(codeOf(validateDepositRule({ kind: 'nope' } as unknown as DepositRule) as never), 'invalid_deposit_rule')
    assert.deepEqual(validateDepositRule(taobao), { ok: true, value: taobao })
  })

  it('checks the deposit against every price a tiered campaign can end at', () => {
    const tiered: Pricing = { kind: 'tiered', tiers: [{ fromUnits: 0, unitPrice: 10000 }, { fromUnits: 100, unitPrice: 8000 }] }
    assert.deepEqual(possiblePrices(tiered), [10000, 8000])
    const ok = validateDeposit({ perUnit: 1600, rule: taobao, inflation: null }, tiered, 'CNY')
    assert.deepEqual(ok, { ok: true, value: { perUnit: 1600, rule: taobao, inflation: null } })
    const above = validateDeposit({ perUnit: 2000, rule: taobao, inflation: null }, tiered, 'CNY')
    assert.equal(codeOf(above as never), 'deposit_above_limit')
    assert.deepEqual(!above.ok && above.extra, { deposit: 2000, unitPrice: 8000, maxPercent: 20 }, 'refused at the lowest tier')
  })

  it('takes the amount from a fixed rule set, and needs one otherwise', () => {
    const fixedPrice: Pricing = { kind: 'fixed', unitPrice: 10000 }
    const v = validateDeposit({ perUnit: null, rule: fixed, inflation: null }, fixedPrice, 'CNY')
    assert.equal(v.ok && v.value.perUnit, 500)
    assert.equal(codeOf(validateDeposit({ perUnit: null, rule: taobao, inflation: null }, fixedPrice, 'CNY') as never), 'deposit_required')
  })
})

describe('deposit inflation', () => {
  it('counts a deposit for more, exactly in hundredths', () => {
    assert.equal(creditPerUnitOf(null, 1000), 1000)
    assert.equal(creditPerUnitOf({ kind: 'multiplier', factor: 1.5 }, 1000), 1500, '10 counts as 15')
    assert.equal(creditPerUnitOf({ kind: 'multiplier', factor: 1.15 }, 1000), 1150, 'no float drift: 1000 × 1.15 is 1150, not 1149')
    assert.equal(creditPerUnitOf({ kind: 'multiplier', factor: 1.5 }, 999), 1498, 'rounded down to a minor unit')
    assert.equal(creditPerUnitOf({ kind: 'credit', creditPerUnit: 1500 }, 1000), 1500)
  })

  it('never counts for more than the lowest price, nor less than paid', () => {
    assert.equal(checkInflation({ kind: 'credit', creditPerUnit: 8000 }, 1000, [10000, 8000], 'CNY'), undefined, 'credit == lowest price is allowed')
    assert.equal(codeOf(checkInflation({ kind: 'credit', creditPerUnit: 8001 }, 1000, [10000, 8000], 'CNY')), 'deposit_credit_above_price')
    assert.equal(codeOf(checkInflation({ kind: 'multiplier', factor: 9 }, 1000, [8000], 'CNY')), 'deposit_credit_above_price')
    assert.equal(codeOf(checkInflation({ kind: 'credit', creditPerUnit: 999 }, 1000, [8000], 'CNY')), 'deposit_credit_below_deposit')
    assert.equal(codeOf(checkInflation({ kind: 'multiplier', factor: 1.234 }, 1000, [8000], 'CNY')), 'invalid_inflation')
    assert.equal(codeOf(checkInflation({ kind: 'multiplier', factor: 0.5 }, 1000, [8000], 'CNY')), 'invalid_inflation')
  })

  it('splits an order into deposit, credit and balance', () => {
    const terms = { perUnit: 1000, rule: { kind: 'fixed', amount: 1000 } as DepositRule, inflation: { kind: 'multiplier', factor: 1.5 } as const }
    assert.deepEqual(amountsOf(terms, 9000, 3), { total: 27000, deposit: 3000, depositCredit: 4500, balance: 22500 })
  })
})

describe('tiered prices and repricing', () => {
  const tiers: Pricing = { kind: 'tiered', tiers: [{ fromUnits: 0, unitPrice: 10000 }, { fromUnits: 100, unitPrice: 9000 }, { fromUnits: 500, unitPrice: 8000 }] }
  it('prices at the tier reached, boundaries included', () => {
    assert.deepEqual([0, 99, 100, 101, 499, 500, 10_000].map((n) => priceAt(tiers, n)), [10000, 10000, 9000, 9000, 9000, 8000, 8000])
    assert.equal(priceAt({ kind: 'fixed', unitPrice: 5000 }, 1000), 5000)
  })

  it('refuses tiers that do not start at 0, do not rise, or do not get cheaper', () => {
    const bad = (t: Array<[number, number]>) => codeOf(validatePricing({ kind: 'tiered', tiers: t.map(([fromUnits, unitPrice]) => ({ fromUnits, unitPrice })) }) as never)
    assert.equal(bad([[1, 100]]), 'invalid_tiers')
    assert.equal(bad([[0, 100], [0, 90]]), 'invalid_tiers')
    assert.equal(bad([[0, 100], [10, 100]]), 'invalid_tiers')
    assert.equal(bad([[0, 100], [10, 110]]), 'invalid_tiers')
    assert.equal(bad([]), 'invalid_tiers')
    assert.equal(bad([[0, 100], [10, 90]]), 'ok')
    assert.equal(codeOf(validatePricing({ kind: 'fixed', unitPrice: 0 }) as never), 'invalid_pricing')
  })

  it('never reprices above the price shown at purchase', () => {
    assert.equal(repricedUnitPrice(10000, 8000), 8000)
    assert.equal(repricedUnitPrice(8000, 9000), 8000, 'cancellations pulled the tier back up: the customer keeps the lower price')
    assert.equal(repricedUnitPrice(9000, 9000), 9000)
  })

  const order = (status: Order['status'], unitPrice: number, quantity: number): Order => ({
    id: 'ord_1', channelId: 'chn', customerId: 'c1', campaignId: 'cmp', status, currency: 'CNY', fulfilment: { method: 'ship', region: 'east' },
    payment: { kind: 'deposit', deposit: 1000 * quantity, depositCredit: 1500 * quantity, balance: (unitPrice - 1500) * quantity, balanceFromMs: 0, balanceByMs: 0 },
    total: unitPrice * quantity, paid: status === 'deposit_paid' ? 1000 * quantity : 0, refunded: 0, dueAtMs: 123, reference: null, placedAtMs: 0, updatedAtMs: 0,
    lines: [{
      lineNo: 1, skuId: 's', nodeId: 'n', quantity, unitPrice, allocation: { stockQuantity: 0, parts: [], unallocated: 0 },
      rule: { stock: false, virtual: false, virtualLeadDays: 0, slotKinds: [], slotIds: ['cmp'], unconfirmedBufferDays: 0 },
      shipByMs: null, deliverByMs: null, firstShipByMs: null, priorityClass: 0, placedAtMs: 0, status: 'open', shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: null, firstNodeId: 'node_first',
    }],
  })

  it('reprices an order at the end: lower total and balance, the credit kept, the balance deadline from the real end', () => {
    const endedAt = day('2026-11-20')
    const d = endOrder(order('deposit_paid', 10000, 2), 8000, endedAt, 48)
    assert.deepEqual(d, {
      orderId: 'ord_1', customerId: 'c1', repriced: true, unitPriceBefore: 10000, unitPrice: 8000, totalBefore: 20000, total: 16000,
      payment: { kind: 'deposit', deposit: 2000, depositCredit: 3000, balance: 13000, balanceFromMs: endedAt, balanceByMs: endedAt + 48 * 3_600_000 },
      dueAtMs: endedAt + 48 * 3_600_000, lines: [{ lineNo: 1, unitPrice: 8000 }],
    })
    const unpaid = endOrder(order('pending_deposit', 8000, 1), 9000, endedAt, 48)
    assert.deepEqual([unpaid.repriced, unpaid.total, unpaid.dueAtMs], [false, 8000, 123], 'not above the price shown; the deposit deadline stays')
  })
})

describe('admission', () => {
  const base: Admission = {
    status: 'published', startsAtMs: 1000, endsAtMs: 2000, perCustomerLimit: 3, pricing: { kind: 'fixed', unitPrice: 500 },
    unitsSold: 0, customerUnits: 0, quotaFree: 10,
  }
  const cases: Array<[string, Partial<Admission>, number, number, string]> = [
    ['open at the start instant', {}, 1, 1000, 'ok'],
    ['not started a millisecond before', {}, 1, 999, 'campaign_not_started'],
    ['ended at the end instant', {}, 1, 2000, 'campaign_ended'],
    ['draft', { status: 'draft' }, 1, 1500, 'campaign_not_published'],
    ['ended status', { status: 'ended' }, 1, 1500, 'campaign_ended'],
    ['cancelled', { status: 'cancelled' }, 1, 1500, 'campaign_cancelled'],
    ['exactly the per-customer limit', { customerUnits: 2 }, 1, 1500, 'ok'],
    ['one over the per-customer limit', { customerUnits: 3 }, 1, 1500, 'per_customer_limit_exceeded'],
    ['limit before quota', { customerUnits: 3, quotaFree: 0 }, 1, 1500, 'per_customer_limit_exceeded'],
    ['exactly the quota left', { quotaFree: 3 }, 3, 1500, 'ok'],
    ['one over the quota left', { quotaFree: 2 }, 3, 1500, 'quota_exhausted'],
    ['no limit', { perCustomerLimit: null, customerUnits: 1000 }, 5, 1500, 'ok'],
  ]
  for (const [name, over, quantity, nowMs, expected] of cases) {
    it(name, () => assert.equal(codeOf(admit({ ...base, ...over }, quantity, nowMs) as never), expected))
  }
  it('answers the current tier’s price', () => {
    const r = admit({ ...base, pricing: { kind: 'tiered', tiers: [{ fromUnits: 0, unitPrice: 900 }, { fromUnits: 5, unitPrice: 800 }] }, unitsSold: 5 }, 1, 1500)
    assert.deepEqual(r, { ok: true, value: { unitPrice: 800 } })
  })
})

describe('campaign lifecycle table', () => {
  // Every action × status cell: allowed exactly where the table says, else illegal_transition with the allowed statuses.
  const allowed: Record<CampaignAction, CampaignStatus[]> = {
    edit: ['draft'], publish: ['draft'], set_quota: ['draft', 'published'], sell: ['published'], end: ['published'],
    allocate_stock: ['published', 'ended'], cancel: ['draft', 'published', 'ended', 'cancelled'],
  }
  const expected = Object.fromEntries(campaignActions.map((a) => [a, { from: allowed[a] }])) as Record<CampaignAction, { from: CampaignStatus[] }>
  it('is the table the issue states', () => assert.deepEqual(fromAndBy(campaignTransitions), expected))
  for (const { action, status, outcome } of everyCell(expected, campaignStatuses)) {
    it(`${action} from ${status}: ${outcome}`, () => {
      const refused = checkCampaignAction({ code: 'C', status }, action)
      assert.equal(codeOf(refused), outcome)
      if (refused) assert.deepEqual(refused.extra, { action, status, allowedFrom: allowed[action] })
    })
  }
  it('selling agrees with admission: only a published campaign admits orders', () => {
    const base: Admission = { status: 'published', startsAtMs: 0, endsAtMs: 10, perCustomerLimit: null, pricing: { kind: 'fixed', unitPrice: 1 }, unitsSold: 0, customerUnits: 0, quotaFree: 1 }
    for (const status of campaignStatuses) assert.equal(admit({ ...base, status }, 1, 5).ok, campaignTransitions.sell.from.includes(status), status)
  })
  it('names where each status-changing action leads', () => {
    assert.deepEqual(campaignActions.filter((a) => campaignTransitions[a].to !== null).map((a) => [a, campaignTransitions[a].to]),
      [['publish', 'published'], ['end', 'ended'], ['cancel', 'cancelled']])
  })
})

describe('quota', () => {
  it('moves freely in a draft, only up once published', () => {
    assert.deepEqual(decideQuota({ code: 'C', status: 'draft', quota: 10 }, 5), { ok: true, value: { quota: 5, delta: -5 } })
    assert.deepEqual(decideQuota({ code: 'C', status: 'published', quota: 10 }, 15), { ok: true, value: { quota: 15, delta: 5 } })
    assert.deepEqual(decideQuota({ code: 'C', status: 'published', quota: 10 }, 10), { ok: true, value: { quota: 10, delta: 0 } })
    assert.equal(codeOf(decideQuota({ code: 'C', status: 'published', quota: 10 }, 9) as never), 'quota_cannot_decrease')
    assert.equal(codeOf(decideQuota({ code: 'C', status: 'ended', quota: 10 }, 20) as never), 'illegal_transition')
    assert.equal(codeOf(decideQuota({ code: 'C', status: 'draft', quota: 10 }, 0) as never), 'invalid_quota')
  })
})

describe('ship days and compensation', () => {
  const by = day('2026-11-25') + 5 * 3_600_000
  it('dates each mode', () => {
    assert.equal(slotDayOf({ mode: 'fixed', dayMs: day('2026-12-01') }, by), day('2026-12-01'))
    assert.equal(slotDayOf({ mode: 'after_balance', days: 7 }, by), day('2026-12-02'), 'latest: the balance deadline’s day + 7')
    assert.equal(slotDayOf({ mode: 'customer_chosen', earliestMs: day('2026-12-01'), latestMs: day('2026-12-10') }, by), day('2026-12-10'))
    assert.equal(shipDayAfterBalance(7, day('2026-11-21') + 3_600_000), day('2026-11-28'))
  })

  it('lets the customer choose only where the mode allows, within the range inclusive', () => {
    const chosen = { mode: 'customer_chosen', earliestMs: day('2026-12-01'), latestMs: day('2026-12-10') } as const
    assert.deepEqual(promisedShipDay(chosen, by, day('2026-12-01')), { ok: true, value: day('2026-12-01') })
    assert.deepEqual(promisedShipDay(chosen, by, day('2026-12-10')), { ok: true, value: day('2026-12-10') })
    assert.equal(codeOf(promisedShipDay(chosen, by, day('2026-12-11')) as never), 'ship_date_out_of_range')
    assert.equal(codeOf(promisedShipDay(chosen, by, day('2026-11-30')) as never), 'ship_date_out_of_range')
    assert.equal(codeOf(promisedShipDay(chosen, by, null) as never), 'ship_date_required')
    assert.equal(codeOf(promisedShipDay({ mode: 'fixed', dayMs: day('2026-12-01') }, by, day('2026-12-01')) as never), 'ship_date_not_choosable')
  })

  it('owes a share of the deposit or a fixed amount', () => {
    assert.equal(compensationOf({ kind: 'percent_of_deposit', percent: 10 }, 2000), 200)
    assert.equal(compensationOf({ kind: 'percent_of_deposit', percent: 33 }, 1001), 330)
    assert.equal(compensationOf({ kind: 'fixed', amount: 1500 }, 2000), 1500)
  })
})

describe('campaign terms', () => {
  const terms: TermsInput = {
    code: 'C', name: 'C', skuId: 's', nodeId: 'n', currency: 'CNY', startsAtMs: day('2026-11-11'), endsAtMs: day('2026-11-20'), quota: 100,
    perCustomerLimit: 2, pricing: { kind: 'fixed', unitPrice: 10000 },
    deposit: { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20, wholeUnit: 100 }, inflation: { kind: 'multiplier', factor: 1.5 } },
    depositDeadlineMinutes: null, balanceWindowHours: 72, shipDate: { mode: 'fixed', dayMs: day('2026-11-25') }, compensation: null, supplierId: null,
  }
  it('accepts good terms and defaults the deposit deadline to 30 minutes', () => {
    const r = decideTerms(terms)
    assert.equal(r.ok && r.value.depositDeadlineMinutes, 30)
  })
  const bad: Array<[string, Partial<TermsInput>, string]> = [
    ['window backwards', { endsAtMs: day('2026-11-10') }, 'invalid_window'],
    ['zero quota', { quota: 0 }, 'invalid_quota'],
    ['zero limit', { perCustomerLimit: 0 }, 'invalid_per_customer_limit'],
    ['deposit above 20 %', { deposit: { ...terms.deposit, perUnit: 2100 } }, 'deposit_above_limit'],
    ['ships before the end', { shipDate: { mode: 'fixed', dayMs: day('2026-11-19') } }, 'ship_date_before_end'],
    ['chosen range backwards', { shipDate: { mode: 'customer_chosen', earliestMs: day('2026-12-02'), latestMs: day('2026-12-01') } }, 'invalid_ship_date'],
    ['no balance window', { balanceWindowHours: 0 }, 'invalid_balance_window'],
    ['compensation of 0 %', { compensation: { kind: 'percent_of_deposit', percent: 0 } }, 'invalid_compensation'],
  ]
  for (const [name, over, code] of bad) it(`refuses ${name}`, () => assert.equal(codeOf(decideTerms({ ...terms, ...over }) as never), code))
})

describe('suggested purchase quantity', () => {
  it('rounds the shortfall up to the minimum and the pack', () => {
    assert.deepEqual([[0, 10, 5], [3, 10, 5], [10, 10, 5], [12, 10, 5], [15, 10, 5], [7, 1, 1]].map(([s, m, p]) => suggestedQuantity(s, m, p)), [0, 10, 10, 15, 15, 7])
  })
})
