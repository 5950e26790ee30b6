/**
 * Multiplicative effects of planned events (promotion, open holiday, peak) for the models that forecast a
 * baseline: estimated from history as demand on event days over the same weekday's plain-day mean,
 * shrunk towards 1 when there are few event days. A peak (or promotion) history has never seen uses the
 * merchant's uplift when one was given.
 */
import type { Series } from './series.ts'

export interface EventEffects { promotion: number; holiday: number; peak: number; promotionSeen: boolean; peakSeen: boolean }

/** Pseudo-days of "no effect" added to each estimate, so two noisy event days cannot swing it far. */
const priorDays = 3
const windowDays = 730

export function estimateEventEffects(s: Series, end: number): EventEffects {
  const from = Math.max(0, end - windowDays)
  const plainSum = new Float64Array(7), plainCount = new Float64Array(7)
  let allSum = 0, allCount = 0
  for (let t = from; t < end; t++) {
    if (s.open[t] === 0) continue
    allSum += s.y[t]; allCount++
    if (s.promotion[t] === 0 && s.holiday[t] === 0 && s.peak[t] === 0) { plainSum[s.weekday[t]] += s.y[t]; plainCount[s.weekday[t]]++ }
  }
  const overall = allCount > 0 ? allSum / allCount : 0
  const base = new Float64Array(7)
  for (let w = 0; w < 7; w++) base[w] = (plainSum[w] + priorDays * overall) / (plainCount[w] + priorDays)
  const effect = (flags: Uint8Array): { value: number, seen: boolean } => {
    let actual = 0, expected = 0, count = 0
    for (let t = from; t < end; t++) {
      if (s.open[t] === 0 || flags[t] === 0) continue
      actual += s.y[t]; expected += base[s.weekday[t]]; count++
    }
    if (count === 0 || overall <= 0) return { value: 1, seen: count > 0 }
    const prior = priorDays * overall
    return { value: clampEffect((actual + prior) / (expected + prior)), seen: true }
  }
  const peak = effect(s.peak), promotion = effect(s.promotion)
  return { promotion: promotion.value, holiday: effect(s.holiday).value, peak: peak.value, promotionSeen: promotion.seen, peakSeen: peak.seen }
}

function clampEffect(value: number): number {
  return Math.max(0.1, Math.min(20, value))
}

export function eventMultiplier(s: Series, effects: EventEffects, t: number): number {
  let m = 1
  if (s.promotion[t] === 1) m *= effects.promotion
  if (s.holiday[t] === 1) m *= effects.holiday
  if (s.peak[t] === 1) m *= effects.peakSeen ? effects.peak : 1
  return m * unseenEventUplift(s, t, effects.promotionSeen, effects.peakSeen)
}

/**
 * The merchant's expected uplift as a factor, on a peak (or promotion) day when history has no peak
 * (or promotion) to learn the effect from; 1 otherwise or when none was given.
 */
export function unseenEventUplift(s: Series, t: number, promotionSeen: boolean, peakSeen: boolean): number {
  const unseen = (s.peak[t] === 1 && !peakSeen) || (s.promotion[t] === 1 && !promotionSeen && s.peak[t] === 0)
  return unseen ? Math.max(0, 1 + s.upliftPct[t] / 100) : 1
}

/** History before `end` with event effects divided out, so baseline models see the demand of a plain day. */
export function withoutEvents(s: Series, effects: EventEffects, end: number): Float64Array {
  const adjusted = new Float64Array(s.n)
  for (let t = 0; t < end; t++) adjusted[t] = s.open[t] === 1 ? s.y[t] / eventMultiplier(s, effects, t) : 0
  return adjusted
}
