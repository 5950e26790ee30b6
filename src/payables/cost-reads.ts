/**
 * Reading inventory cost: one SKU's moving average with its latest movements, and the valuation
 * of stock on hand per node (units on hand, from the inventory context, × each SKU's average).
 * No FX: totals are per currency, never summed across currencies.
 */
import type { Queryable } from '../store/db.ts'
import { ok, type Result } from '../kernel/result.ts'
import { loadSkuMeasures } from '../catalogue/index.ts'
import { onHandOfSkus } from '../inventory/index.ts'
import { fail, type PayablesErrorCode } from './errors.ts'
import { divideRounded } from './money.ts'
import { loadSkuCosts, movementsOfSku, skuCostsAfter, type CostMovement, type SkuCost } from './cost-store.ts'

export interface SkuCostView {
  skuId: string
  skuCode: string
  /** Null until a receipt costs the SKU. */
  currency: string | null
  units: number
  valueMinor: number
  /** The average, rounded half up to whole minor units (value ÷ units is exact); null with no units. */
  unitCostMinor: number | null
  minUnitCostMinor: number | null
  maxUnitCostMinor: number | null
  movements: CostMovement[]
}

export interface ValuationLine {
  nodeId: string
  skuId: string
  skuCode: string
  currency: string
  unitsOnHand: number
  unitCostMinor: number
  /** Units on hand × the average, rounded half up. */
  valueMinor: number
}

export interface ValuationTotal {
  nodeId: string | null
  currency: string
  unitsOnHand: number
  valueMinor: number
}

const rounded = (numerator: number, units: number): number => Number(divideRounded(BigInt(numerator), BigInt(units), 'half_up'))
const hasRange = (c: SkuCost): boolean => c.maxUnitMinor >= 0

export async function skuCostOf(q: Queryable, skuId: string, movementLimit = 20): Promise<Result<SkuCostView, PayablesErrorCode>> {
  const sku = (await loadSkuMeasures(q, [skuId])).get(skuId)
  if (!sku) return fail('sku_not_found', `No SKU with id '${skuId}'.`)
  const cost = (await loadSkuCosts(q, [skuId])).get(skuId)
  const known = cost !== undefined && hasRange(cost)
  return ok({
    skuId, skuCode: sku.code, currency: known ? cost.currency : null, units: known ? cost.units : 0, valueMinor: known ? cost.valueMinor : 0,
    unitCostMinor: known && cost.units > 0 ? rounded(cost.valueMinor, cost.units) : null,
    minUnitCostMinor: known ? cost.minUnitMinor : null, maxUnitCostMinor: known ? cost.maxUnitMinor : null,
    movements: await movementsOfSku(q, skuId, movementLimit),
  })
}

/** The value of one page of costed SKUs (after `afterSkuId`, in SKU order) at every node, or one node. */
export async function valuationPage(q: Queryable, filter: { nodeId?: string }, afterSkuId: string, limit: number): Promise<{ lines: ValuationLine[]; lastSkuId: string | null; skus: number }> {
  const costs = await skuCostsAfter(q, afterSkuId, limit)
  const withAverage = costs.filter((c) => c.units > 0)
  const codes = await loadSkuMeasures(q, withAverage.map((c) => c.skuId))
  const bySku = new Map(withAverage.map((c) => [c.skuId, c]))
  const lines = (await onHandOfSkus(q, withAverage.map((c) => c.skuId), filter.nodeId)).map(({ skuId, nodeId, onHand }): ValuationLine => {
    const c = bySku.get(skuId)!
    return {
      nodeId, skuId, skuCode: codes.get(skuId)?.code ?? skuId, currency: c.currency, unitsOnHand: onHand,
      unitCostMinor: rounded(c.valueMinor, c.units), valueMinor: rounded(onHand * c.valueMinor, c.units),
    }
  })
  return { lines, lastSkuId: costs.at(-1)?.skuId ?? null, skus: costs.length }
}

/** Totals per node and currency, and per currency over every node: every costed SKU, a page at a time. */
export async function valuationTotals(q: Queryable, filter: { nodeId?: string }): Promise<{ byNode: ValuationTotal[]; byCurrency: ValuationTotal[] }> {
  const byNode = new Map<string, ValuationTotal>()
  const byCurrency = new Map<string, ValuationTotal>()
  const add = (map: Map<string, ValuationTotal>, key: string, nodeId: string | null, l: ValuationLine) => {
    const total = map.get(key) ?? { nodeId, currency: l.currency, unitsOnHand: 0, valueMinor: 0 }
    total.unitsOnHand += l.unitsOnHand
    total.valueMinor += l.valueMinor
    map.set(key, total)
  }
  for (let after = '', more = true; more;) {
    const page = await valuationPage(q, filter, after, 500)
    for (const l of page.lines) {
      add(byNode, `${l.nodeId} ${l.currency}`, l.nodeId, l)
      add(byCurrency, l.currency, null, l)
    }
    more = page.skus === 500 && page.lastSkuId !== null
    after = page.lastSkuId ?? after
  }
  const order = (a: ValuationTotal, b: ValuationTotal) => (a.nodeId ?? '').localeCompare(b.nodeId ?? '') || a.currency.localeCompare(b.currency)
  return { byNode: [...byNode.values()].sort(order), byCurrency: [...byCurrency.values()].sort(order) }
}
