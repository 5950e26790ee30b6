/**
 * The NATS JetStream relay of the transactional outbox. One process at a time relays (it holds
 * the `nats-relay` lease, renewed about once a second; when it dies the lease expires and another
 * server process takes over within seconds). The holder reads settled events after its cursor
 * (`EventFeed.read`, id order), publishes a page of them at once (many in flight on one
 * connection, which the server stores in the order they were sent), and moves its cursor only
 * once JetStream acknowledged every message of the page. A crash between the acks and the cursor
 * write makes the next holder publish part of a page again: each message carries the event id as
 * `Nats-Msg-Id`, and the stream drops what it already holds (its duplicate window is two
 * minutes), so nothing is lost and nothing is stored twice. NATS being down never touches the
 * outbox: the relay warns, waits (backing off to 30 s) and tries again.
 *
 * The connection does not reconnect by itself (the client would re-send buffered messages after
 * ones lost with the old socket, out of order); on any failure the relay drops it and starts the
 * page again on a new one, so what the stream holds is always the outbox in id order.
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager, JetStreamApiError, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream'
import type { Db } from '../store/db.ts'
import { acquireOrRenew, release } from '../store/lease.ts'
import type { Clock } from '../kernel/clock.ts'
import type { EventFeed, FeedEvent } from '../events/index.ts'
import type { Metrics } from '../http/metrics.ts'
import { bodyOf, natsSubjectOf, streamNamePattern, subjectPrefixPattern } from './subjects.ts'
import { advanceCursor, readCursor } from './store.ts'

export const defaultStreamName = 'SELLAHEAD'
export const defaultSubjectPrefix = 'sellahead'
export const relayLeaseName = 'nats-relay'
/** JetStream drops a message whose Nats-Msg-Id it stored within this window: a takeover after a crash is well inside it. */
export const duplicateWindowMs = 120_000
/** The JetStream API's code for "stream not found". */
const streamNotFound = 10059

