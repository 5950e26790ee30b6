import type { Logger } from 'pino'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { isoOf } from '../kernel/clock.ts'
import type { Metrics } from '../http/metrics.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { Engine, isSupplyEvent, supplyNoticeOf, SupplySubscribers, type EngineOptions, type Outcome, type SupplyListener } from './engine.ts'
import { loadFences, lockOf, lockPositions, positionOf, writeBatch, reservationOf, transferOf, type LockRow, type PositionRow, type ReservationRow, type TransferRow } from './ledger.ts'
import { bucketColumns, bucketNames, channelSellable, emptyBuckets, positionKey, type Buckets, type Lock, type Movement, type Position, type Reservation, type Transfer } from './model.ts'
import { selectIn } from '../store/sql.ts'
import { directKeys, type Op, type PositionOp } from './ops.ts'
import { BatchState } from './batch.ts'
import type { DomainEvent } from '../events/index.ts'
import { lockSlots, nodeSetsOf } from '../supply/index.ts'
import { runOp } from './run.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { positionView, type PositionView } from './views.ts'

export interface SellableByNode {
  nodeId: string
  nodeCode: string
  region: string
  sellable: number
}

export interface Availability {
  skuId: string
  sellable: number
  byRegion: Record<string, number>
  byNode: SellableByNode[]
}

/** A position as a channel's reads take it: the buckets, and the channel's own fence there (its active channel locks). */
export interface ChannelPosition {
  position: PositionView
  fence: number
}

/** The channel a read is for: whose fence is sellable to it and whose safety buffer stays at each node. */
export interface ChannelSeeing {
  id: string
  safetyBuffer: number
}

/**
 * A position's fence for the channel (the first parameter), read by the same statement as the
 * position, so the two are one snapshot.
 */
const fenceColumn = `(SELECT COALESCE(SUM(l.quantity), 0) FROM locks l WHERE l.sku_id = positions.sku_id AND l.node_id = positions.node_id
  AND l.status = 'active' AND l.channel_id = ?) AS fence`

/** Stock a kind of document holds, by position. */
export type HoldSource = (q: Queryable) => Promise<Array<{ skuId: string; nodeId: string; held: number }>>

export interface LedgerCheck {
  positions: number
  /** Positions whose buckets differ from the fold of their movements. */
  bucketMismatches: Array<{ skuId: string; nodeId: string; bucket: string; position: number; movements: number }>
  /** Positions whose reserved bucket differs from what held reservations and open order lines hold. */
  reservedMismatches: Array<{ skuId: string; nodeId: string; reserved: number; held: number }>
}

/** Inventory: the ledger's queries, the engine for every change, and the deadline sweeper. */
export class Inventory {
  readonly engine: Engine
  readonly #db: Db
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #metrics: Metrics
  readonly #logger: Logger
  readonly #sweepIntervalMs: number
  #sweepTimer: NodeJS.Timeout | undefined
  #sweeping: Promise<void> | undefined
  readonly #supplySubscribers = new SupplySubscribers()
  readonly #holdSources: HoldSource[] = []

