/**
 * Edges a black-box probe found: idempotency hashes that depended on JSON key order, router
 * errors that answered Fastify's JSON instead of problem+json, tokens for scopes that do not
 * exist, and date-times the schema lets through but Date cannot read.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { movementCount } from './helpers/fixtures.ts'
import { newKey, receive, seedOrders, shipEast, type OrdersWorld } from './helpers/orders.ts'
import { campaignBody } from './helpers/presale.ts'
import { requester } from './helpers/purchasing.ts'
import { canonicalJson } from '../src/http/support.ts'
import { storeKinds } from '../src/store/testing.ts'

type Headers = { authorization: string }

/** A JSON text of `value` with every object's keys in reverse order (arrays keep theirs). */
function reversedKeys(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(reversedKeys).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).reverse()
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reversedKeys(v)}`).join(',')}}`
}

function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, res.body)
  const problem = JSON.parse(res.body)
  assert.equal(problem.code, code, res.body)
  assert.equal(problem.status, status)
  assert.equal(problem.type, `https://sellahead.dev/problems/${code}`)
  assert.equal(typeof problem.title, 'string')
  assert.equal(typeof problem.detail, 'string')
  return problem
}

/** Sends raw bytes to a listening server and answers what comes back before it closes. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => { received += chunk })
    socket.on('error', (error) => (received ? resolve(received) : reject(error)))
    socket.on('close', () => resolve(received))
    socket.write(bytes)
  })
}

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))

function sellahead(sqlitePath: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, SELLAHEAD_DB: sqlitePath, DATABASE_URL: '', LOG_LEVEL: 'warn' }
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

test('canonical JSON sorts object keys at every depth and keeps array order', () => {
  const a = { lines: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }], fulfilment: { region: 'east', method: 'ship' } }
  const b = JSON.parse(reversedKeys(a))
  assert.notEqual(JSON.stringify(a), JSON.stringify(b), 'the two texts differ as received')
  assert.equal(canonicalJson(a), canonicalJson(b))
  assert.equal(canonicalJson(a), '{"fulfilment":{"method":"ship","region":"east"},"lines":[{"quantity":1,"sku":"A"},{"quantity":2,"sku":"B"}]}')
  assert.notEqual(canonicalJson({ lines: [1, 2] }), canonicalJson({ lines: [2, 1] }), 'array order is meaning')
  assert.equal(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}')), '{"__proto__":{"x":1},"b":1}', 'a member named __proto__ stays a member')
  assert.equal(canonicalJson({ b: 1, skip: undefined }), '{"b":1}', 'as JSON.stringify: undefined members are left out')
  assert.equal(canonicalJson(null), 'null')
  assert.equal(canonicalJson(undefined), 'null')
  const sorted = JSON.parse(canonicalJson(a))
  assert.equal(canonicalJson(sorted), JSON.stringify(sorted), 'a value already in order is written as it is')
  assert.equal(canonicalJson({ a: { d: 1, c: 2 }, b: 1 }), '{"a":{"c":2,"d":1},"b":1}', 'one nested object out of order is enough to sort')
})

for (const kind of await storeKinds()) {
  describe(`HTTP edges on ${kind}`, () => {
    let t: TestApp
    let w: OrdersWorld
    const call = () => requester(t)

    before(async () => {
      t = await startTestApp(kind)
      w = await seedOrders(t)
      await receive(t, w, 'SKU-A', 'WH-E', 2_000)
    })
    after(() => t.close())

    describe('idempotency ignores JSON key order', () => {
      const post = (url: string, headers: Headers, key: string, text: string) =>
        t.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': key, 'content-type': 'application/json' }, payload: text })

      test('an order retried with its keys in another order replays; another body is still refused', async () => {
        const body = { customerId: 'c-edge', reference: 'EDGE-1', fulfilment: shipEast, lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1999 }, { sku: 'SKU-A', quantity: 2, unitPrice: 999 }] }
        const key = newKey()
        const first = await post('/v1/orders', w.webAuth, key, JSON.stringify(body))
        assert.equal(first.statusCode, 201, first.body)
        const retry = await post('/v1/orders', w.webAuth, key, reversedKeys(body))
        assert.equal(retry.statusCode, 201, retry.body)
        assert.equal(retry.headers['idempotent-replayed'], 'true')
        assert.equal(retry.json().id, first.json().id)
        const orders = await t.services.db.all<{ id: string }>('SELECT id FROM orders WHERE customer_id = ?', ['c-edge'])
        assert.equal(orders.length, 1, 'one order, not two')

        const other = await post('/v1/orders', w.webAuth, key, JSON.stringify({ ...body, lines: [...body.lines].reverse() }))
        assertProblem(other, 422, 'idempotency_key_reused')
      })

      test('a bulk reservation of 1,000 lines retried with reordered keys replays', async () => {
        const body = { atomic: true, holdSeconds: 600, reference: 'EDGE-BULK', lines: Array.from({ length: 1000 }, () => ({ sku: 'SKU-A', node: 'WH-E', quantity: 1 })) }
        const key = newKey()
        const first = await post('/v1/reservations/bulk', w.admin, key, JSON.stringify(body))
        assert.equal(first.statusCode, 201, first.body.slice(0, 500))
        const retry = await post('/v1/reservations/bulk', w.admin, key, reversedKeys(body))
        assert.equal(retry.statusCode, 201, retry.body.slice(0, 500))
        assert.equal(retry.headers['idempotent-replayed'], 'true')
        assert.deepEqual(retry.json(), first.json())
        const changed = await post('/v1/reservations/bulk', w.admin, key, JSON.stringify({ ...body, holdSeconds: 601 }))
        assertProblem(changed, 422, 'idempotency_key_reused')
      })
    })

    describe('framework errors are problem+json', () => {
      test('a path parameter over 100 characters is 414 path_too_long, with or without a token', async () => {
        for (const headers of [w.admin, {}]) {
          for (const url of [`/v1/orders/${'o'.repeat(101)}`, `/v1/skus/${'s'.repeat(300)}`, `/v1/orders/${'o'.repeat(101)}/timeline`]) {
            const problem = assertProblem(await t.app.inject({ method: 'GET', url, headers }), 414, 'path_too_long')
            assert.equal(problem.instance, url)
          }
        }
        const atTheLimit = await t.app.inject({ method: 'GET', url: `/v1/orders/${'o'.repeat(100)}`, headers: w.admin })
        assert.equal(atTheLimit.statusCode, 404, '100 characters still reach the route')
      })

      test('a malformed percent-encoding in the path is 400 invalid_url', async () => {
        for (const url of ['/v1/orders/%E0%A4%A', '/v1/skus/%zz', '/v1/nodes/%C0%AF']) {
          for (const headers of [w.admin, {}]) assertProblem(await t.app.inject({ method: 'GET', url, headers }), 400, 'invalid_url')
        }
      })

      test('requests the HTTP parser refuses answer problem+json on the socket', async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' })
        const address = t.app.server.address()
        assert.ok(address && typeof address === 'object')
        const expect = async (bytes: string, status: number, code: string) => {
          const answer = await rawRequest(address.port, bytes)
          const [head, body] = answer.split('\r\n\r\n')
          assert.match(head, new RegExp(`^HTTP/1.1 ${status} `), answer)
          assert.match(head, /content-type: application\/problem\+json/i)
          const problem = JSON.parse(body)
          assert.deepEqual([problem.status, problem.code, problem.type], [status, code, `https://sellahead.dev/problems/${code}`])
        }
        await expect('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n', 400, 'malformed_request')
        await expect(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large')
      })
    })

    describe('tokens name a scope that exists', () => {
      const tokenCount = async () => (await call()('GET', '/v1/tokens', w.admin)).json().items.length
      const create = (role: string) => t.app.inject({ method: 'POST', url: '/v1/tokens', headers: w.admin, payload: { name: `edge ${role}`, role } })

      test('unknown channels, nodes, non-store nodes and unknown suppliers are 422 and create nothing', async () => {
        const before = await tokenCount()
        const cases: Array<[role: string, status: number, code: string]> = [
          ['channel:nonexistent', 422, 'unknown_channel'],
          ['store:nonexistent', 422, 'unknown_node'],
          ['store:WH-E', 422, 'not_a_store'],
          [`store:${w.drop1.id}`, 422, 'not_a_store'],
          ['supplier:nonexistent', 422, 'unknown_supplier'],
          ['root', 400, 'invalid_role'],
        ]
        for (const [role, status, code] of cases) {
          const problem = assertProblem(await create(role), status, code)
          if (status === 422) assert.match(String(problem.detail), new RegExp(role.split(':')[1]), 'the detail names what is missing')
        }
        assert.equal(await tokenCount(), before, 'a refused token is not stored')
      })

      test('existing scopes by id or by code, and any payment provider, are accepted and work', async () => {
        const supplier = (await call()('POST', '/v1/suppliers', w.admin, {
          code: 'EDGE-SUP', name: 'Edge supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30, instalments: null },
        }, 201)).json()
        const roles = [
          `channel:${w.web.id}`, 'channel:web', `store:${w.store1.id}`, 'store:ST-1',
          `supplier:${supplier.id}`, 'supplier:EDGE-SUP', 'supplier:sup1', 'payments:any-provider', 'ops',
        ]
        for (const role of roles) {
          const res = await create(role)
          assert.equal(res.statusCode, 201, `${role}: ${res.body}`)
          assert.equal(res.json().info.role, role)
        }
        const channelToken = (await create('channel:web')).json().token
        const own = await t.app.inject({ method: 'GET', url: `/v1/channels/web`, headers: { authorization: `Bearer ${channelToken}` } })
        assert.equal(own.statusCode, 200, own.body)
      })

      test('Tokens.create itself still makes a token for an unknown scope (for set-up code)', async () => {
        const made = await t.services.tokens.create({ name: 'ghost', role: 'supplier:no-such-supplier' })
        assert.ok(made.ok)
      })

      if (kind === 'sqlite') {
        test('the CLI refuses the same roles with a clear message', async () => {
          const path = t.testDb.sqlitePath!
          const refused = await sellahead(path, 'token', 'create', '--role', 'channel:nonexistent')
          assert.equal(refused.code, 2, refused.stderr)
          assert.match(refused.stderr, /No channel with id or code 'nonexistent'/)
          assert.equal(refused.stdout, '', 'no secret printed')
          const notAStore = await sellahead(path, 'token', 'create', '--role', 'store:WH-E')
          assert.equal(notAStore.code, 2)
          assert.match(notAStore.stderr, /is a warehouse, not a store/)
          const unknownSupplier = await sellahead(path, 'token', 'create', '--role', 'supplier:nonexistent')
          assert.equal(unknownSupplier.code, 2)
          assert.match(unknownSupplier.stderr, /No supplier with id or code 'nonexistent'/)
          const made = await sellahead(path, 'token', 'create', '--role', 'channel:web', '--name', 'cli web')
          assert.equal(made.code, 0, made.stderr)
          assert.match(made.stdout.trim(), /^sh_/)
        })
      }
    })

    describe('date-times the schema lets through but Date cannot read are 400', () => {
      const unreadable = ['2026-12-31T23:59:60Z', '2026-12-31T10:00:00+05']

      test('presale campaigns: startsAt and endsAt, on create and on patch', async () => {
        const c = call()
        const nowMs = t.services.clock.nowMs()
        for (const value of unreadable) {
          for (const field of ['startsAt', 'endsAt']) {
            const res = await t.app.inject({ method: 'POST', url: '/v1/presale-campaigns', headers: w.admin, payload: campaignBody(nowMs, { [field]: value }) })
            const problem = assertProblem(res, 400, 'invalid_request')
            assert.match(String(problem.detail), new RegExp(`^body/${field} `))
            assert.deepEqual((problem.errors as Array<{ path: string }>).map((e) => e.path), [`body/${field}`])
          }
        }
        const draft = (await c('POST', '/v1/presale-campaigns', w.admin, campaignBody(nowMs), 201)).json()
        const patched = await t.app.inject({ method: 'PATCH', url: `/v1/presale-campaigns/${draft.id}`, headers: w.admin, payload: { endsAt: unreadable[0] } })
        assert.match(String(assertProblem(patched, 400, 'invalid_request').detail), /^body\/endsAt /)
        assert.equal((await c('GET', `/v1/presale-campaigns/${draft.id}`, w.admin)).json().endsAt, draft.endsAt, 'unchanged')
      })

      test('locks and transfers: releaseAt and eta; nothing moves', async () => {
        const movements = await movementCount(t)
        for (const value of unreadable) {
          const lock = await t.app.inject({ method: 'POST', url: '/v1/inventory/locks', headers: w.admin, payload: { sku: 'SKU-A', node: 'WH-E', quantity: 1, reason: 'wave', releaseAt: value } })
          assert.match(String(assertProblem(lock, 400, 'invalid_request').detail), /^body\/releaseAt /)
          const transfer = await t.app.inject({ method: 'POST', url: '/v1/transfers', headers: w.admin, payload: { sku: 'SKU-A', from: 'WH-E', to: 'ST-1', quantity: 1, eta: value } })
          assert.match(String(assertProblem(transfer, 400, 'invalid_request').detail), /^body\/eta /)
        }
        assert.equal(await movementCount(t), movements, 'refused locks and transfers moved nothing')
        const open = (await call()('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-E', to: 'ST-1', quantity: 1 }, 201)).json()
        const afterCreate = await movementCount(t)
        const ship = await t.app.inject({ method: 'POST', url: `/v1/transfers/${open.id}/ship`, headers: w.admin, payload: { carrier: 'SF', eta: unreadable[0] } })
        assert.match(String(assertProblem(ship, 400, 'invalid_request').detail), /^body\/eta /)
        assert.equal((await call()('GET', `/v1/transfers/${open.id}`, w.admin)).json().status, 'reserved', 'not shipped')
        assert.equal(await movementCount(t), afterCreate, 'the refused ship moved nothing')
        const valid = await t.app.inject({ method: 'POST', url: `/v1/transfers/${open.id}/ship`, headers: w.admin, payload: { carrier: 'SF', eta: '2026-12-31T23:59:59+05:00' } })
        assert.equal(valid.statusCode, 200, valid.body)
      })
    })
  })
}
