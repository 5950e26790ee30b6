/**
 * The purchase-order lifecycle as data: which action may run in which status, and who may run
 * it. The status an action leads to follows from the lines' quantities (derivedStatus), so the
 * table and the arithmetic can never drift apart.
 */
import { checkAction, type LifecycleRefusal, type Transition as TableTransition } from '../kernel/lifecycle.ts'
import { openQuantity, type LineStatus, type PoLine, type PoStatus, type PurchaseOrder } from './model.ts'

export type PoAction =
  | 'edit' | 'send' | 'confirm' | 'change_eta' | 'cancel_line' | 'ship' | 'cancel_asn' | 'receive' | 'cancel' | 'close'

/** buyer: admin/ops; supplier: the PO's own supplier; receiver: admin/ops or the destination store. */
export type Party = 'buyer' | 'supplier' | 'receiver'

/** `to` is set for actions that always end in one status; otherwise the status follows from the lines. */
export type Transition = TableTransition<PoStatus, Party> & { by: readonly Party[] }

const inFlight = ['confirmed', 'shipped', 'partially_received'] as const

export const poTransitions: Record<PoAction, Transition> = {
  edit: { from: ['draft'], by: ['buyer'], to: 'draft', summary: 'change a draft: header fields and lines' },
  send: { from: ['draft'], by: ['buyer'], to: 'sent', summary: 'send to the supplier; from now on it is supply' },
  confirm: { from: ['sent', 'shipped', 'partially_received'], by: ['supplier', 'buyer'], summary: 'answer open lines: accepted quantity (0 rejects) and ETA; a confirmed order has none left' },
  change_eta: { from: ['sent', ...inFlight], by: ['supplier', 'buyer'], summary: 'move an accepted line’s ETA, with a reason' },
  cancel_line: { from: ['draft', 'sent', ...inFlight], by: ['buyer', 'supplier'], summary: 'cancel (buyer) or cut (supplier) part or all of a line’s open quantity' },
  ship: { from: ['sent', ...inFlight], by: ['supplier', 'buyer'], summary: 'advance ship notice for accepted lines: quantities, carrier, tracking, ETA' },
  cancel_asn: { from: ['shipped', 'partially_received'], by: ['supplier', 'buyer'], summary: 'withdraw an ASN that will not arrive' },
  receive: { from: ['sent', ...inFlight], by: ['receiver'], summary: 'count and inspect what arrived' },
  cancel: { from: ['draft', 'sent', 'confirmed'], by: ['buyer'], to: 'cancelled', summary: 'cancel the whole order; nothing may be shipped or received' },
  close: { from: ['confirmed', 'partially_received', 'received'], by: ['buyer'], to: 'closed', summary: 'close: whatever is still open will not come (no ASN may be on its way)' },
}

export const poActions = Object.keys(poTransitions) as PoAction[]

/** Refuses an action the status or the party does not allow, with a code a client can branch on. */
export function checkTransition(po: Pick<PurchaseOrder, 'id' | 'status'>, action: PoAction, party: Party): LifecycleRefusal | undefined {
  return checkAction(poTransitions, { kind: 'purchase order', ref: po.id, status: po.status }, action, party)
}

/** A line's status follows from its quantities. */
export function lineStatusOf(l: PoLine): LineStatus {
  if (openQuantity(l) > 0) return l.quantityAccepted === null ? 'open' : 'accepted'
  if (l.quantityReceived > 0) return l.quantityCancelled > 0 ? 'closed' : 'received'
  return l.quantityCancelledBySupplier === l.quantityOrdered ? 'rejected' : 'cancelled'
}

/**
 * The status of a sent, not yet closed or cancelled PO, from its lines: received when nothing is
 * open, partially received once anything came, shipped while an ASN is on its way, confirmed
 * once every line is answered, else still sent.
 */
export function derivedStatus(po: PurchaseOrder): PoStatus {
  if (po.status === 'draft' || po.status === 'closed' || po.status === 'cancelled') return po.status
  const lines = po.lines
  const received = lines.some((l) => l.quantityReceived > 0 || l.quantityOver > 0)
  if (lines.every((l) => openQuantity(l) === 0)) return received ? 'received' : 'cancelled'
  if (received) return 'partially_received'
  if (lines.some((l) => l.quantityInTransit > 0)) return 'shipped'
  if (lines.every((l) => l.quantityAccepted !== null || openQuantity(l) === 0)) return 'confirmed'
  return 'sent'
}
