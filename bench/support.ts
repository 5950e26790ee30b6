/** Shared set-up for benchmarks: a fresh database with one hot SKU at one node. */
import pino from 'pino'
import { freshDb, type TestDb } from '../src/store/testing.ts'
import { Engine } from '../src/inventory/engine.ts'
import { Metrics } from '../src/http/metrics.ts'
import { systemClock } from '../src/kernel/clock.ts'
import type { Db } from '../src/store/db.ts'

export const hotSkuId = 'sku_hot'
export const hotNodeId = 'node_wh1'

export async function seedHotSku(db: Db, stock: number): Promise<void> {
  const now = Date.now()
  await db.run('INSERT INTO skus (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [hotSkuId, 'HOT-1', 'Hot SKU', now, now])
  await db.run(`INSERT INTO nodes (id, code, name, kind, region, created_at, updated_at) VALUES (?, ?, ?, 'warehouse', 'east', ?, ?)`, [hotNodeId, 'WH1', 'Warehouse 1', now, now])
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

/** Runs `buyers` concurrent loops until `total` requests have been made; returns latencies in ms. */
export async function runBuyers(total: number, buyers: number, attempt: (i: number) => Promise<boolean>) {
  const latencies = new Float64Array(total)
  let next = 0
  let accepted = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: buyers }, async () => {
    while (next < total) {
      const i = next++
      const t0 = performance.now()
      if (await attempt(i)) accepted++
      latencies[i] = performance.now() - t0
    }
  }))
  const seconds = (performance.now() - started) / 1000
  latencies.sort()
  return { seconds, accepted, total, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}
