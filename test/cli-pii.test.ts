/**
 * `sellahead pii status` and `sellahead pii rotate` as an operator runs them, on both stores: they
 * name the database, rotate with a progress line, leave every contact under the new key (so the old
 * one can go), and fail clearly, changing nothing, when a contact's key is not configured or a key is
 * malformed.
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
import { keyIdOf } from '../src/kernel/sealing.ts'

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

    before(async () => {
      t = await startTestApp(kind, { pii: { key: keyA } })
      const w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 10)
      for (let i = 0; i < 3; i++) {
        await place(t, w.webAuth, { customerId: `c-cli-${i}`, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, shipTo })
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

    it('rotates every contact to the new key, with progress; afterwards the old key is not needed', async () => {
      const status = await run(keys(keyB, [keyA]), 'pii', 'status')
      assert.equal(status.code, 0, status.stderr)
      assert.match(status.stderr, database)
      assert.match(status.stdout, new RegExp(`Current key: ${keyIdOf(keyB)} \\(SELLAHEAD_PII_KEY\\)`))
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyA)} +3 contact\\(s\\) +previous: rotate to drop it`))

      const rotated = await run(keys(keyB, [keyA]), 'pii', 'rotate', '--batch', '2')
      assert.equal(rotated.code, 0, rotated.stderr)
      assert.match(rotated.stderr, database)
      assert.match(rotated.stderr, /rotate contacts: 3\/3 \(100%\)/)
      assert.match(rotated.stdout, new RegExp(`Re-sealed 3 contact\\(s\\); every contact is sealed under ${keyIdOf(keyB)}`))
      assert.deepEqual(leaksIn(rotated.stdout + rotated.stderr), [])
      const rows = await t.services.db.all<{ key_id: string }>('SELECT key_id FROM order_contacts')
      assert.deepEqual(rows.map((r) => r.key_id), [keyIdOf(keyB), keyIdOf(keyB), keyIdOf(keyB)])

      const alone = await run(keys(keyB), 'pii', 'status')
      assert.equal(alone.code, 0, alone.stderr)
      assert.match(alone.stdout, new RegExp(`${keyIdOf(keyB)} +3 contact\\(s\\) +current`))
      const again = await run(keys(keyB), 'pii', 'rotate')
      assert.equal(again.code, 0, again.stderr)
      assert.match(again.stdout, /Re-sealed 0 contact\(s\)/)
    })

    it('fails clearly, changing nothing, when a key is missing or malformed', async () => {
      const keyC = randomBytes(32)
      const status = await run(keys(keyC), 'pii', 'status')
      assert.equal(status.code, 1)
      assert.match(status.stdout, new RegExp(`${keyIdOf(keyB)} +3 contact\\(s\\) +NOT CONFIGURED`))
      const refused = await run(keys(keyC), 'pii', 'rotate')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, new RegExp(`not configured: ${keyIdOf(keyB)} \\(3 contact\\(s\\)\\)\\. Nothing was re-sealed: set SELLAHEAD_PII_KEY`))
      const rows = await t.services.db.all<{ key_id: string }>('SELECT DISTINCT key_id FROM order_contacts')
      assert.deepEqual(rows.map((r) => r.key_id), [keyIdOf(keyB)])
      const malformed = await run({ ...env, SELLAHEAD_PII_KEY: 'too-short' }, 'pii', 'status')
      assert.notEqual(malformed.code, 0)
      assert.match(malformed.stderr + malformed.stdout, /SELLAHEAD_PII_KEY must be 32 bytes written in base64/)
      const badPrevious = await run({ ...keys(keyB), SELLAHEAD_PII_PREVIOUS_KEYS: `${keyA.toString('base64')},nope` }, 'pii', 'status')
      assert.match(badPrevious.stderr + badPrevious.stdout, /SELLAHEAD_PII_PREVIOUS_KEYS \(key 2\) must be 32 bytes/)
      const usage = await run(keys(keyB), 'pii', 'shred')
      assert.equal(usage.code, 2)
      assert.match(usage.stderr, /Use: pii status \| pii rotate/)
    })
  })
}
