/** The webhooks' pure rules: addresses refused, topics matched, the retry schedule with jitter and Retry-After, the payload. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isRefusedAddress } from '../src/webhooks/address.ts'
import { bodyOf, defaultRetryScheduleMs, endpointWants, nextStep, retryAfterMsOf, topicMatches, unknownTopicOf } from '../src/webhooks/decide.ts'

test('addresses a webhook may not reach: loopback, private, CGNAT, link-local, unique-local, unspecified, multicast, IPv4-mapped', () => {
  for (const address of [
    '127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.1', '100.64.0.1', '100.127.255.255', '169.254.169.254',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '::1', '::', 'fe80::1', 'febf::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:8.8.8.8', '::FFFF:a00:1', 'not-an-address',
  ]) assert.equal(isRefusedAddress(address), true, address)
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:2800:220:1:248:1893:25c8:1946', '2001:4860:4860::8888']) {
    assert.equal(isRefusedAddress(address), false, address)
  }
})

test('topics: exact or prefix ending in ".", empty for all; unknown ones are named', () => {
  assert.equal(topicMatches([], 'order.changed'), true)
  assert.equal(topicMatches(['order.'], 'order.delayed'), true)
  assert.equal(topicMatches(['order.changed'], 'order.delayed'), false)
  assert.equal(topicMatches(['order'], 'order.changed'), false)
  assert.equal(unknownTopicOf(['order.', 'availability.changed', 'inventory.']), undefined)
  assert.equal(unknownTopicOf(['order.changed', 'orders.']), 'orders.')
})

test("a channel's endpoint wants only its channel's events, from its creation on, while enabled", () => {
  const event = { id: 7, topic: 'availability.changed', subject: 'sku@node', payload: { channelId: 'chn-1', seq: 1 }, at: '2026-01-01T00:00:00.000Z' }
  const atMs = Date.parse(event.at)
  const endpoint = { channelId: 'chn-1', topics: [], enabled: true, createdAtMs: atMs }
  assert.equal(endpointWants(endpoint, event, atMs), true)
  assert.equal(endpointWants({ ...endpoint, channelId: 'chn-2' }, event, atMs), false)
  assert.equal(endpointWants({ ...endpoint, channelId: null }, event, atMs), true)
  assert.equal(endpointWants(endpoint, { ...event, payload: { sku: 'x' } }, atMs), false)
  assert.equal(endpointWants({ ...endpoint, enabled: false }, event, atMs), false)
  assert.equal(endpointWants({ ...endpoint, createdAtMs: atMs + 1 }, event, atMs), false)
  assert.deepEqual(JSON.parse(bodyOf(event)), { type: 'availability.changed', timestamp: event.at, data: { eventId: 7, subject: 'sku@node', channelId: 'chn-1', seq: 1 } })
})

test('the retry schedule: ten attempts over about three days, jitter within ±20 %, Retry-After never undercut, 410 gone, then failed', () => {
  assert.equal(defaultRetryScheduleMs.length, 10)
  const totalHours = defaultRetryScheduleMs.reduce((a, b) => a + b, 0) / 3_600_000
  assert.ok(totalHours > 70 && totalHours < 80, String(totalHours))
  const http500 = { kind: 'http_error', httpStatus: 500, retryAfterMs: null } as const
  assert.deepEqual(nextStep(http500, 1, defaultRetryScheduleMs, 1000, 0), { status: 'pending', nextAttemptAtMs: 6000 })
  assert.deepEqual(nextStep(http500, 1, defaultRetryScheduleMs, 1000, 1), { status: 'pending', nextAttemptAtMs: 7000 })
  assert.deepEqual(nextStep(http500, 1, defaultRetryScheduleMs, 1000, -1), { status: 'pending', nextAttemptAtMs: 5000 })
  assert.deepEqual(nextStep({ ...http500, httpStatus: 503, retryAfterMs: 60_000 }, 1, defaultRetryScheduleMs, 0, 0), { status: 'pending', nextAttemptAtMs: 60_000 })
  assert.deepEqual(nextStep({ ...http500, httpStatus: 410 }, 1, defaultRetryScheduleMs, 0, 0), { status: 'gone' })
  assert.deepEqual(nextStep({ kind: 'timeout' }, 10, defaultRetryScheduleMs, 0, 0), { status: 'failed' })
  assert.deepEqual(nextStep({ kind: 'delivered', httpStatus: 204 }, 3, defaultRetryScheduleMs, 0, 0), { status: 'delivered' })
})

test('Retry-After: seconds or an HTTP date, capped at a day; anything else ignored', () => {
  const nowMs = Date.parse('2026-01-01T00:00:00Z')
  assert.equal(retryAfterMsOf('120', nowMs), 120_000)
  assert.equal(retryAfterMsOf('Thu, 01 Jan 2026 00:05:00 GMT', nowMs), 300_000)
  assert.equal(retryAfterMsOf('Wed, 31 Dec 2025 00:00:00 GMT', nowMs), 0)
  assert.equal(retryAfterMsOf('99999999', nowMs), 86_400_000)
  assert.equal(retryAfterMsOf('soon', nowMs), null)
  assert.equal(retryAfterMsOf(undefined, nowMs), null)
})

test('SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: off unless 1 or true; anything else stops the start', async () => {
  const { loadConfig } = await import('../src/config.ts')
  assert.equal(loadConfig({}).webhooksAllowPrivate, false)
  assert.equal(loadConfig({ SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: '0' }).webhooksAllowPrivate, false)
  assert.equal(loadConfig({ SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooksAllowPrivate, true)
  assert.equal(loadConfig({ SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooksAllowPrivate, true)
  assert.throws(() => loadConfig({ SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE: 'yes' }), /SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE must be 1 or 0/)
})
