import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { insertMany } from '../src/inventory/ledger.ts'
import { migrate } from '../src/store/open.ts'
import { migrations } from '../src/store/schema.ts'

for (const kind of await storeKinds()) {
  describe(`storage port (${kind})`, () => {
    test('multi-row inserts keep every value exactly, however it is spelled', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        const awkward = ['plain-id_1', 'with,comma', 'with "quotes"', 'back\\slash', '{braces}', 'NULL', 'null', '', ' spaced ', '货号-红色', 'multi\nline', null]
        const rows = awkward.map((subject, i) => ['t', subject, `p${i}`, i])
        // Also identical rows, which must all be written (no value is shared by accident).
        rows.push(['t', 'same', 'same', 99], ['t', 'same', 'same', 99])
        await db.tx((tx) => insertMany(tx, 'outbox', [['topic', 'text'], ['subject', 'text'], ['payload', 'text'], ['at', 'bigint']], rows))
        const stored = await db.all<{ subject: string | null; at: number }>('SELECT subject, at FROM outbox ORDER BY id')
        assert.deepEqual(stored.map((r) => r.subject), [...awkward, 'same', 'same'])
        assert.deepEqual(stored.map((r) => Number(r.at)), [...awkward.map((_, i) => i), 99, 99])
      } finally {
        await cleanup()
      }
    })

    test('migrations apply once and a second run changes nothing', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        assert.equal(await migrate(db), 0)
        const versions = await db.all<{ version: number }>('SELECT version FROM schema_migrations')
        assert.deepEqual(versions.map((v) => Number(v.version)).sort(), migrations.map((_, i) => i + 1))
      } finally {
        await cleanup()
      }
    })
  })
}
