/**
 * Supplier invoices: entered by staff, imported, or sent by the supplier from its portal. Each is
 * matched three ways when it arrives; a mismatch holds it in the exceptions queue until a person
 * approves it (with a reason), rejects it, or asks the supplier for a credit note. Its instalments
 * follow the supplier's payment terms.
 */
import type { Clock } from '../kernel/clock.ts'
import { epochDayOf } from '../kernel/days.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { txResult, type Db, type Queryable } from '../store/db.ts'
import { billableLines, billableLinesById, type BillableLine } from '../purchasing/index.ts'
import { agreementInForce } from './agreement-store.ts'
import type { Agreement } from './agreement.ts'
import { fail } from './errors.ts'
import { decideInvoice, invoiceDraftOf, type InvoiceDraft, type InvoiceSource, type InvoiceStatus, type LineFacts } from './invoice.ts'
import {
  insertInvoice, invoicedUnits, listInvoices, loadInvoice, replaceInstalments, resolveInvoice, type Instalment, type Invoice, type InvoiceFilter,
} from './invoice-store.ts'
import { allocate } from './money.ts'
import { allocateInvoiceCharge } from './costing.ts'
import { debitableUnitsOf, debitBilledShortfalls } from './debits.ts'
import { dueSchedule } from './terms.ts'

export const resolutions = ['approve', 'reject', 'request_credit_note'] as const
export type Resolution = (typeof resolutions)[number]
const resolutionMoves: Record<Resolution, { from: readonly InvoiceStatus[]; to: InvoiceStatus }> = {
  approve: { from: ['on_hold', 'credit_requested'], to: 'approved' },
  reject: { from: ['on_hold', 'credit_requested'], to: 'rejected' },
  request_credit_note: { from: ['on_hold'], to: 'credit_requested' },
}

const factsOf = (l: BillableLine): LineFacts => ({
  poId: l.poId, poLineId: l.poLineId, skuId: l.skuId, currency: l.currency, unitCostMinor: l.unitCostMinor, quantityOrdered: l.quantityOrdered, quantityPassed: l.quantityPassed,
})

/** The instalments an invoice falls due in under an agreement; days from a receipt count from the last receipt on its lines. */
export function instalmentsOf(agreement: Agreement, invoiceDay: number, lastReceiptAtMs: number | null, totalMinor: number): Instalment[] {
  const schedule = dueSchedule(agreement.terms, { invoiceDay, receiptDay: lastReceiptAtMs === null ? null : epochDayOf(lastReceiptAtMs), totalMinor })
  // The discount is on the whole invoice: each instalment carries its share, split by largest remainder so the shares sum exactly.
  const discounts = schedule.discount === null || totalMinor === 0 ? schedule.instalments.map(() => 0)
    : allocate(schedule.discount.amountMinor, schedule.instalments.map((i) => i.amountMinor))
  return schedule.instalments.map((i, seq) => ({
    seq: seq + 1, dueDay: i.dueDay, amountMinor: i.amountMinor, paidMinor: 0, discountUntilDay: schedule.discount?.untilDay ?? null, discountMinor: discounts[seq],
  }))
}

export class Invoices {
  readonly #db: Db
  readonly #clock: Clock

  constructor(db: Db, clock: Clock) {
    this.#db = db
    this.#clock = clock
  }

