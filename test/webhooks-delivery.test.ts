/**
 * Webhook delivery end to end, on both stores: events published to the outbox are fanned out and
 * POSTed to a real local receiver, which verifies every delivery with the standardwebhooks
 * library. Time is a ManualClock moved by hand, so retries are driven step by step, not waited for.
 */
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { publishOrderChanged, Receiver, stepUntil } from './helpers/webhooks.ts'
import { Webhooks } from '../src/webhooks/index.ts'

const scheduleMs = [0, 5_000, 60_000]

for (const kind of await storeKinds()) {
  describe(`webhook delivery on ${kind}`, () => {
    let t: TestApp
    let clock: ManualClock
    let receiver: Receiver
    let admin: { authorization: string }

    beforeEach(async () => {
      clock = new ManualClock(Date.now())
      t = await startTestApp(kind, { clock, webhooks: { retryScheduleMs: scheduleMs, jitter: () => 0, requestTimeoutMs: 300 } })
      receiver = await Receiver.start()
      admin = await t.auth('admin')
    })
    afterEach(async () => {
      await receiver.close()
      await t.close()
    })

    const createEndpoint = async (body: Record<string, unknown> = {}, headers = admin) => {
      const res = await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url: receiver.url, ...body } })
      assert.equal(res.statusCode, 201, res.body)
      const endpoint = res.json() as { id: string; secret: string }
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/=]+$/)
      receiver.secrets.set('current', endpoint.secret)
      return endpoint
    }
    const log = async (endpointId: string, query = '') => {
      const res = await t.app.inject({ url: `/v1/webhook-endpoints/${endpointId}/deliveries${query}`, headers: admin })
      assert.equal(res.statusCode, 200, res.body)
      return res.json().items as Array<{ id: string; status: string; eventId: number; nextAttemptAt: string | null; attempts: Array<{ httpStatus: number | null; error: string | null; durationMs: number }> }>
    }

    test('500, 500, then 200: the same webhook-id each time, a fresh timestamp and signature each attempt, then delivered once', async () => {
      const endpoint = await createEndpoint()
      receiver.answer = (_r, n) => ({ status: n < 2 ? 500 : 200 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1)
      // Not due again until the schedule's 5 s have passed.
      clock.advance(4_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1)
      clock.advance(1_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 2)
      clock.advance(60_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 3)
      const ids = new Set(receiver.received.map((r) => r.id))
      assert.equal(ids.size, 1, 'one webhook-id across retries')
      assert.equal(new Set(receiver.received.map((r) => r.timestamp)).size, 3, 'a fresh timestamp each attempt')
      assert.equal(new Set(receiver.received.map((r) => r.signature)).size, 3, 're-signed each attempt')
      for (const r of receiver.received) assert.deepEqual(r.verifiedBy, ['current'])
      const body = JSON.parse(receiver.received[0].body)
      assert.equal(body.type, 'order.changed')
      assert.equal(body.data.subject, 'ord-1')
      assert.equal(body.data.orderId, 'ord-1')
      assert.equal(typeof body.data.eventId, 'number')
      assert.ok(!Number.isNaN(Date.parse(body.timestamp)))

      const [delivery] = await log(endpoint.id)
      assert.equal(delivery.status, 'delivered')
      assert.deepEqual(delivery.attempts.map((a) => a.httpStatus), [500, 500, 200])
      assert.deepEqual(delivery.attempts.map((a) => a.error), ['HTTP 500', 'HTTP 500', null])
      assert.equal(delivery.id, [...ids][0])
      // Nothing more is sent once delivered.
      clock.advance(3_600_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 3)
      const metrics = (await t.app.inject({ url: '/metrics' })).body
      assert.match(metrics, /sellahead_webhook_attempts_total\{outcome="http_error"\} 2/)
      assert.match(metrics, /sellahead_webhook_deliveries_total\{outcome="delivered"\} 1/)
      assert.match(metrics, /sellahead_webhook_fan_out_lag_events 0/)
    })

    test('each event becomes each delivery once: a second fan-out adds nothing, and two dispatchers never send one attempt twice', async () => {
      const first = await createEndpoint()
      const second = await createEndpoint({ topics: ['order.'] })
      receiver.secrets.clear()
      await publishOrderChanged(t, Array.from({ length: 30 }, (_, i) => ({ orderId: `ord-${i}`, channelId: 'chn-1' })))
      const fanned = await t.services.webhooks.fanOut()
      assert.equal(fanned.deliveries, 60)
      assert.equal((await t.services.webhooks.fanOut()).deliveries, 0)
      // Several dispatch passes at once, as two processes would run them.
      await Promise.all([t.services.webhooks.dispatch(), t.services.webhooks.dispatch(), t.services.webhooks.dispatch()])
      await stepUntil(t, () => receiver.received.length >= 60, 'every delivery')
      const ids = receiver.received.map((r) => r.id)
      assert.equal(ids.length, 60)
      assert.equal(new Set(ids).size, 60, 'no delivery sent twice')
      assert.equal((await log(first.id, '?limit=500')).filter((d) => d.status === 'delivered').length, 30)
      assert.equal((await log(second.id, '?limit=500')).filter((d) => d.status === 'delivered').length, 30)
    })

    test('Retry-After on a 503 is honoured: the next attempt is not before it, though the schedule says 5 s', async () => {
      const endpoint = await createEndpoint()
      receiver.answer = (_r, n) => (n === 0 ? { status: 503, headers: { 'retry-after': '120' } } : { status: 204 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      const [pending] = await log(endpoint.id)
      assert.equal(pending.status, 'pending')
      assert.ok(Date.parse(pending.nextAttemptAt!) >= clock.nowMs() + 120_000, pending.nextAttemptAt!)
      clock.advance(30_000)
      const waiting = (await t.app.inject({ url: '/metrics' })).body
      assert.match(waiting, new RegExp(`sellahead_webhook_queue_depth\\{endpoint="${endpoint.id}"\\} 1\n`))
      assert.match(waiting, new RegExp(`sellahead_webhook_oldest_pending_age_seconds\\{endpoint="${endpoint.id}"\\} 30\n`))
      clock.advance(-30_000)
      clock.advance(60_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1, 'not before Retry-After')
      clock.advance(61_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 2)
      assert.equal((await log(endpoint.id))[0].status, 'delivered')
    })

    test('a page of the fan-out that fails to commit leaves no delivery and no cursor move; the next run makes each delivery once', async () => {
      const endpoint = await createEndpoint()
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'c' }, { orderId: 'ord-2', channelId: 'c' }])
      const crashing = new Webhooks(t.services.db, clock, { events: t.services.events, rootSecret: async () => 'unused' }, {
        pollIntervalMs: 0, beforeCommit: () => { throw new Error('crash before commit') },
      })
      await assert.rejects(crashing.fanOut(), /crash before commit/)
      assert.deepEqual(await log(endpoint.id), [])
      assert.deepEqual(await t.services.webhooks.fanOut(), { events: 2, deliveries: 2 })
      assert.deepEqual(await t.services.webhooks.fanOut(), { events: 0, deliveries: 0 })
      await t.services.webhooks.step()
      assert.deepEqual(receiver.delivered().map((r) => r.subject), ['ord-1', 'ord-2'])
    })

    test('the address is checked again at each delivery: a host that now points inside is refused and nothing is sent', async () => {
      const guarded = await startTestApp(kind, { clock, webhooks: { allowPrivate: false, retryScheduleMs: scheduleMs, jitter: () => 0 } })
      try {
        const headers = await guarded.auth('admin')
        const created = await guarded.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url: 'http://93.184.216.34/hook' } })
        assert.equal(created.statusCode, 201, created.body)
        // As if its DNS now answered a loopback address (rebinding): the stored URL now reaches this machine.
        await guarded.services.db.run('UPDATE webhook_endpoints SET url = ?', [receiver.url])
        await publishOrderChanged(guarded, [{ orderId: 'ord-1', channelId: 'c' }])
        await guarded.services.webhooks.step()
        assert.equal(receiver.received.length, 0)
        const [delivery] = (await guarded.app.inject({ url: `/v1/webhook-endpoints/${created.json().id}/deliveries`, headers })).json().items
        assert.equal(delivery.status, 'pending')
        assert.equal(delivery.attempts[0].httpStatus, null)
        assert.match(delivery.attempts[0].error, /private, local or reserved/)
      } finally {
        await guarded.close()
      }
    })

    test('Retry-After as an HTTP date on a 429 is honoured too', async () => {
      const endpoint = await createEndpoint()
      const retryAt = new Date(clock.nowMs() + 300_000).toUTCString()
      receiver.answer = (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': retryAt } } : { status: 200 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      const [pending] = await log(endpoint.id)
      assert.ok(Date.parse(pending.nextAttemptAt!) >= Date.parse(retryAt) - 1000, `${pending.nextAttemptAt} before ${retryAt}`)
      clock.advance(120_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1)
    })

    test('410 Gone disables the endpoint with its reason and stops its deliveries', async () => {
      const endpoint = await createEndpoint()
      receiver.answer = () => ({ status: 410 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }, { orderId: 'ord-1', channelId: 'chn-1', status: 'paid' }])
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1, 'the second delivery of the subject waited, then stopped')
      const got = (await t.app.inject({ url: `/v1/webhook-endpoints/${endpoint.id}`, headers: admin })).json()
      assert.equal(got.enabled, false)
      assert.match(got.disabledReason, /410 Gone/)
      assert.deepEqual((await log(endpoint.id)).map((d) => d.status), ['failed', 'failed'])
      await publishOrderChanged(t, [{ orderId: 'ord-2', channelId: 'chn-1' }])
      clock.advance(3_600_000)
      await t.services.webhooks.step()
      assert.equal(receiver.received.length, 1)
      assert.equal((await log(endpoint.id)).length, 2, 'a disabled endpoint gets no new deliveries')
    })

    test('after the last attempt a delivery is failed and stays in the log; replay sends it again, one or every failed one', async () => {
      const endpoint = await createEndpoint()
      let up = false
      receiver.answer = () => ({ status: up ? 200 : 500 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }, { orderId: 'ord-2', channelId: 'chn-1' }, { orderId: 'ord-3', channelId: 'chn-1' }])
      for (let i = 0; i < 4; i++) {
        await t.services.webhooks.step()
        clock.advance(61_000)
      }
      assert.equal(receiver.received.length, 9, 'three attempts each')
      const failed = await log(endpoint.id)
      assert.deepEqual(failed.map((d) => d.status), ['failed', 'failed', 'failed'])
      assert.equal(failed[0].attempts.length, 3)
      assert.equal(failed[0].nextAttemptAt, null)
      assert.match((await t.app.inject({ url: '/metrics' })).body, /sellahead_webhook_deliveries_total\{outcome="failed"\} 3/)

      up = true
      const one = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/deliveries/${failed[0].id}/replay`, headers: admin })
      assert.equal(one.statusCode, 200, one.body)
      assert.equal(one.json().status, 'pending')
      await t.services.webhooks.step()
      assert.equal(receiver.delivered().length, 1)
      assert.equal(receiver.delivered()[0].id, failed[0].id, 'a replay keeps the webhook-id')

      const none = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/replay`, headers: admin, payload: { since: new Date(clock.nowMs() + 60_000).toISOString() } })
      assert.deepEqual(none.json(), { replayed: 0 })
      const rest = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/replay`, headers: admin })
      assert.deepEqual(rest.json(), { replayed: 2 })
      await t.services.webhooks.step()
      assert.deepEqual(receiver.delivered().map((r) => r.subject).sort(), ['ord-1', 'ord-2', 'ord-3'])
      assert.deepEqual((await log(endpoint.id, '?status=delivered')).length, 3)
      const missing = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/deliveries/whd_missing/replay`, headers: admin })
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().code, 'webhook_delivery_not_found')
    })

    test('per subject in order: while the first delivery for X is retried the later X waits, and Y goes ahead', async () => {
      await createEndpoint()
      receiver.answer = (r, n) => ({ status: r.subject === 'X' && r.data.status === 'first' && n === 0 ? 500 : 200 })
      await publishOrderChanged(t, [{ orderId: 'X', channelId: 'c', status: 'first' }, { orderId: 'X', channelId: 'c', status: 'second' }, { orderId: 'Y', channelId: 'c', status: 'first' }])
      await t.services.webhooks.step()
      const seen = () => receiver.received.map((r) => `${r.subject}:${r.data.status}:${r.status}`)
      assert.deepEqual(seen().sort(), ['X:first:500', 'Y:first:200'])
      clock.advance(5_000)
      await t.services.webhooks.step()
      assert.deepEqual(seen().slice(2), ['X:first:200', 'X:second:200'], 'the later X only after the earlier one was delivered')
    })

    test('a receiver slower than the timeout is a failed attempt, logged with its error, and retried', async () => {
      const endpoint = await createEndpoint()
      receiver.answer = (_r, n) => ({ status: 200, delayMs: n === 0 ? 2_000 : 0 })
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      const [timedOut] = await log(endpoint.id)
      assert.equal(timedOut.status, 'pending')
      assert.equal(timedOut.attempts[0].httpStatus, null)
      assert.equal(timedOut.attempts[0].error, 'timed out')
      assert.ok(timedOut.attempts[0].durationMs >= 250, String(timedOut.attempts[0].durationMs))
      clock.advance(5_000)
      await t.services.webhooks.step()
      assert.equal((await log(endpoint.id))[0].status, 'delivered')
      assert.match((await t.app.inject({ url: '/metrics' })).body, /sellahead_webhook_attempts_total\{outcome="timeout"\} 1/)
    })

    test('rotation: during the grace period every delivery carries both signatures, so a receiver with either secret verifies', async () => {
      const endpoint = await createEndpoint()
      receiver.secrets.set('old', endpoint.secret)
      receiver.secrets.delete('current')
      const rotated = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, headers: admin })
      assert.equal(rotated.statusCode, 200, rotated.body)
      const { secret, previousSecretValidUntil } = rotated.json()
      assert.notEqual(secret, endpoint.secret)
      assert.equal(Date.parse(previousSecretValidUntil), clock.nowMs() + 24 * 3_600_000)
      receiver.secrets.set('new', secret)
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      const [r] = receiver.received
      assert.deepEqual(r.verifiedBy, ['old', 'new'])
      assert.equal(r.signature.split(' ').length, 2)
      assert.ok(r.signature.split(' ').every((s) => s.startsWith('v1,')))
      // The secret is never answered again.
      const got = (await t.app.inject({ url: `/v1/webhook-endpoints/${endpoint.id}`, headers: admin })).body
      assert.ok(!got.includes(secret) && !got.includes(endpoint.secret))
      const stored = await t.services.db.all<{ secret: string; previous_secret: string }>('SELECT secret, previous_secret FROM webhook_endpoints')
      assert.ok(!JSON.stringify(stored).includes(secret.slice(6)) && !JSON.stringify(stored).includes(endpoint.secret.slice(6)), 'secrets are encrypted at rest')

      // A rotation without grace ends the old secret at once.
      const again = await t.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, headers: admin, payload: { graceHours: 0 } })
      receiver.secrets.set('newest', again.json().secret)
      await publishOrderChanged(t, [{ orderId: 'ord-2', channelId: 'chn-1' }])
      await t.services.webhooks.step()
      assert.deepEqual(receiver.received[1].verifiedBy, ['newest'])
    })
  })
}

