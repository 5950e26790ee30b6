/**
 * Webhooks: endpoints and their secrets, the fan-out of outbox events into one delivery per
 * matching endpoint, and the dispatcher that POSTs them signed (Standard Webhooks), retries them
 * on the spec's schedule and keeps every attempt in the delivery log.
 *
 * The fan-out reads committed events after its cursor and writes the page's deliveries with the
 * new cursor in one transaction, so each event becomes each delivery exactly once, crash or not.
 * The dispatcher claims due deliveries with a compare-and-set lease, so two processes never send
 * the same attempt; a delivery waits while an earlier one of its endpoint and subject is pending.
 */
import type { Logger } from 'pino'
import { Webhook } from 'standardwebhooks'
import type { Db, Queryable } from '../store/db.ts'
import { txResult } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { uuidv7 } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { EventFeed } from '../events/index.ts'
import type { Metrics, WebhookQueueFigures } from '../http/metrics.ts'
import { bodyOf, defaultRetryScheduleMs, endpointWants, errorOf, nextStep, unknownTopicOf, type AttemptOutcome, type DeliveryStep } from './decide.ts'
import { fail, notFound, type WebhookErrorCode } from './errors.ts'
import { resolveTarget } from './address.ts'
import { newSigningSecret, SecretBox } from './secrets.ts'
import { postOnce } from './send.ts'
import type { Delivery, DeliveryStatus, Endpoint, OwnerDeliveryFigures, SubjectDeliveryState } from './model.ts'
import {
  claimDeliveries, deleteEndpoint, deliveriesOfSubjects, deliveryById, deliveryPage, disableEndpoint, dueDeliveries, enabledEndpoints, endpointById,
  endpointPage, endpointsByIds, ensureCursor, insertDeliveries, insertEndpoint, ownerFigures, queueFigures, readCursor, recordAttempt, requeueDelivery, requeueFailed,
  updateEndpoint, writeCursor, type DueDelivery, type NewDelivery, type StoredEndpoint,
} from './store.ts'

const cursorName = 'fan-out'
export const defaultGraceHours = 24

export interface WebhookOptions {
  /** How often fan-out and dispatch run; 0 turns the poller off (tests call `step`). */
  pollIntervalMs?: number
  /** The delay before each attempt; its length is the number of attempts. Standard Webhooks' schedule by default. */
  retryScheduleMs?: readonly number[]
  /** How long one attempt may take. */
  requestTimeoutMs?: number
  /** Deliveries attempted at once per dispatch pass. */
  concurrency?: number
  /** Events per fan-out transaction. */
  batchSize?: number
  /** SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: endpoints may be private, loopback or local addresses (development and tests). */
  allowPrivate?: boolean
  /** A number in [-1, 1] moving each retry's delay by up to ±20 %; random by default. */
  jitter?: () => number
  logger?: Logger
  /** Tests only: runs inside each fan-out transaction just before it commits; a throw rolls the page back. */
  beforeCommit?: (deliveries: number) => void
}

/** The topics any of the endpoints wants (undefined: every topic, or no endpoint at all), and a key to compare two sets by. */
function topicsWanted(endpoints: readonly StoredEndpoint[]): { topics: string[] | undefined; key: string } {
  const key = JSON.stringify(endpoints.map((e) => [e.id, e.topics]))
  if (endpoints.length === 0 || endpoints.some((e) => e.topics.length === 0)) return { topics: undefined, key }
  return { topics: [...new Set(endpoints.flatMap((e) => e.topics))], key }
}

/** One attempt made in a dispatch pass, and what it leads to; recorded with the pass's others. */
interface Tried {
  endpoint: StoredEndpoint
  delivery: DueDelivery
  outcome: AttemptOutcome
  step: DeliveryStep
  status: DeliveryStatus
  startedMs: number
  endedMs: number
  durationMs: number
  roundAttempts: number
}

/** Whose endpoints a caller manages: staff's (every endpoint) or one channel's. */
export type EndpointOwner = { kind: 'staff' } | { kind: 'channel'; channelId: string }

export interface EndpointInput {
  url: string
  description?: string
  topics?: string[]
  enabled?: boolean
}

export interface EndpointCreated { endpoint: Endpoint; secret: string }


const publicEndpoint = (e: StoredEndpoint): Endpoint => {
  const { sealedSecret: _s, sealedPreviousSecret: _p, ...endpoint } = e
  return endpoint
}

