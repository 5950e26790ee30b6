/**
 * Analytics: the projector that keeps the rollups up to date from the outbox, and the figures
 * read from them. The hot order path writes nothing for analytics: the projector reads committed
 * `order.*` and `shipment.changed` events after its cursor, loads their orders in one batch
 * through the orders context (and, for pickups made ready and dropship requests, how their
 * shipments were made, through the fulfilment context; which nodes are dropship nodes, through the
 * catalogue, once per batch; the returns named by `return.changed`, with their events, through the
 * returns context; the suppliers with terms for the SKUs sold or returned, through purchasing),
 * and writes the counter deltas, the pickup ready times, the touched orders' backorder lines, the
 * units sold and returned per SKU, supplier and reason, each return's last event counted and the
 * new cursor in one transaction, so each event is counted exactly once even if a run fails half way.
 */
import type { Logger } from 'pino'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import type { EventFeed, FeedEvent } from '../events/index.ts'
import { suppliersOfSkus, type Suppliers } from '../purchasing/index.ts'
import { returnsWithEvents } from '../returns/index.ts'
import { replenishmentFigures } from '../replenishment/index.ts'
import { payablesFigures } from '../payables/index.ts'
import { loadOrders } from '../orders/index.ts'
import { totalOnHand } from '../inventory/index.ts'
import { shipmentCreatedTimes, shipmentsMade } from '../fulfilment/index.ts'
import { dayStartOf, dropshipShipmentsNamed, project, projectedTopics, shipmentsMadeReady, type DailyDeltas, type SkuUnits } from './decide.ts'
import {
  addDeltas, addPickupReadyCounts, addReturnReasons, addReturnUnits, backordersByDay, countersByChannel, dailyRows, ensureCursor, markReturnsSeen, pickupReadyByBucket,
  readCursor, recordStock, replaceBackorders, returnReasonUnits, returnsSeen, returnUnitsBySupplier, mostReturnedSkus, stockDays, writeCursor,
} from './store.ts'
import { projectReturns, returnsNamed, supplierUnitsOf } from './returns.ts'
import { backordersOf, dailySeries, delaysOf, fulfilmentOf, inventoryOf, inventoryValueOf, type CostFigures, onTimeOf, periodOf, presaleOf, promiseSourcesOf, returnsOf, salesOf, suppliersOf, type ReturnBreakdowns } from './figures.ts'
import type { DailyCounters, SupplierFigures } from './model.ts'
import { SingleFlight } from '../kernel/single-flight.ts'
import { Passes } from '../kernel/passes.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import { channelMeasures, type ChannelMeasureSources, type MeasureScope } from './channels.ts'

const cursorName = 'orders'
/** How many SKUs the returns figures list, most units returned first. */
const topReturnedSkus = 20
/** A channel the returns figures list: something sold or something happened to a return in the period. */
const soldOrReturned = (c: DailyCounters): boolean =>
  (['unitsShipped', 'returnsOpened', 'returnUnits', 'returnUnitsRestocked', 'returnUnitsOutlet', 'returnUnitsRefurbished', 'returnUnitsToVendor', 'returnUnitsScrapped',
    'refundsRequested', 'refundsPaid'] as const).some((name) => c[name] > 0)
/** How often the projector records today's on-hand stock: the day's closing figure needs no more, and each is a sum over every position. */
const stockEveryMs = 10_000
/**
 * How long the suppliers' rates are served from memory. Purchasing recomputes a scorecard older
 * than five minutes when it is read, which can take a while for a busy supplier: a dashboard
 * request gets the copy in memory and a refresh runs behind it once this has passed.
 */
const supplierFiguresMaxAgeMs = 60_000

export interface AnalyticsOptions {
  /** How often the projector catches up; 0 turns the poller off (tests and benches call catchUp). */
  pollIntervalMs?: number
  /** Events per projector transaction. */
  batchSize?: number
  logger?: Logger
  /** Tests only: runs inside each projector transaction just before it commits; a throw rolls the batch back. */
  beforeCommit?: (events: number) => void
}

/** Which figure groups to compute. */
export type FigureGroup = 'sales' | 'promiseSources' | 'onTime' | 'backorders' | 'delays' | 'presale' | 'fulfilment' | 'returns' | 'suppliers' | 'inventory' | 'replenishment' | 'payables'

export interface FigureQuery {
  periodDays: number
  /** One channel's figures; null for every channel. */
  channelId: string | null
  groups: readonly FigureGroup[]
}

