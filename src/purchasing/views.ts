/** Purchasing documents on the wire: days as `YYYY-MM-DD`, instants as ISO strings, derived totals spelled out. */
import { isoOf } from '../kernel/clock.ts'
import { dateOf, openQuantity, type Asn, type PoEvent, type PoLine, type PurchaseOrder, type Receipt } from './model.ts'

/** A PO line as shown: on reads, with the earliest ship date customers were promised against it. */
export type ShownPoLine = PoLine & { earliestCustomerPromiseMs?: number | null }

export function lineView(l: ShownPoLine) {
  return {
    id: l.id,
    lineNo: l.lineNo,
    skuId: l.skuId,
    unitCost: l.unitCost,
    status: l.status,
    quantityOrdered: l.quantityOrdered,
    quantityAccepted: l.quantityAccepted,
    quantityOpen: openQuantity(l),
    quantityInTransit: l.quantityInTransit,
    quantityReceived: l.quantityReceived,
    quantityOver: l.quantityOver,
    quantityPassed: l.quantityPassed,
    quantityFailed: l.quantityFailed,
    quantityCancelled: l.quantityCancelled,
    quantityCancelledBySupplier: l.quantityCancelledBySupplier,
    requestedDate: dateOf(l.requestedDate),
    confirmedEta: dateOf(l.confirmedEta),
    eta: dateOf(l.eta),
    etaChanges: l.etaChanges,
    firstReceiptAt: isoOf(l.firstReceiptAt),
    lastReceiptAt: isoOf(l.lastReceiptAt),
    /** The earliest date a customer was promised against this line: the supplier's urgency. */
    earliestCustomerPromiseDate: dateOf(l.earliestCustomerPromiseMs ?? null),
  }
}

export function poView(po: PurchaseOrder) {
  const sum = (f: (l: PoLine) => number) => po.lines.reduce((n, l) => n + f(l), 0)
  return {
    id: po.id,
    supplierId: po.supplierId,
    destinationNodeId: po.destinationNodeId,
    reference: po.reference,
    status: po.status,
    currency: po.currency,
    requestedDate: dateOf(po.requestedDate),
    notes: po.notes,
    receivingPolicy: po.receivingPolicy,
    version: po.version,
    totals: {
      quantityOrdered: sum((l) => l.quantityOrdered),
      quantityOpen: sum(openQuantity),
      quantityReceived: sum((l) => l.quantityReceived),
      amountOrdered: sum((l) => l.quantityOrdered * l.unitCost),
    },
    createdBy: po.createdBy,
    createdAt: isoOf(po.createdAtMs),
    updatedAt: isoOf(po.updatedAtMs),
    sentAt: isoOf(po.sentAtMs),
    closedAt: isoOf(po.closedAtMs),
    cancelledAt: isoOf(po.cancelledAtMs),
    cancelReason: po.cancelReason,
    lines: po.lines.map(lineView),
  }
}

export const asnView = (a: Asn) => ({
  id: a.id, poId: a.poId, supplierId: a.supplierId, reference: a.reference, carrier: a.carrier, tracking: a.tracking,
  eta: dateOf(a.eta)!, status: a.status, createdBy: a.createdBy, createdAt: isoOf(a.createdAtMs),
  receivedAt: isoOf(a.receivedAtMs), cancelledAt: isoOf(a.cancelledAtMs), lines: a.lines,
})

export const receiptView = (r: Receipt) => ({
  id: r.id, poId: r.poId, asnId: r.asnId, supplierId: r.supplierId, nodeId: r.nodeId, actor: r.actor,
  receivedAt: isoOf(r.receivedAtMs), lines: r.lines,
})

export const eventView = (e: PoEvent) => ({
  id: e.id, lineId: e.lineId, kind: e.kind, actor: e.actor, detail: e.detail, at: isoOf(e.atMs),
})
