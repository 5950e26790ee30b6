/** The debit rules, pure: chargebacks rounded down to the minor unit, receipt debits per the agreement, credit notes checked. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { builtInAgreement } from '../src/payables/agreement.ts'
import { creditNoteDebit, debitableUnits, delayChargeback, returnToVendorDebit, shortfallDebits, type LineShortfallFacts, type SupplierDelayFacts } from '../src/payables/debit-decide.ts'

const delay = (compensationMinor: number): SupplierDelayFacts => ({
  id: 'dly_1', orderId: 'ord_1', lineNo: 1, supplierId: 'sup_1', poId: 'po_1', cause: 'eta_moved', daysLate: 3, compensationMinor, currency: 'CNY',
})
const withPercent = (chargebackPercent: number) => ({ ...builtInAgreement, chargebackPercent })

describe('delay chargebacks', () => {
  it('takes the percent of the compensation, rounded down', () => {
    assert.equal(delayChargeback(delay(1500), withPercent(33.33))?.amountMinor, 499, '499.95 → 499')
    assert.equal(delayChargeback(delay(1000), withPercent(50))?.amountMinor, 500)
    assert.equal(delayChargeback(delay(999), withPercent(100))?.amountMinor, 999)
    assert.equal(delayChargeback(delay(1), withPercent(99.99)), undefined, '0.9999 rounds to nothing: no debit')
    assert.equal(delayChargeback(delay(1500), withPercent(0)), undefined)
    assert.equal(delayChargeback(delay(0), withPercent(50)), undefined)
  })

  it('never charges more than the share, nor a whole unit less (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (compensation, bp) => {
      const amount = delayChargeback(delay(compensation), withPercent(bp / 100))?.amountMinor ?? 0
      const exact = compensation * bp // the share × 10,000
      assert.ok(amount * 10_000 <= exact && exact < (amount + 1) * 10_000)
    }))
  })
})

describe('QC failures and short receipts', () => {
  const line = (more: Partial<LineShortfallFacts> = {}): LineShortfallFacts => ({
    poId: 'po_1', poLineId: 'pol_1', skuId: 'sku_1', supplierId: 'sup_1', currency: 'CNY', unitCostMinor: 250,
    passed: 5, failed: 3, shortOfAsn: 2, billed: 5, debitedQc: 0, debitedShort: 0, ...more,
  })
  const none = { qcFailures: false, shortReceipts: false, returnsToVendor: true }
  const cases: Array<[name: string, facts: Partial<LineShortfallFacts>, debits: typeof builtInAgreement.debits, expected: Array<[string, number, number]>]> = [
    ['billing only what passed owes nothing', {}, builtInAgreement.debits, []],
    ['billed 2 beyond: the failed units first', { billed: 7 }, builtInAgreement.debits, [['qc_failure', 2, 500]]],
    ['billed all: failed, then short', { billed: 10 }, builtInAgreement.debits, [['qc_failure', 3, 750], ['short_receipt', 2, 500]]],
    ['billed beyond failed and short: only those', { billed: 14 }, builtInAgreement.debits, [['qc_failure', 3, 750], ['short_receipt', 2, 500]]],
    ['already debited is not debited again', { billed: 10, debitedQc: 3 }, builtInAgreement.debits, [['short_receipt', 2, 500]]],
    ['all debited: nothing', { billed: 10, debitedQc: 3, debitedShort: 2 }, builtInAgreement.debits, []],
    ['short only when the agreement takes no QC debits', { billed: 10 }, { ...none, shortReceipts: true }, [['short_receipt', 2, 500]]],
    ['nothing when it takes neither', { billed: 10 }, none, []],
  ]
  for (const [name, facts, debits, expected] of cases) {
    it(name, () => {
      const drafts = shortfallDebits([line(facts)], { ...builtInAgreement, debits }, 'inv_1')
      assert.deepEqual(drafts.map((d) => [d.kind, d.quantity, d.amountMinor]), expected)
      assert.ok(drafts.every((d) => d.sourceId === 'inv_1:pol_1'))
    })
  }

  it('never debits more units than were billed beyond those that passed, nor more than failed or came short (property)', () => {
    fc.assert(fc.property(fc.nat(50), fc.nat(20), fc.nat(20), fc.nat(100), fc.nat(20), fc.nat(20), fc.boolean(), fc.boolean(), (passed, failed, shortOfAsn, billed, debitedQc, debitedShort, qc, short) => {
      const facts = line({ passed, failed, shortOfAsn, billed, debitedQc: Math.min(debitedQc, failed), debitedShort: Math.min(debitedShort, shortOfAsn) })
      const agreement = { ...builtInAgreement, debits: { qcFailures: qc, shortReceipts: short, returnsToVendor: true } }
      const units = shortfallDebits([facts], agreement, 'x').reduce((n, d) => n + d.quantity!, 0) + facts.debitedQc + facts.debitedShort
      assert.ok(units <= Math.max(facts.debitedQc + facts.debitedShort, Math.max(0, billed - passed)))
      assert.ok(units <= Math.max(facts.debitedQc + facts.debitedShort, debitableUnits(facts, agreement)))
    }))
  })
})

describe('returns to vendor', () => {
  it('a return to vendor at its document’s debit, unless the agreement accepts none', () => {
    const rtv = { id: 'rtv_1', returnId: 'rma_1', supplierId: 'sup_1', skuId: 'sku_1', nodeId: 'node_1', quantity: 1, debitMinor: 4000, currency: 'CNY' }
    assert.deepEqual([returnToVendorDebit(rtv, builtInAgreement)?.amountMinor, returnToVendorDebit(rtv, builtInAgreement)?.sourceId], [4000, 'rtv_1'])
    assert.equal(returnToVendorDebit(rtv, { ...builtInAgreement, debits: { qcFailures: true, shortReceipts: true, returnsToVendor: false } }), undefined)
  })
})

describe('credit notes', () => {
  const note = { number: 'CN-2026/001', amountMinor: 12_345, currency: 'CNY', reason: 'price correction' }
  it('is a debit of its amount, its source the supplier and number', () => {
    const d = creditNoteDebit('sup_1', 'CNY', note)
    assert.ok(d.ok)
    assert.deepEqual([d.value.kind, d.value.sourceId, d.value.amountMinor, d.value.detail], ['credit_note', 'sup_1:CN-2026/001', 12_345, { number: 'CN-2026/001', reason: 'price correction' }])
  })
  for (const [name, input, code] of [
    ['a blank number', { ...note, number: '' }, 'invalid_credit_note'],
    ['a number with spaces', { ...note, number: 'CN 1' }, 'invalid_credit_note'],
    ['zero', { ...note, amountMinor: 0 }, 'invalid_credit_note'],
    ['a fraction of a minor unit', { ...note, amountMinor: 1.5 }, 'invalid_credit_note'],
    ['an unknown currency', { ...note, currency: 'XXQ' }, 'invalid_credit_note'],
    ['another currency than the supplier’s', { ...note, currency: 'USD' }, 'currency_mismatch'],
    ['a blank reason', { ...note, reason: '  ' }, 'invalid_credit_note'],
  ] as const) {
    it(`refuses ${name}`, () => {
      const d = creditNoteDebit('sup_1', 'CNY', input)
      assert.equal(d.ok ? 'accepted' : d.code, code)
    })
  }
})
