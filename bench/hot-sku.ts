/**
 * One hot SKU, less stock than demand, thousands of buyers in flight: the reservation engine
 * (group commit) on SQLite and PostgreSQL against the per-order-transaction design that
 * row-locking shops use, measured side by side in one run because this machine is noisy.
 *
 *   npm run bench:hot-sku
 *   HOT_STOCK=20000 HOT_DEMAND=22000 BASELINE_SECONDS=5 npm run bench:hot-sku   (quick)
 *
 * Every row's oversell is read back from the database afterwards, not from the client's count.
 * The sell-ahead rows place single-line orders (placeOp, with idempotency keys) on the same SKU
 * under a policy selling stock and a confirmed PO line: stock runs out part-way and the rest of the
 * demand is promised on the PO; their accepted/s is compared with the engine's keyed rows (target ≥ 50 %).
 * Every engine row first runs a tenth of its load on a scratch database, so that each row is
 * measured with its own code already compiled, whatever rows ran before it in this process.
 */
import pg from 'pg'
import pino from 'pino'
import { Engine } from '../src/inventory/engine.ts'
import type { ReserveOp } from '../src/inventory/ops.ts'
import { writeSlots } from '../src/supply/index.ts'
import { placeOp, type PlaceInput } from '../src/orders/index.ts'
import { dayMs, dayStartOf, ruleOf } from '../src/promising/index.ts'
import { Metrics } from '../src/http/metrics.ts'
import { systemClock } from '../src/kernel/clock.ts'
import type { Db } from '../src/store/db.ts'
import { newId } from '../src/kernel/ids.ts'
import { execSync } from 'node:child_process'
import { PostgresDb } from '../src/store/postgres.ts'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'
import { auditHotSku, envInt, printAligned, benchDb, fmt, hotNodeId, hotSkuId, runBuyers, seedHotSku, type Audit, type LoadResult } from './support.ts'

const config = {
  stock: envInt('HOT_STOCK', 200_000),
  demand: envInt('HOT_DEMAND', 220_000),
  /** Requests in flight at once against the engine: thousands, as in a flash sale. */
  buyers: envInt('HOT_BUYERS', 4_000),
  maxBatch: envInt('HOT_MAX_BATCH', 4_096),
  /** The baseline is ~100× slower: it stops at whichever of these bounds comes first. */
  baselineSeconds: envInt('BASELINE_SECONDS', 15),
  baselineMaxOrders: envInt('BASELINE_MAX_ORDERS', 20_000),
  baselinePool: envInt('BASELINE_POOL', 50),
  baselineBuyers: envInt('BASELINE_BUYERS', 500),
}

/** One row's load: units on the shelf, requests, requests in flight. */
interface Sizes {
  stock: number
  demand: number
  buyers: number
}

const warmUp: Sizes = { stock: Math.ceil(config.stock / 10), demand: Math.ceil(config.demand / 10), buyers: config.buyers }

interface Row {
  label: string
  load?: LoadResult
  audit?: Audit
  note?: string
}

const holdMs = 30 * 60_000

function reserveOp(i: number, withIdem: boolean): ReserveOp {
  return {
    kind: 'reserve',
    lines: [{ skuId: hotSkuId, nodeId: hotNodeId, quantity: 1 }],
    atomic: true,
    holdUntilMs: Date.now() + holdMs,
    channelId: 'web',
    reference: null,
    actor: 'bench',
    // A unique key per request: measures the key lookup and the unique index, never a replay.
    idem: withIdem ? { scopeKey: `bench:${i}`, requestHash: 'h' } : undefined,
  }
}

const slotId = 'pol_bench_slot'

/** Stock first, then a confirmed PO line arriving in ten days: the policy a merchant selling ahead would set. */
const sellAheadRule = ruleOf({ kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 0, horizonDays: 60, maxBeyondStock: null }, dayStartOf(Date.now()), 0)
const calendar: PlaceInput['calendar'] = { handlingDays: () => 1, transitDays: () => 1 }

/** A single-line sell-ahead order of one unit, as a channel's checkout would submit it. */
function placeInput(i: number): PlaceInput {
  const now = Date.now()
  return {
    order: {
      id: newId('ord'), channelId: 'web', customerId: `c${i}`, campaignId: null, status: 'pending_payment', currency: 'CNY',
      fulfilment: { method: 'ship', region: 'east' }, payment: { kind: 'full' }, total: 100, paid: 0, refunded: 0,
      dueAtMs: now + holdMs, reference: null, placedAtMs: now, updatedAtMs: now,
    },
    lines: [{ skuId: hotSkuId, nodeIds: [hotNodeId], quantity: 1, unitPrice: 100, rule: sellAheadRule, priorityClass: 0 }],
    calendar,
    actor: 'bench',
    idem: { scopeKey: `order|bench|${i}`, requestHash: 'h' },
  }
}

