/**
 * Supplier payables, the pure pieces: the three-way match table (precedence, tolerances, several
 * invoices per PO line), the checks of tolerances and terms naming the field, due schedules that
 * sum exactly, and payment-run proposals with their properties.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { assertProperty } from './helpers/seeds.ts'
import { matchInvoice, matchLine, toleranceOf, type MatchLineInput, type MatchResult, type MatchTolerance } from '../src/payables/match.ts'
import { dueSchedule, splitByBasisPoints, termsOf, type DayAnchor, type InstalmentPart, type Terms } from '../src/payables/terms.ts'
import { proposeRun, recordRun, type OpenInstalment } from '../src/payables/payment-run.ts'

const tolerance: MatchTolerance = { quantityPercent: 5, pricePercent: 2, absoluteMinor: 500 }
const exact: MatchTolerance = { quantityPercent: 0, pricePercent: 0, absoluteMinor: 0 }
const line: MatchLineInput = { poUnitCostMinor: 1000, orderedQuantity: 100, receivedPassedQuantity: 100, alreadyInvoicedQuantity: 0, invoicedQuantity: 100, invoicedUnitPriceMinor: 1000 }

describe('three-way match', () => {
  // [name, line changes, tolerance, result, priceVarianceMinor, quantityVariance, amountVarianceMinor]
  const table: Array<[string, Partial<MatchLineInput>, MatchTolerance, MatchResult, number, number, number]> = [
    ['exact match', {}, tolerance, 'matched', 0, 0, 0],
    ['partial invoice of a received line', { invoicedQuantity: 40 }, tolerance, 'matched', 0, -60, 0],
    ['nothing received, units billed', { receivedPassedQuantity: 0, invoicedQuantity: 10 }, tolerance, 'not_received', 0, 10, 10_000],
    ['nothing received outranks a price variance', { receivedPassedQuantity: 0, invoicedQuantity: 10, invoicedUnitPriceMinor: 2000 }, tolerance, 'not_received', 1000, 10, 20_000],
    ['second invoice on the PO line bills the rest', { alreadyInvoicedQuantity: 60, invoicedQuantity: 40 }, tolerance, 'matched', 0, 0, 0],
    ['second invoice bills 10 beyond the rest', { alreadyInvoicedQuantity: 60, invoicedQuantity: 50 }, tolerance, 'quantity_variance', 0, 10, 10_000],
    ['third invoice after the line is fully billed', { alreadyInvoicedQuantity: 100, invoicedQuantity: 5 }, tolerance, 'quantity_variance', 0, 5, 5000],
    ['over-billed exactly at the 5% quantity tolerance', { invoicedQuantity: 105 }, tolerance, 'matched', 0, 5, 5000],
    ['over-billed beyond the percent but within the absolute amount', { poUnitCostMinor: 50, invoicedUnitPriceMinor: 50, receivedPassedQuantity: 20, invoicedQuantity: 28 }, tolerance, 'matched', 0, 8, 400],
    ['quantity variance outranks a price variance', { invoicedQuantity: 120, invoicedUnitPriceMinor: 1500 }, tolerance, 'quantity_variance', 500, 20, 80_000],
    ['units that failed QC are not billable', { receivedPassedQuantity: 90 }, tolerance, 'quantity_variance', 0, 10, 10_000],
    ['over-delivery received and passed QC is billable', { receivedPassedQuantity: 110, invoicedQuantity: 110 }, tolerance, 'matched', 0, 0, 0],
    ['price exactly at the 2% tolerance', { invoicedUnitPriceMinor: 1020 }, tolerance, 'matched', 20, 0, 2000],
    ['price one minor unit beyond both tolerances', { invoicedUnitPriceMinor: 1021 }, tolerance, 'price_variance', 21, 0, 2100],
    ['price 10% over but 500 on the line, within the absolute amount', { invoicedUnitPriceMinor: 1100, invoicedQuantity: 5 }, tolerance, 'matched', 100, -95, 500],
    ['price 10% over and 600 on the line, beyond both', { invoicedUnitPriceMinor: 1100, invoicedQuantity: 6 }, tolerance, 'price_variance', 100, -94, 600],
    ['billed below the PO price matches', { invoicedUnitPriceMinor: 900 }, tolerance, 'matched', -100, 0, -10_000],
    ['zero tolerance: one unit over holds', { invoicedQuantity: 101 }, exact, 'quantity_variance', 0, 1, 1000],
    ['zero tolerance: one minor unit over holds', { invoicedUnitPriceMinor: 1001 }, exact, 'price_variance', 1, 0, 100],
    ['zero tolerance: an exact line matches', {}, exact, 'matched', 0, 0, 0],
  ]
  for (const [name, changes, policy, result, priceVarianceMinor, quantityVariance, amountVarianceMinor] of table) {
    it(name, () => {
      const match = matchLine({ ...line, ...changes }, policy)
      assert.deepEqual({ ...match, explanation: undefined }, { result, priceVarianceMinor, quantityVariance, amountVarianceMinor, explanation: undefined })
      assert.ok(match.explanation.length > 20)
    })
  }

  it('explains a quantity variance with the figures it used', () => {
    const match = matchLine({ ...line, alreadyInvoicedQuantity: 60, invoicedQuantity: 50 }, tolerance)
    assert.match(match.explanation, /only 40 are billable \(100 received and passed QC − 60 already invoiced\): 10 over/)
  })

  it('holds an invoice when any line is not matched', () => {
    const twoOk = [line, { ...line, invoicedUnitPriceMinor: 1010 }]
    assert.equal(matchInvoice(twoOk, tolerance).status, 'matched')
    const held = matchInvoice([...twoOk, { ...line, invoicedUnitPriceMinor: 1500 }], tolerance)
    assert.equal(held.status, 'on_hold')
    assert.deepEqual(held.lines.map((l) => l.result), ['matched', 'matched', 'price_variance'])
  })

  it('treats bad line figures as a bug', () => {
    assert.throws(() => matchLine({ ...line, invoicedQuantity: 1.5 }, tolerance), /invariant/)
  })
})

describe('tolerance check', () => {
  it('accepts a tolerance and returns only its fields', () => {
    assert.deepEqual(toleranceOf({ quantityPercent: 2.5, pricePercent: 0, absoluteMinor: 100 }), { ok: true, value: { quantityPercent: 2.5, pricePercent: 0, absoluteMinor: 100 } })
  })
  const refusals: Array<[string, unknown, string]> = [
    ['not an object', [1], 'tolerance'],
    ['a stray field', { ...tolerance, currency: 'CNY' }, 'currency'],
    ['a negative quantity percent', { ...tolerance, quantityPercent: -1 }, 'quantityPercent'],
    ['a price percent over 100', { ...tolerance, pricePercent: 101 }, 'pricePercent'],
    ['a missing price percent', { quantityPercent: 1, absoluteMinor: 0 }, 'pricePercent'],
    ['a fractional absolute amount', { ...tolerance, absoluteMinor: 1.5 }, 'absoluteMinor'],
  ]
  for (const [name, body, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const result = toleranceOf(body)
      assert.ok(!result.ok)
      assert.equal(result.code, 'invalid_match_tolerance')
      assert.deepEqual(result.extra, { field })
      assert.ok(result.detail.startsWith(field))
    })
  }
})

describe('payment terms', () => {
  it('accepts 2/10 net 30 from the invoice', () => {
    const body = { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } }
    assert.deepEqual(termsOf(body), { ok: true, value: body })
  })
  const part = (percent: number, dayOffset = 0, from: DayAnchor = 'invoice'): InstalmentPart => ({ percent, dayOffset, from })
  const refusals: Array<[string, unknown, string]> = [
    ['an unknown kind', { kind: 'weekly' }, 'kind'],
    ['negative net days', { kind: 'net', days: -1, from: 'invoice' }, 'days'],
    ['net days from shipment', { kind: 'net', days: 30, from: 'shipment' }, 'from'],
    ['days on prepayment', { kind: 'prepayment', days: 3 }, 'days'],
    ['instalments summing to 90%', { kind: 'instalments', parts: [part(40), part(50)] }, 'parts'],
    ['no instalments', { kind: 'instalments', parts: [] }, 'parts'],
    ['a percent with three decimals', { kind: 'instalments', parts: [part(66.667), part(33.333)] }, 'parts[0].percent'],
    ['a fractional day offset', { kind: 'instalments', parts: [part(50), part(50, 1.5)] }, 'parts[1].dayOffset'],
    ['a discount on instalments', { kind: 'instalments', parts: [part(100)], earlyDiscount: { percent: 2, withinDays: 10 } }, 'earlyDiscount'],
    ['a 100% discount', { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 100, withinDays: 10 } }, 'earlyDiscount.percent'],
    ['a discount without days', { kind: 'on_delivery', earlyDiscount: { percent: 2 } }, 'earlyDiscount.withinDays'],
  ]
  for (const [name, body, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const result = termsOf(body)
      assert.ok(!result.ok)
      assert.equal(result.code, 'invalid_payment_terms')
      assert.deepEqual(result.extra, { field })
    })
  }

  const on = { invoiceDay: 100, receiptDay: 105, totalMinor: 10_000 }
  const schedules: Array<[string, Terms, typeof on | { invoiceDay: number; receiptDay: null; totalMinor: number }, ReturnType<typeof dueSchedule>]> = [
    ['2/10 net 30: due day 130, 200 off until day 110', { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } }, on,
      { instalments: [{ dueDay: 130, amountMinor: 10_000 }], discount: { untilDay: 110, amountMinor: 200 } }],
    ['net 30 from receipt', { kind: 'net', days: 30, from: 'receipt' }, on, { instalments: [{ dueDay: 135, amountMinor: 10_000 }], discount: null }],
    ['net 30 from a receipt not yet made has no due day', { kind: 'net', days: 30, from: 'receipt' }, { ...on, receiptDay: null },
      { instalments: [{ dueDay: null, amountMinor: 10_000 }], discount: null }],
    ['prepayment is due on the invoice day', { kind: 'prepayment' }, on, { instalments: [{ dueDay: 100, amountMinor: 10_000 }], discount: null }],
    ['on delivery is due on the receipt day', { kind: 'on_delivery' }, on, { instalments: [{ dueDay: 105, amountMinor: 10_000 }], discount: null }],
    ['a discount rounds down: 2% of 999 is 19', { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } }, { ...on, totalMinor: 999 },
      { instalments: [{ dueDay: 130, amountMinor: 999 }], discount: { untilDay: 110, amountMinor: 19 } }],
    ['thirds of 100: the largest remainder (33.34) takes the cent', { kind: 'instalments', parts: [part(33.33, 0), part(33.33, 30), part(33.34, 60)] }, { ...on, totalMinor: 100 },
      { instalments: [{ dueDay: 100, amountMinor: 33 }, { dueDay: 130, amountMinor: 33 }, { dueDay: 160, amountMinor: 34 }], discount: null }],
    ['halves of 101: a tie goes to the earlier part', { kind: 'instalments', parts: [part(50, 0), part(50, 30)] }, { ...on, totalMinor: 101 },
      { instalments: [{ dueDay: 100, amountMinor: 51 }, { dueDay: 130, amountMinor: 50 }], discount: null }],
    ['30% deposit, 70% 60 days after receipt of 999.99', { kind: 'instalments', parts: [part(30, 0), part(70, 60, 'receipt')] }, { ...on, totalMinor: 99_999 },
      { instalments: [{ dueDay: 100, amountMinor: 30_000 }, { dueDay: 165, amountMinor: 69_999 }], discount: null }],
  ]
  for (const [name, terms, input, expected] of schedules) it(name, () => assert.deepEqual(dueSchedule(terms, input), expected))

  it('splits any total into parts summing exactly to it, each within one minor unit of its share', async (t) => {
    const weights = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }).map((ws) => {
      const sum = ws.reduce((a, b) => a + b, 0)
      const bp = ws.map((w) => Math.floor((w * 10_000) / sum))
      bp[0] += 10_000 - bp.reduce((a, b) => a + b, 0)
      return bp
    })
    await assertProperty(t, fc.property(fc.integer({ min: 0, max: 10 ** 12 }), weights, (total, bp) => {
      const parts = splitByBasisPoints(total, bp)
      assert.equal(parts.reduce((a, b) => a + b, 0), total)
      parts.forEach((p, i) => assert.ok(Math.abs(p - (total * bp[i]) / 10_000) < 1, `${p} vs ${(total * bp[i]) / 10_000}`))
    }), { numRuns: 300, regressionSeeds: [17] })
  })
})

const open = (invoiceId: string, supplierId: string, currency: string, dueDay: number, amountMinor: number, more: Partial<OpenInstalment> = {}): OpenInstalment =>
  ({ invoiceId, supplierId, currency, dueDay, amountMinor, paidMinor: 0, hold: false, discount: null, ...more })

describe('payment run proposal', () => {
  const instalments = [
    open('A', 's1', 'CNY', 180, 10_000),
    open('B', 's1', 'CNY', 195, 5000, { paidMinor: 2000 }),
    open('C', 's1', 'CNY', 150, 9000, { hold: true }),
    open('D', 's2', 'CNY', 230, 20_000, { discount: { untilDay: 195, amountMinor: 400 } }),
    open('E', 's2', 'CNY', 230, 20_000, { discount: { untilDay: 185, amountMinor: 400 } }),
    open('F', 's2', 'USD', 200, 7000, { paidMinor: 7000 }),
    open('G', 's2', 'USD', 199, 8000, { discount: { untilDay: 190, amountMinor: 160 } }),
  ]
  const options = { payByDay: 200, today: 190 }

  it('pays what is due, the rest of a partly paid one, and early where a discount is open; never a hold or a settled one', () => {
    const run = proposeRun(instalments, options)
    assert.deepEqual(run.lines.map((l) => [l.instalment.invoiceId, l.reason, l.payMinor, l.discountMinor]),
      [['A', 'due', 10_000, 0], ['B', 'due', 3000, 0], ['G', 'due', 7840, 160], ['D', 'early_discount', 19_600, 400]])
    assert.deepEqual(run.groups.map((g) => [g.supplierId, g.currency, g.totalMinor, g.discountMinor, g.lines.map((l) => l.instalment.invoiceId)]),
      [['s1', 'CNY', 13_000, 0, ['A', 'B']], ['s2', 'CNY', 19_600, 400, ['D']], ['s2', 'USD', 7840, 160, ['G']]])
    assert.match(run.lines[1].explanation, /pays 3000 \(the rest after 2000 paid\)/)
    assert.match(run.lines[3].explanation, /Not due until day 230, but paying 19600 now saves 400, claimable until day 195/)
  })

  it('skips early payment for a discount below the minimum worth taking, still taking it on a due line', () => {
    const run = proposeRun(instalments, { ...options, minDiscountMinor: 500 })
    assert.deepEqual(run.lines.map((l) => l.instalment.invoiceId), ['A', 'B', 'G'])
    assert.equal(run.lines[2].discountMinor, 160)
  })

  it('proposes nothing once its payments are recorded', () => {
    assert.deepEqual(proposeRun(recordRun(instalments, proposeRun(instalments, options)), options), { groups: [], lines: [] })
  })

  const instalment = fc.record({
    invoiceId: fc.constantFrom('I1', 'I2', 'I3', 'I4'),
    supplierId: fc.constantFrom('s1', 's2'),
    currency: fc.constantFrom('CNY', 'USD'),
    dueDay: fc.integer({ min: 0, max: 60 }),
    amountMinor: fc.integer({ min: 0, max: 100_000 }),
    paidMinor: fc.integer({ min: 0, max: 110_000 }),
    hold: fc.boolean(),
    discount: fc.option(fc.record({ untilDay: fc.integer({ min: 0, max: 60 }), amountMinor: fc.integer({ min: 0, max: 5000 }) })),
  })
  const runOptions = fc.record({ payByDay: fc.integer({ min: 0, max: 60 }), today: fc.integer({ min: 0, max: 60 }), minDiscountMinor: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }) })

  it('never pays a held invoice nor more than is open, totals its groups, and leaves nothing to propose once recorded', async (t) => {
    await assertProperty(t, fc.property(fc.array(instalment, { maxLength: 15 }), runOptions, (list, opts) => {
      const run = proposeRun(list, opts)
      for (const l of run.lines) {
        assert.equal(l.instalment.hold, false)
        assert.ok(l.payMinor > 0 && l.discountMinor >= 0)
        assert.ok(l.payMinor + l.discountMinor <= l.instalment.amountMinor - l.instalment.paidMinor, 'pays more than is open')
      }
      for (const g of run.groups) {
        assert.equal(g.totalMinor, g.lines.reduce((a, l) => a + l.payMinor, 0))
        assert.ok(g.lines.every((l) => l.instalment.supplierId === g.supplierId && l.instalment.currency === g.currency))
      }
      assert.equal(run.groups.reduce((a, g) => a + g.lines.length, 0), run.lines.length)
      // Everything due, not held and with something left to pay after any discount is in the run.
      for (const inst of list) {
        const discount = inst.discount !== null && opts.today <= inst.discount.untilDay ? inst.discount.amountMinor : 0
        if (!inst.hold && inst.dueDay <= opts.payByDay && inst.amountMinor - inst.paidMinor - discount > 0) assert.ok(run.lines.some((l) => l.instalment === inst))
      }
      assert.deepEqual(proposeRun(recordRun(list, run), opts).lines, [])
    }), { numRuns: 500, regressionSeeds: [17, 2026] })
  })
})
