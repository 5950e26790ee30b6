/** The outbox as a cursor feed: paging, topic filters, roles, bad parameters, and commit-order safety on PostgreSQL. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { storeKinds } from '../src/store/testing.ts'
import { EventFeed } from '../src/events/index.ts'
import type { Queryable } from '../src/store/db.ts'

const at = Date.UTC(2026, 10, 11, 8)

async function publish(q: Queryable, topic: string, subject: string, payload: unknown): Promise<number> {
  await q.run('INSERT INTO outbox (topic, subject, payload, at) VALUES (?, ?, ?, ?)', [topic, subject, JSON.stringify(payload), at])
  const row = await q.get<{ id: number }>('SELECT MAX(id) AS id FROM outbox')
  return Number(row!.id)
}

for (const kind of await storeKinds()) {
  describe(`event feed (${kind})`, () => {
    let t: TestApp
    let admin: { authorization: string }
    const ids: number[] = []
    const get = async (url: string, headers: object = admin) => {
      const res = await t.app.inject({ method: 'GET', url, headers: headers as Record<string, string> })
      return { status: res.statusCode, body: res.json() }
    }

    before(async () => {
      t = await startTestApp(kind)
      admin = await t.auth('admin')
      const db = t.services.db
      ids.push(await publish(db, 'supply.changed', 'sku_a@wh_e', { n: 1 }))
      ids.push(await publish(db, 'inventory.shortage', 'sku_a@wh_e', { n: 2 }))
      ids.push(await publish(db, 'supply.qc_failed', 'sku_b@wh_e', { n: 3 }))
      ids.push(await publish(db, 'supply.changed', 'sku_b@wh_n', { n: 4 }))
      ids.push(await publish(db, 'supplychain.other', 'x', { n: 5 }))
    })
    after(async () => {
      await t.close()
    })

    test('pages in id order with a cursor, and the last cursor waits for new events', async () => {
      const seen: number[] = []
      let cursor = 0
      for (let page = 0; page < 10; page++) {
        const r = await get(`/v1/events?limit=2&after=${cursor}`)
        assert.equal(r.status, 200, JSON.stringify(r.body))
        if (r.body.items.length === 0) break
        seen.push(...r.body.items.map((e: { payload: { n: number } }) => e.payload.n))
        cursor = r.body.nextCursor
      }
      assert.deepEqual(seen, [1, 2, 3, 4, 5])
      assert.equal(cursor, ids[4])
      const first = (await get('/v1/events?limit=1')).body.items[0]
      assert.deepEqual(first, { id: ids[0], topic: 'supply.changed', subject: 'sku_a@wh_e', payload: { n: 1 }, at: new Date(at).toISOString() })

      const idle = await get(`/v1/events?after=${cursor}`)
      assert.deepEqual(idle.body, { items: [], nextCursor: cursor }, 'nothing new: the same cursor back')
      const id = await publish(t.services.db, 'supply.changed', 'sku_c@wh_e', { n: 6 })
      const next = await get(`/v1/events?after=${cursor}`)
      assert.deepEqual(next.body.items.map((e: { id: number }) => e.id), [id])
    })

    test('topics filter by exact name or by a prefix ending in a dot', async () => {
      const topicsOf = async (query: string) => (await get(`/v1/events?${query}`)).body.items.map((e: { payload: { n: number } }) => e.payload.n)
      assert.deepEqual(await topicsOf('topic=supply.changed'), [1, 4, 6])
      assert.deepEqual(await topicsOf('topic=supply.'), [1, 3, 4, 6], "'supply.' does not match 'supplychain.other'")
      assert.deepEqual(await topicsOf('topic=supply'), [], 'without the dot it is an exact topic')
      assert.deepEqual(await topicsOf('topic=inventory.shortage,supply.qc_failed'), [2, 3])
    })

    test('a filtered page that runs out moves the cursor past what it scanned', async () => {
      const r = await get('/v1/events?topic=inventory.shortage&limit=10')
      assert.deepEqual(r.body.items.map((e: { id: number }) => e.id), [ids[1]])
      const newest = Number((await t.services.db.get<{ id: number }>('SELECT MAX(id) AS id FROM outbox'))!.id)
      assert.equal(r.body.nextCursor, newest)
      const full = await get('/v1/events?topic=supply.&limit=2')
      assert.equal(full.body.nextCursor, ids[2], 'a full page stops at its last item')
    })

    test('staff only: 403 for channel, store and supplier tokens, 401 without a token', async () => {
      await t.app.inject({ method: 'POST', url: '/v1/channels', headers: admin, payload: { code: 'web', name: 'Web', kind: 'web', nodeIds: [] } })
      for (const role of ['channel:web', 'store:ST-1', 'supplier:sup1']) {
        const r = await get('/v1/events', await t.auth(role))
        assert.equal(r.status, 403, role)
        assert.equal(r.body.code, 'forbidden')
      }
      assert.equal((await get('/v1/events', await t.auth('ops'))).status, 200)
      const anonymous = await get('/v1/events', {})
      assert.equal(anonymous.status, 401)
      assert.equal(anonymous.body.code, 'unauthenticated')
    })

    test('bad parameters are 400 with a stable code', async () => {
      const cases: Array<[string, string]> = [
        ['after=-1', 'invalid_request'],
        ['after=abc', 'invalid_request'],
        ['after=1.5', 'invalid_request'],
        ['limit=0', 'invalid_limit'],
        ['limit=501', 'invalid_limit'],
        ['limit=ten', 'invalid_request'],
        ['topic=Supply.Changed', 'invalid_topic'],
        ['topic=supply..changed', 'invalid_topic'],
        ['topic=supply.changed,', 'invalid_topic'],
        ['cursor=abc', 'invalid_request'],
      ]
      for (const [query, code] of cases) {
        const r = await get(`/v1/events?${query}`)
        assert.equal(r.status, 400, query)
        assert.equal(r.body.code, code, query)
      }
    })

    if (kind === 'postgres') {
      test('an event committed after a later id is not skipped: reads wait for in-flight writers', async () => {
        const db = t.services.db
        const start = Number((await db.get<{ id: number }>('SELECT MAX(id) AS id FROM outbox'))!.id)
        const release = Promise.withResolvers<void>()
        const inserted = Promise.withResolvers<number>()
        // Takes the lower id first and commits last.
        const slow = db.tx(async (tx) => {
          inserted.resolve(await publishIn(tx, 'supply.changed', 'slow'))
          await release.promise
        })
        try {
          const earlierId = await inserted.promise
          const laterId = await publish(db, 'supply.changed', 'fast', { n: 'fast' })
          assert.ok(laterId > earlierId)

          const impatient = new EventFeed(db, { lockTimeoutMs: 50 })
          const early = await impatient.read({ after: start, limit: 10 })
          assert.deepEqual(early, { items: [], nextCursor: start }, 'the later id is withheld while the earlier one is in flight')

          const reading = new EventFeed(db).read({ after: start, limit: 10 })
          setTimeout(() => release.resolve(), 100)
          const page = await reading
          assert.deepEqual(page.items.map((e) => e.id), [earlierId, laterId])
          assert.equal(page.nextCursor, laterId)
        } finally {
          // A failed assertion must not leave the transaction open: cleanup would wait for it forever.
          release.resolve()
          await slow
        }
      })
    }
  })
}

async function publishIn(tx: Queryable, topic: string, subject: string): Promise<number> {
  const row = await tx.get<{ id: number }>('INSERT INTO outbox (topic, subject, payload, at) VALUES (?, ?, ?, ?) RETURNING id', [topic, subject, '{}', at])
  return Number(row!.id)
}
