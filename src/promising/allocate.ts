/**
 * Allocation, pure: which supply an order line is promised against. A new line takes stock
 * first, then future supply in date order within its rule; re-promising re-allocates every
 * waiting line of a position in priority order against the supply as it now is.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { sellable, type Buckets } from '../inventory/index.ts'
import { slotFree, type SupplySlot } from '../supply/index.ts'
import { dayMs, defaultOverdueStepDays, overdueDay, type Allocation, type AllocationRule, type LineAllocation } from './model.ts'

export interface LinePlan {
  allocation: LineAllocation
  /** Units to promise from each slot. */
  slotTakes: Array<[SupplySlot, number]>
}

/** Stock a line may take now: the physical shelf first (ready today), then the virtual allowance. */
function stockParts(p: Buckets, rule: Pick<AllocationRule, 'stock' | 'virtual' | 'virtualLeadDays'>, wanted: number, todayMs: number): Allocation[] {
  const s = sellable(p)
  const physicalFree = Math.max(0, s - p.virtual)
  const virtualFree = Math.max(0, s) - physicalFree
  const parts: Allocation[] = []
  const physical = rule.stock ? Math.min(wanted, physicalFree) : 0
  if (physical > 0) parts.push({ source: 'stock', kind: 'stock', quantity: physical, availableAtMs: todayMs })
  const virtual = rule.virtual ? Math.min(wanted - physical, virtualFree) : 0
  if (virtual > 0) parts.push({ source: 'virtual', kind: 'virtual', quantity: virtual, availableAtMs: todayMs + rule.virtualLeadDays * dayMs })
  return parts
}

/**
 * The day a slot's units count from under a rule, or undefined when the rule may not use it.
 * Supply whose day has passed is overdue: it counts from the estimate `overdueDay` makes (a
 * presale quota keeps its campaign's day, which the campaign's own rules enforce).
 */
function slotDay(slot: SupplySlot, rule: Pick<AllocationRule, 'slotKinds' | 'slotIds' | 'unconfirmedBufferDays'>, todayMs: number, overdueStepDays: number): number | undefined {
  if (rule.slotIds ? !rule.slotIds.includes(slot.id) : !rule.slotKinds.includes(slot.kind)) return undefined
  if (slot.availableAtMs === null) return undefined
  const due = slot.availableAtMs + (slot.kind === 'po_unconfirmed' ? rule.unconfirmedBufferDays * dayMs : 0)
  return slot.kind === 'presale' ? Math.max(todayMs, due) : overdueDay(due, todayMs, overdueStepDays)
}

/** The slots a rule may use, by the day their units count from (an unconfirmed buffer can reorder them). */
function eligibleSlots(slots: readonly SupplySlot[], rule: ReplanRule, todayMs: number, overdueStepDays: number): Array<{ slot: SupplySlot; day: number }> {
  const out: Array<{ slot: SupplySlot; day: number }> = []
  for (const slot of slots) {
    const day = slotDay(slot, rule, todayMs, overdueStepDays)
    if (day !== undefined) out.push({ slot, day })
  }
  return out.length > 1 ? out.sort((a, b) => a.day - b.day) : out
}

const stockQuantityOf = (parts: Allocation[]): number => parts.reduce((n, a) => n + a.quantity, 0)

/**
 * A new line: stock, then slots in date order, within the horizon and the cap on units promised
 * beyond stock. All of it or a refusal saying what could be had.
 */
export function allocateLine(p: Buckets, slots: readonly SupplySlot[], rule: AllocationRule, quantity: number, todayMs: number): Result<LinePlan> {
  const parts = stockParts(p, rule, quantity, todayMs)
  const stockQuantity = stockQuantityOf(parts)
  let remaining = quantity - stockQuantity
  const slotTakes: Array<[SupplySlot, number]> = []
  if (remaining > 0) {
    let beyondRoom = Number.POSITIVE_INFINITY
    if (rule.maxBeyondStock !== null) {
      const promised = slots.reduce((n, s) => n + (s.kind === 'presale' ? 0 : s.promised), 0)
      beyondRoom = Math.max(0, rule.maxBeyondStock - promised)
    }
    for (const { slot, day } of eligibleSlots(slots, rule, todayMs, rule.overdueStepDays ?? defaultOverdueStepDays)) {
      if (remaining === 0) break
      if (rule.horizonDayMs !== null && day > rule.horizonDayMs) break
      // A presale quota is sold on its own terms; the cap is on promises against other future supply.
      const take = Math.min(remaining, slotFree(slot), slot.kind === 'presale' ? remaining : beyondRoom)
      if (take <= 0) continue
      parts.push({ source: slot.id, kind: slot.kind, quantity: take, availableAtMs: day })
      slotTakes.push([slot, take])
      remaining -= take
      if (slot.kind !== 'presale') beyondRoom -= take
    }
  }
  if (remaining > 0) {
    const onlyStock = rule.slotKinds.length === 0 && rule.slotIds === null
    return onlyStock
      ? fail('insufficient_stock', `Only ${stockQuantity} in stock; this SKU is not sold ahead of stock here.`, { available: stockQuantity })
      : fail('insufficient_supply', `Only ${quantity - remaining} can be promised within the sell-ahead policy.`, { available: quantity - remaining })
  }
  return ok({ allocation: { stockQuantity, parts, unallocated: 0 }, slotTakes })
}

