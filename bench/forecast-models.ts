/** Dev aid: WAPE of each candidate model on its own (forced) on the Rossmann subset. node bench/forecast-models.ts [origin ...] */
import { backtestPlan } from '../src/replenishment/forecast/forecast.ts'
import { estimateEventEffects, eventMultiplier, withoutEvents } from '../src/replenishment/forecast/events.ts'
import { calendarRegression } from '../src/replenishment/forecast/regression.ts'
import { prepareSeries } from '../src/replenishment/forecast/series.ts'
import { holtWinters, weekdayLevel } from '../src/replenishment/forecast/smoothing.ts'
import { epochDay, readRossmann, rossmannInput, Wape } from './forecast-lib.ts'

const origins = process.argv.length > 2 ? process.argv.slice(2) : ['2015-06-19', '2015-05-08', '2015-03-27', '2014-12-05']
const stores = readRossmann(process.env.FORECAST_DATA ?? new URL('../../shared/data/rossmann-30-stores.csv', import.meta.url).pathname)
for (const origin of origins) {
  const scores = { regression: new Wape(), weekdayLevel: new Wape(), holtWinters: new Wape(), blend: new Wape() }
  for (const store of stores) {
    const { input, actual, scored } = rossmannInput(store, epochDay(origin), 42)
    const s = prepareSeries(input)
    const plan = { origins: [s.n], lengths: [42] }
    const reg = [new Float64Array(42)]
    calendarRegression(s, plan.origins, plan.lengths, reg, [new Float64Array(42)])
    const effects = estimateEventEffects(s, s.n)
    const adjusted = withoutEvents(s, effects, s.n)
    const wl = [new Float64Array(42)], hw = [new Float64Array(42)]
    weekdayLevel(s, adjusted, plan.origins, plan.lengths, wl)
    holtWinters(s, adjusted, plan.origins, plan.lengths, hw)
    for (let k = 0; k < 42; k++) { const m = eventMultiplier(s, effects, s.n + k); wl[0][k] *= m; hw[0][k] *= m }
    scores.regression.add(actual, reg[0], scored)
    scores.weekdayLevel.add(actual, wl[0], scored)
    scores.holtWinters.add(actual, hw[0], scored)
    scores.blend.add(actual, reg[0].map((v, k) => (v + hw[0][k]) / 2), scored)
    void backtestPlan
  }
  console.log(`origin ${origin}: ${Object.entries(scores).map(([n, w]) => `${n} ${w.value.toFixed(4)}`).join('  ')}`)
}
