import type { Services } from './services.ts'
import { seedDemoCatalogue } from './catalogue/index.ts'
import { seedDemoPurchasing } from './purchasing/index.ts'
import { seedDemoOrders } from './demo-orders.ts'
import { seedDemoReplenishment } from './replenishment/index.ts'

/** Demo stock: deterministic pseudo-random quantities so every demo looks the same. */
export async function seedDemo(services: Services): Promise<{ skus: number; nodes: number; channels: number; positions: number; suppliers: number; purchaseOrders: number; orders: number; suggestions: number }> {
  const { skus, nodes, channels } = await seedDemoCatalogue(services.catalogue)
  let seed = 20261111
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const receipts = []
  for (const sku of skus) {
    for (const node of nodes) {
      if (node.kind === 'dropship' || random() < 0.3) continue
      const quantity = 1 + Math.floor(random() * (node.kind === 'store' ? 20 : 500))
      receipts.push(services.inventory.submit({
        kind: 'receive', skuId: sku.id, nodeId: node.id, quantity, reason: 'demo opening stock', reference: 'DEMO', actor: 'demo',
      }))
    }
  }
  await Promise.all(receipts)
  const purchasing = await seedDemoPurchasing(services, skus, nodes)
  const web = channels.find((c) => c.code === 'web')
  const orders = web ? await seedDemoOrders(services, skus, web) : 0
  const suggestions = await seedDemoReplenishment(services.replenishment, skus, nodes, services.clock.nowMs())
  return { skus: skus.length, nodes: nodes.length, channels: channels.length, positions: receipts.length, ...purchasing, orders, suggestions }
}
