/**
 * The answer-vs-contract check every test app runs (test/helpers/contract-check.ts): an answer
 * whose status its operation does not declare, or whose code it does not list, fails the test
 * that got it. Without this, the HTTP tests of every context could pass while /openapi.json lies.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { contractCheckOf } from './helpers/contract-check.ts'

type Responses = Record<string, unknown>
type Paths = Record<string, Record<string, { responses: Responses }>>

const problem = (code: string): string => JSON.stringify({ code })

describe('every test app checks each answer against /openapi.json', () => {
  let t: TestApp
  let admin: { authorization: string }

  before(async () => {
    t = await startTestApp('sqlite')
    admin = await t.auth('admin')
  })
  after(() => t.close())

  test('an answer the operation declares, with a code it lists, passes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/skus/NOPE', headers: admin })
    assert.equal(res.statusCode, 404)
    const contract = contractCheckOf(t.app)
    contract.check('GET', '/v1/skus/NOPE', 404, problem('sku_not_found'))
    contract.check('POST', '/v1/skus', 409, problem('duplicate_code'))
    contract.check('GET', '/v1/skus?limit=9', 200, '{"items":[]}')
  })

  test('a status the operation does not declare fails', () => {
    const contract = contractCheckOf(t.app)
    // Any role may list SKUs: there is no 403 to answer.
    assert.throws(() => contract.check('GET', '/v1/skus', 403, problem('forbidden')), /GET \/v1\/skus answered 403 forbidden, which \/openapi.json does not declare/)
    assert.throws(() => contract.check('GET', '/v1/tokens', 404, problem('token_not_found')), /does not declare/)
  })

  test('a code the operation does not list for that status fails', () => {
    const contract = contractCheckOf(t.app)
    assert.throws(() => contract.check('POST', '/v1/skus', 409, problem('illegal_transition')), /POST \/v1\/skus answered 409 illegal_transition, which \/openapi.json does not list/)
    // A 409 of the orders context is not one a purchase order answers.
    assert.throws(() => contract.check('POST', '/v1/purchase-orders/po_1/send', 409, problem('no_delay_offer')), /does not list/)
  })

  test('a static path is matched before a parameter, as the router does', () => {
    const contract = contractCheckOf(t.app)
    assert.throws(() => contract.check('GET', '/v1/purchase-orders/lifecycle', 404, problem('purchase_order_not_found')), /GET \/v1\/purchase-orders\/lifecycle answered 404/)
    contract.check('GET', '/v1/purchase-orders/po_1', 404, problem('purchase_order_not_found'))
  })

  test('answers given before any route is chosen belong to no operation', () => {
    const contract = contractCheckOf(t.app)
    contract.check('GET', `/v1/skus/${'x'.repeat(101)}`, 414, problem('path_too_long'))
    contract.check('GET', '/v1/nothing-here', 404, problem('route_not_found'))
  })

  test('a body the document says is optional may be left out: the route answers as for an empty one', async () => {
    const paths = (t.app.swagger() as unknown as { paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>> }).paths
    const optional = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).filter(([, op]) => op.requestBody?.required === false).map(([method]) => ({ method, path })))
    assert.ok(optional.length >= 2)
    for (const { method, path } of optional) {
      const url = path.replace(/\{[^}]+\}/g, 'missing')
      const bare = await t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: admin })
      const empty = await t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: admin, payload: {} })
      assert.equal(bare.statusCode, 404, `${method} ${path} without a body: ${bare.body}`)
      assert.equal(bare.json().code, empty.json().code, `${method} ${path}`)
    }
  })

  test('app.inject itself fails on an answer the document does not declare', async () => {
    // The test app's own document, changed here only: the operation no longer declares its 404.
    const paths = (t.app.swagger() as unknown as { paths: Paths }).paths
    const responses = paths['/v1/skus/{sku}'].get.responses
    const declared = responses['404']
    delete responses['404']
    try {
      await assert.rejects(t.app.inject({ method: 'GET', url: '/v1/skus/NOPE', headers: admin }), /GET \/v1\/skus\/\{sku\} answered 404 sku_not_found, which \/openapi.json does not declare/)
    } finally {
      responses['404'] = declared
    }
  })
})
