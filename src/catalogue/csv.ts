/**
 * Catalogue CSV import (all-or-nothing, or good rows only) and export that imports back
 * identically. Both stream: rows are checked and written a batch at a time inside one
 * transaction, so a file of a million rows needs no more memory than a batch.
 */
import type { Queryable } from '../store/db.ts'
import { invariant, type Result } from '../kernel/result.ts'
import { decideChannel, decideChannelPatch, decideNode, decideNodePatch, decideSku, decideSkuPatch } from './decide.ts'
import { csvBatches, csvLines, type CsvRecord, type CsvSource } from './csv-format.ts'
import { ImportCodes } from './import-codes.ts'
import { draftOf, type CatalogueKind, type ChannelDraft, type NodeDraft, type SkuDraft } from './model.ts'
import type { Catalogue, Store } from './service.ts'

export interface ImportOptions {
  /** Import the good rows and report the bad ones, instead of importing nothing. */
  skipErrors?: boolean
  /** After each batch of rows: how many bytes of the file have been read. */
  onProgress?: (bytesRead: number) => void
}

export interface ImportReport {
  /** Rows written: created plus updated. */
  imported: number
  /** Of those, rows whose code already existed and changed. */
  updated: number
  /** Rows whose code existed with exactly these values: nothing written. */
  unchanged: number
  errors: Array<{ line: number; message: string }>
}

type Entity = { id: string; code: string }
type Cell = { value: unknown } | { error: string } | undefined

/** One CSV column: how a cell becomes an input field (undefined: keep or default) and back. */
interface Column {
  name: string
  parse(cell: string): Cell
  format(entity: any, nodeCodeOf: ReadonlyMap<string, string>): string
}

const text = (name: string): Column => ({ name, parse: (c) => ({ value: c }), format: (e) => e[name] })
const optionalText = (name: string): Column => ({ name, parse: (c) => (c === '' ? undefined : { value: c }), format: (e) => e[name] })
const nullableText = (name: string): Column => ({ name, parse: (c) => ({ value: c === '' ? null : c }), format: (e) => e[name] ?? '' })

const nullableNumber = (name: string): Column => ({
  name,
  parse: (c) => (c === '' ? { value: null } : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(c) ? { value: Number(c) } : { error: `${name}: '${c}' is not a number` }),
  format: (e) => (e[name] === null ? '' : String(e[name])),
})

const nullableInteger = (name: string): Column => ({
  name,
  parse: (c) => (c === '' ? { value: null } : /^[-+]?\d+$/.test(c) ? { value: Number(c) } : { error: `${name}: '${c}' is not a whole number` }),
  format: (e) => (e[name] === null ? '' : String(e[name])),
})

const integer = (name: string): Column => ({
  name,
  parse: (c) => (c === '' ? undefined : /^[-+]?\d+$/.test(c) ? { value: Number(c) } : { error: `${name}: '${c}' is not a whole number` }),
  format: (e) => String(e[name]),
})

const truthy = new Set(['true', 'yes', '1'])
const falsy = new Set(['false', 'no', '0'])
const active: Column = {
  name: 'active',
  parse: (c) => {
    const v = c.trim().toLowerCase()
    if (v === '') return undefined
    return truthy.has(v) ? { value: true } : falsy.has(v) ? { value: false } : { error: `active: '${c}' is not true or false` }
  },
  format: (e) => String(e.active),
}

/** Lists are `|`-separated: the character no code or capability may contain. */
const list = (name: string, field: string, toCell: (v: string, nodeCodeOf: ReadonlyMap<string, string>) => string = (v) => v): Column => ({
  name,
  parse: (c) => ({ value: c === '' ? [] : c.split('|') }),
  format: (e, nodeCodeOf) => (e[field] as string[]).map((v) => toCell(v, nodeCodeOf)).join('|'),
})

const attributes: Column = {
  name: 'attributes',
  parse: (c) => {
    if (c === '') return { value: {} }
    try {
      return { value: JSON.parse(c) }
    } catch {
      return { error: `attributes: not a JSON object such as {"colour":"red"}` }
    }
  },
  format: (e) => JSON.stringify(e.attributes),
}

