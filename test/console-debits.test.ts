/**
 * Supplier debits in a browser: staff see a QC failure and a delay chargeback among the debits,
 * filter by kind, and enter a credit note (again with the same number: refused in words, nothing
 * written); the supplier sees its own debits in its portal, a chargeback with the customer order
 * line behind it (days late, what the customer got, its share) and nothing of the customer. In
 * Chinese on a phone.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { backorder, confirmedPo, inDays } from './helpers/repromise.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { saveAgreement } from '../src/payables/agreement-store.ts'
import { builtInAgreement } from '../src/payables/agreement.ts'

describe('supplier debits in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: Awaited<ReturnType<typeof seedPurchasing>>
  let orderId: string
  let s2Note: string

  before(async () => {
    server = await startConsoleServer('sqlite', { clock: new ManualClock() })
    const t = server.t
    w = await seedPurchasing(t)
    const call = requester(t)
    // S1 pays back a third of what customers get for its slips; its ETA slip delays a backorder (3 days: 1500 of compensation).
    await saveAgreement(t.services.db, w.s1.id, { ...builtInAgreement, chargebackPercent: 33.33 }, t.services.clock.nowMs(), 'test')
    const po = await confirmedPo(t, w, 20, 10)
    orderId = await backorder(t, { skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 4, channelId: w.web.id, customerId: 'cus_private_42' })
    await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: inDays(t, 13), reason: 'port closed' })
    // A delivery against an ASN with two units failing QC, billed whole by the supplier: the two are debited back.
    const asn = (await call('POST', `/v1/purchase-orders/${po.id}/asns`, w.s1Auth, { eta: inDays(t, 12), lines: [{ line: po.lineId, quantity: 10 }] }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { asn: asn.id, lines: [{ line: po.lineId, quantityPassed: 8, quantityFailed: 2, failReason: 'crushed' }] }, 201)
    await call('POST', '/v1/supplier-portal/invoices', w.s1Auth, { number: 'S1-INV-1', invoiceDate: inDays(t, 0), currency: 'CNY', lines: [{ po: po.id, lineNo: 1, quantity: 10, unitPriceMinor: 1200 }] }, 201)
    s2Note = (await call('POST', `/v1/suppliers/${w.s2.id}/credit-notes`, w.admin, { number: 'S2-CN-1', amountMinor: 5000, currency: 'CNY', reason: 'rebate' }, 201)).json().id
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('staff see the debits, filter them, and enter a credit note once', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.admin, '/console/payables/debits')
    const table = page.getByRole('table', { name: 'Debits and credit notes' })
    await waitForText(table, /Delay chargeback/)
    const text = await table.innerText()
    assert.match(text, new RegExp(`S1\\s+Delay chargeback\\s+Order ${orderId}, line 1\\s+—\\s+CN¥4\\.99`))
    assert.match(text, /S1\s+QC failure\s+PO po_\S+\s+2\s+CN¥24\.00/)
    assert.match(text, /S2\s+Credit note\s+Credit note S2-CN-1\s+—\s+CN¥50\.00/)
    await screenshot(page, 'supplier-debits')

    await page.getByLabel('Kind').selectOption({ label: 'Delay chargeback' })
    await waitForText(table, /^(?![\s\S]*QC failure)[\s\S]*Delay chargeback/)
    await page.getByLabel('Kind').selectOption({ label: 'All' })

    const form = page.getByRole('form', { name: 'Enter a credit note' })
    await form.getByLabel('Supplier').selectOption({ label: 'S1' })
    await form.getByLabel('Credit note number').fill('CN-77')
    await form.getByLabel('Amount (CNY)').fill('12.50')
    await form.getByLabel('Reason').fill('price correction')
    await form.getByRole('button', { name: 'Enter credit note' }).click()
    await waitForText(form.getByRole('status'), /Credit note CN-77 entered\./)
    await waitForText(table, /Credit note CN-77\s+—\s+CN¥12\.50/)
    const notes = async () => (await requester(server.t)('GET', '/v1/supplier-debits?kind=credit_note', w.admin)).json().items.length
    assert.equal(await notes(), 2)
    await form.getByLabel('Credit note number').fill('CN-77')
    await form.getByLabel('Amount (CNY)').fill('1')
    await form.getByLabel('Reason').fill('again')
    await form.getByRole('button', { name: 'Enter credit note' }).click()
    await waitForText(form.getByRole('alert'), /already has credit note 'CN-77'.*credit_note_exists/s)
    forgetRefusals(opened, 409)
    assert.equal(await notes(), 2, 'nothing written')
    await assertAccessible(page, 'the supplier debits page')
    assertNoConsoleErrors(opened, 'the supplier debits page')
    await opened.context.close()
  })

  test('the supplier sees its own debits, each chargeback with its order line, nothing of the customer', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, '/console/portal/chargebacks')
    const table = page.getByRole('table', { name: 'What we debit you for' })
    await waitForText(table, /Delay chargeback/)
    const text = await table.innerText()
    assert.match(text, new RegExp(`Order ${orderId}, line 1: 3 days late, customer got CN¥15\\.00; 33\\.33 % of the compensation`))
    assert.match(text, /QC failure/)
    assert.doesNotMatch(text, /S2-CN-1|cus_private_42/)
    assert.doesNotMatch(await page.locator('main').innerText(), /cus_private_42/)
    await waitForText(page.getByRole('status'), /Open: CN¥/)
    await screenshot(page, 'portal-chargebacks')
    await assertAccessible(page, 'the portal debits page')
    assertNoConsoleErrors(opened, 'the portal debits page')
    // Another supplier's debit is not found through the API the page uses.
    const res = await server.t.app.inject({ method: 'GET', url: `/v1/supplier-portal/debits/${s2Note}`, headers: w.s1Auth })
    assert.equal(res.statusCode, 404)
    await opened.context.close()
  })

  test('in Chinese on a phone', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, '/console/portal/chargebacks')
    await waitForText(page.getByRole('table', { name: '我方向您扣款的项目' }), /延误索赔/)
    await assertAccessible(page, 'the portal debits page on a phone')
    await opened.context.close()
  })
})
