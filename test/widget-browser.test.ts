/**
 * The `<sellahead-promise>` widget in a real Chromium, on a shop page served from another origin
 * than the Sellahead server (so the public route's CORS is what lets it read): the three
 * sentences and unavailable, in English and Chinese, dates and money formatted for the language,
 * a new answer when an attribute changes, role=status, and no axe-core violation.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedPurchasing } from './helpers/purchasing.ts'
import { confirmedPo, inDays } from './helpers/repromise.ts'
import { campaignBody, future } from './helpers/authorization.ts'
import { assertAccessible, browserSkip, launchBrowser, screenshot } from './helpers/browser.ts'

/**
 * A shop's page: the one script tag loading the widget as the server serves it from the console's
 * bundle, and the elements; one names its server with \`api\`, the others find it from the script's URL.
 */
const shopPage = (api: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title><script type="module" src="${api}/console/widget/sellahead-promise.js"></script></head>
<body><main><h1>Sneakers</h1>
<sellahead-promise id="stock" sku="SKU-B" channel="web" region="east" lang="en" api="${api}"></sellahead-promise>
<sellahead-promise id="future" sku="SKU-A" channel="web" lang="en"></sellahead-promise>
<sellahead-promise id="presale" sku="SKU-PRE" channel="web" lang="en"></sellahead-promise>
<sellahead-promise id="none" sku="SKU-NONE" channel="web" lang="en"></sellahead-promise>
<sellahead-promise id="zh-stock" sku="SKU-B" channel="web" lang="zh-CN"></sellahead-promise>
<sellahead-promise id="zh-presale" sku="SKU-PRE" channel="web" lang="zh-CN"></sellahead-promise>
</main></body></html>`

const enDay = (day: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
const zhDay = (day: string) => new Intl.DateTimeFormat('zh-CN', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

describe('the <sellahead-promise> widget in Chromium', { skip: browserSkip }, () => {
  let t: TestApp
  let shop: Server
  let browser: Browser
  let page: Page

  /** The element's rendered sentence once it has an answer. */
  const shown = async (id: string) => {
    await page.waitForFunction((id) => {
      const state = document.getElementById(id)?.getAttribute('state')
      return state !== null && state !== undefined && state !== 'checking'
    }, id)
    return page.evaluate((id) => {
      const el = document.getElementById(id)!
      const line = el.shadowRoot!.querySelector('p')!
      return { state: el.getAttribute('state'), main: line.querySelector('.main')!.textContent, detail: line.querySelector('.detail')!.textContent, role: line.getAttribute('role'), lang: line.lang }
    }, id)
  }

  before(async () => {
    t = await startTestApp('sqlite')
    const w = await seedPurchasing(t)
    const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, status: number) =>
      assert.equal((await t.app.inject({ method, url, headers: w.admin, payload })).statusCode, status, url)
    await call('PATCH', '/v1/nodes/WH-E', { handlingTimeHours: 0 }, 200)
    await call('POST', '/v1/inventory/receipts', { sku: 'SKU-B', node: 'WH-E', quantity: 10 }, 200)
    await call('PUT', '/v1/skus/SKU-A/sell-ahead-policy', { kinds: ['stock', 'po_confirmed'], horizonDays: 60 }, 200)
    await confirmedPo(t, w, 20, 10)
    await call('POST', '/v1/skus', { code: 'SKU-PRE', name: 'Presale sneaker' }, 201)
    await call('POST', '/v1/skus', { code: 'SKU-NONE', name: 'Nothing of it' }, 201)
    const campaign = (await t.app.inject({ method: 'POST', url: '/v1/presale-campaigns', headers: w.admin, payload: campaignBody('SKU-PRE', 'WH-E') })).json()
    await call('POST', `/v1/presale-campaigns/${campaign.id}/publish`, {}, 200)
    const api = await t.app.listen({ host: '127.0.0.1', port: 0 })
    shop = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(api)))
    await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done))
    const address = shop.address()
    browser = await launchBrowser()
    page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
    assert.deepEqual(problems, [])
  })
  after(async () => {
    await browser?.close()
    await new Promise((done) => shop?.close(done))
    await t?.close()
  })

  it('says the three promises and unavailable in English, as a status', async () => {
    assert.deepEqual(await shown('stock'), { state: 'in_stock', main: 'In stock — ships today', detail: `Arrives by ${enDay(inDays(t, 1))}`, role: 'status', lang: 'en' })
    const futureLine = await shown('future')
    assert.equal(futureLine.main, `Ships by ${enDay(inDays(t, 10))} (waiting for a confirmed supplier delivery)`)
    assert.equal((await shown('presale')).main, `Presale — deposit ¥20, ships ${enDay(future(10))}`)
    assert.equal((await shown('none')).main, 'Currently unavailable')
  })

  it('says them in Chinese with Chinese dates', async () => {
    assert.deepEqual([(await shown('zh-stock')).main, (await shown('zh-stock')).lang], ['现货 — 今天发货', 'zh-CN'])
    assert.equal((await shown('zh-presale')).main, `预售 — 定金 ¥20，${zhDay(future(10))}发货`)
  })

  it('asks again when an attribute changes', async () => {
    await page.evaluate(() => document.getElementById('none')!.setAttribute('sku', 'SKU-B'))
    await page.waitForFunction(() => document.getElementById('none')!.getAttribute('state') === 'in_stock')
    assert.equal((await shown('none')).main, 'In stock — ships today')
    await page.evaluate(() => document.getElementById('none')!.setAttribute('lang', 'zh-CN'))
    await page.waitForFunction(() => document.getElementById('none')!.shadowRoot!.querySelector('.main')!.textContent === '现货 — 今天发货')
    await page.evaluate(() => document.getElementById('none')!.setAttribute('channel', 'no-such-channel'))
    await page.waitForFunction(() => document.getElementById('none')!.getAttribute('state') === 'failed')
    assert.equal((await shown('none')).main, '暂时无法获取发货日期')
  })

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    await assertAccessible(page, 'a shop page with the widget')
    await screenshot(page, 'widget')
  })
})
