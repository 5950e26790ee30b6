/**
 * Orders: placing through the reservation engine, then every lifecycle step as load → decide →
 * write in one transaction: the order row locked, the action decided by the table, the order,
 * its timeline and the outbox written, other contexts' hooks run, and the stock changed last
 * under the position locks (so engine batches on a hot SKU wait as briefly as possible).
 */
import type { Logger } from 'pino'
import { txResult, type Db, type Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Routing } from '../routing/index.ts'
import { positionKey, type BatchState, type Inventory } from '../inventory/index.ts'
import { decideAction, notReadyToShip, type ActionDecision } from './decide.ts'
import type { OrderAction, Party } from './lifecycle.ts'
import { unshippedOf, type Order } from './model.ts'
import { placeOp, type PlaceInput, type Placed } from './place.ts'
import { placeRequestOf, type PlaceRequest } from './create.ts'
import { paymentsOf, requestRefundWithin, type Payment } from './payments.ts'
import { publish } from '../events/index.ts'
import { acceptDelayOffers, hasOpenDelayOffer } from './timeline.ts'
import { insertOrderEvents, linesOf, listOrders, loadOrder, loadOrderEvents, ordersOf, saveOrder, type OrderEvent, type OrderEventDraft, type OrderFilter } from './store.ts'
import type { OrderRow } from './rows.ts'
import { commitUnits, deliverLinesWithin, releaseUnitsWithin, rerouteLine, shipLinesWithin, unitsThatCanLeave, type LineQuantity, type RejectReason, type Rerouted, type ShippingDeps, type UnitsReleaseReason } from './shipping.ts'
import { contactOf, type PickupContact, type ShipTo } from './contact.ts'
import { OrderContacts, piiKeyRing } from './contacts.ts'
import { generatedSecretSetting } from './status-link.ts'
import { settingMadeOnce } from '../store/settings.ts'
import { randomBytes } from 'node:crypto'
import type { KeyRing } from '../kernel/sealing.ts'

/** Who acts on an order: the lifecycle party, the actor written on the timeline, and for a channel its id (other channels' orders are not found). */
export interface OrderActor {
  actor: string
  party: Party
  channelId?: string
}

/** Runs inside the transaction of every transition, after the order is written (presale reprices, re-promising forgets). */
export type TransitionHook = (tx: Queryable, order: Order, action: OrderAction) => Promise<void>

/** A provider paid a refund request (`requestId`) of `order`: `amount` minor units at `atMs`. */
export type RefundPaidHook = (tx: Queryable, order: Order, requestId: string, amount: number, atMs: number) => Promise<void>

/** Runs in the transaction that released holds, positions still locked: waiting backorders get the freed stock first. */
export type HoldsReleased = (tx: Queryable, positions: Array<{ skuId: string; nodeId: string }>) => Promise<unknown>

export interface OrdersOptions {
  /** How often unpaid orders past their deadline are expired (and unpaid balances forfeited); 0 turns the poller off. */
  sweepIntervalMs?: number
  holdsReleased?: HoldsReleased
  /** Routes orders by the channel's routing profile (without it, each line goes where it is delivered soonest). */
  routing?: Routing
  /** The keys customers' personal data is sealed under (contacts.ts `piiKeyRing`); derived from the generated root secret when absent. */
  piiKeys?: () => Promise<KeyRing>
}

/** Extra facts for a transition: the amount a payment moved, and timeline detail. */
export interface TransitionInput {
  amount?: number
  detail?: Record<string, unknown>
}

/** An order refused because no candidate node could hold or promise it. */
export interface RefusedOrder {
  channelId: string
  customerId: string
  atMs: number
  lines: ReadonlyArray<{ skuId: string; nodeId: string; quantity: number }>
}
export type RefusalHook = (order: RefusedOrder) => void
/** Refusals that are demand the merchant could not serve (not a bad request). */
const outOfStock = new Set(['insufficient_stock', 'insufficient_supply'])

