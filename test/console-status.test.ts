/**
 * What the shopper sees, in a real browser against a real server: the order status page opened
 * from the order's statusUrl (no sign-in, a phone's screen, English and Chinese), with an open
 * delay offer cancelled for a full refund after a confirmation step; a forged token not found;
 * and the <sellahead-promise> widget on a plain shop page served from another origin, loaded by
 * one script tag from /console/widget/sellahead-promise.js, in English and Chinese.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, startConsoleServer, type ConsoleServer, forgetRefusals, waitForText } from './helpers/browser.ts'
import { requester, seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { campaignBody } from './helpers/authorization.ts'

type World = Awaited<ReturnType<typeof seedPurchasing>>
type Placed = { id: string; statusUrl: string; statusToken: string; total: number }

const enDay = (day: string) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

/** A shop's own page: the one script tag from the Sellahead server and an element per promise. */
const shopPage = (sellahead: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A shop</title>
<script type="module" src="${sellahead}/console/widget/sellahead-promise.js"></script>
<style>body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; background: #fafafa; }
article { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: .75rem 1rem; margin-bottom: .75rem; } h2 { font-size: 1rem; margin: 0 0 .4rem; }</style></head>
<body><main><h1>Sneakers</h1>
<article><h2>Sneaker B</h2><sellahead-promise id="stock" sku="SKU-B" channel="web" region="east" lang="en"></sellahead-promise></article>
<article><h2>Sneaker A</h2><sellahead-promise id="future" sku="SKU-A" channel="web" lang="en"></sellahead-promise></article>
<article><h2>Presale sneaker</h2><sellahead-promise id="presale" sku="SKU-PRE" channel="web" lang="en"></sellahead-promise></article>
<article lang="zh-CN"><h2>运动鞋 B</h2><sellahead-promise id="zh-stock" sku="SKU-B" channel="web" region="east" lang="zh-CN"></sellahead-promise></article>
<article lang="zh-CN"><h2>运动鞋 A</h2><sellahead-promise id="zh-future" sku="SKU-A" channel="web" lang="zh-CN"></sellahead-promise></article>
<article lang="zh-CN"><h2>预售运动鞋</h2><sellahead-promise id="zh-presale" sku="SKU-PRE" channel="web" lang="zh-CN"></sellahead-promise></article>
</main></body></html>`

describe('the customer’s pages', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let w: World
  let shop: Server
  let shopUrl: string
  const placed: Record<'inStock' | 'delayed', Placed> = {} as never
  const d = (days: number) => inDays(server.t, days)

  async function order(key: string, sku: string, quantity: number): Promise<Placed> {
    const channel = await server.t.auth(`channel:${w.web.id}`)
    const res = await fetch(`${server.baseUrl}/v1/orders`, {
      method: 'POST', headers: { ...channel, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ customerId: `c-${key}`, reference: `shop-${key}`, lines: [{ sku, quantity, unitPrice: 1500 }], fulfilment: { method: 'ship', region: 'east' } }),
    })
    assert.equal(res.status, 201, await res.clone().text())
    return (await res.json()) as Placed
  }

  before(async () => {
    server = await startConsoleServer()
    w = await seedPurchasing(server.t)
    const call = requester(server.t)
    await call('PATCH', '/v1/nodes/WH-E', w.admin, { handlingTimeHours: 0 })
    await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 10 })
    await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', w.admin, { kinds: ['stock', 'po_confirmed'], horizonDays: 60 })
    await call('PUT', '/v1/compensation-policy', w.admin, { kind: 'coupon_per_day_late', perDayMinor: 100, capMinor: 1000 })
    const po = await confirmedPo(server.t, w, 20, 10)
    placed.inStock = await order('in-stock', 'SKU-B', 1)
    placed.delayed = await order('delayed', 'SKU-A', 2)
    await call('POST', `/v1/orders/${placed.delayed.id}/payments`, w.admin, { kind: 'payment', amount: placed.delayed.total, currency: 'CNY', providerRef: 'pay-delayed' }, 201)
    await call('POST', `/v1/purchase-orders/${po.id}/lines/${po.lineId}/eta`, w.s1Auth, { eta: d(13), reason: 'port closed' })
    await call('POST', '/v1/skus', w.admin, { code: 'SKU-PRE', name: 'Presale sneaker' }, 201)
    const campaign = (await call('POST', '/v1/presale-campaigns', w.admin, campaignBody('SKU-PRE', 'WH-E'), 201)).json()
    await call('POST', `/v1/presale-campaigns/${campaign.id}/publish`, w.admin)
    const page = shopPage(server.baseUrl)
    shop = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page))
    await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done))
    const address = shop.address()
    shopUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await new Promise((done) => shop?.close(done))
    await server?.close()
  })

  test('an order’s status page, opened from its statusUrl on a phone: dates, what was ordered, where it comes from, in English and Chinese', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await page.goto(placed.inStock.statusUrl)
    await page.getByRole('heading', { name: 'Order shop-in-stock' }).waitFor()
    const main = page.locator('main')
    await waitForText(main, new RegExp(`Ships by\\s+${enDay(d(0))}`))
    assert.match(await main.innerText(), /Sneaker B/)
    assert.match(await main.innerText(), /In stock in our warehouse/)
    assert.doesNotMatch(await main.innerText(), /WH-E|c-in-stock/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
    await assertAccessible(page, 'status page')
    await screenshot(page, 'status-page')

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
    await page.getByRole('heading', { name: '订单 shop-in-stock' }).waitFor()
    assert.match(await main.innerText(), /仓库现货/)
    await assertAccessible(page, 'status page in Chinese')
    assertNoConsoleErrors(opened, 'status page')
    await opened.context.close()
  })

  test('a delayed order shows the reason, old and new dates and compensation; cancelling for a full refund asks first, then shows the refund', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await page.goto(placed.delayed.statusUrl)
    const delay = page.locator('section.delay')
    await delay.waitFor()
    const words = await delay.innerText()
    assert.match(words, /Your order is delayed/)
    assert.match(words, /Our supplier moved its delivery/)
    assert.match(words, new RegExp(enDay(d(10))), 'the first promise (WH-E ships the day goods arrive)')
    assert.match(words, new RegExp(`${enDay(d(13))}[\\s\\S]*3 days later`))
    assert.match(words, /A coupon of CN¥3\.00/)
    assert.match(await page.locator('main').innerText(), /Waiting for a confirmed supplier delivery/)
    await assertAccessible(page, 'status page with a delay')
    await screenshot(page, 'status-delay')

    await page.getByRole('button', { name: 'Cancel for a full refund' }).click()
    const confirm = page.getByRole('alertdialog')
    await confirm.waitFor()
    assert.match(await confirm.innerText(), /CN¥30\.00 is refunded in full/)
    await page.getByRole('button', { name: 'No, keep my order' }).click()
    assert.equal((await (await fetch(`${server.baseUrl}/v1/order-status/${placed.delayed.statusToken}`)).json()).status, 'paid', 'nothing happens without the confirmation')
    await page.getByRole('button', { name: 'Cancel for a full refund' }).click()
    await page.getByRole('button', { name: 'Yes, cancel and refund' }).click()
    await page.getByRole('heading', { name: 'Your order is cancelled' }).waitFor()
    assert.match(await page.locator('section.cancelled').innerText(), /A full refund of CN¥30\.00 is on its way/)
    assert.equal(await page.getByRole('button', { name: 'Cancel for a full refund' }).count(), 0, 'the offer is gone')
    await page.reload()
    await page.getByRole('heading', { name: 'Your order is cancelled' }).waitFor()
    assert.match(await page.locator('.page-title').innerText(), /Cancelled/)
    await assertAccessible(page, 'cancelled order')
    assertNoConsoleErrors(opened, 'status page cancel')
    await opened.context.close()
  })

  test('a forged token shows not found, and nothing of any order', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    const forged = placed.inStock.statusToken.slice(0, -3) + (placed.inStock.statusToken.at(-3) === 'A' ? 'B' : 'A') + placed.inStock.statusToken.slice(-2)
    await page.goto(`${server.baseUrl}/status/${forged}`)
    await page.getByRole('heading', { name: 'We cannot find this order' }).waitFor()
    assert.doesNotMatch(await page.locator('main').innerText(), /shop-in-stock|Sneaker/)
    await assertAccessible(page, 'status not found')
    forgetRefusals(opened, 404)
    assertNoConsoleErrors(opened, 'status not found')
    await opened.context.close()
  })

  test('the widget, loaded by one script tag on a shop page of another origin, says in stock, future supply and presale in English and Chinese', async () => {
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await page.goto(shopUrl)
    const said = async (id: string) => {
      await page.waitForFunction((id) => {
        const state = document.getElementById(id)?.getAttribute('state')
        return state !== null && state !== undefined && state !== 'checking'
      }, id)
      return page.evaluate((id) => document.getElementById(id)!.shadowRoot!.querySelector('.main')!.textContent, id)
    }
    assert.equal(await said('stock'), 'In stock — ships today')
    assert.match((await said('future'))!, /^Ships by .+ \(waiting for a confirmed supplier delivery\)$/)
    assert.match((await said('presale'))!, /^Presale — deposit ¥20, ships /)
    assert.equal(await said('zh-stock'), '现货 — 今天发货')
    assert.match((await said('zh-future'))!, /发货/)
    assert.match((await said('zh-presale'))!, /^预售 — 定金 ¥20/)
    await assertAccessible(page, 'widget on a shop page')
    await screenshot(page, 'widget')
    assertNoConsoleErrors(opened, 'widget on a shop page')
    await opened.context.close()
  })
})
