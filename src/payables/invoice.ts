/**
 * A supplier invoice as data: the check that runs on what a clerk, a CSV file or the supplier
 * sends, and the decision that matches each line three ways (PO price, units received and passed
 * QC, units and price billed) into an invoice that is payable or on hold. Pure: no I/O, no clock.
 */
import { isCurrency } from '../kernel/money.ts'
import { dayOfIso } from '../kernel/days.ts'
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { matchInvoice, type LineMatch, type MatchTolerance } from './match.ts'

export const chargeKinds = ['freight', 'duty', 'insurance', 'other'] as const
export type ChargeKind = (typeof chargeKinds)[number]
export const costBases = ['quantity', 'value', 'weight', 'volume'] as const
export type CostBasis = (typeof costBases)[number]

/** on_hold waits in the exceptions queue; matched and approved can be paid; credit_requested waits for the supplier's credit note. */
export const invoiceStatuses = ['on_hold', 'credit_requested', 'matched', 'approved', 'rejected', 'paid'] as const
export type InvoiceStatus = (typeof invoiceStatuses)[number]
export const payableStatuses: readonly InvoiceStatus[] = ['matched', 'approved']
export type InvoiceSource = 'staff' | 'import' | 'portal'

export interface InvoiceLineDraft { po: string; lineNo: number; quantity: number; unitPriceMinor: number }
export interface ChargeDraft { kind: ChargeKind; amountMinor: number; description: string | null; receiptId: string | null; basis: CostBasis | null }
export interface InvoiceDraft {
  number: string
  invoiceDay: number
  currency: string
  lines: InvoiceLineDraft[]
  charges: ChargeDraft[]
  taxMinor: number
  note: string | null
}

/** What purchasing knows of a PO line being billed. */
export interface LineFacts {
  poId: string
  poLineId: string
  skuId: string
  currency: string
  unitCostMinor: number
  quantityOrdered: number
  quantityPassed: number
}

/** An invoice line as matched: `lineNo` is its place on the invoice, `poLineNo` the PO line it bills. */
export interface MatchedLine extends LineMatch {
  lineNo: number
  poId: string
  poLineNo: number
  poLineId: string
  skuId: string
  quantity: number
  unitPriceMinor: number
  amountMinor: number
}

export interface InvoiceDecision {
  status: 'matched' | 'on_hold'
  lines: MatchedLine[]
  goodsMinor: number
  chargesMinor: number
  totalMinor: number
}

const maxLines = 500
const maxCharges = 50
/** Ten trillion minor units: far above any invoice, far below where sums lose precision. */
const maxAmountMinor = 10 ** 13
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isWhole = (v: unknown, min: number, max = maxAmountMinor): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max
const refuse = (field: string, rule: string): Failure => fail('invalid_invoice', `${field} ${rule}`, { field })
const invoiceFields = ['number', 'invoiceDate', 'currency', 'lines', 'charges', 'taxMinor', 'note']

/** Validates an invoice body (staff, portal or a CSV row group); `supplierId` is read by the caller. */
export function invoiceDraftOf(body: Record<string, unknown>): Result<InvoiceDraft> {
  const stray = Object.keys(body).find((k) => !invoiceFields.includes(k) && k !== 'supplierId')
  if (stray !== undefined) return refuse(stray, `is not an invoice field: they are ${invoiceFields.join(', ')}.`)
  if (!isText(body.number, 64)) return refuse('number', 'must be the supplier’s invoice number (1–64 characters).')
  const invoiceDay = typeof body.invoiceDate === 'string' ? dayOfIso(body.invoiceDate) : undefined
  if (invoiceDay === undefined) return refuse('invoiceDate', 'must be a day (YYYY-MM-DD).')
  if (!isCurrency(body.currency)) return refuse('currency', 'must be an ISO 4217 code such as CNY or EUR.')
  if (!Array.isArray(body.lines) || body.lines.length === 0 || body.lines.length > maxLines) return refuse('lines', `must list 1–${maxLines} lines, each against a PO line.`)
  const lines: InvoiceLineDraft[] = []
  for (const [i, line] of body.lines.entries()) {
    if (!isRecord(line)) return refuse(`lines[${i}]`, 'must be an object with po, lineNo, quantity, unitPriceMinor.')
    if (!isText(line.po, 100)) return refuse(`lines[${i}].po`, 'must name the purchase order (its id or reference).')
    if (!isWhole(line.lineNo, 1, 100_000)) return refuse(`lines[${i}].lineNo`, 'must be the PO line number (1 or more).')
    if (!isWhole(line.quantity, 1, 1e9)) return refuse(`lines[${i}].quantity`, 'must be a whole number of units above 0.')
    if (!isWhole(line.unitPriceMinor, 0)) return refuse(`lines[${i}].unitPriceMinor`, 'must be a whole number of minor units ≥ 0.')
    lines.push({ po: line.po, lineNo: line.lineNo, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor })
  }
  const charges = chargesOf(body.charges ?? [])
  if (!charges.ok) return charges
  const taxMinor = body.taxMinor ?? 0
  if (!isWhole(taxMinor, 0)) return refuse('taxMinor', 'must be a whole number of minor units ≥ 0.')
  const note = body.note ?? null
  if (note !== null && !isText(note, 1000)) return refuse('note', 'must be text of at most 1000 characters.')
  return ok({ number: body.number.trim(), invoiceDay, currency: body.currency, lines, charges: charges.value, taxMinor, note })
}