/**
 * Sell-ahead orders through the engine with idempotency keys: HOT_STOCK on the shelf and the
 * rest of the demand on a confirmed PO slot, so stock runs out part-way and every later order is
 * promised on the PO; each order writes its order and line rows in the batch.
 */
async function sellAheadRow(label: string, kind: 'sqlite' | 'postgres', sizes: Sizes = config): Promise<Row> {
  const t = await benchDb(kind, 4)
  const shelf = sizes.stock
  try {
    await seedHotSku(t.db, shelf)
    const slotUnits = Math.max(1, sizes.demand - sizes.stock)
    await t.db.tx((tx) => writeSlots(tx, [{
      id: slotId, skuId: hotSkuId, nodeId: hotNodeId, kind: 'po_confirmed', quantity: slotUnits, promised: 0,
      availableAtMs: dayStartOf(Date.now()) + 10 * dayMs, refId: 'po_bench', supplierId: null,
    }], Date.now()))
    const engine = new Engine(t.db, systemClock, new Metrics(), pino({ level: 'silent' }), { maxBatch: config.maxBatch })
    const load = await runBuyers(sizes.demand, sizes.buyers, async (i) => {
      const { result, replayed } = await engine.submit(placeOp(placeInput(i)))
      if (replayed) throw new Error(`order ${i} was answered as a replay although its key is new`)
      if (!result.ok && result.code !== 'insufficient_supply') throw new Error(`order ${i}: unexpected ${result.code}: ${result.detail}`)
      return result.ok
    })
    await engine.idle()
    return { label, load, audit: await auditSellAhead(t.db, shelf, slotUnits, load.accepted) }
  } finally {
    await t.cleanup()
  }
}

/** What a sell-ahead run left: orders == acks, O == stock held by lines ≤ stock, slot promised == Σ parts ≤ its quantity. */
async function auditSellAhead(db: Db, stock: number, slotUnits: number, clientAccepted: number): Promise<Audit> {
  const violations: string[] = []
  const orders = Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))?.n ?? 0)
  const lines = await db.all<{ stock_quantity: number | string; allocations: string }>('SELECT stock_quantity, allocations FROM order_lines')
  let held = 0
  let onSlot = 0
  for (const l of lines) {
    held += Number(l.stock_quantity)
    for (const part of JSON.parse(l.allocations).parts as Array<{ source: string; quantity: number }>) if (part.source === slotId) onSlot += part.quantity
  }
  const p = await db.get<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM positions WHERE sku_id = ? AND node_id = ?', [hotSkuId, hotNodeId])
  const slot = await db.get<{ promised: number }>('SELECT promised FROM supply_slots WHERE id = ?', [slotId])
  const fold = await db.get<{ reserved: number | null }>('SELECT SUM(reserved) AS reserved FROM movements WHERE sku_id = ? AND node_id = ?', [hotSkuId, hotNodeId])
  if (orders !== clientAccepted) violations.push(`client saw ${clientAccepted} accepted but the database holds ${orders} orders`)
  if (Number(p?.reserved) !== held) violations.push(`positions: reserved ${p?.reserved} ≠ ${held} units held by order lines`)
  if (Number(fold?.reserved ?? 0) !== held) violations.push(`movements: fold of reserved ${fold?.reserved} ≠ ${held}`)
  if (Number(slot?.promised ?? 0) !== onSlot) violations.push(`slot promised ${slot?.promised} ≠ ${onSlot} units on order lines`)
  if (held + onSlot !== clientAccepted) violations.push(`${held + onSlot} units allocated for ${clientAccepted} one-unit orders`)
  const oversold = Math.max(0, held - stock) + Math.max(0, onSlot - slotUnits)
  return { heldRows: orders, heldUnits: held + onSlot, oversold, violations }
}

/** The engine on a fresh database: every buyer submits one unit until demand is spent. */
async function engineRow(label: string, kind: 'sqlite' | 'postgres', withIdem: boolean, sizes: Sizes = config): Promise<Row> {
  const t = await benchDb(kind, 4)
  try {
    await seedHotSku(t.db, sizes.stock)
    const engine = new Engine(t.db, systemClock, new Metrics(), pino({ level: 'silent' }), { maxBatch: config.maxBatch })
    const load = await runBuyers(sizes.demand, sizes.buyers, async (i) => {
      const { result, replayed } = await engine.submit(reserveOp(i, withIdem))
      if (replayed) throw new Error(`request ${i} was answered as a replay although its key is new`)
      if (!result.ok && result.code !== 'insufficient_stock') throw new Error(`request ${i}: unexpected ${result.code}: ${result.detail}`)
      return result.ok
    })
    await engine.idle()
    return { label, load, audit: await auditHotSku(t.db, sizes.stock, load.accepted) }
  } finally {
    await t.cleanup()
  }
}