  /** Records and matches an invoice of `supplierId`; a number the supplier used before is refused. */
  create(supplierId: string, body: Record<string, unknown>, source: InvoiceSource, actor: string): Promise<Result<Invoice>> {
    const draft = invoiceDraftOf(body)
    if (!draft.ok) return Promise.resolve(draft)
    return txResult(this.#db, (tx) => this.#createWithin(tx, supplierId, draft.value, source, actor))
  }

  async #createWithin(tx: Queryable, supplierId: string, draft: InvoiceDraft, source: InvoiceSource, actor: string): Promise<Result<Invoice>> {
    const billable = await billableLines(tx, supplierId, draft.lines.map((l) => l.po))
    const poLineIds = [...new Set([...billable.values()].map((l) => l.poLineId))]
    const [invoicedBefore, { agreement }] = await Promise.all([invoicedUnits(tx, poLineIds), agreementInForce(tx, supplierId)])
    const debitable = await debitableUnitsOf(tx, agreement, poLineIds)
    const facts = new Map([...billable].map(([key, line]) => [key, factsOf(line)]))
    const decided = decideInvoice(draft, { lines: facts, invoicedBefore, debitable, tolerance: agreement.tolerance })
    if (!decided.ok) return decided
    const nowMs = this.#clock.nowMs()
    const lastReceiptAtMs = lastReceiptOf([...billable.values()].filter((l) => decided.value.lines.some((m) => m.poLineId === l.poLineId)))
    const invoice: Invoice = {
      id: newId('sinv'), supplierId, number: draft.number, currency: draft.currency, invoiceDay: draft.invoiceDay, goodsMinor: decided.value.goodsMinor,
      chargesMinor: decided.value.chargesMinor, taxMinor: draft.taxMinor, totalMinor: decided.value.totalMinor, status: decided.value.status, source, note: draft.note,
      resolution: null, resolvedBy: null, resolvedAtMs: null, version: 1, createdBy: actor, createdAtMs: nowMs, updatedAtMs: nowMs,
      lines: decided.value.lines, charges: draft.charges.map((c, i) => ({ ...c, chargeNo: i + 1 })),
      instalments: instalmentsOf(agreement, draft.invoiceDay, lastReceiptAtMs, decided.value.totalMinor),
    }
    if (!(await insertInvoice(tx, invoice))) {
      return fail('duplicate_invoice_number', `The supplier already has an invoice numbered '${draft.number}'.`, { field: 'number' })
    }
    if (invoice.status === 'matched') {
      const accepted = await accept(tx, invoice, actor, nowMs)
      if (!accepted.ok) return accepted
    }
    return ok(invoice)
  }

