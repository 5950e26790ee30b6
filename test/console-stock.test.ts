/**
 * The Stock pages in a real browser against a real server: an operator finds a SKU, reads its
 * positions and supply ladder, receives stock through the form and sees on hand rise, sees the
 * API's refusals in its own words; a store token sees its own node only.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer, forgetRefusals } from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo } from './helpers/repromise.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>

/** The first figure (on hand) of the single row of a position's table. */
const onHandCell = (page: Page, caption: string) => page.getByRole('table', { name: caption }).locator('tbody tr').first().locator('td').first()

describe('the Stock pages in a browser', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let poId: string

  before(async () => {
    server = await startConsoleServer()
    browser = await launchBrowser()
    const t = server.t
    w = await seedPurchasing(t)
    const call = requester(t)
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 20 })
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'ST-1', quantity: 4 })
    poId = (await confirmedPo(t, w, 50, 10)).id
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('an operator finds a SKU and reads its positions and its supply ladder', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/stock')
    await page.getByLabel('SKU code or name').fill('sneaker a')
    await page.getByRole('button', { name: 'Find' }).click()
    // Only SKU-A's name contains "sneaker a".
    await page.getByRole('table', { name: 'SKUs' }).locator('tbody tr').filter({ hasText: 'SKU-B' }).waitFor({ state: 'detached' })
    await page.getByRole('link', { name: 'SKU-A' }).click()
    await page.getByRole('heading', { name: 'SKU-A · Sneaker A' }).waitFor()

    const positions = page.getByRole('table', { name: 'Positions per node' })
    const east = positions.locator('tbody tr').filter({ hasText: 'WH-E' })
    await east.waitFor()
    const figures = await east.locator('td').allInnerTexts()
    // Node, then I O U L T A V and S.
    assert.deepEqual(figures, ['WH-E', '20', '0', '0', '0', '0', '0', '0', '20'])
    assert.deepEqual(await positions.locator('tbody tr').filter({ hasText: 'ST-1' }).locator('td').allInnerTexts(), ['ST-1', '4', '0', '0', '0', '0', '0', '0', '4'])

    // The ladder: today's sellable stock at every node (24), then the confirmed PO's 50 units ten days out.
    const ladder = page.getByRole('table', { name: 'Units by date' })
    const rows = ladder.locator('tbody tr')
    await rows.nth(1).waitFor()
    assert.equal(await rows.count(), 2)
    assert.match(await rows.nth(0).innerText(), /Today.*Stock.*On hand.*24.*24/s)
    const poRow = await rows.nth(1).locator('td').allInnerTexts()
    assert.deepEqual([poRow[1], poRow[2], poRow[3], poRow[4], poRow[5]], [`Purchase order · ${poId}`, 'WH-E', 'Confirmed', '50', '74'])
    assert.equal(await page.locator('.chart canvas').count(), 1, 'the step chart is drawn')
    assert.match(await page.locator('.chart').getAttribute('aria-label') ?? '', /^Step chart of units by date for SKU-A: Today 24, .+ 74$/)

    // One node's ladder starts from that node's stock only.
    await page.getByLabel('Nodes').selectOption({ label: 'WH-E · Shanghai DC' })
    await rows.nth(0).filter({ hasText: '20' }).waitFor()
    assert.deepEqual((await rows.nth(1).locator('td').allInnerTexts()).slice(4), ['50', '70'])

    await assertAccessible(page, 'stock of a SKU')
    await screenshot(page, 'stock-sku')
    assertNoConsoleErrors(opened, 'stock of a SKU')
    await opened.context.close()
  })

  test('an operator receives 10 units through the form and sees on hand rise; refusals show the API’s words and code', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, `/console/stock/${w.skuA.id}`)
    await page.getByRole('link', { name: 'WH-E' }).click()
    const caption = 'SKU-A at WH-E'
    await page.getByRole('heading', { name: caption }).waitFor()
    assert.equal(await onHandCell(page, caption).innerText(), '20')

    const receive = page.getByRole('form', { name: 'Receive' })
    await receive.getByLabel('Quantity').fill('10')
    await receive.getByLabel('Reference').fill('ASN-77')
    await receive.getByRole('button', { name: 'Receive' }).click()
    await receive.getByRole('status').filter({ hasText: 'Received 10 units.' }).waitFor()
    await onHandCell(page, caption).filter({ hasText: /^30$/ }).waitFor()
    const position = (await requester(server.t)('GET', `/v1/inventory/positions/${w.skuA.id}/${w.whEast.id}`, w.admin)).json()
    assert.equal(position.onHand, 30, 'the receipt is in the ledger')
    const movements = page.getByRole('table', { name: 'Movements' })
    const received = movements.locator('tbody tr').filter({ hasText: 'ASN-77' })
    await received.waitFor()
    assert.deepEqual((await received.locator('td').allInnerTexts()).slice(2, 5), ['Received', '10', 'I +10'])

    // A count the API refuses (beyond the largest quantity it stores): its words and its code, and nothing changes.
    const count = page.getByRole('form', { name: 'Count' })
    await count.getByLabel('Units counted').fill('2000000000')
    await count.getByRole('button', { name: 'Count' }).click()
    const refusal = count.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /countedQuantity.*1000000000.*\(Code: invalid_request\)/s)
    // Marking more unsellable than is on hand: the inventory rule's own sentence.
    const unsellable = page.getByRole('form', { name: 'Mark unsellable' })
    await unsellable.getByLabel('Quantity').fill('31')
    await unsellable.getByRole('button', { name: 'Mark unsellable' }).click()
    assert.match(await unsellable.getByRole('alert').innerText(), /Only 30 sellable-condition units on hand\..*insufficient_on_hand/s)
    // A lock whose release time has passed.
    const lock = page.getByRole('form', { name: 'Lock' })
    await lock.getByLabel('Quantity').fill('2')
    await lock.getByLabel('Reason').fill('promotion wave')
    await lock.getByLabel('Release at').fill('2020-01-01T10:00')
    await lock.getByRole('button', { name: 'Lock' }).click()
    assert.match(await lock.getByRole('alert').innerText(), /releaseAt must be in the future\..*release_time_in_past/s)
    assert.equal(await onHandCell(page, caption).innerText(), '30', 'refusals change nothing')

    // A count that passes sets on hand; a lock with no release time is kept until released by hand.
    await count.getByLabel('Units counted').fill('28')
    await count.getByLabel('Reason').fill('cycle count')
    await count.getByRole('button', { name: 'Count' }).click()
    await count.getByRole('status').filter({ hasText: 'On hand set to 28 by the count.' }).waitFor()
    await lock.getByLabel('Quantity').fill('3')
    await lock.getByLabel('Release at').fill('')
    await lock.getByLabel('Reason').fill('promotion wave')
    await lock.getByRole('button', { name: 'Lock' }).click()
    await lock.getByRole('status').filter({ hasText: 'Locked 3 units.' }).waitFor()
    await unsellable.getByLabel('Quantity').fill('1')
    await unsellable.getByRole('button', { name: 'Mark unsellable' }).click()
    await unsellable.getByRole('status').waitFor()
    const row = page.getByRole('table', { name: caption }).locator('tbody tr').first()
    await row.filter({ hasText: '24' }).waitFor()
    // I 28, O 0, U 1, L 3, T A V 0, S = 28 − 1 − 3 = 24.
    assert.deepEqual(await row.locator('td').allInnerTexts(), ['28', '0', '1', '3', '0', '0', '0', '24'])

    await assertAccessible(page, 'stock operations')
    await screenshot(page, 'stock-operations')
    forgetRefusals(opened, 400, 409, 422)
    assertNoConsoleErrors(opened, 'stock operations')
    await opened.context.close()
  })

  test('a store token on a phone, in Chinese, sees its own node only', async () => {
    const opened = await openPage(browser, { viewport: phone, lang: 'zh-CN' })
    const { page } = opened
    await signIn(page, server.baseUrl, await server.t.auth(`store:${w.store1.id}`), `/console/stock/${w.skuA.id}`)
    const positions = page.getByRole('table', { name: '各节点库存' })
    await positions.locator('tbody tr').first().waitFor()
    assert.deepEqual(await positions.locator('tbody tr').allInnerTexts().then((rows) => rows.map((r) => r.split('\t')[0].trim())), ['ST-1'])
    assert.equal(await page.getByRole('table', { name: '按日期的数量' }).count(), 0, 'future supply is for staff')
    await assertAccessible(page, 'stock for a store on a phone')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page fits a phone's width (overflow ${overflow}px)`)

    // The store receives at its own node.
    await page.getByRole('link', { name: 'ST-1' }).click()
    const caption = 'SKU-A 在 ST-1'
    await page.getByRole('heading', { name: caption }).waitFor()
    const receive = page.getByRole('form', { name: '收货' })
    await receive.getByLabel('数量').fill('1')
    await receive.getByRole('button', { name: '收货' }).click()
    await receive.getByRole('status').filter({ hasText: '已收货 1 件。' }).waitFor()
    await onHandCell(page, caption).filter({ hasText: /^5$/ }).waitFor()
    await assertAccessible(page, 'a store’s position on a phone')
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the position fits a phone')

        // Another node's position by URL is not found, as the API answers it.
    await page.goto(`${server.baseUrl}/console/stock/${w.skuA.id}/${w.whEast.id}`)
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /node_not_found/)
    forgetRefusals(opened, 404)
    assertNoConsoleErrors(opened, 'stock for a store')
    await opened.context.close()
  })
})
