/**
 * Dropship requests (issue 14 item 4): a shipment at a supplier's dropship node is a request to
 * that supplier to send the lines to the customer itself. This file is how the supplier sees one:
 * its own states, each line with what the customer was promised, and the parcel label's address
 * (label.ts) — never prices, the e-mail or other nodes.
 */
import type { Catalogue, StockNode } from '../catalogue/index.ts'
import type { Orders } from '../orders/index.ts'
import { labelsOf, ordersOfShipments, type ShippingLabel } from './label.ts'
import type { Shipment, ShipmentStatus } from './model.ts'

export const dropshipStatuses = ['requested', 'accepted', 'shipped', 'delivered', 'cancelled'] as const
export type DropshipStatus = (typeof dropshipStatuses)[number]

const shipmentStatusesOf: Record<DropshipStatus, ShipmentStatus[]> = {
  requested: ['created', 'released'],
  accepted: ['accepted'],
  shipped: ['shipped'],
  delivered: ['delivered'],
  cancelled: ['cancelled'],
}

/** The shipment statuses a dropship state stands for (a dropship node has no pick, pack or pickup steps). */
export const statusesOfDropship = (d: DropshipStatus): readonly ShipmentStatus[] => shipmentStatusesOf[d]

export function dropshipStatusOf(s: ShipmentStatus): DropshipStatus {
  for (const d of dropshipStatuses) if (shipmentStatusesOf[d].includes(s)) return d
  // picking, packed: staff worked it through the node steps; to the supplier it is still accepted.
  return s === 'picking' || s === 'packed' ? 'accepted' : 'cancelled'
}

export interface DropshipLine {
  lineNo: number
  skuId: string
  skuCode: string
  skuName: string
  quantity: number
  status: 'open' | 'rejected'
  /** The day the customer was promised this line ships, and is delivered. */
  shipByMs: number | null
  deliverByMs: number | null
}

export interface DropshipRequest {
  shipment: Shipment
  status: DropshipStatus
  supplierId: string
  lines: DropshipLine[]
  /** What a parcel label needs (label.ts); absent once the request is cancelled or delivered, or when the order has none. */
  shipTo?: ShippingLabel
}

/** The dropship nodes, by id: a shipment at any other node is not a dropship request. */
export async function dropshipNodesOf(catalogue: Catalogue): Promise<Map<string, StockNode>> {
  return new Map((await catalogue.listNodes()).filter((n) => n.kind === 'dropship').map((n) => [n.id, n]))
}

/** Each shipment as its supplier sees it (every shipment is at one of `nodes`). */
export async function dropshipRequestsOf(
  shipments: readonly Shipment[], nodes: ReadonlyMap<string, StockNode>, deps: { orders: Orders; catalogue: Catalogue },
): Promise<DropshipRequest[]> {
  const orders = ordersOfShipments(deps.orders, shipments)
  const labels = await labelsOf(deps.orders, shipments, orders)
  return Promise.all(shipments.map(async (s) => {
    const order = await orders.get(s.orderId)!
    const status = dropshipStatusOf(s.status)
    const supplierId = nodes.get(s.nodeId)?.supplierId ?? ''
    const lines = await Promise.all(s.lines.map(async (l): Promise<DropshipLine> => {
      const sku = await deps.catalogue.resolveSku(l.skuId)
      const line = order?.lines.find((o) => o.lineNo === l.lineNo)
      return {
        lineNo: l.lineNo, skuId: l.skuId, skuCode: sku?.code ?? l.skuId, skuName: sku?.name ?? l.skuId, quantity: l.quantity, status: l.status,
        shipByMs: line?.shipByMs ?? null, deliverByMs: line?.deliverByMs ?? null,
      }
    }))
    const shipTo = labels.get(s.id)
    return { shipment: s, status, supplierId, lines, ...(shipTo && { shipTo }) }
  }))
}
