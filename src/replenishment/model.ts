/** The replenishment context's types: demand history, the planned events calendar, forecasts, policies and suggested purchase orders. */

/** Days are epoch days: whole days since 1970-01-01 (UTC), as demand is kept and forecast. */
export { dayMs, epochDayOf, isoDayOf, dayOfIso } from '../kernel/days.ts'

/**
 * One SKU × node × day of demand and what it is made of. Demand is what customers asked for:
 * `ordered − cancelled + lost + imported`. Backorders and presale orders are ordered units like any
 * other; an order cancelled or left unpaid is taken back on the day it was ordered (it never
 * counts twice); a refused order (no stock or supply) is lost demand, and so is an order the
 * customer cancelled because it was late. Returns are shown, not subtracted: the customer asked
 * for the unit, and a unit put back on the shelf is stock the position already sees.
 */
export interface DemandDay {
  skuId: string
  nodeId: string
  day: number
  ordered: number
  presale: number
  lost: number
  cancelled: number
  returned: number
  imported: number
}

export const demandOf = (d: Pick<DemandDay, 'ordered' | 'cancelled' | 'lost' | 'imported'>): number => Math.max(0, d.ordered - d.cancelled + d.lost + d.imported)

/** What one event adds to one SKU × node × day (counts only; the store adds them up). */
export type DemandDelta = Partial<Omit<DemandDay, 'skuId' | 'nodeId' | 'day'>> & Pick<DemandDay, 'skuId' | 'nodeId' | 'day'>

export const plannedEventKinds = ['promotion', 'closure', 'holiday', 'peak'] as const
export type PlannedEventKind = (typeof plannedEventKinds)[number]

/** A day the merchant knows about in advance: a promotion, a closure, a public holiday or a peak (Double 11) with its expected uplift. */
export interface PlannedEvent {
  id: string
  /** A SKU id, or `*` for every SKU. */
  skuId: string
  /** A node id, or `*` for every node. */
  nodeId: string
  day: number
  kind: PlannedEventKind
  /** A peak's expected uplift in percent over a normal day, used when history has no comparable event. */
  upliftPct: number | null
  note: string | null
  createdAtMs: number
  createdBy: string
}

export const anyKey = '*'
