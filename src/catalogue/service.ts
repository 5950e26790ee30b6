/** The catalogue service: load → decide → write for SKUs, nodes and channels, with a resolution cache. */
import { SingleFlight } from '../kernel/single-flight.ts'
import { isUniqueViolation, type Db, type Param, type Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import type { Principal } from '../kernel/principal.ts'
import { newId, type IdPrefix } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { singleCursor, type CursorCodec } from '../http/cursor.ts'
import {
  channelOf, draftOf, nodeOf, skuOf,
  type Channel, type ChannelDraft, type ChannelInput, type ChannelPatch, type ChannelRow, type NodeDraft, type NodeInput,
  type NodePatch, type NodeRow, type PageOf, type Sku, type SkuDraft, type SkuInput, type SkuPatch, type SkuRow, type StockNode,
} from './model.ts'
import { decideChannel, decideChannelPatch, decideNode, decideNodePatch, decideSku, decideSkuPatch, duplicateCode } from './decide.ts'

/**
 * How one kind of entity maps to its table. `columns` excludes id, created_at and updated_at,
 * which every catalogue table has.
 */
export interface Table<E extends { id: string; code: string }, D, R> {
  name: 'skus' | 'nodes' | 'channels'
  what: 'sku' | 'node' | 'channel'
  prefix: IdPrefix
  columns: readonly string[]
  valuesOf(draft: D): Param[]
  entityOf(row: R): E
}

export const skuTable: Table<Sku, SkuDraft, SkuRow> = {
  name: 'skus', what: 'sku', prefix: 'sku',
  columns: ['code', 'name', 'unit', 'barcode', 'attributes', 'active', 'weight_grams', 'volume_cm3'],
  valuesOf: (d) => [d.code, d.name, d.unit, d.barcode, JSON.stringify(d.attributes), d.active ? 1 : 0, d.weightGrams, d.volumeCm3],
  entityOf: skuOf,
}

export const nodeTable: Table<StockNode, NodeDraft, NodeRow> = {
  name: 'nodes', what: 'node', prefix: 'node',
  columns: ['code', 'name', 'kind', 'region', 'latitude', 'longitude', 'capabilities', 'handling_time_hours', 'supplier_id', 'fulfilment', 'active'],
  valuesOf: (d) => [d.code, d.name, d.kind, d.region, d.latitude, d.longitude, JSON.stringify(d.capabilities), d.handlingTimeHours, d.supplierId, JSON.stringify(d.fulfilment), d.active ? 1 : 0],
  entityOf: nodeOf,
}

export const channelTable: Table<Channel, ChannelDraft, ChannelRow> = {
  name: 'channels', what: 'channel', prefix: 'chn',
  columns: ['code', 'name', 'kind', 'node_ids', 'safety_buffer', 'low_stock_threshold', 'active'],
  valuesOf: (d) => [d.code, d.name, d.kind, JSON.stringify(d.nodeIds), d.safetyBuffer, d.lowStockThreshold, d.active ? 1 : 0],
  entityOf: channelOf,
}

/**
 * Resolved entities are kept briefly: the reservation path resolves a SKU code per request.
 * This instance invalidates on its own writes; the time limit bounds how long another server
 * instance's change can go unseen.
 */
export const cacheTtlMs = 5_000

class ResolutionCache<E extends { id: string; code: string }> {
  readonly #entries = new Map<string, { entity: E; untilMs: number }>()
  readonly clock: Clock
  constructor(clock: Clock) {
    this.clock = clock
  }

  get(key: string): E | undefined {
    const hit = this.#entries.get(key)
    if (hit && hit.untilMs > this.clock.nowMs()) return hit.entity
    if (hit) this.#entries.delete(key)
    return undefined
  }

  put(entity: E): void {
    const entry = { entity, untilMs: this.clock.nowMs() + cacheTtlMs }
    this.#entries.set(entity.id, entry)
    this.#entries.set(entity.code, entry)
  }

  forget(entity: { id: string; code: string }): void {
    this.#entries.delete(entity.id)
    this.#entries.delete(entity.code)
  }

  clear(): void {
    this.#entries.clear()
  }
}

/** Reads and writes of one table: the generic half of the catalogue. */
export class Store<E extends { id: string; code: string }, D, R> {
  readonly db: Db
  readonly clock: Clock
  readonly table: Table<E, D, R>
  /** Pages of this table are keyed by id. */
  readonly cursor: CursorCodec<string>
  readonly cache: ResolutionCache<E>
  readonly #resolving = new SingleFlight<E | undefined>()
  constructor(db: Db, clock: Clock, table: Table<E, D, R>) {
    this.db = db
    this.clock = clock
    this.table = table
    this.cursor = singleCursor(table.name, 'text')
    this.cache = new ResolutionCache(clock)
  }

  /**
   * By id or by code; the id prefix says which to try first. Inside a transaction pass it as
   * `q` (read fresh, not cached): on SQLite the database handle waits for that transaction.
   */
  async resolve(idOrCode: string, q: Queryable = this.db): Promise<E | undefined> {
    if (q !== this.db) return this.#read(idOrCode, q)
    return this.cache.get(idOrCode) ?? this.#resolving.load(idOrCode, async () => {
      const entity = await this.#read(idOrCode, q)
      if (entity) this.cache.put(entity)
      return entity
    })
  }

  async #read(idOrCode: string, q: Queryable): Promise<E | undefined> {
    const row = await q.get<R>(`SELECT * FROM ${this.table.name} WHERE id = ? OR code = ? ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1`, [idOrCode, idOrCode, idOrCode])
    return row ? this.table.entityOf(row) : undefined
  }

  async get(idOrCode: string): Promise<Result<E>> {
    const entity = await this.resolve(idOrCode)
    return entity ? ok(entity) : notFound(this.table.what, idOrCode)
  }

  /** One page ordered by id; `where` narrows it (for scoped callers). */
  async page(query: { cursor?: string; limit: number }, where: { sql: string; params: Param[] } = { sql: 'TRUE', params: [] }): Promise<PageOf<E>> {
    const after = this.cursor.after(query.cursor) ?? ''
    const rows = await this.db.all<R>(
      `SELECT * FROM ${this.table.name} WHERE id > ? AND (${where.sql}) ORDER BY id LIMIT ?`,
      [after, ...where.params, query.limit + 1],
    )
    const items = rows.slice(0, query.limit).map((r) => this.table.entityOf(r))
    const more = rows.length > query.limit
    return { items, nextCursor: more ? this.cursor.encode(items[items.length - 1].id) : null }
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${this.table.name}`)
    return Number(row?.n ?? 0)
  }

  /** Existing entities with the given codes, in chunks so huge imports stay under parameter limits. */
  async byCodes(codes: string[], q: Queryable): Promise<Map<string, E>> {
    const found = new Map<string, E>()
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500)
      const rows = await q.all<R>(`SELECT * FROM ${this.table.name} WHERE code IN (${chunk.map(() => '?').join(', ')})`, chunk)
      for (const r of rows) found.set((r as { code: string }).code, this.table.entityOf(r))
    }
    return found
  }

  async insert(q: Queryable, drafts: D[]): Promise<E[]> {
    const now = this.clock.nowMs()
    const columns = ['id', ...this.table.columns, 'created_at', 'updated_at']
    const created: E[] = []
    for (let i = 0; i < drafts.length; i += 200) {
      const chunk = drafts.slice(i, i + 200)
      const params = chunk.flatMap((d) => [newId(this.table.prefix), ...this.table.valuesOf(d), now, now])
      const one = `(${columns.map(() => '?').join(', ')})`
      const rows = await q.all<R>(
        `INSERT INTO ${this.table.name} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')} RETURNING *`,
        params,
      )
      created.push(...rows.map((r) => this.table.entityOf(r)))
    }
    return created
  }

  async update(q: Queryable, id: string, draft: D): Promise<E> {
    const sets = this.table.columns.map((c) => `${c} = ?`).join(', ')
    const row = await q.get<R>(
      `UPDATE ${this.table.name} SET ${sets}, updated_at = ? WHERE id = ? RETURNING *`,
      [...this.table.valuesOf(draft), this.clock.nowMs(), id],
    )
    if (!row) throw new Error(`${this.table.what} ${id} vanished during an update`)
    return this.table.entityOf(row)
  }

  /** A create: duplicate codes are refused before the write and, for races, by the unique index. */
  async create(draft: Result<D & { code: string }>): Promise<Result<E>> {
    if (!draft.ok) return draft
    const { code } = draft.value
    if (await this.resolveByCode(code)) return duplicateCode(this.table.what, code)
    try {
      const [created] = await this.insert(this.db, [draft.value])
      return ok(created)
    } catch (error) {
      if (isUniqueViolation(error)) return duplicateCode(this.table.what, code)
      throw error
    }
  }

  /** A change: `decide` gets the current entity and returns the new draft. */
  async change(idOrCode: string, decide: (current: E) => Promise<Result<D & { code: string }>> | Result<D & { code: string }>): Promise<Result<E>> {
    const current = await this.resolveFresh(idOrCode)
    if (!current) return notFound(this.table.what, idOrCode)
    const draft = await decide(current)
    if (!draft.ok) return draft
    const { code } = draft.value
    if (code !== current.code && (await this.resolveByCode(code))) return duplicateCode(this.table.what, code)
    try {
      const updated = await this.update(this.db, current.id, draft.value)
      this.cache.forget(current)
      this.cache.forget(updated)
      return ok(updated)
    } catch (error) {
      if (isUniqueViolation(error)) return duplicateCode(this.table.what, code)
      throw error
    }
  }

  /** Bypasses the cache: a change must start from what is stored. */
  async resolveFresh(idOrCode: string): Promise<E | undefined> {
    this.cache.forget({ id: idOrCode, code: idOrCode })
    return this.resolve(idOrCode)
  }

  async resolveByCode(code: string): Promise<E | undefined> {
    const row = await this.db.get<R>(`SELECT * FROM ${this.table.name} WHERE code = ?`, [code])
    return row ? this.table.entityOf(row) : undefined
  }
}

