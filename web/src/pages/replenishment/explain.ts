/**
 * A suggestion's explanation as the page reads it. The API types it as an open record (the run
 * writes src/replenishment/suggest.ts's explanation plus the forecast, lead time and policy it
 * used), so each part is read defensively: a part missing from an older suggestion is null.
 */
import type { NeedTermName } from './words.ts'

export interface Accuracy { wape: number; mase: number; bias: number }

export interface Explained {
  terms: Array<{ name: NeedTermName | string; units: number; sign: 1 | -1 }>
  rawNeedUnits: number | null
  needUnits: number | null
  netPositionUnits: number | null
  targetUnits: number | null
  triggerLevelUnits: number | null
  safetyStock:
    | { method: 'normal'; units: number; z: number; protectionDays: number; demandSdPerDay: number; demandMeanPerDay: number; leadTimeSdDays: number }
    | { method: 'empirical'; units: number; protectionDays: number; quantileUnits: number; expectedUnits: number }
    | null
  forecast: { model: string; accuracy: Accuracy | null; runnerUp: string | null; runnerUpAccuracy: Accuracy | null } | null
  rounding: { before: number; after: number; minOrderQuantity: number; packSize: number } | null
  supplierName: string | null
  supplierReason: string | null
  leadTimeMeanDays: number | null
  summary: string[]
}

type Rec = Record<string, unknown>
const rec = (v: unknown): Rec | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function accuracyOf(v: unknown): Accuracy | null {
  const a = rec(v)
  const wape = num(a?.wape), mase = num(a?.mase), bias = num(a?.bias)
  return wape === null || mase === null || bias === null ? null : { wape, mase, bias }
}

function safetyStockOf(v: unknown): Explained['safetyStock'] {
  const ss = rec(v)
  const terms = rec(ss?.terms)
  const units = num(ss?.safetyStockUnits), protectionDays = num(ss?.protectionDays)
  if (!ss || !terms || units === null || protectionDays === null) return null
  if (ss.method === 'empirical') {
    return { method: 'empirical', units, protectionDays, quantileUnits: num(terms.leadTimeDemandQuantileUnits) ?? 0, expectedUnits: num(terms.expectedDemandUnits) ?? 0 }
  }
  return {
    method: 'normal', units, protectionDays, z: num(terms.z) ?? num(ss.z) ?? 0,
    demandSdPerDay: num(terms.demandSdPerDay) ?? 0, demandMeanPerDay: num(terms.demandMeanPerDay) ?? 0, leadTimeSdDays: num(terms.leadTimeSdDays) ?? 0,
  }
}

export function explained(explanation: Rec): Explained {
  const need = rec(explanation.need)
  const terms = Array.isArray(need?.terms) ? need.terms.map(rec).filter((t): t is Rec => t !== null) : []
  const forecast = rec(explanation.forecast)
  const rounding = rec(explanation.rounding)
  const supplier = rec(explanation.supplier)
  const before = num(rounding?.before), after = num(rounding?.after)
  return {
    terms: terms.map((t) => ({ name: str(t.name) ?? '?', units: num(t.units) ?? 0, sign: t.sign === -1 ? -1 : 1 })),
    rawNeedUnits: num(need?.rawNeedUnits),
    needUnits: num(need?.needUnits),
    netPositionUnits: num(need?.netPositionUnits),
    targetUnits: num(need?.targetUnits),
    triggerLevelUnits: num(rec(need?.trigger)?.levelUnits),
    safetyStock: safetyStockOf(explanation.safetyStock),
    forecast: forecast && str(forecast.model) !== null
      ? { model: str(forecast.model)!, accuracy: accuracyOf(forecast.accuracy), runnerUp: str(forecast.runnerUp), runnerUpAccuracy: accuracyOf(forecast.runnerUpAccuracy) }
      : null,
    rounding: before !== null && after !== null ? { before, after, minOrderQuantity: num(rounding?.minOrderQuantity) ?? 0, packSize: num(rounding?.packSize) ?? 1 } : null,
    supplierName: str(rec(supplier?.chosen)?.name),
    supplierReason: str(supplier?.reason),
    leadTimeMeanDays: num(rec(explanation.leadTime)?.meanDays),
    summary: Array.isArray(explanation.summary) ? explanation.summary.filter((s): s is string => typeof s === 'string') : [],
  }
}

/** Units as a buyer reads them: whole units plain, fractions to two places. */
export const units = (value: number | null, count: (n: number) => string): string =>
  value === null ? '—' : count(Number.isInteger(value) ? value : Math.round(value * 100) / 100)
