/**
 * Supply slots: future supply at a position (SKU × node) that orders may be promised against,
 * each with its quantity, how much of it is already promised, and the day it is expected.
 * Stock itself is the position's sellable S; a slot is everything that is not on the shelf yet
 * (DOMAIN.md §3). Slots are locked with their position, so a promise never outruns its supply.
 */
import { inList, type Param, type Queryable } from '../store/db.ts'
import { insertMany, selectIn } from '../store/sql.ts'
import { positionKey } from '../kernel/position.ts'

/** Future supply by how sure it is, from the most certain down. */
export const slotKinds = ['transfer', 'in_transit', 'po_confirmed', 'po_unconfirmed', 'presale'] as const
export type SlotKind = (typeof slotKinds)[number]

export interface SupplySlot {
  /** The source: a PO line, `<asn>:<po line>`, a transfer, or a presale campaign. */
  id: string
  skuId: string
  nodeId: string
  kind: SlotKind
  quantity: number
  /** Units already promised to order lines; never above `quantity` once re-promising has run. */
  promised: number
  /** Day (UTC midnight, ms) the units are expected at the node; null when nobody knows yet. */
  availableAtMs: number | null
  /** The purchase order or campaign the slot belongs to. */
  refId: string | null
  supplierId: string | null
}

export interface SlotRow {
  id: string
  sku_id: string
  node_id: string
  kind: string
  quantity: number | string
  promised: number | string
  available_at: number | string | null
  ref_id: string | null
  supplier_id: string | null
}

export const slotOf = (r: SlotRow): SupplySlot => ({
  id: r.id,
  skuId: r.sku_id,
  nodeId: r.node_id,
  kind: r.kind as SlotKind,
  quantity: Number(r.quantity),
  promised: Number(r.promised),
  availableAtMs: r.available_at === null ? null : Number(r.available_at),
  refId: r.ref_id,
  supplierId: r.supplier_id,
})

/** Units of a slot not yet promised (negative after a cut, until re-promising runs). */
export const slotFree = (s: SupplySlot): number => s.quantity - s.promised

