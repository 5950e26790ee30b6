/**
 * The whole path a shop's checkout takes: a real `sellahead serve` child process, autocannon
 * driving POST /v1/reservations on one hot SKU with a unique Idempotency-Key per request, and
 * the database read back afterwards for oversell.
 *
 *   npm run bench:http                                  (SQLite, then PostgreSQL when reachable)
 *   HTTP_STORES=sqlite HTTP_REQUESTS=20000 npm run bench:http   (quick)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon, { type Result as AutocannonResult } from 'autocannon'
import { Tokens } from '../src/auth/index.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { migrate, openDb } from '../src/store/open.ts'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'
import type { Db } from '../src/store/db.ts'
import { auditHotSku, envInt, printAligned, fmt, hotNodeCode, hotSkuCode, seedHotSku, type Audit } from './support.ts'

const config = {
  /** Less stock than requests, so the run sells out and the 409 path is exercised too. */
  stock: envInt('HTTP_STOCK', 20_000),
  /** A fixed count rather than a duration: every request is answered, so acks can be matched to rows. */
  requests: envInt('HTTP_REQUESTS', 25_000),
  connections: envInt('HTTP_CONNECTIONS', 128),
  pipelining: envInt('HTTP_PIPELINING', 4),
  /** Hard bound per store; autocannon is stopped if it has not finished by then. */
  maxSeconds: envInt('HTTP_MAX_SECONDS', 60),
  stores: (process.env.HTTP_STORES ?? 'sqlite,postgres').split(','),
}

/** A database prepared for the server child: where it is, who may call, how to clean up. */
interface Prepared {
  env: Record<string, string>
  token: string
  /** Opens the same database again for the audit. */
  reopen(): Promise<Db>
  cleanup(): Promise<void>
}

/** Seeds through the same modules the server uses, then closes, so the child owns the database. */
async function seed(db: Db): Promise<string> {
  await migrate(db)
  await seedHotSku(db, config.stock)
  const created = await new Tokens(db, systemClock).create({ name: 'bench admin', role: 'admin' })
  if (!created.ok) throw new Error(created.detail)
  return created.value.token
}

async function prepareSqlite(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'sellahead-bench-http-'))
  const sqlitePath = join(dir, 'bench.db')
  const db = await openDb({ sqlitePath })
  const token = await seed(db)
  await db.close()
  return {
    env: { SELLAHEAD_DB: sqlitePath },
    token,
    reopen: () => openDb({ sqlitePath }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function preparePostgres(): Promise<Prepared> {
  const schema = `bench_http_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const db = await openDb({ databaseUrl: testPostgresUrl, schema, poolSize: 2 })
  const token = await seed(db)
  await db.close()
  // The server takes only DATABASE_URL; the schema travels as a connection option in the URL.
  const url = new URL(testPostgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    env: { DATABASE_URL: url.toString() },
    token,
    reopen: () => openDb({ databaseUrl: testPostgresUrl, schema, poolSize: 2 }),
    cleanup: async () => {
      const admin = await openDb({ databaseUrl: testPostgresUrl, poolSize: 1 })
      await admin.run(`DROP SCHEMA ${schema} CASCADE`)
      await admin.close()
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Starts `node src/cli/main.ts serve` and resolves once /healthz answers. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort()
  // HTTP_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
  const nodeOptions = process.env.HTTP_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeOptions, 'src/cli/main.ts', 'serve'], {
    cwd: new URL('..', import.meta.url).pathname,
    // DATABASE_URL from our own environment must not leak into the SQLite run.
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, output: () => output }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`server did not answer /healthz within 30 s:\n${output}`)
}

/** SIGTERM drains in-flight batches; SIGKILL only if it hangs. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

interface Load {
  result: AutocannonResult
  created: number
  soldOut: number
  other: number
  /** First request to last 201: how long the stock lasted. */
  secondsToLastCreated: number
  /** Requests autocannon sent but whose answer it never read. */
  unanswered: number
  otherSample?: string
}

/** Drives the hot SKU; every request carries its own Idempotency-Key, so none is a replay. */
async function drive(url: string, token: string): Promise<Load> {
  let next = 0
  let created = 0
  let soldOut = 0
  let other = 0
  let otherSample: string | undefined
  let lastCreatedAt = 0
  const startedAt = performance.now()
  const instance = autocannon({
    url,
    connections: config.connections,
    pipelining: config.pipelining,
    amount: config.requests,
    timeout: 30,
    requests: [{
      method: 'POST',
      path: '/v1/reservations',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ sku: hotSkuCode, node: hotNodeCode, quantity: 1 }),
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${next++}` } }),
      onResponse: (status, body) => {
        if (status === 201) {
          created++
          lastCreatedAt = performance.now()
        } else if (status === 409 && body.includes('insufficient_stock')) soldOut++
        else {
          other++
          otherSample ??= `${status} ${body.slice(0, 300)}`
        }
      },
    }],
  })
  const guard = setTimeout(() => instance.stop(), config.maxSeconds * 1000)
  const result = await instance
  clearTimeout(guard)
  const secondsToLastCreated = ((lastCreatedAt || performance.now()) - startedAt) / 1000
  const unanswered = next - (created + soldOut + other)
  return { result, created, soldOut, other, secondsToLastCreated, unanswered, otherSample }
}

