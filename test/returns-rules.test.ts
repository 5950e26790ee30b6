/** Returns rules, pure and table-driven: the return policy (checked, per category, returnable or not), disposition rules (first match wins), the refund. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  checkDispositionRules, checkReturnable, checkReturnPolicy, defaultDispositionRules, defaultReturnPolicy, dispositionFor, effectivePolicy,
  isMerchantFault, refundFor, returnReasons, type DispositionRule, type Grade, type ReturnPolicy, type ReturnReason,
} from '../src/returns/index.ts'
import { statusOf } from '../src/http/problem-status.ts'
import { contextErrorCodes } from '../src/http/problem-codes.ts'
import { assertProperty } from './helpers/seeds.ts'

const dayMs = 86_400_000
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)
const clone = <T>(v: T): T => structuredClone(v)

/** The default policy with `path` set to `value` (or removed when `value` is `undefined`). */
function policyWith(path: string, value: unknown): Record<string, unknown> {
  const policy = clone(defaultReturnPolicy) as unknown as Record<string, unknown>
  const keys = path.split('.')
  let at = policy
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>
  if (value === undefined) delete at[keys.at(-1)!]
  else at[keys.at(-1)!] = value
  return policy
}

describe('return policy: checked when set', () => {
  it('accepts the default (7 days, no reason needed) and returns a fresh copy of it', () => {
    const checked = checkReturnPolicy(defaultReturnPolicy)
    assert.deepEqual(checked, { ok: true, value: defaultReturnPolicy })
    assert.ok(checked.ok && checked.value !== defaultReturnPolicy && checked.value.reasons !== defaultReturnPolicy.reasons)
    assert.equal(defaultReturnPolicy.windowDays, 7)
    assert.deepEqual(Object.keys(defaultReturnPolicy.reasons), [...returnReasons], 'every reason is listed')
  })

  it('accepts the boundaries and a category override', () => {
    const ok: Array<[string, unknown]> = [
      ['windowDays', 0], ['windowDays', 365], ['restockingFee', { kind: 'percent', value: 0 }], ['restockingFee', { kind: 'percent', value: 100 }],
      ['restockingFee', { kind: 'percent', value: 12.5 }], ['restockingFee', { kind: 'fixed', value: 0 }], ['returnShipping', { paidBy: 'merchant', costMinor: 0 }],
      ['reasons', { defective: { merchantFault: true } }], ['conditions', ['unopened', 'tags_attached']], ['refundStep', 'after_inspection'],
      ['presaleDepositRefund', 'always'], ['nonReturnableCategories', ['underwear', 'food']],
      ['categories', { food: { windowDays: 0 }, electronics: { windowDays: 15, reasons: { defective: { merchantFault: true } }, restockingFee: null } }],
    ]
    for (const [path, value] of ok) assert.equal(codeOf(checkReturnPolicy(policyWith(path, value))), 'ok', `${path} = ${JSON.stringify(value)}`)
  })

  const refusals: Array<[string, unknown, string]> = [
    ['windowDays', -1, 'windowDays'],
    ['windowDays', 366, 'windowDays'],
    ['windowDays', 7.5, 'windowDays'],
    ['windowDays', '7', 'windowDays'],
    ['windowDays', undefined, 'windowDays'],
    ['reasons', {}, 'reasons'],
    ['reasons', [], 'reasons'],
    ['reasons', { changed_mind: { merchantFault: false } }, 'reasons.changed_mind'],
    ['reasons', { defective: true }, 'reasons.defective'],
    ['reasons', { defective: { merchantFault: 'yes' } }, 'reasons.defective'],
    ['reasons', { defective: { merchantFault: true, note: 'x' } }, 'reasons.defective'],
    ['conditions', 'unopened', 'conditions'],
    ['conditions', [''], 'conditions[0]'],
    ['conditions', ['unopened', 'unopened'], 'conditions[1]'],
    ['restockingFee', { kind: 'percent', value: -1 }, 'restockingFee.value'],
    ['restockingFee', { kind: 'percent', value: 100.01 }, 'restockingFee.value'],
    ['restockingFee', { kind: 'percent', value: 12.345 }, 'restockingFee.value'],
    ['restockingFee', { kind: 'fixed', value: -1 }, 'restockingFee.value'],
    ['restockingFee', { kind: 'fixed', value: 9.5 }, 'restockingFee.value'],
    ['restockingFee', { kind: 'share', value: 5 }, 'restockingFee.kind'],
    ['restockingFee', { kind: 'fixed', value: 5, waived: true }, 'restockingFee'],
    ['restockingFee', 5, 'restockingFee'],
    ['returnShipping', { paidBy: 'carrier', costMinor: 0 }, 'returnShipping.paidBy'],
    ['returnShipping', { paidBy: 'customer', costMinor: -1 }, 'returnShipping.costMinor'],
    ['returnShipping', { paidBy: 'customer', costMinor: 10.5 }, 'returnShipping.costMinor'],
    ['returnShipping', { paidBy: 'customer' }, 'returnShipping.costMinor'],
    ['refundStep', 'on_request', 'refundStep'],
    ['presaleDepositRefund', 'never', 'presaleDepositRefund'],
    ['nonReturnableCategories', [' food'], 'nonReturnableCategories[0]'],
    ['nonReturnableCategories', undefined, 'nonReturnableCategories'],
    ['categories', [], 'categories'],
    ['categories', undefined, 'categories'],
    ['categories', { food: 7 }, 'categories.food'],
    ['categories', { food: { windowDays: 400 } }, 'categories.food.windowDays'],
    ['categories', { food: { reasons: {} } }, 'categories.food.reasons'],
    ['categories', { food: { reasons: { lost: { merchantFault: true } } } }, 'categories.food.reasons.lost'],
    ['categories', { food: { restockingFee: { kind: 'percent', value: 101 } } }, 'categories.food.restockingFee.value'],
    ['categories', { food: { nonReturnableCategories: ['x'] } }, 'categories.food.nonReturnableCategories'],
    ['categories', { food: { categories: {} } }, 'categories.food.categories'],
    ['categories', { '': { windowDays: 3 } }, 'categories.'],
    ['exchangeAllowed', true, 'exchangeAllowed'],
  ]
  for (const [path, value, field] of refusals) {
    it(`refuses ${path} = ${JSON.stringify(value) ?? '(missing)'}, naming ${field}`, () => {
      const checked = checkReturnPolicy(policyWith(path, value))
      assert.equal(codeOf(checked), 'invalid_return_policy')
      assert.ok(!checked.ok && checked.detail.startsWith(`${field} `), `detail '${!checked.ok && checked.detail}' starts with the field`)
      assert.ok(!checked.ok && /must|required|is not|cannot|repeats/.test(checked.detail), 'the detail says what is allowed')
      assert.deepEqual(!checked.ok && checked.extra, { field })
    })
  }

  it('refuses what is not a policy at all', () => {
    for (const input of [null, undefined, 7, 'policy', []]) assert.equal(codeOf(checkReturnPolicy(input)), 'invalid_return_policy')
  })

  it('keeps a category named like an Object.prototype key as plain data', () => {
    const checked = checkReturnPolicy(JSON.parse(JSON.stringify(defaultReturnPolicy).replace('"categories":{}', '"categories":{"__proto__":{"windowDays":1}}')))
    assert.ok(checked.ok)
    assert.equal(Object.getPrototypeOf(checked.value.categories), Object.prototype)
    assert.equal(effectivePolicy(checked.value, '__proto__').windowDays, 1)
    assert.equal(effectivePolicy(checked.value, 'constructor').windowDays, 7)
  })
})

