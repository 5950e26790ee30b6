/**
 * Shipments: each command loads the shipment (row locked) and its order, decides with the
 * lifecycle table and the pure rules, and writes the shipment, its events, `shipment.changed`
 * and the order's change (through the orders context) in one transaction.
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { publish } from '../events/index.ts'
import { loadOrder, type LineQuantity, type Order, type OrderAction, type OrderActor, type Orders, type RejectReason } from '../orders/index.ts'
import { recordRerouteDelay } from '../repromising/index.ts'
import { fail, notFound } from './errors.ts'
import { checkShipmentAction, type ShipmentAction, type ShipmentParty } from './lifecycle.ts'
import type { Package, Shipment, ShipmentEvent, ShipmentLine, ShipmentStatus } from './model.ts'
import { isActive, linesDeliveredInFull, splitForShipping, uncoveredByNode } from './decide.ts'
import {
  insertShipment, insertShipmentEvents, listShipments, loadShipment, nodesThatRejected, saveShipment, shipmentEventsOf, shipmentsOfOrder,
  type ShipmentEventDraft, type ShipmentFilter,
} from './store.ts'

/** Who acts on shipments: the party, the actor written on events, and what the caller may see (undefined: everything). */
export interface ShipmentActor {
  actor: string
  party: ShipmentParty
  /** A node user's nodes; another node's shipment is not found. */
  nodeIds?: readonly string[]
  /** A channel reading its own orders' shipments. */
  channelId?: string
}

export interface ShipInput {
  carrier: string
  service?: string
  tracking?: string
  packages?: Package[]
  /** Some lines or units only; the rest goes to a new shipment at the same node. Absent: every open line in full. */
  lines?: LineQuantity[]
}

const system: ShipmentActor = { actor: 'system:fulfilment', party: 'system' }

export const visibleTo = (s: Shipment, by: ShipmentActor): boolean =>
  (by.nodeIds === undefined || by.nodeIds.includes(s.nodeId)) && (by.channelId === undefined || by.channelId === s.channelId)

export class Fulfilment {
  readonly #db: Db
  readonly #clock: Clock
  readonly #orders: Orders

