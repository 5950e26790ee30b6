/** Pickups as stored: only this file and the migration name the table. */
import type { Db, Queryable } from '../store/db.ts'
import { KeyNotHeldError, type KeyRing, type Sealed } from '../kernel/sealing.ts'
import type { Pickup, PickupState } from './pickup.ts'

interface PickupRow {
  shipment_id: string; order_id: string; node_id: string; state: string; code_salt: string; code_hash: string; attempts: number | string
  locked_at: number | string | null; ready_at: number | string; expires_at: number | string; reminded_at: number | string | null; ended_at: number | string | null
}

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

const pickupOf = (r: PickupRow): Pickup => ({
  shipmentId: r.shipment_id, orderId: r.order_id, nodeId: r.node_id, state: r.state as PickupState, codeSalt: r.code_salt, codeHash: r.code_hash,
  attempts: Number(r.attempts), lockedAtMs: orNull(r.locked_at), readyAtMs: Number(r.ready_at), expiresAtMs: Number(r.expires_at),
  remindedAtMs: orNull(r.reminded_at), endedAtMs: orNull(r.ended_at),
})

const columns = 'shipment_id, order_id, node_id, state, code_salt, code_hash, attempts, locked_at, ready_at, expires_at, reminded_at, ended_at'

/** One pickup; `forUpdate` locks its row (PostgreSQL; SQLite's write transaction is exclusive already). */
export async function loadPickup(q: Queryable, shipmentId: string, forUpdate = false): Promise<Pickup | undefined> {
  const row = await q.get<PickupRow>(`SELECT ${columns} FROM pickups WHERE shipment_id = ?${forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [shipmentId])
  return row ? pickupOf(row) : undefined
}

export async function pickupsOf(q: Queryable, shipmentIds: readonly string[]): Promise<Map<string, Pickup>> {
  if (shipmentIds.length === 0) return new Map()
  const rows = await q.all<PickupRow>(`SELECT ${columns} FROM pickups WHERE shipment_id IN (${shipmentIds.map(() => '?').join(', ')})`, shipmentIds)
  return new Map(rows.map((r) => [r.shipment_id, pickupOf(r)]))
}

export async function insertPickup(tx: Queryable, p: Pickup): Promise<void> {
  await tx.run(`INSERT INTO pickups (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    p.shipmentId, p.orderId, p.nodeId, p.state, p.codeSalt, p.codeHash, p.attempts, p.lockedAtMs, p.readyAtMs, p.expiresAtMs, p.remindedAtMs, p.endedAtMs])
}

/** Counts an attempt at the counter (and locks the pickup when `lockedAtMs` is set). */
export async function saveAttempts(tx: Queryable, shipmentId: string, attempts: number, lockedAtMs: number | null): Promise<void> {
  await tx.run('UPDATE pickups SET attempts = ?, locked_at = ? WHERE shipment_id = ?', [attempts, lockedAtMs, shipmentId])
}

/**
 * Ends a ready pickup — only if it is still ready: answers false when something else ended it
 * first (the handover and the expiry sweep: exactly one wins).
 */
export async function endPickup(tx: Queryable, shipmentId: string, state: Exclude<PickupState, 'ready'>, atMs: number, collectedBy?: Sealed): Promise<boolean> {
  const changed = await tx.run(`UPDATE pickups SET state = ?, ended_at = ?, collected_by_key = ?, collected_by = ? WHERE shipment_id = ? AND state = 'ready'`,
    [state, atMs, collectedBy?.keyId ?? null, collectedBy?.sealed ?? null, shipmentId])
  return changed === 1
}

/** Marks the reminder sent — only once: false when it was already. */
export async function markReminded(tx: Queryable, shipmentId: string, atMs: number): Promise<boolean> {
  return (await tx.run(`UPDATE pickups SET reminded_at = ? WHERE shipment_id = ? AND reminded_at IS NULL AND state = 'ready'`, [atMs, shipmentId])) === 1
}

/** Ready pickups past their expiry, or whose reminder (the day before; none for a hold of a day or less) is due and not sent, oldest first. */
export async function duePickups(q: Queryable, kind: 'expire' | 'remind', nowMs: number, dayMs: number, limit: number): Promise<Pickup[]> {
  const sql = kind === 'expire'
    ? `SELECT ${columns} FROM pickups WHERE state = 'ready' AND expires_at <= ? ORDER BY expires_at, shipment_id LIMIT ${Math.trunc(limit)}`
    : `SELECT ${columns} FROM pickups WHERE state = 'ready' AND reminded_at IS NULL AND expires_at > ? AND expires_at - ? <= ? AND expires_at - ready_at > ? ORDER BY expires_at, shipment_id LIMIT ${Math.trunc(limit)}`
  const rows = await q.all<PickupRow>(sql, kind === 'expire' ? [nowMs] : [nowMs, dayMs, nowMs, dayMs])
  return rows.map(pickupOf)
}

