import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { envFor, hotSkuWorld, reserveOverHttp, startServerProcess } from './helpers/server-process.ts'

for (const kind of await storeKinds()) {
  describe(`kill -9 under load (${kind})`, () => {
    test('every acknowledged reservation survives the crash and the ledger still adds up', async () => {
      const stock = 100_000
      const world = await hotSkuWorld(kind, stock)
      const env = envFor(world.testDb)
      const server = await startServerProcess(env)
      const acknowledged: string[] = []
      let stop = false
      let failures = 0
      const clients = Array.from({ length: 48 }, async (_, c) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await reserveOverHttp(server.url, world.token, `c${c}-${i}`)
            if (r.status === 201) acknowledged.push(r.id!)
          } catch {
            failures++ // the connection died with the server: not acknowledged, may or may not have committed
          }
        }
      })
      // Let the load build up, then kill the process without any chance to clean up.
      while (acknowledged.length < 2000) await new Promise((resolve) => setTimeout(resolve, 20))
      server.child.kill('SIGKILL')
      await server.exited
      stop = true
      await Promise.all(clients)
      assert.ok(failures > 0 || acknowledged.length > 0)

      const restarted = await startServerProcess(env)
      try {
        const ids = new Set(acknowledged)
        const rows = await world.services.db.all<{ id: string; status: string }>(`SELECT id, status FROM reservations`)
        const stored = new Map(rows.map((r) => [r.id, r.status]))
        const lost = [...ids].filter((id) => stored.get(id) !== 'held')
        assert.deepEqual(lost, [], `${lost.length} of ${ids.size} acknowledged reservations were lost`)
        const sample = acknowledged[acknowledged.length - 1]
        const res = await fetch(`${restarted.url}/v1/reservations/${sample}`, { headers: { authorization: `Bearer ${world.token}` } })
        assert.equal(res.status, 200, 'the restarted server serves the last acknowledged reservation')
        const position = await world.services.inventory.position('sku_hot', 'node_wh')
        assert.equal(position.reserved, rows.length, 'reserved equals the reservations that committed')
        assert.ok(position.sellable >= 0)
        const check = await world.services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])
      } finally {
        restarted.child.kill('SIGTERM')
        await restarted.exited
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })
  })
}
