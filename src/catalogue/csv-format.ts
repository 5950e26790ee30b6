/**
 * RFC 4180 CSV, small and strict: quoted fields may hold commas, quotes ("") and newlines;
 * CRLF or LF line ends; a leading byte-order mark is ignored. Each record keeps the 1-based line
 * it starts on, so errors point at the line a merchant sees in an editor.
 */
export interface CsvRecord {
  line: number
  fields: string[]
}

export interface CsvParse {
  records: CsvRecord[]
  errors: Array<{ line: number; message: string }>
}

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = []
  const errors: CsvParse['errors'] = []
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let line = 1
  let i = 0
  while (i < input.length) {
    const start = line
    const fields: string[] = []
    let field = ''
    let quotedAt = 0 // the line a quoted field opened on, to report an unclosed quote
    for (;;) {
      const ch = input[i]
      if (quotedAt) {
        if (i >= input.length) {
          errors.push({ line: quotedAt, message: 'A quoted field is never closed (a " is missing).' })
          break
        }
        if (ch === '"' && input[i + 1] === '"') { field += '"'; i += 2; continue }
        if (ch === '"') { quotedAt = 0; i++; continue }
        if (ch === '\n') line++
        field += ch
        i++
        continue
      }
      if (i >= input.length || ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
        fields.push(field)
        if (i < input.length) { i += ch === '\r' ? 2 : 1; line++ }
        break
      }
      if (ch === ',') { fields.push(field); field = ''; i++; continue }
      if (ch === '"' && field === '') { quotedAt = line; i++; continue }
      field += ch
      i++
    }
    if (quotedAt) break
    // A blank line is not a record (spreadsheets leave them at the end).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields })
  }
  return { records, errors }
}

const needsQuotes = /[",\r\n]|^\s|\s$/

export function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',') + '\n'
