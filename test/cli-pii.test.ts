/**
 * `sellahead pii status` and `sellahead pii rotate` as an operator runs them, on both stores: they
 * name the database, rotate with a progress line, leave every contact and every pickup's sealed
 * collector under the new key (so the old one can go), and fail clearly, changing nothing, when a
 * contact's or a collector's key is not configured or a key is malformed.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { place, receive, seedOrders, shipEast } from './helpers/orders.ts'
import { leaksIn, shipTo } from './helpers/pii.ts'
import { storeKinds, testPostgresUrl } from '../src/store/testing.ts'
import { KeyRing, keyIdOf, ringKeyOf, sealText } from '../src/kernel/sealing.ts'
import { pickupDesk } from './helpers/pickups.ts'

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
type Ran = { code: number; stdout: string; stderr: string }

const run = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Ran> => new Promise((resolve) => {
  execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => {
    resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
  })
})

for (const kind of await storeKinds()) {
  describe(`sellahead pii (${kind})`, () => {
    let t: TestApp
    const keyA = randomBytes(32)
    const keyB = randomBytes(32)
    let env: NodeJS.ProcessEnv
    let database: RegExp
    const collectors = ['Wang Xiaoming', 'Zhang San']
    const collectedShipments: string[] = []
    type CollectorRow = { shipment_id: string; collected_by_key: string; collected_by: string }
    const collectorRows = () => t.services.db.all<CollectorRow>('SELECT shipment_id, collected_by_key, collected_by FROM pickups WHERE collected_by IS NOT NULL ORDER BY shipment_id')
    /** Who collected each pickup, opened with `key` as its row says. */
    const openCollectors = async (key: Buffer) => {
      const ring = new KeyRing(ringKeyOf(key))
      return (await collectorRows()).map((r) => ring.open({ keyId: r.collected_by_key, sealed: r.collected_by }, `pickup:${r.shipment_id}`))
    }

    before(async () => {
      t = await startTestApp(kind, { pii: { key: keyA } })
      const w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 10)
      for (let i = 0; i < 3; i++) {
        await place(t, w.webAuth, { customerId: `c-cli-${i}`, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, shipTo })
      }
      // Two pickups handed over: each keeps who collected, sealed (and each order a contact: 5 in all).
      const desk = await pickupDesk(t, w)
      for (const [i, name] of collectors.entries()) {
        const o = await desk.placePaid([{ sku: 'SKU-A', quantity: 1 }], `c-pick-${i}`)
        const { shipmentId, code } = await desk.ready(o.id)
        await desk.collect(shipmentId, code, name)
        collectedShipments.push(shipmentId)
      }
      env = kind === 'sqlite'
        ? { ...process.env, SELLAHEAD_DB: t.testDb.sqlitePath, DATABASE_URL: '', LOG_LEVEL: 'warn' }
        : { ...process.env, DATABASE_URL: `${testPostgresUrl}?options=-c%20search_path%3D${t.testDb.schema}`, LOG_LEVEL: 'warn' }
      database = kind === 'sqlite' ? /^Database: SQLite .*test\.db$/m : /^Database: PostgreSQL /m
    })
    after(() => t.close())

    const keys = (current: Buffer, previous: Buffer[] = []) => ({
      ...env, SELLAHEAD_PII_KEY: current.toString('base64'), SELLAHEAD_PII_PREVIOUS_KEYS: previous.map((k) => k.toString('base64')).join(','),
    })

    it('rotates every contact and pickup collector to the new key, with progress; afterwards the old key is not needed', async () => {
      const status = await run(keys(keyB, [keyA]), 'pii', 'status')
      assert.equal(status.code, 0, status.stderr)
      assert.match(status.stderr, database)
      assert.match(status.stdout, new RegExp(`Current key: ${keyIdOf(keyB)} \\(SELLAHEAD_PII_KEY\\)`))
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyA)} +5 contact\\(s\\) +previous: rotate to drop it`))
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyA)} +2 pickup collector\\(s\\) +previous: rotate to drop it`))
      const before = await collectorRows()
      assert.deepEqual(before.map((r) => r.shipment_id), [...collectedShipments].sort())
      assert.deepEqual(before.map((r) => r.collected_by_key), [keyIdOf(keyA), keyIdOf(keyA)])
      assert.deepEqual((await openCollectors(keyA)).sort(), [...collectors].sort())

      const rotated = await run(keys(keyB, [keyA]), 'pii', 'rotate', '--batch', '2')
      assert.equal(rotated.code, 0, rotated.stderr)
      assert.match(rotated.stderr, database)
      assert.match(rotated.stderr, /rotate contacts: 5\/5 \(100%\)/)
      assert.match(rotated.stderr, /rotate pickup collectors: 2\/2 \(100%\)/)
      assert.match(rotated.stdout, new RegExp(`Re-sealed 5 contact\\(s\\) and 2 pickup collector\\(s\\); every contact and pickup collector is sealed under ${keyIdOf(keyB)}`))
      assert.deepEqual(leaksIn(rotated.stdout + rotated.stderr), [])
      for (const name of collectors) assert.ok(!(rotated.stdout + rotated.stderr).includes(name), 'no collector’s name in the output')
      const rows = await t.services.db.all<{ key_id: string }>('SELECT key_id FROM order_contacts')
      assert.deepEqual(rows.map((r) => r.key_id), Array(5).fill(keyIdOf(keyB)))
      const after = await collectorRows()
      assert.deepEqual(after.map((r) => r.collected_by_key), [keyIdOf(keyB), keyIdOf(keyB)])
      for (const [i, r] of after.entries()) assert.notEqual(r.collected_by, before[i].collected_by, 're-sealed, not copied')
      assert.deepEqual((await openCollectors(keyB)).sort(), [...collectors].sort(), 'still readable, with the new key alone')

      const alone = await run(keys(keyB), 'pii', 'status')
      assert.equal(alone.code, 0, alone.stderr)
      assert.match(alone.stdout, new RegExp(`${keyIdOf(keyB)} +5 contact\\(s\\) +current`))
      assert.match(alone.stdout, new RegExp(`${keyIdOf(keyB)} +2 pickup collector\\(s\\) +current`))
      const again = await run(keys(keyB), 'pii', 'rotate')
      assert.equal(again.code, 0, again.stderr)
      assert.match(again.stdout, /Re-sealed 0 contact\(s\) and 0 pickup collector\(s\)/)
    })

    it('fails clearly, changing nothing, when a key is missing or malformed', async () => {
      const keyC = randomBytes(32)
      const status = await run(keys(keyC), 'pii', 'status')
      assert.equal(status.code, 1)
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyB)} +5 contact\\(s\\) +NOT CONFIGURED`))
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyB)} +2 pickup collector\\(s\\) +NOT CONFIGURED`))
      const refused = await run(keys(keyC), 'pii', 'rotate')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, new RegExp(`not configured: ${keyIdOf(keyB)} \\(5 contact\\(s\\)\\)\\. Nothing was re-sealed: set SELLAHEAD_PII_KEY`))
      assert.match(refused.stderr, new RegExp(`not configured: ${keyIdOf(keyB)} \\(2 pickup collector\\(s\\)\\)\\. Nothing was re-sealed: set SELLAHEAD_PII_KEY`))
      const rows = await t.services.db.all<{ key_id: string }>('SELECT DISTINCT key_id FROM order_contacts')
      assert.deepEqual(rows.map((r) => r.key_id), [keyIdOf(keyB)])
      assert.deepEqual((await collectorRows()).map((r) => r.collected_by_key), [keyIdOf(keyB), keyIdOf(keyB)])
      const malformed = await run({ ...env, SELLAHEAD_PII_KEY: 'too-short' }, 'pii', 'status')
      assert.notEqual(malformed.code, 0)
      assert.match(malformed.stderr + malformed.stdout, /SELLAHEAD_PII_KEY must be 32 bytes written in base64/)
      const badPrevious = await run({ ...keys(keyB), SELLAHEAD_PII_PREVIOUS_KEYS: `${keyA.toString('base64')},nope` }, 'pii', 'status')
      assert.match(badPrevious.stderr + badPrevious.stdout, /SELLAHEAD_PII_PREVIOUS_KEYS \(key 2\) must be 32 bytes/)
      // A collector sealed under a key no longer configured stops the rotation before any contact is re-sealed.
      const keyD = randomBytes(32)
      const [first] = await collectorRows()
      await t.services.db.run('UPDATE pickups SET collected_by_key = ?, collected_by = ? WHERE shipment_id = ?', [keyIdOf(keyD), sealText(keyD, 'Someone', `pickup:${first.shipment_id}`), first.shipment_id])
      const stopped = await run(keys(keyC, [keyB]), 'pii', 'rotate')
      assert.equal(stopped.code, 1)
      assert.match(stopped.stderr, new RegExp(`not configured: ${keyIdOf(keyD)} \\(1 pickup collector\\(s\\)\\)`))
      assert.doesNotMatch(stopped.stderr, /contact\(s\)\)/)
      assert.deepEqual((await t.services.db.all<{ key_id: string }>('SELECT DISTINCT key_id FROM order_contacts')).map((r) => r.key_id), [keyIdOf(keyB)], 'no contact re-sealed')
      const usage = await run(keys(keyB), 'pii', 'shred')
      assert.equal(usage.code, 2)
      assert.match(usage.stderr, /Use: pii status \| pii rotate/)
    })
  })
}
