/**
 * Placing an order inside a reservation-engine batch, so sell-ahead orders on a hot SKU get the
 * engine's guarantees (no oversell, nothing acknowledged lost) and its throughput. The decision
 * is synchronous over the locked positions and supply slots: each line goes to the candidate
 * node that can deliver it soonest, taking stock first and then future supply in date order.
 * All lines or none.
 */
import { invariant, ok, type Failure, type Result } from '../kernel/result.ts'
import { positionKey, storedKeyOf, type BatchState, type DocumentOp, type Idempotency, type KeyedRow } from '../inventory/index.ts'
import { type SupplySlot } from '../supply/index.ts'
import { allocateLine, dayMs, dayStartOf, nearestRefusal, positionSeen, readyDayOf, type AllocationRule, type LinePlan } from '../promising/index.ts'
import { sellable } from '../inventory/index.ts'
import { lineOption, recordRouting, route, withSkipped, type LineOption, type LineRefusal, type OrderRouting } from '../routing/index.ts'
import { fail } from './errors.ts'

import type { Order, OrderLine } from './model.ts'
import { placedLineSink, placedOrderSink } from './rows.ts'
import { contactSink } from './contacts.ts'
import type { Sealed } from '../kernel/sealing.ts'

export interface PlaceLine {
  skuId: string
  /** Nodes the line may ship from, in the channel's order; the soonest delivery wins, ties to the first. */
  nodeIds: string[]
  quantity: number
  unitPrice: number
  /**
   * The allocation rule: one for every node, or per node as read in the batch (a supplier's
   * virtual lead time is per node; the order path loads policies under the batch's locks).
   */
  rule: AllocationRule | ((state: BatchState, nodeId: string) => AllocationRule)
  /** Units of stock this line must leave at each node (the channel's safety buffer). */
  stockBuffer?: number
  /** The channel the order is placed through: its fence at a node is sellable to the line, and taken first (none: no fence). */
  channelId?: string | null
  priorityClass: number
}

/** Days from a node's ready day to its ship day, and from ship to delivery in the order's region. */
export interface Calendar {
  handlingDays: (nodeId: string) => number
  transitDays: (nodeId: string) => number
}

export interface PlaceInput {
  /**
   * The order as it will be stored, without lines (they are decided in the batch). Its placed and
   * updated times become the batch's time, and its deadline moves with them (same window).
   */
  order: Omit<Order, 'lines'>
  lines: PlaceLine[]
  calendar: Calendar
  actor: string
  idem?: Idempotency
  /** Loads what `check` needs once the slots are locked (a customer's units in a campaign). */
  prepare?: DocumentOp['prepare']
  /** A further rule checked under the locks before anything is allocated (a presale limit). */
  check?: (state: BatchState) => Failure | undefined
  /**
   * The order's routing (profile, candidates' facts): the lines go where the routing profile
   * says, and the decision is stored with its explanation. Without it, each line goes to the
   * node that delivers it soonest (a presale order, which has one node).
   */
  routing?: OrderRouting
  /** The customer's contact, already sealed for this order's id: written with the order. */
  contact?: Sealed
}

/**
 * The engine's answer for a placed order: the order as stored. A replay's answer is only
 * `{ order: { id } }`, made from the order row that carries the key: it answers with the order as
 * it is now (`Orders.submit` loads it).
 */
export interface Placed {
  order: Order
}

/** An order keeps its idempotency key on its own row: a flash sale writes one row per order, not two. */
const keptOnOrder: KeyedRow = {
  table: 'orders',
  keyColumn: 'idem_key',
  hashColumn: 'request_hash',
  replayOf: (row) => ({ order: { id: row.id } }),
}

export function placeOp(input: PlaceInput): DocumentOp {
  const op: DocumentOp = {
    kind: 'document',
    actor: input.actor,
    idem: input.idem,
    keys: keysOf(input.lines),
    prepare: input.prepare,
    decide: (state) => decidePlace(state, input, storedKeyOf(op) ?? null),
    remembersOn: keptOnOrder,
  }
  return op
}

/** Every candidate position of every line (a flash-sale order has one). */
function keysOf(lines: readonly PlaceLine[]): Array<{ skuId: string; nodeId: string }> {
  const keys: Array<{ skuId: string; nodeId: string }> = []
  for (const l of lines) for (const nodeId of l.nodeIds) keys.push({ skuId: l.skuId, nodeId })
  return keys
}

export interface Chosen {
  nodeId: string
  rule: AllocationRule
  plan: LinePlan
  shipByMs: number
  deliverByMs: number
}

