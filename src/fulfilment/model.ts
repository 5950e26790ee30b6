/**
 * Shipments (issue 14 item 3): a fulfilment order per node of a sales order. A shipment names
 * the order lines (and how many of their units) one node is to send; its lifecycle is a table
 * (lifecycle.ts). Stock moves only when it ships, through the orders context.
 */
export const shipmentStatuses = ['created', 'released', 'accepted', 'picking', 'packed', 'ready_for_pickup', 'collected', 'expired', 'shipped', 'delivered', 'cancelled'] as const
export type ShipmentStatus = (typeof shipmentStatuses)[number]

/** Statuses in which the node still has work to do: the lines are the shipment's, not the order's. */
export const activeStatuses: readonly ShipmentStatus[] = ['created', 'released', 'accepted', 'picking', 'packed', 'ready_for_pickup']

/** `rejected`: the node gave the line back (not found, damaged); it went on to another node or is held. */
export type ShipmentLineStatus = 'open' | 'rejected'

export interface ShipmentLine {
  lineNo: number
  skuId: string
  quantity: number
  status: ShipmentLineStatus
}

/** One parcel handed to the carrier. */
export interface Package {
  reference: string
  weightGrams?: number
  tracking?: string
}

export interface Shipment {
  id: string
  orderId: string
  channelId: string
  nodeId: string
  status: ShipmentStatus
  /** The shipment this one was split from (the rest of a partial shipment, or a line rejected by another node). */
  splitFromId: string | null
  carrier: string | null
  service: string | null
  tracking: string | null
  packages: Package[]
  createdAtMs: number
  updatedAtMs: number
  shippedAtMs: number | null
  deliveredAtMs: number | null
  lines: ShipmentLine[]
}

export interface ShipmentEvent {
  id: number
  shipmentId: string
  kind: string
  actor: string
  detail: Record<string, unknown>
  atMs: number
}

/** Why a warehouse or store gives a line back. */
export const rejectReasons = ['not_found', 'damaged'] as const
/**
 * Why a supplier turns down a dropship line: it has none (`out_of_stock`: the units leave its
 * allowance at the node), they are damaged (unsellable there), or it cannot send to this address
 * (`cannot_ship`: the units stay sellable for other orders).
 */
export const dropshipRejectReasons = ['out_of_stock', 'damaged', 'cannot_ship'] as const
