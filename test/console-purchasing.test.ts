/**
 * The console's purchasing pages in a real browser against a real server: a buyer drafts a PO
 * (a refusal shown in words first), sends one, receives it with QC failures and sees the receipt
 * and the supply at the destination change; a supplier's scorecard shows its QC pass rate.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer, forgetRefusals, waitForText } from './helpers/browser.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>

describe('purchasing in the console', { skip: browserSkip }, () => {
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

  test('a buyer drafts a purchase order, is told why a quantity is refused, and finds the draft listed', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/purchasing/orders')
    await page.getByLabel('Supplier', { exact: true }).last().selectOption({ label: 'S1 · Supplier S1' })
    await page.getByLabel('Destination').selectOption({ label: 'WH-E · Shanghai DC' })
    await page.getByLabel('Reference').fill('PO-CONSOLE-1')
    await page.getByLabel('Line 1 SKU').selectOption({ label: 'SKU-A · Sneaker A' })
    await page.getByLabel('Line 1 quantity').fill('12')
    await page.getByRole('button', { name: 'Create draft' }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /not_a_pack_multiple/)
    forgetRefusals(opened, 422)

    await page.getByLabel('Line 1 quantity').fill('20')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByRole('heading', { name: 'Purchase order PO-CONSOLE-1' }).waitFor()
    assert.match(await page.locator('table', { hasText: 'Lines' }).innerText(), /SKU-A\s+20/)
    const stored = await requester(server.t)('GET', '/v1/purchase-orders?status=draft', w.admin)
    assert.deepEqual(stored.json().items.map((po: { reference: string }) => po.reference), ['PO-CONSOLE-1'], 'created once')

    await page.getByRole('link', { name: 'Purchase orders' }).first().click()
    const row = page.locator('tr', { hasText: 'PO-CONSOLE-1' })
    await row.waitFor()
    assert.match(await row.innerText(), /S1\s+WH-E\s+Draft\s+20\s+20\s+0\s+CN¥240\.00/)
    await assertAccessible(page, 'purchase orders')
    assertNoConsoleErrors(opened, 'purchase orders')
    await screenshot(page, 'purchasing-orders')
    await opened.context.close()
  })

  test('a buyer sends a PO, receives it with QC failures, and sees the receipt and the supply at the destination change', async () => {
    const today = server.t.services.clock.nowMs()
    const po = (await requester(server.t)('POST', '/v1/purchase-orders', w.admin, {
      supplier: 'S1', destination: 'WH-N', reference: 'PO-RECEIVE', requestedDate: dayAfter(today, 7), lines: [{ sku: 'SKU-A', quantity: 20 }],
    }, 201)).json()
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, `/console/purchasing/orders/${po.id}`)
    await page.getByRole('button', { name: 'Send to supplier' }).click()
    await page.getByText('Sent', { exact: true }).first().waitFor()
    const supply = page.locator('table', { hasText: 'Supply on the way: WH-N' })
    await supply.locator('tr', { hasText: 'Unconfirmed' }).waitFor()
    assert.match(await supply.innerText(), /SKU-A\s+WH-N\s+PO line · S1\s+Unconfirmed\s+20/)

    // Failed units need a reason: refused in words.
    await page.getByLabel('Line 1 (SKU-A): units passed').fill('15')
    await page.getByLabel('Line 1 (SKU-A): units failed').fill('3')
    await page.getByRole('button', { name: 'Record receipt' }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /fail_reason_required/)
    forgetRefusals(opened, 422)
    await page.getByLabel('Line 1: why they failed').fill('torn seams')
    await page.getByRole('button', { name: 'Record receipt' }).click()

    await page.getByText('Partly received', { exact: true }).first().waitFor()
    const receipts = page.locator('table', { hasText: 'Receipts' })
    assert.match(await receipts.innerText(), /SKU-A\s+15\s+3\s+torn seams/)
    assert.match(await page.locator('table', { hasText: 'Lines' }).innerText(), /SKU-A\s+20\s+—\s+2\s+0\s+15\s+3/)
    await waitForText(supply, /SKU-A\s+WH-N\s+PO line · S1\s+Unconfirmed\s+2\s/)
    await assertAccessible(page, 'a purchase order')
    await screenshot(page, 'purchasing-po')

    // Nothing more will come: the buyer closes it with a reason.
    await page.getByLabel('Reason (to cancel or close)').fill('supplier out of fabric')
    await page.getByRole('button', { name: 'Close order' }).click()
    await page.getByText('Closed', { exact: true }).first().waitFor()
    await waitForText(supply, /Nothing here yet\./)
    assertNoConsoleErrors(opened, 'a purchase order')
    await opened.context.close()
  })

  test('the supply view answers by SKU: every PO line on the way, and per node the units expected by date', async () => {
    const call = requester(server.t)
    const today = server.t.services.clock.nowMs()
    const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'ST-1', lines: [{ sku: 'SKU-A', quantity: 10, requestedDate: dayAfter(today, 9) }] }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/purchasing/supply')
    await page.getByText('Choose a SKU or a node.').waitFor()
    await page.getByLabel('SKU', { exact: true }).selectOption({ label: 'SKU-A · Sneaker A' })
    const lines = page.locator('table', { hasText: 'Supply on the way: SKU-A' })
    await lines.waitFor()
    // The draft of the first test is not supply yet: only the sent PO is.
    await waitForText(lines, /SKU-A\s+ST-1\s+PO line · S1\s+Unconfirmed\s+10\s/)
    assert.equal(await lines.locator('tbody tr').count(), 1)
    await waitForText(page.locator('table', { hasText: 'SKU-A at ST-1: units expected by date' }), /Unconfirmed\s+10\s+10/)
    await page.getByLabel('SKU', { exact: true }).selectOption('')
    await page.getByLabel('Node').selectOption({ label: 'WH-E · Shanghai DC' })
    await page.locator('table', { hasText: 'Supply on the way: WH-E' }).waitFor()
    await assertAccessible(page, 'supply')
    assertNoConsoleErrors(opened, 'supply')
    await opened.context.close()
  })

  test('a supplier’s scorecard shows its grade and QC pass rate, and is recomputed on request', async () => {
    const call = requester(server.t)
    await call('PUT', `/v1/suppliers/${w.s2.id}/skus/${w.skuB.id}`, w.admin, { unitCost: 500 })
    const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S2', destination: 'WH-E', lines: [{ sku: 'SKU-B', quantity: 10 }] }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
    await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.admin, { lines: [{ line: '1', quantityPassed: 8, quantityFailed: 2, failReason: 'dented' }] }, 201)

    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.admin, '/console/purchasing/suppliers')
    await page.locator('tr', { hasText: 'Supplier S2' }).waitFor()
    await page.getByRole('link', { name: 'S2', exact: true }).click()
    await page.getByRole('heading', { name: 'Supplier S2' }).waitFor()
    await page.getByRole('button', { name: 'Recompute now' }).click()
    const card = page.locator('dl.scorecard')
    await card.getByText('80%').waitFor()
    assert.match(await card.innerText(), /QC pass rate\s+80%/)
    assert.match(await card.innerText(), /Units inspected\s+10/)
    const history = page.locator('table', { hasText: 'Grade history' })
    await history.waitFor()
    await history.getByText('80%').first().waitFor()
    await assertAccessible(page, 'a supplier')
    assertNoConsoleErrors(opened, 'a supplier')
    await screenshot(page, 'purchasing-suppliers')
    await opened.context.close()
  })

  test('on a phone in Chinese the purchase orders and their labels are in Chinese and fit the screen', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/purchasing/orders')
    await page.getByRole('heading', { name: '采购订单', level: 1 }).waitFor()
    await page.getByRole('button', { name: '创建草稿' }).waitFor()
    await page.locator('tr', { hasText: 'PO-CONSOLE-1' }).getByText('草稿').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
    await assertAccessible(page, 'purchase orders on a phone')
    assertNoConsoleErrors(opened, 'purchase orders on a phone')
    await opened.context.close()
  })
})
