/**
 * Overdue supply (DOMAIN.md §4: suppliers slip without saying so). Allocation dates supply that
 * passed its day without arriving by `overdueDay`, so the promises on it move one step at a
 * time. Once a day every position with such supply is re-promised, which turns each step into
 * delays with their compensation and messages, and a `supply.overdue` event per slot tells
 * buyers which supply to chase. One process does it each day: the day is claimed in `settings`.
 */
import type { Db } from '../store/db.ts'
import { positionKey, slotOf, type OutboxEvent, type SlotRow, type SupplySlot } from '../inventory/index.ts'
import { dayText } from './delays.ts'
import { dayMs, overdueDay } from './model.ts'

export const overdueTopic = 'supply.overdue'
const claimName = 'overdue_supply_swept_through'

/** The body of a `supply.overdue` event: one slot past its day, and the day it is now expected. */
export interface OverduePayload {
  skuId: string
  nodeId: string
  slotId: string
  kind: SupplySlot['kind']
  purchaseOrderId: string | null
  supplierId: string | null
  quantity: number
  promised: number
  dueDate: string
  daysOverdue: number
  expectedDate: string
}

/** Supply past its day at the start of `todayMs`, by position (a presale quota keeps its campaign's day). */
export async function loadOverdueSlots(db: Db, todayMs: number): Promise<Map<string, SupplySlot[]>> {
  const rows = await db.all<SlotRow>(
    `SELECT * FROM supply_slots WHERE kind <> 'presale' AND available_at IS NOT NULL AND available_at < ? AND quantity > 0 ORDER BY sku_id, node_id, id`, [todayMs])
  const byPosition = new Map<string, SupplySlot[]>()
  for (const row of rows) {
    const slot = slotOf(row)
    const key = positionKey(slot.skuId, slot.nodeId)
    let slots = byPosition.get(key)
    if (!slots) byPosition.set(key, (slots = []))
    slots.push(slot)
  }
  return byPosition
}

export function overdueEvent(slot: SupplySlot, todayMs: number, stepDays: number): OutboxEvent {
  const due = slot.availableAtMs!
  const payload: OverduePayload = {
    skuId: slot.skuId, nodeId: slot.nodeId, slotId: slot.id, kind: slot.kind, purchaseOrderId: slot.refId, supplierId: slot.supplierId,
    quantity: slot.quantity, promised: slot.promised, dueDate: dayText(due)!, daysOverdue: Math.round((todayMs - due) / dayMs),
    expectedDate: dayText(overdueDay(due, todayMs, stepDays))!,
  }
  return { topic: overdueTopic, subject: `${slot.skuId}@${slot.nodeId}`, payload }
}

/**
 * Claims today's sweep for this process: true for exactly one caller per day across every
 * process sharing the database. Answers the day swept before, to give the claim back on failure.
 */
export async function claimOverdueDay(db: Db, todayMs: number, nowMs: number): Promise<{ claimed: boolean; previousMs: number }> {
  return db.tx(async (tx) => {
    await tx.run(`INSERT INTO settings (name, value, updated_at) VALUES (?, '0', ?) ON CONFLICT (name) DO NOTHING`, [claimName, nowMs])
    const before = await tx.get<{ value: string }>(`SELECT value FROM settings WHERE name = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [claimName])
    const previousMs = Number(before!.value)
    if (previousMs >= todayMs) return { claimed: false, previousMs }
    await tx.run('UPDATE settings SET value = ?, updated_at = ? WHERE name = ?', [String(todayMs), nowMs, claimName])
    return { claimed: true, previousMs }
  })
}

export async function releaseOverdueDay(db: Db, previousMs: number, nowMs: number): Promise<void> {
  await db.run('UPDATE settings SET value = ?, updated_at = ? WHERE name = ?', [String(previousMs), nowMs, claimName])
}
