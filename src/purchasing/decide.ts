/**
 * Purchase-order rules, pure: each takes the loaded PO and a request and returns the changed PO
 * and its timeline entries, or a failure with a stable code. No I/O, no clock: `nowMs` is given.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, type PurchasingErrorCode } from './errors.ts'
import { maxQuantity } from '../inventory/index.ts'
import { checkTransition, derivedStatus, lineStatusOf, poTransitions, type Party, type PoAction } from './lifecycle.ts'
import {
  dateOf, dayStartOf, openQuantity,
  type Asn, type PoLine, type PurchaseOrder, type ReceivingPolicy, type Supplier, type SupplierSku,
} from './model.ts'

export interface PoEventDraft {
  lineId: string | null
  kind: string
  detail: Record<string, unknown>
}

export interface PoDecision {
  po: PurchaseOrder
  events: PoEventDraft[]
}

export interface Context {
  nowMs: number
  actor: string
  party: Party
}

export interface PoLineInput {
  skuId: string
  quantity: number
  /** Defaults to the supplier's price for the SKU. */
  unitCost?: number
  requestedDate?: number | null
}

export interface PoInput {
  supplierId: string
  destinationNodeId: string
  reference?: string | null
  requestedDate?: number | null
  notes?: string | null
  receivingPolicy?: ReceivingPolicy
  lines: PoLineInput[]
}

export type PoPatch = Partial<Pick<PoInput, 'reference' | 'requestedDate' | 'notes' | 'receivingPolicy' | 'lines'>>

export const maxLinesPerPo = 500

const invalid = (code: PurchasingErrorCode, detail: string, extra?: Record<string, unknown>) => fail(code, detail, extra)

/** Lines checked against the supplier's terms: minimum order quantity, pack size, price. */
export function decideLines(
  inputs: readonly PoLineInput[],
  terms: ReadonlyMap<string, SupplierSku>,
  poId: string,
  todayMs: number,
  newLineId: () => string,
): Result<PoLine[]> {
  if (inputs.length === 0) return invalid('no_lines', 'A purchase order needs at least one line.')
  if (inputs.length > maxLinesPerPo) return invalid('too_many_lines', `A purchase order has at most ${maxLinesPerPo} lines.`)
  const lines: PoLine[] = []
  for (const [i, input] of inputs.entries()) {
    const at = { line: i + 1, skuId: input.skuId }
    if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > maxQuantity) {
      return fail('invalid_quantity', `Line ${i + 1}: quantity must be a whole number from 1 to ${maxQuantity}.`, at)
    }
    const t = terms.get(input.skuId)
    if (t && input.quantity < t.minOrderQuantity) {
      return invalid('below_minimum_order_quantity', `Line ${i + 1}: the supplier's minimum order quantity is ${t.minOrderQuantity}.`, { ...at, minOrderQuantity: t.minOrderQuantity })
    }
    if (t && input.quantity % t.packSize !== 0) {
      return invalid('not_a_pack_multiple', `Line ${i + 1}: order in multiples of the pack size ${t.packSize}.`, { ...at, packSize: t.packSize })
    }
    const unitCost = input.unitCost ?? t?.unitCost
    if (unitCost === undefined) {
      return invalid('unit_cost_required', `Line ${i + 1}: no agreed price for this SKU with this supplier; give unitCost or set the supplier's SKU terms.`, at)
    }
    if (input.requestedDate != null && input.requestedDate < todayMs) {
      return invalid('requested_date_in_past', `Line ${i + 1}: the requested date ${dateOf(input.requestedDate)} has passed.`, at)
    }
    lines.push({
      id: newLineId(), poId, lineNo: i + 1, skuId: input.skuId, unitCost, quantityOrdered: input.quantity,
      quantityAccepted: null, quantityCancelled: 0, quantityCancelledBySupplier: 0, quantityReceived: 0, quantityOver: 0,
      quantityPassed: 0, quantityFailed: 0, quantityInTransit: 0, requestedDate: input.requestedDate ?? null,
      confirmedEta: null, eta: null, etaChanges: 0, status: 'open', firstReceiptAt: null, lastReceiptAt: null,
    })
  }
  return ok(lines)
}

