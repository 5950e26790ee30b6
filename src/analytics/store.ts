/** The analytics rollups as stored: daily counters per channel, pickup ready times per bucket, open backorder lines, daily stock, and the projector's cursor. */
import type { Param, Queryable } from '../store/db.ts'
import { inList } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import { counterNames, type BackorderLine, type DailyCounters, type DailyRow, type PickupReadyCount, type ReturnReasonRow, type ReturnUnitsRow } from './model.ts'
import type { DailyDeltas } from './decide.ts'

/** Counter name → column (camelCase → snake_case). */
const columnOf = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const counterColumns = counterNames.map(columnOf)

const dailyColumns: readonly Column[] = [['day', 'bigint'], ['channel_id', 'text'], ...counterColumns.map((c): Column => [c, 'bigint'])]
const addOnConflict = `ON CONFLICT (day, channel_id) DO UPDATE SET ${counterColumns.map((c) => `${c} = analytics_daily.${c} + excluded.${c}`).join(', ')}`

/** Adds the deltas to the daily rows (one multi-row upsert). */
export async function addDeltas(tx: Queryable, deltas: DailyDeltas): Promise<void> {
  const rows: Param[][] = []
  for (const [key, counters] of deltas) {
    const cut = key.indexOf('|')
    rows.push([Number(key.slice(0, cut)), key.slice(cut + 1), ...counterNames.map((n) => counters[n])])
  }
  await insertMany(tx, 'analytics_daily', dailyColumns, rows, addOnConflict)
}

const pickupReadyColumns: readonly Column[] = [['day', 'bigint'], ['channel_id', 'text'], ['bucket', 'integer'], ['pickups', 'bigint']]
const addPickupReady = 'ON CONFLICT (day, channel_id, bucket) DO UPDATE SET pickups = analytics_pickup_ready.pickups + excluded.pickups'

/** Adds pickups made ready to their day × channel × ready-time bucket (one multi-row upsert). */
export async function addPickupReadyCounts(tx: Queryable, counts: readonly PickupReadyCount[]): Promise<void> {
  await insertMany(tx, 'analytics_pickup_ready', pickupReadyColumns, counts.map((c): Param[] => [c.dayMs, c.channelId, c.bucket, c.pickups]), addPickupReady)
}

/** Pickups made ready from `fromDayMs` to `toDayMs` inclusive per ready-time bucket (one channel's, or all), smallest bucket first. */
export async function pickupReadyByBucket(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null): Promise<Array<{ bucket: number; pickups: number }>> {
  const where = channelId === null ? '' : 'AND channel_id = ?'
  const rows = await q.all<{ bucket: number | string; pickups: number | string }>(
    `SELECT bucket, SUM(pickups) AS pickups FROM analytics_pickup_ready WHERE day >= ? AND day <= ? ${where} GROUP BY bucket ORDER BY bucket`,
    channelId === null ? [fromDayMs, toDayMs] : [fromDayMs, toDayMs, channelId])
  return rows.map((r) => ({ bucket: Number(r.bucket), pickups: Number(r.pickups) }))
}

const backorderColumns: readonly Column[] = [['order_id', 'text'], ['line_no', 'integer'], ['channel_id', 'text'], ['placed_day', 'bigint'], ['units', 'bigint']]

const backorderDayColumns: readonly Column[] = [['channel_id', 'text'], ['placed_day', 'bigint'], ['lines', 'bigint'], ['units', 'bigint']]
const addBackorderDays = 'ON CONFLICT (channel_id, placed_day) DO UPDATE SET lines = analytics_backorder_days.lines + excluded.lines, units = analytics_backorder_days.units + excluded.units'

/**
 * The touched orders' backorder lines are replaced by what they are now, and the count per
 * channel × placement day moves by the difference, so reading backorders by age costs one row
 * per day however many lines are open.
 */
