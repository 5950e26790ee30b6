/**
 * Sell-ahead policies and promising settings as stored. A channel's row overrides the SKU's
 * row (channel_id '' = every channel); with neither, the default policy applies.
 */
import type { Queryable } from '../store/db.ts'
import { virtualLeadDays } from '../purchasing/index.ts'
import { selectIn } from '../store/sql.ts'
import { loadRecentSetting, loadSetting, saveSetting, type SettingRule } from '../store/settings.ts'
import { invariant, type Result } from '../kernel/result.ts'
import type { BatchLocal, BatchState } from '../inventory/index.ts'
import { defaultPolicy, dayStartOf, type AllocationRule, type SellAheadPolicy } from './model.ts'
import { decidePolicy, decidePromisingSettings, defaultPromisingSettings, ruleOf, type PolicyInput, type PromisingSettings, type PromisingSettingsInput } from './policy.ts'

/** channel_id of a SKU's row for every channel. */
export const allChannels = ''

export interface EffectivePolicy {
  policy: SellAheadPolicy
  /** Where it came from: the channel's own row, the SKU's row, or the default. */
  source: 'channel' | 'sku' | 'default'
}

export async function storedPolicy(q: Queryable, skuId: string, channelId: string): Promise<SellAheadPolicy | undefined> {
  const row = await q.get<{ policy: string }>('SELECT policy FROM sell_ahead_policies WHERE sku_id = ? AND channel_id = ?', [skuId, channelId])
  return row && (JSON.parse(row.policy) as SellAheadPolicy)
}

/** The policy in effect for each SKU × channel asked for, from one read of the SKUs' rows. */
export async function effectivePolicies(q: Queryable, skuIds: readonly string[]): Promise<(skuId: string, channelId: string) => EffectivePolicy> {
  const rows = new Map<string, SellAheadPolicy>()
  for (const r of await selectIn<{ sku_id: string; channel_id: string; policy: string }>(q, 'SELECT sku_id, channel_id, policy FROM sell_ahead_policies WHERE sku_id', skuIds)) {
    rows.set(`${r.sku_id}|${r.channel_id}`, JSON.parse(r.policy))
  }
  return (skuId, channelId) => {
    const own = rows.get(`${skuId}|${channelId}`)
    if (own) return { policy: own, source: 'channel' }
    const sku = rows.get(`${skuId}|${allChannels}`)
    return sku ? { policy: sku, source: 'sku' } : { policy: defaultPolicy, source: 'default' }
  }
}

export async function effectivePolicy(q: Queryable, skuId: string, channelId: string | null): Promise<EffectivePolicy> {
  const rows = await q.all<{ channel_id: string; policy: string }>(
    'SELECT channel_id, policy FROM sell_ahead_policies WHERE sku_id = ? AND channel_id IN (?, ?)', [skuId, allChannels, channelId ?? allChannels])
  const own = channelId ? rows.find((r) => r.channel_id === channelId) : undefined
  if (own) return { policy: JSON.parse(own.policy), source: 'channel' }
  const sku = rows.find((r) => r.channel_id === allChannels)
  return sku ? { policy: JSON.parse(sku.policy), source: 'sku' } : { policy: defaultPolicy, source: 'default' }
}

export async function savePolicy(q: Queryable, skuId: string, channelId: string, input: PolicyInput, nowMs: number): Promise<Result<SellAheadPolicy>> {
  const policy = decidePolicy(input)
  if (!policy.ok) return policy
  await q.run(
    `INSERT INTO sell_ahead_policies (sku_id, channel_id, policy, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sku_id, channel_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at`,
    [skuId, channelId, JSON.stringify(policy.value), nowMs])
  return policy
}

/** Removes a row; answers whether there was one. */
export async function deletePolicy(q: Queryable, skuId: string, channelId: string): Promise<boolean> {
  return (await q.run('DELETE FROM sell_ahead_policies WHERE sku_id = ? AND channel_id = ?', [skuId, channelId])) > 0
}

