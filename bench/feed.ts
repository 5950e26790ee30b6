/**
 * How fast channels hear the truth. FEED_SKUS (default 1,000) SKUs on three nodes sold through
 * three channels; one webhook receiver (subscribed to `availability.`, verifying every signature
 * with the standardwebhooks library) and one NATS JetStream consumer (every event the relay
 * publishes), all on this machine, with the server's own timers running as in production.
 *
 *   1. A flash sale: FEED_SALE_UNITS units of one SKU reserved through two channels as fast as the
 *      engine takes them. For every acknowledged reservation, the lag is the time until the
 *      receiver holds a delta showing that many units sold or more (commit → receiver).
 *   2. FEED_CHANGES (default 1,000,000) stock changes (receipts and adjustments of one unit) over
 *      every SKU and node, as fast as the engine takes them; then the time a channel that was
 *      away since before them takes to catch up through `/availability/changes` over HTTP.
 *   3. Every availability.changed event in the outbox must reach the receiver, and every outbox
 *      event the NATS consumer, once each (after deduplication by id): lost and duplicated count
 *      what did not.
 *
 *   npm run bench:feed
 *   FEED_CHANGES=100000 npm run bench:feed     (quick)
 *   FEED_STORE=postgres npm run bench:feed
 */
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import pino from 'pino'
import { connect } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { closeServices, createServices, startRelay, type Services } from '../src/services.ts'
import { buildApp } from '../src/http/app.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { unwrap } from '../src/kernel/result.ts'
import { benchDb, envInt, fmt, percentile } from './support.ts'

const config = {
  skus: envInt('FEED_SKUS', 1_000),
  changes: envInt('FEED_CHANGES', 1_000_000),
  saleUnits: envInt('FEED_SALE_UNITS', 200_000),
  inFlight: envInt('FEED_IN_FLIGHT', 2_000),
  intervalMs: envInt('FEED_INTERVAL_MS', 250),
  drainSeconds: envInt('FEED_DRAIN_SECONDS', 600),
  store: (process.env.FEED_STORE ?? 'sqlite') as 'sqlite' | 'postgres',
  natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000

interface World { skuIds: string[]; nodeIds: string[]; web: string; app: string; hotSku: string; hotNode: string }

async function seed(services: Services): Promise<World> {
  const { catalogue, inventory } = services
  const node = async (code: string, region: string, kind: 'warehouse' | 'store', capabilities: string[]) =>
    unwrap(await catalogue.createNode({ code, name: code, kind, region, capabilities })).id
  const nodeIds = [await node('WH-E', 'east', 'warehouse', ['ship']), await node('WH-N', 'north', 'warehouse', ['ship']), await node('ST-1', 'east', 'store', ['pickup'])]
  const web = unwrap(await catalogue.createChannel({ code: 'web', name: 'Web shop', kind: 'web', nodeIds })).id
  const app = unwrap(await catalogue.createChannel({ code: 'app', name: 'App', kind: 'app', nodeIds: nodeIds.slice(0, 2) })).id
  unwrap(await catalogue.createChannel({ code: 'pos', name: 'Store POS', kind: 'pos', nodeIds: nodeIds.slice(2) }))
  const skuIds: string[] = []
  for (let i = 0; i < config.skus; i++) skuIds.push(unwrap(await catalogue.createSku({ code: `SKU-${String(i).padStart(5, '0')}`, name: `Sneaker ${i}` })).id)
  const hotSku = unwrap(await catalogue.createSku({ code: 'HOT', name: 'Flash sale sneaker' })).id
  const receipts = skuIds.flatMap((skuId) => nodeIds.map((nodeId) => ({ skuId, nodeId })))
  await Promise.all(receipts.map(({ skuId, nodeId }) => inventory.submit({ kind: 'receive', skuId, nodeId, quantity: 1_000, reason: 'opening stock', reference: null, actor: 'bench' })))
  await inventory.submit({ kind: 'receive', skuId: hotSku, nodeId: nodeIds[0], quantity: config.saleUnits, reason: 'flash sale stock', reference: null, actor: 'bench' })
  return { skuIds, nodeIds, web, app, hotSku, hotNode: nodeIds[0] }
}

/** The webhook receiver, in its own thread (feed-receiver.ts): what it verified and when. */
async function startReceiver() {
  const received: Array<{ atMs: number; webhookId: string; eventId: number }> = []
  /** Each value the receiver was told, in arrival order. */
  const values: Array<{ atMs: number; channelId: string; skuId: string; scope: string; quantity: number }> = []
  /** The distinct events delivered. */
  const eventIds = new Set<number>()
  let refused = 0
  const worker = new Worker(new URL('./feed-receiver.ts', import.meta.url))
  const port = await new Promise<number>((resolve) => worker.on('message', (m: ReceiverMessage) => {
    if (m.kind === 'listening') resolve(m.port)
    else if (m.kind === 'refused') refused++
    else {
      received.push({ atMs: m.atMs, webhookId: m.webhookId, eventId: m.eventId })
      eventIds.add(m.eventId)
      for (const [skuId, scope, quantity] of m.values) values.push({ atMs: m.atMs, channelId: m.channelId, skuId, scope, quantity })
    }
  }))
  return { port, received, eventIds, values, refusedCount: () => refused, setSecret: (secret: string) => worker.postMessage({ secret }), stop: () => worker.terminate() }
}

type ReceiverMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'refused' }
  | { kind: 'delivery'; atMs: number; webhookId: string; eventId: number; channelId: string; values: Array<[string, string, number]> }

