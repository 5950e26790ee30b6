/**
 * The shipments work queue in a real browser against a real server, on a phone: a warehouse
 * token sees its own node's queue only, releases, picks, packs and ships a shipment (the stock is
 * committed through the API), rejects a line of another (re-routed to the other warehouse, whose
 * queue then holds it); staff see the shipments on the order's page.
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

describe('shipments in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let admin: Auth
  let east: { id: string }
  let north: { id: string }
  let call: ReturnType<typeof requester>
  /** A paid order of one line; its shipment is made at the node that delivers soonest (WH-E for the east). */
  const paidOrder = async (quantity: number) => {
    const channel = await server.t.auth('channel:sh-web')
    const order = (await call('POST', '/v1/orders', channel, { customerId: 'c-1', lines: [{ sku: 'SH-A', quantity, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' } },
      201, { 'idempotency-key': `console-${quantity}-${Date.now()}` })).json()
    await call('POST', `/v1/orders/${order.id}/payments`, await server.t.auth('payments:alipay'), { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: `p-${order.id}` }, 201)
    const [shipment] = await server.t.services.fulfilment.ofOrder(order.id)
    return { order, shipment }
  }

  before(async () => {
    server = await startConsoleServer('sqlite')
    call = requester(server.t)
    admin = await server.t.auth('admin')
    await call('POST', '/v1/skus', admin, { code: 'SH-A', name: 'Sneaker' }, 201)
    east = (await call('POST', '/v1/nodes', admin, { code: 'SH-E', name: 'East DC', kind: 'warehouse', region: 'east' }, 201)).json()
    north = (await call('POST', '/v1/nodes', admin, { code: 'SH-N', name: 'North DC', kind: 'warehouse', region: 'north' }, 201)).json()
    await call('POST', '/v1/channels', admin, { code: 'sh-web', name: 'Web shop', kind: 'web', nodeIds: ['SH-E', 'SH-N'], safetyBuffer: 0 }, 201)
    await call('POST', '/v1/inventory/receipts', admin, { sku: 'SH-A', node: 'SH-E', quantity: 10 })
    await call('POST', '/v1/inventory/receipts', admin, { sku: 'SH-A', node: 'SH-N', quantity: 10 })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a warehouse works its queue on a phone: release, pick, pack, ship; a line rejected goes to the other warehouse', async () => {
    const first = await paidOrder(2)
    const second = await paidOrder(1)
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, await server.t.auth(`warehouse:${east.id}`), '/console/shipments')
    await page.getByRole('heading', { name: 'Shipments' }).waitFor()
    const card = page.getByRole('article', { name: `Shipment ${first.shipment.id}` })
    await waitForText(card, /Created/)
    await assertAccessible(page, 'shipment queue')
    await screenshot(page, 'shipments-queue-phone')

    await card.getByRole('button', { name: 'Release' }).click()
    await waitForText(card, /Released/)
    await card.getByRole('button', { name: 'Start picking' }).click()
    await waitForText(card, /Picking/)
    await card.getByRole('button', { name: 'Packed' }).click()
    await waitForText(card, /Packed/)
    await card.getByLabel('Carrier').fill('SF')
    await card.getByLabel('Tracking number').fill('SF123')
    await card.getByRole('button', { name: 'Ship', exact: true }).click()
    await waitForText(card, /Shipped[\s\S]*SF SF123/)
    const p = await server.t.services.inventory.position(first.order.lines[0].skuId, east.id)
    assert.deepEqual([p.onHand, p.reserved], [8, 1], 'two shipped (I and O fall), one still held for the second order')

    const other = page.getByRole('article', { name: `Shipment ${second.shipment.id}` })
    await other.getByRole('button', { name: 'Release' }).click()
    await waitForText(other, /Released/)
    await other.getByText('Reject a line').click()
    await other.getByLabel('Reason').selectOption('damaged')
    await other.getByRole('button', { name: 'Reject', exact: true }).click()
    await waitForText(other, /Cancelled[\s\S]*rejected/)
    const [, moved] = await server.t.services.fulfilment.ofOrder(second.order.id)
    assert.equal(moved.nodeId, north.id)
    // Not this warehouse's: the re-routed shipment is not in its queue.
    assert.equal(await page.getByRole('article', { name: `Shipment ${moved.id}` }).count(), 0)
    assertNoConsoleErrors(opened, 'shipment queue')
    await opened.context.close()

    // Staff see both shipments on the order's page.
    const staff = await openPage(browser)
    await signIn(staff.page, server.baseUrl, admin, `/console/orders/${second.order.id}`)
    const table = staff.page.getByRole('table', { name: 'Shipments', exact: true })
    await waitForText(table, new RegExp(`${second.shipment.id}\\s+SH-E\\s+Cancelled`))
    await waitForText(table, new RegExp(`${moved.id}\\s+SH-N\\s+Released`))
    await assertAccessible(staff.page, 'order page with shipments')
    assertNoConsoleErrors(staff, 'order page with shipments')
    await staff.context.close()
  })
})
