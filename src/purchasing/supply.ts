/**
 * Dated supply from purchase orders, pure: what a PO will still bring to its destination, when,
 * and how sure that is. The supply view and the supply-change events are both built from this,
 * so they can never disagree.
 */
import { openQuantity, type Asn, type PurchaseOrder, type SupplyLine } from './model.ts'
import type { DomainEvent, PoSupplyChanged, SupplyChangeKind } from '../events/index.ts'

/** POs in these states bring nothing more. Drafts are not supply until they are sent. */
const noSupply = new Set(['draft', 'received', 'closed', 'cancelled'])

export function supplyOfPo(po: PurchaseOrder, asns: readonly Asn[]): SupplyLine[] {
  if (noSupply.has(po.status)) return []
  const out: SupplyLine[] = []
  const common = { nodeId: po.destinationNodeId, poId: po.id, supplierId: po.supplierId }
  for (const line of po.lines) {
    const open = openQuantity(line)
    if (open <= 0) continue
    let shipped = 0
    for (const asn of asns) {
      if (asn.status !== 'in_transit') continue
      for (const a of asn.lines) {
        if (a.poLineId !== line.id) continue
        const quantity = Math.min(a.quantity - a.quantityReceived, open - shipped)
        if (quantity <= 0) continue
        shipped += quantity
        out.push({ ...common, skuId: line.skuId, sourceType: 'asn', sourceId: asn.id, poLineId: line.id, quantity, expectedDate: asn.eta, confidence: 'shipped' })
      }
    }
    const rest = open - shipped
    if (rest <= 0) continue
    const confirmed = line.quantityAccepted !== null
    out.push({
      ...common,
      skuId: line.skuId,
      sourceType: 'po_line',
      sourceId: line.id,
      poLineId: line.id,
      quantity: rest,
      expectedDate: line.eta ?? line.requestedDate ?? po.requestedDate,
      confidence: confirmed ? 'confirmed' : 'unconfirmed',
    })
  }
  return out
}

export type SupplyChange = SupplyChangeKind

/** A `supply.changed` payload of a PO line, before its source type is stamped on. */
export type SupplyChangedEvent = Omit<PoSupplyChanged, 'sourceType'>

/**
 * One event per PO line whose supply differs between two versions of the PO: the promising
 * engine re-plans exactly the lines named here.
 */
export function supplyChanges(before: SupplyLine[], after: SupplyLine[], cause: string, receivedLineIds: ReadonlySet<string> = new Set()): SupplyChangedEvent[] {
  const byLine = (lines: SupplyLine[]) => {
    const map = new Map<string, SupplyLine[]>()
    for (const l of lines) map.set(l.poLineId!, [...(map.get(l.poLineId!) ?? []), l])
    return map
  }
  const was = byLine(before)
  const now = byLine(after)
  const events: SupplyChangedEvent[] = []
  for (const lineId of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(lineId) ?? []
    const a = now.get(lineId) ?? []
    if (JSON.stringify(b) === JSON.stringify(a)) continue
    const first = a[0] ?? b[0]
    events.push({
      skuId: first.skuId, nodeId: first.nodeId, poId: first.poId!, poLineId: lineId, cause,
      changes: classify(b, a, receivedLineIds.has(lineId)), before: b, after: a,
    })
  }
  return events
}

function classify(before: SupplyLine[], after: SupplyLine[], received: boolean): SupplyChange[] {
  if (before.length === 0) return ['added']
  const total = (ls: SupplyLine[]) => ls.reduce((n, l) => n + l.quantity, 0)
  const changes: SupplyChange[] = []
  if (received) changes.push('received')
  if (after.length === 0) changes.push('removed')
  else if (!received && total(after) < total(before)) changes.push('quantity_cut')
  else if (total(after) > total(before)) changes.push('quantity_raised')
  const dates = (ls: SupplyLine[]) => [...new Set(ls.map((l) => String(l.expectedDate)))].sort().join()
  const confidences = (ls: SupplyLine[]) => [...new Set(ls.map((l) => l.confidence))].sort().join()
  if (after.length > 0 && dates(before) !== dates(after)) changes.push('eta_moved')
  if (after.length > 0 && confidences(before) !== confidences(after)) changes.push('confidence_changed')
  // Same quantity, dates and confidence, split differently (e.g. moved from one ASN to another).
  return changes.length > 0 ? changes : ['source_changed']
}

/**
 * The `supply.changed` events of one PO command, as it publishes them: what re-promising plans
 * from, whether the command runs or is only previewed.
 */
export function supplyEventsOf(before: PurchaseOrder, asnsBefore: readonly Asn[], after: PurchaseOrder, asnsAfter: readonly Asn[], cause: string, receivedLineIds?: ReadonlySet<string>): DomainEvent[] {
  return supplyChanges(supplyOfPo(before, asnsBefore), supplyOfPo(after, asnsAfter), cause, receivedLineIds)
    .map((e): DomainEvent => ({ topic: 'supply.changed', subject: `${e.skuId}@${e.nodeId}`, payload: { sourceType: 'po_line', ...e } }))
}
