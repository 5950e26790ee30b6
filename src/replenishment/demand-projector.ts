/**
 * Keeps demand history as orders, cancellations and returns happen: reads committed
 * `order.changed` and `return.changed` events after its cursor, loads what they name through the
 * orders and returns contexts, and writes the demand deltas with the new cursor in one transaction
 * (each event counted once, even if a run fails half way). Refused orders never reach the outbox:
 * the order path hands them to `refused`, which keeps them in memory and writes them with the next
 * pass (a refusal is an estimate of lost demand; a crash loses at most one pass of them).
 */
import { createHash } from 'node:crypto'
import type { Db, Queryable } from '../store/db.ts'
import type { EventFeed, FeedEvent } from '../events/index.ts'
import { loadOrders, type RefusedOrder } from '../orders/index.ts'
import { returnsWithEvents } from '../returns/index.ts'
import { demandTopics, orderDemand, ordersNamed, returnDemand, returnsNamed, sumDeltas } from './demand.ts'
import { addDemand, ensureDemandCursor, markReturnsSeen, readDemandCursor, recordRefusals, returnsSeen, writeDemandCursor } from './demand-store.ts'
import { epochDayOf } from './model.ts'
import { Passes } from '../kernel/passes.ts'

type Refusal = { day: number; skuId: string; nodeId: string; customerKey: string; quantity: number }

/** Refusals kept between passes; past this many distinct keys the oldest pass is written early (a flash sale refuses fast). */
const mostRefusalsHeld = 50_000

export class DemandProjector {
  readonly #db: Db
  readonly #feed: EventFeed
  #refusals = new Map<string, Refusal>()
  readonly #passes = new Passes<number>()
  #cursorReady = false

  constructor(db: Db, feed: EventFeed) {
    this.#db = db
    this.#feed = feed
  }

  /** Notes a refused order (no I/O: written with the next pass). The customer is kept only as a one-way hash. */
  refused(order: RefusedOrder): void {
    const day = epochDayOf(order.atMs)
    const customerKey = createHash('sha256').update(`${order.channelId}\u0000${order.customerId}`).digest('base64url').slice(0, 22)
    for (const l of order.lines) {
      if (!(l.quantity > 0)) continue
      const key = `${day}|${l.skuId}|${l.nodeId}|${customerKey}`
      const held = this.#refusals.get(key)
      if (!held || held.quantity < l.quantity) this.#refusals.set(key, { day, skuId: l.skuId, nodeId: l.nodeId, customerKey, quantity: l.quantity })
    }
    if (this.#refusals.size >= mostRefusalsHeld && !this.#passes.busy) void this.catchUp().catch(() => undefined)
  }

  /** Projects every event committed so far and the refusals noted; calls made while one runs wait for it and run again. */
  catchUp(): Promise<number> {
    return this.#passes.run(() => this.#catchUpNow())
  }

  /** Waits for a pass in flight (none is started). */
  async settle(): Promise<void> {
    await this.#passes.settle()
  }

  /** The id of the last outbox event counted. */
  cursor(): Promise<number> {
    return readDemandCursor(this.#db)
  }

  async #catchUpNow(): Promise<number> {
    if (!this.#cursorReady) await ensureDemandCursor(this.#db)
    this.#cursorReady = true
    await this.#writeRefusals()
    let events = 0
    for (;;) {
      const done = await this.#projectBatch()
      events += done.events
      if (!done.more) return events
    }
  }

  async #writeRefusals(): Promise<void> {
    if (this.#refusals.size === 0) return
    const refusals = [...this.#refusals.values()]
    this.#refusals = new Map()
    try {
      await this.#db.tx(async (tx) => addDemand(tx, sumDeltas(await recordRefusals(tx, refusals))))
    } catch (error) {
      // Kept for the next pass (newer refusals of the same key win if larger).
      for (const r of refusals) {
        const key = `${r.day}|${r.skuId}|${r.nodeId}|${r.customerKey}`
        if ((this.#refusals.get(key)?.quantity ?? 0) < r.quantity) this.#refusals.set(key, r)
      }
      throw error
    }
  }

  async #projectBatch(limit = 500): Promise<{ events: number; more: boolean }> {
    const after = await readDemandCursor(this.#db)
    const page = await this.#feed.read({ after, topics: demandTopics, limit })
    if (page.nextCursor === after) return { events: 0, more: false }
    const applied = await this.#db.tx(async (tx) => {
      // Another process's projector may have moved the cursor since it was read: then this batch is its.
      if ((await readDemandCursor(tx, true)) !== after) return false
      await this.#apply(tx, page.items)
      await writeDemandCursor(tx, page.nextCursor)
      return true
    })
    return { events: applied ? page.items.length : 0, more: !applied || page.items.length === limit }
  }

  async #apply(tx: Queryable, events: readonly FeedEvent[]): Promise<void> {
    const orders = await loadOrders(tx, ordersNamed(events))
    const deltas = orderDemand(events, orders)
    const returnIds = returnsNamed(events)
    if (returnIds.length > 0) {
      const returns = await returnsWithEvents(tx, returnIds)
      const returnOrders = await loadOrders(tx, [...new Set(returns.map((r) => r.ret.orderId))])
      const nodeOfLine = (orderId: string, lineNo: number) => returnOrders.get(orderId)?.lines.find((l) => l.lineNo === lineNo)?.firstNodeId
      const returned = returnDemand(returns, await returnsSeen(tx, returnIds), nodeOfLine)
      deltas.push(...returned.deltas)
      await markReturnsSeen(tx, returned.seen)
    }
    await addDemand(tx, sumDeltas(deltas))
  }
}
