/** /metrics through the app: Sellahead's own series with their names, labels and help, and the process metrics. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { ManualClock } from '../src/kernel/clock.ts'

const help = {
  sellahead_http_request_duration_seconds: ['histogram', 'HTTP request latency by route, method and status.'],
  sellahead_reservations_total: ['counter', 'Reservation requests by outcome (accepted, or the rejection code).'],
  sellahead_engine_batch_size: ['histogram', 'Requests committed per inventory engine transaction.'],
  sellahead_engine_batch_duration_seconds: ['histogram', 'Time to decide and commit one engine batch.'],
  sellahead_reservations_expired_total: ['counter', 'Held reservations released when their hold deadline passed.'],
}

/** The value of one sample line, e.g. `name{a="b"} 3`; undefined when the series is absent. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('/metrics', () => {
  const clock = new ManualClock()
  let t: TestApp
  let other: TestApp
  let w: World
  before(async () => {
    t = await startTestApp('sqlite', { clock })
    other = await startTestApp('sqlite')
    w = await seedWorld(t)
  })
  after(async () => {
    await t.close()
    await other.close()
  })
  const scrape = async (app: TestApp) => {
    const res = await app.app.inject({ method: 'GET', url: '/metrics' })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/)
    return res.body
  }

  test('counts reservations by outcome, engine batches, expiries and request latency, with the same names and help as ever', async () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: w.admin, payload })
    assert.equal((await post('/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: 2 })).statusCode, 200)
    assert.equal((await post('/v1/reservations', { sku: 'SKU-A', node: 'WH-E', quantity: 1, holdSeconds: 60 })).statusCode, 201)
    assert.equal((await post('/v1/reservations', { sku: 'SKU-A', node: 'WH-E', quantity: 5 })).statusCode, 409)
    clock.advance(61_000)
    assert.equal((await t.services.inventory.sweep()).reservations, 1)

    const body = await scrape(t)
    for (const [name, [type, text]] of Object.entries(help)) {
      assert.ok(body.includes(`# HELP ${name} ${text}\n# TYPE ${name} ${type}\n`), `${name} keeps its help and type`)
    }
    assert.equal(sample(body, 'sellahead_reservations_total{outcome="accepted"}'), 1)
    assert.equal(sample(body, 'sellahead_reservations_total{outcome="insufficient_stock"}'), 1)
    assert.equal(sample(body, 'sellahead_reservations_expired_total'), 1)
    // Receipt, two reservations and the expiry release: four batches of one request at most.
    const batches = sample(body, 'sellahead_engine_batch_size_count')!
    assert.ok(batches >= 1 && batches <= 4, `${batches} batches`)
    assert.equal(sample(body, 'sellahead_engine_batch_size_bucket{le="+Inf"}'), batches)
    assert.equal(sample(body, 'sellahead_engine_batch_duration_seconds_count'), batches)
    assert.equal(sample(body, 'sellahead_http_request_duration_seconds_count{method="POST",route="/v1/reservations",status="201"}'), 1)
    assert.equal(sample(body, 'sellahead_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/v1/reservations",status="409"}'), 1)
  })

  test('also serves the process metrics: CPU, memory, event-loop lag, heap', async () => {
    const body = await scrape(t)
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      assert.ok(sample(body, name)! >= 0, `${name} is served`)
    }
    assert.match(body, /# TYPE nodejs_gc_duration_seconds histogram/)
  })

  test('each app counts its own requests; two apps in one process share only the process metrics', async () => {
    const body = await scrape(other)
    assert.equal(sample(body, 'sellahead_reservations_total{outcome="accepted"}'), undefined)
    assert.equal(sample(body, 'sellahead_reservations_expired_total'), 0)
    assert.ok(sample(body, 'process_cpu_user_seconds_total')! > 0)
    assert.equal(body.match(/^# TYPE process_cpu_user_seconds_total /gm)?.length, 1, 'registered once')
  })
})
