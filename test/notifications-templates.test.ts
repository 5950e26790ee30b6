/** The template and settings API on both stores: defaults listed, overrides per level, refusals that change nothing. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { shippedTemplates } from '../src/notifications/index.ts'

interface Listed { kind: string; language: string; channelId: string | null; subject: string; body: string; overridden: boolean; placeholders: string[] }

for (const kind of await storeKinds()) {
  describe(`notification templates on ${kind}`, () => {
    let t: TestApp
    let w: OrdersWorld
    before(async () => {
      t = await startTestApp(kind)
      w = await seedOrders(t)
    })
    after(() => t.close())

    const list = async (): Promise<Listed[]> => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/notification-templates', headers: w.ops })
      assert.equal(res.statusCode, 200, res.body)
      return res.json().items
    }
    const put = (kindName: string, payload: object, query = '', headers = w.admin) =>
      t.app.inject({ method: 'PUT', url: `/v1/notification-templates/${kindName}${query}`, headers, payload })

    it('lists every kind in zh-CN and en with Sellahead’s text, none overridden', async () => {
      const items = await list()
      assert.equal(items.length, 16, 'eight kinds × two languages')
      assert.ok(items.every((i) => !i.overridden && i.channelId === null))
      const delay = items.find((i) => i.kind === 'delay_notice' && i.language === 'zh-CN')!
      assert.equal(delay.subject, shippedTemplates.delay_notice['zh-CN'].subject)
      assert.ok(delay.placeholders.includes('newShipBy') && delay.placeholders.includes('compensation'))
    })

    it('refuses an unknown placeholder with 422 naming it, and changes nothing', async () => {
      const before = await list()
      const res = await put('payment_reminder', { language: 'zh-CN', subject: '请付款 {{orderId}}', body: '{{orderId}} 将于 {{newShipBy}} 发货' })
      assert.equal(res.statusCode, 422, res.body)
      const problem = res.json()
      assert.equal(problem.code, 'unknown_placeholder')
      assert.equal(problem.placeholder, 'newShipBy')
      assert.match(problem.detail, /\{\{newShipBy\}\}/)
      const tooLong = await put('payment_reminder', { language: 'en', subject: 'x'.repeat(201), body: 'b' })
      assert.deepEqual([tooLong.statusCode, tooLong.json().code], [422, 'template_too_long'])
      const unknownKind = await put('birthday', { language: 'en', subject: 's', body: 'b' })
      assert.equal(unknownKind.statusCode, 400)
      const unknownLanguage = await put('payment_reminder', { language: 'fr', subject: 's', body: 'b' })
      assert.equal(unknownLanguage.statusCode, 400)
      assert.deepEqual(await list(), before)
    })

    it('sets the default level and a channel’s own, by channel code; removing the channel’s brings back the default level', async () => {
      const set = await put('delay_notice', { language: 'zh-CN', subject: '订单 {{orderId}} 延迟', body: '新发货日 {{newShipBy}}' })
      assert.equal(set.statusCode, 200, set.body)
      assert.equal(set.json().overridden, true)
      const own = await put('delay_notice', { language: 'zh-CN', subject: 'App：订单 {{orderId}} 延迟', body: 'App {{newShipBy}}' }, '?channel=app')
      assert.equal(own.statusCode, 200, own.body)
      assert.equal(own.json().channelId, w.app.id)
      const missing = await put('delay_notice', { language: 'zh-CN', subject: 's', body: 'b' }, '?channel=no-such-channel')
      assert.deepEqual([missing.statusCode, missing.json().code], [404, 'channel_not_found'])
      const items = await list()
      assert.equal(items.length, 17)
      assert.deepEqual(items.filter((i) => i.overridden).map((i) => [i.channelId, i.subject]), [[null, '订单 {{orderId}} 延迟'], [w.app.id, 'App：订单 {{orderId}} 延迟']])
      const removed = await t.app.inject({ method: 'DELETE', url: `/v1/notification-templates/delay_notice?channel=${w.app.id}`, headers: w.admin })
      assert.deepEqual([removed.statusCode, removed.json()], [200, { removed: 1 }])
      const back = await t.app.inject({ method: 'DELETE', url: '/v1/notification-templates/delay_notice?language=zh-CN', headers: w.admin })
      assert.deepEqual(back.json(), { removed: 1 })
      assert.ok((await list()).every((i) => !i.overridden))
    })

    it('is staff’s: a channel token is refused', async () => {
      const res = await put('delay_notice', { language: 'en', subject: 's', body: 'b' }, '', w.webAuth)
      assert.equal(res.statusCode, 403)
    })

    it('keeps the settings: the default language and the reminder’s lead, checked', async () => {
      const get = await t.app.inject({ method: 'GET', url: '/v1/notification-settings', headers: w.ops })
      assert.deepEqual(get.json(), { defaultLanguage: 'zh-CN', paymentReminderLeadHours: 24, channelLanguages: {} })
      const bad = await t.app.inject({ method: 'PUT', url: '/v1/notification-settings', headers: w.admin, payload: { paymentReminderLeadHours: 0 } })
      assert.deepEqual([bad.statusCode, bad.json().code], [422, 'invalid_notification_settings'])
      const set = await t.app.inject({ method: 'PUT', url: '/v1/notification-settings', headers: w.admin, payload: { paymentReminderLeadHours: 48, channelLanguages: { app: 'en' } } })
      assert.deepEqual(set.json(), { defaultLanguage: 'zh-CN', paymentReminderLeadHours: 48, channelLanguages: { [w.app.id]: 'en' } }, 'kept by channel id')
      const unknown = await t.app.inject({ method: 'PUT', url: '/v1/notification-settings', headers: w.admin, payload: { channelLanguages: { nope: 'en' } } })
      assert.deepEqual([unknown.statusCode, unknown.json().code], [404, 'channel_not_found'])
      const again = await t.app.inject({ method: 'GET', url: '/v1/notification-settings', headers: w.ops })
      assert.deepEqual(again.json(), { defaultLanguage: 'zh-CN', paymentReminderLeadHours: 48, channelLanguages: { [w.app.id]: 'en' } }, 'the refused change changed nothing')
    })
  })
}
