/** Vendor-managed replenishment: each SKU × node's available units and reorder point at the last run, and whether it was below (a vendor is told as it falls, once). */
import type { Queryable } from '../store/db.ts'
import { insertMany, selectIn } from '../store/sql.ts'

export interface StockState {
  skuId: string
  nodeId: string
  below: boolean
  availableUnits: number
  reorderPointUnits: number
  asOfDay: number
}

type Row = { sku_id: string; node_id: string; below: number | string | boolean; available_units: number | string; reorder_point_units: number | string; as_of_day: number | string }
const stateOf = (r: Row): StockState => ({
  skuId: r.sku_id, nodeId: r.node_id, below: Boolean(Number(r.below)), availableUnits: Number(r.available_units), reorderPointUnits: Number(r.reorder_point_units), asOfDay: Number(r.as_of_day),
})

export async function stockStatesOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, StockState>> {
  const rows = await selectIn<Row>(q, 'SELECT * FROM replenishment_alerts WHERE sku_id', skuIds)
  return new Map(rows.map((r) => [`${r.sku_id}|${r.node_id}`, stateOf(r)]))
}

export async function saveStockStates(tx: Queryable, states: readonly StockState[], atMs: number): Promise<void> {
  await insertMany(tx, 'replenishment_alerts',
    [['sku_id', 'text'], ['node_id', 'text'], ['below', 'integer'], ['available_units', 'bigint'], ['reorder_point_units', 'float8'], ['as_of_day', 'integer'], ['changed_at', 'bigint']],
    states.map((s) => [s.skuId, s.nodeId, s.below ? 1 : 0, s.availableUnits, s.reorderPointUnits, s.asOfDay, atMs]),
    `ON CONFLICT (sku_id, node_id) DO UPDATE SET below = excluded.below, available_units = excluded.available_units, reorder_point_units = excluded.reorder_point_units,
      as_of_day = excluded.as_of_day, changed_at = excluded.changed_at`)
}
