/**
 * The console's channel pages in a real browser against a real server: staff open a channel and
 * see what it shows, live as stock changes through the API; search and filter it; download an
 * export; add a webhook endpoint to a real local receiver (the secret shown once), see its
 * deliveries in the log, make the receiver fail and replay the failed ones until delivered. A
 * channel token is taken to its own channel and cannot open another. Chinese on a phone too.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { requester } from './helpers/purchasing.ts'
import { Receiver } from './helpers/webhooks.ts'

type Auth = { authorization: string }

describe('channels in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let receiver: Receiver
  let admin: Auth
  let webToken: Auth
  let web: { id: string }
  let call: ReturnType<typeof requester>
  const receive = async (sku: string, node: string, quantity: number) => {
    await call('POST', '/v1/inventory/receipts', admin, { sku, node, quantity })
    await server.t.services.availability.catchUp()
  }

  before(async () => {
    // One attempt per delivery: a 500 fails it at once, so the test replays it rather than waiting out a schedule.
    server = await startConsoleServer('sqlite', { webhooks: { retryScheduleMs: [0], requestTimeoutMs: 2000 } })
    call = requester(server.t)
    admin = await server.t.auth('admin')
    for (const code of ['CH-A', 'CH-B']) await call('POST', '/v1/skus', admin, { code, name: `Sneaker ${code}` }, 201)
    await call('POST', '/v1/nodes', admin, { code: 'CH-W', name: 'East DC', kind: 'warehouse', region: 'east', capabilities: ['ship'] }, 201)
    await call('POST', '/v1/nodes', admin, { code: 'CH-ST', name: 'Store', kind: 'store', region: 'east', capabilities: ['pickup'] }, 201)
    web = (await call('POST', '/v1/channels', admin, { code: 'ch-web', name: 'Web shop', kind: 'web', nodeIds: ['CH-W', 'CH-ST'], lowStockThreshold: 3 }, 201)).json()
    await call('POST', '/v1/channels', admin, { code: 'ch-app', name: 'App', kind: 'app', nodeIds: ['CH-W'] }, 201)
    webToken = await server.t.auth(`channel:${web.id}`)
    await call('POST', '/v1/inventory/receipts', admin, { sku: 'CH-A', node: 'CH-W', quantity: 20 })
    await receive('CH-B', 'CH-W', 2)
    receiver = await Receiver.start()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await receiver?.close()
    await server?.close()
  })

  test('staff open a channel, see its availability change live, search it and download an export', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/channels')
    const list = page.locator('table', { hasText: 'Channels and their feeds' })
    await waitForText(list, /Web shop\s+ch-web\s+6\s+2\s+2\s+2/)
    await assertAccessible(page, 'channel list')
    await screenshot(page, 'channels')
    await page.getByRole('link', { name: 'Web shop' }).click()
    await page.getByRole('heading', { name: 'Channel Web shop' }).waitFor()

    const sample = page.locator('table', { hasText: 'Availability per SKU and scope' })
    await waitForText(sample, /CH-A\s+Whole channel\s+In stock\s+20/)
    assert.match(await sample.innerText(), /CH-B\s+Whole channel\s+Low stock · only 2 left\s+2/)
    assert.match(await sample.innerText(), /CH-A\s+Pickup at CH-ST\s+Out of stock\s+0/)
    const seqBefore = (await call('GET', '/v1/channels/ch-web/availability', admin)).json().seq
    await waitForText(page.locator('.live').first(), new RegExp(`feed position ${seqBefore}`))

    // Stock changes through the API; the projector runs; the page reads the change from the feed.
    await receive('CH-B', 'CH-W', 10)
    await waitForText(sample, /CH-B\s+Whole channel\s+In stock\s+12/)
    const seqAfter = (await call('GET', '/v1/channels/ch-web/availability', admin)).json().seq
    assert.ok(seqAfter > seqBefore)
    await waitForText(page.getByRole('group', { name: 'Feed and deliveries' }), new RegExp(`${seqAfter}\\s+Feed position`))

    await page.getByLabel('SKU', { exact: true }).fill('CH-A')
    await page.getByRole('button', { name: 'Search' }).click()
    await waitForText(sample, /^(?![\s\S]*CH-B)[\s\S]*CH-A/)
    await page.getByLabel('Scope').selectOption({ label: 'Region east' })
    await waitForText(sample, /^(?![\s\S]*(Whole channel|Pickup at))[\s\S]*CH-A\s+Region east\s+In stock\s+20/)
    assert.equal(await sample.locator('tbody tr').count(), 1)
    await page.getByRole('button', { name: 'Clear' }).click()
    await waitForText(sample, /CH-B/)

    // An unknown SKU is the API's refusal, in words.
    await page.getByLabel('SKU', { exact: true }).fill('NOPE')
    await page.getByRole('button', { name: 'Search' }).click()
    await waitForText(page.getByRole('alert').first(), /sku_not_found/)
    forgetRefusals(opened, 404)
    await page.getByRole('button', { name: 'Clear' }).click()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Shopify inventory (JSON)' }).click()])
    assert.equal(download.suggestedFilename(), 'ch-web-shopify-inventory.json')
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'))
    assert.deepEqual(exported.items.find((i: { sku: string }) => i.sku === 'CH-B'), { sku: 'CH-B', location: 'CH-W', available: 12, on_hand: 12, committed: 0, reserved: 0, damaged: 0, safety_stock: 0, incoming: 0 })

    await assertAccessible(page, 'channel page')
    assertNoConsoleErrors(opened, 'channel page')
    await screenshot(page, 'channel')
    await opened.context.close()
  })

  test('staff add a webhook endpoint, see its deliveries, and replay the failed ones until delivered', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/channels/ch-web')
    await page.getByLabel('URL', { exact: true }).fill(receiver.url)
    await page.getByLabel('Topics').fill('availability.changed')
    await page.getByRole('button', { name: 'Add endpoint' }).click()
    const note = page.getByRole('region', { name: 'Signing secret' })
    await note.waitFor()
    const secret = await note.locator('code').innerText()
    assert.match(secret, /^whsec_/)
    assert.match(await note.innerText(), /shown only this once/)
    receiver.secrets.set('current', secret)
    await page.getByRole('button', { name: 'I have stored it' }).click()

    const endpoints = page.locator('table', { hasText: 'Webhook endpoints' })
    await waitForText(endpoints, new RegExp(`${receiver.url.replaceAll('.', '\\.')}\\s+Staff \\(every channel\\)\\s+availability\\.changed\\s+Enabled`))
    await receive('CH-A', 'CH-W', 1)
    await server.t.services.webhooks.step()
    assert.ok(receiver.delivered().length > 0 && receiver.delivered().every((r) => r.verifiedBy.includes('current')))

    await page.getByRole('button', { name: 'Delivery log' }).click()
    const log = page.locator('table', { hasText: 'Delivery log of' })
    await waitForText(log, /availability\.changed\s+\S+\s+Delivered\s+.*200 · \d+ ms/)

    receiver.answer = () => ({ status: 500 })
    await receive('CH-A', 'CH-W', 1)
    await server.t.services.webhooks.step()
    await waitForText(log, /Failed\s+.*500 · \d+ ms/)
    const failed = receiver.received.filter((r) => r.status === 500).length
    assert.ok(failed > 0)

    receiver.answer = () => ({ status: 200 })
    await page.getByRole('button', { name: 'Replay all failed' }).click()
    await waitForText(page.getByRole('status'), new RegExp(`${failed} failed deliveries queued again`))
    await server.t.services.webhooks.step()
    await waitForText(log, /^(?![\s\S]*(Failed|Pending))[\s\S]*Delivered/)
    const replayed = receiver.received.filter((r) => r.status === 200).map((r) => r.id)
    for (const r of receiver.received.filter((x) => x.status === 500)) assert.ok(replayed.includes(r.id), `${r.id} delivered on replay with the same webhook-id`)

    // Disabling and rotating answer at once; the measures count what happened.
    await page.getByRole('button', { name: 'Disable' }).click()
    await waitForText(endpoints, /Disabled/)
    await page.getByRole('button', { name: 'Rotate secret' }).click()
    await waitForText(page.getByRole('region', { name: 'Signing secret' }), /whsec_/)
    const measures = (await call('GET', '/v1/analytics/channels', admin)).json()
    assert.ok(measures.staffWebhooks.delivered >= replayed.length)

    await assertAccessible(page, 'webhook endpoints')
    assertNoConsoleErrors(opened, 'webhook endpoints')
    await screenshot(page, 'channel-webhooks')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Delete' }).click()
    await waitForText(endpoints, /No endpoints yet|Nothing here yet/)
    await opened.context.close()
  })

  test('a channel token goes straight to its own channel and cannot open another', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, webToken, '/console/channels')
    await page.getByRole('heading', { name: 'Channel Web shop' }).waitFor()
    assert.match(page.url(), new RegExp(`/console/channels/${web.id}$`))
    await waitForText(page.locator('table', { hasText: 'Availability per SKU and scope' }), /CH-A\s+Whole channel\s+In stock/)
    assert.equal(await page.getByLabel('Show endpoints of').count(), 0, 'no owner filter: a channel sees its own endpoints')
    assertNoConsoleErrors(opened, 'own channel')

    await page.goto(`${server.baseUrl}/console/channels/ch-app`)
    await waitForText(page.getByRole('alert').first(), /channel_not_found/)
    forgetRefusals(opened, 404)
    assertNoConsoleErrors(opened, 'another channel')
    await opened.context.close()
  })

  test('in Chinese on a phone', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/channels/ch-web')
    await page.getByRole('heading', { name: '渠道 Web shop' }).waitFor()
    const sample = page.locator('table', { hasText: '按 SKU 和范围的可售情况' })
    await waitForText(sample, /CH-A\s+整个渠道\s+有货/)
    for (const label of ['数据流与投递', 'Webhook 端点', '导出']) await page.getByRole('region', { name: label }).waitFor()
    await page.getByRole('button', { name: '添加端点' }).waitFor()
    await assertAccessible(page, 'channel page in Chinese on a phone')
    assertNoConsoleErrors(opened, 'channel page in Chinese on a phone')
    await opened.context.close()
  })
})
