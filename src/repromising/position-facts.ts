/**
 * What planning one position needs besides its stock, slots and lines: the promising settings,
 * the compensation policy, the nodes and SKU names. A re-promise and its preview build the pure
 * plan's input here, the one way, so a preview cannot plan differently from the change it previews.
 */
import type { Queryable } from '../store/db.ts'
import type { Buckets } from '../inventory/index.ts'
import type { SupplySlot } from '../supply/index.ts'
import { defaultCompensationPolicy, type CompensationPolicy } from '../promising/index.ts'
import { defaultPromisingSettings, handlingDaysOf, loadPromisingSettings, transitDaysOf, type PromisingSettings } from '../promising/index.ts'
import { loadNodes, loadSkuNames, type NodeFacts } from '../catalogue/index.ts'
import { loadCompensationPolicy } from './repromise-store.ts'
import type { PositionFacts, WaitingLine } from './repromise-decide.ts'
import type { PositionCauses } from './slot-sync.ts'

/** What dating and compensating lines needs besides the lines. */
export interface Facts {
  settings: PromisingSettings
  policy: CompensationPolicy
  nodes: Map<string, NodeFacts>
  skuNames: Map<string, string>
}

export const noFacts: Facts = { settings: defaultPromisingSettings, policy: defaultCompensationPolicy, nodes: new Map(), skuNames: new Map() }

export async function loadFacts(q: Queryable, keys: ReadonlyArray<{ skuId: string }>): Promise<Facts> {
  return {
    settings: await loadPromisingSettings(q),
    policy: await loadCompensationPolicy(q),
    nodes: await loadNodes(q),
    skuNames: await loadSkuNames(q, keys.map((k) => k.skuId)),
  }
}

export interface PositionContext extends Facts {
  causes: PositionCauses | undefined
  skuName: string
}

/** The input of `planPosition` for one position at `nodeId`. */
export function positionFactsOf(
  nodeId: string, position: Buckets, slots: readonly SupplySlot[], lines: readonly WaitingLine[], c: PositionContext, nowMs: number,
): PositionFacts {
  const node = c.nodes.get(nodeId)
  return {
    position,
    slots,
    lines,
    skuName: c.skuName,
    handlingDays: handlingDaysOf(node?.handlingTimeHours ?? 24),
    transitDays: (order) => transitDaysOf(c.settings, node?.region ?? '', order.fulfilment),
    causes: c.causes,
    policy: c.policy,
    overdueStepDays: c.settings.overdueSupplyStepDays,
    nowMs,
  }
}