const baselineSql = {
  lock: `SELECT on_hand, reserved, unsellable, locked, transfer_reserved, virtual
         FROM positions WHERE sku_id = $1 AND node_id = $2 FOR UPDATE`,
  take: 'UPDATE positions SET reserved = reserved + 1, updated_at = $3 WHERE sku_id = $1 AND node_id = $2',
  reservation: `INSERT INTO reservations (id, sku_id, node_id, quantity, status, channel_id, hold_until, actor, created_batch, created_at)
                VALUES ($1, $2, $3, 1, 'held', 'web', $4, 'bench', $1, $5)`,
  movement: `INSERT INTO movements (sku_id, node_id, kind, quantity, request_count, reserved, batch_id, actor, at)
             VALUES ($1, $2, 'reserve', 1, 1, 1, $3, 'bench', $4)`,
}

/** One order, one transaction, the row lock held across four round trips: the design the engine replaces. */
async function orderInOneTransaction(pool: pg.Pool): Promise<boolean> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const { rows: [p] } = await client.query(baselineSql.lock, [hotSkuId, hotNodeId])
    const sellable = Number(p.on_hand) - Number(p.reserved) - Number(p.unsellable) - Number(p.locked) + Number(p.virtual) - Number(p.transfer_reserved)
    if (sellable < 1) {
      await client.query('ROLLBACK')
      return false
    }
    const now = Date.now()
    const id = newId('res')
    await client.query(baselineSql.take, [hotSkuId, hotNodeId, now])
    await client.query(baselineSql.reservation, [id, hotSkuId, hotNodeId, now + holdMs, now])
    await client.query(baselineSql.movement, [hotSkuId, hotNodeId, id, now])
    await client.query('COMMIT')
    return true
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** Per-order transactions from a pool of ~50 connections, bounded in time and count. */
async function baselineRow(): Promise<Row> {
  const t = await benchDb('postgres', 2)
  const pool = new pg.Pool({ connectionString: testPostgresUrl, max: config.baselinePool, options: `-c search_path=${t.schema}` })
  try {
    await seedHotSku(t.db, config.stock)
    // Open every connection before the clock starts: connection set-up is not what is measured.
    const clients = await Promise.all(Array.from({ length: config.baselinePool }, () => pool.connect()))
    for (const c of clients) c.release()
    const load = await runBuyers(Math.min(config.demand, config.baselineMaxOrders), config.baselineBuyers,
      () => orderInOneTransaction(pool), { deadlineSeconds: config.baselineSeconds })
    return { label: 'baseline_pg_tx_per_order', load, audit: await auditHotSku(t.db, config.stock, load.accepted) }
  } finally {
    await pool.end()
    await t.cleanup()
  }
}

/** Accepted per second while the stock lasted (to the last accepted answer). */
const acceptedRate = (l: LoadResult): number => l.accepted / l.secondsToLastAccept
const decidedRate = (l: LoadResult): number => l.decided / l.seconds

function printTable(rows: Row[]): void {
  const head = ['row', 'accepted/s*', 'decided/s', 'p50 ms', 'p99 ms', 'requests', 'accepted', 'refused', 'errors', 'sold out s', 'oversold', 'db check']
  const lines = rows.map((r) => {
    if (!r.load || !r.audit) return [r.label, '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', r.note ?? 'skipped']
    const l = r.load
    return [
      r.label, fmt(acceptedRate(l)), fmt(decidedRate(l)), l.p50.toFixed(1), l.p99.toFixed(1), fmt(l.decided + l.errors),
      fmt(l.accepted), fmt(l.decided - l.accepted), fmt(l.errors), l.secondsToLastAccept.toFixed(2), fmt(r.audit.oversold),
      r.audit.violations.length === 0 ? 'ok' : `${r.audit.violations.length} VIOLATION(S)`,
    ]
  })
  printAligned(head, lines)
  console.log('* accepted/s = accepted reservations ÷ seconds from the first request to the last accepted one (while stock lasted);')
  console.log('  decided/s = requests answered (accepted + refused insufficient_stock) ÷ wall time of the row.')
  console.log('  oversold = max(0, units in held reservations in the database − stock); db check = positions row, movements fold, client acks.')
  for (const r of rows) {
    if (r.note && r.load) console.log(`note ${r.label}: ${r.note}`)
    for (const v of r.audit?.violations ?? []) console.log(`VIOLATION ${r.label}: ${v}`)
    if (r.load?.errors) console.log(`ERROR ${r.label}: ${r.load.errors} requests failed; first: ${String(r.load.firstError)}`)
  }
}

