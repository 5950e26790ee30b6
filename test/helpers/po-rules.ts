/** Fixtures for the pure purchase-order rule tests: a supplier, the parties, and POs and lines built field by field. */
import assert from 'node:assert/strict'
import type { Context } from '../../src/purchasing/decide.ts'
import { dayMs, dayOf, defaultReceivingPolicy, type Asn, type PoLine, type PoStatus, type PurchaseOrder, type Supplier } from '../../src/purchasing/model.ts'
import type { Failure, Result } from '../../src/kernel/result.ts'

/** 09:00 on 21 November 2026: today is the 21st, yesterday the 20th. */
export const nowMs = Date.UTC(2026, 10, 21, 9)
export const today = dayOf('2026-11-21')
export const yesterday = today - dayMs
export const eta = today + 5 * dayMs

export const buyer: Context = { nowMs, actor: 'admin/t1', party: 'buyer' }
export const bySupplier: Context = { nowMs, actor: 'supplier:s1/t2', party: 'supplier' }
export const receiver: Context = { nowMs, actor: 'ops/t3', party: 'receiver' }

export const supplier: Supplier = {
  id: 'sup_1', code: 'S1', name: 'Supplier 1', contacts: [], currency: 'CNY', defaultLeadTimeDays: 10,
  paymentTerms: { kind: 'net', days: 30, instalments: null }, dropship: false, receivingPolicy: defaultReceivingPolicy,
  active: true, autoSendSuggestions: false, createdAt: '', updatedAt: '',
}

/** A line as decideLines makes it, with `over` applied. */
export const poLine = (lineNo: number, quantityOrdered: number, over: Partial<PoLine> = {}): PoLine => ({
  id: `pol_${lineNo}`, poId: 'po_1', lineNo, skuId: `sku_${lineNo}`, unitCost: 100, quantityOrdered,
  quantityAccepted: null, quantityCancelled: 0, quantityCancelledBySupplier: 0, quantityReceived: 0, quantityOver: 0,
  quantityPassed: 0, quantityFailed: 0, quantityInTransit: 0, requestedDate: null,
  confirmedEta: null, eta: null, etaChanges: 0, status: 'open', firstReceiptAt: null, lastReceiptAt: null,
  ...over,
})

/** An accepted line of `quantity` units expected on `eta`. */
export const accepted = (lineNo: number, quantity: number, over: Partial<PoLine> = {}): PoLine =>
  poLine(lineNo, quantity, { quantityAccepted: quantity, confirmedEta: eta, eta, status: 'accepted', ...over })

export const po = (status: PoStatus, lines: PoLine[], over: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  id: 'po_1', supplierId: supplier.id, destinationNodeId: 'node_wh', reference: null, status, currency: 'CNY',
  requestedDate: null, notes: null, receivingPolicy: defaultReceivingPolicy, version: 3, createdBy: 'admin/t0',
  createdAtMs: nowMs - 10 * dayMs, updatedAtMs: nowMs - dayMs, sentAtMs: status === 'draft' ? null : nowMs - 9 * dayMs,
  closedAtMs: null, cancelledAtMs: null, cancelReason: null, lines,
  ...over,
})

export const asnOf = (lines: Array<[poLineId: string, quantity: number, quantityReceived?: number]>, over: Partial<Asn> = {}): Asn => ({
  id: 'asn_1', poId: 'po_1', supplierId: supplier.id, reference: 'DN-1', carrier: 'SF', tracking: 'T1', eta, status: 'in_transit',
  createdBy: 'supplier:s1/t2', createdAtMs: nowMs - dayMs, receivedAtMs: null, cancelledAtMs: null,
  lines: lines.map(([poLineId, quantity, quantityReceived = 0]) => ({ poLineId, quantity, quantityReceived })),
  ...over,
})

export function valueOf<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.code}: ${r.detail}`)
  return r.value
}

/** A refusal as [code, reason, extra]: never its HTTP status, which is the HTTP layer's business. */
export const refusal = (r: Result<unknown> | Failure) => (r.ok ? 'accepted' : [r.code, r.detail, r.extra])
