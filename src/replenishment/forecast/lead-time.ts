/** Empirical lead-time demand, for intermittent series where Croston gives no valid interval. */

function clean(value: number): number {
  return value > 0 ? Math.min(value, 1e15) : 0
}

/**
 * Quantile (linear interpolation) of demand summed over every run of `leadDays` consecutive history days.
 * A history shorter than the lead time is scaled up from its total; empty history or no lead time gives 0.
 */
export function leadTimeDemandQuantile(history: Float64Array, leadDays: number, quantile: number): number {
  const n = history?.length ?? 0
  const lead = Math.floor(Number(leadDays))
  if (n === 0 || !(lead > 0)) return 0
  const q = Number.isFinite(quantile) ? Math.max(0, Math.min(1, quantile)) : 0.5
  let window = 0
  if (lead > n) {
    for (let t = 0; t < n; t++) window += clean(history[t])
    return (window * lead) / n
  }
  const sums = new Float64Array(n - lead + 1)
  for (let t = 0; t < lead; t++) window += clean(history[t])
  sums[0] = window
  for (let t = lead; t < n; t++) {
    window += clean(history[t]) - clean(history[t - lead])
    sums[t - lead + 1] = window
  }
  sums.sort()
  const position = q * (sums.length - 1)
  const below = Math.floor(position)
  const above = Math.min(sums.length - 1, below + 1)
  return Math.max(0, sums[below] + (sums[above] - sums[below]) * (position - below))
}
