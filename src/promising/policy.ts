/**
 * Sell-ahead policies and promising settings, pure: validated when set (so what is stored is
 * always usable) and resolved to the allocation rule an order line is decided by.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, type PromisingErrorCode } from './errors.ts'
import { channelView, type Buckets } from '../inventory/index.ts'
import { dayMs, defaultOverdueStepDays, slotKindsOf, supplyKinds, type AllocationRule, type SellAheadPolicy, type SupplyKind } from './model.ts'

export const maxHorizonDays = 365

const invalid = (code: PromisingErrorCode, detail: string, field: string): Failure => fail(code, detail, { field })

/** A policy as sent; every field is checked, nothing is defaulted silently except the optional buffer and cap. */
export interface PolicyInput {
  kinds: string[]
  unconfirmedBufferDays?: number
  horizonDays: number
  maxBeyondStock?: number | null
}

/**
 * Checks a policy in a fixed order: kinds, stock, buffer, horizon, cap. Stock may only be left
 * out of a presale-only policy: selling future units while refusing the shelf makes no sense.
 */
export function decidePolicy(input: PolicyInput): Result<SellAheadPolicy> {
  const unknown = input.kinds.find((k) => !(supplyKinds as readonly string[]).includes(k))
  if (unknown !== undefined) return invalid('unknown_supply_kind', `'${unknown}' is not a supply kind; use ${supplyKinds.join(', ')}.`, 'kinds')
  if (input.kinds.length === 0) return invalid('no_supply_kinds', 'A policy must allow at least one kind of supply.', 'kinds')
  if (new Set(input.kinds).size !== input.kinds.length) return invalid('duplicate_supply_kind', 'Each supply kind may be named once.', 'kinds')
  const kinds = supplyKinds.filter((k) => input.kinds.includes(k)) as SupplyKind[]
  const presaleOnly = kinds.length === 1 && kinds[0] === 'presale'
  if (!kinds.includes('stock') && !presaleOnly) {
    return invalid('stock_required', 'A policy that sells future supply must also sell stock (only a presale-only policy may leave it out).', 'kinds')
  }
  const buffer = input.unconfirmedBufferDays ?? 0
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > maxHorizonDays) {
    return invalid('invalid_unconfirmed_buffer', `unconfirmedBufferDays must be a whole number from 0 to ${maxHorizonDays}.`, 'unconfirmedBufferDays')
  }
  if (buffer > 0 && !kinds.includes('po_unconfirmed')) {
    return invalid('buffer_without_unconfirmed', 'A buffer for unconfirmed PO dates only applies when po_unconfirmed is sold.', 'unconfirmedBufferDays')
  }
  if (!Number.isInteger(input.horizonDays) || input.horizonDays < 0 || input.horizonDays > maxHorizonDays) {
    return invalid('invalid_horizon', `horizonDays must be a whole number from 0 to ${maxHorizonDays}.`, 'horizonDays')
  }
  const cap = input.maxBeyondStock ?? null
  if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0)) {
    return invalid('invalid_max_beyond_stock', 'maxBeyondStock must be a whole number of units, 0 or more, or null for no cap.', 'maxBeyondStock')
  }
  return ok({ kinds, unconfirmedBufferDays: buffer, horizonDays: input.horizonDays, maxBeyondStock: cap })
}

/**
 * The rule a new line is allocated by at one node: what the policy sells, no slot dated after
 * today + horizon, and the supplier's longest declared lead time for the virtual allowance.
 */
export function ruleOf(policy: SellAheadPolicy, todayMs: number, virtualLeadDays: number, overdueStepDays = defaultOverdueStepDays): AllocationRule {
  return {
    stock: policy.kinds.includes('stock'),
    virtual: policy.kinds.includes('virtual'),
    virtualLeadDays,
    slotKinds: slotKindsOf(policy.kinds),
    slotIds: null,
    unconfirmedBufferDays: policy.unconfirmedBufferDays,
    horizonDayMs: todayMs + policy.horizonDays * dayMs,
    maxBeyondStock: policy.maxBeyondStock,
    overdueStepDays,
  }
}

