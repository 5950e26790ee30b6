/**
 * Purchase-order CSV import: one row per line; rows sharing a supplier and reference form one
 * order. Every order is checked before any is written, so a file with a bad line imports
 * nothing (unless bad orders are to be skipped). Re-importing a file skips the orders already
 * there (same supplier and reference), so an interrupted import can simply be run again.
 * The file is read as a stream; the orders are held until all are checked, as a file may list
 * an order's lines anywhere.
 */
import { csvBatches, type CsvSource } from '../catalogue/index.ts'
import type { Failure } from '../kernel/result.ts'
import type { PoInput, PoLineInput } from './decide.ts'
import { dayOf } from './model.ts'
import type { Actor, Purchasing } from './service.ts'

export const poCsvColumns = ['reference', 'supplier', 'destination', 'sku', 'quantity', 'unit_cost', 'requested_date', 'notes'] as const
const required = ['reference', 'supplier', 'destination', 'sku', 'quantity']

export interface PoImportOptions {
  /** Import the good orders and report the bad ones, instead of importing nothing. */
  skipErrors?: boolean
  /** Send each imported order to its supplier. */
  send?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface PoImportReport {
  created: number
  /** Orders whose supplier already has this reference: left as they are. */
  alreadyImported: number
  /** Orders not imported because a line was bad (with skipErrors). */
  skipped: number
  errors: Array<{ line: number; message: string }>
}

interface Group {
  key: string
  input: PoInput
  /** CSV line of each PO line, in order. */
  lines: number[]
}

export async function importPurchaseOrders(purchasing: Purchasing, source: CsvSource, by: Actor, options: PoImportOptions = {}): Promise<PoImportReport> {
  const report: PoImportReport = { created: 0, alreadyImported: 0, skipped: 0, errors: [] }
  const groups = new Map<string, Group>()
  const badGroups = new Set<string>()
  let header: string[] | undefined
  for await (const batch of csvBatches(source, (problem) => report.errors.push(problem))) {
    for (const row of batch.records) {
      if (!header) {
        header = row.fields
        const headerError = checkHeader(header)
        if (headerError) return { ...report, errors: [{ line: row.line, message: headerError }] }
        continue
      }
      const cells = Object.fromEntries(header.map((h, i) => [h, (row.fields[i] ?? '').trim()]))
      const key = `${cells.supplier}|${cells.reference}`
      const line = lineOf(cells, row.fields.length === header.length)
      if ('error' in line) {
        report.errors.push({ line: row.line, message: line.error })
        badGroups.add(key)
        continue
      }
      let group = groups.get(key)
      if (!group) {
        group = { key, lines: [], input: { supplierId: cells.supplier, destinationNodeId: cells.destination, reference: cells.reference, notes: cells.notes || null, lines: [] } }
        groups.set(key, group)
      } else if (group.input.destinationNodeId !== cells.destination) {
        report.errors.push({ line: row.line, message: `Order ${cells.reference}: every line must have the same destination (${group.input.destinationNodeId}).` })
        badGroups.add(key)
        continue
      }
      group.input.lines.push(line.value)
      group.lines.push(row.line)
    }
  }
  if (!header) return { ...report, errors: report.errors.length > 0 ? report.errors : [{ line: 1, message: 'The file is empty: expected a header row.' }] }

  const ready: Group[] = []
  let checked = 0
  for (const group of groups.values()) {
    options.onProgress?.(++checked, groups.size * 2)
    if (badGroups.has(group.key)) continue
    if (await purchasing.byReference(group.input.supplierId, group.input.reference!)) {
      report.alreadyImported++
      continue
    }
    const decided = await purchasing.check(group.input, by)
    if (!decided.ok) {
      report.errors.push({ line: lineOfFailure(decided, group), message: `Order ${group.input.reference}: ${decided.detail}` })
      badGroups.add(group.key)
      continue
    }
    ready.push(group)
  }
  report.skipped = badGroups.size
  report.errors.sort((a, b) => a.line - b.line)
  if (report.errors.length > 0 && !options.skipErrors) return { ...report, skipped: 0 }

  for (const [i, group] of ready.entries()) {
    const po = await purchasing.create(group.input, by)
    if (options.send) await purchasing.send(po.value.id, by)
    report.created++
    options.onProgress?.(groups.size + i + 1, groups.size * 2)
  }
  options.onProgress?.(groups.size * 2, groups.size * 2)
  return report
}

function checkHeader(header: string[]): string | undefined {
  const unknown = header.filter((h) => !(poCsvColumns as readonly string[]).includes(h))
  if (unknown.length > 0) return `Unknown column(s): ${unknown.join(', ')}. Columns: ${poCsvColumns.join(', ')}.`
  const missing = required.filter((r) => !header.includes(r))
  if (missing.length > 0) return `Missing column(s): ${missing.join(', ')}.`
  if (new Set(header).size !== header.length) return 'A column appears twice in the header.'
  return undefined
}

function lineOf(cells: Record<string, string>, fieldCountOk: boolean): { value: PoLineInput } | { error: string } {
  if (!fieldCountOk) return { error: 'The row has a different number of fields from the header.' }
  for (const name of required) if (!cells[name]) return { error: `${name} is empty.` }
  if (!/^\d{1,10}$/.test(cells.quantity) || Number(cells.quantity) < 1) return { error: `quantity: '${cells.quantity}' is not a whole number ≥ 1.` }
  if (cells.unit_cost && !/^\d{1,13}$/.test(cells.unit_cost)) return { error: `unit_cost: '${cells.unit_cost}' is not whole minor units (e.g. 1250 for 12.50).` }
  const date = cells.requested_date
  if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(dayOf(date)).toISOString().slice(0, 10) !== date)) {
    return { error: `requested_date: '${date}' is not a date like 2026-12-01.` }
  }
  return {
    value: {
      skuId: cells.sku,
      quantity: Number(cells.quantity),
      ...(cells.unit_cost && { unitCost: Number(cells.unit_cost) }),
      ...(date && { requestedDate: dayOf(date) }),
    },
  }
}

/** A failure that names a line of the order points at that line's row; otherwise at the order's first row. */
function lineOfFailure(failure: Failure, group: Group): number {
  const line = failure.extra?.line
  return typeof line === 'number' && group.lines[line - 1] !== undefined ? group.lines[line - 1] : group.lines[0]
}
