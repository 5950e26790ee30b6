/**
 * The NATS JetStream relay of the outbox (src/bus/relay.ts) against a real nats-server, on both
 * stores: a crash half way through a page loses nothing and stores nothing twice; two relays on
 * one database publish once between them, and the second takes over when the first dies; an
 * unreachable NATS leaves the outbox as it is until NATS answers.
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import type { Db } from '../src/store/db.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { EventFeed } from '../src/events/index.ts'
import { NatsRelay, natsSubjectOf, relayLeaseName, type NatsRelayOptions } from '../src/bus/index.ts'
import { Metrics } from '../src/http/metrics.ts'
import { leaseOf } from '../src/store/lease.ts'
import { capturingLogger, deleteStream, natsReachable, openAgain, readStream, testNatsUrl, uniqueStream, waitFor, writeEvents } from './helpers/nats.ts'

const skip = !(await natsReachable())
const streams: string[] = []
after(async () => {
  if (!skip) for (const stream of streams) await deleteStream(stream)
})

/** Quick leases so a takeover takes a second or two. */
const quick = { leaseTtlMs: 1500, renewEveryMs: 300, pollIntervalMs: 50 }

function relayOn(db: Db, options: Partial<NatsRelayOptions> & { stream: string; subjectPrefix: string }): NatsRelay {
  return new NatsRelay(db, new EventFeed(db), systemClock, { url: testNatsUrl, ...quick, ...options })
}

async function outboxIds(db: Db): Promise<number[]> {
  const page = await new EventFeed(db).read({ limit: 1_000_000 })
  return page.items.map((e) => e.id)
}

/** The stream holds every outbox event once, in id order, each with its id as Nats-Msg-Id, its subject and its body. */
async function assertStreamIsOutbox(db: Db, stream: string, subjectPrefix: string): Promise<void> {
  const events = (await new EventFeed(db).read({ limit: 1_000_000 })).items
  const received = await readStream(stream)
  assert.equal(received.length, events.length, 'one message per event, no duplicate stored')
  assert.deepEqual(received.map((m) => Number(m.msgId)), events.map((e) => e.id), 'every event once, in id order')
  for (const [i, m] of received.entries()) {
    const e = events[i]
    assert.equal(m.subject, natsSubjectOf(subjectPrefix, e))
    assert.deepEqual(m.body, { id: e.id, topic: e.topic, subject: e.subject, at: e.at, payload: e.payload })
  }
  // Per NATS subject, as a consumer filtering on one would see them.
  const lastBySubject = new Map<string, number>()
  for (const m of received) {
    assert.ok((lastBySubject.get(m.subject) ?? 0) < m.body.id, `in order on ${m.subject}`)
    lastBySubject.set(m.subject, m.body.id)
  }
}

