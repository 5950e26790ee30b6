/**
 * The codes a catalogue import has met so far, each with the line it first appeared on, to
 * refuse a code the file repeats. They live in a temporary table inside the import's
 * transaction, not in memory, so a file of any size imports in bounded memory; the table is
 * private to the connection and goes with the transaction (dropped on commit, undone on rollback).
 */
import type { Queryable } from '../store/db.ts'

const table = 'catalogue_import_codes'

export class ImportCodes {
  readonly #q: Queryable

  private constructor(q: Queryable) {
    this.#q = q
  }

  static async open(q: Queryable): Promise<ImportCodes> {
    await q.run(`CREATE TEMPORARY TABLE ${table} (code TEXT PRIMARY KEY, line INTEGER NOT NULL)`)
    return new ImportCodes(q)
  }

  /** The first line of each of `codes` that an earlier batch already had. */
  async firstLines(codes: string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>()
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500)
      const rows = await this.#q.all<{ code: string; line: number }>(`SELECT code, line FROM ${table} WHERE code IN (${chunk.map(() => '?').join(', ')})`, chunk)
      for (const r of rows) found.set(r.code, Number(r.line))
    }
    return found
  }

  /** Remembers a batch's new codes; none of them is in the table yet. */
  async add(firstLineOf: ReadonlyMap<string, number>): Promise<void> {
    const entries = [...firstLineOf]
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500)
      await this.#q.run(`INSERT INTO ${table} (code, line) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat())
    }
  }

  async close(): Promise<void> {
    await this.#q.run(`DROP TABLE ${table}`)
  }
}