  constructor(db: Db, clock: Clock, catalogue: Catalogue, metrics: Metrics, logger: Logger, options: EngineOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#catalogue = catalogue
    this.#metrics = metrics
    this.#logger = logger
    this.engine = new Engine(db, clock, metrics, logger, options, this.#supplySubscribers)
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 1000
    if (this.#sweepIntervalMs > 0) {
      this.#sweepTimer = setInterval(() => {
        this.#sweeping ??= this.sweep().catch((err) => this.#logger.error({ err }, 'deadline sweep failed')).then(() => {
          this.#sweeping = undefined
        })
      }, this.#sweepIntervalMs)
      this.#sweepTimer.unref()
    }
  }

  submit(op: Op): Promise<Outcome> {
    return this.engine.submit(op)
  }

  /**
   * Adds a listener (re-promising; replenishment next) that every change of supply or sellable
   * stock calls inside its transaction, after its writes, with the positions still locked.
   * Listeners run in the order they subscribed.
   */
  onSupplyChange(listener: SupplyListener): void {
    this.#supplySubscribers.add(listener)
  }

  /**
   * Releases held reservations and timed locks whose deadline has passed. Safe to run in every
   * process at once: the engine re-checks each one under the position lock, so each is
   * released exactly once, whatever races it (a commit, a cancel, another sweeper).
   */
  async sweep(limit = 5000): Promise<{ reservations: number; locks: number }> {
    const nowMs = this.#clock.nowMs()
    const due = await this.#db.all<{ id: string }>(
      `SELECT id FROM reservations WHERE status = 'held' AND hold_until IS NOT NULL AND hold_until <= ? ORDER BY hold_until LIMIT ${limit}`,
      [nowMs],
    )
    const dueLocks = await this.#db.all<{ id: string }>(
      `SELECT id FROM locks WHERE status = 'active' AND release_at IS NOT NULL AND release_at <= ? ORDER BY release_at LIMIT ${limit}`,
      [nowMs],
    )
    const outcomes = await Promise.all([
      ...due.map((r) => this.submit({ kind: 'release', reservationId: r.id, reason: 'expired', actor: 'system:expiry' })),
      ...dueLocks.map((l) => this.submit({ kind: 'unlock', lockId: l.id, reason: 'release time reached', actor: 'system:expiry' })),
    ])
    const released = outcomes.slice(0, due.length).filter((o) => o.result.ok).length
    const unlocked = outcomes.slice(due.length).filter((o) => o.result.ok).length
    if (released > 0) this.#metrics.expired.inc({}, released)
    return { reservations: released, locks: unlocked }
  }

  /**
   * Applies stock changes inside another context's transaction, so a document (a goods
   * receipt, a supplier's declaration) and its movements commit together or not at all. The
   * positions are locked the way the engine locks them, so this serialises with engine batches.
   * The first refused op refuses them all; the caller must then roll its transaction back.
   * `supplyEvents`: the caller's own supply events of this transaction (already in its outbox);
   * their positions are locked with the ops' (in key order, once) and the supply listener hears
   * of them, so promises follow the supply in the same transaction.
   */
  async applyWithin(tx: Queryable, ops: PositionOp[], supplyEvents: readonly DomainEvent[] = []): Promise<Result<unknown[]>> {
    const nowMs = this.#clock.nowMs()
    const eventKeys = this.#supplySubscribers.any ? supplyEvents.filter(isSupplyEvent).map((e) => e.payload) : []
    const positions = await lockPositions(tx, [...ops.flatMap(directKeys), ...eventKeys], nowMs)
    const state = new BatchState(newId('bat'), nowMs, positions)
    const values: unknown[] = []
    for (const op of ops) {
      const result = runOp(state, op)
      if (!result.ok) return result
      values.push(result.value)
    }
    await writeBatch(tx, state)
    const notice = this.#supplySubscribers.any && supplyNoticeOf(state, supplyEvents)
    if (notice) await this.#supplySubscribers.notify(tx, notice)
    return ok(values)
  }

  /**
   * Runs a document's decision inside another context's transaction with the positions and
   * their supply slots locked the way the engine locks them (an order cancelled, paid for,
   * shipped or re-promised). `prepare` may load what the decision needs once the locks are held
   * (order lines: positions, then slots, then lines). `decide` is synchronous; a refusal writes
   * nothing, and the caller must then roll its transaction back if it wrote anything else.
   */
  async withinLocked<T>(
    tx: Queryable, keys: ReadonlyArray<{ skuId: string; nodeId: string }>, decide: (state: BatchState) => Result<T>,
    prepare?: (tx: Queryable, state: BatchState) => Promise<void>,
    options: { fences?: boolean } = {},
  ): Promise<Result<T>> {
    const nowMs = this.#clock.nowMs()
    const state = new BatchState(newId('bat'), nowMs, await lockPositions(tx, keys, nowMs))
    for (const [key, slots] of await lockSlots(tx, keys)) state.slots.set(key, slots)
    // A decision that takes stock for a channel (an order line placed again) reads its fences under the same locks.
    if (options.fences) await loadFences(tx, state, keys)
    await prepare?.(tx, state)
    const result = decide(state)
    if (result.ok) await writeBatch(tx, state)
    return result
  }

  /**
   * Locks positions and their supply slots inside `tx` without changing them, for a caller
   * that must read documents promised against them (order lines) only once nothing else
   * can re-promise those documents under it.
   */
  async lockPositions(tx: Queryable, keys: ReadonlyArray<{ skuId: string; nodeId: string }>): Promise<void> {
    await lockPositions(tx, keys, this.#clock.nowMs())
    await lockSlots(tx, keys)
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweepTimer)
    await this.#sweeping
    await this.engine.idle()
  }

  async position(skuId: string, nodeId: string): Promise<PositionView> {
    const row = await this.#db.get<PositionRow>('SELECT * FROM positions WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])
    return positionView(row ? positionOf(row) : { skuId, nodeId, ...emptyBuckets() })
  }

  /** Every position of these SKUs, by position key (one read; positions never written are absent). */
  async positionsOfSkus(skuIds: readonly string[]): Promise<Map<string, Position>> {
    const rows = await selectIn<PositionRow>(this.#db, 'SELECT * FROM positions WHERE sku_id', skuIds)
    return new Map(rows.map((r) => [positionKey(r.sku_id, r.node_id), positionOf(r)]))
  }

  /** The nodes that hold a position of each SKU (stock, holds or a supplier's virtual supply once set), in one unlocked read. */
  async positionNodesOfSkus(skuIds: readonly string[]): Promise<Map<string, Set<string>>> {
    return nodeSetsOf(await selectIn<{ sku_id: string; node_id: string }>(this.#db, 'SELECT sku_id, node_id FROM positions WHERE sku_id', skuIds))
  }

  /** The active channel fences (channel locks) of these SKUs, summed by `<sku>|<node>|<channel>`. */
  async fencesOfSkus(skuIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await selectIn<{ sku_id: string; node_id: string; channel_id: string; quantity: number | string }>(
      this.#db, "SELECT sku_id, node_id, channel_id, quantity FROM locks WHERE status = 'active' AND channel_id IS NOT NULL AND sku_id", skuIds)
    const out = new Map<string, number>()
    for (const r of rows) {
      const key = `${r.sku_id}|${r.node_id}|${r.channel_id}`
      out.set(key, (out.get(key) ?? 0) + Number(r.quantity))
    }
    return out
  }

  /**
   * A position with the channel's fence there, for what the channel is shown (`channelView` sees
   * the position through both): the reads' counterpart of the fences the engine loads.
   */
  async channelPosition(skuId: string, nodeId: string, channelId: string): Promise<ChannelPosition> {
    const row = await this.#db.get<PositionRow & { fence: number | string }>(`SELECT *, ${fenceColumn} FROM positions WHERE sku_id = ? AND node_id = ?`, [channelId, skuId, nodeId])
    return row ? { position: positionView(positionOf(row)), fence: Number(row.fence) } : { position: positionView({ skuId, nodeId, ...emptyBuckets() }), fence: 0 }
  }

  /** Positions filtered by SKU and/or nodes, ordered by (sku, node) for cursor paging. */
  async positions(filter: { skuId?: string; nodeIds?: string[] }, after: { skuId: string; nodeId: string } | undefined, limit: number): Promise<PositionView[]> {
    return (await this.#positionRows(filter, after, limit, null)).map((r) => positionView(positionOf(r)))
  }

  /** Positions as `positions` lists them, each with the channel's fence there. */
  async channelPositions(channelId: string, filter: { skuId?: string; nodeIds?: string[] }, after: { skuId: string; nodeId: string } | undefined, limit: number): Promise<ChannelPosition[]> {
    return (await this.#positionRows(filter, after, limit, channelId)).map((r) => ({ position: positionView(positionOf(r)), fence: Number(r.fence ?? 0) }))
  }

  async #positionRows(filter: { skuId?: string; nodeIds?: string[] }, after: { skuId: string; nodeId: string } | undefined, limit: number, fenceOf: string | null): Promise<Array<PositionRow & { fence?: number | string }>> {
    const where: string[] = []
    const params: Array<string | number> = fenceOf === null ? [] : [fenceOf]
    if (filter.skuId) where.push('sku_id = ?') && params.push(filter.skuId)
    if (filter.nodeIds) {
      if (filter.nodeIds.length === 0) return []
      where.push(`node_id IN (${filter.nodeIds.map(() => '?').join(', ')})`)
      params.push(...filter.nodeIds)
    }
    if (after) {
      const { skuId, nodeId } = after
      where.push('(sku_id > ? OR (sku_id = ? AND node_id > ?))')
      params.push(skuId, skuId, nodeId)
    }
    return this.#db.all<PositionRow & { fence?: number | string }>(
      `SELECT *${fenceOf === null ? '' : `, ${fenceColumn}`} FROM positions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY sku_id, node_id LIMIT ${limit}`,
      params,
    )
  }

  /**
   * Sellable now per node, per region and in total; negative S counts as zero. For a channel,
   * each node's figure is what the channel may take there (`channelSellable`: less its safety
   * buffer, plus its fence), and the totals add those up. Everyone else sees fences as locked.
   */
  async availability(skuId: string, filter: { region?: string; nodeIds?: string[]; channel?: ChannelSeeing } = {}): Promise<Availability> {
    const nodes = await this.#catalogue.nodesById()
    const channel = filter.channel
    const rows = channel
      ? await this.#db.all<PositionRow & { fence: number | string }>(`SELECT *, ${fenceColumn} FROM positions WHERE sku_id = ? ORDER BY node_id`, [channel.id, skuId])
      : await this.#db.all<PositionRow & { fence?: undefined }>('SELECT * FROM positions WHERE sku_id = ? ORDER BY node_id', [skuId])
    const byNode: SellableByNode[] = []
    // A region is the merchant's own text: a Map, so a region named `constructor` is just a region.
    const byRegion = new Map<string, number>()
    for (const row of rows) {
      const node = nodes.get(row.node_id)
      if (!node || !node.active) continue
      if (filter.nodeIds && !filter.nodeIds.includes(node.id)) continue
      if (filter.region && node.region !== filter.region) continue
      const s = channelSellable(positionOf(row), channel?.safetyBuffer ?? 0, Number(row.fence ?? 0))
      byNode.push({ nodeId: node.id, nodeCode: node.code, region: node.region, sellable: s })
      byRegion.set(node.region, (byRegion.get(node.region) ?? 0) + s)
    }
    return { skuId, sellable: byNode.reduce((sum, n) => sum + n.sellable, 0), byRegion: Object.fromEntries(byRegion), byNode }
  }

  async movements(skuId: string, nodeId: string, afterId: number, limit: number): Promise<Movement[]> {
    const rows = await this.#db.all<Record<string, unknown>>(
      `SELECT * FROM movements WHERE sku_id = ? AND node_id = ? AND id > ? ORDER BY id LIMIT ${limit}`,
      [skuId, nodeId, afterId],
    )
    return rows.map((r) => ({
      id: Number(r.id),
      skuId: String(r.sku_id),
      nodeId: String(r.node_id),
      kind: r.kind as Movement['kind'],
      quantity: Number(r.quantity),
      requestCount: Number(r.request_count),
      ...Object.fromEntries(bucketNames.map((b) => [b, Number(r[bucketColumns[b]])])) as unknown as Buckets,
      reason: (r.reason as string | null) ?? null,
      refType: (r.ref_type as string | null) ?? null,
      refId: (r.ref_id as string | null) ?? null,
      batchId: String(r.batch_id),
      actor: String(r.actor),
      at: isoOf(Number(r.at))!,
    }))
  }

  async reservation(id: string): Promise<Reservation | undefined> {
    const row = await this.#db.get<ReservationRow>('SELECT * FROM reservations WHERE id = ?', [id])
    return row && reservationOf(row)
  }

  async lock(id: string): Promise<Lock | undefined> {
    const row = await this.#db.get<LockRow>('SELECT * FROM locks WHERE id = ?', [id])
    return row && lockOf(row)
  }

  async transfer(id: string): Promise<Transfer | undefined> {
    const row = await this.#db.get<TransferRow>('SELECT * FROM transfers WHERE id = ?', [id])
    return row && transferOf(row)
  }

  /**
   * Adds a kind of document that holds reserved stock (open order lines, for one): the ledger
   * check counts its holds in O with the reservations'.
   */
  countHoldsOf(source: HoldSource): void {
    this.#holdSources.push(source)
  }

  /** The ledger's two invariants, checked over the whole database (operators run it via the CLI). */
  async verify(): Promise<LedgerCheck> {
    const sums = bucketNames.map((b) => `SUM(${bucketColumns[b]}) AS ${bucketColumns[b]}`).join(', ')
    const folded = await this.#db.all<PositionRow>(`SELECT sku_id, node_id, ${sums} FROM movements GROUP BY sku_id, node_id`)
    const foldByKey = new Map(folded.map((r) => [`${r.sku_id}|${r.node_id}`, positionOf(r)]))
    // Reserved stock is held by reservations and by open order lines (their stock part).
    const held = await this.#db.all<{ sku_id: string; node_id: string; held: number | string }>(
      `SELECT sku_id, node_id, SUM(quantity) AS held FROM reservations WHERE status = 'held' GROUP BY sku_id, node_id`)
    const heldByKey = new Map(held.map((r) => [`${r.sku_id}|${r.node_id}`, Number(r.held)]))
    for (const source of this.#holdSources) {
      for (const h of await source(this.#db)) heldByKey.set(`${h.skuId}|${h.nodeId}`, (heldByKey.get(`${h.skuId}|${h.nodeId}`) ?? 0) + h.held)
    }
    const positions = (await this.#db.all<PositionRow>('SELECT * FROM positions')).map(positionOf)
    const check: LedgerCheck = { positions: positions.length, bucketMismatches: [], reservedMismatches: [] }
    for (const p of positions) {
      const key = `${p.skuId}|${p.nodeId}`
      const fold = foldByKey.get(key) ?? { ...emptyBuckets() }
      for (const b of bucketNames) {
        if (p[b] !== fold[b]) check.bucketMismatches.push({ skuId: p.skuId, nodeId: p.nodeId, bucket: b, position: p[b], movements: fold[b] })
      }
      const heldQuantity = heldByKey.get(key) ?? 0
      if (p.reserved !== heldQuantity) check.reservedMismatches.push({ skuId: p.skuId, nodeId: p.nodeId, reserved: p.reserved, held: heldQuantity })
    }
    return check
  }
}
