/**
 * Time of forecastSeries over synthetic series (2 years of history, 56-day horizon), single-threaded,
 * and the WAPE per kind of series. Run: node bench/forecast-speed.ts [count=10000]
 */
import { forecastSeries, type ModelName } from '../src/replenishment/forecast/index.ts'
import { syntheticSeries, Wape } from './forecast-lib.ts'

const count = Number(process.argv[2] ?? 10_000)
const series = syntheticSeries(42, count)
const started = performance.now()
const results = series.map((one) => forecastSeries(one.input))
const seconds = (performance.now() - started) / 1000
console.log(`${count} series in ${seconds.toFixed(2)} s = ${((seconds * 1000) / count).toFixed(3)} ms/series → 100,000 series ≈ ${((seconds * 100_000) / count).toFixed(1)} s`)

const byKind = new Map<string, { wape: Wape, models: Map<ModelName, number> }>()
series.forEach((one, i) => {
  const entry = byKind.get(one.kind) ?? { wape: new Wape(), models: new Map() }
  const scored = Uint8Array.from(one.future, (_, k) => 1 - one.input.calendar.closed[one.input.history.length + k])
  entry.wape.add(one.future, results[i].mean, scored)
  entry.models.set(results[i].model, (entry.models.get(results[i].model) ?? 0) + 1)
  byKind.set(one.kind, entry)
})
for (const [kind, { wape, models }] of byKind) {
  console.log(`  ${kind}: WAPE of mean ${wape.value.toFixed(3)}; models ${[...models].map(([m, c]) => `${m}×${c}`).join(' ')}`)
}
