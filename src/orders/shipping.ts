/**
 * What fulfilment asks of an order, inside the caller's transaction: ship some units of its lines
 * (the stock commit: O and I fall together, one movement per line), record lines delivered, and
 * place a line a node rejected on the next candidate node (`rerouteLine`, the one function the
 * routing work will later swap the internals of). The orders context owns the lines; shipments
 * (fulfilment) only name them.
 */
import type { Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { checkAction } from '../kernel/lifecycle.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { BatchState, Buckets, Inventory, Position } from '../inventory/index.ts'
import { channelNodesOf, dayStartOf, handlingDaysOf, loadRulesInBatch, recentPromisingSettings, ruleInBatch, transitDaysOf } from '../promising/index.ts'
import { fail, notFound } from './errors.ts'
import { notReadyToShip } from './decide.ts'
import { orderTransitions } from './lifecycle.ts'
import { unshippedOf, type Order, type OrderLine } from './model.ts'
import { chooseNode, chooseRouted, replanRuleOf, type Chosen, type PlaceLine } from './place.ts'
import { loadCapacityInBatch, nextDecisionSeq, type Routing } from '../routing/index.ts'
import { allocationsJson, orderLineColumns, orderLineValues } from './rows.ts'
import { insertMany } from '../store/sql.ts'
import { linesOf, loadOrder, type OrderEventDraft } from './store.ts'
import type { HoldsReleased, OrderActor } from './service.ts'

/** Units of one order line. */
export interface LineQuantity {
  lineNo: number
  quantity: number
}

/**
 * Why a node gave a line back: it could not find the units, or found them damaged (they become
 * unsellable there); a dropship supplier has none (`out_of_stock`: they leave its allowance) or
 * cannot send to the address (`cannot_ship`: they stay sellable).
 */
export type RejectReason = 'not_found' | 'damaged' | 'out_of_stock' | 'cannot_ship'

/**
 * A line placed again after a node rejected it: where it was, where it is now (null: no node
 * could take it; it is held, unallocated, for a person). A line of which some units had already
 * shipped is split: it keeps the shipped units (and is shipped), and its other units become a new
 * line (`after.lineNo`) placed again; `before` is then those units as they were.
 */
export interface Rerouted {
  order: Order
  before: OrderLine
  after: OrderLine
  fromNodeId: string
  toNodeId: string | null
}

/** What the orders service hands these steps. */
export interface ShippingDeps {
  clock: Clock
  catalogue: Catalogue
  inventory: Inventory
  holdsReleased: HoldsReleased | undefined
  /** Routes the line again by the channel's routing profile (without it: the soonest delivery). */
  routing: Routing | undefined
  writeChange: (tx: Queryable, before: Order, after: Order, events: OrderEventDraft[], by: OrderActor, action: string) => Promise<void>
}

const subject = (o: Order) => ({ kind: 'order', ref: o.id, status: o.status })

/**
 * Ships these units of the order's lines from `nodeId`: each line must be open at that node, held
 * as stock in full (a line still waiting for supply cannot ship: `not_ready_to_ship`) and on
 * hand. One `commit` movement per line (I − q, O − q); a line whose every unit has shipped is
 * `shipped`, and the order is `shipped` when every line is. The order must be paid.
 */
export async function shipLinesWithin(
  d: ShippingDeps, tx: Queryable, orderId: string, nodeId: string, lines: readonly LineQuantity[], by: OrderActor, detail: Record<string, unknown>,
): Promise<Result<Order>> {
  const order = await loadOrder(tx, orderId, true)
  if (!order) return notFound('order', orderId)
  const refused = checkAction(orderTransitions, subject(order), 'ship')
  if (refused) return refused
  let fresh: OrderLine[] = order.lines
  const keys = lines.map((q) => ({ skuId: order.lines.find((l) => l.lineNo === q.lineNo)?.skuId ?? '', nodeId })).filter((k) => k.skuId !== '')
  const fromAllowance = (await d.catalogue.resolveNode(nodeId, tx))?.kind === 'dropship'
  const shipped = await d.inventory.withinLocked(tx, keys, (state) => commitLines(state, order, fresh, nodeId, lines, fromAllowance, by.actor), async (q) => {
    // Re-promising rewrites lines under the position locks: read them again now that they are held.
    fresh = (await linesOf(q, [orderId])).get(orderId) ?? []
  })
  if (!shipped.ok) return shipped
  const nowMs = d.clock.nowMs()
  const after: Order = { ...order, lines: shipped.value, updatedAtMs: nowMs }
  const events: OrderEventDraft[] = [{ kind: 'lines_shipped', detail: { nodeId, lines, ...detail } }]
  if (after.lines.every((l) => l.status !== 'open')) {
    after.status = 'shipped'
    after.dueAtMs = null
    events.push({ kind: 'shipped', detail: { from: order.status, to: 'shipped' } })
  }
  await d.writeChange(tx, { ...order, lines: fresh }, after, events, by, 'ship')
  return ok(after)
}

/**
 * Units that can physically leave a node: what is on its shelf, and at a supplier's dropship node
 * (`fromAllowance`) also the supplier's virtual allowance — it sends from its own stock.
 */
export const unitsThatCanLeave = (p: Buckets, fromAllowance: boolean): number => p.onHand + (fromAllowance ? p.virtual : 0)

/** The stock commit of shipped units (O − q): off the shelf first, and at a dropship node the rest off the allowance. */
export function commitUnits(state: BatchState, p: Position, quantity: number, fromAllowance: boolean, meta: { reason: string; refType: string; refId: string; actor: string }): void {
  const fromShelf = fromAllowance ? Math.min(quantity, Math.max(0, p.onHand)) : quantity
  const delta = { onHand: -fromShelf, reserved: -quantity, ...(fromShelf < quantity && { virtual: -(quantity - fromShelf) }) }
  state.apply(p, delta, 'commit', quantity, meta)
}

/** `fromAllowance`: the node is a supplier's dropship node (`commitUnits`). */
function commitLines(state: BatchState, order: Order, lines: OrderLine[], nodeId: string, quantities: readonly LineQuantity[], fromAllowance: boolean, actor: string): Result<OrderLine[]> {
  const out = lines.map((l) => ({ ...l }))
  const notReady: OrderLine[] = []
  const needed = new Map<string, number>()
  for (const q of quantities) {
    const line = out.find((l) => l.lineNo === q.lineNo)
    if (!line || line.status !== 'open' || line.nodeId !== nodeId || q.quantity > unshippedOf(line) || q.quantity <= 0) {
      return fail('line_not_shippable', `Order ${order.id} line ${q.lineNo} has no ${q.quantity} unshipped units at this node.`, { lineNo: q.lineNo })
    }
    if (line.allocation.stockQuantity !== line.quantity) notReady.push(line)
    needed.set(line.skuId, (needed.get(line.skuId) ?? 0) + q.quantity)
  }
  if (notReady.length > 0) return notReadyToShip(order, notReady)
  const short = out.filter((l) => needed.has(l.skuId) && unitsThatCanLeave(state.position(l.skuId, nodeId), fromAllowance) < needed.get(l.skuId)!)
  if (short.length > 0) return notReadyToShip(order, short)
  for (const q of quantities) {
    const line = out.find((l) => l.lineNo === q.lineNo)!
    commitUnits(state, state.position(line.skuId, nodeId), q.quantity, fromAllowance, { reason: 'shipped', refType: 'order', refId: order.id, actor })
    line.shippedQuantity += q.quantity
    if (line.shippedQuantity === line.quantity) line.status = 'shipped'
  }
  return ok(out)
}

/**
 * Records these lines delivered at `atMs` (every unit of each has reached the customer); the
 * order is `delivered` once every shipped line is and none is still open.
 */
export async function deliverLinesWithin(d: ShippingDeps, tx: Queryable, orderId: string, lineNos: readonly number[], atMs: number, by: OrderActor): Promise<Result<Order>> {
  const order = await loadOrder(tx, orderId, true)
  if (!order) return notFound('order', orderId)
  const wanted = new Set(lineNos)
  const after: Order = {
    ...order,
    updatedAtMs: d.clock.nowMs(),
    lines: order.lines.map((l) => (wanted.has(l.lineNo) && l.status === 'shipped' && l.deliveredAtMs === null ? { ...l, deliveredAtMs: atMs } : l)),
  }
  const events: OrderEventDraft[] = [{ kind: 'lines_delivered', detail: { lines: [...wanted] } }]
  const done = after.lines.every((l) => l.status === 'cancelled' || (l.status === 'shipped' && l.deliveredAtMs !== null))
  if (done && checkAction(orderTransitions, subject(order), 'deliver') === undefined) {
    after.status = 'delivered'
    after.dueAtMs = null
    events.push({ kind: 'delivered', detail: { from: order.status, to: 'delivered' } })
  }
  await d.writeChange(tx, order, after, events, by, 'deliver')
  return ok(after)
}

/**
 * A node rejected an open line: its hold there is released (damaged: the held units become
 * unsellable there), and the line is routed again as an order is (the channel's routing profile
 * over its nodes, leaving out `excludedNodeIds`; the decision is stored as the order's next, with
 * its explanation, cause `reroute:<reason>`). When no node can take it the line is held:
 * open, unallocated and undated at the node that rejected it, for the merchant to decide.
 */
export async function rerouteLine(
  d: ShippingDeps, tx: Queryable, orderId: string, lineNo: number, excludedNodeIds: readonly string[], reason: RejectReason, by: OrderActor,
): Promise<Result<Rerouted>> {
  const order = await loadOrder(tx, orderId, true)
  if (!order) return notFound('order', orderId)
  const found = order.lines.find((l) => l.lineNo === lineNo)
  if (!found || found.status !== 'open' || (found.shippedQuantity > 0 && found.allocation.stockQuantity !== found.quantity)) {
    return fail('line_not_shippable', `Order ${order.id} line ${lineNo} is not open (or ships in part from supply still due): it cannot be placed again.`, { lineNo })
  }
  // The units not shipped yet, as a line of their own (the line itself when nothing shipped).
  const split = found.shippedQuantity > 0
  const line: OrderLine = split ? unshippedPart(found, Math.max(...order.lines.map((l) => l.lineNo)) + 1) : found
  const channel = await d.catalogue.resolveChannel(order.channelId, tx)
  invariant(channel, `order ${order.id} names channel ${order.channelId}, which does not exist`)
  const excluded = new Set([...excludedNodeIds, line.nodeId])
  // A pickup order is collected at its store: there is no other node to send it from.
  const candidates = order.fulfilment.method === 'pickup' ? [] : (await channelNodesOf(d.catalogue, channel, tx)).filter((n) => !excluded.has(n.id))
  const settings = await recentPromisingSettings(tx)
  const nodeIds = candidates.map((n) => n.id)
  const keys = [{ skuId: line.skuId, nodeId: line.nodeId }, ...nodeIds.map((nodeId) => ({ skuId: line.skuId, nodeId }))]
  const region = order.fulfilment.method === 'ship' ? order.fulfilment.region : null
  const routing = d.routing && nodeIds.length > 0 ? await d.routing.orderRouting(channel, candidates, { region }, false, settings, [], tx) : undefined
  const seq = routing ? await nextDecisionSeq(tx, order.id) : 0
  let fresh = line
  const decided = await d.inventory.withinLocked(tx, keys, (state) => {
    releaseAndMark(state, order.id, fresh, reason, by.actor)
    if (nodeIds.length === 0) return ok(undefined)
    const placeLine: PlaceLine = {
      skuId: line.skuId, nodeIds, quantity: line.quantity, unitPrice: line.unitPrice,
      rule: (s, nodeId) => ruleInBatch(s, line.skuId, channel.id, nodeIds, nodeId), stockBuffer: channel.safetyBuffer, channelId: channel.id,
      priorityClass: line.priorityClass,
    }
    const calendar = {
      handlingDays: (nodeId: string) => handlingDaysOf(candidates.find((n) => n.id === nodeId)!.handlingTimeHours),
      transitDays: (nodeId: string) => transitDaysOf(settings, candidates.find((n) => n.id === nodeId)!.region, order.fulfilment),
    }
    const chosen = routing
      ? firstOf(chooseRouted(state, { lines: [placeLine] }, routing, order.id, dayStartOf(state.nowMs), `reroute:${reason}`, seq))
      : chooseNode(state, { calendar }, placeLine, dayStartOf(state.nowMs), undefined)
    if (!chosen.ok) return ok(undefined)
    const { nodeId, plan } = chosen.value
    if (plan.allocation.stockQuantity > 0) state.reserveStock(state.position(line.skuId, nodeId), channel.id, plan.allocation.stockQuantity, by.actor)
    for (const [slot, n] of plan.slotTakes) state.promise(slot, n)
    return ok(chosen.value)
  }, async (q, state) => {
    const reread = (await linesOf(q, [orderId])).get(orderId)?.find((l) => l.lineNo === lineNo)
    fresh = reread === undefined ? line : split ? unshippedPart(reread, line.lineNo) : reread
    if (nodeIds.length > 0) await loadRulesInBatch(q, state, line.skuId, channel.id, nodeIds, settings)
    if (routing) await loadCapacityInBatch(q, state, routing)
  }, { fences: true })
  if (!decided.ok) return decided
  const after = placedAgain(fresh, decided.value)
  const nowMs = d.clock.nowMs()
  let lines: OrderLine[]
  if (split) {
    // The shipped units stay on the line, which is now shipped; the rest is the new line.
    const kept = shippedPart(found)
    await tx.run('UPDATE order_lines SET quantity = ?, stock_quantity = ?, allocations = ?, status = ? WHERE order_id = ? AND line_no = ?',
      [kept.quantity, kept.allocation.stockQuantity, allocationsJson(kept), kept.status, order.id, lineNo])
    await insertMany(tx, 'order_lines', orderLineColumns, [orderLineValues(order, after)])
    lines = [...order.lines.map((l) => (l.lineNo === lineNo ? kept : l)), after]
  } else {
    await tx.run('UPDATE order_lines SET node_id = ?, stock_quantity = ?, allocations = ?, ship_by = ?, deliver_by = ? WHERE order_id = ? AND line_no = ?',
      [after.nodeId, after.allocation.stockQuantity, allocationsJson(after), after.shipByMs, after.deliverByMs, order.id, lineNo])
    lines = order.lines.map((l) => (l.lineNo === lineNo ? after : l))
  }
  const updated: Order = { ...order, updatedAtMs: nowMs, lines }
  const dayOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))
  await d.writeChange(tx, { ...updated }, updated, [{
    kind: 'line_rerouted',
    detail: { lineNo, ...(split && { newLineNo: after.lineNo, quantity: after.quantity }), reason, fromNodeId: fresh.nodeId, toNodeId: decided.value?.nodeId ?? null, oldShipBy: dayOf(fresh.shipByMs), newShipBy: dayOf(after.shipByMs) },
  }], by, 'reroute')
  // Units not found go back to the node's sellable stock: lines waiting there get them first, as after any release. Not when
  // this line is held there itself: it would take back the very units the node could not find.
  if ((reason === 'not_found' || reason === 'cannot_ship') && fresh.allocation.stockQuantity > 0 && decided.value !== undefined) {
    await d.holdsReleased?.(tx, [{ skuId: line.skuId, nodeId: fresh.nodeId }])
  }
  return ok({ order: updated, before: fresh, after, fromNodeId: fresh.nodeId, toNodeId: decided.value?.nodeId ?? null })
}

