/**
 * Re-promising (DOMAIN.md §4): every change of supply or sellable stock calls `onSupplyChange`
 * inside its own transaction, with the positions locked. In that transaction the supply slots
 * are set to mirror the supply, the waiting order lines of each position are re-allocated in
 * priority order (a receipt serves backorders before anyone new; a shortage takes stock back
 * from the last lines; earlier supply pulls promises earlier), and every line whose ship date
 * slipped gets a delay record with its compensation, a customer message and an `order.delayed`
 * event; lines that improved get a message and `order.promise_improved`.
 */
import type { Logger } from 'pino'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { publish } from '../events/index.ts'
import { newId } from '../kernel/ids.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { positionKey, sellable, type BatchState, type Inventory, type SupplyListener, type SupplyNotice } from '../inventory/index.ts'
import { type DomainEvent } from '../events/index.ts'
import { type Compensation, type CompensationPolicy } from '../promising/index.ts'
import { dayText } from './delays.ts'
import { dayStartOf } from '../promising/index.ts'
import { claimOverdueDay, loadOverdueSlots, overdueEvent, releaseOverdueDay } from './overdue.ts'
import { loadPromisingSettings } from '../promising/index.ts'
import { planPosition, type LineChange, type WaitingLine } from './repromise-decide.ts'
import { loadCompensationPolicy, saveCompensationPolicy } from './repromise-store.ts'
import { loadFacts, noFacts, positionFactsOf, type Facts, type PositionContext } from './position-facts.ts'
import {
  allocationsText, channelOfOrder, delaySink, delaysOf, endDelayOffers, loadWaitingLines, messageSink, messagesOf, timelineSink, updateLines,
  type DelayRecord, type DelayRow, type LineUpdate, type MessageRow,
} from '../orders/index.ts'
import { causesOf, mirrorChange } from './slot-sync.ts'
import { previewSupplyChange } from './preview.ts'
import type { SupplyImpact } from '../supply/index.ts'

type Key = { skuId: string; nodeId: string }

/** What one re-promise did, for callers and tests. */
export interface RepromiseSummary {
  positions: number
  /** Lines whose allocation or dates changed. */
  linesChanged: number
  delayed: number
  improved: number
}

/** What one day's overdue sweep did: nothing unless this process claimed the day. */
export interface OverdueSweep extends RepromiseSummary {
  claimed: boolean
  slots: number
}

export interface RepromisingOptions {
  /** How often to look for a new day's overdue supply; 0 turns it off (tests call sweepOverdue). */
  pollIntervalMs?: number
  logger?: Logger
}

/**
 * Told of the delays a re-promise records that name a supplier and PO (the slip was theirs),
 * inside the re-promising transaction when the batch writes; a throw rolls the change back.
 */
export type SupplierDelayListener = (tx: Queryable, delays: readonly DelayRecord[]) => Promise<void>

const actor = 'system:repromise'
/** Positions re-promised per transaction by the overdue sweep: keeps each transaction's locks short. */
const overdueChunk = 50

export class Repromising {
  readonly #db: Db
  readonly #clock: Clock
  readonly #inventory: Inventory
  #timer: NodeJS.Timeout | undefined
  #sweeping: Promise<unknown> | undefined
  /** The last day this process swept (or saw swept): the claim is tried once a day, not every poll. */
  #sweptDayMs = 0
  readonly #supplierDelayListeners: SupplierDelayListener[] = []