  constructor(db: Db, clock: Clock, orders: Orders) {
    this.#db = db
    this.#clock = clock
    this.#orders = orders
    // Shipments follow the order: made when it is paid, cancelled with it, shipped or delivered with it as a whole.
    orders.onTransition((tx, order, action) => this.#followOrder(tx, order, action))
  }

  async get(id: string, by: ShipmentActor): Promise<Result<{ shipment: Shipment; events: ShipmentEvent[] }>> {
    const s = await loadShipment(this.#db, id)
    if (!s || !visibleTo(s, by)) return notFound('shipment', id)
    return ok({ shipment: s, events: await shipmentEventsOf(this.#db, id) })
  }

  list(filter: ShipmentFilter, afterId: string | undefined, limit: number): Promise<Shipment[]> {
    return listShipments(this.#db, filter, afterId, limit)
  }

  /** The order's shipments, oldest first. */
  ofOrder(orderId: string, q: Queryable = this.#db): Promise<Shipment[]> {
    return shipmentsOfOrder(q, orderId)
  }

  /**
   * The merchant releases a paid order to fulfilment by hand: a shipment per node for the units
   * of its open lines no shipment covers (after a shipment was cancelled, or a line was held
   * when no node could take it). Made `released`: they join the nodes' queues at once.
   */
  async createForOrder(orderId: string, by: ShipmentActor): Promise<Result<Shipment[]>> {
    return this.#orders.inTransaction(async (tx) => {
      // Locked: two releases at once make the shipments once.
      const order = await loadOrder(tx, orderId, true)
      if (!order) return notFound('order', orderId)
      if (order.status !== 'paid') return fail('order_not_paid', `Order ${orderId} is ${order.status}: only a paid order is released to fulfilment.`, { status: order.status })
      const made = await this.#makeShipments(tx, order, 'released', by)
      if (made.length === 0) return fail('nothing_to_fulfil', `Every open unit of order ${orderId} is already in a shipment.`)
      return ok(made)
    })
  }

  /** release, pick, pack: the status moves, nothing else. */
  step(id: string, action: 'release' | 'pick' | 'pack', by: ShipmentActor): Promise<Result<Shipment>> {
    return this.#withShipment(id, action, by, async (tx, s) => {
      const after = { ...s, status: toOf(action), updatedAtMs: this.#clock.nowMs() }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: eventKind[action], detail: { from: s.status, to: after.status } }], by, action)
      return ok(after)
    })
  }

  /** Cancels before shipping: the lines go back to the order with their holds, to be released again or cancelled with the order. */
  cancel(id: string, reason: string | undefined, by: ShipmentActor): Promise<Result<Shipment>> {
    return this.#withShipment(id, 'cancel', by, async (tx, s) => {
      const after = { ...s, status: 'cancelled' as const, updatedAtMs: this.#clock.nowMs() }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: 'cancelled', detail: { from: s.status, ...(reason !== undefined && { reason }) } }], by, 'cancel')
      return ok(after)
    })
  }

  /**
   * Hands the shipment to the carrier. The order's lines ship through the orders context (one
   * commit movement per line, the order `shipped` when every line is) in this transaction; a
   * subset splits the rest into a new `released` shipment at the same node, recorded on both.
   */
  ship(id: string, input: ShipInput, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rest: Shipment | null }>> {
    return this.#withShipment(id, 'ship', by, async (tx, s) => {
      const split = splitForShipping(s, input.lines)
      if (!split.ok) return split
      const nowMs = this.#clock.nowMs()
      const detail = { shipmentId: s.id, carrier: input.carrier, ...(input.tracking !== undefined && { tracking: input.tracking }) }
      const shipped = await this.#orders.shipLines(tx, s.orderId, s.nodeId, split.value.ship.filter((l) => l.quantity > 0), orderActorOf(by), detail)
      if (!shipped.ok) return shipped
      const sent = split.value.ship.filter((l) => l.quantity > 0)
      const after: Shipment = {
        ...s, status: 'shipped', carrier: input.carrier, service: input.service ?? null, tracking: input.tracking ?? null, packages: input.packages ?? [],
        shippedAtMs: nowMs, updatedAtMs: nowMs,
        lines: [...s.lines.filter((l) => l.status !== 'open'), ...sent.map((q) => ({ ...s.lines.find((l) => l.lineNo === q.lineNo && l.status === 'open')!, quantity: q.quantity }))],
      }
      const events: ShipmentEventDraft[] = [{
        shipmentId: s.id, kind: 'shipped',
        detail: { from: s.status, carrier: input.carrier, service: input.service ?? null, tracking: input.tracking ?? null, packages: after.packages, lines: sent },
      }]
      let rest: Shipment | null = null
      if (split.value.rest.length > 0) {
        rest = this.#newShipment(shipped.value, s.nodeId, 'released', split.value.rest, s.id)
        events.push({ shipmentId: s.id, kind: 'split', detail: { into: rest.id, lines: split.value.rest.map(({ lineNo, quantity }) => ({ lineNo, quantity })) } })
        await insertShipment(tx, rest)
        await this.#write(tx, rest, [{ shipmentId: rest.id, kind: 'split_from', detail: { from: s.id, lines: split.value.rest.map(({ lineNo, quantity }) => ({ lineNo, quantity })) } }], by, 'split')
      }
      await this.#write(tx, after, events, by, 'ship')
      return ok({ shipment: after, rest })
    })
  }

