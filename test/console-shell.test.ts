/**
 * The console as a whole: served by the server, sign-in, navigation by role, both languages,
 * a phone's layout, and what it answers without a bundle.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import type { Browser } from 'playwright-core'
import { consoleRoutes } from '../src/http/console.ts'
import { assertAccessible, assertNoConsoleErrors, browserSkip, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, type ConsoleServer } from './helpers/browser.ts'

describe('the console is served by the server', () => {
  let server: ConsoleServer
  before(async () => void (server = await startConsoleServer()))
  after(() => server.close())

  test('/console redirects to /console/, whose page carries a content security policy and is not cached', async () => {
    const redirect = await fetch(`${server.baseUrl}/console`, { redirect: 'manual' })
    assert.equal(redirect.status, 302)
    assert.equal(redirect.headers.get('location'), '/console/')
    const page = await fetch(`${server.baseUrl}/console/orders/ord_x`)
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/)
    assert.equal(page.headers.get('cache-control'), 'no-cache')
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer')
    const status = await fetch(`${server.baseUrl}/status/ost_anything`)
    assert.equal(status.status, 200, 'the customer status link opens the console page, whose router shows the status')
    assert.equal(status.headers.get('referrer-policy'), 'no-referrer')
    const html = await page.text()
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    assert.ok(asset, 'the page loads a hashed script')
    const script = await fetch(`${server.baseUrl}${asset}`)
    assert.equal(script.status, 200)
    assert.match(script.headers.get('cache-control') ?? '', /immutable/)
  })

  test('a missing asset is a 404 problem, and a path escaping the bundle is not served', async () => {
    const missing = await fetch(`${server.baseUrl}/console/assets/nothing-here.js`)
    assert.equal(missing.status, 404)
    assert.equal((await missing.json()).code, 'route_not_found')
    const escape = await fetch(`${server.baseUrl}/console/assets/..%2f..%2fpackage.json`)
    assert.notEqual(escape.status, 200)
  })

  test('without a bundle the console says how to build it', async () => {
    const app = Fastify()
    await app.register(consoleRoutes({ bundleDir: mkdtempSync(join(tmpdir(), 'no-console-')) }))
    const res = await app.inject({ url: '/console/' })
    assert.equal(res.statusCode, 503)
    assert.match(res.body, /npm run build:console/)
    await app.close()
  })

  test('GET /v1/session says who the token is', async () => {
    const admin = await server.t.auth('admin')
    const res = await server.t.app.inject({ url: '/v1/session', headers: admin })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().kind, 'admin')
    assert.equal(res.json().scopeId, null)
    assert.equal(res.json().scopeName, null)
    await server.t.app.inject({ method: 'POST', url: '/v1/channels', headers: admin, payload: { code: 'shop', name: 'The web shop', kind: 'web', nodeIds: [] } })
    const channel = await server.t.app.inject({ url: '/v1/session', headers: await server.t.auth('channel:shop') })
    assert.equal(channel.json().kind, 'channel')
    assert.equal(channel.json().scopeName, 'The web shop', 'a scoped token is greeted by its name')
    const anonymous = await server.t.app.inject({ url: '/v1/session' })
    assert.equal(anonymous.statusCode, 401)
  })
})

describe('signing in to the console in a browser', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  before(async () => {
    server = await startConsoleServer()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('an unknown token is refused in words, with its code, and nothing is stored', async () => {
    const opened = await openPage(browser)
    await opened.page.goto(`${server.baseUrl}/console/`)
    await assertAccessible(opened.page, 'sign-in')
    await screenshot(opened.page, 'sign-in')
    await opened.page.locator('input[name=token]').fill('sk_not_a_real_token')
    await opened.page.locator('form button[type=submit]').click()
    const alert = opened.page.getByRole('alert')
    await alert.waitFor()
    assert.match(await alert.innerText(), /unauthenticated/)
    assert.equal(await opened.page.evaluate(() => sessionStorage.getItem('sellahead.token')), null)
    await opened.context.close()
  })

  test('an admin signs in, switches to Chinese, and every label of the frame changes', async () => {
    const opened = await openPage(browser)
    await signIn(opened.page, server.baseUrl, await server.t.auth('admin'))
    const english = await opened.page.locator('header.top').innerText()
    assert.match(english, /Sign out/)
    assert.match(await opened.page.locator('nav.nav-wide').innerText(), /Purchase orders/)
    await opened.page.locator('header.top select').selectOption('zh-CN')
    await opened.page.getByRole('button', { name: '退出' }).waitFor()
    assert.match(await opened.page.locator('nav.nav-wide').innerText(), /采购订单/)
    assert.doesNotMatch(await opened.page.locator('nav.nav-wide').innerText(), /Purchase orders/)
    assert.equal(await opened.page.evaluate(() => document.documentElement.lang), 'zh-CN')
    await assertAccessible(opened.page, 'console frame in Chinese')
    // Signing out forgets the token.
    await opened.page.getByRole('button', { name: '退出' }).click()
    await opened.page.locator('input[name=token]').waitFor()
    assert.equal(await opened.page.evaluate(() => sessionStorage.getItem('sellahead.token')), null)
    assertNoConsoleErrors(opened, 'sign-in and sign-out')
    await opened.context.close()
  })

  test('the accessibility check itself fails a page with a serious violation', async () => {
    const opened = await openPage(browser)
    await opened.page.setContent('<html lang="en"><body><main><button></button><img src="data:,"></main></body></html>')
    await assert.rejects(assertAccessible(opened.page, 'a broken page'), /button-name|image-alt/)
    await opened.context.close()
  })

  test('on a phone the navigation folds into a menu', async () => {
    const opened = await openPage(browser, { viewport: phone })
    await signIn(opened.page, server.baseUrl, await server.t.auth('ops'))
    assert.equal(await opened.page.locator('.nav-wide').isVisible(), false)
    assert.equal(await opened.page.locator('.nav-narrow summary').isVisible(), true)
    await assertAccessible(opened.page, 'console on a phone')
    assertNoConsoleErrors(opened, 'console on a phone')
    await opened.context.close()
  })
})
