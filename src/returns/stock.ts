/**
 * What returned units do to stock, inside one locked batch: received units go on hand and
 * unsellable (U, `awaiting_inspection`) at the receiving node — never sellable before they are
 * judged — and each inspected unit's disposition moves it once:
 * - restock: U → sellable at the receiving node (a `restore` movement);
 * - outlet: off the receiving node (I − 1, U − 1) and on hand at the outlet node (I + 1);
 * - refurbish: stays U, its reason now `refurbish` (a restore and a mark, net nothing);
 * - return to vendor, scrap: written off at the receiving node (I − 1, U − 1).
 */
import type { BatchState } from '../inventory/index.ts'
import type { DispositionKind } from './model.ts'

type Meta = { refType: string; refId: string; actor: string }

export function receiveReturned(state: BatchState, skuId: string, nodeId: string, quantity: number, meta: Meta): void {
  state.apply(state.position(skuId, nodeId), { onHand: quantity, unsellable: quantity }, 'receive', quantity, { ...meta, reason: 'awaiting_inspection' })
}

/** Moves one inspected unit by its disposition; returns the positions whose sellable stock grew (waiting backorders get it first). */
export function disposeUnit(
  state: BatchState, skuId: string, nodeId: string, d: { kind: DispositionKind; outletNodeId?: string | null; grade: string }, meta: Meta,
): Array<{ skuId: string; nodeId: string }> {
  const p = state.position(skuId, nodeId)
  const why = (reason: string) => ({ ...meta, reason: `${reason} (returned, grade ${d.grade})` })
  switch (d.kind) {
    case 'restock':
      state.apply(p, { unsellable: -1 }, 'restore', 1, why('restock'))
      return [{ skuId, nodeId }]
    case 'outlet': {
      const outlet = d.outletNodeId!
      state.apply(p, { onHand: -1, unsellable: -1 }, 'adjust', 1, why(`to outlet ${outlet}`))
      state.apply(state.position(skuId, outlet), { onHand: 1 }, 'receive', 1, why(`outlet, from ${nodeId}`))
      return [{ skuId, nodeId: outlet }]
    }
    case 'refurbish':
      state.apply(p, { unsellable: -1 }, 'restore', 1, why('awaiting_inspection ended'))
      state.apply(p, { unsellable: 1 }, 'mark_unsellable', 1, why('refurbish'))
      return []
    case 'return_to_vendor':
      state.apply(p, { onHand: -1, unsellable: -1 }, 'adjust', 1, why('return to vendor'))
      return []
    case 'scrap':
      state.apply(p, { onHand: -1, unsellable: -1 }, 'adjust', 1, why('scrap: written off'))
      return []
  }
}

/** A refurbished unit's repair: sellable again (U → sellable), or written off (I − 1, U − 1). */
export function repairUnit(state: BatchState, skuId: string, nodeId: string, outcome: 'sellable' | 'scrap', meta: Meta): Array<{ skuId: string; nodeId: string }> {
  const p = state.position(skuId, nodeId)
  if (outcome === 'sellable') {
    state.apply(p, { unsellable: -1 }, 'restore', 1, { ...meta, reason: 'refurbished (returned)' })
    return [{ skuId, nodeId }]
  }
  state.apply(p, { onHand: -1, unsellable: -1 }, 'adjust', 1, { ...meta, reason: 'scrap after repair: written off (returned)' })
  return []
}