function decidePlace(state: BatchState, input: PlaceInput, idemKey: string | null): Result<Placed> {
  const refused = input.check?.(state)
  if (refused) return refused
  const todayMs = dayStartOf(state.nowMs)
  const o = input.order
  const decided = input.routing ? chooseRouted(state, input, input.routing, o.id, todayMs) : chooseEach(state, input, todayMs)
  if (!decided.ok) return decided
  const chosen = decided.value
  // Placed when the engine accepted it: the batch's time, the deadline kept as far after it as the caller set it.
  const order: Order = { ...o, placedAtMs: state.nowMs, updatedAtMs: state.nowMs, dueAtMs: o.dueAtMs === null ? null : o.dueAtMs - o.placedAtMs + state.nowMs, lines: [] }
  state.stage(placedOrderSink, { order, idemKey, requestHash: input.idem?.requestHash ?? null })
  if (input.contact) state.stage(contactSink, { orderId: order.id, ...input.contact, sealedAtMs: state.nowMs })
  for (let i = 0; i < chosen.length; i++) {
    const { nodeId, rule, plan, shipByMs, deliverByMs } = chosen[i]
    const line = input.lines[i]
    const stock = plan.allocation.stockQuantity
    // The channel's fence first: those units leave L as they enter O.
    if (stock > 0) state.reserveStock(state.position(line.skuId, nodeId), line.channelId ?? null, stock, input.actor)
    for (const [slot, n] of plan.slotTakes) state.promise(slot, n)
    const stored: OrderLine = {
      lineNo: i + 1, skuId: line.skuId, nodeId, quantity: line.quantity, unitPrice: line.unitPrice, allocation: plan.allocation,
      rule: replanRuleOf(rule), shipByMs, deliverByMs, firstShipByMs: shipByMs, priorityClass: line.priorityClass,
      placedAtMs: order.placedAtMs, status: 'open', shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: deliverByMs, firstNodeId: nodeId,
    }
    order.lines.push(stored)
    state.stage(placedLineSink, { order, line: stored })
  }
  // An order's first event is its placement, published with the batch that places it (presale orders too).
  state.events.push({
    topic: 'order.changed', subject: order.id,
    payload: { orderId: order.id, channelId: order.channelId, customerId: order.customerId, status: order.status, action: 'place', events: ['placed'] },
  })
  return ok({ order })
}

type Earlier = { reserved: Map<string, number>; promised: Map<SupplySlot, number> }

/** Earlier lines of the same order on the same position count against later ones (single-line orders, the flash-sale case, skip this). */
const earlierOf = (lines: readonly PlaceLine[]): Earlier | undefined =>
  lines.length > 1 ? { reserved: new Map<string, number>(), promised: new Map<SupplySlot, number>() } : undefined

function countEarlier(earlier: Earlier | undefined, line: PlaceLine, c: Chosen): void {
  if (!earlier) return
  const key = positionKey(line.skuId, c.nodeId)
  earlier.reserved.set(key, (earlier.reserved.get(key) ?? 0) + c.plan.allocation.stockQuantity)
  for (const [slot, n] of c.plan.slotTakes) earlier.promised.set(slot, (earlier.promised.get(slot) ?? 0) + n)
}

const withLine = (f: Failure, lines: number, i: number): Failure => (lines === 1 ? f : { ...f, extra: { ...f.extra, line: i } })

/** Without routing: each line at the node that delivers it soonest. */
function chooseEach(state: BatchState, input: PlaceInput, todayMs: number): Result<Chosen[]> {
  const earlier = earlierOf(input.lines)
  const chosen: Chosen[] = []
  for (let i = 0; i < input.lines.length; i++) {
    const best = chooseNode(state, input, input.lines[i], todayMs, earlier)
    if (!best.ok) return withLine(best, input.lines.length, i)
    countEarlier(earlier, input.lines[i], best.value)
    chosen.push(best.value)
  }
  return ok(chosen)
}

/** A line's allocation at one node, as the line sees the position (its channel's buffer and fence; earlier lines of the order). */
function planAt(state: BatchState, line: PlaceLine, nodeId: string, todayMs: number, earlier: Earlier | undefined): { rule: AllocationRule; plan: Result<LinePlan>; stockLeft: number } {
  const p = state.position(line.skuId, nodeId)
  const fence = state.fenceOf(line.skuId, nodeId, line.channelId ?? null)
  const position = positionSeen(p, earlier?.reserved.get(positionKey(line.skuId, nodeId)) ?? 0, line.stockBuffer ?? 0, fence)
  const slots = earlier
    ? state.slotsAt(line.skuId, nodeId).map((s) => ({ ...s, promised: s.promised + (earlier.promised.get(s) ?? 0), original: s }))
    : state.slotsAt(line.skuId, nodeId)
  const rule = typeof line.rule === 'function' ? line.rule(state, nodeId) : line.rule
  const planned = allocateLine(position, slots, rule, line.quantity, todayMs)
  // Copies of the slots were planned against; promise the slots themselves.
  const plan = planned.ok && earlier
    ? ok({ ...planned.value, slotTakes: planned.value.slotTakes.map(([s, n]): [SupplySlot, number] => [(s as SupplySlot & { original: SupplySlot }).original, n]) })
    : planned
  return { rule, plan, stockLeft: Math.max(0, sellable(position) - (planned.ok ? planned.value.allocation.stockQuantity : 0)) }
}

type Option = LineOption<{ rule: AllocationRule; plan: LinePlan }>
/** A node another line of the order may go to, but not this one (it names a node, or only other nodes hold its SKU). */
const notOffered = 'not_offered'

