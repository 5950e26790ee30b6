/**
 * Supplier scorecards: a pure computation over facts read from purchase orders and receipts,
 * and the policy (window, grace, grade thresholds) kept in `settings`.
 *
 * Definitions, over the window (receipts with received_at > now − windowDays days):
 * - a *delivery* is a receipt line on which something came (passed + failed > 0);
 * - onTimeRate: deliveries whose receipt day (UTC) ≤ the line's first confirmed ETA + graceDays,
 *   over deliveries on lines that had a confirmed ETA (never-confirmed lines are not measured);
 * - fillRate: Σ min(received, ordered − merchant-cancelled) / Σ (ordered − merchant-cancelled)
 *   over completed lines: nothing left open, and the last receipt, the PO's close or its cancel
 *   in the window. Units the supplier cut, rejected or short-closed count against it; units the
 *   merchant cancelled do not. Lines with nothing due are skipped;
 * - qcPassRate: (Σ passed − units returned to the supplier as defective) / Σ (passed + failed) over receipt lines in the window;
 * - etaChangesPerLine: ETA changes in the window / lines with a confirmed ETA that were active in
 *   the window (confirmed, re-dated or received in it);
 * - lead time: per delivery, days from the PO being sent to the receipt; mean and population
 *   standard deviation;
 * - grade: null while nothing was delivered in the window; otherwise the first of A, B, C whose
 *   every minimum is met (a rate that is null counts as met), else D. Grading uses the rounded
 *   rates (4 decimals), so the figures shown always explain the grade.
 */
import type { Queryable } from '../store/db.ts'
import { loadSetting, saveSetting, settingUpdatedAt, type SettingRule } from '../store/settings.ts'
import { isoOf } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { appendSnapshot } from './scorecard-history.ts'
import { dayMs, dayStartOf, defaultScorecardPolicy, type Grade, type Scorecard, type ScorecardPolicy } from './model.ts'

export interface ReceiptLineFact {
  poLineId: string
  receivedAtMs: number
  quantityPassed: number
  quantityFailed: number
  /** The line's first confirmed ETA (midnight UTC); null if never confirmed. */
  confirmedEta: number | null
  /** When the PO went to the supplier: lead time runs from here. */
  sentAtMs: number | null
}

export interface LineFact {
  id: string
  quantityOrdered: number
  quantityReceived: number
  quantityCancelled: number
  quantityCancelledBySupplier: number
  confirmedEta: number | null
  lastReceiptAtMs: number | null
  poClosedAtMs: number | null
  poCancelledAtMs: number | null
}

export interface LineEventFact {
  lineId: string
  kind: 'eta_changed' | 'line_confirmed'
  atMs: number
}

/** Every line named by a receipt line or event must be in `lines`, with the completed ones. */
export interface ScorecardFacts {
  supplierId: string
  receiptLines: ReceiptLineFact[]
  lines: LineFact[]
  events: LineEventFact[]
  /** Units customers returned as defective that went back to this supplier in the window: they failed after all. */
  unitsReturnedToVendor?: number
}

/** Units returned to a supplier (returns' return-to-vendor documents) between two instants: injected, as the returns context owns them. */
export type ReturnedToVendor = (q: Queryable, supplierId: string, sinceMs: number, untilMs: number) => Promise<number>

export const scorecardPolicySetting = 'scorecard_policy'

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000
const ratio = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null)
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)

export function computeScorecard(facts: ScorecardFacts, policy: ScorecardPolicy, nowMs: number): Scorecard {
  const sinceMs = nowMs - policy.windowDays * dayMs
  const inWindow = (ms: number | null): boolean => ms !== null && ms > sinceMs && ms <= nowMs
  const receiptLines = facts.receiptLines.filter((r) => inWindow(r.receivedAtMs))
  const deliveries = receiptLines.filter((r) => r.quantityPassed + r.quantityFailed > 0)

  const dated = deliveries.filter((r) => r.confirmedEta !== null)
  const onTime = dated.filter((r) => dayStartOf(r.receivedAtMs) <= r.confirmedEta! + policy.graceDays * dayMs)

  const unitsPassed = sum(receiptLines.map((r) => r.quantityPassed))
  const unitsInspected = unitsPassed + sum(receiptLines.map((r) => r.quantityFailed))

  const fill = completedLines(facts.lines, inWindow)
  const events = facts.events.filter((e) => inWindow(e.atMs))
  const active = new Set([...receiptLines.map((r) => r.poLineId), ...events.map((e) => e.lineId)])
  const linesConfirmed = facts.lines.filter((l) => l.confirmedEta !== null && active.has(l.id)).length
  const etaChanges = events.filter((e) => e.kind === 'eta_changed').length
  const lead = spread(deliveries.filter((r) => r.sentAtMs !== null).map((r) => (r.receivedAtMs - r.sentAtMs!) / dayMs))

  const rates = {
    onTimeRate: ratio(onTime.length, dated.length),
    fillRate: ratio(fill.filled, fill.due),
    // A unit that passed at receipt and came back defective from a customer counts as failed after all.
    qcPassRate: ratio(Math.max(0, unitsPassed - (facts.unitsReturnedToVendor ?? 0)), unitsInspected),
  }
  return {
    supplierId: facts.supplierId,
    windowDays: policy.windowDays,
    ...rates,
    etaChangesPerLine: ratio(etaChanges, linesConfirmed),
    leadTimeMeanDays: lead && round4(lead.mean),
    leadTimeStdDevDays: lead && round4(lead.stdDev),
    receiptLines: deliveries.length,
    linesConfirmed,
    linesCompleted: fill.lines,
    unitsInspected,
    grade: deliveries.length === 0 ? null : gradeOf(rates, policy),
    computedAt: isoOf(nowMs)!,
  }
}

