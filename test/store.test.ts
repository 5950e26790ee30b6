import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { chunkSize, insertMany, selectIn } from '../src/store/sql.ts'
import { SqliteDb } from '../src/store/sqlite.ts'
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

    test('inserts and key lookups of any size write and find every row', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        let written = 0
        for (const count of [1, 2, 3, 7, 100, 1023, 5000]) {
          const rows = Array.from({ length: count }, (_, i) => ['size', `s${count}-${i}`, 'p', i])
          await db.tx((tx) => insertMany(tx, 'outbox', [['topic', 'text'], ['subject', 'text'], ['payload', 'text'], ['at', 'bigint']], rows))
          written += count
          const found = await db.tx((tx) => selectIn<{ subject: string }>(tx, 'SELECT subject FROM outbox WHERE subject', rows.map((r) => String(r[1]))))
          assert.deepEqual(found.map((r) => r.subject).sort(), rows.map((r) => String(r[1])).sort())
        }
        assert.equal(Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox'))?.n), written)
        const twice = await db.tx((tx) => selectIn<{ subject: string }>(tx, 'SELECT subject FROM outbox WHERE subject', ['s3-0', 's3-0', 's3-2', 'nope']))
        assert.deepEqual(twice.map((r) => r.subject).sort(), ['s3-0', 's3-2'], 'a key asked twice answers its row once')
        if (db instanceof SqliteDb) assert.ok(db.preparedStatements <= 256, `${db.preparedStatements} statements kept prepared`)
      } finally {
        await cleanup()
      }
    })

    test('migrations apply once and a second run changes nothing', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        assert.equal(await migrate(db), 0)
        const versions = await db.all<{ version: number }>('SELECT version FROM schema_migrations')
        assert.deepEqual(versions.map((v) => Number(v.version)).sort((a, b) => a - b), migrations.map((_, i) => i + 1))
      } finally {
        await cleanup()
      }
    })
  })
}

test('SQLite keeps a bounded number of prepared statements, however many shapes of SQL it sees', async () => {
  const db = new SqliteDb(':memory:')
  try {
    for (let n = 1; n <= 600; n++) assert.equal(Number((await db.get<{ n: number }>(`SELECT ${n} AS n`))?.n), n)
    assert.equal(db.preparedStatements, 256)
  } finally {
    await db.close()
  }
})

test('chunks are powers of two within the limit and add up to the rows', () => {
  for (const [total, most] of [[1, 8], [4095, 30_000], [4096, 1000], [10_001, 8192], [7, 1]]) {
    const sizes: number[] = []
    for (let left = total; left > 0; left -= sizes.at(-1)!) sizes.push(chunkSize(left, most))
    assert.equal(sizes.reduce((a, b) => a + b, 0), total)
    for (const size of sizes) assert.ok(size <= most && (size & (size - 1)) === 0, `chunk of ${size} for ${total} rows at most ${most}`)
  }
})

test('SQLite refuses a statement on the database handle from inside one of its transactions instead of waiting for itself', async () => {
  const db = new SqliteDb(':memory:')
  try {
    const inside = db.tx(async () => db.get('SELECT 1 AS n'))
    await assert.rejects(inside, /pass the transaction/)
    assert.equal(Number((await db.get<{ n: number }>('SELECT 1 AS n'))?.n), 1, 'the handle works again once the transaction is over')
    assert.equal(await db.tx(async (tx) => Number((await tx.get<{ n: number }>('SELECT 2 AS n'))?.n)), 2)
  } finally {
    await db.close()
  }
})
