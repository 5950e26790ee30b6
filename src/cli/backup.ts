/**
 * `sellahead backup <file>` and `sellahead restore <file>` for the embedded SQLite database.
 * A backup is taken online, while a server serves: SQLite's backup API copies a consistent snapshot
 * in one step (a step interrupted by another connection's write would start over). A restore replaces
 * the whole database and is refused while any process (a server) has it open: a server keeps
 * positions and caches in memory that would no longer match. PostgreSQL uses pg_dump / pg_restore
 * (README, "Backup and restore").
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite'
import type { Config } from '../config.ts'
import { announce, requireExisting } from './database.ts'
import { UsageError } from './usage.ts'

/** Pages per backup step: more than any database has, so the copy is one snapshot. */
const allPagesAtOnce = 2 ** 30

function sqliteOnly(config: Config, command: string): void {
  if (config.databaseUrl) {
    throw new UsageError(`'sellahead ${command}' is for the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (README, "Backup and restore").`)
  }
}

export async function backup(config: Config, file: string | undefined): Promise<number> {
  announce(config)
  sqliteOnly(config, 'backup')
  if (!file) throw new UsageError('Name the backup file: sellahead backup <file>')
  if (existsSync(file)) throw new UsageError(`'${file}' exists; a backup never overwrites a file. Choose a new name.`)
  await requireExisting(config)
  const source = new DatabaseSync(config.sqlitePath, { readOnly: true })
  try {
    const pages = await sqliteBackup(source, file, { rate: allPagesAtOnce })
    console.log(`Backed up ${pages} pages to ${resolve(file)}.`)
    return 0
  } catch (error) {
    rmSync(file, { force: true })
    throw error
  } finally {
    source.close()
  }
}

/** The reason `path` cannot be restored over now, or undefined: another process has it open. */
function openElsewhere(path: string): string | undefined {
  const probe = new DatabaseSync(path, { timeout: 0 })
  try {
    // In WAL mode every open connection holds a shared lock; an exclusive lock is had only when none does.
    probe.exec('PRAGMA locking_mode = EXCLUSIVE')
    probe.exec('BEGIN EXCLUSIVE')
    probe.exec('ROLLBACK')
    return undefined
  } catch (error) {
    return (error as Error).message
  } finally {
    probe.close()
  }
}

function checkBackup(file: string): void {
  if (!existsSync(file)) throw new UsageError(`Cannot read '${file}': no such file.`)
  let source: DatabaseSync | undefined
  try {
    source = new DatabaseSync(file, { readOnly: true })
    const check = source.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined
    if (check?.quick_check !== 'ok') throw new Error(check?.quick_check ?? 'failed the integrity check')
    source.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()
  } catch (error) {
    throw new UsageError(`'${file}' is not a Sellahead backup: ${(error as Error).message}`)
  } finally {
    source?.close()
  }
}

export async function restore(config: Config, file: string | undefined): Promise<number> {
  announce(config)
  sqliteOnly(config, 'restore')
  if (!file) throw new UsageError('Name the backup to restore: sellahead restore <file>')
  checkBackup(file)
  if (existsSync(config.sqlitePath)) {
    const busy = openElsewhere(config.sqlitePath)
    if (busy) throw new UsageError(`Another process (a running 'sellahead serve'?) has ${resolve(config.sqlitePath)} open (${busy}). Stop it, then restore.`)
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true })
  const source = new DatabaseSync(file, { readOnly: true })
  try {
    // Through SQLite, not a file copy, so the database's WAL and shared memory stay consistent.
    const pages = await sqliteBackup(source, config.sqlitePath, { rate: allPagesAtOnce })
    console.log(`Restored ${pages} pages from ${resolve(file)}. Check it with 'sellahead verify'.`)
    return 0
  } finally {
    source.close()
  }
}
