/**
 * CSV imports for replenishment: demand history from an older system (`sku,node,date,quantity`)
 * and the planned events calendar (`sku,node,date,kind[,uplift_pct][,note]`). Both stream in
 * batches inside one transaction: a file with a bad row imports nothing unless bad rows are to be
 * skipped, and a million rows need no more memory than a batch and the codes already resolved.
 *
 * History brought again replaces what was brought before for each series the file names (so an
 * import can simply be run again); rows of one series and day add up (an export with a row per
 * channel). Calendar rows are added or, for the same SKU, node, day and kind, replaced.
 */
import type { Db, Queryable } from '../store/db.ts'
import { csvBatches, type Catalogue, type CsvSource } from '../catalogue/index.ts'
import { anyKey, dayOfIso } from './model.ts'
import { checkPlannedEvent } from './calendar.ts'
import { upsertPlannedEvents, type PlannedEventValues } from './calendar-store.ts'
import { addImportedUnits, clearImported } from './demand-store.ts'

export interface ReplenishmentImportOptions {
  skipErrors?: boolean
  /** After each batch: bytes of the file read so far. */
  onProgress?: (bytesRead: number) => void
}

export interface ReplenishmentImportReport {
  imported: number
  errors: Array<{ line: number; message: string }>
}

/** Errors kept in a report: a file with a million bad rows is a wrong file, and the first hundred say why. */
const mostErrorsReported = 100
/** Codes resolved during one import, kept up to this many (past it, the catalogue's own cache answers). */
const mostCodesKept = 200_000

type Cells = Record<string, string>

/** Ends an import and rolls it back; `line` is reported first when the file itself is wrong (its header). */
class ImportStopped extends Error {
  readonly problem: { line: number; message: string } | undefined
  constructor(problem?: { line: number; message: string }) {
    super(problem?.message ?? 'import rolled back')
    this.problem = problem
  }
}

/** Reads the file's header and rows, resolving SKU and node codes; `write` takes each batch's good rows inside the import's transaction. */
async function importRows<T>(
  db: Db, catalogue: Catalogue, source: CsvSource, columns: { required: string[]; optional: string[] }, options: ReplenishmentImportOptions,
  rowOf: (cells: Cells, resolve: Resolver) => Promise<T | string>, write: (tx: Queryable, rows: T[]) => Promise<void>,
): Promise<ReplenishmentImportReport> {
  const report: ReplenishmentImportReport = { imported: 0, errors: [] }
  const note = (line: number, message: string) => {
    if (report.errors.length < mostErrorsReported) report.errors.push({ line, message })
    else report.errors.length === mostErrorsReported && report.errors.push({ line, message: 'More errors follow: fix these first.' })
  }
  let errorCount = 0
  try {
    await db.tx(async (tx) => {
      const resolve = resolver(catalogue, tx)
      let header: string[] | undefined
      for await (const batch of csvBatches(source, (p) => { errorCount++; note(p.line, p.message) }, 2000)) {
        const good: T[] = []
        for (const record of batch.records) {
          if (!header) {
            header = record.fields.map((h) => h.trim().toLowerCase())
            const problem = headerProblem(header, columns)
            if (problem) throw new ImportStopped({ line: record.line, message: problem })
            continue
          }
          if (record.fields.length > header.length) {
            errorCount++
            note(record.line, `Expected at most ${header.length} fields, found ${record.fields.length}.`)
            continue
          }
          const cells = Object.fromEntries(header.map((h, i) => [h, (record.fields[i] ?? '').trim()]))
          const row = await rowOf(cells, resolve)
          if (typeof row === 'string') {
            errorCount++
            note(record.line, row)
          } else good.push(row)
        }
        if (good.length > 0 && (errorCount === 0 || options.skipErrors)) {
          await write(tx, good)
          report.imported += good.length
        }
        options.onProgress?.(batch.bytesRead)
      }
      if (!header) throw new ImportStopped({ line: 1, message: `The file is empty: it needs a header (${columns.required.join(',')}).` })
      if (errorCount > 0 && !options.skipErrors) throw new ImportStopped()
    })
  } catch (error) {
    if (!(error instanceof ImportStopped)) throw error
    if (error.problem) report.errors.unshift(error.problem)
    return { imported: 0, errors: report.errors }
  }
  return report
}