describe('webhook fan-out stays behind no event', () => {
  let t: TestApp
  before(async () => { t = await startTestApp('sqlite') })
  after(() => t.close())
  test('an endpoint hears events from its creation on; the lag gauge counts events not yet fanned out', async () => {
    await publishOrderChanged(t, [{ orderId: 'before', channelId: 'c' }], t.services.clock.nowMs() - 60_000)
    const admin = await t.auth('admin')
    const created = await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: admin, payload: { url: 'http://127.0.0.1:9/hook', enabled: false } })
    assert.equal(created.statusCode, 201)
    assert.match((await t.app.inject({ url: '/metrics' })).body, /sellahead_webhook_fan_out_lag_events 1/)
    assert.deepEqual(await t.services.webhooks.fanOut(), { events: 1, deliveries: 0 })
    assert.match((await t.app.inject({ url: '/metrics' })).body, /sellahead_webhook_fan_out_lag_events 0/)
  })
})

describe('webhooks deliver on their own when the poller runs', () => {
  test('with a poll interval set, an event reaches the receiver without anyone calling step()', async () => {
    const t = await startTestApp('sqlite', { webhooks: { pollIntervalMs: 20 } })
    const receiver = await Receiver.start()
    try {
      const created = (await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: await t.auth('ops'), payload: { url: receiver.url } })).json()
      receiver.secrets.set('s', created.secret)
      await publishOrderChanged(t, [{ orderId: 'ord-1', channelId: 'c' }])
      const deadline = Date.now() + 5_000
      while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(receiver.received.length, 1)
      assert.deepEqual(receiver.received[0].verifiedBy, ['s'])
    } finally {
      await receiver.close()
      await t.close()
    }
  })
})