describe('return policy: per category', () => {
  const policy: ReturnPolicy = {
    ...defaultReturnPolicy,
    nonReturnableCategories: ['food'],
    categories: {
      electronics: { windowDays: 15, restockingFee: { kind: 'percent', value: 15 }, refundStep: 'after_inspection' },
      clothing: { reasons: { customer_remorse: { merchantFault: false }, defective: { merchantFault: true } } },
    },
  }
  const cases: Array<[string, string | null, Partial<ReturnPolicy>]> = [
    ['no category: the channel policy', null, { windowDays: 7, restockingFee: null, refundStep: 'on_receipt' }],
    ['a category without override: the channel policy', 'books', { windowDays: 7, restockingFee: null }],
    ['an override replaces its fields only', 'electronics', { windowDays: 15, restockingFee: { kind: 'percent', value: 15 }, refundStep: 'after_inspection', returnShipping: defaultReturnPolicy.returnShipping }],
    ['a replaced reason list is the whole list', 'clothing', { windowDays: 7, reasons: { customer_remorse: { merchantFault: false }, defective: { merchantFault: true } } }],
  ]
  for (const [name, category, expected] of cases) {
    it(name, () => {
      const effective = effectivePolicy(policy, category)
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(effective[k as keyof ReturnPolicy], v, k)
      assert.deepEqual(effectivePolicy(effective, category), effective, 'applying it twice changes nothing')
      assert.equal(effective.categories, policy.categories)
      assert.equal(effective.nonReturnableCategories, policy.nonReturnableCategories)
    })
  }

  it('says which reasons are the merchant\'s fault', () => {
    const faults = returnReasons.filter((r) => isMerchantFault(defaultReturnPolicy, r))
    assert.deepEqual(faults, ['wrong_item', 'damaged_in_transit', 'defective', 'late_delivery', 'not_as_described'])
    assert.equal(isMerchantFault(effectivePolicy(policy, 'clothing'), 'wrong_item'), false, 'a reason the policy does not list is not')
  })
})

