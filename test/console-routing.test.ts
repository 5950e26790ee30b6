/**
 * The Routing page in a browser: staff read the profile each scope follows, the shipping zones
 * and every node's fulfilment profile; they give a channel its own profile as JSON and see it
 * saved as a version, and a bad one refused in words with nothing changed. In Chinese on a phone.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import {
  assertAccessible, assertNoConsoleErrors, browserSkip, forgetRefusals, launchBrowser, openPage, phone, screenshot, signIn, startConsoleServer, waitForText,
  type ConsoleServer,
} from './helpers/browser.ts'
import { requester } from './helpers/purchasing.ts'

type Auth = { authorization: string }

describe('routing in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let admin: Auth
  let call: ReturnType<typeof requester>

  before(async () => {
    server = await startConsoleServer('sqlite')
    call = requester(server.t)
    admin = await server.t.auth('admin')
    await call('POST', '/v1/nodes', admin, {
      code: 'RO-SH', name: 'Shanghai DC', kind: 'warehouse', region: 'east', capabilities: ['ship'],
      fulfilment: { timeZone: 'Asia/Shanghai', cutoffs: { ship: '16:00' }, closedWeekdays: [0], capacity: { ship: { lines: 500, units: null } }, pickPackCost: { perShipment: 300, perUnit: 20 } },
    }, 201)
    await call('POST', '/v1/nodes', admin, { code: 'RO-BJ', name: 'Beijing DC', kind: 'warehouse', region: 'north', capabilities: ['ship'] }, 201)
    await call('POST', '/v1/channels', admin, { code: 'ro-web', name: 'Web', kind: 'web', nodeIds: ['RO-SH', 'RO-BJ'] }, 201)
    await call('PUT', '/v1/shipping-zones', admin, { regions: [{ region: 'east', latitude: 31.23, longitude: 121.47 }], zones: [{ from: '*', to: '*', serviceLevel: 'standard', transitDays: 2, cost: 900 }] })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('staff read the profiles, zones and node profiles, and give a channel its own profile', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/routing')
    const profiles = page.getByRole('table', { name: 'Routing profiles' })
    await waitForText(profiles, /Default \(every channel without its own\)\s+built in\s+capability, available_within\s+earliest_delivery → fewest_shipments\s+no limit\s+refuse/)
    assert.deepEqual(await page.getByRole('table', { name: 'Shipping zones' }).locator('tbody td').allInnerTexts(), ['*', '*', 'standard', '2', '900'])
    const sh = await page.getByRole('table', { name: 'Node fulfilment profiles' }).locator('tbody tr', { hasText: 'RO-SH' }).innerText()
    assert.match(sh, /Asia\/Shanghai\s+ship 16:00\s+Sun\s+ship 500 lines \/ ∞ units\s+300 \/ 20/)
    await screenshot(page, 'routing')

    await page.getByLabel('For a channel').selectOption({ label: 'ro-web' })
    const editor = page.getByLabel('Profile (JSON)')
    await editor.and(page.locator('textarea')).waitFor()
    for (let i = 0; i < 100 && !(await editor.inputValue()).includes('earliest_delivery'); i++) await page.waitForTimeout(100)
    assert.match(await editor.inputValue(), /"earliest_delivery"/, 'the profile in effect: the default')
    await editor.fill(JSON.stringify({ filters: [{ kind: 'priority_groups', groups: [['RO-XX']] }], sort: [{ kind: 'distance' }] }))
    await page.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(page.getByRole('alert'), /names no node: 'RO-XX'.*invalid_routing_profile/s)
    forgetRefusals(opened, 400)
    assert.equal((await call('GET', '/v1/routing-profiles/ro-web', admin)).json().scope, 'default', 'nothing saved')
    await editor.fill('{ not json')
    await page.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(page.getByRole('alert'), /not valid JSON/)
    await editor.fill(JSON.stringify({ filters: [{ kind: 'capacity_left' }], sort: [{ kind: 'distance' }, { kind: 'lowest_cost' }], maxSplits: 1 }))
    await page.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(page.locator('.routing-editor [aria-live=polite]'), /Saved as version 1\./)
    await waitForText(profiles, /ro-web\s+1\s+capacity_left\s+distance → lowest_cost\s+1\s+refuse/)
    assert.equal((await call('GET', '/v1/routing-profiles/ro-web', admin)).json().version, 1)
    await assertAccessible(page, 'the routing page')
    assertNoConsoleErrors(opened, 'the routing page')
    await opened.context.close()
  })

  test('in Chinese on a phone', async () => {
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/routing')
    await waitForText(page.getByRole('table', { name: '路由规则' }), /默认（没有自有规则的渠道）/)
    await page.getByRole('table', { name: '节点履约设置' }).waitFor()
    await assertAccessible(page, 'the routing page on a phone')
    await opened.context.close()
  })
})
