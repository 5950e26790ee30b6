/**
 * Re-promising one position, pure (DOMAIN.md §4): re-allocate its waiting lines in priority
 * order against the stock and supply as they now are, date each line again, and say what the
 * customer is owed — a delay (cause, days, compensation, the apology) when the ship date moved
 * later or became unknown, good news when it moved earlier.
 */
import type { Buckets } from '../inventory/index.ts'
import type { SupplySlot } from '../supply/index.ts'
import { readyDayOf, replan } from '../promising/index.ts'
import { compensationFor, unknownDaysLate, type Compensation, type CompensationPolicy } from '../promising/index.ts'
import { causeOf, daysBetween, delayMessage, graver, improvedMessage, type CauseOf, type LineFacts, type Message } from './delays.ts'
import { dayMs, dayStartOf, type LineAllocation } from '../promising/index.ts'
import { slotCause, type PositionCauses } from './slot-sync.ts'

import type { Fulfilment, OrderFacts, WaitingLine } from '../orders/index.ts'
export type { Fulfilment, OrderFacts, WaitingLine }

export interface PositionFacts {
  position: Buckets
  /** The position's slots as they now are (mirrored), in promise order. */
  slots: readonly SupplySlot[]
  lines: readonly WaitingLine[]
  skuName: string
  handlingDays: number
  transitDays: (order: OrderFacts) => number
  /** What changed here, for naming causes; undefined when re-promising was asked for without a supply event. */
  causes: PositionCauses | undefined
  policy: CompensationPolicy
  /** How overdue supply is dated (the promising settings; the default when absent). */
  overdueStepDays?: number
  nowMs: number
}

export interface Delay {
  cause: CauseOf
  /** Days the ship date moved (new − old); null when there is no new date. */
  daysLate: number | null
  compensation: Compensation
  message: Message
}

/** A line whose allocation or dates changed. */
export interface LineChange {
  line: WaitingLine
  allocation: LineAllocation
  shipByMs: number | null
  deliverByMs: number | null
  delay?: Delay
  improved?: Message
  /** Back on (or before) the first promise after a delay: the delay's offer to cancel ends. */
  offerEnds?: boolean
}

export interface PositionPlan {
  /** Change to the position's O. */
  reservedDelta: number
  /** Each slot's promised units now (never above its quantity). */
  promised: Map<SupplySlot, number>
  changes: LineChange[]
}

export function planPosition(f: PositionFacts): PositionPlan {
  const planned = replan(f.position, f.slots, f.lines, dayStartOf(f.nowMs), f.overdueStepDays)
  const changes: LineChange[] = []
  for (const { line, allocation } of planned.lines) {
    // A presale line's date is its campaign's (fixed, N days after the balance, or the
    // customer's choice): re-promising may move its units, never its date.
    const campaign = line.rule.slotIds !== null
    const ready = readyDayOf(allocation)
    const shipByMs = campaign ? line.shipByMs : ready === null ? null : ready + f.handlingDays * dayMs
    const deliverByMs = campaign ? line.deliverByMs : shipByMs === null ? null : shipByMs + f.transitDays(line.order) * dayMs
    if (shipByMs === line.shipByMs && deliverByMs === line.deliverByMs && sameAllocation(line.allocation, allocation)) continue
    const change: LineChange = { line, allocation, shipByMs, deliverByMs }
    if (line.shipByMs !== null && (shipByMs === null || shipByMs > line.shipByMs)) change.delay = delayOf(f, line, allocation, shipByMs)
    else if (shipByMs !== null && (line.shipByMs === null || shipByMs < line.shipByMs)) {
      change.offerEnds = line.compensatedThroughMs !== null && line.firstShipByMs !== null && shipByMs <= line.firstShipByMs
      change.improved = improvedMessage(factsOf(f, line), line.shipByMs, shipByMs, change.offerEnds)
    }
    changes.push(change)
  }
  return { reservedDelta: planned.reservedDelta, promised: planned.promised, changes }
}

const factsOf = (f: PositionFacts, line: WaitingLine): LineFacts => ({ orderId: line.orderId, skuName: f.skuName, quantity: line.quantity })

function delayOf(f: PositionFacts, line: WaitingLine, allocation: LineAllocation, shipByMs: number | null): Delay {
  const oldShipMs = line.shipByMs!
  const firstMs = line.firstShipByMs ?? oldShipMs
  const through = line.compensatedThroughMs
  const compensation = compensationFor(f.policy, {
    daysLate: shipByMs === null ? unknownDaysLate : daysBetween(firstMs, shipByMs),
    compensatedDaysLate: through === null ? 0 : through === Number.POSITIVE_INFINITY ? unknownDaysLate : daysBetween(firstMs, through),
    lineAmountMinor: line.quantity * line.unitPrice,
    currency: line.order.currency,
  })
  const cause = causeOfLine(f.causes, line, allocation)
  return {
    cause,
    daysLate: shipByMs === null ? null : daysBetween(oldShipMs, shipByMs),
    compensation,
    message: delayMessage(factsOf(f, line), cause, oldShipMs, shipByMs, compensation),
  }
}

/**
 * Why this line slipped: the gravest change to the supply it was promised against, or the
 * shortage when it lost stock; a line pushed back by others gets the gravest change at the
 * position.
 */
function causeOfLine(causes: PositionCauses | undefined, line: WaitingLine, allocation: LineAllocation): CauseOf {
  if (!causes) return causeOf('supply_changed')
  let cause: CauseOf | undefined
  for (const part of line.allocation.parts) {
    const c = slotCause(causes, part.source)
    if (c) cause = graver(cause, c)
  }
  if (causes.shortage && allocation.stockQuantity < line.allocation.stockQuantity) cause = graver(cause, causeOf('shortage'))
  return cause ?? causes.gravest ?? causeOf('supply_changed')
}

export function sameAllocation(a: LineAllocation, b: LineAllocation): boolean {
  if (a.stockQuantity !== b.stockQuantity || a.unallocated !== b.unallocated || a.parts.length !== b.parts.length) return false
  return a.parts.every((p, i) => {
    const q = b.parts[i]
    return p.source === q.source && p.kind === q.kind && p.quantity === q.quantity && p.availableAtMs === q.availableAtMs
  })
}
