/**
 * The replenishment commands as a merchant runs them, on a fresh SQLite file: demand history and
 * the calendar imported (errors by file and line, nothing imported from a bad file, a progress
 * line), a backtest forecast written as CSV from history up to the as-of day only, and a
 * recompute that reports what it planned.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sellahead-replenish-cli-'))
const env = { ...process.env, SELLAHEAD_DB: join(dir, 'r.db'), DATABASE_URL: '', LOG_LEVEL: 'warn' }
type Ran = { code: number; stdout: string; stderr: string }
const sellahead = (...args: string[]): Promise<Ran> => new Promise((resolve) => {
  execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }))
})
const file = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

test('import demand history and a calendar, forecast as of a day, recompute', async () => {
  assert.equal((await sellahead('init')).code, 0)
  assert.equal((await sellahead('import', 'skus', file('skus.csv', ['code,name', 'TEA,Tea', 'CUP,Cup']))).code, 0)
  assert.equal((await sellahead('import', 'nodes', file('nodes.csv', ['code,name,kind,region', 'WH,Warehouse,warehouse,east']))).code, 0)
  const start = Math.floor(Date.UTC(2026, 0, 1) / 86_400_000)
  const rows = ['sku,node,date,quantity']
  // Tea: 10 a day, 30 on Saturdays; after the as-of day, a burst the forecast must not see.
  for (let d = start; d < start + 140; d++) rows.push(`TEA,WH,${iso(d)},${d >= start + 112 ? 500 : new Date(d * 86_400_000).getUTCDay() === 6 ? 30 : 10}`)
  for (let d = start; d < start + 112; d += 3) rows.push(`CUP,WH,${iso(d)},2`)

  const bad = await sellahead('import', 'demand-history', file('bad.csv', [...rows.slice(0, 3), 'TEA,NOWHERE,2026-01-05,3', 'TEA,WH,2026-02-30,3', 'TEA,WH,2026-01-06,lots']))
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /bad\.csv:4: node: no node with code or id 'NOWHERE'/)
  assert.match(bad.stderr, /bad\.csv:5: date: '2026-02-30' is not a day/)
  assert.match(bad.stderr, /bad\.csv:6: quantity: 'lots' is not a whole number/)
  assert.match(bad.stderr, /Nothing imported/)

  const good = await sellahead('import', 'demand-history', file('history.csv', rows))
  assert.equal(good.code, 0, good.stderr)
  assert.match(good.stdout, new RegExp(`Imported ${rows.length - 1} demand row`))
  assert.match(good.stderr, /import demand-history/, 'a progress line')
  const calendar = await sellahead('import', 'calendar', file('calendar.csv', ['sku,node,date,kind,uplift_pct', `*,WH,${iso(start + 114)},closure,`, `TEA,*,${iso(start + 120)},peak,200`, 'TEA,WH,2026-13-01,promotion,']))
  assert.equal(calendar.code, 1)
  assert.match(calendar.stderr, /calendar\.csv:4: date: '2026-13-01' is not a day/)
  assert.equal((await sellahead('import', 'calendar', file('calendar-ok.csv', ['sku,node,date,kind,uplift_pct', `*,WH,${iso(start + 114)},closure,`, `TEA,*,${iso(start + 120)},peak,200`]))).code, 0)

  const out = join(dir, 'forecast.csv')
  const forecast = await sellahead('forecast', '--as-of', iso(start + 111), '--horizon', '14', '--out', out)
  assert.equal(forecast.code, 0, forecast.stderr)
  assert.match(forecast.stderr, /Forecast 2 series, 14 days/)
  const lines = readFileSync(out, 'utf8').trim().split('\n')
  assert.equal(lines[0], 'sku,node,date,p10,p50,p90')
  assert.equal(lines.length, 1 + 2 * 14)
  const tea = new Map(lines.slice(1).map((l) => l.split(',')).filter((c) => c[0] === 'TEA').map((c) => [c[2], Number(c[4])]))
  assert.ok(tea.get(iso(start + 112))! < 40, `history after the as-of day is not read (${tea.get(iso(start + 112))})`)
  assert.equal(tea.get(iso(start + 114)), 0, 'a closure forecasts nothing')
  assert.ok(tea.get(iso(start + 120))! > 2 * tea.get(iso(start + 113))!, 'the peak lifts the forecast by its uplift')
  for (const l of lines.slice(1)) {
    const [, , , p10, p50, p90] = l.split(',').map(Number)
    assert.ok(p10 <= p50 && p50 <= p90, l)
  }

  const refused = await sellahead('forecast', '--as-of', 'yesterday', '--horizon', '14')
  assert.equal(refused.code, 2)
  assert.match(refused.stderr, /--as-of is a day, YYYY-MM-DD/)
  assert.equal((await sellahead('forecast', '--as-of', iso(start + 111))).code, 2, 'a horizon is required')

  const replenish = await sellahead('replenish', '--as-of', iso(start + 111))
  assert.equal(replenish.code, 0, replenish.stderr)
  assert.match(replenish.stdout, /Planned 2 series as of 2026-04-22: 0 suggestion\(s\) made/, 'no supplier: nothing to order from')
})
