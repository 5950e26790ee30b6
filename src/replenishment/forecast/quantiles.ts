/**
 * Daily quantiles around a point forecast. Steady series: the backtest's actual/forecast ratio distribution
 * scaled to the forecast. Intermittent or low-volume series: a negative binomial with the backtest's
 * over-dispersion (Poisson when there is none).
 */
import type { ErrorSums } from './accuracy.ts'

const minRatios = 20
const lowVolumePerDay = 5
const defaultDispersion = 1
/** A backtest day on which the forecast was a vanishing fraction of demand must not make p90 infinite. */
const maxRatio = 1000

export interface QuantileShape {
  kind: 'ratio' | 'count'
  low: number
  high: number
  /** Negative binomial: variance = mean + dispersion × mean². */
  dispersion: number
}

export function quantileShape(errors: ErrorSums | null, intermittent: boolean, typicalForecast: number): QuantileShape {
  const ratios: number[] = []
  if (errors !== null) for (let i = 0; i < errors.days; i++) if (errors.forecasts[i] > 0) ratios.push(Math.min(maxRatio, errors.actuals[i] / errors.forecasts[i]))
  if (!intermittent && typicalForecast >= lowVolumePerDay && ratios.length >= minRatios) {
    ratios.sort((a, b) => a - b)
    return { kind: 'ratio', low: Math.min(1, empirical(ratios, 0.1)), high: Math.max(1, empirical(ratios, 0.9)), dispersion: 0 }
  }
  return { kind: 'count', low: 0, high: 0, dispersion: errors === null ? defaultDispersion : dispersion(errors) }
}

function empirical(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1)
  const below = Math.floor(position)
  const above = Math.min(sorted.length - 1, below + 1)
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below)
}

/** Method of moments: Σ((a−f)² − f) / Σf², clamped to [0, 50]. */
function dispersion(errors: ErrorSums): number {
  let excess = 0, squares = 0
  for (let i = 0; i < errors.days; i++) {
    const f = errors.forecasts[i], a = errors.actuals[i]
    excess += (a - f) * (a - f) - f
    squares += f * f
  }
  if (!(squares > 0)) return defaultDispersion
  return Math.max(0, Math.min(50, excess / squares))
}

const z10 = -1.2815515655446004

export function dailyQuantiles(shape: QuantileShape, point: number): [number, number, number] {
  if (!(point > 0)) return [0, 0, 0]
  if (shape.kind === 'ratio') return [point * shape.low, point, point * shape.high]
  const variance = point + shape.dispersion * point * point
  if (point > 50) {
    const sd = Math.sqrt(variance)
    return [Math.max(0, point + z10 * sd), point, point - z10 * sd]
  }
  return countQuantiles(point, shape.dispersion)
}

/** p10, p50, p90 of a negative binomial (Poisson when dispersion is ~0) by walking its distribution. */
function countQuantiles(mean: number, dispersion: number): [number, number, number] {
  const targets = [0.1, 0.5, 0.9]
  const result: [number, number, number] = [0, 0, 0]
  const poisson = dispersion < 1e-6
  const size = poisson ? 0 : 1 / dispersion
  const success = poisson ? 0 : size / (size + mean)
  let pmf = poisson ? Math.exp(-mean) : Math.exp(size * Math.log(success))
  let cdf = pmf, k = 0, next = 0
  while (next < 3 && k < 100_000) {
    while (next < 3 && cdf >= targets[next] - 1e-12) result[next++] = k
    if (next >= 3) break
    pmf *= poisson ? mean / (k + 1) : ((k + size) / (k + 1)) * (1 - success)
    k++
    cdf += pmf
  }
  for (; next < 3; next++) result[next] = k
  return result
}
