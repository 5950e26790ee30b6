/**
 * Returns in the console, in a real browser against a real server: a store on a phone takes back
 * a web shop's delivered order at its counter — opens the return, receives the unit (on hand,
 * unsellable), grades it A on the inspection screen and sees it restocked by the rule that chose
 * it, the stock sellable again and the refund requested; staff approve a customer's return choosing
 * where it is received, and edit the disposition rules as JSON (refusals in words, then version 1).
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

describe('returns in the console', { skip: browserSkip }, () => {
  let server: ConsoleServer
  let browser: Browser
  let admin: Auth
  let store: { id: string }
  let sku: { id: string }
  let call: ReturnType<typeof requester>
  /** An order of the web shop: placed by its channel token, paid through Alipay, shipped and delivered by staff. */
  const deliveredOrder = async () => {
    const channel = await server.t.auth('channel:rt-web')
    const order = (await call('POST', '/v1/orders', channel, { customerId: 'c-ret', lines: [{ sku: 'RT-KETTLE', quantity: 1, unitPrice: 10_000 }], fulfilment: { method: 'ship', region: 'east' } },
      201, { 'idempotency-key': `console-return-${Date.now()}-${Math.random()}` })).json()
    await call('POST', `/v1/orders/${order.id}/payments`, await server.t.auth('payments:alipay'), { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: `p-${order.id}` }, 201)
    await call('POST', `/v1/orders/${order.id}/ship`, admin, {})
    await call('POST', `/v1/orders/${order.id}/deliver`, admin, {})
    return order as { id: string }
  }
  const returnsOf = async (orderId: string) => (await call('GET', `/v1/returns?order=${orderId}`, admin)).json().items as Array<{ id: string }>

  before(async () => {
    server = await startConsoleServer('sqlite')
    call = requester(server.t)
    admin = await server.t.auth('admin')
    sku = (await call('POST', '/v1/skus', admin, { code: 'RT-KETTLE', name: 'Kettle' }, 201)).json()
    await call('POST', '/v1/nodes', admin, { code: 'RT-WH', name: 'East DC', kind: 'warehouse', region: 'east' }, 201)
    store = (await call('POST', '/v1/nodes', admin, { code: 'RT-ST', name: 'Jing’an store', kind: 'store', region: 'east' }, 201)).json()
    await call('POST', '/v1/channels', admin, { code: 'rt-web', name: 'Web shop', kind: 'web', nodeIds: ['RT-WH'], safetyBuffer: 0 }, 201)
    await call('POST', '/v1/inventory/receipts', admin, { sku: 'RT-KETTLE', node: 'RT-WH', quantity: 10 })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a store on a phone takes back a web order at its counter: receives the unit, grades it A, and it is restocked', async () => {
    const order = await deliveredOrder()
    const opened = await openPage(browser, { viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, await server.t.auth(`store:${store.id}`), '/console/returns')
    await page.getByRole('heading', { name: 'Returns', exact: true }).waitFor()
    const nav = (await page.locator('.nav-narrow nav').textContent()) ?? ''
    assert.match(nav, /Returns queue/)
    assert.doesNotMatch(nav, /Return policy and rules/, 'the rules are staff’s')

    const form = page.getByRole('form', { name: 'Open a return' })
    await form.getByLabel('Order id').fill(order.id)
    await form.getByLabel('Order line number').fill('1')
    await form.getByLabel('Units').fill('1')
    await form.getByLabel('Reason').selectOption({ label: 'Changed their mind' })
    await form.getByLabel('What the customer says (optional)').fill('A gift, never used')
    await form.getByLabel('Photo URL (optional)').fill('https://photos.example/kettle.jpg')
    await form.getByRole('button', { name: 'Open the return' }).click()
    await waitForText(form, /Return rma_\S+ opened: Approved\./)
    const [ret] = await returnsOf(order.id)
    const card = page.getByRole('article', { name: `Return ${ret.id}` })
    await waitForText(card, /Approved[\s\S]*Receiving node: RT-ST[\s\S]*1 × RT-KETTLE · Changed their mind · received 0 of 1 · “A gift, never used”/)
    assert.equal(await card.getByRole('link', { name: 'Photo 1' }).getAttribute('href'), 'https://photos.example/kettle.jpg')

    const before = await server.t.services.inventory.position(sku.id, store.id)
    await card.getByLabel('Line 1 (RT-KETTLE): units arrived').fill('1')
    await card.getByRole('button', { name: 'Receive units' }).click()
    await waitForText(card, /Received[\s\S]*received 1 of 1[\s\S]*Refund: CN¥90\.00 requested/)
    const held = await server.t.services.inventory.position(sku.id, store.id)
    assert.deepEqual([held.onHand - before.onHand, held.unsellable - before.unsellable, held.sellable - before.sellable], [1, 1, 0], 'on hand, unsellable until inspected')
    await assertAccessible(page, 'the returns queue on a phone')

    await card.getByRole('link', { name: 'Inspect units' }).click()
    await page.getByRole('heading', { name: `Inspect return ${ret.id}` }).waitFor()
    const unit = page.getByRole('group', { name: /Line 1, unit 1 · RT-KETTLE · Changed their mind/ })
    await unit.getByLabel(/A — resellable as new/).check()
    await unit.getByLabel('Notes on line 1, unit 1 (optional)').fill('Sealed box')
    await assertAccessible(page, 'the inspection screen on a phone')
    await screenshot(page, 'returns-inspect-phone')
    await page.getByRole('button', { name: 'Record the grades' }).click()
    const judged = page.getByRole('list', { name: 'Units judged' })
    await waitForText(judged, /Line 1, unit 1 · A — resellable as new\s+Restock: sellable again at the receiving node restock\s+Rule: a-restock · “Sealed box”/)
    await waitForText(page.locator('main'), /Recorded 1 unit\.[\s\S]*/)
    await waitForText(page.getByRole('region', { name: `Return ${ret.id}` }), /Closed/)
    assert.equal(await page.getByRole('group', { name: /Line 1, unit 1/ }).count(), 0, 'nothing left to inspect')

    const restocked = await server.t.services.inventory.position(sku.id, store.id)
    assert.deepEqual([restocked.onHand - before.onHand, restocked.unsellable - before.unsellable, restocked.sellable - before.sellable], [1, 0, 1], 'sellable again at the store')
    const detail = (await call('GET', `/v1/returns/${ret.id}`, admin)).json()
    assert.deepEqual([detail.status, detail.refundAmount, detail.units[0].disposition, detail.units[0].ruleId], ['closed', 9_000, 'restock', 'a-restock'],
      'the item less the customer’s return shipping, requested on receipt')
    assert.ok(detail.refundRequestedAt)
    await assertAccessible(page, 'the inspection result on a phone')
    assertNoConsoleErrors(opened, 'the store’s returns')
    await opened.context.close()
  })

  test('staff approve a customer’s return choosing where it is received, and edit the disposition rules as JSON', async () => {
    const order = await deliveredOrder()
    const shop = await server.t.auth('channel:rt-web')
    const asked = (await call('POST', '/v1/returns', shop, {
      order: order.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'damaged_in_transit', note: 'Dented lid', evidence: ['https://photos.example/dent.jpg'] }],
    }, 201)).json()
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, admin, '/console/returns')
    const card = page.getByRole('article', { name: `Return ${asked.id}` })
    await waitForText(card, /Requested[\s\S]*Receiving node: not decided yet[\s\S]*Damaged in transit[\s\S]*Refund: requested by itself once every unit is received/)
    await card.getByLabel('Receive the units at').selectOption({ label: 'RT-WH · East DC' })
    await card.getByRole('button', { name: 'Approve' }).click()
    await waitForText(card, /Approved[\s\S]*Receiving node: RT-WH/)
    assert.equal((await call('GET', `/v1/returns/${asked.id}`, admin)).json().status, 'approved')
    await assertAccessible(page, 'the staff returns queue')
    await screenshot(page, 'returns-queue')

    // Another customer's return the merchant refuses: rejected with the reason the customer is told.
    const second = await deliveredOrder()
    const refused = (await call('POST', '/v1/returns', shop, { order: second.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'customer_remorse' }] }, 201)).json()
    await page.reload()
    const other = page.getByRole('article', { name: `Return ${refused.id}` })
    await waitForText(other, /Requested/)
    await other.locator('summary', { hasText: 'Reject' }).click()
    await other.getByLabel('Reason the customer is told').fill('Used, not as sold')
    await other.getByRole('button', { name: 'Reject' }).click()
    await waitForText(other, /Rejected[\s\S]*Rejected: Used, not as sold[\s\S]*Refund: none/)
    assert.equal((await call('GET', `/v1/returns/${refused.id}`, admin)).json().rejectReason, 'Used, not as sold')

    await page.goto(`${server.baseUrl}/console/returns/settings`)
    const policy = page.getByRole('form', { name: 'Return policy' })
    await waitForText(policy, /In effect: Default \(every channel without its own\), built in \(version 0\)/)
    // The web shop's own policy: a refusal names the field, then a valid one is its version 1.
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'rt-web' })
    const policyJson = policy.getByLabel('Policy (JSON)')
    for (let i = 0; i < 100 && !(await policyJson.inputValue()).includes('windowDays'); i++) await page.waitForTimeout(100)
    const shopPolicy = JSON.parse(await policyJson.inputValue())
    await policyJson.fill(JSON.stringify({ ...shopPolicy, refundStep: 'someday' }))
    await policy.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(policy.getByRole('alert'), /refundStep must be .*invalid_return_policy/s)
    assert.equal((await call('GET', '/v1/return-policies/rt-web', admin)).json().version, 0, 'nothing saved')
    await policyJson.fill(JSON.stringify({ ...shopPolicy, windowDays: 30 }, null, 2))
    await policy.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(policy, /In effect: rt-web, version 1[\s\S]*Saved as version 1\./)
    const stored = (await call('GET', '/v1/return-policies/rt-web', admin)).json()
    assert.deepEqual([stored.version, stored.policy.windowDays], [1, 30])
    const table = page.getByRole('table', { name: 'Rules in effect, built in (version 0)' })
    await waitForText(table, /1\s+a-restock\s+grade A\s+Restock: sellable again at the receiving node/)
    const rules = page.getByRole('form', { name: 'Disposition rules' })
    const editor = rules.getByLabel('Rules (JSON)')
    assert.match(await editor.inputValue(), /"d-defective-to-vendor"/, 'the rules in effect: the built-in ones')
    await editor.fill(JSON.stringify({ rules: [{ id: 'pristine', when: { grades: ['E'] }, then: { kind: 'restock' } }] }))
    await rules.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(rules.getByRole('alert'), /rules\[0\]\.when\.grades\[0\] must be grades \(A, B, C, D\)\..*invalid_disposition_rules/s)
    forgetRefusals(opened, 400)
    assert.equal((await call('GET', '/v1/disposition-rules', admin)).json().version, 0, 'nothing saved')
    await editor.fill('{ "rules": [ not json')
    await rules.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(rules.getByRole('alert'), /This is not valid JSON\./)
    await editor.fill(JSON.stringify({ rules: [
      { id: 'as-new', when: { grades: ['A'] }, then: { kind: 'restock' } },
      { id: 'cheap-scrap', when: { grades: ['C', 'D'], maxUnitValue: 5000 }, then: { kind: 'scrap' } },
      { id: 'rest-refurbish', when: {}, then: { kind: 'refurbish' } },
    ] }, null, 2))
    await rules.getByRole('button', { name: 'Save as a new version' }).click()
    await waitForText(rules, /Saved as version 1\./)
    await waitForText(page.getByRole('table', { name: 'Rules in effect, version 1' }), /2\s+cheap-scrap\s+grade C or D; unit value < 5,000 \(minor units\)\s+Scrap: written off\s+3\s+rest-refurbish\s+any unit/)
    assert.equal((await call('GET', '/v1/disposition-rules', admin)).json().version, 1)
    await assertAccessible(page, 'the return settings')
    await screenshot(page, 'returns-settings')
    assertNoConsoleErrors(opened, 'the return settings')
    await opened.context.close()
  })

  test('in Chinese on a phone, the shop says its customer’s parcel is on its way back', async () => {
    const order = await deliveredOrder()
    const shop = await server.t.auth('channel:rt-web')
    const asked = (await call('POST', '/v1/returns', shop, { order: order.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'wrong_item' }] }, 201)).json()
    await call('POST', `/v1/returns/${asked.id}/approve`, admin, { node: 'RT-WH' })
    const opened = await openPage(browser, { lang: 'zh-CN', viewport: phone })
    const { page } = opened
    await signIn(page, server.baseUrl, shop, '/console/returns')
    const nav = (await page.locator('.nav-narrow nav').textContent()) ?? ''
    assert.match(nav, /退货队列/)
    assert.doesNotMatch(nav, /退货政策与规则/)
    const card = page.getByRole('article', { name: `退货 ${asked.id}` })
    await waitForText(card, /已批准[\s\S]*发错货 · 已收 0 \/ 1/)
    assert.equal(await card.getByRole('form', { name: '收货' }).count(), 0, 'a channel does not receive')
    await card.getByText('登记已寄回').first().click()
    await card.getByLabel('承运商（可选）').fill('SF')
    await card.getByLabel('运单号（可选）').fill('SF-R-1')
    await card.getByRole('button', { name: '登记已寄回' }).click()
    await waitForText(card, /退回途中[\s\S]*退回途中：SF SF-R-1/)
    assert.deepEqual((await call('GET', `/v1/returns/${asked.id}`, admin)).json().tracking, 'SF-R-1')
    await assertAccessible(page, 'the shop’s returns in Chinese on a phone')
    assertNoConsoleErrors(opened, 'the shop’s returns in Chinese')
    await opened.context.close()
  })
  test('staff record a refurbished unit’s repair from the inspection screen, and open an exchange from the queue', async () => {
    const order = await deliveredOrder()
    const ret = (await call('POST', '/v1/returns', admin, { order: order.id, lines: [{ orderLineNo: 1, quantity: 1, reason: 'damaged_in_transit' }], node: 'RT-WH' }, 201)).json()
    await call('POST', `/v1/returns/${ret.id}/approve`, admin, {})
    await call('POST', `/v1/returns/${ret.id}/receive`, admin, { lines: [{ lineNo: 1, quantity: 1 }] })
    const opened = await openPage(browser)
    const { page } = opened
    await signIn(page, server.baseUrl, admin, `/console/returns/${ret.id}/inspect`)
    await page.getByRole('group', { name: /Line 1, unit 1/ }).getByLabel(/C — damaged/).check()
    await page.getByRole('button', { name: 'Record the grades' }).click()
    const judged = page.getByRole('list', { name: 'Units judged' })
    await waitForText(judged, /refurbish/)
    const wh = (await server.t.services.catalogue.resolveNode('RT-WH'))!.id
    const before = await server.t.services.inventory.position(sku.id, wh)
    await judged.getByRole('button', { name: 'Repaired: sellable' }).click()
    await waitForText(judged, /Repaired, sellable again/)
    const after = await server.t.services.inventory.position(sku.id, wh)
    assert.deepEqual([after.sellable - before.sellable, before.unsellable - after.unsellable], [1, 1], 'sellable again at the warehouse')
    assert.equal((await call('GET', `/v1/returns/${ret.id}`, admin)).json().units[0].state, 'repaired')

    const other = await deliveredOrder()
    await page.goto(`${server.baseUrl}/console/returns`)
    const form = page.getByRole('form', { name: 'Open a return' })
    await form.getByLabel('Order id').fill(other.id)
    await form.getByLabel(/an exchange/).check()
    await form.getByRole('button', { name: 'Open the return' }).click()
    await waitForText(form, /Return rma_\S+ opened/)
    const [exchange] = await returnsOf(other.id)
    assert.equal((await call('GET', `/v1/returns/${exchange.id}`, admin)).json().exchange, true)
    await assertAccessible(page, 'the returns queue for staff')
    assertNoConsoleErrors(opened, 'repair and exchange')
    await opened.context.close()
  })
})
