/**
 * Campaign demand as suggested purchase quantities (以销定采, buy what was sold): per SKU and
 * node, units ordered in open campaigns and not yet held as stock, less the free stock there and
 * the future supply already on its way and not promised to anyone, rounded up to the supplier's
 * minimum order quantity and pack size when the supplier is known.
 */
import type { Queryable } from '../store/db.ts'
import { unpromisedSupplyExceptPresale } from '../supply/index.ts'
import { sellable, type Inventory } from '../inventory/index.ts'
import { campaignUnitsWaiting } from '../orders/index.ts'
import { supplierTermsFor } from '../purchasing/index.ts'

export interface DemandRow {
  skuId: string
  nodeId: string
  campaignIds: string[]
  /** Units ordered in the campaigns (orders not cancelled) still waiting on their quota. */
  unitsOrdered: number
  /** Sellable stock at the node not held by anyone (never below zero). */
  stockAvailable: number
  /** Units of purchase orders, ASNs and transfers due at the node and not yet promised to orders. */
  openSupply: number
  shortfall: number
  supplierId: string | null
  minOrderQuantity: number
  packSize: number
  /** What to buy: the shortfall, at least the minimum order quantity, in whole packs; 0 when nothing is short. */
  suggestedQuantity: number
}

/** The shortfall rounded to what the supplier sells: pure. */
export function suggestedQuantity(shortfall: number, minOrderQuantity: number, packSize: number): number {
  if (shortfall <= 0) return 0
  const atLeast = Math.max(shortfall, minOrderQuantity)
  return Math.ceil(atLeast / packSize) * packSize
}

interface WaitingRow {
  sku_id: string
  node_id: string
  campaign_id: string
  terms: string
  units: number | string | null
}

/** Demand of one campaign (its units only), or of every published or ended campaign grouped by SKU and node. */
export async function demandOf(q: Queryable, inventory: Inventory, campaignId: string | null): Promise<DemandRow[]> {
  const campaigns = await q.all<Omit<WaitingRow, 'units'>>(
    `SELECT c.sku_id, c.node_id, c.id AS campaign_id, c.campaign AS terms
     FROM presale_campaigns c WHERE ${campaignId === null ? `c.status IN ('published', 'ended')` : 'c.id = ?'} ORDER BY c.sku_id, c.node_id, c.id`,
    campaignId === null ? [] : [campaignId])
  const waiting = await campaignUnitsWaiting(q, campaigns.map((c) => c.campaign_id))
  const rows: WaitingRow[] = campaigns.map((c) => ({ ...c, units: waiting.get(c.campaign_id) ?? 0 }))
  const groups = new Map<string, WaitingRow[]>()
  for (const r of rows) {
    const key = `${r.sku_id}|${r.node_id}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const out: DemandRow[] = []
  for (const group of groups.values()) out.push(await demandAt(q, inventory, group))
  return out
}

async function demandAt(q: Queryable, inventory: Inventory, group: WaitingRow[]): Promise<DemandRow> {
  const { sku_id: skuId, node_id: nodeId } = group[0]
  const unitsOrdered = group.reduce((n, r) => n + Number(r.units ?? 0), 0)
  const position = await inventory.position(skuId, nodeId)
  const stockAvailable = Math.max(0, sellable(position))
  const openSupply = await unpromisedSupplyExceptPresale(q, skuId, nodeId)
  const shortfall = Math.max(0, unitsOrdered - stockAvailable - openSupply)
  const named = group.map((r) => (JSON.parse(r.terms) as { supplierId: string | null }).supplierId).find((s) => s !== null) ?? null
  const terms = await supplierTermsFor(q, skuId, named)
  return {
    skuId, nodeId, campaignIds: group.map((r) => r.campaign_id), unitsOrdered, stockAvailable, openSupply, shortfall,
    supplierId: terms.supplierId, minOrderQuantity: terms.minOrderQuantity, packSize: terms.packSize,
    suggestedQuantity: suggestedQuantity(shortfall, terms.minOrderQuantity, terms.packSize),
  }
}
