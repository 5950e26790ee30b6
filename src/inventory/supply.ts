/**
 * Transfers as future supply at their destination (DOMAIN.md §3): the promising engine counts a
 * transfer's units at the destination from its ETA, and re-plans when a transfer ships, arrives,
 * is cancelled or its ETA moves; and the open transfers, read from the inventory context's table.
 */
import type { DomainEvent, TransferSupplyCause, TransferSupplyChanged } from '../events/index.ts'
import type { SupplyLine } from '../supply/index.ts'
import type { Queryable } from '../store/db.ts'
import { Where } from '../store/where.ts'
import { utcDayOf, type Transfer, type TransferStatus } from './model.ts'

/** The cause recorded for each transfer step. */
export const transferStepCause: Record<'transfer_ship' | 'transfer_receive' | 'transfer_cancel' | 'transfer_eta', TransferSupplyCause> = {
  transfer_ship: 'transfer_shipped', transfer_receive: 'transfer_received', transfer_cancel: 'transfer_cancelled', transfer_eta: 'transfer_eta_moved',
}

/**
 * What a transfer will still bring to its destination: all its units while it is reserved at the
 * origin (confirmed) or on the way (shipped), nothing once received or cancelled. The expected
 * day is the UTC day of its ETA, as purchasing dates are.
 */
/** What of a transfer makes it supply. */
export type TransferSupplySource = Pick<Transfer, 'id' | 'skuId' | 'toNodeId' | 'quantity' | 'status' | 'etaMs'>

export function transferSupply(t: TransferSupplySource): SupplyLine[] {
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
export function transferSupplyEvent(t: Transfer, before: SupplyLine[], cause: TransferSupplyCause, reason?: string): DomainEvent {
  const after = transferSupply(t)
  const payload: TransferSupplyChanged = {
    skuId: t.skuId, nodeId: t.toNodeId, sourceType: 'transfer', sourceId: t.id, cause, changes: changesOf(cause, before, after), before, after,
    ...(cause === 'transfer_received' && { discrepancy: t.discrepancy ?? 0 }),
    ...(reason !== undefined && { reason }),
  }
  return { topic: 'supply.changed', subject: `${t.skuId}@${t.toNodeId}`, payload }
}

function changesOf(cause: TransferSupplyCause, before: SupplyLine[], after: SupplyLine[]): TransferSupplyChanged['changes'] {
  switch (cause) {
    case 'transfer_created': return ['added']
    case 'transfer_received': return ['received', 'removed']
    case 'transfer_cancelled': return ['removed']
    case 'transfer_eta_moved': return ['eta_moved']
    case 'transfer_shipped': return before[0]?.expectedDate === after[0]?.expectedDate ? ['confidence_changed'] : ['eta_moved', 'confidence_changed']
  }
}

interface OpenTransferRow { id: string; sku_id: string; to_node_id: string; quantity: number | string; status: TransferStatus; eta: number | string | null }

/** Transfers set aside at their origin or on the way, as future supply at their destination (optionally one SKU or destination). */
export async function openTransfersTo(q: Queryable, skuId: string | undefined, nodeId: string | undefined): Promise<TransferSupplySource[]> {
  const where = new Where().add(`status IN ('reserved', 'shipped')`).eq('sku_id', skuId).eq('to_node_id', nodeId)
  const rows = await q.all<OpenTransferRow>(`SELECT id, sku_id, to_node_id, quantity, status, eta FROM transfers ${where.sql}`, where.params)
  return rows.map((r) => ({
    id: r.id, skuId: r.sku_id, toNodeId: r.to_node_id, quantity: Number(r.quantity), status: r.status, etaMs: r.eta === null ? null : Number(r.eta),
  }))
}
