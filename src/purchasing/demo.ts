/** Demo purchasing: two suppliers with terms, and purchase orders in the states a buyer meets every day. */
import type { Clock } from '../kernel/clock.ts'
import { invariant, unwrap } from '../kernel/result.ts'
import type { Sku, StockNode } from '../catalogue/index.ts'
import type { Purchasing } from './service.ts'
import type { Suppliers } from './suppliers.ts'
import { dayMs, dayStartOf } from './model.ts'

const by = { actor: 'demo', party: 'buyer' as const }
const supplierParty = { actor: 'demo-supplier', party: 'supplier' as const }

export async function seedDemoPurchasing(
  { suppliers, purchasing, clock }: { suppliers: Suppliers; purchasing: Purchasing; clock: Clock }, skus: Sku[], nodes: StockNode[],
): Promise<{ suppliers: number; purchaseOrders: number }> {
  const made = await Promise.all([
    suppliers.create({ code: 'ACME-APPAREL', name: 'Acme Apparel Co., Ningbo', currency: 'CNY', defaultLeadTimeDays: 21, paymentTerms: { kind: 'net', days: 30 }, contacts: [{ name: 'Li Wei', email: 'orders@acme-apparel.example', role: 'orders' }] }, 'demo'),
    suppliers.create({ code: 'SZ-ELEC', name: 'Shenzhen Electronics Ltd', currency: 'CNY', defaultLeadTimeDays: 10, paymentTerms: { kind: 'prepaid' }, dropship: true }, 'demo'),
  ])
  if (made.some((m) => !m.ok)) return { suppliers: 0, purchaseOrders: 0 } // an existing demo keeps what it has
  const apparel = skus.filter((s) => s.attributes.category === 'apparel').slice(0, 6)
  const electronics = skus.filter((s) => s.attributes.category === 'electronics').slice(0, 4)
  for (const s of apparel) unwrap(await suppliers.setSkuTerms('ACME-APPAREL', s.id, { unitCost: 3900, minOrderQuantity: 50, packSize: 10 }))
  for (const s of electronics) unwrap(await suppliers.setSkuTerms('SZ-ELEC', s.id, { unitCost: 129900, minOrderQuantity: 5, packSize: 5, virtualCap: 100 }))
  const warehouse = nodes.find((n) => n.kind === 'warehouse')
  invariant(warehouse, 'the demo catalogue has a warehouse')
  const today = dayStartOf(clock.nowMs())
  const order = async (supplierId: string, lines: Sku[], quantity: number) =>
    (await purchasing.create({ supplierId, destinationNodeId: warehouse.id, requestedDate: today + 20 * dayMs, lines: lines.map((s) => ({ skuId: s.id, quantity })) }, by)).value

  await order('ACME-APPAREL', apparel.slice(0, 2), 100) // a draft
  const sent = await order('ACME-APPAREL', apparel.slice(2, 4), 200)
  await purchasing.send(sent.id, by)
  const shipped = await order('SZ-ELEC', electronics, 50)
  await purchasing.send(shipped.id, by)
  await purchasing.confirm(shipped.id, shipped.lines.map((l, i) => ({ lineId: l.id, quantityAccepted: i === 0 ? 40 : 50, eta: today + 7 * dayMs })), supplierParty)
  await purchasing.ship(shipped.id, { reference: 'ASN-DEMO-1', carrier: 'SF Express', tracking: 'SF1234567890', eta: today + 3 * dayMs, lines: shipped.lines.slice(0, 2).map((l) => ({ lineId: l.id, quantity: 25 })) }, supplierParty)
  return { suppliers: made.length, purchaseOrders: 3 }
}
