/**
 * A node's fulfilment profile: when and how much it can ship or hand over. Cut-offs and the
 * working calendar are in the node's own time zone; capacity counts lines and units a day per
 * capability; pick/pack cost feeds routing's lowest-total-cost criterion. Pure rules only.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { codePattern } from './decide.ts'

export interface DailyCapacity {
  /** Most order lines a day (null: no limit). */
  lines: number | null
  /** Most units a day (null: no limit). */
  units: number | null
}

export interface FulfilmentProfile {
  /** IANA time zone the cut-offs and the calendar are read in, e.g. `Asia/Shanghai`. */
  timeZone: string
  /** Per capability (`ship`, `pickup`…), the local time `HH:MM` after which today's orders start the next working day. */
  cutoffs: Record<string, string>
  /** Days of the week the node does no work: 0 Sunday … 6 Saturday. */
  closedWeekdays: number[]
  /** Local dates (`YYYY-MM-DD`) the node is closed: holidays. */
  closedDates: string[]
  /** Per capability, the most it takes on a day; a capability not named has no limit. */
  capacity: Record<string, DailyCapacity>
  /** Pick and pack, in the currency's minor units: per shipment and per unit. */
  pickPackCost: { perShipment: number; perUnit: number }
}

export const defaultFulfilmentProfile: FulfilmentProfile = {
  timeZone: 'UTC', cutoffs: {}, closedWeekdays: [], closedDates: [], capacity: {}, pickPackCost: { perShipment: 0, perUnit: 0 },
}

export const maxClosedDates = 400
const maxCost = 1_000_000_000
const maxCapacity = 1_000_000_000
const cutoffPattern = /^([01]\d|2[0-3]):[0-5]\d$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/

const zones = new Map<string, boolean>()
/** Whether the runtime knows the IANA zone (remembered: Intl is slow to ask). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false
  let known = zones.get(zone)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      known = true
    } catch {
      known = false
    }
    zones.set(zone, known)
  }
  return known
}

const isDate = (d: unknown): boolean => typeof d === 'string' && datePattern.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)
const isCount = (v: unknown, max: number): boolean => v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Completes a profile as sent (fields left out take the defaults) and checks it; the failure names the field. */
export function decideFulfilmentProfile(input: unknown): Result<FulfilmentProfile> {
  const invalid = (field: string, rule: string) => fail('invalid_fulfilment_profile', `fulfilment.${field} ${rule}`, { field: `fulfilment.${field}` })
  if (!isRecord(input)) return invalid('', 'must be an object')
  const p = { ...defaultFulfilmentProfile, ...input } as FulfilmentProfile
  if (!isTimeZone(p.timeZone)) return invalid('timeZone', `must be an IANA time zone such as 'Asia/Shanghai' (got '${String(p.timeZone)}').`)
  if (!isRecord(p.cutoffs) || Object.keys(p.cutoffs).length > 20) return invalid('cutoffs', 'must map at most 20 capabilities to a local time HH:MM.')
  for (const [capability, time] of Object.entries(p.cutoffs)) {
    if (!codePattern.test(capability) || typeof time !== 'string' || !cutoffPattern.test(time)) return invalid(`cutoffs.${capability}`, `must be a local time HH:MM, e.g. '16:00' (got '${String(time)}').`)
  }
  const weekdays = p.closedWeekdays
  if (!Array.isArray(weekdays) || !weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) || new Set(weekdays).size !== weekdays.length || weekdays.length > 6) {
    return invalid('closedWeekdays', 'must be distinct days 0 (Sunday) to 6 (Saturday), at most six: a node works at least one day a week.')
  }
  if (!Array.isArray(p.closedDates) || p.closedDates.length > maxClosedDates || !p.closedDates.every(isDate)) return invalid('closedDates', `must be at most ${maxClosedDates} dates YYYY-MM-DD.`)
  if (!isRecord(p.capacity) || Object.keys(p.capacity).length > 20) return invalid('capacity', 'must map at most 20 capabilities to { lines, units } a day.')
  const capacity: Record<string, DailyCapacity> = {}
  for (const [capability, c] of Object.entries(p.capacity)) {
    const day = isRecord(c) ? { lines: c.lines ?? null, units: c.units ?? null } : undefined
    if (!codePattern.test(capability) || !day || !isCount(day.lines, maxCapacity) || !isCount(day.units, maxCapacity)) {
      return invalid(`capacity.${capability}`, `must be { lines, units }: whole numbers from 0 to ${maxCapacity}, or null for no limit.`)
    }
    capacity[capability] = day as DailyCapacity
  }
  const cost = p.pickPackCost
  if (!isRecord(cost) || !isCount(cost.perShipment ?? 0, maxCost) || !isCount(cost.perUnit ?? 0, maxCost) || cost.perShipment === null || cost.perUnit === null) {
    return invalid('pickPackCost', `must be { perShipment, perUnit }: whole minor units from 0 to ${maxCost}.`)
  }
  return ok({
    timeZone: p.timeZone, cutoffs: { ...p.cutoffs }, closedWeekdays: [...weekdays].sort(), closedDates: [...new Set(p.closedDates)].sort(), capacity,
    pickPackCost: { perShipment: (cost.perShipment as number | undefined) ?? 0, perUnit: (cost.perUnit as number | undefined) ?? 0 },
  })
}

/** A stored profile: what the column holds, with defaults for what an older row lacks. */
export function storedFulfilmentProfile(text: string | null | undefined): FulfilmentProfile {
  if (!text) return defaultFulfilmentProfile
  const decided = decideFulfilmentProfile(JSON.parse(text))
  return decided.ok ? decided.value : defaultFulfilmentProfile
}
