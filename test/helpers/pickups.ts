/**
 * Buy online, pick up in store, driven over HTTP as a store and a customer do it: a pickup store
 * with stock, a channel selling from it, a pickup order placed and paid, worked to ready (the code
 * read from the customer's notice), and handed over at the counter.
 */
import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import type { World } from './fixtures.ts'
import { newKey } from './orders.ts'

type Auth = { authorization: string }

export interface PickupDesk {
  /** The channel's token (the channel sells from WH-E and ST-1). */
  channel: Auth
  channelId: string
  /** Places a pickup order at ST-1 and pays it in full. */
  placePaid(lines: Array<{ sku: string; quantity: number }>, customerId?: string): Promise<{ id: string; total: number }>
  /** Releases, picks, packs and readies the order's shipment at ST-1; answers its id and the code the customer was sent. */
  ready(orderId: string): Promise<{ shipmentId: string; code: string }>
  /** Hands the shipment over with its code. */
  collect(shipmentId: string, code: string, collectedBy: string): Promise<void>
}

/**
 * Makes ST-1 a pickup store (hold `holdDays`, Shanghai time) with `stock` units of each SKU, and
 * a channel `code` selling from WH-E and ST-1.
 */
export async function pickupDesk(t: TestApp, w: Pick<World, 'admin' | 'whEast' | 'store1'>, options: { code?: string; holdDays?: number; stock?: number } = {}): Promise<PickupDesk> {
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, auth: Auth, payload?: object, status = 200) => {
    const res = await t.app.inject({ method, url, headers: auth, ...(payload !== undefined && { payload }) })
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
    return res.json()
  }
  const code = options.code ?? 'omni'
  const ch = await call('POST', '/v1/channels', w.admin, { code, name: `Omni ${code}`, kind: 'web', nodeIds: [w.whEast.id, w.store1.id], safetyBuffer: 0 }, 201)
  const channel = await t.auth(`channel:${ch.id}`)
  const ops = await t.auth('ops')
  const pay = await t.auth('payments:alipay')
  const store = await t.auth(`store:${w.store1.id}`)
  await call('PATCH', `/v1/nodes/${w.store1.id}`, w.admin, {
    capabilities: ['pickup'], handlingTimeHours: 0, fulfilment: { timeZone: 'Asia/Shanghai', cutoffs: { pickup: '16:00' }, pickupHoldDays: options.holdDays ?? 3 },
  })
  for (const sku of ['SKU-A', 'SKU-B']) await call('POST', '/v1/inventory/receipts', w.admin, { sku, node: 'ST-1', quantity: options.stock ?? 100 })
  return {
    channel,
    channelId: ch.id,
    async placePaid(lines, customerId = 'c-pick') {
      const o = await call('POST', '/v1/orders', { ...channel, 'idempotency-key': newKey() } as Auth, {
        customerId, lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'pickup', nodeId: 'ST-1' }, contact: { name: 'Li Lei', phone: '+8613800000000' },
      }, 201)
      await call('POST', `/v1/orders/${o.id}/payments`, pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      return o
    },
    async ready(orderId) {
      const s = (await call('GET', `/v1/shipments?order=${orderId}`, ops)).items[0]
      for (const step of ['release', 'pick', 'pack']) await call('POST', `/v1/shipments/${s.id}/${step}`, store)
      await call('POST', `/v1/shipments/${s.id}/ready`, store)
      const notice = (await t.services.notifications.ofOrder(orderId)).find((n) => n.kind === 'pickup_ready')
      const sent = notice && /(\d{6})/.exec(notice.body)?.[1]
      assert.ok(sent, 'the customer is sent the pickup code')
      return { shipmentId: s.id, code: sent }
    },
    async collect(shipmentId, pickupCode, collectedBy) {
      await call('POST', `/v1/shipments/${shipmentId}/collect`, store, { code: pickupCode, collectedBy })
    },
  }
}
