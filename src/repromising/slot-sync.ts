/**
 * Supply slots mirror supply (DOMAIN.md §3): every `supply.changed` event (a PO line, an ASN,
 * a transfer) names the supply of its source before and after the change, and the slots of its
 * position are set from the after side in the same transaction. Each slot keeps its `promised`
 * units; re-promising recomputes them right after. Also: what caused a change, per slot and per
 * position, for the delay records. Pure.
 */
import { positionKey } from '../inventory/index.ts'
import type { DomainEvent, SupplyChanged } from '../events/index.ts'
import { bySlotDate, type SlotKind, type SupplySlot } from '../supply/index.ts'
import type { SupplyLine } from '../supply/index.ts'
import { blamed, causeOf, graver, type CauseOf, type SupplierSlip } from './delays.ts'

/** The slot a supply line is promised as: a PO line by its id, an ASN as `<asn>:<po line>`, a transfer by its id; virtual supply is in V already. */
export function slotIdOf(line: SupplyLine): string | undefined {
  switch (line.sourceType) {
    case 'po_line': return line.poLineId ?? line.sourceId
    case 'asn': return `${line.sourceId}:${line.poLineId}`
    case 'transfer': return line.sourceId
    default: return undefined
  }
}

function slotKindOf(line: SupplyLine): SlotKind | undefined {
  switch (line.sourceType) {
    case 'po_line': return line.confidence === 'confirmed' ? 'po_confirmed' : 'po_unconfirmed'
    case 'asn': return 'in_transit'
    case 'transfer': return 'transfer'
    default: return undefined
  }
}

/**
 * Sets the slots of one position (the live list, kept in promise order) from a change: sources
 * on the after side get their quantity, kind and day; sources gone are emptied (re-promising
 * then moves their promises away and the slot is deleted). Returns the slots it changed.
 */
export function mirrorChange(slots: SupplySlot[], change: SupplyChanged): SupplySlot[] {
  const changed: SupplySlot[] = []
  const present = new Set<string>()
  for (const line of change.after) {
    const id = slotIdOf(line)
    const kind = slotKindOf(line)
    if (id === undefined || kind === undefined) continue
    present.add(id)
    let slot = slots.find((s) => s.id === id)
    if (!slot) {
      slot = { id, skuId: change.skuId, nodeId: change.nodeId, kind, quantity: 0, promised: 0, availableAtMs: null, refId: null, supplierId: null }
      slots.push(slot)
    }
    slot.kind = kind
    slot.quantity = line.quantity
    slot.availableAtMs = line.expectedDate
    slot.refId = line.poId
    slot.supplierId = line.supplierId
    changed.push(slot)
  }
  for (const line of change.before) {
    const id = slotIdOf(line)
    if (id === undefined || present.has(id)) continue
    const slot = slots.find((s) => s.id === id)
    if (!slot) continue
    slot.quantity = 0
    changed.push(slot)
  }
  slots.sort(bySlotDate)
  return changed
}

/** What changed supply at one position, for naming the cause of each delay. */
export interface PositionCauses {
  /** By slot id: the change to that slot's supply. */
  bySlot: Map<string, CauseOf>
  /** PO lines with units that failed QC, with the QC cause (naming the PO and supplier): their slots (the line's and its ASNs') carry it. */
  qcFailedLines: Map<string, CauseOf>
  /** The most serious change at the position: the cause for lines pushed back by others. */
  gravest: CauseOf | undefined
  shortage: boolean
}

/** The cause recorded for a slot, if its supply changed. */
export function slotCause(causes: PositionCauses, slotId: string): CauseOf | undefined {
  const poLineId = slotId.slice(slotId.lastIndexOf(':') + 1)
  const own = causes.bySlot.get(slotId)
  const qc = causes.qcFailedLines.get(poLineId)
  return qc ? graver(own, qc) : own
}

