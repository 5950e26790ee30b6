/**
 * `sellahead import invoices` on both stores: rows grouped by supplier and number into invoices
 * with lines and charges, each matched as it arrives; a file with a bad invoice imports nothing
 * (errors by line) unless bad ones are skipped; importing the file again changes nothing. The
 * command itself reports a file it cannot read and what it imported.
 */
import { after, before, describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`supplier invoice import (${kind})`, () => {
    let t: TestApp
    let today: string
    const clock = new ManualClock(Date.UTC(2026, 10, 2, 9))
    const count = async () => Number((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM supplier_invoices'))!.n)

    before(async () => {
      t = await startTestApp(kind, { clock })
      const w = await seedPurchasing(t)
      const call = requester(t)
      const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', reference: 'PO-CSV-1', lines: [{ sku: 'SKU-A', quantity: 10 }, { sku: 'SKU-B', quantity: 5, unitCost: 500 }] }, 201)).json()
      await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await call('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: '1', quantityAccepted: 10, eta: dayAfter(clock.nowMs(), 3) }, { line: '2', quantityAccepted: 5, eta: dayAfter(clock.nowMs(), 3) }] })
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: '1', quantityPassed: 10 }, { line: '2', quantityPassed: 5 }] }, 201)
      today = dayAfter(clock.nowMs(), 0)
    })
    after(() => t.close())

    const header = 'supplier,number,invoice_date,currency,po,line_no,quantity,unit_price_minor,charge_kind,charge_amount_minor,charge_description,tax_minor'
    const good = () => [
      header,
      `S1,CSV-1,${today},CNY,PO-CSV-1,1,10,1200,,,,300`,
      `S1,CSV-1,${today},CNY,,,,,freight,450,SF Express,300`,
      `S1,CSV-2,${today},CNY,PO-CSV-1,2,5,700,,,,`,
    ]

    it('imports nothing from a file with a bad invoice, naming each line', async () => {
      const report = await t.services.payables.importInvoices([...good(), `S1,CSV-3,${today},CNY,PO-CSV-1,7,1,100,,,,`, `NOBODY,CSV-4,${today},CNY,PO-CSV-1,1,1,1200,,,,`, `S1,CSV-5,${today},CNY,PO-CSV-1,one,1,1,,,,`].join('\n'), 'test')
      assert.equal(report.imported, 0)
      assert.deepEqual(report.errors.map((e) => e.line).sort(), [5, 6, 7])
      assert.match(report.errors.find((e) => e.line === 5)!.message, /no purchase order PO-CSV-1 with a line 7/)
      assert.match(report.errors.find((e) => e.line === 6)!.message, /No supplier with id or code 'NOBODY'/)
      assert.match(report.errors.find((e) => e.line === 7)!.message, /needs po, line_no, quantity and unit_price_minor/)
      assert.equal(await count(), 0)
    })

    it('imports the good invoices with their charges and tax, matched; a second import changes nothing', async () => {
      const report = await t.services.payables.importInvoices(good().join('\n'), 'test')
      assert.deepEqual([report.imported, report.onHold, report.alreadyImported, report.errors], [2, 1, 0, []])
      const [second, first] = await t.services.payables.invoices.list({}, undefined, 10)
      assert.deepEqual([first.number, first.status, first.goodsMinor, first.chargesMinor, first.taxMinor, first.totalMinor], ['CSV-1', 'matched', 12_000, 450, 300, 12_750])
      assert.deepEqual([first.source, first.charges.map((c) => [c.kind, c.description])], ['import', [['freight', 'SF Express']]])
      assert.deepEqual([second.number, second.status, second.lines[0].result], ['CSV-2', 'on_hold', 'price_variance'])
      const again = await t.services.payables.importInvoices(good().join('\n'), 'test')
      assert.deepEqual([again.imported, again.alreadyImported], [0, 2])
      assert.equal(await count(), 2)
    })

    it('keeps the good invoices of a bad file when told to skip errors', async () => {
      const report = await t.services.payables.importInvoices([header, `S1,CSV-6,${today},CNY,PO-CSV-1,7,1,100,,,,`, `S1,CSV-7,${today},CNY,,,,,duty,900,,`].join('\n'), 'test', { skipErrors: true })
      assert.deepEqual([report.imported, report.skipped, report.errors.length], [0, 2, 2], 'CSV-7 bills no PO line: refused like CSV-6')
      assert.equal(await count(), 2)
      const mixed = await t.services.payables.importInvoices([header, `S1,CSV-8,${today},CNY,PO-CSV-1,7,1,100,,,,`, `S2,CSV-9,${today},CNY,PO-CSV-1,1,1,1200,,,,`, `S1,CSV-10,${today},USD,PO-CSV-1,1,1,1200,,,,`].join('\n'), 'test', { skipErrors: true })
      assert.deepEqual([mixed.imported, mixed.errors.length], [0, 3], 'another supplier’s PO, another currency')
    })
  })
}

test('the command names a file it cannot read and what it imported', async () => {
  const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'sellahead-invoice-cli-'))
  const env = { ...process.env, SELLAHEAD_DB: join(dir, 'p.db'), DATABASE_URL: '', LOG_LEVEL: 'warn' }
  const run = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }))
  })
  assert.equal((await run('init')).code, 0)
  const missing = await run('import', 'invoices', join(dir, 'nope.csv'))
  assert.notEqual(missing.code, 0)
  assert.match(missing.stderr, /Cannot read/)
  const path = join(dir, 'invoices.csv')
  writeFileSync(path, 'supplier,number,invoice_date,currency,po,line_no,quantity,unit_price_minor\nACME,A-1,2026-11-02,CNY,PO-1,1,1,100\n')
  const refused = await run('import', 'invoices', path)
  assert.equal(refused.code, 1)
  assert.match(refused.stderr, /invoices\.csv:2: Invoice A-1 of ACME: No supplier with id or code 'ACME'/)
  assert.match(refused.stderr, /Nothing imported/)
  writeFileSync(path, 'supplier,number\n')
  const header = await run('import', 'invoices', path)
  assert.equal(header.code, 1)
  assert.match(header.stderr, /header must name supplier, number, invoice_date, currency/)
})