/** Every id or code a channel names, mapped to the id of a node that exists. */
export async function nodeIdsOf(nodes: Store<StockNode, NodeDraft, NodeRow>, refs: readonly string[] | undefined): Promise<Map<string, string>> {
  const known = new Map<string, string>()
  for (const ref of new Set(refs ?? [])) {
    const node = await nodes.resolve(ref)
    if (node) known.set(ref, node.id)
  }
  return known
}

/** The catalogue: SKUs, stock nodes and sales channels. */
export class Catalogue {
  readonly skus: Store<Sku, SkuDraft, SkuRow>
  readonly nodes: Store<StockNode, NodeDraft, NodeRow>
  readonly channels: Store<Channel, ChannelDraft, ChannelRow>
  readonly #listingNodes = new SingleFlight<StockNode[]>()
  #allNodes: { nodes: StockNode[]; byId: ReadonlyMap<string, StockNode>; untilMs: number } | undefined

  constructor(db: Db, clock: Clock) {
    this.skus = new Store(db, clock, skuTable)
    this.nodes = new Store(db, clock, nodeTable)
    this.channels = new Store(db, clock, channelTable)
  }

  resolveSku(idOrCode: string, q?: Queryable): Promise<Sku | undefined> {
    return this.skus.resolve(idOrCode, q)
  }
  resolveNode(idOrCode: string, q?: Queryable): Promise<StockNode | undefined> {
    return this.nodes.resolve(idOrCode, q)
  }
  resolveChannel(idOrCode: string, q?: Queryable): Promise<Channel | undefined> {
    return this.channels.resolve(idOrCode, q)
  }

