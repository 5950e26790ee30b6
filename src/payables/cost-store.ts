/**
 * The SQL of inventory cost (payables owns these tables): the moving-average state per SKU
 * (`sku_costs`), the cost ledger behind it (`cost_movements`: receipts, landed cost, cost of goods
 * shipped, each once per kind × reference × SKU) and landed-cost charges with their allocations.
 */
import type { Queryable } from '../store/db.ts'

/** A SKU's moving-average state: units and their value, in the currency of its first costed receipt. */
export interface SkuCost {
  skuId: string
  currency: string
  units: number
  valueMinor: number
  /** The lowest and highest unit cost any receipt brought in (landed cost aside). */
  minUnitMinor: number
  maxUnitMinor: number
  updatedAtMs: number
}

/**
 * `revenue` is not a cost: the order value of the units a shipment issued at cost, kept beside
 * the shipment's cost of goods so gross margin reads like with like (same shipment, same SKUs).
 */
export type CostMovementKind = 'receipt' | 'uncosted' | 'landed' | 'shipment' | 'revenue'

export interface CostMovement {
  skuId: string
  nodeId: string | null
  kind: CostMovementKind
  /** The receipt, landed-cost charge or shipment behind it. */
  reference: string
  /** Units in (receipt) or out (shipment); 0 for landed cost. */
  quantity: number
  /** Value in (receipt, landed cost) or out (cost of goods shipped), in minor units of `currency`. */
  valueMinor: number
  currency: string
  atMs: number
}

export interface LandedAllocation {
  poLineId: string
  skuId: string
  quantity: number
  amountMinor: number
  /** No unit of the SKU was left to carry it (all sold or issued): it is an expense, not stock value. */
  expensed: boolean
}

export interface LandedCost {
  id: string
  receiptId: string
  kind: string
  basis: string
  amountMinor: number
  currency: string
  invoiceId: string | null
  chargeNo: number | null
  note: string | null
  allocations: LandedAllocation[]
  createdBy: string
  createdAtMs: number
}

interface SkuCostRow { sku_id: string; currency: string; units: number | string; value_minor: number | string; min_unit_minor: number | string; max_unit_minor: number | string; updated_at: number | string }
interface MovementRow { sku_id: string; node_id: string | null; kind: CostMovementKind; reference: string; quantity: number | string; value_minor: number | string; currency: string; at: number | string }
interface LandedRow {
  id: string; receipt_id: string; kind: string; basis: string; amount_minor: number | string; currency: string; invoice_id: string | null
  charge_no: number | string | null; allocations: string; created_by: string; created_at: number | string
}

const skuCostOf = (r: SkuCostRow): SkuCost => ({
  skuId: r.sku_id, currency: r.currency, units: Number(r.units), valueMinor: Number(r.value_minor),
  minUnitMinor: Number(r.min_unit_minor), maxUnitMinor: Number(r.max_unit_minor), updatedAtMs: Number(r.updated_at),
})
const movementOf = (r: MovementRow): CostMovement => ({
  skuId: r.sku_id, nodeId: r.node_id, kind: r.kind, reference: r.reference, quantity: Number(r.quantity), valueMinor: Number(r.value_minor), currency: r.currency, atMs: Number(r.at),
})
function landedOf(r: LandedRow): LandedCost {
  const stored = JSON.parse(r.allocations) as { note: string | null; lines: LandedAllocation[] }
  return {
    id: r.id, receiptId: r.receipt_id, kind: r.kind, basis: r.basis, amountMinor: Number(r.amount_minor), currency: r.currency,
    invoiceId: r.invoice_id, chargeNo: r.charge_no === null ? null : Number(r.charge_no), note: stored.note, allocations: stored.lines,
    createdBy: r.created_by, createdAtMs: Number(r.created_at),
  }
}

/** The cost states of these SKUs, locked on PostgreSQL (in SKU order, so two writers never wait on each other in a circle). */
export async function loadSkuCosts(q: Queryable, skuIds: readonly string[], forUpdate = false): Promise<Map<string, SkuCost>> {
  const ids = [...new Set(skuIds)].sort()
  if (ids.length === 0) return new Map()
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const rows = await q.all<SkuCostRow>(`SELECT * FROM sku_costs WHERE sku_id IN (${ids.map(() => '?').join(', ')}) ORDER BY sku_id${lock}`, ids)
  return new Map(rows.map((r) => [r.sku_id, skuCostOf(r)]))
}

/**
 * Makes sure each SKU has a cost row in `currency` (the first costed receipt's), keeping any that
 * exists: what a receipt locks before it adds to the average. The new row holds nothing yet and
 * has no unit cost range (min above max), which the first receipt sets.
 */
