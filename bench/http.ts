/**
 * The flash sale through the front door: a real `sellahead serve --workers N` and autocannon on
 * the same machine, 256 keep-alive connections placing orders (then, as a second row,
 * reservations) on one hot SKU until it sells out, each request with its own Idempotency-Key and
 * one in ten a retry of an earlier key; then orders again with one poisoned request every 50 ms
 * beside them. The database is read back afterwards: oversold, and every acknowledged order there.
 *
 *   npm run bench:http                                     (SQLite, then PostgreSQL)
 *   HTTP_STORES=sqlite HTTP_STOCK=20000 npm run bench:http   (quick)
 *   HTTP_WORKERS=2 npm run bench:http                      (server workers; default: cores − 1)
 *   HTTP_ROWS=orders HTTP_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench:http   (profile one row)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { Tokens } from '../src/auth/index.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { migrate, openDb } from '../src/store/open.ts'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'
import type { Db } from '../src/store/db.ts'
import { envInt, fmt, printAligned } from './support.ts'

const config = {
  /** Units per row; the run asks for more, so every row sells out and the 409 path runs too. */
  stock: envInt('HTTP_STOCK', 60_000),
  connections: envInt('HTTP_CONNECTIONS', 256),
  /**
   * Server workers: one per core the load generator leaves free (it takes one). Measured on a
   * 2-core machine, two workers beside the generator were slower than one: three busy processes
   * on two cores (docs/performance.md).
   */
  workers: envInt('HTTP_WORKERS', Math.max(1, availableParallelism() - 1)),
  /** One request in this many reuses an earlier key (a client retrying). */
  retryEvery: envInt('HTTP_RETRY_EVERY', 10),
  poisonEveryMs: envInt('HTTP_POISON_EVERY_MS', 50),
  maxSeconds: envInt('HTTP_MAX_SECONDS', 90),
  stores: (process.env.HTTP_STORES ?? 'sqlite,postgres').split(','),
  /** Which rows to run (for profiling one): orders, reservations, orders+poison. */
  rows: (process.env.HTTP_ROWS ?? 'orders,reservations,orders+poison').split(',') as RowKind[],
}

interface Prepared {
  env: Record<string, string>
  adminToken: string
  reopen(): Promise<Db>
  cleanup(): Promise<void>
}

async function adminTokenOf(db: Db): Promise<string> {
  await migrate(db)
  const created = await new Tokens(db, systemClock).create({ name: 'bench admin', role: 'admin' })
  if (!created.ok) throw new Error(created.detail)
  return created.value.token
}