const earliestDay = (lines: readonly SupplyLine[]): number | null =>
  lines.reduce<number | null>((min, l) => (l.expectedDate !== null && (min === null || l.expectedDate < min) ? l.expectedDate : min), null)

/** The cause of one supply change, in the vocabulary of delays. */
export function supplyCause(p: SupplyChanged): CauseOf {
  const changes = new Set(p.changes)
  const from = earliestDay(p.before)
  const to = earliestDay(p.after)
  if (p.sourceType === 'transfer') {
    if (p.cause === 'transfer_cancelled') return causeOf('transfer_cancelled')
    if (p.cause === 'transfer_received') return causeOf((p.discrepancy ?? 0) > 0 ? 'transfer_short' : 'supply_changed')
    return changes.has('eta_moved') ? causeOf('transfer_delayed', from, to) : causeOf('supply_changed')
  }
  if (changes.has('removed') && !changes.has('received')) return causeOf(p.cause === 'cancelled' || p.cause === 'line_cancelled' ? 'po_cancelled' : 'quantity_cut')
  if (changes.has('received')) return causeOf('delivery_short')
  if (changes.has('quantity_cut')) return causeOf('quantity_cut')
  if (p.cause === 'asn_cancelled') return causeOf('shipment_cancelled', from, to)
  if (changes.has('eta_moved') || changes.has('confidence_changed')) return causeOf('eta_moved', from, to)
  return causeOf('supply_changed')
}

/** The PO and supplier a purchase order's supply change comes from; none for transfers and virtual supply. */
function slipOf(p: SupplyChanged): SupplierSlip | undefined {
  if (p.sourceType !== 'po_line') return undefined
  const supplierId = [...p.after, ...p.before].find((l) => l.supplierId !== null)?.supplierId
  return supplierId == null ? undefined : { supplierId, poId: p.poId }
}

const emptyCauses = (): PositionCauses => ({ bySlot: new Map(), qcFailedLines: new Map(), gravest: undefined, shortage: false })

/** Causes by position key, from the events of one change. */
export function causesOf(events: readonly DomainEvent[]): Map<string, PositionCauses> {
  const out = new Map<string, PositionCauses>()
  const at = (skuId: string, nodeId: string) => {
    const key = positionKey(skuId, nodeId)
    let c = out.get(key)
    if (!c) out.set(key, (c = emptyCauses()))
    return c
  }
  for (const e of events) {
    if (e.topic === 'supply.changed') {
      const p = e.payload
      const c = at(p.skuId, p.nodeId)
      const cause = blamed(supplyCause(p), slipOf(p))
      for (const line of [...p.before, ...p.after]) {
        const id = slotIdOf(line)
        if (id !== undefined) c.bySlot.set(id, graver(c.bySlot.get(id), cause))
      }
      c.gravest = graver(c.gravest, cause)
    } else if (e.topic === 'supply.qc_failed') {
      const p = e.payload
      const c = at(p.skuId, p.nodeId)
      const qc = blamed(causeOf('qc_failed'), { supplierId: p.supplierId, poId: p.poId })
      c.qcFailedLines.set(p.poLineId, qc)
      c.gravest = graver(c.gravest, qc)
    } else if (e.topic === 'supply.overdue') {
      const p = e.payload
      const c = at(p.skuId, p.nodeId)
      const overdue = blamed(causeOf('supply_overdue'), p.supplierId !== null && p.purchaseOrderId !== null ? { supplierId: p.supplierId, poId: p.purchaseOrderId } : undefined)
      c.bySlot.set(p.slotId, graver(c.bySlot.get(p.slotId), overdue))
      c.gravest = graver(c.gravest, overdue)
    } else if (e.topic === 'inventory.shortage') {
      const p = e.payload
      const c = at(p.skuId, p.nodeId)
      c.shortage = true
      c.gravest = graver(c.gravest, causeOf('shortage'))
    }
  }
  return out
}
