/** A small Prometheus text registry: counters and histograms with labels, no dependency. */
type Labels = Record<string, string>

const labelText = (labels: Labels): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
  return parts.length ? `{${parts.join(',')}}` : ''
}

export class Counter {
  readonly #values = new Map<string, number>()
  readonly name: string
  readonly help: string
  constructor(name: string, help: string) {
    this.name = name
    this.help = help
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels)
    this.#values.set(key, (this.#values.get(key) ?? 0) + by)
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    for (const [labels, value] of this.#values) lines.push(`${this.name}${labels} ${value}`)
    return lines.join('\n')
  }
}

export class Histogram {
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>()
  readonly name: string
  readonly help: string
  readonly buckets: readonly number[]
  constructor(name: string, help: string, buckets: readonly number[]) {
    this.name = name
    this.help = help
    this.buckets = buckets
  }
  observe(value: number, labels: Labels = {}): void {
    const key = labelText(labels)
    let series = this.#series.get(key)
    if (!series) {
      series = { counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }
      this.#series.set(key, series)
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) series.counts[i]++
    series.sum += value
    series.count++
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const [labels, s] of this.#series) {
      const inner = labels ? labels.slice(1, -1) + ',' : ''
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{${inner}le="${b}"} ${s.counts[i]}`))
      lines.push(`${this.name}_bucket{${inner}le="+Inf"} ${s.count}`)
      lines.push(`${this.name}_sum${labels} ${s.sum}`, `${this.name}_count${labels} ${s.count}`)
    }
    return lines.join('\n')
  }
}

export class Metrics {
  readonly requestSeconds = new Histogram(
    'sellahead_http_request_duration_seconds',
    'HTTP request latency by route, method and status.',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  )
  readonly reservations = new Counter('sellahead_reservations_total', 'Reservation requests by outcome (accepted, or the rejection code).')
  readonly batchSize = new Histogram(
    'sellahead_engine_batch_size',
    'Requests committed per inventory engine transaction.',
    [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
  )
  readonly batchSeconds = new Histogram(
    'sellahead_engine_batch_duration_seconds',
    'Time to decide and commit one engine batch.',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  )
  readonly expired = new Counter('sellahead_reservations_expired_total', 'Held reservations released when their hold deadline passed.')

  render(): string {
    return [this.requestSeconds, this.reservations, this.batchSize, this.batchSeconds, this.expired].map((m) => m.render()).join('\n') + '\n'
  }
}