async function prepareSqlite(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'sellahead-bench-http-'))
  const sqlitePath = join(dir, 'bench.db')
  const db = await openDb({ sqlitePath })
  const adminToken = await adminTokenOf(db)
  await db.close()
  return { env: { SELLAHEAD_DB: sqlitePath }, adminToken, reopen: () => openDb({ sqlitePath }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
}

async function preparePostgres(): Promise<Prepared> {
  const schema = `bench_http_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const db = await openDb({ databaseUrl: testPostgresUrl, schema, poolSize: 2 })
  const adminToken = await adminTokenOf(db)
  await db.close()
  const url = new URL(testPostgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    env: { DATABASE_URL: url.toString() },
    adminToken,
    reopen: () => openDb({ databaseUrl: testPostgresUrl, schema, poolSize: 2 }),
    cleanup: async () => {
      const admin = await openDb({ databaseUrl: testPostgresUrl, poolSize: 1 })
      await admin.run(`DROP SCHEMA ${schema} CASCADE`)
      await admin.close()
    },
  }
}

interface Server {
  child: ChildProcess
  url: string
}

/** `sellahead serve --workers N` on a free port; resolves with its URL once it listens. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const nodeOptions = process.env.HTTP_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeOptions, 'src/cli/main.ts', 'serve', '--workers', String(config.workers)], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SELLAHEAD_RATE_LIMIT_PER_TOKEN: '0', SELLAHEAD_RATE_LIMIT_PER_ADDRESS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr!.on('data', (d) => (output += d))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000)
    child.stdout!.on('data', (d) => {
      output += d
      const match = /Sellahead API: (http:\/\/[\d.:]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
  return { child, url }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}

/** CPU seconds the server used so far: the primary and every worker, from /proc. */
function serverCpuSeconds(rootPid: number): number {
  const ticksPerSecond = 100
  const pids = [rootPid, ...childPids(rootPid)]
  let ticks = 0
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch { /* exited */ }
  }
  return ticks / ticksPerSecond
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

interface World {
  channelToken: string
}

/** Through the API, as a merchant would: three hot SKUs at one warehouse, a flash channel, its token. */
async function seedWorld(url: string, adminToken: string): Promise<World> {
  const call = async (path: string, body: object, status = 201) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<Record<string, unknown>>
  }
  const node = await call('/v1/nodes', { code: 'WH1', name: 'Warehouse 1', kind: 'warehouse', region: 'east' })
  for (const sku of rowSkus) {
    await call('/v1/skus', { code: sku, name: `Hot ${sku}` })
    await call('/v1/inventory/receipts', { sku, node: 'WH1', quantity: config.stock }, 200)
  }
  const channel = await call('/v1/channels', { code: 'flash', name: 'Flash sale', kind: 'app', nodeIds: [node.id], safetyBuffer: 0 })
  const token = await call('/v1/tokens', { role: `channel:${channel.id}`, name: 'flash checkout' })
  return { channelToken: String(token.token) }
}

type RowKind = 'orders' | 'reservations' | 'orders+poison'
const rowSkus = ['HOT-ORD', 'HOT-RES', 'HOT-POI'] as const
const skuOf: Record<RowKind, string> = { orders: 'HOT-ORD', reservations: 'HOT-RES', 'orders+poison': 'HOT-POI' }

const bodyOf = (kind: RowKind): string => kind === 'reservations'
  ? JSON.stringify({ sku: skuOf[kind], node: 'WH1', quantity: 1 })
  : JSON.stringify({ customerId: 'shopper', lines: [{ sku: skuOf[kind], quantity: 1, unitPrice: 19_900 }], fulfilment: { method: 'ship', region: 'east' } })

interface Load {
  created: number
  replays: number
  soldOut: number
  /** Honest requests answered with anything but 201 or sold out. */
  honestFailures: number
  fiveXx: number
  failureSample?: string
  p50: number
  p99: number
  secondsToLastCreated: number
  unanswered: number
  cpuSeconds: number
  /** CPU seconds the load generator (this process) used meanwhile. */
  loadCpuSeconds: number
  poison?: { sent: number; fourXx: number; other: number; sample?: string }
}

/** Drives one row until the SKU sells out; the retries reuse keys already sent, with the same body. */
async function drive(server: Server, world: World, kind: RowKind): Promise<Load> {
  const body = bodyOf(kind)
  let next = 0
  const load: Load = { created: 0, replays: 0, soldOut: 0, honestFailures: 0, fiveXx: 0, p50: 0, p99: 0, secondsToLastCreated: 0, unanswered: 0, cpuSeconds: 0, loadCpuSeconds: 0 }
  let lastCreatedAt = 0
  const amount = Math.ceil(config.stock * 1.3)
  const cpuBefore = serverCpuSeconds(server.child.pid!)
  const loadCpuBefore = process.cpuUsage()
  const startedAt = performance.now()
  const poison = kind === 'orders+poison' ? poisonLoop(server.url, world.channelToken) : undefined
  const instance = autocannon({
    url: server.url,
    connections: config.connections,
    pipelining: 1,
    amount,
    timeout: 30,
    requests: [{
      method: 'POST',
      path: kind === 'reservations' ? '/v1/reservations' : '/v1/orders',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.channelToken}` },
      body,
      setupRequest: (req) => {
        const i = next++
        const key = i > config.retryEvery && i % config.retryEvery === 0 ? Math.floor(Math.random() * (i - 1)) : i
        return { ...req, headers: { ...req.headers, 'idempotency-key': `bench-${kind}-${key}` } }
      },
      onResponse: (status, text, _context, headers) => {
        if (status === 201) {
          if (headers?.['idempotent-replayed']) load.replays++
          else {
            load.created++
            lastCreatedAt = performance.now()
          }
        } else if (status === 409 && text.includes('insufficient_stock')) load.soldOut++
        else {
          load.honestFailures++
          if (status >= 500) load.fiveXx++
          load.failureSample ??= `${status} ${text.slice(0, 300)}`
        }
      },
    }],
  })
  const guard = setTimeout(() => instance.stop(), config.maxSeconds * 1000)
  const result = await instance
  clearTimeout(guard)
  load.cpuSeconds = serverCpuSeconds(server.child.pid!) - cpuBefore
  const loadCpu = process.cpuUsage(loadCpuBefore)
  load.loadCpuSeconds = (loadCpu.user + loadCpu.system) / 1e6
  if (poison) load.poison = await poison.stop()
  load.p50 = result.latency.p50
  load.p99 = result.latency.p99
  load.secondsToLastCreated = ((lastCreatedAt || performance.now()) - startedAt) / 1000
  load.unanswered = next - (load.created + load.replays + load.soldOut + load.honestFailures)
  return load
}

