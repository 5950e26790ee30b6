/** kill -9 while goods are being received: every acknowledged receipt is whole, and no receipt is half written. */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { envFor, servicesFor, startServerProcess } from './helpers/server-process.ts'

for (const kind of await storeKinds()) {
  describe(`kill -9 while receiving (${kind})`, () => {
    test('acknowledged receipts survive, and PO lines, receipts and stock agree after the restart', async () => {
      const testDb = await freshDb(kind)
      const services = await servicesFor(testDb)
      const admin = await services.tokens.create({ name: 'test', role: 'admin' })
      if (!admin.ok) throw new Error(admin.detail)
      const env = envFor(testDb)
      const server = await startServerProcess(env)
      // A failed assertion must not leave the server running and the test waiting for it.
      const killed = setTimeout(() => server.child.kill('SIGKILL'), 120_000)
      killed.unref()
      let baseUrl = server.url
      const api = async (method: string, path: string, body?: object, key?: string) => {
        const res = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${admin.value.token}`, ...(body && { 'content-type': 'application/json' }), ...(key && { 'idempotency-key': key }) },
          body: body && JSON.stringify(body),
        })
        return { status: res.status, body: (await res.json()) as any }
      }
      await api('POST', '/v1/skus', { code: 'TEE', name: 'Tee' })
      await api('POST', '/v1/nodes', { code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' })
      await api('POST', '/v1/suppliers', { code: 'S1', name: 'Supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30, instalments: null } })
      const po = (await api('POST', '/v1/purchase-orders', { supplier: 'S1', destination: 'WH', lines: [{ sku: 'TEE', quantity: 1_000_000, unitCost: 100 }] })).body
      assert.equal((await api('POST', `/v1/purchase-orders/${po.id}/send`)).status, 200)

      const acknowledged: string[] = []
      let stop = false
      const clients = Array.from({ length: 16 }, async (_, c) => {
        for (let i = 0; !stop; i++) {
          try {
            // Every third receipt has a unit failing inspection: two stock movements in one receipt.
            const failed = i % 3 === 0 ? 1 : 0
            const r = await api('POST', `/v1/purchase-orders/${po.id}/receipts`, {
              lines: [{ line: '1', quantityPassed: 2, quantityFailed: failed, ...(failed && { failReason: 'torn' }) }],
            }, `c${c}-${i}`)
            if (r.status === 201) acknowledged.push(r.body.id)
          } catch {
            // The connection died with the server: not acknowledged.
          }
        }
      })
      for (let waitedMs = 0; acknowledged.length < 300; waitedMs += 10) {
        if (waitedMs > 60_000) server.child.kill('SIGKILL')
        assert.ok(waitedMs <= 60_000, `only ${acknowledged.length} receipts acknowledged in a minute`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      server.child.kill('SIGKILL')
      await server.exited
      stop = true
      await Promise.all(clients)

      const restarted = await startServerProcess(env)
      baseUrl = restarted.url
      try {
        const receipts = await services.db.all<{ id: string }>('SELECT id FROM receipts')
        const stored = new Set(receipts.map((r) => r.id))
        assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'every acknowledged receipt is stored')
        const sums = await services.db.get<{ passed: number; failed: number; n: number }>(
          'SELECT SUM(quantity_passed) AS passed, SUM(quantity_failed) AS failed, COUNT(*) AS n FROM receipt_lines')
        assert.equal(Number(sums!.n), receipts.length, 'one line per receipt: none half written')
        const line = (await api('GET', `/v1/purchase-orders/${po.id}`)).body.lines[0]
        const counted = Number(sums!.passed) + Number(sums!.failed)
        assert.deepEqual([line.quantityReceived, line.quantityPassed, line.quantityFailed], [counted, Number(sums!.passed), Number(sums!.failed)])
        const position = await services.inventory.position((await services.catalogue.resolveSku('TEE'))!.id, (await services.catalogue.resolveNode('WH'))!.id)
        assert.deepEqual([position.onHand, position.unsellable], [counted, Number(sums!.failed)], 'stock equals what the receipts say')
        const check = await services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])
        // A retried acknowledged receipt replays instead of receiving twice.
        const replay = await fetch(`${restarted.url}/v1/purchase-orders/${po.id}/receipts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.value.token}`, 'content-type': 'application/json', 'idempotency-key': 'c0-0' },
          body: JSON.stringify({ lines: [{ line: '1', quantityPassed: 2, quantityFailed: 1, failReason: 'torn' }] }),
        })
        assert.equal(replay.status, 201)
        assert.equal(replay.headers.get('idempotent-replayed'), 'true')
      } finally {
        restarted.child.kill('SIGTERM')
        await restarted.exited
        await closeServices(services)
        await testDb.cleanup()
      }
    })
  })
}
