/** Pure checks of what merchants send: a routing profile and the shipping zones. */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import {
  criterionKinds, fallbacks, filterKinds,
  type RoutingFilter, type RoutingProfileBody, type ShippingSettings, type SortCriterion,
} from './model.ts'

const refPattern = /^[A-Za-z0-9._-]{1,80}$/
const regionPattern = /^[^\s].{0,63}$/
export const maxFilters = 10
export const maxRefs = 200
const maxMoney = 1_000_000_000

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isRefList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length <= maxRefs && v.every((r) => typeof r === 'string' && refPattern.test(r))

/** A profile as sent, checked as a whole; `knows(ref)` says whether a node id or code exists. */
export function decideRoutingProfile(input: unknown, knows: (ref: string) => boolean): Result<RoutingProfileBody> {
  const invalid = (field: string, rule: string) => fail('invalid_routing_profile', `${field} ${rule}`, { field })
  if (!isRecord(input)) return invalid('profile', 'must be an object.')
  const { filters, sort, maxSplits = null, splitPenalty = 0, whenNothingFits = 'refuse' } = input
  if (!Array.isArray(filters) || filters.length > maxFilters) return invalid('filters', `must be a list of at most ${maxFilters} filters.`)
  const seen = new Set<string>()
  for (const [i, f] of filters.entries()) {
    const at = `filters[${i}]`
    if (!isRecord(f) || !filterKinds.includes(f.kind as RoutingFilter['kind'])) return invalid(at, `must have a kind among ${filterKinds.join(', ')}.`)
    if (seen.has(f.kind as string)) return invalid(at, `repeats the filter '${String(f.kind)}'.`)
    seen.add(f.kind as string)
    if (f.kind === 'available_within' && !(f.days === null || (Number.isInteger(f.days) && (f.days as number) >= 0 && (f.days as number) <= 365))) return invalid(`${at}.days`, 'must be 0–365 days, or null for any supply the policy sells.')
    if (f.kind === 'priority_groups') {
      if (!Array.isArray(f.groups) || f.groups.length === 0 || f.groups.length > 20 || !f.groups.every(isRefList)) return invalid(`${at}.groups`, 'must be 1–20 groups, each a list of node ids or codes.')
      const unknown = (f.groups as string[][]).flat().find((r) => !knows(r))
      if (unknown) return invalid(`${at}.groups`, `names no node: '${unknown}'.`)
    }
  }
  if (!Array.isArray(sort) || sort.length === 0 || sort.length > criterionKinds.length) return invalid('sort', `must list 1–${criterionKinds.length} criteria.`)
  const sorted = new Set<string>()
  for (const [i, c] of sort.entries()) {
    const at = `sort[${i}]`
    if (!isRecord(c) || !criterionKinds.includes(c.kind as SortCriterion['kind'])) return invalid(at, `must have a kind among ${criterionKinds.join(', ')}.`)
    if (sorted.has(c.kind as string)) return invalid(at, `repeats the criterion '${String(c.kind)}'.`)
    sorted.add(c.kind as string)
    if (c.kind === 'priority') {
      if (!isRefList(c.nodes)) return invalid(`${at}.nodes`, 'must list 1–200 node ids or codes, best first.')
      const unknown = (c.nodes as string[]).find((r) => !knows(r))
      if (unknown) return invalid(`${at}.nodes`, `names no node: '${unknown}'.`)
    }
  }
  if (!(maxSplits === null || (Number.isInteger(maxSplits) && (maxSplits as number) >= 0 && (maxSplits as number) <= 50))) return invalid('maxSplits', 'must be 0–50 extra shipments, or null for no limit.')
  if (!(Number.isInteger(splitPenalty) && (splitPenalty as number) >= 0 && (splitPenalty as number) <= maxMoney)) return invalid('splitPenalty', `must be whole minor units from 0 to ${maxMoney}.`)
  if (!fallbacks.includes(whenNothingFits as RoutingProfileBody['whenNothingFits'])) return invalid('whenNothingFits', `must be one of ${fallbacks.join(', ')}.`)
  return ok({
    filters: (filters as RoutingFilter[]).map(copyFilter),
    sort: (sort as SortCriterion[]).map((c) => (c.kind === 'priority' ? { kind: c.kind, nodes: [...c.nodes] } : { kind: c.kind })),
    maxSplits: maxSplits as number | null, splitPenalty: splitPenalty as number, whenNothingFits: whenNothingFits as RoutingProfileBody['whenNothingFits'],
  })
}

/** Only the fields each kind has (what else was sent is not kept). */
function copyFilter(f: RoutingFilter): RoutingFilter {
  if (f.kind === 'available_within') return { kind: f.kind, days: f.days }
  if (f.kind === 'priority_groups') return { kind: f.kind, groups: f.groups.map((g) => [...g]) }
  return { kind: f.kind }
}

export function decideShipping(input: unknown): Result<ShippingSettings> {
  const invalid = (field: string, rule: string) => fail('invalid_shipping_zones', `${field} ${rule}`, { field })
  if (!isRecord(input)) return invalid('shipping', 'must be an object with regions and zones.')
  const { regions = [], zones = [] } = input
  if (!Array.isArray(regions) || regions.length > 500) return invalid('regions', 'must be at most 500 regions.')
  const names = new Set<string>()
  for (const [i, r] of regions.entries()) {
    const at = `regions[${i}]`
    if (!isRecord(r) || typeof r.region !== 'string' || !regionPattern.test(r.region)) return invalid(`${at}.region`, 'must be 1–64 characters.')
    if (names.has(r.region)) return invalid(`${at}.region`, `repeats '${r.region}'.`)
    names.add(r.region)
    if (!(typeof r.latitude === 'number' && Math.abs(r.latitude) <= 90 && typeof r.longitude === 'number' && Math.abs(r.longitude) <= 180)) {
      return invalid(at, 'needs latitude (-90–90) and longitude (-180–180) of the region\'s centre.')
    }
  }
  if (!Array.isArray(zones) || zones.length > 5000) return invalid('zones', 'must be at most 5,000 zones.')
  const keys = new Set<string>()
  for (const [i, z] of zones.entries()) {
    const at = `zones[${i}]`
    if (!isRecord(z) || typeof z.from !== 'string' || !regionPattern.test(z.from) || typeof z.to !== 'string' || !regionPattern.test(z.to)) return invalid(at, "needs from and to regions ('*' for any).")
    if (typeof z.serviceLevel !== 'string' || !refPattern.test(z.serviceLevel)) return invalid(`${at}.serviceLevel`, "must be a name such as 'standard' or 'express'.")
    if (!(Number.isInteger(z.transitDays) && (z.transitDays as number) >= 0 && (z.transitDays as number) <= 60)) return invalid(`${at}.transitDays`, 'must be 0–60 days.')
    if (!(Number.isInteger(z.cost) && (z.cost as number) >= 0 && (z.cost as number) <= maxMoney)) return invalid(`${at}.cost`, `must be whole minor units from 0 to ${maxMoney}.`)
    const key = `${z.from}|${z.to}|${z.serviceLevel}`
    if (keys.has(key)) return invalid(at, `repeats ${z.from} → ${z.to} at ${z.serviceLevel}.`)
    keys.add(key)
  }
  return ok({
    regions: (regions as ShippingSettings['regions']).map((r) => ({ region: r.region, latitude: r.latitude, longitude: r.longitude })),
    zones: (zones as ShippingSettings['zones']).map((z) => ({ from: z.from, to: z.to, serviceLevel: z.serviceLevel, transitDays: z.transitDays, cost: z.cost })),
  })
}
