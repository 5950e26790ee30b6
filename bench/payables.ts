/**
 * Payables benchmark: supplier invoices matched three ways one at a time (each its own
 * transaction, as staff and the portal enter them) next to the same number imported in one
 * transaction (`sellahead import invoices`), then a payment run proposed over every open
 * instalment, recorded, and the ageing read — on SQLite and PostgreSQL in one run. Sizes:
 * BENCH_INVOICES (default 2000), BENCH_POS (default 200), BENCH_CONCURRENCY (default 16).
 */
import pino from 'pino'
import { createServices, type Services } from '../src/services.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { epochDayOf, isoDayOf } from '../src/kernel/days.ts'
import { unwrap } from '../src/kernel/result.ts'
import { dayMs, dayStartOf } from '../src/purchasing/model.ts'
import { storeKinds } from '../src/store/testing.ts'
import { benchDb, envInt, fmt, printAligned } from './support.ts'

const invoices = envInt('BENCH_INVOICES', 2000)
const poCount = envInt('BENCH_POS', 200)
const concurrency = envInt('BENCH_CONCURRENCY', 16)

async function seed(services: Services): Promise<{ supplierId: string; poIds: string[] }> {
  const sku = unwrap(await services.catalogue.createSku({ code: 'TEE', name: 'Tee' }))
  const node = unwrap(await services.catalogue.createNode({ code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' }))
  const supplier = unwrap(await services.suppliers.create({ code: 'S1', name: 'Supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 'bench'))
  const eta = dayStartOf(Date.now()) + 10 * dayMs
  const poIds: string[] = []
  for (let i = 0; i < poCount; i++) {
    const po = (await services.purchasing.create({ supplierId: 'S1', destinationNodeId: node.id, lines: [{ skuId: sku.id, quantity: 1_000_000, unitCost: 100 }] }, { actor: 'bench', party: 'buyer' })).value
    await services.purchasing.send(po.id, { actor: 'bench', party: 'buyer' })
    await services.purchasing.confirm(po.id, [{ lineId: po.lines[0].id, quantityAccepted: 1_000_000, eta }], { actor: 'bench', party: 'supplier' })
    await services.purchasing.receive(po.id, { asnId: null, lines: [{ lineId: '1', quantityPassed: 100_000, quantityFailed: 0, failReason: null }] }, { actor: 'bench', party: 'receiver' })
    poIds.push(po.id)
  }
  // 2/10 net 30: every invoice carries a discount a run may take.
  unwrap(await services.payables.setAgreement('S1', { terms: { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } } }, 'bench'))
  return { supplierId: supplier.id, poIds }
}

const body = (prefix: string, i: number, poIds: readonly string[]) => ({
  number: `${prefix}-${i}`, invoiceDate: isoDayOf(epochDayOf(Date.now())), currency: 'CNY', lines: [{ po: poIds[i % poIds.length], lineNo: 1, quantity: 3, unitPriceMinor: 100 }],
})

async function run(kind: 'sqlite' | 'postgres') {
  const testDb = await benchDb(kind)
  const services = createServices(testDb.db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  try {
    const { supplierId, poIds } = await seed(services)
    let next = 0
    let startMs = performance.now()
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < invoices; i = next++) {
        const made = await services.payables.invoices.create(supplierId, body('ONE', i, poIds), 'staff', 'bench')
        if (!made.ok || made.value.status !== 'matched') throw new Error(made.ok ? made.value.status : made.detail)
      }
    }))
    const oneByOne = invoices / ((performance.now() - startMs) / 1000)

    const rows = ['supplier,number,invoice_date,currency,po,line_no,quantity,unit_price_minor']
    for (let i = 0; i < invoices; i++) {
      const b = body('CSV', i, poIds)
      rows.push(`S1,${b.number},${b.invoiceDate},CNY,${b.lines[0].po},1,3,100`)
    }
    startMs = performance.now()
    const report = await services.payables.importInvoices(rows.join('\n'), 'bench')
    if (report.imported !== invoices) throw new Error(`imported ${report.imported} of ${invoices}: ${JSON.stringify(report.errors.slice(0, 3))}`)
    const imported = invoices / ((performance.now() - startMs) / 1000)

    startMs = performance.now()
    const proposed = unwrap(await services.payables.runs.propose({ payByDay: epochDayOf(Date.now()) + 60 }, 'bench'))
    const proposeMs = performance.now() - startMs
    if (proposed.lines.length !== 2 * invoices) throw new Error(`the run pays ${proposed.lines.length} instalments, expected ${2 * invoices}`)
    unwrap(await services.payables.runs.approve(proposed.id, 'bench'))
    startMs = performance.now()
    unwrap(await services.payables.runs.record(proposed.id, { supplierId, currency: 'CNY', bankReference: 'BENCH-1' }, 'bench'))
    const recordMs = performance.now() - startMs
    startMs = performance.now()
    const ageing = await services.payables.ageing(epochDayOf(Date.now()))
    const ageingMs = performance.now() - startMs
    if (ageing.total.length !== 0) throw new Error('everything was paid: nothing should age')
    return { kind, oneByOne, imported, proposeMs, recordMs, ageingMs }
  } finally {
    await services.inventory.stop()
    await services.purchasing.scorecards.idle()
    await testDb.cleanup()
  }
}

const results = []
for (const kind of await storeKinds()) results.push(await run(kind))
console.log(`${fmt(invoices)} invoices each way over ${fmt(poCount)} received PO lines, ${concurrency} in flight one at a time; one run over the ${fmt(2 * invoices)} invoices' instalments\n`)
printAligned(
  ['store', 'one at a time/s', 'imported/s', 'import / one', 'propose run ms', 'record payment ms', 'ageing ms'],
  results.map((r) => [r.kind, fmt(r.oneByOne), fmt(r.imported), (r.imported / r.oneByOne).toFixed(2), r.proposeMs.toFixed(0), r.recordMs.toFixed(0), r.ageingMs.toFixed(1)]),
)
console.log(`payables: ${results.map((r) => `${r.kind} invoices_per_s=${fmt(r.oneByOne)} import_per_s=${fmt(r.imported)} import_ratio=${(r.imported / r.oneByOne).toFixed(2)} run_ms=${r.proposeMs.toFixed(0)} record_ms=${r.recordMs.toFixed(0)}`).join(' | ')}`)
