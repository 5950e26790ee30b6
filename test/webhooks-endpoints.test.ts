/**
 * Webhook endpoints over HTTP, on both stores: who may manage which endpoint, that a channel's
 * endpoint hears only its channel's events, the SSRF guard at creation and update, and the
 * secret answered only at creation and rotation.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { publishOrderChanged, Receiver, stepUntil } from './helpers/webhooks.ts'

for (const kind of await storeKinds()) {
  describe(`webhook endpoints on ${kind}`, () => {
    let t: TestApp
    let w: World
    let other: { id: string }
    let channelA: { authorization: string }
    let channelB: { authorization: string }
    let receiverA: Receiver
    let receiverStaff: Receiver

    before(async () => {
      t = await startTestApp(kind, { webhooks: { retryScheduleMs: [0], jitter: () => 0 } })
      w = await seedWorld(t)
      other = (await t.app.inject({ method: 'POST', url: '/v1/channels', headers: w.admin, payload: { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id] } })).json()
      channelA = await t.auth(`channel:${w.web.id}`)
      // A channel token may name its channel by code.
      channelB = await t.auth('channel:app')
      receiverA = await Receiver.start()
      receiverStaff = await Receiver.start()
    })
    after(async () => {
      await receiverA.close()
      await receiverStaff.close()
      await t.close()
    })

    const create = (headers: { authorization: string }, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload })

    test("a channel manages only its own endpoints (another's is not found), and its endpoint hears only its channel's events", async () => {
      const mine = await create(channelA, { url: receiverA.url, description: 'web shop', topics: ['order.'] })
      assert.equal(mine.statusCode, 201, mine.body)
      const endpoint = mine.json()
      assert.equal(endpoint.channel, w.web.id)
      receiverA.secrets.set('a', endpoint.secret)
      const staff = await create(w.admin, { url: receiverStaff.url })
      assert.equal(staff.json().channel, null)
      receiverStaff.secrets.set('staff', staff.json().secret)

      const seenByB = await t.app.inject({ url: `/v1/webhook-endpoints/${endpoint.id}`, headers: channelB })
      const missing = await t.app.inject({ url: '/v1/webhook-endpoints/whe_missing', headers: channelB })
      assert.equal(seenByB.statusCode, 404)
      assert.equal(seenByB.json().code, 'webhook_endpoint_not_found')
      assert.equal(seenByB.json().detail.replace(endpoint.id, '<id>'), missing.json().detail.replace('whe_missing', '<id>'))
      for (const [method, url] of [['PATCH', ''], ['DELETE', ''], ['POST', '/rotate-secret'], ['GET', '/deliveries'], ['POST', '/replay']] as const) {
        const res = await t.app.inject({ method, url: `/v1/webhook-endpoints/${endpoint.id}${url}`, headers: channelB, ...(method !== 'GET' && method !== 'DELETE' && { payload: {} }) })
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`)
      }
      assert.deepEqual((await t.app.inject({ url: '/v1/webhook-endpoints', headers: channelB })).json().items, [])
      assert.deepEqual((await t.app.inject({ url: '/v1/webhook-endpoints', headers: channelA })).json().items.map((e: { id: string }) => e.id), [endpoint.id])
      const all = (await t.app.inject({ url: '/v1/webhook-endpoints', headers: await t.auth('ops') })).json().items.map((e: { id: string }) => e.id)
      assert.deepEqual(all.sort(), [endpoint.id, staff.json().id].sort())
      for (const role of ['store:ST-1', 'supplier:sup1', 'payments:pay']) {
        const res = await create(await t.auth(role), { url: receiverA.url })
        assert.equal(res.statusCode, 403, role)
      }

      // A real order in the web channel, and events of the other channel.
      await t.app.inject({ method: 'POST', url: '/v1/inventory/receipts', headers: w.admin, payload: { sku: w.skuA.id, node: w.whEast.id, quantity: 10 } })
      const order = await t.app.inject({
        method: 'POST', url: '/v1/orders', headers: { ...channelA, 'idempotency-key': 'web-1' },
        payload: { customerId: 'c-1', lines: [{ sku: w.skuA.id, quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } },
      })
      assert.equal(order.statusCode, 201, order.body)
      await publishOrderChanged(t, [{ orderId: 'ord-other', channelId: other.id }])
      await stepUntil(t, () => receiverA.delivered().length >= 1 && receiverStaff.received.some((r) => r.subject === 'ord-other'), 'deliveries to both endpoints')
      assert.deepEqual(receiverA.received.map((r) => r.data.channelId), [w.web.id])
      assert.equal(receiverA.received[0].subject, order.json().id)
      assert.deepEqual(receiverA.received[0].verifiedBy, ['a'])
      assert.ok(receiverStaff.received.some((r) => r.subject === order.json().id), 'staff hear every channel')
      assert.ok(receiverStaff.received.some((r) => r.type !== 'order.changed'), 'staff without topics hear every topic')
      assert.ok(receiverStaff.received.every((r) => r.verifiedBy.includes('staff')))
      const subjects = await t.services.webhooks.deliveryStateOf([order.json().id])
      assert.ok(subjects.get(order.json().id)!.some((s) => s.endpointId === endpoint.id && s.status === 'delivered' && s.attempts === 1 && s.lastHttpStatus === 200))
    })

    test('PATCH changes an endpoint, pausing keeps its deliveries waiting, DELETE removes it with its log; the secret is never answered again', async () => {
      const created = (await create(w.admin, { url: receiverA.url, topics: ['supply.changed'] })).json()
      const patched = await t.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.id}`, headers: w.admin, payload: { enabled: false, topics: ['order.changed', 'availability.'] } })
      assert.equal(patched.statusCode, 200, patched.body)
      assert.equal(patched.json().enabled, false)
      assert.equal(patched.json().disabledReason, 'disabled by request')
      assert.deepEqual(patched.json().topics, ['order.changed', 'availability.'])
      assert.equal(patched.json().secret, undefined)
      const resumed = await t.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.id}`, headers: w.admin, payload: { enabled: true } })
      assert.equal(resumed.json().disabledReason, null)
      const unknownTopic = await t.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.id}`, headers: w.admin, payload: { topics: ['nothing.here'] } })
      assert.equal(unknownTopic.statusCode, 400)
      assert.equal(unknownTopic.json().code, 'invalid_topic')
      const removed = await t.app.inject({ method: 'DELETE', url: `/v1/webhook-endpoints/${created.id}`, headers: w.admin })
      assert.equal(removed.statusCode, 200)
      assert.equal((await t.app.inject({ url: `/v1/webhook-endpoints/${created.id}`, headers: w.admin })).statusCode, 404)
    })
  })

  describe(`webhook SSRF guard on ${kind} (SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE off)`, () => {
    let t: TestApp
    before(async () => { t = await startTestApp(kind, { webhooks: { allowPrivate: false } }) })
    after(() => t.close())

    test('loopback, private, link-local, unique-local, mapped and non-http URLs are refused with 422 and nothing is stored', async () => {
      const admin = await t.auth('admin')
      for (const url of [
        'http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://100.64.0.1/',
        'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/',
        'http://[::ffff:a00:1]/', 'http://0.0.0.0/', 'http://224.0.0.1/', 'ftp://93.184.216.34/', 'file:///etc/passwd', 'not a url',
        'http://user:pass@93.184.216.34/',
      ]) {
        const res = await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: admin, payload: { url } })
        assert.equal(res.statusCode, 422, `${url}: ${res.body}`)
        assert.equal(res.json().code, 'webhook_url_not_allowed', url)
      }
      const refused = await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: admin, payload: { url: 'http://127.0.0.1/' } })
      assert.match(refused.json().detail, /SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE=1/)
      assert.deepEqual((await t.app.inject({ url: '/v1/webhook-endpoints', headers: admin })).json().items, [])

      // A public address is accepted; moving it to an inside one is refused and changes nothing.
      const created = await t.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: admin, payload: { url: 'https://93.184.216.34/hook', enabled: false } })
      assert.equal(created.statusCode, 201, created.body)
      const moved = await t.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.json().id}`, headers: admin, payload: { url: 'http://169.254.169.254/' } })
      assert.equal(moved.statusCode, 422)
      assert.equal((await t.app.inject({ url: `/v1/webhook-endpoints/${created.json().id}`, headers: admin })).json().url, 'https://93.184.216.34/hook')
    })
  })
}
