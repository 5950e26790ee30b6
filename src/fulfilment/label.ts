/**
 * What a parcel label needs of a ship order's recipient — name, phone, address; never the e-mail —
 * shown with a shipment to whoever may see the shipment (its node's users, a dropshipping
 * supplier, staff, the order's channel) while it is to be sent or has just been: not once it is
 * cancelled, expired or delivered.
 */
import type { Order, Orders, ShipTo } from '../orders/index.ts'
import type { Shipment, ShipmentStatus } from './model.ts'
import { activeStatuses } from './model.ts'

export type ShippingLabel = Omit<ShipTo, 'email'>

const labelled: readonly ShipmentStatus[] = [...activeStatuses, 'shipped']
const isLabelled = (s: Shipment): boolean => labelled.includes(s.status)

/** The orders of these shipments, each read once. */
export function ordersOfShipments(orders: Orders, shipments: readonly Shipment[]): Map<string, Promise<Order | undefined>> {
  return new Map([...new Set(shipments.map((s) => s.orderId))].map((id) => [id, orders.get(id)]))
}

/** The label of each shipment that has one, by shipment id (each order read and its contact opened once; `read`: orders already being read). */
export async function labelsOf(orders: Orders, shipments: readonly Shipment[], read = ordersOfShipments(orders, shipments.filter(isLabelled))): Promise<Map<string, ShippingLabel>> {
  const byOrder = new Map<string, Promise<ShippingLabel | undefined>>()
  const labels = new Map<string, ShippingLabel>()
  for (const s of shipments) {
    if (!isLabelled(s)) continue
    if (!byOrder.has(s.orderId)) byOrder.set(s.orderId, labelOfOrder(orders, read.get(s.orderId)!, s.nodeId))
    const label = await byOrder.get(s.orderId)
    if (label) labels.set(s.id, label)
  }
  return labels
}

async function labelOfOrder(orders: Orders, read: Promise<Order | undefined>, nodeId: string): Promise<ShippingLabel | undefined> {
  const order = await read
  if (!order || order.fulfilment.method !== 'ship') return undefined
  return (await orders.contacts.contactFor(order, { kind: 'sender', nodeId })).shipTo
}
