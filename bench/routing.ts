/**
 * How fast orders are routed. ROUTING_NODES (50) nodes over five regions, ROUTING_SKUS (10,000)
 * SKUs each stocked at a handful of nodes (popular SKUs at more, in larger quantities), one web
 * channel selling from every node under a realistic routing profile (capability, any supply,
 * capacity left; earliest delivery, fewest shipments, lowest cost, distance; at most two
 * splits), shipping zones between the regions. ROUTING_ORDERS (100,000) orders of 1–5 lines, SKUs
 * drawn by popularity, placed through `Orders.place` with ROUTING_IN_FLIGHT outstanding, on SQLite
 * and then PostgreSQL. Reports orders/s and the routing decision's time per order (every line's
 * option at every candidate, the router and its explanation), measured inside the engine batch.
 *
 *   npm run bench:routing
 *   ROUTING_ORDERS=20000 npm run bench:routing     (quick)
 */
import pino from 'pino'
import { closeServices, createServices, type Services } from '../src/services.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { unwrap } from '../src/kernel/result.ts'
import { benchDb, envInt, fmt, percentile } from './support.ts'

const config = {
  nodes: envInt('ROUTING_NODES', 50),
  skus: envInt('ROUTING_SKUS', 10_000),
  orders: envInt('ROUTING_ORDERS', 100_000),
  inFlight: envInt('ROUTING_IN_FLIGHT', 1_000),
  stores: (process.env.ROUTING_STORES ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>,
}

const regions = [
  { region: 'east', latitude: 31.23, longitude: 121.47 }, { region: 'north', latitude: 39.9, longitude: 116.4 },
  { region: 'south', latitude: 23.13, longitude: 113.26 }, { region: 'west', latitude: 30.57, longitude: 104.07 },
  { region: 'central', latitude: 30.59, longitude: 114.3 },
]

/** A deterministic generator, so both stores see the same world and the same orders. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Popularity: SKU i is drawn with weight 1/(i+1) (Zipf), as sales are. */
function zipf(n: number, rand: () => number) {
  const cumulative = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1)
  return () => {
    const x = rand() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

async function seed(services: Services) {
  const rand = random(7)
  const { catalogue, inventory, routing } = services
  const nodeCodes: string[] = []
  for (let i = 0; i < config.nodes; i++) {
    const r = regions[i % regions.length]
    const code = `N${String(i).padStart(2, '0')}`
    nodeCodes.push(code)
    unwrap(await catalogue.createNode({
      code, name: `Node ${i}`, kind: i % 5 === 4 ? 'store' : 'warehouse', region: r.region,
      latitude: r.latitude + (rand() - 0.5) * 3, longitude: r.longitude + (rand() - 0.5) * 3, capabilities: ['ship'], handlingTimeHours: 24,
      fulfilment: { cutoffs: { ship: '23:59' }, capacity: { ship: { lines: 50_000, units: null } }, pickPackCost: { perShipment: 200 + Math.floor(rand() * 300), perUnit: 20 } },
    }))
  }
  const nodeIds = (await catalogue.listNodes()).map((n) => n.id)
  unwrap(await catalogue.createChannel({ code: 'web', name: 'Web', kind: 'web', nodeIds }))
  unwrap(await routing.setShipping({
    regions,
    zones: [
      ...regions.map((r) => ({ from: r.region, to: r.region, serviceLevel: 'standard', transitDays: 1, cost: 600 })),
      { from: '*', to: '*', serviceLevel: 'standard', transitDays: 3, cost: 1400 },
    ],
  }))
  unwrap(await routing.setProfile('default', {
    filters: [{ kind: 'capability' }, { kind: 'available_within', days: null }, { kind: 'capacity_left' }],
    sort: [{ kind: 'earliest_delivery' }, { kind: 'fewest_shipments' }, { kind: 'lowest_cost' }, { kind: 'distance' }],
    maxSplits: 2, splitPenalty: 800, whenNothingFits: 'refuse',
  }, 'bench'))
  const skuIds: string[] = []
  const receipts: Array<Promise<unknown>> = []
  for (let i = 0; i < config.skus; i++) {
    const skuId = unwrap(await catalogue.createSku({ code: `S${String(i).padStart(5, '0')}`, name: `SKU ${i}` })).id
    skuIds.push(skuId)
    // Popular SKUs sit at more nodes and in larger quantities.
    const at = Math.max(2, Math.min(config.nodes, Math.round(20 / Math.sqrt(i + 1)) + 2 + Math.floor(rand() * 4)))
    const quantity = Math.max(5, Math.round(20_000 / (i + 1)))
    const start = Math.floor(rand() * config.nodes)
    for (let k = 0; k < at; k++) {
      receipts.push(inventory.submit({ kind: 'receive', skuId, nodeId: nodeIds[(start + k * 7) % config.nodes], quantity, reason: 'opening stock', reference: null, actor: 'bench' }))
    }
    if (receipts.length >= 2000) await Promise.all(receipts.splice(0))
  }
  await Promise.all(receipts)
  return { skuCodes: skuIds.map((_id, i) => `S${String(i).padStart(5, '0')}`) }
}

async function run(store: 'sqlite' | 'postgres') {
  const testDb = await benchDb(store, 10)
  const services = createServices(testDb.db, systemClock, pino({ level: process.env.LOG_LEVEL ?? 'warn' }), { maxBatch: 1024 })
  try {
    const seeded = performance.now()
    const { skuCodes } = await seed(services)
    process.stderr.write(`  ${store}: seeded ${fmt(config.nodes)} nodes, ${fmt(config.skus)} SKUs in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`)
    const decisions: number[] = []
    services.routing.onDecision((ms) => decisions.push(ms))
    const rand = random(11)
    const pick = zipf(skuCodes.length, rand)
    const orders = Array.from({ length: config.orders }, () => {
      const lines = new Map<string, number>()
      const count = 1 + Math.floor(rand() * 5)
      while (lines.size < count) lines.set(skuCodes[pick()], 1 + Math.floor(rand() * 2))
      return { region: regions[Math.floor(rand() * regions.length)].region, lines: [...lines].map(([sku, quantity]) => ({ sku, quantity, unitPrice: 1000 })) }
    })
    let next = 0
    let placed = 0
    let refused = 0
    let unrouted = 0
    let lastReport = performance.now()
    const started = performance.now()
    await Promise.all(Array.from({ length: config.inFlight }, async () => {
      while (next < orders.length) {
        const i = next++
        const o = orders[i]
        const { result } = await services.orders.place({ by: { actor: 'bench', role: 'admin' }, channel: 'web', customerId: `c${i}`, lines: o.lines, fulfilment: { method: 'ship', region: o.region } })
        if (result.ok) placed++
        else if (result.code === 'no_route') unrouted++
        else if (['insufficient_stock', 'insufficient_supply'].includes(result.code)) refused++
        else throw new Error(`${result.code}: ${result.detail}`)
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now()
          process.stderr.write(`  ${store}: ${fmt(i)} of ${fmt(orders.length)} orders (${fmt(i / ((performance.now() - started) / 1000))}/s)\n`)
        }
      }
    }))
    const seconds = (performance.now() - started) / 1000
    const sorted = decisions.sort((a, b) => a - b)
    console.log(`${store}: ${fmt(orders.length)} orders in ${seconds.toFixed(1)} s (${fmt(orders.length / seconds)}/s): ${fmt(placed)} placed, ${fmt(refused)} refused for want of stock, ${fmt(unrouted)} refused by the profile (more than two splits); ` +
      `routing decision p50 ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms over ${fmt(sorted.length)} decisions`)
    return { perSecond: orders.length / seconds, p99: percentile(sorted, 99) }
  } finally {
    await closeServices(services)
    await testDb.cleanup().catch(() => undefined)
  }
}

console.log(`Routing benchmark: ${fmt(config.nodes)} nodes, ${fmt(config.skus)} SKUs, ${fmt(config.orders)} orders of 1–5 lines, ${fmt(config.inFlight)} in flight`)
const results: Record<string, { perSecond: number; p99: number }> = {}
for (const store of config.stores) results[store] = await run(store)
const p99 = Math.max(...Object.values(results).map((r) => r.p99))
console.log(`routing: orders=${config.orders} per_s_sqlite=${Math.round(results.sqlite?.perSecond ?? 0)} per_s_pg=${Math.round(results.postgres?.perSecond ?? 0)} p99_ms=${p99.toFixed(2)}`)
