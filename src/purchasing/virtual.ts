/**
 * Virtual supply: a supplier's declaration that it can put this many units of a SKU at a node
 * within a lead time. The position's V bucket is always the sum of every supplier's
 * declarations for that SKU × node, written in the same transaction as the declaration, so
 * what shoppers can buy never disagrees with what suppliers promised.
 */
import type { Db, Queryable } from '../store/db.ts'
import { publish, type SupplyChangeKind, type VirtualSupplyChanged } from '../events/index.ts'
import { Where } from '../store/where.ts'
import { selectIn } from '../store/sql.ts'
import type { Clock } from '../kernel/clock.ts'
import { isoOf } from '../kernel/clock.ts'
import { FailureError } from '../kernel/result.ts'
import type { Sku, StockNode } from '../catalogue/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { dayMs, dayStartOf, type Supplier, type SupplyLine, type VirtualSupply } from './model.ts'
import { decideVirtual } from './supplier-decide.ts'

export interface VirtualDeclaration {
  quantity: number
  leadTimeDays: number
}

export interface DeclaredVirtual {
  declaration: VirtualSupply
  /** The node's V bucket after the declaration: every supplier's declarations summed. */
  virtualAtNode: number
}

export interface VirtualFilter {
  supplierId?: string
  skuId?: string
  skuIds?: string[]
  nodeId?: string
  nodeIds?: string[]
}

interface VirtualRow {
  supplier_id: string
  sku_id: string
  node_id: string
  quantity: number | string
  lead_time_days: number | string
  actor: string
  declared_at: number | string
}

const virtualOf = (r: VirtualRow): VirtualSupply => ({
  supplierId: r.supplier_id, skuId: r.sku_id, nodeId: r.node_id, quantity: Number(r.quantity),
  leadTimeDays: Number(r.lead_time_days), actor: r.actor, declaredAtMs: Number(r.declared_at),
})

/**
 * Virtual supply is standing capacity, not a shipment: units ordered today can be at the node
 * `leadTimeDays` later, whenever today is.
 */
export const expectedDateOf = (v: VirtualSupply, nowMs: number): number => dayStartOf(nowMs) + v.leadTimeDays * dayMs

export const virtualView = (v: VirtualSupply) => ({
  supplierId: v.supplierId, skuId: v.skuId, nodeId: v.nodeId, quantity: v.quantity, leadTimeDays: v.leadTimeDays,
  actor: v.actor, declaredAt: isoOf(v.declaredAtMs)!,
})

/** The supply port's view of a declaration, dated from `nowMs`. */
export const supplyLineOf = (v: VirtualSupply, nowMs: number): SupplyLine => ({
  skuId: v.skuId, nodeId: v.nodeId, sourceType: 'virtual', sourceId: v.supplierId, poId: null, poLineId: null,
  supplierId: v.supplierId, quantity: v.quantity, expectedDate: expectedDateOf(v, nowMs), confidence: 'virtual',
})

/**
 * Declarations matching the filter, ordered by SKU, node, supplier. `after` is the last key of
 * the previous page, for paging.
 */
export async function virtualSupply(q: Queryable, filter: VirtualFilter, page?: { after?: VirtualKey; limit: number }): Promise<VirtualSupply[]> {
  const where = new Where()
    .eq('supplier_id', filter.supplierId)
    .eq('sku_id', filter.skuId)
    .eq('node_id', filter.nodeId)
    .among('sku_id', filter.skuIds)
    .among('node_id', filter.nodeIds)
  if (page?.after) {
    const [sku, node, supplier] = page.after
    where.add('(sku_id > ? OR (sku_id = ? AND (node_id > ? OR (node_id = ? AND supplier_id > ?))))', sku, sku, node, node, supplier)
  }
  const rows = await q.all<VirtualRow>(
    `SELECT * FROM virtual_supply ${where.sql} ORDER BY sku_id, node_id, supplier_id${page ? ` LIMIT ${page.limit}` : ''}`,
    where.params)
  return rows.map(virtualOf)
}

/** Where a declaration sits in the list order: SKU, node, supplier. */
export type VirtualKey = [skuId: string, nodeId: string, supplierId: string]
export const virtualKeyOf = (v: VirtualSupply): VirtualKey => [v.skuId, v.nodeId, v.supplierId]

/** Sets one supplier's declaration for a SKU at a node, and the node's V bucket, in one transaction. */
export async function declareVirtual(
  deps: { db: Db; clock: Clock; inventory: Inventory },
  supplier: Supplier, sku: Sku, node: StockNode, input: VirtualDeclaration, actor: string,
): Promise<DeclaredVirtual> {
  return deps.db.tx(async (tx) => {
    // One SKU's declarations are decided one at a time: the cap spans nodes, and V is a sum over suppliers.
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`virtual_supply|${sku.id}`])
    const nowMs = deps.clock.nowMs()
    const [before] = await virtualSupply(tx, { supplierId: supplier.id, skuId: sku.id, nodeId: node.id })
    const terms = await tx.get<{ virtual_cap: number | string }>('SELECT virtual_cap FROM supplier_skus WHERE supplier_id = ? AND sku_id = ?', [supplier.id, sku.id])
    const elsewhere = await tx.get<{ n: number | string | null }>(
      'SELECT SUM(quantity) AS n FROM virtual_supply WHERE supplier_id = ? AND sku_id = ? AND node_id <> ?', [supplier.id, sku.id, node.id])
    const decided = decideVirtual({
      supplier, node, quantity: input.quantity, leadTimeDays: input.leadTimeDays,
      virtualCap: terms ? Number(terms.virtual_cap) : null, declaredElsewhere: Number(elsewhere?.n ?? 0),
    })
    if (!decided.ok) throw new FailureError(decided)

    const after: VirtualSupply = { supplierId: supplier.id, skuId: sku.id, nodeId: node.id, ...input, actor, declaredAtMs: nowMs }
    await writeDeclaration(tx, after)
    const virtualAtNode = await totalAt(tx, sku.id, node.id)
    if ((before?.quantity ?? 0) !== after.quantity) await setVirtualBucket(deps.inventory, tx, supplier, after, virtualAtNode)
    const changed = before ? before.quantity !== after.quantity || before.leadTimeDays !== after.leadTimeDays : after.quantity > 0
    if (changed) {
      await writeSupplyChanged(tx, before, after, virtualAtNode, nowMs)
    }
    return { declaration: after, virtualAtNode }
  })
}

