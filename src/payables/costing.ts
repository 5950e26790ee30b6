/**
 * Inventory cost: load → decide (cost-decide.ts) → write, in the caller's transaction where a
 * receipt or a shipment drives it, in its own for a landed-cost charge entered by staff.
 *
 * - Every purchase receipt adds its QC-passed units at the PO line's unit cost (once per receipt).
 * - A landed-cost charge (entered, or an invoice's freight/duty line naming a receipt) is split
 *   over the receipt's lines and raises the average of the units still on hand.
 * - A shipment that leaves its node issues its units at the current average: cost of goods.
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { FailureError, ok, type Result } from '../kernel/result.ts'
import { loadSkuMeasures } from '../catalogue/index.ts'
import { receiptWithOrder, type PurchaseOrder, type Receipt } from '../purchasing/index.ts'
import { once, txRetryingKeyRace, type IdempotencyKey } from '../inventory/index.ts'
import { fail, type PayablesErrorCode } from './errors.ts'
import { chargeKinds, costBases, type ChargeKind, type CostBasis } from './landed-cost.ts'
import { costLanded, costReceipt, costShipment, type CostDecision, type LandedLine } from './cost-decide.ts'
import { skuCostOf, valuationPage, valuationTotals, type SkuCostView, type ValuationLine, type ValuationTotal } from './cost-reads.ts'
import {
  costedAlready, ensureSkuCosts, shippedBetween, type ShippedFigures, insertCostMovements, insertLandedCost, landedCostOfCharge, landedCostsOfReceipt, loadSkuCosts, saveSkuCost,
  type LandedCost,
} from './cost-store.ts'

export interface LandedCostInput {
  kind: ChargeKind
  basis: CostBasis
  /** May be negative: a credit (a duty refund) lowers the cost of what is on hand. */
  amountMinor: number
  currency: string
  note?: string | null
}

export interface InvoiceChargeInput {
  invoiceId: string
  chargeNo: number
  receiptId: string
  kind: ChargeKind
  basis: CostBasis
  amountMinor: number
  currency: string
  by: string
  atMs: number
}

/** What a shipment hands over when it leaves its node: its open lines are what left. */
export interface ShippedGoods {
  id: string
  nodeId: string
  orderId?: string
  lines: ReadonlyArray<{ skuId: string; quantity: number; status: string; lineNo?: number }>
}

/** The order's currency and unit price per order line number: the revenue of what a shipment sends (the orders context knows it). */
export type OrderPricesOf = (tx: Queryable, orderId: string) => Promise<{ currency: string; unitPriceOf: ReadonlyMap<number, number> } | undefined>

async function write(tx: Queryable, decision: CostDecision): Promise<void> {
  for (const cost of decision.costs) await saveSkuCost(tx, cost)
  await insertCostMovements(tx, decision.movements)
}

/** Inside a receipt's transaction: what passed QC joins each SKU's moving average, once. */
export async function costReceiptWithin(tx: Queryable, receipt: Receipt, po: PurchaseOrder, atMs: number): Promise<void> {
  if (await costedAlready(tx, 'receipt', receipt.id) || await costedAlready(tx, 'uncosted', receipt.id)) return
  const lines = receipt.lines.map((l) => ({
    poLineId: l.poLineId, skuId: l.skuId, quantityPassed: l.quantityPassed, unitCostMinor: po.lines.find((p) => p.id === l.poLineId)?.unitCost ?? 0,
  }))
  const skuIds = lines.filter((l) => l.quantityPassed > 0).map((l) => l.skuId)
  await ensureSkuCosts(tx, skuIds, po.currency, atMs)
  const states = await loadSkuCosts(tx, skuIds, true)
  await write(tx, costReceipt(states, lines, { id: receipt.id, nodeId: receipt.nodeId, currency: po.currency }, atMs))
}

/** Inside a shipment's transaction: its units leave at each SKU's current average, once per shipment. */
export async function costShipmentWithin(tx: Queryable, shipment: ShippedGoods, atMs: number, pricesOf?: OrderPricesOf): Promise<void> {
  if (await costedAlready(tx, 'shipment', shipment.id)) return
  const lines = shipment.lines.filter((l) => l.status === 'open' && l.quantity > 0)
  if (lines.length === 0) return
  const prices = shipment.orderId !== undefined && pricesOf ? await pricesOf(tx, shipment.orderId) : undefined
  const states = await loadSkuCosts(tx, lines.map((l) => l.skuId), true)
  await write(tx, costShipment(states, lines, shipment, atMs, prices))
}

