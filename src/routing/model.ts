/**
 * Routing as data: a profile says which candidate nodes may fulfil an order (ordered filters),
 * how the plans that remain are compared (sort criteria, first difference wins), how many
 * shipments an order may split into, and what happens when nothing fits. Shipping zones say how
 * long and how much a parcel takes between regions per service level.
 */

export const filterKinds = ['capability', 'in_region', 'capacity_left', 'available_within', 'priority_groups'] as const
export const criterionKinds = ['earliest_delivery', 'fewest_shipments', 'lowest_cost', 'distance', 'priority', 'most_stock'] as const
export const fallbacks = ['backorder', 'hold', 'refuse'] as const

export type RoutingFilter =
  /** The node has the capability the order needs (`ship`, or `pickup` for an order collected in store). Always applied. */
  | { kind: 'capability' }
  /** The node is in the delivery region. */
  | { kind: 'in_region' }
  /** The node has capacity left on the earliest day it could ship the line (else it is passed over, not promised later). */
  | { kind: 'capacity_left' }
  /** The line can be promised from stock or supply ready within `days` days (null: any supply the sell-ahead policy sells). */
  | { kind: 'available_within'; days: number | null }
  /** Nodes in groups (ids or codes), tried in order: the first group that can fulfil the whole order is used; nodes in no group come last. */
  | { kind: 'priority_groups'; groups: string[][] }

export type SortCriterion =
  /** The latest promised delivery day of the order's lines. */
  | { kind: 'earliest_delivery' }
  | { kind: 'fewest_shipments' }
  /** Shipping (zones) + pick/pack (node) + `splitPenalty` per shipment beyond the first. */
  | { kind: 'lowest_cost' }
  /** Kilometres (haversine) from the node to the delivery coordinates, else the delivery region's centroid; the farthest shipment counts. */
  | { kind: 'distance' }
  /** An explicit list of nodes (ids or codes), first best; nodes not listed come after. */
  | { kind: 'priority'; nodes: string[] }
  /** Most sellable units left at the chosen nodes (keeps thin nodes for the orders only they can serve). */
  | { kind: 'most_stock' }

export type Fallback = (typeof fallbacks)[number]

export interface RoutingProfileBody {
  filters: RoutingFilter[]
  sort: SortCriterion[]
  /** Shipments an order may split into beyond the first (null: no limit). */
  maxSplits: number | null
  /** Minor units added per shipment beyond the first, for `lowest_cost`. */
  splitPenalty: number
  /** No plan passes the filters: place on the best supply anyway, place and hold for a person, or refuse the order. */
  whenNothingFits: Fallback
}

/** A stored profile: its scope (`default` or a channel id) and version (0: the built-in default, never stored). */
export interface RoutingProfile extends RoutingProfileBody {
  scope: string
  version: number
  createdAt: string | null
  actor: string | null
}

/**
 * The built-in default: what Sellahead did before profiles — every line goes where it is
 * delivered soonest, ties to fewer shipments, then to the channel's node order.
 */
export const defaultProfileBody: RoutingProfileBody = {
  filters: [{ kind: 'capability' }, { kind: 'available_within', days: null }],
  sort: [{ kind: 'earliest_delivery' }, { kind: 'fewest_shipments' }],
  maxSplits: null,
  splitPenalty: 0,
  whenNothingFits: 'refuse',
}

export interface RegionCentroid {
  region: string
  latitude: number
  longitude: number
}

/** Transit and cost from one region to another at a service level; `*` matches any region. */
export interface ShippingZone {
  from: string
  to: string
  serviceLevel: string
  transitDays: number
  /** Per shipment, in minor units. */
  cost: number
}

export interface ShippingSettings {
  regions: RegionCentroid[]
  zones: ShippingZone[]
}

export const defaultShipping: ShippingSettings = { regions: [], zones: [] }
export const defaultServiceLevel = 'standard'
