import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sellahead-cli-'))
const env = { ...process.env, SELLAHEAD_DB: join(dir, 'cli.db'), DATABASE_URL: '', LOG_LEVEL: 'warn' }

type Ran = { code: number; stdout: string; stderr: string }

function sellaheadIn(where: { env: NodeJS.ProcessEnv; cwd?: string }, ...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], where, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

const sellahead = (...args: string[]): Promise<Ran> => sellaheadIn({ env }, ...args)

test('init creates the database and prints a first admin token once; every command names its database', async () => {
  const first = await sellahead('init')
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stdout.trim(), /^sh_\S+$/, 'the token alone on standard output')
  assert.match(first.stderr, new RegExp(`^Database: SQLite ${env.SELLAHEAD_DB}$`, 'm'))
  assert.match(first.stderr, /shown once/)
  const again = await sellahead('init')
  assert.equal(again.code, 0)
  assert.equal(again.stdout, '', 'no second secret')
  assert.match(again.stderr, /Already initialised: .*1 token\(s\)/)
  const listed = await sellahead('token', 'list')
  assert.match(listed.stderr, new RegExp(`^Database: SQLite ${env.SELLAHEAD_DB}$`, 'm'))
  assert.match(listed.stdout, /admin .* active {2}first admin/)
})

test('commands refuse a database that does not exist rather than creating an empty one', async () => {
  const missing = join(dir, 'nowhere', 'missing.db')
  for (const args of [['verify'], ['token', 'create', '--role', 'admin'], ['token', 'list'], ['export', 'skus'], ['backup', join(dir, 'never.db')]]) {
    const refused = await sellaheadIn({ env: { ...env, SELLAHEAD_DB: missing } }, ...args)
    assert.equal(refused.code, 2, args.join(' '))
    assert.match(refused.stderr, /No database here yet \(SQLite .*missing\.db\)\. Create one with 'sellahead init'.*'npm run demo'/)
    assert.equal(refused.stdout, '')
  }
  assert.equal(existsSync(missing), false, 'nothing was created')
  const pgEmpty = await sellaheadIn({ env: { ...env, DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' } }, 'verify')
  assert.notEqual(pgEmpty.code, 0)
  assert.match(pgEmpty.stderr, /^Database: PostgreSQL 127\.0\.0\.1:1\/none$/m)
  assert.ok(!pgEmpty.stderr.includes('secret'), 'never the password')
})

test('PostgreSQL: a database without Sellahead tables is refused; init creates them and prints a first admin token', { skip: !(await postgresReachable()) }, async () => {
  const schema = `cli_empty_${process.pid}`
  const admin = new pg.Client({ connectionString: testPostgresUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  try {
    const pgEnv = { ...env, DATABASE_URL: `${testPostgresUrl}?options=-c%20search_path%3D${schema}` }
    const refused = await sellaheadIn({ env: pgEnv }, 'token', 'list')
    assert.equal(refused.code, 2)
    const { host, pathname } = new URL(testPostgresUrl)
    assert.ok(refused.stderr.startsWith(`Database: PostgreSQL ${host}${pathname}\n`), refused.stderr)
    assert.match(refused.stderr, /This database has no Sellahead tables .*'sellahead init'/)
    const tables = await admin.query(`SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`, [schema])
    assert.equal(tables.rows[0].n, 0, 'nothing was created')
    const init = await sellaheadIn({ env: pgEnv }, 'init')
    assert.equal(init.code, 0, init.stderr)
    assert.match(init.stdout.trim(), /^sh_\S+$/)
    const verified = await sellaheadIn({ env: pgEnv }, 'verify')
    assert.equal(verified.code, 0, verified.stderr)
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
})

test('after `npm run demo`, verify and token create find the demo database without any setting', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sellahead-demo-'))
  const plain = { ...process.env, SELLAHEAD_DB: '', DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0' }
  const before = await sellaheadIn({ env: plain, cwd }, 'verify')
  assert.equal(before.code, 2, 'no demo yet: refused, not an empty database')
  const demo = spawn(process.execPath, [cli, 'demo'], { env: plain, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve))
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 60_000)
    demo.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      if (output.includes('Stop with Ctrl+C')) { clearTimeout(timer); resolve() }
    })
    demo.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  })
  assert.match(output, /use this database by default/)
  const demoDb = join(cwd, 'data', 'demo.db')
  try {
    // The demo prints where its console is, and a token for each kind of person who signs in to it.
    const consoleUrl = /Console: +(http:\/\/\S+\/console\/)/.exec(output)?.[1]
    assert.ok(consoleUrl, output)
    assert.ok(Number(/(\d+) orders in/.exec(output)?.[1]) > 0, 'the demo has orders for the dashboard and order pages')
    const page = await fetch(consoleUrl)
    assert.equal(page.status, 200, 'the console is built and served')
    for (const role of ['admin', 'ops', 'supplier:ACME-APPAREL', 'store:ST-SH-JINGAN', 'channel:web']) {
      assert.match(output, new RegExp(`^  ${role} +sh_`, 'm'), role)
    }
    const verified = await sellaheadIn({ env: plain, cwd }, 'verify')
    assert.equal(verified.code, 0, verified.stderr)
    assert.match(verified.stderr, new RegExp(`^Database: SQLite ${demoDb}$`, 'm'))
    assert.ok(Number(/Ledger consistent: (\d+) positions/.exec(verified.stdout)?.[1]) > 100, 'the demo stock, not an empty database')
    const created = await sellaheadIn({ env: plain, cwd }, 'token', 'create', '--role', 'ops', '--name', 'after demo')
    assert.equal(created.code, 0, created.stderr)
    assert.match(created.stderr, new RegExp(`Database: SQLite ${demoDb}`))
  } finally {
    demo.kill('SIGTERM')
  }
  assert.equal(await exited, 0, 'SIGTERM stops the demo cleanly')
  assert.equal(existsSync(join(cwd, 'data', 'sellahead.db')), false, 'no empty database was created beside it')
})

test('import reports bad rows by line and imports nothing, unless told to skip them', async () => {
  const file = join(dir, 'skus.csv')
  writeFileSync(file, 'code,name\nTEE-1,"Tee, white"\nbad code!,Broken\nTEE-2,Tee black\n,No code\n')
  const refused = await sellahead('import', 'skus', file)
  assert.equal(refused.code, 1)
  assert.match(refused.stderr, /skus\.csv:3: /)
  assert.match(refused.stderr, /skus\.csv:5: /)
  assert.match(refused.stderr, /Nothing imported: 2 bad row/)
  const exported = join(dir, 'out.csv')
  assert.equal((await sellahead('export', 'skus', exported)).code, 0)
  assert.equal(readFileSync(exported, 'utf8').trim().split('\n').length, 1, 'only the header: nothing was imported')

  const skipped = await sellahead('import', 'skus', file, '--skip-errors')
  assert.equal(skipped.code, 0, skipped.stderr)
  assert.match(skipped.stdout, /Imported 2 skus; skipped 2 bad row/)
  assert.equal((await sellahead('export', 'skus', exported)).code, 0)
  const lines = readFileSync(exported, 'utf8').trim().split('\n')
  assert.equal(lines.length, 3)
  assert.ok(lines.some((l) => l.includes('"Tee, white"')), 'quoted commas survive the round trip')
})

test('import streams the file: bad rows by the line they start on, progress in MB, a missing file refused', async () => {
  const file = join(dir, 'multi.csv')
  writeFileSync(file, 'code,name\r\nML-1,"Two\r\nlines"\r\nbad code!,Broken\r\n"also bad",x\r\n')
  const refused = await sellahead('import', 'skus', file)
  assert.equal(refused.code, 1)
  assert.deepEqual([...refused.stderr.matchAll(/multi\.csv:(\d+): /g)].map((m) => Number(m[1])), [4, 5])
  assert.match(refused.stderr, /import skus: [\d.]+\/[\d.]+ MB \(100%\)/, 'the progress bar counts the bytes read')
  const missing = await sellahead('import', 'skus', join(dir, 'nowhere.csv'))
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /Cannot read '.*nowhere\.csv'/)
})

