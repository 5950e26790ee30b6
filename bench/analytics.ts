/**
 * The analytics dashboard over ANALYTICS_ORDERS (default 1,000,000) orders placed over 90 days,
 * on three channels and twenty SKUs, on SQLite and PostgreSQL: the projector catches up from the
 * outbox (its rate printed as it goes), then ANALYTICS_REQUESTS (default 300) dashboard requests
 * (periods 7/30/90 × every channel or one) go to a real server listening on a port, one at a time,
 * and their latencies are printed.
 *
 * How the orders are made: the first ANALYTICS_LIVE_ORDERS (default 2,000) go through the real
 * services in-process (placed through the engine, paid, shipped, a few cancelled), the rest are
 * seeded in bulk through the owning contexts' own writers, because a million one-transaction
 * payments and shipments would take the run hours: the orders context's placed-order and
 * placed-line sinks write the orders and lines in their final state (shipped, cancelled, or open
 * against future supply), the events context's `publish` writes their `order.changed` events
 * (place, pay, ship, cancel) at the times they would have happened, and the supply context's
 * `writeSlots` the slot the open lines are promised on. Order timelines are not written for the
 * bulk orders (the projector does not read them). The projector then reads exactly what the live
 * path would have left in the outbox.
 *
 *   npm run bench:analytics
 *   ANALYTICS_ORDERS=20000 ANALYTICS_STORES=sqlite npm run bench:analytics   (quick)
 */
import pino from 'pino'
import type { AddressInfo } from 'node:net'
import { createServices, type Services } from '../src/services.ts'
import { buildApp } from '../src/http/app.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { newId } from '../src/kernel/ids.ts'
import { unwrap } from '../src/kernel/result.ts'
import { placedLineSink, placedOrderSink, recordPayment, type Order, type OrderLine, type PlacedLine, type PlacedOrder } from '../src/orders/index.ts'
import { publish, type DomainEvent } from '../src/events/index.ts'
import { writeSlots } from '../src/supply/index.ts'
import type { AllocationRule } from '../src/promising/index.ts'
import { storeKinds } from '../src/store/testing.ts'
import { Analytics } from '../src/analytics/index.ts'
import { benchDb, envInt, fmt, percentile, printAligned } from './support.ts'

const config = {
  orders: envInt('ANALYTICS_ORDERS', 1_000_000),
  liveOrders: envInt('ANALYTICS_LIVE_ORDERS', 2_000),
  requests: envInt('ANALYTICS_REQUESTS', 300),
  batchSize: envInt('ANALYTICS_BATCH', 2_000),
  stores: (process.env.ANALYTICS_STORES ?? 'sqlite,postgres').split(','),
}
const dayMs = 86_400_000
const skuCount = 20
const chunkOrders = 1_000
const backorderSlot = 'slot_bench_backorders'

/** A small deterministic generator, so both stores get the same history. */
function randomOf(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s
  }
}

interface World { channelIds: string[]; channelCodes: string[]; skuIds: string[]; nodeId: string; adminToken: string }

async function seedWorld(services: Services): Promise<World> {
  const node = unwrap(await services.catalogue.createNode({ code: 'WH', name: 'DC', kind: 'warehouse', region: 'east' }))
  const channelCodes = ['web', 'app', 'pos']
  const channelIds: string[] = []
  for (const code of channelCodes) channelIds.push(unwrap(await services.catalogue.createChannel({ code, name: code, kind: 'web', nodeIds: [node.id] })).id)
  const skuIds: string[] = []
  for (let i = 0; i < skuCount; i++) {
    const sku = unwrap(await services.catalogue.createSku({ code: `SKU-${i}`, name: `Sneaker ${i}` }))
    skuIds.push(sku.id)
    const { result } = await services.inventory.submit({ kind: 'receive', skuId: sku.id, nodeId: node.id, quantity: 1_000_000, reason: 'bench stock', reference: null, actor: 'bench' })
    if (!result.ok) throw new Error(result.detail)
  }
  unwrap(await services.suppliers.create({ code: 'S1', name: 'Supplier', currency: 'CNY', defaultLeadTimeDays: 7, paymentTerms: { kind: 'net', days: 30 } }, 'bench'))
  const admin = unwrap(await services.tokens.create({ name: 'bench admin', role: 'admin' }))
  return { channelIds, channelCodes, skuIds, nodeId: node.id, adminToken: admin.token }
}