/** Bodies a careless or hostile client sends: each must be refused alone with a 4xx. */
const poisonBodies: unknown[] = [
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((name) => ({ customerId: 'p', customerTier: name, lines: [{ sku: 'HOT-POI', quantity: 1, unitPrice: 1 }], fulfilment: { method: 'ship', region: 'east' } })),
  { customerId: 'p', lines: [{ sku: 'constructor', quantity: 1, unitPrice: 1 }], fulfilment: { method: 'ship', region: 'east' } },
  { customerId: 'p'.repeat(10_000), lines: [{ sku: 'HOT-POI', quantity: 1, unitPrice: 1 }], fulfilment: { method: 'ship', region: 'east' } },
  { customerId: 'p', reference: 'nul\u0000here', lines: [{ sku: 'HOT-POI', quantity: 1, unitPrice: 1 }], fulfilment: { method: 'ship', region: 'east' } },
  { customerId: 'p', lines: [{ sku: 'HOT-POI', quantity: 1e20, unitPrice: 1 }], fulfilment: { method: 'ship', region: 'east' } },
  { customerId: 'p', lines: [{ sku: 'HOT-POI', quantity: 1, unitPrice: 1e13 }], fulfilment: { method: 'ship', region: 'east' } },
  '{"customerId":"p","lines":[{"sku":"HOT-POI","quantity":1,"unitPrice":1}],"fulfilment":{"method":"ship","region":"east"},"__proto__":{"admin":true}}',
]

