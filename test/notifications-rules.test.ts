/** The notifications' pure rules: rendering, the template check, which template a channel uses, the language, and the delivery state. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkTemplate, deliveryStateOf, placeholdersIn, render, shippedTemplates, templateFor, type StoredTemplate } from '../src/notifications/index.ts'
import { compensationSentence, languageFor } from '../src/notifications/decide.ts'
import { defaultSettings, notificationKinds, languages, placeholdersOf } from '../src/notifications/model.ts'

test('render fills every placeholder, spaces inside the braces allowed', () => {
  const out = render({ subject: '订单 {{orderId}}', body: '{{ item }} 将于 {{newShipBy}} 发货' }, { orderId: 'ord_1', item: '2 × 茶杯', newShipBy: '2030-01-05' })
  assert.deepEqual(out, { subject: '订单 ord_1', body: '2 × 茶杯 将于 2030-01-05 发货', missing: [] })
})

test('a placeholder without a value renders empty and is reported, once however often it appears', () => {
  const out = render({ subject: '{{orderId}} {{newShipBy}}', body: 'by {{newShipBy}}; {{compensation}}.' }, { orderId: 'ord_1', newShipBy: null })
  assert.deepEqual(out, { subject: 'ord_1 ', body: 'by ; .', missing: ['newShipBy', 'compensation'] })
})

test('rendering is plain text: a value with braces or markup is inserted as it is and not read again', () => {
  const out = render({ subject: '{{orderId}}', body: '{{item}}' }, { orderId: '{{item}}', item: '<b>x</b>' })
  assert.deepEqual([out.subject, out.body], ['{{item}}', '<b>x</b>'])
})

test('a value named like an Object property is not taken from the prototype', () => {
  assert.deepEqual(render({ subject: '{{constructor}}', body: '{{toString}}' }, {}).missing, ['constructor', 'toString'])
})

test('every shipped template names only its kind’s placeholders and passes the check, in both languages', () => {
  for (const kind of notificationKinds) {
    for (const language of languages) {
      const t = shippedTemplates[kind][language]
      assert.ok(checkTemplate(kind, t).ok, `${kind} ${language}`)
      assert.ok(placeholdersIn(t.body).includes('orderId') || placeholdersIn(t.subject).includes('orderId'), `${kind} ${language} names the order`)
    }
  }
})

test('the check refuses an unknown placeholder with its name, and texts over the limits', () => {
  const unknown = checkTemplate('payment_reminder', { subject: 'Pay {{orderId}}', body: 'Ships {{newShipBy}}' })
  assert.ok(!unknown.ok)
  assert.equal(unknown.code, 'unknown_placeholder')
  assert.equal(unknown.extra?.placeholder, 'newShipBy')
  assert.equal(unknown.extra?.field, 'body')
  assert.deepEqual(unknown.extra?.allowed, placeholdersOf.payment_reminder)
  const long = checkTemplate('delay_notice', { subject: 'x'.repeat(201), body: 'b' })
  assert.ok(!long.ok && long.code === 'template_too_long')
  const longBody = checkTemplate('delay_notice', { subject: 's', body: 'x'.repeat(4001) })
  assert.ok(!longBody.ok && longBody.code === 'template_too_long')
  const empty = checkTemplate('delay_notice', { subject: ' ', body: 'b' })
  assert.ok(!empty.ok && empty.code === 'invalid_template')
  assert.ok(checkTemplate('delay_notice', { subject: 'x'.repeat(200), body: 'y'.repeat(4000) }).ok)
})

test('a channel’s own template wins for that channel only, then the merchant’s default, then the shipped text', () => {
  const stored: StoredTemplate[] = [
    { kind: 'delay_notice', language: 'zh-CN', channelId: null, subject: 'default level', body: 'b', updatedAtMs: 1 },
    { kind: 'delay_notice', language: 'zh-CN', channelId: 'chn_app', subject: 'app only', body: 'b', updatedAtMs: 1 },
  ]
  assert.equal(templateFor('delay_notice', 'zh-CN', 'chn_app', stored).subject, 'app only')
  assert.equal(templateFor('delay_notice', 'zh-CN', 'chn_web', stored).subject, 'default level')
  assert.equal(templateFor('delay_notice', 'en', 'chn_app', stored).subject, shippedTemplates.delay_notice.en.subject)
  assert.equal(templateFor('promise_improved', 'zh-CN', 'chn_app', stored).subject, shippedTemplates.promise_improved['zh-CN'].subject)
})

test('the customer’s language when Sellahead has templates in it, else the merchant’s default', () => {
  assert.equal(languageFor(null, defaultSettings, 'chn_web'), 'zh-CN')
  assert.equal(languageFor('en', defaultSettings, 'chn_web'), 'en')
  assert.equal(languageFor('fr', { ...defaultSettings, defaultLanguage: 'en' }, 'chn_web'), 'en')
  const withChannel = { ...defaultSettings, channelLanguages: { chn_global: 'en' as const } }
  assert.equal(languageFor(null, withChannel, 'chn_global'), 'en', 'the channel’s own default')
  assert.equal(languageFor(null, withChannel, 'chn_web'), 'zh-CN')
  assert.equal(languageFor(null, withChannel, 'constructor'), 'zh-CN', 'not read from the prototype')
})

test('the compensation sentence is in the notice’s language and empty without compensation', () => {
  assert.equal(compensationSentence(0, 'CNY', 'zh-CN'), '')
  assert.match(compensationSentence(1250, 'CNY', 'zh-CN'), /12\.50 CNY/)
  assert.match(compensationSentence(1250, 'CNY', 'en'), /coupon worth 12\.50 CNY/)
})

test('the delivery state: pending while any delivery is, delivered once one is, failed when all failed, no_endpoint when none will come', () => {
  const d = (status: 'pending' | 'delivered' | 'failed') => ({ endpointId: 'whe', status, attempts: 1, lastHttpStatus: null })
  assert.equal(deliveryStateOf([], false), 'no_endpoint')
  assert.equal(deliveryStateOf([], true), 'pending')
  assert.equal(deliveryStateOf([d('pending'), d('delivered')], true), 'pending')
  assert.equal(deliveryStateOf([d('failed'), d('delivered')], true), 'delivered')
  assert.equal(deliveryStateOf([d('failed')], true), 'failed')
})