/** The units of a partly shipped line not shipped yet, as a new open line numbered `lineNo` (held as stock in full, as shipping requires). */
function unshippedPart(l: OrderLine, lineNo: number): OrderLine {
  const quantity = l.quantity - l.shippedQuantity
  return { ...l, lineNo, quantity, shippedQuantity: 0, deliveredAtMs: null, allocation: stockOnly(l, quantity) }
}

/** A partly shipped line cut down to the units it shipped: shipped in full. */
function shippedPart(l: OrderLine): OrderLine {
  return { ...l, quantity: l.shippedQuantity, status: 'shipped', allocation: stockOnly(l, l.shippedQuantity) }
}

const stockOnly = (l: OrderLine, quantity: number): OrderLine['allocation'] => {
  const first = l.allocation.parts.find((p) => p.source === 'stock') ?? l.allocation.parts[0]
  return { stockQuantity: quantity, unallocated: 0, parts: [{ source: 'stock', kind: 'stock', quantity, availableAtMs: first?.availableAtMs ?? l.placedAtMs }] }
}

/** Gives back what the line held at its node: stock (O; damaged units then move to U there) and units promised on supply slots. */
function releaseAndMark(state: BatchState, orderId: string, line: OrderLine, reason: RejectReason, actor: string): void {
  const p = state.position(line.skuId, line.nodeId)
  const held = line.allocation.stockQuantity
  const meta = { reason: `rejected by node: ${reason}`, refType: 'order', refId: orderId, actor }
  if (held > 0) state.apply(p, { reserved: -held }, 'release', held, meta)
  if (held > 0 && reason === 'damaged') state.apply(p, { unsellable: held }, 'mark_unsellable', held, meta)
  // The supplier has none: its declared allowance was wrong by at least these units.
  const gone = reason === 'out_of_stock' ? Math.min(held, p.virtual) : 0
  if (gone > 0) state.apply(p, { virtual: -gone }, 'set_virtual', gone, meta)
  const slots = state.slotsAt(line.skuId, line.nodeId)
  for (const part of line.allocation.parts) {
    if (part.source === 'stock' || part.source === 'virtual') continue
    const slot = slots.find((s) => s.id === part.source)
    invariant(slot, `order ${orderId} line ${line.lineNo} is promised on slot ${part.source}, which does not exist`)
    state.promise(slot, -part.quantity)
  }
}