const system: OrderActor = { actor: 'system:expiry', party: 'system' }
const sweepChunk = 100

export class Orders {
  readonly #db: Db
  readonly #clock: Clock
  readonly #inventory: Inventory
  readonly #logger: Logger
  readonly #hooks: TransitionHook[] = []
  readonly #refusalHooks: RefusalHook[] = []
  readonly #holdsReleased: HoldsReleased | undefined
  readonly #routing: Routing | undefined
  readonly catalogue: Catalogue
  /** Customers' personal data on orders, sealed at rest; `contactFor` is what other contexts read it through. */
  readonly contacts: OrderContacts
  #sweepTimer: NodeJS.Timeout | undefined
  #sweeping: Promise<void> | undefined

  constructor(db: Db, clock: Clock, catalogue: Catalogue, inventory: Inventory, logger: Logger, options: OrdersOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.catalogue = catalogue
    this.#inventory = inventory
    this.#logger = logger
    this.#holdsReleased = options.holdsReleased
    this.#routing = options.routing
    this.contacts = new OrderContacts(db, clock, options.piiKeys ?? piiKeyRing({}, () => settingMadeOnce(db, generatedSecretSetting, randomBytes(32).toString('base64url'), clock.nowMs())))
    const intervalMs = options.sweepIntervalMs ?? 1000
    if (intervalMs > 0) {
      this.#sweepTimer = setInterval(() => {
        this.#sweeping ??= this.sweepDue().then(() => undefined, (err) => this.#logger.error({ err }, 'order deadline sweep failed')).then(() => {
          this.#sweeping = undefined
        })
      }, intervalMs)
      this.#sweepTimer.unref()
    }
  }

  get db(): Db {
    return this.#db
  }

  get clock(): Clock {
    return this.#clock
  }

  /** Places an order through the engine; a replay answers with the order as it is now. */
  async submit(input: PlaceInput): Promise<{ result: Result<Order>; replayed: boolean }> {
    const { result, replayed } = await this.#inventory.submit(placeOp(input))
    if (!result.ok) return { result, replayed }
    const placed = result.value as Placed
    if (!replayed) return { result: ok(placed.order), replayed }
    return { result: ok((await this.get(placed.order.id)) ?? placed.order), replayed }
  }

  /** Places an order as sent: the caller's key and channel checked, SKUs and nodes resolved, then through the engine. */
  async place(request: PlaceRequest): Promise<{ result: Result<Order>; replayed: boolean }> {
    const input = await placeRequestOf(this.#db, this.catalogue, request, this.#clock.nowMs(), this.#routing)
    if (!input.ok) return { result: input, replayed: false }
    const withContact = await this.withContact(input.value, request.shipTo, request.contact)
    if (!withContact.ok) return { result: withContact, replayed: false }
    const placed = await this.submit(withContact.value)
    if (!placed.result.ok && outOfStock.has(placed.result.code)) this.#tellRefused(withContact.value)
    return placed
  }

  /** Registers a listener told (after the answer is decided, outside any transaction) of each order refused for want of stock or supply: lost demand. */
  onRefused(hook: RefusalHook): void {
    this.#refusalHooks.push(hook)
  }

  #tellRefused(input: PlaceInput): void {
    const refused: RefusedOrder = {
      channelId: input.order.channelId, customerId: input.order.customerId, atMs: input.order.placedAtMs,
      // The line's first candidate: the node named, the pickup store, or the channel's first that holds or expects the SKU.
      lines: input.lines.map((l) => ({ skuId: l.skuId, nodeId: l.nodeIds[0], quantity: l.quantity })),
    }
    for (const hook of this.#refusalHooks) hook(refused)
  }

  /**
   * The order to place with the customer's contact checked (`contact.ts` `contactOf`) and sealed,
   * bound to the order's id: the engine batch writes it with the order. Nothing sent, nothing added.
   */
  async withContact(input: PlaceInput, shipTo: ShipTo | undefined, contact: PickupContact | undefined): Promise<Result<PlaceInput>> {
    const checked = contactOf(input.order.fulfilment.method, shipTo, contact)
    if (!checked.ok) return checked
    if (checked.value === undefined) return ok(input)
    return ok({ ...input, contact: await this.contacts.seal(input.order.id, checked.value) })
  }

  /** A page of orders, newest first, strictly before `beforeId`. */
  list(filter: OrderFilter, beforeId: string | undefined, limit: number): Promise<Order[]> {
    return listOrders(this.#db, filter, beforeId, limit)
  }

  /** The order's timeline after placement, oldest first, strictly after `afterId`. */
  timeline(orderId: string, afterId: number, limit: number): Promise<OrderEvent[]> {
    return loadOrderEvents(this.#db, orderId, afterId, limit)
  }

  /** The order's payments and refunds, oldest first; only this provider's when one is named. */
  payments(orderId: string, provider?: string): Promise<Payment[]> {
    return paymentsOf(this.#db, orderId, provider)
  }

  /** The order with its lines. */
  get(id: string, q: Queryable = this.#db): Promise<Order | undefined> {
    return loadOrder(q, id)
  }

  /** Registers a step run inside every transition's transaction; a throw rolls the transition back. */
  onTransition(hook: TransitionHook): void {
    this.#hooks.push(hook)
  }

  readonly #refundHooks: RefundPaidHook[] = []

  /** Told, in the refund report's transaction, when a provider pays a refund request (`requestRefund`). */
  onRefundPaid(hook: RefundPaidHook): void {
    this.#refundHooks.push(hook)
  }

  /** @internal payments.ts: a refund report named its request. */
  async refundPaid(tx: Queryable, order: Order, requestId: string, amount: number, atMs: number): Promise<void> {
    for (const hook of this.#refundHooks) await hook(tx, order, requestId, amount, atMs)
  }

  /** A refund the merchant owes, in the caller's transaction: see `requestRefundWithin`. */
  requestRefund(tx: Queryable, orderId: string, request: { requestId: string; amount: number; reason: string; detail?: Record<string, unknown> }, by: OrderActor) {
    return requestRefundWithin(this, tx, orderId, request, by)
  }

  get #shipping(): ShippingDeps {
    return { clock: this.#clock, catalogue: this.catalogue, inventory: this.#inventory, holdsReleased: this.#holdsReleased, routing: this.#routing, writeChange: (...a) => this.writeChange(...a) }
  }

  /** Ships units of the order's lines from one node, inside the caller's transaction (a shipment shipped): see `shipLinesWithin`. */
  shipLines(tx: Queryable, orderId: string, nodeId: string, lines: readonly LineQuantity[], by: OrderActor, detail: Record<string, unknown> = {}): Promise<Result<Order>> {
    return shipLinesWithin(this.#shipping, tx, orderId, nodeId, lines, by, detail)
  }

  /** Records lines delivered (every unit of each), inside the caller's transaction; the order is delivered once all are. */
  deliverLines(tx: Queryable, orderId: string, lineNos: readonly number[], atMs: number, by: OrderActor): Promise<Result<Order>> {
    return deliverLinesWithin(this.#shipping, tx, orderId, lineNos, atMs, by)
  }

  /**
   * A node rejected an open line: releases its hold there and places it on the next candidate
   * node of the order's channel, leaving out `excludedNodeIds` (the one step routing will later
   * replace). Inside the caller's transaction.
   */
  reroute(tx: Queryable, orderId: string, lineNo: number, excludedNodeIds: readonly string[], reason: RejectReason, by: OrderActor): Promise<Result<Rerouted>> {
    return rerouteLine(this.#shipping, tx, orderId, lineNo, excludedNodeIds, reason, by)
  }

  /**
   * Units that will not be handed over (a pickup expired or refused at the counter): released at
   * the node, given up by their lines, refunded as refund due. Inside the caller's transaction:
   * see `releaseUnitsWithin`.
   */
  releaseUnits(tx: Queryable, orderId: string, nodeId: string, lines: readonly LineQuantity[], reason: UnitsReleaseReason, by: OrderActor): Promise<Result<{ order: Order; refundDue: number }>> {
    return releaseUnitsWithin(this.#shipping, tx, orderId, nodeId, lines, reason, by)
  }

  /** Runs one lifecycle action in its own transaction. Other channels' orders are not found. */
  async act(orderId: string, action: OrderAction, by: OrderActor, detail: Record<string, unknown> = {}): Promise<Result<Order>> {
    return this.inTransaction(async (tx) => {
      const order = await loadOrder(tx, orderId, true)
      if (!order || !visibleTo(order, by)) return notFound('order', orderId)
      return this.transitionWithin(tx, order, action, by, { detail })
    })
  }

  /**
   * Runs `work` in a transaction; a failure it returns (or throws as FailureError) rolls
   * everything back and is answered as the result.
   */
  inTransaction<T>(work: (tx: Queryable) => Promise<Result<T>>): Promise<Result<T>> {
    return txResult(this.#db, work)
  }


  /** One transition on an order already loaded and locked in `tx`. A failure leaves writes behind: the caller rolls back. */
  async transitionWithin(tx: Queryable, loaded: Order, action: OrderAction, by: OrderActor, input: TransitionInput = {}): Promise<Result<Order>> {
    const [order] = await this.#lockLines(tx, [loaded])
    const decided = await this.#decide(tx, order, action, by, input)
    if (!decided.ok) return decided
    await this.#write(tx, order, decided.value, action, by)
    const stock = await this.#applyStock(tx, [[order, decided.value]], by.actor)
    return stock.ok ? ok(decided.value.order) : stock
  }

  /**
   * Expires unpaid orders past their deadline and forfeits deposits whose balance window
   * passed. Each order row is locked and its status and deadline checked again, so a payment
   * or a cancel racing the poller wins or loses whole: holds are released exactly once.
   */
  async sweepDue(limit = 5000): Promise<{ expired: number; forfeited: number }> {
    const counts = { expired: 0, forfeited: 0 }
    for (let done = 0; done < limit;) {
      const chunk = await this.#sweepChunk(Math.min(sweepChunk, limit - done)).catch((err) => this.#sweepOneByOne(err, Math.min(sweepChunk, limit - done)))
      counts.expired += chunk.expired
      counts.forfeited += chunk.forfeited
      if (chunk.seen === 0) break
      done += chunk.seen
    }
    return counts
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweepTimer)
    await this.#sweeping
  }

  /**
   * A chunk failed (a hook refused, a bug): the same orders one transaction each, so one order
   * that cannot expire does not keep every other from expiring. Failures are logged and retried
   * by the next sweep.
   */
  async #sweepOneByOne(chunkError: unknown, limit: number): Promise<{ seen: number; expired: number; forfeited: number }> {
    this.#logger.error({ err: chunkError }, 'order deadline sweep: a chunk failed; expiring its orders one by one')
    const due = await this.#db.all<{ id: string }>(
      `SELECT id FROM orders WHERE due_at IS NOT NULL AND due_at <= ? AND status IN ('pending_payment', 'pending_deposit', 'deposit_paid') ORDER BY due_at, id LIMIT ${Math.trunc(limit)}`,
      [this.#clock.nowMs()])
    const counts = { seen: 0, expired: 0, forfeited: 0 }
    for (const { id } of due) {
      try {
        const one = await this.#sweepChunk(1, id)
        counts.expired += one.expired
        counts.forfeited += one.forfeited
      } catch (err) {
        this.#logger.error({ err, orderId: id }, 'order deadline sweep: this order could not be expired')
      }
    }
    // Counted as seen only when something moved, so a sweep of nothing but failures stops.
    counts.seen = counts.expired + counts.forfeited
    return counts
  }

  async #sweepChunk(limit: number, onlyId?: string): Promise<{ seen: number; expired: number; forfeited: number }> {
    return this.#db.tx(async (tx) => {
      const nowMs = this.#clock.nowMs()
      // Another process's poller skips what this one holds, and vice versa.
      const rows = await tx.all<OrderRow>(
        `SELECT * FROM orders WHERE due_at IS NOT NULL AND due_at <= ? AND status IN ('pending_payment', 'pending_deposit', 'deposit_paid')${onlyId ? ' AND id = ?' : ''}
         ORDER BY due_at, id LIMIT ${Math.trunc(limit)}${tx.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''}`, onlyId ? [nowMs, onlyId] : [nowMs])
      const orders = await this.#lockLines(tx, await ordersOf(tx, rows))
      const decided: Array<[Order, ActionDecision]> = []
      const counts = { seen: rows.length, expired: 0, forfeited: 0 }
      for (const order of orders) {
        const action: OrderAction = order.status === 'deposit_paid' ? 'forfeit' : 'expire'
        const decision = await this.#decide(tx, order, action, system, { detail: { reason: action === 'forfeit' ? 'balance unpaid in its window' : 'unpaid past the payment deadline' } })
        invariant(decision.ok, `a due order could not be ${action}d: ${!decision.ok && decision.detail}`)
        await this.#write(tx, order, decision.value, action, system)
        decided.push([order, decision.value])
        counts[action === 'forfeit' ? 'forfeited' : 'expired']++
      }
      // All positions of the chunk at once, in key order: never a lock taken after another batch's.
      const stock = await this.#applyStock(tx, decided, system.actor)
      invariant(stock.ok, 'releasing holds cannot be refused')
      return counts
    })
  }

  async #decide(tx: Queryable, order: Order, action: OrderAction, by: OrderActor, input: TransitionInput): Promise<Result<ActionDecision>> {
    const cancelling = action === 'cancel' || action === 'cancel_for_delay'
    const delayOfferOpen = cancelling && (await hasOpenDelayOffer(tx, order.id))
    return decideAction(order, action, { nowMs: this.#clock.nowMs(), party: by.party, delayOfferOpen, amount: input.amount, detail: input.detail ?? {} })
  }

  async #write(tx: Queryable, before: Order, d: ActionDecision, action: OrderAction, by: OrderActor): Promise<void> {
    if (d.acceptDelays) await acceptDelayOffers(tx, d.order.id)
    await this.writeChange(tx, before, d.order, d.events, by, action)
    for (const hook of this.#hooks) await hook(tx, d.order, action)
  }

  /** Writes a changed order, its timeline entries and one `order.changed` event (every change after placement). */
  async writeChange(tx: Queryable, before: Order, after: Order, events: OrderEventDraft[], by: OrderActor, action: string): Promise<void> {
    await saveOrder(tx, before, after)
    await insertOrderEvents(tx, after.id, events, by.actor, after.updatedAtMs)
    await publish(tx, [{
      topic: 'order.changed',
      subject: after.id,
      payload: { orderId: after.id, channelId: after.channelId, customerId: after.customerId, status: after.status, action, events: events.map((e) => e.kind), ...shippedBy(before, after) },
    }], after.updatedAtMs)
  }

  /**
   * Locks the positions (and slots) of the orders' open lines, then reads the lines again:
   * re-promising rewrites lines under those locks, so lines read before them may be stale.
   * Orders are locked before positions everywhere; re-promising never locks an order row.
   */
  async #lockLines(tx: Queryable, orders: Order[]): Promise<Order[]> {
    const keys = orders.flatMap((o) => o.lines.filter((l) => l.status === 'open').map((l) => ({ skuId: l.skuId, nodeId: l.nodeId })))
    if (keys.length === 0) return orders
    await this.#inventory.lockPositions(tx, keys)
    const fresh = await linesOf(tx, orders.map((o) => o.id))
    return orders.map((o) => ({ ...o, lines: fresh.get(o.id) ?? [] }))
  }

  /** Releases or ships the open lines' holds of every decided order, under one set of position locks. */
  async #applyStock(tx: Queryable, decided: Array<[Order, ActionDecision]>, actor: string): Promise<Result<void>> {
    const moving = decided.filter(([, d]) => d.stock !== null)
    const keys = moving.flatMap(([o]) => o.lines.filter((l) => l.status === 'open').map((l) => ({ skuId: l.skuId, nodeId: l.nodeId })))
    if (keys.length === 0) return ok(undefined)
    const nodes = await this.catalogue.nodesById(tx)
    const dropship = (nodeId: string) => nodes.get(nodeId)?.kind === 'dropship'
    const done = await this.#inventory.withinLocked(tx, keys, (state) => {
      for (const [order, d] of moving) {
        const changed = d.stock === 'commit' ? shipStock(state, order, dropship, actor) : releaseHolds(state, order, actor)
        if (!changed.ok) return changed
      }
      return ok(undefined)
    })
    if (done.ok && moving.some(([, d]) => d.stock === 'release')) await this.#holdsReleased?.(tx, keys)
    return done
  }
}

export function visibleTo(order: Order, by: OrderActor): boolean {
  return by.channelId === undefined || order.channelId === by.channelId
}

/** Gives back what the open lines hold: stock (O) and the units promised on supply slots. */
function releaseHolds(state: BatchState, order: Order, actor: string): Result<void> {
  for (const line of order.lines) {
    if (line.status !== 'open') continue
    const n = line.allocation.stockQuantity - line.shippedQuantity
    if (n > 0) state.apply(state.position(line.skuId, line.nodeId), { reserved: -n }, 'release', n, { reason: 'order ended', refType: 'order', refId: order.id, actor })
    const slots = state.slotsAt(line.skuId, line.nodeId)
    for (const part of line.allocation.parts) {
      if (part.source === 'stock' || part.source === 'virtual') continue
      const slot = slots.find((s) => s.id === part.source)
      invariant(slot, `order ${order.id} line ${line.lineNo} is promised on slot ${part.source}, which does not exist`)
      state.promise(slot, -part.quantity)
    }
  }
  return ok(undefined)
}

/** Every open unit must be held as stock and able to leave its node (on hand, or a dropship supplier's allowance): then it is committed. */
function shipStock(state: BatchState, order: Order, dropship: (nodeId: string) => boolean, actor: string): Result<void> {
  const open = order.lines.filter((l) => l.status === 'open')
  const needed = new Map<string, number>()
  for (const l of open) needed.set(positionKey(l.skuId, l.nodeId), (needed.get(positionKey(l.skuId, l.nodeId)) ?? 0) + unshippedOf(l))
  const short = open.filter((l) => unitsThatCanLeave(state.position(l.skuId, l.nodeId), dropship(l.nodeId)) < needed.get(positionKey(l.skuId, l.nodeId))!)
  if (short.length > 0) return notReadyToShip(order, short)
  for (const l of open) {
    const n = unshippedOf(l)
    if (n > 0) commitUnits(state, state.position(l.skuId, l.nodeId), n, dropship(l.nodeId), { reason: 'shipped', refType: 'order', refId: order.id, actor })
  }
  return ok(undefined)
}

/** The lines a change shipped in full (open before, shipped after) and delivered, for the event: measures count each line once. */
function shippedBy(before: Order, after: Order): { linesShipped?: number[]; linesDelivered?: number[] } {
  const was = new Map(before.lines.map((l) => [l.lineNo, l]))
  const shipped = after.lines.filter((l) => l.status === 'shipped' && was.get(l.lineNo)?.status !== 'shipped').map((l) => l.lineNo)
  const delivered = after.lines.filter((l) => l.deliveredAtMs !== null && was.get(l.lineNo)?.deliveredAtMs == null).map((l) => l.lineNo)
  return { ...(shipped.length > 0 && { linesShipped: shipped }), ...(delivered.length > 0 && { linesDelivered: delivered }) }
}
