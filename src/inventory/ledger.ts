/** The inventory tables as the engine reads and writes them inside one batch transaction. */
import type { Param, Queryable } from '../store/db.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import { inList } from '../store/db.ts'
import { insertMany, type Column } from '../store/sql.ts'
import type { BatchState, NewReservation } from './batch.ts'
import { writeSlots } from '../supply/index.ts'
import { bucketColumns, bucketNames, positionKey, sellable, type Buckets, type Lock, type Position, type Reservation, type Transfer } from './model.ts'

const positionColumns = `sku_id, node_id, ${bucketNames.map((b) => bucketColumns[b]).join(', ')}`

export interface PositionRow {
  sku_id: string
  node_id: string
  on_hand: number
  reserved: number
  unsellable: number
  locked: number
  transfer_reserved: number
  in_transit: number
  virtual: number
}

export const positionOf = (r: PositionRow): Position => ({
  skuId: r.sku_id,
  nodeId: r.node_id,
  onHand: Number(r.on_hand),
  reserved: Number(r.reserved),
  unsellable: Number(r.unsellable),
  locked: Number(r.locked),
  transferReserved: Number(r.transfer_reserved),
  inTransit: Number(r.in_transit),
  virtual: Number(r.virtual),
})

/**
 * Locks every position the batch touches, in key order so two batches never deadlock, and
 * creates missing ones at zero. On SQLite, BEGIN IMMEDIATE already holds the only write lock.
 */
export async function lockPositions(
  tx: Queryable,
  keys: ReadonlyArray<{ skuId: string; nodeId: string }>,
  nowMs: number,
): Promise<Map<string, Position>> {
  const sorted = [...new Map(keys.map((k) => [positionKey(k.skuId, k.nodeId), k])).entries()].sort(([a], [b]) => (a < b ? -1 : 1))
  const found = new Map<string, Position>()
  const load = async (wanted: typeof sorted) => {
    if (wanted.length === 0) return
    const rows = tx.dialect === 'postgres'
      ? await tx.all<PositionRow>(
        `SELECT ${positionColumns} FROM positions WHERE (sku_id, node_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
         ORDER BY sku_id, node_id FOR UPDATE`,
        [wanted.map(([, k]) => k.skuId), wanted.map(([, k]) => k.nodeId)])
      : await sqlitePositions(tx, wanted.map(([, k]) => k))
    for (const row of rows) found.set(positionKey(row.sku_id, row.node_id), positionOf(row))
  }
  await load(sorted)
  const missing = sorted.filter(([key]) => !found.has(key))
  if (missing.length > 0) {
    await insertMany(tx, 'positions', [['sku_id', 'text'], ['node_id', 'text'], ['updated_at', 'bigint']],
      missing.map(([, k]) => [k.skuId, k.nodeId, nowMs]), 'ON CONFLICT DO NOTHING')
    await load(missing)
  }
  return found
}

async function sqlitePositions(tx: Queryable, keys: Array<{ skuId: string; nodeId: string }>): Promise<PositionRow[]> {
  const rows: PositionRow[] = []
  for (const k of keys) {
    const row = await tx.get<PositionRow>(`SELECT ${positionColumns} FROM positions WHERE sku_id = ? AND node_id = ?`, [k.skuId, k.nodeId])
    if (row) rows.push(row)
  }
  return rows
}

export interface ReservationRow {
  id: string
  sku_id: string
  node_id: string
  quantity: number
  status: Reservation['status']
  channel_id: string | null
  reference: string | null
  hold_until: number | null
  idem_key: string | null
  request_hash: string | null
  actor: string
  created_at: number
  ended_at: number | null
  end_reason: string | null
}

export const reservationOf = (r: ReservationRow): Reservation => ({
  id: r.id,
  skuId: r.sku_id,
  nodeId: r.node_id,
  quantity: Number(r.quantity),
  status: r.status,
  channelId: r.channel_id,
  reference: r.reference,
  holdUntilMs: r.hold_until === null ? null : Number(r.hold_until),
  actor: r.actor,
  createdAtMs: Number(r.created_at),
  endedAtMs: r.ended_at === null ? null : Number(r.ended_at),
  endReason: r.end_reason,
})

export interface LockRow {
  id: string; sku_id: string; node_id: string; quantity: number; reason: string; status: Lock['status']
  channel_id: string | null; release_at: number | null; actor: string; created_at: number; released_at: number | null
}

