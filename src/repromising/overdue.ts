/**
 * Overdue supply (DOMAIN.md §4: suppliers slip without saying so). Allocation dates supply that
 * passed its day without arriving by `overdueDay`, so the promises on it move one step at a
 * time. Once a day every position with such supply is re-promised, which turns each step into
 * delays with their compensation and messages, and a `supply.overdue` event per slot tells
 * buyers which supply to chase. One process does it each day: the day is claimed in `settings`.
 */
import { claimDay, releaseDay } from '../store/settings.ts'
import type { Db } from '../store/db.ts'
import { positionKey } from '../inventory/index.ts'
import type { DomainEvent, SupplyOverdue } from '../events/index.ts'
import { overdueSlots, type SupplySlot } from '../supply/index.ts'
import { dayText } from './delays.ts'
import { dayMs, overdueDay } from '../promising/index.ts'

const claimName = 'overdue_supply_swept_through'


/** Supply past its day at the start of `todayMs`, by position (a presale quota keeps its campaign's day). */
export async function loadOverdueSlots(db: Db, todayMs: number): Promise<Map<string, SupplySlot[]>> {
  const byPosition = new Map<string, SupplySlot[]>()
  for (const slot of await overdueSlots(db, todayMs)) {
    const key = positionKey(slot.skuId, slot.nodeId)
    let slots = byPosition.get(key)
    if (!slots) byPosition.set(key, (slots = []))
    slots.push(slot)
  }
  return byPosition
}

export function overdueEvent(slot: SupplySlot, todayMs: number, stepDays: number): DomainEvent {
  const due = slot.availableAtMs!
  const payload: SupplyOverdue = {
    skuId: slot.skuId, nodeId: slot.nodeId, slotId: slot.id, kind: slot.kind, purchaseOrderId: slot.refId, supplierId: slot.supplierId,
    quantity: slot.quantity, promised: slot.promised, dueDate: dayText(due)!, daysOverdue: Math.round((todayMs - due) / dayMs),
    expectedDate: dayText(overdueDay(due, todayMs, stepDays))!,
  }
  return { topic: 'supply.overdue', subject: `${slot.skuId}@${slot.nodeId}`, payload }
}

/**
 * Claims today's sweep for this process: true for exactly one caller per day across every
 * process sharing the database. Answers the day swept before, to give the claim back on failure.
 */
export const claimOverdueDay = (db: Db, todayMs: number, nowMs: number): Promise<{ claimed: boolean; previousMs: number }> =>
  db.tx((tx) => claimDay(tx, claimName, todayMs, nowMs))

export const releaseOverdueDay = (db: Db, previousMs: number, nowMs: number): Promise<void> => releaseDay(db, claimName, previousMs, nowMs)