/** The line at its new node with its new promise; held (unallocated, no date) where it was when no node could take it. */
function placedAgain(line: OrderLine, chosen: Chosen | undefined): OrderLine {
  if (!chosen) return { ...line, allocation: { stockQuantity: 0, parts: [], unallocated: line.quantity }, shipByMs: null, deliverByMs: null }
  return {
    ...line, nodeId: chosen.nodeId, allocation: chosen.plan.allocation, rule: replanRuleOf(chosen.rule), shipByMs: chosen.shipByMs, deliverByMs: chosen.deliverByMs,
  }
}

const firstOf = (r: Result<Chosen[]>): Result<Chosen> => (r.ok ? ok(r.value[0]) : r)

/** Why units of a line are given up rather than handed over: a pickup not collected in time, or refused at the counter. */
export type UnitsReleaseReason = 'pickup_expired' | RejectReason

/**
 * Units of open lines that will not be handed over (a pickup expired, or the store found a line
 * damaged or missing at the counter, where a pickup has no other node): their stock hold at the
 * node is released (damaged: the units become unsellable there), the line gives those units up
 * — `cancelled` when no unit of it shipped, else its quantity falls to what shipped and it is
 * `shipped` — and what they cost is recorded as refund due on the order (never more than is
 * still refundable). The order is `cancelled` when nothing of it shipped and no line is left
 * open, `shipped` (or `delivered`, when every shipped line was) when some of it did.
 */
