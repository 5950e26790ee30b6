/** Inventory policies' SQL: one per SKU × node, or a default for a SKU (`node *`), a node (`sku *`) or everything (`* *`). */
import type { Queryable } from '../store/db.ts'
import { selectIn } from '../store/sql.ts'
import { anyKey } from './model.ts'
import { defaultPolicy, type InventoryPolicy } from './policy.ts'

export interface StoredPolicy {
  skuId: string
  nodeId: string
  policy: InventoryPolicy
  version: number
  updatedAtMs: number
  updatedBy: string
}

type PolicyRow = { sku_id: string; node_id: string; policy: string; version: number | string; updated_at: number | string; updated_by: string }
const storedOf = (r: PolicyRow): StoredPolicy => ({
  skuId: r.sku_id, nodeId: r.node_id, policy: JSON.parse(r.policy), version: Number(r.version), updatedAtMs: Number(r.updated_at), updatedBy: r.updated_by,
})

/** Sets the policy of one key, as the next version. */
export async function savePolicy(tx: Queryable, skuId: string, nodeId: string, policy: InventoryPolicy, atMs: number, by: string): Promise<StoredPolicy> {
  const row = await tx.get<PolicyRow>(`INSERT INTO inventory_policies (sku_id, node_id, policy, version, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?)
    ON CONFLICT (sku_id, node_id) DO UPDATE SET policy = excluded.policy, version = inventory_policies.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
    RETURNING *`, [skuId, nodeId, JSON.stringify(policy), atMs, by])
  return storedOf(row!)
}

export async function deletePolicy(tx: Queryable, skuId: string, nodeId: string): Promise<boolean> {
  return (await tx.run('DELETE FROM inventory_policies WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])) > 0
}

export async function storedPolicy(q: Queryable, skuId: string, nodeId: string): Promise<StoredPolicy | undefined> {
  const row = await q.get<PolicyRow>('SELECT * FROM inventory_policies WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])
  return row && storedOf(row)
}

/** A page of stored policies by SKU then node, after the cursor. */
export async function listPolicies(q: Queryable, after: { skuId: string; nodeId: string } | undefined, limit: number): Promise<StoredPolicy[]> {
  const rows = after === undefined
    ? await q.all<PolicyRow>('SELECT * FROM inventory_policies ORDER BY sku_id, node_id LIMIT ?', [limit])
    : await q.all<PolicyRow>('SELECT * FROM inventory_policies WHERE sku_id > ? OR (sku_id = ? AND node_id > ?) ORDER BY sku_id, node_id LIMIT ?',
      [after.skuId, after.skuId, after.nodeId, limit])
  return rows.map(storedOf)
}

/** Which stored policy a series follows: its own, else its SKU's, else its node's, else the shop's. */
export type EffectivePolicy = { policy: InventoryPolicy; from: 'series' | 'sku' | 'node' | 'default' | 'built_in' }

/** The effective policy of each series, in one read of the SKUs' policies and the defaults. */
export async function effectivePolicies(q: Queryable, keys: ReadonlyArray<{ skuId: string; nodeId: string }>): Promise<Map<string, EffectivePolicy>> {
  const rows = await selectIn<PolicyRow>(q, 'SELECT * FROM inventory_policies WHERE sku_id', [...new Set([anyKey, ...keys.map((k) => k.skuId)])])
  const byKey = new Map(rows.map((r) => [`${r.sku_id}|${r.node_id}`, storedOf(r).policy]))
  const out = new Map<string, EffectivePolicy>()
  for (const { skuId, nodeId } of keys) {
    const own = byKey.get(`${skuId}|${nodeId}`)
    const sku = byKey.get(`${skuId}|${anyKey}`)
    const node = byKey.get(`${anyKey}|${nodeId}`)
    const shop = byKey.get(`${anyKey}|${anyKey}`)
    const found: EffectivePolicy = own ? { policy: own, from: 'series' } : sku ? { policy: sku, from: 'sku' } : node ? { policy: node, from: 'node' }
      : shop ? { policy: shop, from: 'default' } : { policy: defaultPolicy, from: 'built_in' }
    out.set(`${skuId}|${nodeId}`, found)
  }
  return out
}