function checkCharge(input: { kind: unknown; basis: unknown; amountMinor: unknown; currency: unknown }): Result<null, PayablesErrorCode> {
  if (!chargeKinds.includes(input.kind as ChargeKind) || !costBases.includes(input.basis as CostBasis) || !Number.isSafeInteger(input.amountMinor)
    || input.amountMinor === 0 || typeof input.currency !== 'string' || !/^[A-Z]{3}$/.test(input.currency)) {
    return fail('invalid_charges', `A charge needs a kind (${chargeKinds.join(', ')}), a basis (${costBases.join(', ')}), a whole non-zero amount in minor units and an ISO currency.`)
  }
  return ok(null)
}

/**
 * Inside the caller's transaction: splits a charge over a receipt and writes the landed cost, its
 * allocations and the raised averages. A refusal writes nothing (the caller rolls back).
 */
export async function landWithin(
  tx: Queryable, receiptId: string, charge: LandedCostInput, origin: { invoiceId: string | null; chargeNo: number | null; by: string; atMs: number },
): Promise<Result<LandedCost, PayablesErrorCode>> {
  const checked = checkCharge(charge)
  if (!checked.ok) return checked
  const found = await receiptWithOrder(tx, receiptId)
  if (!found) return fail('receipt_not_found', `No receipt with id '${receiptId}'.`)
  const { receipt, po } = found
  const measures = await loadSkuMeasures(tx, receipt.lines.map((l) => l.skuId))
  const lines: LandedLine[] = receipt.lines.map((l) => ({
    poLineId: l.poLineId, skuId: l.skuId, quantityPassed: l.quantityPassed, unitCostMinor: po.lines.find((p) => p.id === l.poLineId)?.unitCost ?? 0,
    unitWeightGrams: measures.get(l.skuId)?.weightGrams ?? null, unitVolumeCm3: measures.get(l.skuId)?.volumeCm3 ?? null,
  }))
  const id = newId('lcst')
  const states = await loadSkuCosts(tx, lines.map((l) => l.skuId), true)
  const decided = costLanded(states, lines, { ...charge, reference: id, nodeId: receipt.nodeId }, origin.atMs)
  if (!decided.ok) {
    // Name SKUs by code too: a clerk knows the code, not the id.
    const skuIds = (decided.extra?.skuIds as string[] | undefined) ?? []
    return skuIds.length === 0 ? decided : { ...decided, extra: { ...decided.extra, skuCodes: skuIds.map((s) => measures.get(s)?.code ?? s) } }
  }
  const landed: LandedCost = {
    id, receiptId, kind: charge.kind, basis: charge.basis, amountMinor: charge.amountMinor, currency: charge.currency,
    invoiceId: origin.invoiceId, chargeNo: origin.chargeNo, note: charge.note ?? null, allocations: decided.value.allocations, createdBy: origin.by, createdAtMs: origin.atMs,
  }
  await insertLandedCost(tx, landed)
  await write(tx, decided.value)
  return ok(landed)
}

/**
 * For the invoices code, inside its transaction: an invoice's freight, duty or other charge line
 * that names a receipt becomes that receipt's landed cost, once (a second call answers the first
 * one's landed cost). A refusal writes nothing; the caller decides whether it fails the invoice.
 */
export async function allocateInvoiceCharge(tx: Queryable, input: InvoiceChargeInput): Promise<Result<LandedCost, PayablesErrorCode>> {
  const done = await landedCostOfCharge(tx, input.invoiceId, input.chargeNo)
  if (done) return ok(done)
  return landWithin(tx, input.receiptId, input, { invoiceId: input.invoiceId, chargeNo: input.chargeNo, by: input.by, atMs: input.atMs })
}

export class Costing {
  readonly #db: Db
  readonly #clock: Clock
  readonly #pricesOf: OrderPricesOf | undefined
  readonly #ownStock: ((tx: Queryable, nodeId: string) => Promise<boolean>) | undefined

