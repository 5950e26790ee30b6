/**
 * Purchasing types: suppliers and their terms, purchase orders and their lines, advance ship
 * notices, receipts, scorecards and virtual supply. Quantities are integers, money is integer
 * minor units in the supplier's currency, dates (ETAs, requested dates) are UTC calendar days
 * stored as the epoch ms of their midnight and shown as `YYYY-MM-DD`.
 */
import { dayTextOf } from '../kernel/clock.ts'

export const dayMs = 86_400_000

/** `YYYY-MM-DD` of a stored day. */
export const dateOf = dayTextOf
/** Epoch ms of a `YYYY-MM-DD` day's midnight UTC. */
export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`)
/** The day (midnight UTC) an instant falls on. */
export const dayStartOf = (ms: number): number => Math.floor(ms / dayMs) * dayMs

export interface Contact {
  name: string
  email: string | null
  phone: string | null
  /** What the contact is for, e.g. 'orders', 'accounts', 'quality'. */
  role: string | null
}

export const paymentTermKinds = ['prepaid', 'on_delivery', 'net', 'instalments'] as const
export type PaymentTermKind = (typeof paymentTermKinds)[number]

/** Kept for supplier payables: when an invoice falls due. */
export interface PaymentTerms {
  kind: PaymentTermKind
  /** `net`: days after invoice; `instalments`: days between instalments. */
  days: number | null
  /** `instalments` only. */
  instalments: number | null
}

/** How receipts against a supplier's POs close lines (copied onto each PO, editable there while it is a draft). */
export interface ReceivingPolicy {
  /** Units above the open quantity accepted on a receipt, as a percentage of the line; above it the receipt is refused. */
  overReceiptTolerancePercent: number
  /** A receipt short of what was expected: keep the rest open, or close the line. */
  shortReceipt: 'keep_open' | 'close_line'
  /** A line whose open quantity falls to at most this percentage of the ordered quantity closes anyway. */
  closeWithinPercent: number
}

export const defaultReceivingPolicy: ReceivingPolicy = { overReceiptTolerancePercent: 0, shortReceipt: 'keep_open', closeWithinPercent: 0 }

export interface SupplierDraft {
  code: string
  name: string
  contacts: Contact[]
  /** ISO 4217, e.g. 'CNY'; every PO with this supplier is in it. */
  currency: string
  defaultLeadTimeDays: number
  paymentTerms: PaymentTerms
  /** Can ship straight to the customer (has or may have dropship nodes). */
  dropship: boolean
  receivingPolicy: ReceivingPolicy
  /** Replenishment's suggestions to this supplier are approved and sent at the end of each run, without a buyer. */
  autoSendSuggestions: boolean
  active: boolean
}

export interface Supplier extends SupplierDraft {
  id: string
  createdAt: string
  updatedAt: string
}

/** What a supplier sells one SKU for, and how it must be ordered. */
export interface SupplierSku {
  supplierId: string
  skuId: string
  supplierSkuCode: string | null
  unitCost: number
  minOrderQuantity: number
  packSize: number
  /** Overrides the supplier's default lead time for this SKU. */
  leadTimeDays: number | null
  /** Most units the supplier may declare as virtual supply for this SKU (0: none). */
  virtualCap: number
  updatedAt: string
}

export const poStatuses = ['draft', 'sent', 'confirmed', 'shipped', 'partially_received', 'received', 'closed', 'cancelled'] as const
export type PoStatus = (typeof poStatuses)[number]

export const lineStatuses = ['open', 'accepted', 'rejected', 'received', 'closed', 'cancelled'] as const
/**
 * open: waiting for the supplier's answer; accepted: confirmed (possibly partly) with an ETA;
 * rejected: the supplier accepted none; received: nothing left open after receipts;
 * closed: closed short by policy or by the buyer; cancelled: nothing will arrive.
 */
export type LineStatus = (typeof lineStatuses)[number]

/**
 * One line. Always: ordered = received + open + cancelled, each ≥ 0, where `received` counts
 * units (passed + failed) up to what was still open; anything beyond is `over`.
 */
export interface PoLine {
  id: string
  poId: string
  lineNo: number
  skuId: string
  unitCost: number
  quantityOrdered: number
  /** What the supplier confirmed; null until answered. */
  quantityAccepted: number | null
  quantityCancelled: number
  /** Part of `quantityCancelled` that was the supplier's doing (rejected, cut, short-closed): counts against fill rate. */
  quantityCancelledBySupplier: number
  quantityReceived: number
  quantityOver: number
  quantityPassed: number
  quantityFailed: number
  /** On ASNs not yet received. */
  quantityInTransit: number
  requestedDate: number | null
  /** The first ETA the supplier confirmed; on-time is measured against it. */
  confirmedEta: number | null
  /** The current expected day (moves when the supplier proposes a new ETA). */
  eta: number | null
  etaChanges: number
  status: LineStatus
  firstReceiptAt: number | null
  lastReceiptAt: number | null
}

export const openQuantity = (l: PoLine): number => l.quantityOrdered - l.quantityReceived - l.quantityCancelled

export interface PurchaseOrder {
  id: string
  supplierId: string
  destinationNodeId: string
  /** The merchant's or ERP's own reference; unique per supplier. */
  reference: string | null
  status: PoStatus
  currency: string
  requestedDate: number | null
  notes: string | null
  receivingPolicy: ReceivingPolicy
  /** Bumped on every change; optimistic concurrency for clients that want it. */
  version: number
  createdBy: string
  createdAtMs: number
  updatedAtMs: number
  sentAtMs: number | null
  closedAtMs: number | null
  cancelledAtMs: number | null
  cancelReason: string | null
  lines: PoLine[]
}

export type AsnStatus = 'in_transit' | 'received' | 'cancelled'

export interface AsnLine {
  poLineId: string
  quantity: number
  quantityReceived: number
}

/** An advance ship notice: what the supplier put on a truck, and when it should arrive. */
export interface Asn {
  id: string
  poId: string
  supplierId: string
  reference: string | null
  carrier: string | null
  tracking: string | null
  eta: number
  status: AsnStatus
  createdBy: string
  createdAtMs: number
  receivedAtMs: number | null
  cancelledAtMs: number | null
  lines: AsnLine[]
}

export interface ReceiptLine {
  poLineId: string
  skuId: string
  quantityPassed: number
  quantityFailed: number
  failReason: string | null
  /** Units beyond what was open (within tolerance). */
  quantityOver: number
  /** Units expected (on the ASN, or open) that did not come. */
  quantityShort: number
  lineClosed: boolean
}

export interface Receipt {
  id: string
  poId: string
  asnId: string | null
  supplierId: string
  nodeId: string
  actor: string
  receivedAtMs: number
  lines: ReceiptLine[]
}

/** One entry on a PO's timeline: who did what, when. */
export interface PoEvent {
  id: number
  poId: string
  lineId: string | null
  kind: string
  actor: string
  detail: Record<string, unknown>
  atMs: number
}

export type { SupplyConfidence, SupplySourceType, SupplyLine } from '../supply/index.ts'

/** A supplier's declaration: this many units of a SKU can be at this node within the lead time. */
export interface VirtualSupply {
  supplierId: string
  skuId: string
  nodeId: string
  quantity: number
  leadTimeDays: number
  actor: string
  declaredAtMs: number
}

/** Grades from the best down; a supplier gets the first grade whose every threshold it meets. */
export interface GradeThreshold {
  grade: 'A' | 'B' | 'C'
  onTimeRateMin: number
  fillRateMin: number
  qcPassRateMin: number
}

export interface ScorecardPolicy {
  windowDays: number
  /** Days after the confirmed ETA that still count as on time. */
  graceDays: number
  /** A, B, C in that order; anything below C is D. */
  thresholds: GradeThreshold[]
}

export const defaultScorecardPolicy: ScorecardPolicy = {
  windowDays: 90,
  graceDays: 0,
  thresholds: [
    { grade: 'A', onTimeRateMin: 0.95, fillRateMin: 0.98, qcPassRateMin: 0.99 },
    { grade: 'B', onTimeRateMin: 0.85, fillRateMin: 0.95, qcPassRateMin: 0.97 },
    { grade: 'C', onTimeRateMin: 0.7, fillRateMin: 0.9, qcPassRateMin: 0.93 },
  ],
}

export type Grade = 'A' | 'B' | 'C' | 'D'

export interface Scorecard {
  supplierId: string
  windowDays: number
  /** Rates are 0–1, null when nothing in the window measures them. */
  onTimeRate: number | null
  fillRate: number | null
  qcPassRate: number | null
  etaChangesPerLine: number | null
  leadTimeMeanDays: number | null
  leadTimeStdDevDays: number | null
  /** What the figures were computed from. */
  receiptLines: number
  linesConfirmed: number
  linesCompleted: number
  unitsInspected: number
  /** null while nothing has been received in the window. */
  grade: Grade | null
  computedAt: string
}