/** Who collected, sealed (personal data: never in events or logs). */
export async function collectedByOf(q: Queryable, shipmentId: string): Promise<Sealed | undefined> {
  const row = await q.get<{ collected_by_key: string | null; collected_by: string | null }>('SELECT collected_by_key, collected_by FROM pickups WHERE shipment_id = ?', [shipmentId])
  return row?.collected_by_key && row.collected_by ? { keyId: row.collected_by_key, sealed: row.collected_by } : undefined
}

/** What who-collected is sealed bound to: the shipment's id (a sealed name copied onto another pickup does not open). */
export const collectorAadOf = (shipmentId: string): string => `pickup:${shipmentId}`

/** How many collected-by names each key sealed, the most first. */
export async function collectorKeyCounts(q: Queryable): Promise<Array<{ keyId: string; pickups: number }>> {
  const rows = await q.all<{ key_id: string; n: number | string }>(
    'SELECT collected_by_key AS key_id, COUNT(*) AS n FROM pickups WHERE collected_by_key IS NOT NULL GROUP BY collected_by_key ORDER BY COUNT(*) DESC, collected_by_key')
  return rows.map((r) => ({ keyId: r.key_id, pickups: Number(r.n) }))
}

/** The collected-by key counts; throws `KeyNotHeldError` naming the keys in use the ring does not hold (`missingKeyHint`: what to set). */
export async function assertCollectorKeysHeld(q: Queryable, ring: KeyRing, missingKeyHint?: string): Promise<Array<{ keyId: string; pickups: number }>> {
  const counts = await collectorKeyCounts(q)
  const unknown = counts.filter((c) => !ring.holds(c.keyId))
  if (unknown.length > 0) {
    const list = unknown.map((c) => `${c.keyId} (${c.pickups} pickup collector(s))`).join(', ')
    throw new KeyNotHeldError(`Who collected pickups is sealed under key(s) that are not configured: ${list}. Nothing was re-sealed${missingKeyHint ? `: ${missingKeyHint}` : ''}`, unknown[0].keyId)
  }
  return counts
}

export interface CollectorRotateOptions {
  /** Rows re-sealed per transaction. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
  /** What the refusal names when a row's key is not configured (the settings to set). */
  missingKeyHint?: string
}

/**
 * Re-seals every collected-by name not under the ring's current key, `batchSize` rows a
 * transaction (`sellahead pii rotate`). Refuses to start, changing nothing, when a row names a key
 * the ring does not hold. Resumable: it only ever picks rows still under another key, and writes a
 * row only if it is still under the key it was read under (a concurrent rotation does it once).
 */
export async function rotateCollectors(db: Db, ring: KeyRing, options: CollectorRotateOptions = {}): Promise<{ keyId: string; resealed: number }> {
  const batchSize = options.batchSize ?? 500
  const counts = await assertCollectorKeysHeld(db, ring, options.missingKeyHint)
  const current = ring.current.id
  const total = counts.filter((c) => c.keyId !== current).reduce((n, c) => n + c.pickups, 0)
  options.onProgress?.(0, total)
  let done = 0
  let after = ''
  for (;;) {
    const rows = await db.all<{ shipment_id: string; collected_by_key: string; collected_by: string }>(
      `SELECT shipment_id, collected_by_key, collected_by FROM pickups
       WHERE collected_by_key IS NOT NULL AND collected_by_key <> ? AND shipment_id > ? ORDER BY shipment_id LIMIT ?`, [current, after, batchSize])
    if (rows.length === 0) break
    const resealed = rows.map((r) => {
      const aad = collectorAadOf(r.shipment_id)
      const plain = ring.open({ keyId: r.collected_by_key, sealed: r.collected_by }, aad, `Who collected pickup ${r.shipment_id}`)
      return { shipmentId: r.shipment_id, from: r.collected_by_key, to: ring.seal(plain, aad) }
    })
    done += await db.tx(async (tx) => {
      let changed = 0
      for (const r of resealed) {
        changed += await tx.run('UPDATE pickups SET collected_by_key = ?, collected_by = ? WHERE shipment_id = ? AND collected_by_key = ?',
          [r.to.keyId, r.to.sealed, r.shipmentId, r.from])
      }
      return changed
    })
    after = rows[rows.length - 1].shipment_id
    options.onProgress?.(Math.min(done, total), total)
  }
  return { keyId: current, resealed: done }
}
