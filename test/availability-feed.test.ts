/**
 * Channel availability and its feed, over real HTTP on both stores: what each channel shows per
 * SKU and scope (status, "only N left", backorder and presale dates), that a channel token sees
 * only its own channel, the exports, and the feed's promise — a channel that applies a snapshot
 * and then the changes after its `seq`, disconnecting and resuming at random, ends with exactly
 * what a fresh snapshot shows, whatever receipts, reservations, orders, policy changes and presale
 * campaigns (opened, raised, ended) came in between.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { addSlot, isoDay, dayMs } from './helpers/orders.ts'
import { storeKinds } from '../src/store/testing.ts'
import { campaignBody } from './helpers/presale.ts'

type Auth = { authorization: string }
type Value = { sku: string; scope: string; status: string; quantity: number; onlyLeft: number | null; shipBy: string | null; deliverBy: string | null; seq: number }

for (const kind of await storeKinds()) {
  describe(`channel availability (${kind})`, () => {
    let t: TestApp
    let call: ReturnType<typeof requester>
    let admin: Auth
    let web: { id: string }
    let app: { id: string }
    let webAuth: Auth
    let appAuth: Auth
    const ids: Record<string, string> = {}

    before(async () => {
      t = await startTestApp(kind)
      call = requester(t)
      admin = await t.auth('admin')
      for (const code of ['AV-A', 'AV-B', 'AV-C']) ids[code] = (await call('POST', '/v1/skus', admin, { code, name: code }, 201)).json().id
      const node = async (code: string, region: string, capabilities: string[]) =>
        (ids[code] = (await call('POST', '/v1/nodes', admin, { code, name: code, kind: code.startsWith('ST') ? 'store' : 'warehouse', region, capabilities }, 201)).json().id)
      await node('AV-WE', 'east', ['ship'])
      await node('AV-WN', 'north', ['ship'])
      await node('AV-ST', 'east', ['pickup'])
      web = (await call('POST', '/v1/channels', admin, { code: 'av-web', name: 'Web', kind: 'web', nodeIds: ['AV-WE', 'AV-WN', 'AV-ST'], safetyBuffer: 1, lowStockThreshold: 3 }, 201)).json()
      app = (await call('POST', '/v1/channels', admin, { code: 'av-app', name: 'App', kind: 'app', nodeIds: ['AV-WE'] }, 201)).json()
      webAuth = await t.auth(`channel:${web.id}`)
      appAuth = await t.auth(`channel:${app.id}`)
    })
    after(() => t.close())

    const receive = (sku: string, node: string, quantity: number) => call('POST', '/v1/inventory/receipts', admin, { sku, node, quantity })
    const snapshot = async (channel: string, auth: Auth, query = ''): Promise<{ seq: number; items: Value[] }> => {
      const items: Value[] = []
      let page = (await call('GET', `/v1/channels/${channel}/availability?limit=7${query}`, auth)).json()
      items.push(...page.items)
      const seq = page.seq
      while (page.nextCursor) {
        page = (await call('GET', `/v1/channels/${channel}/availability?limit=7&cursor=${page.nextCursor}${query}`, auth)).json()
        assert.equal(page.seq, seq, 'every page keeps the first page\'s seq')
        items.push(...page.items)
      }
      return { seq, items }
    }
    const valueOf = async (channel: string, auth: Auth, sku: string, scope: string): Promise<Value> => {
      const { items } = await snapshot(channel, auth, `&sku=${sku}&scope=${encodeURIComponent(scope)}`)
      assert.equal(items.length, 1, `${sku} ${scope}`)
      return items[0]
    }

    it('shows each scope: stock less the safety buffer, low stock under the threshold, out of stock, dates per region and store', async () => {
      await receive('AV-A', 'AV-WE', 10)
      await receive('AV-A', 'AV-ST', 3)
      await t.services.availability.catchUp()
      const whole = await valueOf('av-web', webAuth, 'AV-A', 'channel')
      // The buffer of 1 stays at each node: 9 at the warehouse, 2 at the store.
      assert.deepEqual([whole.status, whole.quantity, whole.onlyLeft], ['in_stock', 11, null])
      const east = await valueOf('av-web', webAuth, 'AV-A', 'region:east')
      assert.equal(east.quantity, 11)
      assert.ok(east.deliverBy !== null && east.shipBy !== null && east.deliverBy >= east.shipBy)
      const north = await valueOf('av-web', webAuth, 'AV-A', 'region:north')
      assert.deepEqual([north.status, north.quantity, north.shipBy], ['out_of_stock', 0, null])
      const store = await valueOf('av-web', webAuth, 'AV-A', `store:${ids['AV-ST']}`)
      assert.deepEqual([store.status, store.quantity, store.onlyLeft], ['low_stock', 2, 2])
      assert.equal(store.deliverBy, store.shipBy, 'pickup: ready the day it ships')
      // The app channel has no buffer and only the warehouse.
      const onApp = await valueOf('av-app', appAuth, 'AV-A', 'channel')
      assert.deepEqual([onApp.status, onApp.quantity], ['in_stock', 10])
      assert.equal((await snapshot('av-app', appAuth, '&sku=AV-A')).items.length, 2, 'the app channel: the channel and its one region')
    })

    it('turns to backorder with the promised date when only future supply remains, and to out of stock when none', async () => {
      await addSlot(t, { id: `slot-${kind}-b`, skuId: ids['AV-B'], nodeId: ids['AV-WE'], kind: 'po_confirmed', quantity: 20, days: 12 })
      await call('PUT', '/v1/skus/AV-B/sell-ahead-policy', admin, { kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 0, horizonDays: 60, maxBeyondStock: null })
      await receive('AV-B', 'AV-WE', 1)
      // A supply change names the SKU on the outbox; so does a receipt.
      await t.services.availability.catchUp()
      assert.equal((await valueOf('av-app', appAuth, 'AV-B', 'channel')).status, 'low_stock')
      await call('POST', '/v1/reservations', appAuth, { sku: 'AV-B', node: 'AV-WE', quantity: 1 }, 201)
      await t.services.availability.catchUp()
      const backorder = await valueOf('av-app', appAuth, 'AV-B', 'channel')
      assert.equal(backorder.status, 'backorder')
      assert.equal(backorder.quantity, 0)
      assert.ok(backorder.shipBy! >= isoDay(t.services.clock.nowMs() + 12 * dayMs), `ships after the supply arrives: ${backorder.shipBy}`)
      assert.equal((await valueOf('av-app', appAuth, 'AV-C', 'channel')).status, 'out_of_stock')
    })

    it('follows a sell-ahead policy change: the same stock and supply, another answer', async () => {
      await call('PUT', '/v1/skus/AV-B/sell-ahead-policy', admin, { kinds: ['stock'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null })
      await t.services.availability.catchUp()
      assert.equal((await valueOf('av-app', appAuth, 'AV-B', 'channel')).status, 'out_of_stock', 'future supply no longer sold')
      await t.app.inject({ method: 'DELETE', url: '/v1/skus/AV-B/sell-ahead-policy', headers: admin })
      await call('PUT', '/v1/skus/AV-B/sell-ahead-policy', admin, { kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 0, horizonDays: 60, maxBeyondStock: null })
      await t.services.availability.catchUp()
      assert.equal((await valueOf('av-app', appAuth, 'AV-B', 'channel')).status, 'backorder')
    })

    it('shows a channel only its own availability; other roles may not read it', async () => {
      const other = await t.app.inject({ method: 'GET', url: '/v1/channels/av-web/availability', headers: appAuth })
      assert.equal(other.statusCode, 404)
      assert.equal(other.json().code, 'channel_not_found')
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/channels/av-web/availability/changes', headers: appAuth })).statusCode, 404)
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/channels/av-web/availability', headers: await t.auth(`store:${ids['AV-ST']}`) })).statusCode, 403)
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/channels/nope/availability', headers: admin })).statusCode, 404)
      const badCursor = await t.app.inject({ method: 'GET', url: '/v1/channels/av-web/availability?cursor=abc', headers: admin })
      assert.equal(badCursor.statusCode, 400)
    })

    it('exports local inventory in Google\'s words and quantities in Shopify\'s', async () => {
      const google = (await call('GET', '/v1/channels/av-web/exports/google-local-inventory', webAuth)).json().items
      const a = google.find((i: { offerId: string }) => i.offerId === 'AV-A')
      assert.deepEqual(a, { storeCode: 'AV-ST', offerId: 'AV-A', availability: 'LIMITED_AVAILABILITY', quantity: 2, pickupMethod: 'BUY', pickupSla: a.pickupSla })
      assert.match(a.pickupSla, /^(SAME_DAY|NEXT_DAY|TWO_DAY)$/)
      assert.ok(google.every((i: { storeCode: string }) => i.storeCode === 'AV-ST'), 'only pickup stores')
      const shopify = (await call('GET', '/v1/channels/av-web/exports/shopify-inventory', webAuth)).json().items
      const row = shopify.find((i: { sku: string; location: string }) => i.sku === 'AV-A' && i.location === 'AV-WE')
      assert.deepEqual(row, { sku: 'AV-A', location: 'AV-WE', available: 9, on_hand: 10, committed: 0, reserved: 0, damaged: 0, safety_stock: 1, incoming: 0 })
    })

    it('snapshot then changes, with random disconnects, ends exactly at a fresh snapshot', async () => {
      const skus = ['AV-A', 'AV-B', 'AV-C']
      const nodes = ['AV-WE', 'AV-WN', 'AV-ST']
      const step = fc.oneof(
        fc.record({ kind: fc.constant('receive' as const), sku: fc.constantFrom(...skus), node: fc.constantFrom(...nodes), quantity: fc.integer({ min: 1, max: 6 }) }),
        fc.record({ kind: fc.constant('reserve' as const), sku: fc.constantFrom(...skus), node: fc.constantFrom(...nodes), quantity: fc.integer({ min: 1, max: 4 }) }),
        fc.record({ kind: fc.constant('order' as const), sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 3 }) }),
        fc.record({ kind: fc.constant('policy' as const), future: fc.boolean() }),
        fc.record({ kind: fc.constant('campaign' as const), action: fc.constantFrom('open' as const, 'raise' as const, 'end' as const), quota: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant('project' as const) }),
        fc.record({ kind: fc.constant('read' as const), limit: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ kind: fc.constant('reconnect' as const) }),
      )
      let orders = 0
      // The presale campaigns on AV-C still selling, newest last.
      const campaigns: Array<{ id: string; quota: number }> = []
      const campaignStep = async (action: 'open' | 'raise' | 'end', quota: number) => {
        const open = campaigns.at(-1)
        if (action === 'open') {
          const body = campaignBody(t.services.clock.nowMs(), { code: `AV-PS-${kind}-${campaigns.length}-${++orders}`, sku: 'AV-C', node: 'AV-WE', quota })
          const created = (await call('POST', '/v1/presale-campaigns', admin, body, 201)).json()
          await call('POST', `/v1/presale-campaigns/${created.id}/publish`, admin, undefined, 200)
          campaigns.push({ id: created.id, quota })
        } else if (open && action === 'raise') {
          open.quota += quota
          await call('POST', `/v1/presale-campaigns/${open.id}/quota`, admin, { quota: open.quota }, 200)
        } else if (open) {
          await call('POST', `/v1/presale-campaigns/${open.id}/end`, admin, undefined, 200)
          campaigns.pop()
        }
      }
      // Every history opens a campaign first (a few random runs might otherwise never place one); later steps open, raise and end more.
      const history = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.array(step, { minLength: 5, maxLength: 25 }))
        .map(([quota, rest]) => [{ kind: 'campaign' as const, action: 'open' as const, quota }, ...rest])
      await fc.assert(fc.asyncProperty(history, async (steps) => {
        await t.services.availability.catchUp()
        const start = await snapshot('av-web', webAuth)
        const seen = new Map(start.items.map((v) => [`${v.sku}|${v.scope}`, v]))
        let cursor = start.seq
        let saved = cursor
        const read = async (limit: number) => {
          const page = (await call('GET', `/v1/channels/av-web/availability/changes?after=${cursor}&limit=${limit}`, webAuth)).json()
          for (const v of page.items as Value[]) {
            assert.ok(v.seq > cursor, 'in order, nothing twice')
            cursor = v.seq
            seen.set(`${v.sku}|${v.scope}`, v)
          }
          assert.equal(page.lastSeq, cursor)
          saved = cursor
        }
        for (const s of steps) {
          if (s.kind === 'receive') await receive(s.sku, s.node, s.quantity)
          else if (s.kind === 'reserve') await t.app.inject({ method: 'POST', url: '/v1/reservations', headers: admin, payload: { sku: s.sku, node: s.node, quantity: s.quantity } })
          else if (s.kind === 'order') {
            // The channel's own order: placed from stock or future supply, or refused when there is neither.
            const placed = await t.app.inject({
              method: 'POST', url: '/v1/orders', headers: { ...webAuth, 'idempotency-key': `feed-${kind}-${++orders}` },
              payload: { customerId: 'c-feed', lines: [{ sku: s.sku, quantity: s.quantity, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } },
            })
            assert.ok([201, 409, 422].includes(placed.statusCode), placed.body)
          } else if (s.kind === 'policy') {
            await call('PUT', '/v1/skus/AV-B/sell-ahead-policy', admin, { kinds: s.future ? ['stock', 'po_confirmed'] : ['stock'], unconfirmedBufferDays: 0, horizonDays: 60, maxBeyondStock: null })
          } else if (s.kind === 'campaign') await campaignStep(s.action, s.quota)
          else if (s.kind === 'project') await t.services.availability.catchUp()
          else if (s.kind === 'read') await read(s.limit)
          // A reconnect resumes from the last position the channel saved.
          else cursor = saved
        }
        await t.services.availability.catchUp()
        for (;;) {
          const before = cursor
          await read(500)
          if (cursor === before) break
        }
        const fresh = await snapshot('av-web', webAuth)
        assert.deepEqual(new Map([...seen].sort()), new Map(fresh.items.map((v) => [`${v.sku}|${v.scope}`, v] as const).sort()))
      }), { numRuns: kind === 'sqlite' ? 15 : 8 })
    })
  })
}