export const lockOf = (r: LockRow): Lock => ({
  id: r.id, skuId: r.sku_id, nodeId: r.node_id, quantity: Number(r.quantity), reason: r.reason, status: r.status,
  channelId: r.channel_id ?? null, releaseAtMs: r.release_at === null ? null : Number(r.release_at), actor: r.actor,
  createdAtMs: Number(r.created_at), releasedAtMs: r.released_at === null ? null : Number(r.released_at),
})

const fencesSql = `SELECT * FROM locks WHERE status = 'active' AND channel_id IS NOT NULL`

/**
 * The active channel locks (fences) at some positions, read with the positions already locked:
 * fences change only in batches holding their position's lock (a lock, a release, a reservation
 * or order taking from one), so what is read here stays true for the batch. Locks the batch has
 * already loaded (a release of one) are the same objects.
 */
export async function loadFences(tx: Queryable, state: BatchState, keys: ReadonlyArray<{ skuId: string; nodeId: string }>): Promise<void> {
  if (keys.length === 0) return
  const rows = tx.dialect === 'postgres'
    ? await tx.all<LockRow>(`${fencesSql} AND (sku_id, node_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))`, [keys.map((k) => k.skuId), keys.map((k) => k.nodeId)])
    : (await Promise.all(keys.map((k) => tx.all<LockRow>(`${fencesSql} AND sku_id = ? AND node_id = ?`, [k.skuId, k.nodeId])))).flat()
  const byKey = new Map<string, Lock[]>(keys.map((k) => [positionKey(k.skuId, k.nodeId), []]))
  for (const row of rows) {
    let l = state.locks.get(row.id)
    if (!l) state.locks.set(row.id, (l = lockOf(row)))
    byKey.get(positionKey(l.skuId, l.nodeId))?.push(l)
  }
  for (const k of keys) state.setFences(k.skuId, k.nodeId, byKey.get(positionKey(k.skuId, k.nodeId))!)
}

export interface TransferRow {
  id: string; sku_id: string; from_node_id: string; to_node_id: string; quantity: number; status: Transfer['status']
  quantity_received: number | null; discrepancy: number | null; eta: number | null; carrier: string | null
  tracking: string | null; actor: string; created_at: number; shipped_at: number | null; received_at: number | null
  cancelled_at: number | null
}

export const transferOf = (r: TransferRow): Transfer => ({
  id: r.id, skuId: r.sku_id, fromNodeId: r.from_node_id, toNodeId: r.to_node_id, quantity: Number(r.quantity),
  status: r.status, quantityReceived: r.quantity_received, discrepancy: r.discrepancy, etaMs: r.eta,
  carrier: r.carrier, tracking: r.tracking, actor: r.actor, createdAtMs: r.created_at, shippedAtMs: r.shipped_at,
  receivedAtMs: r.received_at, cancelledAtMs: r.cancelled_at,
})

const reservationColumns: Column[] = [
  ['id', 'text'], ['sku_id', 'text'], ['node_id', 'text'], ['quantity', 'bigint'], ['status', 'text'],
  ['channel_id', 'text'], ['reference', 'text'], ['hold_until', 'bigint'], ['idem_key', 'text'],
  ['request_hash', 'text'], ['actor', 'text'], ['created_batch', 'text'], ['created_at', 'bigint'],
]

const reservationValues = (r: NewReservation, batchId: string): Param[] => [
  r.id, r.skuId, r.nodeId, r.quantity, r.status, r.channelId, r.reference, r.holdUntilMs, r.idemKey,
  r.requestHash, r.actor, batchId, r.createdAtMs,
]

const movementColumns: Column[] = [
  ['sku_id', 'text'], ['node_id', 'text'], ['kind', 'text'], ['quantity', 'bigint'], ['request_count', 'integer'],
  ...bucketNames.map((b): Column => [bucketColumns[b], 'bigint']),
  ['reason', 'text'], ['ref_type', 'text'], ['ref_id', 'text'], ['batch_id', 'text'], ['actor', 'text'], ['at', 'bigint'],
]

