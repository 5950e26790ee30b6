import { isoOf } from '../kernel/clock.ts'
import { sellable, type Lock, type Position, type Reservation, type Transfer } from './model.ts'

/** Wire shapes: ISO times, the derived S shown beside the buckets. */
export const positionView = (p: Position) => ({
  skuId: p.skuId,
  nodeId: p.nodeId,
  onHand: p.onHand,
  reserved: p.reserved,
  unsellable: p.unsellable,
  locked: p.locked,
  transferReserved: p.transferReserved,
  inTransit: p.inTransit,
  virtual: p.virtual,
  sellable: sellable(p),
  /** How far S is below zero: orders that must be re-promised. */
  shortage: Math.max(0, -sellable(p)),
})
export type PositionView = ReturnType<typeof positionView>

export const reservationView = (r: Reservation) => ({
  id: r.id,
  skuId: r.skuId,
  nodeId: r.nodeId,
  quantity: r.quantity,
  status: r.status,
  channelId: r.channelId,
  reference: r.reference,
  holdUntil: isoOf(r.holdUntilMs),
  actor: r.actor,
  createdAt: isoOf(r.createdAtMs),
  endedAt: isoOf(r.endedAtMs),
  endReason: r.endReason,
})
export type ReservationView = ReturnType<typeof reservationView>

export const lockView = (l: Lock) => ({
  id: l.id,
  skuId: l.skuId,
  nodeId: l.nodeId,
  quantity: l.quantity,
  reason: l.reason,
  status: l.status,
  /** The channel the units are ring-fenced for; null for a plain lock. */
  channelId: l.channelId,
  releaseAt: isoOf(l.releaseAtMs),
  actor: l.actor,
  createdAt: isoOf(l.createdAtMs),
  releasedAt: isoOf(l.releasedAtMs),
})
export type LockView = ReturnType<typeof lockView>

export const transferView = (t: Transfer) => ({
  id: t.id,
  skuId: t.skuId,
  fromNodeId: t.fromNodeId,
  toNodeId: t.toNodeId,
  quantity: t.quantity,
  status: t.status,
  quantityReceived: t.quantityReceived,
  discrepancy: t.discrepancy,
  eta: isoOf(t.etaMs),
  carrier: t.carrier,
  tracking: t.tracking,
  actor: t.actor,
  createdAt: isoOf(t.createdAtMs),
  shippedAt: isoOf(t.shippedAtMs),
  receivedAt: isoOf(t.receivedAtMs),
  cancelledAt: isoOf(t.cancelledAtMs),
})
export type TransferView = ReturnType<typeof transferView>
