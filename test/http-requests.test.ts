/** How the API reads a request before any route: the bearer scheme, every schema problem at once, rate limits. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { bearerSecret } from '../src/http/request-checks.ts'
import { storeKinds } from '../src/store/testing.ts'
import { loadConfig } from '../src/config.ts'
import { closeServices } from '../src/services.ts'
import { envFor, hotSkuWorld, startServerProcess } from './helpers/server-process.ts'

type Res = { statusCode: number; headers: Record<string, unknown>; body: string }

function problem(res: Res, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = JSON.parse(res.body)
  assert.equal(body.code, code, res.body)
  return body
}

test('the Bearer scheme is read in any case, with spaces around it', () => {
  for (const header of ['Bearer sh_abc', 'bearer sh_abc', 'BEARER sh_abc', 'BeArEr   sh_abc', '  Bearer sh_abc  ', 'Bearer\tsh_abc']) {
    assert.equal(bearerSecret(header), 'sh_abc', JSON.stringify(header))
  }
  for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Bearersh_abc', 'Basic sh_abc', 'Bearer sh_abc extra', 'Token sh_abc']) {
    assert.equal(bearerSecret(header), undefined, JSON.stringify(header))
  }
})

for (const kind of await storeKinds()) {
  describe(`requests (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    before(async () => {
      t = await startTestApp(kind)
      w = await seedOrders(t)
    })
    after(() => t?.close())

    test('a token is accepted whatever the case of its scheme; a wrong scheme is 401', async () => {
      const secret = w.admin.authorization.slice('Bearer '.length)
      for (const authorization of [`bearer ${secret}`, `BEARER ${secret}`, `  Bearer   ${secret} `]) {
        const res = await t.app.inject({ method: 'GET', url: '/v1/skus?limit=1', headers: { authorization } })
        assert.equal(res.statusCode, 200, authorization)
      }
      const basic = await t.app.inject({ method: 'GET', url: '/v1/skus?limit=1', headers: { authorization: `Basic ${secret}` } })
      assert.equal(problem(basic, 401, 'unauthenticated').detail, 'Send Authorization: Bearer <token>.')
    })

    test('a body with several mistakes is refused once, naming every field in errors and in detail', async () => {
      const before = await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders')
      const res = await t.app.inject({
        method: 'POST', url: '/v1/orders', headers: { ...w.webAuth, 'idempotency-key': 'many-mistakes' },
        payload: { customerId: 'has space', currency: 'CNY', lines: [{ sku: 'SKU-A', quantity: 0, unitPrice: -1, colour: 'red' }], fulfilment: { method: 'ship' } },
      })
      const body = problem(res, 400, 'invalid_request')
      const paths = (body.errors as Array<{ path: string; message: string }>).map((e) => `${e.path} ${e.message}`)
      for (const expected of ['body/customerId must match pattern', 'body/lines/0/quantity must be >= 1', 'body/lines/0/unitPrice must be >= 0',
        'body/lines/0/colour is not allowed', 'body/fulfilment/region is required']) {
        assert.ok(paths.some((p) => p.startsWith(expected)), `${expected} in ${paths.join(' | ')}`)
        assert.ok(String(body.detail).includes(expected), `detail names ${expected}: ${body.detail}`)
      }
      assert.equal(Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))!.n), Number(before!.n), 'nothing placed')
      const query = await t.app.inject({ method: 'GET', url: '/v1/orders?limit=ten&status=lost', headers: w.admin })
      const q = problem(query, 400, 'invalid_request')
      assert.deepEqual((q.errors as Array<{ path: string }>).map((e) => e.path).sort(), ['querystring/limit', 'querystring/status'])
    })
  })
}

describe('rate limits', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('sqlite', { app: { rateLimits: { perTokenPerSecond: 5, perAddressPerSecond: 12 } } })
  })
  after(() => t?.close())

  test('a token over its limit gets 429 rate_limited with Retry-After; another token and public routes go on', async () => {
    const first = await t.auth('admin')
    const second = await t.auth('admin')
    const get = (headers: Record<string, string>, remoteAddress = '10.0.0.1', url = '/v1/skus?limit=1') => t.app.inject({ method: 'GET', url, headers, remoteAddress })
    for (let i = 0; i < 5; i++) assert.equal((await get(first)).statusCode, 200)
    const limited = await get(first)
    const body = problem(limited, 429, 'rate_limited')
    assert.ok(Number(limited.headers['retry-after']) >= 1, 'Retry-After in whole seconds')
    assert.equal(body.limitPerSecond, 5)
    assert.match(String(body.detail), /More than 5 requests a second with this token/)
    assert.equal((await get(second)).statusCode, 200, 'the limit is the token’s own')
    assert.equal((await get({}, '10.0.0.1', '/healthz')).statusCode, 200, 'health checks are never limited')
    await new Promise((resolve) => setTimeout(resolve, Number(limited.headers['retry-after']) * 1000))
    assert.equal((await get(first, '10.0.0.2')).statusCode, 200, 'after Retry-After the token may go on')
  })

  test('an address over its limit gets 429 before its token is even checked', async () => {
    const tokens = await Promise.all(Array.from({ length: 4 }, () => t.auth('admin')))
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/v1/skus?limit=1', headers: tokens[i % 4], remoteAddress: '10.9.9.9' })).statusCode)
    }
    assert.deepEqual(statuses, Array(12).fill(200))
    const guess = await t.app.inject({ method: 'GET', url: '/v1/skus', headers: { authorization: 'Bearer sh_guess' }, remoteAddress: '10.9.9.9' })
    assert.match(String(problem(guess, 429, 'rate_limited').detail), /from this address/)
    const elsewhere = await t.app.inject({ method: 'GET', url: '/v1/skus?limit=1', headers: tokens[0], remoteAddress: '10.9.9.10' })
    assert.equal(elsewhere.statusCode, 200)
  })
})

describe('rate limits from the environment', () => {
  test('SELLAHEAD_RATE_LIMIT_* are whole numbers, 0 (the default) switching a limit off', () => {
    assert.deepEqual([loadConfig({}).rateLimitPerToken, loadConfig({}).rateLimitPerAddress], [0, 0])
    const set = loadConfig({ SELLAHEAD_RATE_LIMIT_PER_TOKEN: '50', SELLAHEAD_RATE_LIMIT_PER_ADDRESS: '200' })
    assert.deepEqual([set.rateLimitPerToken, set.rateLimitPerAddress], [50, 200])
    for (const bad of ['-1', '1.5', 'ten']) {
      assert.throws(() => loadConfig({ SELLAHEAD_RATE_LIMIT_PER_TOKEN: bad }), /SELLAHEAD_RATE_LIMIT_PER_TOKEN must be a whole number/)
    }
  })

  test('a real server started with SELLAHEAD_RATE_LIMIT_PER_TOKEN answers 429 over it', async () => {
    const world = await hotSkuWorld('sqlite', 10)
    const server = await startServerProcess({ ...envFor(world.testDb), SELLAHEAD_RATE_LIMIT_PER_TOKEN: '3' })
    try {
      const get = () => fetch(`${server.url}/v1/skus?limit=1`, { headers: { authorization: `Bearer ${world.token}` } })
      // At once, so all six fall in one second however busy the machine is.
      const statuses = (await Promise.all(Array.from({ length: 6 }, get))).map((r) => r.status).sort()
      assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429])
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
      await closeServices(world.services)
      await world.testDb.cleanup()
    }
  })
})
