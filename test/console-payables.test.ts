/**
 * Supplier payables in the console, in a real browser against a real server: a clerk enters an
 * invoice billed over the PO price against a received PO; it is held with its price variance
 * explained, shows in the exceptions queue, and is approved only with a reason. An admin proposes a
 * run that takes the early-payment discount worth taking (and not the one below the minimum),
 * approves it and records the payment with its bank reference; the ageing chart and the 13 weeks
 * due render with their figures; the statement shows the payment. In the portal a supplier sees
 * only its own invoices, sends one (held at once on a variance) and reads its statement.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>
type Invoice = { id: string; number: string; status: string; resolution: string | null; totalMinor: number; openMinor: number }

describe('supplier payables in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let call: ReturnType<typeof requester>
  const today = () => dayAfter(Date.now(), 0)
  const invoiceOf = async (number: string) =>
    ((await call('GET', '/v1/supplier-invoices?limit=100', w.admin)).json().items as Invoice[]).find((i) => i.number === number)!

  /** A PO sent, confirmed in full and received as told: `[line no, passed]`. */
  async function receivedPo(supplier: 'S1' | 'S2', reference: string, lines: Array<{ sku: string; quantity: number; unitCost?: number }>) {
    const auth = supplier === 'S1' ? w.s1Auth : w.s2Auth
    const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier, destination: 'WH-E', reference, lines }, 201)).json()
    await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
    await call('POST', `/v1/purchase-orders/${po.id}/confirm`, auth, {
      lines: po.lines.map((l: { lineNo: number; quantityOrdered: number }) => ({ line: String(l.lineNo), quantityAccepted: l.quantityOrdered, eta: dayAfter(Date.now(), 5) })),
    })
    await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, {
      lines: po.lines.map((l: { lineNo: number; quantityOrdered: number }) => ({ line: String(l.lineNo), quantityPassed: l.quantityOrdered })),
    }, 201)
    return po
  }

  before(async () => {
    server = await startConsoleServer('sqlite')
    w = await seedPurchasing(server.t)
    call = requester(server.t)
    // S1: 2/10 net 30 from the invoice, 2% or 5.00 of price tolerance.
    await call('PUT', '/v1/supplier-agreements/S1', w.ops, {
      terms: { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } },
      tolerance: { quantityPercent: 0, pricePercent: 2, absoluteMinor: 500 },
    })
    await receivedPo('S1', 'PO-PAY-1', [{ sku: 'SKU-A', quantity: 20 }, { sku: 'SKU-B', quantity: 10, unitCost: 500 }])
    await call('PUT', `/v1/suppliers/${w.s2.id}/skus/${w.skuB.id}`, w.admin, { unitCost: 500 })
    await receivedPo('S2', 'PO-S2-1', [{ sku: 'SKU-B', quantity: 10 }])
    // S1's second line billed at the PO price (matched; its 1.00 discount is below the run's minimum).
    await call('POST', '/v1/supplier-invoices', w.ops, {
      supplierId: 'S1', number: 'INV-101', invoiceDate: today(), currency: 'CNY', lines: [{ po: 'PO-PAY-1', lineNo: 2, quantity: 10, unitPriceMinor: 500 }],
    }, 201)
    // S2 billed 70 days ago over the price: held, 40 days past due.
    await call('POST', '/v1/supplier-invoices', w.ops, {
      supplierId: 'S2', number: 'S2-INV-7', invoiceDate: dayAfter(Date.now(), -70), currency: 'CNY', lines: [{ po: 'PO-S2-1', lineNo: 1, quantity: 10, unitPriceMinor: 700 }],
    }, 201)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a clerk enters an invoice over the PO price: held with its variance explained, then approved from the queue only with a reason', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/payables/invoices/new')
    const nav = (await page.locator('nav.nav-wide').innerText())
    assert.match(nav, /PAYABLES\s+(?:.+\n)*?Supplier invoices\s+Exceptions queue\s+Payment runs\s+Ageing and due\s+Supplier statement/, 'a Payables group (headings are upper-cased by the style; other payables pages may join it)')
    assert.doesNotMatch(nav, /\bInvoices\b|\bStatement\b/, 'the portal’s own pages are the supplier’s')

    const form = page.getByRole('form', { name: 'Enter an invoice' })
    await form.getByLabel('Supplier').selectOption({ label: 'S1 · Supplier S1' })
    await form.getByLabel('Invoice number').fill('INV-100')
    const line = form.getByRole('group', { name: 'Line 1' })
    await line.getByLabel('Purchase order').selectOption({ label: 'PO-PAY-1 (Received)' })
    await line.getByLabel('PO line').selectOption({ label: '1 · SKU-A · 20 passed QC · 12.00' })
    assert.equal(await line.getByLabel('Units').inputValue(), '20', 'prefilled with the units that passed QC')
    assert.equal(await line.getByLabel('Unit price').inputValue(), '12.00', 'prefilled with the PO price')
    assert.equal(await form.getByLabel('Currency').inputValue(), 'CNY')
    await line.getByLabel('Unit price').fill('13.005')
    await form.getByRole('button', { name: 'Enter invoice' }).click()
    await waitForText(form.getByRole('alert'), /^Line 1 Unit price: write an amount like 12\.50\.$/)
    await line.getByLabel('Unit price').fill('13')
    await form.getByRole('button', { name: 'Add a charge' }).click()
    const charge = form.getByRole('group', { name: 'Charge 1' })
    await charge.getByLabel('Amount').fill('8.00')
    await charge.getByLabel('Description').fill('SF Express')
    await assertAccessible(page, 'entering an invoice')
    await form.getByRole('button', { name: 'Enter invoice' }).click()

    await page.getByRole('heading', { name: 'Invoice INV-100', level: 1 }).waitFor()
    const invoice = await invoiceOf('INV-100')
    assert.deepEqual([invoice.status, invoice.totalMinor], ['on_hold', 20 * 1300 + 800])
    const facts = page.getByRole('region', { name: 'Invoice INV-100' })
    assert.match(await facts.innerText(), /On hold[\s\S]*Price variance\s+1 of 1 lines off\s+· Not payable until resolved[\s\S]*Total\s+CN¥268\.00/)
    const lines = page.getByRole('table', { name: 'Lines as matched' })
    await waitForText(lines, /\n1\s+PO-PAY-1\s+1\s+SKU-A\s+20\s+CN¥13\.00\s+CN¥260\.00\s+Price variance\s+\+CN¥1\.00\s+—\s+\+CN¥20\.00\s+\S/)
    assert.match(await page.getByRole('table', { name: 'Charges' }).innerText(), /Freight\s+SF Express[\s\S]*CN¥8\.00/)
    assert.match(await page.getByRole('table', { name: 'Instalments' }).innerText(), /1\s+\S.+\s+CN¥268\.00\s+CN¥0\.00\s+CN¥5\.36/)
    await screenshot(page, 'payables-invoice')

    // The list, filtered to what is on hold, with its match badges.
    await page.getByRole('link', { name: 'All invoices' }).click()
    await page.getByRole('form', { name: 'Filter invoices' }).getByLabel('Status').selectOption({ label: 'On hold' })
    await page.waitForURL(/status=on_hold/)
    const table = page.getByRole('table', { name: 'Invoices, newest first' })
    // A matched invoice is not on hold: the filtered list leaves it out.
    await waitForText(table, /^(?![\s\S]*INV-101)[\s\S]*INV-100\s+S1\s+[\s\S]*On hold\s+Price variance/)
    await page.getByRole('form', { name: 'Filter invoices' }).getByLabel('Supplier').selectOption({ label: 'S2 · Supplier S2' })
    await waitForText(table, /^(?![\s\S]*INV-100)[\s\S]*S2-INV-7/)
    await assertAccessible(page, 'invoices filtered')

    // The queue: only the lines off, and a reason before anything is decided.
    await page.goto(`${server.baseUrl}/console/payables/exceptions`)
    const held = page.getByRole('article', { name: 'Invoice INV-100 · S1' })
    await held.waitFor()
    assert.equal(await page.getByRole('article', { name: 'Invoice S2-INV-7 · S2' }).count(), 1)
    assert.match(await held.getByRole('table', { name: 'Lines that did not match' }).innerText(), /SKU-A[\s\S]*Price variance\s+\+CN¥1\.00/)
    await assertAccessible(page, 'the exceptions queue')
    await screenshot(page, 'payables-exceptions')
    await held.getByRole('button', { name: 'Approve' }).click()
    await waitForText(held.getByRole('alert'), /Write the reason first\./)
    assert.equal((await invoiceOf('INV-100')).status, 'on_hold', 'nothing decided without a reason')
    await held.getByLabel('Reason').fill('New cotton price agreed by phone')
    await held.getByRole('button', { name: 'Approve' }).click()
    await waitForText(page.locator('main'), /Invoice INV-100: Approved\./)
    await page.getByRole('article', { name: 'Invoice INV-100 · S1' }).waitFor({ state: 'detached' })
    const approved = await invoiceOf('INV-100')
    assert.deepEqual([approved.status, approved.resolution], ['approved', 'New cotton price agreed by phone'])
    assert.equal(await page.getByRole('article', { name: 'Invoice S2-INV-7 · S2' }).count(), 1, 'the other stays')
    assertNoConsoleErrors(opened, 'entering and approving an invoice')
    await opened.context.close()
  })

  test('an admin proposes a run taking the discount worth taking, approves it and records the payment with its bank reference', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.admin, '/console/payables/runs')
    const propose = page.getByRole('form', { name: 'Propose a payment run' })
    await propose.getByLabel('Pay what is due by').fill(today())
    await propose.getByLabel('Smallest discount worth paying early for').fill('200')
    await propose.getByRole('button', { name: 'Propose run' }).click()
    const run = page.getByRole('article', { name: /^Run paying on .+ · Proposed$/ })
    await run.waitFor()
    const group = run.getByRole('region', { name: 'S1 · CNY' })
    assert.match(await group.innerText(), /Instalments paid\s+CN¥262\.64\s+Discounts taken\s+CN¥5\.36\s+Debits set off\s+CN¥0\.00\s+To transfer\s+CN¥262\.64\s+Payment\s+Not recorded yet/)
    await waitForText(group.getByRole('table'), /INV-100\s+1\s+Early for its discount\s+CN¥262\.64\s+CN¥5\.36\s+Not due until \w{3} \d+, \d{4}/)
    const inRun = await group.getByRole('table').innerText()
    assert.equal(inRun.match(/Early for its discount|Due/g)?.length, 1, 'INV-101’s 1.00 discount is below the minimum; S2’s held invoice is never paid')
    assert.equal(await run.getByRole('region', { name: 'S2 · CNY' }).count(), 0)
    await assertAccessible(page, 'a proposed run')

    await run.getByRole('button', { name: 'Approve run' }).click()
    const approvedRun = page.getByRole('article', { name: /^Run paying on .+ · Approved$/ })
    const record = approvedRun.getByRole('form', { name: 'Record the payment to S1 · CNY' })
    await record.getByLabel('Bank reference').fill('ICBC-20261206-0001')
    await screenshot(page, 'payables-runs')
    await record.getByRole('button', { name: 'Record payment' }).click()
    const paid = page.getByRole('article', { name: /^Run paying on .+ · Paid$/ })
    await waitForText(paid.getByRole('region', { name: 'S1 · CNY' }), /Payment\s+CN¥262\.64 on .+, bank reference ICBC-20261206-0001/)
    assert.equal(await paid.getByRole('button').count(), 0, 'nothing left to do on a paid run')
    const settled = await invoiceOf('INV-100')
    assert.deepEqual([settled.status, settled.openMinor], ['paid', 0])
    assert.equal((await invoiceOf('INV-101')).status, 'matched', 'still open')
    assertNoConsoleErrors(opened, 'a payment run')
    await opened.context.close()
  })

  test('ops see a proposed run without the admin’s buttons', async () => {
    await call('POST', '/v1/payment-runs', w.ops, { payBy: dayAfter(Date.now(), 40) }, 201)
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/payables/runs')
    const run = page.getByRole('article', { name: /· Proposed$/ })
    await run.waitFor()
    assert.match(await run.innerText(), /An admin approves this run and records its payments\./)
    assert.equal(await run.getByRole('button', { name: 'Approve run' }).count(), 0)
    await run.getByRole('button', { name: 'Cancel run' }).click()
    await page.getByRole('article', { name: /· Cancelled$/ }).waitFor()
    assertNoConsoleErrors(opened, 'ops on runs')
    await opened.context.close()
  })

  test('the ageing chart stacks each supplier’s open amounts by days past due, with totals; 13 weeks due are charted; in Chinese too', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/payables/ageing')
    const card = page.getByRole('region', { name: 'Ageing in CNY' })
    await card.locator('.chart canvas').waitFor()
    assert.equal(await card.getByRole('img').getAttribute('aria-label'), 'Open payables in CNY by supplier and days past due; CN¥120.00 in total')
    const table = await card.getByRole('table', { name: 'Ageing in CNY, per supplier' }).innerText()
    assert.match(table, /S1\s+CN¥50\.00\s+CN¥0\.00\s+CN¥0\.00\s+CN¥0\.00\s+CN¥0\.00\s+CN¥50\.00/)
    assert.match(table, /S2\s+CN¥0\.00\s+CN¥0\.00\s+CN¥70\.00\s+CN¥0\.00\s+CN¥0\.00\s+CN¥70\.00/)
    assert.match(table, /Total\s+CN¥50\.00\s+CN¥0\.00\s+CN¥70\.00\s+CN¥0\.00\s+CN¥0\.00\s+CN¥120\.00/)
    const due = page.getByRole('region', { name: 'Due in the next 13 weeks, CNY' })
    await due.locator('.chart canvas').waitFor()
    assert.equal(await due.getByRole('table').locator('tbody tr').count(), 13)
    assert.match(await due.getByRole('table').innerText(), /\n1\t[^\n]*CN¥70\.00/, 'week 1 holds what is overdue')
    await assertAccessible(page, 'ageing')
    await screenshot(page, 'payables-ageing')
    assertNoConsoleErrors(opened, 'ageing')
    await opened.context.close()

    const zh = await openPage(browser, { lang: 'zh-CN' })
    await signIn(zh.page, server.baseUrl, w.ops, '/console/payables/ageing')
    await zh.page.getByRole('heading', { name: '账龄与应付到期' }).waitFor()
    await zh.page.getByRole('region', { name: '账龄（CNY）' }).locator('.chart canvas').waitFor()
    assert.match(await zh.page.getByRole('table', { name: '各供应商账龄（CNY）' }).innerText(), /供应商\s+未到期\s+1–30 天\s+31–60 天\s+61–90 天\s+90 天以上\s+未付[\s\S]*合计/)
    assert.match(await zh.page.locator('nav.nav-wide').innerText(), /应付账款\s+(?:.+\n)*?供应商发票\s+异常队列\s+付款批次\s+账龄与到期\s+供应商对账单/)
    await assertAccessible(zh.page, 'ageing in Chinese')
    assertNoConsoleErrors(zh, 'ageing in Chinese')
    await zh.context.close()
  })

  test('a supplier’s statement shows its invoices and the payment with its bank reference, with a running balance', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/payables/statement')
    await page.getByRole('combobox', { name: 'Supplier' }).selectOption({ label: 'S1 · Supplier S1' })
    await page.waitForURL(/supplier=S1$/)
    await page.getByRole('heading', { name: 'Statement of S1 · Supplier S1' }).waitFor()
    const balance = page.getByRole('region', { name: 'Balance in CNY' })
    assert.match(await balance.innerText(), /CN¥50\.00\s+Balance owed\s+CN¥50\.00\s+Open on invoices\s+CN¥0\.00\s+Of it on hold\s+CN¥0\.00\s+Open debits\s+CN¥0\.00\s+Overdue/)
    const entries = page.getByRole('table', { name: 'Entries, oldest first' })
    const text = await entries.innerText()
    assert.match(text, /Invoice\s+INV-101\s+Matched[\s\S]*CN¥50\.00\s+CN¥50\.00/)
    assert.match(text, /Invoice\s+INV-100\s+Paid[\s\S]*CN¥268\.00\s+CN¥318\.00/)
    assert.match(text, /Payment\s+ICBC-20261206-0001\s+Paid\s+—\s+-CN¥262\.64\s+CN¥55\.36/)
    assert.match(text, /Early-payment discount\s+ICBC-20261206-0001\s+Taken\s+—\s+-CN¥5\.36\s+CN¥50\.00/, 'the discount is an entry: the running balance ends at the balance')
    assert.doesNotMatch(await page.locator('main').innerText(), /Other differences/)
    await assertAccessible(page, 'a supplier statement')
    await screenshot(page, 'payables-statement')
    assertNoConsoleErrors(opened, 'a supplier statement')
    await opened.context.close()
  })

  test('on a phone, a supplier sees only its own invoices, sends one against its PO (held at once) and reads its statement', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, '/console/portal/invoices')
    const paidOne = page.getByRole('article', { name: 'Invoice INV-100' })
    await waitForText(paidOne, /^INV-100\s+Paid\s+Price variance\s+1 of 1 lines off\s+Invoice date\s+.+\s+Total\s+CN¥268\.00\s+Paid\s+CN¥268\.00\s+Left to pay\s+CN¥0\.00\s+Our decision: New cotton price agreed by phone$/)
    assert.match(await page.getByRole('article', { name: 'Invoice INV-101' }).innerText(), /Matched\s+All lines matched[\s\S]*Total\s+CN¥50\.00\s+Paid\s+CN¥0\.00\s+Left to pay\s+CN¥50\.00\s+Next due\s+\w{3} \d+, \d{4}$/)
    assert.equal(await page.locator('.invoice-cards').getByRole('article').count(), 2, 'another supplier’s invoice is never shown')
    assert.doesNotMatch(await page.locator('main').innerText(), /S2-INV-7/)
    const nav = (await page.locator('.nav-narrow nav').textContent()) ?? ''
    assert.match(nav, /Invoices[\s\S]*Statement/)
    assert.doesNotMatch(nav, /Exceptions queue|Payment runs/)

    const form = page.getByRole('form', { name: 'Send an invoice' })
    await form.getByLabel('Invoice number').fill('S1-P-1')
    const line = form.getByRole('group', { name: 'Line 1' })
    await line.getByLabel('Purchase order').selectOption({ label: 'PO-PAY-1 (Received)' })
    assert.equal(await line.getByLabel('Purchase order').locator('option').count(), 2, 'only its own PO to choose from')
    await line.getByLabel('PO line').selectOption({ label: '2 · SKU-B · 10 passed QC · 5.00' })
    await line.getByLabel('Units').fill('2')
    await assertAccessible(page, 'the supplier’s invoices on a phone')
    await screenshot(page, 'portal-invoices-phone')
    await form.getByRole('button', { name: 'Send invoice' }).click()
    await waitForText(page.locator('main'), /Invoice S1-P-1 sent: On hold\./)
    await waitForText(page.getByRole('article', { name: 'Invoice S1-P-1' }), /On hold\s+Quantity variance/)
    assert.equal((await invoiceOf('S1-P-1')).status, 'on_hold')
    // The form is blank again; the same number sent twice is refused in the API's words.
    assert.equal(await form.getByLabel('Invoice number').inputValue(), '')
    await form.getByLabel('Invoice number').fill('S1-P-1')
    await line.getByLabel('Purchase order').selectOption({ label: 'PO-PAY-1 (Received)' })
    await line.getByLabel('PO line').selectOption({ label: '2 · SKU-B · 10 passed QC · 5.00' })
    await form.getByRole('button', { name: 'Send invoice' }).click()
    await waitForText(form.getByRole('alert'), /duplicate_invoice_number/)
    forgetRefusals(opened, 409)

    await page.getByRole('link', { name: 'INV-100' }).first().click()
    await page.getByRole('heading', { name: 'Invoice INV-100', level: 1 }).waitFor()
    assert.match(await page.getByRole('table', { name: 'Instalments' }).innerText(), /CN¥268\.00\s+CN¥268\.00\s+CN¥5\.36[\s\S]*Paid/)
    assert.match(await page.locator('main').innerText(), /New cotton price agreed by phone/)

    // Another supplier's invoice is not found.
    const other = await invoiceOf('S2-INV-7')
    await page.goto(`${server.baseUrl}/console/portal/invoices/${other.id}`)
    await waitForText(page.locator('main'), /invoice_not_found/)
    forgetRefusals(opened, 404)

    await page.goto(`${server.baseUrl}/console/portal/statement`)
    const entries = page.getByRole('table', { name: 'Entries, oldest first' })
    await waitForText(entries, /Payment\s+ICBC-20261206-0001/)
    assert.doesNotMatch(await entries.innerText(), /S2-INV-7/)
    await assertAccessible(page, 'the supplier’s statement on a phone')
    assertNoConsoleErrors(opened, 'the supplier portal')
    await opened.context.close()

    const zh = await openPage(browser, { lang: 'zh-CN' })
    await signIn(zh.page, server.baseUrl, w.s1Auth, '/console/portal/statement')
    await zh.page.getByRole('heading', { name: '您的对账单' }).waitFor()
    assert.match(await zh.page.getByRole('region', { name: 'CNY 余额' }).innerText(), /¥\d[\d,.]*\s+应付余额/)
    const rows = zh.page.getByRole('table', { name: '明细（最早在前）' })
    await waitForText(rows, /发票\s+INV-100\s+已付款[\s\S]*付款\s+ICBC-20261206-0001\s+已付款\s+—\s+-¥262\.64/)
    assert.match(await zh.page.locator('main').innerText(), /提前付款折扣\tICBC-20261206-0001\t已享受\t—\t-¥5\.36/)
    await assertAccessible(zh.page, 'the supplier’s statement in Chinese')
    assertNoConsoleErrors(zh, 'the supplier’s statement in Chinese')
    await zh.context.close()
  })
})
