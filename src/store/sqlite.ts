import { AsyncLocalStorage } from 'node:async_hooks'
import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite'
import type { Db, Param, Queryable, Row } from './db.ts'

const maxCachedStatements = 256

/**
 * SQLite through node:sqlite. The driver is synchronous, so one async mutex serialises
 * transactions: no statement from another caller can run inside someone else's transaction.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const
  readonly description: string
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  #queue: Promise<unknown> = Promise.resolve()
  /** Set while a transaction's work runs: a statement on the handle itself from there would wait for that transaction forever. */
  readonly #inTransaction = new AsyncLocalStorage<true>()

  constructor(path: string) {
    this.description = `sqlite:${path}`
    this.#db = new DatabaseSync(path)
    // First: with several server processes on one file, even switching to WAL may wait for another's write.
    this.#db.exec('PRAGMA busy_timeout = 5000')
    this.#db.exec('PRAGMA journal_mode = WAL')
    // FULL: an acknowledged reservation survives power loss, not only a process crash.
    this.#db.exec('PRAGMA synchronous = FULL')
    // Checkpoints run inside COMMIT, on the event loop: every ~40 MB of WAL rather than every 4 MB.
    this.#db.exec('PRAGMA wal_autocheckpoint = 10000')
    this.#db.exec('PRAGMA foreign_keys = ON')
  }

  /** How many statements are kept prepared (bounded; see #statement). */
  get preparedStatements(): number {
    return this.#statements.size
  }

  /**
   * Prepared statements, most recently used last. Bounded: statements built for a number of rows
   * or keys each hold their own compiled program (a multi-row insert of thousands of rows is
   * about a megabyte), so an unbounded cache grows with every new shape a long-running server sees.
   */
  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement) {
      this.#statements.delete(sql)
    } else {
      statement = this.#db.prepare(sql)
      const oldest = this.#statements.keys().next()
      if (this.#statements.size >= maxCachedStatements && !oldest.done) this.#statements.delete(oldest.value)
    }
    this.#statements.set(sql, statement)
    return statement
  }

  #direct: Queryable = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly Param[] = []) =>
      this.#statement(sql).all(...toSqlite(params)) as T[],
    get: async <T>(sql: string, params: readonly Param[] = []) =>
      this.#statement(sql).get(...toSqlite(params)) as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) =>
      Number(this.#statement(sql).run(...toSqlite(params)).changes),
  }

  #serialise<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) {
      return Promise.reject(new Error('A statement on the database inside one of its transactions waits for that transaction forever: pass the transaction (tx) down instead.'))
    }
    const next = this.#queue.then(work, work)
    this.#queue = next.catch(() => undefined)
    return next
  }

  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.#serialise(() => this.#direct.all<T>(sql, params))
  }
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    return this.#serialise(() => this.#direct.get<T>(sql, params))
  }
  run(sql: string, params?: readonly Param[]): Promise<number> {
    return this.#serialise(() => this.#direct.run(sql, params))
  }

  tx<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      this.#db.exec('BEGIN IMMEDIATE')
      try {
        const result = await this.#inTransaction.run(true, () => work(this.#direct))
        this.#db.exec('COMMIT')
        return result
      } catch (error) {
        this.#db.exec('ROLLBACK')
        throw error
      }
    })
  }

  /** Runs a script of several statements (migrations). */
  exec(sql: string): void {
    this.#db.exec(sql)
  }

  async close(): Promise<void> {
    await this.#queue
    this.#db.close()
  }
}

/** Booleans and arrays need converting; the hot path's thousands of plain values are passed as they are. */
function toSqlite(params: readonly Param[]): SQLInputValue[] {
  for (const p of params) {
    if (typeof p === 'boolean' || Array.isArray(p)) {
      return params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : (v as SQLInputValue)))
    }
  }
  return params as SQLInputValue[]
}
