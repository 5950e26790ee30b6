/**
 * CSV files read as a stream (csv-parse) and written with csv-stringify. RFC 4180: quoted fields
 * may hold commas, quotes ("") and line breaks; CRLF or LF line ends; a leading byte-order mark
 * is ignored. Records come in batches, so a file of any size is read in bounded memory, and each
 * record keeps the 1-based line it starts on, so errors point at the line a merchant sees in an
 * editor even after a quoted field that spans lines.
 */
import { Readable, pipeline } from 'node:stream'
import { parse, type CsvError, type Options } from 'csv-parse'
import { stringify } from 'csv-stringify/sync'

/** A whole file as text, or a stream of its bytes (a file read stream, an upload). */
export type CsvSource = string | Readable | AsyncIterable<string | Uint8Array>

export interface CsvRecord {
  line: number
  fields: string[]
}

export interface CsvProblem {
  line: number
  message: string
}

export interface CsvBatch {
  records: CsvRecord[]
  /** How far into the source the parser has read: progress against the file's size. */
  bytesRead: number
}

const lineBreaksIn = (fields: string[]): number => {
  let breaks = 0
  for (const field of fields) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++
  return breaks
}

/**
 * The records of `source` in batches of up to `batchSize`. A record the parser cannot read (an
 * unclosed quote, which swallows the rest of the file) goes to `onProblem` with its line instead.
 * Blank lines are not records: spreadsheets leave them at the end.
 */
export async function* csvBatches(source: CsvSource, onProblem: (problem: CsvProblem) => void, batchSize = 1000): AsyncGenerator<CsvBatch> {
  // csv-parse counts a CRLF inside quotes as two lines, so the lines are counted here, as the
  // records are parsed (before they are buffered), from the line breaks each record holds.
  let nextLine = 1
  const options: Options<CsvRecord, string[]> = {
    bom: true,
    // A lone CR is data, as in the files spreadsheets write.
    record_delimiter: ['\r\n', '\n'],
    // A quote inside an unquoted field is data, and a row with too few or too many fields is
    // the importer's to report with its line, not a reason to stop reading.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (fields: string[]) => {
      const line = nextLine
      nextLine += 1 + lineBreaksIn(fields)
      return fields.length === 1 && fields[0] === '' ? null : { line, fields }
    },
    on_skip: (error: CsvError | undefined) => {
      const unclosed = error?.code === 'CSV_QUOTE_NOT_CLOSED'
      onProblem({ line: nextLine, message: unclosed ? 'A quoted field is never closed (a " is missing).' : (error?.message ?? 'Unreadable record.') })
      return undefined
    },
  }
  // csv-parse types a record-changing `on_record` only together with `columns`, which is not used.
  const parser = parse(options as unknown as Options)
  // pipeline closes the file when the reader stops early (a bad header) or either side fails.
  const records: AsyncIterable<CsvRecord> = pipeline(typeof source === 'string' ? Readable.from([source]) : Readable.from(source), parser, () => {})
  let batch: CsvRecord[] = []
  for await (const record of records) {
    batch.push(record)
    if (batch.length >= batchSize) {
      yield { records: batch, bytesRead: parser.info.bytes }
      batch = []
    }
  }
  if (batch.length > 0) yield { records: batch, bytesRead: parser.info.bytes }
}

/**
 * CSV text for some rows. Fields with leading or trailing spaces are quoted too, so a
 * spreadsheet that trims unquoted cells keeps them.
 */
export const csvLines = (rows: readonly (readonly string[])[]): string => stringify(rows as string[][], { quoted_match: /^\s|\s$/ })