describe('return policy: may this unit be returned now', () => {
  const delivered = Date.parse('2026-12-01T10:00:00Z')
  const policy: ReturnPolicy = {
    ...defaultReturnPolicy,
    nonReturnableCategories: ['food'],
    categories: { electronics: { windowDays: 15 }, clothing: { reasons: { defective: { merchantFault: true } } }, gifts: { windowDays: 0 } },
  }
  const cases: Array<[string, string | null, number | null, number, ReturnReason, string]> = [
    ['the moment of delivery', null, delivered, delivered, 'customer_remorse', 'ok'],
    ['day 7, its last millisecond', null, delivered, delivered + 7 * dayMs - 1, 'customer_remorse', 'ok'],
    ['day 8: 7 whole days have passed', null, delivered, delivered + 7 * dayMs, 'customer_remorse', 'return_window_closed'],
    ['long after', null, delivered, delivered + 100 * dayMs, 'defective', 'return_window_closed'],
    ['not delivered yet', null, null, delivered, 'customer_remorse', 'return_window_closed'],
    ['a category with a longer window: day 15', 'electronics', delivered, delivered + 15 * dayMs - 1, 'customer_remorse', 'ok'],
    ['a category with a longer window: day 16', 'electronics', delivered, delivered + 15 * dayMs, 'customer_remorse', 'return_window_closed'],
    ['a window of 0 days is never open', 'gifts', delivered, delivered, 'defective', 'return_window_closed'],
    ['a non-returnable category, even in the window', 'food', delivered, delivered, 'defective', 'not_returnable'],
    ['a non-returnable category, before delivery', 'food', null, delivered, 'defective', 'not_returnable'],
    ['a reason the category does not accept', 'clothing', delivered, delivered, 'customer_remorse', 'reason_not_accepted'],
    ['a reason the category accepts', 'clothing', delivered, delivered, 'defective', 'ok'],
    ['window before reason', 'clothing', delivered, delivered + 8 * dayMs, 'customer_remorse', 'return_window_closed'],
  ]
  for (const [name, category, deliveredAtMs, nowMs, reason, expected] of cases) {
    it(name, () => assert.equal(codeOf(checkReturnable(policy, { category, deliveredAtMs, nowMs, reason })), expected))
  }

  it('says when the window closed and which reasons are accepted', () => {
    const closed = checkReturnable(policy, { category: null, deliveredAtMs: delivered, nowMs: delivered + 9 * dayMs, reason: 'other' })
    assert.deepEqual(!closed.ok && closed.extra, { windowDays: 7, deliveredAtMs: delivered, closesAtMs: delivered + 7 * dayMs })
    assert.match(!closed.ok ? closed.detail : '', /7 days.*2026-12-08T10:00:00\.000Z/)
    const refused = checkReturnable(policy, { category: 'clothing', deliveredAtMs: delivered, nowMs: delivered, reason: 'other' })
    assert.deepEqual(!refused.ok && refused.extra, { reason: 'other', accepted: ['defective'] })
  })
})