const stockRule: AllocationRule = {
  stock: true, virtual: true, virtualLeadDays: 0, slotKinds: [], slotIds: null, unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null,
}

/** Orders through the real services: placed through the engine (100 at a time), paid, then shipped or cancelled. */
async function liveOrders(services: Services, w: World, count: number): Promise<void> {
  const next = randomOf(7)
  for (let i = 0; i < count; i += 100) {
    const nowMs = services.clock.nowMs()
    const placed = await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => {
      const r = next()
      const quantity = 1 + (r % 3)
      return services.orders.submit({
        order: {
          id: newId('ord'), channelId: w.channelIds[r % 3], customerId: `cus_${r % 5000}`, campaignId: null, status: 'pending_payment', currency: 'CNY',
          fulfilment: { method: 'ship', region: 'east' }, payment: { kind: 'full' }, total: 19_900 * quantity, paid: 0, refunded: 0, dueAtMs: null,
          reference: null, placedAtMs: nowMs, updatedAtMs: nowMs,
        },
        lines: [{ skuId: w.skuIds[(r >>> 3) % skuCount], nodeIds: [w.nodeId], quantity, unitPrice: 19_900, rule: stockRule, priorityClass: 0 }],
        calendar: { handlingDays: () => 1, transitDays: () => 1 },
        actor: 'bench',
      })
    }))
    for (const { result } of placed) {
      const order = unwrap(result)
      if (next() % 20 === 0) {
        unwrap(await services.orders.act(order.id, 'cancel', { actor: 'bench', party: 'merchant' }))
        continue
      }
      unwrap(await recordPayment(services.orders, order.id, { kind: 'payment', amount: order.total, currency: 'CNY', providerRef: `bench-${order.id}` }, 'bench', { actor: 'bench', party: 'provider' }))
      unwrap(await services.orders.act(order.id, 'ship', { actor: 'bench', party: 'merchant' }))
    }
  }
}

const shipRule = { stock: true, virtual: true, virtualLeadDays: 0, slotKinds: ['po_confirmed'] as Array<'po_confirmed'>, slotIds: null, unconfirmedBufferDays: 0 }

/**
 * The bulk of the history: chunks of 1,000 orders placed at one instant each, spread evenly over
 * the 90 days but the last three; 88 % shipped 0–3 days after placement (promised for day 2),
 * 6 % cancelled, 6 % still open, promised from a purchase order's supply.
 */
