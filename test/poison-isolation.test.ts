/**
 * One bad request never fails another, on both stores. Poison is thrown among honest requests:
 * at the engine, requests that reach the database and fail to write (a NOT NULL value missing,
 * NUL in text, a number past BIGINT, a decision that throws) share a batch with honest ones;
 * over HTTP, prototype names, over-long strings, values a column cannot hold and malformed
 * bodies are mixed with honest orders. Every honest request must succeed, every poisoned one
 * must be refused alone (4xx for its own fault, a rejected promise for a real fault), and the
 * ledger must still equal the fold of its movements.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { newKey, receive, seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { assertProperty } from './helpers/seeds.ts'
import { storeKinds } from '../src/store/testing.ts'
import type { DocumentOp, Op, Outcome, ReserveOp } from '../src/inventory/index.ts'

/** Every name an object inherits: each must be an unknown tier, SKU, node or channel, never a hit. */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype)

type EnginePoison = 'actor_null' | 'nul_reference' | 'hold_past_bigint' | 'decision_throws'
type EngineRequest = { kind: 'honest'; quantity: number } | { kind: EnginePoison }

const engineRequest: fc.Arbitrary<EngineRequest> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map((quantity) => ({ kind: 'honest' as const, quantity })) },
  { weight: 1, arbitrary: fc.constantFrom<EnginePoison>('actor_null', 'nul_reference', 'hold_past_bigint', 'decision_throws').map((kind) => ({ kind })) },
)

