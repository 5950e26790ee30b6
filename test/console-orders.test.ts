/**
 * The Orders pages in a real browser against a real server: orders placed through the API by two
 * channels, one paid, one delayed by a supplier's slip (with the policy's compensation and the
 * message sent); ops filter and open them; a channel token sees its own orders only.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer, forgetRefusals } from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>

describe('the Orders pages in a browser', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let webAuth: { authorization: string }
  let paidId: string
  let pendingId: string
  let delayedId: string

  before(async () => {
    server = await startConsoleServer('sqlite', { clock: new ManualClock() })
    browser = await launchBrowser()
    const t = server.t
    w = await seedPurchasing(t)
    const call = requester(t)
    const app = (await call('POST', '/v1/channels', w.admin, { code: 'app', name: 'App', kind: 'app', nodeIds: [w.whEast.id] }, 201)).json()
    webAuth = await t.auth(`channel:${w.web.id}`)
    const appAuth = await t.auth(`channel:${app.id}`)
    await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'percent_of_line_per_day', percentPerDay: 1.5, capPercent: 10 })
    await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 7 })
    const po = await confirmedPo(t, w, 50, 10)
    let n = 0
    const place = async (auth: { authorization: string }, customerId: string, quantity: number) => (await call('POST', '/v1/orders', auth, {
      customerId, lines: [{ sku: 'SKU-A', quantity, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' },
    }, 201, { 'idempotency-key': `console-orders-${++n}` })).json()
    const paid = await place(webAuth, 'cus_paid', 2)
    await call('POST', `/v1/orders/${paid.id}/payments`, await t.auth('payments:alipay'), { kind: 'payment', amount: paid.total, currency: 'CNY', providerRef: 'ali-0001' }, 201)
    paidId = paid.id
    pendingId = (await place(webAuth, 'cus_pending', 3)).id
    // Two units left in stock, the rest of 20 on the confirmed PO line; then the supplier slips by three days.
    delayedId = (await place(appAuth, 'cus_late', 20)).id
    await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('ops filter orders by status, open a paid one and read its lines, allocations, dates, payments and timeline', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/orders')
    const list = page.getByRole('table', { name: 'Orders, newest first' })
    const rows = list.locator('tbody tr')
    await rows.nth(2).waitFor()
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), [delayedId, pendingId, paidId], 'newest first')
    await assertAccessible(page, 'orders list')
    await screenshot(page, 'orders-list')

    await page.getByLabel('Status').selectOption({ label: 'Paid' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/\/console\/orders\?status=paid$/)
    await rows.filter({ hasText: pendingId }).waitFor({ state: 'detached' })
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), [paidId])
    assert.deepEqual((await rows.first().locator('td').allInnerTexts()).slice(2), ['web', 'cus_paid', 'Paid', 'CN¥20.00', 'Nov 12, 2026'])

    await page.getByRole('link', { name: paidId }).click()
    await page.getByRole('heading', { name: `Order ${paidId}` }).waitFor()
    const facts = await page.locator('dl.facts').innerText()
    assert.match(facts, /Promised ship\s+Nov 12, 2026/)
    assert.match(facts, /Promised delivery\s+Nov 13, 2026/)
    assert.match(facts, /Owed\s+CN¥0\.00/)
    assert.deepEqual(await page.getByRole('table', { name: 'Lines' }).locator('tbody td').allInnerTexts(),
      ['1', 'SKU-A', 'WH-E', '2', 'CN¥10.00', 'Open', 'Nov 12, 2026', 'Nov 13, 2026', 'Nov 12, 2026'])
    assert.deepEqual(await page.getByRole('table', { name: 'Allocations' }).locator('tbody td').allInnerTexts(), ['1 · SKU-A', 'Stock', 'stock', '2', 'Nov 11, 2026'])
    assert.deepEqual((await page.getByRole('table', { name: 'Payments' }).locator('tbody td').allInnerTexts()).slice(1), ['Payment', 'CN¥20.00', 'alipay', 'ali-0001'])
    const timeline = page.getByRole('table', { name: 'Timeline' }).locator('tbody tr')
    await timeline.nth(1).waitFor()
    assert.match(await timeline.nth(0).innerText(), /Placed.*channel:.*customerId: cus_paid/s)
    assert.equal(await page.getByRole('table', { name: 'Delays' }).count(), 0, 'no delay, no delay section')
    // How it was routed: the default profile, why, and every candidate of the web channel once.
    const routing = page.getByRole('region', { name: 'Routing' })
    assert.match(await routing.innerText(), /Decision 1: placement, routed.*Profile default, version 0.*WH-E (wins on the earliest delivery|is the only plan that fits)/s)
    const candidates = await page.getByRole('table', { name: 'Candidate nodes' }).locator('tbody tr').allInnerTexts()
    assert.ok(candidates.length >= 1 && candidates.some((row) => /^WH-E\tRank 1\t1\t/.test(row)), candidates.join('\n'))
    await assertAccessible(page, 'a paid order')
    assertNoConsoleErrors(opened, 'orders list and a paid order')
    await opened.context.close()
  })

  test('a delayed order shows the delay, its compensation and the message the customer was sent', async () => {
    const delays = (await requester(server.t)('GET', `/v1/orders/${delayedId}/delays`, w.admin)).json().items
    assert.equal(delays.length, 1)
    const amount = delays[0].compensation.amountMinor as number
    assert.ok(amount > 0, 'the policy gives a coupon')
    const opened = await openPage(browser)
    const { page } = opened
    // The delayed filter is not on the API on main yet: the page applies it to what it loaded.
    await signIn(page, server.baseUrl, w.ops, '/console/orders?delayed=true')
    const rows = page.getByRole('table', { name: 'Orders, newest first' }).locator('tbody tr')
    await rows.first().waitFor()
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), [delayedId])
    assert.equal(await page.getByLabel('Delayed').inputValue(), 'true', 'the form shows the filter in the address')
    // Presale and placement days are applied the same way; the channel goes to the API.
    const idsAt = async (address: string) => {
      await page.goto(`${server.baseUrl}/console/orders${address}`)
      await page.getByRole('table', { name: 'Orders, newest first' }).waitFor()
      await page.locator('[aria-busy=true]').waitFor({ state: 'detached' })
      return (await rows.allInnerTexts()).map((r) => r.split('\t')[0])
    }
    assert.deepEqual(await idsAt('?presale=true'), ['Nothing here yet.'])
    assert.deepEqual(await idsAt('?presale=false&placedFrom=2026-11-11&placedTo=2026-11-11'), [delayedId, pendingId, paidId])
    assert.deepEqual(await idsAt('?placedFrom=2026-11-12'), ['Nothing here yet.'])
    assert.deepEqual(await idsAt('?delayed=false'), [pendingId, paidId])
    await page.getByLabel('Channel').selectOption({ label: 'app · App' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/\?delayed=false&channel=chn_/)
    await rows.filter({ hasText: pendingId }).waitFor({ state: 'detached' })
    assert.deepEqual((await rows.allInnerTexts()).map((r) => r.split('\t')[0]), ['Nothing here yet.'], 'the app channel has no order that is not delayed')
    await page.getByRole('button', { name: 'Clear' }).click()
    await rows.nth(2).waitFor()
    await page.goto(`${server.baseUrl}/console/orders?delayed=true`)
    await rows.first().filter({ hasText: delayedId }).waitFor()
    await page.getByRole('link', { name: delayedId }).click()

    const delay = page.getByRole('table', { name: 'Delays' }).locator('tbody td')
    await delay.first().waitFor()
    assert.deepEqual(await delay.allInnerTexts(), [
      '1', 'Supplier moved its date', delays[0].reason, 'Nov 22, 2026 → Nov 25, 2026', '3', `Coupon CN¥${(amount / 100).toFixed(2)}`, 'Open',
    ])
    assert.match(delays[0].reason, /port closed|moved its delivery/)
    const message = await page.getByRole('table', { name: 'Messages sent to the customer' }).locator('tbody td').allInnerTexts()
    assert.deepEqual(message.slice(1, 3), ['Delay notice', `Your order ${delayedId} is delayed`])
    // The notifications projector has not run (no timers in tests); nor is there a notifier endpoint.
    assert.equal(message[4], 'Not yet requested')
    const parts = await page.getByRole('table', { name: 'Allocations' }).locator('tbody tr').allInnerTexts()
    assert.equal(parts.length, 2, 'stock and the PO line')
    assert.match(parts.join('\n'), /Stock\s+stock\s+2/)
    assert.match(parts.join('\n'), new RegExp(`Confirmed PO\\s+\\S+\\s+18\\s+Nov 24, 2026`))
    assert.match(await page.getByRole('table', { name: 'Timeline' }).innerText(), /Promise delayed/)
    await assertAccessible(page, 'a delayed order')
    await screenshot(page, 'order-detail')
    assertNoConsoleErrors(opened, 'a delayed order')
    await opened.context.close()
  })

  test('a channel token on a phone, in Chinese, lists its own orders and cannot open another channel’s by its address', async () => {
    const opened = await openPage(browser, { viewport: phone, lang: 'zh-CN' })
    const { page } = opened
    await signIn(page, server.baseUrl, webAuth, '/console/orders')
    const rows = page.getByRole('table', { name: '订单（最新在前）' }).locator('tbody tr')
    await rows.nth(1).waitFor()
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), [pendingId, paidId])
    assert.equal(await page.getByLabel('渠道').count(), 0, 'a channel is not offered other channels')
    await assertAccessible(page, 'orders of a channel on a phone')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page fits a phone's width (overflow ${overflow}px)`)

    await page.goto(`${server.baseUrl}/console/orders/${delayedId}`)
    await page.getByRole('heading', { name: '未找到订单' }).waitFor()
    assert.match(await page.getByRole('alert').innerText(), /order_not_found/)
    forgetRefusals(opened, 404)
    assertNoConsoleErrors(opened, 'a channel’s orders')
    await opened.context.close()
  })
})