/** Promising settings (the `promising` row of `settings`): payment window, transit days, customer tiers, overdue supply. */
export interface PromisingSettings {
  paymentWindowMinutes: number
  transitDays: { sameRegion: number; otherRegion: number }
  /** Customer tier → priority class for re-promising (higher first); tiers not listed are refused. */
  customerTiers: Record<string, number>
  /** Supply past its date without arriving is expected this many days later, again each time that passes. */
  overdueSupplyStepDays: number
}

export const defaultPromisingSettings: PromisingSettings = {
  paymentWindowMinutes: 30,
  transitDays: { sameRegion: 1, otherRegion: 3 },
  customerTiers: {},
  overdueSupplyStepDays: defaultOverdueStepDays,
}

export type PromisingSettingsInput = Omit<PromisingSettings, 'overdueSupplyStepDays'> & { overdueSupplyStepDays?: number }

const maxCustomerTiers = 100

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

/** Checks settings as sent (or stored before a field existed: absent fields take their defaults). */
export function decidePromisingSettings(input: PromisingSettingsInput): Result<PromisingSettings> {
  const bad = (detail: string, field: string) => fail('invalid_promising_settings', detail, { field })
  if (!isWhole(input.paymentWindowMinutes, 1, 7 * 24 * 60)) return bad('paymentWindowMinutes must be a whole number from 1 to 10080 (a week).', 'paymentWindowMinutes')
  const t = input.transitDays
  if (!isWhole(t?.sameRegion, 0, 60) || !isWhole(t?.otherRegion, 0, 60)) return bad('transitDays.sameRegion and otherRegion must be whole days from 0 to 60.', 'transitDays')
  if (t.otherRegion < t.sameRegion) return bad('transitDays.otherRegion must not be shorter than sameRegion.', 'transitDays')
  const tiers = input.customerTiers ?? {}
  if (Object.keys(tiers).length > maxCustomerTiers) return bad(`At most ${maxCustomerTiers} customer tiers.`, 'customerTiers')
  for (const [name, priority] of Object.entries(tiers)) {
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(name)) return bad(`Customer tier '${name}' must be 1–40 letters, digits, '_', '.' or '-'.`, 'customerTiers')
    if (!isWhole(priority, 0, 100)) return bad(`Customer tier '${name}' must map to a priority class from 0 to 100.`, 'customerTiers')
  }
  const overdueStep = input.overdueSupplyStepDays ?? defaultOverdueStepDays
  if (!isWhole(overdueStep, 1, 30)) return bad('overdueSupplyStepDays must be a whole number of days from 1 to 30.', 'overdueSupplyStepDays')
  return ok({
    paymentWindowMinutes: input.paymentWindowMinutes, transitDays: { sameRegion: t.sameRegion, otherRegion: t.otherRegion }, customerTiers: { ...tiers },
    overdueSupplyStepDays: overdueStep,
  })
}

/**
 * The priority class of a customer tier, or undefined for a tier the settings do not list. The
 * name comes from the request: an own-property check, so `constructor` or `__proto__` is unknown.
 */
export function tierPriority(settings: PromisingSettings, tier: string): number | undefined {
  return Object.hasOwn(settings.customerTiers, tier) ? settings.customerTiers[tier] : undefined
}

/** Whole days a node needs from the day goods are ready to the day they leave: its handling hours, rounded up. */
export const handlingDaysOf = (handlingTimeHours: number): number => Math.ceil(Math.max(0, handlingTimeHours) / 24)

/** Carrier days from a node to the customer: none for a pickup, else by region. */
export function transitDaysOf(settings: PromisingSettings, nodeRegion: string, fulfilment: { method: 'ship'; region: string } | { method: 'pickup'; nodeId: string }): number {
  if (fulfilment.method === 'pickup') return 0
  return nodeRegion === fulfilment.region ? settings.transitDays.sameRegion : settings.transitDays.otherRegion
}

/**
 * The position as a line sees it: earlier lines of the same order count as reserved, the
 * channel's safety buffer is held back and its fence at the node is sellable, as inventory's
 * `channelView` sees them for reservations and availability. Availability to promise sees
 * positions the same way. (Earlier lines' fenced units left L as they entered O, so counting
 * them as reserved against the whole fence is exact.)
 */
export function positionSeen<P extends Buckets>(p: P, earlierReserved: number, stockBuffer: number, fence: number): P {
  const seen = channelView(p, stockBuffer, fence)
  return earlierReserved === 0 ? seen : { ...seen, reserved: seen.reserved + earlierReserved }
}