describe('returns error codes: each has its status', () => {
  const expected: Record<string, number> = {
    invalid_return_policy: 400, invalid_disposition_rules: 400, invalid_inspection: 400, invalid_return_lines: 422, return_not_found: 404,
    return_window_closed: 409, not_returnable: 409, return_exceeds_delivered: 409, not_a_returns_node: 409, reason_not_accepted: 422,
    units_awaiting_inspection: 409, forbidden: 403, illegal_transition: 409, order_not_found: 404, node_not_found: 404, channel_not_found: 404,
  }
  const returnsErrorCodes = contextErrorCodes.returns
  it('maps every code of the returns context', () => {
    assert.deepEqual([...returnsErrorCodes].sort(), Object.keys(expected).sort())
    for (const code of returnsErrorCodes) assert.equal(statusOf(code), expected[code], code)
  })
})

describe('disposition rules: checked when set', () => {
  const outlets = new Set(['outlet-sh'])
  it('accepts the default rules and outlet rules for a known node', () => {
    assert.deepEqual(checkDispositionRules(defaultDispositionRules), { ok: true, value: defaultDispositionRules })
    const rules = [{ id: 'b-outlet', when: { grades: ['B'], minUnitValue: 0, maxUnitValue: 1 }, then: { kind: 'outlet', outletNodeId: 'outlet-sh' } }, { id: 'any', when: {}, then: { kind: 'scrap' } }]
    assert.deepEqual(checkDispositionRules(rules, outlets), { ok: true, value: rules })
    assert.equal(codeOf(checkDispositionRules([{ id: 'only-a', when: { grades: ['A'] }, then: { kind: 'restock' } }])), 'ok', 'no catch-all needed')
  })

  const rule = (patch: Record<string, unknown>) => ({ id: 'r1', when: { grades: ['A'] }, then: { kind: 'restock' }, ...patch })
  const refusals: Array<[string, unknown, string]> = [
    ['not a list', { id: 'r1' }, 'rules'],
    ['no rule', [], 'rules'],
    ['a rule that is not an object', [7], 'rules[0]'],
    ['an unknown rule field', [rule({ priority: 1 })], 'rules[0].priority'],
    ['an empty id', [rule({ id: '' })], 'rules[0].id'],
    ['an id that is not a text', [rule({ id: 3 })], 'rules[0].id'],
    ['a repeated id', [rule({}), rule({ then: { kind: 'scrap' } })], 'rules[1].id'],
    ['no when', [rule({ when: undefined })], 'rules[0].when'],
    ['an unknown condition', [rule({ when: { colour: ['red'] } })], 'rules[0].when.colour'],
    ['an unknown grade', [rule({ when: { grades: ['E'] } })], 'rules[0].when.grades[0]'],
    ['an empty grade list', [rule({ when: { grades: [] } })], 'rules[0].when.grades'],
    ['a repeated grade', [rule({ when: { grades: ['A', 'A'] } })], 'rules[0].when.grades[1]'],
    ['an unknown reason', [rule({ when: { reasons: ['bored'] } })], 'rules[0].when.reasons[0]'],
    ['an empty category', [rule({ when: { categories: [''] } })], 'rules[0].when.categories[0]'],
    ['a negative minimum', [rule({ when: { minUnitValue: -1 } })], 'rules[0].when.minUnitValue'],
    ['a fractional maximum', [rule({ when: { maxUnitValue: 1.5 } })], 'rules[0].when.maxUnitValue'],
    ['a minimum above the maximum', [rule({ when: { minUnitValue: 200, maxUnitValue: 100 } })], 'rules[0].when.minUnitValue'],
    ['a minimum equal to the maximum (an empty range)', [rule({ when: { minUnitValue: 100, maxUnitValue: 100 } })], 'rules[0].when.minUnitValue'],
    ['no then', [rule({ then: undefined })], 'rules[0].then'],
    ['an unknown disposition', [rule({ then: { kind: 'donate' } })], 'rules[0].then.kind'],
    ['an outlet without its node', [rule({ then: { kind: 'outlet' } })], 'rules[0].then.outletNodeId'],
    ['an outlet node on a restock', [rule({ then: { kind: 'restock', outletNodeId: 'outlet-sh' } })], 'rules[0].then.outletNodeId'],
    ['an unknown outlet node', [rule({ then: { kind: 'outlet', outletNodeId: 'outlet-bj' } })], 'rules[0].then.outletNodeId'],
    ['an unknown field of then', [rule({ then: { kind: 'scrap', value: 5 } })], 'rules[0].then.value'],
  ]
  for (const [name, input, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const checked = checkDispositionRules(input, outlets)
      assert.equal(codeOf(checked), 'invalid_disposition_rules')
      assert.ok(!checked.ok && checked.detail.startsWith(`${field} `), `detail '${!checked.ok && checked.detail}' starts with the field`)
      assert.deepEqual(!checked.ok && checked.extra, { field })
    })
  }

  it('accepts any outlet node when the caller names none', () => {
    assert.equal(codeOf(checkDispositionRules([rule({ then: { kind: 'outlet', outletNodeId: 'outlet-bj' } })])), 'ok')
  })
})