/** The allocation rule for a SKU sold through a channel, per candidate node, under the promising settings. */
export async function rulesFor(
  q: Queryable, skuId: string, channelId: string | null, nodeIds: readonly string[], nowMs: number, settings: Pick<PromisingSettings, 'overdueSupplyStepDays'>,
): Promise<{ effective: EffectivePolicy; rules: Map<string, AllocationRule> }> {
  const effective = await effectivePolicy(q, skuId, channelId)
  const leads = await virtualLeadDays(q, skuId, nodeIds)
  const { overdueSupplyStepDays } = settings
  const todayMs = dayStartOf(nowMs)
  return { effective, rules: new Map(nodeIds.map((n) => [n, ruleOf(effective.policy, todayMs, leads.get(n) ?? 0, overdueSupplyStepDays)])) }
}

/** Rules a batch has loaded, by SKU × channel × candidate nodes: a flash-sale batch of thousands of orders loads them once. */
const rulesOfBatch: BatchLocal<Map<string, Map<string, AllocationRule>>> = { name: 'allocation rules', init: () => new Map() }

const batchRulesKey = (skuId: string, channelId: string | null, nodeIds: readonly string[]) => `${skuId}|${channelId ?? ''}|${nodeIds.join(',')}`

/**
 * Loads a line's rules inside the engine batch, under its locks, once per SKU × channel × nodes
 * per batch; `ruleInBatch` reads them when the line is decided. Read in the batch rather than
 * before it, a policy or lead-time change is seen by the very next batch, with no cache to expire.
 */
export async function loadRulesInBatch(
  tx: Queryable, state: BatchState, skuId: string, channelId: string | null, nodeIds: readonly string[], settings: Pick<PromisingSettings, 'overdueSupplyStepDays'>,
): Promise<void> {
  const loaded = state.local(rulesOfBatch)
  const key = batchRulesKey(skuId, channelId, nodeIds)
  if (!loaded.has(key)) loaded.set(key, (await rulesFor(tx, skuId, channelId, nodeIds, state.nowMs, settings)).rules)
}

/** The rule at one candidate node, as `loadRulesInBatch` loaded it for this batch. */
export function ruleInBatch(state: BatchState, skuId: string, channelId: string | null, nodeIds: readonly string[], nodeId: string): AllocationRule {
  const rule = rulesInBatch(state, skuId, channelId, nodeIds).get(nodeId)
  invariant(rule, 'rules are loaded in the batch before its lines are decided')
  return rule
}

/** The rules at every candidate node, as `loadRulesInBatch` loaded them for this batch (a routed line asks for each of tens of nodes). */
export function rulesInBatch(state: BatchState, skuId: string, channelId: string | null, nodeIds: readonly string[]): ReadonlyMap<string, AllocationRule> {
  const rules = state.local(rulesOfBatch).get(batchRulesKey(skuId, channelId, nodeIds))
  invariant(rules, 'rules are loaded in the batch before its lines are decided')
  return rules
}

export const promisingSettingName = 'promising'

const promisingSetting: SettingRule<PromisingSettingsInput, PromisingSettings> = {
  name: promisingSettingName, fallback: defaultPromisingSettings, check: decidePromisingSettings,
}

export const loadPromisingSettings = (q: Queryable): Promise<PromisingSettings> => loadSetting(q, promisingSetting)

/** The promising settings read at most a second ago, for per-request checks outside a transaction (see `loadRecentSetting`). */
export const recentPromisingSettings = (db: Queryable): Promise<PromisingSettings> => loadRecentSetting(db, promisingSetting)

export const savePromisingSettings = (q: Queryable, input: PromisingSettingsInput, nowMs: number): Promise<Result<PromisingSettings>> =>
  saveSetting(q, promisingSetting, input, nowMs)
