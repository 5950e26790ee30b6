/**
 * The demand-forecasting engine against known answers: constant, weekly, trending and intermittent demand,
 * closures, promotions with history, a peak without history, determinism, and (property) that it never
 * throws and always gives ordered, non-negative quantiles that are zero on closed days.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { forecastSeries, leadTimeDemandQuantile, type Calendar, type ForecastInput, type SeriesForecast } from '../src/replenishment/forecast/index.ts'
import { assertProperty } from './helpers/seeds.ts'

/** 2024-01-01, a Monday. */
const monday = 19723

function calendar(length: number, flags: Partial<Record<'closed' | 'promotion' | 'holiday' | 'peak', number[]>> = {}, upliftPct: [number, number][] = []): Calendar {
  const flagged = (days: number[] = []): Uint8Array => { const a = new Uint8Array(length); for (const d of days) a[d] = 1; return a }
  const uplift = new Float64Array(length)
  for (const [day, pct] of upliftPct) uplift[day] = pct
  return { closed: flagged(flags.closed), promotion: flagged(flags.promotion), holiday: flagged(flags.holiday), peak: flagged(flags.peak), upliftPct: uplift }
}

function series(days: number, demand: (t: number) => number, horizonDays: number, flags?: Parameters<typeof calendar>[1], uplift?: [number, number][]): ForecastInput {
  return { startDay: monday, history: Float64Array.from({ length: days }, (_, t) => demand(t)), calendar: calendar(days + horizonDays, flags, uplift), horizonDays }
}

