/** Suppliers over HTTP on both stores: profiles, SKU terms, refusals that change nothing, and who may see what. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { defaultScorecardPolicy } from '../src/purchasing/model.ts'

type Headers = { authorization: string }
const net30 = { kind: 'net', days: 30, instalments: null }
const supplierBody = (code: string, extra: object = {}) => ({ code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14, paymentTerms: net30, ...extra })

for (const kind of await storeKinds()) {
  describe(`suppliers over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World
    let ops: Headers
    const call = () => requester(t)
    const count = async (table: string) => Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n)

    before(async () => {
      t = await startTestApp(kind)
      w = await seedWorld(t)
      ops = await t.auth('ops')
    })
    after(() => t.close())

    it('creates with defaults, reads by id and code, patches only what is sent, lists a page at a time', async () => {
      const c = call()
      const made = (await c('POST', '/v1/suppliers', ops, supplierBody('ACME', {
        contacts: [{ name: 'Li Wei', email: 'li@acme.example', role: 'orders' }],
      }), 201)).json()
      assert.match(made.id, /^sup_/)
      assert.deepEqual(made.contacts, [{ name: 'Li Wei', email: 'li@acme.example', phone: null, role: 'orders' }])
      assert.deepEqual(made.receivingPolicy, { overReceiptTolerancePercent: 0, shortReceipt: 'keep_open', closeWithinPercent: 0 })
      assert.deepEqual([made.dropship, made.active, made.paymentTerms], [false, true, net30])
      for (const ref of [made.id, 'ACME']) assert.equal((await c('GET', `/v1/suppliers/${ref}`, w.admin)).json().id, made.id)

      const patched = (await c('PATCH', '/v1/suppliers/ACME', ops, {
        name: 'Acme Textiles', receivingPolicy: { overReceiptTolerancePercent: 5 }, paymentTerms: { kind: 'instalments', days: 30, instalments: 3 },
      })).json()
      assert.equal(patched.name, 'Acme Textiles')
      assert.deepEqual(patched.receivingPolicy, { overReceiptTolerancePercent: 5, shortReceipt: 'keep_open', closeWithinPercent: 0 }, 'the policy patch is laid over the current one')
      assert.deepEqual(patched.paymentTerms, { kind: 'instalments', days: 30, instalments: 3 })
      assert.deepEqual(patched.contacts, made.contacts, 'fields not sent are kept')
      assert.equal((await c('GET', `/v1/suppliers/${made.id}`, w.admin)).json().name, 'Acme Textiles', 'the cached copy was dropped on write')

      await c('POST', '/v1/suppliers', ops, supplierBody('BETA'), 201)
      const first = (await c('GET', '/v1/suppliers?limit=1', ops)).json()
      assert.equal(first.items.length, 1)
      const rest = (await c('GET', `/v1/suppliers?limit=500&cursor=${first.nextCursor}`, ops)).json()
      assert.deepEqual([...first.items, ...rest.items].map((s: { code: string }) => s.code).sort(), ['ACME', 'BETA'])
      assert.equal(rest.nextCursor, null)
    })

    it('refuses bad suppliers with a stable code and changes nothing', async () => {
      const c = call()
      await c('POST', '/v1/suppliers', ops, supplierBody('GAMMA'), 201)
      const before = { suppliers: await count('suppliers'), outbox: await count('outbox'), gamma: (await c('GET', '/v1/suppliers/GAMMA', ops)).json() }
      const cases: Array<[method: 'POST' | 'PATCH', url: string, body: object, status: number, code: string]> = [
        ['POST', '/v1/suppliers', supplierBody('X1', { colour: 'red' }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', { code: 'X1', name: 'no currency', defaultLeadTimeDays: 1, paymentTerms: net30 }, 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { currency: 'cny' }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { currency: 'ABC' }), 400, 'invalid_currency'],
        ['POST', '/v1/suppliers', supplierBody('X1', { defaultLeadTimeDays: 366 }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { paymentTerms: { kind: 'net' } }), 400, 'invalid_payment_terms'],
        ['POST', '/v1/suppliers', supplierBody('X1', { paymentTerms: { kind: 'instalments', days: 30 } }), 400, 'invalid_payment_terms'],
        ['POST', '/v1/suppliers', supplierBody('X1', { paymentTerms: { kind: 'prepaid', days: 30 } }), 400, 'invalid_payment_terms'],
        ['POST', '/v1/suppliers', supplierBody('X1', { paymentTerms: { kind: 'barter' } }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { receivingPolicy: { closeWithinPercent: 101 } }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { contacts: [{ name: 'x', email: 'not-an-email' }] }), 400, 'invalid_request'],
        ['POST', '/v1/suppliers', supplierBody('X1', { name: '   ' }), 400, 'invalid_name'],
        ['POST', '/v1/suppliers', supplierBody('GAMMA'), 409, 'duplicate_code'],
        ['PATCH', '/v1/suppliers/GAMMA', { code: 'ACME' }, 409, 'duplicate_code'],
        ['PATCH', '/v1/suppliers/GAMMA', {}, 400, 'invalid_request'],
        ['PATCH', '/v1/suppliers/GAMMA', { paymentTerms: { kind: 'net', days: null } }, 400, 'invalid_payment_terms'],
        ['PATCH', '/v1/suppliers/GAMMA', { currency: 'XYZ' }, 400, 'invalid_currency'],
        ['PATCH', '/v1/suppliers/NOPE', { name: 'x' }, 404, 'supplier_not_found'],
      ]
      for (const [method, url, body, status, code] of cases) {
        const res = await c(method, url, ops, body, status)
        assert.equal(res.json().code, code, `${method} ${url} ${JSON.stringify(body)}`)
      }
      assert.deepEqual({ suppliers: await count('suppliers'), outbox: await count('outbox'), gamma: (await c('GET', '/v1/suppliers/GAMMA', ops)).json() }, before)
    })

    it('replays a create with the same Idempotency-Key and refuses the key for another body', async () => {
      const c = call()
      const key = { 'idempotency-key': `sup-${kind}` }
      const first = await c('POST', '/v1/suppliers', ops, supplierBody('DELTA'), 201, key)
      const again = await c('POST', '/v1/suppliers', ops, supplierBody('DELTA'), 201, key)
      assert.equal(again.json().id, first.json().id)
      assert.equal(again.headers['idempotent-replayed'], 'true')
      const other = await c('POST', '/v1/suppliers', ops, supplierBody('EPSILON'), 422, key)
      assert.equal(other.json().code, 'idempotency_key_reused')
      await c('GET', '/v1/suppliers/EPSILON', ops, undefined, 404)
    })

    it('sets SKU terms: a PUT replaces them whole, with defaults; bad terms are refused', async () => {
      const c = call()
      const s = (await c('POST', '/v1/suppliers', ops, supplierBody('TERMS'), 201)).json()
      const set = (await c('PUT', `/v1/suppliers/TERMS/skus/SKU-A`, ops, { supplierSkuCode: 'A-100', unitCost: 1250, minOrderQuantity: 10, packSize: 5, leadTimeDays: 7, virtualCap: 40 })).json()
      assert.deepEqual({ ...set, updatedAt: undefined }, {
        supplierId: s.id, skuId: w.skuA.id, supplierSkuCode: 'A-100', unitCost: 1250, minOrderQuantity: 10, packSize: 5, leadTimeDays: 7, virtualCap: 40, updatedAt: undefined,
      })
      const replaced = (await c('PUT', `/v1/suppliers/${s.id}/skus/${w.skuA.id}`, ops, { unitCost: 1100 })).json()
      assert.deepEqual([replaced.supplierSkuCode, replaced.unitCost, replaced.minOrderQuantity, replaced.packSize, replaced.leadTimeDays, replaced.virtualCap],
        [null, 1100, 1, 1, null, 0], 'fields not sent take their defaults')
      await c('PUT', `/v1/suppliers/TERMS/skus/SKU-B`, ops, { unitCost: 0 })

      const listed = (await c('GET', '/v1/suppliers/TERMS/skus', ops)).json()
      assert.deepEqual(listed.items.map((x: { skuId: string }) => x.skuId).sort(), [w.skuA.id, w.skuB.id].sort())
      assert.equal((await c('GET', '/v1/suppliers/TERMS/skus/SKU-A', ops)).json().unitCost, 1100)
      const terms = await t.services.suppliers.termsFor(t.services.db, s.id, [w.skuA.id, w.skuB.id, w.skuA.id, 'sku_none'])
      assert.deepEqual([...terms.keys()].sort(), [w.skuA.id, w.skuB.id].sort())

      for (const [body, status, code] of [
        [{ unitCost: -1 }, 400, 'invalid_request'],
        [{ unitCost: 1.5 }, 400, 'invalid_request'],
        [{ unitCost: 10, packSize: 0 }, 400, 'invalid_request'],
        [{ unitCost: 10, minOrderQuantity: 0 }, 400, 'invalid_request'],
        [{ unitCost: 10, leadTimeDays: 366 }, 400, 'invalid_request'],
        [{ unitCost: 10, virtualCap: -1 }, 400, 'invalid_request'],
        [{ minOrderQuantity: 3 }, 400, 'invalid_request'],
      ] as const) {
        assert.equal((await c('PUT', '/v1/suppliers/TERMS/skus/SKU-A', ops, body, status)).json().code, code, JSON.stringify(body))
      }
      assert.equal((await c('PUT', '/v1/suppliers/TERMS/skus/NOPE', ops, { unitCost: 1 }, 404)).json().code, 'sku_not_found')
      assert.equal((await c('PUT', '/v1/suppliers/NOPE/skus/SKU-A', ops, { unitCost: 1 }, 404)).json().code, 'supplier_not_found')
      assert.equal((await c('GET', '/v1/suppliers/TERMS/skus/NOPE', ops, undefined, 404)).json().code, 'sku_terms_not_found')
      assert.equal((await c('GET', '/v1/suppliers/TERMS/skus/SKU-A', ops)).json().unitCost, 1100, 'refused PUTs changed nothing')
    })

    it('shows a supplier only itself: another supplier is 404, channels and stores 403, no token 401', async () => {
      const c = call()
      const a = (await c('POST', '/v1/suppliers', ops, supplierBody('ISO-A'), 201)).json()
      const b = (await c('POST', '/v1/suppliers', ops, supplierBody('ISO-B'), 201)).json()
      await c('PUT', `/v1/suppliers/${a.id}/skus/SKU-A`, ops, { unitCost: 100, virtualCap: 10 })
      await c('PUT', `/v1/suppliers/${b.id}/skus/SKU-A`, ops, { unitCost: 100, virtualCap: 10 })
      const tokenA = await t.auth(`supplier:${a.id}`)
      const tokenAByCode = await t.auth('supplier:ISO-A')

      for (const token of [tokenA, tokenAByCode]) {
        assert.equal((await c('GET', `/v1/suppliers/${a.id}`, token)).json().code, 'ISO-A')
        assert.deepEqual((await c('GET', '/v1/suppliers?limit=500', token)).json().items.map((s: { id: string }) => s.id), [a.id])
        assert.equal((await c('GET', '/v1/suppliers/ISO-A/skus', token)).json().items.length, 1)
        await c('GET', '/v1/suppliers/ISO-A/virtual-supply', token)
        await c('GET', '/v1/suppliers/ISO-A/scorecard', token)
      }
      const theirs: Array<['GET' | 'PUT', string, object | undefined]> = [
        ['GET', `/v1/suppliers/${b.id}`, undefined],
        ['GET', '/v1/suppliers/ISO-B', undefined],
        ['GET', `/v1/suppliers/${b.id}/skus`, undefined],
        ['GET', `/v1/suppliers/${b.id}/skus/SKU-A`, undefined],
        ['GET', `/v1/suppliers/${b.id}/virtual-supply`, undefined],
        ['PUT', `/v1/suppliers/${b.id}/virtual-supply/SKU-A/WH-E`, { quantity: 1, leadTimeDays: 2 }],
        ['GET', `/v1/suppliers/${b.id}/scorecard`, undefined],
        ['GET', '/v1/suppliers/NOPE', undefined],
      ]
      for (const [method, url, body] of theirs) {
        assert.equal((await c(method, url, tokenA, body, 404)).json().code, 'supplier_not_found', `${method} ${url}`)
      }
      assert.equal(await count('virtual_supply'), 0, "nothing was declared for the other supplier")

      const staffOnly: Array<['POST' | 'PATCH' | 'PUT' | 'GET', string, object | undefined]> = [
        ['POST', '/v1/suppliers', supplierBody('ISO-C')],
        ['PATCH', `/v1/suppliers/${a.id}`, { name: 'mine now' }],
        ['PUT', `/v1/suppliers/${a.id}/skus/SKU-A`, { unitCost: 1 }],
        ['POST', `/v1/suppliers/${a.id}/scorecard/recompute`, undefined],
        ['GET', '/v1/virtual-supply', undefined],
        ['GET', '/v1/scorecard-policy', undefined],
      ]
      for (const [method, url, body] of staffOnly) await c(method, url, tokenA, body, 403)

      const outsiders = [await t.auth(`channel:${w.web.id}`), await t.auth(`store:${w.store1.id}`)]
      const everyRoute: Array<['GET' | 'POST' | 'PATCH' | 'PUT', string, object | undefined]> = [
        ...theirs.slice(0, 7), ...staffOnly, ['GET', '/v1/suppliers', undefined], ['PUT', '/v1/scorecard-policy', defaultScorecardPolicy],
      ]
      // Roles are checked after the body's shape: every body here is well-formed, so 403 is the role's answer.
      for (const token of outsiders) {
        for (const [method, url, body] of everyRoute) await c(method, url, token, body, 403)
      }
      for (const [method, url] of everyRoute) {
        const res = await t.app.inject({ method, url })
        assert.equal(res.statusCode, 401, `${method} ${url}`)
      }
      const ghost = await t.auth('supplier:does-not-exist')
      assert.deepEqual((await c('GET', '/v1/suppliers', ghost)).json().items, [])
      await c('GET', `/v1/suppliers/${a.id}`, ghost, undefined, 404)
      assert.equal((await c('GET', `/v1/suppliers/${a.id}`, ops)).json().name, 'Supplier ISO-A')
    })

    it('keeps the scorecard policy: staff read it, only admin replaces it, bad policies are refused', async () => {
      const c = call()
      const current = (await c('GET', '/v1/scorecard-policy', ops)).json()
      assert.deepEqual([current.windowDays, current.graceDays, current.thresholds.map((x: { grade: string }) => x.grade)], [90, 0, ['A', 'B', 'C']])
      const policy = { ...current, windowDays: 30, graceDays: 2 }
      await c('PUT', '/v1/scorecard-policy', ops, policy, 403)
      const rising = { ...current, thresholds: [current.thresholds[1], current.thresholds[0], current.thresholds[2]].map((x, i) => ({ ...x, grade: 'ABC'[i] })) }
      assert.equal((await c('PUT', '/v1/scorecard-policy', w.admin, rising, 422)).json().code, 'invalid_scorecard_policy')
      assert.equal((await c('PUT', '/v1/scorecard-policy', w.admin, { ...current, windowDays: 0 }, 400)).json().code, 'invalid_request')
      assert.deepEqual((await c('GET', '/v1/scorecard-policy', ops)).json(), current, 'refusals changed nothing')
      assert.deepEqual((await c('PUT', '/v1/scorecard-policy', w.admin, policy)).json(), policy)
      assert.deepEqual((await c('GET', '/v1/scorecard-policy', ops)).json(), policy)
      const card = (await c('GET', '/v1/suppliers/ACME/scorecard', ops)).json()
      assert.deepEqual([card.windowDays, card.grade, card.receiptLines, card.onTimeRate], [30, null, 0, null], 'the next read follows the new policy')
    })
  })
}
