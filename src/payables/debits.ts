/**
 * Debits against suppliers (issue 17 item 4): written inside the transaction of what caused them
 * — a purchase receipt (QC failures, ASN shortfalls), a return to vendor, a re-promise whose
 * delays a supplier's slip caused (the agreed share of the customers' compensation) — through
 * listeners the composition root hands to purchasing, returns and re-promising; and credit notes
 * entered by staff. Each follows the supplier's agreement in force at that moment; one debit per
 * source, so nothing is debited twice (a replayed receipt or a listener called again adds nothing).
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { billableLinesById, shortfallsByPoLine, type Receipt } from '../purchasing/index.ts'
import type { DelayRecord } from '../orders/index.ts'
import type { Agreement } from './agreement.ts'
import { agreementInForce } from './agreement-store.ts'
import {
  compensationOf, creditNoteDebit, debitableUnits, delayChargeback, returnToVendorDebit, shortfallDebits,
  type CreditNoteInput, type DebitDraft, type ReturnToVendorFacts,
} from './debit-decide.ts'
import { acceptedInvoicedUnits } from './invoice-store.ts'
import { debitedUnitsByPoLine, debitsByIds, insertDebit, insertDebits, listDebits, type Debit, type DebitKind, type DebitStatus } from './debit-store.ts'
import { fail, notFound } from './errors.ts'

/** A supplier as debits need it: its id and the currency it is paid in. */
export type SupplierOf = (idOrCode: string) => Promise<{ id: string; currency: string } | undefined>

export interface DebitFilter {
  supplierId?: string
  kind?: DebitKind
  status?: DebitStatus
}

const system = 'system:payables'

/** Units of each of a supplier's PO lines it may bill beyond those that passed QC (failed, or short of an ASN, as its agreement debits them). */
export async function debitableUnitsOf(q: Queryable, agreement: Agreement, poLineIds: readonly string[]): Promise<Map<string, number>> {
  const shortfalls = await shortfallsByPoLine(q, poLineIds)
  return new Map([...shortfalls].map(([id, l]) => [id, debitableUnits(l, agreement)]))
}

/**
 * Debits the supplier for units of these PO lines it billed (on accepted invoices) beyond those
 * that passed QC, as far as they failed or came short and its agreement says so, less what is
 * debited already (debit-decide.ts `shortfallDebits`). Called in the transaction of a receipt and
 * of an invoice's acceptance; `sourcePrefix` is that receipt's or invoice's id.
 */
export async function debitBilledShortfalls(tx: Queryable, supplierId: string, poLineIds: readonly string[], sourcePrefix: string, atMs: number): Promise<void> {
  const ids = [...new Set(poLineIds)]
  const [{ agreement }, lines, shortfalls, billed, debited] = await Promise.all([
    agreementInForce(tx, supplierId), billableLinesById(tx, ids), shortfallsByPoLine(tx, ids), acceptedInvoicedUnits(tx, ids), debitedUnitsByPoLine(tx, ids),
  ])
  const facts = [...lines.values()].filter((l) => l.supplierId === supplierId).map((l) => ({
    poId: l.poId, poLineId: l.poLineId, skuId: l.skuId, supplierId, currency: l.currency, unitCostMinor: l.unitCostMinor, passed: l.quantityPassed,
    failed: shortfalls.get(l.poLineId)?.failed ?? 0, shortOfAsn: shortfalls.get(l.poLineId)?.shortOfAsn ?? 0, billed: billed.get(l.poLineId) ?? 0,
    debitedQc: debited.get(l.poLineId)?.qc ?? 0, debitedShort: debited.get(l.poLineId)?.short ?? 0,
  }))
  const drafts = shortfallDebits(facts, agreement, sourcePrefix)
  if (drafts.length > 0) await insertDebits(tx, drafts.map((d) => ({ ...d, id: newId('sdeb'), createdBy: system, createdAtMs: atMs })))
}

export class Debits {
  readonly #db: Db
  readonly #clock: Clock
  readonly #supplierOf: SupplierOf

  constructor(db: Db, clock: Clock, deps: { supplierOf: SupplierOf }) {
    this.#db = db
    this.#clock = clock
    this.#supplierOf = deps.supplierOf
  }