describe('disposition: the first rule that matches decides', () => {
  const rules: DispositionRule[] = [
    { id: 'luxury-inspect', when: { minUnitValue: 100_000 }, then: { kind: 'refurbish' } },
    { id: 'food-scrap', when: { categories: ['food'] }, then: { kind: 'scrap' } },
    { id: 'b-outlet', when: { grades: ['B'], maxUnitValue: 20_000 }, then: { kind: 'outlet', outletNodeId: 'outlet-sh' } },
    { id: 'ab-restock', when: { grades: ['A', 'B'] }, then: { kind: 'restock' } },
    { id: 'd-vendor', when: { grades: ['D'], reasons: ['defective', 'not_as_described'] }, then: { kind: 'return_to_vendor' } },
    { id: 'cheap-scrap', when: { grades: ['C', 'D'], minUnitValue: 0, maxUnitValue: 1_000 }, then: { kind: 'scrap' } },
  ]
  const cases: Array<[string, Grade, ReturnReason, string | null, number, string, string | null]> = [
    ['A → restock', 'A', 'customer_remorse', 'books', 5_000, 'restock', 'ab-restock'],
    ['a high value wins over its grade', 'A', 'customer_remorse', 'books', 100_000, 'refurbish', 'luxury-inspect'],
    ['one below the high value', 'A', 'customer_remorse', 'books', 99_999, 'restock', 'ab-restock'],
    ['food is scrapped whatever its grade', 'A', 'customer_remorse', 'food', 5_000, 'scrap', 'food-scrap'],
    ['no category never matches a category rule', 'A', 'customer_remorse', null, 5_000, 'restock', 'ab-restock'],
    ['B below 200 → outlet', 'B', 'customer_remorse', 'books', 19_999, 'outlet', 'b-outlet'],
    ['B at 200 → the next rule: restock', 'B', 'customer_remorse', 'books', 20_000, 'restock', 'ab-restock'],
    ['D defective → vendor', 'D', 'defective', 'books', 5_000, 'return_to_vendor', 'd-vendor'],
    ['D defective and cheap → vendor (earlier rule)', 'D', 'defective', 'books', 500, 'return_to_vendor', 'd-vendor'],
    ['D remorse and cheap → scrap', 'D', 'customer_remorse', 'books', 999, 'scrap', 'cheap-scrap'],
    ['C at the cheap bound → no rule: refurbish', 'C', 'customer_remorse', 'books', 1_000, 'refurbish', null],
    ['D damaged in transit, not cheap → no rule: refurbish', 'D', 'damaged_in_transit', 'books', 5_000, 'refurbish', null],
  ]
  for (const [name, grade, reason, category, unitValue, kind, ruleId] of cases) {
    it(name, () => {
      const decided = dispositionFor(rules, { grade, reason, category, unitValue })
      assert.equal(decided.kind, kind)
      assert.equal(decided.ruleId, ruleId)
      assert.equal(decided.outletNodeId, kind === 'outlet' ? 'outlet-sh' : undefined)
    })
  }

  const defaults: Array<[Grade, ReturnReason, string, string]> = [
    ['A', 'customer_remorse', 'restock', 'a-restock'],
    ['B', 'customer_remorse', 'restock', 'b-restock'],
    ['C', 'damaged_in_transit', 'refurbish', 'c-refurbish'],
    ['D', 'defective', 'return_to_vendor', 'd-defective-to-vendor'],
    ['D', 'customer_remorse', 'scrap', 'd-scrap'],
  ]
  for (const [grade, reason, kind, ruleId] of defaults) {
    it(`the default rules: ${grade} ${reason} → ${kind}`, () => {
      assert.deepEqual(dispositionFor(defaultDispositionRules, { grade, reason, category: null, unitValue: 5_000 }), { kind, ruleId })
    })
  }

  it('with no rules at all, every unit is refurbished (stays unsellable until someone decides)', () => {
    assert.deepEqual(dispositionFor([], { grade: 'A', reason: 'other', category: null, unitValue: 1 }), { kind: 'refurbish', ruleId: null })
  })
})