function chargesOf(charges: unknown): Result<ChargeDraft[]> {
  if (!Array.isArray(charges) || charges.length > maxCharges) return refuse('charges', `must be a list of at most ${maxCharges} charges.`)
  const out: ChargeDraft[] = []
  for (const [i, c] of charges.entries()) {
    if (!isRecord(c)) return refuse(`charges[${i}]`, 'must be an object with kind and amountMinor.')
    if (!chargeKinds.includes(c.kind as ChargeKind)) return refuse(`charges[${i}].kind`, `must be one of ${chargeKinds.join(', ')}.`)
    if (!isWhole(c.amountMinor, 1)) return refuse(`charges[${i}].amountMinor`, 'must be a whole number of minor units above 0.')
    const description = c.description ?? null
    if (description !== null && !isText(description, 200)) return refuse(`charges[${i}].description`, 'must be text of at most 200 characters.')
    const receiptId = c.receiptId ?? null
    if (receiptId !== null && !isText(receiptId, 100)) return refuse(`charges[${i}].receiptId`, 'must be the id of the receipt the charge lands on.')
    const basis = c.basis ?? null
    if (basis !== null && !costBases.includes(basis as CostBasis)) return refuse(`charges[${i}].basis`, `must be one of ${costBases.join(', ')}.`)
    if (basis !== null && receiptId === null) return refuse(`charges[${i}].basis`, 'needs the receiptId the charge is spread over.')
    out.push({ kind: c.kind as ChargeKind, amountMinor: c.amountMinor, description, receiptId, basis: basis as CostBasis | null })
  }
  return ok(out)
}

export interface MatchFacts {
  /** PO lines by `<po>#<lineNo>` as the invoice names them; absent when the supplier has no such line. */
  lines: ReadonlyMap<string, LineFacts>
  /** Units of each PO line billed on the supplier's other invoices that stand (not rejected). */
  invoicedBefore: ReadonlyMap<string, number>
  /** Units of each PO line that failed QC or came short, which the supplier's agreement lets it bill and debits back: billable. */
  debitable: ReadonlyMap<string, number>
  tolerance: MatchTolerance
}

/** Matches every line; refuses lines on no PO line of the supplier's, or in another currency than their PO. */
export function decideInvoice(draft: InvoiceDraft, facts: MatchFacts): Result<InvoiceDecision> {
  const billedSoFar = new Map(facts.invoicedBefore)
  const inputs = []
  const known: LineFacts[] = []
  for (const [i, line] of draft.lines.entries()) {
    const po = facts.lines.get(`${line.po}#${line.lineNo}`)
    if (po === undefined) return fail('unknown_po_line', `lines[${i}]: the supplier has no purchase order ${line.po} with a line ${line.lineNo}.`, { field: `lines[${i}]` })
    if (po.currency !== draft.currency) return fail('currency_mismatch', `lines[${i}]: purchase order ${line.po} is in ${po.currency}, the invoice in ${draft.currency}.`, { field: `lines[${i}]` })
    const already = billedSoFar.get(po.poLineId) ?? 0
    inputs.push({
      poUnitCostMinor: po.unitCostMinor, orderedQuantity: po.quantityOrdered, receivedPassedQuantity: po.quantityPassed + (facts.debitable.get(po.poLineId) ?? 0),
      alreadyInvoicedQuantity: already, invoicedQuantity: line.quantity, invoicedUnitPriceMinor: line.unitPriceMinor,
    })
    billedSoFar.set(po.poLineId, already + line.quantity)
    known.push(po)
  }
  const matched = matchInvoice(inputs, facts.tolerance)
  const lines = draft.lines.map((line, i): MatchedLine => ({
    ...matched.lines[i], lineNo: i + 1, poId: known[i].poId, poLineNo: line.lineNo, poLineId: known[i].poLineId, skuId: known[i].skuId,
    quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, amountMinor: line.quantity * line.unitPriceMinor,
  }))
  const goodsMinor = lines.reduce((n, l) => n + l.amountMinor, 0)
  const chargesMinor = draft.charges.reduce((n, c) => n + c.amountMinor, 0)
  return ok({ status: matched.status, lines, goodsMinor, chargesMinor, totalMinor: goodsMinor + chargesMinor + draft.taxMinor })
}
