/**
 * Demo orders: a day of trading on the web shop, so the console's dashboard and order pages have
 * something to show. Every order goes through the real paths: placed by the channel (promised
 * from stock, or from the demo's purchase orders when the shelf is short), paid through the
 * payment provider, some shipped, a few cancelled.
 */
import type { Services } from './services.ts'
import { recordPayment } from './orders/index.ts'
import type { Channel, Sku } from './catalogue/index.ts'

const regions = ['east', 'south', 'north']
/** Made-up recipients, one city per region, so an order page shows what a ship-to looks like. */
const cities = [
  { address: { city: 'Shanghai', postalCode: '200040' }, latitude: 31.23, longitude: 121.47 },
  { address: { city: 'Guangzhou', postalCode: '510000' }, latitude: 23.13, longitude: 113.26 },
  { address: { city: 'Beijing', postalCode: '100000' }, latitude: 39.9, longitude: 116.41 },
]

export async function seedDemoOrders(services: Services, skus: Sku[], web: Channel): Promise<number> {
  let seed = 11_11
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  // Placed by the merchant on the web shop's behalf: no Idempotency-Key needed, nothing is retried.
  const by = { actor: 'demo/ops', role: 'ops' }
  const merchant = { actor: 'demo/ops', party: 'merchant' as const }
  const provider = { actor: 'demo/alipay', party: 'provider' as const }
  let placed = 0
  for (let i = 0; i < 60; i++) {
    const sku = skus[Math.floor(random() * skus.length)]
    const quantity = 1 + Math.floor(random() * 3)
    const { result } = await services.orders.place({
      by, channel: web.id, customerId: `demo-customer-${i + 1}`, fulfilment: { method: 'ship', region: regions[i % regions.length] },
      shipTo: {
        name: `Demo Customer ${i + 1}`, phone: `+86 138 0000 ${1000 + i}`, email: `demo-customer-${i + 1}@example.com`,
        ...cities[i % cities.length], address: { line1: `${i + 1} Demo Road`, country: 'CN', ...cities[i % cities.length].address },
      },
      lines: [{ sku: sku.code, quantity, unitPrice: sku.attributes?.category === 'electronics' ? 199_900 : 12_900 }],
    })
    if (!result.ok) continue // sold out everywhere the web shop sells from: a shopper would be told so
    placed++
    const order = result.value
    if (random() < 0.1) {
      await services.orders.act(order.id, 'cancel', merchant, { reason: 'customer changed their mind' })
      continue
    }
    if (random() < 0.8) {
      await recordPayment(services.orders, order.id, { kind: 'payment', amount: order.total, currency: order.currency, providerRef: `DEMO-PAY-${i + 1}` }, 'alipay', provider)
      if (random() < 0.5) await services.orders.act(order.id, 'ship', merchant)
    }
  }
  return placed
}
