/** When the suggestions are next recomputed (a due-time row, nightly by default) and what the last run did. */
import type { Queryable } from '../store/db.ts'

export interface RunState {
  dueAtMs: number
  lastStartedAtMs: number | null
  lastFinishedAtMs: number | null
  lastReport: Record<string, unknown> | null
}

const runName = 'suggestions'

export async function runState(q: Queryable): Promise<RunState | undefined> {
  const row = await q.get<{ due_at: number | string; last_started_at: number | string | null; last_finished_at: number | string | null; last_report: string | null }>(
    'SELECT * FROM replenishment_runs WHERE name = ?', [runName])
  return row && {
    dueAtMs: Number(row.due_at), lastStartedAtMs: row.last_started_at === null ? null : Number(row.last_started_at),
    lastFinishedAtMs: row.last_finished_at === null ? null : Number(row.last_finished_at), lastReport: row.last_report === null ? null : JSON.parse(row.last_report),
  }
}

export async function ensureRunDue(q: Queryable, dueAtMs: number): Promise<void> {
  await q.run('INSERT INTO replenishment_runs (name, due_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [runName, dueAtMs])
}

/**
 * Claims the run when it is due: moves its due time on (so another process polling at once finds
 * it not due) and records the start. False when it was not due or another process claimed it.
 */
export async function claimDueRun(q: Queryable, nowMs: number, nextDueAtMs: number): Promise<boolean> {
  return (await q.run('UPDATE replenishment_runs SET due_at = ?, last_started_at = ? WHERE name = ? AND due_at <= ?', [nextDueAtMs, nowMs, runName, nowMs])) === 1
}

export async function recordRunStarted(q: Queryable, nowMs: number): Promise<void> {
  await q.run('UPDATE replenishment_runs SET last_started_at = ? WHERE name = ?', [nowMs, runName])
}

export async function recordRunFinished(q: Queryable, nowMs: number, report: Record<string, unknown>): Promise<void> {
  await q.run('UPDATE replenishment_runs SET last_finished_at = ?, last_report = ? WHERE name = ?', [nowMs, JSON.stringify(report), runName])
}

export async function setRunDue(q: Queryable, dueAtMs: number): Promise<void> {
  await q.run('UPDATE replenishment_runs SET due_at = ? WHERE name = ?', [dueAtMs, runName])
}
