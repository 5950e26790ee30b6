import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSync } from 'node:sqlite'

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sellahead-cli-'))
const env = { ...process.env, SELLAHEAD_DB: join(dir, 'cli.db'), DATABASE_URL: '', LOG_LEVEL: 'warn' }

function sellahead(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

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