interface Spec {
  columns: Column[]
  /** The input field a column fills, when its name differs. */
  fieldOf?: Record<string, string>
  store(c: Catalogue): Store<any, any, any>
  decideNew(input: any, c: Catalogue, q: Queryable): Promise<Result<any>> | Result<any>
  decideChange(current: any, patch: any, c: Catalogue, q: Queryable): Promise<Result<any>> | Result<any>
}

/** Node references in a channel row resolve against what is stored, inside the import's transaction. */
async function nodeIdMap(c: Catalogue, refs: string[] | undefined, q: Queryable): Promise<Map<string, string>> {
  const known = new Map<string, string>()
  for (const ref of refs ?? []) {
    const node = await c.nodes.resolve(ref, q)
    if (node) known.set(ref, node.id)
  }
  return known
}

const specs: Record<CatalogueKind, Spec> = {
  skus: {
    columns: [text('code'), text('name'), optionalText('unit'), nullableText('barcode'), attributes, active, nullableInteger('weightGrams'), nullableInteger('volumeCm3')],
    store: (c) => c.skus,
    decideNew: (input) => decideSku(input),
    decideChange: (current, patch) => decideSkuPatch(draftOf<SkuDraft>(current), patch),
  },
  nodes: {
    columns: [
      text('code'), text('name'), text('kind'), text('region'), nullableNumber('latitude'), nullableNumber('longitude'),
      list('capabilities', 'capabilities'), integer('handlingTimeHours'), nullableText('supplierId'), active,
    ],
    store: (c) => c.nodes,
    decideNew: (input) => decideNode(input),
    decideChange: (current, patch) => decideNodePatch(draftOf<NodeDraft>(current), patch),
  },
  channels: {
    // Channels name their nodes by code in files, so a file moves between databases.
    columns: [text('code'), text('name'), text('kind'), list('nodes', 'nodeIds', (id, codeOf) => codeOf.get(id) ?? id), integer('safetyBuffer'), active],
    fieldOf: { nodes: 'nodeIds' },
    store: (c) => c.channels,
    decideNew: async (input, c, q) => decideChannel(input, await nodeIdMap(c, input.nodeIds, q)),
    decideChange: async (current, patch, c, q) =>
      decideChannelPatch(draftOf<ChannelDraft>(current), patch, await nodeIdMap(c, patch.nodeIds ?? current.nodeIds, q)),
  },
}

/** Known columns, no repeats, and a code to match rows on; other columns may be left out. */
function checkHeader(spec: Spec, header: string[]): string | undefined {
  const known = new Set(spec.columns.map((c) => c.name))
  const unknown = header.filter((h) => !known.has(h))
  if (unknown.length) return `Unknown column(s) ${unknown.map((u) => `'${u}'`).join(', ')}; expected ${[...known].join(', ')}.`
  if (new Set(header).size !== header.length) return 'A column appears twice in the header.'
  if (!header.includes('code')) return "The header needs a 'code' column."
  return undefined
}

/** A row as an input object: only the columns the file has, so absent columns keep stored values. */
function inputOf(spec: Spec, header: string[], fields: string[]): { input: Record<string, unknown> } | { error: string } {
  if (fields.length !== header.length) return { error: `Expected ${header.length} fields, found ${fields.length}.` }
  const input: Record<string, unknown> = {}
  for (let i = 0; i < header.length; i++) {
    const column = spec.columns.find((c) => c.name === header[i])
    invariant(column, 'the header was checked against the columns')
    const cell = column.parse(fields[i])
    if (cell && 'error' in cell) return { error: cell.error }
    if (cell) input[spec.fieldOf?.[column.name] ?? column.name] = cell.value
  }
  return { input }
}

type Plan = { line: number; current?: Entity; draft: Entity }

/**
 * Decides a batch of rows against the stored catalogue; bad rows become errors with their line.
 * `seen` holds the codes of earlier batches, so a code repeated anywhere in the file is refused.
 */
