/** Shop-wide stock totals for measures (analytics): one aggregate over the positions, never the movement ledger. */
import type { Queryable } from '../store/db.ts'

/** Units physically on hand (I) over every position. */
export async function totalOnHand(q: Queryable): Promise<number> {
  const row = await q.get<{ units: number | string | null }>('SELECT SUM(on_hand) AS units FROM positions')
  return Number(row?.units ?? 0)
}

/** Units on hand (I) per SKU × node with any on hand, for these SKUs (and one node when given): what a valuation multiplies by cost. */
export async function onHandOfSkus(q: Queryable, skuIds: readonly string[], nodeId?: string): Promise<Array<{ skuId: string; nodeId: string; onHand: number }>> {
  if (skuIds.length === 0) return []
  const params: string[] = [...skuIds]
  let sql = `SELECT sku_id, node_id, on_hand FROM positions WHERE on_hand > 0 AND sku_id IN (${skuIds.map(() => '?').join(', ')})`
  if (nodeId !== undefined) {
    sql += ' AND node_id = ?'
    params.push(nodeId)
  }
  const rows = await q.all<{ sku_id: string; node_id: string; on_hand: number | string }>(`${sql} ORDER BY sku_id, node_id`, params)
  return rows.map((r) => ({ skuId: r.sku_id, nodeId: r.node_id, onHand: Number(r.on_hand) }))
}
