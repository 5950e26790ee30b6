/**
 * Backup and restore round trips: data written, a backup taken while the server serves, more
 * written and released, the database restored: it holds exactly what the backup held, and
 * `sellahead verify` finds the ledger consistent. SQLite through `sellahead backup|restore`,
 * PostgreSQL through the README's pg_dump / pg_restore procedure.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { envFor, hotSkuWorld, reserveOverHttp, startServerProcess, type ServerProcess } from './helpers/server-process.ts'

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sellahead-backup-'))

type Ran = { code: number; stdout: string; stderr: string }
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}
const sellahead = (env: Record<string, string>, ...args: string[]) => run(process.execPath, [cli, ...args], { DATABASE_URL: '', SELLAHEAD_DB: '', ...env })

/** Every row of every table, each table's rows in a stable order. */
type Snapshot = Record<string, string[]>
const sorted = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort()

function sqliteSnapshot(path: string): Snapshot {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>
    return Object.fromEntries(tables.map(({ name }) => [name, sorted(db.prepare(`SELECT * FROM "${name}"`).all())]))
  } finally {
    db.close()
  }
}

async function readTables(client: pg.Client, schema: string): Promise<Snapshot> {
  const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`, [schema])
  const snapshot: Snapshot = {}
  for (const { table_name: name } of tables.rows) snapshot[name] = sorted((await client.query(`SELECT * FROM "${schema}"."${name}"`)).rows)
  return snapshot
}

async function postgresSnapshot(schema: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  try {
    return await readTables(client, schema)
  } finally {
    await client.end()
  }
}

/**
 * pg_dump while the server keeps writing (reservations, and the analytics projector catching
 * up behind them), and every row the dump saw: both read one exported snapshot, so the
 * comparison after restore is exact rather than a race with the server.
 */
async function dumpWithSnapshot(schema: string, file: string): Promise<{ dumped: Ran; seen: Snapshot }> {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
    const dumped = await run('pg_dump', ['--format=custom', '--no-owner', `--snapshot=${rows[0].id}`, `--schema=${schema}`, `--file=${file}`, testPostgresUrl])
    const seen = await readTables(client, schema)
    await client.query('COMMIT')
    return { dumped, seen }
  } finally {
    await client.end()
  }
}

/** Reservations over HTTP; the ids of those acknowledged. */
async function reserveMany(server: ServerProcess, token: string, prefix: string, count: number): Promise<string[]> {
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => reserveOverHttp(server.url, token, `${prefix}-${i}`)))
  assert.ok(answers.every((a) => a.status === 201), JSON.stringify(answers.find((a) => a.status !== 201)))
  return answers.map((a) => a.id!)
}

async function release(server: ServerProcess, token: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const res = await fetch(`${server.url}/v1/reservations/${id}/release`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })
    assert.equal(res.status, 200, await res.text())
  }
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM')
  assert.equal(await server.exited, 0)
}

const tableRows = (snapshot: Snapshot, table: string) => snapshot[table].map((r) => JSON.parse(r) as Record<string, unknown>)

test('SQLite: sellahead backup while serving, restore refused while serving, restore after stopping gives the backup exactly', async () => {
  const world = await hotSkuWorld('sqlite', 10_000)
  const env = envFor(world.testDb)
  const server = await startServerProcess(env)
  const backupFile = join(dir, 'sellahead-backup.db')
  try {
    const before = await reserveMany(server, world.token, 'before', 30)
    // The backup runs while the server keeps taking reservations.
    const [backedUp, during] = await Promise.all([sellahead(env, 'backup', backupFile), reserveMany(server, world.token, 'during', 30)])
    assert.equal(backedUp.code, 0, backedUp.stderr)
    assert.match(backedUp.stderr, /^Database: SQLite .*\.db$/m)
    assert.match(backedUp.stdout, /^Backed up \d+ pages to .*sellahead-backup\.db\.$/m)
    const again = await sellahead(env, 'backup', backupFile)
    assert.equal(again.code, 2)
    assert.match(again.stderr, /exists; a backup never overwrites a file/)

    const expected = sqliteSnapshot(backupFile)
    const held = new Set(tableRows(expected, 'reservations').map((r) => r.id))
    assert.ok(before.every((id) => held.has(id)), 'everything acknowledged before the backup is in it')
    assert.ok(held.size >= before.length && held.size <= before.length + during.length)

    // More writes, and reservations released, after the backup.
    await reserveMany(server, world.token, 'after', 20)
    await release(server, world.token, before.slice(0, 10))

    const whileServing = await sellahead(env, 'restore', backupFile)
    assert.equal(whileServing.code, 2)
    assert.match(whileServing.stderr, /Another process \(a running 'sellahead serve'\?\) has .* open .*Stop it, then restore\./)
    await stop(server)
    // This test's own connections count as a process having it open too.
    await closeServices(world.services)
    await world.testDb.db.close()

    assert.notDeepEqual(sqliteSnapshot(env.SELLAHEAD_DB), expected, 'the database moved on after the backup')
    const restored = await sellahead(env, 'restore', backupFile)
    assert.equal(restored.code, 0, restored.stderr)
    assert.match(restored.stdout, /^Restored \d+ pages from .*sellahead-backup\.db\. Check it with 'sellahead verify'\.$/m)
    assert.deepEqual(sqliteSnapshot(env.SELLAHEAD_DB), expected, 'exactly the backup: later reservations gone, released ones held again')
    const verified = await sellahead(env, 'verify')
    assert.equal(verified.code, 0, verified.stderr)
    assert.match(verified.stdout, /Ledger consistent/)

    const notABackup = join(dir, 'not-a-backup.db')
    new DatabaseSync(notABackup).close()
    const refused = await sellahead(env, 'restore', notABackup)
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /is not a Sellahead backup/)
    assert.deepEqual(sqliteSnapshot(env.SELLAHEAD_DB), expected, 'a refused restore changes nothing')
  } finally {
    server.child.kill('SIGKILL')
    await world.testDb.cleanup().catch(() => undefined)
  }
})

test('PostgreSQL: the README procedure, pg_dump while serving and pg_restore after stopping, gives the backup exactly', { skip: !(await postgresReachable()) && !process.env.CI }, async () => {
  const world = await hotSkuWorld('postgres', 10_000)
  const schema = world.testDb.schema!
  const env = envFor(world.testDb)
  const server = await startServerProcess(env)
  const dump = join(dir, 'sellahead.dump')
  try {
    const refused = await sellahead(env, 'backup', join(dir, 'pg.db'))
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /for PostgreSQL use pg_dump and pg_restore/)

    const before = await reserveMany(server, world.token, 'before', 30)
    const { dumped, seen: expected } = await dumpWithSnapshot(schema, dump)
    assert.equal(dumped.code, 0, dumped.stderr)
    assert.ok(before.every((id) => tableRows(expected, 'reservations').some((r) => r.id === id)))

    await reserveMany(server, world.token, 'after', 20)
    await release(server, world.token, before.slice(0, 10))
    await stop(server)
    await closeServices(world.services)
    assert.notDeepEqual(await postgresSnapshot(schema), expected, 'the database moved on after the backup')

    const restored = await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--schema=${schema}`, `--dbname=${testPostgresUrl}`, dump])
    assert.equal(restored.code, 0, restored.stderr)
    assert.deepEqual(await postgresSnapshot(schema), expected, 'exactly the backup')
    const verified = await sellahead(env, 'verify')
    assert.equal(verified.code, 0, verified.stderr)
    assert.match(verified.stdout, /Ledger consistent/)
    const restarted = await startServerProcess(env)
    try {
      const next = await reserveOverHttp(restarted.url, world.token, 'after-restore')
      assert.equal(next.status, 201, 'the restored database serves and takes new work')
    } finally {
      await stop(restarted)
    }
  } finally {
    server.child.kill('SIGKILL')
    await world.testDb.cleanup().catch(() => undefined)
  }
})