/** Writes everything the batch decided. Runs inside the batch transaction. */
export async function writeBatch(tx: Queryable, s: BatchState): Promise<void> {
  for (const p of s.changedPositions) {
    await tx.run(
      `UPDATE positions SET ${bucketNames.map((b) => `${bucketColumns[b]} = ?`).join(', ')}, updated_at = ? WHERE sku_id = ? AND node_id = ?`,
      [...bucketNames.map((b) => p[b]), s.nowMs, p.skuId, p.nodeId],
    )
  }
  await insertMany(tx, 'movements', movementColumns, s.movements.map((m) => [
    m.skuId, m.nodeId, m.kind, m.quantity, m.requestCount, ...bucketNames.map((b) => m.delta[b]),
    m.reason, m.refType, m.refId, s.batchId, m.actor, s.nowMs,
  ]))
  await insertMany(tx, 'reservations', reservationColumns, s.newReservations.map((r) => reservationValues(r, s.batchId)))
  await endReservations(tx, s)
  for (const l of s.newLocks) {
    await tx.run(
      'INSERT INTO locks (id, sku_id, node_id, quantity, reason, status, channel_id, release_at, actor, created_at, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [l.id, l.skuId, l.nodeId, l.quantity, l.reason, l.status, l.channelId, l.releaseAtMs, l.actor, l.createdAtMs, l.releasedAtMs],
    )
  }
  // A fence a reservation took from: its quantity left (a lock made in this batch is inserted as it now is).
  for (const l of s.changedLocks) {
    if (!s.newLocks.includes(l)) await tx.run('UPDATE locks SET quantity = ?, status = ?, released_at = ? WHERE id = ?', [l.quantity, l.status, l.releasedAtMs, l.id])
  }
  for (const l of s.endedLocks) await tx.run('UPDATE locks SET status = ?, released_at = ? WHERE id = ?', [l.status, l.releasedAtMs, l.id])
  for (const t of s.newTransfers) {
    await tx.run(
      `INSERT INTO transfers (id, sku_id, from_node_id, to_node_id, quantity, status, eta, actor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [t.id, t.skuId, t.fromNodeId, t.toNodeId, t.quantity, t.status, t.etaMs, t.actor, t.createdAtMs],
    )
  }
  for (const t of s.changedTransfers) {
    await tx.run(
      `UPDATE transfers SET status = ?, quantity_received = ?, discrepancy = ?, eta = ?, carrier = ?, tracking = ?,
       shipped_at = ?, received_at = ?, cancelled_at = ? WHERE id = ?`,
      [t.status, t.quantityReceived, t.discrepancy, t.etaMs, t.carrier, t.tracking, t.shippedAtMs, t.receivedAtMs, t.cancelledAtMs, t.id],
    )
  }
  await writeSlots(tx, s.changedSlots, s.nowMs)
  await s.writeStaged(tx)
  for (const write of s.writes) await write(tx)
  await insertMany(tx, 'idempotency_keys', [['scope_key', 'text'], ['request_hash', 'text'], ['status_code', 'integer'], ['response', 'text'], ['created_at', 'bigint']],
    s.storedResponses.map((r) => [r.scopeKey, r.requestHash, r.statusCode, r.response, s.nowMs]))
  await publish(tx, [...s.events, ...positionEvents(s)], s.nowMs)
}

/** One `inventory.changed` per position the batch changed, with its buckets after the batch. */
function positionEvents(s: BatchState): DomainEvent[] {
  return [...s.changedPositions].map((p) => ({
    topic: 'inventory.changed', subject: `${p.skuId}@${p.nodeId}`, payload: { ...bucketsOf(p), skuId: p.skuId, nodeId: p.nodeId, sellable: sellable(p) },
  }))
}

const bucketsOf = (p: Buckets): Buckets => ({
  onHand: p.onHand, reserved: p.reserved, unsellable: p.unsellable, locked: p.locked, transferReserved: p.transferReserved, inTransit: p.inTransit, virtual: p.virtual,
})

/** Ended reservations share their batch, time and status; one statement per status and reason. */
async function endReservations(tx: Queryable, s: BatchState): Promise<void> {
  const groups = new Map<string, string[]>()
  for (const r of s.endedReservations) {
    const key = `${r.status}|${r.endReason ?? ''}`
    let ids = groups.get(key)
    if (!ids) groups.set(key, (ids = []))
    ids.push(r.id)
  }
  for (const [key, ids] of groups) {
    const [status, reason] = key.split('|')
    const head = 'UPDATE reservations SET status = ?, ended_batch = ?, ended_at = ?, end_reason = ? WHERE id'
    const params = [status, s.batchId, s.nowMs, reason || null]
    if (tx.dialect === 'postgres') {
      await tx.run(`${head} = ANY(?::text[])`, [...params, ids])
    } else {
      for (let i = 0; i < ids.length; i += 10_000) {
        const chunk = ids.slice(i, i + 10_000)
        await tx.run(`${head} IN (${inList(chunk.length)})`, [...params, ...chunk])
      }
    }
  }
}
