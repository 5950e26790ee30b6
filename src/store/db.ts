/**
 * The storage port. Both adapters speak the same SQL subset: `?` placeholders (rewritten to `$n`
 * for PostgreSQL), `ON CONFLICT`, `RETURNING`, integers for time (epoch ms) and TEXT for JSON.
 * Where a hot path needs a dialect's strength it asks `db.dialect` and writes its own SQL.
 */
import { FailureError, type Result } from '../kernel/result.ts'

export type Dialect = 'sqlite' | 'postgres'
export type Param = string | number | bigint | null | boolean | readonly unknown[]
export type Row = Record<string, unknown>

export interface Queryable {
  readonly dialect: Dialect
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>
  run(sql: string, params?: readonly Param[]): Promise<number>
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction; a throw rolls it back. `write` takes SQLite's write lock up front. */
  tx<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** A human description without secrets, for logs. */
  readonly description: string
}

/**
 * Runs `work` in one transaction and answers its result; a failure it returns (or throws as
 * FailureError) rolls everything it wrote back.
 */
export async function txResult<T>(db: Db, work: (tx: Queryable) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.tx(async (tx) => {
      const result = await work(tx)
      if (!result.ok) throw new FailureError(result)
      return result
    })
  } catch (error) {
    if (error instanceof FailureError) return error.failure
    throw error
  }
}

export function inList(count: number): string {
  return Array(count).fill('?').join(', ')
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: string; message?: string }
  return e?.code === '23505' || /UNIQUE constraint failed/.test(String(e?.message))
}

/** SQLite primary result codes for a value the schema cannot take: too big, a constraint, a type mismatch, a bound out of range. */
const sqliteValueCodes = new Set([18, 19, 20, 25])

/**
 * The database refused a value the request carried (PostgreSQL's data-exception and
 * integrity-constraint classes; SQLite's constraint, too-big and mismatch codes): retrying the
 * same request can never succeed, so it is the request's fault, not the server's.
 */
export function isValueRefused(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown }
  if (!e) return false
  if (typeof e.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(e.code)) return true
  return typeof e.errcode === 'number' && sqliteValueCodes.has(e.errcode & 0xff)
}

/** Network errors, and PostgreSQL's connection-exception / shutting-down / too-many-connections codes. */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300'])

/** The database cannot be reached or is overloaded: the request may succeed if retried. */
export function isStorageUnavailable(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number; message?: string }
  if (!e) return false
  if (e.code && (unavailableCodes.has(e.code) || e.code.startsWith('08'))) return true
  // SQLite: SQLITE_BUSY (5) after busy_timeout, another process holds the write lock.
  return e.errcode === 5 || /Connection terminated|database is locked/.test(String(e.message))
}