test('tokens are created once, listed without secrets, and revoked', async () => {
  const created = await sellahead('token', 'create', '--role', 'ops', '--name', 'night shift')
  assert.equal(created.code, 0, created.stderr)
  const secret = created.stdout.trim()
  assert.match(secret, /^sh_/)
  const listed = await sellahead('token', 'list')
  assert.match(listed.stdout, /ops .* active {2}night shift/)
  assert.ok(!listed.stdout.includes(secret), 'the secret is never listed')
  const id = /^(tok_\S+)/m.exec(listed.stdout)![1]
  assert.equal((await sellahead('token', 'revoke', id)).code, 0)
  assert.match((await sellahead('token', 'list')).stdout, /revoked/)
  const bad = await sellahead('token', 'create', '--role', 'root')
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /Role 'root' is not one of/)
})

test('verify checks the ledger; unknown commands explain themselves', async () => {
  const verified = await sellahead('verify')
  assert.equal(verified.code, 0)
  assert.match(verified.stdout, /Ledger consistent/)
  const db = new DatabaseSync(env.SELLAHEAD_DB)
  const now = Date.now()
  db.exec(`INSERT INTO nodes (id, code, name, kind, region, created_at, updated_at) VALUES ('node_x', 'X', 'X', 'warehouse', 'east', ${now}, ${now})`)
  db.exec(`INSERT INTO positions (sku_id, node_id, on_hand, updated_at) SELECT id, 'node_x', 5, ${now} FROM skus LIMIT 1`)
  db.close()
  const tampered = await sellahead('verify')
  assert.equal(tampered.code, 1, 'on hand without a movement behind it is caught')
  assert.match(tampered.stderr, /MISMATCH .* onHand: position 5, movements 0/)
  const unknown = await sellahead('frobnicate')
  assert.equal(unknown.code, 2)
  assert.match(unknown.stderr, /Unknown command 'frobnicate'.*\n\nRun 'sellahead help'/)
  assert.match((await sellahead('help')).stdout, /Usage: sellahead <command>/)
})
