/**
 * Which database a command works on, said out loud: every command names it on standard error, and
 * commands that only read or add to a database refuse one that does not exist yet rather than
 * silently creating an empty one.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Config } from '../config.ts'
import { openDb } from '../store/open.ts'
import { openServices } from '../server.ts'
import { closeServices, type Services } from '../services.ts'
import { UsageError } from './usage.ts'

/** Where the database is, without secrets: the SQLite file's full path, or PostgreSQL's host and database. */
export function databaseLabel(config: Config): string {
  if (!config.databaseUrl) return `SQLite ${resolve(config.sqlitePath)}`
  try {
    const url = new URL(config.databaseUrl)
    return `PostgreSQL ${url.host}${url.pathname}`
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)'
  }
}

export const announce = (config: Config): void => console.error(`Database: ${databaseLabel(config)}`)

const notCreated = (config: Config, why: string) => new UsageError(
  `${why} (${databaseLabel(config)}). Create one with 'sellahead init' (prints a first admin token), ` +
  `run 'npm run demo' for the demo's, or point SELLAHEAD_DB or DATABASE_URL at an existing database.`,
)

/** Refuses a database that `sellahead init` (or the demo, or `serve`) has not created. */
export async function requireExisting(config: Config): Promise<void> {
  if (!config.databaseUrl && !existsSync(config.sqlitePath)) throw notCreated(config, 'No database here yet')
  const db = await openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
  try {
    await db.get('SELECT MAX(version) AS version FROM schema_migrations')
  } catch {
    throw notCreated(config, 'This database has no Sellahead tables')
  } finally {
    await db.close()
  }
}

/** Runs `work` on the services of an existing database (named on standard error), then closes them. */
export async function withExistingServices<T>(config: Config, work: (services: Services) => Promise<T>): Promise<T> {
  announce(config)
  await requireExisting(config)
  const services = await openServices({ ...config, logLevel: 'warn' })
  try {
    return await work(services)
  } finally {
    await closeServices(services)
  }
}

/**
 * `sellahead init`: creates and migrates the database; on a database without tokens, creates a
 * first admin token and prints it once. A database that has tokens gets no new secret.
 */
export async function init(config: Config): Promise<number> {
  announce(config)
  const services = await openServices({ ...config, logLevel: 'warn' })
  try {
    const existing = await services.tokens.list()
    if (existing.length > 0) {
      console.error(`Already initialised: migrations applied, ${existing.length} token(s) exist, so no new admin token is printed. ` +
        `Create one with 'sellahead token create --role admin --name <who>'.`)
      return 0
    }
    const admin = await services.tokens.create({ name: 'first admin', role: 'admin' })
    if (!admin.ok) throw new Error(admin.detail)
    console.error(`Created the database and a first admin token (${admin.value.info.id}). It is shown once; store it now:`)
    console.log(admin.value.token)
    return 0
  } finally {
    await closeServices(services)
  }
}
