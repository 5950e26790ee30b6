/**
 * A supplier's scorecard over time: every recompute appends one row (the period it measured, the
 * three rates and the grade), so the console can draw the trend and show when a grade changed.
 */
import type { Queryable } from '../store/db.ts'
import { isoOf } from '../kernel/clock.ts'
import { dayMs, type Grade, type Scorecard } from './model.ts'

/** One recompute as kept: the window it measured and what it found. */
export interface ScorecardSnapshot {
  id: number
  supplierId: string
  /** The window measured: (computedAt − windowDays, computedAt]. */
  periodStart: string
  periodEnd: string
  windowDays: number
  onTimeRate: number | null
  fillRate: number | null
  qcPassRate: number | null
  grade: Grade | null
}

interface SnapshotRow {
  id: number | string; supplier_id: string; computed_at: number | string; window_days: number | string
  on_time_rate: number | string | null; fill_rate: number | string | null; qc_pass_rate: number | string | null; grade: Grade | null
}

const rate = (v: number | string | null): number | null => (v === null ? null : Number(v))

/** Appends a recompute's figures; call in the transaction that stores the scorecard. */
export async function appendSnapshot(tx: Queryable, scorecard: Scorecard, computedAtMs: number): Promise<void> {
  await tx.run(
    `INSERT INTO supplier_scorecard_history (supplier_id, computed_at, window_days, on_time_rate, fill_rate, qc_pass_rate, grade)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [scorecard.supplierId, computedAtMs, scorecard.windowDays, scorecard.onTimeRate, scorecard.fillRate, scorecard.qcPassRate, scorecard.grade])
}

/** A supplier's snapshots, newest first, strictly before `beforeId` when given. */
export async function loadSnapshots(q: Queryable, supplierId: string, beforeId: number | undefined, limit: number): Promise<ScorecardSnapshot[]> {
  const rows = await q.all<SnapshotRow>(
    `SELECT * FROM supplier_scorecard_history WHERE supplier_id = ?${beforeId === undefined ? '' : ' AND id < ?'} ORDER BY id DESC LIMIT ${Math.trunc(limit)}`,
    beforeId === undefined ? [supplierId] : [supplierId, beforeId])
  return rows.map((r) => {
    const endMs = Number(r.computed_at)
    const windowDays = Number(r.window_days)
    return {
      id: Number(r.id), supplierId: r.supplier_id, periodStart: isoOf(endMs - windowDays * dayMs)!, periodEnd: isoOf(endMs)!, windowDays,
      onTimeRate: rate(r.on_time_rate), fillRate: rate(r.fill_rate), qcPassRate: rate(r.qc_pass_rate), grade: r.grade,
    }
  })
}
