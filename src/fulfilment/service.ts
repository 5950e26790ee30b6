/**
 * Shipments: each command loads the shipment (row locked) and its order, decides with the
 * lifecycle table and the pure rules, and writes the shipment, its events, `shipment.changed`
 * and the order's change (through the orders context) in one transaction.
 */
import { randomBytes, randomInt } from 'node:crypto'
import QRCode from 'qrcode'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { majorUnits } from '../kernel/money.ts'
import { ok, type Failure, type Result } from '../kernel/result.ts'
import type { Sealed } from '../kernel/sealing.ts'
import { publish } from '../events/index.ts'
import { loadSkuNames } from '../catalogue/index.ts'
import { loadOrder, type LineQuantity, type Order, type OrderAction, type OrderActor, type Orders, type RejectReason } from '../orders/index.ts'
import { recordRerouteDelay } from '../repromising/index.ts'
import { fail, notFound } from './errors.ts'
import { checkShipmentAction, type ShipmentAction, type ShipmentParty } from './lifecycle.ts'
import type { Package, Shipment, ShipmentEvent, ShipmentLine, ShipmentStatus } from './model.ts'
import { isActive, linesDeliveredInFull, splitForShipping, uncoveredByNode } from './decide.ts'
import { codeHashOf, counterAttempt, expiryOf, maxPickupAttempts, openUnitsOf, pickupCodeDigits, type Pickup } from './pickup.ts'
import { duePickups, endPickup, insertPickup, loadPickup, markReminded, pickupsOf, saveAttempts } from './pickup-store.ts'
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

/** The notices a pickup sends (the notifications context, handed over by the composition root). */
export type PickupNoticeKind = 'pickup_ready' | 'pickup_reminder' | 'pickup_expired' | 'pickup_line_refunded'
export interface PickupNotices {
  /** Status links, read before the transaction. */
  statusUrlsOf(orderIds: readonly string[]): Promise<Map<string, string>>
  /** Recorded once per order × kind × trigger and published in the caller's transaction. */
  requestWithin(tx: Queryable, requests: ReadonlyArray<{
    orderId: string; kind: PickupNoticeKind; triggerKey: string; values: Record<string, string | null>
    attachments?: Array<{ name: string; contentType: string; dataUrl: string }>
  }>, links: ReadonlyMap<string, string>): Promise<number>
}

export interface FulfilmentDeps {
  notices?: PickupNotices
  /** How often pickups are swept for expiry and reminders (0 or absent: never; tests call `sweepPickups`). */
  pickupSweepMs?: number
  onSweepError?: (err: unknown) => void
  /** Seals who collected a pickup (personal data), bound to the shipment's id. */
  sealCollector?: (shipmentId: string, name: string) => Promise<Sealed>
  /**
   * Inside the transaction in which a shipment leaves its node (shipped, or collected at a
   * pickup counter): another context's follow-up, e.g. the cost of the goods shipped. Its open
   * lines are what left. May be called again for the same shipment; the callee keeps it once.
   */
  shipped?: (tx: Queryable, shipment: Shipment) => Promise<void>
}

export interface CollectInput {
  code: string
  /** The name the person at the counter gave: sealed, never logged. */
  collectedBy: string
  /** Some lines or units only; the rest stays ready in a new shipment. Absent: every open line in full. */
  lines?: LineQuantity[]
}

/** A pickup as its store and the merchant see it: never the code or its hash. */
export interface PickupView {
  state: Pickup['state']
  attempts: number
  attemptsLeft: number
  locked: boolean
  readyAtMs: number
  expiresAtMs: number
  remindedAtMs: number | null
  endedAtMs: number | null
}

export const pickupViewOf = (p: Pickup): PickupView => ({
  state: p.state, attempts: p.attempts, attemptsLeft: Math.max(0, maxPickupAttempts - p.attempts), locked: p.lockedAtMs !== null,
  readyAtMs: p.readyAtMs, expiresAtMs: p.expiresAtMs, remindedAtMs: p.remindedAtMs, endedAtMs: p.endedAtMs,
})

export const visibleTo = (s: Shipment, by: ShipmentActor): boolean =>
  (by.nodeIds === undefined || by.nodeIds.includes(s.nodeId)) && (by.channelId === undefined || by.channelId === s.channelId)

