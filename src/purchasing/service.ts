/**
 * Purchase orders: load → decide → write. Every command locks the PO, decides with the pure
 * rules, then writes the PO, its timeline, its ASN or receipt, the stock movements and the
 * supply-change events in one transaction.
 */
import { isUniqueViolation, type Db, type Queryable } from '../store/db.ts'
import type { Logger } from 'pino'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { FailureError, ok, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import * as decide from './decide.ts'
import type { Context, PoDecision, PoInput, PoPatch } from './decide.ts'
import type { Party } from './lifecycle.ts'
import { receive, type ReceiptDecision, type ReceiptLineInput } from './receiving.ts'
import { once, txRetryingKeyRace, type IdempotencyKey, type Remembered } from '../inventory/index.ts'
import type { Asn, PoEvent, PurchaseOrder, Receipt, SupplyLine } from './model.ts'
import { ScorecardRefresher } from './scorecard-refresh.ts'
import type { Suppliers } from './suppliers.ts'
import { supplyEventsOf } from './supply.ts'
import { supplyView, type SupplyFilter } from './supply-view.ts'
import * as store from './store.ts'

/** Who is acting: the party in the lifecycle table, and for a supplier token its supplier id. */
export interface Actor {
  actor: string
  party: Party
  /** Set for supplier tokens: other suppliers' orders (and unsent drafts) are not found. */
  supplierId?: string
  /** Set for store tokens: only orders delivered to these nodes. */
  nodeIds?: string[]
}

/**
 * Called inside a receipt's transaction with the receipt and its PO as they now stand: another
 * context's follow-up (the cost of what arrived) commits or rolls back with the receipt.
 */
export type ReceiptHook = (tx: Queryable, receipt: Receipt, po: PurchaseOrder) => Promise<void>

type Outcome = PoDecision & { asn?: Asn | null; receipt?: Receipt; stockOps?: ReceiptDecision['stockOps'] }

export class Purchasing {
  readonly #db: Db
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #inventory: Inventory
  readonly #suppliers: Suppliers
  readonly scorecards: ScorecardRefresher
  readonly #shipByOnSlots: store.ShipByOnSlots
  readonly #receiptHooks: ReceiptHook[] = []

  /** `shipByOnSlots`: the orders context's answer to "what did customers get promised on this supply", for the supplier's urgency. */
  constructor(db: Db, clock: Clock, catalogue: Catalogue, inventory: Inventory, suppliers: Suppliers, logger: Logger, shipByOnSlots: store.ShipByOnSlots) {
    this.scorecards = new ScorecardRefresher(db, clock, logger, suppliers.returnedToVendor)
    this.#shipByOnSlots = shipByOnSlots
    this.#db = db
    this.#clock = clock
    this.#catalogue = catalogue
    this.#inventory = inventory
    this.#suppliers = suppliers
  }

  /** Runs `hook` inside every receipt's transaction, after the receipt and its stock are written. */
  onReceipt(hook: ReceiptHook): void {
    this.#receiptHooks.push(hook)
  }

  /** A draft PO; SKUs, supplier and node may be named by id or code. */
  async create(input: PoInput, by: Actor, idem?: IdempotencyKey): Promise<Remembered<PurchaseOrder>> {
    const resolved = await this.#resolveInput(input)
    // Before the transaction: a cache miss inside it would read through the database handle.
    const supplier = (await this.#suppliers.resolve(resolved.supplierId))!
    return txRetryingKeyRace(this.#db, async (tx) => once(tx, idem, this.#clock.nowMs(), async () => {
      const terms = await this.#suppliers.termsFor(tx, supplier.id, resolved.lines.map((l) => l.skuId))
      const c = this.#context(by)
      const decided = decide.createPo(resolved, supplier, terms, { poId: newId('po'), newLineId: () => newId('pol') }, c)
      if (!decided.ok) throw new FailureError(decided)
      await store.insertPo(tx, decided.value.po).catch((error) => {
        if (isUniqueViolation(error)) throw new FailureError(fail('duplicate_reference', `Supplier ${supplier.code} already has a purchase order with reference '${resolved.reference}'.`))
        throw error
      })
      await store.insertEvents(tx, decided.value.po.id, decided.value.events, by.actor, c.nowMs)
      return decided.value.po
    }))
  }

  /** Decides a create without writing anything: what an import checks before it writes any order. */
  async check(input: PoInput, by: Actor): Promise<Result<PurchaseOrder>> {
    try {
      const resolved = await this.#resolveInput(input)
      const supplier = (await this.#suppliers.resolve(resolved.supplierId))!
      const terms = await this.#suppliers.termsFor(this.#db, supplier.id, resolved.lines.map((l) => l.skuId))
      const decided = decide.createPo(resolved, supplier, terms, { poId: 'po_check', newLineId: () => 'pol_check' }, this.#context(by))
      return decided.ok ? ok(decided.value.po) : decided
    } catch (error) {
      if (error instanceof FailureError) return error.failure
      throw error
    }
  }

  /** The PO a supplier already has under this reference, if any. */
  async byReference(supplierIdOrCode: string, reference: string): Promise<PurchaseOrder | undefined> {
    const supplier = await this.#suppliers.resolve(supplierIdOrCode)
    if (!supplier) return undefined
    const row = await this.#db.get<{ id: string }>('SELECT id FROM purchase_orders WHERE supplier_id = ? AND reference = ?', [supplier.id, reference])
    return row && store.loadPo(this.#db, row.id)
  }

  async edit(id: string, patch: PoPatch, by: Actor): Promise<PurchaseOrder> {
    const lines = patch.lines && (await this.#resolveLines(patch.lines))
    return this.#command(id, by, async (tx, po, _asns, c) => {
      const terms = lines ? await this.#suppliers.termsFor(tx, po.supplierId, lines.map((l) => l.skuId)) : new Map()
      return decide.editDraft(po, { ...patch, lines }, terms, () => newId('pol'), c)
    }).catch((error) => {
      // The unique index is the check: another order of the supplier already has this reference.
      if (isUniqueViolation(error)) throw new FailureError(fail('duplicate_reference', `The supplier already has a purchase order with reference '${patch.reference}'.`))
      throw error
    })
  }

  send(id: string, by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.send(po, c))
  }

  confirm(id: string, answers: decide.LineAnswer[], by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.confirm(po, answers, c))
  }

  changeEta(id: string, lineId: string, eta: number, reason: string, by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.changeEta(po, lineId, eta, reason, c))
  }

  cancelLine(id: string, lineId: string, quantity: number | null, reason: string, by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.cancelLine(po, lineId, quantity, reason, c))
  }

  cancel(id: string, reason: string, by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.cancel(po, reason, c))
  }

  close(id: string, reason: string, by: Actor) {
    return this.#command(id, by, async (_tx, po, _asns, c) => decide.close(po, reason, c))
  }

  /** Creates an ASN; returns it with the updated PO. */
  async ship(id: string, input: decide.AsnInput, by: Actor, idem?: IdempotencyKey): Promise<Remembered<{ asn: Asn; po: PurchaseOrder }>> {
    return this.#commandOnce(id, by, idem, async (_tx, po, _asns, c) => decide.ship(po, input, newId('asn'), c), (o) => ({ asn: o.asn!, po: o.po }))
  }

  async cancelAsn(id: string, asnId: string, reason: string, by: Actor): Promise<{ asn: Asn; po: PurchaseOrder }> {
    const done = await this.#commandOnce(id, by, undefined, async (_tx, po, asns, c) => {
      const asn = asns.find((a) => a.id === asnId)
      return asn ? decide.cancelAsn(po, asn, reason, c) : notFound('asn', asnId)
    }, (o) => ({ asn: o.asn!, po: o.po }))
    return done.value
  }

  /**
   * Counts and inspects goods against the PO (or one of its ASNs) in one transaction with the
   * stock; answers once the supplier's scorecard counts the receipt.
   */
  async receive(id: string, input: { asnId: string | null; lines: ReceiptLineInput[] }, by: Actor, idem?: IdempotencyKey): Promise<Remembered<{ receipt: Receipt; po: PurchaseOrder }>> {
    const done = await this.#commandOnce(id, by, idem, async (_tx, po, asns, c) => {
      const asn = input.asnId === null ? null : asns.find((a) => a.id === input.asnId)
      if (asn === undefined) return notFound('asn', input.asnId!)
      return receive(po, asn, input.lines, newId('rcp'), c)
    }, (o) => ({ receipt: o.receipt!, po: o.po }))
    if (!done.replayed) await this.scorecards.refresh(done.value.po.supplierId)
    return done
  }

  /** A PO as the caller may see it: suppliers never see other suppliers' orders or unsent drafts. */
  async get(id: string, by: Actor): Promise<Result<PurchaseOrder>> {
    const po = await this.#visible(id, by)
    return po.ok ? ok((await store.withCustomerPromises(this.#db, [po.value], this.#shipByOnSlots))[0]) : po
  }

  async #visible(id: string, by: Actor): Promise<Result<PurchaseOrder>> {
    const po = await store.loadPo(this.#db, id)
    return po && visible(po, by) ? ok(po) : notFound('purchase_order', id)
  }

  async list(filter: store.PoFilter, by: Actor, beforeId: string | undefined, limit: number): Promise<PurchaseOrder[]> {
    // Scope in SQL, so a page is full whenever more orders exist.
    if (by.supplierId !== undefined) filter = { ...filter, supplierId: by.supplierId, sentOnly: true }
    if (by.nodeIds !== undefined) filter = { ...filter, destinationNodeIds: by.nodeIds }
    return store.withCustomerPromises(this.#db, await store.listPos(this.#db, filter, beforeId, limit), this.#shipByOnSlots)
  }

  async timeline(id: string, by: Actor, afterId: number, limit: number): Promise<Result<PoEvent[]>> {
    const po = await this.#visible(id, by)
    return po.ok ? ok(await store.loadTimeline(this.#db, id, afterId, limit)) : po
  }

  async asns(id: string, by: Actor): Promise<Result<Asn[]>> {
    const po = await this.#visible(id, by)
    return po.ok ? ok(await store.loadAsns(this.#db, id)) : po
  }

  async receipts(id: string, by: Actor): Promise<Result<Receipt[]>> {
    const po = await this.#visible(id, by)
    return po.ok ? ok(await store.loadReceipts(this.#db, id)) : po
  }

  /** Future supply of a SKU and/or at a node, dated as of now: open PO lines, ASNs, transfers and virtual supply. */
  supply(filter: SupplyFilter): Promise<SupplyLine[]> {
    return supplyView(this.#db, filter, this.#clock.nowMs())
  }

  #context(by: Actor): Context {
    return { nowMs: this.#clock.nowMs(), actor: by.actor, party: by.party }
  }

  /** Runs a decision on one locked PO and writes everything it decided. */
  async #command(id: string, by: Actor, run: Decider): Promise<PurchaseOrder> {
    const po = (await this.#commandOnce(id, by, undefined, run, (o) => o.po)).value
    return (await store.withCustomerPromises(this.#db, [po], this.#shipByOnSlots))[0]
  }

  async #commandOnce<T>(id: string, by: Actor, idem: IdempotencyKey | undefined, run: Decider, answer: (o: Outcome) => T): Promise<Remembered<T>> {
    return txRetryingKeyRace(this.#db, async (tx) => {
      const c = this.#context(by)
      return once(tx, idem, c.nowMs, async () => {
        const po = await store.loadPo(tx, id, true)
        if (!po || !visible(po, by)) throw new FailureError(notFound('purchase_order', id))
        const asns = await store.loadAsns(tx, id)
        const decided = await run(tx, po, asns, c)
        if (!decided.ok) throw new FailureError(decided)
        await this.#write(tx, po, asns, decided.value, by, c)
        return answer(decided.value)
      })
    })
  }

  async #write(tx: Queryable, before: PurchaseOrder, asns: Asn[], o: Outcome, by: Actor, c: Context): Promise<void> {
    const after = o.po
    await store.savePo(tx, before, after)
    await store.insertEvents(tx, after.id, o.events, by.actor, c.nowMs)
    const asnsAfter = asns.map((a) => (a.id === o.asn?.id ? o.asn : a))
    if (o.asn && !asns.some((a) => a.id === o.asn!.id)) {
      await store.insertAsn(tx, o.asn)
      asnsAfter.push(o.asn)
    } else if (o.asn) await store.updateAsn(tx, o.asn)
    if (o.receipt) await store.insertReceipt(tx, o.receipt)
    const received = new Set(o.receipt?.lines.map((l) => l.poLineId) ?? [])
    const cause = o.events[0]?.kind ?? 'changed'
    const supplyEvents = [...supplyEventsOf(before, asns, after, asnsAfter, cause, received), ...qcFailures(o.receipt)]
    await publish(tx, [
      ...supplyEvents,
      { topic: 'purchase_order.changed', subject: after.id, payload: { poId: after.id, supplierId: after.supplierId, status: after.status, version: after.version, events: o.events.map((e) => e.kind) } },
    ], c.nowMs)
    // Stock last: the position stays locked from here to the commit, and other receipts and
    // engine batches on the same SKU wait for it. The supply events go along, so the promises
    // that depend on this PO follow it in this transaction (DOMAIN.md §4).
    if (o.stockOps || supplyEvents.length > 0) {
      const stock = await this.#inventory.applyWithin(tx, o.stockOps ?? [], supplyEvents)
      if (!stock.ok) throw new FailureError(stock)
    }
    // After the stock, as a shipment's cost follows its stock: every transaction takes positions
    // before what a hook locks (a SKU's cost), so the two never wait on each other in a circle.
    if (o.receipt) for (const hook of this.#receiptHooks) await hook(tx, o.receipt, after)
  }

  /** SKUs, supplier and destination named by id or code, as ids; unknown ones are refused. */
  async #resolveInput(input: PoInput): Promise<PoInput> {
    const lines = await this.#resolveLines(input.lines)
    const supplier = await this.#suppliers.resolve(input.supplierId)
    if (!supplier) throw new FailureError(fail('unknown_supplier', `No supplier with id or code '${input.supplierId}'.`))
    const node = await this.#catalogue.resolveNode(input.destinationNodeId)
    if (!node) throw new FailureError(fail('unknown_node', `No node with id or code '${input.destinationNodeId}'.`))
    if (node.kind === 'dropship') throw new FailureError(fail('invalid_destination', `Node ${node.code} is a supplier's dropship node; deliver POs to a warehouse or store.`))
    return { ...input, supplierId: supplier.id, destinationNodeId: node.id, lines }
  }

  #resolveLines(lines: PoInput['lines']): Promise<PoInput['lines']> {
    return Promise.all(lines.map(async (l, i) => {
      const sku = await this.#catalogue.resolveSku(l.skuId)
      if (!sku) throw new FailureError(fail('unknown_sku', `Line ${i + 1}: no SKU with id or code '${l.skuId}'.`, { line: i + 1 }))
      return { ...l, skuId: sku.id }
    }))
  }
}

type Decider = (tx: Queryable, po: PurchaseOrder, asns: Asn[], c: Context) => Promise<Result<Outcome>>

/** Whether the caller may see the PO: a supplier its own sent orders, a store what is delivered to it. */
export function visible(po: PurchaseOrder, by: Actor): boolean {
  if (by.supplierId !== undefined && (po.supplierId !== by.supplierId || po.status === 'draft')) return false
  if (by.nodeIds !== undefined && !by.nodeIds.includes(po.destinationNodeId)) return false
  return true
}

/** A QC failure is a supply change of its own: units expected as sellable arrived unusable. */
function qcFailures(receipt: Receipt | undefined): DomainEvent[] {
  if (!receipt) return []
  return receipt.lines.filter((l) => l.quantityFailed > 0).map((l): DomainEvent => ({
    topic: 'supply.qc_failed',
    subject: `${l.skuId}@${receipt.nodeId}`,
    payload: { skuId: l.skuId, nodeId: receipt.nodeId, poId: receipt.poId, poLineId: l.poLineId, supplierId: receipt.supplierId, receiptId: receipt.id, quantityFailed: l.quantityFailed, reason: l.failReason },
  }))
}
