/**
 * NATS dies under the relay (a private nats-server killed with SIGKILL mid-stream, then started
 * again on the same store): the relay warns, keeps every event in the outbox, reconnects with
 * backoff, and the stream ends with every event exactly once, in order. Both stores.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { freshDb, storeKinds } from '../src/store/testing.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { EventFeed } from '../src/events/index.ts'
import { NatsRelay } from '../src/bus/index.ts'
import { capturingLogger, readStream, uniqueStream, waitFor, writeEvents } from './helpers/nats.ts'

const natsServer = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server'
const available = existsSync(natsServer)
if (!available && process.env.CI) throw new Error(`nats-server is required in CI (${natsServer} is missing)`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface PrivateNats { child: ChildProcess; exited: Promise<unknown> }

async function startNats(port: number, storeDir: string): Promise<PrivateNats> {
  const child = spawn(natsServer, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await waitFor('nats-server to answer', async () => {
    try {
      const nc = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false, timeout: 500 })
      await jetstreamManager(nc)
      await nc.close()
      return true
    } catch {
      return false
    }
  }, 15_000)
  return { child, exited }
}

async function streamMessages(url: string, stream: string): Promise<number> {
  const nc = await connect({ servers: url, reconnect: false })
  try {
    return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages
  } catch {
    return 0
  } finally {
    await nc.close()
  }
}

for (const kind of await storeKinds()) {
  describe(`NATS relay through a NATS outage (${kind})`, { skip: !available }, () => {
    it('NATS killed mid-stream and started again: every event reaches the stream exactly once, in order', async () => {
      const test = await freshDb(kind)
      const storeDir = mkdtempSync(join(tmpdir(), 'sellahead-nats-'))
      const port = await freePort()
      const url = `nats://127.0.0.1:${port}`
      let nats = await startNats(port, storeDir)
      const names = uniqueStream()
      const { logger, lines } = capturingLogger()
      const relay = new NatsRelay(test.db, new EventFeed(test.db), systemClock, {
        url, ...names, pageSize: 200, leaseTtlMs: 1500, renewEveryMs: 300, pollIntervalMs: 50, maxBackoffMs: 1000, publishTimeoutMs: 2000, logger,
      })
      try {
        await writeEvents(test.db, 6000)
        relay.start()
        await waitFor('the first messages', async () => (await streamMessages(url, names.stream)) > 0)
        nats.child.kill('SIGKILL')
        await nats.exited
        await writeEvents(test.db, 1000)
        await waitFor('the relay to warn', () => lines.some((l) => l.level === 40))
        assert.equal(relay.holdsLease(), true)
        nats = await startNats(port, storeDir)
        const events = (await new EventFeed(test.db).read({ limit: 1_000_000 })).items
        await waitFor('the relay to catch up after NATS came back', async () => (await relay.cursor()) === events.at(-1)!.id)
        const received = await readStream(names.stream, url)
        assert.equal(received.length, events.length, 'nothing lost, nothing stored twice')
        assert.deepEqual(received.map((m) => Number(m.msgId)), events.map((e) => e.id), 'in id order')
        assert.ok(lines.some((l) => l.level === 30 && /publishing again/.test(l.msg)), 'it says when it recovers')
      } finally {
        await relay.stop()
        nats.child.kill('SIGKILL')
        await nats.exited
        rmSync(storeDir, { recursive: true, force: true })
        await test.cleanup()
      }
    })
  })
}
