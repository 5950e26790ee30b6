/**
 * Channel availability: a projector keeps, for every channel, SKU and scope, the value the
 * channel shows, and stamps each change with the next sequence number. The channel's delta feed
 * is those rows read in sequence order, so it is coalesced by construction: a SKU that changed a
 * thousand times since a channel's cursor is one delta carrying its latest value. The projector
 * runs once per interval (default 250 ms), so a hot SKU sends at most one delta per channel per
 * interval and no change waits longer than one interval after it is seen.
 *
 * Each pass reads committed outbox events after its cursor (stock, supply, campaign changes),
 * recomputes the SKUs they name through promising (the same allocation an order gets), and
 * writes the changed values, their `availability.changed` events and the new cursor in one
 * transaction. Every value is computed in full again when the day turns (dates move with it), when
 * a channel or one of its nodes changes, and when the process starts.
 */
import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import type { Db } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import type { Catalogue, Channel, StockNode } from '../catalogue/index.ts'
import { publish, type DomainEvent, type EventFeed, type FeedEvent } from '../events/index.ts'
import { dayStartOf, type Promising } from '../promising/index.ts'
import { goneValue, sameValue, scopesOf, valueOf } from './decide.ts'
import { Passes } from '../kernel/passes.ts'
import type { AvailabilityRow, AvailabilityStatus, ChangesPage, ChannelAvailability } from './model.ts'
import {
  addDailyDeltas, changedRows, dailyDeltasSince, ensureCursor, lastSeqOf, readCursor, rowsOfSkus, saveRows, snapshotRows, statusCounts, writeCursor, type Cursor,
} from './store.ts'

/** The events that can change what a channel shows. */
const topics = ['inventory.', 'supply.', 'presale_campaign.', 'sell_ahead_policy.', 'promising_settings.']

export interface AvailabilityOptions {
  /** The coalescing interval: how often the projector runs (default 250 ms). */
  intervalMs?: number
  /** Whether the projector runs on a timer; off in tests, which call catchUp. */
  timer?: boolean
  /** Events per projector pass. */
  batchSize?: number
  /** SKUs per transaction when every value is computed again. */
  fullChunk?: number
  logger?: Logger
  /** Told how many values each projector pass changed, after it commits (the metrics' deltas counter). */
  onDeltas?: (count: number) => void
}

interface Deps {
  events: EventFeed
  catalogue: Catalogue
  promising: Promising
}

export class Availability {
  readonly #db: Db
  readonly #clock: Clock
  readonly #deps: Deps
  readonly #options: AvailabilityOptions
  readonly #changed = new EventEmitter()
  #timer: NodeJS.Timeout | undefined
  readonly #passes = new Passes<number>()
  #cursorReady = false
  /** What each channel and its nodes looked like at the last full computation in this process. */
  #signatures = new Map<string, string>()

  /** Now, by the service's clock (the exports read the store's today by it). */
  nowMs(): number {
    return this.#clock.nowMs()
  }