describe('refund', () => {
  const policy: ReturnPolicy = { ...defaultReturnPolicy, restockingFee: { kind: 'percent', value: 10 } }
  const merchantShips: ReturnPolicy = { ...policy, returnShipping: { paidBy: 'merchant', costMinor: 1_000 } }
  const line = (quantity: number, unitPrice: number, reason: ReturnReason) => ({ quantity, unitPrice, reason })
  type Case = [string, Parameters<typeof refundFor>[0], { amount: number; fee: number; shipping: number; depositKept: number; merchantFault: boolean }]
  const cases: Case[] = [
    ['remorse: 10 % fee and the customer\'s shipping', { lines: [line(2, 5_000, 'customer_remorse')], policy, presale: null, refundable: 100_000 },
      { amount: 10_000 - 1_000 - 1_000, fee: 1_000, shipping: 1_000, depositKept: 0, merchantFault: false }],
    ['defective: no fee, no shipping', { lines: [line(2, 5_000, 'defective')], policy, presale: null, refundable: 100_000 },
      { amount: 10_000, fee: 0, shipping: 0, depositKept: 0, merchantFault: true }],
    ['one merchant-fault line waives both for the whole return', { lines: [line(1, 5_000, 'customer_remorse'), line(1, 5_000, 'wrong_item')], policy, presale: null, refundable: 100_000 },
      { amount: 10_000, fee: 0, shipping: 0, depositKept: 0, merchantFault: true }],
    ['percent fee rounds half up: 10 % of 1 005 is 100.5 → 101', { lines: [line(1, 1_005, 'customer_remorse')], policy: merchantShips, presale: null, refundable: 100_000 },
      { amount: 1_005 - 101, fee: 101, shipping: 0, depositKept: 0, merchantFault: false }],
    ['percent fee rounds down below a half: 10 % of 1 004 → 100', { lines: [line(1, 1_004, 'customer_remorse')], policy: merchantShips, presale: null, refundable: 100_000 },
      { amount: 1_004 - 100, fee: 100, shipping: 0, depositKept: 0, merchantFault: false }],
    ['a fractional percent, exactly: 12.5 % of 333 is 41.625 → 42', { lines: [line(1, 333, 'other')], policy: { ...policy, restockingFee: { kind: 'percent', value: 12.5 }, returnShipping: { paidBy: 'merchant', costMinor: 1_000 } }, presale: null, refundable: 100_000 },
      { amount: 333 - 42, fee: 42, shipping: 0, depositKept: 0, merchantFault: false }],
    ['a fixed fee', { lines: [line(1, 5_000, 'customer_remorse')], policy: { ...policy, restockingFee: { kind: 'fixed', value: 700 } }, presale: null, refundable: 100_000 },
      { amount: 5_000 - 700 - 1_000, fee: 700, shipping: 1_000, depositKept: 0, merchantFault: false }],
    ['the merchant pays shipping', { lines: [line(1, 5_000, 'customer_remorse')], policy: { ...policy, restockingFee: null, returnShipping: { paidBy: 'merchant', costMinor: 1_000 } }, presale: null, refundable: 100_000 },
      { amount: 5_000, fee: 0, shipping: 0, depositKept: 0, merchantFault: false }],
    ['never negative: shipping above the lines\' value', { lines: [line(1, 800, 'customer_remorse')], policy, presale: null, refundable: 100_000 },
      { amount: 0, fee: 80, shipping: 1_000, depositKept: 0, merchantFault: false }],
    ['capped by what the order can still refund', { lines: [line(1, 5_000, 'defective')], policy, presale: null, refundable: 3_000 },
      { amount: 3_000, fee: 0, shipping: 0, depositKept: 0, merchantFault: true }],
    ['nothing left to refund', { lines: [line(1, 5_000, 'defective')], policy, presale: null, refundable: 0 },
      { amount: 0, fee: 0, shipping: 0, depositKept: 0, merchantFault: true }],
    ['presale remorse: the deposit share is kept', { lines: [line(1, 10_000, 'customer_remorse')], policy: { ...policy, restockingFee: null }, presale: { depositPaid: 2_000, balancePaid: 8_000 }, refundable: 10_000 },
      { amount: 10_000 - 1_000 - 2_000, fee: 0, shipping: 1_000, depositKept: 2_000, merchantFault: false }],
    ['presale remorse, half the order: half the deposit', { lines: [line(1, 5_000, 'customer_remorse')], policy: { ...policy, restockingFee: null }, presale: { depositPaid: 2_000, balancePaid: 8_000 }, refundable: 10_000 },
      { amount: 5_000 - 1_000 - 1_000, fee: 0, shipping: 1_000, depositKept: 1_000, merchantFault: false }],
    ['presale deposit share rounds half up: 1 × 1 000 / 3 000 of 1 001 → 334', { lines: [line(1, 1_001, 'customer_remorse')], policy: { ...policy, restockingFee: null, returnShipping: { paidBy: 'merchant', costMinor: 0 } }, presale: { depositPaid: 1_000, balancePaid: 2_000 }, refundable: 3_000 },
      { amount: 1_001 - 334, fee: 0, shipping: 0, depositKept: 334, merchantFault: false }],
    ['presale defective: the deposit is refunded', { lines: [line(1, 10_000, 'defective')], policy, presale: { depositPaid: 2_000, balancePaid: 8_000 }, refundable: 10_000 },
      { amount: 10_000, fee: 0, shipping: 0, depositKept: 0, merchantFault: true }],
    ['presale with a policy that always refunds the deposit', { lines: [line(1, 10_000, 'customer_remorse')], policy: { ...policy, restockingFee: null, presaleDepositRefund: 'always' }, presale: { depositPaid: 2_000, balancePaid: 8_000 }, refundable: 10_000 },
      { amount: 9_000, fee: 0, shipping: 1_000, depositKept: 0, merchantFault: false }],
    ['presale with no deposit paid: nothing kept', { lines: [line(1, 10_000, 'customer_remorse')], policy: { ...policy, restockingFee: null }, presale: { depositPaid: 0, balancePaid: 10_000 }, refundable: 10_000 },
      { amount: 9_000, fee: 0, shipping: 1_000, depositKept: 0, merchantFault: false }],
  ]
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const refund = refundFor(input)
      const linesValue = input.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0)
      assert.deepEqual(refund, { ...expected, linesValue })
    })
  }

  it('a category\'s own fee applies through its effective policy', () => {
    const channel: ReturnPolicy = { ...defaultReturnPolicy, categories: { electronics: { restockingFee: { kind: 'percent', value: 15 } } } }
    const input = { lines: [line(1, 10_000, 'customer_remorse' as const)], presale: null, refundable: 10_000 }
    assert.equal(refundFor({ ...input, policy: effectivePolicy(channel, 'electronics') }).fee, 1_500)
    assert.equal(refundFor({ ...input, policy: effectivePolicy(channel, 'books') }).fee, 0)
  })

  it('property: never negative, never above what can be refunded nor the lines\' value, and the explanation adds up', async (t) => {
    const reason = fc.constantFrom(...returnReasons)
    const fee = fc.oneof(fc.constant(null), fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100) }),
      fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: 50_000 }) }))
    const policyArb = fc.record({
      reasons: fc.dictionary(reason, fc.record({ merchantFault: fc.boolean() }), { minKeys: 1 }),
      restockingFee: fee,
      returnShipping: fc.record({ paidBy: fc.constantFrom('customer' as const, 'merchant' as const), costMinor: fc.integer({ min: 0, max: 20_000 }) }),
      presaleDepositRefund: fc.constantFrom('merchant_fault_only' as const, 'always' as const),
    }).map((p): ReturnPolicy => ({ ...defaultReturnPolicy, ...p }))
    const input = fc.record({
      lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 50 }), unitPrice: fc.integer({ min: 0, max: 10_000_000 }), reason }), { minLength: 1, maxLength: 6 }),
      policy: policyArb,
      presale: fc.option(fc.record({ depositPaid: fc.integer({ min: 0, max: 1_000_000 }), balancePaid: fc.integer({ min: 0, max: 10_000_000 }) }), { nil: null }),
      refundable: fc.integer({ min: -1_000, max: 100_000_000 }),
    })
    await assertProperty(t, fc.property(input, (i) => {
      const r = refundFor(i)
      assert.ok(Number.isSafeInteger(r.amount) && r.amount >= 0, `never negative: ${r.amount}`)
      assert.ok(r.amount <= Math.max(0, i.refundable), 'never above what can be refunded')
      assert.ok(r.amount <= r.linesValue, 'never above the lines\' value')
      assert.equal(r.amount, Math.min(Math.max(0, i.refundable), Math.max(0, r.linesValue - r.fee - r.shipping - r.depositKept)), 'the explanation adds up')
      assert.ok(r.depositKept <= (i.presale?.depositPaid ?? 0), 'never keeps more deposit than was paid')
      if (r.merchantFault) assert.deepEqual([r.fee, r.shipping, r.depositKept], [0, 0, 0], 'the merchant\'s fault costs the customer nothing')
    }), { numRuns: 600, regressionSeeds: [15, 2026, 777] })
  })
})
