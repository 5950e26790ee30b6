/** Purchase-order CSV import: grouping, per-line errors, all-or-nothing, re-runs, and the CLI with its progress bar. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { Readable } from 'node:stream'
import { rmSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedPurchasing } from './helpers/purchasing.ts'
import { importPurchaseOrders } from '../src/purchasing/csv.ts'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'

const by = { actor: 'test/import', party: 'buyer' as const }
const header = 'reference,supplier,destination,sku,quantity,unit_cost,requested_date,notes'
const good = [
  'PO-A,S1,WH-E,SKU-A,20,,2026-12-20,"Pack by colour, please"',
  'PO-A,S1,WH-E,SKU-B,7,450,,',
  'PO-B,S1,WH-N,SKU-A,10,,,',
]

for (const kind of await storeKinds()) {
  describe(`purchase-order CSV import (${kind})`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(kind)
      await seedPurchasing(t)
    })
    after(() => t.close())
    const count = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM purchase_orders'))?.n)

    it('reports every bad line by its line number and imports nothing', async () => {
      const text = [header, ...good,
        'PO-C,S1,WH-E,SKU-A,7,,,', // below the minimum order quantity of 10
        'PO-D,S1,WH-E,NOPE,10,,,', // unknown SKU
        'PO-E,S1,WH-E,SKU-A,ten,,,', // not a number
        'PO-F,S1,WH-E,SKU-A,10,,2026-02-30,', // not a date
      ].join('\n')
      const report = await importPurchaseOrders(t.services.purchasing, text, by)
      assert.deepEqual(report.errors.map((e) => e.line), [5, 6, 7, 8], JSON.stringify(report.errors))
      assert.match(report.errors[0].message, /minimum order quantity is 10/)
      assert.match(report.errors[1].message, /NOPE/)
      assert.equal(report.created, 0)
      assert.equal(await count(), 0)
    })

    it('imports the good orders with --skip-errors, grouping lines by supplier and reference, and a re-run changes nothing', async () => {
      const text = [header, ...good, 'PO-C,S1,WH-E,SKU-A,7,,,'].join('\r\n')
      const report = await importPurchaseOrders(t.services.purchasing, text, by, { skipErrors: true, send: true })
      assert.deepEqual([report.created, report.skipped, report.errors.length], [2, 1, 1])
      const a = await t.services.purchasing.byReference('S1', 'PO-A')
      assert.ok(a)
      assert.equal(a.status, 'sent')
      assert.deepEqual(a.lines.map((l) => [l.quantityOrdered, l.unitCost]), [[20, 1200], [7, 450]])
      assert.equal(a.notes, 'Pack by colour, please')
      const again = await importPurchaseOrders(t.services.purchasing, text, by, { skipErrors: true })
      assert.deepEqual([again.created, again.alreadyImported], [0, 2])
      assert.equal(await count(), 2)
    })

    it('reads a stream in pieces: a note spanning lines moves the line numbers of the rows after it', async () => {
      const before = await count()
      const bytes = Buffer.from([header, 'PO-M,S1,WH-E,SKU-A,20,,,"Two\r\nline note"', 'PO-N,S1,WH-E,SKU-A,ten,,,'].join('\r\n'))
      const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7))
      const report = await importPurchaseOrders(t.services.purchasing, Readable.from(pieces), by)
      assert.deepEqual(report.errors.map((e) => e.line), [4])
      assert.match(report.errors[0].message, /quantity: 'ten'/)
      assert.deepEqual([report.created, await count()], [0, before])
    })

    it('refuses a header it does not know', async () => {
      const report = await importPurchaseOrders(t.services.purchasing, 'reference,supplier,sku,qty\nX,S1,SKU-A,1', by)
      assert.equal(report.errors[0].line, 1)
      assert.match(report.errors[0].message, /Unknown column\(s\): qty/)
    })
  })
}

describe('sellahead import purchase-orders', () => {
  it('shows progress, prints errors by file and line, and exits 1 when nothing was imported', async () => {
    const t = await startTestApp('sqlite')
    await seedPurchasing(t)
    const path = t.testDb.sqlitePath!
    // Close the server but keep the database file for the CLI.
    await t.app.close()
    await closeServices(t.services)
    const file = join(dirname(path), 'pos.csv')
    writeFileSync(file, [header, ...good, 'PO-C,S1,WH-E,SKU-A,7,,,'].join('\n'))
    const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
    const run = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, 'import', 'purchase-orders', file, ...args], { env: { ...process.env, SELLAHEAD_DB: path, DATABASE_URL: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }))
    })
    const refused = await run()
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /pos\.csv:5: Order PO-C: /)
    assert.match(refused.stderr, /Nothing imported/)
    const done = await run('--skip-errors')
    assert.equal(done.code, 0, done.stderr)
    assert.match(done.stdout, /Imported 2 purchase order\(s\) as drafts; skipped 1 bad order/)
    assert.match(done.stderr, /import purchase orders/, 'the progress bar is drawn on stderr')
    rmSync(dirname(path), { recursive: true, force: true })
  })
})
