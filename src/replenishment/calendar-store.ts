/** The planned events calendar's SQL. */
import type { Queryable } from '../store/db.ts'
import { insertMany } from '../store/sql.ts'
import { newId } from '../kernel/ids.ts'
import type { PlannedEvent, PlannedEventKind } from './model.ts'

type EventRow = { id: string; sku_id: string; node_id: string; day: number | string; kind: string; uplift_pct: number | string | null; note: string | null; created_at: number | string; created_by: string }

const eventOf = (r: EventRow): PlannedEvent => ({
  id: r.id, skuId: r.sku_id, nodeId: r.node_id, day: Number(r.day), kind: r.kind as PlannedEventKind,
  upliftPct: r.uplift_pct === null ? null : Number(r.uplift_pct), note: r.note, createdAtMs: Number(r.created_at), createdBy: r.created_by,
})

export type PlannedEventValues = Omit<PlannedEvent, 'id' | 'createdAtMs' | 'createdBy'>

/** Adds the event; undefined when the same SKU, node, day and kind is already planned. */
export async function insertPlannedEvent(tx: Queryable, e: PlannedEventValues, atMs: number, by: string): Promise<PlannedEvent | undefined> {
  const id = newId('pev')
  const n = await tx.run(`INSERT INTO planned_events (id, sku_id, node_id, day, kind, uplift_pct, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (sku_id, node_id, day, kind) DO NOTHING`, [id, e.skuId, e.nodeId, e.day, e.kind, e.upliftPct, e.note, atMs, by])
  return n === 0 ? undefined : { ...e, id, createdAtMs: atMs, createdBy: by }
}

/** Adds or replaces (uplift and note) each event: an imported calendar brought again changes nothing. */
export async function upsertPlannedEvents(tx: Queryable, events: readonly PlannedEventValues[], atMs: number, by: string): Promise<void> {
  await insertMany(tx, 'planned_events',
    [['id', 'text'], ['sku_id', 'text'], ['node_id', 'text'], ['day', 'integer'], ['kind', 'text'], ['uplift_pct', 'integer'], ['note', 'text'], ['created_at', 'bigint'], ['created_by', 'text']],
    events.map((e) => [newId('pev'), e.skuId, e.nodeId, e.day, e.kind, e.upliftPct, e.note, atMs, by]),
    'ON CONFLICT (sku_id, node_id, day, kind) DO UPDATE SET uplift_pct = excluded.uplift_pct, note = excluded.note')
}

export async function plannedEvent(q: Queryable, id: string): Promise<PlannedEvent | undefined> {
  const row = await q.get<EventRow>('SELECT * FROM planned_events WHERE id = ?', [id])
  return row && eventOf(row)
}

export async function deletePlannedEvent(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.run('DELETE FROM planned_events WHERE id = ?', [id])) > 0
}

/** Events from `fromDay` to `toDay` inclusive, by day then id, after the cursor (day, id); optionally only those that apply to a SKU and/or node. */
export async function plannedEventsBetween(
  q: Queryable, fromDay: number, toDay: number, filter: { skuId?: string; nodeId?: string } = {}, after?: { day: number; id: string }, limit = 100_000,
): Promise<PlannedEvent[]> {
  const where = ['day BETWEEN ? AND ?']
  const params: Array<string | number> = [fromDay, toDay]
  if (filter.skuId !== undefined) {
    where.push("(sku_id = ? OR sku_id = '*')")
    params.push(filter.skuId)
  }
  if (filter.nodeId !== undefined) {
    where.push("(node_id = ? OR node_id = '*')")
    params.push(filter.nodeId)
  }
  if (after) {
    where.push('(day > ? OR (day = ? AND id > ?))')
    params.push(after.day, after.day, after.id)
  }
  const rows = await q.all<EventRow>(`SELECT * FROM planned_events WHERE ${where.join(' AND ')} ORDER BY day, id LIMIT ?`, [...params, limit])
  return rows.map(eventOf)
}