for (const kind of await storeKinds()) {
  describe(`one bad request never fails another (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    before(async () => {
      t = await startTestApp(kind)
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 1_000_000)
      await receive(t, w, 'SKU-B', 'WH-E', 1_000_000)
      await requester(t)('PUT', '/v1/promising-settings', w.admin, { paymentWindowMinutes: 60, transitDays: { sameRegion: 1, otherRegion: 3 }, customerTiers: { vip: 5 } })
    })
    after(() => t.close())

    it('in one engine batch: honest requests commit, each poisoned one is refused alone', async (ctx) => {
      const counted = { honest: 0, refused: 0, thrown: 0, batchesWithPoison: 0 }
      await assertProperty(ctx, fc.asyncProperty(fc.array(engineRequest, { minLength: 1, maxLength: 40 }), async (requests) => {
        const before = await t.services.inventory.position(w.skuA.id, w.whEast.id)
        // Submitted in one turn of the event loop, so they share one batch.
        const settled = await Promise.allSettled(requests.map((r) => t.services.inventory.submit(engineOp(w, r))))
        if (requests.some((r) => r.kind !== 'honest') && requests.some((r) => r.kind === 'honest')) counted.batchesWithPoison++
        let held = 0
        settled.forEach((s, i) => {
          const r = requests[i]
          if (r.kind === 'decision_throws') {
            assert.equal(s.status, 'rejected', 'a decision that throws is a real fault: only its caller sees it')
            counted.thrown++
            return
          }
          assert.equal(s.status, 'fulfilled', `${r.kind}: ${s.status === 'rejected' ? s.reason : ''}`)
          const { result } = (s as PromiseFulfilledResult<Outcome>).value
          const storable = r.kind === 'honest' || (kind === 'sqlite' && r.kind !== 'actor_null')
          if (storable) {
            assert.ok(result.ok, `${r.kind} must commit: ${JSON.stringify(result)}`)
            held += r.kind === 'honest' ? r.quantity : 1
            if (r.kind === 'honest') counted.honest++
          } else {
            assert.ok(!result.ok && result.code === 'value_not_storable', `${r.kind} is refused as its own fault: ${JSON.stringify(result)}`)
            counted.refused++
          }
        })
        const now = await t.services.inventory.position(w.skuA.id, w.whEast.id)
        assert.equal(now.reserved - before.reserved, held, 'exactly the committed requests hold stock')
      }), { numRuns: 25, regressionSeeds: [11] })
      assert.ok(counted.honest > 0 && counted.refused > 0 && counted.thrown > 0 && counted.batchesWithPoison > 0, `every case ran: ${JSON.stringify(counted)}`)
      await assertLedgerConsistent(t)
    })

    it('over HTTP: honest orders are placed while poisoned ones get a 4xx problem', async (ctx) => {
      const counted = { honest: 0, poisoned: 0 }
      const sent = { units: 0 }
      const before = await t.services.inventory.position(w.skuB.id, w.whEast.id)
      await assertProperty(ctx, fc.asyncProperty(fc.array(httpRequest, { minLength: 1, maxLength: 30 }), async (requests) => {
        const answers = await Promise.all(requests.map((r) => t.app.inject({
          method: 'POST', url: '/v1/orders',
          headers: { ...w.webAuth, 'content-type': 'application/json', 'idempotency-key': newKey() },
          payload: r.payload,
        })))
        answers.forEach((res, i) => {
          const r = requests[i]
          if (r.honest) {
            assert.equal(res.statusCode, 201, `honest order (${r.label}) must be placed: ${res.body}`)
            sent.units += res.json().lines[0].quantity
            counted.honest++
            return
          }
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `poison (${r.label}) answers 4xx, not ${res.statusCode}: ${res.body}`)
          assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
          assert.equal(typeof res.json().code, 'string')
          counted.poisoned++
        })
      }), { numRuns: 20, regressionSeeds: [5] })
      assert.ok(counted.honest > 0 && counted.poisoned > 0, `both kinds ran: ${JSON.stringify(counted)}`)
      const now = await t.services.inventory.position(w.skuB.id, w.whEast.id)
      assert.equal(now.reserved - before.reserved, sent.units, 'only honest orders hold stock')
      await assertLedgerConsistent(t)
    })
  })
}

function engineOp(w: OrdersWorld, r: EngineRequest): Op {
  const reserve = (over: Partial<ReserveOp>): ReserveOp => ({
    kind: 'reserve', actor: 'test', lines: [{ skuId: w.skuA.id, nodeId: w.whEast.id, quantity: 1 }], atomic: true,
    holdUntilMs: null, channelId: null, reference: null, ...over,
  })
  switch (r.kind) {
    case 'honest': return reserve({ lines: [{ skuId: w.skuA.id, nodeId: w.whEast.id, quantity: r.quantity }] })
    // What a caller bypassing the HTTP schemas could send: the engine must refuse it alone.
    case 'actor_null': return reserve({ actor: null as unknown as string })
    case 'nul_reference': return reserve({ reference: 'ref\u0000with-nul' })
    case 'hold_past_bigint': return reserve({ holdUntilMs: 1e20 })
    case 'decision_throws': {
      const op: DocumentOp = { kind: 'document', actor: 'test', keys: [{ skuId: w.skuA.id, nodeId: w.whEast.id }], decide: () => { throw new Error('a bug in a decision') } }
      return op
    }
  }
}

interface HttpRequest {
  honest: boolean
  label: string
  payload: string
}

const honestOrder = (overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
  customerId: 'c-1', lines: [{ sku: 'SKU-B', quantity: 1, unitPrice: 1999, ...line }], fulfilment: { method: 'ship', region: 'east' }, ...overrides,
})

const asRequest = (honest: boolean, label: string, body: unknown): HttpRequest => ({ honest, label, payload: typeof body === 'string' ? body : JSON.stringify(body) })

/** Honest orders, including ones whose free text happens to be a prototype name or non-Latin text. */
const honestRequest: fc.Arbitrary<HttpRequest> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((quantity) => asRequest(true, 'plain', honestOrder({}, { quantity }))),
  fc.constantFrom(...prototypeNames).map((name) => asRequest(true, `free text ${name}`, honestOrder({ reference: name, fulfilment: { method: 'ship', region: name } }))),
  fc.constant(asRequest(true, 'tier vip', honestOrder({ customerTier: 'vip' }))),
  fc.constant(asRequest(true, 'unicode reference', honestOrder({ reference: '双十一 订单 🎉' }))),
)

const long = 'x'.repeat(10_000)

/** Requests that must be refused before they reach a batch, each for its own reason. */
const poisonRequest: fc.Arbitrary<HttpRequest> = fc.oneof(
  fc.constantFrom(...prototypeNames).map((name) => asRequest(false, `tier ${name}`, honestOrder({ customerTier: name }))),
  fc.constantFrom(...prototypeNames).map((name) => asRequest(false, `sku ${name}`, honestOrder({}, { sku: name.replace(/[^A-Za-z0-9_.:-]/g, '') || 'x' }))),
  fc.constantFrom(...prototypeNames).map((name) => asRequest(false, `node ${name}`, honestOrder({}, { node: name.replace(/[^A-Za-z0-9_.:-]/g, '') || 'x' }))),
  fc.constantFrom(...prototypeNames).map((name) => asRequest(false, `pickup at ${name}`, honestOrder({ fulfilment: { method: 'pickup', nodeId: name.replace(/[^A-Za-z0-9_.:-]/g, '') || 'x' } }))),
  fc.constantFrom(
    asRequest(false, 'over-long customer', honestOrder({ customerId: long })),
    asRequest(false, 'over-long reference', honestOrder({ reference: long })),
    asRequest(false, 'NUL in reference', honestOrder({ reference: 'a\u0000b' })),
    asRequest(false, 'NUL in region', honestOrder({ fulfilment: { method: 'ship', region: '\u0000' } })),
    asRequest(false, 'lone surrogate', honestOrder({ reference: 'a\ud800b' })),
    asRequest(false, 'quantity past BIGINT', honestOrder({}, { quantity: 1e20 })),
    asRequest(false, 'fractional quantity', honestOrder({}, { quantity: 1.5 })),
    asRequest(false, 'negative price', honestOrder({}, { unitPrice: -1 })),
    asRequest(false, 'price past the limit', honestOrder({}, { unitPrice: 1e13 })),
    asRequest(false, 'quantity as text', honestOrder({}, { quantity: '1' })),
    asRequest(false, 'currency unknown', honestOrder({ currency: 'ZZZ' })),
    asRequest(false, 'unknown field', honestOrder({ extra: 1 })),
    asRequest(false, 'no lines', honestOrder({ lines: [] })),
    asRequest(false, 'null body fields', honestOrder({ customerId: null })),
    asRequest(false, '__proto__ key', '{"customerId":"c","lines":[{"sku":"SKU-B","quantity":1,"unitPrice":1}],"fulfilment":{"method":"ship","region":"east"},"__proto__":{"x":1}}'),
    asRequest(false, 'constructor.prototype key', '{"customerId":"c","constructor":{"prototype":{"x":1}},"lines":[],"fulfilment":{"method":"ship","region":"east"}}'),
    asRequest(false, 'not JSON', '{"customerId":'),
    asRequest(false, 'deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`),
  ),
)

const httpRequest: fc.Arbitrary<HttpRequest> = fc.oneof({ weight: 3, arbitrary: honestRequest }, { weight: 2, arbitrary: poisonRequest })
