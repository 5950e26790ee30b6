export type { Buckets } from '../kernel/position.ts'
import type { Buckets } from '../kernel/position.ts'

export const bucketNames = ['onHand', 'reserved', 'unsellable', 'locked', 'transferReserved', 'inTransit', 'virtual'] as const
export type BucketName = (typeof bucketNames)[number]

/** Snake-case column per bucket, shared by positions and movements. */
export const bucketColumns: Record<BucketName, string> = {
  onHand: 'on_hand',
  reserved: 'reserved',
  unsellable: 'unsellable',
  locked: 'locked',
  transferReserved: 'transfer_reserved',
  inTransit: 'in_transit',
  virtual: 'virtual',
}

export interface Position extends Buckets {
  skuId: string
  nodeId: string
}

export type Delta = Partial<Buckets>

/** S = I − O − U − L + V − T: what can be sold now. Negative means a shortage. */
export const sellable = (b: Buckets): number =>
  b.onHand - b.reserved - b.unsellable - b.locked + b.virtual - b.transferReserved

/**
 * The position as a channel sees it: the channel's safety buffer is kept back at every node like
 * a lock, so it comes off the shelf first and then off the virtual allowance; the channel's own
 * fence (its active channel locks at the node, ring-fenced stock) is L for everyone else and
 * sellable for it, so it comes back out of L. Reservations, orders, availability, availability to
 * promise and channel availability all see a channel's stock through this, and only this.
 */
export function channelView<P extends Buckets>(p: P, safetyBuffer: number, fence: number): P {
  return safetyBuffer === fence ? p : { ...p, locked: p.locked + safetyBuffer - fence }
}

/**
 * What a channel may sell at one node now: S less the channel's safety buffer plus its own fence
 * (per SKU × node), never below zero. The one answer to "how many can this channel take here".
 */
export const channelSellable = (p: Buckets, safetyBuffer: number, fence: number): number => Math.max(0, sellable(channelView(p, safetyBuffer, fence)))

export const emptyBuckets = (): Buckets => ({
  onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0,
})

export { positionKey } from '../kernel/position.ts'

export type MovementKind =
  | 'receive' | 'count' | 'adjust' | 'mark_unsellable' | 'restore' | 'lock' | 'unlock' | 'set_virtual'
  | 'reserve' | 'release' | 'commit'
  | 'transfer_reserve' | 'transfer_cancel' | 'transfer_ship' | 'transfer_arrive' | 'transfer_receive'

export interface Movement extends Buckets {
  id: number
  skuId: string
  nodeId: string
  kind: MovementKind
  quantity: number
  /** How many requests one coalesced movement stands for (reservations are coalesced per batch). */
  requestCount: number
  reason: string | null
  refType: string | null
  refId: string | null
  batchId: string
  actor: string
  at: string
}

export type ReservationStatus = 'held' | 'committed' | 'released'

export interface Reservation {
  id: string
  skuId: string
  nodeId: string
  quantity: number
  status: ReservationStatus
  channelId: string | null
  reference: string | null
  holdUntilMs: number | null
  actor: string
  createdAtMs: number
  endedAtMs: number | null
  endReason: string | null
}

export interface Lock {
  id: string
  skuId: string
  nodeId: string
  quantity: number
  reason: string
  status: 'active' | 'released'
  /**
   * The channel the units are ring-fenced for, or null for a plain lock. A channel lock is L for
   * everyone and sellable for its channel, whose reservations and orders at the node take its
   * units first (its quantity falls as they do; at 0 it is released).
   */
  channelId: string | null
  releaseAtMs: number | null
  actor: string
  createdAtMs: number
  releasedAtMs: number | null
}

export type TransferStatus = 'reserved' | 'shipped' | 'received' | 'cancelled'

export interface Transfer {
  id: string
  skuId: string
  fromNodeId: string
  toNodeId: string
  quantity: number
  status: TransferStatus
  quantityReceived: number | null
  /** shipped − received, recorded at receipt (positive: lost in transit). */
  discrepancy: number | null
  etaMs: number | null
  carrier: string | null
  tracking: string | null
  actor: string
  createdAtMs: number
  shippedAtMs: number | null
  receivedAtMs: number | null
  cancelledAtMs: number | null
}

/** Midnight UTC of the day an instant falls on: supply is dated by the day. */
export const utcDayOf = (ms: number): number => Math.floor(ms / 86_400_000) * 86_400_000

/** Largest quantity any single request may carry; keeps sums far from 2^53. */
export const maxQuantity = 1_000_000_000
