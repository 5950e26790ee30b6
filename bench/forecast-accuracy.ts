/**
 * WAPE of the forecasting engine on the Rossmann subset against the README's baselines, at several origins.
 * Run: node bench/forecast-accuracy.ts [origin ...]   (default 2015-06-19 and three robustness origins)
 * p50 is the figure to quote (WAPE is minimised by a median); VERBOSE=1 prints each store.
 */
import { forecastSeries } from '../src/replenishment/forecast/index.ts'
import { epochDay, medianPromoBaseline, multiplicativeBaseline, readRossmann, rossmannInput, seasonalNaiveBaseline, Wape } from './forecast-lib.ts'

const horizonDays = 42
const origins = process.argv.length > 2 ? process.argv.slice(2) : ['2015-06-19', '2015-05-08', '2015-03-27', '2014-12-05']
const stores = readRossmann(process.env.FORECAST_DATA ?? new URL('../../shared/data/rossmann-30-stores.csv', import.meta.url).pathname)
const verbose = process.env.VERBOSE === '1'

const averages = new Map<string, number>()
for (const origin of origins) {
  const scores = { seasonalNaive: new Wape(), medianPromo: new Wape(), multiplicative: new Wape(), p50: new Wape(), mean: new Wape() }
  const chosen = new Map<string, number>()
  let below10 = 0, above90 = 0, scoredDays = 0
  for (const store of stores) {
    const { input, actual, scored } = rossmannInput(store, epochDay(origin), horizonDays)
    scores.seasonalNaive.add(actual, seasonalNaiveBaseline(input), scored)
    scores.medianPromo.add(actual, medianPromoBaseline(input), scored)
    scores.multiplicative.add(actual, multiplicativeBaseline(input), scored)
    const forecast = forecastSeries(input)
    scores.p50.add(actual, forecast.p50, scored)
    scores.mean.add(actual, forecast.mean, scored)
    for (let k = 0; k < horizonDays; k++) {
      if (scored[k] !== 1) continue
      scoredDays++
      if (actual[k] < forecast.p10[k]) below10++
      if (actual[k] > forecast.p90[k]) above90++
    }
    chosen.set(forecast.model, (chosen.get(forecast.model) ?? 0) + 1)
    if (verbose) {
      const w = new Wape(); w.add(actual, forecast.p50, scored)
      const m = new Wape(); m.add(actual, multiplicativeBaseline(input), scored)
      const mean = new Wape(); mean.add(actual, forecast.mean, scored)
      console.log(`  store ${store.store}: ${forecast.model} backtest ${forecast.accuracy?.wape.toFixed(3)} (runner-up ${forecast.runnerUp} ${forecast.runnerUpAccuracy?.wape.toFixed(3)}) p50 WAPE ${w.value.toFixed(3)} mean ${mean.value.toFixed(3)} mult ${m.value.toFixed(3)}`)
    }
  }
  for (const [name, w] of Object.entries(scores)) averages.set(name, (averages.get(name) ?? 0) + w.value / origins.length)
  const figures = Object.entries(scores).map(([name, w]) => `${name} ${w.value.toFixed(4)}`).join('  ')
  console.log(`origin ${origin} +${horizonDays}d WAPE: ${figures}`)
  console.log(`  actual < p10 on ${((100 * below10) / scoredDays).toFixed(1)}% of days, > p90 on ${((100 * above90) / scoredDays).toFixed(1)}%; models ${[...chosen].map(([m, c]) => `${m}×${c}`).join(' ')}`)
}
if (origins.length > 1) console.log(`average over ${origins.length} origins: ${[...averages].map(([name, v]) => `${name} ${v.toFixed(4)}`).join('  ')}`)