export class Webhooks {
  readonly #db: Db
  readonly #clock: Clock
  readonly #feed: EventFeed
  readonly #metrics: Metrics | undefined
  readonly #box: SecretBox
  readonly #options: WebhookOptions
  readonly #scheduleMs: readonly number[]
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> | undefined
  #cursorReady = false

  constructor(db: Db, clock: Clock, deps: { events: EventFeed; rootSecret: () => Promise<string>; metrics?: Metrics }, options: WebhookOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#feed = deps.events
    this.#metrics = deps.metrics
    this.#box = new SecretBox(deps.rootSecret)
    this.#options = options
    this.#scheduleMs = options.retryScheduleMs ?? defaultRetryScheduleMs
    if (this.#scheduleMs.length === 0) throw new Error('a retry schedule needs at least one attempt')
    const intervalMs = options.pollIntervalMs ?? 1000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        if (this.#running) return
        this.#running = this.step()
          .catch((err) => options.logger?.error({ err }, 'webhooks: fan-out or dispatch failed; it resumes from its cursor'))
          .finally(() => (this.#running = undefined))
      }, intervalMs)
      this.#timer.unref()
    }
  }

  // Endpoints.

  async create(owner: EndpointOwner, input: EndpointInput): Promise<Result<EndpointCreated, WebhookErrorCode>> {
    const checked = await this.#checkInput(input)
    if (!checked.ok) return checked
    const nowMs = this.#clock.nowMs()
    const secret = newSigningSecret()
    const endpoint: StoredEndpoint = {
      id: `whe_${uuidv7(nowMs)}`, channelId: owner.kind === 'channel' ? owner.channelId : null, url: checked.value.url ?? input.url,
      description: input.description ?? '', topics: input.topics ?? [], enabled: input.enabled ?? true, disabledReason: null,
      previousSecretUntilMs: null, createdAtMs: nowMs, updatedAtMs: nowMs, sealedSecret: await this.#box.seal(secret), sealedPreviousSecret: null,
    }
    await insertEndpoint(this.#db, endpoint)
    return ok({ endpoint: publicEndpoint(endpoint), secret })
  }

  async list(owner: EndpointOwner, after: string | undefined, limit: number): Promise<Endpoint[]> {
    return (await endpointPage(this.#db, owner.kind === 'channel' ? owner.channelId : undefined, after, limit)).map(publicEndpoint)
  }

  async get(owner: EndpointOwner, id: string): Promise<Result<Endpoint, WebhookErrorCode>> {
    const found = await this.#owned(this.#db, owner, id)
    return found.ok ? ok(publicEndpoint(found.value)) : found
  }

  async update(owner: EndpointOwner, id: string, input: Partial<EndpointInput>): Promise<Result<Endpoint>> {
    const checked = input.url === undefined && input.topics === undefined ? ok({ url: undefined }) : await this.#checkInput({ url: input.url, topics: input.topics })
    if (!checked.ok) return checked
    return txResult(this.#db, async (tx) => {
      const found = await this.#owned(tx, owner, id, true)
      if (!found.ok) return found
      const before = found.value
      // Enabling again clears the reason it was disabled for.
      const enabled = input.enabled ?? before.enabled
      const next: StoredEndpoint = {
        ...before, url: checked.value.url ?? before.url, description: input.description ?? before.description, topics: input.topics ?? before.topics,
        enabled, disabledReason: enabled ? null : input.enabled === false ? 'disabled by request' : before.disabledReason, updatedAtMs: this.#clock.nowMs(),
      }
      await updateEndpoint(tx, next)
      return ok(publicEndpoint(next))
    })
  }

  /** The endpoint with its deliveries and their log: answers it as it was. */
  async remove(owner: EndpointOwner, id: string): Promise<Result<Endpoint>> {
    return txResult(this.#db, async (tx) => {
      const found = await this.#owned(tx, owner, id, true)
      if (!found.ok) return found
      await deleteEndpoint(tx, id)
      return ok(publicEndpoint(found.value))
    })
  }

  /** A new secret, answered once; the one before it keeps signing (beside it) for `graceHours`. */
  async rotateSecret(owner: EndpointOwner, id: string, graceHours = defaultGraceHours): Promise<Result<EndpointCreated>> {
    const secret = newSigningSecret()
    const sealed = await this.#box.seal(secret)
    return txResult(this.#db, async (tx) => {
      const found = await this.#owned(tx, owner, id, true)
      if (!found.ok) return found
      const nowMs = this.#clock.nowMs()
      const next: StoredEndpoint = {
        ...found.value, sealedSecret: sealed,
        sealedPreviousSecret: graceHours > 0 ? found.value.sealedSecret : null,
        previousSecretUntilMs: graceHours > 0 ? nowMs + graceHours * 3_600_000 : null,
        updatedAtMs: nowMs,
      }
      await updateEndpoint(tx, next)
      return ok({ endpoint: publicEndpoint(next), secret })
    })
  }

  async deliveries(owner: EndpointOwner, id: string, after: string | undefined, limit: number, status?: DeliveryStatus): Promise<Result<Delivery[], WebhookErrorCode>> {
    const found = await this.#owned(this.#db, owner, id)
    if (!found.ok) return found
    return ok(await deliveryPage(this.#db, id, after, limit, status))
  }

  /** One delivery back in the queue, due now, whatever it came to before. */
  async replay(owner: EndpointOwner, id: string, deliveryId: string): Promise<Result<Delivery>> {
    return txResult(this.#db, async (tx) => {
      const found = await this.#owned(tx, owner, id, true)
      if (!found.ok) return found
      if ((await requeueDelivery(tx, id, deliveryId, this.#clock.nowMs())) !== 1) return notFound('webhook_delivery', deliveryId)
      return ok((await deliveryById(tx, id, deliveryId))!)
    })
  }

  /** Every failed delivery of the endpoint (made at or after `sinceMs`) back in the queue. */
  async replayFailed(owner: EndpointOwner, id: string, sinceMs = 0): Promise<Result<{ replayed: number }>> {
    return txResult(this.#db, async (tx) => {
      const found = await this.#owned(tx, owner, id, true)
      if (!found.ok) return found
      return ok({ replayed: await requeueFailed(tx, id, sinceMs, this.#clock.nowMs()) })
    })
  }

  async #owned(q: Queryable, owner: EndpointOwner, id: string, forUpdate = false): Promise<Result<StoredEndpoint, WebhookErrorCode>> {
    const found = await endpointById(q, id, forUpdate)
    // Another channel's endpoint is answered exactly as a missing one.
    if (!found || (owner.kind === 'channel' && found.channelId !== owner.channelId)) return notFound('webhook_endpoint', id)
    return ok(found)
  }

  async #checkInput(input: { url?: string; topics?: string[] }): Promise<Result<{ url: string | undefined }, WebhookErrorCode>> {
    if (input.topics) {
      const unknown = unknownTopicOf(input.topics)
      if (unknown !== undefined) return fail('invalid_topic', `'${unknown}' names no topic Sellahead publishes (e.g. order.changed) nor a prefix of one ending in '.' (e.g. order.).`)
    }
    if (input.url === undefined) return ok({ url: undefined })
    const target = await resolveTarget(input.url, this.#options.allowPrivate === true)
    return target.ok ? ok({ url: target.value.url.href }) : target
  }

  // Fan-out and dispatch.

  /** Fans out what is committed, then dispatches until nothing is due: what the poller runs. */
  async step(): Promise<{ events: number; attempts: number }> {
    const { events } = await this.fanOut()
    let attempts = 0
    for (;;) {
      const pass = await this.dispatch()
      attempts += pass.attempts
      if (pass.attempts === 0) return { events, attempts }
    }
  }

  /** Every event committed so far becomes its deliveries, page by page. */
  async fanOut(): Promise<{ events: number; deliveries: number }> {
    if (!this.#cursorReady) await ensureCursor(this.#db, cursorName)
    this.#cursorReady = true
    let events = 0
    let deliveries = 0
    for (;;) {
      const page = await this.#fanOutPage()
      events += page.events
      deliveries += page.deliveries
      if (!page.more) return { events, deliveries }
    }
  }

  async #fanOutPage(): Promise<{ events: number; deliveries: number; more: boolean }> {
    const limit = this.#options.batchSize ?? 500
    const after = await readCursor(this.#db, cursorName)
    // Only the topics some endpoint wants are read: a flood of stock events nobody subscribed to
    // is skipped by the database instead of parsed and fanned out to no one.
    const wanted = topicsWanted(await enabledEndpoints(this.#db))
    const page = await this.#feed.read({ after, limit, topics: wanted.topics })
    if (page.nextCursor === after) return { events: 0, deliveries: 0, more: false }
    const nowMs = this.#clock.nowMs()
    const made = await this.#db.tx(async (tx) => {
      // Another process's fan-out may have moved the cursor since it was read: then this page is its.
      if ((await readCursor(tx, cursorName, true)) !== after) return undefined
      const endpoints = await enabledEndpoints(tx)
      // An endpoint added or changed since the page was read may want events the filter left out: read it again.
      if (topicsWanted(endpoints).key !== wanted.key) return undefined
      const rows: NewDelivery[] = []
      for (const event of page.items) {
        const atMs = Date.parse(event.at)
        let body: string | undefined
        for (const endpoint of endpoints) {
          if (!endpointWants(endpoint, event, atMs)) continue
          body ??= bodyOf(event)
          rows.push({ id: `whd_${uuidv7(nowMs)}`, endpointId: endpoint.id, eventId: event.id, topic: event.topic, subject: event.subject, body })
        }
      }
      await insertDeliveries(tx, rows, nowMs)
      await writeCursor(tx, cursorName, page.nextCursor)
      this.#options.beforeCommit?.(rows.length)
      return rows.length
    })
    if (made === undefined) return { events: 0, deliveries: 0, more: true }
    return { events: page.items.length, deliveries: made, more: page.items.length === limit }
  }

  /** One pass: claims up to `concurrency` due deliveries and attempts each once. */
  async dispatch(): Promise<{ attempts: number }> {
    const nowMs = this.#clock.nowMs()
    const due = await dueDeliveries(this.#db, nowMs, this.#options.concurrency ?? 8)
    if (due.length === 0) return { attempts: 0 }
    const endpoints = new Map((await endpointsByIds(this.#db, [...new Set(due.map((d) => d.endpointId))])).map((e) => [e.id, e]))
    const timeoutMs = this.#options.requestTimeoutMs ?? 10_000
    // One statement claims the pass; the lease outlasts the attempts, so a second dispatcher cannot take them meanwhile.
    const leaseUntilMs = nowMs + timeoutMs + 30_000
    const claimed = await claimDeliveries(this.#db, due.filter((d) => endpoints.has(d.endpointId)).map((d) => d.id), nowMs, leaseUntilMs)
    const tried = await Promise.all(due.filter((d) => claimed.has(d.id)).map((delivery) => this.#attempt(endpoints.get(delivery.endpointId)!, delivery, timeoutMs)))
    // And one transaction records what came of them.
    const recorded = await this.#db.tx(async (tx) => {
      const done: Tried[] = []
      for (const t of tried) if (await this.#record(tx, t, leaseUntilMs)) done.push(t)
      return done
    })
    for (const t of recorded) {
      this.#metrics?.webhookAttempts.inc({ outcome: t.outcome.kind })
      if (t.status !== 'pending') this.#metrics?.webhookDeliveries.inc({ outcome: t.status })
      if (t.step.status === 'gone') this.#options.logger?.warn({ endpointId: t.endpoint.id }, 'webhook endpoint answered 410 Gone: disabled')
    }
    return { attempts: tried.length }
  }

  async #attempt(endpoint: StoredEndpoint, delivery: DueDelivery, timeoutMs: number): Promise<Tried> {
    const startedMs = this.#clock.nowMs()
    // The duration is the receiver's, measured on the monotonic clock; the injected clock dates things.
    const startedAt = performance.now()
    const outcome = await this.#send(endpoint, delivery, timeoutMs)
    const durationMs = Math.round(performance.now() - startedAt)
    const endedMs = Math.max(startedMs, this.#clock.nowMs())
    const roundAttempts = delivery.roundAttempts + 1
    const step = nextStep(outcome, roundAttempts, this.#scheduleMs, endedMs, this.#options.jitter?.() ?? Math.random() * 2 - 1)
    const status: DeliveryStatus = step.status === 'gone' ? 'failed' : step.status
    return { endpoint, delivery, outcome, step, status, startedMs, endedMs, durationMs, roundAttempts }
  }

  /** Writes an attempt and the delivery's next state, if the claim is still this dispatcher's. */
  async #record(tx: Queryable, t: Tried, leaseUntilMs: number): Promise<boolean> {
    const attempt = { atMs: t.startedMs, httpStatus: 'httpStatus' in t.outcome ? t.outcome.httpStatus : null, durationMs: t.durationMs, error: errorOf(t.outcome) }
    const next = { status: t.status, nextAttemptAtMs: t.step.status === 'pending' ? t.step.nextAttemptAtMs : t.endedMs, roundAttempts: t.roundAttempts }
    const done = await recordAttempt(tx, t.delivery.id, leaseUntilMs, attempt, next)
    if (done && t.step.status === 'gone') {
      await disableEndpoint(tx, t.endpoint.id, `The endpoint answered 410 Gone at ${new Date(t.endedMs).toISOString()}; enable it again to resume deliveries.`, t.endedMs)
    }
    return done
  }

  async #send(endpoint: StoredEndpoint, delivery: DueDelivery, timeoutMs: number): Promise<AttemptOutcome> {
    const target = await resolveTarget(endpoint.url, this.#options.allowPrivate === true)
    if (!target.ok) return { kind: 'address_refused', message: target.detail }
    const signedAt = new Date(this.#clock.nowMs())
    const signatures = [new Webhook(await this.#box.open(endpoint.sealedSecret)).sign(delivery.id, signedAt, delivery.body)]
    // During a rotation's grace period the old secret signs too: a receiver with either verifies.
    if (endpoint.sealedPreviousSecret !== null && endpoint.previousSecretUntilMs !== null && signedAt.getTime() < endpoint.previousSecretUntilMs) {
      signatures.push(new Webhook(await this.#box.open(endpoint.sealedPreviousSecret)).sign(delivery.id, signedAt, delivery.body))
    }
    const headers = {
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
      'webhook-signature': signatures.join(' '),
    }
    return postOnce(target.value, headers, delivery.body, timeoutMs, () => this.#clock.nowMs())
  }

  // What others read.

  /** Every delivery about these subjects (e.g. an order's id), with its status, attempts and last answer. */
  async deliveryStateOf(subjects: readonly string[]): Promise<Map<string, SubjectDeliveryState[]>> {
    const out = new Map<string, SubjectDeliveryState[]>()
    for (const { subject, ...state } of await deliveriesOfSubjects(this.#db, subjects)) {
      const list = out.get(subject) ?? []
      list.push(state)
      out.set(subject, list)
    }
    return out
  }

  /**
   * Whether an enabled endpoint would receive an event of `topic` about `channelId` committed at
   * `atMs`: what tells a notification still waiting for the fan-out from one nobody will receive.
   */
  async wouldDeliver(topic: string, channelId: string, atMs: number): Promise<boolean> {
    const event = { id: 0, topic, subject: null, payload: { channelId }, at: new Date(atMs).toISOString() }
    return (await enabledEndpoints(this.#db)).some((e) => endpointWants(e, event, atMs))
  }

  /** The queue per endpoint and how far fan-out is behind the outbox: read at scrape time. */
  async queueFigures(): Promise<WebhookQueueFigures> {
    const nowMs = this.#clock.nowMs()
    const [queue, cursor, newest] = await Promise.all([queueFigures(this.#db), readCursor(this.#db, cursorName), this.#feed.newestId()])
    return {
      endpoints: queue.map((q) => ({ endpointId: q.endpointId, pending: q.pending, oldestAgeSeconds: Math.max(0, (nowMs - q.oldestAtMs) / 1000) })),
      fanOutLagEvents: Math.max(0, newest - cursor),
    }
  }

  /**
   * Per owner of endpoints (a channel, or null for staff endpoints): deliveries delivered and
   * failed (after their last attempt) since `sinceMs`, their success rate, those pending and the
   * oldest pending one's age.
   */
  async ownerFigures(sinceMs: number): Promise<OwnerDeliveryFigures[]> {
    const nowMs = this.#clock.nowMs()
    return (await ownerFigures(this.#db, sinceMs)).map((f) => ({
      channelId: f.channelId, delivered: f.delivered, failed: f.failed, pending: f.pending,
      successRate: f.delivered + f.failed === 0 ? null : f.delivered / (f.delivered + f.failed),
      oldestUndeliveredAgeSeconds: f.oldestPendingAtMs === null ? null : Math.max(0, (nowMs - f.oldestPendingAtMs) / 1000),
    }))
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#running?.catch(() => undefined)
  }
}