/** Deterministic PRNG for test data (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function assertWithin(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} is not within ${relative * 100}% of ${expected}`)
}

function assertWellFormed(forecast: SeriesForecast, input: ForecastInput): void {
  const h = Math.max(0, Math.min(366, Math.floor(input.horizonDays)))
  for (const name of ['mean', 'p10', 'p50', 'p90'] as const) assert.equal(forecast[name].length, h, name)
  for (let k = 0; k < h; k++) {
    for (const name of ['mean', 'p10', 'p50', 'p90'] as const) assert.ok(Number.isFinite(forecast[name][k]) && forecast[name][k] >= 0, `${name}[${k}] = ${forecast[name][k]}`)
    assert.ok(forecast.p10[k] <= forecast.p50[k] && forecast.p50[k] <= forecast.p90[k], `quantiles out of order on day ${k}`)
    if (input.calendar.closed[input.history.length + k] === 1) {
      assert.deepEqual([forecast.mean[k], forecast.p10[k], forecast.p50[k], forecast.p90[k]], [0, 0, 0, 0], `closed day ${k}`)
    }
  }
  assert.ok(Number.isFinite(forecast.dailySd) && forecast.dailySd >= 0)
  for (const accuracy of [forecast.accuracy, forecast.runnerUpAccuracy]) {
    if (accuracy !== null) for (const value of Object.values(accuracy)) assert.ok(Number.isFinite(value))
  }
}

describe('demand forecast: known answers', () => {
  it('forecasts a constant series as that constant, with no backtest error', () => {
    const input = series(730, () => 12, 56)
    const forecast = forecastSeries(input)
    for (let k = 0; k < 56; k++) assertWithin(forecast.mean[k], 12, 1e-9, `day ${k}`)
    assert.ok(forecast.accuracy !== null && forecast.accuracy.wape < 1e-9 && Math.abs(forecast.accuracy.bias) < 1e-9)
    assert.equal(forecast.intermittent, false)
    assertWithin(forecast.p50[0], 12, 1e-9, 'p50')
  })

  it('reproduces a pure weekly pattern', () => {
    const week = [30, 10, 12, 14, 20, 40, 5]
    const input = series(364, (t) => week[t % 7], 28)
    const forecast = forecastSeries(input)
    for (let k = 0; k < 28; k++) assertWithin(forecast.p50[k], week[(364 + k) % 7], 1e-6, `day ${k}`)
    assert.ok(forecast.accuracy!.wape < 1e-6)
  })

  it('follows a linear trend', () => {
    const input = series(730, (t) => 100 + 0.5 * t, 28)
    const forecast = forecastSeries(input)
    for (let k = 0; k < 28; k++) assertWithin(forecast.mean[k], 100 + 0.5 * (730 + k), 0.03, `day ${k}`)
    assert.equal(forecast.model, 'holt_winters')
  })

  it('forecasts intermittent demand at its rate with Croston, SBA or TSB', () => {
    const draw = random(7)
    const input = series(730, () => (draw() < 0.2 ? 5 : 0), 28)
    const forecast = forecastSeries(input)
    assert.equal(forecast.intermittent, true)
    assert.ok(['croston', 'sba', 'tsb'].includes(forecast.model), forecast.model)
    for (let k = 0; k < 28; k++) assertWithin(forecast.mean[k], 1, 0.3, `day ${k}`)
    assert.equal(forecast.p50[0], 0, 'on most days nothing sells')
    assert.ok(forecast.p90[0] >= 2, `p90 ${forecast.p90[0]}`)
  })

  it('forecasts zero on closed days and demand on the open days around them', () => {
    const input = series(400, (t) => 50 + (t % 7), 21, { closed: [403, 404, 410] })
    const forecast = forecastSeries(input)
    for (const k of [3, 4, 10]) assert.deepEqual([forecast.mean[k], forecast.p10[k], forecast.p50[k], forecast.p90[k]], [0, 0, 0, 0])
    for (const k of [0, 2, 5, 9, 11, 20]) assert.ok(forecast.p50[k] > 40, `open day ${k}: ${forecast.p50[k]}`)
  })

  it('reports no accuracy when the store was shut through every backtest window, and still forecasts', () => {
    const shut = Array.from({ length: 120 }, (_, i) => 280 + i)
    const forecast = forecastSeries(series(400, (t) => (t < 280 ? 30 : 0), 14, { closed: shut }))
    assert.equal(forecast.accuracy, null)
    assert.equal(forecast.runnerUp, null)
    assertWithin(forecast.mean[0], 30, 0.05, 'level before the closure')
  })

  it('lifts a planned promotion by about the effect promotions had in history', () => {
    const draw = random(11)
    const promotions: number[] = []
    for (let t = 3; t < 756; t += 12) promotions.push(t)
    const promoted = new Set(promotions)
    const input = series(728, (t) => Math.round(40 * (promoted.has(t) ? 1.6 : 1) * (0.9 + 0.2 * draw())), 28, { promotion: promotions })
    const forecast = forecastSeries(input)
    const promoDay = promotions.find((t) => t >= 728)! - 728
    const plainDay = promoDay + (promoDay >= 7 ? -7 : 7)
    assertWithin(forecast.p50[promoDay] / forecast.p50[plainDay], 1.6, 0.1, 'promotion lift')
  })

  it('uses the merchant’s uplift for a peak history has never seen', () => {
    const input = series(364, () => 100, 14, { peak: [364 + 9] }, [[364 + 9, 80]])
    const forecast = forecastSeries(input)
    assertWithin(forecast.p50[9], 180, 0.02, 'peak day')
    assertWithin(forecast.p50[2], 100, 0.02, 'plain day')
  })

  it('uses a given uplift for a first promotion, and the learnt effect once promotions have history', () => {
    const first = forecastSeries(series(364, () => 100, 14, { promotion: [364 + 4] }, [[364 + 4, 50]]))
    assertWithin(first.p50[4], 150, 0.02, 'first promotion')
    const promotions = [10, 50, 90, 130, 170, 210, 250, 290, 330, 364 + 4]
    const learnt = forecastSeries(series(364, (t) => (promotions.includes(t) ? 120 : 100), 14, { promotion: promotions }, [[364 + 4, 50]]))
    assertWithin(learnt.p50[4], 120, 0.05, 'promotion with history')
  })

  it('gives the same answer bit for bit for the same input', () => {
    const draw = random(3)
    const input = series(500, (t) => Math.round(20 + 10 * Math.sin(t / 9) + 10 * draw()), 42, { promotion: [100, 101, 300, 505], closed: [7, 14, 510] })
    const bytes = (f: SeriesForecast): string => [f.mean, f.p10, f.p50, f.p90].map((a) => Buffer.from(a.buffer).toString('hex')).join('|') + JSON.stringify([f.model, f.accuracy, f.runnerUp, f.runnerUpAccuracy, f.dailySd])
    assert.equal(bytes(forecastSeries(input)), bytes(forecastSeries(structuredClone(input))))
  })

  it('answers from three days of history, from none, and from all zeros', () => {
    for (const input of [series(3, (t) => [4, 6, 5][t], 7), series(0, () => 0, 7), series(200, () => 0, 14)]) {
      const forecast = forecastSeries(input)
      assertWellFormed(forecast, input)
      if (input.history.length === 3) { assert.equal(forecast.accuracy, null); assertWithin(forecast.mean[0], 5, 0.3, 'short') }
      if (input.history.length === 200) assert.ok(forecast.mean.every((v) => v === 0))
    }
  })
})

describe('lead-time demand quantile', () => {
  it('is the quantile of demand over every run of lead days', () => {
    const history = Float64Array.from({ length: 10 }, (_, t) => t + 1)
    // Sums of 3 consecutive days: 6, 9, …, 27; the median of these 8 is 16.5.
    assert.equal(leadTimeDemandQuantile(history, 3, 0.5), 16.5)
    assert.equal(leadTimeDemandQuantile(history, 3, 1), 27)
    assert.equal(leadTimeDemandQuantile(history, 3, 0), 6)
  })

  it('scales a history shorter than the lead time and gives 0 without history', () => {
    assert.equal(leadTimeDemandQuantile(Float64Array.of(2, 4), 10, 0.9), 30)
    assert.equal(leadTimeDemandQuantile(new Float64Array(0), 10, 0.9), 0)
    assert.equal(leadTimeDemandQuantile(Float64Array.of(-5, 3), 1, 0), 0)
  })
})

describe('demand forecast: properties', () => {
  it('never throws, and its quantiles are ordered, non-negative and zero on closed days', async (t) => {
    const day = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 0, 1, 1e300, -0), fc.integer({ min: 0, max: 50 }))
    await assertProperty(t, fc.property(inputs(fc.array(day, { maxLength: 420 })), (input) => { assertWellFormed(forecastSeries(input), input) }), { numRuns: 150, regressionSeeds: [1, 2] })
  })

  it('holds with more than a year of history too (the yearly and long-backtest paths)', async (t) => {
    const history = fc.tuple(fc.integer({ min: 450, max: 900 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([length, seed, zeroShare]) => {
        const draw = random(seed)
        return Array.from({ length }, (_, d) => (draw() < zeroShare ? 0 : Math.round(draw() * 100 * (1 + Math.sin(d / 58)))))
      })
    await assertProperty(t, fc.property(inputs(history), (input) => { assertWellFormed(forecastSeries(input), input) }), { numRuns: 40, regressionSeeds: [3] })
  })
})

function inputs(histories: fc.Arbitrary<number[]>): fc.Arbitrary<ForecastInput> {
  return fc.record({ history: histories, horizonDays: fc.integer({ min: 1, max: 120 }), startDay: fc.integer({ min: 0, max: 30_000 }) })
    .chain(({ history, horizonDays, startDay }) => {
      const length = history.length + horizonDays
      return fc.record({ closed: flags(length, 0.2), promotion: flags(length, 0.1), holiday: flags(length, 0.05), peak: flags(length, 0.05), uplift: fc.double({ min: -100, max: 500, noNaN: true }) })
        .map(({ uplift, ...flagged }): ForecastInput => ({
          startDay, horizonDays, history: Float64Array.from(history),
          calendar: { ...flagged, upliftPct: new Float64Array(length).fill(uplift) },
        }))
    })
}

function flags(length: number, rate: number): fc.Arbitrary<Uint8Array> {
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length }).map((draws) => Uint8Array.from(draws, (d) => (d < rate ? 1 : 0)))
}