for (const kind of await storeKinds()) {
  describe(`NATS relay (${kind})`, { skip }, () => {
    it('a relay that dies half way through a page loses nothing: the next one publishes the rest, and the stream drops what it already had', async () => {
      const test = await freshDb(kind)
      const names = uniqueStream()
      streams.push(names.stream)
      try {
        await writeEvents(test.db, 1000)
        const ids = await outboxIds(test.db)
        const first = relayOn(test.db, { ...names, pageSize: 100, crashAfterEvents: 250, holder: 'first' })
        first.start()
        await first.stopped()
        assert.equal(first.published, 250)
        assert.equal(await first.cursor(), ids[199], 'the cursor stays before the page the crash interrupted')
        assert.equal((await readStream(names.stream)).length, 250)
        assert.equal((await leaseOf(test.db, relayLeaseName))?.holder, 'first', 'a crashed relay does not give its lease up')

        await writeEvents(test.db, 300)
        const allIds = await outboxIds(test.db)
        const metrics = new Metrics()
        const second = relayOn(test.db, { ...names, pageSize: 100, holder: 'second', metrics })
        second.start()
        try {
          await waitFor('the second relay to catch up', async () => (await second.cursor()) === allIds.at(-1))
          assert.equal(second.published, 1300 - 200, 'it published from the cursor, the 50 already stored again among them')
          assert.equal((await leaseOf(test.db, relayLeaseName))?.holder, 'second')
          await assertStreamIsOutbox(test.db, names.stream, names.subjectPrefix)
          const scraped = await metrics.render()
          assert.match(scraped, /^sellahead_bus_events_published_total 1100$/m)
          assert.match(scraped, new RegExp(`^sellahead_bus_cursor ${allIds.at(-1)}$`, 'm'))
          assert.match(scraped, /^sellahead_bus_lease_held 1$/m)
          await waitFor('the lag to settle at 0', async () => /^sellahead_bus_lag_seconds 0$/m.test(await metrics.render()))
        } finally {
          await second.stop()
        }
        assert.equal(await leaseOf(test.db, relayLeaseName), undefined, 'a relay stopped cleanly gives its lease up')
      } finally {
        await test.cleanup()
      }
    })

    it('two relays on one database: only the lease holder publishes; when it dies the other takes over within the lease and nothing is lost or doubled', async () => {
      const test = await freshDb(kind)
      const otherDb = await openAgain(test, kind)
      const names = uniqueStream()
      streams.push(names.stream)
      const metricsA = new Metrics()
      const metricsB = new Metrics()
      const a = relayOn(test.db, { ...names, pageSize: 100, holder: 'A', crashAfterEvents: 350, metrics: metricsA })
      const b = relayOn(otherDb, { ...names, pageSize: 100, holder: 'B', metrics: metricsB })
      try {
        a.start()
        await waitFor('A to hold the lease', () => a.holdsLease())
        b.start()
        await writeEvents(test.db, 300)
        const firstIds = await outboxIds(test.db)
        await waitFor('A to publish the first events', async () => (await a.cursor()) === firstIds.at(-1))
        assert.deepEqual([a.published, b.published], [300, 0], 'only the holder publishes')
        assert.equal(b.holdsLease(), false)
        assert.match(await metricsB.render(), /^sellahead_bus_lease_held 0$/m)
        assert.match(await metricsA.render(), /^sellahead_bus_lease_held 1$/m)

        // A dies 50 events into its fourth page, before it moves its cursor, keeping its lease.
        await writeEvents(test.db, 200)
        const allIds = await outboxIds(test.db)
        await a.stopped()
        const diedAtMs = Date.now()
        await waitFor('B to take the lease over', () => b.holdsLease())
        const takeoverMs = Date.now() - diedAtMs
        assert.ok(takeoverMs <= quick.leaseTtlMs + 2 * quick.renewEveryMs + 2000, `took over after ${takeoverMs} ms`)
        await waitFor('B to catch up', async () => (await b.cursor()) === allIds.at(-1))
        assert.equal(a.published, 350)
        assert.equal(b.published, 200, 'B started at A\'s cursor: the 50 A had stored again, then the rest')
        await assertStreamIsOutbox(test.db, names.stream, names.subjectPrefix)
      } finally {
        await b.stop()
        await a.stop()
        await otherDb.close()
        await test.cleanup()
      }
    })

    it('NATS unreachable: the relay warns and retries, the outbox keeps every event, and a relay that reaches NATS later publishes them all', async () => {
      const test = await freshDb(kind)
      const names = uniqueStream()
      streams.push(names.stream)
      const { logger, lines } = capturingLogger()
      const metrics = new Metrics()
      // Nothing listens on port 1: every connection is refused at once.
      const down = new NatsRelay(test.db, new EventFeed(test.db), systemClock, { url: 'nats://127.0.0.1:1', ...names, ...quick, logger, metrics, holder: 'down' })
      try {
        await writeEvents(test.db, 120, Date.now() - 60_000)
        down.start()
        await waitFor('two failed attempts', () => lines.filter((l) => l.level === 40).length >= 2)
        assert.ok(lines.some((l) => l.level === 40 && /could not publish; the events stay in the outbox/.test(l.msg)))
        assert.equal(await down.cursor(), 0)
        assert.equal(down.holdsLease(), true, 'it keeps the lease: NATS being down is no reason to hand over')
        const lag = Number(/^sellahead_bus_lag_seconds (\S+)$/m.exec(await metrics.render())?.[1])
        assert.ok(lag >= 60, `lag ${lag} s counts from the oldest event not relayed`)
      } finally {
        await down.stop()
      }
      const up = relayOn(test.db, { ...names, holder: 'up' })
      try {
        up.start()
        const ids = await outboxIds(test.db)
        await waitFor('the relay to publish everything', async () => (await up.cursor()) === ids.at(-1))
        await assertStreamIsOutbox(test.db, names.stream, names.subjectPrefix)
      } finally {
        await up.stop()
        await test.cleanup()
      }
    })
  })
}
