/**
 * What a parcel label needs of a ship order's recipient — name, phone, address; never the e-mail —
 * shown with a shipment to whoever may see the shipment (its node's users, a dropshipping
 * supplier, staff, the order's channel) while it is to be sent or has just been: not once it is
 * cancelled, expired or delivered.
 */
import type { Orders, ShipTo } from '../orders/index.ts'
import type { Shipment, ShipmentStatus } from './model.ts'
import { activeStatuses } from './model.ts'

export type ShippingLabel = Omit<ShipTo, 'email'>

const labelled: readonly ShipmentStatus[] = [...activeStatuses, 'shipped']

/** The label of each shipment that has one, by shipment id (each order's contact opened once). */
export async function labelsOf(orders: Orders, shipments: readonly Shipment[]): Promise<Map<string, ShippingLabel>> {
  const byOrder = new Map<string, Promise<ShippingLabel | undefined>>()
  const labels = new Map<string, ShippingLabel>()
  for (const s of shipments) {
    if (!labelled.includes(s.status)) continue
    if (!byOrder.has(s.orderId)) byOrder.set(s.orderId, labelOfOrder(orders, s.orderId, s.nodeId))
    const label = await byOrder.get(s.orderId)
    if (label) labels.set(s.id, label)
  }
  return labels
}

async function labelOfOrder(orders: Orders, orderId: string, nodeId: string): Promise<ShippingLabel | undefined> {
  const order = await orders.get(orderId)
  if (!order || order.fulfilment.method !== 'ship') return undefined
  return (await orders.contacts.contactFor(order, { kind: 'sender', nodeId })).shipTo
}