/** Lines with nothing left open that finished in the window, and what they were due and got. */
function completedLines(lines: LineFact[], inWindow: (ms: number | null) => boolean) {
  let due = 0
  let filled = 0
  let count = 0
  for (const l of lines) {
    if (l.quantityOrdered - l.quantityReceived - l.quantityCancelled !== 0) continue
    if (!inWindow(l.lastReceiptAtMs) && !inWindow(l.poClosedAtMs) && !inWindow(l.poCancelledAtMs)) continue
    const lineDue = l.quantityOrdered - (l.quantityCancelled - l.quantityCancelledBySupplier)
    if (lineDue <= 0) continue
    due += lineDue
    filled += Math.min(l.quantityReceived, lineDue)
    count++
  }
  return { due, filled, lines: count }
}

/** Mean and population standard deviation; null for no values. */
function spread(values: number[]): { mean: number; stdDev: number } | null {
  if (values.length === 0) return null
  const mean = sum(values) / values.length
  return { mean, stdDev: Math.sqrt(sum(values.map((v) => (v - mean) ** 2)) / values.length) }
}

export function gradeOf(rates: { onTimeRate: number | null; fillRate: number | null; qcPassRate: number | null }, policy: ScorecardPolicy): Grade {
  const meets = (rate: number | null, min: number) => rate === null || rate >= min
  const first = policy.thresholds.find((t) =>
    meets(rates.onTimeRate, t.onTimeRateMin) && meets(rates.fillRate, t.fillRateMin) && meets(rates.qcPassRate, t.qcPassRateMin))
  return first?.grade ?? 'D'
}

/** windowDays 1–730, graceDays 0–60, thresholds exactly A, B, C with rates 0–1 never rising from A to C. */
export function decideScorecardPolicy(input: ScorecardPolicy): Result<ScorecardPolicy> {
  const bad = (detail: string) => fail('invalid_scorecard_policy', detail)
  const whole = (v: unknown, min: number, max: number) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
  if (!whole(input.windowDays, 1, 730)) return bad('windowDays must be a whole number from 1 to 730.')
  if (!whole(input.graceDays, 0, 60)) return bad('graceDays must be a whole number from 0 to 60.')
  const t = input.thresholds
  if (!Array.isArray(t) || t.map((x) => x?.grade).join() !== 'A,B,C') return bad('thresholds must be exactly A, B and C, in that order.')
  const keys = ['onTimeRateMin', 'fillRateMin', 'qcPassRateMin'] as const
  for (const x of t) {
    for (const k of keys) if (typeof x[k] !== 'number' || !(x[k] >= 0 && x[k] <= 1)) return bad(`${x.grade}.${k} must be a rate from 0 to 1.`)
  }
  for (const k of keys) {
    if (t[0][k] < t[1][k] || t[1][k] < t[2][k]) return bad(`${k} must not rise from A to B to C (a better grade never asks for less).`)
  }
  return ok({
    windowDays: input.windowDays,
    graceDays: input.graceDays,
    thresholds: t.map((x) => ({ grade: x.grade, onTimeRateMin: x.onTimeRateMin, fillRateMin: x.fillRateMin, qcPassRateMin: x.qcPassRateMin })),
  })
}

const scorecardPolicyRule: SettingRule<ScorecardPolicy, ScorecardPolicy> = {
  name: scorecardPolicySetting, fallback: defaultScorecardPolicy, check: decideScorecardPolicy,
}

export const loadScorecardPolicy = (q: Queryable): Promise<ScorecardPolicy> => loadSetting(q, scorecardPolicyRule)

export const saveScorecardPolicy = (q: Queryable, input: ScorecardPolicy, nowMs: number): Promise<Result<ScorecardPolicy>> =>
  saveSetting(q, scorecardPolicyRule, input, nowMs)

