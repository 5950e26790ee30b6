import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from './db.ts'
import { PostgresDb } from './postgres.ts'
import { migrate, openDb } from './open.ts'

/** The PostgreSQL the tests use: TEST_DATABASE_URL, DATABASE_URL, or the local `test` database. */
export const testPostgresUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let reachable: Promise<boolean> | undefined

/** In CI PostgreSQL is required: an unreachable server fails the run instead of skipping. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const db = new PostgresDb(testPostgresUrl, { poolSize: 1 })
    try {
      await db.get('SELECT 1')
      return true
    } catch (error) {
      if (process.env.CI) throw new Error(`PostgreSQL is required in CI but ${db.description} is unreachable: ${error}`)
      return false
    } finally {
      await db.close()
    }
  })()
  return reachable
}

export interface TestDb {
  db: Db
  /** For PostgreSQL: the schema, so a second process can open the same data. */
  schema?: string
  sqlitePath?: string
  cleanup(): Promise<void>
}

/** A fresh, migrated database of the given kind, isolated from every other test. */
export async function freshDb(kind: 'sqlite' | 'postgres', poolSize = 10): Promise<TestDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sellahead-test-'))
    const sqlitePath = join(dir, 'test.db')
    const db = await openDb({ sqlitePath })
    await migrate(db)
    return { db, sqlitePath, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }) } }
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const db = await openDb({ databaseUrl: testPostgresUrl, schema, poolSize })
  await migrate(db)
  return {
    db,
    schema,
    cleanup: async () => {
      await db.run(`DROP SCHEMA ${schema} CASCADE`)
      await db.close()
    },
  }
}

/** The kinds of store to run a contract test against on this machine. */
export async function storeKinds(): Promise<Array<'sqlite' | 'postgres'>> {
  return (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite']
}
