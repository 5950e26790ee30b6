/**
 * A node's working calendar, for promised dates: the day a line ships given the day it is ready,
 * the node's cut-off, its closed days, its handling time in working days, and the days it is
 * already full. Days are the system's day values (UTC midnight of a calendar date); the node's
 * own "today" and cut-off are read in its time zone. Pure.
 */
import { dayMs } from './model.ts'

/** What a calendar needs of a node's fulfilment profile (catalogue's `FulfilmentProfile` has it). */
export interface WorkingCalendar {
  timeZone: string
  cutoffs: Record<string, string>
  closedWeekdays: number[]
  closedDates: string[]
}

/** How far ahead a ship day is looked for before the node is said to have none (a year and a bit). */
export const maxDaysAhead = 400

const formatters = new Map<string, Intl.DateTimeFormat>()
let lastNow: { nowMs: number; timeZone: string; local: LocalNow } | undefined

export interface LocalNow {
  /** Today's date in the zone, as a day value. */
  dayMs: number
  /** Minutes since local midnight. */
  minutes: number
}

/** The node's local date and time (remembered for the last instant asked: a batch asks many nodes about one instant). */
export function localNow(nowMs: number, timeZone: string): LocalNow {
  if (lastNow && lastNow.nowMs === nowMs && lastNow.timeZone === timeZone) return lastNow.local
  let local: LocalNow
  if (timeZone === 'UTC') {
    const day = Math.floor(nowMs / dayMs) * dayMs
    local = { dayMs: day, minutes: Math.floor((nowMs - day) / 60_000) }
  } else {
    let f = formatters.get(timeZone)
    if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })))
    const parts = Object.fromEntries(f.formatToParts(nowMs).map((p) => [p.type, p.value]))
    local = { dayMs: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)), minutes: Number(parts.hour) * 60 + Number(parts.minute) }
  }
  lastNow = { nowMs, timeZone, local }
  return local
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const closedDateSets = new WeakMap<readonly string[], Set<number>>()

/** Whether the node works on the day. */
export function isWorkingDay(c: WorkingCalendar, day: number): boolean {
  if (c.closedWeekdays.length > 0 && c.closedWeekdays.includes(new Date(day).getUTCDay())) return false
  if (c.closedDates.length === 0) return true
  let closed = closedDateSets.get(c.closedDates)
  if (!closed) closedDateSets.set(c.closedDates, (closed = new Set(c.closedDates.map((d) => Date.parse(`${d}T00:00:00Z`)))))
  return !closed.has(day)
}

/** The first working day on or after `day`, or null when none within `maxDaysAhead`. */
export function nextWorkingDay(c: WorkingCalendar, day: number): number | null {
  for (let i = 0; i < maxDaysAhead; i++, day += dayMs) if (isWorkingDay(c, day)) return day
  return null
}

/** The day work on a line can start: the later of the day it is ready and today — tomorrow once past today's cut-off — on a working day. */
export function startDayOf(c: WorkingCalendar, capability: string, readyDayMs: number, nowMs: number): number | null {
  const now = localNow(nowMs, c.timeZone)
  const cutoff = c.cutoffs[capability]
  const today = cutoff !== undefined && now.minutes >= minutesOf(cutoff) ? now.dayMs + dayMs : now.dayMs
  return nextWorkingDay(c, Math.max(readyDayMs, today))
}

/**
 * The day a line ready on `readyDayMs` ships: its start day plus `handlingDays` working days,
 * moved on past any day `isFull` says is taken. Null when there is none within `maxDaysAhead`.
 */
export function shipDayOf(c: WorkingCalendar, capability: string, handlingDays: number, readyDayMs: number, nowMs: number, isFull?: (day: number) => boolean): number | null {
  let day = startDayOf(c, capability, readyDayMs, nowMs)
  for (let i = 0; i < handlingDays && day !== null; i++) day = nextWorkingDay(c, day + dayMs)
  const limit = readyDayMs + maxDaysAhead * dayMs
  while (day !== null && isFull?.(day)) day = day >= limit ? null : nextWorkingDay(c, day + dayMs)
  return day
}