export async function releaseUnitsWithin(
  d: ShippingDeps, tx: Queryable, orderId: string, nodeId: string, lines: readonly LineQuantity[], reason: UnitsReleaseReason, by: OrderActor,
): Promise<Result<{ order: Order; refundDue: number }>> {
  const order = await loadOrder(tx, orderId, true)
  if (!order) return notFound('order', orderId)
  const keys = lines.map((q) => ({ skuId: order.lines.find((l) => l.lineNo === q.lineNo)?.skuId ?? '', nodeId })).filter((k) => k.skuId !== '')
  let fresh: OrderLine[] = order.lines
  const released = await d.inventory.withinLocked(tx, keys, (state) => {
    const out = fresh.map((l) => ({ ...l, allocation: { ...l.allocation, parts: l.allocation.parts.map((p) => ({ ...p })) } }))
    for (const q of lines) {
      const line = out.find((l) => l.lineNo === q.lineNo)
      const held = line ? line.allocation.stockQuantity - line.shippedQuantity : 0
      if (!line || line.status !== 'open' || line.nodeId !== nodeId || q.quantity <= 0 || q.quantity > unshippedOf(line) || q.quantity > held) {
        return fail('line_not_shippable', `Order ${order.id} line ${q.lineNo} has no ${q.quantity} units held at this node to give up.`, { lineNo: q.lineNo })
      }
      const p = state.position(line.skuId, nodeId)
      const meta = { reason: reason === 'pickup_expired' ? 'pickup expired' : `refused at the counter: ${reason}`, refType: 'order', refId: order.id, actor: by.actor }
      state.apply(p, { reserved: -q.quantity }, 'release', q.quantity, meta)
      if (reason === 'damaged') state.apply(p, { unsellable: q.quantity }, 'mark_unsellable', q.quantity, meta)
      line.allocation.stockQuantity -= q.quantity
      const stockPart = line.allocation.parts.find((part) => part.source === 'stock')
      if (stockPart) stockPart.quantity = Math.max(0, stockPart.quantity - q.quantity)
      line.allocation.parts = line.allocation.parts.filter((part) => part.quantity > 0)
      if (line.shippedQuantity === 0 && q.quantity === line.quantity) line.status = 'cancelled'
      else {
        line.quantity -= q.quantity
        if (line.quantity === line.shippedQuantity) line.status = 'shipped'
      }
    }
    return ok(out)
  }, async (q) => {
    fresh = (await linesOf(q, [orderId])).get(orderId) ?? []
  })
  if (!released.ok) return released
  const nowMs = d.clock.nowMs()
  const cost = lines.reduce((sum, q) => sum + q.quantity * (order.lines.find((l) => l.lineNo === q.lineNo)?.unitPrice ?? 0), 0)
  const refundDue = Math.max(0, Math.min(cost, order.paid - order.refunded - (order.refundDue ?? 0)))
  const after: Order = { ...order, lines: released.value, updatedAtMs: nowMs, refundDue: (order.refundDue ?? 0) + refundDue }
  const events: OrderEventDraft[] = [{ kind: 'units_released', detail: { nodeId, reason, lines, refundDue } }]
  if (after.lines.every((l) => l.status !== 'open')) {
    after.dueAtMs = null
    const shipped = after.lines.filter((l) => l.status === 'shipped')
    const to = shipped.length === 0 ? 'cancelled' : shipped.every((l) => l.deliveredAtMs !== null) ? 'delivered' : 'shipped'
    if (to !== order.status) {
      after.status = to
      events.push({ kind: to, detail: { from: order.status, to, reason } })
    }
  }
  for (const l of after.lines) {
    const old = fresh.find((o) => o.lineNo === l.lineNo)
    if (old && old.quantity !== l.quantity) await tx.run('UPDATE order_lines SET quantity = ? WHERE order_id = ? AND line_no = ?', [l.quantity, order.id, l.lineNo])
    if (old && old.allocation.stockQuantity !== l.allocation.stockQuantity) {
      await tx.run('UPDATE order_lines SET allocations = ? WHERE order_id = ? AND line_no = ?', [allocationsJson(l), order.id, l.lineNo])
    }
  }
  await d.writeChange(tx, { ...order, lines: fresh }, after, events, by, 'release_units')
  if (reason !== 'damaged') await d.holdsReleased?.(tx, [...new Set(lines.map((q) => after.lines.find((l) => l.lineNo === q.lineNo)!.skuId))].map((skuId) => ({ skuId, nodeId })))
  return ok({ order: after, refundDue })
}