function poisonLoop(url: string, token: string): { stop(): Promise<NonNullable<Load['poison']>> } {
  const counts: NonNullable<Load['poison']> = { sent: 0, fourXx: 0, other: 0 }
  const inFlight = new Set<Promise<void>>()
  const timer = setInterval(() => {
    const body = poisonBodies[counts.sent % poisonBodies.length]
    const sent = fetch(`${url}/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `poison-${counts.sent}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(async (res) => {
      const text = await res.text()
      if (res.status >= 400 && res.status < 500 && res.headers.get('content-type')?.startsWith('application/problem+json')) counts.fourXx++
      else {
        counts.other++
        counts.sample ??= `${res.status} ${text.slice(0, 200)}`
      }
    }, (error) => {
      counts.other++
      counts.sample ??= String(error)
    }).finally(() => inFlight.delete(sent))
    inFlight.add(sent)
    counts.sent++
  }, config.poisonEveryMs)
  return {
    async stop() {
      clearInterval(timer)
      await Promise.all(inFlight)
      return counts
    },
  }
}

interface Audit {
  oversold: number
  /** Acknowledged new orders (or reservations) missing from the database. */
  lost: number
  rows: number
}

/** From the database: S never below zero, and every acknowledged order or reservation is there. */
async function audit(db: Db, kind: RowKind, load: Load): Promise<Audit> {
  const sku = skuOf[kind]
  const p = await db.get<{ on_hand: number; reserved: number }>(
    'SELECT p.on_hand, p.reserved FROM positions p JOIN skus s ON s.id = p.sku_id WHERE s.code = ?', [sku])
  const count = kind === 'reservations'
    ? await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reservations r JOIN skus s ON s.id = r.sku_id WHERE s.code = ? AND r.status = 'held'`, [sku])
    : await db.get<{ n: number }>('SELECT COUNT(DISTINCT l.order_id) AS n FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE s.code = ?', [sku])
  const rows = Number(count?.n ?? 0)
  return {
    oversold: Math.max(0, Number(p?.reserved ?? 0) - Number(p?.on_hand ?? 0), rows - config.stock),
    lost: Math.max(0, load.created - rows),
    rows,
  }
}

interface Row {
  store: string
  kind: RowKind
  load: Load
  audit: Audit
}

async function runStore(store: string): Promise<Row[] | string> {
  if (store === 'postgres' && !(await postgresReachable())) return `skipped ${store}: PostgreSQL unreachable at ${testPostgresUrl}`
  const prepared = store === 'postgres' ? await preparePostgres() : await prepareSqlite()
  try {
    const server = await startServer(prepared.env)
    const loads: Array<{ kind: RowKind; load: Load }> = []
    try {
      const world = await seedWorld(server.url, prepared.adminToken)
      for (const kind of config.rows) {
        process.stderr.write(`  ${store}: ${kind}…\n`)
        loads.push({ kind, load: await drive(server, world, kind) })
      }
    } finally {
      await stopServer(server.child)
    }
    const db = await prepared.reopen()
    try {
      const rows: Row[] = []
      for (const { kind, load } of loads) rows.push({ store, kind, load, audit: await audit(db, kind, load) })
      return rows
    } finally {
      await db.close()
    }
  } finally {
    await prepared.cleanup()
  }
}

const rate = (l: Load): number => l.created / l.secondsToLastCreated
const answered = (l: Load): number => Math.max(1, l.created + l.replays + l.soldOut)
const cpuUsPer = (l: Load): number => (l.cpuSeconds * 1e6) / answered(l)
const loadCpuUsPer = (l: Load): number => (l.loadCpuSeconds * 1e6) / answered(l)

function printRows(rows: Row[]): void {
  const head = ['store', 'row', 'created/s*', 'p50 ms', 'p99 ms', 'created', 'replays', 'sold out', 'honest fail', '5xx', 'unanswered', 'poison 4xx', 'poison other', 'cpu µs/req', 'load gen µs/req', 'oversold', 'lost']
  printAligned(head, rows.map(({ store, kind, load: l, audit: a }) => [
    store, kind, fmt(rate(l)), String(l.p50), String(l.p99), fmt(l.created), fmt(l.replays), fmt(l.soldOut), fmt(l.honestFailures), fmt(l.fiveXx),
    fmt(l.unanswered), l.poison ? fmt(l.poison.fourXx) : '—', l.poison ? fmt(l.poison.other) : '—', fmt(cpuUsPer(l)), fmt(loadCpuUsPer(l)), fmt(a.oversold), fmt(a.lost),
  ]))
  console.log('* created/s = new orders (or reservations) ÷ seconds from the first request to the last 201; replays are retried keys answered from')
  console.log('  the original; cpu µs/req = server CPU (primary + workers, from /proc) ÷ requests answered; load gen µs/req = this process\'s CPU')
  console.log('  (autocannon) ÷ requests answered: both share the machine\'s cores; oversold and lost are read from the database.')
  for (const r of rows) {
    if (r.load.failureSample) console.log(`note ${r.store} ${r.kind}: first honest failure: ${r.load.failureSample}`)
    if (r.load.poison?.sample) console.log(`note ${r.store} ${r.kind}: first poison answered other than 4xx: ${r.load.poison.sample}`)
  }
}

async function main(): Promise<void> {
  console.log(`http: ${fmt(config.stock)} units per row, ${config.connections} keep-alive connections, ${config.workers} server worker(s), ` +
    `unique Idempotency-Key per request and 1 in ${config.retryEvery} a retry, poison every ${config.poisonEveryMs} ms in the last row; load generator on the same machine`)
  const rows: Row[] = []
  for (const store of config.stores) {
    process.stderr.write(`running http on ${store}…\n`)
    const result = await runStore(store)
    if (typeof result === 'string') console.log(result)
    else rows.push(...result)
  }
  printRows(rows)
  const ordersOf = (store: string) => rows.find((r) => r.store === store && r.kind === 'orders')
  const orderRows = rows.filter((r) => r.kind !== 'reservations')
  const p99 = Math.max(0, ...orderRows.map((r) => r.load.p99))
  const cpu = Math.max(0, ...rows.filter((r) => r.kind === 'orders').map((r) => cpuUsPer(r.load)))
  const honest = rows.reduce((n, r) => n + r.load.honestFailures, 0)
  const oversold = rows.reduce((n, r) => n + r.audit.oversold, 0)
  const shown = (store: string) => { const r = ordersOf(store); return r ? `${Math.round(rate(r.load))}/s` : 'n/a' }
  console.log(`http: orders_sqlite=${shown('sqlite')} orders_pg=${shown('postgres')} p99_ms=${p99} cpu_us_per_order=${Math.round(cpu)} honest_failures=${honest} oversold=${oversold}`)
  process.exitCode = oversold > 0 || rows.some((r) => r.audit.lost > 0) ? 1 : 0
}

await main()