/**
 * With routing: every line's option at every candidate (ship and delivery days by the node's
 * calendar, capacity and zone), the router's plan, then the chosen nodes allocated in line order
 * (a second line of the same SKU at the same node sees the first). The decision is staged with
 * its explanation.
 */
export function chooseRouted(state: BatchState, input: Pick<PlaceInput, 'lines'>, r: OrderRouting, orderId: string, todayMs: number, cause = 'placement', seq = 1): Result<Chosen[]> {
  const startedMs = r.observe ? performance.now() : 0
  const lines = input.lines.map((line) => ({
    quantity: line.quantity,
    options: r.nodes.map((node, n): Option | LineRefusal<Failure> => {
      if (!line.nodeIds.includes(node.id)) return { ok: false, code: notOffered, refusal: fail('unknown_node', 'The line names another node.') }
      const { rule, plan, stockLeft } = planAt(state, line, node.id, todayMs, undefined)
      if (!plan.ok) return { ok: false, code: plan.code, refusal: plan }
      const readyMs = readyDayOf(plan.value.allocation)
      invariant(readyMs !== null, 'an allocated line has a day it is ready')
      return lineOption(state, r, n, readyMs, line.quantity, stockLeft, { rule, plan: plan.value })
    }),
  }))
  const routed = route({ profile: r.profile, capability: r.capability, region: r.region, todayMs, nodes: r.nodes, lines, resolve: r.resolve })
  if (!routed.ok) {
    if (routed.kind === 'no_supply') {
      // The allocation's own refusals, at the line's candidates (not the nodes only other lines are offered to).
      const nearest = routed.refusals.filter((o) => o.code !== notOffered).map((o) => o.refusal).reduce<Failure | undefined>(nearestRefusal, undefined)
      invariant(nearest, 'a line has candidate nodes')
      return withLine(nearest, input.lines.length, routed.line - 1)
    }
    return fail('no_route', routed.explanation.why, { explanation: withSkipped(r, routed.explanation) })
  }
  const earlier = earlierOf(input.lines)
  const chosen: Chosen[] = []
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]
    const { node, option } = routed.value.assignment[i]
    let { plan, rule } = option.plan
    let shipDay = option.shipDayMs
    let deliverDay = option.deliverDayMs
    if (earlier && i > 0) {
      // Another line of the order may already take from this position: plan again with it counted.
      const again = planAt(state, line, r.nodes[node].id, todayMs, earlier)
      if (!again.plan.ok) return withLine(again.plan, input.lines.length, i)
      plan = again.plan.value
      rule = again.rule
      const readyMs = readyDayOf(plan.allocation)!
      const redone = lineOption(state, r, node, readyMs, line.quantity, again.stockLeft, undefined)
      shipDay = redone.shipDayMs
      deliverDay = redone.deliverDayMs
    }
    invariant(shipDay !== null && deliverDay !== null, 'a routed line has a ship day')
    const c: Chosen = { nodeId: r.nodes[node].id, rule, plan, shipByMs: shipDay, deliverByMs: deliverDay }
    countEarlier(earlier, line, c)
    chosen.push(c)
  }
  recordRouting(state, r, orderId, routed.value, input.lines.map((l) => l.quantity), cause, seq)
  r.observe?.(performance.now() - startedMs)
  return ok(chosen)
}

/** The candidate node that delivers the line soonest (ties to the first), or the refusal of the node that could promise the most. */
export function chooseNode(state: BatchState, input: Pick<PlaceInput, 'calendar'>, line: PlaceLine, todayMs: number, earlier: Earlier | undefined): Result<Chosen> {
  let best: Chosen | undefined
  let refusal: Failure | undefined
  for (const nodeId of line.nodeIds) {
    const { rule, plan } = planAt(state, line, nodeId, todayMs, earlier)
    if (!plan.ok) {
      refusal = nearestRefusal(refusal, plan)
      continue
    }
    const readyMs = readyDayOf(plan.value.allocation)
    invariant(readyMs !== null, 'an allocated line has a day it is ready')
    const shipByMs = readyMs + input.calendar.handlingDays(nodeId) * dayMs
    const deliverByMs = shipByMs + input.calendar.transitDays(nodeId) * dayMs
    if (best && deliverByMs >= best.deliverByMs) continue
    best = { nodeId, rule, plan: plan.value, shipByMs, deliverByMs }
  }
  if (best) return ok(best)
  invariant(refusal, 'a line has candidate nodes')
  return refusal
}

const replanRules = new WeakMap<AllocationRule, OrderLine['rule']>()

/** What a line keeps of its rule; one object per rule, so every line placed under it shares it (and its JSON). */
export function replanRuleOf(r: AllocationRule): OrderLine['rule'] {
  let kept = replanRules.get(r)
  if (!kept) {
    kept = { stock: r.stock, virtual: r.virtual, virtualLeadDays: r.virtualLeadDays, slotKinds: r.slotKinds, slotIds: r.slotIds, unconfirmedBufferDays: r.unconfirmedBufferDays }
    replanRules.set(r, kept)
  }
  return kept
}

