/**
 * Replenishment's measures (DOMAIN.md §12), read from what the context keeps: forecast accuracy
 * from the scores of past forecasts (WAPE = Σ|actual − forecast| / Σ actual; MASE against the
 * seasonal naive forecast from the same origin; bias = Σ(forecast − actual) / Σ actual), overall,
 * by model, by node, by week and for the worst series; days of supply per series (available units
 * at the last recompute over the average daily demand of the last 28 days); and the replenishment
 * cycle (suggestion made → approved → purchase order sent → received).
 */
import type { Queryable } from '../store/db.ts'
import { isoDayOf } from './model.ts'

export interface AccuracyFigures { series: number; actualUnits: number; wape: number | null; mase: number | null; bias: number | null }

type ScoreSums = { n: number | string; actual: number | string | null; forecast: number | string | null; abs_error: number | string | null; naive: number | string | null }

const accuracyOf = (r: ScoreSums | undefined): AccuracyFigures => {
  const actual = Number(r?.actual ?? 0)
  const abs = Number(r?.abs_error ?? 0)
  const naive = Number(r?.naive ?? 0)
  return {
    series: Number(r?.n ?? 0), actualUnits: actual,
    wape: actual > 0 ? round4(abs / actual) : null, mase: naive > 0 ? round4(abs / naive) : null, bias: actual > 0 ? round4((Number(r?.forecast ?? 0) - actual) / actual) : null,
  }
}
const round4 = (v: number) => Math.round(v * 10_000) / 10_000
const sums = 'COUNT(*) AS n, SUM(actual_units) AS actual, SUM(forecast_units) AS forecast, SUM(abs_error_units) AS abs_error, SUM(naive_abs_error_units) AS naive'

export async function replenishmentFigures(q: Queryable, fromDay: number, toDay: number) {
  const between = 'as_of_day BETWEEN ? AND ?'
  const span = [fromDay, toDay]
  const [overall, byModel, byNode, byWeek, worst] = await Promise.all([
    q.get<ScoreSums>(`SELECT ${sums} FROM forecast_scores WHERE ${between}`, span),
    q.all<ScoreSums & { model: string }>(`SELECT model, ${sums} FROM forecast_scores WHERE ${between} GROUP BY model ORDER BY model`, span),
    q.all<ScoreSums & { node_id: string }>(`SELECT node_id, ${sums} FROM forecast_scores WHERE ${between} GROUP BY node_id ORDER BY node_id`, span),
    q.all<ScoreSums & { week: number | string }>(`SELECT (as_of_day - ((as_of_day + 3) % 7)) AS week, ${sums} FROM forecast_scores WHERE ${between} GROUP BY (as_of_day - ((as_of_day + 3) % 7)) ORDER BY week`, span),
    q.all<ScoreSums & { sku_id: string; node_id: string }>(
      `SELECT sku_id, node_id, ${sums} FROM forecast_scores WHERE ${between} GROUP BY sku_id, node_id ORDER BY SUM(abs_error_units) DESC, sku_id, node_id LIMIT 10`, span),
  ])
  return {
    definition: 'forecast_accuracy',
    accuracy: {
      overall: accuracyOf(overall),
      byModel: byModel.map((r) => ({ model: r.model, ...accuracyOf(r) })),
      byNode: byNode.map((r) => ({ nodeId: r.node_id, ...accuracyOf(r) })),
      // Weeks start on Monday (epoch day 4 was a Monday).
      byWeek: byWeek.map((r) => ({ week: isoDayOf(Number(r.week)), ...accuracyOf(r) })),
      worstSeries: worst.map((r) => ({ skuId: r.sku_id, nodeId: r.node_id, ...accuracyOf(r) })),
    },
    daysOfSupply: await daysOfSupply(q, toDay),
    cycle: await cycleOf(q, fromDay, toDay),
  }
}

