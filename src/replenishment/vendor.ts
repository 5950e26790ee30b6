/**
 * Vendor-managed replenishment: what a supplier sees of its SKUs at the merchant's nodes (the
 * available units, reorder point and forecast the last run left), and its below-reorder-point
 * events. Only the supplier's own SKUs, and in an event only itself among the SKU's suppliers.
 */
import type { Queryable } from '../store/db.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { EventFeed, FeedEvent } from '../events/index.ts'
import type { Suppliers } from '../purchasing/index.ts'
import { stockStatesOfSkus, type StockState } from './alert-store.ts'
import { forecastsOfSkus, type StoredForecast } from './forecast-store.ts'

/** One SKU at one node as its vendor sees it. */
export type VendorStockLine = StockState & { skuCode: string; skuName: string; nodeCode: string; nodeName: string; forecast: StoredForecast | null }

/** A page of the supplier's SKUs (those it has terms for, by SKU id), each at every node the last run planned. */
export async function vendorStock(
  q: Queryable, deps: { catalogue: Catalogue; suppliers: Suppliers }, supplierId: string, afterSkuId: string | undefined, limit: number,
): Promise<{ lines: VendorStockLine[]; lastSkuId: string | undefined; more: boolean }> {
  const terms = await deps.suppliers.listSkuTerms(supplierId, afterSkuId, limit)
  const skuIds = terms.items.map((t) => t.skuId)
  const [states, forecasts] = await Promise.all([stockStatesOfSkus(q, skuIds), forecastsOfSkus(q, skuIds)])
  const lines: VendorStockLine[] = []
  for (const skuId of skuIds) {
    const sku = await deps.catalogue.resolveSku(skuId)
    for (const state of [...states.values()].filter((st) => st.skuId === skuId).sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1))) {
      const node = await deps.catalogue.resolveNode(state.nodeId)
      lines.push({
        ...state, skuCode: sku?.code ?? skuId, skuName: sku?.name ?? '', nodeCode: node?.code ?? state.nodeId, nodeName: node?.name ?? '',
        forecast: forecasts.get(`${skuId}|${state.nodeId}`) ?? null,
      })
    }
  }
  return { lines, lastSkuId: skuIds.at(-1), more: terms.nextCursor !== null }
}

/**
 * A supplier's `replenishment.below_reorder_point` events after `after` (an outbox id), oldest
 * first: the events of that topic are scanned a page at a time and those naming the supplier
 * kept, so the cursor moves on even when none of a page was the supplier's.
 */
export async function vendorAlerts(events: EventFeed, supplierId: string, after: number, limit: number): Promise<{ items: FeedEvent[]; nextCursor: number }> {
  const page = await events.read({ after, topics: ['replenishment.below_reorder_point'], limit: 500 })
  const items: FeedEvent[] = []
  let nextCursor = page.nextCursor
  for (const e of page.items) {
    const payload = e.payload as { supplierIds?: string[] }
    if (!payload.supplierIds?.includes(supplierId)) continue
    // Which other suppliers sell the SKU is not this supplier's business.
    items.push({ ...e, payload: { ...payload, supplierIds: [supplierId] } })
    if (items.length === limit) {
      nextCursor = e.id
      break
    }
  }
  return { items, nextCursor }
}
