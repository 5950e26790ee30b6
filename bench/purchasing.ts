/**
 * Purchasing benchmark: goods receipts against purchase orders (PO, receipt, stock movements,
 * supply events and the supplier scorecard in one transaction) next to bare stock receipts
 * through the engine, and the supply view over many open PO lines — on SQLite and PostgreSQL
 * in one run. Sizes: BENCH_POS (open POs, default 500), BENCH_RECEIPTS (default 3000),
 * BENCH_CONCURRENCY (default 32).
 */
import pino from 'pino'
import { createServices, type Services } from '../src/services.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { unwrap } from '../src/kernel/result.ts'
import { supplyView } from '../src/purchasing/supply-view.ts'
import { dayMs, dayStartOf } from '../src/purchasing/model.ts'
import { storeKinds } from '../src/store/testing.ts'
import { benchDb, envInt, fmt, printAligned } from './support.ts'

const poCount = envInt('BENCH_POS', 500)
const receipts = envInt('BENCH_RECEIPTS', 3000)
const concurrency = envInt('BENCH_CONCURRENCY', 32)
const buyer = { actor: 'bench', party: 'buyer' as const }
const receiver = { actor: 'bench', party: 'receiver' as const }

async function seed(services: Services): Promise<{ skuId: string; nodeId: string; poIds: string[] }> {
  const sku = unwrap(await services.catalogue.createSku({ code: 'TEE', name: 'Tee' }))
  const node = unwrap(await services.catalogue.createNode({ code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' }))
  const supplier = await services.suppliers.create({ code: 'S1', name: 'Supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 'bench')
  if (!supplier.ok) throw new Error(supplier.detail)
  const eta = dayStartOf(Date.now()) + 10 * dayMs
  const poIds: string[] = []
  for (let i = 0; i < poCount; i++) {
    const po = (await services.purchasing.create({ supplierId: 'S1', destinationNodeId: node.id, lines: [{ skuId: sku.id, quantity: 1_000_000, unitCost: 100 }] }, buyer)).value
    await services.purchasing.send(po.id, buyer)
    await services.purchasing.confirm(po.id, [{ lineId: po.lines[0].id, quantityAccepted: 1_000_000, eta }], { actor: 'bench', party: 'supplier' })
    poIds.push(po.id)
  }
  return { skuId: sku.id, nodeId: node.id, poIds }
}

/** Runs `total` calls with `concurrency` in flight; returns calls per second overall and per half. */
async function load(total: number, call: (i: number) => Promise<unknown>) {
  let next = 0
  const doneAtMs = new Float64Array(total)
  const startMs = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < total; i = next++) {
      await call(i)
      doneAtMs[i] = performance.now()
    }
  }))
  const sorted = [...doneAtMs].sort((a, b) => a - b)
  const half = sorted[Math.floor(total / 2)]
  const endMs = sorted[total - 1]
  return {
    perSecond: total / ((endMs - startMs) / 1000),
    firstHalf: total / 2 / ((half - startMs) / 1000),
    secondHalf: total / 2 / ((endMs - half) / 1000),
  }
}

async function run(kind: 'sqlite' | 'postgres') {
  const testDb = await benchDb(kind)
  const services = createServices(testDb.db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  try {
    const { skuId, nodeId, poIds } = await seed(services)
    const bare = await load(receipts, async () => {
      const { result } = await services.inventory.submit({ kind: 'receive', skuId, nodeId, quantity: 2, reason: 'bench', reference: null, actor: 'bench' })
      if (!result.ok) throw new Error(result.detail)
    })
    const po = await load(receipts, (i) => services.purchasing.receive(poIds[i % poIds.length], {
      asnId: null, lines: [{ lineId: '1', quantityPassed: 2, quantityFailed: i % 3 === 0 ? 1 : 0, failReason: 'torn' }],
    }, receiver))
    const viewMs: number[] = []
    for (let i = 0; i < 20; i++) {
      const startMs = performance.now()
      const lines = await supplyView(testDb.db, { skuId }, Date.now())
      viewMs.push(performance.now() - startMs)
      if (lines.length !== poCount) throw new Error(`supply view has ${lines.length} lines, expected ${poCount}`)
    }
    viewMs.sort((a, b) => a - b)
    const check = await services.inventory.verify()
    if (check.bucketMismatches.length + check.reservedMismatches.length > 0) throw new Error('ledger does not add up')
    return { kind, bare, po, viewMs: viewMs[10] }
  } finally {
    await services.inventory.stop()
    await services.purchasing.scorecards.idle()
    await testDb.cleanup()
  }
}

const rows = []
for (const kind of await storeKinds()) rows.push(await run(kind))
console.log(`${fmt(receipts)} receipts, ${concurrency} in flight, over ${fmt(poCount)} open POs (one line each); supply view of one SKU with ${fmt(poCount)} open lines\n`)
printAligned(
  ['store', 'bare receipts/s', 'PO receipts/s', 'PO / bare', 'PO 1st half/s', 'PO 2nd half/s', 'supply view ms (median)'],
  rows.map((r) => [r.kind, fmt(r.bare.perSecond), fmt(r.po.perSecond), (r.po.perSecond / r.bare.perSecond).toFixed(3), fmt(r.po.firstHalf), fmt(r.po.secondHalf), r.viewMs.toFixed(1)]),
)
