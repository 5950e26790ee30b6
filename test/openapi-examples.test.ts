/**
 * The request examples in /openapi.json are real: replayed in order on a fresh app (on both
 * stores), each creating call answers 201. Only the steps between them that are not creating
 * calls (stock in, sending the PO, publishing the campaign, the clock moving) are the test's own.
 * And the Idempotency-Key is declared exactly where it is read: a call that declares it refuses a
 * malformed key and replays a good one; a call that does not ignores the header.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { requestExamples } from '../src/http/request-examples.ts'

type Doc = { paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ $ref?: string }>; requestBody?: { content: Record<string, { example?: unknown }> } }>> }

for (const kind of await storeKinds()) {
  describe(`the request examples of /openapi.json (${kind})`, () => {
    let t: TestApp
    let admin: { authorization: string }
    const clock = new ManualClock(Date.UTC(2029, 11, 1))
    before(async () => {
      t = await startTestApp(kind, { clock })
      admin = await t.auth('admin')
    })
    after(() => t.close())

    /** The example of an operation, sent to its path (with `ids` in place of its parameters); answers the body. */
    /** `bodyIds`: ids the example names that stand for documents this test made (an example cannot know their ids). */
    async function replay(operationId: string, ids: Record<string, string> = {}, bodyIds: Record<string, string> = {}, as = admin): Promise<{ id: string }> {
      const doc = t.app.swagger() as unknown as Doc
      const [path, method, op] = Object.entries(doc.paths).flatMap(([p, ms]) => Object.entries(ms).map(([m, o]) => [p, m, o] as const))
        .find(([, , o]) => o.operationId === operationId) ?? assert.fail(`no operation ${operationId}`)
      const example = op.requestBody?.content['application/json'].example
      assert.deepEqual(example, requestExamples[operationId], `${operationId} shows its example`)
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? assert.fail(`${operationId} needs {${name}}`))
      const payload = JSON.parse(Object.entries(bodyIds).reduce((text, [from, to]) => text.split(from).join(to), JSON.stringify(example)))
      const send = (key: string) => t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: { ...as, 'idempotency-key': key }, payload })
      if (!(op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey')) {
        const res = await send('not a key')
        assert.equal(res.statusCode, 201, `${operationId} takes no Idempotency-Key, so a malformed one is not read: ${res.body}`)
        return res.json()
      }
      const malformed = await send('not a key')
      assert.deepEqual([malformed.statusCode, malformed.json().code], [400, 'invalid_idempotency_key'], `${operationId} reads its Idempotency-Key`)
      const res = await send(`example-${operationId}`)
      assert.equal(res.statusCode, 201, `${operationId}: ${res.body}`)
      const again = await send(`example-${operationId}`)
      assert.deepEqual([again.statusCode, again.headers['idempotent-replayed'], again.json()], [201, 'true', res.json()], `${operationId} replays`)
      return res.json()
    }
    const step = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: admin, ...(payload && { payload }) })
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`)
      return res.json()
    }

    it('every creating call answers 201 to its example', async () => {
      const replayed: string[] = []
      const run = async (operationId: string, ids?: Record<string, string>, bodyIds?: Record<string, string>, as?: typeof admin) => { replayed.push(operationId); return replay(operationId, ids, bodyIds, as) }
      await run('createSku')
      await run('createNode')
      await step('POST', '/v1/nodes', { code: 'WH-EAST-2', name: 'Ningbo warehouse', kind: 'warehouse', region: 'east' })
      await run('createChannel')
      await run('createToken')
      await step('POST', '/v1/inventory/receipts', { sku: 'TEA-250', node: 'WH-EAST', quantity: 100 })
      await run('lockStock')
      await run('reserveStock')
      await run('reserveStockBulk')
      await run('requestTransfer')
      const supplier = await run('createSupplier')
      await run('enterCreditNote', { id: supplier.id })
      const po = await run('createPurchaseOrder')
      await step('POST', `/v1/purchase-orders/${po.id}/send`)
      await step('POST', `/v1/purchase-orders/${po.id}/confirm`, { lines: [{ line: '1', quantityAccepted: 200, eta: '2030-01-28' }] })
      const receipt = await run('receivePurchaseOrder', { id: po.id })
      await run('addLandedCost', { id: receipt.id })
      await run('createAsn', { id: po.id })
      await run('enterSupplierInvoice')
      await run('sendInvoice', {}, {}, await t.auth('supplier:LONGJING-COOP'))
      const paymentRun = await run('proposePaymentRun')
      await step('POST', `/v1/payment-runs/${paymentRun.id}/approve`)
      await run('recordSupplierPayment', { id: paymentRun.id })
      const order = await run('placeOrder')
      await run('recordPayment', { id: order.id })
      await step('POST', `/v1/orders/${order.id}/ship`, {})
      await step('POST', `/v1/orders/${order.id}/deliver`, {})
      await run('openReturn', {}, { [(requestExamples.openReturn as { order: string }).order]: order.id })
      const campaign = await run('createCampaign')
      await step('POST', `/v1/presale-campaigns/${campaign.id}/publish`)
      clock.advance(Date.UTC(2030, 2, 2) - clock.nowMs())
      await run('placePresaleOrder', { id: campaign.id })
      await run('createWebhookEndpoint')
      await run('planEvent')
      assert.deepEqual(replayed.sort(), Object.keys(requestExamples).sort(), 'every example was replayed')
    })
  })
}
