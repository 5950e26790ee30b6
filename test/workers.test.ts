/**
 * `sellahead serve --workers 2`: two processes take connections on one port, each batching its
 * own requests, on both stores. A hot SKU sold out through both must never be oversold, every
 * acknowledged reservation must be in the database, SIGTERM must stop every process, and a worker
 * killed with -9 must be replaced without losing anything it acknowledged.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { envFor, hotSkuWorld, reserveOverHttp, startServerProcess } from './helpers/server-process.ts'

const workerPids = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)

/** Waits until `done()` holds, failing (never hanging) after `timeoutMs`. */
async function waitFor(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** SIGTERM, then SIGKILL for the primary and every worker if they have not gone within 15 s. */
async function stopServer(server: { child: ChildProcess; exited: Promise<number | null> }, workers: () => number[]): Promise<void> {
  const left = workers()
  server.child.kill('SIGTERM')
  const gone = await Promise.race([server.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))])
  if (gone) return
  for (const pid of [...left, ...workers()]) if (alive(pid)) process.kill(pid, 'SIGKILL')
  server.child.kill('SIGKILL')
  await server.exited
  throw new Error('the server did not stop within 15 s of SIGTERM')
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

for (const kind of await storeKinds()) {
  describe(`serve --workers 2 (${kind})`, () => {
    test('a hot SKU sold out through two workers: never oversold, every acknowledgement stored, SIGTERM stops all', async () => {
      const stock = 600
      const world = await hotSkuWorld(kind, stock)
      const server = await startServerProcess({ ...envFor(world.testDb), SELLAHEAD_WORKERS: '2' })
      try {
        const workers = workerPids(server.child.pid!)
        assert.equal(workers.length, 2, 'two worker processes serve the port')
        const acknowledged: string[] = []
        const refusals = new Map<string, number>()
        let next = 0
        // Separate connections per client, so the primary hands them to both workers.
        await Promise.all(Array.from({ length: 32 }, async () => {
          while (next < stock + 200) {
            const r = await reserveOverHttp(server.url, world.token, `w-${next++}`)
            if (r.status === 201) acknowledged.push(r.id!)
            else refusals.set(`${r.status} ${r.code}`, (refusals.get(`${r.status} ${r.code}`) ?? 0) + 1)
          }
        }))
        assert.equal(acknowledged.length, stock, 'exactly the stock was sold')
        assert.deepEqual([...refusals], [['409 insufficient_stock', 200]], 'every other request was refused as sold out')
        const rows = await world.services.db.all<{ id: string }>(`SELECT id FROM reservations WHERE status = 'held'`)
        assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(acknowledged), 'every acknowledged reservation is stored, and nothing else')
        const position = await world.services.inventory.position('sku_hot', 'node_wh')
        assert.deepEqual([position.onHand, position.reserved, position.sellable], [stock, stock, 0])
        const check = await world.services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])

        server.child.kill('SIGTERM')
        assert.equal(await server.exited, 0, 'the primary exits cleanly')
        assert.deepEqual(workers.filter(alive), [], 'no worker outlives the primary')
      } finally {
        if (server.child.exitCode === null) server.child.kill('SIGKILL')
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })

    test('a worker killed with -9 under load is replaced; every acknowledgement survives and the ledger adds up', async () => {
      const stock = 100_000
      const world = await hotSkuWorld(kind, stock)
      const server = await startServerProcess({ ...envFor(world.testDb), SELLAHEAD_WORKERS: '2' })
      try {
        const [victim, survivor] = workerPids(server.child.pid!)
        const acknowledged: string[] = []
        let stop = false
        let next = 0
        const clients = Array.from({ length: 32 }, async () => {
          while (!stop) {
            try {
              const r = await reserveOverHttp(server.url, world.token, `k-${next++}`, AbortSignal.timeout(10_000))
              if (r.status === 201) acknowledged.push(r.id!)
            } catch { /* the connection died with its worker (or timed out): not acknowledged */ }
          }
        })
        try {
          await waitFor('500 acknowledgements', () => acknowledged.length >= 500)
          process.kill(victim, 'SIGKILL')
          await waitFor('a new worker', () => { const now = workerPids(server.child.pid!); return now.length === 2 && !now.includes(victim) })
          assert.ok(workerPids(server.child.pid!).includes(survivor), 'the other worker kept serving')
          const before = acknowledged.length
          await waitFor('500 more acknowledgements after the kill', () => acknowledged.length >= before + 500)
        } finally {
          stop = true
          await Promise.all(clients)
        }

        const rows = await world.services.db.all<{ id: string }>(`SELECT id FROM reservations WHERE status = 'held'`)
        const stored = new Set(rows.map((r) => r.id))
        assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'no acknowledged reservation was lost')
        const position = await world.services.inventory.position('sku_hot', 'node_wh')
        assert.equal(position.reserved, rows.length, 'reserved equals the reservations that committed')
        const check = await world.services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])
      } finally {
        await stopServer(server, () => (alive(server.child.pid!) ? workerPids(server.child.pid!) : []))
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })
  })
}
