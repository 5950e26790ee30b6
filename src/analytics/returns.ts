/**
 * The returns measures' pure rules (docs/analytics.md `returns`): what a return's events add to
 * the rollups, and the figures read back from them. A `return.changed` only says which return
 * changed; what changed is in the return's own events, so the projector counts each return's
 * events after the last one it counted (kept per return), each on the day it happened. No I/O.
 */
import type { Return, ReturnEvent } from '../returns/index.ts'
import { add, addSkuUnits, type DailyDeltas, type SkuUnits } from './decide.ts'
import type { DailyCounters, ReturnReasonRow, ReturnUnitsRow } from './model.ts'
import type { FeedEvent } from '../events/index.ts'

/** The returns a page of events names. */
export const returnsNamed = (events: readonly FeedEvent[]): string[] =>
  [...new Set(events.filter((e) => e.topic === 'return.changed').map((e) => (e.payload as { returnId: string }).returnId))]

/** The counter each disposition adds to. */
const dispositionCounter: Record<string, keyof DailyCounters> = {
  restock: 'returnUnitsRestocked', outlet: 'returnUnitsOutlet', refurbish: 'returnUnitsRefurbished', return_to_vendor: 'returnUnitsToVendor', scrap: 'returnUnitsScrapped',
}
/** Dispositions that bring the unit's value back: sellable again, at the receiving node or at an outlet. */
const recovering = new Set(['restock', 'outlet'])

const count = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0)
const listOf = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [])

export interface ReturnsProjection {
  reasons: ReturnReasonRow[]
  /** Per return, the id of the last of its events now counted. */
  seen: Array<{ returnId: string; afterEventId: number }>
}

/**
 * Adds what each return's events after `seen` (its last event counted) add: `opened` a return
 * opened; `received` its units returned (per SKU and reason too); `inspected` each unit's
 * disposition and, restocked or sent to an outlet, its unit price recovered; `refund_requested` a
 * refund asked for and its amount; `refunded` a refund paid, its amount and the time since it was
 * requested. Every count lands on the day of its event, in the return's channel (its order's).
 */
export function projectReturns(
  deltas: DailyDeltas, skuUnits: SkuUnits, returns: ReadonlyArray<{ ret: Return; events: readonly ReturnEvent[] }>, seen: ReadonlyMap<string, number>,
): ReturnsProjection {
  const reasons = new Map<string, ReturnReasonRow>()
  const out: ReturnsProjection['seen'] = []
  for (const { ret, events } of returns) {
    const after = seen.get(ret.id) ?? 0
    const fresh = events.filter((e) => e.id > after)
    if (fresh.length === 0) continue
    for (const e of fresh) projectReturnEvent(deltas, skuUnits, reasons, ret, events, e)
    out.push({ returnId: ret.id, afterEventId: fresh[fresh.length - 1].id })
  }
  return { reasons: [...reasons.values()], seen: out }
}

function projectReturnEvent(
  deltas: DailyDeltas, skuUnits: SkuUnits, reasons: Map<string, ReturnReasonRow>, ret: Return, events: readonly ReturnEvent[], e: ReturnEvent,
): void {
  const channelId = ret.channelId
  const lineOf = (lineNo: unknown) => ret.lines.find((l) => l.lineNo === lineNo)
  switch (e.kind) {
    case 'opened':
      return add(deltas, e.atMs, channelId, { returnsOpened: 1 })
    case 'received':
      for (const q of listOf(e.detail.lines)) {
        const line = lineOf(q.lineNo)
        const units = count(q.quantity)
        if (!line || units === 0) continue
        add(deltas, e.atMs, channelId, { returnUnits: units })
        addSkuUnits(skuUnits, e.atMs, channelId, line.skuId, { unitsReturned: units })
        addReason(reasons, e.atMs, channelId, line.reason, units)
      }
      return
    case 'inspected':
      for (const u of listOf(e.detail.units)) {
        const counter = dispositionCounter[String(u.disposition)]
        const line = lineOf(u.lineNo)
        if (!counter || !line) continue
        add(deltas, e.atMs, channelId, { [counter]: 1, returnRecoveredMinor: recovering.has(String(u.disposition)) ? line.unitPrice : 0 })
      }
      return
    case 'refund_requested':
      return add(deltas, e.atMs, channelId, { refundsRequested: 1, refundRequestedMinor: count(e.detail.amount) })
    case 'refunded': {
      const requested = events.find((x) => x.kind === 'refund_requested')
      const requestedAtMs = requested?.atMs ?? ret.refundRequestedAtMs ?? e.atMs
      const amount = requested ? count(requested.detail.amount) : count(ret.refundAmount)
      return add(deltas, e.atMs, channelId, { refundsPaid: 1, refundPaidMinor: amount, refundTimeMs: Math.max(0, e.atMs - requestedAtMs) })
    }
  }
}

function addReason(reasons: Map<string, ReturnReasonRow>, atMs: number, channelId: string, reason: string, units: number): void {
  const dayMs = Math.floor(atMs / 86_400_000) * 86_400_000
  const key = `${dayMs}|${channelId}|${reason}`
  const row = reasons.get(key) ?? { dayMs, channelId, reason, units: 0 }
  reasons.set(key, { ...row, units: row.units + units })
}

/**
 * Units sold and returned of each SKU credited to every supplier with purchase terms for it (a
 * SKU two suppliers sell counts for both; one without terms for none), per day × channel.
 */
export function supplierUnitsOf(skuUnits: Iterable<ReturnUnitsRow>, suppliersBySku: ReadonlyMap<string, readonly string[]>): ReturnUnitsRow[] {
  const out = new Map<string, ReturnUnitsRow>()
  for (const row of skuUnits) {
    for (const supplierId of suppliersBySku.get(row.key) ?? []) {
      const key = `${row.dayMs}|${row.channelId}|${supplierId}`
      const was = out.get(key) ?? { dayMs: row.dayMs, channelId: row.channelId, key: supplierId, unitsSold: 0, unitsReturned: 0 }
      out.set(key, { ...was, unitsSold: was.unitsSold + row.unitsSold, unitsReturned: was.unitsReturned + row.unitsReturned })
    }
  }
  return [...out.values()]
}