/** Of two nodes' refusals, the one that could promise more (the first on a tie): what the customer is told is available. */
export function nearestRefusal(kept: Failure | undefined, next: Failure): Failure {
  return kept && Number(kept.extra?.available ?? 0) >= Number(next.extra?.available ?? 0) ? kept : next
}

/** A line waiting at a position, as re-promising sees it. */
export interface OpenLine {
  /** `<order id>#<line no>`. */
  key: string
  quantity: number
  allocation: LineAllocation
  rule: ReplanRule
  priorityClass: number
  placedAtMs: number
}

/** What re-promising keeps of a line's rule: which supply it may wait for (no horizon: a later date beats none). */
export type ReplanRule = Pick<AllocationRule, 'stock' | 'virtual' | 'virtualLeadDays' | 'slotKinds' | 'slotIds' | 'unconfirmedBufferDays'>

export interface Replan<L extends OpenLine = OpenLine> {
  /** Every given line's allocation, in priority order. */
  lines: Array<{ line: L; allocation: LineAllocation }>
  /** Change to the position's O: stock taken by waiting lines minus stock given back on a shortage. */
  reservedDelta: number
  /** Each slot's promised units after re-allocation. */
  promised: Map<SupplySlot, number>
}

/** Highest priority class first, then first come first served. */
export function byPriority(a: OpenLine, b: OpenLine): number {
  return b.priorityClass - a.priorityClass || a.placedAtMs - b.placedAtMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/**
 * Re-allocates the open lines of one position. `lines` must hold every line promised against
 * the position's slots, and, when S is negative (a count found less), every line holding stock
 * there. A shortage takes stock back from the last lines in priority order; then free stock goes
 * to waiting lines first (a receipt serves backorders before anyone new), then slots in date
 * order, in priority order; what nothing covers stays unallocated.
 */
export function replan<L extends OpenLine>(p: Buckets, slots: readonly SupplySlot[], lines: readonly L[], todayMs: number, overdueStepDays = defaultOverdueStepDays): Replan<L> {
  const ordered = [...lines].sort(byPriority)
  // Copies: the callers compare the old allocation with the new one.
  const stock = new Map(ordered.map((l) => [l, l.allocation.parts.filter((a) => a.source === 'stock' || a.source === 'virtual').map((a) => ({ ...a }))]))
  let shortage = Math.max(0, -sellable(p))
  for (let i = ordered.length - 1; i >= 0 && shortage > 0; i--) {
    const parts = stock.get(ordered[i])!
    // Give back virtual units first: they are the least real.
    for (const part of [...parts].sort((a, b) => (a.kind === 'virtual' ? -1 : 0) - (b.kind === 'virtual' ? -1 : 0))) {
      const back = Math.min(shortage, part.quantity)
      part.quantity -= back
      shortage -= back
      if (shortage === 0) break
    }
  }
  let reservedDelta = 0
  for (const [line, parts] of stock) reservedDelta += stockQuantityOf(parts) - line.allocation.stockQuantity
  const position = { ...p, reserved: p.reserved + reservedDelta }
  const promised = new Map<SupplySlot, number>(slots.map((s) => [s, 0]))
  const out: Replan<L>['lines'] = []
  for (const line of ordered) {
    const held = stock.get(line)!.map((a) => ({ ...a }))
    let remaining = line.quantity - stockQuantityOf(held)
    for (const part of stockParts(position, line.rule, remaining, todayMs)) {
      const same = held.find((h) => h.source === part.source)
      if (same) {
        // Units added today are ready today, not on the day the line first took stock.
        same.quantity += part.quantity
        same.availableAtMs = Math.max(same.availableAtMs, part.availableAtMs)
      } else held.push(part)
      remaining -= part.quantity
      position.reserved += part.quantity
      reservedDelta += part.quantity
    }
    const parts = held.filter((a) => a.quantity > 0)
    const stockQuantity = stockQuantityOf(parts)
    for (const { slot, day } of eligibleSlots(slots, line.rule, todayMs, overdueStepDays)) {
      if (remaining === 0) break
      const take = Math.min(remaining, slot.quantity - promised.get(slot)!)
      if (take <= 0) continue
      parts.push({ source: slot.id, kind: slot.kind, quantity: take, availableAtMs: day })
      promised.set(slot, promised.get(slot)! + take)
      remaining -= take
    }
    out.push({ line, allocation: { stockQuantity, parts, unallocated: remaining } })
  }
  return { lines: out, reservedDelta, promised }
}

/** Ship day of a line: when its last part is ready plus the node's handling days; null while any unit has no supply. */
export function readyDayOf(a: LineAllocation): number | null {
  if (a.unallocated > 0) return null
  return a.parts.reduce((day, part) => Math.max(day, part.availableAtMs), 0)
}