/** One row at a time, so the rows do not compete for the two cores. */
async function main(): Promise<void> {
  const pgUp = await postgresReachable()
  const skipped = (label: string): Row => ({ label, note: `skipped: PostgreSQL unreachable at ${testPostgresUrl}` })
  console.log(`hot-sku: stock ${fmt(config.stock)}, demand ${fmt(config.demand)}, ${fmt(config.buyers)} engine requests in flight (max batch ${config.maxBatch}); ` +
    `baseline: pool ${config.baselinePool}, ${config.baselineBuyers} buyers, ≤ ${config.baselineSeconds} s or ${fmt(config.baselineMaxOrders)} orders`)
  const rows: Row[] = []
  // Each engine row: [label, store, how it runs at a given size]; the baseline is not warmed (it waits on PostgreSQL, not on compiled code).
  const engineRows: Array<[string, 'sqlite' | 'postgres', (label: string, kind: 'sqlite' | 'postgres', sizes?: Sizes) => Promise<Row>]> = [
    ['engine_sqlite', 'sqlite', (l, k, z) => engineRow(l, k, false, z)],
    ['engine_pg', 'postgres', (l, k, z) => engineRow(l, k, false, z)],
    ['engine_sqlite_idem', 'sqlite', (l, k, z) => engineRow(l, k, true, z)],
    ['engine_pg_idem', 'postgres', (l, k, z) => engineRow(l, k, true, z)],
    ['engine_sqlite_sell_ahead', 'sqlite', sellAheadRow],
    ['engine_pg_sell_ahead', 'postgres', sellAheadRow],
  ]
  const plan: Array<[string, () => Promise<Row>]> = engineRows.map(([label, kind, run]): [string, () => Promise<Row>] => [label, async () => {
    if (kind === 'postgres' && !pgUp) return skipped(label)
    await run(label, kind, warmUp)
    await settle(pgUp)
    return run(label, kind)
  }])
  plan.push(['baseline_pg_tx_per_order', () => (pgUp ? baselineRow() : Promise.resolve(skipped('baseline_pg_tx_per_order')))])
  // HOT_ROWS=engine_sqlite,engine_pg runs only those rows (quick checks, profiling).
  const only = process.env.HOT_ROWS?.split(',')
  for (const [label, run] of plan) {
    if (only && !only.includes(label)) continue
    await settle(pgUp)
    process.stderr.write(`running ${label}…\n`)
    rows.push(await run())
  }
  printTable(rows)
  const rate = (label: string) => {
    const l = rows.find((r) => r.label === label)?.load
    return l ? acceptedRate(l) : undefined
  }
  const [sqlite, postgres, baseline] = [rate('engine_sqlite'), rate('engine_pg'), rate('baseline_pg_tx_per_order')]
  const ratio = postgres !== undefined && baseline ? (postgres / baseline).toFixed(1) : 'n/a'
  const oversold = rows.reduce((sum, r) => sum + (r.audit?.oversold ?? 0), 0)
  const shown = (n: number | undefined) => (n === undefined ? 'n/a' : String(Math.round(n)))
  console.log(`hot-sku: engine_sqlite=${shown(sqlite)}/s engine_pg=${shown(postgres)}/s baseline_pg=${shown(baseline)}/s ratio_pg=${ratio} oversold=${oversold}`)
  const ratioOf = (a: string, b: string) => {
    const [x, y] = [rate(a), rate(b)]
    return x !== undefined && y ? `${Math.round((x / y) * 100)}%` : 'n/a'
  }
  console.log(`sell-ahead: sqlite=${shown(rate('engine_sqlite_sell_ahead'))}/s (${ratioOf('engine_sqlite_sell_ahead', 'engine_sqlite_idem')} of engine_sqlite_idem) ` +
    `pg=${shown(rate('engine_pg_sell_ahead'))}/s (${ratioOf('engine_pg_sell_ahead', 'engine_pg_idem')} of engine_pg_idem); target ≥ 50%`)
  const broken = rows.some((r) => (r.audit?.violations.length ?? 0) > 0 || (r.load?.errors ?? 0) > 0)
  process.exitCode = broken ? 1 : 0
}

/**
 * Each row starts on a quiet disk: the previous row's dirty pages and PostgreSQL's checkpoint
 * would otherwise be written back during the next row and charged to it.
 */
async function settle(pgUp: boolean): Promise<void> {
  execSync('sync')
  if (pgUp) {
    const db = new PostgresDb(testPostgresUrl, { poolSize: 1 })
    await db.run('CHECKPOINT').catch(() => undefined) // needs a privileged role; harmless to skip
    await db.close()
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
}

await main()
