/**
 * The dashboard in a real browser: orders placed, paid and shipped through the API, a pickup
 * made ready and collected at a store, a dropship request partly turned down and shipped by its
 * supplier, the projector catches up, and the page shows the figures
 * for the period and channel chosen. Replenishment: four months of demand imported, forecast a
 * week ago and again yesterday (the second run scores the first), one suggestion approved and
 * sent; staff read the accuracy, days of supply and cycle the API answers, a channel does not.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { dayAfter, seedPurchasing, requester } from './helpers/purchasing.ts'
import { receive } from './helpers/orders.ts'
import { pickupDesk } from './helpers/pickups.ts'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './helpers/browser.ts'

type Replenishment = {
  accuracy: { overall: { wape: number | null; mase: number | null; bias: number | null; series: number }; byModel: Array<{ model: string; wape: number | null }>; byWeek: unknown[] }
  daysOfSupply: { total: number | null; lowest: Array<{ skuId: string; nodeId: string; days: number | null }> }
  cycle: { openNow: number; approved: number; meanHoursApprovedToReceived: number | null }
}
const percentIn = (lang: string, v: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v)
const tenthsIn = (lang: string, v: number) => new Intl.NumberFormat(lang).format(Math.round(v * 10) / 10)

describe('the dashboard', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: Awaited<ReturnType<typeof seedPurchasing>>
  let replenishment: Replenishment

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
        // Delivered, and its unit returned at a store counter: received, graded A, restocked (refund asked, not paid yet).
        await call('POST', `/v1/orders/${order.id}/deliver`, w.ops, {}, 200)
        const counter = await t.auth(`store:${w.store1.id}`)
        const ret = (await call('POST', '/v1/returns', counter, { order: order.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)).json()
        await call('POST', `/v1/returns/${ret.id}/receive`, counter, { lines: [{ lineNo: 1, quantity: 1 }] }, 200)
        await call('POST', `/v1/returns/${ret.id}/inspect`, counter, { units: [{ lineNo: 1, unitNo: 1, grade: 'A' }] }, 200)
      }
    }
    // A pickup in another channel, made ready within the quarter hour and collected.
    const desk = await pickupDesk(t, w, { code: 'omni' })
    const pickup = await desk.placePaid([{ sku: 'SKU-B', quantity: 1 }])
    const ready = await desk.ready(pickup.id)
    await desk.collect(ready.shipmentId, ready.code, 'Li Lei')
    // A dropship request in a third channel: the supplier turns one line of two down and ships the other.
    const direct = (await call('POST', '/v1/channels', w.admin, { code: 'direct', name: 'Direct', kind: 'web', nodeIds: [w.drop1.id], safetyBuffer: 0 }, 201)).json()
    for (const sku of ['SKU-A', 'SKU-B']) await call('PUT', '/v1/inventory/virtual', w.ops, { sku, node: 'DS-1', quantity: 5 }, 200)
    const dropOrder = (await call('POST', '/v1/orders', await t.auth(`channel:${direct.id}`), {
      customerId: 'cus_drop', fulfilment: { method: 'ship', region: 'east' }, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 10000 }, { sku: 'SKU-B', quantity: 1, unitPrice: 10000 }],
      shipTo: { name: 'Lin Xiaoyu', phone: '+86 138 0000 1234', address: { line1: '88 Century Avenue', city: 'Shanghai', region: 'east', postalCode: '200120', country: 'CN' } },
    }, 201, { 'idempotency-key': 'dash-drop' })).json()
    await call('POST', `/v1/orders/${dropOrder.id}/payments`, payments, { kind: 'payment', amount: dropOrder.total, currency: 'CNY', providerRef: 'pay-drop' }, 201)
    const sup1 = await t.auth('supplier:sup1')
    const request = (await call('GET', '/v1/supplier-portal/dropship', sup1)).json().items.find((r: { orderId: string }) => r.orderId === dropOrder.id)
    await call('POST', `/v1/supplier-portal/dropship/${request.id}/reject`, sup1, { reason: 'cannot_ship', lines: [2] }, 200)
    await call('POST', `/v1/supplier-portal/dropship/${request.id}/accept`, sup1, undefined, 200)
    await call('POST', `/v1/supplier-portal/dropship/${request.id}/ship`, sup1, { carrier: 'SF', tracking: 'SF-dash' }, 200)
    // Demand for SKU-A at WH-E up to yesterday; forecast as of eight days ago, then yesterday: the second run scores the first on the week between.
    const now = Date.now()
    const rows = ['sku,node,date,quantity']
    for (let d = 120; d >= 1; d--) rows.push(`SKU-A,WH-E,${dayAfter(now, -d)},${8 + (d % 5)}`)
    assert.deepEqual((await t.services.replenishment.importDemandHistory(rows.join('\n'))).errors, [])
    await call('POST', '/v1/replenishment/run', w.admin, { asOf: dayAfter(now, -8) })
    await call('POST', '/v1/replenishment/run', w.admin, { asOf: dayAfter(now, -1) })
    const [suggestion] = (await call('GET', '/v1/suggestions?status=open&sku=SKU-A', w.admin)).json().items
    assert.ok(suggestion, 'SKU-A is suggested')
    await call('POST', '/v1/suggestions/approve', w.admin, { ids: [suggestion.id], send: true })
    // The supplier bills the order sent before any of it arrived: an invoice held in the exceptions queue.
    const sent = (await call('GET', '/v1/purchase-orders', w.admin)).json().items.find((p: { status: string }) => p.status === 'sent')
    await call('POST', '/v1/supplier-portal/invoices', await t.auth(`supplier:${sent.supplierId}`), { number: 'DASH-1', invoiceDate: dayAfter(now, 0), currency: sent.currency, lines: [{ po: sent.id, lineNo: 1, quantity: 1, unitPriceMinor: 100 }] }, 201)
    await t.services.analytics.catchUp()
    replenishment = (await call('GET', '/v1/analytics/replenishment?periodDays=30', w.admin)).json().replenishment
    assert.ok(replenishment.accuracy.overall.wape !== null && replenishment.accuracy.overall.series >= 1, JSON.stringify(replenishment.accuracy.overall))
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
    const figures = opened.page.getByRole('group', { name: 'Dashboard', exact: true })
    await figures.waitFor()
    const figure = async (label: string) => (await figures.locator('.figure', { hasText: label }).first().locator('.value').innerText()).trim()
    // The figures of a new period or channel replace the old ones once they arrive: wait for them.
    const figureBecomes = (label: string, value: string) =>
      waitForText(figures.locator('.figure', { hasText: label }).first().locator('.value'), new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`))
    await figureBecomes('Orders', '5')
    assert.equal(await figure('Units sold'), '9')
    assert.equal(await figure('On time to promise'), '100%')
    assert.equal(await figure('Pickup ready time (median)'), '0.25 h')
    assert.equal(await figure('Pickups expired'), '0%')
    assert.match(await figures.locator('.figure', { hasText: 'Pickups expired' }).innerText(), /0 of 1 pickups ended uncollected/)
    assert.equal(await figure('Dropship ship time (mean)'), '0 h', 'shipped within the minute')
    assert.match(await figures.locator('.figure', { hasText: 'Dropship ship time (mean)' }).innerText(), /1 shipped, 1 requests made/)
    assert.equal(await figure('Dropship lines turned down'), '50%')
    assert.match(await figures.locator('.figure', { hasText: 'Dropship lines turned down' }).innerText(), /1 lines turned down by suppliers; 2 lines requested/)
    assert.match(await figures.locator('.figure', { hasText: 'Return rate' }).innerText(), /1 units came back of \d+ sold; 1 returns opened/)
    assert.equal(await figure('Refund time (mean)'), '—', 'asked of the provider, not paid yet')
    assert.match(await figures.locator('.figure', { hasText: 'Value recovered' }).innerText(), /1 units restocked and 0 sent to an outlet/)
    assert.equal(await opened.page.getByRole('table', { name: 'Most returned SKUs' }).locator('tbody tr').count(), 1)
    assert.equal(await opened.page.locator('.chart canvas').count() >= 9, true, 'the charts are drawn')
    await assertAccessible(opened.page, 'dashboard')
    await screenshot(opened.page, 'dashboard')
    // Period and channel go into the page's address, and the figures follow.
    await opened.page.getByLabel('7 days').check()
    await opened.page.waitForURL(/periodDays=7/)
    await opened.page.getByLabel('Channel').selectOption('web')
    await opened.page.waitForURL(/channel=web/)
    await figureBecomes('Orders', '3')
    assert.equal(await figure('Pickup ready time (median)'), '—', 'no pickup in this channel')
    assert.equal(await figure('Dropship ship time (mean)'), '—', 'no dropship request in this channel')
    assertNoConsoleErrors(opened, 'dashboard')
    await opened.context.close()
  })

  test('staff read the payables section: invoices matched the first time, the queue, what is owed', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/dashboard')
    const figures = page.getByRole('group', { name: 'Payables', exact: true })
    await figures.waitFor()
    const figure = (label: string) => figures.locator('.figure', { hasText: label }).first()
    assert.equal((await figure('Matched first time').locator('.value').innerText()).trim(), percentIn('en', 0))
    assert.match(await figure('Matched first time').innerText(), /0 of 1 invoices received matched with no one involved/)
    assert.equal((await figure('Invoices on hold').locator('.value').innerText()).trim(), '1')
    assert.equal((await figure('Hold → resolved (mean)').locator('.value').innerText()).trim(), '—')
    assert.match(await figure('Owed to suppliers').innerText(), /1\.00/)
    assert.match(await figure('Paid by the due day').innerText(), /Nothing paid in the period/)
    await assertAccessible(page, 'the dashboard’s payables section')
    assertNoConsoleErrors(opened, 'the dashboard’s payables section')
    await opened.context.close()
  })

  test('staff read forecast accuracy by week and model, days of supply and the cycle, as the API counts them', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/dashboard')
    const section = page.getByRole('region', { name: 'Replenishment', exact: true })
    await section.waitFor()
    const figures = section.getByRole('group', { name: 'Replenishment', exact: true })
    const figure = (label: string) => figures.locator('.figure', { hasText: label }).first()
    const value = async (label: string) => (await figure(label).locator('.value').innerText()).trim()
    const { overall } = replenishment.accuracy
    assert.equal(await value('Forecast error (WAPE)'), percentIn('en', overall.wape!))
    assert.match(await figure('Forecast error (WAPE)').innerText(), new RegExp(`${overall.series} series scored against [\\d,]+ units that happened`))
    assert.equal(await value('MASE'), String(Math.round(overall.mase! * 100) / 100))
    assert.equal(await value('Forecast bias'), `${overall.bias! > 0 ? '+' : ''}${percentIn('en', overall.bias!)}`, 'signed: + forecasts too much')
    assert.equal(await value('Days of supply'), tenthsIn('en', replenishment.daysOfSupply.total!))
    assert.equal(replenishment.cycle.approved, 1)
    assert.equal(await value('Open suggestions'), String(replenishment.cycle.openNow))
    assert.match(await figure('Open suggestions').innerText(), /1 approved/)
    assert.equal(await value('Approved → received (mean)'), '—', 'sent, not received yet')
    assert.match(await figure('Approved → received (mean)').innerText(), /Nothing approved in the period has been received yet/)
    // The WAPE by week is drawn; by model, a row per model the API names.
    assert.equal(replenishment.accuracy.byWeek.length >= 1, true)
    // The section's one chart (ECharts words the chart's aria-label itself).
    const weekChart = section.getByRole('region', { name: 'Forecast error (WAPE) and bias by week the forecasts were made' }).locator('.chart canvas')
    await weekChart.waitFor()
    assert.equal(await section.locator('.chart canvas').count(), 1)
    const models = section.getByRole('table', { name: 'Forecast accuracy by model' })
    assert.equal(await models.locator('tbody tr').count(), replenishment.accuracy.byModel.length)
    const first = replenishment.accuracy.byModel[0]!
    assert.match(await models.locator('tbody tr').first().innerText(), new RegExp(`${first.model}\\s+\\d+\\s+${first.wape === null ? '—' : percentIn('en', first.wape).replace('.', '\\.')}`))
    // The series that run out first, by code, each opening its forecast.
    const lowest = section.getByRole('table', { name: 'Lowest days of supply' })
    const skuA = replenishment.daysOfSupply.lowest.find((r) => r.skuId === w.skuA.id && r.nodeId === w.whEast.id)
    assert.ok(skuA && skuA.days !== null, JSON.stringify(replenishment.daysOfSupply))
    const row = lowest.locator('tbody tr', { hasText: 'SKU-A' })
    await waitForText(row, /WH-E/)
    assert.match(await row.innerText(), new RegExp(`SKU-A\\s+WH-E\\s+[\\d,]+\\s+[\\d.,]+\\s+${tenthsIn('en', skuA.days!).replace('.', '\\.')}`))
    await assertAccessible(page, 'the dashboard’s replenishment section')
    await row.getByRole('link', { name: 'SKU-A' }).click()
    await page.waitForURL(/\/console\/replenishment\/forecast\/SKU-A\/WH-E$/)
    await page.getByRole('heading', { name: 'Forecast of SKU-A at WH-E' }).first().waitFor()

    // A week back, no forecast made in the period has been scored: said, not shown as zero.
    await page.goto(`${server.baseUrl}/console/dashboard?periodDays=7`)
    await waitForText(section.getByRole('group', { name: 'Replenishment', exact: true }).locator('.figure', { hasText: 'Forecast error (WAPE)' }), /—[\s\S]*No forecasts scored yet/)
    assertNoConsoleErrors(opened, 'the dashboard’s replenishment section')
    await opened.context.close()

    const zh = await openPage(browser, { lang: 'zh-CN' })
    await signIn(zh.page, server.baseUrl, w.ops, '/console/dashboard')
    const zhFigures = zh.page.getByRole('region', { name: '补货', exact: true }).getByRole('group', { name: '补货', exact: true })
    await waitForText(zhFigures.locator('.figure', { hasText: '预测误差（WAPE）' }).locator('.value'), new RegExp(`^\\s*${percentIn('zh-CN', overall.wape!).replace('.', '\\.')}\\s*$`))
    assert.match(await zhFigures.innerText(), /批准 → 收货（平均）/)
    assertNoConsoleErrors(zh, 'the replenishment section in Chinese')
    await zh.context.close()
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
    assert.match(await opened.page.locator('.figures').innerText(), /—\s*代发发货时长（平均）/)
    assert.match(await opened.page.locator('.figures').innerText(), /代发行拒绝率/)
    assert.match(await opened.page.locator('.figures').innerText(), /售出 \d+ 件中退回 1 件/)
    assert.equal(await opened.page.getByRole('heading', { name: '补货' }).count(), 0, 'the shop-wide replenishment figures are staff’s')
    await assertAccessible(opened.page, 'dashboard for a channel on a phone')
    assertNoConsoleErrors(opened, 'dashboard for a channel')
    await opened.context.close()
  })
})
