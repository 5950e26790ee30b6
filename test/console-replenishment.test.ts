/**
 * Replenishment in the console, in a real browser against a real server: a buyer reads why a
 * suggestion asks for what it does (every term of the need, the forecast model), changes its
 * quantity and approves it with "send": a purchase order is sent to the supplier for that
 * quantity. A SKU's forecast is charted with its model named; a policy is saved and a bad one
 * refused in the API's words; a planned event is added and deleted; a supplier sees its own SKU's
 * stock and forecast at the merchant's nodes, and not another supplier's. Suggestions and stock
 * lines carry their SKU's, node's and supplier's code and name: the pages show them without
 * loading whole lists.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>
type Suggestion = { id: string; skuId: string; quantity: number; suggestedQuantity: number; status: string; purchaseOrderId: string | null }
const dayMs = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** The paths of the whole-list lookups (SKUs, nodes, suppliers, channels) a page asks the API for. */
function listsAsked(page: import('playwright-core').Page): string[] {
  const asked: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (/^\/v1\/(skus|nodes|suppliers|channels)$/.test(path)) asked.push(path)
  })
  return asked
}

describe('replenishment in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let call: ReturnType<typeof requester>
  let model: string
  const openOf = async (sku: string) => (await call('GET', `/v1/suggestions?status=open&sku=${sku}`, w.admin)).json().items as Suggestion[]

  before(async () => {
    server = await startConsoleServer('sqlite')
    w = await seedPurchasing(server.t)
    call = requester(server.t)
    // S1 sells SKU-A (minimum 10, packs of 5); S2 sells SKU-B.
    await call('PUT', `/v1/suppliers/${w.s2.id}/skus/${w.skuB.id}`, w.admin, { unitCost: 500 })
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 30 })
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 4 })
    // 120 days of history up to yesterday: SKU-A 8–12 a day, SKU-B 5 a day.
    const today = Math.floor(Date.now() / dayMs) * dayMs
    const rows = ['sku,node,date,quantity']
    for (let d = 120; d >= 1; d--) rows.push(`SKU-A,WH-E,${isoDay(today - d * dayMs)},${8 + (d % 5)}`, `SKU-B,WH-E,${isoDay(today - d * dayMs)},5`)
    const imported = await server.t.services.replenishment.importDemandHistory(rows.join('\n'))
    assert.deepEqual([imported.imported, imported.errors], [240, []])
    await call('POST', '/v1/planned-events', w.admin, { sku: 'SKU-A', node: 'WH-E', date: isoDay(today + 3 * dayMs), kind: 'promotion', upliftPct: 50, note: 'Double eleven warm-up' }, 201)
    const run = (await call('POST', '/v1/replenishment/run', w.admin, {})).json()
    assert.equal(run.suggestionsMade, 2, JSON.stringify(run))
    model = (await call('GET', '/v1/forecasts/SKU-A/WH-E', w.admin)).json().forecast.model
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a buyer reads why, changes the quantity and approves with send: a purchase order is sent for that quantity', async () => {
    const [s] = await openOf('SKU-A')
    assert.ok(s, 'SKU-A is suggested')
    const opened = await openPage(browser)
    const { page } = opened
    const lists = listsAsked(page)
    await signIn(page, server.baseUrl, w.ops, '/console/replenishment')
    await page.getByRole('heading', { name: 'Replenishment suggestions' }).waitFor()
    const nav = (await page.locator('nav.nav-wide').textContent()) ?? ''
    assert.match(nav, /Replenishment[\s\S]*Suggestions[\s\S]*Forecasts[\s\S]*Policies and calendar/)
    assert.doesNotMatch(nav, /Stock at our nodes/, 'the supplier’s page is not in staff’s navigation')

    const group = page.getByRole('region', { name: 'S1 · Supplier S1 → WH-E · Shanghai DC' })
    const card = group.getByRole('article', { name: 'SKU-A · WH-E' })
    await card.waitFor()
    assert.match(await card.innerText(), new RegExp(`SKU-A · Sneaker A\\s+Node: WH-E · Shanghai DC · Supplier: S1 · Supplier S1[\\s\\S]*suggested ${s.suggestedQuantity}[\\s\\S]*Why: Need \\d+: target [\\d.]+ less net position 30\\. Forecast by ${model}`))
    await card.getByText('Every figure').click()
    const detail = await card.locator('.why-body').innerText()
    assert.match(detail, /Forecast over lead time and review\s+[\d.]+\s+Safety stock\s+\+ [\d.]+\s+On hand\s+− 30/)
    assert.match(detail, new RegExp(`Forecast model\\s+${model} · WAPE`))
    assert.match(detail, /Runner-up/)
    assert.match(detail, /Why this supplier\s+Supplier S1: /)
    assert.equal(await page.getByRole('region', { name: /S2 · Supplier S2 → WH-E/ }).getByRole('article', { name: 'SKU-B · WH-E' }).count(), 1, 'another supplier, another group')
    await assertAccessible(page, 'replenishment suggestions')
    await screenshot(page, 'replenishment-suggestions')

    const quantity = s.quantity + 5
    await card.getByLabel('Quantity of SKU-A').fill(String(quantity))
    await card.getByRole('button', { name: 'Save' }).click()
    await waitForText(page.getByRole('article', { name: 'SKU-A · WH-E' }), /changed by a buyer/)
    assert.equal((await openOf('SKU-A'))[0]!.quantity, quantity)

    await page.getByLabel('Send to the supplier at once (otherwise drafts)').check()
    await page.getByRole('checkbox', { name: 'Select SKU-A at WH-E' }).check()
    await page.getByRole('button', { name: 'Approve selected (1)' }).click()
    const made = page.getByRole('region', { name: 'Purchase orders made' })
    await waitForText(made, /Purchase order \S+ · S1 → WH-E · Sent/)
    assert.deepEqual(lists, [], 'the suggestions name their SKU, node and supplier: no list is loaded to name them')
    const href = await made.getByRole('link').first().getAttribute('href')
    const poId = decodeURIComponent(href!.replace('/console/purchasing/orders/', ''))
    const po = (await call('GET', `/v1/purchase-orders/${poId}`, w.admin)).json()
    assert.equal(po.status, 'sent')
    assert.equal(po.supplierId, w.s1.id)
    assert.deepEqual(po.lines.map((l: { skuId: string; quantityOrdered: number }) => [l.skuId, l.quantityOrdered]), [[w.skuA.id, quantity]])
    await waitForText(page.locator('main'), /SKU-B · Sneaker B/)
    assert.equal(await page.getByRole('article', { name: 'SKU-A · WH-E' }).count(), 0, 'no longer open')

    // A group the supplier's terms refuse stays open, and says why in the API's words.
    await call('PATCH', `/v1/suppliers/${w.s2.id}`, w.admin, { active: false })
    await page.getByRole('button', { name: /^Approve all of this supplier: S2 · Supplier S2/ }).click()
    const refused = page.getByRole('alert').filter({ hasText: 'supplier_inactive' })
    await refused.waitFor()
    assert.match(await refused.innerText(), /Not approved: 1 · Supplier S2 is inactive/)
    assert.equal((await openOf('SKU-B')).length, 1, 'still open')
    await call('PATCH', `/v1/suppliers/${w.s2.id}`, w.admin, { active: true })

    await page.getByRole('link', { name: 'Approved', exact: true }).click()
    const approved = page.getByRole('article', { name: 'SKU-A · WH-E' })
    await approved.waitFor()
    assert.match(await approved.innerText(), new RegExp(`Approved[\\s\\S]*Quantity: ${quantity}[\\s\\S]*Purchase order ${poId}`))
    assertNoConsoleErrors(opened, 'approving a suggestion')
    await opened.context.close()
  })

  test('in Chinese, a SKU’s forecast is charted with its model, its promotion marked, and the picker opens another', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN' })
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/replenishment/forecast/SKU-A/WH-E')
    await page.getByRole('heading', { name: 'WH-E 的 SKU-A 需求预测' }).first().waitFor()
    await page.locator('.chart canvas').first().waitFor()
    assert.equal(await page.locator('code.model').innerText(), model)
    assert.match(await page.locator('dl.facts').innerText(), /准确度\s+WAPE [\d.]+%，MASE [\d.]+，偏差 -?[\d.]+%/)
    assert.match(await page.getByRole('table', { name: '计划事件' }).innerText(), /促销\s+50%/)
    assert.equal(await page.getByRole('table', { name: '未来 14 天' }).locator('tbody tr').count(), 14)
    await assertAccessible(page, 'a forecast in Chinese')
    await screenshot(page, 'replenishment-forecast')

    const picker = page.getByRole('form', { name: '查看某 SKU 在某节点的预测' })
    await picker.getByLabel('SKU').selectOption({ label: 'SKU-B · Sneaker B' })
    await picker.getByRole('button', { name: '查看预测' }).click()
    await page.waitForURL(/\/console\/replenishment\/forecast\/SKU-B\/WH-E$/)
    await page.getByRole('heading', { name: 'WH-E 的 SKU-B 需求预测' }).first().waitFor()
    await page.locator('.chart canvas').first().waitFor()
    assertNoConsoleErrors(opened, 'forecast pages')
    await opened.context.close()
  })

  test('a policy is saved, a bad one refused in the API’s words; a planned event is added and deleted', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/replenishment/policies')
    const form = page.getByRole('form', { name: 'Set a policy' })
    await form.waitFor()
    await form.getByLabel('SKU').selectOption({ label: 'SKU-A · Sneaker A' })
    await form.getByLabel('Node').selectOption({ label: 'WH-E · Shanghai DC' })
    await form.getByLabel('Service level').fill('0.97')
    await form.getByLabel('Method').selectOption({ label: 'Min/max' })
    await form.getByLabel('Min units').fill('20')
    await form.getByLabel('Max units').fill('200')
    await form.getByRole('button', { name: 'Save policy' }).click()
    await waitForText(form, /Saved as version 1\./)
    await waitForText(page.getByRole('table', { name: 'Stored policies' }), /SKU-A\s+WH-E\s+0\.97\s+Min\/max\s+7\s+20 \/ 200\s+None\s+No\s+1/)
    const stored = (await call('GET', '/v1/replenishment-policies/SKU-A/WH-E', w.admin)).json()
    assert.deepEqual([stored.effective.from, stored.effective.policy.serviceLevel, stored.effective.policy.maxUnits], ['series', 0.97, 200])

    await form.getByLabel('Service level').fill('1.5')
    await form.getByRole('button', { name: 'Save policy' }).click()
    const refusal = form.getByRole('alert')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /serviceLevel[\s\S]*invalid_replenishment_policy/)
    forgetRefusals(opened, 400)
    assert.equal((await call('GET', '/v1/replenishment-policies/SKU-A/WH-E', w.admin)).json().stored.version, 1, 'nothing changed')

    const add = page.getByRole('form', { name: 'Add event' })
    await add.getByLabel('Date').fill('2027-02-10')
    await add.getByLabel('Kind').selectOption({ label: 'Closure' })
    await add.getByLabel('Note').fill('Spring Festival')
    await add.getByRole('button', { name: 'Add event' }).click()
    const events = page.getByRole('table', { name: 'Planned events, by day' })
    await waitForText(events, /Feb 10, 2027\s+\*\s+\*\s+Closure\s+—\s+Spring Festival/)
    await assertAccessible(page, 'policies and calendar')
    await screenshot(page, 'replenishment-policies')
    await events.getByRole('button', { name: /Delete Closure on Feb 10, 2027/ }).click()
    await waitForText(page.locator('main'), /^(?![\s\S]*Spring Festival)/)
    const left = (await call('GET', '/v1/planned-events', w.admin)).json().items as Array<{ kind: string }>
    assert.deepEqual(left.map((e) => e.kind), ['promotion'])
    assertNoConsoleErrors(opened, 'policies and calendar')
    await opened.context.close()
  })

  test('in Chinese on a phone, a buyer reads why, recomputes, and dismisses a suggestion into the history', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, w.ops, '/console/replenishment')
    const card = page.getByRole('article', { name: 'SKU-B · WH-E' })
    await card.waitFor()
    assert.match(await card.innerText(), /原因：需求 \d+：目标 [\d.]+ 减去净库存位置 4。预测模型 \S+（WAPE/)
    await assertAccessible(page, 'suggestions in Chinese on a phone')

    await page.getByRole('button', { name: '立即重新计算' }).click()
    const report = page.getByRole('region', { name: /^已按 .+ 的数据重新计算$/ })
    await report.waitFor()
    assert.match(await report.innerText(), /2\s+序列数/)

    await page.getByRole('button', { name: '忽略 SKU-B · WH-E' }).click()
    await waitForText(page.locator('main'), /暂无建议。/)
    assert.deepEqual((await call('GET', '/v1/suggestions?sku=SKU-B', w.admin)).json().items.map((x: Suggestion) => x.status), ['dismissed'])
    await page.getByRole('link', { name: '已忽略', exact: true }).click()
    await waitForText(page.getByRole('article', { name: 'SKU-B · WH-E' }), /已忽略/)
    assertNoConsoleErrors(opened, 'dismissing on a phone')
    await opened.context.close()
  })

  test('on a phone, a supplier sees its own SKU’s stock, reorder point and forecast, not another supplier’s', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    const lists = listsAsked(page)
    await signIn(page, server.baseUrl, w.s2Auth, '/console/portal/replenishment')
    await page.getByRole('heading', { name: 'Your SKUs at our nodes' }).waitFor()
    const card = page.getByRole('article', { name: /^SKU-B at / })
    await card.waitFor()
    assert.equal(await page.getByRole('article', { name: 'SKU-B at WH-E' }).count(), 1, 'named by the node’s code')
    assert.match(await card.innerText(), /^SKU-B · Sneaker B\s+Below reorder point\s+Node\s+WH-E · Shanghai DC\s+Available\s+4[\s\S]*Reorder point\s+[\d.]+[\s\S]*Forecast per day\s+[\d.]+/)
    assert.match(await card.getByRole('img').getAttribute('aria-label') ?? '', /^Forecast median for the next 14 days: ([\d.]+, ){13}[\d.]+$/)
    assert.equal(await page.getByRole('article').count(), 1)
    assert.deepEqual(lists, [], 'the stock lines name their SKU and node: no list is loaded to name them')
    assert.doesNotMatch(await page.locator('main').innerText(), /SKU-A/)
    const nav = (await page.locator('.nav-narrow nav').textContent()) ?? ''
    assert.match(nav, /Stock at our nodes/)
    assert.doesNotMatch(nav, /Suggestions/)
    await assertAccessible(page, 'the supplier’s stock on a phone')
    await screenshot(page, 'portal-replenishment-phone')
    assertNoConsoleErrors(opened, 'the supplier’s stock')
    await opened.context.close()

    // Staff open a supplier's view by naming it.
    const staff = await openPage(browser, { lang: 'zh-CN' })
    await signIn(staff.page, server.baseUrl, w.ops, '/console/portal/replenishment?supplier=S1')
    await staff.page.getByRole('article', { name: 'WH-E 的 SKU-A' }).waitFor()
    assert.equal(await staff.page.getByRole('combobox', { name: '供应商' }).inputValue(), w.s1.id, 'the supplier named by its code is chosen in the picker')
    assert.doesNotMatch(await staff.page.locator('main').innerText(), /SKU-B/)
    assertNoConsoleErrors(staff, 'staff opening a supplier’s stock')
    await staff.context.close()
  })
})
