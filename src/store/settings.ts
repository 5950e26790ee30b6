/**
 * Settings rows: one JSON value per name (policies and settings other contexts own), checked by
 * the owner's rule when written and again when read back.
 */
import type { Queryable } from './db.ts'
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

export async function saveSetting<I, T>(q: Queryable, rule: SettingRule<I, T>, input: I, nowMs: number): Promise<Result<T>> {
  const checked = rule.check(input)
  if (!checked.ok) return checked
  await q.run(
    `INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [rule.name, JSON.stringify(checked.value), nowMs])
  return ok(checked.value)
}
