/**
 * What a supplier is debited for, pure: from a purchase receipt (units that failed QC, units an
 * ASN promised that did not come), from a return to vendor, from a delay its slip caused (the
 * agreed share of the customer's compensation), and from a credit note it issued. Each decision
 * follows the supplier's agreement in force and names its source, so the store keeps one debit
 * per source (`kind` + `sourceId`): a source is never debited twice.
 */
import { ok, type Result } from '../kernel/result.ts'
import { isCurrency } from '../kernel/money.ts'
import type { Agreement } from './agreement.ts'
import type { DebitKind } from './debit-store.ts'
import { fail } from './errors.ts'
import { percentOf } from './money.ts'

/** A debit as decided, before it has an id, a status or a time. */
export interface DebitDraft {
  supplierId: string
  kind: DebitKind
  /** What it is for, unique per kind: `<invoice or receipt id>:<po line id>`, a return-to-vendor id, a delay id, `<supplier id>:<credit note number>`. */
  sourceId: string
  currency: string
  amountMinor: number
  quantity: number | null
  /** The facts behind the amount (PO, order, units, unit price, share); stored as JSON. */
  detail: Record<string, unknown>
}

/** A PO line as the shortfall rule needs it: what arrived in good order, what did not, what was billed and already debited. */
export interface LineShortfallFacts {
  poId: string
  poLineId: string
  skuId: string
  supplierId: string
  currency: string
  unitCostMinor: number
  passed: number
  /** Units that failed QC, over every receipt of the line. */
  failed: number
  /** Units short of the ASNs they were received against (a receipt without an ASN says nothing is missing: the rest is still owed). */
  shortOfAsn: number
  /** Units billed on the supplier's accepted invoices (matched, approved, paid). */
  billed: number
  debitedQc: number
  debitedShort: number
}

/** The units of a line the agreement lets the supplier bill beyond those that passed QC, to be debited back. */
export function debitableUnits(l: Pick<LineShortfallFacts, 'failed' | 'shortOfAsn'>, agreement: Agreement): number {
  return (agreement.debits.qcFailures ? l.failed : 0) + (agreement.debits.shortReceipts ? l.shortOfAsn : 0)
}

/**
 * QC failures and short receipts are debited only as far as the supplier billed them: units
 * billed on accepted invoices beyond those that passed, up to the units that failed (then those
 * short of an ASN) the agreement debits, less what is debited already. A supplier that bills only
 * what passed owes nothing back; one paid ahead for units that then fail owes them. Checked when
 * goods arrive and when an invoice is accepted; `sourcePrefix` names that event (a receipt or an
 * invoice), so each is one debit per kind and line.
 */
export function shortfallDebits(lines: readonly LineShortfallFacts[], agreement: Agreement, sourcePrefix: string): DebitDraft[] {
  const drafts: DebitDraft[] = []
  for (const l of lines) {
    const due = Math.min(debitableUnits(l, agreement), Math.max(0, l.billed - l.passed)) - l.debitedQc - l.debitedShort
    if (due <= 0) continue
    const qcUnits = Math.min(due, Math.max(0, (agreement.debits.qcFailures ? l.failed : 0) - l.debitedQc))
    const base = { poId: l.poId, poLineId: l.poLineId, skuId: l.skuId, unitCostMinor: l.unitCostMinor, billed: l.billed, passed: l.passed }
    const draft = (kind: 'qc_failure' | 'short_receipt', units: number, reason: string): DebitDraft => ({
      supplierId: l.supplierId, kind, sourceId: `${sourcePrefix}:${l.poLineId}`, currency: l.currency, amountMinor: units * l.unitCostMinor, quantity: units,
      detail: { ...base, units, reason },
    })
    if (qcUnits > 0) drafts.push(draft('qc_failure', qcUnits, 'billed, but failed quality control'))
    if (due - qcUnits > 0) drafts.push(draft('short_receipt', due - qcUnits, 'billed, but fewer units arrived than the ASN announced'))
  }
  return drafts
}