  /** Purchasing's receipt listener: units already billed (a supplier paid ahead) that failed QC or came short are debited back, in the receipt's transaction. */
  readonly onReceipt = async (tx: Queryable, receipt: Receipt): Promise<void> => {
    await debitBilledShortfalls(tx, receipt.supplierId, receipt.lines.map((l) => l.poLineId), receipt.id, this.#clock.nowMs())
  }

  /** Returns' listener for each return-to-vendor document it writes, in the same transaction. */
  readonly onReturnToVendor = async (tx: Queryable, rtv: ReturnToVendorFacts): Promise<void> => {
    const draft = returnToVendorDebit(rtv, await this.#agreementOf(tx, rtv.supplierId))
    if (draft) await this.#insert(tx, [draft])
  }

  /**
   * Re-promising's listener for the delays a supplier's slip caused: each is charged back once,
   * when it is recorded, at the share the agreement in force then passes through. A delay's
   * compensation never changes after it is recorded (a later slip of the line is a new delay
   * with only what it adds), so neither does its chargeback; a changed agreement applies to
   * delays recorded after the change.
   */
  readonly onSupplierDelays = async (tx: Queryable, delays: readonly DelayRecord[]): Promise<void> => {
    const agreements = new Map<string, Agreement>()
    const drafts: DebitDraft[] = []
    for (const d of delays) {
      const compensation = compensationOf(d.compensation)
      if (d.supplierId === null || compensation === undefined || compensation.amountMinor <= 0) continue
      let agreement = agreements.get(d.supplierId)
      if (agreement === undefined) agreements.set(d.supplierId, (agreement = await this.#agreementOf(tx, d.supplierId)))
      const draft = delayChargeback({
        id: d.id, orderId: d.orderId, lineNo: d.lineNo, supplierId: d.supplierId, poId: d.poId, cause: d.cause, daysLate: d.daysLate,
        compensationMinor: compensation.amountMinor, currency: compensation.currency,
      }, agreement)
      if (draft) drafts.push(draft)
    }
    await this.#insert(tx, drafts)
  }

  /** A credit note the supplier issued, entered by staff: one debit per supplier and number. */
  async creditNote(supplierRef: string, input: CreditNoteInput, by: string): Promise<Result<Debit>> {
    const supplier = await this.#supplierOf(supplierRef)
    if (!supplier) return notFound('supplier', supplierRef)
    const draft = creditNoteDebit(supplier.id, supplier.currency, input)
    if (!draft.ok) return draft
    const debit: Debit = { ...draft.value, id: newId('sdeb'), status: 'open', paymentId: null, createdBy: by, createdAtMs: this.#clock.nowMs() }
    const added = await this.#db.tx((tx) => insertDebit(tx, debit))
    if (!added) return fail('credit_note_exists', `Supplier ${supplier.id} already has credit note '${input.number}'.`, { number: input.number })
    return ok(debit)
  }

  /** A page of debits, newest first. */
  list(filter: DebitFilter, beforeId: string | undefined, limit: number): Promise<Debit[]> {
    return listDebits(this.#db, filter, beforeId, limit)
  }

  /** One debit; with `supplierId` (a supplier's own view), another supplier's is not found. */
  async get(id: string, supplierId?: string): Promise<Result<Debit>> {
    const [debit] = await debitsByIds(this.#db, [id])
    return debit && (supplierId === undefined || debit.supplierId === supplierId) ? ok(debit) : notFound('debit', id)
  }

  /** The supplier a reference names, for scoping reads. */
  supplierOf(idOrCode: string): ReturnType<SupplierOf> {
    return this.#supplierOf(idOrCode)
  }

  #agreementOf = async (q: Queryable, supplierId: string): Promise<Agreement> => (await agreementInForce(q, supplierId)).agreement

  async #insert(tx: Queryable, drafts: readonly DebitDraft[]): Promise<void> {
    if (drafts.length === 0) return
    const atMs = this.#clock.nowMs()
    await insertDebits(tx, drafts.map((d) => ({ ...d, id: newId('sdeb'), createdBy: system, createdAtMs: atMs })))
  }
}