export async function replaceBackorders(tx: Queryable, orderIds: readonly string[], lines: readonly BackorderLine[]): Promise<void> {
  const before = await selectIn<{ channel_id: string; placed_day: number | string; units: number | string }>(
    tx, 'SELECT channel_id, placed_day, units FROM analytics_backorders WHERE order_id', orderIds)
  const change = new Map<string, [channelId: string, dayMs: number, lines: number, units: number]>()
  const move = (channelId: string, dayMs: number, lines: number, units: number) => {
    const key = `${channelId}|${dayMs}`
    const row = change.get(key) ?? [channelId, dayMs, 0, 0]
    change.set(key, [channelId, dayMs, row[2] + lines, row[3] + units])
  }
  for (const b of before) move(b.channel_id, Number(b.placed_day), -1, -Number(b.units))
  for (const l of lines) move(l.channelId, l.placedDayMs, 1, l.units)
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500)
    if (before.length > 0) await tx.run(`DELETE FROM analytics_backorders WHERE order_id IN (${inList(chunk.length)})`, chunk)
  }
  await insertMany(tx, 'analytics_backorders', backorderColumns, lines.map((l): Param[] => [l.orderId, l.lineNo, l.channelId, l.placedDayMs, l.units]))
  const moved = [...change.values()].filter(([, , n, u]) => n !== 0 || u !== 0)
  await insertMany(tx, 'analytics_backorder_days', backorderDayColumns, moved, addBackorderDays)
}

/** The day's on-hand units, overwritten through the day: the last write of a day is its closing stock. */
export async function recordStock(tx: Queryable, dayMs: number, onHand: number, atMs: number): Promise<void> {
  await tx.run(`INSERT INTO analytics_stock_daily (day, on_hand, at) VALUES (?, ?, ?)
    ON CONFLICT (day) DO UPDATE SET on_hand = excluded.on_hand, at = excluded.at`, [dayMs, onHand, atMs])
}

/** The projector's position in the outbox (0 before its first run). `forUpdate` serialises projectors of several processes. */
export async function readCursor(q: Queryable, name: string, forUpdate = false): Promise<number> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<{ after_id: number | string }>(`SELECT after_id FROM analytics_cursor WHERE name = ?${lock}`, [name])
  return row === undefined ? 0 : Number(row.after_id)
}

export async function ensureCursor(q: Queryable, name: string): Promise<void> {
  await q.run('INSERT INTO analytics_cursor (name, after_id) VALUES (?, 0) ON CONFLICT (name) DO NOTHING', [name])
}

export async function writeCursor(tx: Queryable, name: string, afterId: number): Promise<void> {
  await tx.run('UPDATE analytics_cursor SET after_id = ? WHERE name = ?', [afterId, name])
}

type DailyRowStored = { day: number | string; channel_id: string } & Record<string, number | string>

/** Daily rows from `fromDayMs` to `toDayMs` inclusive: one channel's, or every channel's summed per day. */
export async function dailyRows(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null): Promise<DailyRow[]> {
  const rows = channelId === null
    ? await q.all<DailyRowStored>(
      `SELECT day, '' AS channel_id, ${counterColumns.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM analytics_daily WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day`,
      [fromDayMs, toDayMs])
    : await q.all<DailyRowStored>(
      `SELECT day, channel_id, ${counterColumns.join(', ')} FROM analytics_daily WHERE day >= ? AND day <= ? AND channel_id = ? ORDER BY day`,
      [fromDayMs, toDayMs, channelId])
  return rows.map((r) => {
    const counters = Object.fromEntries(counterNames.map((n, i) => [n, Number(r[counterColumns[i]] ?? 0)])) as unknown as DailyCounters
    return { ...counters, dayMs: Number(r.day), channelId: r.channel_id }
  })
}

