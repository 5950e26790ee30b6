/**
 * The planned events calendar's pure rules: what a planned event may say, and the calendar a
 * series sees over a span of days (events for every SKU or node, `*`, apply to each). No I/O.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { anyKey, dayOfIso, plannedEventKinds, type PlannedEvent, type PlannedEventKind } from './model.ts'
import type { Calendar } from './forecast/index.ts'

/** A planned event as sent: SKU and node by id or code, or `*`. */
export interface PlannedEventDraft {
  sku: string
  node: string
  date: string
  kind: string
  upliftPct?: number | null
  note?: string | null
}

/** The largest uplift a peak may carry: twenty times a normal day. */
export const mostUpliftPct = 2000

/** Checks a draft's own fields (the SKU and node are resolved by the caller); the failure names the field. */
export function checkPlannedEvent(d: PlannedEventDraft): Result<{ day: number; kind: PlannedEventKind; upliftPct: number | null; note: string | null }> {
  const day = dayOfIso(d.date)
  if (day === undefined) return invalid('date', `'${d.date}' is not a day (YYYY-MM-DD).`)
  if (!(plannedEventKinds as readonly string[]).includes(d.kind)) return invalid('kind', `'${d.kind}' is not one of ${plannedEventKinds.join(', ')}.`)
  const uplift = d.upliftPct ?? null
  if (uplift !== null) {
    if (d.kind !== 'peak' && d.kind !== 'promotion') return invalid('upliftPct', 'Only a peak or a promotion carries an expected uplift.')
    if (!Number.isInteger(uplift) || uplift < 0 || uplift > mostUpliftPct) return invalid('upliftPct', `The uplift is a whole percent from 0 to ${mostUpliftPct}.`)
  }
  const note = d.note ?? null
  if (note !== null && note.length > 500) return invalid('note', 'A note is at most 500 characters.')
  return ok({ day, kind: d.kind as PlannedEventKind, upliftPct: uplift, note })
}

const invalid = (field: string, detail: string) => fail('invalid_planned_event', `${field}: ${detail}`, { field })

/** Does this event apply to the series? */
export const appliesTo = (e: Pick<PlannedEvent, 'skuId' | 'nodeId'>, skuId: string, nodeId: string): boolean =>
  (e.skuId === anyKey || e.skuId === skuId) && (e.nodeId === anyKey || e.nodeId === nodeId)

/** An empty calendar over `length` days. */
export function emptyCalendar(length: number): Calendar {
  return {
    closed: new Uint8Array(length), promotion: new Uint8Array(length), holiday: new Uint8Array(length), peak: new Uint8Array(length), upliftPct: new Float64Array(length),
  }
}

/** The calendar of one series over `length` days from `startDay`, from the events that apply to it. */
export function calendarOf(events: readonly Pick<PlannedEvent, 'skuId' | 'nodeId' | 'day' | 'kind' | 'upliftPct'>[], skuId: string, nodeId: string, startDay: number, length: number): Calendar {
  const calendar = emptyCalendar(length)
  for (const e of events) {
    const i = e.day - startDay
    if (i < 0 || i >= length || !appliesTo(e, skuId, nodeId)) continue
    if (e.kind === 'closure') calendar.closed[i] = 1
    else if (e.kind === 'holiday') calendar.holiday[i] = 1
    else if (e.kind === 'promotion') calendar.promotion[i] = 1
    else calendar.peak[i] = 1
    // The most specific uplift given wins over a wildcard's (a SKU's own peak over the whole shop's).
    if (e.upliftPct !== null && (calendar.upliftPct[i] === 0 || e.skuId !== anyKey)) calendar.upliftPct[i] = e.upliftPct
  }
  return calendar
}
