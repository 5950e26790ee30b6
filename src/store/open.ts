import type { Db } from './db.ts'
import { SqliteDb } from './sqlite.ts'
import { PostgresDb } from './postgres.ts'
import { migrationSql, migrations } from './schema.ts'

export interface OpenOptions {
  /** PostgreSQL when set (`postgres://…`), SQLite file otherwise. */
  databaseUrl?: string
  sqlitePath?: string
  /** PostgreSQL schema to use (tests isolate themselves in their own schema). */
  schema?: string
  poolSize?: number
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error(`DATABASE_URL must start with postgres:// (got '${options.databaseUrl.split(':')[0]}:')`)
    }
    const db = new PostgresDb(options.databaseUrl, { schema: options.schema, poolSize: options.poolSize })
    if (options.schema) await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`)
    return db
  }
  return new SqliteDb(options.sqlitePath ?? 'sellahead.db')
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name '${name}'`)
  return `"${name}"`
}

/** Applies pending migrations; safe to run from several processes at once. */
export async function migrate(db: Db): Promise<number> {
  return db.tx(async (tx) => {
    // One migrator at a time across processes; SQLite's BEGIN IMMEDIATE already serialises.
    if (db.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(7281001)')
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)')
    const row = await tx.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations')
    const current = Number(row?.version ?? 0)
    for (let version = current + 1; version <= migrations.length; version++) {
      const sql = migrationSql(db.dialect, migrations[version - 1])
      for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.run(statement)
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, Date.now()])
    }
    return migrations.length - current
  })
}