  /**
   * Records many invoices in one transaction (an import): each is matched as if sent alone; when
   * any fails (a number already used is not a failure) and `keepGood` is false, none is kept.
   */
  async createMany(items: ReadonlyArray<{ supplierId: Result<string>; body: Record<string, unknown> }>, source: InvoiceSource, actor: string, keepGood: boolean,
    onProgress?: (done: number, total: number) => void): Promise<Array<Result<Invoice>>> {
    const results: Array<Result<Invoice>> = []
    const rollBack = new Error('an invoice of the import failed')
    try {
      await this.#db.tx(async (tx) => {
        for (const item of items) {
          const draft = invoiceDraftOf(item.body)
          results.push(!item.supplierId.ok ? item.supplierId : !draft.ok ? draft : await this.#createWithin(tx, item.supplierId.value, draft.value, source, actor))
          onProgress?.(results.length, items.length)
        }
        if (!keepGood && results.some((r) => !r.ok && r.code !== 'duplicate_invoice_number')) throw rollBack
      })
    } catch (error) {
      if (error !== rollBack) throw error
    }
    return results
  }

  async get(id: string, supplierId?: string): Promise<Result<Invoice>> {
    const found = await loadInvoice(this.#db, id)
    // Another supplier's invoice is not there for this one: the same answer as no invoice at all.
    if (found === undefined || (supplierId !== undefined && found.supplierId !== supplierId)) return fail('invoice_not_found', `No invoice with id '${id}'.`)
    return ok(found)
  }

  list(filter: InvoiceFilter, beforeId: string | undefined, limit: number): Promise<Invoice[]> {
    return listInvoices(this.#db, filter, beforeId, limit)
  }

  /**
   * A person's decision on a held invoice: approve (payable, the reason kept), reject (its units
   * may be billed again), or ask the supplier for a credit note (it stays unpaid until approved).
   * Approving re-dates instalments counted from a receipt that has since arrived.
   */
  resolve(id: string, resolution: Resolution, reason: string, actor: string): Promise<Result<Invoice>> {
    const text = reason.trim()
    if (text.length === 0 || text.length > 1000) return Promise.resolve(fail('invalid_resolution', 'reason must say why, in 1–1000 characters.', { field: 'reason' }))
    return txResult(this.#db, async (tx) => {
      const invoice = await loadInvoice(tx, id, true)
      if (invoice === undefined) return fail('invoice_not_found', `No invoice with id '${id}'.`)
      const move = resolutionMoves[resolution]
      if (!(await resolveInvoice(tx, id, move.from, move.to, text, actor, this.#clock.nowMs()))) {
        return fail('invoice_not_on_hold', `Invoice ${invoice.number} is ${invoice.status}; only an invoice ${move.from.join(' or ')} can be resolved this way.`, { status: invoice.status })
      }
      if (move.to === 'approved') {
        await this.#redate(tx, invoice)
        const accepted = await accept(tx, invoice, actor, this.#clock.nowMs())
        if (!accepted.ok) return accepted
      }
      return ok((await loadInvoice(tx, id))!)
    })
  }

  /** Fills in due days counted from a receipt that had not arrived when the invoice did (nothing paid yet on them). */
  async #redate(tx: Queryable, invoice: Invoice): Promise<void> {
    if (invoice.instalments.every((i) => i.dueDay !== null)) return
    const lines = await billableLinesById(tx, invoice.lines.map((l) => l.poLineId))
    const { agreement } = await agreementInForce(tx, invoice.supplierId)
    const fresh = instalmentsOf(agreement, invoice.invoiceDay, lastReceiptOf([...lines.values()]), invoice.totalMinor)
    const kept = fresh.map((f, i) => ({ ...f, paidMinor: invoice.instalments[i]?.paidMinor ?? 0 }))
    await replaceInstalments(tx, invoice.id, invoice.supplierId, invoice.currency, kept)
  }
}

/**
 * What accepting an invoice (matched, or approved by a person) does beyond its status: units it
 * bills beyond those that passed QC are debited back as far as they failed or came short, and its
 * charges land on the receipts they name.
 */
async function accept(tx: Queryable, invoice: Invoice, by: string, atMs: number): Promise<Result<void>> {
  await debitBilledShortfalls(tx, invoice.supplierId, invoice.lines.map((l) => l.poLineId), invoice.id, atMs)
  return landCharges(tx, invoice, by, atMs)
}

/**
 * An invoice's charges that name a receipt become its landed cost once the invoice is accepted
 * (matched, or approved by a person): spread over the receipt's lines (by value unless the charge
 * says), once per charge. A charge that cannot land (an unknown receipt, a SKU without the weight
 * its basis needs) refuses the acceptance, so it can be corrected first.
 */
async function landCharges(tx: Queryable, invoice: Invoice, by: string, atMs: number): Promise<Result<void>> {
  for (const charge of invoice.charges) {
    if (charge.receiptId === null) continue
    const landed = await allocateInvoiceCharge(tx, {
      invoiceId: invoice.id, chargeNo: charge.chargeNo, receiptId: charge.receiptId, kind: charge.kind, basis: charge.basis ?? 'value',
      amountMinor: charge.amountMinor, currency: invoice.currency, by, atMs,
    })
    if (!landed.ok) return { ...landed, detail: `Charge ${charge.chargeNo} (${charge.kind}): ${landed.detail}` }
  }
  return ok(undefined)
}

function lastReceiptOf(lines: readonly BillableLine[]): number | null {
  const days = lines.flatMap((l) => (l.lastReceiptAtMs === null ? [] : [l.lastReceiptAtMs]))
  return days.length === 0 ? null : Math.max(...days)
}
