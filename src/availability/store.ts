/** The availability tables: current values stamped with their feed sequence, and the projector's cursor. */
import type { Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { AvailabilityRow, ChannelAvailability } from './model.ts'

const cursorName = 'availability'

export interface Cursor {
  afterId: number
  lastSeq: number
  /** The UTC day the values were last computed for in full (dates in them move with the day). */
  dayMs: number
}

export async function ensureCursor(q: Queryable): Promise<void> {
  await q.run('INSERT INTO availability_cursor (name, after_id, last_seq, day) VALUES (?, 0, 0, 0) ON CONFLICT (name) DO NOTHING', [cursorName])
}

export async function readCursor(q: Queryable, forUpdate = false): Promise<Cursor> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<{ after_id: number | string; last_seq: number | string; day: number | string }>(
    `SELECT after_id, last_seq, day FROM availability_cursor WHERE name = ?${lock}`, [cursorName])
  return row === undefined ? { afterId: 0, lastSeq: 0, dayMs: 0 } : { afterId: Number(row.after_id), lastSeq: Number(row.last_seq), dayMs: Number(row.day) }
}

export async function writeCursor(tx: Queryable, cursor: Cursor): Promise<void> {
  await tx.run('UPDATE availability_cursor SET after_id = ?, last_seq = ?, day = ? WHERE name = ?', [cursor.afterId, cursor.lastSeq, cursor.dayMs, cursorName])
}

interface Row {
  channel_id: string
  sku_id: string
  scope: string
  status: ChannelAvailability['status']
  quantity: number | string
  ship_by: string | null
  deliver_by: string | null
  campaign: string | null
  seq: number | string
  changed_at: number | string
}

const rowOf = (r: Row): AvailabilityRow => {
  const quantity = Number(r.quantity)
  return {
    channelId: r.channel_id, skuId: r.sku_id, scope: r.scope, status: r.status, quantity,
    onlyLeft: r.status === 'low_stock' ? quantity : null,
    shipBy: r.ship_by, deliverBy: r.deliver_by, campaign: r.campaign, seq: Number(r.seq), changedAtMs: Number(r.changed_at),
  }
}

/** Every stored value of these SKUs, on every channel. */
export async function rowsOfSkus(q: Queryable, skuIds: readonly string[]): Promise<AvailabilityRow[]> {
  return (await selectIn<Row>(q, 'SELECT * FROM channel_availability WHERE sku_id', skuIds)).map(rowOf)
}

const columns: Column[] = [
  ['channel_id', 'text'], ['sku_id', 'text'], ['scope', 'text'], ['status', 'text'], ['quantity', 'bigint'],
  ['ship_by', 'text'], ['deliver_by', 'text'], ['campaign', 'text'], ['seq', 'bigint'], ['changed_at', 'bigint'],
]

/** Replaces these values (each with its new sequence number). */
export async function saveRows(tx: Queryable, rows: readonly AvailabilityRow[]): Promise<void> {
  const updated = columns.slice(3).map(([name]) => `${name} = excluded.${name}`).join(', ')
  await insertMany(tx, 'channel_availability', columns, rows.map((r) => [
    r.channelId, r.skuId, r.scope, r.status, r.quantity, r.shipBy, r.deliverBy, r.campaign, r.seq, r.changedAtMs,
  ]), ` ON CONFLICT (channel_id, sku_id, scope) DO UPDATE SET ${updated}`)
}

/** The channel's newest sequence number (0 before anything was computed). */
export async function lastSeqOf(q: Queryable, channelId: string): Promise<number> {
  const row = await q.get<{ seq: number | string | null }>('SELECT MAX(seq) AS seq FROM channel_availability WHERE channel_id = ?', [channelId])
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq)
}

export interface SnapshotQuery {
  channelId: string
  atSeq: number
  after: { skuId: string; scope: string } | undefined
  skuId: string | undefined
  scope: string | undefined
  limit: number
}

/** Values at or below a sequence number, in key order: a value changed since is left to the feed, so none is read twice. */
export async function snapshotRows(q: Queryable, s: SnapshotQuery): Promise<AvailabilityRow[]> {
  const where = ['channel_id = ?', 'seq <= ?']
  const params: Array<string | number> = [s.channelId, s.atSeq]
  if (s.after) where.push('(sku_id > ? OR (sku_id = ? AND scope > ?))') && params.push(s.after.skuId, s.after.skuId, s.after.scope)
  if (s.skuId !== undefined) where.push('sku_id = ?') && params.push(s.skuId)
  if (s.scope !== undefined) where.push('scope = ?') && params.push(s.scope)
  const rows = await q.all<Row>(`SELECT * FROM channel_availability WHERE ${where.join(' AND ')} ORDER BY sku_id, scope LIMIT ${Math.trunc(s.limit)}`, params)
  return rows.map(rowOf)
}

/** Values changed after a sequence number, in sequence order. */
export async function changedRows(q: Queryable, channelId: string, afterSeq: number, limit: number): Promise<AvailabilityRow[]> {
  const rows = await q.all<Row>(`SELECT * FROM channel_availability WHERE channel_id = ? AND seq > ? ORDER BY seq LIMIT ${Math.trunc(limit)}`, [channelId, afterSeq])
  return rows.map(rowOf)
}

/** How many values each channel has in each status now (one channel, or every channel). */
export async function statusCounts(q: Queryable, channelId: string | undefined): Promise<Array<{ channelId: string; status: ChannelAvailability['status']; rows: number }>> {
  const where = channelId === undefined ? '' : ' WHERE channel_id = ?'
  const rows = await q.all<{ channel_id: string; status: ChannelAvailability['status']; n: number | string }>(
    `SELECT channel_id, status, COUNT(*) AS n FROM channel_availability${where} GROUP BY channel_id, status`, channelId === undefined ? [] : [channelId])
  return rows.map((r) => ({ channelId: r.channel_id, status: r.status, rows: Number(r.n) }))
}

/** Adds the values changed in one projector pass to their channel's count for the day. */
export async function addDailyDeltas(tx: Queryable, dayMs: number, deltasByChannel: ReadonlyMap<string, number>): Promise<void> {
  if (deltasByChannel.size === 0) return
  await insertMany(tx, 'availability_daily', [['channel_id', 'text'], ['day', 'bigint'], ['deltas', 'bigint']],
    [...deltasByChannel].map(([channelId, deltas]) => [channelId, dayMs, deltas]),
    ' ON CONFLICT (channel_id, day) DO UPDATE SET deltas = availability_daily.deltas + excluded.deltas')
}

/** Per channel, the values changed on the UTC days from `fromDayMs` on. */
export async function dailyDeltasSince(q: Queryable, fromDayMs: number, channelId: string | undefined): Promise<Map<string, number>> {
  const where = channelId === undefined ? '' : ' AND channel_id = ?'
  const rows = await q.all<{ channel_id: string; n: number | string }>(
    `SELECT channel_id, SUM(deltas) AS n FROM availability_daily WHERE day >= ?${where} GROUP BY channel_id`, channelId === undefined ? [fromDayMs] : [fromDayMs, channelId])
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]))
}
