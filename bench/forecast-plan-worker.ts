/**
 * One worker of the forecast benchmark's speed part: generates its share of synthetic series in
 * chunks (not timed), then times the product's pure pipeline on each — the forecast (model chosen
 * by backtest, quantiles) and the plan (lead time, safety stock, the suggested quantity rounded to
 * the supplier's minimum and pack, its explanation) — and reports the time and what it suggested.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { forecastSeries } from '../src/replenishment/forecast/index.ts'
import { planSeries } from '../src/replenishment/plan.ts'
import { defaultPolicy } from '../src/replenishment/policy.ts'
import { syntheticSeries } from './forecast-lib.ts'

const { seed, count } = workerData as { seed: number; count: number }
const chunk = 5000
const sources = [
  { supplierId: 'sup_a', supplierCode: 'A', supplierName: 'Supplier A', active: true, currency: 'CNY', unitCost: 1200, minOrderQuantity: 12, packSize: 6, quotedLeadTimeDays: 10, autoSendSuggestions: false },
  { supplierId: 'sup_b', supplierCode: 'B', supplierName: 'Supplier B', active: true, currency: 'CNY', unitCost: 1100, minOrderQuantity: 50, packSize: 10, quotedLeadTimeDays: 21, autoSendSuggestions: false },
]
const records = new Map([
  ['sup_a', { grade: 'A' as const, leadTimeMeanDays: 9.5, leadTimeSdDays: 2.1 }],
  ['sup_b', { grade: 'B' as const, leadTimeMeanDays: 20, leadTimeSdDays: 6 }],
])
let timedMs = 0
let suggestions = 0
let units = 0
for (let done = 0, s = seed; done < count; done += chunk, s += 1000) {
  const series = syntheticSeries(s, Math.min(chunk, count - done), 730, 56)
  const started = performance.now()
  for (const [i, one] of series.entries()) {
    const forecast = forecastSeries(one.input)
    const plan = planSeries({
      skuId: `sku_${i}`, nodeId: 'node_1', policy: defaultPolicy, forecast, history: one.input.history,
      position: { onHand: i % 50, reserved: i % 7, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0 },
      slots: [], draftOrderUnits: 0, sources, records,
    })
    if (plan.suggestion.quantity > 0) {
      suggestions++
      units += plan.suggestion.quantity
    }
  }
  timedMs += performance.now() - started
}
parentPort!.postMessage({ timedMs, suggestions, units })
