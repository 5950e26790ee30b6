/**
 * The console's costs page in a real browser against a real server: the valuation of stock on
 * hand per node, a SKU's moving-average cost and movements, and a landed cost added to a receipt
 * (a refusal shown in words first, then the split over the lines and the value raised).
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, signIn, startConsoleServer, waitForText, type ConsoleServer } from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>

describe('costs in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let receiptId: string
  before(async () => {
    server = await startConsoleServer()
    w = await seedPurchasing(server.t)
    const call = requester(server.t)
    await call('PATCH', `/v1/skus/${w.skuA.id}`, w.admin, { weightGrams: 800 })
    const po = (await call('POST', '/v1/purchase-orders', w.admin, {
      supplier: 'S2', destination: 'WH-E', reference: 'PO-COST', lines: [{ sku: 'SKU-A', quantity: 4, unitCost: 1000 }, { sku: 'SKU-B', quantity: 6, unitCost: 500 }],
    }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
    receiptId = (await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: '1', quantityPassed: 4 }, { line: '2', quantityPassed: 6 }] }, 201)).json().id
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('staff read the valuation and a SKU’s cost, and add a landed cost to a receipt: refused by weight, split by quantity', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/costs')
    const valuation = page.locator('table', { hasText: 'Stock on hand at moving-average cost' })
    await valuation.locator('tr', { hasText: 'SKU-B' }).waitFor()
    assert.match(await valuation.innerText(), /WH-E\s+SKU-A\s+4\s+CN¥10\.00\s+CN¥40\.00/)
    assert.match(await valuation.innerText(), /WH-E\s+SKU-B\s+6\s+CN¥5\.00\s+CN¥30\.00/)

    await page.getByLabel('SKU', { exact: true }).selectOption({ label: 'SKU-B · Sneaker B' })
    const movements = page.locator('table', { hasText: 'Cost movements' })
    await movements.locator('tr', { hasText: 'Receipt' }).waitFor()
    assert.match(await movements.innerText(), new RegExp(`Receipt\\s+WH-E\\s+${receiptId}\\s+6\\s+CN¥30\\.00`))

    const form = page.getByRole('form', { name: 'Landed cost on a receipt' })
    await form.getByLabel('Receipt id').fill(receiptId)
    await form.getByLabel('Split by').selectOption({ label: 'Weight' })
    await form.getByLabel('Amount').fill('10')
    await form.getByRole('button', { name: 'Add landed cost' }).click()
    const refusal = form.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /SKU-B|weight_missing/)
    forgetRefusals(opened, 422)

    await form.getByLabel('Split by').selectOption({ label: 'Quantity' })
    await form.getByRole('button', { name: 'Add landed cost' }).click()
    await form.getByText('Added: split over the receipt lines.').waitFor()
    const split = page.locator('table', { hasText: 'How the charges were split' })
    await split.locator('tr', { hasText: 'SKU-B' }).waitFor()
    assert.match(await split.innerText(), /Freight · Quantity\s+SKU-A\s+4\s+CN¥4\.00/)
    assert.match(await split.innerText(), /Freight · Quantity\s+SKU-B\s+6\s+CN¥6\.00/)
    await waitForText(valuation, /WH-E\s+SKU-B\s+6\s+CN¥6\.00\s+CN¥36\.00/)
    await waitForText(movements, /Landed cost/)

    const stored = await requester(server.t)('GET', `/v1/receipts/${receiptId}/landed-costs`, w.admin)
    assert.deepEqual(stored.json().items.map((l: { amountMinor: number; basis: string }) => [l.amountMinor, l.basis]), [[1000, 'quantity']], 'added once; the refusal changed nothing')
    await assertAccessible(page, 'costs')
    assertNoConsoleErrors(opened, 'costs')
    await opened.context.close()
  })
})