async function bulkOrders(services: Services, w: World, count: number): Promise<void> {
  const next = randomOf(11)
  const nowMs = services.clock.nowMs()
  // From the first day of a 90-day period to three days before today, so every shipment has happened by now.
  const firstMs = Math.floor(nowMs / dayMs) * dayMs - 89 * dayMs + 3_600_000
  const chunks = Math.ceil(count / chunkOrders)
  let backorderUnits = 0
  let lastPrint = performance.now()
  for (let c = 0; c < chunks; c++) {
    const placedAtMs = firstMs + Math.floor((c * 86 * dayMs) / chunks)
    const size = Math.min(chunkOrders, count - c * chunkOrders)
    const orders: PlacedOrder[] = []
    const lines: PlacedLine[] = []
    const events = new Map<number, DomainEvent[]>()
    const at = (ms: number, e: DomainEvent) => (events.get(ms) ?? events.set(ms, []).get(ms)!).push(e)
    const changed = (o: Order, action: string, status: string, kind: string): DomainEvent =>
      ({ topic: 'order.changed', subject: o.id, payload: { orderId: o.id, channelId: o.channelId, customerId: o.customerId, status, action, events: [kind] } })
    for (let i = 0; i < size; i++) {
      const r = next()
      const quantity = 1 + (r % 3)
      const outcome = (r >>> 4) % 100
      const status = outcome < 88 ? 'shipped' : outcome < 94 ? 'cancelled' : 'paid'
      const shipDays = (r >>> 12) % 4
      const dayStart = Math.floor(placedAtMs / dayMs) * dayMs
      const order: Order = {
        id: newId('ord'), channelId: w.channelIds[r % 3], customerId: `cus_${r % 50_000}`, campaignId: null, status: status as Order['status'], currency: 'CNY',
        fulfilment: { method: 'ship', region: 'east' }, payment: { kind: 'full' }, total: 19_900 * quantity, paid: status === 'cancelled' ? 0 : 19_900 * quantity,
        refunded: 0, dueAtMs: null, reference: null, placedAtMs, updatedAtMs: placedAtMs, lines: [],
      }
      const open = status === 'paid'
      if (open) backorderUnits += quantity
      const line: OrderLine = {
        lineNo: 1, skuId: w.skuIds[(r >>> 8) % skuCount], nodeId: w.nodeId, quantity, unitPrice: 19_900,
        allocation: open
          ? { stockQuantity: 0, parts: [{ source: backorderSlot, kind: 'po_confirmed', quantity, availableAtMs: nowMs + 10 * dayMs }], unallocated: 0 }
          : { stockQuantity: quantity, parts: [{ source: 'stock', kind: 'stock', quantity, availableAtMs: dayStart }], unallocated: 0 },
        rule: shipRule, shipByMs: dayStart + 2 * dayMs, deliverByMs: dayStart + 3 * dayMs, firstShipByMs: dayStart + 2 * dayMs, priorityClass: 0, placedAtMs,
        status: status === 'shipped' ? 'shipped' : status === 'cancelled' ? 'cancelled' : 'open', shippedQuantity: 0, deliveredAtMs: null, firstDeliverByMs: dayStart + 3 * dayMs, firstNodeId: w.nodeId,
      }
      order.lines.push(line)
      orders.push({ order, idemKey: null, requestHash: null })
      lines.push({ order, line })
      at(placedAtMs, changed(order, 'place', 'pending_payment', 'placed'))
      if (status === 'cancelled') {
        at(placedAtMs + 3_600_000, changed(order, 'cancel', 'cancelled', 'cancelled'))
        continue
      }
      at(placedAtMs + 60_000, changed(order, 'pay', 'paid', 'paid'))
      if (status === 'shipped') at(placedAtMs + shipDays * dayMs + 7_200_000, changed(order, 'ship', 'shipped', 'shipped'))
    }
    await services.db.tx(async (tx) => {
      await placedOrderSink.write(tx, orders)
      await placedLineSink.write(tx, lines)
      for (const [ms, list] of events) await publish(tx, list, ms)
    })
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now()
      console.log(`  seeded ${fmt((c + 1) * chunkOrders)} orders`)
    }
  }
  await services.db.tx((tx) => writeSlots(tx, [{
    id: backorderSlot, skuId: w.skuIds[0], nodeId: w.nodeId, kind: 'po_confirmed', quantity: backorderUnits, promised: backorderUnits,
    availableAtMs: nowMs + 10 * dayMs, refId: null, supplierId: null,
  }], nowMs))
  // Only the tables the projector reads: a bare ANALYZE would visit every schema of the database.
  if (services.db.dialect === 'postgres') for (const table of ['orders', 'order_lines', 'outbox']) await services.db.run(`ANALYZE ${table}`)
}

interface StoreResult { kind: string; events: number; projectSeconds: number; p50: number; p99: number; max: number; mean: number }