/**
 * GET /healthz on the same server, same connections: what this machine's HTTP stack alone
 * manages while autocannon shares the two cores, so the reserve rate can be read against it.
 */
async function healthzCeiling(url: string): Promise<number> {
  const result = await autocannon({ url: `${url}/healthz`, connections: config.connections, pipelining: config.pipelining, duration: 3 })
  return result.requests.average
}

interface Row {
  store: string
  healthzPerSecond?: number
  load?: Load
  audit?: Audit
  note?: string
}

async function runStore(store: string): Promise<Row> {
  if (store === 'postgres' && !(await postgresReachable())) return { store, note: `skipped: PostgreSQL unreachable at ${testPostgresUrl}` }
  const prepared = store === 'postgres' ? await preparePostgres() : await prepareSqlite()
  try {
    const server = await startServer(prepared.env)
    let load: Load
    let healthzPerSecond: number
    try {
      healthzPerSecond = await healthzCeiling(server.url)
      load = await drive(server.url, prepared.token)
    } finally {
      await stopServer(server.child)
    }
    const db = await prepared.reopen()
    try {
      // autocannon stops once `amount` answers arrived and drops the last pipelined requests
      // unread; those few may have committed, so they widen the range the row count may take.
      return { store, healthzPerSecond, load, audit: await auditHotSku(db, config.stock, load.created, load.unanswered) }
    } finally {
      await db.close()
    }
  } finally {
    await prepared.cleanup()
  }
}

const createdRate = (l: Load): number => l.created / l.secondsToLastCreated

function printRows(rows: Row[]): void {
  const head = ['store', '201/s*', 'req/s', 'p50 ms', 'p99 ms', 'requests', '201', '409', 'other', 'unanswered', 'sold out s', 'oversold', 'db check', 'healthz req/s']
  const lines = rows.map((r) => {
    if (!r.load || !r.audit) return [r.store, ...Array(head.length - 3).fill('—'), r.note ?? 'skipped', '—']
    const { result: a } = r.load
    return [
      r.store, fmt(createdRate(r.load)), fmt(a.requests.average), String(a.latency.p50), String(a.latency.p99),
      fmt(r.load.created + r.load.soldOut + r.load.other), fmt(r.load.created), fmt(r.load.soldOut), fmt(r.load.other),
      fmt(r.load.unanswered), r.load.secondsToLastCreated.toFixed(2), fmt(r.audit.oversold),
      r.audit.violations.length === 0 ? 'ok' : `${r.audit.violations.length} VIOLATION(S)`, fmt(r.healthzPerSecond ?? 0),
    ]
  })
  printAligned(head, lines)
  console.log('* 201/s = reservations created ÷ seconds from the first request to the last 201 (while stock lasted);')
  console.log('  req/s, p50, p99 = autocannon over all requests (201 and 409 alike); unanswered = sent but never read by autocannon')
  console.log('  (it stops at `amount` answers); oversold is read from the database afterwards; healthz req/s = GET /healthz, 3 s, same load shape.')
  for (const r of rows) if (r.load && (r.load.result.errors > 0 || r.load.result.timeouts > 0)) console.log(`note ${r.store}: autocannon errors ${r.load.result.errors}, timeouts ${r.load.result.timeouts}`)
  for (const r of rows) {
    if (r.load?.otherSample) console.log(`note ${r.store}: first unexpected answer: ${r.load.otherSample}`)
    for (const v of r.audit?.violations ?? []) console.log(`VIOLATION ${r.store}: ${v}`)
  }
}

async function main(): Promise<void> {
  console.log(`http: stock ${fmt(config.stock)}, ${fmt(config.requests)} requests, ${config.connections} connections × pipelining ${config.pipelining}, ` +
    `unique Idempotency-Key per request, server: node src/cli/main.ts serve (LOG_LEVEL=warn)`)
  const rows: Row[] = []
  for (const store of config.stores) {
    process.stderr.write(`running http on ${store}…\n`)
    rows.push(await runStore(store))
  }
  printRows(rows)
  const first = rows.find((r) => r.load)
  const oversold = rows.reduce((sum, r) => sum + (r.audit?.oversold ?? 0), 0)
  // The summary line stays in one fixed format for scripts: the first store (SQLite by default);
  // every other store gets its own line just above it. oversold sums all stores.
  for (const r of rows) if (r.load && r !== first) console.log(`http_${r.store}: reserve=${Math.round(createdRate(r.load))}/s p99_ms=${r.load.result.latency.p99}`)
  console.log(first?.load
    ? `http: reserve=${Math.round(createdRate(first.load))}/s p99_ms=${first.load.result.latency.p99} oversold=${oversold}`
    : `http: reserve=n/a p99_ms=n/a oversold=${oversold}`)
  process.exitCode = rows.some((r) => (r.audit?.violations.length ?? 0) > 0 || (r.load?.other ?? 0) > 0) ? 1 : 0
}

await main()
