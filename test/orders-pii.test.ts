/**
 * Customers' personal data on orders, on both stores: a ship order's `shipTo` and a pickup order's
 * `contact` are sealed at rest (the database rows hold none of the plain text), shown to the roles
 * that need them only (staff and the order's channel all of it, the pickup store the name, nobody
 * else anything), never in events or webhooks, refused with stable codes when malformed, and
 * re-sealed by a rotation after which the old key can go; a key that is not configured fails
 * saying what to set.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { requestHashOf } from '../src/http/support.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { newKey, place, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { requester } from './helpers/purchasing.ts'
import { createCampaign, presaleOrder } from './helpers/presale.ts'
import { storeKinds } from '../src/store/testing.ts'
import { OrderContacts, piiKeyRing, type PiiKeyOptions } from '../src/orders/index.ts'
import { KeyNotHeldError, keyIdOf } from '../src/kernel/sealing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { leaksIn, pickupContact, shipTo } from './helpers/pii.ts'

const key = (): Buffer => randomBytes(32)

for (const kind of await storeKinds()) {
  describe(`customers' personal data (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const keyA = key()
    const call = (method: 'GET' | 'POST', url: string, headers: { authorization: string }, payload?: object, status = 200) => requester(t)(method, url, headers, payload, status)
    let shipOrder: { id: string; shipTo?: unknown }
    let pickupOrder: { id: string; contact?: unknown }
    let store1: { authorization: string }
    let store2: { authorization: string }

    before(async () => {
      t = await startTestApp(kind, { clock, pii: { key: keyA } })
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 20)
      await requester(t)('PATCH', '/v1/channels/web', w.admin, { nodeIds: [w.whEast.id, w.store1.id, w.store2.id] })
      await receive(t, w, 'SKU-A', 'ST-1', 5)
      store1 = await t.auth(`store:${w.store1.id}`)
      // A store token may name its store by code.
      store2 = await t.auth('store:ST-2')
      shipOrder = (await place(t, w.webAuth, { customerId: 'c-pii-1', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, shipTo })).json()
      pickupOrder = (await place(t, w.webAuth, { customerId: 'c-pii-2', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: { method: 'pickup', nodeId: 'ST-1' }, contact: pickupContact })).json()
    })
    after(() => t.close())

    it('answers the placing channel with the contact it sent', () => {
      assert.deepEqual(shipOrder.shipTo, shipTo)
      assert.deepEqual(pickupOrder.contact, pickupContact)
    })

    it('stores the contact sealed: no row of any table holds the plain name, phone, e-mail or address', async () => {
      const rows = await t.services.db.all<{ order_id: string; key_id: string; sealed: string }>('SELECT order_id, key_id, sealed FROM order_contacts ORDER BY order_id')
      assert.deepEqual(rows.map((r) => r.order_id).sort(), [shipOrder.id, pickupOrder.id].sort(), 'one row per order with a contact')
      assert.deepEqual(new Set(rows.map((r) => r.key_id)), new Set([keyIdOf(keyA)]), 'each row names the key that sealed it')
      for (const r of rows) assert.match(r.sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
      assert.deepEqual(leaksIn(JSON.stringify(rows)), [])
      for (const table of ['orders', 'order_lines', 'order_events', 'outbox', 'settings', 'idempotency_keys']) {
        assert.deepEqual(leaksIn(JSON.stringify(await t.services.db.all(`SELECT * FROM ${table}`))), [], `nothing in ${table}`)
      }
    })

    it('binds each sealed contact to its order: copied onto another order it does not open', async () => {
      const ship = await t.services.db.get<{ sealed: string }>('SELECT sealed FROM order_contacts WHERE order_id = ?', [shipOrder.id])
      const ring = await t.services.orders.contacts.keys()
      assert.throws(() => ring.open({ keyId: keyIdOf(keyA), sealed: ship!.sealed }, pickupOrder.id), /does not open with key/)
      assert.equal(ring.open({ keyId: keyIdOf(keyA), sealed: ship!.sealed }, shipOrder.id).includes(shipTo.name), true)
    })

    it('shows the whole contact to staff and the order’s channel, and none to payment providers or in lists', async () => {
      for (const who of [w.admin, w.ops, w.webAuth]) {
        assert.deepEqual((await call('GET', `/v1/orders/${shipOrder.id}`, who)).json().shipTo, shipTo)
        const pickup = (await call('GET', `/v1/orders/${pickupOrder.id}`, who)).json()
        assert.deepEqual([pickup.contact, pickup.shipTo], [pickupContact, undefined])
      }
      await call('GET', `/v1/orders/${shipOrder.id}`, w.appAuth, undefined, 404)
      await call('POST', `/v1/orders/${shipOrder.id}/payments`, w.pay, { kind: 'payment', amount: 100, currency: 'CNY', providerRef: 'pii-pay-1' }, 201)
      const seenByProvider = await call('GET', `/v1/orders/${shipOrder.id}`, w.pay)
      assert.deepEqual(leaksIn(seenByProvider.body), [], 'a payment provider sees the order, not the customer')
      const list = await call('GET', '/v1/orders', w.webAuth)
      assert.equal(list.json().items.length >= 2, true)
      assert.deepEqual(leaksIn(list.body), [], 'lists carry no personal data')
      const timeline = await call('GET', `/v1/orders/${shipOrder.id}/timeline`, w.webAuth)
      assert.deepEqual(leaksIn(timeline.body), [])
    })

    it('shows a store only the name of who collects a pickup order at that store, and nothing else of any order', async () => {
      const seen = await call('GET', `/v1/orders/${pickupOrder.id}`, store1)
      assert.deepEqual(seen.json().contact, { name: pickupContact.name })
      assert.deepEqual(leaksIn(seen.body), [pickupContact.name, 'Collector'], 'the name and nothing more')
      assert.equal(seen.json().statusToken, undefined, 'no shopper link for the store: it could cancel the order')
      // Another store's pickup, and every ship order, are not found (existence is not revealed).
      const other = await call('GET', `/v1/orders/${pickupOrder.id}`, store2, undefined, 404)
      const missing = await call('GET', '/v1/orders/ord_missing', store1, undefined, 404)
      assert.equal(other.json().code, missing.json().code)
      await call('GET', `/v1/orders/${shipOrder.id}`, store1, undefined, 404)
      // A store still may not list, place, or read timelines.
      await call('GET', '/v1/orders', store1, undefined, 403)
      await call('GET', `/v1/orders/${pickupOrder.id}/timeline`, store1, undefined, 403)
    })

    it('gives the one read other contexts use: the redacted view for each kind of viewer', async () => {
      const contacts = t.services.orders.contacts
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'staff' }), { shipTo })
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'channel', channelId: w.web.id }), { shipTo })
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'channel', channelId: w.app.id }), {})
      assert.deepEqual(await contacts.contactFor(pickupOrder.id, { kind: 'store', nodeId: w.store1.id }), { contact: { name: pickupContact.name } })
      assert.deepEqual(await contacts.contactFor(pickupOrder.id, { kind: 'store', nodeId: w.store2.id }), {})
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'supplier', supplierId: 'sup1' }), {})
      const { email: _email, ...label } = shipTo
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'sender', nodeId: 'DS-1' }), { shipTo: label }, 'who sends the parcel (a dropshipping supplier, a warehouse): the label, not the e-mail')
      assert.deepEqual(await contacts.contactFor(pickupOrder.id, { kind: 'sender', nodeId: 'DS-1' }), {})
      assert.deepEqual(await contacts.contactFor(shipOrder.id, { kind: 'payments' }), {})
      assert.deepEqual(await contacts.contactFor('ord_missing', { kind: 'staff' }), {})
    })

    it('refuses a malformed contact with a stable code and writes nothing; an order without one is placed as before', async () => {
      const count = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))!.n)
      const before = await count()
      const body = (extra: object) => ({ customerId: 'c-bad', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, ...extra })
      const cases: Array<[object, number, string]> = [
        [{ shipTo: { ...shipTo, email: 'not-an-address' } }, 422, 'invalid_email'],
        [{ shipTo: { ...shipTo, email: 'a b@example.com' } }, 422, 'invalid_email'],
        [{ shipTo: { ...shipTo, phone: '12345' } }, 422, 'invalid_phone'],
        [{ shipTo: { ...shipTo, phone: 'call me maybe' } }, 422, 'invalid_phone'],
        [{ shipTo: { ...shipTo, longitude: undefined } }, 422, 'coordinates_incomplete'],
        [{ contact: pickupContact }, 422, 'contact_method_mismatch'],
        [{ fulfilment: { method: 'pickup', nodeId: 'ST-1' }, shipTo }, 422, 'contact_method_mismatch'],
        [{ fulfilment: { method: 'pickup', nodeId: 'ST-1' }, contact: { ...pickupContact, email: 'x@y' } }, 422, 'invalid_email'],
        [{ shipTo: { ...shipTo, latitude: 91 } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, longitude: -180.5 } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, name: '   ' } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, name: 'x'.repeat(201) } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, address: { ...shipTo.address, country: 'China' } } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, address: { ...shipTo.address, city: undefined } } }, 400, 'invalid_request'],
        [{ shipTo: { ...shipTo, ssn: '123' } }, 400, 'invalid_request'],
      ]
      for (const [extra, status, code] of cases) {
        const res = await place(t, w.webAuth, body(extra), status)
        assert.equal(res.json().code, code, JSON.stringify(extra))
        assert.deepEqual(leaksIn(res.body), [], 'a refusal never repeats the data')
      }
      assert.equal(await count(), before, 'nothing written')
      const plain = (await place(t, w.webAuth, body({}))).json()
      assert.equal(plain.shipTo, undefined)
      assert.deepEqual(await t.services.orders.contacts.contactFor(plain.id, { kind: 'staff' }), {})
    })

    it('takes a presale order’s ship-to the same way: checked, sealed, read by those who may', async () => {
      const campaign = await createCampaign(t, w, { perCustomerLimit: null })
      const bad = await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'c-pre-bad', quantity: 1, shipTo: { ...shipTo, phone: '1' } }, 422)
      assert.equal(bad.json().code, 'invalid_phone')
      assert.deepEqual(leaksIn(bad.body), [])
      const order = (await presaleOrder(t, w.webAuth, campaign.id, { customerId: 'c-pre', quantity: 1, shipTo })).json()
      const row = await t.services.db.get<{ key_id: string; sealed: string }>('SELECT key_id, sealed FROM order_contacts WHERE order_id = ?', [order.id])
      assert.equal(row?.key_id, keyIdOf(keyA))
      assert.deepEqual(leaksIn(JSON.stringify(row)), [])
      assert.deepEqual((await call('GET', `/v1/orders/${order.id}`, w.webAuth)).json().shipTo, shipTo)
      assert.equal((await call('GET', `/v1/orders/${order.id}`, w.appAuth, undefined, 404)).json().code, 'order_not_found')
    })

    it('replays a keyed order with its contact, and refuses the key with another contact', async () => {
      const k = newKey()
      const body = { customerId: 'c-replay', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, shipTo }
      const first = (await place(t, w.webAuth, body, 201, k)).json()
      const again = await place(t, w.webAuth, body, 201, k)
      assert.equal(again.headers['idempotent-replayed'], 'true')
      assert.deepEqual([again.json().id, again.json().shipTo], [first.id, shipTo])
      const other = await place(t, w.webAuth, { ...body, shipTo: { ...shipTo, name: 'Someone Else' } }, 422, k)
      assert.equal(other.json().code, 'idempotency_key_reused')
      assert.equal(Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_contacts WHERE order_id = ?', [first.id]))!.n), 1)
      // The request's fingerprint kept with the key is keyed: a plain hash of a guessed body (with a guessed address) does not match it.
      const stored = (await t.services.db.get<{ request_hash: string }>('SELECT request_hash FROM orders WHERE id = ?', [first.id]))!.request_hash
      const request = { method: 'POST', routeOptions: { url: '/v1/orders' }, params: {}, body }
      assert.notEqual(stored, requestHashOf({ ...request, server: {} } as never), 'not the plain hash of the body')
      assert.equal(stored, requestHashOf({ ...request, server: { requestHashKey: t.app.requestHashKey } } as never))
    })

    it('rotates: every contact re-sealed under the new key, resumable, after which the old key can be removed', async () => {
      const keyB = key()
      const rootSecret = () => Promise.resolve('a root secret of this test only, 32+ characters')
      const contactsWith = (pii: PiiKeyOptions) => new OrderContacts(t.services.db, clock, piiKeyRing(pii, rootSecret))
      const countsBefore = await t.services.orders.contacts.keyCounts()
      const total = countsBefore.reduce((n, c) => n + c.contacts, 0)
      assert.deepEqual(countsBefore.map((c) => c.keyId), [keyIdOf(keyA)])
      assert.ok(total >= 3)

      // Stopped after the first batch of one: a second run carries on from there.
      const rotating = contactsWith({ key: keyB, previousKeys: [keyA] })
      const seen: Array<[number, number]> = []
      await assert.rejects(rotating.rotate({ batchSize: 1, onProgress: (done, all) => {
        seen.push([done, all])
        if (done === 1) throw new Error('interrupted')
      } }), /interrupted/)
      assert.deepEqual(seen, [[0, total], [1, total]])
      assert.deepEqual(new Map((await rotating.keyCounts()).map((c) => [c.keyId, c.contacts])), new Map([[keyIdOf(keyA), total - 1], [keyIdOf(keyB), 1]]))
      const done = await rotating.rotate({ batchSize: 2 })
      assert.deepEqual(done, { keyId: keyIdOf(keyB), resealed: total - 1 })
      assert.deepEqual(await rotating.keyCounts(), [{ keyId: keyIdOf(keyB), contacts: total }])
      assert.deepEqual(await rotating.rotate(), { keyId: keyIdOf(keyB), resealed: 0 }, 'nothing left to do')

      // The old key dropped from the configuration: everything still reads.
      const afterwards = contactsWith({ key: keyB })
      assert.deepEqual(await afterwards.contactFor(shipOrder.id, { kind: 'staff' }), { shipTo })
      assert.deepEqual(await afterwards.contactFor(pickupOrder.id, { kind: 'staff' }), { contact: pickupContact })
      const rows = await t.services.db.all<{ sealed: string }>('SELECT sealed FROM order_contacts')
      assert.deepEqual(leaksIn(JSON.stringify(rows)), [])

      // A server still configured with only the old key fails clearly, saying what to set; so does a rotation.
      const stale = contactsWith({ key: keyA })
      await assert.rejects(stale.read(shipOrder.id), (error: Error) => {
        assert.ok(error instanceof KeyNotHeldError)
        assert.match(error.message, new RegExp(`order ${shipOrder.id} is sealed under key ${keyIdOf(keyB)}, which is not configured: set SELLAHEAD_PII_KEY .* SELLAHEAD_PII_PREVIOUS_KEYS`))
        assert.deepEqual(leaksIn(error.message), [])
        return true
      })
      await assert.rejects(stale.rotate(), /Contacts are sealed under key\(s\) that are not configured: .*Nothing was re-sealed/)
      assert.deepEqual(await rotating.keyCounts(), [{ keyId: keyIdOf(keyB), contacts: total }], 'the refused rotation changed nothing')
      // The derived key (no SELLAHEAD_PII_KEY) is another key: it does not open these either.
      await assert.rejects(contactsWith({}).read(shipOrder.id), KeyNotHeldError)
    })

    it('never puts personal data in events or webhook deliveries', async () => {
      const endpoint = await call('POST', '/v1/webhook-endpoints', w.webAuth, { url: 'http://127.0.0.1:9/hook', topics: ['order.'] }, 201)
      assert.ok(endpoint.json().id)
      await place(t, w.webAuth, { customerId: 'c-hook', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: shipEast, shipTo: { ...shipTo } }, 201)
      await t.services.webhooks.fanOut()
      const deliveries = await t.services.db.all('SELECT * FROM webhook_deliveries')
      assert.ok(deliveries.length > 0, 'the order events were fanned out')
      const events = await t.services.db.all<{ payload: string }>('SELECT * FROM outbox')
      assert.ok(events.some((e) => e.payload.includes('c-hook')))
      assert.deepEqual(leaksIn(JSON.stringify(events) + JSON.stringify(deliveries)), [])
    })
  })
}
