/**
 * Forecast benchmark (`npm run bench:forecast`).
 *
 * 1. Accuracy on real data, through the CLI as a merchant would run it: the Rossmann file
 *    (../shared/data/rossmann-30-stores.csv; each store one SKU × node series) becomes a catalogue,
 *    a demand history and a calendar (Promo → promotion, Open = 0 and days without a row → closure,
 *    StateHoliday → holiday) imported with `sellahead import`; `sellahead forecast --as-of 2015-06-19 --horizon 42`
 *    writes the forecast, scored by WAPE (p50) over the open days against the actual sales, beside
 *    three baselines computed in the same run from the same history: seasonal naive, the median of
 *    the same weekday and promotion state over the last 8 weeks, and a plain multiplicative model.
 * 2. Speed: forecasting and suggesting for 100,000 synthetic series (2 years of daily history with
 *    trend, weekly and yearly seasonality, promotions, closures; smooth, intermittent, lumpy and
 *    new series; seeded), the product's forecast and plan on each, over two worker threads (one
 *    per core). Generation is not timed.
 * 3. The whole stored path for a sample: synthetic history imported into SQLite and `sellahead
 *    replenish` (read, forecast, plan, write forecasts and suggestions), per series.
 *
 * Environment: FORECAST_DATA (the Rossmann file), FORECAST_SERIES (default 100000),
 * FORECAST_SAMPLE (default 10000).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { epochDay, medianPromoBaseline, multiplicativeBaseline, readRossmann, rossmannInput, seasonalNaiveBaseline, syntheticSeries, Wape } from './forecast-lib.ts'
import { envInt } from './support.ts'
import { openServices } from '../src/server.ts'
import { closeServices } from '../src/services.ts'
import { loadConfig } from '../src/config.ts'

const dataPath = process.env.FORECAST_DATA ?? fileURLToPath(new URL('../../shared/data/rossmann-30-stores.csv', import.meta.url))
const seriesCount = envInt('FORECAST_SERIES', 100_000)
const sampleCount = envInt('FORECAST_SAMPLE', 10_000)
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const asOf = '2015-06-19'
const horizonDays = 42
const dir = mkdtempSync(join(tmpdir(), 'sellahead-forecast-'))

function sellahead(db: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, SELLAHEAD_DB: db, DATABASE_URL: '', LOG_LEVEL: 'warn' }, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (run.status !== 0) throw new Error(`sellahead ${args.join(' ')} failed (${run.status}): ${run.stderr}`)
  return run.stdout
}

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

async function accuracy(): Promise<{ series: number; wape: number; snaive: number; medianPromo: number; multiplicative: number; cliSeconds: number }> {
  const stores = readRossmann(dataPath)
  const db = join(dir, 'rossmann.db')
  const skus = ['code,name', ...stores.map((s) => `R${s.store},Store ${s.store} sales`)]
  const nodes = ['code,name,kind,region', ...stores.map((s) => `N${s.store},Store ${s.store},store,east`)]
  const history = ['sku,node,date,quantity']
  const calendar = ['sku,node,date,kind']
  for (const s of stores) {
    for (let t = 0; t < s.sales.length; t++) {
      const date = isoOf(s.startDay + t)
      // A day the file has no row for (some stores report nothing for half of 2014): nobody knows its demand, so not an open day of zero.
      if (!s.present[t]) {
        calendar.push(`R${s.store},N${s.store},${date},closure`)
        continue
      }
      history.push(`R${s.store},N${s.store},${date},${s.sales[t]}`)
      if (s.calendar.closed[t]) calendar.push(`R${s.store},N${s.store},${date},closure`)
      if (s.calendar.promotion[t]) calendar.push(`R${s.store},N${s.store},${date},promotion`)
      if (s.calendar.holiday[t]) calendar.push(`R${s.store},N${s.store},${date},holiday`)
    }
  }
  for (const [name, lines] of [['skus', skus], ['nodes', nodes], ['history', history], ['calendar', calendar]] as const) writeFileSync(join(dir, `${name}.csv`), lines.join('\n') + '\n')
  const started = performance.now()
  sellahead(db, 'init')
  sellahead(db, 'import', 'skus', join(dir, 'skus.csv'))
  sellahead(db, 'import', 'nodes', join(dir, 'nodes.csv'))
  sellahead(db, 'import', 'demand-history', join(dir, 'history.csv'))
  sellahead(db, 'import', 'calendar', join(dir, 'calendar.csv'))
  const out = join(dir, 'forecast.csv')
  sellahead(db, 'forecast', '--as-of', asOf, '--horizon', String(horizonDays), '--out', out)
  const cliSeconds = (performance.now() - started) / 1000
  const forecast = new Map<string, number>()
  for (const line of readFileSync(out, 'utf8').trim().split('\n').slice(1)) {
    const [sku, , date, , p50] = line.split(',')
    forecast.set(`${sku}|${date}`, Number(p50))
  }
  const product = new Wape()
  const snaive = new Wape()
  const medianPromo = new Wape()
  const multiplicative = new Wape()
  const origin = epochDay(asOf)
  for (const s of stores) {
    const { input, actual, scored } = rossmannInput(s, origin, horizonDays)
    const ours = Float64Array.from({ length: horizonDays }, (_, k) => {
      const value = forecast.get(`R${s.store}|${isoOf(origin + 1 + k)}`)
      if (value === undefined && scored[k]) throw new Error(`no forecast for store ${s.store} on ${isoOf(origin + 1 + k)}`)
      return value ?? 0
    })
    product.add(actual, ours, scored)
    snaive.add(actual, seasonalNaiveBaseline(input), scored)
    medianPromo.add(actual, medianPromoBaseline(input), scored)
    multiplicative.add(actual, multiplicativeBaseline(input), scored)
  }
  return { series: stores.length, wape: product.value, snaive: snaive.value, medianPromo: medianPromo.value, multiplicative: multiplicative.value, cliSeconds }
}

async function speed(): Promise<{ seconds: number; suggestions: number; units: number }> {
  const workers = 2
  const share = Math.ceil(seriesCount / workers)
  const results = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<{ timedMs: number; suggestions: number; units: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./forecast-plan-worker.ts', import.meta.url), { workerData: { seed: 7 + w * 100_000, count: Math.min(share, seriesCount - w * share) } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })))
  // The workers run side by side: the slower one's timed work is the wall time of the forecasting.
  return { seconds: Math.max(...results.map((r) => r.timedMs)) / 1000, suggestions: results.reduce((n, r) => n + r.suggestions, 0), units: results.reduce((n, r) => n + r.units, 0) }
}

/** The stored path for a sample: history imported, then `sellahead replenish` reads, forecasts, plans and writes every series. */
async function storedSample(): Promise<{ msPerSeries: number; output: string }> {
  const db = join(dir, 'sample.db')
  const series = syntheticSeries(99, sampleCount, 730, 0)
  const lastDay = series[0].input.startDay + 729
  writeFileSync(join(dir, 's-skus.csv'), ['code,name', ...series.map((_, i) => `S${i},Synthetic ${i}`)].join('\n') + '\n')
  writeFileSync(join(dir, 's-nodes.csv'), 'code,name,kind,region\nDC,Sample DC,warehouse,east\n')
  const rows = ['sku,node,date,quantity']
  series.forEach((s, i) => s.input.history.forEach((q, t) => q > 0 && rows.push(`S${i},DC,${isoOf(s.input.startDay + t)},${q}`)))
  writeFileSync(join(dir, 's-history.csv'), rows.join('\n') + '\n')
  sellahead(db, 'init')
  sellahead(db, 'import', 'skus', join(dir, 's-skus.csv'))
  sellahead(db, 'import', 'nodes', join(dir, 's-nodes.csv'))
  sellahead(db, 'import', 'demand-history', join(dir, 's-history.csv'))
  await withSuppliers(db, series.length)
  const started = performance.now()
  const output = sellahead(db, 'replenish', '--as-of', isoOf(lastDay)).trim()
  return { msPerSeries: (performance.now() - started) / series.length, output }
}

