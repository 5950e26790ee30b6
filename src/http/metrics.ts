/**
 * Prometheus metrics through prom-client. Each `Metrics` has its own registry, so several apps
 * built in one process (tests, benches) never register a name twice; the process metrics
 * (CPU, memory, event-loop lag, GC) are collected once per process and scraped with every app.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

let processRegistry: Registry | undefined

/**
 * prom-client's default metrics describe the process, not an app, and each collection starts
 * an event-loop delay monitor and a GC observer that cannot be stopped: one set per process.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

export class Metrics {
  /** This app's own metrics; `render()` adds the process metrics. */
  readonly registry = new Registry()
  readonly contentType = this.registry.contentType

  readonly requestSeconds = new Histogram({
    name: 'sellahead_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  })
  /** One labelled child per method × route × status, so a request does not hash its labels again. */
  readonly #requestChildren = new Map<string, { observe(seconds: number): void }>()

  /** Observes one request's latency. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`
    let child = this.#requestChildren.get(key)
    if (!child) this.#requestChildren.set(key, (child = this.requestSeconds.labels(method, route, String(status))))
    child.observe(seconds)
  }

  readonly reservations = new Counter({
    name: 'sellahead_reservations_total',
    help: 'Reservation requests by outcome (accepted, or the rejection code).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  })
  // The engine observes these once per batch, never per request, to keep the hot path cheap.
  readonly batchSize = new Histogram({
    name: 'sellahead_engine_batch_size',
    help: 'Requests committed per inventory engine transaction.',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
    registers: [this.registry],
  })
  readonly batchSeconds = new Histogram({
    name: 'sellahead_engine_batch_duration_seconds',
    help: 'Time to decide and commit one engine batch.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  })
  readonly routingDecisionSeconds = new Histogram({
    name: 'sellahead_routing_decision_seconds',
    help: "Time to route one order in the engine's batch: every line's option at every candidate node, the router and its explanation",
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025],
    registers: [this.registry],
  })
  readonly batchesSplit = new Counter({
    name: 'sellahead_engine_batches_split_total',
    help: 'Engine batches that failed to write and were committed in halves to find the failing requests.',
    registers: [this.registry],
  })
  readonly requestsIsolated = new Counter({
    name: 'sellahead_engine_requests_isolated_total',
    help: 'Requests that failed alone after their batch was split, by whose fault (request: 4xx, server: 5xx).',
    labelNames: ['fault'] as const,
    registers: [this.registry],
  })
  readonly expired = new Counter({
    name: 'sellahead_reservations_expired_total',
    help: 'Held reservations released when their hold deadline passed.',
    registers: [this.registry],
  })
  readonly webhookDeliveries = new Counter({
    name: 'sellahead_webhook_deliveries_total',
    help: 'Webhook deliveries finished, by outcome (delivered, failed after the last attempt or when its endpoint answered 410 Gone).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  })
  readonly webhookAttempts = new Counter({
    name: 'sellahead_webhook_attempts_total',
    help: 'Webhook delivery attempts, by outcome (delivered, http_error, timeout, network_error, address_refused).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  })
  /** Reads the webhook queue at scrape time; set by the composition root. */
  #webhookFigures: (() => Promise<WebhookQueueFigures>) | undefined
  readonly webhookGauges = webhookGauges(this.registry, () => this.#webhookFigures?.())
  /** Where the webhook gauges read their figures from, at each scrape. */
  observeWebhooks(read: () => Promise<WebhookQueueFigures>): void {
    this.#webhookFigures = read
  }

  // Channel availability (availability/service.ts).
  readonly availabilityDeltas = new Counter({
    name: 'sellahead_availability_deltas_total',
    help: 'Channel availability values changed by the projector in this process (each one delta in its channel\'s feed, an availability.changed event).',
    registers: [this.registry],
  })
  /** Reads the projector's lag at scrape time; set by the composition root. */
  #availabilityLag: (() => Promise<number>) | undefined
  readonly availabilityLagSeconds = new Gauge({
    name: 'sellahead_availability_lag_seconds',
    help: 'Age of the oldest committed change the availability projector has not yet taken into account (0 when caught up).',
    registers: [this.registry],
    collect: async () => {
      // A database that cannot be read leaves the gauge as it was rather than failing the scrape.
      const seconds = await this.#availabilityLag?.().catch(() => undefined)
      if (seconds !== undefined) this.availabilityLagSeconds.set(seconds)
    },
  })
  /** Where the availability lag gauge reads its figure from, at each scrape. */
  observeAvailability(readLagSeconds: () => Promise<number>): void {
    this.#availabilityLag = readLagSeconds
  }

  // The NATS relay of the outbox (bus/relay.ts); all zero when NATS_URL is not set.
  readonly busPublished = new Counter({
    name: 'sellahead_bus_events_published_total',
    help: 'Outbox events JetStream acknowledged from this process (duplicates it dropped included).',
    registers: [this.registry],
  })
  readonly busLagSeconds = new Gauge({
    name: 'sellahead_bus_lag_seconds',
    help: 'Age of the oldest outbox event not yet relayed to NATS (0 when caught up, or when this process does not hold the relay lease).',
    registers: [this.registry],
  })
  readonly busCursor = new Gauge({
    name: 'sellahead_bus_cursor',
    help: 'Id of the last outbox event the NATS relay has had acknowledged.',
    registers: [this.registry],
  })
  readonly busLeaseHeld = new Gauge({
    name: 'sellahead_bus_lease_held',
    help: '1 when this process holds the NATS relay lease (and so publishes), else 0.',
    registers: [this.registry],
  })
  // Last: merging copies the metrics registered so far.
  readonly #scraped = Registry.merge([this.registry, processMetrics()])

  /** The Prometheus text exposition: this app's metrics, then the process's. */
  render(): Promise<string> {
    return this.#scraped.metrics()
  }
}

/** What the webhook gauges show: per endpoint its pending deliveries and the oldest one's age, and the fan-out's lag. */
export interface WebhookQueueFigures {
  endpoints: Array<{ endpointId: string; pending: number; oldestAgeSeconds: number }>
  fanOutLagEvents: number
}

/**
 * The webhook gauges, computed at scrape time. prom-client collects every metric at once, so the
 * three share one read of the figures per scrape.
 */
function webhookGauges(registry: Registry, read: () => Promise<WebhookQueueFigures> | undefined) {
  let reading: Promise<WebhookQueueFigures | undefined> | undefined
  const figures = () => {
    // A database that cannot be read leaves the gauges empty rather than failing the whole scrape.
    reading ??= Promise.resolve(read()).catch(() => undefined).finally(() => (reading = undefined))
    return reading
  }
  const depth = new Gauge({
    name: 'sellahead_webhook_queue_depth',
    help: 'Webhook deliveries pending (waiting for an attempt or a retry), per endpoint.',
    labelNames: ['endpoint'] as const,
    registers: [registry],
    async collect() {
      const read = await figures()
      depth.reset()
      for (const e of read?.endpoints ?? []) depth.set({ endpoint: e.endpointId }, e.pending)
    },
  })
  const oldest = new Gauge({
    name: 'sellahead_webhook_oldest_pending_age_seconds',
    help: 'Age in seconds of the oldest undelivered webhook delivery, per endpoint.',
    labelNames: ['endpoint'] as const,
    registers: [registry],
    async collect() {
      const read = await figures()
      oldest.reset()
      for (const e of read?.endpoints ?? []) oldest.set({ endpoint: e.endpointId }, e.oldestAgeSeconds)
    },
  })
  const lag = new Gauge({
    name: 'sellahead_webhook_fan_out_lag_events',
    help: 'Outbox events not yet fanned out into webhook deliveries.',
    registers: [registry],
    async collect() {
      const read = await figures()
      if (read) lag.set(read.fanOutLagEvents)
    },
  })
  return { depth, oldest, lag }
}
