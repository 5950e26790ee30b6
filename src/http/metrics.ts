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