/** Days of supply per series with demand in the last 28 days: the lowest ten, and the shop's whole. */
async function daysOfSupply(q: Queryable, toDay: number) {
  const rows = await q.all<{ sku_id: string; node_id: string; available_units: number | string; demand: number | string }>(
    `SELECT a.sku_id, a.node_id, a.available_units, SUM(GREATEST(0, d.ordered - d.cancelled + d.lost + d.imported)) AS demand
     FROM replenishment_alerts a JOIN demand_days d ON d.sku_id = a.sku_id AND d.node_id = a.node_id AND d.day BETWEEN ? AND ?
     GROUP BY a.sku_id, a.node_id, a.available_units`.replace('GREATEST', q.dialect === 'sqlite' ? 'MAX' : 'GREATEST'), [toDay - 27, toDay])
  const series = rows.map((r) => {
    const perDay = Number(r.demand) / 28
    return { skuId: r.sku_id, nodeId: r.node_id, availableUnits: Number(r.available_units), demandPerDay: Math.round(perDay * 100) / 100, days: perDay > 0 ? Math.round((Number(r.available_units) / perDay) * 10) / 10 : null }
  }).filter((s) => s.days !== null)
  const available = series.reduce((n, s) => n + Math.max(0, s.availableUnits), 0)
  const perDay = series.reduce((n, s) => n + s.demandPerDay, 0)
  return {
    definition: 'days_of_supply',
    total: perDay > 0 ? Math.round((available / perDay) * 10) / 10 : null,
    lowest: series.sort((a, b) => a.days! - b.days! || (a.skuId < b.skuId ? -1 : 1)).slice(0, 10),
  }
}

/** Suggestions over the period: made, approved, dismissed; and for those approved, the mean hours to approve, to send and to receive. */
async function cycleOf(q: Queryable, fromDay: number, toDay: number) {
  const fromMs = fromDay * 86_400_000
  const toMs = (toDay + 1) * 86_400_000
  const [made, decided, open] = await Promise.all([
    q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM replenishment_suggestions WHERE created_at >= ? AND created_at < ?', [fromMs, toMs]),
    q.all<{ status: string; n: number | string; to_approve: number | string | null; to_send: number | string | null; sent: number | string; to_receive: number | string | null; received: number | string }>(
      `SELECT status, COUNT(*) AS n, SUM(decided_at - created_at) AS to_approve,
         SUM(CASE WHEN sent_at IS NULL THEN 0 ELSE sent_at - decided_at END) AS to_send, SUM(CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END) AS sent,
         SUM(CASE WHEN received_at IS NULL THEN 0 ELSE received_at - decided_at END) AS to_receive, SUM(CASE WHEN received_at IS NULL THEN 0 ELSE 1 END) AS received
       FROM replenishment_suggestions WHERE decided_at >= ? AND decided_at < ? GROUP BY status`, [fromMs, toMs]),
    q.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM replenishment_suggestions WHERE status = 'open'"),
  ])
  const approved = decided.find((r) => r.status === 'approved')
  const hours = (ms: number | string | null | undefined, n: number) => (n > 0 ? Math.round((Number(ms ?? 0) / n / 3_600_000) * 10) / 10 : null)
  const approvedCount = Number(approved?.n ?? 0)
  return {
    definition: 'replenishment_cycle_time',
    suggestionsMade: Number(made?.n ?? 0),
    approved: approvedCount,
    dismissed: Number(decided.find((r) => r.status === 'dismissed')?.n ?? 0),
    withdrawn: Number(decided.find((r) => r.status === 'withdrawn')?.n ?? 0),
    openNow: Number(open?.n ?? 0),
    meanHoursToApprove: hours(approved?.to_approve, approvedCount),
    meanHoursApprovedToSent: hours(approved?.to_send, Number(approved?.sent ?? 0)),
    meanHoursApprovedToReceived: hours(approved?.to_receive, Number(approved?.received ?? 0)),
    received: Number(approved?.received ?? 0),
  }
}
