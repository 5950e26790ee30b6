/**
 * Customers' personal data never reaches the logs: a full run (orders with a ship-to and a pickup
 * contact placed, replayed, refused, read by every role, paid, shipped, delivered, cancelled; events
 * fanned out to a webhook and dispatched; a contact whose key is not configured read) with the
 * server's own logger (src/logging.ts) at trace level writing into a buffer. The log says plenty,
 * and none of it is a name, phone, e-mail or address line.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { newKey, place, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { requester } from './helpers/purchasing.ts'
import { storeKinds } from '../src/store/testing.ts'
import { createLogger } from '../src/logging.ts'
import { leaksIn, pickupContact, shipTo } from './helpers/pii.ts'

for (const kind of await storeKinds()) {
  describe(`personal data and the logs (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const lines: string[] = []
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done() } })
    const logger = createLogger('trace', sink)
    const call = (method: 'GET' | 'POST', url: string, headers: { authorization: string }, payload?: object, status = 200) => requester(t)(method, url, headers, payload, status)

    before(async () => {
      // No SELLAHEAD_PII_KEY: the derived key, said once in the log.
      t = await startTestApp(kind, { logger })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 20)
      await requester(t)('PATCH', '/v1/channels/web', w.admin, { nodeIds: [w.whEast.id, w.store1.id] })
      await receive(t, w, 'SKU-A', 'ST-1', 5)
    })
    after(() => t.close())

    it('logs a full run without a single plain name, phone, e-mail or address', async () => {
      await call('POST', '/v1/webhook-endpoints', w.webAuth, { url: 'http://127.0.0.1:9/hook', topics: ['order.'] }, 201)
      const store = await t.auth(`store:${w.store1.id}`)
      const line = [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }]
      const key = newKey()
      const ship = (await place(t, w.webAuth, { customerId: 'c-log-1', lines: line, fulfilment: shipEast, shipTo }, 201, key)).json()
      await place(t, w.webAuth, { customerId: 'c-log-1', lines: line, fulfilment: shipEast, shipTo }, 201, key)
      await place(t, w.webAuth, { customerId: 'c-log-1', lines: line, fulfilment: shipEast, shipTo: { ...shipTo, name: 'Other' } }, 422, key)
      const pickup = (await place(t, w.webAuth, { customerId: 'c-log-2', lines: line, fulfilment: { method: 'pickup', nodeId: 'ST-1' }, contact: pickupContact })).json()
      await place(t, w.webAuth, { customerId: 'c-log-3', lines: line, fulfilment: shipEast, shipTo: { ...shipTo, email: 'broken' } }, 422)
      await place(t, w.webAuth, { customerId: 'c-log-3', lines: line, fulfilment: shipEast, shipTo: { ...shipTo, latitude: 123 } }, 400)
      await place(t, w.webAuth, { customerId: 'c-log-3', lines: [{ sku: 'SKU-A', quantity: 999, unitPrice: 100 }], fulfilment: shipEast, shipTo }, 409)
      for (const who of [w.admin, w.ops, w.webAuth]) await call('GET', `/v1/orders/${ship.id}`, who)
      await call('GET', `/v1/orders/${pickup.id}`, store)
      await call('GET', `/v1/orders/${ship.id}`, w.appAuth, undefined, 404)
      await call('POST', `/v1/orders/${ship.id}/payments`, w.pay, { kind: 'payment', amount: 100, currency: 'CNY', providerRef: 'log-pay-1' }, 201)
      await call('POST', `/v1/orders/${ship.id}/ship`, w.ops, { carrier: 'SF', tracking: 'SF-LOG-1' })
      await call('POST', `/v1/orders/${ship.id}/deliver`, w.ops)
      await call('POST', `/v1/orders/${pickup.id}/cancel`, w.webAuth, { reason: 'changed my mind' })
      await t.services.webhooks.step()
      await t.services.notifications.catchUp()
      await t.services.analytics.catchUp()

      // A contact whose key is not configured: a 500, logged with what to set, and nothing of the contact.
      await t.services.db.run('UPDATE order_contacts SET key_id = ? WHERE order_id = ?', ['k_retiredkey00000', ship.id])
      const broken = await t.app.inject({ method: 'GET', url: `/v1/orders/${ship.id}`, headers: w.admin })
      assert.equal(broken.statusCode, 500)
      assert.deepEqual(leaksIn(broken.body), [])

      // A careless log call carrying a request body is redacted too.
      t.services.logger.debug({ body: { shipTo, contact: pickupContact } }, 'a body logged by mistake')
      t.services.logger.debug({ req: { body: { shipTo } }, order: { shipTo, contact: pickupContact } }, 'nested')

      const log = lines.join('')
      assert.match(log, /SELLAHEAD_PII_KEY is not set: customers’ personal data is sealed under a key derived from the root secret/)
      assert.equal(log.match(/SELLAHEAD_PII_KEY is not set/g)?.length, 1, 'said once')
      assert.match(log, /is sealed under key k_retiredkey00000, which is not configured: set SELLAHEAD_PII_KEY/, 'the operator is told what to set')
      assert.match(log, /a body logged by mistake/)
      assert.match(log, /\[redacted\]/)
      assert.deepEqual(leaksIn(log), [], 'no personal data in the log')
    })
  })
}