export class Fulfilment {
  readonly #db: Db
  readonly #clock: Clock
  readonly #orders: Orders
  readonly #deps: FulfilmentDeps
  #timer: NodeJS.Timeout | undefined
  #sweeping: Promise<unknown> | undefined

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#sweeping?.catch(() => undefined)
  }

  constructor(db: Db, clock: Clock, orders: Orders, deps: FulfilmentDeps = {}) {
    this.#db = db
    this.#clock = clock
    this.#orders = orders
    this.#deps = deps
    if (deps.pickupSweepMs) {
      this.#timer = setInterval(() => {
        if (this.#sweeping) return
        this.#sweeping = this.sweepPickups().catch((err) => deps.onSweepError?.(err)).finally(() => (this.#sweeping = undefined))
      }, deps.pickupSweepMs)
      this.#timer.unref()
    }
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
        // What a supplier accepted stays accepted; a node's rest goes back to its queue.
        rest = this.#newShipment(shipped.value, s.nodeId, s.status === 'accepted' ? 'accepted' : 'released', split.value.rest, s.id)
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

  /** A supplier takes a dropship request (the caller sees only dropship nodes' shipments): it will send the lines itself. */
  accept(id: string, by: ShipmentActor): Promise<Result<Shipment>> {
    return this.#withShipment(id, 'accept', by, async (tx, s) => {
      const after = { ...s, status: 'accepted' as const, updatedAtMs: this.#clock.nowMs() }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: 'accepted', detail: { from: s.status } }], by, 'accept')
      return ok(after)
    })
  }

  /** One line of `rejectLines`, as a warehouse or store gives one back: the shipment after, and where the line went. */
  async rejectLine(id: string, lineNo: number, reason: RejectReason, note: string | undefined, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rerouted: Shipment | null }>> {
    const done = await this.rejectLines(id, [lineNo], reason, note, by)
    return done.ok ? ok({ shipment: done.value.shipment, rerouted: done.value.rerouted[0] ?? null }) : done
  }

  /**
   * The node (or dropship supplier) cannot send these lines, all or nothing: the reason goes on
   * the shipment's events, the order re-routes each line (`Orders.reroute`, leaving out every node
   * that rejected it), a new shipment is made at the node that takes it, and a later promise is a
   * delay told to the customer. A shipment left with no open line is cancelled.
   */
  async rejectLines(id: string, lineNos: readonly number[], reason: RejectReason, note: string | undefined, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rerouted: Shipment[] }>> {
    const links = await this.#linksOf(id)
    return this.#withShipment(id, 'reject_line', by, async (tx, first) => {
      const wanted = new Set(lineNos)
      const missing = lineNos.find((n) => !first.lines.some((l) => l.lineNo === n && l.status === 'open'))
      if (missing !== undefined || wanted.size !== lineNos.length || lineNos.length === 0) {
        const lineNo = missing ?? lineNos[0]
        return fail('invalid_shipment_lines', `Shipment ${first.id} has no open line ${lineNo} (name each open line once).`, { lineNo })
      }
      const order = await loadOrder(tx, first.orderId)
      let s = first
      const rerouted: Shipment[] = []
      for (const lineNo of lineNos) {
        const line = s.lines.find((l) => l.lineNo === lineNo && l.status === 'open')!
        const done = order?.fulfilment.method === 'pickup'
          ? await this.#refuseAtCounter(tx, s, line, reason, note, by, links)
          : await this.#reroute(tx, s, line, reason, note, by)
        if (!done.ok) return done
        s = done.value.shipment
        if (done.value.rerouted) rerouted.push(done.value.rerouted)
      }
      return ok({ shipment: s, rerouted })
    })
  }

  async #reroute(tx: Queryable, s: Shipment, line: ShipmentLine, reason: RejectReason, note: string | undefined, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rerouted: Shipment | null }>> {
    if (s.status === 'ready_for_pickup') return fail('illegal_transition', `Shipment ${s.id} is ready for pickup.`, { status: s.status })
    const lineNo = line.lineNo
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
  }

  // Buy online, pick up in store.

  /** The pickups of these shipments (those that were made ready), by shipment id. */
  pickupsOf(shipmentIds: readonly string[]): Promise<Map<string, PickupView>> {
    return pickupsOf(this.#db, shipmentIds).then((m) => new Map([...m].map(([id, p]) => [id, pickupViewOf(p)])))
  }

  /**
   * A packed pickup shipment is ready at the store: a random 6-digit code is made and kept only
   * as its salted hash, the hold clock starts (the store's `pickupHoldDays`), and the customer is
   * sent the code with its QR image (`pickup_ready`), in the same transaction.
   */
  async ready(id: string, by: ShipmentActor): Promise<Result<{ shipment: Shipment; pickup: PickupView }>> {
    const code = String(randomInt(0, 10 ** pickupCodeDigits)).padStart(pickupCodeDigits, '0')
    const salt = randomBytes(16).toString('hex')
    const qr = await QRCode.toDataURL(code, { type: 'image/png', margin: 2, width: 256, errorCorrectionLevel: 'M' })
    const links = await this.#linksOf(id)
    return this.#withShipment(id, 'ready', by, async (tx, s) => {
      const order = await loadOrder(tx, s.orderId)
      if (!order || order.fulfilment.method !== 'pickup') return fail('not_a_pickup', `Shipment ${s.id} is not for a pickup order: it ships.`)
      const notHeld = s.lines.filter((l) => {
        const line = order.lines.find((o) => o.lineNo === l.lineNo)
        return l.status === 'open' && (!line || line.status !== 'open' || line.allocation.stockQuantity - line.shippedQuantity < l.quantity)
      })
      if (notHeld.length > 0) {
        return fail('not_ready_for_pickup', `Shipment ${s.id} has lines not held as stock at the store yet: they cannot be collected.`, { lines: notHeld.map((l) => l.lineNo) })
      }
      const node = await this.#orders.catalogue.resolveNode(s.nodeId, tx)
      const nowMs = this.#clock.nowMs()
      const pickup: Pickup = {
        shipmentId: s.id, orderId: s.orderId, nodeId: s.nodeId, state: 'ready', codeSalt: salt, codeHash: codeHashOf(salt, code), attempts: 0, lockedAtMs: null,
        readyAtMs: nowMs, expiresAtMs: expiryOf(nowMs, node?.fulfilment.pickupHoldDays ?? 3), remindedAtMs: null, endedAtMs: null,
      }
      await insertPickup(tx, pickup)
      const after: Shipment = { ...s, status: 'ready_for_pickup', updatedAtMs: nowMs }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: 'ready_for_pickup', detail: { from: s.status, expiresAt: new Date(pickup.expiresAtMs).toISOString() } }], by, 'ready')
      await this.#notify(tx, 'pickup_ready', after, pickup, links, { code }, [{ name: 'pickup-code.png', contentType: 'image/png', dataUrl: qr }])
      return ok({ shipment: after, pickup: pickupViewOf(pickup) })
    })
  }

  /**
   * The handover at the counter. The code is checked against its hash in constant time; every
   * attempt is logged on the shipment's events (never the code, never the name) and kept even
   * when the code is wrong; after 5 wrong codes the pickup locks until the merchant resets it.
   * The right code commits the stock (one movement per line), records the lines delivered, and
   * seals who collected; collecting some lines or units leaves the rest ready in a new shipment,
   * same code and same expiry.
   */
  async collect(id: string, input: CollectInput, by: ShipmentActor): Promise<Result<{ shipment: Shipment; rest: Shipment | null }>> {
    const sealed = this.#deps.sealCollector ? await this.#deps.sealCollector(id, input.collectedBy) : undefined
    const done = await this.#withShipment(id, 'collect', by, async (tx, s): Promise<Result<{ shipment: Shipment; rest: Shipment | null } | { refused: Failure }>> => {
      const pickup = await loadPickup(tx, s.id, true)
      if (!pickup || pickup.state !== 'ready') return fail('illegal_transition', `Shipment ${s.id} has no pickup waiting.`, { status: s.status })
      const split = splitForShipping(s, input.lines)
      if (!split.ok) return split
      const nowMs = this.#clock.nowMs()
      const outcome = counterAttempt(pickup, input.code)
      if (outcome.kind === 'locked') {
        await insertShipmentEvents(tx, [{ shipmentId: s.id, kind: 'pickup_attempt_refused', detail: { reason: 'locked', attempts: pickup.attempts } }], by.actor, nowMs)
        return ok({ refused: fail('pickup_locked', `Pickup ${s.id} is locked after ${maxPickupAttempts} wrong codes: the merchant resets it.`, { attempts: pickup.attempts }) })
      }
      if (outcome.kind === 'wrong') {
        await saveAttempts(tx, s.id, outcome.attempts, outcome.locksNow ? nowMs : null)
        const events: ShipmentEventDraft[] = [{ shipmentId: s.id, kind: 'pickup_code_wrong', detail: { attempt: outcome.attempts, attemptsLeft: outcome.left } }]
        if (outcome.locksNow) events.push({ shipmentId: s.id, kind: 'pickup_locked', detail: { attempts: outcome.attempts } })
        await insertShipmentEvents(tx, events, by.actor, nowMs)
        return ok({ refused: outcome.locksNow
          ? fail('pickup_locked', `That was the ${maxPickupAttempts}th wrong code: pickup ${s.id} is locked until the merchant resets it.`, { attempts: outcome.attempts, attemptsLeft: 0 })
          : fail('wrong_pickup_code', `That is not the pickup code of ${s.id}: ${outcome.left} attempts left.`, { attempts: outcome.attempts, attemptsLeft: outcome.left }) })
      }
      const sent = split.value.ship.filter((l) => l.quantity > 0)
      const shipped = await this.#orders.shipLines(tx, s.orderId, s.nodeId, sent, orderActorOf(by), { shipmentId: s.id, pickup: true })
      if (!shipped.ok) return shipped
      if (!(await endPickup(tx, s.id, 'collected', nowMs, sealed))) return fail('illegal_transition', `Shipment ${s.id} has no pickup waiting.`, { status: s.status })
      const after: Shipment = {
        ...s, status: 'collected', shippedAtMs: nowMs, deliveredAtMs: nowMs, updatedAtMs: nowMs,
        lines: [...s.lines.filter((l) => l.status !== 'open'), ...sent.map((q) => ({ ...s.lines.find((l) => l.lineNo === q.lineNo && l.status === 'open')!, quantity: q.quantity }))],
      }
      const events: ShipmentEventDraft[] = [
        { shipmentId: s.id, kind: 'pickup_code_accepted', detail: { attempt: outcome.attempts } },
        { shipmentId: s.id, kind: 'collected', detail: { from: s.status, lines: sent } },
      ]
      let rest: Shipment | null = null
      if (split.value.rest.length > 0) {
        rest = this.#newShipment(shipped.value, s.nodeId, 'ready_for_pickup', split.value.rest, s.id)
        const restLines = split.value.rest.map(({ lineNo, quantity }) => ({ lineNo, quantity }))
        events.push({ shipmentId: s.id, kind: 'split', detail: { into: rest.id, lines: restLines } })
        await insertShipment(tx, rest)
        await insertPickup(tx, { ...pickup, shipmentId: rest.id, attempts: 0, lockedAtMs: null })
        await this.#write(tx, rest, [{ shipmentId: rest.id, kind: 'split_from', detail: { from: s.id, lines: restLines, stillReady: true } }], by, 'split')
      }
      await this.#write(tx, after, events, by, 'collect')
      const all = (await shipmentsOfOrder(tx, s.orderId)).map((x) => (x.id === s.id ? after : x))
      const lines = linesDeliveredInFull(shipped.value, all)
      if (lines.length > 0) {
        const delivered = await this.#orders.deliverLines(tx, s.orderId, lines, nowMs, orderActorOf(by))
        if (!delivered.ok) return delivered
      }
      return ok({ shipment: after, rest })
    })
    if (!done.ok) return done
    return 'refused' in done.value ? done.value.refused : ok(done.value)
  }

  /** The merchant unlocks a pickup locked after too many wrong codes: attempts start again, the code stays. */
  resetAttempts(id: string, by: ShipmentActor): Promise<Result<{ shipment: Shipment; pickup: PickupView }>> {
    return this.#withShipment(id, 'reset_attempts', by, async (tx, s) => {
      const pickup = await loadPickup(tx, s.id, true)
      if (!pickup || pickup.state !== 'ready') return fail('illegal_transition', `Shipment ${s.id} has no pickup waiting.`, { status: s.status })
      await saveAttempts(tx, s.id, 0, null)
      await insertShipmentEvents(tx, [{ shipmentId: s.id, kind: 'pickup_attempts_reset', detail: { attempts: pickup.attempts } }], by.actor, this.#clock.nowMs())
      return ok({ shipment: s, pickup: pickupViewOf({ ...pickup, attempts: 0, lockedAtMs: null }) })
    })
  }

  /**
   * Pickups past their store's hold days expire — each in its own transaction under the order's
   * and the shipment's locks, and only if the pickup is still ready (a handover at the same
   * moment wins or loses whole): the held units go back to sellable, their price is refund due
   * on the order, and the customer is told once. Reminders go out the day before, once.
   */
  async sweepPickups(limit = 200): Promise<{ expired: number; reminded: number }> {
    const nowMs = this.#clock.nowMs()
    let expired = 0
    let reminded = 0
    for (const p of await duePickups(this.#db, 'expire', nowMs, dayMsOf, limit)) if (await this.expirePickup(p.shipmentId)) expired++
    for (const p of await duePickups(this.#db, 'remind', nowMs, dayMsOf, limit)) if (await this.#remind(p.shipmentId)) reminded++
    return { expired, reminded }
  }

  /** Expires one pickup if it is still ready and due; false when it was not (collected first, or not due). */
  async expirePickup(id: string): Promise<boolean> {
    const peek = await loadShipment(this.#db, id)
    if (!peek) return false
    const links = this.#deps.notices ? await this.#deps.notices.statusUrlsOf([peek.orderId]) : new Map<string, string>()
    const done = await this.#withShipment(id, 'expire', system, async (tx, s) => {
      const pickup = await loadPickup(tx, s.id, true)
      const nowMs = this.#clock.nowMs()
      if (!pickup || pickup.state !== 'ready' || pickup.expiresAtMs > nowMs) return ok(false)
      if (!(await endPickup(tx, s.id, 'expired', nowMs))) return ok(false)
      const units = openUnitsOf(s)
      const released = await this.#orders.releaseUnits(tx, s.orderId, s.nodeId, units, 'pickup_expired', orderActorOf(system))
      if (!released.ok) return released
      const after: Shipment = { ...s, status: 'expired', updatedAtMs: nowMs }
      await this.#write(tx, after, [{ shipmentId: s.id, kind: 'pickup_expired', detail: { lines: units, refundDue: released.value.refundDue } }], system, 'expire')
      const completed = await this.#deliverCompleted(tx, released.value.order, system)
      if (!completed.ok) return completed
      const o = released.value.order
      await this.#notify(tx, 'pickup_expired', after, pickup, links, { refund: `${majorUnits(released.value.refundDue, o.currency)} ${o.currency}` })
      return ok(true)
    })
    if (!done.ok) {
      // Not the shipment's status any more (cancelled, shipped with its order): the pickup ends with it.
      if (done.code === 'illegal_transition') await this.#db.tx(async (tx) => endPickup(tx, id, 'closed', this.#clock.nowMs()))
      return false
    }
    return done.value
  }

  async #remind(id: string): Promise<boolean> {
    const peek = await loadShipment(this.#db, id)
    if (!peek) return false
    const links = this.#deps.notices ? await this.#deps.notices.statusUrlsOf([peek.orderId]) : new Map<string, string>()
    return this.#db.tx(async (tx) => {
      const s = await loadShipment(tx, id, true)
      const pickup = await loadPickup(tx, id, true)
      if (!s || !pickup || s.status !== 'ready_for_pickup' || !(await markReminded(tx, id, this.#clock.nowMs()))) return false
      await insertShipmentEvents(tx, [{ shipmentId: id, kind: 'pickup_reminded', detail: { expiresAt: new Date(pickup.expiresAtMs).toISOString() } }], system.actor, this.#clock.nowMs())
      await this.#notify(tx, 'pickup_reminder', s, pickup, links, {})
      return true
    })
  }

  /** The order's status link for a shipment's notices, read before its transaction (none without notices). */
  async #linksOf(shipmentId: string): Promise<Map<string, string>> {
    const peek = this.#deps.notices && (await loadShipment(this.#db, shipmentId))
    return peek ? this.#deps.notices!.statusUrlsOf([peek.orderId]) : new Map<string, string>()
  }

  /** A pickup notice, once per `triggerKey` (by default the kind and the shipment); `p` absent: a shipment not made ready yet, no collect-by time. */
  async #notify(tx: Queryable, kind: PickupNoticeKind, s: Shipment, p: Pickup | undefined, links: ReadonlyMap<string, string>, values: Record<string, string>,
    attachments?: Array<{ name: string; contentType: string; dataUrl: string }>, triggerKey = `${kind}:${s.id}`): Promise<void> {
    if (!this.#deps.notices) return
    const node = await this.#orders.catalogue.resolveNode(s.nodeId, tx)
    const names = await loadSkuNames(tx, s.lines.map((l) => l.skuId))
    const items = s.lines.filter((l) => l.status === 'open').map((l) => `${l.quantity} × ${names.get(l.skuId) ?? l.skuId}`).join(', ')
    const collectBy = p ? localTimeText(p.expiresAtMs, node?.fulfilment.timeZone ?? 'UTC') : null
    await this.#deps.notices.requestWithin(tx, [{
      orderId: s.orderId, kind, triggerKey,
      values: { orderId: s.orderId, items, store: node?.name ?? s.nodeId, collectBy, ...values },
      ...(attachments && { attachments }),
    }], links)
  }

  /**
   * A pickup line the store cannot hand over (damaged, not found): a pickup has no other node,
   * so by policy the line's units are refunded (released at the store — damaged ones become
   * unsellable there — and recorded as refund due on the order) rather than held.
   */
  async #refuseAtCounter(tx: Queryable, s: Shipment, line: ShipmentLine, reason: RejectReason, note: string | undefined, by: ShipmentActor,
    links: ReadonlyMap<string, string>): Promise<Result<{ shipment: Shipment; rerouted: Shipment | null }>> {
    const released = await this.#orders.releaseUnits(tx, s.orderId, s.nodeId, [{ lineNo: line.lineNo, quantity: line.quantity }], reason, orderActorOf(by))
    if (!released.ok) return released
    const nowMs = this.#clock.nowMs()
    const lines = s.lines.map((l): ShipmentLine => (l === line ? { ...l, status: 'rejected' } : l))
    const emptied = lines.every((l) => l.status !== 'open')
    const after: Shipment = { ...s, lines, status: emptied ? 'cancelled' : s.status, updatedAtMs: nowMs }
    const events: ShipmentEventDraft[] = [{
      shipmentId: s.id, kind: 'line_rejected',
      detail: { lineNo: line.lineNo, reason, ...(note !== undefined && { note }), toNodeId: null, toShipmentId: null, held: false, refunded: true, refundDue: released.value.refundDue },
    }]
    if (emptied) {
      events.push({ shipmentId: s.id, kind: 'cancelled', detail: { from: s.status, reason: 'every line was rejected' } })
      await endPickup(tx, s.id, 'closed', nowMs)
    }
    await this.#write(tx, after, events, by, 'reject_line')
    const completed = await this.#deliverCompleted(tx, released.value.order, by)
    if (!completed.ok) return completed
    const o = released.value.order
    const names = await loadSkuNames(tx, [line.skuId])
    await this.#notify(tx, 'pickup_line_refunded', s, await loadPickup(tx, s.id), links, {
      items: `${line.quantity} × ${names.get(line.skuId) ?? line.skuId}`, refund: `${majorUnits(released.value.refundDue, o.currency)} ${o.currency}`,
    }, undefined, `pickup_line_refunded:${s.id}:${line.lineNo}`)
    return ok({ shipment: after, rerouted: null })
  }

  /**
   * Lines whose rest was given up (expired, refused at the counter) may now be handed over in
   * full: each gets the delivery time of its last handover, and the order is delivered when every
   * line is.
   */
  async #deliverCompleted(tx: Queryable, order: Order, by: ShipmentActor): Promise<Result<void>> {
    const shipments = await shipmentsOfOrder(tx, order.id)
    for (const lineNo of linesDeliveredInFull(order, shipments)) {
      if (order.lines.find((l) => l.lineNo === lineNo)?.deliveredAtMs !== null) continue
      const atMs = Math.max(...shipments.filter((x) => x.deliveredAtMs !== null && x.lines.some((l) => l.lineNo === lineNo && l.status === 'open')).map((x) => x.deliveredAtMs!))
      const done = await this.#orders.deliverLines(tx, order.id, [lineNo], atMs, orderActorOf(by))
      if (!done.ok) return done
    }
    return ok(undefined)
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
    // A pickup waiting at the counter ends with its shipment (cancelled, or shipped with its order).
    if (s.status === 'cancelled' || s.status === 'shipped') await endPickup(tx, s.id, 'closed', s.updatedAtMs)
    if (s.status === 'shipped' || s.status === 'collected') await this.#deps.shipped?.(tx, s)
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
const dayMsOf = 86_400_000

/** `2030-01-04 18:00 (Asia/Shanghai)`: when a pickup must be collected, in the store's time. */
function localTimeText(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(ms).map((x) => [x.type, x.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`
}
const dayOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

/** Who the order's timeline names: a node user acts for the merchant. */
const orderActorOf = (by: ShipmentActor): OrderActor => ({ actor: by.actor, party: by.party === 'system' ? 'system' : 'merchant' })
