/** How an outbox event becomes a NATS subject and body (src/bus/subjects.ts), and the relay's configuration. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { bodyOf, natsSubjectOf, subjectToken } from '../src/bus/index.ts'
import type { FeedEvent } from '../src/events/index.ts'
import { loadConfig } from '../src/config.ts'

const event = (topic: string, subject: string | null, payload: unknown): FeedEvent => ({ id: 7, topic, subject, payload, at: '2026-12-05T03:00:00.000Z' })

describe('NATS subjects', () => {
  it('order and availability events go by channel, the others by their subject', () => {
    assert.equal(natsSubjectOf('sellahead', event('order.changed', 'ord_1', { orderId: 'ord_1', channelId: 'web' })), 'sellahead.order.changed.web')
    assert.equal(natsSubjectOf('sellahead', event('order.delayed', 'ord_1', { channelId: 'ch_2' })), 'sellahead.order.delayed.ch_2')
    assert.equal(natsSubjectOf('sellahead', event('availability.changed', 'sku_1', { channelId: 'shop', skuId: 'sku_1' })), 'sellahead.availability.changed.shop')
    assert.equal(natsSubjectOf('sellahead', event('inventory.changed', 'sku_1@node_1', { skuId: 'sku_1' })), 'sellahead.inventory.changed.sku_1@node_1')
    assert.equal(natsSubjectOf('acme.prod', event('supplier.changed', 'sup_1', {})), 'acme.prod.supplier.changed.sup_1')
  })

  it('a token never holds a separator, a wildcard or whitespace; ids Sellahead makes pass unchanged', () => {
    assert.equal(subjectToken('SKU 1.2*>\t\n'), 'SKU_1_2____')
    assert.equal(subjectToken(''), '_')
    assert.equal(subjectToken(null), '_')
    assert.equal(subjectToken('sku_01HX-9@node_2'), 'sku_01HX-9@node_2')
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const token = subjectToken(text)
      assert.ok(token.length > 0)
      assert.doesNotMatch(token, /[.*>\s\p{Cc}]/u)
    }))
  })

  it('the body is the event as the feed serves it', () => {
    const e = event('order.changed', 'ord_1', { orderId: 'ord_1', channelId: 'web' })
    assert.deepEqual(JSON.parse(JSON.stringify(bodyOf(e))), { id: 7, topic: 'order.changed', subject: 'ord_1', at: '2026-12-05T03:00:00.000Z', payload: { orderId: 'ord_1', channelId: 'web' } })
  })
})

describe('NATS configuration', () => {
  it('is off unless NATS_URL is set; stream and subject prefix have defaults and are checked', () => {
    const plain = loadConfig({})
    assert.deepEqual([plain.natsUrl, plain.natsStream, plain.natsSubjectPrefix], [undefined, 'SELLAHEAD', 'sellahead'])
    const set = loadConfig({ NATS_URL: 'nats://nats:4222', SELLAHEAD_NATS_STREAM: 'ORDERS_1', SELLAHEAD_NATS_SUBJECT_PREFIX: 'acme.prod' })
    assert.deepEqual([set.natsUrl, set.natsStream, set.natsSubjectPrefix], ['nats://nats:4222', 'ORDERS_1', 'acme.prod'])
    for (const bad of ['A.B', 'A B', 'A*', 'a/b']) assert.throws(() => loadConfig({ SELLAHEAD_NATS_STREAM: bad }), /SELLAHEAD_NATS_STREAM/)
    for (const bad of ['a.>', 'a..b', '*', 'a b', '.a']) assert.throws(() => loadConfig({ SELLAHEAD_NATS_SUBJECT_PREFIX: bad }), /SELLAHEAD_NATS_SUBJECT_PREFIX/)
  })
})