export function createPo(
  input: PoInput,
  supplier: Supplier,
  terms: ReadonlyMap<string, SupplierSku>,
  ids: { poId: string; newLineId: () => string },
  c: Context,
): Result<PoDecision> {
  if (!supplier.active) return invalid('supplier_inactive', `Supplier ${supplier.code} is inactive; reactivate it before ordering.`)
  const today = dayStartOf(c.nowMs)
  if (input.requestedDate != null && input.requestedDate < today) {
    return invalid('requested_date_in_past', `The requested date ${dateOf(input.requestedDate)} has passed.`)
  }
  const lines = decideLines(input.lines, terms, ids.poId, today, ids.newLineId)
  if (!lines.ok) return lines
  const po: PurchaseOrder = {
    id: ids.poId, supplierId: supplier.id, destinationNodeId: input.destinationNodeId, reference: input.reference ?? null,
    status: 'draft', currency: supplier.currency, requestedDate: input.requestedDate ?? null, notes: input.notes ?? null,
    receivingPolicy: input.receivingPolicy ?? supplier.receivingPolicy, version: 1, createdBy: c.actor,
    createdAtMs: c.nowMs, updatedAtMs: c.nowMs, sentAtMs: null, closedAtMs: null, cancelledAtMs: null, cancelReason: null,
    lines: lines.value,
  }
  return ok({ po, events: [{ lineId: null, kind: 'created', detail: { lines: po.lines.length, units: units(po) } }] })
}

export function editDraft(
  po: PurchaseOrder,
  patch: PoPatch,
  terms: ReadonlyMap<string, SupplierSku>,
  newLineId: () => string,
  c: Context,
): Result<PoDecision> {
  return act(po, 'edit', c, (next) => {
    const today = dayStartOf(c.nowMs)
    if (patch.requestedDate != null && patch.requestedDate < today) {
      return invalid('requested_date_in_past', `The requested date ${dateOf(patch.requestedDate)} has passed.`)
    }
    if (patch.lines) {
      const lines = decideLines(patch.lines, terms, po.id, today, newLineId)
      if (!lines.ok) return lines
      next.lines = lines.value
    }
    if (patch.reference !== undefined) next.reference = patch.reference
    if (patch.requestedDate !== undefined) next.requestedDate = patch.requestedDate
    if (patch.notes !== undefined) next.notes = patch.notes
    if (patch.receivingPolicy) next.receivingPolicy = patch.receivingPolicy
    return [{ lineId: null, kind: 'edited', detail: { fields: Object.keys(patch) } }]
  })
}

export function send(po: PurchaseOrder, c: Context): Result<PoDecision> {
  return act(po, 'send', c, (next) => {
    next.sentAtMs = c.nowMs
    return [{ lineId: null, kind: 'sent', detail: { lines: po.lines.length, units: units(po) } }]
  })
}

export interface LineAnswer {
  lineId: string
  /** 0 rejects the line. */
  quantityAccepted: number
  eta: number | null
  reason?: string | null
}

/** The supplier answers open lines: accepts all or part (the rest is cancelled, at its door) with an ETA, or rejects. */
export function confirm(po: PurchaseOrder, answers: readonly LineAnswer[], c: Context): Result<PoDecision> {
  return act(po, 'confirm', c, (next) => {
    const events: PoEventDraft[] = []
    const seen = new Set<string>()
    for (const a of answers) {
      if (seen.has(a.lineId)) return invalid('duplicate_line', `Line ${a.lineId} is answered twice.`, { lineId: a.lineId })
      seen.add(a.lineId)
      const line = lineOf(next, a.lineId)
      if (!line.ok) return line
      const l = line.value
      if (l.status !== 'open') return fail('line_already_answered', `Line ${l.lineNo} is ${l.status}; move its ETA or cut it instead.`, { lineId: l.id })
      const open = openQuantity(l)
      if (!Number.isSafeInteger(a.quantityAccepted) || a.quantityAccepted < 0) {
        return fail('invalid_quantity', `Line ${l.lineNo}: accepted quantity must be a whole number ≥ 0.`, { lineId: l.id })
      }
      if (a.quantityAccepted > open) return invalid('accepted_above_ordered', `Line ${l.lineNo}: at most ${open} can be accepted.`, { lineId: l.id, open })
      if (a.quantityAccepted > 0) {
        const eta = checkEta(a.eta, c.nowMs, l.lineNo)
        if (eta) return eta
      }
      const cut = open - a.quantityAccepted
      l.quantityAccepted = a.quantityAccepted
      l.quantityCancelled += cut
      l.quantityCancelledBySupplier += cut
      if (a.quantityAccepted > 0) l.confirmedEta = l.eta = a.eta
      events.push({
        lineId: l.id,
        kind: a.quantityAccepted === 0 ? 'line_rejected' : 'line_confirmed',
        detail: { lineNo: l.lineNo, quantityAccepted: a.quantityAccepted, quantityCut: cut, eta: dateOf(l.eta), reason: a.reason ?? null },
      })
    }
    if (answers.length === 0) return invalid('no_lines', 'Answer at least one line.')
    return events
  })
}