  /**
   * The one rule for which channel is the caller's: a channel token's channel, by id (the token
   * may name it by id or code); undefined for every other role, which acts for no channel.
   */
  async channelIdOf(p: Principal): Promise<string | undefined> {
    if (p.kind !== 'channel') return undefined
    return (await this.resolveChannel(p.scopeId))?.id ?? p.scopeId
  }

  /**
   * Every node, ordered by id; cached like single resolutions (a shop has tens of nodes, not
   * millions). Inside a transaction, pass it: an expired cache is read again through it.
   */
  async listNodes(q?: Queryable): Promise<StockNode[]> {
    const now = this.nodes.clock.nowMs()
    if (this.#allNodes && this.#allNodes.untilMs > now) return this.#allNodes.nodes
    if (q) return (await q.all<NodeRow>('SELECT * FROM nodes ORDER BY id')).map(nodeOf)
    // Every order reads this: when it expires under load, the requests in flight share one read.
    return this.#listingNodes.load('all', async () => {
      const rows = await this.nodes.db.all<NodeRow>('SELECT * FROM nodes ORDER BY id')
      const nodes = rows.map(nodeOf)
      this.#allNodes = { nodes, byId: new Map(nodes.map((n) => [n.id, n])), untilMs: now + cacheTtlMs }
      return nodes
    })
  }

  /** Every node by id, kept with `listNodes` (the order path looks its channel's nodes up here on every request). */
  async nodesById(q?: Queryable): Promise<ReadonlyMap<string, StockNode>> {
    const nodes = await this.listNodes(q)
    return this.#allNodes?.nodes === nodes ? this.#allNodes.byId : new Map(nodes.map((n) => [n.id, n]))
  }

  /** Drops every cached resolution; after bulk writes such as an import. */
  forgetCached(): void {
    this.skus.cache.clear()
    this.nodes.cache.clear()
    this.channels.cache.clear()
    this.#allNodes = undefined
  }

  createSku(input: SkuInput): Promise<Result<Sku>> {
    return this.skus.create(decideSku(input))
  }
  updateSku(idOrCode: string, patch: SkuPatch): Promise<Result<Sku>> {
    return this.skus.change(idOrCode, (current) => decideSkuPatch(draftOf<SkuDraft>(current), patch))
  }
  getSku(idOrCode: string): Promise<Result<Sku>> {
    return this.skus.get(idOrCode)
  }
  /** SKUs by id; with `search`, those whose code or name contains it, in any case. */
  listSkus(query: { cursor?: string; limit: number; search?: string }): Promise<PageOf<Sku>> {
    if (query.search === undefined) return this.skus.page(query)
    const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    return this.skus.page(query, { sql: "(LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')", params: [pattern, pattern] })
  }

  async createNode(input: NodeInput): Promise<Result<StockNode>> {
    const created = await this.nodes.create(decideNode(input))
    this.#allNodes = undefined
    return created
  }
  async updateNode(idOrCode: string, patch: NodePatch): Promise<Result<StockNode>> {
    const updated = await this.nodes.change(idOrCode, (current) => decideNodePatch(draftOf<NodeDraft>(current), patch))
    this.#allNodes = undefined
    return updated
  }
  getNode(idOrCode: string): Promise<Result<StockNode>> {
    return this.nodes.get(idOrCode)
  }
  /** `only` narrows the page to the node ids a scoped caller may see; undefined: every node. */
  listNodePage(query: { cursor?: string; limit: number }, only?: readonly string[]): Promise<PageOf<StockNode>> {
    if (!only) return this.nodes.page(query)
    if (only.length === 0) {
      // A bad cursor is refused even when the page would be empty.
      this.nodes.cursor.after(query.cursor)
      return Promise.resolve({ items: [], nextCursor: null })
    }
    return this.nodes.page(query, { sql: `id IN (${only.map(() => '?').join(', ')})`, params: [...only] })
  }

  async createChannel(input: ChannelInput): Promise<Result<Channel>> {
    return this.channels.create(decideChannel(input, await nodeIdsOf(this.nodes, input.nodeIds)))
  }
  updateChannel(idOrCode: string, patch: ChannelPatch): Promise<Result<Channel>> {
    return this.channels.change(idOrCode, async (current) => {
      const refs = patch.nodeIds ?? current.nodeIds
      return decideChannelPatch(draftOf<ChannelDraft>(current), patch, await nodeIdsOf(this.nodes, refs))
    })
  }
  getChannel(idOrCode: string): Promise<Result<Channel>> {
    return this.channels.get(idOrCode)
  }
  listChannels(query: { cursor?: string; limit: number }): Promise<PageOf<Channel>> {
    return this.channels.page(query)
  }
}
