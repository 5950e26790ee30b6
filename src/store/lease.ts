/**
 * Leases: at most one holder of a named job (the NATS relay, …) across every process sharing the
 * database. A holder renews well within the time to live; when it dies its lease expires and the
 * next process asking takes it over. One statement decides, so two processes asking at once can
 * never both win: the insert takes a free name, and the conflict update takes it only when it has
 * expired or is already this holder's (a renewal). Works on SQLite ≥ 3.35 and PostgreSQL.
 *
 * Times are the callers' clocks (epoch ms): processes sharing a lease should keep their clocks in
 * step (NTP) to well under the time to live.
 */
import type { Queryable } from './db.ts'

/** Takes or renews `name` for `holder` until `nowMs + ttlMs`; whether `holder` holds it now. */
export async function acquireOrRenew(db: Queryable, name: string, holder: string, ttlMs: number, nowMs: number): Promise<boolean> {
  const row = await db.get<{ holder: string }>(
    `INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET
       holder = excluded.holder,
       expires_at = excluded.expires_at,
       acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END
     WHERE leases.expires_at < ? OR leases.holder = excluded.holder
     RETURNING holder`,
    [name, holder, nowMs + ttlMs, nowMs, nowMs])
  return row?.holder === holder
}

/** Gives `name` up at once if `holder` holds it, so the next process need not wait for it to expire. */
export async function release(db: Queryable, name: string, holder: string): Promise<void> {
  await db.run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder])
}

export interface Lease {
  holder: string
  expiresAtMs: number
  acquiredAtMs: number
}

/** Who holds `name` (or last held it, if it has expired); undefined when nobody has. */
export async function leaseOf(db: Queryable, name: string): Promise<Lease | undefined> {
  const row = await db.get<{ holder: string; expires_at: number | string; acquired_at: number | string }>(
    'SELECT holder, expires_at, acquired_at FROM leases WHERE name = ?', [name])
  return row && { holder: row.holder, expiresAtMs: Number(row.expires_at), acquiredAtMs: Number(row.acquired_at) }
}