  constructor(db: Db, clock: Clock, deps: Deps, options: AvailabilityOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#deps = deps
    this.#options = options
    this.#changed.setMaxListeners(0)
    const intervalMs = this.intervalMs
    if (options.timer ?? true) {
      this.#timer = setInterval(() => {
        if (this.#passes.busy) return
        this.catchUp().catch((err) => options.logger?.error({ err }, 'availability projector failed; it resumes from its cursor'))
      }, intervalMs)
      this.#timer.unref()
    }
  }

  /** The coalescing interval in milliseconds. */
  get intervalMs(): number {
    return this.#options.intervalMs ?? 250
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /** Waits for the running pass, if any (shutdown). */
  async settle(): Promise<void> {
    await this.#passes.settle()
  }

  /** Calls `listener` after each pass in this process that changed something; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.#changed.on('changed', listener)
    return () => this.#changed.off('changed', listener)
  }

  /** Projects everything committed so far; a call made while a pass runs waits for it and runs again. Returns the values changed. */
  catchUp(): Promise<number> {
    return this.#passes.run(() => this.#catchUpNow())
  }

  async #catchUpNow(): Promise<number> {
    if (!this.#cursorReady) await ensureCursor(this.#db)
    this.#cursorReady = true
    let changed = 0
    for (;;) {
      const pass = await this.#pass()
      changed += pass.changed
      if (!pass.more) break
    }
    if (changed > 0) {
      this.#options.onDeltas?.(changed)
      this.#changed.emit('changed')
    }
    return changed
  }

  async #pass(): Promise<{ changed: number; more: boolean }> {
    const limit = this.#options.batchSize ?? 2000
    const cursor = await readCursor(this.#db)
    const page = await this.#deps.events.read({ after: cursor.afterId, topics, limit })
    const nowMs = this.#clock.nowMs()
    const channels = await this.#activeChannels()
    const nodes = await this.#deps.catalogue.nodesById()
    const signatures = new Map(channels.map((c) => [c.id, signatureOf(c, nodes)]))
    const full = cursor.dayMs !== dayStartOf(nowMs) || !sameSignatures(this.#signatures, signatures) || page.items.some((e) => e.topic === 'promising_settings.changed')
    if (!full && page.nextCursor === cursor.afterId) return { changed: 0, more: false }
    const next = { afterId: page.nextCursor, dayMs: dayStartOf(nowMs) }
    let changed = 0
    if (full) {
      const all = await this.#allSkuIds()
      const chunk = this.#options.fullChunk ?? 200
      for (let i = 0; i < all.length || i === 0; i += chunk) {
        const last = i + chunk >= all.length
        const done = await this.#write(cursor, last ? next : undefined, all.slice(i, i + chunk), channels, nodes, nowMs)
        if (done === undefined) return { changed, more: true }
        changed += done
      }
      this.#signatures = signatures
    } else {
      const done = await this.#write(cursor, next, skusNamedBy(page.items), channels, nodes, nowMs)
      if (done === undefined) return { changed: 0, more: true }
      changed = done
    }
    return { changed, more: page.items.length === limit }
  }

  /**
   * Computes the SKUs' values, then in one transaction compares them with the stored ones and
   * writes the changed ones with new sequence numbers (and the cursor, when `next` is given).
   * Undefined when another process moved the cursor meanwhile: that pass is its.
   */
  async #write(seen: Cursor, next: Omit<Cursor, 'lastSeq'> | undefined, skuIds: string[], channels: Channel[], nodes: ReadonlyMap<string, StockNode>, nowMs: number): Promise<number | undefined> {
    const values = await this.#compute(skuIds, channels, nodes, nowMs)
    return this.#db.tx(async (tx) => {
      const cursor = await readCursor(tx, true)
      if (cursor.afterId !== seen.afterId) return undefined
      const rows = changes(await rowsOfSkus(tx, skuIds), values)
      let seq = cursor.lastSeq
      const stamped = rows.map((r) => ({ ...r, seq: ++seq, changedAtMs: nowMs }))
      await saveRows(tx, stamped)
      await addDailyDeltas(tx, dayStartOf(nowMs), countByChannel(stamped))
      await publish(tx, changeEvents(stamped), nowMs)
      await writeCursor(tx, { ...(next ?? { afterId: cursor.afterId, dayMs: cursor.dayMs }), lastSeq: seq })
      return stamped.length
    })
  }

  /** Every (channel, SKU, scope) value of these SKUs now, keyed `channel|sku|scope`. */
  async #compute(skuIds: string[], channels: Channel[], nodes: ReadonlyMap<string, StockNode>, nowMs: number): Promise<Map<string, ChannelAvailability & { channelId: string }>> {
    const values = new Map<string, ChannelAvailability & { channelId: string }>()
    const targets = channels.map((channel) => ({ channel, scopes: scopesOf(channel, nodes) }))
    const quotes = await this.#deps.promising.channelQuotes(skuIds, targets)
    for (const skuId of skuIds) {
      const bySku = quotes.get(skuId)!
      targets.forEach(({ channel, scopes }, t) => scopes.forEach((scope, i) => {
        const store = scope.pickup ? nodes.get(scope.nodeIds[0])?.fulfilment : undefined
        values.set(keyOf(channel.id, skuId, scope.key), { channelId: channel.id, ...valueOf(skuId, scope.key, bySku[t][i], nowMs, channel.lowStockThreshold, store) })
      }))
    }
    return values
  }

  async #activeChannels(): Promise<Channel[]> {
    return (await everyPage((cursor) => this.#deps.catalogue.listChannels({ cursor, limit: 500 }))).filter((c) => c.active)
  }

  async #allSkuIds(): Promise<string[]> {
    return (await everyPage((cursor) => this.#deps.catalogue.listSkus({ cursor, limit: 500 }))).map((s) => s.id)
  }

  /** The channel's feed position now. */
  lastSeq(channelId: string): Promise<number> {
    return lastSeqOf(this.#db, channelId)
  }

  /** A page of the channel's current values, consistent with the feed at `atSeq` (the first page fixes it). */
  async snapshot(channelId: string, query: { atSeq?: number; after?: { skuId: string; scope: string }; skuId?: string; scope?: string; limit: number }): Promise<{ seq: number; items: AvailabilityRow[]; more: boolean }> {
    const atSeq = query.atSeq ?? await lastSeqOf(this.#db, channelId)
    const items = await snapshotRows(this.#db, { channelId, atSeq, after: query.after, skuId: query.skuId, scope: query.scope, limit: query.limit })
    return { seq: atSeq, items, more: items.length === query.limit }
  }

  /** The channel's values changed after `afterSeq`, oldest change first. */
  async changes(channelId: string, afterSeq: number, limit: number): Promise<ChangesPage> {
    const items = await changedRows(this.#db, channelId, afterSeq, limit)
    return { items, lastSeq: items.at(-1)?.seq ?? afterSeq }
  }

  /** How many values each channel (or the one given) has in each status now. */
  statusCounts(channelId?: string): Promise<Array<{ channelId: string; status: AvailabilityStatus; rows: number }>> {
    return statusCounts(this.#db, channelId)
  }

  /** Per channel, the values changed (deltas sent) on the UTC days from `fromDayMs` on. */
  deltasSince(fromDayMs: number, channelId?: string): Promise<Map<string, number>> {
    return dailyDeltasSince(this.#db, fromDayMs, channelId)
  }

  /**
   * How far the projector is behind: seconds since the oldest committed event that can change
   * availability and that it has not yet taken into account; 0 when it has seen every one.
   */
  async lagSeconds(): Promise<number> {
    const cursor = await readCursor(this.#db)
    const waiting = await this.#deps.events.read({ after: cursor.afterId, topics, limit: 1 })
    const oldest = waiting.items[0]
    return oldest ? Math.max(0, (this.#clock.nowMs() - Date.parse(oldest.at)) / 1000) : 0
  }

  /** The projector's cursor: the last outbox event it has taken into account. */
  async cursor(): Promise<Cursor> {
    return readCursor(this.#db)
  }
}

/** Every item of a catalogue list, page by page. */
async function everyPage<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  do {
    const next = await page(cursor)
    out.push(...next.items)
    cursor = next.nextCursor ?? undefined
  } while (cursor)
  return out
}

const keyOf = (channelId: string, skuId: string, scope: string) => `${channelId}|${skuId}|${scope}`

/** What decides a channel's scopes and values apart from stock: compared to know when to compute everything again. */
function signatureOf(c: Channel, nodes: ReadonlyMap<string, StockNode>): string {
  const own = c.nodeIds.map((id) => nodes.get(id)).map((n) => n && [n.id, n.active, n.region, n.capabilities, n.handlingTimeHours])
  return JSON.stringify([c.nodeIds, c.safetyBuffer, c.lowStockThreshold, own])
}

const sameSignatures = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
  a.size === b.size && [...b].every(([id, s]) => a.get(id) === s)

function skusNamedBy(events: readonly FeedEvent[]): string[] {
  const ids = new Set<string>()
  for (const e of events) {
    const skuId = (e.payload as { skuId?: unknown }).skuId
    if (typeof skuId === 'string') ids.add(skuId)
  }
  return [...ids]
}

/** The values that differ from what is stored; a stored value whose scope or channel is gone becomes out of stock. */
function changes(stored: readonly AvailabilityRow[], values: ReadonlyMap<string, ChannelAvailability & { channelId: string }>): Array<ChannelAvailability & { channelId: string }> {
  const out: Array<ChannelAvailability & { channelId: string }> = []
  const storedByKey = new Map(stored.map((r) => [keyOf(r.channelId, r.skuId, r.scope), r]))
  for (const [key, value] of values) {
    const before = storedByKey.get(key)
    if (!before || !sameValue(before, value)) out.push(value)
  }
  for (const [key, before] of storedByKey) {
    if (values.has(key)) continue
    const gone = { channelId: before.channelId, ...goneValue(before.skuId, before.scope) }
    if (!sameValue(before, gone)) out.push(gone)
  }
  return out
}

/** Values per `availability.changed` event: a whole catalogue's pass stays under NATS's and receivers' message limits. */
const valuesPerEvent = 200

/** The pass's changes as events, per channel in sequence order, subject the channel (so a receiver gets a channel's in order). */
function changeEvents(rows: readonly AvailabilityRow[]): DomainEvent[] {
  const byChannel = new Map<string, AvailabilityRow[]>()
  for (const r of rows) {
    const list = byChannel.get(r.channelId)
    if (list) list.push(r)
    else byChannel.set(r.channelId, [r])
  }
  const events: DomainEvent[] = []
  for (const [channelId, all] of byChannel) {
    for (let i = 0; i < all.length; i += valuesPerEvent) {
      const values = all.slice(i, i + valuesPerEvent).map((r) => ({
        seq: r.seq, skuId: r.skuId, scope: r.scope, status: r.status, quantity: r.quantity, onlyLeft: r.onlyLeft, shipBy: r.shipBy, deliverBy: r.deliverBy, campaign: r.campaign,
      }))
      events.push({ topic: 'availability.changed', subject: channelId, payload: { channelId, fromSeq: values[0].seq, toSeq: values.at(-1)!.seq, values } })
    }
  }
  return events
}

function countByChannel(rows: readonly AvailabilityRow[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.channelId, (counts.get(r.channelId) ?? 0) + 1)
  return counts
}