/** Quantity 0 withdraws the declaration; otherwise it replaces the previous one. */
async function writeDeclaration(tx: Queryable, v: VirtualSupply): Promise<void> {
  if (v.quantity === 0) {
    await tx.run('DELETE FROM virtual_supply WHERE supplier_id = ? AND sku_id = ? AND node_id = ?', [v.supplierId, v.skuId, v.nodeId])
    return
  }
  await tx.run(
    `INSERT INTO virtual_supply (supplier_id, sku_id, node_id, quantity, lead_time_days, actor, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (supplier_id, sku_id, node_id) DO UPDATE SET quantity = excluded.quantity, lead_time_days = excluded.lead_time_days,
       actor = excluded.actor, declared_at = excluded.declared_at`,
    [v.supplierId, v.skuId, v.nodeId, v.quantity, v.leadTimeDays, v.actor, v.declaredAtMs])
}

async function totalAt(tx: Queryable, skuId: string, nodeId: string): Promise<number> {
  const row = await tx.get<{ n: number | string | null }>('SELECT SUM(quantity) AS n FROM virtual_supply WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])
  return Number(row?.n ?? 0)
}

async function setVirtualBucket(inventory: Inventory, tx: Queryable, supplier: Supplier, v: VirtualSupply, total: number): Promise<void> {
  const applied = await inventory.applyWithin(tx, [{
    kind: 'set_virtual', skuId: v.skuId, nodeId: v.nodeId, quantity: total,
    reason: `virtual supply declared by supplier ${supplier.code}`, reference: supplier.id, actor: v.actor,
  }])
  if (!applied.ok) throw new FailureError(applied)
}

/** The same topic and shape as purchase-order supply changes, so the promising engine re-plans them alike. */
async function writeSupplyChanged(tx: Queryable, before: VirtualSupply | undefined, after: VirtualSupply, virtualAtNode: number, nowMs: number): Promise<void> {
  const was = before ? [supplyLineOf(before, nowMs)] : []
  const now = after.quantity > 0 ? [supplyLineOf(after, nowMs)] : []
  const payload: VirtualSupplyChanged = {
    skuId: after.skuId, nodeId: after.nodeId, sourceType: 'virtual', supplierId: after.supplierId, cause: 'virtual_declared',
    changes: changesOf(before, after), before: was, after: now, virtualAtNode,
  }
  await publish(tx, [{ topic: 'supply.changed', subject: `${after.skuId}@${after.nodeId}`, payload }], nowMs)
}

function changesOf(before: VirtualSupply | undefined, after: VirtualSupply): SupplyChangeKind[] {
  if (!before) return ['added']
  if (after.quantity === 0) return ['removed']
  const changes: SupplyChangeKind[] = []
  if (after.quantity < before.quantity) changes.push('quantity_cut')
  if (after.quantity > before.quantity) changes.push('quantity_raised')
  if (after.leadTimeDays !== before.leadTimeDays) changes.push('eta_moved')
  return changes
}

/** `virtualLeadDays` for many SKUs in one read: SKU → node → the longest lead time declared there (nodes without are absent). */
export async function virtualLeadDaysOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>()
  for (const r of await selectIn<{ sku_id: string; node_id: string; lead_time_days: number | string | null }>(q, 'SELECT sku_id, node_id, lead_time_days FROM virtual_supply WHERE sku_id', skuIds)) {
    let byNode = out.get(r.sku_id)
    if (!byNode) out.set(r.sku_id, (byNode = new Map()))
    byNode.set(r.node_id, Math.max(byNode.get(r.node_id) ?? 0, Number(r.lead_time_days ?? 0)))
  }
  return out
}

/** The longest lead time a supplier declared for its virtual supply of the SKU at each node (0 where none). */
export async function virtualLeadDays(q: Queryable, skuId: string, nodeIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(nodeIds.map((n) => [n, 0]))
  if (nodeIds.length === 0) return out
  const rows = await q.all<{ node_id: string; days: number | string | null }>(
    `SELECT node_id, MAX(lead_time_days) AS days FROM virtual_supply WHERE sku_id = ? AND node_id IN (${nodeIds.map(() => '?').join(', ')}) GROUP BY node_id`,
    [skuId, ...nodeIds])
  for (const r of rows) out.set(r.node_id, Number(r.days ?? 0))
  return out
}
