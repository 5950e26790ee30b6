/**
 * `sellahead serve --workers N`: N server processes share the port (node:cluster hands each
 * new connection to the next worker), so every core parses HTTP and runs handlers. Each worker
 * batches its own requests; batches from different workers are serialised by the database
 * (PostgreSQL row locks, SQLite's write lock), exactly as for several server instances. Timed
 * sweeps (payment deadlines, hold expiry, overdue supply) run in the first worker only, so they
 * are not done N times over.
 */
import cluster from 'node:cluster'
import type { Config } from './config.ts'
import { openConfiguredDb, startServer, type RunningServer } from './server.ts'

/** Set by the primary on each worker: its number from 1, which decides who sweeps. */
const workerIdVariable = 'SELLAHEAD_WORKER_ID'

/** A worker that dies unexpectedly is replaced, unless it keeps dying: then the primary gives up. */
const maxRestartsPerMinute = 10

export interface Serving {
  url: string
  database: string
  workers: number
}

/**
 * In the primary: migrates once, forks the workers, resolves when all listen. In a worker:
 * starts its server (and never resolves, the worker serves until told to stop).
 * With one worker the server runs in this process, no cluster at all.
 */
export async function serve(config: Config, workers: number): Promise<Serving> {
  if (workers <= 1) return servingOf(await startServer(config), 1)
  if (cluster.isWorker) return servingOf(await startWorker(config), workers)
  return startPrimary(config, workers)
}

const servingOf = (server: RunningServer, workers: number): Serving => ({ url: server.url, database: server.services.db.description, workers })

async function startWorker(config: Config): Promise<RunningServer> {
  const first = process.env[workerIdVariable] === '1'
  const server = await startServer({ ...config, sweeps: first })
  // The primary is gone (killed, crashed): stop taking requests, answer those in flight, exit.
  process.once('disconnect', () => void server.close().then(() => process.exit(0)))
  return server
}

async function startPrimary(config: Config, workers: number): Promise<Serving> {
  // Migrations once, before any worker opens the database.
  const db = await openConfiguredDb(config)
  const database = db.description
  await db.close()
  let stopping = false
  const restarts: number[] = []
  const fork = (id: number) => cluster.fork({ [workerIdVariable]: String(id) }).once('exit', (code, signal) => {
    if (stopping) return
    const nowMs = Date.now()
    restarts.push(nowMs)
    while (restarts[0] < nowMs - 60_000) restarts.shift()
    if (restarts.length > maxRestartsPerMinute) {
      console.error(`Worker ${id} keeps exiting (last: ${signal ?? `code ${code}`}); stopping. Check the log above for the cause.`)
      stopAll(1)
      return
    }
    console.error(`Worker ${id} exited (${signal ?? `code ${code}`}); starting a new one.`)
    fork(id)
  })
  /** Each worker stops taking requests, answers those in flight and closes the database; the primary exits after the last. */
  const stopAll = (exitCode: number) => {
    stopping = true
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined && !w.isDead())
    let left = running.length
    if (left === 0) process.exit(exitCode)
    for (const w of running) {
      w!.once('exit', () => --left === 0 && process.exit(exitCode))
      w!.process.kill('SIGTERM')
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopAll(0))
  const listening = new Promise<string>((resolve) => {
    let count = 0
    cluster.on('listening', (_worker, address) => {
      if (++count === workers) resolve(`http://${address.address === '0.0.0.0' || !address.address ? '127.0.0.1' : address.address}:${address.port}`)
    })
  })
  for (let id = 1; id <= workers; id++) fork(id)
  return { url: await listening, database, workers }
}