  constructor(db: Db, clock: Clock, inventory: Inventory, options: RepromisingOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#inventory = inventory
    const intervalMs = options.pollIntervalMs ?? 60_000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        if (dayStartOf(this.#clock.nowMs()) <= this.#sweptDayMs) return
        this.#sweeping ??= this.sweepOverdue()
          .catch((err) => options.logger?.error({ err }, 'overdue supply sweep failed'))
          .finally(() => { this.#sweeping = undefined })
      }, intervalMs)
      this.#timer.unref()
    }
  }

  /** Adds a listener for delays caused by a supplier's slip (payables charges them back per the supplier's agreement). */
  onSupplierDelays(listener: SupplierDelayListener): void {
    this.#supplierDelayListeners.push(listener)
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#sweeping
  }

  /**
   * Re-promises every position with supply past its day, once a day across all processes (the
   * first caller each day claims it); each overdue slot publishes `supply.overdue`.
   */
  async sweepOverdue(): Promise<OverdueSweep> {
    const nowMs = this.#clock.nowMs()
    const todayMs = dayStartOf(nowMs)
    const sweep: OverdueSweep = { claimed: false, slots: 0, positions: 0, linesChanged: 0, delayed: 0, improved: 0 }
    const claim = await claimOverdueDay(this.#db, todayMs, nowMs)
    this.#sweptDayMs = todayMs
    if (!claim.claimed) return sweep
    sweep.claimed = true
    try {
      const { overdueSupplyStepDays } = await loadPromisingSettings(this.#db)
      const positions = [...(await loadOverdueSlots(this.#db, todayMs)).values()]
      for (let i = 0; i < positions.length; i += overdueChunk) {
        const chunk = positions.slice(i, i + overdueChunk)
        const events = chunk.flat().map((slot) => overdueEvent(slot, todayMs, overdueSupplyStepDays))
        const done = await this.#db.tx(async (tx) => {
          await publish(tx, events, nowMs)
          return this.repromiseWithin(tx, chunk.map((slots) => slots[0]), events)
        })
        sweep.slots += events.length
        sweep.positions += done.positions
        sweep.linesChanged += done.linesChanged
        sweep.delayed += done.delayed
        sweep.improved += done.improved
      }
    } catch (error) {
      // Give the day back, so the next poll (here or in another process) tries again.
      await releaseOverdueDay(this.#db, claim.previousMs, nowMs)
      this.#sweptDayMs = claim.previousMs
      throw error
    }
    return sweep
  }

  /** The inventory's supply listener: slots follow the supply and promises follow the slots, in the changing transaction. */
  readonly onSupplyChange: SupplyListener = async (tx: Queryable, notice: SupplyNotice) => {
    await this.repromiseWithin(tx, notice.positions, notice.events)
  }

  /**
   * Re-promises the waiting lines of these positions inside `tx` (positions, then slots, then
   * order lines are locked or written, in that order). `events` are the supply events of the
   * change, if any: their slots are mirrored first and they name the causes of delays.
   */
  async repromiseWithin(tx: Queryable, positions: readonly Key[], events: readonly DomainEvent[] = []): Promise<RepromiseSummary> {
    const keys = [...new Map(positions.map((k) => [positionKey(k.skuId, k.nodeId), { skuId: k.skuId, nodeId: k.nodeId }])).values()]
    const summary: RepromiseSummary = { positions: keys.length, linesChanged: 0, delayed: 0, improved: 0 }
    if (keys.length === 0) return summary
    const waiting = new Map<string, WaitingLine[]>()
    let facts: Facts | undefined
    const prepare = async (q: Queryable, state: BatchState) => {
      for (const k of keys) {
        const short = sellable(state.position(k.skuId, k.nodeId)) < 0
        waiting.set(positionKey(k.skuId, k.nodeId), await loadWaitingLines(q, k.skuId, k.nodeId, short))
      }
      // Most receipts find nobody waiting: the rest is read only when someone is.
      if ([...waiting.values()].some((lines) => lines.length > 0)) facts = await loadFacts(q, keys)
    }
    const done = await this.#inventory.withinLocked(tx, keys, (state) => {
      mirrorSlots(state, events)
      const causes = causesOf(events)
      const supplierDelays: DelayRecord[] = []
      for (const k of keys) {
        const key = positionKey(k.skuId, k.nodeId)
        const context = { ...(facts ?? noFacts), causes: causes.get(key), skuName: facts?.skuNames.get(k.skuId) ?? k.skuId }
        const changes = repromisePosition(state, k, waiting.get(key)!, context, supplierDelays)
        summary.linesChanged += changes.length
        for (const c of changes) {
          if (c.delay) summary.delayed++
          if (c.improved) summary.improved++
        }
      }
      const listeners = this.#supplierDelayListeners
      if (supplierDelays.length > 0 && listeners.length > 0) {
        state.writes.push(async (tx) => {
          for (const listener of listeners) await listener(tx, supplierDelays)
        })
      }
      return ok(summary)
    }, prepare)
    invariant(done.ok, 're-promising is never refused')
    return summary
  }

  /** What a supply change would do to the customers promised on it, planned as the change would plan it, written nowhere. */
  previewSupplyChange(events: readonly DomainEvent[]): Promise<SupplyImpact> {
    return previewSupplyChange(this.#db, this.#inventory, events, this.#clock.nowMs())
  }

  /** Re-promises positions in a transaction of its own (operators, tests). */
  repromise(keys: readonly Key[]): Promise<RepromiseSummary> {
    return this.#db.tx((tx) => this.repromiseWithin(tx, keys))
  }

  compensationPolicy(): Promise<CompensationPolicy> {
    return loadCompensationPolicy(this.#db)
  }

  setCompensationPolicy(input: unknown): Promise<Result<CompensationPolicy>> {
    return saveCompensationPolicy(this.#db, input, this.#clock.nowMs())
  }

  /** The order's channel, to scope reads; not found when there is no such order. */
  async orderChannel(orderId: string): Promise<Result<string>> {
    const channelId = await channelOfOrder(this.#db, orderId)
    return channelId === undefined ? notFound('order', orderId) : ok(channelId)
  }

  delays(orderId: string): Promise<DelayRow[]> {
    return delaysOf(this.#db, orderId)
  }

  messages(orderId: string): Promise<MessageRow[]> {
    return messagesOf(this.#db, orderId)
  }
}

/** Sets each changed position's slots from its supply events (kept in the batch state, written with it). */
function mirrorSlots(state: BatchState, events: readonly DomainEvent[]): void {
  for (const e of events) {
    if (e.topic !== 'supply.changed') continue
    const change = e.payload
    for (const slot of mirrorChange(state.slotsAt(change.skuId, change.nodeId), change)) state.changedSlots.add(slot)
  }
}

/** Plans one position and records the plan in the batch state: O, slots, lines, delays, messages, events. */
function repromisePosition(state: BatchState, k: Key, lines: WaitingLine[], c: PositionContext, supplierDelays: DelayRecord[]): LineChange[] {
  const p = state.position(k.skuId, k.nodeId)
  const plan = planPosition(positionFactsOf(k.nodeId, p, state.slotsAt(k.skuId, k.nodeId), lines, c, state.nowMs))
  const delta = plan.reservedDelta
  if (delta !== 0) state.apply(p, { reserved: delta }, delta > 0 ? 'reserve' : 'release', Math.abs(delta), { reason: 're-promised', actor })
  for (const [slot, promised] of plan.promised) {
    invariant(promised <= slot.quantity || promised === 0, `slot ${slot.id} would be promised ${promised} of ${slot.quantity}`)
    if (promised !== slot.promised) state.promise(slot, promised - slot.promised)
  }
  recordChanges(state, plan.changes, supplierDelays)
  return plan.changes
}

/** The rows and events of the changed lines, written with the batch. */
function recordChanges(state: BatchState, changes: LineChange[], supplierDelays: DelayRecord[]): void {
  if (changes.length === 0) return
  const updates: LineUpdate[] = []
  for (const ch of changes) {
    const { line, allocation } = ch
    updates.push([line.orderId, line.lineNo, allocation.stockQuantity, allocationsText(allocation.parts, allocation.unallocated, line.rule), ch.shipByMs, ch.deliverByMs])
    if (ch.delay) {
      const delay = recordDelay(state, ch)
      if (delay.supplierId !== null) supplierDelays.push(delay)
    }
    else if (ch.improved) recordImproved(state, ch)
  }
  state.writes.push((tx) => updateLines(tx, updates, state.nowMs))
  const backOnTime = changes.filter((ch) => ch.offerEnds).map((ch): [string, number] => [ch.line.orderId, ch.line.lineNo])
  if (backOnTime.length > 0) state.writes.push((tx) => endDelayOffers(tx, backOnTime))
}

function recordDelay(state: BatchState, ch: LineChange): DelayRecord {
  const { line, delay } = ch
  const d = delay!
  const delayId = newId('dly')
  const messageId = newId('msg')
  const compensation = compensationText(d.compensation)
  const record: DelayRecord = {
    id: delayId, orderId: line.orderId, lineNo: line.lineNo, cause: d.cause.cause, reason: d.cause.reason, oldShipByMs: line.shipByMs,
    newShipByMs: ch.shipByMs, daysLate: d.daysLate, compensation, status: 'open', createdAtMs: state.nowMs,
    supplierId: d.cause.slip?.supplierId ?? null, poId: d.cause.slip?.poId ?? null,
  }
  state.stage(delaySink, record)
  state.stage(messageSink, { id: messageId, orderId: line.orderId, customerId: line.order.customerId, ...d.message, createdAtMs: state.nowMs })
  const oldShipBy = dayText(line.shipByMs)
  const newShipBy = dayText(ch.shipByMs)
  const detail = `{"lineNo":${line.lineNo},"delayId":"${delayId}","cause":"${d.cause.cause}","oldShipBy":${JSON.stringify(oldShipBy)},"newShipBy":${JSON.stringify(newShipBy)}}`
  state.stage(timelineSink, { orderId: line.orderId, kind: 'promise_delayed', actor, detail, atMs: state.nowMs })
  // The customer may cancel for a full refund while the delay is open; the message says so.
  state.events.push({
    topic: 'order.delayed',
    subject: line.orderId,
    payload: {
      orderId: line.orderId, lineNo: line.lineNo, channelId: line.order.channelId, customerId: line.order.customerId, delayId, messageId,
      cause: d.cause.cause, oldShipBy, newShipBy, daysLate: d.daysLate, compensation: d.compensation,
    },
  })
  return record
}

const compensationTexts = new Map<string, string>()

/** Delays of one slip mostly grant the same amount: one JSON text per distinct compensation. */
function compensationText(c: Compensation): string {
  const key = `${c.kind}|${c.amountMinor}|${c.currency}|${c.policy}`
  let text = compensationTexts.get(key)
  if (text === undefined) {
    text = JSON.stringify(c)
    if (compensationTexts.size < 10_000) compensationTexts.set(key, text)
  }
  return text
}

function recordImproved(state: BatchState, ch: LineChange): void {
  const { line, improved } = ch
  if (!improved) return
  const messageId = newId('msg')
  state.stage(messageSink, { id: messageId, orderId: line.orderId, customerId: line.order.customerId, ...improved, createdAtMs: state.nowMs })
  const fact = { orderId: line.orderId, lineNo: line.lineNo, oldShipBy: dayText(line.shipByMs), newShipBy: dayText(ch.shipByMs) }
  state.stage(timelineSink, { orderId: line.orderId, kind: 'promise_improved', actor, detail: JSON.stringify(fact), atMs: state.nowMs })
  state.events.push({ topic: 'order.promise_improved', subject: line.orderId, payload: { ...fact, channelId: line.order.channelId, customerId: line.order.customerId, messageId } })
}
