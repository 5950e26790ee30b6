/**
 * Availability to promise (DOMAIN.md §3): for a SKU sold through a channel into a region, how
 * many units can be promised by each date, and for a quantity the dates an order placed now
 * would be promised. Both come from `allocateLine` over the same positions, slots and rules the
 * engine uses when the order is placed, so the quote and the placement agree.
 */
import type { Queryable } from '../store/db.ts'
import type { Failure } from '../kernel/result.ts'
import type { Catalogue, Channel, StockNode } from '../catalogue/index.ts'
import { maxQuantity, type Buckets } from '../inventory/index.ts'
import { slotsAtNodes, type SupplySlot } from '../supply/index.ts'
import { allocateLine, nearestRefusal, readyDayOf } from './allocate.ts'
import { dayMs, dayStartOf, riskNote, type Allocation, type AllocationRule } from './model.ts'
import { handlingDaysOf, positionSeen } from './policy.ts'

/** One candidate node as availability to promise sees it. */
export interface AtpNode {
  nodeId: string
  region: string
  handlingDays: number
  position: Buckets
  /** The channel's fence at the node (its active channel locks), sellable to it alone. */
  fence: number
  /** The node's supply slots in promise order. */
  slots: readonly SupplySlot[]
  rule: AllocationRule
}

export interface AtpInput {
  nodes: AtpNode[]
  /** Stock each node keeps back for the channel (its safety buffer). */
  stockBuffer: number
  /** Carrier days from a node's region to the customer; null when no region was asked for. */
  transitDays: ((nodeRegion: string) => number) | null
  quantity: number | null
  nowMs: number
}

export interface LadderSupply {
  nodeId: string
  kind: Allocation['kind']
  source: string
  quantity: number
}

export interface LadderStep {
  dayMs: number
  /** Units that can be promised by this day, in total over the channel's nodes. */
  cumulative: number
  /** What becomes available on this day. */
  supply: LadderSupply[]
}

export type Quote =
  | {
    available: true
    quantity: number
    nodeId: string
    shipByMs: number
    deliverByMs: number | null
    supply: Allocation[]
    riskNote: string | null
  }
  | { available: false; quantity: number; code: string; detail: string; availableQuantity: number }

export interface Atp {
  ladder: LadderStep[]
  quote: Quote | null
}

/** Everything a node could promise now, part by part, from the allocation of as much as it has. */
function promisable(n: AtpNode, stockBuffer: number, todayMs: number): Allocation[] {
  const position = positionSeen(n.position, 0, stockBuffer, n.fence)
  const all = allocateLine(position, n.slots, n.rule, maxQuantity, todayMs)
  if (all.ok) return all.value.allocation.parts
  const available = Number(all.extra?.available ?? 0)
  if (available <= 0) return []
  const some = allocateLine(position, n.slots, n.rule, available, todayMs)
  return some.ok ? some.value.allocation.parts : []
}

export function availabilityToPromise(input: AtpInput): Atp {
  const todayMs = dayStartOf(input.nowMs)
  const byDay = new Map<number, LadderSupply[]>([[todayMs, []]])
  for (const n of input.nodes) {
    for (const part of promisable(n, input.stockBuffer, todayMs)) {
      const list = byDay.get(part.availableAtMs) ?? []
      list.push({ nodeId: n.nodeId, kind: part.kind, source: part.source, quantity: part.quantity })
      byDay.set(part.availableAtMs, list)
    }
  }
  let cumulative = 0
  const ladder = [...byDay.entries()].sort(([a], [b]) => a - b).map(([day, supply]) => {
    cumulative += supply.reduce((sum, s) => sum + s.quantity, 0)
    return { dayMs: day, cumulative, supply }
  })
  return { ladder, quote: input.quantity === null ? null : quoteOf(input, input.quantity, todayMs) }
}

/** As placement decides a line: each node's allocation, the soonest delivery wins, ties to the first node. */
function quoteOf(input: AtpInput, quantity: number, todayMs: number): Quote {
  let best: Extract<Quote, { available: true }> | undefined
  let refusal: Failure | undefined
  for (const n of input.nodes) {
    const plan = allocateLine(positionSeen(n.position, 0, input.stockBuffer, n.fence), n.slots, n.rule, quantity, todayMs)
    if (!plan.ok) {
      refusal = nearestRefusal(refusal, plan)
      continue
    }
    const shipByMs = readyDayOf(plan.value.allocation)! + n.handlingDays * dayMs
    const transit = input.transitDays?.(n.region) ?? 0
    const deliverByMs = shipByMs + transit * dayMs
    if (!best || deliverByMs < (best.deliverByMs ?? best.shipByMs)) {
      best = {
        available: true, quantity, nodeId: n.nodeId, shipByMs, deliverByMs: input.transitDays ? deliverByMs : null,
        supply: plan.value.allocation.parts, riskNote: riskNote(plan.value.allocation),
      }
    }
  }
  if (best) return best
  if (!refusal) return { available: false, quantity, code: 'no_nodes', detail: 'The channel sells from no active node.', availableQuantity: 0 }
  return { available: false, quantity, code: refusal.code, detail: refusal.detail, availableQuantity: Number(refusal.extra?.available ?? 0) }
}

/** The supply slots of a SKU at some nodes, by node, in promise order (read without locks: a quote, not a promise). */
export const slotsOf = (q: Queryable, skuId: string, nodeIds: readonly string[]): Promise<Map<string, SupplySlot[]>> => slotsAtNodes(q, skuId, nodeIds)

/** What loading the candidate nodes needs: the nodes themselves, their positions, and the rules by node. */
export interface AtpNodeSource {
  nodes: ReadonlyArray<{ id: string; region: string; handlingTimeHours: number }>
  /** The position and the channel's fence there (`Inventory.channelPosition`). */
  position(skuId: string, nodeId: string): Promise<{ position: Buckets; fence: number }>
  rules: ReadonlyMap<string, AllocationRule>
}

/** The candidate nodes of a quote, with their positions and slots as they are now. */
export async function loadAtpNodes(q: Queryable, skuId: string, source: AtpNodeSource): Promise<AtpNode[]> {
  const slots = await slotsOf(q, skuId, source.nodes.map((n) => n.id))
  return Promise.all(source.nodes.map(async (n) => ({
    nodeId: n.id,
    region: n.region,
    handlingDays: handlingDaysOf(n.handlingTimeHours),
    ...await source.position(skuId, n.id),
    slots: slots.get(n.id) ?? [],
    rule: source.rules.get(n.id)!,
  })))
}

/** The channel's active nodes, in the channel's order (ties in delivery date go to the first). */
/** The channel's active nodes, in its order; `q` inside a transaction. */
export async function channelNodesOf(catalogue: Catalogue, channel: Channel, q?: Queryable): Promise<StockNode[]> {
  const nodes = await catalogue.nodesById(q)
  return channel.nodeIds.map((id) => nodes.get(id)).filter((n): n is StockNode => n !== undefined && n.active)
}
