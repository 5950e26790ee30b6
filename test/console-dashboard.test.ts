/**
 * The dashboard in a real browser: orders placed, paid and shipped through the API, a pickup
 * made ready and collected at a store, the projector catches up, and the page shows the figures
 * for the period and channel chosen.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { seedPurchasing, requester } from './helpers/purchasing.ts'
import { receive } from './helpers/orders.ts'
import { pickupDesk } from './helpers/pickups.ts'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './helpers/browser.ts'

describe('the dashboard', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: Awaited<ReturnType<typeof seedPurchasing>>

  before(async () => {
    server = await startConsoleServer()
    const t = server.t
    w = await seedPurchasing(t)
    await receive(t, w as never, 'SKU-A', 'WH-E', 50)
    const call = requester(t)
    const channel = await t.auth(`channel:${w.web.id}`)
    const payments = await t.auth('payments:alipay')
    for (let i = 0; i < 3; i++) {
      const order = (await call('POST', '/v1/orders', channel, {
        customerId: `cus_${i}`, fulfilment: { method: 'ship', region: 'east' }, lines: [{ sku: 'SKU-A', quantity: i + 1, unitPrice: 10000 }],
      }, 201, { 'idempotency-key': `dash-${i}` })).json()
      if (i === 0) {
        await call('POST', `/v1/orders/${order.id}/payments`, payments, { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: 'pay-1' }, 201)
        await call('POST', `/v1/orders/${order.id}/ship`, w.ops, {}, 200)
      }
    }
    // A pickup in another channel, made ready within the quarter hour and collected.
    const desk = await pickupDesk(t, w, { code: 'omni' })
    const pickup = await desk.placePaid([{ sku: 'SKU-B', quantity: 1 }])
    const ready = await desk.ready(pickup.id)
    await desk.collect(ready.shipmentId, ready.code, 'Li Lei')
    await t.services.analytics.catchUp()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('an operator lands on the dashboard and reads orders, units, on-time and stock for the period', async () => {
    const opened = await openPage(browser)
    await signIn(opened.page, server.baseUrl, w.ops)
    await opened.page.waitForURL(/\/console\/dashboard/)
    const figures = opened.page.locator('.figures')
    await figures.waitFor()
    const figure = async (label: string) => (await figures.locator('.figure', { hasText: label }).first().locator('.value').innerText()).trim()
    // The figures of a new period or channel replace the old ones once they arrive: wait for them.
    const figureBecomes = (label: string, value: string) =>
      waitForText(figures.locator('.figure', { hasText: label }).first().locator('.value'), new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`))
    await figureBecomes('Orders', '4')
    assert.equal(await figure('Units sold'), '7')
    assert.equal(await figure('On time to promise'), '100%')
    assert.equal(await figure('Pickup ready time (median)'), '0.25 h')
    assert.equal(await figure('Pickups expired'), '0%')
    assert.match(await figures.locator('.figure', { hasText: 'Pickups expired' }).innerText(), /0 of 1 pickups ended uncollected/)
    assert.equal(await opened.page.locator('.chart canvas').count() >= 6, true, 'the charts are drawn')
    await assertAccessible(opened.page, 'dashboard')
    await screenshot(opened.page, 'dashboard')
    // Period and channel go into the page's address, and the figures follow.
    await opened.page.getByLabel('7 days').check()
    await opened.page.waitForURL(/periodDays=7/)
    await opened.page.getByLabel('Channel').selectOption('web')
    await opened.page.waitForURL(/channel=web/)
    await figureBecomes('Orders', '3')
    assert.equal(await figure('Pickup ready time (median)'), '—', 'no pickup in this channel')
    assertNoConsoleErrors(opened, 'dashboard')
    await opened.context.close()
  })

  test('a channel reads its own figures in Chinese on a phone, with no channel to choose', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    await signIn(opened.page, server.baseUrl, await server.t.auth(`channel:${w.web.id}`), '/console/dashboard')
    await opened.page.locator('.figures').waitFor()
    assert.match(await opened.page.locator('h1').innerText(), /经营概览/)
    assert.equal(await opened.page.getByLabel('渠道').count(), 0)
    assert.match(await opened.page.locator('.figures').innerText(), /订单数/)
    assert.match(await opened.page.locator('.figures').innerText(), /—\s*自提备货时长（中位数）/)
    assert.match(await opened.page.locator('.figures').innerText(), /自提逾期未取率/)
    await assertAccessible(opened.page, 'dashboard for a channel on a phone')
    assertNoConsoleErrors(opened, 'dashboard for a channel')
    await opened.context.close()
  })
})
