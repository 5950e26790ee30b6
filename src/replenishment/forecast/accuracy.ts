/** Backtest error sums of one model, pooled over origins, and the accuracy they give. */
import type { Accuracy } from './types.ts'
import type { Series } from './series.ts'

export class ErrorSums {
  absError = 0
  actual = 0
  forecast = 0
  days = 0
  /** Actual and forecast of each scored day, for the residual quantiles. */
  readonly actuals: number[] = []
  readonly forecasts: number[] = []

  add(actual: number, forecast: number): void {
    this.absError += Math.abs(actual - forecast)
    this.actual += actual
    this.forecast += forecast
    this.days++
    this.actuals.push(actual)
    this.forecasts.push(forecast)
  }

  /** Σa below one unit (no demand in the backtest) divides by one unit, so a zero forecast scores 0 and any other its error. */
  wape(): number {
    return this.absError / Math.max(1, this.actual)
  }

  accuracy(naiveMae: number): Accuracy {
    const mae = this.days > 0 ? this.absError / this.days : 0
    return { wape: this.wape(), mase: mae / (naiveMae > 0 ? naiveMae : 1), bias: (this.forecast - this.actual) / Math.max(1, this.actual) }
  }
}

/** In-sample MAE of the weekly seasonal naive over history days open both on the day and a week before. */
export function naiveWeeklyMae(s: Series): number {
  let sum = 0, count = 0
  for (let t = 7; t < s.n; t++) {
    if (s.open[t] === 0 || s.open[t - 7] === 0) continue
    sum += Math.abs(s.y[t] - s.y[t - 7]); count++
  }
  return count > 0 ? sum / count : 0
}