export class Analytics {
  readonly #db: Db
  readonly #clock: Clock
  readonly #feed: EventFeed
  readonly #suppliers: Suppliers
  readonly #catalogue: Pick<Catalogue, 'listNodes' | 'resolveSku' | 'resolveChannel'>
  readonly #options: AnalyticsOptions
  readonly #costs: ((fromMs: number, toMs: number) => Promise<CostFigures>) | undefined
  #timer: NodeJS.Timeout | undefined
  readonly #passes = new Passes<{ events: number }>()
  #cursorReady = false
  #supplierFigures: { figures: SupplierFigures[]; atMs: number } | undefined
  readonly #supplierLoad = new SingleFlight<SupplierFigures[]>()
  #stockRecordedAtMs: number | undefined

  /**
   * `catalogue`: which nodes are suppliers' dropship nodes (read once per batch of events that has
   * shipment changes), and the codes and names of the SKUs and channels the returns figures name.
   */
  constructor(
    db: Db, clock: Clock,
    deps: { events: EventFeed; suppliers: Suppliers; catalogue: Pick<Catalogue, 'listNodes' | 'resolveSku' | 'resolveChannel'>; costs?: (fromMs: number, toMs: number) => Promise<CostFigures> },
    options: AnalyticsOptions = {},
  ) {
    this.#db = db
    this.#costs = deps.costs
    this.#clock = clock
    this.#feed = deps.events
    this.#suppliers = deps.suppliers
    this.#catalogue = deps.catalogue
    this.#options = options
    const intervalMs = options.pollIntervalMs ?? 1000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        if (this.#passes.busy) return
        this.catchUp().catch((err) => options.logger?.error({ err }, 'analytics projector failed; it resumes from its cursor'))
      }, intervalMs)
      this.#timer.unref()
    }
  }

  /**
   * Projects every event committed so far, batch by batch, then records today's on-hand stock.
   * Calls made while one runs wait for it and run again, so what was committed before the call is counted when it returns.
   */
  catchUp(onProgress?: (eventsSoFar: number) => void): Promise<{ events: number }> {
    return this.#passes.run(() => this.#catchUpNow(onProgress))
  }

  async #catchUpNow(onProgress?: (eventsSoFar: number) => void): Promise<{ events: number }> {
    if (!this.#cursorReady) await ensureCursor(this.#db, cursorName)
    this.#cursorReady = true
    let events = 0
    for (;;) {
      const done = await this.#projectBatch()
      events += done.events
      onProgress?.(events)
      if (!done.more) break
    }
    // Stock moves without order events too (receipts, counts): recorded on time, not on events.
    const nowMs = this.#clock.nowMs()
    if (this.#stockRecordedAtMs === undefined || nowMs - this.#stockRecordedAtMs >= stockEveryMs) await this.recordStockNow()
    return { events }
  }

  /** One batch of events and its effects, with the cursor, in one transaction. */
  async #projectBatch(): Promise<{ events: number; more: boolean }> {
    const limit = this.#options.batchSize ?? 500
    const after = await readCursor(this.#db, cursorName)
    const page = await this.#feed.read({ after, topics: projectedTopics, limit })
    if (page.nextCursor === after) return { events: 0, more: false }
    const applied = await this.#db.tx(async (tx) => {
      // Another process's projector may have moved the cursor since it was read: then this batch is its, not ours.
      if ((await readCursor(tx, cursorName, true)) !== after) return false
      await this.#apply(tx, page.items)
      await writeCursor(tx, cursorName, page.nextCursor)
      this.#options.beforeCommit?.(page.items.length)
      return true
    })
    // Not applied: another projector took this batch; read its cursor and go on from there.
    return { events: applied ? page.items.length : 0, more: !applied || page.items.length === limit }
  }

  async #apply(tx: Queryable, events: readonly FeedEvent[]): Promise<void> {
    if (events.length === 0) return
    const orderIds = [...new Set(events.filter((e) => e.topic.startsWith('order.')).map((e) => (e.payload as { orderId: string }).orderId))]
    const madeReady = shipmentsMadeReady(events)
    const orders = await loadOrders(tx, orderIds)
    const shipmentCreatedMs = await shipmentCreatedTimes(tx, madeReady)
    const dropshipNodeIds = await this.#dropshipNodeIds(tx, events)
    const dropship = { nodeIds: dropshipNodeIds, shipments: await shipmentsMade(tx, dropshipShipmentsNamed(events, dropshipNodeIds)) }
    const projection = project(events, orders, shipmentCreatedMs, dropship)
    const returned = await this.#projectReturns(tx, events, projection.deltas, projection.skuUnits)
    const suppliersBySku = await suppliersOfSkus(tx, [...new Set([...projection.skuUnits.values()].map((u) => u.key))])
    await addDeltas(tx, projection.deltas)
    await addReturnUnits(tx, 'sku', projection.skuUnits.values())
    await addReturnUnits(tx, 'supplier', supplierUnitsOf(projection.skuUnits.values(), suppliersBySku))
    await addReturnReasons(tx, returned.reasons)
    await markReturnsSeen(tx, returned.seen)
    await addPickupReadyCounts(tx, projection.pickupReady)
    await replaceBackorders(tx, projection.touchedOrderIds, projection.backorders)
  }

  /** What the returns a page of events names did since the projector last counted them (their events, read through the returns context). */
  async #projectReturns(tx: Queryable, events: readonly FeedEvent[], deltas: DailyDeltas, skuUnits: SkuUnits) {
    const ids = returnsNamed(events)
    if (ids.length === 0) return { reasons: [], seen: [] }
    return projectReturns(deltas, skuUnits, await returnsWithEvents(tx, ids), await returnsSeen(tx, ids))
  }

  /** The dropship nodes, when the batch has shipment changes (one catalogue read, cached, through the batch's transaction). */
  async #dropshipNodeIds(tx: Queryable, events: readonly FeedEvent[]): Promise<ReadonlySet<string>> {
    if (!events.some((e) => e.topic === 'shipment.changed')) return new Set()
    return new Set((await this.#catalogue.listNodes(tx)).filter((n) => n.kind === 'dropship').map((n) => n.id))
  }

  /** Today's closing on-hand so far (overwritten until the day ends), from inventory's positions. */
  async recordStockNow(): Promise<void> {
    const nowMs = this.#clock.nowMs()
    this.#stockRecordedAtMs = nowMs
    // Summed before the write, so SQLite's write lock is held only for the one-row upsert.
    const onHand = await totalOnHand(this.#db)
    await this.#db.tx((tx) => recordStock(tx, dayStartOf(nowMs), onHand, nowMs))
  }

  /** The projector's cursor: the id of the last outbox event counted. */
  cursor(): Promise<number> {
    return readCursor(this.#db, cursorName)
  }

  /** The figure groups asked for, over the period ending today. */
  async figures(query: FigureQuery) {
    const todayMs = dayStartOf(this.#clock.nowMs())
    const { fromDayMs, toDayMs } = periodOf(todayMs, query.periodDays)
    const wants = (g: FigureGroup) => query.groups.includes(g)
    const needsDaily = query.groups.some((g) => g !== 'backorders' && g !== 'suppliers' && g !== 'payables')
    const [rows, readyBuckets, backorders, stock, suppliers, returnBreakdowns, costs] = await Promise.all([
      needsDaily ? dailyRows(this.#db, fromDayMs, toDayMs, query.channelId) : [],
      wants('fulfilment') ? pickupReadyByBucket(this.#db, fromDayMs, toDayMs, query.channelId) : [],
      wants('backorders') ? backordersByDay(this.#db, query.channelId) : [],
      wants('inventory') || wants('replenishment') ? stockDays(this.#db, fromDayMs, toDayMs) : { days: [], latest: null },
      wants('suppliers') ? this.#cachedSupplierFigures() : [],
      wants('returns') ? this.#returnBreakdowns(fromDayMs, toDayMs, query.channelId) : undefined,
      wants('inventory') && this.#costs ? this.#costs(fromDayMs, toDayMs + 86_400_000) : undefined,
    ])
    // Read through the replenishment context: forecast scores, days of supply and the suggestions' cycle.
    const replenishment = wants('replenishment') ? await replenishmentFigures(this.#db, fromDayMs / 86_400_000, toDayMs / 86_400_000) : undefined
    // Read through the payables context: invoices, the exceptions queue, payments and discounts, what is open.
    const payables = wants('payables') ? await payablesFigures(this.#db, fromDayMs, toDayMs + 86_400_000, todayMs / 86_400_000) : undefined
    const series = dailySeries(rows, fromDayMs, toDayMs)
    return {
      from: series[0].day,
      to: series[series.length - 1].day,
      ...(wants('sales') && { sales: salesOf(series) }),
      ...(wants('promiseSources') && { promiseSources: promiseSourcesOf(series) }),
      ...(wants('onTime') && { onTime: onTimeOf(series) }),
      ...(wants('backorders') && { backorders: backordersOf(backorders, todayMs) }),
      ...(wants('delays') && { delays: delaysOf(series) }),
      ...(wants('presale') && { presale: presaleOf(series) }),
      ...(wants('fulfilment') && { fulfilment: fulfilmentOf(series, readyBuckets) }),
      ...(returnBreakdowns && { returns: returnsOf(series, returnBreakdowns) }),
      ...(wants('suppliers') && { suppliers: suppliersOf(suppliers) }),
      ...(wants('inventory') && { inventory: { ...inventoryOf(series, stock, query.periodDays), ...(costs && { value: inventoryValueOf(costs) }) } }),
      ...(replenishment && { replenishment: { ...replenishment, turnover: inventoryOf(series, stock, query.periodDays).totals.turnover } }),
      ...(payables && { payables }),
    }
  }

  /** Units returned by reason, the top SKUs, every supplier with units returned, and every channel, over the period, named. */
  async #returnBreakdowns(fromDayMs: number, toDayMs: number, channelId: string | null): Promise<ReturnBreakdowns> {
    const [reasons, skus, suppliers, channels] = await Promise.all([
      returnReasonUnits(this.#db, fromDayMs, toDayMs, channelId),
      mostReturnedSkus(this.#db, fromDayMs, toDayMs, channelId, topReturnedSkus),
      returnUnitsBySupplier(this.#db, fromDayMs, toDayMs, channelId),
      countersByChannel(this.#db, fromDayMs, toDayMs, channelId),
    ])
    const named = async <T extends { id: string }>(rows: readonly T[], resolve: (id: string) => Promise<{ code: string; name: string } | undefined>) =>
      Promise.all(rows.map(async (r) => {
        const found = await resolve(r.id)
        return { ...r, code: found?.code ?? r.id, name: found?.name ?? r.id }
      }))
    return {
      reasons,
      skus: await named(skus, (id) => this.#catalogue.resolveSku(id)),
      suppliers: await named(suppliers, (id) => this.#suppliers.resolve(id)),
      // A channel with nothing sold or returned in the period is left out.
      channels: await named(channels.filter(soldOrReturned).map(({ channelId: id, ...counters }) => ({ id, counters })), (id) => this.#catalogue.resolveChannel(id)),
    }
  }

  /** The suppliers' rates from memory, refreshed behind the request once older than supplierFiguresMaxAgeMs; the first call waits for them. */
  async #cachedSupplierFigures(): Promise<SupplierFigures[]> {
    const nowMs = Date.now()
    const cached = this.#supplierFigures
    const refresh = () => this.#supplierLoad.load('all', async () => {
      const figures = await this.supplierFigures()
      this.#supplierFigures = { figures, atMs: Date.now() }
      return figures
    })
    if (!cached) return refresh()
    if (nowMs - cached.atMs > supplierFiguresMaxAgeMs) refresh().catch((err) => this.#options.logger?.error({ err }, 'analytics: refreshing supplier rates failed'))
    return cached.figures
  }

  /** Every supplier's scorecard rates, read now (suppliers are few; scorecards are kept by purchasing and recomputed when stale). */
  async supplierFigures(): Promise<SupplierFigures[]> {
    const out: SupplierFigures[] = []
    let after: string | undefined
    for (;;) {
      const page = await this.#suppliers.list(after, 200)
      for (const s of page.items) {
        const card = await this.#suppliers.scorecard(s.id)
        out.push({
          supplierId: s.id, code: s.code, name: s.name, windowDays: card.windowDays, onTimeRate: card.onTimeRate, fillRate: card.fillRate,
          qcPassRate: card.qcPassRate, grade: card.grade,
        })
      }
      if (page.items.length < 200) return out
      after = page.items[page.items.length - 1].id
    }
  }

  /** The channel measures (analytics/channels.ts) of these channels over the period, as of now. */
  channelMeasures(sources: ChannelMeasureSources, channels: readonly Channel[], periodDays: number, scope: MeasureScope) {
    return channelMeasures(sources, channels, periodDays, this.#clock.nowMs(), scope)
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#passes.settle()
  }
}
