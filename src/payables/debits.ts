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
import type { PurchaseOrder, Receipt } from '../purchasing/index.ts'
import type { DelayRecord } from '../orders/index.ts'
import type { Agreement } from './agreement.ts'
import { agreementInForce } from './agreement-store.ts'
import {
  compensationOf, creditNoteDebit, delayChargeback, receiptDebits, returnToVendorDebit,
  type CreditNoteInput, type DebitDraft, type ReceiptFacts, type ReturnToVendorFacts,
} from './debit-decide.ts'
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

/** Units debited per PO line for QC failures and short receipts, in a transaction or not: the three-way match's `debitedUnits`. */
export { debitedUnitsByPoLine }

/** The receipt's lines with their PO line's unit cost, in the PO's currency. */
export function receiptFactsOf(receipt: Receipt, po: PurchaseOrder): ReceiptFacts {
  return {
    receiptId: receipt.id, poId: receipt.poId, supplierId: receipt.supplierId, asnId: receipt.asnId, currency: po.currency,
    lines: receipt.lines.map((l) => ({
      poLineId: l.poLineId, skuId: l.skuId, unitCostMinor: po.lines.find((p) => p.id === l.poLineId)?.unitCost ?? 0,
      quantityFailed: l.quantityFailed, failReason: l.failReason, quantityShort: l.quantityShort,
    })),
  }
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

  /** Purchasing's receipt listener: QC failures and ASN shortfalls, per the agreement, in the receipt's transaction. */
  readonly onReceipt = async (tx: Queryable, receipt: Receipt, po: PurchaseOrder): Promise<void> => {
    const agreement = await this.#agreementOf(tx, receipt.supplierId)
    await this.#insert(tx, receiptDebits(receiptFactsOf(receipt, po), agreement))
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

  /** Units debited per PO line for QC failures and short receipts. */
  debitedUnitsByPoLine(poLineIds: readonly string[]): Promise<Map<string, number>> {
    return debitedUnitsByPoLine(this.#db, poLineIds)
  }

  #agreementOf = async (q: Queryable, supplierId: string): Promise<Agreement> => (await agreementInForce(q, supplierId)).agreement

  async #insert(tx: Queryable, drafts: readonly DebitDraft[]): Promise<void> {
    if (drafts.length === 0) return
    const atMs = this.#clock.nowMs()
    await insertDebits(tx, drafts.map((d) => ({ ...d, id: newId('sdeb'), createdBy: system, createdAtMs: atMs })))
  }
}