/** Slots in the order they are promised: earliest day first, unknown days last, then by id. */
export function bySlotDate(a: SupplySlot, b: SupplySlot): number {
  const da = a.availableAtMs ?? Number.MAX_SAFE_INTEGER
  const db = b.availableAtMs ?? Number.MAX_SAFE_INTEGER
  return da - db || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Locks the slots of the given positions (their positions must already be locked, which is what
 * keeps two writers apart; FOR UPDATE on PostgreSQL guards the rows too) and returns them by
 * position key, in promise order.
 */
export async function lockSlots(tx: Queryable, keys: ReadonlyArray<{ skuId: string; nodeId: string }>): Promise<Map<string, SupplySlot[]>> {
  const unique = [...new Map(keys.map((k) => [positionKey(k.skuId, k.nodeId), k])).values()]
  const bySlotKey = new Map<string, SupplySlot[]>(unique.map((k) => [positionKey(k.skuId, k.nodeId), []]))
  if (unique.length === 0) return bySlotKey
  const rows = tx.dialect === 'postgres'
    ? await tx.all<SlotRow>(
      `SELECT * FROM supply_slots WHERE (sku_id, node_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) ORDER BY id FOR UPDATE`,
      [unique.map((k) => k.skuId), unique.map((k) => k.nodeId)])
    : (await Promise.all(unique.map((k) => tx.all<SlotRow>('SELECT * FROM supply_slots WHERE sku_id = ? AND node_id = ?', [k.skuId, k.nodeId])))).flat()
  for (const row of rows) bySlotKey.get(positionKey(row.sku_id, row.node_id))!.push(slotOf(row))
  for (const slots of bySlotKey.values()) slots.sort(bySlotDate)
  return bySlotKey
}

const slotColumns: Array<[string, 'text' | 'bigint']> = [
  ['id', 'text'], ['sku_id', 'text'], ['node_id', 'text'], ['kind', 'text'], ['quantity', 'bigint'], ['promised', 'bigint'],
  ['available_at', 'bigint'], ['ref_id', 'text'], ['supplier_id', 'text'], ['updated_at', 'bigint'],
]

/** Writes new and changed slots (an upsert keyed by id); slots with nothing left and nothing promised are deleted. */
export async function writeSlots(tx: Queryable, slots: Iterable<SupplySlot>, nowMs: number): Promise<void> {
  const keep: Param[][] = []
  const drop: string[] = []
  for (const s of slots) {
    if (s.quantity <= 0 && s.promised <= 0) drop.push(s.id)
    else keep.push([s.id, s.skuId, s.nodeId, s.kind, s.quantity, s.promised, s.availableAtMs, s.refId, s.supplierId, nowMs])
  }
  await insertMany(tx, 'supply_slots', slotColumns, keep,
    `ON CONFLICT (id) DO UPDATE SET quantity = excluded.quantity, promised = excluded.promised, available_at = excluded.available_at,
     kind = excluded.kind, updated_at = excluded.updated_at`)
  for (const id of drop) await tx.run('DELETE FROM supply_slots WHERE id = ?', [id])
}

/** Supply past its day at the start of `todayMs`, in position order (a presale quota keeps its campaign's day, so it is left out). */
export async function overdueSlots(q: Queryable, todayMs: number): Promise<SupplySlot[]> {
  const rows = await q.all<SlotRow>(
    `SELECT * FROM supply_slots WHERE kind <> 'presale' AND available_at IS NOT NULL AND available_at < ? AND quantity > 0 ORDER BY sku_id, node_id, id`, [todayMs])
  return rows.map(slotOf)
}

/** The slots of a SKU at some nodes, by node, in promise order (read without locks: for a quote, not a promise). */
export async function slotsAtNodes(q: Queryable, skuId: string, nodeIds: readonly string[]): Promise<Map<string, SupplySlot[]>> {
  const out = new Map<string, SupplySlot[]>(nodeIds.map((n) => [n, []]))
  if (nodeIds.length === 0) return out
  const rows = await q.all<SlotRow>(`SELECT * FROM supply_slots WHERE sku_id = ? AND node_id IN (${inList(nodeIds.length)})`, [skuId, ...nodeIds])
  for (const r of rows) out.get(r.node_id)?.push(slotOf(r))
  for (const slots of out.values()) slots.sort(bySlotDate)
  return out
}

/** The slots of many SKUs in one read: SKU → node → slots in promise order. */
export async function slotsOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, Map<string, SupplySlot[]>>> {
  const out = new Map<string, Map<string, SupplySlot[]>>()
  for (const r of await selectIn<SlotRow>(q, 'SELECT * FROM supply_slots WHERE sku_id', skuIds)) {
    let byNode = out.get(r.sku_id)
    if (!byNode) out.set(r.sku_id, (byNode = new Map()))
    const slots = byNode.get(r.node_id)
    if (slots) slots.push(slotOf(r))
    else byNode.set(r.node_id, [slotOf(r)])
  }
  for (const byNode of out.values()) for (const slots of byNode.values()) slots.sort(bySlotDate)
  return out
}

/** The nodes with supply slots of each SKU, in one read (unlocked: routing narrows its candidates with it). */
export async function slotNodesOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, Set<string>>> {
  return nodeSetsOf(await selectIn<{ sku_id: string; node_id: string }>(q, 'SELECT DISTINCT sku_id, node_id FROM supply_slots WHERE sku_id', skuIds))
}

export function nodeSetsOf(rows: ReadonlyArray<{ sku_id: string; node_id: string }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const r of rows) {
    const nodes = out.get(r.sku_id)
    if (nodes) nodes.add(r.node_id)
    else out.set(r.sku_id, new Set([r.node_id]))
  }
  return out
}

/** One slot by its id (a PO line, `<asn>:<po line>`, a transfer or a campaign), unlocked. */
export async function slotById(q: Queryable, id: string): Promise<SupplySlot | undefined> {
  const row = await q.get<SlotRow>('SELECT * FROM supply_slots WHERE id = ?', [id])
  return row ? slotOf(row) : undefined
}

/** Units not yet promised on a position's slots, presale quotas left out (they are the demand being counted). */
export async function unpromisedSupplyExceptPresale(q: Queryable, skuId: string, nodeId: string): Promise<number> {
  const row = await q.get<{ n: number | string | null }>(
    `SELECT SUM(CASE WHEN quantity > promised THEN quantity - promised ELSE 0 END) AS n FROM supply_slots WHERE sku_id = ? AND node_id = ? AND kind <> 'presale'`,
    [skuId, nodeId])
  return Number(row?.n ?? 0)
}

/** The slots of some purchase orders or campaigns (by `ref_id`) that orders are promised on. */
export async function promisedSlotsOf(q: Queryable, refIds: readonly string[]): Promise<SupplySlot[]> {
  if (refIds.length === 0) return []
  const rows = await q.all<SlotRow>(
    `SELECT * FROM supply_slots WHERE promised > 0 AND ref_id ${q.dialect === 'postgres' ? '= ANY(?::text[])' : `IN (${inList(refIds.length)})`}`,
    q.dialect === 'postgres' ? [refIds] : refIds)
  return rows.map(slotOf)
}
