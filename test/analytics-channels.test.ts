/**
 * The channel measures (`GET /v1/analytics/channels`) over real HTTP on both stores: values by
 * status, the feed position and the deltas sent follow the projector; the projector's lag is
 * positive while a change waits and 0 once projected; webhook deliveries count as delivered or
 * failed per owner; a channel token sees only its own channel; /metrics shows the lag and deltas.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { Receiver } from './helpers/webhooks.ts'

type Auth = { authorization: string }

for (const kind of await storeKinds()) {
  describe(`channel measures (${kind})`, () => {
    let t: TestApp
    let clock: ManualClock
    let call: ReturnType<typeof requester>
    let admin: Auth
    let webAuth: Auth
    let receiver: Receiver

    before(async () => {
      clock = new ManualClock(Date.now())
      t = await startTestApp(kind, { clock, webhooks: { retryScheduleMs: [0], jitter: () => 0, requestTimeoutMs: 1000 } })
      call = requester(t)
      receiver = await Receiver.start()
      admin = await t.auth('admin')
      for (const code of ['CM-A', 'CM-B']) await call('POST', '/v1/skus', admin, { code, name: code }, 201)
      await call('POST', '/v1/nodes', admin, { code: 'CM-W', name: 'CM-W', kind: 'warehouse', region: 'east' }, 201)
      const web = (await call('POST', '/v1/channels', admin, { code: 'cm-web', name: 'Web', kind: 'web', nodeIds: ['CM-W'], lowStockThreshold: 3 }, 201)).json()
      await call('POST', '/v1/channels', admin, { code: 'cm-app', name: 'App', kind: 'app', nodeIds: ['CM-W'] }, 201)
      webAuth = await t.auth(`channel:${web.id}`)
    })
    after(async () => {
      await receiver.close()
      await t.close()
    })

    const measures = async (auth: Auth, query = '') => (await call('GET', `/v1/analytics/channels${query}`, auth)).json()
    const of = (answer: { channels: Array<{ channel: string }> }, code: string) => answer.channels.find((c) => c.channel === code) as never as {
      availability: Record<string, number>; feedPosition: number; deltas: number; projectorLagSeconds: number
      webhooks: { delivered: number; failed: number; successRate: number | null; pending: number; oldestUndeliveredAgeSeconds: number | null }
    }

    it('counts values by status, the feed position, the deltas and the lag as the projector moves', async () => {
      await t.services.availability.catchUp()
      const before = of(await measures(admin), 'cm-web')
      // Two SKUs × (the channel, region east): every value out of stock.
      assert.deepEqual(before.availability, { in_stock: 0, low_stock: 0, backorder: 0, presale: 0, out_of_stock: 4, total: 4 })
      assert.equal(before.projectorLagSeconds, 0)

      await call('POST', '/v1/inventory/receipts', admin, { sku: 'CM-A', node: 'CM-W', quantity: 10 })
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'CM-B', node: 'CM-W', quantity: 2 })
      clock.advance(5_000)
      const waiting = await measures(admin)
      assert.ok(waiting.projectorLagSeconds >= 5, `a change waits: ${waiting.projectorLagSeconds}`)
      await t.services.availability.catchUp()
      const now = await measures(admin)
      const web = of(now, 'cm-web')
      assert.equal(now.projectorLagSeconds, 0)
      assert.deepEqual(web.availability, { in_stock: 2, low_stock: 2, backorder: 0, presale: 0, out_of_stock: 0, total: 4 })
      assert.equal(web.deltas, before.deltas + 4)
      assert.equal(web.feedPosition, (await call('GET', '/v1/channels/cm-web/availability', admin)).json().seq)
      assert.ok(web.feedPosition > before.feedPosition)

      const metrics = (await t.app.inject({ url: '/metrics', headers: admin })).body
      assert.match(metrics, /^sellahead_availability_lag_seconds 0$/m)
      const deltas = Number(/^sellahead_availability_deltas_total (\d+)$/m.exec(metrics)?.[1])
      assert.ok(deltas >= web.deltas + of(now, 'cm-app').deltas, `deltas counted: ${deltas}`)
    })

    it('counts a channel\'s webhook deliveries delivered and failed, and shows a channel token only its own channel', async () => {
      const endpoint = (await call('POST', '/v1/webhook-endpoints', webAuth, { url: receiver.url, topics: ['availability.changed'] }, 201)).json()
      receiver.secrets.set('current', endpoint.secret)
      receiver.answer = () => ({ status: 500 })
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'CM-A', node: 'CM-W', quantity: 1 })
      await t.services.availability.catchUp()
      await t.services.webhooks.fanOut()
      clock.advance(2_000)
      const pending = of(await measures(webAuth), 'cm-web').webhooks
      assert.ok(pending.pending >= 1 && pending.oldestUndeliveredAgeSeconds! >= 2, JSON.stringify(pending))
      await t.services.webhooks.step()
      const failed = of(await measures(webAuth), 'cm-web').webhooks
      assert.deepEqual([failed.delivered, failed.pending, failed.successRate], [0, 0, 0])
      assert.ok(failed.failed >= 1)

      receiver.answer = () => ({ status: 200 })
      await call('POST', `/v1/webhook-endpoints/${endpoint.id}/replay`, webAuth, {})
      await t.services.webhooks.step()
      const own = await measures(webAuth)
      assert.deepEqual(own.channels.map((c: { channel: string }) => c.channel), ['cm-web'])
      assert.equal(own.staffWebhooks, null)
      assert.deepEqual([of(own, 'cm-web').webhooks.failed, of(own, 'cm-web').webhooks.successRate], [0, 1])
      assert.ok(of(own, 'cm-web').webhooks.delivered >= 1)
      const staffOne = await measures(admin, '?channel=cm-web')
      assert.deepEqual(staffOne.channels.map((c: { channel: string }) => c.channel), ['cm-web'])
      assert.deepEqual(staffOne.staffWebhooks, { delivered: 0, failed: 0, successRate: null, pending: 0, oldestUndeliveredAgeSeconds: null }, 'staff see staff endpoints apart')
      const other = await t.app.inject({ url: '/v1/analytics/channels?channel=cm-app', headers: webAuth })
      assert.equal(other.statusCode, 404)
      assert.equal(other.json().code, 'channel_not_found')
      const bad = await t.app.inject({ url: '/v1/analytics/channels?periodDays=3', headers: admin })
      assert.equal(bad.json().code, 'invalid_period')
      assert.equal((await t.app.inject({ url: '/v1/analytics/channels', headers: await t.auth('supplier:x') })).statusCode, 403)
    })
  })
}