/** Reads the relay's stream as it fills: every message, its Nats-Msg-Id and when it arrived. */
async function startConsumer(stream: string) {
  const nc = await connect({ servers: config.natsUrl, reconnect: false })
  const messages: Array<{ atMs: number; msgId: string; topic: string; payload: { channelId?: string; skuId?: string; scope?: string; quantity?: number } }> = []
  /** The distinct events relayed. */
  const msgIds = new Set<string>()
  let stopped = false
  const js = jetstream(nc)
  const run = (async () => {
    // The relay creates the stream on its first connection.
    for (;;) {
      try {
        await (await jetstreamManager(nc)).streams.info(stream)
        break
      } catch {
        await sleep(100)
      }
    }
    const consumer = await js.consumers.get(stream)
    while (!stopped) {
      const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 })
      for await (const m of batch) {
        const body = m.json<{ topic: string; payload: { channelId?: string; skuId?: string; scope?: string; quantity?: number } }>()
        const msgId = m.headers?.get('Nats-Msg-Id') ?? ''
        messages.push({ atMs: Date.now(), msgId, topic: body.topic, payload: body.payload })
        msgIds.add(msgId)
      }
    }
  })()
  return {
    messages,
    msgIds,
    async stop() {
      stopped = true
      await run.catch(() => undefined)
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false)
      await nc.close()
    },
  }
}

/** Runs `total` engine requests with `inFlight` outstanding; returns the seconds taken. */
async function drive(total: number, make: (i: number) => Promise<boolean>, label: string): Promise<number> {
  const started = performance.now()
  let next = 0
  let lastReport = started
  await Promise.all(Array.from({ length: config.inFlight }, async () => {
    while (next < total) {
      const i = next++
      if (!(await make(i))) return
      if (performance.now() - lastReport > 5_000) {
        lastReport = performance.now()
        process.stderr.write(`  ${label}: ${fmt(i)} of ${fmt(total)} (${fmt(i / seconds(started))}/s)\n`)
      }
    }
  }))
  return seconds(started)
}

/** Counts outbox events (of some topics) as the outbox grows: each call reads only what is new since the last. */
function outboxCounter(services: Services, topics?: string[]) {
  let after = 0
  let count = 0
  return async (): Promise<number> => {
    for (;;) {
      const page = await services.events.read({ after, topics, limit: 5_000 })
      count += page.items.length
      if (page.nextCursor === after) return count
      after = page.nextCursor
    }
  }
}

