/** Leases (src/store/lease.ts) on both stores: one holder at a time, renewal, takeover after expiry, release. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { acquireOrRenew, leaseOf, release } from '../src/store/lease.ts'
import { openDb } from '../src/store/open.ts'
import { testPostgresUrl } from '../src/store/testing.ts'

const ttlMs = 5000
const t0 = Date.UTC(2026, 11, 5, 3)

for (const kind of await storeKinds()) {
  describe(`leases (${kind})`, () => {
    it('a free name is taken; another holder is refused until it expires, then takes it over', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        assert.equal(await acquireOrRenew(db, 'job', 'a', ttlMs, t0), true)
        assert.equal(await acquireOrRenew(db, 'job', 'b', ttlMs, t0 + 1000), false)
        assert.equal(await acquireOrRenew(db, 'job', 'b', ttlMs, t0 + ttlMs), false, 'not before it has expired')
        assert.deepEqual(await leaseOf(db, 'job'), { holder: 'a', expiresAtMs: t0 + ttlMs, acquiredAtMs: t0 })
        assert.equal(await acquireOrRenew(db, 'job', 'b', ttlMs, t0 + ttlMs + 1), true)
        assert.deepEqual(await leaseOf(db, 'job'), { holder: 'b', expiresAtMs: t0 + 2 * ttlMs + 1, acquiredAtMs: t0 + ttlMs + 1 })
        assert.equal(await acquireOrRenew(db, 'job', 'a', ttlMs, t0 + ttlMs + 2), false, 'the old holder does not get it back')
        assert.equal(await acquireOrRenew(db, 'other', 'a', ttlMs, t0), true, 'names are independent')
      } finally {
        await cleanup()
      }
    })

    it('the holder renews: the expiry moves, the acquisition time stays, and nobody else gets it meanwhile', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        assert.equal(await acquireOrRenew(db, 'job', 'a', ttlMs, t0), true)
        for (let step = 1; step <= 10; step++) {
          assert.equal(await acquireOrRenew(db, 'job', 'a', ttlMs, t0 + step * 1000), true)
          assert.equal(await acquireOrRenew(db, 'job', 'b', ttlMs, t0 + step * 1000 + 500), false)
        }
        assert.deepEqual(await leaseOf(db, 'job'), { holder: 'a', expiresAtMs: t0 + 10_000 + ttlMs, acquiredAtMs: t0 })
      } finally {
        await cleanup()
      }
    })

    it('release frees it at once, and only its holder can release it', async () => {
      const { db, cleanup } = await freshDb(kind)
      try {
        assert.equal(await acquireOrRenew(db, 'job', 'a', ttlMs, t0), true)
        await release(db, 'job', 'b')
        assert.equal((await leaseOf(db, 'job'))?.holder, 'a', 'someone else\'s release changes nothing')
        await release(db, 'job', 'a')
        assert.equal(await leaseOf(db, 'job'), undefined)
        assert.equal(await acquireOrRenew(db, 'job', 'b', ttlMs, t0 + 1), true)
      } finally {
        await cleanup()
      }
    })

    it('many processes asking at once for a free or expired lease: exactly one wins each time', async () => {
      const test = await freshDb(kind)
      const others = await Promise.all(Array.from({ length: 4 }, () =>
        kind === 'sqlite' ? openDb({ sqlitePath: test.sqlitePath! }) : openDb({ databaseUrl: testPostgresUrl, schema: test.schema!, poolSize: 4 })))
      try {
        const handles = [test.db, ...others]
        for (let round = 0; round < 5; round++) {
          const nowMs = t0 + round * (ttlMs + 1)
          const answers = await Promise.all(handles.flatMap((db, i) => [0, 1].map((j) => acquireOrRenew(db, 'job', `p${round}-${i}-${j}`, ttlMs, nowMs))))
          assert.equal(answers.filter(Boolean).length, 1, `round ${round}: ${answers}`)
        }
      } finally {
        for (const db of others) await db.close()
        await test.cleanup()
      }
    })
  })
}
