/**
 * Dropship requests in the supplier portal, in a real browser against a real server, on a phone:
 * a supplier sees its own requests with the customer's promised day and the label's address,
 * accepts one and ships it with tracking (the units leave its allowance through the API), turns
 * another down (re-routed to the warehouse); another supplier's request is not there, not even by
 * its id in a filter; staff see every supplier's.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { requester } from './helpers/purchasing.ts'

type Auth = { authorization: string }

describe('dropship requests in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let admin: Auth
  let call: ReturnType<typeof requester>
  const nodes: Record<'ds1' | 'ds2' | 'wh', { id: string }> = {} as never
  /** A paid order of one line for the east, with its ship-to; its request is made at the dropship node that holds the SKU. */
  const paidOrder = async (sku: string, quantity: number) => {
    const channel = await server.t.auth('channel:ds-web')
    const order = (await call('POST', '/v1/orders', channel, {
      customerId: 'c-1', lines: [{ sku, quantity, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' },
      shipTo: { name: 'Zhou Min', phone: '+86 139 0000 0001', email: 'zhou@example.cn', address: { line1: '1 Nanjing Road', city: 'Shanghai', country: 'CN' } },
    }, 201, { 'idempotency-key': `console-ds-${sku}-${Date.now()}` })).json()
    await call('POST', `/v1/orders/${order.id}/payments`, await server.t.auth('payments:alipay'), { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: `p-${order.id}` }, 201)
    const [shipment] = await server.t.services.fulfilment.ofOrder(order.id)
    return { order, shipment }
  }

  before(async () => {
    server = await startConsoleServer('sqlite')
    call = requester(server.t)
    admin = await server.t.auth('admin')
    for (const code of ['DS-LAMP', 'DS-CHAIR']) await call('POST', '/v1/skus', admin, { code, name: code === 'DS-LAMP' ? 'Desk lamp' : 'Chair' }, 201)
    nodes.ds1 = (await call('POST', '/v1/nodes', admin, { code: 'LAMPS-DIRECT', name: 'Lamp maker direct', kind: 'dropship', region: 'east', supplierId: 'lamps' }, 201)).json()
    nodes.ds2 = (await call('POST', '/v1/nodes', admin, { code: 'CHAIRS-DIRECT', name: 'Chair maker direct', kind: 'dropship', region: 'east', supplierId: 'chairs' }, 201)).json()
    nodes.wh = (await call('POST', '/v1/nodes', admin, { code: 'DS-WH', name: 'Own warehouse', kind: 'warehouse', region: 'north' }, 201)).json()
    await call('POST', '/v1/channels', admin, { code: 'ds-web', name: 'Web shop', kind: 'web', nodeIds: ['LAMPS-DIRECT', 'CHAIRS-DIRECT', 'DS-WH'], safetyBuffer: 0 }, 201)
    await call('PUT', '/v1/inventory/virtual', admin, { sku: 'DS-LAMP', node: 'LAMPS-DIRECT', quantity: 10 })
    await call('PUT', '/v1/inventory/virtual', admin, { sku: 'DS-CHAIR', node: 'CHAIRS-DIRECT', quantity: 10 })
    await call('POST', '/v1/inventory/receipts', admin, { sku: 'DS-LAMP', node: 'DS-WH', quantity: 5 })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a supplier accepts and ships one request with tracking and turns another down, on a phone; it never sees another supplier’s', async () => {
    const first = await paidOrder('DS-LAMP', 2)
    const second = await paidOrder('DS-LAMP', 1)
    const foreign = await paidOrder('DS-CHAIR', 1)
    assert.deepEqual([first.shipment.nodeId, foreign.shipment.nodeId], [nodes.ds1.id, nodes.ds2.id])
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, await server.t.auth('supplier:lamps'), '/console/portal/dropship')
    await page.getByRole('heading', { name: 'Dropship requests' }).waitFor()
    const card = page.getByRole('article', { name: `Request ${first.shipment.id}` })
    await waitForText(card, /New request[\s\S]*2 × DS-LAMP Desk lamp[\s\S]*ships by/)
    await waitForText(card.locator('address'), /Send to: Zhou Min[\s\S]*1 Nanjing Road/)
    assert.ok(!(await card.innerText()).includes('zhou@example.cn'), 'never the customer’s e-mail')
    assert.equal(await page.getByRole('article', { name: `Request ${foreign.shipment.id}` }).count(), 0, 'another supplier’s request is not listed')
    await assertAccessible(page, 'dropship requests')
    await screenshot(page, 'portal-dropship-phone')

    await card.getByRole('button', { name: 'Accept' }).click()
    await waitForText(card, /Accepted/)
    await card.getByLabel('Carrier').fill('SF')
    await card.getByLabel('Tracking number').fill('SF-LAMP-1')
    await card.getByRole('button', { name: 'Ship', exact: true }).click()
    await waitForText(card, /Shipped[\s\S]*SF SF-LAMP-1/)
    const p = await server.t.services.inventory.position(first.shipment.lines[0].skuId, nodes.ds1.id)
    assert.deepEqual([p.virtual, p.reserved], [8, 1], 'two left the allowance, one still held for the second order')

    const other = page.getByRole('article', { name: `Request ${second.shipment.id}` })
    await other.getByText('Turn down').first().click()
    await other.getByLabel('Reason').selectOption('out_of_stock')
    await other.getByRole('button', { name: 'Turn down', exact: true }).click()
    await waitForText(other, /Cancelled[\s\S]*turned down/)
    const [, moved] = await server.t.services.fulfilment.ofOrder(second.order.id)
    assert.equal(moved.nodeId, nodes.wh.id, 're-routed to the warehouse')
    assertNoConsoleErrors(opened, 'dropship requests')
    await opened.context.close()

    // Staff see every supplier's requests and whose each is.
    const staff = await openPage(browser)
    await signIn(staff.page, server.baseUrl, admin, '/console/portal/dropship?status=requested')
    const chair = staff.page.getByRole('article', { name: `Request ${foreign.shipment.id}` })
    await waitForText(chair, /New request[\s\S]*Supplier: chairs/)
    assert.equal(await staff.page.getByRole('article', { name: `Request ${first.shipment.id}` }).count(), 0, 'the filter leaves out what was shipped')
    await assertAccessible(staff.page, 'dropship requests for staff')
    assertNoConsoleErrors(staff, 'dropship requests for staff')
    await staff.context.close()
  })
})
