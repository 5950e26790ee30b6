/**
 * Every list, found in /openapi.json (each GET with a `cursor` query parameter), refuses a cursor
 * it did not give out with 400 `invalid_cursor` problem+json — garbage, a number, a NUL, a very
 * long string, a forged key, a valid cursor of another list — and paging through it with its own
 * cursors returns every item exactly once, in the order of one big page. Both stores.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { newKey, seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { campaignBody } from './helpers/presale.ts'
import { requester } from './helpers/purchasing.ts'
import { cursorCodec, singleCursor } from '../src/http/cursor.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }

const supplierBody = (code: string) => ({ code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14, paymentTerms: { kind: 'prepaid' } })
const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

for (const kind of await storeKinds()) {
  describe(`list cursors (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    /** Every list route as a concrete URL, with the token that reads it. */
    let lists: Array<{ route: string; url: string; auth: Auth }>
    const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args)

    before(async () => {
      t = await startTestApp(kind)
      w = await seedOrders(t)
      const { admin } = w
      // Endpoints hear what is committed after them: the orders below give them deliveries.
      const hooks = []
      for (const description of ['one', 'two']) hooks.push((await call('POST', '/v1/webhook-endpoints', admin, { url: 'http://127.0.0.1:9/hook', description, topics: ['order.'] }, 201)).json())
      for (const [sku, node, quantity] of [['SKU-A', 'WH-E', 20], ['SKU-A', 'WH-E', 5], ['SKU-A', 'WH-E', 1], ['SKU-A', 'WH-N', 4], ['SKU-B', 'WH-E', 3]] as const) {
        await call('POST', '/v1/inventory/receipts', admin, { sku, node, quantity })
      }
      const suppliers = []
      for (const code of ['sup1', 'sup2', 'sup3']) suppliers.push((await call('POST', '/v1/suppliers', admin, supplierBody(code), 201)).json())
      for (const sku of ['SKU-A', 'SKU-B']) await call('PUT', `/v1/suppliers/sup1/skus/${sku}`, admin, { unitCost: 900, virtualCap: 50 })
      await call('PUT', '/v1/suppliers/sup2/skus/SKU-A', admin, { unitCost: 900, virtualCap: 50 })
      for (const [supplier, sku, node] of [['sup1', 'SKU-A', 'DS-1'], ['sup1', 'SKU-B', 'DS-1'], ['sup1', 'SKU-A', 'WH-E'], ['sup2', 'SKU-A', 'DS-2']]) {
        await call('PUT', `/v1/suppliers/${supplier}/virtual-supply/${sku}/${node}`, admin, { quantity: 2, leadTimeDays: 3 })
      }
      const pos = []
      for (let i = 0; i < 3; i++) {
        pos.push((await call('POST', '/v1/purchase-orders', admin, { supplier: 'sup1', destination: 'WH-E', reference: `PO-${i}`, lines: [{ sku: 'SKU-A', quantity: 10 }] }, 201)).json())
      }
      await call('POST', `/v1/purchase-orders/${pos[0].id}/send`, admin)
      await call('POST', `/v1/purchase-orders/${pos[1].id}/send`, admin)
      // Two SKUs received at their cost: the valuation to page through.
      const costed = (await call('POST', '/v1/purchase-orders', admin, { supplier: 'sup3', destination: 'WH-E', reference: 'PO-COST', lines: [{ sku: 'SKU-A', quantity: 5, unitCost: 900 }, { sku: 'SKU-B', quantity: 5, unitCost: 400 }] }, 201)).json()
      await call('POST', `/v1/purchase-orders/${costed.id}/send`, admin)
      await call('POST', `/v1/purchase-orders/${costed.id}/receipts`, w.admin, { lines: [{ line: '1', quantityPassed: 5 }, { line: '2', quantityPassed: 5 }] }, 201)
      for (let i = 0; i < 2; i++) await call('POST', '/v1/suppliers/sup1/scorecard/recompute', admin)
      const orders = []
      for (let i = 0; i < 3; i++) {
        orders.push((await call('POST', '/v1/orders', w.appAuth, { customerId: `c-${i}`, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 201, { 'idempotency-key': newKey() })).json())
      }
      await call('POST', `/v1/orders/${orders[0].id}/cancel`, w.appAuth, { reason: 'changed my mind' })
      // Paid orders get their shipments (a work queue to page through).
      for (const o of orders.slice(1)) await call('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'payment', amount: 100, currency: 'CNY', providerRef: `ref-${o.id}` }, 201)
      // Delivered and returned: the returns queue to page through.
      for (const o of orders.slice(1)) {
        await call('POST', `/v1/orders/${o.id}/ship`, admin, {})
        await call('POST', `/v1/orders/${o.id}/deliver`, admin, {})
        await call('POST', '/v1/returns', w.appAuth, { order: o.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)
      }
      // Orders routed to a supplier's dropship node: its requests to page through.
      const direct = (await call('POST', '/v1/channels', admin, { code: 'direct', name: 'Direct', kind: 'web', nodeIds: [w.drop1.id], safetyBuffer: 0 }, 201)).json()
      const directAuth = await t.auth(`channel:${direct.id}`)
      await call('PUT', '/v1/inventory/virtual', admin, { sku: 'SKU-B', node: w.drop1.id, quantity: 3 })
      for (let i = 0; i < 3; i++) {
        const o = (await call('POST', '/v1/orders', directAuth, { customerId: `d-${i}`, lines: [{ sku: 'SKU-B', quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 201, { 'idempotency-key': newKey() })).json()
        await call('POST', `/v1/orders/${o.id}/payments`, w.pay, { kind: 'payment', amount: 100, currency: 'CNY', providerRef: `ref-${o.id}` }, 201)
      }
      for (let i = 0; i < 3; i++) await call('POST', '/v1/presale-campaigns', admin, campaignBody(t.services.clock.nowMs()), 201)
      await t.services.webhooks.fanOut()
      await t.services.availability.catchUp()
      // Demand for both SKUs at WH-E: suggestions, and the supplier's SKUs at the node to page through; planned events and policies.
      const days = (sku: string) => Array.from({ length: 30 }, (_, i) => `${sku},WH-E,${new Date(t.services.clock.nowMs() - (i + 1) * 86_400_000).toISOString().slice(0, 10)},30`)
      await t.services.replenishment.importDemandHistory(['sku,node,date,quantity', ...days('SKU-A'), ...days('SKU-B')].join('\n'))
      await call('POST', '/v1/replenishment/run', admin, {})
      for (const date of ['2030-11-11', '2030-11-12', '2030-12-12']) await call('POST', '/v1/planned-events', admin, { sku: '*', node: 'WH-E', date, kind: 'peak' }, 201)
      for (const [sku, node] of [['SKU-A', 'WH-E'], ['SKU-B', 'WH-E'], ['*', '*']]) {
        await call('PUT', `/v1/replenishment-policies/${sku}/${node}`, admin, { serviceLevel: 0.9, method: 'order_up_to', reviewPeriodDays: 7 })
      }
      // Supplier invoices (sent from sup1's portal, billed before anything arrived: held) and a payment run for each of two approved.
      const sup1 = await t.auth('supplier:sup1')
      for (let i = 0; i < 3; i++) {
        const invoice = (await call('POST', '/v1/supplier-portal/invoices', sup1, { number: `INV-${i}`, invoiceDate: '2030-01-01', currency: 'CNY', lines: [{ po: 'PO-0', lineNo: 1, quantity: 1, unitPriceMinor: 900 }] }, 201)).json()
        if (i === 2) continue
        await call('POST', `/v1/supplier-invoices/${invoice.id}/resolution`, admin, { action: 'approve', reason: 'seeded' })
        await call('POST', '/v1/payment-runs', admin, { payBy: '2031-01-01' }, 201)
      }

      // Credit notes against two suppliers: the debits to page through (staff's all, a supplier's own in the portal).
      for (const [supplier, n] of [['sup1', 1], ['sup1', 2], ['sup1', 3], ['sup2', 1]] as const) {
        await call('POST', `/v1/suppliers/${supplier}/credit-notes`, admin, { number: `CN-${n}`, amountMinor: 100 * n, currency: 'CNY', reason: 'price correction' }, 201)
      }

      const params: Record<string, string> = { sku: 'SKU-A', node: 'WH-E', channel: 'web' }
      const idOf: Record<string, string> = { suppliers: suppliers[0].id, 'purchase-orders': pos[0].id, orders: orders[0].id, 'webhook-endpoints': hooks[0].id }
      const doc = (await call('GET', '/openapi.json', admin)).json()
      lists = []
      for (const [path, ops] of Object.entries<{ get?: { parameters?: Array<{ in: string; name: string }> } }>(doc.paths)) {
        if (!ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'cursor')) continue
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? idOf[path.split('/')[2]] : params[name]))
        // Staff name the supplier whose SKUs they read.
        // The portal's lists are a supplier's own: only a supplier token reads them.
        const own = path === '/v1/supplier-portal/invoices' || path === '/v1/supplier-portal/debits'
        lists.push({ route: path, url: path === '/v1/supplier-portal/replenishment' ? `${url}?supplier=sup1` : url, auth: own ? sup1 : admin })
      }
      // Scoped callers take other code paths: a channel's own channels and orders, a supplier's own profile.
      lists.push({ route: '/v1/channels (channel)', url: '/v1/channels', auth: w.appAuth })
      lists.push({ route: '/v1/orders (channel)', url: '/v1/orders', auth: w.appAuth })
      lists.push({ route: '/v1/suppliers (supplier)', url: '/v1/suppliers', auth: await t.auth('supplier:sup1') })
      lists.push({ route: '/v1/nodes (store)', url: '/v1/nodes', auth: await t.auth(`store:${w.store1.id}`) })
      lists.push({ route: '/v1/shipments (warehouse)', url: '/v1/shipments', auth: await t.auth(`warehouse:${w.whEast.id}`) })
      lists.push({ route: '/v1/supplier-portal/lines (supplier)', url: '/v1/supplier-portal/lines', auth: await t.auth('supplier:sup1') })
      lists.push({ route: '/v1/supplier-portal/dropship (supplier)', url: '/v1/supplier-portal/dropship', auth: await t.auth('supplier:sup1') })
      lists.push({ route: '/v1/supplier-portal/replenishment (supplier)', url: '/v1/supplier-portal/replenishment', auth: await t.auth('supplier:sup1') })
    })
    after(() => t.close())

    const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`

    /** Every item of a list, a page of `limit` at a time. */
    async function pageThrough(url: string, auth: Auth, limit: number): Promise<unknown[]> {
      const items: unknown[] = []
      let cursor: string | null = null
      for (let pages = 0; pages < 100; pages++) {
        const page: { items: unknown[]; nextCursor: string | null } = (await call('GET', withQuery(url, `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`), auth)).json()
        items.push(...page.items)
        cursor = page.nextCursor
        if (cursor === null) return items
      }
      assert.fail(`${url} never ended`)
    }

    it('finds every list in the OpenAPI document', () => {
      assert.deepEqual(lists.slice(0, -8).map((l) => l.route).sort(), [
        '/v1/channels', '/v1/channels/{channel}/availability', '/v1/costs/valuation', '/v1/inventory/positions', '/v1/inventory/positions/{sku}/{node}/movements', '/v1/nodes', '/v1/orders', '/v1/orders/{id}/timeline',
        '/v1/payment-runs', '/v1/planned-events', '/v1/presale-campaigns', '/v1/purchase-orders', '/v1/purchase-orders/{id}/timeline', '/v1/replenishment-policies', '/v1/returns', '/v1/shipments', '/v1/skus',
        '/v1/suggestions', '/v1/supplier-debits', '/v1/supplier-invoices', '/v1/supplier-portal/debits', '/v1/supplier-portal/dropship', '/v1/supplier-portal/invoices', '/v1/supplier-portal/lines', '/v1/supplier-portal/replenishment', '/v1/suppliers',
        '/v1/suppliers/{id}/scorecard/history', '/v1/suppliers/{id}/skus', '/v1/suppliers/{id}/virtual-supply', '/v1/virtual-supply',
        '/v1/webhook-endpoints', '/v1/webhook-endpoints/{id}/deliveries',
      ])
    })

    it('pages through every list with its own cursors: every item once, in order', async () => {
      for (const { route, url, auth } of lists) {
        const all = (await call('GET', withQuery(url, 'limit=500'), auth)).json()
        assert.equal(all.nextCursor, null, route)
        if (!route.includes('(')) assert.ok(all.items.length >= 2, `${route} has at least two items to page through`)
        for (const limit of [1, 2]) assert.deepEqual(await pageThrough(url, auth, limit), all.items, `${route} a page of ${limit} at a time`)
      }
    })

    it('refuses every cursor it did not give out with 400 invalid_cursor, on every list', async () => {
      // One real cursor per list, to offer each to every other list.
      const real = new Map<string, string>()
      for (const { route, url, auth } of lists) {
        const cursor = (await call('GET', withQuery(url, 'limit=1'), auth)).json().nextCursor
        if (cursor !== null) real.set(route, cursor)
      }
      assert.ok(real.size >= 16)
      const garbage = [
        'abc', '1.5', '-1', '%00', encodeURIComponent('x'.repeat(600)), '', encodeURIComponent('a|b'), 'YWJj', forged('abc'), forged(5),
        forged(['skus']), forged(['skus', 1]), forged(['movements', -1]), forged(['movements', 1.5]), forged(['positions', 'a']), forged(['orders', '\u0000']),
        forged(['virtual_supply', 'a', 'b']), forged({ list: 'skus' }), `${singleCursor('skus', 'text').encode('sku_1')}=`, cursorCodec('nope', ['text']).encode(['x']),
      ]
      for (const { route, url, auth } of lists) {
        const others = [...real].filter(([r]) => r.split(' ')[0] !== route.split(' ')[0]).map(([, c]) => encodeURIComponent(c))
        for (const cursor of [...garbage, ...others]) {
          const res = await t.app.inject({ method: 'GET', url: withQuery(url, `cursor=${cursor}`), headers: auth })
          assert.equal(res.statusCode, 400, `${route} cursor=${cursor.slice(0, 40)}: ${res.body}`)
          assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
          // A NUL is refused before any cursor is read, as it is in every field (http/text-guard.ts).
          const expected = cursor === '%00' ? 'invalid_request' : 'invalid_cursor'
          assert.equal(res.json().code, expected, `${route} cursor=${cursor.slice(0, 40)}`)
        }
      }
    })

    it('the cases of the issue answer 400, not 500', async () => {
      for (const url of ['/v1/inventory/positions?cursor=abc', '/v1/virtual-supply?cursor=abc', '/v1/suppliers/sup1/virtual-supply?cursor=1.5']) {
        assert.equal((await call('GET', url, w.admin, undefined, 400)).json().code, 'invalid_cursor', url)
      }
    })
  })
}