export interface NatsRelayOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`; several separated by commas. */
  url: string
  /** The JetStream stream; created (file storage, two-minute duplicate window) when missing. */
  stream?: string
  /** Subjects are `<prefix>.<topic>.<token>`; the stream takes `<prefix>.>`. */
  subjectPrefix?: string
  /** How long the lease lasts without renewal: a dead holder is replaced after at most this. */
  leaseTtlMs?: number
  /** How often the lease is renewed (well under the time to live). */
  renewEveryMs?: number
  /**
   * How often the holder looks for new events once caught up. Each look is an `EventFeed.read`,
   * which on PostgreSQL takes the outbox's SHARE lock for a moment: not much more often than this.
   */
  pollIntervalMs?: number
  /** Events published at once (all in flight) before the cursor moves. */
  pageSize?: number
  /** How long JetStream has to acknowledge a message before the page is started again. */
  publishTimeoutMs?: number
  /** The longest wait between attempts while NATS is unreachable. */
  maxBackoffMs?: number
  /** This process's name in the lease; unique by default (host/pid/random). */
  holder?: string
  logger?: Logger
  metrics?: Metrics
  /**
   * Tests only: once this many events have been acknowledged, the relay halts as a crash would,
   * in the middle of its page: the cursor stays before the page and the lease is kept (it expires).
   */
  crashAfterEvents?: number
}

type Settings = Required<Omit<NatsRelayOptions, 'logger' | 'metrics' | 'crashAfterEvents'>>

export class NatsRelay {
  readonly #db: Db
  readonly #feed: EventFeed
  readonly #clock: Clock
  readonly #settings: Settings
  readonly #logger: Logger | undefined
  readonly #metrics: Metrics | undefined
  readonly #crashAfterEvents: number | undefined
  /** Until when this process holds the lease, as of its last renewal (measured from before the statement). */
  #heldUntilMs = 0
  #renewing: Promise<boolean> | undefined
  #renewTimer: NodeJS.Timeout | undefined
  #loop: Promise<void> | undefined
  #wake: (() => void) | undefined
  #stopping = false
  #crashed = false
  #nc: NatsConnection | undefined
  #js: JetStreamClient | undefined
  #failures = 0
  #published = 0

  constructor(db: Db, feed: EventFeed, clock: Clock, options: NatsRelayOptions) {
    this.#db = db
    this.#feed = feed
    this.#clock = clock
    this.#logger = options.logger
    this.#metrics = options.metrics
    this.#crashAfterEvents = options.crashAfterEvents
    this.#settings = {
      url: options.url,
      stream: options.stream ?? defaultStreamName,
      subjectPrefix: options.subjectPrefix ?? defaultSubjectPrefix,
      leaseTtlMs: options.leaseTtlMs ?? 5000,
      renewEveryMs: options.renewEveryMs ?? 1000,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      pageSize: options.pageSize ?? 5000,
      publishTimeoutMs: options.publishTimeoutMs ?? 5000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      holder: options.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    }
    if (!streamNamePattern.test(this.#settings.stream)) throw new Error(`invalid JetStream stream name '${this.#settings.stream}'`)
    if (!subjectPrefixPattern.test(this.#settings.subjectPrefix)) throw new Error(`invalid NATS subject prefix '${this.#settings.subjectPrefix}'`)
  }

  get holder(): string {
    return this.#settings.holder
  }

  get stream(): string {
    return this.#settings.stream
  }

  /** Events JetStream acknowledged from this relay since it started. */
  get published(): number {
    return this.#published
  }

  /** Whether this process holds the lease now (and so is the one publishing). */
  holdsLease(): boolean {
    return this.#clock.nowMs() < this.#heldUntilMs && !this.#crashed
  }

  /** The id of the last event the stream acknowledged (shared by every relay of this stream on this database). */
  cursor(): Promise<number> {
    return readCursor(this.#db, this.#settings.stream)
  }

  start(): void {
    if (this.#loop) return
    this.#renewTimer = setInterval(() => void this.#renew(), this.#settings.renewEveryMs)
    this.#renewTimer.unref()
    this.#loop = this.#run()
  }

  /** Resolves when the relay has stopped (after `stop`, or a test's crash). */
  async stopped(): Promise<void> {
    await this.#loop
  }

  /** Finishes the page in flight, gives the lease up so another process takes over at once, and closes the connection. */
  async stop(): Promise<void> {
    this.#stopping = true
    clearInterval(this.#renewTimer)
    this.#wake?.()
    await this.#loop
    await this.#renewing
    // Always: a renewal in flight when stop began may have taken it.
    if (!this.#crashed) {
      await release(this.#db, relayLeaseName, this.#settings.holder).catch((err: unknown) => this.#logger?.warn({ err }, 'NATS relay: could not release its lease; it expires on its own'))
    }
    this.#heldUntilMs = 0
    this.#metrics?.busLeaseHeld.set(0)
    await this.#disconnect()
  }

  /** Single flight: the timer and the loop may both ask. */
  #renew(): Promise<boolean> {
    this.#renewing ??= this.#renewNow().finally(() => { this.#renewing = undefined })
    return this.#renewing
  }

  async #renewNow(): Promise<boolean> {
    if (this.#stopping) return false
    const nowMs = this.#clock.nowMs()
    const wasHeld = this.holdsLease()
    let held = false
    try {
      held = await acquireOrRenew(this.#db, relayLeaseName, this.#settings.holder, this.#settings.leaseTtlMs, nowMs)
    } catch (err) {
      this.#logger?.warn({ err }, 'NATS relay: could not renew its lease')
    }
    if (this.#stopping || this.#crashed) return false
    this.#heldUntilMs = held ? nowMs + this.#settings.leaseTtlMs : 0
    if (held !== wasHeld) this.#logger?.info({ holder: this.#settings.holder, stream: this.#settings.stream }, held ? 'NATS relay: lease taken, relaying the outbox' : 'NATS relay: lease lost, standing by')
    this.#metrics?.busLeaseHeld.set(held ? 1 : 0)
    if (!held) this.#metrics?.busLagSeconds.set(0)
    return held
  }

  async #run(): Promise<void> {
    await this.#renew()
    while (!this.#stopping) {
      let waitMs = this.#settings.pollIntervalMs
      if (this.holdsLease()) {
        try {
          await this.#relayAll()
          if (this.#failures > 0) this.#logger?.info({ stream: this.#settings.stream }, 'NATS relay: publishing again')
          this.#failures = 0
        } catch (err) {
          if (this.#stopping) break
          this.#failures++
          waitMs = Math.min(this.#settings.maxBackoffMs, 500 * 2 ** Math.min(this.#failures - 1, 16))
          this.#logger?.warn({ err, url: this.#settings.url, retryInMs: waitMs }, 'NATS relay: could not publish; the events stay in the outbox and are sent once NATS answers')
          await this.#disconnect()
        }
      } else if (this.#nc) {
        // A process that is not relaying keeps no connection open.
        await this.#disconnect()
      }
      if (this.#stopping) break
      await this.#sleep(waitMs)
    }
  }

  /** Publishes page after page until caught up, the lease is lost, or the relay stops. */
  async #relayAll(): Promise<void> {
    const stream = this.#settings.stream
    let after = await readCursor(this.#db, stream)
    this.#metrics?.busCursor.set(after)
    while (!this.#stopping && this.holdsLease()) {
      const page = await this.#feed.read({ after, limit: this.#settings.pageSize })
      if (page.nextCursor === after) break
      const oldest = page.items[0]
      if (oldest) this.#metrics?.busLagSeconds.set(Math.max(0, (this.#clock.nowMs() - Date.parse(oldest.at)) / 1000))
      // Connected only once there is something to send, after the lag is known (it grows while NATS is down).
      const js = await this.#connected()
      if (!(await this.#publishPage(js, page.items))) return
      // Ids up to nextCursor that are not in the page were rolled back: they never appear.
      await advanceCursor(this.#db, stream, page.nextCursor)
      after = page.nextCursor
      this.#metrics?.busCursor.set(after)
      if (page.items.length < this.#settings.pageSize) break
    }
    this.#metrics?.busLagSeconds.set(0)
  }

  /** Sends every event of the page at once and waits for all acks; false when a test's crash stopped it half way. */
  async #publishPage(js: JetStreamClient, events: readonly FeedEvent[]): Promise<boolean> {
    const crashAt = this.#crashAfterEvents
    const crashing = crashAt !== undefined && this.#published + events.length >= crashAt
    const sending = crashing ? events.slice(0, Math.max(0, crashAt - this.#published)) : events
    const prefix = this.#settings.subjectPrefix
    const timeout = this.#settings.publishTimeoutMs
    // js.publish writes to the socket synchronously, so the messages leave (and are stored) in id order.
    const acks = sending.map((event) => js.publish(natsSubjectOf(prefix, event), JSON.stringify(bodyOf(event)), { msgID: String(event.id), timeout }))
    const results = await Promise.allSettled(acks)
    const acked = results.filter((r) => r.status === 'fulfilled').length
    this.#published += acked
    this.#metrics?.busPublished.inc(acked)
    const failure = results.find((r) => r.status === 'rejected')
    if (failure) throw failure.reason
    if (crashing) {
      this.#crash()
      return false
    }
    return true
  }

  /** Tests' crash: stop here, keep the lease (it expires) and leave the cursor where it is. */
  #crash(): void {
    this.#crashed = true
    this.#stopping = true
    clearInterval(this.#renewTimer)
    this.#heldUntilMs = 0
    this.#metrics?.busLeaseHeld.set(0)
    this.#nc?.close().catch(() => undefined)
    this.#nc = undefined
    this.#js = undefined
  }

  async #connected(): Promise<JetStreamClient> {
    if (this.#js && this.#nc && !this.#nc.isClosed()) return this.#js
    await this.#disconnect()
    const nc = await connect({ servers: this.#settings.url.split(',').map((s) => s.trim()), reconnect: false, timeout: 2000, name: 'sellahead-relay' })
    this.#nc = nc
    await ensureStream(await jetstreamManager(nc), this.#settings.stream, this.#settings.subjectPrefix, this.#logger)
    this.#js = jetstream(nc, { timeout: this.#settings.publishTimeoutMs })
    this.#logger?.info({ url: this.#settings.url, stream: this.#settings.stream }, 'NATS relay: connected')
    return this.#js
  }

  async #disconnect(): Promise<void> {
    const nc = this.#nc
    this.#nc = undefined
    this.#js = undefined
    if (nc && !nc.isClosed()) await nc.close().catch(() => undefined)
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#wake = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.#wake = done
    })
  }
}

/** Creates the stream when it is missing; an existing one is left as its operator configured it. */
async function ensureStream(jsm: JetStreamManager, name: string, subjectPrefix: string, logger: Logger | undefined): Promise<void> {
  try {
    const info = await jsm.streams.info(name)
    if (info.config.duplicate_window < duplicateWindowMs * 1_000_000) {
      logger?.warn({ stream: name, duplicateWindowMs: info.config.duplicate_window / 1_000_000 }, 'NATS relay: the stream\'s duplicate window is under two minutes; a takeover after a crash may store some events twice')
    }
    return
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === streamNotFound)) throw error
  }
  await jsm.streams.add({ name, subjects: [`${subjectPrefix}.>`], storage: StorageType.File, duplicate_window: duplicateWindowMs * 1_000_000 })
  logger?.info({ stream: name, subjects: `${subjectPrefix}.>` }, 'NATS relay: stream created')
}
