/**
 * CSV import benchmark: a catalogue of BENCH_ROWS SKUs (default 1,000,000) with a bad row every
 * 10,000 rows and a name spanning two lines every 1,000, imported by the real CLI
 * (`sellahead import skus <file> --skip-errors`) in a child process on a fresh SQLite database.
 * Reports the wall time, the child's peak resident set, and checks that every bad row was
 * reported with the line it starts on and every good row was imported.
 * BENCH_CLI points at another checkout's src/cli/main.ts to measure it on the same file.
 */
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseSync } from 'node:sqlite'
import { envInt } from './support.ts'

const rows = envInt('BENCH_ROWS', 1_000_000)
const cli = process.env.BENCH_CLI ?? fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const preload = fileURLToPath(new URL('./peak-rss.ts', import.meta.url))

/** Each kind of bad row the import must report, cycling every 10,000 rows. */
const badRows = [
  (i: number) => `bad code ${i},Bad code,each,,,true`,
  (i: number) => `SKU-${i},Bad active,each,,,maybe`,
  (i: number) => `SKU-${i},Bad attributes,each,,{nope,true`,
  (i: number) => `SKU-${i},Too few fields`,
  (i: number) => `SKU-${i - 5000},Repeats a code from 5000 rows earlier,each,,,true`,
]

/** Writes the file; returns the lines the bad rows start on. */
function generate(file: string): number[] {
  const fd = openSync(file, 'w')
  const expected: number[] = []
  let line = 2
  let chunk = 'code,name,unit,barcode,attributes,active\n'
  for (let i = 1; i <= rows; i++) {
    if (i % 10_000 === 0) {
      expected.push(line)
      chunk += badRows[(i / 10_000) % badRows.length](i) + '\n'
      line++
    } else if (i % 1000 === 0) {
      chunk += `SKU-${i},"Gift box ${i}\nwith ribbon",box,${4_000_000_000_000 + i},"{""colour"":""red""}",true\n`
      line += 2
    } else {
      chunk += `SKU-${i},Tee ${i} cotton,each,${4_000_000_000_000 + i},"{""size"":""M""}",true\n`
      line++
    }
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
  return expected
}

function runImport(file: string, db: string, rssFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', preload, cli, 'import', 'skus', file, '--skip-errors'], {
      env: { ...process.env, SELLAHEAD_DB: db, DATABASE_URL: '', LOG_LEVEL: 'warn', PEAK_RSS_FILE: rssFile },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const dir = mkdtempSync(join(tmpdir(), 'sellahead-csv-bench-'))
try {
  const file = join(dir, 'skus.csv')
  const db = join(dir, 'bench.db')
  const rssFile = join(dir, 'peak-rss')
  const expected = generate(file)
  console.log(`csv-import: ${rows.toLocaleString('en')} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB, ${expected.length} bad; importing with ${cli}`)

  const startedMs = performance.now()
  const run = await runImport(file, db, rssFile)
  const seconds = (performance.now() - startedMs) / 1000
  if (run.code !== 0) throw new Error(`import exited ${run.code}:\n${run.stderr.slice(-2000)}`)
  const reported = [...run.stderr.matchAll(/skus\.csv:(\d+): /g)].map((m) => Number(m[1]))
  const missed = expected.filter((l) => !reported.includes(l))
  const extra = reported.filter((l) => !expected.includes(l))
  if (missed.length || extra.length) throw new Error(`bad rows reported on the wrong lines: missed ${missed.slice(0, 5)}, extra ${extra.slice(0, 5)}`)
  const check = new DatabaseSync(db, { readOnly: true })
  const imported = Number((check.prepare('SELECT COUNT(*) AS n FROM skus').get() as { n: number }).n)
  check.close()
  if (imported !== rows - expected.length) throw new Error(`${imported} SKUs imported, expected ${rows - expected.length}`)
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024
  console.log(run.stdout.trim())
  console.log(`csv-import: rows=${rows} seconds=${seconds.toFixed(1)} peak_rss_mb=${peakMb.toFixed(0)} bad_rows_reported=${reported.length}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
