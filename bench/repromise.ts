/**
 * Re-promising benchmark: one supply change — the supplier moves the ETA of a confirmed PO line
 * five days later — with BENCH_ORDERS (default 100,000) backorders promised against that line,
 * on SQLite and PostgreSQL. Timed: the whole ETA change, in one transaction: the PO, its supply
 * event, the slot, every line re-allocated and re-dated, and a delay record, a customer message,
 * a timeline entry and an `order.delayed` event per line. The backorders are seeded with bulk
 * inserts, not through the engine one by one.
 */
import pino from 'pino'
import { createServices, type Services } from '../src/services.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { newId } from '../src/kernel/ids.ts'
import { unwrap } from '../src/kernel/result.ts'
import { insertMany } from '../src/store/sql.ts'
import { orderColumns, orderLineColumns, orderLineValues, orderValues } from '../src/orders/rows.ts'
import type { Order, OrderLine } from '../src/orders/model.ts'
import { storeKinds } from '../src/store/testing.ts'
import type { Param } from '../src/store/db.ts'
import { benchDb, envInt, fmt, printAligned } from './support.ts'

const orderCount = envInt('BENCH_ORDERS', 100_000)
const dayMs = 86_400_000
const buyer = { actor: 'bench', party: 'buyer' as const }
const supplier = { actor: 'bench-supplier', party: 'supplier' as const }

interface Seeded { poId: string; lineId: string; skuId: string; nodeId: string; etaMs: number }

async function seed(services: Services, clock: ManualClock): Promise<Seeded> {
  const sku = unwrap(await services.catalogue.createSku({ code: 'HOT', name: 'Hot sneaker' }))
  const node = unwrap(await services.catalogue.createNode({ code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' }))
  const channel = unwrap(await services.catalogue.createChannel({ code: 'web', name: 'Web', kind: 'web', nodeIds: [node.id] }))
  unwrap(await services.suppliers.create({ code: 'S1', name: 'Supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 'bench'))
  const todayMs = Math.floor(clock.nowMs() / dayMs) * dayMs
  const etaMs = todayMs + 10 * dayMs
  const po = (await services.purchasing.create({ supplierId: 'S1', destinationNodeId: node.id, lines: [{ skuId: sku.id, quantity: orderCount, unitCost: 100 }] }, buyer)).value
  await services.purchasing.send(po.id, buyer)
  await services.purchasing.confirm(po.id, [{ lineId: po.lines[0].id, quantityAccepted: orderCount, eta: etaMs }], supplier)
  await seedBackorders(services, { skuId: sku.id, nodeId: node.id, channelId: channel.id, slotId: po.lines[0].id, etaMs, nowMs: clock.nowMs() })
  return { poId: po.id, lineId: po.lines[0].id, skuId: sku.id, nodeId: node.id, etaMs }
}

/** One unit each, all promised on the PO line's slot, placed a millisecond apart (first come, first served). */
async function seedBackorders(services: Services, s: { skuId: string; nodeId: string; channelId: string; slotId: string; etaMs: number; nowMs: number }) {
  const rule = { stock: true, virtual: true, virtualLeadDays: 0, slotKinds: ['in_transit', 'po_confirmed'] as Array<'in_transit' | 'po_confirmed'>, slotIds: null, unconfirmedBufferDays: 0 }
  const shipByMs = s.etaMs + dayMs
  const orders: Param[][] = []
  const lines: Param[][] = []
  for (let i = 0; i < orderCount; i++) {
    const placedAtMs = s.nowMs - orderCount + i
    const order: Order = {
      id: newId('ord'), channelId: s.channelId, customerId: `cus_${i}`, campaignId: null, status: 'paid', currency: 'CNY',
      fulfilment: { method: 'ship', region: 'east' }, payment: { kind: 'full' }, total: 19900, paid: 19900, refunded: 0, dueAtMs: null,
      reference: null, placedAtMs, updatedAtMs: placedAtMs, lines: [],
    }
    const line: OrderLine = {
      lineNo: 1, skuId: s.skuId, nodeId: s.nodeId, quantity: 1, unitPrice: 19900,
      allocation: { stockQuantity: 0, parts: [{ source: s.slotId, kind: 'po_confirmed', quantity: 1, availableAtMs: s.etaMs }], unallocated: 0 },
      rule, shipByMs, deliverByMs: shipByMs + dayMs, firstShipByMs: shipByMs, priorityClass: 0, placedAtMs, status: 'open', shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: shipByMs + dayMs, firstNodeId: s.nodeId,
    }
    orders.push(orderValues(order))
    lines.push(orderLineValues(order, line))
  }
  await services.db.tx(async (tx) => {
    await insertMany(tx, 'orders', orderColumns, orders)
    await insertMany(tx, 'order_lines', orderLineColumns, lines)
    await tx.run('UPDATE supply_slots SET promised = ? WHERE id = ?', [orderCount, s.slotId])
  })
  if (services.db.dialect === 'postgres') await services.db.run('ANALYZE')
}

async function count(services: Services, sql: string): Promise<number> {
  return Number((await services.db.get<{ n: number | string }>(sql))?.n ?? 0)
}

async function run(kind: 'sqlite' | 'postgres') {
  const testDb = await benchDb(kind)
  const clock = new ManualClock(Date.UTC(2026, 10, 1))
  const services = createServices(testDb.db, clock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  try {
    const s = await seed(services, clock)
    const startMs = performance.now()
    await services.purchasing.changeEta(s.poId, s.lineId, s.etaMs + 5 * dayMs, 'factory fire', supplier)
    const seconds = (performance.now() - startMs) / 1000
    const delays = await count(services, `SELECT COUNT(*) AS n FROM order_delays WHERE days_late = 5 AND compensation LIKE '%"amountMinor":2500,%'`)
    const messages = await count(services, `SELECT COUNT(*) AS n FROM customer_messages WHERE kind = 'delay'`)
    const events = await count(services, `SELECT COUNT(*) AS n FROM outbox WHERE topic = 'order.delayed'`)
    const moved = await count(services, `SELECT COUNT(*) AS n FROM order_lines WHERE ship_by = ${s.etaMs + 6 * dayMs}`)
    for (const [what, n] of [['delay records', delays], ['messages', messages], ['order.delayed events', events], ['lines re-dated', moved]] as const) {
      if (n !== orderCount) throw new Error(`${kind}: ${n} ${what}, expected ${orderCount}`)
    }
    const check = await services.inventory.verify()
    if (check.bucketMismatches.length + check.reservedMismatches.length > 0) throw new Error(`${kind}: the ledger does not add up`)
    return { kind, seconds }
  } finally {
    await services.inventory.stop()
    await services.orders.stop()
    await services.purchasing.scorecards.idle()
    await testDb.cleanup()
  }
}

const results = new Map<string, number>()
// BENCH_STORES=sqlite (or postgres) runs one store only.
const only = process.env.BENCH_STORES?.split(',')
for (const kind of await storeKinds()) if (!only || only.includes(kind)) results.set(kind, (await run(kind)).seconds)
console.log(`One ETA slip on a PO line with ${fmt(orderCount)} backorders promised against it: re-promise every line and write its delay, message, timeline entry and event\n`)
printAligned(['store', 'seconds', 'lines/s'], [...results].map(([kind, s]) => [kind, s.toFixed(2), fmt(orderCount / s)]))
const secs = (kind: string) => (results.has(kind) ? results.get(kind)!.toFixed(2) : 'n/a')
console.log(`repromise: orders=${orderCount} sqlite_s=${secs('sqlite')} pg_s=${secs('postgres')}`)
