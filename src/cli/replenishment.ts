/** The replenishment commands: import demand history and the calendar, forecast for a backtest, recompute suggestions. */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { ReadStream } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import type { Services } from '../services.ts'
import { dayOfIso, epochDayOf, forecastEverySeries, historyDays, isoDayOf, mostHorizonDays, seriesCount, type ReplenishmentImportReport } from '../replenishment/index.ts'
import { progressBar } from './progress.ts'
import { UsageError } from './usage.ts'

export const replenishmentUsage = `  import demand-history <file.csv> [--skip-errors]
                                 Import past demand (columns sku,node,date,quantity; SKUs and nodes by code or id);
                                 importing again replaces what an earlier import brought for each series in the file
  import calendar <file.csv> [--skip-errors]
                                 Import planned events (columns sku,node,date,kind[,uplift_pct][,note]; sku or node may
                                 be *; kind is promotion, closure, holiday or peak)
  forecast --as-of <date> --horizon <days> [--out file.csv]
                                 Forecast every series from its history up to <date> only (a backtest); writes
                                 sku,node,date,p10,p50,p90 to the file (or standard output)
  replenish [--as-of <date>]     Recompute forecasts and suggested purchase orders now (default: as of yesterday)`

export async function importReplenishmentCommand(
  services: Services, kind: 'demand-history' | 'calendar', csv: { stream: ReadStream; bytes: number }, file: string, skipErrors: boolean,
): Promise<number> {
  let bar: ReturnType<typeof progressBar> | undefined
  const onProgress = (bytesRead: number) => (bar ??= progressBar(`import ${kind}`, csv.bytes, process.stderr, 'bytes')).tick(bytesRead)
  const report: ReplenishmentImportReport = kind === 'demand-history'
    ? await services.replenishment.importDemandHistory(csv.stream, { skipErrors, onProgress })
    : await services.replenishment.importCalendar(csv.stream, 'cli/import', { skipErrors, onProgress })
  bar?.finish()
  for (const e of report.errors) console.error(`${file}:${e.line}: ${e.message}`)
  if (report.errors.length > 0 && report.imported === 0) {
    console.error(`Nothing imported: fix the rows above${skipErrors ? '' : ', or pass --skip-errors to import the good rows'}.`)
    return 1
  }
  console.log(`Imported ${report.imported} ${kind === 'calendar' ? 'planned event' : 'demand'} row(s)${report.errors.length ? `; skipped the bad row(s) above` : ''}.`)
  return 0
}

function dayOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const day = dayOfIso(value)
  if (day === undefined) throw new UsageError(`--${name} is a day, YYYY-MM-DD (got '${value}').`)
  return day
}

export async function forecastCommand(services: Services, options: { asOf?: string; horizon?: string; out?: string }): Promise<number> {
  const asOfDay = dayOption('as-of', options.asOf)
  if (asOfDay === undefined) throw new UsageError('forecast needs --as-of <YYYY-MM-DD>: the last day of history it may use.')
  const horizonDays = Number(options.horizon ?? 'x')
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > mostHorizonDays) throw new UsageError(`forecast needs --horizon <days>, 1 to ${mostHorizonDays}.`)
  await services.replenishment.demand.catchUp()
  const out = options.out ? createWriteStream(options.out) : process.stdout
  const write = async (chunk: string) => void (out.write(chunk) || (await once(out, 'drain')))
  const codes = new Map<string, string>()
  const codeOf = async (kind: 'sku' | 'node', id: string) => {
    const key = `${kind}:${id}`
    let code = codes.get(key)
    if (code === undefined) {
      code = (kind === 'sku' ? await services.catalogue.resolveSku(id) : await services.catalogue.resolveNode(id))?.code ?? id
      if (codes.size < 200_000) codes.set(key, code)
    }
    return code
  }
  const total = await seriesCount(services.db, asOfDay - historyDays + 1, asOfDay)
  const bar = progressBar('forecast', total)
  await write('sku,node,date,p10,p50,p90\n')
  const rounded = (v: number) => Math.round(v * 100) / 100
  let done = 0
  const count = await forecastEverySeries(services.db, asOfDay, horizonDays, async (f) => {
    const sku = await codeOf('sku', f.skuId)
    const node = await codeOf('node', f.nodeId)
    const rows = Array.from(f.forecast.p50, (p50: number, i: number) => [sku, node, isoDayOf(asOfDay + 1 + i), rounded(f.forecast.p10[i]), rounded(p50), rounded(f.forecast.p90[i])])
    await write(stringify(rows))
    bar.tick(++done)
  })
  bar.finish()
  if (options.out) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())))
  console.error(`Forecast ${count} series, ${horizonDays} days from ${isoDayOf(asOfDay + 1)}${options.out ? ` into ${options.out}` : ''}.`)
  return 0
}

export async function replenishCommand(services: Services, options: { asOf?: string }): Promise<number> {
  const asOfDay = dayOption('as-of', options.asOf) ?? epochDayOf(services.clock.nowMs()) - 1
  await services.replenishment.demand.catchUp()
  const bar = progressBar('replenish', await seriesCount(services.db, asOfDay - historyDays + 1, asOfDay))
  const report = await services.replenishment.recomputeNow({ asOfDay, onProgress: (series) => bar.tick(series) })
  bar.finish()
  console.log(`Planned ${report.series} series as of ${report.asOf}: ${report.suggestionsMade} suggestion(s) made, ${report.suggestionsRefreshed} refreshed, ${report.suggestionsWithdrawn} withdrawn; ${report.alertsRaised} vendor alert(s); ${report.autoSend.length} sent by policy.`)
  return 0
}
