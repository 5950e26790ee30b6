import pg from 'pg'
import type { Db, Param, Queryable, Row } from './db.ts'

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // BIGINT (20) holds epoch milliseconds and counters, all well inside 2^53.
    if (oid === 20) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

const rewritten = new Map<string, string>()

/** `?` → `$1…$n`, cached; our SQL never contains a literal `?`. */
function toPostgres(sql: string): string {
  let text = rewritten.get(sql)
  if (text === undefined) {
    let n = 0
    text = sql.replace(/\?/g, () => `$${++n}`)
    rewritten.set(sql, text)
  }
  return text
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly Param[] = []) {
      return (await client.query(toPostgres(sql), params as unknown[])).rows as T[]
    },
    async get<T>(sql: string, params: readonly Param[] = []) {
      return (await client.query(toPostgres(sql), params as unknown[])).rows[0] as T | undefined
    },
    async run(sql: string, params: readonly Param[] = []) {
      return (await client.query(toPostgres(sql), params as unknown[])).rowCount ?? 0
    },
  }
}

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const
  readonly description: string
  readonly pool: pg.Pool
  readonly #direct: Queryable

  constructor(url: string, options: { schema?: string; poolSize?: number } = {}) {
    const parsed = new URL(url)
    this.description = `postgres://${parsed.host}${parsed.pathname}${options.schema ? ` schema ${options.schema}` : ''}`
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    })
    // An idle client that loses its connection must not crash the process.
    this.pool.on('error', () => undefined)
    this.#direct = queryable(this.pool)
  }

  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.#direct.all<T>(sql, params)
  }
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    return this.#direct.get<T>(sql, params)
  }
  run(sql: string, params?: readonly Param[]): Promise<number> {
    return this.#direct.run(sql, params)
  }

  async tx<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(queryable(client))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
