import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { openDb, migrate } from '../../src/store/open.ts'
import { testPostgresUrl, freshDb, type TestDb } from '../../src/store/testing.ts'
import { createServices, type Services } from '../../src/services.ts'
import { systemClock } from '../../src/kernel/clock.ts'

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
}

/** The environment that points a server process at a test database. */
export function envFor(testDb: TestDb): Record<string, string> {
  return testDb.schema
    ? { DATABASE_URL: `${testPostgresUrl}?options=-c%20search_path%3D${testDb.schema}` }
    : { SELLAHEAD_DB: testDb.sqlitePath! }
}

/** Starts `sellahead serve` as a real process on a free port and waits until it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], {
    // One process unless a test asks for workers: a kill -9 of `child` must kill the whole server.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SELLAHEAD_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Sellahead API: (http:\/\/[\d.:]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
  })
  return { url, child, exited }
}

/** Services over the same database the processes use, for seeding and checking. */
export async function servicesFor(testDb: TestDb): Promise<Services> {
  const db = testDb.schema
    ? await openDb({ databaseUrl: testPostgresUrl, schema: testDb.schema })
    : await openDb({ sqlitePath: testDb.sqlitePath })
  await migrate(db)
  return createServices(db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
}

/** A database with one SKU and one warehouse holding `stock` units, and an admin token. */
export async function hotSkuWorld(kind: 'sqlite' | 'postgres', stock: number) {
  const testDb = await freshDb(kind)
  const services = await servicesFor(testDb)
  const now = Date.now()
  await services.db.run('INSERT INTO skus (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', ['sku_hot', 'HOT', 'Hot sneaker', now, now])
  await services.db.run(`INSERT INTO nodes (id, code, name, kind, region, created_at, updated_at) VALUES (?, ?, ?, 'warehouse', 'east', ?, ?)`, ['node_wh', 'WH', 'DC', now, now])
  await services.inventory.submit({ kind: 'receive', skuId: 'sku_hot', nodeId: 'node_wh', quantity: stock, reason: 'stock', reference: null, actor: 'test' })
  const admin = await services.tokens.create({ name: 'test', role: 'admin' })
  if (!admin.ok) throw new Error(admin.detail)
  return { testDb, services, token: admin.value.token }
}

/** POST a reservation; the status, and the id when accepted. */
export async function reserveOverHttp(url: string, token: string, key: string, signal?: AbortSignal): Promise<{ status: number; id?: string; code?: string }> {
  const res = await fetch(`${url}/v1/reservations`, {
    method: 'POST',
    signal,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ sku: 'HOT', node: 'WH', quantity: 1 }),
  })
  const body = (await res.json()) as { id?: string; code?: string }
  return { status: res.status, id: body.id, code: body.code }
}
