/** Shared set-up for benchmarks: a fresh database with one hot SKU at one node, a load loop, an audit. */
import pino from 'pino'
import { freshDb, type TestDb } from '../src/store/testing.ts'
import { Engine } from '../src/inventory/engine.ts'
import { Metrics } from '../src/http/metrics.ts'
import { systemClock } from '../src/kernel/clock.ts'
import type { Db } from '../src/store/db.ts'

export const hotSkuId = 'sku_hot'
export const hotNodeId = 'node_wh1'
export const hotSkuCode = 'HOT-1'
export const hotNodeCode = 'WH1'

/** Plain SQL rows, because the catalogue service is still being written; the engine receives the stock. */
export async function seedHotSku(db: Db, stock: number): Promise<void> {
  const now = Date.now()
  await db.run('INSERT INTO skus (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [hotSkuId, hotSkuCode, 'Hot SKU', now, now])
  await db.run(`INSERT INTO nodes (id, code, name, kind, region, created_at, updated_at) VALUES (?, ?, ?, 'warehouse', 'east', ?, ?)`, [hotNodeId, hotNodeCode, 'Warehouse 1', now, now])
  const engine = new Engine(db, systemClock, new Metrics(), pino({ level: 'silent' }))
  const { result } = await engine.submit({ kind: 'receive', skuId: hotSkuId, nodeId: hotNodeId, quantity: stock, reason: 'bench stock', reference: null, actor: 'bench' })
  if (!result.ok) throw new Error(result.detail)
}

export async function benchDb(kind: 'sqlite' | 'postgres', poolSize = 10): Promise<TestDb> {
  return freshDb(kind, poolSize)
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export interface LoadResult {
  /** Wall time from the first request to the last answer. */
  seconds: number
  /** Wall time from the first request to the last accepted answer: how long the stock lasted. */
  secondsToLastAccept: number
  /** Requests answered (accepted or refused); with a deadline, fewer than asked for. */
  decided: number
  accepted: number
  /** Requests whose promise rejected (a failed batch): never counted as accepted. */
  errors: number
  firstError: unknown
  p50: number
  p99: number
}

/**
 * Runs `buyers` concurrent loops until `total` requests have been made or `deadlineSeconds` has
 * passed (no new request starts after it; those in flight finish). Each buyer has at most one
 * request outstanding, so `buyers` is the number of requests in flight.
 */
export async function runBuyers(
  total: number,
  buyers: number,
  attempt: (i: number) => Promise<boolean>,
  options: { deadlineSeconds?: number } = {},
): Promise<LoadResult> {
  const latencies = new Float64Array(total)
  const deadline = performance.now() + (options.deadlineSeconds ?? Infinity) * 1000
  let next = 0
  let accepted = 0
  let errors = 0
  let firstError: unknown
  let lastAcceptAt = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: buyers }, async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++
      const t0 = performance.now()
      try {
        if (await attempt(i)) {
          accepted++
          lastAcceptAt = performance.now()
        }
      } catch (error) {
        errors++
        firstError ??= error
      }
      latencies[i] = performance.now() - t0
    }
  }))
  const ended = performance.now()
  // Requests are numbered in start order, so the ones made are exactly 0 … next-1.
  const made = latencies.subarray(0, next).sort()
  return {
    seconds: (ended - started) / 1000,
    secondsToLastAccept: ((lastAcceptAt || ended) - started) / 1000,
    decided: next - errors,
    accepted,
    errors,
    firstError,
    p50: percentile(made, 50),
    p99: percentile(made, 99),
  }
}

export interface Audit {
  /** Held reservations of the hot SKU in the reservations table, and their units. */
  heldRows: number
  heldUnits: number
  /** max(0, held units − stock): from the database, never from the client's count. */
  oversold: number
  /** Every broken invariant, in words; empty when the database is consistent. */
  violations: string[]
}

interface PositionBuckets {
  on_hand: number; reserved: number; unsellable: number; locked: number; transfer_reserved: number; virtual: number
}

/**
 * Reads back what a run left in the database and checks it against the stock received and the
 * client's count: the positions row, the held reservations, and the movements ledger must agree.
 * `unanswered`: requests sent whose answer the client never read; each may or may not have committed.
 */
export async function auditHotSku(db: Db, stock: number, clientAccepted: number, unanswered = 0): Promise<Audit> {
  const key = [hotSkuId, hotNodeId]
  const held = await db.get<{ n: number; q: number | null }>(
    `SELECT COUNT(*) AS n, SUM(quantity) AS q FROM reservations WHERE sku_id = ? AND node_id = ? AND status = 'held'`, key)
  const p = await db.get<PositionBuckets>(
    'SELECT on_hand, reserved, unsellable, locked, transfer_reserved, virtual FROM positions WHERE sku_id = ? AND node_id = ?', key)
  const fold = await db.get<{ on_hand: number | null; reserved: number | null }>(
    'SELECT SUM(on_hand) AS on_hand, SUM(reserved) AS reserved FROM movements WHERE sku_id = ? AND node_id = ?', key)
  const heldRows = Number(held?.n ?? 0)
  const heldUnits = Number(held?.q ?? 0)
  const violations: string[] = []
  if (!p) {
    violations.push('positions row missing')
  } else {
    const b = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)])) as unknown as PositionBuckets
    const sellable = b.on_hand - b.reserved - b.unsellable - b.locked + b.virtual - b.transfer_reserved
    if (sellable < 0) violations.push(`positions: sellable ${sellable} < 0 (reserved ${b.reserved} > on_hand ${b.on_hand} + virtual ${b.virtual} − unsellable − locked − transfer_reserved)`)
    if (b.on_hand !== stock) violations.push(`positions: on_hand ${b.on_hand} ≠ stock received ${stock}`)
    if (b.reserved !== heldUnits) violations.push(`positions: reserved ${b.reserved} ≠ ${heldUnits} units in held reservations`)
    if (Number(fold?.reserved ?? 0) !== b.reserved) violations.push(`movements: fold of reserved ${fold?.reserved} ≠ positions.reserved ${b.reserved}`)
    if (Number(fold?.on_hand ?? 0) !== b.on_hand) violations.push(`movements: fold of on_hand ${fold?.on_hand} ≠ positions.on_hand ${b.on_hand}`)
  }
  // Fewer rows than acks is a lost acknowledgement. More rows than acks is a phantom, unless
  // some requests got no answer at all (the load generator hung up): those may have committed.
  if (heldRows < clientAccepted || heldRows > clientAccepted + unanswered) {
    violations.push(`client saw ${clientAccepted} accepted (${unanswered} unanswered) but the database holds ${heldRows} reservations`)
  }
  return { heldRows, heldUnits, oversold: Math.max(0, heldUnits - stock), violations }
}

/** Integer with thousands separators, for tables. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

/** A positive whole number from the environment, so benchmark sizes can be changed per run. */
export const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got '${process.env[name]}')`)
  return value
}

/** Prints a table: the first column left-aligned, numbers right-aligned, a rule under the header. */
export function printAligned(head: string[], lines: string[][]): void {
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)))
  const show = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
  console.log(show(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(show(l))
}