async function planRows(spec: Spec, catalogue: Catalogue, header: string[], rows: CsvRecord[], q: Queryable, seen: ImportCodes) {
  const errors: ImportReport['errors'] = []
  const plans: Plan[] = []
  const codes = [...new Set(rows.map((r) => r.fields[header.indexOf('code')] ?? ''))]
  const existing: Map<string, Entity> = await spec.store(catalogue).byCodes(codes, q)
  const inEarlierBatches = await seen.firstLines(codes)
  const firstLineOf = new Map<string, number>()
  for (const row of rows) {
    const parsed = inputOf(spec, header, row.fields)
    if ('error' in parsed) { errors.push({ line: row.line, message: parsed.error }); continue }
    const code = String(parsed.input.code)
    const earlier = inEarlierBatches.get(code) ?? firstLineOf.get(code)
    if (earlier !== undefined) { errors.push({ line: row.line, message: `code '${code}' already appears on line ${earlier}.` }); continue }
    firstLineOf.set(code, row.line)
    const current = existing.get(code)
    const decided = current ? await spec.decideChange(current, parsed.input, catalogue, q) : await spec.decideNew(parsed.input, catalogue, q)
    if (!decided.ok) errors.push({ line: row.line, message: `${decided.code}: ${decided.detail}` })
    else plans.push({ line: row.line, current, draft: decided.value })
  }
  await seen.add(firstLineOf)
  return { errors, plans }
}

/** Thrown inside the import's transaction to roll back a file that has bad rows. */
class Refused extends Error {}

export async function importCsv(catalogue: Catalogue, kind: CatalogueKind, source: CsvSource, options: ImportOptions = {}): Promise<ImportReport> {
  const spec = specs[kind]
  const store = spec.store(catalogue)
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, errors: [] }
  try {
    await catalogue.skus.db.tx(async (q) => {
      const seen = await ImportCodes.open(q)
      let header: string[] | undefined
      for await (const batch of csvBatches(source, (problem) => report.errors.push(problem))) {
        let rows = batch.records
        if (!header) {
          header = rows[0].fields
          const headerError = checkHeader(spec, header)
          if (headerError) {
            report.errors.unshift({ line: rows[0].line, message: headerError })
            break
          }
          rows = rows.slice(1)
        }
        const { errors, plans } = await planRows(spec, catalogue, header, rows, q, seen)
        report.errors.push(...errors)
        // After a bad row, an all-or-nothing import writes no more but reads on, to report every bad row.
        if (report.errors.length === 0 || options.skipErrors) await writePlans(store, plans, q, report)
        options.onProgress?.(batch.bytesRead)
      }
      await seen.close()
      if (!header && report.errors.length === 0) report.errors.push({ line: 1, message: 'The file is empty: expected a header row.' })
      if (report.errors.length > 0 && !options.skipErrors) throw new Refused()
    })
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    Object.assign(report, { imported: 0, updated: 0, unchanged: 0 })
  } finally {
    catalogue.forgetCached()
  }
  report.errors.sort((a, b) => a.line - b.line)
  return report
}

async function writePlans(store: Store<any, any, any>, plans: Plan[], q: Queryable, report: ImportReport) {
  const creates = plans.filter((p) => !p.current).map((p) => p.draft)
  if (creates.length > 0) await store.insert(q, creates)
  report.imported += creates.length
  for (const plan of plans) {
    if (!plan.current) continue
    // Re-importing an export changes nothing, so it must not touch updatedAt either.
    if (JSON.stringify(plan.draft) === JSON.stringify(draftOf(plan.current as Entity & { createdAt: string; updatedAt: string }))) report.unchanged++
    else {
      await store.update(q, plan.current.id, plan.draft)
      report.imported++
      report.updated++
    }
  }
}

/**
 * Writes the whole table as CSV, in id order and pages, so exports of any size use little
 * memory; a `write` that returns a promise (a full stream) is awaited before the next page.
 */
export async function exportCsv(
  catalogue: Catalogue,
  kind: CatalogueKind,
  write: (chunk: string) => void | Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const spec = specs[kind]
  const store = spec.store(catalogue)
  const total = await store.count()
  const nodeCodeOf = kind === 'channels' ? new Map((await catalogue.listNodes()).map((n) => [n.id, n.code])) : new Map<string, string>()
  await write(csvLines([spec.columns.map((c) => c.name)]))
  let done = 0
  let cursor: string | undefined
  do {
    const page = await store.page({ cursor, limit: 500 })
    await write(csvLines(page.items.map((e) => spec.columns.map((c) => c.format(e, nodeCodeOf)))))
    done += page.items.length
    onProgress?.(done, total)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return done
}
