/** Shop-wide stock totals for measures (analytics): one aggregate over the positions, never the movement ledger. */
import type { Queryable } from '../store/db.ts'

/** Units physically on hand (I) over every position. */
export async function totalOnHand(q: Queryable): Promise<number> {
  const row = await q.get<{ units: number | string | null }>('SELECT SUM(on_hand) AS units FROM positions')
  return Number(row?.units ?? 0)
}
