/**
 * Supplier-invoice CSV import: rows sharing a supplier and invoice number form one invoice; a row
 * bills a PO line (po, line_no, quantity, unit_price_minor), carries a charge (charge_kind,
 * charge_amount_minor), or both. Every invoice is matched in one transaction: a file with a bad
 * invoice imports nothing unless bad ones are to be skipped. An invoice number the supplier
 * already has is left as it is, so an interrupted import can simply be run again.
 */
import { csvBatches, type CsvSource } from '../catalogue/index.ts'
import type { Result } from '../kernel/result.ts'
import type { Invoice } from './invoice-store.ts'

export const invoiceCsvColumns = [
  'supplier', 'number', 'invoice_date', 'currency', 'po', 'line_no', 'quantity', 'unit_price_minor', 'charge_kind', 'charge_amount_minor', 'charge_description', 'tax_minor', 'note',
] as const
const required = ['supplier', 'number', 'invoice_date', 'currency']

export interface InvoiceImportOptions {
  /** Import the good invoices and report the bad ones, instead of importing nothing. */
  skipErrors?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface InvoiceImportReport {
  imported: number
  onHold: number
  /** Invoices whose supplier already has that number: left as they are. */
  alreadyImported: number
  skipped: number
  errors: Array<{ line: number; message: string }>
}

export interface ImportGroup { supplier: string; body: Record<string, unknown>; firstLine: number }

/** What the import hands the service: every invoice, matched in one transaction; a group failing writes nothing of itself. */
export type ImportInvoices = (groups: readonly ImportGroup[], options: InvoiceImportOptions & { onResult: (group: ImportGroup, result: Result<Invoice>) => void }) => Promise<void>

const whole = (text: string): number | undefined => (/^\d{1,15}$/.test(text) ? Number(text) : undefined)

/** The line and charge a row brings to its invoice, or why it cannot. */
function rowOf(cells: Record<string, string>): { error: string } | { line?: Record<string, unknown>; charge?: Record<string, unknown> } {
  const out: { line?: Record<string, unknown>; charge?: Record<string, unknown> } = {}
  if (cells.po || cells.line_no || cells.quantity || cells.unit_price_minor) {
    const [lineNo, quantity, unitPriceMinor] = [whole(cells.line_no), whole(cells.quantity), whole(cells.unit_price_minor)]
    if (!cells.po || lineNo === undefined || quantity === undefined || unitPriceMinor === undefined) {
      return { error: 'a billed line needs po, line_no, quantity and unit_price_minor (whole numbers).' }
    }
    out.line = { po: cells.po, lineNo, quantity, unitPriceMinor }
  }
  if (cells.charge_kind || cells.charge_amount_minor) {
    const amountMinor = whole(cells.charge_amount_minor)
    if (!cells.charge_kind || amountMinor === undefined) return { error: 'a charge needs charge_kind (freight, duty, insurance, other) and charge_amount_minor.' }
    out.charge = { kind: cells.charge_kind, amountMinor, ...(cells.charge_description && { description: cells.charge_description }) }
  }
  if (!out.line && !out.charge) return { error: 'the row bills nothing: give a PO line (po, line_no, quantity, unit_price_minor) or a charge.' }
  return out
}

export async function importInvoices(source: CsvSource, run: ImportInvoices, options: InvoiceImportOptions = {}): Promise<InvoiceImportReport> {
  const report: InvoiceImportReport = { imported: 0, onHold: 0, alreadyImported: 0, skipped: 0, errors: [] }
  const groups = new Map<string, ImportGroup>()
  const bad = new Set<string>()
  let header: string[] | undefined
  for await (const batch of csvBatches(source, (problem) => report.errors.push(problem))) {
    for (const row of batch.records) {
      if (!header) {
        header = row.fields.map((f) => f.trim())
        const missing = required.filter((c) => !header!.includes(c))
        const unknown = header.filter((c) => !(invoiceCsvColumns as readonly string[]).includes(c))
        if (missing.length > 0 || unknown.length > 0) {
          return { ...report, errors: [{ line: row.line, message: `The header must name ${required.join(', ')} and may add ${invoiceCsvColumns.filter((c) => !required.includes(c)).join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}.` }] }
        }
        continue
      }
      const cells = Object.fromEntries(header.map((h, i) => [h, (row.fields[i] ?? '').trim()]))
      const key = JSON.stringify([cells.supplier, cells.number])
      const parsed = rowOf(cells)
      if ('error' in parsed) {
        report.errors.push({ line: row.line, message: `Invoice ${cells.number || '(no number)'}: ${parsed.error}` })
        bad.add(key)
        continue
      }
      let group = groups.get(key)
      if (!group) {
        group = { supplier: cells.supplier, firstLine: row.line, body: { number: cells.number, invoiceDate: cells.invoice_date, currency: cells.currency, lines: [], charges: [], ...(cells.note && { note: cells.note }) } }
        groups.set(key, group)
      }
      if (parsed.line) (group.body.lines as unknown[]).push(parsed.line)
      if (parsed.charge) (group.body.charges as unknown[]).push(parsed.charge)
      if (cells.tax_minor) group.body.taxMinor = whole(cells.tax_minor) ?? cells.tax_minor
    }
  }
  if (!header) return { ...report, errors: report.errors.length > 0 ? report.errors : [{ line: 1, message: 'The file is empty: expected a header row.' }] }
  const ready = [...groups].filter(([key]) => !bad.has(key)).map(([, g]) => g)
  report.skipped = groups.size - ready.length
  await run(ready, {
    ...options,
    onResult: (group, result) => {
      if (result.ok) {
        report.imported++
        if (result.value.status === 'on_hold') report.onHold++
      } else if (result.code === 'duplicate_invoice_number') {
        report.alreadyImported++
      } else {
        report.errors.push({ line: group.firstLine, message: `Invoice ${String(group.body.number)} of ${group.supplier}: ${result.detail}` })
        report.skipped++
      }
    },
  })
  if (report.errors.length > 0 && !options.skipErrors) report.imported = report.onHold = 0
  return report
}