/** Open backorder lines and units by placement day (one channel's, or all). */
export async function backordersByDay(q: Queryable, channelId: string | null): Promise<Array<{ placedDayMs: number; lines: number; units: number }>> {
  const where = channelId === null ? '' : 'AND channel_id = ?'
  const rows = await q.all<{ placed_day: number | string; lines: number | string; units: number | string }>(
    `SELECT placed_day, SUM(lines) AS lines, SUM(units) AS units FROM analytics_backorder_days WHERE lines > 0 ${where} GROUP BY placed_day`, channelId === null ? [] : [channelId])
  return rows.map((r) => ({ placedDayMs: Number(r.placed_day), lines: Number(r.lines), units: Number(r.units) }))
}

/** Closing on-hand units of the days from `fromDayMs` to `toDayMs` that have a snapshot, and the latest snapshot at all. */
export async function stockDays(q: Queryable, fromDayMs: number, toDayMs: number): Promise<{ days: Array<{ dayMs: number; onHand: number }>; latest: number | null }> {
  const rows = await q.all<{ day: number | string; on_hand: number | string }>(
    'SELECT day, on_hand FROM analytics_stock_daily WHERE day >= ? ORDER BY day', [fromDayMs])
  const all = rows.map((r) => ({ dayMs: Number(r.day), onHand: Number(r.on_hand) }))
  // The period ends today, so the latest snapshot is usually in it: a second query only when none is.
  if (all.length > 0) return { days: all.filter((d) => d.dayMs <= toDayMs), latest: all[all.length - 1].onHand }
  const latest = await q.get<{ on_hand: number | string }>('SELECT on_hand FROM analytics_stock_daily ORDER BY day DESC LIMIT 1')
  return { days: [], latest: latest === undefined ? null : Number(latest.on_hand) }
}

/** The two tables of units sold and returned, keyed by SKU or by supplier (the rollups are written alike, read apart). */
const unitsTables = { sku: ['analytics_return_skus', 'sku_id'], supplier: ['analytics_return_suppliers', 'supplier_id'] } as const

/** Adds units sold and returned per day × channel × SKU (or supplier) (one multi-row upsert). */
export async function addReturnUnits(tx: Queryable, by: keyof typeof unitsTables, rows: Iterable<ReturnUnitsRow>): Promise<void> {
  const [table, column] = unitsTables[by]
  await insertMany(tx, table, [['day', 'bigint'], ['channel_id', 'text'], [column, 'text'], ['units_sold', 'bigint'], ['units_returned', 'bigint']],
    [...rows].map((r): Param[] => [r.dayMs, r.channelId, r.key, r.unitsSold, r.unitsReturned]),
    `ON CONFLICT (day, channel_id, ${column}) DO UPDATE SET units_sold = ${table}.units_sold + excluded.units_sold, units_returned = ${table}.units_returned + excluded.units_returned`)
}

/** Adds units returned per day × channel × reason (one multi-row upsert). */
export async function addReturnReasons(tx: Queryable, rows: readonly ReturnReasonRow[]): Promise<void> {
  await insertMany(tx, 'analytics_return_reasons', [['day', 'bigint'], ['channel_id', 'text'], ['reason', 'text'], ['units', 'bigint']],
    rows.map((r): Param[] => [r.dayMs, r.channelId, r.reason, r.units]),
    'ON CONFLICT (day, channel_id, reason) DO UPDATE SET units = analytics_return_reasons.units + excluded.units')
}

/** The last event counted of each of these returns (absent: none yet). */
export async function returnsSeen(q: Queryable, returnIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await selectIn<{ return_id: string; after_event_id: number | string }>(q, 'SELECT return_id, after_event_id FROM analytics_return_seen WHERE return_id', returnIds)
  return new Map(rows.map((r) => [r.return_id, Number(r.after_event_id)]))
}

export async function markReturnsSeen(tx: Queryable, seen: ReadonlyArray<{ returnId: string; afterEventId: number }>): Promise<void> {
  await insertMany(tx, 'analytics_return_seen', [['return_id', 'text'], ['after_event_id', 'bigint']], seen.map((s): Param[] => [s.returnId, s.afterEventId]),
    'ON CONFLICT (return_id) DO UPDATE SET after_event_id = excluded.after_event_id')
}

