/**
 * Why a promise moved, in the customer's words, and what we tell them (DOMAIN.md §4): the
 * cause of a delay from the supply event behind it, the reason in plain words, and the message
 * with the new date, the compensation and the offer to cancel. Pure.
 */
import { majorUnits } from '../kernel/money.ts'
import type { Compensation } from '../promising/index.ts'
import { dayMs } from '../promising/index.ts'

/** Causes from the most serious down: when several changes hit one line, the most serious is named. */
export const delayCauses = [
  'po_cancelled', 'quantity_cut', 'qc_failed', 'shortage', 'node_rejected', 'delivery_short', 'shipment_cancelled',
  'transfer_cancelled', 'transfer_short', 'eta_moved', 'supply_overdue', 'transfer_delayed', 'supply_changed',
] as const
export type DelayCause = (typeof delayCauses)[number]

/** The purchase order (and its supplier) whose supply change caused a delay. */
export interface SupplierSlip {
  supplierId: string
  poId: string
}

export interface CauseOf {
  cause: DelayCause
  /** Plain words for the customer. */
  reason: string
  /** Set when the cause is a supplier's doing on one of its purchase orders: the delay names them (and a chargeback may follow). */
  slip?: SupplierSlip
}

/**
 * Causes a supplier is answerable for when they come from its purchase order. A PO the buyer
 * cancelled is the merchant's decision, and stock counts, transfers and reroutes involve no
 * supplier at all.
 */
export const supplierCauses: ReadonlySet<DelayCause> = new Set<DelayCause>(['quantity_cut', 'qc_failed', 'delivery_short', 'shipment_cancelled', 'eta_moved', 'supply_overdue'])

/** The cause, naming the PO and supplier behind it when it is a supplier's doing. */
export const blamed = (c: CauseOf, slip: SupplierSlip | undefined): CauseOf =>
  slip !== undefined && supplierCauses.has(c.cause) ? { ...c, slip } : c

/** The more serious of two causes. */
export const graver = (a: CauseOf | undefined, b: CauseOf): CauseOf =>
  a && delayCauses.indexOf(a.cause) <= delayCauses.indexOf(b.cause) ? a : b

const dayTexts = new Map<number, string>()

/** `YYYY-MM-DD` of a UTC day in ms (remembered: a slip writes the same few days 100,000 times). */
export function dayText(ms: number | null): string | null {
  if (ms === null) return null
  let text = dayTexts.get(ms)
  if (text === undefined) {
    text = new Date(ms).toISOString().slice(0, 10)
    if (dayTexts.size < 100_000) dayTexts.set(ms, text)
  }
  return text
}

const plain: Record<DelayCause, string> = {
  po_cancelled: 'A purchase order we were counting on for this item was cancelled.',
  quantity_cut: 'Our supplier is delivering fewer units than it confirmed.',
  qc_failed: 'Part of a delivery failed our quality check.',
  shortage: 'A stock count found fewer units in our warehouse than our records showed.',
  node_rejected: 'The location that was to send this item could not (it was missing or damaged there), so it will come from another location.',
  delivery_short: 'A delivery from our supplier arrived with fewer units than expected.',
  shipment_cancelled: 'A shipment that was on its way to us was cancelled.',
  transfer_cancelled: 'A transfer of stock between our warehouses was cancelled.',
  transfer_short: 'Stock moved between our warehouses arrived with fewer units than were sent.',
  eta_moved: 'Our supplier changed its delivery date.',
  supply_overdue: 'A delivery we were expecting for this item is late and has no new date yet.',
  transfer_delayed: 'Stock on its way between our warehouses will arrive later than planned.',
  supply_changed: 'The supply we had planned for this item changed.',
}

/** A cause with its reason; an ETA move names the supplier's old and new dates when both are known. */
export function causeOf(cause: DelayCause, fromDayMs: number | null = null, toDayMs: number | null = null): CauseOf {
  if ((cause === 'eta_moved' || cause === 'transfer_delayed') && fromDayMs !== null && toDayMs !== null && toDayMs > fromDayMs) {
    const who = cause === 'eta_moved' ? 'Our supplier moved its delivery' : 'Stock moving between our warehouses is now due'
    return { cause, reason: `${who} from ${dayText(fromDayMs)} to ${dayText(toDayMs)}.` }
  }
  return { cause, reason: plain[cause] }
}

/** Whole days from one UTC day to another. */
export const daysBetween = (fromMs: number, toMs: number): number => Math.round((toMs - fromMs) / dayMs)

/** `12.50 CNY` from minor units, with the currency's own number of decimals. */
export const moneyText = (amountMinor: number, currency: string): string => `${majorUnits(amountMinor, currency)} ${currency}`

export interface LineFacts {
  orderId: string
  skuName: string
  quantity: number
}

export interface Message {
  kind: 'delay' | 'promise_improved'
  subject: string
  body: string
}

/** The apology: what happened, the new date (or that we do not have one yet), the compensation and the right to cancel. */
export function delayMessage(line: LineFacts, cause: CauseOf, oldShipMs: number | null, newShipMs: number | null, compensation: Compensation): Message {
  const item = `${line.quantity} × ${line.skuName}`
  const when = newShipMs === null
    ? `We do not have a new date yet for ${item}; we will tell you as soon as we do.`
    : `${item} will now ship by ${dayText(newShipMs)}${oldShipMs === null ? '' : ` instead of ${dayText(oldShipMs)}`}.`
  const apology = compensation.amountMinor > 0
    ? ` As an apology we are giving you a coupon worth ${moneyText(compensation.amountMinor, compensation.currency)}.`
    : ''
  return {
    kind: 'delay',
    subject: `Your order ${line.orderId} is delayed`,
    body: `We are sorry: ${cause.reason} ${when}${apology} If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid.`,
  }
}

/** Good news: supply came in earlier and the line ships sooner. */
export function improvedMessage(line: LineFacts, oldShipMs: number | null, newShipMs: number, offerEnds = false): Message {
  const ends = offerEnds ? ' That is the day we first promised, so the offer to cancel for a full refund has ended; any compensation we gave you is yours to keep.' : ''
  return {
    kind: 'promise_improved',
    subject: `Your order ${line.orderId} will ship sooner`,
    body: `Good news: ${line.quantity} × ${line.skuName} will now ship by ${dayText(newShipMs)}${oldShipMs === null ? '' : ` instead of ${dayText(oldShipMs)}`}.${ends}`,
  }
}
