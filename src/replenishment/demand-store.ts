/** The demand history's SQL: per SKU × node × day rows, the projector's cursor, returns and refusals counted. */
import type { Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { DemandDay, DemandDelta } from './model.ts'

const counters = ['ordered', 'presale', 'lost', 'cancelled', 'returned', 'imported'] as const
const columns: Column[] = [['sku_id', 'text'], ['node_id', 'text'], ['day', 'integer'], ...counters.map((c): Column => [c, 'bigint'])]

/** Adds each delta to its row (made when missing). Rows are summed first: one row per key. */
export async function addDemand(tx: Queryable, deltas: readonly Required<DemandDelta>[]): Promise<void> {
  const adds = counters.map((c) => `${c} = demand_days.${c} + excluded.${c}`).join(', ')
  await insertMany(tx, 'demand_days', columns, deltas.map((d) => [d.skuId, d.nodeId, d.day, ...counters.map((c) => d[c])]),
    `ON CONFLICT (sku_id, node_id, day) DO UPDATE SET ${adds}`)
}

/** Adds imported units to each row (one row per key: the caller sums a batch first). */
export async function addImportedUnits(tx: Queryable, rows: ReadonlyArray<{ skuId: string; nodeId: string; day: number; quantity: number }>): Promise<void> {
  await insertMany(tx, 'demand_days', [['sku_id', 'text'], ['node_id', 'text'], ['day', 'integer'], ['imported', 'bigint']],
    rows.map((r) => [r.skuId, r.nodeId, r.day, r.quantity]), 'ON CONFLICT (sku_id, node_id, day) DO UPDATE SET imported = demand_days.imported + excluded.imported')
}

/** Forgets what earlier imports brought for one series (an import brought again replaces it). */
export async function clearImported(tx: Queryable, skuId: string, nodeId: string): Promise<void> {
  await tx.run('UPDATE demand_days SET imported = 0 WHERE sku_id = ? AND node_id = ? AND imported <> 0', [skuId, nodeId])
}

type DemandRow = { sku_id: string; node_id: string; day: number | string } & Record<(typeof counters)[number], number | string>

const demandDayOf = (r: DemandRow): DemandDay => ({
  skuId: r.sku_id, nodeId: r.node_id, day: Number(r.day),
  ordered: Number(r.ordered), presale: Number(r.presale), lost: Number(r.lost), cancelled: Number(r.cancelled), returned: Number(r.returned), imported: Number(r.imported),
})

/** One series' days from `fromDay` to `toDay` inclusive, oldest first (days without a row are days without demand). */
export async function demandDays(q: Queryable, skuId: string, nodeId: string, fromDay: number, toDay: number): Promise<DemandDay[]> {
  const rows = await q.all<DemandRow>('SELECT * FROM demand_days WHERE sku_id = ? AND node_id = ? AND day BETWEEN ? AND ? ORDER BY day', [skuId, nodeId, fromDay, toDay])
  return rows.map(demandDayOf)
}

/** One SKU's series (its nodes with demand up to `toDay`), by node. */
export async function seriesKeysOfSku(q: Queryable, skuId: string, toDay: number): Promise<Array<{ skuId: string; nodeId: string }>> {
  const rows = await q.all<{ node_id: string }>('SELECT DISTINCT node_id FROM demand_days WHERE sku_id = ? AND day <= ? ORDER BY node_id', [skuId, toDay])
  return rows.map((r) => ({ skuId, nodeId: r.node_id }))
}

/**
 * One series' demand per day (what customers asked for) as the database aggregates it: `day:units`
 * pairs joined by commas. Parsed where it is forecast (forecasting.ts historyOf), on a worker
 * thread in a big run, not on the thread that reads and writes.
 */
export type DemandPoints = string

const aggregated = (q: Queryable) =>
  `${q.dialect === 'postgres' ? 'string_agg' : 'group_concat'}(day || ':' || (ordered - cancelled + lost + imported), ',') AS points`

/**
 * The next page of series after `after` (by SKU then node) with demand from `fromDay` to `toDay`,
 * each with that demand: the keys and the history in one read, aggregated in the database to one
 * text per series (reading 100,000 series of two years as one object per day costs more than
 * forecasting them). The row value starts the index range at the key on both databases.
 */
export async function demandPage(
  q: Queryable, after: { skuId: string; nodeId: string } | undefined, fromDay: number, toDay: number, limit: number,
): Promise<Array<{ skuId: string; nodeId: string; points: DemandPoints }>> {
  const from = after === undefined ? '' : '(sku_id, node_id) > (?, ?) AND '
  const rows = await q.all<{ sku_id: string; node_id: string; points: string }>(
    `SELECT sku_id, node_id, ${aggregated(q)} FROM demand_days WHERE ${from}day BETWEEN ? AND ? GROUP BY sku_id, node_id ORDER BY sku_id, node_id LIMIT ?`,
    [...(after === undefined ? [] : [after.skuId, after.nodeId]), fromDay, toDay, limit])
  return rows.map((r) => ({ skuId: r.sku_id, nodeId: r.node_id, points: r.points }))
}

/** These series' demand (a few SKUs' named by a buyer), by `sku|node`. */
export async function demandPointsOfSeries(
  q: Queryable, keys: ReadonlyArray<{ skuId: string; nodeId: string }>, fromDay: number, toDay: number,
): Promise<Map<string, DemandPoints>> {
  const out = new Map<string, DemandPoints>()
  if (keys.length === 0) return out
  const skuIds = [...new Set(keys.map((k) => k.skuId))].sort()
  const where = `sku_id IN (${skuIds.map(() => '?').join(', ')})`
  const params = skuIds
  const rows = await q.all<{ sku_id: string; node_id: string; points: string }>(
    `SELECT sku_id, node_id, ${aggregated(q)} FROM demand_days WHERE ${where} AND day BETWEEN ? AND ? GROUP BY sku_id, node_id`, [...params, fromDay, toDay])
  const wanted = new Set(keys.map((k) => `${k.skuId}|${k.nodeId}`))
  for (const r of rows) {
    const key = `${r.sku_id}|${r.node_id}`
    if (wanted.has(key)) out.set(key, r.points)
  }
  return out
}

export async function readDemandCursor(q: Queryable, forUpdate = false): Promise<number> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<{ after_id: number | string }>(`SELECT after_id FROM demand_cursor WHERE name = 'demand'${lock}`)
  return row === undefined ? 0 : Number(row.after_id)
}