/** Reads the facts, computes the scorecard and stores it; call inside the transaction that changed the facts. */
export async function recomputeScorecard(tx: Queryable, supplierId: string, nowMs: number, returnedToVendor?: ReturnedToVendor): Promise<Scorecard> {
  const policy = await loadScorecardPolicy(tx)
  const sinceMs = nowMs - policy.windowDays * dayMs
  const facts = { ...(await loadFacts(tx, supplierId, sinceMs)), unitsReturnedToVendor: (await returnedToVendor?.(tx, supplierId, sinceMs, nowMs)) ?? 0 }
  const scorecard = computeScorecard(facts, policy, nowMs)
  await tx.run(
    `INSERT INTO supplier_scorecards (supplier_id, scorecard, computed_at) VALUES (?, ?, ?)
     ON CONFLICT (supplier_id) DO UPDATE SET scorecard = excluded.scorecard, computed_at = excluded.computed_at
     WHERE supplier_scorecards.computed_at <= excluded.computed_at`,
    // A recompute that started earlier (in another process) never overwrites a newer one.
    [supplierId, JSON.stringify(scorecard), nowMs])
  await appendSnapshot(tx, scorecard, nowMs)
  return scorecard
}

/** The stored scorecard, when it was computed, and when the policy last changed. */
export async function storedScorecard(q: Queryable, supplierId: string): Promise<{ scorecard: Scorecard; computedAtMs: number; policyAtMs: number } | undefined> {
  const row = await q.get<{ scorecard: string; computed_at: number | string }>(
    'SELECT scorecard, computed_at FROM supplier_scorecards WHERE supplier_id = ?', [supplierId])
  return row && { scorecard: JSON.parse(row.scorecard), computedAtMs: Number(row.computed_at), policyAtMs: await settingUpdatedAt(q, scorecardPolicySetting) }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

async function loadFacts(q: Queryable, supplierId: string, sinceMs: number): Promise<ScorecardFacts> {
  const receiptRows = await q.all<Record<string, unknown>>(
    `SELECT rl.po_line_id, r.received_at, rl.quantity_passed, rl.quantity_failed, pl.confirmed_eta, po.sent_at
     FROM receipts r JOIN receipt_lines rl ON rl.receipt_id = r.id
     JOIN po_lines pl ON pl.id = rl.po_line_id JOIN purchase_orders po ON po.id = r.po_id
     WHERE r.supplier_id = ? AND r.received_at > ?`, [supplierId, sinceMs])
  const eventRows = await q.all<Record<string, unknown>>(
    `SELECT e.line_id, e.kind, e.at FROM po_events e JOIN purchase_orders po ON po.id = e.po_id
     WHERE po.supplier_id = ? AND e.at > ? AND e.kind IN ('eta_changed', 'line_confirmed') AND e.line_id IS NOT NULL`, [supplierId, sinceMs])
  const lineRows = await q.all<Record<string, unknown>>(
    `SELECT pl.id, pl.quantity_ordered, pl.quantity_received, pl.quantity_cancelled, pl.quantity_cancelled_by_supplier,
       pl.confirmed_eta, pl.last_receipt_at, po.closed_at, po.cancelled_at
     FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id
     WHERE po.supplier_id = ? AND (pl.last_receipt_at > ? OR po.closed_at > ? OR po.cancelled_at > ?
       OR pl.id IN (SELECT rl.po_line_id FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id WHERE r.supplier_id = ? AND r.received_at > ?)
       OR pl.id IN (SELECT e.line_id FROM po_events e WHERE e.po_id = pl.po_id AND e.at > ? AND e.kind IN ('eta_changed', 'line_confirmed')))`,
    [supplierId, sinceMs, sinceMs, sinceMs, supplierId, sinceMs, sinceMs])
  return {
    supplierId,
    receiptLines: receiptRows.map((r) => ({
      poLineId: String(r.po_line_id), receivedAtMs: Number(r.received_at), quantityPassed: Number(r.quantity_passed),
      quantityFailed: Number(r.quantity_failed), confirmedEta: num(r.confirmed_eta), sentAtMs: num(r.sent_at),
    })),
    lines: lineRows.map((r) => ({
      id: String(r.id), quantityOrdered: Number(r.quantity_ordered), quantityReceived: Number(r.quantity_received),
      quantityCancelled: Number(r.quantity_cancelled), quantityCancelledBySupplier: Number(r.quantity_cancelled_by_supplier),
      confirmedEta: num(r.confirmed_eta), lastReceiptAtMs: num(r.last_receipt_at), poClosedAtMs: num(r.closed_at), poCancelledAtMs: num(r.cancelled_at),
    })),
    events: eventRows.map((r) => ({ lineId: String(r.line_id), kind: r.kind as LineEventFact['kind'], atMs: Number(r.at) })),
  }
}
