/**
 * The supplier portal in a real browser against a real server: a supplier sees its open lines
 * most urgent first, confirms a line with an earlier ETA and the customer's status page (opened
 * by the order's statusUrl) shows the earlier date; moves an ETA later after seeing how many
 * customer orders it delays, and the customer's page then shows the delay with compensation;
 * opening another supplier's order by URL is not found; its scorecard trend is charted.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer, forgetRefusals, waitForText } from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { inDays } from './helpers/repromise.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>
type Placed = { id: string; statusUrl: string }

const enDay = (day: string) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

describe('the supplier portal in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  const po: Record<'urgent' | 'later' | 'foreign', { id: string; lineId: string }> = {} as never
  const orders: Record<'onUrgent' | 'onLater', Placed> = {} as never
  const d = (days: number) => inDays(server.t, days)

  /** A sent PO of SKU-A to WH-E, confirmed by its supplier for `etaDays` ahead unless null (then requested for day 20). */
  async function purchase(supplier: 'S1' | 'S2', reference: string, quantity: number, etaDays: number | null) {
    const call = requester(server.t)
    const created = (await call('POST', '/v1/purchase-orders', w.admin, { supplier, reference, destination: supplier === 'S1' ? 'WH-E' : 'WH-N', requestedDate: d(20), lines: [{ sku: 'SKU-A', quantity }] }, 201)).json()
    await call('POST', `/v1/purchase-orders/${created.id}/send`, w.admin)
    const auth = supplier === 'S1' ? w.s1Auth : w.s2Auth
    if (etaDays !== null) await call('POST', `/v1/purchase-orders/${created.id}/confirm`, auth, { lines: [{ line: '1', quantityAccepted: quantity, eta: d(etaDays) }] })
    return { id: created.id as string, lineId: created.lines[0].id as string }
  }

  /** Placed over real HTTP, as a shop does: the status link names this server. */
  async function order(key: string, quantity: number): Promise<Placed> {
    const channel = await server.t.auth(`channel:${w.web.id}`)
    const res = await fetch(`${server.baseUrl}/v1/orders`, {
      method: 'POST', headers: { ...channel, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ customerId: `c-${key}`, reference: `shop-${key}`, lines: [{ sku: 'SKU-A', quantity, unitPrice: 2000 }], fulfilment: { method: 'ship', region: 'east' } }),
    })
    assert.equal(res.status, 201, await res.clone().text())
    return (await res.json()) as Placed
  }

  before(async () => {
    server = await startConsoleServer()
    w = await seedPurchasing(server.t)
    const call = requester(server.t)
    await call('PUT', `/v1/suppliers/${w.s2.id}/skus/${w.skuA.id}`, w.admin, { unitCost: 500 })
    await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed', 'po_unconfirmed'], horizonDays: 90 })
    await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 100, capMinor: 1000 })
    po.urgent = await purchase('S1', 'PO-URGENT', 10, 10)
    po.later = await purchase('S1', 'PO-LATER', 20, null)
    po.foreign = await purchase('S2', 'PO-OTHER', 10, 5)
    orders.onUrgent = await order('urgent', 10)
    orders.onLater = await order('later', 3)
    // Two deliveries to WH-N (which the web shop does not sell from), and a recompute make the scorecard's trend.
    for (const [passed, failed] of [[10, 0], [7, 3]]) {
      const delivered = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-N', lines: [{ sku: 'SKU-A', quantity: 10 }] }, 201)).json()
      await call('POST', `/v1/purchase-orders/${delivered.id}/send`, w.admin)
      await call('POST', `/v1/purchase-orders/${delivered.id}/confirm`, w.s1Auth, { lines: [{ line: '1', quantityAccepted: 10, eta: d(1) }] })
      await call('POST', `/v1/purchase-orders/${delivered.id}/receipts`, w.admin, {
        lines: [{ line: '1', quantityPassed: passed, quantityFailed: failed, ...(failed > 0 && { failReason: 'stitching' }) }],
      }, 201)
    }
    await call('POST', `/v1/suppliers/${w.s1.id}/scorecard/recompute`, w.admin)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a supplier sees its lines most urgent first, confirms one with an earlier ETA, and the customer sees the earlier date', async () => {
    assert.match(orders.onUrgent.statusUrl, new RegExp(`^${server.baseUrl}/status/ost_`))
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth)
    await page.waitForURL(/\/console\/portal\/lines$/)
    const rows = page.locator('table tbody tr')
    await rows.first().waitFor()
    const texts = await rows.allInnerTexts()
    assert.equal(texts.length, 2, 'only its own lines')
    assert.match(texts[0], new RegExp(`PO-URGENT[\\s\\S]*${enDay(d(11))}[\\s\\S]*\\b1\\b[\\s\\S]*\\b10\\b`))
    assert.match(texts[1], new RegExp(`PO-LATER[\\s\\S]*${enDay(d(21))}`))
    assert.doesNotMatch(texts.join('\n'), /PO-OTHER/)
    await assertAccessible(page, 'portal lines')
    await screenshot(page, 'portal-lines')

    await page.getByRole('link', { name: 'PO-LATER' }).click()
    await page.getByRole('heading', { name: 'Purchase order PO-LATER' }).waitFor()
    await page.getByLabel('Line 1 (SKU-A): units accepted').fill('20')
    await page.getByLabel('Line 1: ETA').fill(d(12))
    await page.getByRole('button', { name: 'Send answers' }).click()
    await waitForText(page.locator('table').first(), /Accepted/)
    await assertAccessible(page, 'portal PO')
    await screenshot(page, 'portal-po')
    assertNoConsoleErrors(opened, 'portal PO')

    const customer = await openPage(browser, { viewport: phone })
    await customer.page.goto(orders.onLater.statusUrl)
    await waitForText(customer.page.locator('.promise-dates'), new RegExp(enDay(d(13))))
    assert.doesNotMatch(await customer.page.locator('main').innerText(), /delayed/i)
    assertNoConsoleErrors(customer, 'status page after an earlier ETA')
    await customer.context.close()
    await opened.context.close()
  })

  test('a supplier moving an ETA later sees how many customer orders it delays before sending; the customer then sees the delay and compensation', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, `/console/portal/orders/${po.urgent.id}`)
    await page.getByRole('heading', { name: 'Purchase order PO-URGENT' }).waitFor()
    // The supplier cannot read the merchant's nodes, yet is told where to deliver.
    await page.locator('dl.facts', { hasText: 'Shanghai DC (WH-E)' }).waitFor()
    const send = page.getByRole('button', { name: 'Send the new ETA' })
    await page.getByLabel('Reason (told to the buyer)').fill('Factory short of material')
    assert.equal(await send.isDisabled(), true, 'nothing to send before the preview')
    await page.getByLabel('New ETA').fill(d(18))
    const note = page.locator('.impact-note')
    await waitForText(note, /would delay 1 customer order \(10 units\)/)
    assert.equal(await send.isDisabled(), false)
    await assertAccessible(page, 'ETA preview')
    await send.click()
    await page.getByText('The new ETA is sent.').waitFor()
    await waitForText(page.locator('table').first(), new RegExp(enDay(d(18))))
    assertNoConsoleErrors(opened, 'ETA move')

    // The goods leave early: an ASN puts the units on the way.
    await page.getByLabel('Arrives on').fill(d(17))
    await page.getByLabel('Carrier').fill('SF Express')
    await page.getByLabel('Line 1 (SKU-A): units shipped (up to 10)').fill('10')
    await page.getByRole('button', { name: 'Send ASN' }).click()
    const asns = page.getByRole('table', { name: 'Advance ship notices' })
    await asns.waitFor()
    assert.match(await asns.innerText(), new RegExp(`${enDay(d(17))}[\\s\\S]*SF Express[\\s\\S]*SKU-A × 10[\\s\\S]*On the way`))
    // Ordered, accepted, open, on the way, received.
    await waitForText(page.getByRole('table', { name: 'Lines' }).locator('tbody'), /SKU-A\s+10\s+10\s+10\s+10\s+0\s/)
    assertNoConsoleErrors(opened, 'ASN')

    const customer = await openPage(browser, { viewport: phone })
    await customer.page.goto(orders.onUrgent.statusUrl)
    const delay = customer.page.locator('section.delay')
    await delay.waitFor()
    const words = await delay.innerText()
    assert.match(words, /Your order is delayed/)
    assert.match(words, /supplier moved its delivery/i)
    assert.match(words, new RegExp(enDay(d(11))), 'the old date')
    assert.match(words, /A coupon of/)
    await customer.context.close()
    await opened.context.close()
  })

  test('a supplier is told in words why an answer without an ETA is refused, then rejects the line with a reason', async () => {
    const rejecting = await purchase('S1', 'PO-REJECT', 10, null)
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, `/console/portal/orders/${rejecting.id}`)
    await page.getByRole('heading', { name: 'Purchase order PO-REJECT' }).waitFor()
    await page.getByLabel('Line 1 (SKU-A): units accepted').fill('10')
    await page.getByRole('button', { name: 'Send answers' }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /eta_required/)
    forgetRefusals(opened, 422)

    await page.getByLabel('Line 1 (SKU-A): units accepted').fill('0')
    await page.getByLabel('Line 1: note or reason').fill('Discontinued model')
    await page.getByRole('button', { name: 'Send answers' }).click()
    await waitForText(page.getByRole('table', { name: 'Lines' }).locator('tbody'), /Rejected/)
    assert.equal(await page.getByRole('button', { name: 'Send answers' }).count(), 0, 'nothing left to answer')
    const timeline = (await requester(server.t)('GET', `/v1/purchase-orders/${rejecting.id}/timeline`, w.admin)).json()
    assert.ok(JSON.stringify(timeline).includes('Discontinued model'), 'the reason reaches the buyer')
    assertNoConsoleErrors(opened, 'rejecting a line')
    await opened.context.close()
  })

  test('another supplier’s order opened by its URL is not found, and staff see every supplier’s lines', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, `/console/portal/orders/${po.foreign.id}`)
    await page.getByRole('heading', { name: 'Not found' }).waitFor()
    assert.match(await page.getByRole('alert').innerText(), /purchase_order_not_found|not found/i)
    assert.doesNotMatch(await page.locator('main').innerText(), /PO-OTHER/)
    forgetRefusals(opened, 404)
    assertNoConsoleErrors(opened, 'foreign PO (one refusal, nothing more asked)')
    await opened.context.close()

    const staff = await openPage(browser)
    await signIn(staff.page, server.baseUrl, w.ops, '/console/portal/lines')
    await staff.page.locator('table tbody tr').first().waitFor()
    const staffRows = await staff.page.locator('table tbody tr').allInnerTexts()
    assert.equal(staffRows.length, 3, 'the rejected line is no longer open')
    assert.ok(staffRows.some((r) => /PO-OTHER\s+S2/.test(r)), 'whose line it is')
    await staff.context.close()
  })

  test('a supplier sees its scorecard and its trend, charted and tabled', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN' })
    const { page } = opened
    await signIn(page, server.baseUrl, w.s1Auth, '/console/portal/scorecard')
    await page.getByRole('heading', { name: '您的评分卡' }).waitFor()
    await page.locator('.chart canvas').first().waitFor()
    const history = page.getByRole('table', { name: '等级历史' })
    await history.locator('tbody tr').first().waitFor()
    assert.ok(await history.locator('tbody tr').count() >= 2, 'a point per recompute')
    assert.match(await history.locator('tbody tr').first().innerText(), /85%/, 'the newest: 17 of 20 units passed QC')
    await assertAccessible(page, 'portal scorecard')
    await screenshot(page, 'portal-scorecard')
    assertNoConsoleErrors(opened, 'portal scorecard')
    await opened.context.close()
  })
})
