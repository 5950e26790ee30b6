/**
 * `sellahead serve` with NATS_URL, as real processes on both stores: the server relays the outbox;
 * a holder killed with SIGKILL (mid-stream, lease kept, cursor wherever it was) is replaced by
 * another server process within seconds, and the stream holds every event exactly once, in order;
 * a server stopped with SIGTERM gives the lease up.
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { EventFeed } from '../src/events/index.ts'
import { natsSubjectOf, relayCursor, relayLeaseName } from '../src/bus/index.ts'
import { leaseOf } from '../src/store/lease.ts'
import { envFor, startServerProcess, type ServerProcess } from './helpers/server-process.ts'
import { deleteStream, natsReachable, readStream, testNatsUrl, uniqueStream, waitFor, writeEvents } from './helpers/nats.ts'

const skip = !(await natsReachable())
const streams: string[] = []
after(async () => {
  if (!skip) for (const stream of streams) await deleteStream(stream)
})

async function streamMessages(stream: string): Promise<number> {
  const nc = await connect({ servers: testNatsUrl, reconnect: false })
  try {
    return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages
  } catch {
    return 0 // not created yet
  } finally {
    await nc.close()
  }
}

const holderPid = (holder: string | undefined): number | undefined => (holder === undefined ? undefined : Number(holder.split('/')[1]))

for (const kind of await storeKinds()) {
  describe(`sellahead serve with NATS_URL (${kind})`, { skip }, () => {
    it('a killed relay is replaced by another server within seconds, and JetStream gets every event exactly once, in order', async () => {
      const test = await freshDb(kind)
      const names = uniqueStream()
      streams.push(names.stream)
      const env = { ...envFor(test), NATS_URL: testNatsUrl, SELLAHEAD_NATS_STREAM: names.stream, SELLAHEAD_NATS_SUBJECT_PREFIX: names.subjectPrefix }
      const servers: ServerProcess[] = []
      try {
        await writeEvents(test.db, 4000)
        const first = await startServerProcess(env)
        servers.push(first)
        await waitFor('the first server to publish', async () => (await streamMessages(names.stream)) > 0)
        first.child.kill('SIGKILL')
        await first.exited
        assert.equal(holderPid((await leaseOf(test.db, relayLeaseName))?.holder), first.child.pid, 'the killed server still holds the lease')

        const survivors = [await startServerProcess(env), await startServerProcess(env)]
        servers.push(...survivors)
        const lastId = async () => (await new EventFeed(test.db).read({ limit: 1_000_000 })).items.at(-1)!.id
        let target = await lastId()
        await waitFor('a second server to take over and catch up', async () => (await relayCursor(test.db, names.stream)) === target)
        const holder = holderPid((await leaseOf(test.db, relayLeaseName))?.holder)
        const holding = survivors.find((s) => s.child.pid === holder)
        assert.ok(holding, 'one of the running servers holds the lease')
        const standby = survivors.find((s) => s !== holding)!

        // Kill the holder again while new events arrive: the standby takes over.
        await writeEvents(test.db, 1000)
        holding.child.kill('SIGKILL')
        await holding.exited
        await writeEvents(test.db, 500)
        target = await lastId()
        await waitFor('the standby to take over and catch up', async () => (await relayCursor(test.db, names.stream)) === target)
        assert.equal(holderPid((await leaseOf(test.db, relayLeaseName))?.holder), standby.child.pid)

        const events = (await new EventFeed(test.db).read({ limit: 1_000_000 })).items
        const received = await readStream(names.stream)
        assert.equal(received.length, 5500)
        assert.deepEqual(received.map((m) => Number(m.msgId)), events.map((e) => e.id), 'every event once, in id order')
        assert.deepEqual(received.map((m) => m.subject), events.map((e) => natsSubjectOf(names.subjectPrefix, e)))

        const metrics = await (await fetch(`${standby.url}/metrics`)).text()
        assert.match(metrics, /^sellahead_bus_lease_held 1$/m)
        assert.match(metrics, new RegExp(`^sellahead_bus_cursor ${target}$`, 'm'))

        standby.child.kill('SIGTERM')
        assert.equal(await standby.exited, 0)
        assert.equal(await leaseOf(test.db, relayLeaseName), undefined, 'a server stopped gracefully gives the lease up')
      } finally {
        for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
        await Promise.all(servers.map((s) => s.exited))
        await test.cleanup()
      }
    })
  })
}
