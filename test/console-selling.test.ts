/**
 * The console's selling-ahead pages in a real browser against a real server: an operator sets a
 * sell-ahead policy and sees it listed; the availability-to-promise tool answers dates and risk
 * words for a SKU with a confirmed PO on the way; a campaign is created, published, its quota
 * raised, orders placed through the API climb on the page without a reload, and ending it shows
 * the final price and the repriced orders.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer, forgetRefusals } from './helpers/browser.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'
import { newKey } from './helpers/orders.ts'
import { campaignBody } from './helpers/authorization.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>

describe('selling ahead in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  before(async () => {
    server = await startConsoleServer()
    w = await seedPurchasing(server.t)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  const figure = (page: Page, label: string) => page.locator(`[data-figure="${label}"]`)
  test('an operator sets a channel’s sell-ahead policy for a SKU and sees it listed, in effect from the channel', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/selling/policies')
    await page.getByLabel('SKU', { exact: true }).selectOption({ label: 'SKU-B · Sneaker B' })
    const table = page.locator('table', { hasText: 'Every channel' })
    await table.waitFor()
    assert.match(await table.innerText(), /the default/, 'no policy yet: the default applies')

    // A refusal is shown in words with its code: a policy that may sell nothing.
    await page.getByLabel('For').selectOption({ label: 'web · Web shop' })
    await page.getByLabel('Stock', { exact: true }).uncheck()
    await page.getByRole('button', { name: 'Save policy' }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /no_supply_kinds/)
    forgetRefusals(opened, 422)
    await page.getByLabel('Stock', { exact: true }).check()

    await page.getByLabel('Horizon (days)').fill('45')
    await page.getByLabel('Confirmed POs', { exact: true }).check()
    await page.getByLabel('Unconfirmed POs').check()
    await page.getByLabel('Unconfirmed buffer (days)').fill('7')
    await page.getByLabel('Most beyond stock').fill('30')
    await page.getByRole('button', { name: 'Save policy' }).click()
    await page.getByRole('status').filter({ hasText: 'Policy saved.' }).waitFor()
    const webRow = table.locator('tr', { hasText: /^web/ })
    await webRow.getByText('this channel').waitFor()
    assert.match(await webRow.innerText(), /Stock, Confirmed POs, Unconfirmed POs · Horizon \(days\): 45 · Unconfirmed buffer \(days\): 7 · Most beyond stock: 30/)

    const stored = await requester(server.t)('GET', `/v1/skus/${w.skuB.id}/sell-ahead-policy?channel=web`, w.admin)
    assert.deepEqual(stored.json().policy, { kinds: ['stock', 'po_confirmed', 'po_unconfirmed'], unconfirmedBufferDays: 7, horizonDays: 45, maxBeyondStock: 30 })

    // Removing the channel's policy leaves the default in effect again.
    await webRow.getByRole('button', { name: 'Remove' }).click()
    await page.getByRole('status').filter({ hasText: 'Policy removed.' }).waitFor()
    await webRow.getByText('the default').waitFor()
    assert.equal((await requester(server.t)('GET', `/v1/skus/${w.skuB.id}/sell-ahead-policy?channel=web`, w.admin)).json().policy, null)
    await page.getByRole('button', { name: 'Save policy' }).click()
    await webRow.getByText('this channel').waitFor()
    await assertAccessible(page, 'sell-ahead policies')
    assertNoConsoleErrors(opened, 'sell-ahead policies')
    await screenshot(page, 'selling-policies')
    await opened.context.close()
  })

  test('the availability-to-promise tool answers the dates and the risk for a SKU with a confirmed PO on the way', async () => {
    const call = requester(server.t)
    const today = server.t.services.clock.nowMs()
    await call('PUT', `/v1/skus/${w.skuA.id}/sell-ahead-policy`, w.admin, { kinds: ['stock', 'po_confirmed', 'presale'], horizonDays: 90 })
    const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', lines: [{ sku: 'SKU-A', quantity: 20 }] }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
    await call('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: '1', quantityAccepted: 20, eta: dayAfter(today, 10) }] })

    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/selling/atp')
    await page.getByLabel('SKU', { exact: true }).selectOption({ label: 'SKU-A · Sneaker A' })
    await page.getByLabel('Channel').selectOption({ label: 'web · Web shop' })
    await page.getByLabel('Delivery region').selectOption('east')
    await page.getByLabel('Quantity').fill('5')
    await page.getByRole('button', { name: 'Show the dates' }).click()
    const quote = page.locator('dl.quote')
    await quote.waitFor()
    const words = await quote.innerText()
    assert.match(words, /Depends on a supplier delivering on the confirmed date\./)
    assert.match(words, /WH-E/)
    const eta = new Date(`${dayAfter(today, 10)}T00:00:00Z`).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    assert.ok(words.includes(eta) || /Promised ship date\s+\w{3} \d+, \d{4}/.test(words), `a ship date in ${words}`)
    assert.match(await page.locator('table', { hasText: 'Supply behind it' }).innerText(), /Confirmed PO\s+5/)
    await page.locator('.chart canvas').waitFor()

    // Too many units: the tool says how many can be promised.
    await page.getByLabel('Quantity').fill('500')
    await page.getByRole('button', { name: 'Show the dates' }).click()
    await page.getByText(/At most 20 can be promised now/).waitFor()
    await page.getByLabel('Quantity').fill('5')
    await page.getByRole('button', { name: 'Show the dates' }).click()
    await quote.waitFor()
    await assertAccessible(page, 'availability to promise')
    assertNoConsoleErrors(opened, 'availability to promise')
    await screenshot(page, 'selling-atp')
    await opened.context.close()
  })

  test('a campaign is created, published and its quota raised; orders climb live against the tiers; ending it reprices every order', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    page.on('dialog', (dialog) => void dialog.accept())
    await signIn(page, server.baseUrl, w.admin, '/console/selling/campaigns')
    await page.getByLabel('Code', { exact: true }).fill('JACKET-11')
    await page.getByLabel('Name', { exact: true }).fill('Winter jacket presale')
    await page.getByLabel('SKU', { exact: true }).selectOption({ label: 'SKU-A · Sneaker A' })
    await page.getByLabel('Ships from').selectOption({ label: 'WH-E · Shanghai DC' })
    await page.getByLabel('Quota', { exact: true }).fill('10')
    await page.getByLabel('Unit price', { exact: true }).fill('100')
    await page.getByLabel('Tier 2 from (units sold)').fill('3')
    await page.getByLabel('Tier 2 unit price').fill('90')
    await page.getByLabel('Tier 3 from (units sold)').fill('5')
    await page.getByLabel('Tier 3 unit price').fill('80')
    await page.getByLabel('Deposit per unit').fill('10')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByRole('heading', { name: 'Campaign JACKET-11' }).waitFor()
    const campaignId = page.url().split('/').pop()!

    await page.getByRole('button', { name: 'Publish' }).click()
    await page.getByText('Published', { exact: true }).waitFor()
    // Lowering the quota is refused in words.
    await page.getByLabel('New quota').fill('5')
    await page.getByRole('button', { name: 'Raise quota' }).click()
    assert.match(await page.getByRole('alert').innerText(), /quota_cannot_decrease/)
    forgetRefusals(opened, 409)
    await page.getByLabel('New quota').fill('20')
    await page.getByRole('button', { name: 'Raise quota' }).click()
    await page.waitForFunction(() => document.querySelector('[data-figure="Quota"]')?.textContent === '20')

    const web = await server.t.auth(`channel:${w.web.id}`)
    for (const [customerId, quantity] of [['alice', 2], ['bob', 1], ['carol', 2]] as const) {
      await requester(server.t)('POST', `/v1/presale-campaigns/${campaignId}/orders`, web, { customerId, quantity }, 201, { 'idempotency-key': newKey() })
    }
    // No reload: the page asks again by itself.
    await page.waitForFunction(() => document.querySelector('[data-figure="Units sold"]')?.textContent === '5', undefined, { timeout: 15_000 })
    assert.match(await figure(page, 'Price now').innerText(), /¥80\.00$/)
    assert.match(await page.locator('table', { hasText: 'Price tiers' }).innerText(), /5\s+CN¥80\.00\s+Yes/)
    await assertAccessible(page, 'a live campaign')
    await screenshot(page, 'selling-campaign')

    await page.getByRole('button', { name: 'End now' }).click()
    await page.getByText('Ended', { exact: true }).waitFor()
    assert.match(await figure(page, 'Final price').innerText(), /¥80\.00$/)
    await page.getByText(/Every order was repriced at the final price/).waitFor()
    const orders = page.locator('table', { hasText: 'Orders of this campaign' })
    await orders.locator('tbody tr', { hasText: 'alice' }).waitFor()
    assert.match(await orders.locator('tr', { hasText: 'alice' }).innerText(), /2\s+CN¥80\.00\s+CN¥160\.00/)
    assert.equal(await orders.locator('tbody tr').count(), 3)
    await assertAccessible(page, 'an ended campaign')
    assertNoConsoleErrors(opened, 'presale campaign')
    await opened.context.close()
  })

  test('an operator cancels a published campaign with a reason: its open orders are cancelled with a full refund', async () => {
    const call = requester(server.t)
    const campaign = (await call('POST', '/v1/presale-campaigns', w.admin, campaignBody('SKU-A', 'WH-E'), 201)).json()
    await call('POST', `/v1/presale-campaigns/${campaign.id}/publish`, w.admin, {}, 200)
    const web = await server.t.auth(`channel:${w.web.id}`)
    const order = (await call('POST', `/v1/presale-campaigns/${campaign.id}/orders`, web, { customerId: 'dave', quantity: 1 }, 201, { 'idempotency-key': newKey() })).json()
    const opened = await openPage(browser)
    const { page } = opened
    page.on('dialog', (dialog) => void dialog.accept())
    await signIn(page, server.baseUrl, w.ops, `/console/selling/campaigns/${campaign.id}`)
    await page.getByLabel('Reason for cancelling').fill('The factory cannot make this colour')
    await page.getByRole('button', { name: 'Cancel campaign' }).click()
    await page.getByText('Cancelled', { exact: true }).waitFor()
    const after = (await call('GET', `/v1/orders/${order.id}`, w.admin)).json()
    assert.equal(after.status, 'cancelled')
    assertNoConsoleErrors(opened, 'cancelling a campaign')
    await opened.context.close()
  })

  test('on a phone in Chinese the campaign list and its form are labelled in Chinese and fit the screen', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/selling/campaigns')
    await page.getByRole('heading', { name: '预售活动' }).waitFor()
    await page.getByRole('link', { name: 'JACKET-11' }).waitFor()
    await page.getByRole('button', { name: '创建草稿' }).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
    await assertAccessible(page, 'campaigns on a phone')
    assertNoConsoleErrors(opened, 'campaigns on a phone')
    await opened.context.close()
  })
})
