/**
 * What customers wait for on supply slots, for the supplier's urgency: per group of slots (a PO
 * line and its ASNs' slots), the earliest ship day promised against them, how many orders have a
 * part on them and how many units those parts are. The orders context answers it because it owns
 * the lines; the composition root hands the function to purchasing.
 */
import type { Param, Queryable } from '../store/db.ts'
import { positionKey } from '../kernel/position.ts'

/** A slot to count, at its position, and the group its counts are summed into. */
export interface DemandSlot {
  slotId: string
  skuId: string
  nodeId: string
  group: string
}

/** Open lines waiting on a group's slots: each order counted once, however many of its parts are there. */
export interface SlotDemand {
  group: string
  /** Earliest ship day promised to a waiting line; null when none of them has a date. */
  earliestShipByMs: number | null
  orders: number
  units: number
}

/** Slots (with two parameters each) sent per statement: far under both stores' parameter limits. */
const slotsPerStatement = 2000

/** The demand on each group of slots; groups nobody waits on are left out. */
export async function demandOnSlots(q: Queryable, slots: readonly DemandSlot[]): Promise<SlotDemand[]> {
  const out: SlotDemand[] = []
  for (const chunk of chunksByPosition(slots)) out.push(...(await demandOnChunk(q, chunk)))
  return out
}

/** Chunks that keep a position's slots together, so a group (one PO line: one position) never spans two. */
function chunksByPosition(slots: readonly DemandSlot[]): DemandSlot[][] {
  const byPosition = new Map<string, DemandSlot[]>()
  for (const s of slots) {
    const key = positionKey(s.skuId, s.nodeId)
    const group = byPosition.get(key)
    if (group) group.push(s)
    else byPosition.set(key, [s])
  }
  const chunks: DemandSlot[][] = []
  let current: DemandSlot[] = []
  for (const group of byPosition.values()) {
    if (current.length > 0 && current.length + group.length > slotsPerStatement) {
      chunks.push(current)
      current = []
    }
    current.push(...group)
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

type DemandRow = { grp: string; ship_by: number | string | null; orders: number | string; units: number | string | null }

async function demandOnChunk(q: Queryable, slots: readonly DemandSlot[]): Promise<SlotDemand[]> {
  const positions = [...new Map(slots.map((s) => [positionKey(s.skuId, s.nodeId), s])).values()]
  const waiting = "l.status = 'open' AND l.stock_quantity < l.quantity"
  const rows = q.dialect === 'postgres'
    ? await q.all<DemandRow>(
      `SELECT g.grp, MIN(l.ship_by) AS ship_by, COUNT(DISTINCT l.order_id) AS orders, SUM((p->>'quantity')::bigint) AS units
       FROM order_lines l CROSS JOIN LATERAL jsonb_array_elements(l.allocations::jsonb -> 'parts') AS p
       JOIN unnest(?::text[], ?::text[]) AS g(slot_id, grp) ON g.slot_id = p->>'source'
       WHERE (l.sku_id, l.node_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) AND ${waiting} GROUP BY g.grp`,
      [slots.map((s) => s.slotId), slots.map((s) => s.group), positions.map((s) => s.skuId), positions.map((s) => s.nodeId)])
    : await q.all<DemandRow>(
      `SELECT g.column2 AS grp, MIN(l.ship_by) AS ship_by, COUNT(DISTINCT l.order_id) AS orders, SUM(json_extract(p.value, '$.quantity')) AS units
       FROM order_lines l, json_each(l.allocations, '$.parts') AS p
       JOIN (VALUES ${slots.map(() => '(?, ?)').join(', ')}) AS g ON g.column1 = json_extract(p.value, '$.source')
       WHERE (l.sku_id, l.node_id) IN (VALUES ${positions.map(() => '(?, ?)').join(', ')}) AND ${waiting} GROUP BY g.column2`,
      [...slots.flatMap((s): Param[] => [s.slotId, s.group]), ...positions.flatMap((s): Param[] => [s.skuId, s.nodeId])])
  return rows.map((r) => ({
    group: r.grp, earliestShipByMs: r.ship_by === null ? null : Number(r.ship_by), orders: Number(r.orders), units: Number(r.units ?? 0),
  }))
}