const period = (fromDayMs: number, toDayMs: number, channelId: string | null) => ({
  where: `day >= ? AND day <= ?${channelId === null ? '' : ' AND channel_id = ?'}`,
  params: channelId === null ? [fromDayMs, toDayMs] : [fromDayMs, toDayMs, channelId],
})

/** Units sold and returned per supplier over the period (one channel's, or all): those with units returned, most first (then by id). */
export async function returnUnitsBySupplier(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null): Promise<Array<{ id: string; unitsSold: number; unitsReturned: number }>> {
  const { where, params } = period(fromDayMs, toDayMs, channelId)
  const rows = await q.all<{ id: string; sold: number | string; returned: number | string }>(
    `SELECT supplier_id AS id, SUM(units_sold) AS sold, SUM(units_returned) AS returned FROM analytics_return_suppliers WHERE ${where}
     GROUP BY supplier_id HAVING SUM(units_returned) > 0 ORDER BY SUM(units_returned) DESC, supplier_id`, params)
  return rows.map((r) => ({ id: r.id, unitsSold: Number(r.sold), unitsReturned: Number(r.returned) }))
}

/**
 * The `limit` SKUs with the most units returned over the period (one channel's, or all), then by
 * id, with their units sold. Found among the rows that have returns (a partial index), then their
 * units sold by SKU: a request does not read every SKU sold in the period.
 */
export async function mostReturnedSkus(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null, limit: number): Promise<Array<{ id: string; unitsSold: number; unitsReturned: number }>> {
  const { where, params } = period(fromDayMs, toDayMs, channelId)
  const top = await q.all<{ id: string; returned: number | string }>(
    `SELECT sku_id AS id, SUM(units_returned) AS returned FROM analytics_return_skus WHERE units_returned > 0 AND ${where}
     GROUP BY sku_id ORDER BY SUM(units_returned) DESC, sku_id LIMIT ${Math.trunc(limit)}`, params)
  if (top.length === 0) return []
  const sold = await q.all<{ id: string; sold: number | string }>(
    `SELECT sku_id AS id, SUM(units_sold) AS sold FROM analytics_return_skus WHERE sku_id IN (${inList(top.length)}) AND ${where} GROUP BY sku_id`,
    [...top.map((r) => r.id), ...params])
  const soldBySku = new Map(sold.map((r) => [r.id, Number(r.sold)]))
  return top.map((r) => ({ id: r.id, unitsSold: soldBySku.get(r.id) ?? 0, unitsReturned: Number(r.returned) }))
}

/** Units returned per reason over the period (one channel's, or all). */
export async function returnReasonUnits(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null): Promise<Array<{ reason: string; units: number }>> {
  const { where, params } = period(fromDayMs, toDayMs, channelId)
  const rows = await q.all<{ reason: string; units: number | string }>(
    `SELECT reason, SUM(units) AS units FROM analytics_return_reasons WHERE ${where} GROUP BY reason`, params)
  return rows.map((r) => ({ reason: r.reason, units: Number(r.units) }))
}

/** The daily counters summed over the period per channel (one channel's, or every channel that has a row). */
export async function countersByChannel(q: Queryable, fromDayMs: number, toDayMs: number, channelId: string | null): Promise<Array<DailyCounters & { channelId: string }>> {
  const { where, params } = period(fromDayMs, toDayMs, channelId)
  const rows = await q.all<DailyRowStored>(
    `SELECT channel_id, ${counterColumns.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM analytics_daily WHERE ${where} GROUP BY channel_id ORDER BY channel_id`, params)
  return rows.map((r) => ({ ...(Object.fromEntries(counterNames.map((n, i) => [n, Number(r[counterColumns[i]] ?? 0)])) as unknown as DailyCounters), channelId: r.channel_id }))
}
