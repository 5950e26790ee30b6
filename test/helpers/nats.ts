/** NATS for the bus tests: the server the tests use, unique streams, and a consumer that reads a whole stream. */
import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import type { Db } from '../../src/store/db.ts'
import { openDb } from '../../src/store/open.ts'
import { testPostgresUrl, type TestDb } from '../../src/store/testing.ts'
import { publish, type DomainEvent } from '../../src/events/index.ts'

export const testNatsUrl = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222'

let reachable: Promise<boolean> | undefined

/** In CI NATS is required: an unreachable server fails the run instead of skipping. */
export function natsReachable(): Promise<boolean> {
  reachable ??= (async () => {
    try {
      const nc = await connect({ servers: testNatsUrl, reconnect: false, timeout: 2000 })
      await jetstreamManager(nc)
      await nc.close()
      return true
    } catch (error) {
      if (process.env.CI) throw new Error(`NATS with JetStream is required in CI but ${testNatsUrl} is unreachable: ${error}`)
      return false
    }
  })()
  return reachable
}

/** A stream name and subject prefix no other test uses. */
export function uniqueStream(): { stream: string; subjectPrefix: string } {
  const tag = randomUUID().replaceAll('-', '').slice(0, 12)
  return { stream: `TEST_${tag}`, subjectPrefix: `test_${tag}` }
}

export async function deleteStream(stream: string): Promise<void> {
  const nc = await connect({ servers: testNatsUrl, reconnect: false })
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false)
  } finally {
    await nc.close()
  }
}

export interface Received {
  msgId: string | undefined
  subject: string
  body: { id: number; topic: string; subject: string | null; at: string; payload: unknown }
}

/** Every message of the stream, in stream order, through an ordered consumer. */
export async function readStream(stream: string, url = testNatsUrl): Promise<Received[]> {
  const nc: NatsConnection = await connect({ servers: url, reconnect: false })
  try {
    const total = (await (await jetstreamManager(nc)).streams.info(stream)).state.messages
    const consumer = await jetstream(nc).consumers.get(stream)
    const out: Received[] = []
    while (out.length < total) {
      const batch = await consumer.fetch({ max_messages: Math.min(1000, total - out.length), expires: 5000 })
      for await (const m of batch) out.push({ msgId: m.headers?.get('Nats-Msg-Id'), subject: m.subject, body: m.json() })
    }
    return out
  } finally {
    await nc.close()
  }
}

/** A second handle on a test database, as another server process would open it. */
export function openAgain(test: TestDb, kind: 'sqlite' | 'postgres'): Promise<Db> {
  return kind === 'sqlite' ? openDb({ sqlitePath: test.sqlitePath! }) : openDb({ databaseUrl: testPostgresUrl, schema: test.schema!, poolSize: 4 })
}

const channels = ['web', 'shop.eu', 'pos 1']

/**
 * Writes `count` events into the outbox, 50 to a transaction: order changes for three channels
 * (two of whose ids are not valid NATS tokens) and inventory changes on five positions.
 */
export async function writeEvents(db: Db, count: number, atMs = Date.now()): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    const events: DomainEvent[] = []
    for (let i = start; i < Math.min(count, start + 50); i++) {
      events.push(i % 2 === 0
        ? { topic: 'order.changed', subject: `O-${i}`, payload: { orderId: `O-${i}`, channelId: channels[i % 3], customerId: null, status: 'pending_payment', action: 'place', events: [] } }
        : { topic: 'inventory.changed', subject: `SKU.${i % 5}@DC 1`, payload: { skuId: `SKU.${i % 5}`, nodeId: 'DC 1', onHand: i, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, sellable: i } })
    }
    await db.tx((tx) => publish(tx, events, atMs))
  }
}

/** A logger that keeps what it writes, to check what the relay warned about. */
export function capturingLogger(): { logger: Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: pino({ level: 'info' }, sink), lines }
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