export async function ensureSkuCosts(q: Queryable, skuIds: readonly string[], currency: string, atMs: number): Promise<void> {
  for (const skuId of [...new Set(skuIds)].sort()) {
    await q.run(`INSERT INTO sku_costs (sku_id, currency, units, value_minor, min_unit_minor, max_unit_minor, updated_at)
      VALUES (?, ?, 0, 0, ?, ?, ?) ON CONFLICT (sku_id) DO NOTHING`, [skuId, currency, Number.MAX_SAFE_INTEGER, -1, atMs])
  }
}

export async function saveSkuCost(q: Queryable, c: SkuCost): Promise<void> {
  await q.run('UPDATE sku_costs SET units = ?, value_minor = ?, min_unit_minor = ?, max_unit_minor = ?, updated_at = ? WHERE sku_id = ?',
    [c.units, c.valueMinor, c.minUnitMinor, c.maxUnitMinor, c.updatedAtMs, c.skuId])
}

export async function insertCostMovements(q: Queryable, movements: readonly CostMovement[]): Promise<void> {
  for (const m of movements) {
    await q.run('INSERT INTO cost_movements (sku_id, node_id, kind, reference, quantity, value_minor, currency, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [m.skuId, m.nodeId, m.kind, m.reference, m.quantity, m.valueMinor, m.currency, m.atMs])
  }
}

/** Whether the ledger already holds a movement of this kind for this reference (a receipt or shipment is costed once). */
export async function costedAlready(q: Queryable, kind: CostMovementKind, reference: string): Promise<boolean> {
  return (await q.get('SELECT 1 AS one FROM cost_movements WHERE kind = ? AND reference = ? LIMIT 1', [kind, reference])) !== undefined
}

/** A SKU's latest movements, newest first. */
export async function movementsOfSku(q: Queryable, skuId: string, limit: number): Promise<CostMovement[]> {
  const rows = await q.all<MovementRow>('SELECT * FROM cost_movements WHERE sku_id = ? ORDER BY at DESC, id DESC LIMIT ?', [skuId, limit])
  return rows.map(movementOf)
}

/** Cost states of SKUs after `afterSkuId`, in SKU order: the pages of a valuation. */
export async function skuCostsAfter(q: Queryable, afterSkuId: string, limit: number): Promise<SkuCost[]> {
  const rows = await q.all<SkuCostRow>('SELECT * FROM sku_costs WHERE sku_id > ? AND max_unit_minor >= 0 ORDER BY sku_id LIMIT ?', [afterSkuId, limit])
  return rows.map(skuCostOf)
}

export interface ShippedFigures {
  currency: string
  unitsShipped: number
  costOfGoodsMinor: number
  /** The order value of the same units; 0 where none was recorded, or recorded in another currency. */
  revenueMinor: number
}

/** Cost of goods shipped and the revenue of the same units between two instants, per currency. */
export async function shippedBetween(q: Queryable, fromMs: number, toMs: number): Promise<ShippedFigures[]> {
  const rows = await q.all<{ kind: string; currency: string; units: number | string; value: number | string }>(
    `SELECT kind, currency, SUM(quantity) AS units, SUM(value_minor) AS value FROM cost_movements
      WHERE kind IN ('shipment', 'revenue') AND at >= ? AND at < ? GROUP BY kind, currency ORDER BY currency, kind`, [fromMs, toMs])
  const byCurrency = new Map<string, ShippedFigures>()
  for (const r of rows) {
    const f = byCurrency.get(r.currency) ?? { currency: r.currency, unitsShipped: 0, costOfGoodsMinor: 0, revenueMinor: 0 }
    if (r.kind === 'shipment') {
      f.unitsShipped += Number(r.units)
      f.costOfGoodsMinor += Number(r.value)
    } else f.revenueMinor += Number(r.value)
    byCurrency.set(r.currency, f)
  }
  return [...byCurrency.values()]
}

export async function insertLandedCost(q: Queryable, l: LandedCost): Promise<void> {
  await q.run(`INSERT INTO landed_costs (id, receipt_id, kind, basis, amount_minor, currency, invoice_id, charge_no, allocations, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  [l.id, l.receiptId, l.kind, l.basis, l.amountMinor, l.currency, l.invoiceId, l.chargeNo, JSON.stringify({ note: l.note, lines: l.allocations }), l.createdBy, l.createdAtMs])
}

/** A receipt's landed-cost charges, oldest first. */
export async function landedCostsOfReceipt(q: Queryable, receiptId: string): Promise<LandedCost[]> {
  const rows = await q.all<LandedRow>('SELECT * FROM landed_costs WHERE receipt_id = ? ORDER BY created_at, id', [receiptId])
  return rows.map(landedOf)
}

/** The landed cost an invoice's charge line already became, if any. */
export async function landedCostOfCharge(q: Queryable, invoiceId: string, chargeNo: number): Promise<LandedCost | undefined> {
  const row = await q.get<LandedRow>('SELECT * FROM landed_costs WHERE invoice_id = ? AND charge_no = ?', [invoiceId, chargeNo])
  return row && landedOf(row)
}
