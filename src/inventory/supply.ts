/**
 * Transfers as future supply at their destination (DOMAIN.md §3): the promising engine counts a
 * transfer's units at the destination from its ETA, and re-plans when a transfer ships, arrives,
 * is cancelled or its ETA moves. Pure.
 */
import type { SupplyLine } from '../purchasing/index.ts'
import { utcDayOf, type Transfer } from './model.ts'

/** The topic every kind of supply change is published under. */
export const supplyChangedTopic = 'supply.changed'

export type TransferSupplyCause = 'transfer_created' | 'transfer_shipped' | 'transfer_received' | 'transfer_cancelled' | 'transfer_eta_moved'

/** The cause recorded for each transfer step. */
export const transferStepCause: Record<'transfer_ship' | 'transfer_receive' | 'transfer_cancel' | 'transfer_eta', TransferSupplyCause> = {
  transfer_ship: 'transfer_shipped', transfer_receive: 'transfer_received', transfer_cancel: 'transfer_cancelled', transfer_eta: 'transfer_eta_moved',
}

/** Body of a `supply.changed` event caused by a transfer. */
export interface TransferSupplyChange {
  skuId: string
  /** The destination: where the supply will arrive. */
  nodeId: string
  sourceType: 'transfer'
  sourceId: string
  cause: TransferSupplyCause
  /** The same vocabulary as purchase-order supply events. */
  changes: Array<'added' | 'eta_moved' | 'confidence_changed' | 'received' | 'removed'>
  before: SupplyLine[]
  after: SupplyLine[]
  /** Receipts only: shipped − received (positive: lost in transit). */
  discrepancy?: number
  /** ETA moves only: why, as the merchant reported it (transfers have no timeline; this event is the record). */
  reason?: string
}

/**
 * What a transfer will still bring to its destination: all its units while it is reserved at the
 * origin (confirmed) or on the way (shipped), nothing once received or cancelled. The expected
 * day is the UTC day of its ETA, as purchasing dates are.
 */
export function transferSupply(t: Pick<Transfer, 'id' | 'skuId' | 'toNodeId' | 'quantity' | 'status' | 'etaMs'>): SupplyLine[] {
  if (t.status !== 'reserved' && t.status !== 'shipped') return []
  return [{
    skuId: t.skuId,
    nodeId: t.toNodeId,
    sourceType: 'transfer',
    sourceId: t.id,
    poId: null,
    poLineId: null,
    supplierId: null,
    quantity: t.quantity,
    expectedDate: t.etaMs === null ? null : utcDayOf(t.etaMs),
    confidence: t.status === 'shipped' ? 'shipped' : 'confirmed',
  }]
}

/** The outbox event for a transfer step, given its supply before the step; the transfer is already updated. */
export function transferSupplyEvent(t: Transfer, before: SupplyLine[], cause: TransferSupplyCause, reason?: string) {
  const after = transferSupply(t)
  const payload: TransferSupplyChange = {
    skuId: t.skuId, nodeId: t.toNodeId, sourceType: 'transfer', sourceId: t.id, cause, changes: changesOf(cause, before, after), before, after,
    ...(cause === 'transfer_received' && { discrepancy: t.discrepancy ?? 0 }),
    ...(reason !== undefined && { reason }),
  }
  return { topic: supplyChangedTopic, subject: `${t.skuId}@${t.toNodeId}`, payload }
}

function changesOf(cause: TransferSupplyCause, before: SupplyLine[], after: SupplyLine[]): TransferSupplyChange['changes'] {
  switch (cause) {
    case 'transfer_created': return ['added']
    case 'transfer_received': return ['received', 'removed']
    case 'transfer_cancelled': return ['removed']
    case 'transfer_eta_moved': return ['eta_moved']
    case 'transfer_shipped': return before[0]?.expectedDate === after[0]?.expectedDate ? ['confidence_changed'] : ['eta_moved', 'confidence_changed']
  }
}
