/**
 * Settings rows: one JSON value per name (policies and settings other contexts own), checked by
 * the owner's rule when written and again when read back.
 */
import type { Queryable } from './db.ts'
import { SingleFlight } from '../kernel/single-flight.ts'
import { ok, type Result } from '../kernel/result.ts'

export interface SettingRule<I, T> {
  name: string
  /** The value until one is set. */
  fallback: T
  check: (input: I) => Result<T>
}

export async function loadSetting<I, T>(q: Queryable, rule: SettingRule<I, T>): Promise<T> {
  const row = await q.get<{ value: string }>('SELECT value FROM settings WHERE name = ?', [rule.name])
  if (!row) return rule.fallback
  const checked = rule.check(JSON.parse(row.value))
  // Only saveSetting writes the row, after the same check: a bad row is tampering or a bug.
  if (!checked.ok) throw new Error(`stored setting '${rule.name}' is invalid: ${checked.detail}`)
  return checked.value
}

/** Bumped by every write in this process, so this process never reads its own old value from `loadRecentSetting`. */
let writes = 0
interface Recent {
  values: Map<string, { value: unknown; readAtMs: number; writes: number }>
  loading: SingleFlight<unknown>
}
const recent = new WeakMap<Queryable, Recent>()

/**
 * A setting as read at most `maxAgeMs` ago through this handle (outside a transaction): the
 * order path reads the promising settings on every request, and they change a few times a year.
 * A write through this process is seen at once; a write through another process sharing the
 * database within `maxAgeMs`.
 */
export async function loadRecentSetting<I, T>(db: Queryable, rule: SettingRule<I, T>, maxAgeMs = 1000): Promise<T> {
  let kept = recent.get(db)
  if (!kept) recent.set(db, (kept = { values: new Map(), loading: new SingleFlight() }))
  const { values } = kept
  const hit = values.get(rule.name)
  const nowMs = performance.now()
  if (hit && hit.writes === writes && nowMs - hit.readAtMs < maxAgeMs) return hit.value as T
  const seenWrites = writes
  return kept.loading.load(rule.name, async () => {
    const value = await loadSetting(db, rule)
    values.set(rule.name, { value, readAtMs: nowMs, writes: seenWrites })
    return value
  }) as Promise<T>
}

export async function saveSetting<I, T>(q: Queryable, rule: SettingRule<I, T>, input: I, nowMs: number): Promise<Result<T>> {
  const checked = rule.check(input)
  if (!checked.ok) return checked
  writes++
  await q.run(
    `INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [rule.name, JSON.stringify(checked.value), nowMs])
  return ok(checked.value)
}

/** When a setting was last written (0 when never). */
export async function settingUpdatedAt(q: Queryable, name: string): Promise<number> {
  const row = await q.get<{ updated_at: number | string }>('SELECT updated_at FROM settings WHERE name = ?', [name])
  return Number(row?.updated_at ?? 0)
}

/**
 * Claims a day for a job that must run once a day across every process sharing the database:
 * true for exactly one caller per day. Answers the day claimed before, to give the claim back.
 */
export async function claimDay(tx: Queryable, name: string, todayMs: number, nowMs: number): Promise<{ claimed: boolean; previousMs: number }> {
  await tx.run(`INSERT INTO settings (name, value, updated_at) VALUES (?, '0', ?) ON CONFLICT (name) DO NOTHING`, [name, nowMs])
  const before = await tx.get<{ value: string }>(`SELECT value FROM settings WHERE name = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [name])
  const previousMs = Number(before?.value ?? 0)
  if (previousMs >= todayMs) return { claimed: false, previousMs }
  await tx.run('UPDATE settings SET value = ?, updated_at = ? WHERE name = ?', [String(todayMs), nowMs, name])
  return { claimed: true, previousMs }
}

/** Gives a claimed day back (the job failed), so the next caller runs it. */
export async function releaseDay(q: Queryable, name: string, previousMs: number, nowMs: number): Promise<void> {
  await q.run('UPDATE settings SET value = ?, updated_at = ? WHERE name = ?', [String(previousMs), nowMs, name])
}

/**
 * A value made once and kept for good: the first process to ask stores `made`, every process
 * (and every later start) reads the stored one. For generated defaults every instance must share.
 */
export async function settingMadeOnce(q: Queryable, name: string, made: string, nowMs: number): Promise<string> {
  await q.run('INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [name, JSON.stringify(made), nowMs])
  const row = await q.get<{ value: string }>('SELECT value FROM settings WHERE name = ?', [name])
  if (!row) throw new Error(`setting '${name}' was not kept`)
  return JSON.parse(row.value) as string
}