/** A new ETA for an accepted line, with the reason; counted on the supplier's scorecard. */
export function changeEta(po: PurchaseOrder, lineId: string, eta: number, reason: string, c: Context): Result<PoDecision> {
  return act(po, 'change_eta', c, (next) => {
    const line = lineOf(next, lineId)
    if (!line.ok) return line
    const l = line.value
    if (l.status !== 'accepted') return fail('line_not_accepted', `Line ${l.lineNo} is ${l.status}; only an accepted line with units still open has an ETA to move.`, { lineId })
    const bad = checkEta(eta, c.nowMs, l.lineNo)
    if (bad) return bad
    if (eta === l.eta) return invalid('eta_unchanged', `Line ${l.lineNo} is already expected on ${dateOf(eta)}.`, { lineId })
    const from = l.eta
    l.eta = eta
    l.etaChanges++
    return [{ lineId, kind: 'eta_changed', detail: { lineNo: l.lineNo, from: dateOf(from), to: dateOf(eta), reason, by: c.party } }]
  })
}

/**
 * Cancels units still open and not on a truck: the buyer cancels (the merchant's choice), the
 * supplier cuts (counts against its fill rate). Without a quantity, everything that can go.
 */
export function cancelLine(po: PurchaseOrder, lineId: string, quantity: number | null, reason: string, c: Context): Result<PoDecision> {
  return act(po, 'cancel_line', c, (next) => {
    const line = lineOf(next, lineId)
    if (!line.ok) return line
    const l = line.value
    const cancellable = openQuantity(l) - l.quantityInTransit
    if (cancellable <= 0) {
      return fail('nothing_to_cancel', `Line ${l.lineNo} has nothing open that is not already shipped.`, { lineId, inTransit: l.quantityInTransit })
    }
    const n = quantity ?? cancellable
    if (!Number.isSafeInteger(n) || n < 1) return fail('invalid_quantity', 'quantity must be a whole number ≥ 1.')
    if (n > cancellable) {
      return fail('quantity_in_transit', `Line ${l.lineNo}: only ${cancellable} can be cancelled; ${l.quantityInTransit} are on an ASN.`, { lineId, cancellable })
    }
    l.quantityCancelled += n
    if (c.party === 'supplier') l.quantityCancelledBySupplier += n
    return [{ lineId, kind: c.party === 'supplier' ? 'line_cut' : 'line_cancelled', detail: { lineNo: l.lineNo, quantity: n, reason, by: c.party } }]
  })
}

export interface AsnInput {
  reference: string | null
  carrier: string | null
  tracking: string | null
  eta: number
  lines: Array<{ lineId: string; quantity: number }>
}

/** An advance ship notice: the units leave the supplier and are expected on the ASN's ETA. */
export function ship(po: PurchaseOrder, input: AsnInput, asnId: string, c: Context): Result<PoDecision & { asn: Asn }> {
  let asn: Asn | undefined
  const decided = act(po, 'ship', c, (next) => {
    const bad = checkEta(input.eta, c.nowMs, null)
    if (bad) return bad
    if (input.lines.length === 0) return invalid('no_lines', 'An ASN needs at least one line.')
    // Lines are named by id or line number; the ASN stores the ids, and '1' and the first line's id are the same line.
    const shipped = new Map<string, number>()
    for (const a of input.lines) {
      const line = lineOf(next, a.lineId)
      if (!line.ok) return line
      const l = line.value
      if (shipped.has(l.id)) return invalid('duplicate_line', `Line ${l.lineNo} appears twice on the ASN.`, { lineId: l.id })
      shipped.set(l.id, a.quantity)
      if (l.status !== 'accepted') return fail('line_not_accepted', `Line ${l.lineNo} is ${l.status}; only accepted lines can be shipped.`, { lineId: l.id })
      const shippable = openQuantity(l) - l.quantityInTransit
      if (!Number.isSafeInteger(a.quantity) || a.quantity < 1) return fail('invalid_quantity', 'ASN quantities must be whole numbers ≥ 1.')
      if (a.quantity > shippable) {
        return invalid('asn_exceeds_open_quantity', `Line ${l.lineNo}: ${shippable} open and not yet shipped; the ASN says ${a.quantity}.`, { lineId: l.id, shippable })
      }
      l.quantityInTransit += a.quantity
    }
    asn = {
      id: asnId, poId: po.id, supplierId: po.supplierId, reference: input.reference, carrier: input.carrier,
      tracking: input.tracking, eta: input.eta, status: 'in_transit', createdBy: c.actor, createdAtMs: c.nowMs,
      receivedAtMs: null, cancelledAtMs: null,
      lines: [...shipped].map(([poLineId, quantity]) => ({ poLineId, quantity, quantityReceived: 0 })),
    }
    return [{ lineId: null, kind: 'asn_created', detail: { asnId, eta: dateOf(input.eta), carrier: input.carrier, tracking: input.tracking, units: input.lines.reduce((n, l) => n + l.quantity, 0) } }]
  })
  return decided.ok ? ok({ ...decided.value, asn: asn! }) : decided
}

