import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { hotSkuWorld, reserveOverHttp, startServerProcess, envFor, type ServerProcess } from './helpers/server-process.ts'

/** `clients` concurrent loops share `total` requests spread over the given servers. */
async function stampede(servers: ServerProcess[], token: string, total: number, clients: number) {
  const statuses = new Map<number, number>()
  let next = 0
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (next < total) {
      const i = next++
      const { status } = await reserveOverHttp(servers[c % servers.length].url, token, `buyer-${i}`)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
    }
  }))
  return statuses
}

async function assertExactlyStockSold(services: Awaited<ReturnType<typeof hotSkuWorld>>['services'], stock: number, statuses: Map<number, number>, demand: number) {
  assert.equal(statuses.get(201), stock, `accepted equals stock exactly: ${JSON.stringify([...statuses])}`)
  assert.equal(statuses.get(409), demand - stock, 'every other buyer was told it sold out')
  const held = await services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reservations WHERE status = 'held'`)
  assert.equal(Number(held?.n), stock)
  const position = await services.inventory.position('sku_hot', 'node_wh')
  assert.deepEqual([position.reserved, position.sellable], [stock, 0])
  const check = await services.inventory.verify()
  assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])
}

for (const kind of await storeKinds()) {
  describe(`concurrent buyers on one hot SKU (${kind})`, () => {
    test('many HTTP clients, demand above stock: exactly the stock is sold', async () => {
      const stock = 600
      const demand = 1000
      const world = await hotSkuWorld(kind, stock)
      const server = await startServerProcess(envFor(world.testDb))
      try {
        await assertExactlyStockSold(world.services, stock, await stampede([server], world.token, demand, 64), demand)
      } finally {
        server.child.kill('SIGTERM')
        await server.exited
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })
  })
}

describe('two server processes on one PostgreSQL database', { skip: !(await storeKinds()).includes('postgres') }, () => {
  test('row locks keep both processes from overselling together', async () => {
    const stock = 700
    const demand = 1200
    const world = await hotSkuWorld('postgres', stock)
    const servers = [await startServerProcess(envFor(world.testDb)), await startServerProcess(envFor(world.testDb))]
    try {
      await assertExactlyStockSold(world.services, stock, await stampede(servers, world.token, demand, 80), demand)
      const actors = await world.services.db.all<{ batches: number }>('SELECT COUNT(DISTINCT created_batch) AS batches FROM reservations')
      assert.ok(Number(actors[0].batches) >= 2, 'reservations came through more than one batch')
    } finally {
      for (const s of servers) s.child.kill('SIGTERM')
      await Promise.all(servers.map((s) => s.exited))
      await closeServices(world.services)
      await world.testDb.cleanup()
    }
  })
})
