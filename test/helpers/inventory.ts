/** Shared set-up for the inventory engine tests: a real database, an Engine, a ManualClock, the ledger checks. */
import assert from 'node:assert/strict'
import pino from 'pino'
import { freshDb, type TestDb } from '../../src/store/testing.ts'
import type { Db } from '../../src/store/db.ts'
import { Engine, type EngineOptions, type Outcome } from '../../src/inventory/engine.ts'
import { Metrics } from '../../src/http/metrics.ts'
import { ManualClock } from '../../src/kernel/clock.ts'
import { bucketColumns, bucketNames, emptyBuckets, type Buckets } from '../../src/inventory/model.ts'
import { positionOf, type PositionRow } from '../../src/inventory/ledger.ts'
import type { Op, PositionOp } from '../../src/inventory/ops.ts'
import type { Result } from '../../src/kernel/result.ts'

export type StoreKind = 'sqlite' | 'postgres'

export interface World {
  testDb: TestDb
  db: Db
  engine: Engine
  clock: ManualClock
  skus: string[]
  nodes: string[]
  cleanup(): Promise<void>
}

/** A fresh database with `skuCount` SKUs and `nodeCount` warehouses, and an engine on a manual clock. */
export async function world(kind: StoreKind, skuCount = 2, nodeCount = 2, options: EngineOptions = {}): Promise<World> {
  const testDb = await freshDb(kind)
  const { db } = testDb
  const clock = new ManualClock()
  const now = clock.nowMs()
  const skus = Array.from({ length: skuCount }, (_, i) => `sku_${i}`)
  const nodes = Array.from({ length: nodeCount }, (_, i) => `node_${i}`)
  for (const id of skus) {
    await db.run('INSERT INTO skus (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [id, id.toUpperCase(), id, now, now])
  }
  for (const id of nodes) {
    await db.run(`INSERT INTO nodes (id, code, name, kind, region, created_at, updated_at) VALUES (?, ?, ?, 'warehouse', 'east', ?, ?)`, [id, id.toUpperCase(), id, now, now])
  }
  const engine = newEngine(db, clock, options)
  return { testDb, db, engine, clock, skus, nodes, cleanup: async () => { await engine.idle(); await testDb.cleanup() } }
}

export const newEngine = (db: Db, clock: ManualClock, options: EngineOptions = {}): Engine =>
  new Engine(db, clock, new Metrics(), pino({ level: 'silent' }), options)

/** Every op carries an actor; these fill in the fields a test does not care about. */
export const positionOp = (kind: PositionOp['kind'], skuId: string, nodeId: string, quantity: number, reason: string | null = null): PositionOp =>
  ({ kind, skuId, nodeId, quantity, reason, reference: null, actor: 'test' })

export const reserveOp = (lines: Array<[skuId: string, nodeId: string, quantity: number]>, extra: Partial<Extract<Op, { kind: 'reserve' }>> = {}): Op => ({
  kind: 'reserve', lines: lines.map(([skuId, nodeId, quantity]) => ({ skuId, nodeId, quantity })),
  atomic: false, holdUntilMs: null, channelId: null, reference: null, actor: 'test', ...extra,
})

export const reservationStep = (kind: 'release' | 'commit', reservationId: string, reason = 'test'): Op =>
  ({ kind, reservationId, reason, actor: 'test' })

/** The value of a successful result; fails the test with the refusal otherwise. */
export function okValue<T>(result: Result<unknown>, what = 'request'): T {
  assert.ok(result.ok, `${what} refused: ${result.ok ? '' : `${result.code} ${result.detail}`}`)
  return result.value as T
}

export function refusedWith(outcome: Outcome | Result<unknown>, code: string): void {
  const result = 'result' in outcome ? outcome.result : outcome
  assert.equal(result.ok, false, `expected ${code}, got success ${JSON.stringify(result)}`)
  assert.equal(result.ok ? undefined : result.code, code)
}

/** One accepted reservation id from a single-line reserve. */
export async function reserveOne(w: World, skuId: string, nodeId: string, quantity: number, holdUntilMs: number | null = null): Promise<string> {
  const { result } = await w.engine.submit(reserveOp([[skuId, nodeId, quantity]], { holdUntilMs }))
  const line = okValue<{ lines: Array<Result<{ id: string }>> }>(result).lines[0]
  return okValue<{ id: string }>(line, 'reserve line').id
}

export async function bucketsOf(db: Db, skuId: string, nodeId: string): Promise<Buckets> {
  const row = await db.get<PositionRow>('SELECT * FROM positions WHERE sku_id = ? AND node_id = ?', [skuId, nodeId])
  return row ? stripKey(positionOf(row)) : emptyBuckets()
}

export async function allBuckets(db: Db): Promise<Map<string, Buckets>> {
  const rows = await db.all<PositionRow>('SELECT * FROM positions')
  return new Map(rows.map((r) => [`${r.sku_id}|${r.node_id}`, stripKey(positionOf(r))]))
}

const stripKey = ({ skuId: _s, nodeId: _n, ...b }: Buckets & { skuId: string; nodeId: string }): Buckets => b

export async function count(db: Db, sql: string, params: Array<string | number> = []): Promise<number> {
  const row = await db.get<{ n: number | string | null }>(sql, params)
  return Number(row?.n ?? 0)
}

/**
 * The ledger's invariants over the whole database: each position equals the fold (SUM) of its
 * movements, reserved equals the held reservations, and no bucket is negative.
 */
export async function assertFold(db: Db): Promise<void> {
  const sums = bucketNames.map((b) => `SUM(${bucketColumns[b]}) AS ${bucketColumns[b]}`).join(', ')
  const folded = await db.all<PositionRow>(`SELECT sku_id, node_id, ${sums} FROM movements GROUP BY sku_id, node_id`)
  const held = await db.all<{ sku_id: string; node_id: string; held: string | number }>(
    `SELECT sku_id, node_id, SUM(quantity) AS held FROM reservations WHERE status = 'held' GROUP BY sku_id, node_id`)
  const positions = await allBuckets(db)
  const foldByKey = new Map(folded.map((r) => [`${r.sku_id}|${r.node_id}`, stripKey(positionOf(r))]))
  const heldByKey = new Map(held.map((r) => [`${r.sku_id}|${r.node_id}`, Number(r.held)]))
  for (const key of foldByKey.keys()) assert.ok(positions.has(key), `movements for ${key} but no position`)
  for (const [key, b] of positions) {
    assert.deepEqual(b, foldByKey.get(key) ?? emptyBuckets(), `buckets == fold(movements) at ${key}`)
    assert.equal(b.reserved, heldByKey.get(key) ?? 0, `reserved == held reservations at ${key}`)
    for (const name of bucketNames) assert.ok(b[name] >= 0, `${name} >= 0 at ${key}`)
  }
}