async function main(): Promise<void> {
  const testDb = await benchDb(config.store, 10)
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' })
  const services = createServices(testDb.db, systemClock, logger, { maxBatch: 4096 }, {}, { allowPrivate: true, concurrency: 64 }, { feedIntervalMs: config.intervalMs })
  const app = await buildApp(services)
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const tag = randomUUID().replaceAll('-', '').slice(0, 10)
  const stream = `BENCH_${tag}`
  const receiver = await startReceiver()
  const consumer = await startConsumer(stream)
  try {
    console.log(`Feed benchmark on ${config.store}: ${fmt(config.skus)} SKUs × 3 nodes, 3 channels, interval ${config.intervalMs} ms, NATS ${config.natsUrl}`)
    const created = unwrap(await services.webhooks.create({ kind: 'staff' }, { url: `http://127.0.0.1:${receiver.port}/hooks`, topics: ['availability.'] }))
    receiver.setSecret(created.secret)
    startRelay(services, { url: config.natsUrl, stream, subjectPrefix: `bench_${tag}` })
    const seeded = performance.now()
    const world = await seed(services)
    const counters = { deltas: outboxCounter(services, ['availability.changed']), events: outboxCounter(services) }
    console.log(`seeded in ${seconds(seeded).toFixed(1)} s`)
    await waitForQuiet(services, counters, receiver.eventIds, consumer.msgIds)

    // 1. The flash sale.
    const sold: Array<{ atMs: number; sold: number }> = []
    let soldUnits = 0
    const saleStartMs = Date.now()
    const saleSeconds = await drive(config.saleUnits, async (i) => {
      const { result } = await services.inventory.submit({
        kind: 'reserve', lines: [{ skuId: world.hotSku, nodeId: world.hotNode, quantity: 1 }], atomic: true, holdUntilMs: null,
        channelId: i % 2 ? world.web : world.app, reference: null, actor: 'bench',
      })
      if (!result.ok) return false
      sold.push({ atMs: Date.now(), sold: ++soldUnits })
      return true
    }, 'flash sale')
    const saleEndMs = Date.now()
    await waitForQuiet(services, counters, receiver.eventIds, consumer.msgIds)
    const hotDeltas = receiver.values.filter((r) => r.atMs >= saleStartMs && r.channelId === world.web && r.skuId === world.hotSku && r.scope === 'channel')
    const lags = lagsOf(sold, hotDeltas, config.saleUnits)
    const outOfStock = hotDeltas.find((d) => d.quantity === 0)
    console.log(`flash sale: ${fmt(soldUnits)} units in ${saleSeconds.toFixed(2)} s (${fmt(soldUnits / saleSeconds)}/s); web channel deltas ${hotDeltas.length}; ` +
      `commit → receiver lag p50 ${fmt(percentile(lags, 50))} ms, p99 ${fmt(percentile(lags, 99))} ms; out of stock at the receiver ${outOfStock ? fmt(outOfStock.atMs - saleEndMs) : '—'} ms after the last sale`)

    // 2. A million stock changes, with a channel away since before them.
    const awayAt = await services.availability.lastSeq(world.web)
    const deltasBefore = (await services.availability.cursor()).lastSeq
    const changesStarted = performance.now()
    const positions = world.skuIds.flatMap((skuId) => world.nodeIds.map((nodeId) => ({ skuId, nodeId })))
    const changeSeconds = await drive(config.changes, async (i) => {
      const at = positions[(i * 7919) % positions.length]
      const { result } = await services.inventory.submit(i % 2
        ? { kind: 'receive', ...at, quantity: 1, reason: 'replay', reference: null, actor: 'bench' }
        : { kind: 'adjust', ...at, quantity: -1, reason: 'replay', reference: null, actor: 'bench' })
      return result.ok
    }, 'stock changes')
    console.log(`stock changes: ${fmt(config.changes)} in ${changeSeconds.toFixed(1)} s (${fmt(config.changes / changeSeconds)}/s)`)
    const drained = await waitForQuiet(services, counters, receiver.eventIds, consumer.msgIds)
    const deltasAfter = (await services.availability.cursor()).lastSeq
    const deltaSeconds = seconds(changesStarted)
    console.log(`projector and receivers caught up ${drained.toFixed(1)} s after the last change; ${fmt(deltasAfter - deltasBefore)} deltas (${fmt((deltasAfter - deltasBefore) / deltaSeconds)}/s)`)

    const catchupStarted = performance.now()
    const headers = { authorization: `Bearer ${unwrap(await services.tokens.create({ name: 'bench web', role: `channel:${world.web}` })).token}` }
    let cursor = awayAt
    let values = 0
    for (;;) {
      const page = await (await fetch(`${base}/v1/channels/web/availability/changes?after=${cursor}&limit=500`, { headers })).json() as { items: unknown[]; lastSeq: number }
      values += page.items.length
      if (page.lastSeq === cursor) break
      cursor = page.lastSeq
    }
    const catchupSeconds = seconds(catchupStarted)
    console.log(`a channel away since before the changes caught up in ${catchupSeconds.toFixed(2)} s: ${fmt(values)} values`)

    // 3. Nothing lost, nothing twice: every availability.changed event at the receiver, every event on NATS.
    const expectedDeltas = await counters.deltas()
    const deltas = (await services.availability.cursor()).lastSeq
    const expectedEvents = await counters.events()
    const lost = Math.max(0, expectedDeltas - receiver.eventIds.size) + Math.max(0, expectedEvents - consumer.msgIds.size)
    const duplicated = receiver.received.length - new Set(receiver.received.map((r) => r.webhookId)).size + (consumer.messages.length - consumer.msgIds.size)
    const span = (xs: Array<{ atMs: number }>) => Math.max(0.001, (xs.at(-1)!.atMs - xs[0].atMs) / 1000)
    // Deltas a second through each way out: webhook deliveries carry a channel's values of one pass.
    const webhookPerSecond = receiver.values.length / span(receiver.values)
    const natsPerSecond = consumer.messages.length / span(consumer.messages)
    console.log(`webhooks: ${fmt(receiver.received.length)} deliveries (${fmt(webhookPerSecond)}/s) carrying ${fmt(receiver.values.length)} values, ${receiver.refusedCount()} failed verification; NATS: ${fmt(consumer.messages.length)} messages (${fmt(natsPerSecond)}/s) of ${fmt(expectedEvents)} events`)
    console.log(`feed: changes=${config.changes} deltas=${deltas} lag_p99_ms=${Math.round(percentile(lags, 99))} catchup_s=${catchupSeconds.toFixed(2)} ` +
      `webhook_per_s=${Math.round(webhookPerSecond)} nats_per_s=${Math.round(natsPerSecond)} lost=${lost} duplicated=${duplicated}`)
  } finally {
    await app.close()
    await closeServices(services)
    await consumer.stop()
    await receiver.stop()
    await testDb.cleanup().catch(() => undefined)
  }
}