/** One return-to-vendor document of the returns context. */
export interface ReturnToVendorFacts {
  id: string
  returnId: string
  supplierId: string
  skuId: string
  nodeId: string
  quantity: number
  /** The document's debit: the units at the supplier's cost. */
  debitMinor: number
  currency: string
}

export function returnToVendorDebit(rtv: ReturnToVendorFacts, agreement: Agreement): DebitDraft | undefined {
  if (!agreement.debits.returnsToVendor || rtv.debitMinor <= 0) return undefined
  return {
    supplierId: rtv.supplierId, kind: 'return_to_vendor', sourceId: rtv.id, currency: rtv.currency, amountMinor: rtv.debitMinor, quantity: rtv.quantity,
    detail: { returnId: rtv.returnId, skuId: rtv.skuId, nodeId: rtv.nodeId, units: rtv.quantity },
  }
}

/** A delay a supplier's slip caused, as the orders context recorded it. */
export interface SupplierDelayFacts {
  id: string
  orderId: string
  lineNo: number
  supplierId: string
  poId: string | null
  cause: string
  daysLate: number | null
  /** The compensation the customer got for this delay (each later delay of a line records only what it added). */
  compensationMinor: number
  currency: string
}

/**
 * The chargeback of one delay: the agreement's percent of the customer's compensation, rounded
 * down to the minor unit (the supplier never pays a fraction more than its share). Nothing when
 * the agreement passes none through or the share rounds to zero.
 */
export function delayChargeback(d: SupplierDelayFacts, agreement: Agreement): DebitDraft | undefined {
  const percent = agreement.chargebackPercent
  if (percent <= 0 || d.compensationMinor <= 0) return undefined
  const amountMinor = percentOf(d.compensationMinor, percent, 'down')
  if (amountMinor <= 0) return undefined
  return {
    supplierId: d.supplierId, kind: 'delay_chargeback', sourceId: d.id, currency: d.currency, amountMinor, quantity: null,
    detail: { orderId: d.orderId, lineNo: d.lineNo, poId: d.poId, cause: d.cause, daysLate: d.daysLate, compensationMinor: d.compensationMinor, percent },
  }
}

/** The compensation a delay row carries (JSON text): its amount and currency, or nothing when it is none or unreadable. */
export function compensationOf(text: string): { amountMinor: number; currency: string } | undefined {
  try {
    const c = JSON.parse(text) as { amountMinor?: unknown; currency?: unknown }
    return typeof c.amountMinor === 'number' && Number.isSafeInteger(c.amountMinor) && typeof c.currency === 'string' ? { amountMinor: c.amountMinor, currency: c.currency } : undefined
  } catch {
    return undefined
  }
}

export interface CreditNoteInput {
  number: string
  amountMinor: number
  currency: string
  reason: string
}

const numberPattern = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,63}$/

/** A credit note the supplier issued: a debit of its amount, its number the source (one note, one debit). */
export function creditNoteDebit(supplierId: string, supplierCurrency: string, input: CreditNoteInput): Result<DebitDraft> {
  if (!numberPattern.test(input.number)) return fail('invalid_credit_note', 'number must be 1–64 letters, digits, dots, dashes, slashes or underscores.', { field: 'number' })
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) return fail('invalid_credit_note', 'amountMinor must be a whole number of minor units above zero.', { field: 'amountMinor' })
  if (!isCurrency(input.currency)) return fail('invalid_credit_note', `currency '${input.currency}' is not an ISO 4217 code.`, { field: 'currency' })
  if (input.currency !== supplierCurrency) {
    return fail('currency_mismatch', `The supplier is paid in ${supplierCurrency}; a credit note in ${input.currency} could not be offset against what it is owed.`, { supplierCurrency })
  }
  const reason = input.reason.trim()
  if (reason.length === 0 || reason.length > 500) return fail('invalid_credit_note', 'reason must be 1–500 characters.', { field: 'reason' })
  return ok({
    supplierId, kind: 'credit_note', sourceId: `${supplierId}:${input.number}`, currency: input.currency, amountMinor: input.amountMinor, quantity: null,
    detail: { number: input.number, reason },
  })
}
