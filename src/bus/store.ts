/** The NATS relay's cursor over the outbox, one row per stream: the id of the last event JetStream acknowledged. */
import type { Queryable } from '../store/db.ts'

export async function readCursor(db: Queryable, name: string): Promise<number> {
  await db.run('INSERT INTO bus_cursor (name, after_id) VALUES (?, 0) ON CONFLICT (name) DO NOTHING', [name])
  const row = await db.get<{ after_id: number | string }>('SELECT after_id FROM bus_cursor WHERE name = ?', [name])
  return Number(row?.after_id ?? 0)
}

/**
 * Moves the cursor forward, never back: a relay that lost its lease while publishing may finish
 * its page after the new holder went further, and must not make it publish that part again.
 */
export async function advanceCursor(db: Queryable, name: string, afterId: number): Promise<void> {
  await db.run('UPDATE bus_cursor SET after_id = ? WHERE name = ? AND after_id < ?', [afterId, name, afterId])
}
