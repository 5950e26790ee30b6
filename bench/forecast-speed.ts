/**
 * Time of forecastSeries over synthetic series (2 years of history, 56-day horizon), single-threaded,
 * and the WAPE of the mean per kind of series. Series are generated in chunks of 10,000 (not timed), so
 * 100,000 fit in memory. Run: node bench/forecast-speed.ts [count=10000]
 */
import { forecastSeries, type ModelName } from '../src/replenishment/forecast/index.ts'
import { seasonalNaiveBaseline, syntheticSeries, Wape } from './forecast-lib.ts'

const count = Number(process.argv[2] ?? 10_000)
const chunk = 10_000
const byKind = new Map<string, { wape: Wape, naive: Wape, forecast: number, models: Map<ModelName, number> }>()
let forecastMs = 0
for (let done = 0, seed = 42; done < count; done += chunk, seed++) {
  const series = syntheticSeries(seed, Math.min(chunk, count - done))
  const started = performance.now()
  const results = series.map((one) => forecastSeries(one.input))
  forecastMs += performance.now() - started
  series.forEach((one, i) => {
    const entry = byKind.get(one.kind) ?? { wape: new Wape(), naive: new Wape(), forecast: 0, models: new Map() }
    const scored = Uint8Array.from(one.future, (_, k) => 1 - one.input.calendar.closed[one.input.history.length + k])
    entry.wape.add(one.future, results[i].mean, scored)
    entry.naive.add(one.future, seasonalNaiveBaseline(one.input), scored)
    results[i].mean.forEach((v, k) => { if (scored[k] === 1) entry.forecast += v })
    entry.models.set(results[i].model, (entry.models.get(results[i].model) ?? 0) + 1)
    byKind.set(one.kind, entry)
  })
}
const seconds = forecastMs / 1000
console.log(`${count} series in ${seconds.toFixed(2)} s = ${(forecastMs / count).toFixed(3)} ms/series → 100,000 series ≈ ${((seconds * 100_000) / count).toFixed(1)} s`)
for (const [kind, { wape, naive, forecast, models }] of byKind) {
  console.log(`  ${kind}: WAPE of mean ${wape.value.toFixed(3)} (seasonal naive ${naive.value.toFixed(3)}), bias ${(forecast / wape.actual - 1).toFixed(3)}; models ${[...models].map(([m, c]) => `${m}×${c}`).join(' ')}`)
}
