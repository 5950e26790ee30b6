/**
 * Customer notifications end to end, on both stores: a supplier's slip delays two orders of two
 * channels; the projector requests one notification each (exactly once, even run twice or
 * crashing mid-batch), rendered in zh-CN from the channel's own template or the default; a real
 * receiver subscribed to `notification.` gets them signed, and the order's message list then shows
 * them delivered.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays, outboxOf } from './helpers/repromise.ts'
import { Receiver, stepUntil } from './helpers/webhooks.ts'
import { Notifications } from '../src/notifications/index.ts'

for (const kind of await storeKinds()) {
  describe(`delay notices reach the notifier on ${kind}`, () => {
    let t: TestApp
    let receiver: Receiver
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    let app: { id: string }
    let webOrder: string
    let appOrder: string
    let endpointId: string

    before(async () => {
      // The receiver checks webhook timestamps against the real clock: the manual one starts there and is not moved.
      t = await startTestApp(kind, { clock: new ManualClock(Date.now()), webhooks: { retryScheduleMs: [0, 1000], jitter: () => 0 } })
      receiver = await Receiver.start()
      w = await seedPurchasing(t)
      const call = requester(t)
      app = (await call('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id] }, 201)).json()
      const endpoint = (await call('POST', '/v1/webhook-endpoints', w.admin, { url: receiver.url, description: 'Notifier', topics: ['notification.'] }, 201)).json()
      endpointId = endpoint.id
      receiver.secrets.set('notifier', endpoint.secret)
      await call('PUT', '/v1/notification-templates/delay_notice?channel=app', w.admin, { language: 'zh-CN', subject: 'App 通知：{{orderId}} 延迟', body: '{{item}} 改为 {{newShipBy}} 发货。{{compensation}}' })
      await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
    })
    after(async () => {
      await receiver.close()
      await t.close()
    })

    it('requests one notification per delay, exactly once through a crash and a second run', async () => {
      const call = requester(t)
      const po = await confirmedPo(t, w, 20, 10)
      const placeOn = async (channelId: string, customerId: string) => (await call('POST', '/v1/orders', await t.auth(`channel:${channelId}`), {
        customerId, lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 5000 }], fulfilment: { method: 'ship', region: 'east' },
      }, 201, { 'idempotency-key': `notify-${customerId}` })).json().id as string
      webOrder = await placeOn(w.web.id, 'cus-web')
      appOrder = await placeOn(app.id, 'cus-app')
      await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 500, capMinor: 5000 })
      await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })
      assert.equal((await outboxOf(t, 'order.delayed')).length, 2)

      // A second process's projector crashes just before committing: nothing of its batch stays.
      const crashing = new Notifications(t.services.db, t.services.clock, { events: t.services.events, statusLinks: t.services.statusLinks }, {
        pollIntervalMs: 0, beforeCommit: () => { throw new Error('crash before commit') },
      })
      await assert.rejects(crashing.catchUp(), /crash before commit/)
      assert.equal((await outboxOf(t, 'notification.requested')).length, 0)
      const first = await t.services.notifications.catchUp()
      assert.deepEqual([first.events, first.notifications], [2, 2])
      // Run again, by this process and by another: the cursor has passed the events, and the key would refuse them anyway.
      assert.deepEqual(await t.services.notifications.catchUp(), { events: 0, notifications: 0 })
      const other = new Notifications(t.services.db, t.services.clock, { events: t.services.events, statusLinks: t.services.statusLinks }, { pollIntervalMs: 0 })
      assert.deepEqual(await other.catchUp(), { events: 0, notifications: 0 })

      const requested = (await outboxOf(t, 'notification.requested') as Array<{ orderId: string; kind: string; language: string; message: { subject: string; body: string }; channelId: string }>)
        .map((r) => ({ ...r, ...r.message }))
      assert.deepEqual(requested.map((r) => `${r.orderId}|${r.kind}|${r.language}`).sort(), [`${webOrder}|delay_notice|zh-CN`, `${appOrder}|delay_notice|zh-CN`].sort())
      const web = requested.find((r) => r.orderId === webOrder)!
      assert.equal(web.subject, `您的订单 ${webOrder} 延迟发货`, 'the shipped zh-CN text for the web channel')
      assert.match(web.body, new RegExp(`2 × Sneaker A 将延迟至 ${inDays(t, 14)} 发货`))
      assert.match(web.body, /作为补偿，我们将向您发放价值 \d+\.\d\d CNY 的优惠券。/)
      assert.match(web.body, /\/status\/ost_/)
      const appNotice = requested.find((r) => r.orderId === appOrder)!
      assert.equal(appNotice.subject, `App 通知：${appOrder} 延迟`, 'the app channel’s own template')
      assert.ok(appNotice.body.startsWith(`2 × Sneaker A 改为 ${inDays(t, 14)} 发货。作为补偿`))
    })

    it('shows the notification on the message list: pending, then delivered once the notifier took it, verified', async () => {
      const call = requester(t)
      const messagesOf = async (orderId: string, headers = w.admin) => (await call('GET', `/v1/orders/${orderId}/messages`, headers)).json().items as Array<{ id: string; kind: string; notification: { id: string; state: string; language: string } | null }>
      const before = await messagesOf(webOrder)
      assert.equal(before.length, 1)
      assert.equal(before[0].notification?.state, 'pending', 'an endpoint will take it: waiting for the fan-out')
      await stepUntil(t, () => receiver.delivered().length === 2, 'both notifications delivered')
      for (const r of receiver.delivered()) {
        assert.deepEqual(r.verifiedBy, ['notifier'])
        assert.equal(r.type, 'notification.requested')
        assert.equal(r.data.kind, 'delay_notice')
        assert.equal(r.data.language, 'zh-CN')
        assert.equal(r.subject, r.data.notificationId)
      }
      const got = receiver.delivered().find((r) => r.data.orderId === webOrder)!
      assert.deepEqual(Object.keys(got.data.message as object), ['subject', 'body'])
      assert.equal((got.data.message as { subject: string }).subject, `您的订单 ${webOrder} 延迟发货`)
      assert.equal(got.data.customerId, 'cus-web')
      const after = await messagesOf(webOrder)
      assert.deepEqual([after[0].notification?.id, after[0].notification?.state, after[0].notification?.language], [got.data.notificationId, 'delivered', 'zh-CN'])
      // The order's own channel sees it too; another channel does not see the order at all.
      const appAuth = await t.auth(`channel:${app.id}`)
      assert.equal((await messagesOf(appOrder, appAuth))[0].notification?.state, 'delivered')
      const foreign = await t.app.inject({ method: 'GET', url: `/v1/orders/${webOrder}/notifications`, headers: appAuth })
      assert.equal(foreign.statusCode, 404)
      const list = (await call('GET', `/v1/orders/${webOrder}/notifications`, w.admin)).json().items
      assert.equal(list.length, 1)
      assert.deepEqual([list[0].kind, list[0].state, list[0].deliveries[0].endpointId, list[0].deliveries[0].lastHttpStatus], ['delay_notice', 'delivered', endpointId, 200])
    })

    it('says failed when the notifier never answers 2xx, and no_endpoint when nobody takes it', async () => {
      const call = requester(t)
      receiver.answer = () => ({ status: 500 })
      const po = await t.services.db.get<{ id: string; line_id: string }>(`SELECT po_id AS id, id AS line_id FROM po_lines LIMIT 1`)
      await call('POST', `/v1/purchase-orders/${po!.id}/lines/${po!.line_id}/eta`, w.s1Auth, { eta: inDays(t, 16), reason: 'strike' })
      assert.equal((await t.services.notifications.catchUp()).notifications, 2)
      const clock = t.services.clock as ManualClock
      const attemptsFor = () => receiver.received.filter((r) => r.data.orderId === webOrder && r.status === 500).length
      await stepUntil(t, () => attemptsFor() >= 1, 'first attempt')
      clock.advance(1000)
      await stepUntil(t, () => attemptsFor() >= 2, 'second attempt')
      const list = (await call('GET', `/v1/orders/${webOrder}/notifications`, w.admin)).json().items
      assert.deepEqual(list.map((n: { state: string }) => n.state), ['delivered', 'failed'])
      // With the notifier's endpoint disabled, the next one has nobody to go to (an endpoint removed takes its log, and the states, with it).
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${endpointId}`, headers: w.admin, payload: { enabled: false } })).statusCode, 200)
      await call('POST', `/v1/purchase-orders/${po!.id}/lines/${po!.line_id}/eta`, w.s1Auth, { eta: inDays(t, 18), reason: 'strike goes on' })
      await t.services.notifications.catchUp()
      const states = (await call('GET', `/v1/orders/${webOrder}/notifications`, w.admin)).json().items.map((n: { state: string }) => n.state)
      assert.deepEqual(states, ['delivered', 'failed', 'no_endpoint'])
      const messages = (await call('GET', `/v1/orders/${webOrder}/messages`, w.admin)).json().items.map((m: { notification: { state: string } }) => m.notification.state)
      assert.deepEqual(messages, ['delivered', 'failed', 'no_endpoint'])
    })
  })
}
