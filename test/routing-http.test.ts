/**
 * Routing over real HTTP on both stores: nodes' fulfilment profiles and shipping zones set
 * through the API, orders placed and routed by the channel's profile, each decision read back
 * with its explanation; a node at capacity passed over (or promised later), an order after the
 * cut-off or before a closed day shipping the next working day, a profile that refuses, and bad
 * input refused with nothing written.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }
const dayMs = 86_400_000
// Monday 2030-01-07, 10:00 UTC.
const start = Date.UTC(2030, 0, 7, 10)
const day = (offset: number) => new Date(start + offset * dayMs).toISOString().slice(0, 10)

for (const kind of await storeKinds()) {
  describe(`routing over HTTP (${kind})`, () => {
    let t: TestApp
    let call: ReturnType<typeof requester>
    let admin: Auth
    let web: Auth
    let app: Auth
    let orders = 0

    before(async () => {
      t = await startTestApp(kind, { clock: new ManualClock(start) })
      call = requester(t)
      admin = await t.auth('admin')
      const node = (code: string, region: string, latitude: number, longitude: number, extra: object = {}) =>
        call('POST', '/v1/nodes', admin, { code, name: code, kind: 'warehouse', region, latitude, longitude, capabilities: ['ship'], handlingTimeHours: 24, ...extra }, 201)
      await node('RT-SH', 'east', 31.15, 121.12)
      await node('RT-BJ', 'north', 39.73, 116.34)
      await call('POST', '/v1/nodes', admin, { code: 'RT-ST', name: 'Store', kind: 'store', region: 'east', capabilities: ['pickup'] }, 201)
      await call('POST', '/v1/channels', admin, { code: 'rt-web', name: 'Web', kind: 'web', nodeIds: ['RT-SH', 'RT-BJ', 'RT-ST'] }, 201)
      await call('POST', '/v1/channels', admin, { code: 'rt-app', name: 'App', kind: 'app', nodeIds: ['RT-SH', 'RT-BJ'] }, 201)
      web = await t.auth('channel:rt-web')
      app = await t.auth('channel:rt-app')
      await call('PUT', '/v1/shipping-zones', admin, {
        regions: [{ region: 'east', latitude: 31.23, longitude: 121.47 }, { region: 'north', latitude: 39.9, longitude: 116.4 }],
        zones: [
          { from: 'east', to: 'east', serviceLevel: 'standard', transitDays: 1, cost: 500 },
          { from: 'north', to: 'north', serviceLevel: 'standard', transitDays: 1, cost: 500 },
          { from: '*', to: '*', serviceLevel: 'standard', transitDays: 3, cost: 1500 },
        ],
      })
      for (const sku of ['RT-A', 'RT-B']) {
        await call('POST', '/v1/skus', admin, { code: sku, name: sku }, 201)
        for (const at of ['RT-SH', 'RT-BJ', 'RT-ST']) await call('POST', '/v1/inventory/receipts', admin, { sku, node: at, quantity: 50 })
      }
    })
    after(() => t.close())

    const place = (auth: Auth, region: string, lines: Array<{ sku: string; quantity: number }>, status = 201) =>
      call('POST', '/v1/orders', { ...auth, 'idempotency-key': `rt-${kind}-${++orders}` } as Auth, {
        customerId: 'c-rt', lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'ship', region },
      }, status)
    const routingOf = async (orderId: string, auth: Auth = admin) => (await call('GET', `/v1/orders/${orderId}/routing`, auth)).json().items
    const nodeCodeOf = (orderLine: { nodeId: string }, ids: Record<string, string>) => Object.keys(ids).find((code) => ids[code] === orderLine.nodeId)
    let ids: Record<string, string>
    before(async () => {
      ids = {}
      for (const code of ['RT-SH', 'RT-BJ', 'RT-ST']) ids[code] = (await call('GET', `/v1/nodes/${code}`, admin)).json().id
    })

    it('routes by the default profile to the node that delivers first, and explains every candidate', async () => {
      const order = (await place(web, 'north', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(order.lines[0], ids), 'RT-BJ')
      assert.equal(order.lines[0].promisedShipDate, day(1))
      assert.equal(order.lines[0].promisedDeliveryDate, day(2), 'a day in transit within the north zone')
      const [decision] = await routingOf(order.id)
      assert.equal(decision.outcome, 'routed')
      assert.deepEqual(decision.explanation.profile, { scope: 'default', version: 0 })
      assert.deepEqual(decision.explanation.candidates.map((c: { code: string }) => c.code), ['RT-SH', 'RT-BJ', 'RT-ST'], 'every candidate once')
      const store = decision.explanation.candidates.find((c: { code: string }) => c.code === 'RT-ST')
      assert.equal(store.removed.filter, 'capability', 'the store only hands over')
      assert.match(decision.explanation.why, /^RT-BJ wins on the earliest delivery/)
      // The channel reads its own order's routing; another channel does not find it.
      assert.equal((await routingOf(order.id, web)).length, 1)
      assert.equal((await t.app.inject({ method: 'GET', url: `/v1/orders/${order.id}/routing`, headers: app })).statusCode, 404)
    })

    it('follows the channel\'s own profile, versioned: nearest first, and a split kept to one shipment', async () => {
      const v1 = (await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [{ kind: 'capability' }], sort: [{ kind: 'distance' }] })).json()
      assert.equal(v1.version, 1)
      const nearest = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(nearest.lines[0], ids), 'RT-SH')
      // The ship-to's own coordinates beat the region's centre: an address in Beijing billed to the east region.
      const toBeijing = (await call('POST', '/v1/orders', { ...web, 'idempotency-key': `rt-${kind}-${++orders}` } as Auth, {
        customerId: 'c-rt', lines: [{ sku: 'RT-A', quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' },
        shipTo: { name: 'Li Lei', address: { line1: '1 Sanlitun Rd', city: 'Beijing', country: 'CN' }, latitude: 39.93, longitude: 116.45 },
      }, 201)).json()
      assert.equal(nodeCodeOf(toBeijing.lines[0], ids), 'RT-BJ')
      const [byPoint] = await routingOf(toBeijing.id)
      assert.ok(byPoint.explanation.candidates.find((c: { code: string }) => c.code === 'RT-BJ').scores.distance < 50)
      const v2 = (await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [], sort: [{ kind: 'fewest_shipments' }, { kind: 'lowest_cost' }], maxSplits: 0 })).json()
      assert.equal(v2.version, 2)
      const versions = (await call('GET', '/v1/routing-profiles/rt-web/versions', admin)).json().items
      assert.deepEqual(versions.map((p: { version: number }) => p.version), [2, 1])
      assert.equal((await call('GET', '/v1/routing-profiles/rt-app', admin)).json().scope, 'default', 'a channel without its own follows the default')
      const together = (await place(web, 'north', [{ sku: 'RT-A', quantity: 1 }, { sku: 'RT-B', quantity: 2 }])).json()
      assert.deepEqual(together.lines.map((l: { nodeId: string }) => nodeCodeOf(l, ids)), ['RT-BJ', 'RT-BJ'], 'one shipment, the cheaper zone')
      const [decision] = await routingOf(together.id)
      assert.deepEqual(decision.explanation.profile, { scope: (await call('GET', '/v1/channels/rt-web', admin)).json().id, version: 2 })
      assert.deepEqual(decision.explanation.criteria, ['fewest_shipments', 'lowest_cost'])
    })

    it('passes over a node at capacity, or promises it later when the profile allows', async () => {
      // The order placed nearest above already ships from RT-SH tomorrow: one more line fits.
      await call('PATCH', '/v1/nodes/RT-SH', admin, { fulfilment: { capacity: { ship: { lines: 2, units: null } } } })
      await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [{ kind: 'capacity_left' }], sort: [{ kind: 'distance' }] })
      const first = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(first.lines[0], ids), 'RT-SH')
      const second = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(second.lines[0], ids), 'RT-BJ', 'RT-SH is full for tomorrow')
      const [decision] = await routingOf(second.id)
      const sh = decision.explanation.candidates.find((c: { code: string }) => c.code === 'RT-SH')
      assert.equal(sh.removed.filter, 'capacity_left')
      assert.match(sh.removed.reason, /full on /)
      await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [], sort: [{ kind: 'distance' }] })
      const later = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(later.lines[0], ids), 'RT-SH')
      assert.equal(later.lines[0].promisedShipDate, day(2), 'the next day with capacity')
      await call('PATCH', '/v1/nodes/RT-SH', admin, { fulfilment: { capacity: {} } })
    })

    it('ships the next working day after the cut-off and past a closed day', async () => {
      await call('PATCH', '/v1/nodes/RT-SH', admin, { handlingTimeHours: 0, fulfilment: { timeZone: 'Asia/Shanghai', cutoffs: { ship: '17:00' } } })
      // 10:00 UTC is 18:00 in Shanghai: past the cut-off, so Tuesday.
      const afterCutoff = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(nodeCodeOf(afterCutoff.lines[0], ids), 'RT-SH')
      assert.equal(afterCutoff.lines[0].promisedShipDate, day(1))
      await call('PATCH', '/v1/nodes/RT-SH', admin, { fulfilment: { cutoffs: { ship: '20:00' }, closedWeekdays: [1] } })
      const closedToday = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(closedToday.lines[0].promisedShipDate, day(1), 'closed on Mondays')
      await call('PATCH', '/v1/nodes/RT-SH', admin, { fulfilment: { closedWeekdays: [] } })
      const sameDay = (await place(web, 'east', [{ sku: 'RT-A', quantity: 1 }])).json()
      assert.equal(sameDay.lines[0].promisedShipDate, day(0), 'before the cut-off, no handling time: today')
    })

    it('refuses when nothing fits and the profile says so: nothing placed, nothing held', async () => {
      await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [{ kind: 'in_region' }], sort: [{ kind: 'distance' }], whenNothingFits: 'refuse' })
      const before = (await call('GET', '/v1/inventory/positions/RT-B/RT-SH', admin)).json()
      // A second line only RT-BJ ever held, now sold out there: refused with the allocation's own answer at RT-BJ (the
      // other nodes are the first line's candidates only), naming the line.
      await call('POST', '/v1/skus', admin, { code: 'RT-NONE', name: 'Sold out' }, 201)
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'RT-NONE', node: 'RT-BJ', quantity: 1 })
      await call('POST', '/v1/inventory/counts', admin, { sku: 'RT-NONE', node: 'RT-BJ', countedQuantity: 0, reason: 'sold out' })
      const unsupplied = (await place(web, 'north', [{ sku: 'RT-A', quantity: 1 }, { sku: 'RT-NONE', quantity: 1 }], 409)).json()
      assert.deepEqual([unsupplied.code, unsupplied.line], ['insufficient_stock', 1])
      const refused = (await place(web, 'west', [{ sku: 'RT-B', quantity: 1 }], 409)).json()
      assert.equal(refused.code, 'no_route')
      assert.deepEqual((await call('GET', '/v1/inventory/positions/RT-B/RT-SH', admin)).json(), before)
      await call('PUT', '/v1/routing-profiles/rt-web', admin, { filters: [{ kind: 'in_region' }], sort: [{ kind: 'distance' }], whenNothingFits: 'backorder' })
      const placed = (await place(web, 'west', [{ sku: 'RT-B', quantity: 1 }])).json()
      assert.equal((await routingOf(placed.id))[0].outcome, 'backorder')
    })

    it('refuses bad profiles, zones and fulfilment profiles with a stable code, and changes nothing', async () => {
      const bad = async (method: 'PUT' | 'PATCH', url: string, body: object, code: string, status = 400) =>
        assert.equal((await call(method, url, admin, body, status)).json().code, code)
      const current = (await call('GET', '/v1/routing-profiles/rt-web', admin)).json()
      await bad('PUT', '/v1/routing-profiles/rt-web', { filters: [{ kind: 'priority_groups', groups: [['NOPE']] }], sort: [{ kind: 'distance' }] }, 'invalid_routing_profile')
      await bad('PUT', '/v1/routing-profiles/rt-web', { filters: [], sort: [{ kind: 'distance' }, { kind: 'distance' }] }, 'invalid_routing_profile')
      await bad('PUT', '/v1/routing-profiles/nope', { filters: [], sort: [{ kind: 'distance' }] }, 'routing_scope_not_found', 404)
      assert.equal((await call('GET', '/v1/routing-profiles/rt-web', admin)).json().version, current.version)
      await bad('PUT', '/v1/shipping-zones', { regions: [], zones: [{ from: 'a', to: 'b', serviceLevel: 'standard', transitDays: 1, cost: 1 }, { from: 'a', to: 'b', serviceLevel: 'standard', transitDays: 2, cost: 1 }] }, 'invalid_shipping_zones')
      assert.equal((await call('GET', '/v1/shipping-zones', admin)).json().zones.length, 3)
      const node = (await call('GET', '/v1/nodes/RT-BJ', admin)).json()
      await bad('PATCH', '/v1/nodes/RT-BJ', { fulfilment: { timeZone: 'Mars/Olympus' } }, 'invalid_fulfilment_profile')
      await bad('PATCH', '/v1/nodes/RT-BJ', { fulfilment: { closedWeekdays: [0, 1, 2, 3, 4, 5] , cutoffs: { ship: '25:00' } } }, 'invalid_request')
      await bad('PATCH', '/v1/nodes/RT-BJ', { fulfilment: { closedDates: ['2030-02-30'] } }, 'invalid_request')
      assert.deepEqual((await call('GET', '/v1/nodes/RT-BJ', admin)).json(), node)
      assert.equal((await t.app.inject({ method: 'PUT', url: '/v1/routing-profiles/rt-web', headers: web, payload: { filters: [], sort: [{ kind: 'distance' }] } })).statusCode, 403)
    })
  })
}