export async function ensureDemandCursor(q: Queryable): Promise<void> {
  await q.run("INSERT INTO demand_cursor (name, after_id) VALUES ('demand', 0) ON CONFLICT (name) DO NOTHING")
}

export async function writeDemandCursor(tx: Queryable, afterId: number): Promise<void> {
  await tx.run("UPDATE demand_cursor SET after_id = ? WHERE name = 'demand'", [afterId])
}

export async function returnsSeen(q: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await selectIn<{ return_id: string; after_event_id: number | string }>(q, 'SELECT * FROM demand_returns_seen WHERE return_id', ids)
  return new Map(rows.map((r) => [r.return_id, Number(r.after_event_id)]))
}

export async function markReturnsSeen(tx: Queryable, seen: ReadonlyArray<{ returnId: string; afterEventId: number }>): Promise<void> {
  await insertMany(tx, 'demand_returns_seen', [['return_id', 'text'], ['after_event_id', 'bigint']], seen.map((s) => [s.returnId, s.afterEventId]),
    'ON CONFLICT (return_id) DO UPDATE SET after_event_id = excluded.after_event_id')
}

/**
 * Records refusals, each the most a customer asked for of a SKU at a node on a day, and answers
 * by how much each raised that day's lost demand: a shopper who retries a refused order five
 * times asked once (the largest quantity counts).
 */
export async function recordRefusals(tx: Queryable, refusals: ReadonlyArray<{ day: number; skuId: string; nodeId: string; customerKey: string; quantity: number }>): Promise<DemandDelta[]> {
  const deltas: DemandDelta[] = []
  for (const r of refusals) {
    const before = await tx.get<{ quantity: number | string }>('SELECT quantity FROM demand_refusals WHERE day = ? AND sku_id = ? AND node_id = ? AND customer_key = ?',
      [r.day, r.skuId, r.nodeId, r.customerKey])
    const was = before === undefined ? 0 : Number(before.quantity)
    if (r.quantity <= was) continue
    await tx.run(`INSERT INTO demand_refusals (day, sku_id, node_id, customer_key, quantity) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (day, sku_id, node_id, customer_key) DO UPDATE SET quantity = excluded.quantity`, [r.day, r.skuId, r.nodeId, r.customerKey, r.quantity])
    deltas.push({ skuId: r.skuId, nodeId: r.nodeId, day: r.day, lost: r.quantity - was })
  }
  return deltas
}

/** How many series have demand from `fromDay` to `toDay` (for a progress bar). */
export async function seriesCount(q: Queryable, fromDay: number, toDay: number): Promise<number> {
  const row = await q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM (SELECT DISTINCT sku_id, node_id FROM demand_days WHERE day BETWEEN ? AND ?) AS s', [fromDay, toDay])
  return Number(row?.n ?? 0)
}