  /**
   * `pricesOf`: an order's prices, for the revenue of what each shipment sends (handed in: payables
   * does not read orders). `ownStock`: whether a node ships the merchant's own stock; a supplier's
   * dropship node sends the supplier's goods, which never came in at cost.
   */
  constructor(db: Db, clock: Clock, deps: { pricesOf?: OrderPricesOf; ownStock?: (tx: Queryable, nodeId: string) => Promise<boolean> } = {}) {
    this.#db = db
    this.#clock = clock
    this.#pricesOf = deps.pricesOf
    this.#ownStock = deps.ownStock
  }

  /** For purchasing's receipt hook. */
  readonly receiptWithin = (tx: Queryable, receipt: Receipt, po: PurchaseOrder): Promise<void> => costReceiptWithin(tx, receipt, po, this.#clock.nowMs())

  /** For fulfilment's shipped hook. */
  readonly shipmentWithin = async (tx: Queryable, shipment: ShippedGoods): Promise<void> => {
    if (this.#ownStock && !(await this.#ownStock(tx, shipment.nodeId))) return
    await costShipmentWithin(tx, shipment, this.#clock.nowMs(), this.#pricesOf)
  }

  /**
   * For analytics, per currency: cost of goods shipped and the revenue of the same units between
   * two instants, and the value of stock on hand now.
   */
  async figures(fromMs: number, toMs: number): Promise<{ shipped: ShippedFigures[]; inventoryValue: Array<{ currency: string; valueMinor: number }> }> {
    const [shipped, totals] = await Promise.all([shippedBetween(this.#db, fromMs, toMs), valuationTotals(this.#db, {})])
    return { shipped, inventoryValue: totals.byCurrency.map((t) => ({ currency: t.currency, valueMinor: t.valueMinor })) }
  }

  /**
   * A landed-cost charge entered by staff against a receipt, in one transaction; with an
   * idempotency key, a retry answers the first charge instead of adding a second.
   */
  async addLandedCost(receiptId: string, input: LandedCostInput, by: string, idem?: IdempotencyKey): Promise<Result<{ landed: LandedCost; replayed: boolean }, PayablesErrorCode>> {
    try {
      const done = await txRetryingKeyRace(this.#db, (tx) => once(tx, idem, this.#clock.nowMs(), async () => {
        const landed = await landWithin(tx, receiptId, input, { invoiceId: null, chargeNo: null, by, atMs: this.#clock.nowMs() })
        if (!landed.ok) throw new FailureError(landed)
        return landed.value
      }))
      return ok({ landed: done.value, replayed: done.replayed })
    } catch (error) {
      if (error instanceof FailureError) return error.failure as Result<never, PayablesErrorCode>
      throw error
    }
  }

  /** A receipt's landed-cost charges, oldest first; `receipt_not_found` for no such receipt. */
  async landedCosts(receiptId: string): Promise<Result<LandedCost[], PayablesErrorCode>> {
    if (!(await receiptWithOrder(this.#db, receiptId))) return fail('receipt_not_found', `No receipt with id '${receiptId}'.`)
    return ok(await landedCostsOfReceipt(this.#db, receiptId))
  }

  /** A SKU's moving-average cost and its latest movements. */
  skuCost(skuId: string, movementLimit = 20): Promise<Result<SkuCostView, PayablesErrorCode>> {
    return skuCostOf(this.#db, skuId, movementLimit)
  }

  /**
   * Stock on hand valued at each SKU's average, a page of SKUs at a time (after `afterSkuId`),
   * with totals per node and per currency over everything; one node when `nodeId` is given.
   */
  async valuation(filter: { nodeId?: string }, afterSkuId: string | undefined, limit: number): Promise<{
    lines: ValuationLine[]; nextSkuId: string | null; byNode: ValuationTotal[]; byCurrency: ValuationTotal[]
  }> {
    const page = await valuationPage(this.#db, filter, afterSkuId ?? '', limit)
    const totals = await valuationTotals(this.#db, filter)
    return { lines: page.lines, nextSkuId: page.skus === limit ? page.lastSkuId : null, ...totals }
  }
}