async function timeDashboard(url: string, w: World): Promise<number[]> {
  const periods = [7, 30, 90]
  const channels = [null, ...w.channelCodes]
  const headers = { authorization: `Bearer ${w.adminToken}` }
  const get = async (i: number) => {
    const period = periods[i % periods.length]
    const channel = channels[Math.floor(i / periods.length) % channels.length]
    const started = performance.now()
    const res = await fetch(`${url}/v1/analytics/dashboard?periodDays=${period}${channel ? `&channel=${channel}` : ''}`, { headers })
    const body = await res.json() as { sales?: { totals: { orders: number } } }
    if (res.status !== 200 || !body.sales) throw new Error(`dashboard answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    return performance.now() - started
  }
  for (let i = 0; i < 20; i++) await get(i) // warm-up: connections, prepared statements, the supplier scorecard
  const latencies: number[] = []
  for (let i = 0; i < config.requests; i++) latencies.push(await get(i))
  return latencies
}

async function run(kind: 'sqlite' | 'postgres'): Promise<StoreResult> {
  console.log(`\n${kind}: seeding ${fmt(config.orders)} orders`)
  const testDb = await benchDb(kind)
  const clock = new ManualClock(Date.UTC(2026, 10, 30, 12))
  const services = createServices(testDb.db, clock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  const app = await buildApp(services)
  try {
    const w = await seedWorld(services)
    const live = Math.min(config.liveOrders, config.orders)
    const seedStarted = performance.now()
    await liveOrders(services, w, live)
    const liveSeconds = (performance.now() - seedStarted) / 1000
    console.log(`  ${fmt(live)} orders through the services (placed, paid, shipped or cancelled) in ${liveSeconds.toFixed(1)} s`)
    await bulkOrders(services, w, config.orders - live)
    console.log(`  ${fmt(config.orders - live)} orders seeded in bulk in ${((performance.now() - seedStarted) / 1000 - liveSeconds).toFixed(1)} s`)

    const projector = new Analytics(services.db, clock, { events: services.events, suppliers: services.suppliers, catalogue: services.catalogue }, { pollIntervalMs: 0, batchSize: config.batchSize })
    const started = performance.now()
    let lastPrint = started
    const { events } = await projector.catchUp((n) => {
      if (performance.now() - lastPrint < 5000) return
      lastPrint = performance.now()
      console.log(`  projector: ${fmt(n)} events, ${fmt(n / ((lastPrint - started) / 1000))} events/s`)
    })
    const projectSeconds = (performance.now() - started) / 1000
    console.log(`  projector caught up: ${fmt(events)} events in ${projectSeconds.toFixed(1)} s (${fmt(events / projectSeconds)} events/s)`)

    const dash = await services.analytics.figures({ periodDays: 90, channelId: null, groups: ['sales'] })
    const total = (dash.sales?.totals.orders ?? 0)
    if (total !== config.orders) throw new Error(`${kind}: the rollups count ${total} orders over 90 days, expected ${config.orders}`)

    await app.listen({ host: '127.0.0.1', port: 0 })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const latencies = (await timeDashboard(url, w)).sort((a, b) => a - b)
    return {
      kind, events, projectSeconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1],
      mean: latencies.reduce((s, x) => s + x, 0) / latencies.length,
    }
  } finally {
    await app.close()
    await services.analytics.stop()
    await services.inventory.stop()
    await services.orders.stop()
    await services.purchasing.scorecards.idle()
    await testDb.cleanup()
  }
}

const results = new Map<string, StoreResult>()
for (const kind of await storeKinds()) if (config.stores.includes(kind)) results.set(kind, await run(kind))
console.log(`\nDashboard over ${fmt(config.orders)} orders (90 days, 3 channels, ${skuCount} SKUs): ${fmt(config.requests)} requests over HTTP, one at a time, periods 7/30/90 × all channels or one\n`)
printAligned(['store', 'events', 'projector events/s', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'], [...results.values()].map((r) => [
  r.kind, fmt(r.events), fmt(r.events / r.projectSeconds), r.p50.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.mean.toFixed(1),
]))
const p99 = (kind: string) => (results.has(kind) ? String(Math.round(results.get(kind)!.p99)) : 'n/a')
console.log(`analytics: orders=${config.orders} p99_ms_sqlite=${p99('sqlite')} p99_ms_pg=${p99('postgres')}`)