/** An ASN that will not arrive: its units are open again (still owed, no longer on the way). */
export function cancelAsn(po: PurchaseOrder, asn: Asn, reason: string, c: Context): Result<PoDecision & { asn: Asn }> {
  if (asn.status !== 'in_transit') return fail('asn_not_in_transit', `ASN ${asn.id} is ${asn.status}.`)
  const decided = act(po, 'cancel_asn', c, (next) => {
    for (const a of asn.lines) {
      const l = next.lines.find((x) => x.id === a.poLineId)!
      l.quantityInTransit -= a.quantity - a.quantityReceived
    }
    return [{ lineId: null, kind: 'asn_cancelled', detail: { asnId: asn.id, reason } }]
  })
  if (!decided.ok) return decided
  return ok({ ...decided.value, asn: { ...asn, status: 'cancelled', cancelledAtMs: c.nowMs } })
}

export function cancel(po: PurchaseOrder, reason: string, c: Context): Result<PoDecision> {
  return act(po, 'cancel', c, (next) => {
    if (po.lines.some((l) => l.quantityReceived > 0 || l.quantityOver > 0)) {
      return fail('po_has_receipts', 'Goods have been received against this order; close it instead.')
    }
    if (po.lines.some((l) => l.quantityInTransit > 0)) return fail('asn_in_transit', 'An ASN is on its way; cancel the ASN first or receive it.')
    for (const l of next.lines) l.quantityCancelled += openQuantity(l)
    next.cancelledAtMs = c.nowMs
    next.cancelReason = reason
    return [{ lineId: null, kind: 'cancelled', detail: { reason } }]
  })
}

/** Closes the order: what is still open will not come, and counts as the supplier's shortfall. */
export function close(po: PurchaseOrder, reason: string, c: Context): Result<PoDecision> {
  return act(po, 'close', c, (next) => {
    if (po.lines.some((l) => l.quantityInTransit > 0)) return fail('asn_in_transit', 'An ASN is on its way; receive or cancel it before closing.')
    let closedShort = 0
    for (const l of next.lines) {
      const open = openQuantity(l)
      l.quantityCancelled += open
      l.quantityCancelledBySupplier += open
      closedShort += open
    }
    next.closedAtMs = c.nowMs
    return [{ lineId: null, kind: 'closed', detail: { reason, closedShort } }]
  })
}

/**
 * Runs one action on a copy of the PO: checks the lifecycle table, applies `change`, then
 * derives line and PO statuses, bumps the version and records a status change on the timeline.
 */
export function act(
  po: PurchaseOrder,
  action: PoAction,
  c: Context,
  change: (next: PurchaseOrder) => PoEventDraft[] | Failure,
): Result<PoDecision> {
  const refused = checkTransition(po, action, c.party)
  if (refused) return refused
  const next: PurchaseOrder = { ...po, lines: po.lines.map((l) => ({ ...l })) }
  const events = change(next)
  if (!Array.isArray(events)) return events
  for (const l of next.lines) l.status = lineStatusOf(l)
  next.status = poTransitions[action].to ?? derivedStatus(next)
  if (next.status === 'cancelled') next.cancelledAtMs ??= c.nowMs
  next.version = po.version + 1
  next.updatedAtMs = c.nowMs
  if (next.status !== po.status) events.push({ lineId: null, kind: 'status_changed', detail: { from: po.status, to: next.status } })
  return ok({ po: next, events })
}

function lineOf(po: PurchaseOrder, lineId: string): Result<PoLine> {
  const l = po.lines.find((x) => x.id === lineId || String(x.lineNo) === lineId)
  return l ? ok(l) : fail('line_not_found', `Purchase order ${po.id} has no line '${lineId}'.`, { lineId })
}

function checkEta(eta: number | null, nowMs: number, lineNo: number | null): Failure | undefined {
  const where = lineNo === null ? '' : `Line ${lineNo}: `
  if (eta === null) return invalid('eta_required', `${where}an ETA is required for accepted units.`)
  if (eta < dayStartOf(nowMs)) return invalid('eta_in_past', `${where}the ETA ${dateOf(eta)} has passed.`)
  return undefined
}

const units = (po: PurchaseOrder): number => po.lines.reduce((n, l) => n + l.quantityOrdered, 0)