interface Counters { deltas: () => Promise<number>; events: () => Promise<number> }

/**
 * Waits until the projector has taken in every event and the receiver holds every delta the
 * outbox has; returns the seconds it took.
 */
async function waitForQuiet(services: Services, counters: Counters, received: ReadonlySet<number>, relayed: ReadonlySet<string>): Promise<number> {
  const started = performance.now()
  for (;;) {
    const cursor = await services.availability.cursor()
    const latest = await services.events.latest()
    const deltas = await counters.deltas()
    const projected = (await services.events.read({ after: cursor.afterId, topics: ['inventory.', 'supply.', 'presale_campaign.'], limit: 1 })).items.length === 0
    const events = await counters.events()
    if (projected && received.size >= deltas && relayed.size >= events) return seconds(started)
    if (seconds(started) > config.drainSeconds) {
      console.log(`gave up waiting after ${config.drainSeconds} s: outbox at ${latest}, projector at ${cursor.afterId}, ${received.size} of ${deltas} availability events received, ${relayed.size} of ${events} on NATS`)
      return seconds(started)
    }
    await sleep(100)
  }
}

/**
 * For each acknowledged sale, the time until the receiver held a delta showing that many units
 * sold or more. Deltas arrive in order per subject, so a running minimum of what the receiver
 * has been told is what it knows.
 */
function lagsOf(sold: ReadonlyArray<{ atMs: number; sold: number }>, deltas: ReadonlyArray<{ atMs: number; quantity: number }>, stock: number): number[] {
  const lags: number[] = []
  let d = 0
  for (const s of sold) {
    const remaining = stock - s.sold
    while (d < deltas.length && deltas[d].quantity > remaining) d++
    if (d === deltas.length) break
    lags.push(Math.max(0, deltas[d].atMs - s.atMs))
  }
  return lags.sort((a, b) => a - b)
}

await main()