  /** The carrier delivered (at `atMs`, now when absent): each order line whose every unit is delivered gets its delivery day. */
  deliver(id: string, atMs: number | undefined, by: ShipmentActor): Promise<Result<Shipment>> {
    return this.#withShipment(id, 'deliver', by, async (tx, s) => {
      const nowMs = this.#clock.nowMs()
      const deliveredAtMs = atMs ?? nowMs
      if (deliveredAtMs > nowMs) return fail('delivered_in_future', `A delivery is reported once it happened: ${new Date(deliveredAtMs).toISOString()} is in the future.`)
      if (s.shippedAtMs !== null && deliveredAtMs < s.shippedAtMs) {
        return fail('delivered_before_shipped', `Shipment ${s.id} shipped at ${new Date(s.shippedAtMs).toISOString()}: it cannot be delivered before.`)
      }
      const after: Shipment = { ...s, status: 'delivered', deliveredAtMs, updatedAtMs: nowMs }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: 'delivered', detail: { at: new Date(deliveredAtMs).toISOString() } }], by, 'deliver')
      const order = await this.#orders.get(s.orderId, tx)
      const all = (await shipmentsOfOrder(tx, s.orderId)).map((x) => (x.id === s.id ? after : x))
      const lines = linesDeliveredInFull(order!, all)
      if (lines.length > 0) {
        const done = await this.#orders.deliverLines(tx, s.orderId, lines, deliveredAtMs, orderActorOf(by))
        if (!done.ok) return done
      }
      return ok(after)
    })
  }

  /**
   * The node cannot send a line: the reason goes on the shipment's events, the order re-routes
   * the line (`Orders.reroute`, leaving out every node that rejected it), a new shipment is made
   * at the node that takes it, and a later promise is a delay told to the customer. A shipment
   * left with no open line is cancelled.
   */
  rejectLine(id: string, lineNo: number, reason: RejectReason, note: string | undefined, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rerouted: Shipment | null }>> {
    return this.#withShipment(id, 'reject_line', by, async (tx, s) => {
      const line = s.lines.find((l) => l.lineNo === lineNo && l.status === 'open')
      if (!line) return fail('invalid_shipment_lines', `Shipment ${s.id} has no open line ${lineNo}.`, { lineNo })
      const excluded = [...new Set([s.nodeId, ...(await nodesThatRejected(tx, s.orderId, lineNo))])]
      const rerouted = await this.#orders.reroute(tx, s.orderId, lineNo, excluded, reason, orderActorOf(by))
      if (!rerouted.ok) return rerouted
      const nowMs = this.#clock.nowMs()
      const r = rerouted.value
      const lines = s.lines.map((l): ShipmentLine => (l === line ? { ...l, status: 'rejected' } : l))
      const emptied = lines.every((l) => l.status !== 'open')
      const after: Shipment = { ...s, lines, status: emptied ? 'cancelled' : s.status, updatedAtMs: nowMs }
      const delayId = await recordRerouteDelay(tx, r.order, r.before, r.after, nowMs, by.actor)
      let next: Shipment | null = null
      if (r.toNodeId !== null) {
        // A partly shipped line's other units are a new order line (`r.after.lineNo`).
        next = this.#newShipment(r.order, r.toNodeId, 'released', [{ lineNo: r.after.lineNo, skuId: line.skuId, quantity: r.after.quantity, status: 'open' }], s.id)
        await insertShipment(tx, next)
        await this.#write(tx, next, [{ shipmentId: next.id, kind: 'rerouted_from', detail: { from: s.id, fromNodeId: s.nodeId, lineNo, reason } }], by, 'reroute')
      }
      const events: ShipmentEventDraft[] = [{
        shipmentId: s.id, kind: 'line_rejected',
        detail: {
          lineNo, ...(r.after.lineNo !== lineNo && { newLineNo: r.after.lineNo }), reason, ...(note !== undefined && { note }), toNodeId: r.toNodeId, toShipmentId: next?.id ?? null, held: r.toNodeId === null,
          oldShipBy: dayOf(r.before.shipByMs), newShipBy: dayOf(r.after.shipByMs), delayId: delayId ?? null,
        },
      }]
      if (emptied) events.push({ shipmentId: s.id, kind: 'cancelled', detail: { from: s.status, reason: 'every line was rejected' } })
      await this.#write(tx, after, events, by, 'reject_line')
      return ok({ shipment: after, rerouted: next })
    })
  }

  async #withShipment<T>(id: string, action: ShipmentAction, by: ShipmentActor, work: (tx: Queryable, s: Shipment) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#orders.inTransaction(async (tx) => {
      // The order row first, then the shipment: every path locks in that order.
      const peek = await loadShipment(tx, id)
      if (!peek || !visibleTo(peek, by)) return notFound('shipment', id)
      await loadOrder(tx, peek.orderId, true)
      const s = await loadShipment(tx, id, true)
      if (!s) return notFound('shipment', id)
      const refused = checkShipmentAction(s, action, by.party)
      if (refused) return refused
      return work(tx, s)
    })
  }

  #newShipment(order: Pick<Order, 'id' | 'channelId'>, nodeId: string, status: ShipmentStatus, lines: ShipmentLine[], splitFromId: string | null): Shipment {
    const nowMs = this.#clock.nowMs()
    return {
      id: newId('shp'), orderId: order.id, channelId: order.channelId, nodeId, status, splitFromId, carrier: null, service: null, tracking: null,
      packages: [], createdAtMs: nowMs, updatedAtMs: nowMs, shippedAtMs: null, deliveredAtMs: null, lines,
    }
  }

  async #makeShipments(tx: Queryable, order: Order, status: ShipmentStatus, by: ShipmentActor): Promise<Shipment[]> {
    const made: Shipment[] = []
    for (const [nodeId, lines] of uncoveredByNode(order, await shipmentsOfOrder(tx, order.id))) {
      const s = this.#newShipment(order, nodeId, status, lines, null)
      await insertShipment(tx, s)
      await this.#write(tx, s, [{ shipmentId: s.id, kind: 'created', detail: { status, lines: lines.map(({ lineNo, quantity }) => ({ lineNo, quantity })) } }], by, 'create')
      made.push(s)
    }
    return made
  }

  /** Writes a changed shipment (not a new one: `insertShipment` first), its events and one `shipment.changed`. */
  async #write(tx: Queryable, s: Shipment, events: ShipmentEventDraft[], by: ShipmentActor, action: string): Promise<void> {
    await saveShipment(tx, s)
    await insertShipmentEvents(tx, events, by.actor, s.updatedAtMs)
    await publish(tx, [{
      topic: 'shipment.changed', subject: s.id,
      payload: { shipmentId: s.id, orderId: s.orderId, channelId: s.channelId, nodeId: s.nodeId, status: s.status, action, events: events.map((e) => e.kind) },
    }], s.updatedAtMs)
  }

  /** Inside the order's transition: shipments made when it is paid, and following it when it is cancelled, shipped or delivered whole. */
  async #followOrder(tx: Queryable, order: Order, action: OrderAction): Promise<void> {
    if ((action === 'pay' || action === 'pay_balance') && order.status === 'paid') {
      await this.#makeShipments(tx, order, 'created', system)
      return
    }
    const follow: Partial<Record<OrderAction, { to: ShipmentStatus; from: (s: Shipment) => boolean }>> = {
      cancel: { to: 'cancelled', from: isActive }, cancel_for_delay: { to: 'cancelled', from: isActive }, expire: { to: 'cancelled', from: isActive },
      forfeit: { to: 'cancelled', from: isActive }, ship: { to: 'shipped', from: isActive }, deliver: { to: 'delivered', from: (s) => s.status === 'shipped' },
    }
    const rule = follow[action]
    if (!rule) return
    const nowMs = this.#clock.nowMs()
    for (const s of await shipmentsOfOrder(tx, order.id)) {
      if (!rule.from(s) || s.lines.every((l) => l.status !== 'open')) continue
      const after: Shipment = {
        ...s, status: rule.to, updatedAtMs: nowMs,
        ...(rule.to === 'shipped' && { shippedAtMs: nowMs }), ...(rule.to === 'delivered' && { deliveredAtMs: nowMs }),
      }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: `${rule.to}_with_order`, detail: { from: s.status, orderAction: action } }], system, action)
    }
  }
}

const toOf = (action: 'release' | 'pick' | 'pack'): ShipmentStatus => ({ release: 'released', pick: 'picking', pack: 'packed' } as const)[action]
const eventKind = { release: 'released', pick: 'picking_started', pack: 'packed' } as const
const dayOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

/** Who the order's timeline names: a node user acts for the merchant. */
const orderActorOf = (by: ShipmentActor): OrderActor => ({ actor: by.actor, party: by.party === 'system' ? 'system' : 'merchant' })