/** Two suppliers with terms for every sample SKU (minimums and packs), so the run suggests and writes as it would for a merchant. */
async function withSuppliers(db: string, skus: number): Promise<void> {
  const services = await openServices({ ...loadConfig({ ...process.env, DATABASE_URL: '', SELLAHEAD_DB: db }), logLevel: 'warn' })
  try {
    for (const [code, lead, cost] of [['FAST', 7, 1200], ['CHEAP', 20, 1000]] as const) {
      const made = await services.suppliers.create({ code, name: `${code} supplier`, currency: 'CNY', defaultLeadTimeDays: lead, paymentTerms: { kind: 'net', days: 30 } }, 'bench')
      if (!made.ok) throw new Error(made.detail)
      for (let i = 0; i < skus; i++) {
        const set = await services.suppliers.setSkuTerms(code, `S${i}`, { unitCost: cost, minOrderQuantity: 12, packSize: 6 })
        if (!set.ok) throw new Error(set.detail)
      }
    }
  } finally {
    await closeServices(services)
  }
}

try {
  const a = await accuracy()
  console.log(`accuracy (Rossmann, ${a.series} series, as of ${asOf}, ${horizonDays} days, WAPE of p50 over open days): product ${a.wape.toFixed(4)}  seasonal naive ${a.snaive.toFixed(4)}  weekday+promotion median ${a.medianPromo.toFixed(4)}  multiplicative ${a.multiplicative.toFixed(4)}  (CLI import + forecast ${a.cliSeconds.toFixed(1)} s)`)
  const s = await speed()
  console.log(`speed: ${seriesCount.toLocaleString('en')} synthetic series forecast and planned in ${s.seconds.toFixed(1)} s on 2 worker threads; ${s.suggestions.toLocaleString('en')} suggestions, ${s.units.toLocaleString('en')} units`)
  const stored = await storedSample()
  console.log(`stored path: ${sampleCount.toLocaleString('en')} series through sellahead replenish (SQLite: read history, forecast, plan, write) at ${stored.msPerSeries.toFixed(2)} ms/series — ${stored.output}`)
  console.log(`forecast: series=${a.series} wape=${a.wape.toFixed(4)} snaive_wape=${a.snaive.toFixed(4)} median_promo_wape=${a.medianPromo.toFixed(4)} multiplicative_wape=${a.multiplicative.toFixed(4)} seconds_100k=${(s.seconds * 100_000 / seriesCount).toFixed(1)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