function headerProblem(header: string[], columns: { required: string[]; optional: string[] }): string | undefined {
  const known = new Set([...columns.required, ...columns.optional])
  const unknown = header.filter((h) => !known.has(h))
  if (unknown.length > 0) return `Unknown column(s): ${unknown.join(', ')}. The columns are ${[...columns.required, ...columns.optional].join(', ')}.`
  const missing = columns.required.filter((c) => !header.includes(c))
  if (missing.length > 0) return `The header needs the column(s) ${missing.join(', ')} (got ${header.join(',')}).`
  if (new Set(header).size !== header.length) return 'A column appears twice in the header.'
  return undefined
}

type Resolver = (kind: 'sku' | 'node', ref: string) => Promise<string | undefined>

function resolver(catalogue: Catalogue, tx: Queryable): Resolver {
  const known = new Map<string, string | null>()
  return async (kind, ref) => {
    const key = `${kind}:${ref}`
    const hit = known.get(key)
    if (hit !== undefined) return hit ?? undefined
    const found = kind === 'sku' ? await catalogue.resolveSku(ref, tx) : await catalogue.resolveNode(ref, tx)
    if (known.size < mostCodesKept) known.set(key, found?.id ?? null)
    return found?.id
  }
}

type HistoryRow = { skuId: string; nodeId: string; day: number; quantity: number }

/** `sellahead import demand-history`: units customers asked for per SKU, node and day, from an older system. */
export function importDemandHistory(db: Db, catalogue: Catalogue, source: CsvSource, options: ReplenishmentImportOptions = {}): Promise<ReplenishmentImportReport> {
  const seriesSeen = new Set<string>()
  return importRows<HistoryRow>(db, catalogue, source, { required: ['sku', 'node', 'date', 'quantity'], optional: [] }, options, async (c, resolve) => {
    const skuId = await resolve('sku', c.sku)
    if (!skuId) return `sku: no SKU with code or id '${c.sku}'. Import the catalogue first (sellahead import skus).`
    const nodeId = await resolve('node', c.node)
    if (!nodeId) return `node: no node with code or id '${c.node}'. Import the nodes first (sellahead import nodes).`
    const day = dayOfIso(c.date)
    if (day === undefined) return `date: '${c.date}' is not a day (YYYY-MM-DD).`
    if (!/^\d+$/.test(c.quantity) || !Number.isSafeInteger(Number(c.quantity))) return `quantity: '${c.quantity}' is not a whole number of units (0 or more).`
    return { skuId, nodeId, day, quantity: Number(c.quantity) }
  }, async (tx, rows) => {
    for (const r of rows) {
      const key = `${r.skuId}|${r.nodeId}`
      if (seriesSeen.has(key)) continue
      seriesSeen.add(key)
      await clearImported(tx, r.skuId, r.nodeId)
    }
    await addImported(tx, rows)
  })
}

async function addImported(tx: Queryable, rows: readonly HistoryRow[]): Promise<void> {
  const summed = new Map<string, HistoryRow>()
  for (const r of rows) {
    const key = `${r.skuId}|${r.nodeId}|${r.day}`
    const held = summed.get(key)
    summed.set(key, held ? { ...held, quantity: held.quantity + r.quantity } : r)
  }
  await addImportedUnits(tx, [...summed.values()])
}

/** `sellahead import calendar`: planned promotions, closures, holidays and peaks; `*` for every SKU or node. */
export function importCalendar(db: Db, catalogue: Catalogue, source: CsvSource, by: string, atMs: number, options: ReplenishmentImportOptions = {}): Promise<ReplenishmentImportReport> {
  return importRows<PlannedEventValues>(db, catalogue, source, { required: ['sku', 'node', 'date', 'kind'], optional: ['uplift_pct', 'note'] }, options, async (c, resolve) => {
    const skuId = c.sku === anyKey ? anyKey : await resolve('sku', c.sku)
    if (!skuId) return `sku: no SKU with code or id '${c.sku}' (or * for every SKU).`
    const nodeId = c.node === anyKey ? anyKey : await resolve('node', c.node)
    if (!nodeId) return `node: no node with code or id '${c.node}' (or * for every node).`
    const uplift = c.uplift_pct === undefined || c.uplift_pct === '' ? null : /^\d+$/.test(c.uplift_pct) ? Number(c.uplift_pct) : Number.NaN
    const checked = checkPlannedEvent({ sku: c.sku, node: c.node, date: c.date, kind: c.kind, upliftPct: uplift, note: c.note || null })
    if (!checked.ok) return checked.detail
    return { skuId, nodeId, ...checked.value }
  }, async (tx, rows) => {
    const unique = new Map(rows.map((r) => [`${r.skuId}|${r.nodeId}|${r.day}|${r.kind}`, r]))
    await upsertPlannedEvents(tx, [...unique.values()], atMs, by)
  })
}
