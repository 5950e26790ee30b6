/**
 * A recount of the analytics figures from scratch, through the orders context's public
 * functions (orders, their timelines and delays) and the fulfilment context's (a pickup order's
 * shipments and their events; the shipments at dropship nodes and theirs), written apart from the projector so that the two can disagree:
 * the rollups must equal it after any history.
 */
import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { delaysOf, type Order, type OrderLine } from '../../src/orders/index.ts'

const dayMs = 86_400_000
const dayOf = (ms: number): number => Math.floor(ms / dayMs) * dayMs

export type Counters = Record<string, number>
export type Source = 'stock' | 'future' | 'presale'

/** What a line was promised from, read from its allocation parts. */
export function sourceOfLine(order: Order, line: OrderLine): Source {
  if (order.campaignId !== null || line.allocation.parts.some((p) => p.kind === 'presale')) return 'presale'
  const waits = line.allocation.unallocated > 0 || line.allocation.parts.some((p) => p.source !== 'stock' && p.source !== 'virtual')
  return waits ? 'future' : 'stock'
}

/** Every order, newest first, paged through the service as the API pages. */
export async function allOrders(t: TestApp): Promise<Order[]> {
  const out: Order[] = []
  let before: string | undefined
  for (;;) {
    const page = await t.services.orders.list({}, before, 500)
    out.push(...page)
    if (page.length < 500) return out
    before = page[page.length - 1].id
  }
}

export interface Recount {
  /** `<day>|<channelId>` → counters (only non-zero ones). */
  daily: Map<string, Counters>
  /** `<channelId>|<placedDay>` → [lines, units] of open backorders. */
  backorders: Map<string, [number, number]>
}

/**
 * `sources`: each line's promise source as it was at placement (`<orderId>#<lineNo>`), as the
 * test saw the placed order; lines not in it are classified from their allocation now.
 */
export async function recount(t: TestApp, sources: ReadonlyMap<string, Source> = new Map()): Promise<Recount> {
  const daily = new Map<string, Counters>()
  const bump = (atMs: number, channelId: string, name: string, n = 1) => {
    if (n === 0) return
    const key = `${dayOf(atMs)}|${channelId}`
    const row = daily.get(key) ?? {}
    row[name] = (row[name] ?? 0) + n
    daily.set(key, row)
  }
  const backorders = new Map<string, [number, number]>()
  const nodes = await t.services.catalogue.nodesById()
  for (const order of await allOrders(t)) {
    const ch = order.channelId
    bump(order.placedAtMs, ch, 'ordersPlaced')
    if (new Set(order.lines.map((l) => l.firstNodeId)).size > 1) bump(order.placedAtMs, ch, 'ordersSplit')
    for (const line of order.lines) {
      if (line.deliveredAtMs === null) continue
      bump(line.deliveredAtMs, ch, 'linesDelivered')
      if (line.firstDeliverByMs === null) continue
      bump(line.deliveredAtMs, ch, 'linesDeliveredPromised')
      if (dayOf(line.deliveredAtMs) <= dayOf(line.firstDeliverByMs)) bump(line.deliveredAtMs, ch, 'linesDeliveredOnTime')
    }
    for (const line of order.lines) {
      bump(order.placedAtMs, ch, 'linesPlaced')
      bump(order.placedAtMs, ch, 'unitsPlaced', line.quantity)
      const source = sources.get(`${order.id}#${line.lineNo}`) ?? sourceOfLine(order, line)
      bump(order.placedAtMs, ch, source === 'stock' ? 'linesFromStock' : source === 'future' ? 'linesFromFuture' : 'linesFromPresale')
      if (line.status === 'open' && sourceOfLine(order, line) === 'future') {
        const key = `${ch}|${dayOf(order.placedAtMs)}`
        const [lines, units] = backorders.get(key) ?? [0, 0]
        backorders.set(key, [lines + 1, units + line.quantity])
      }
    }
    for (const entry of await t.services.orders.timeline(order.id, 0, 10_000)) {
      const at = entry.atMs
      switch (entry.kind) {
        case 'shipped':
          for (const line of order.lines.filter((l) => l.status === 'shipped')) {
            bump(at, ch, 'linesShipped')
            bump(at, ch, 'unitsShipped', line.quantity)
            if (line.nodeId === line.firstNodeId) bump(at, ch, 'linesFilled')
            if (line.firstShipByMs === null) continue
            bump(at, ch, 'linesShippedPromised')
            if (dayOf(at) <= dayOf(line.firstShipByMs)) bump(at, ch, 'linesShippedOnTime')
          }
          break
        case 'expired': case 'cancelled': case 'cancelled_for_delay':
          bump(at, ch, 'ordersCancelled')
          break
        case 'forfeited':
          bump(at, ch, 'ordersCancelled')
          bump(at, ch, 'depositsForfeited')
          break
        case 'deposit_paid':
          bump(at, ch, 'depositsPaid')
          break
        case 'balance_paid':
          bump(at, ch, 'balancesPaid')
          break
      }
    }
    if (order.fulfilment.method === 'pickup') {
      for (const s of await t.services.fulfilment.ofOrder(order.id)) {
        const done = await t.services.fulfilment.get(s.id, { actor: 'recount', party: 'merchant' })
        assert.ok(done.ok)
        for (const e of done.value.events) {
          if (e.kind === 'ready_for_pickup') {
            bump(e.atMs, ch, 'pickupsReady')
            bump(e.atMs, ch, 'pickupReadyMs', e.atMs - s.createdAtMs)
          } else if (e.kind === 'collected') bump(e.atMs, ch, 'pickupsCollected')
          else if (e.kind === 'pickup_expired') bump(e.atMs, ch, 'pickupsExpired')
        }
      }
    }
    for (const s of await t.services.fulfilment.ofOrder(order.id)) {
      if (nodes.get(s.nodeId)?.kind !== 'dropship') continue
      const done = await t.services.fulfilment.get(s.id, { actor: 'recount', party: 'merchant' })
      assert.ok(done.ok)
      // A request is a shipment made for its order (not split or re-routed from another), shipped once at its first shipment.
      const isRequest = s.splitFromId === null
      const firstShipped = done.value.events.find((e) => e.kind === 'shipped' || e.kind === 'shipped_with_order')
      for (const e of done.value.events) {
        if (e.kind === 'created' && isRequest) {
          bump(e.atMs, ch, 'dropshipRequests')
          bump(e.atMs, ch, 'dropshipLinesRequested', (e.detail as { lines: unknown[] }).lines.length)
        } else if (e === firstShipped && isRequest) {
          bump(e.atMs, ch, 'dropshipShipped')
          bump(e.atMs, ch, 'dropshipShipMs', e.atMs - s.createdAtMs)
        } else if (e.kind === 'line_rejected') bump(e.atMs, ch, 'dropshipLinesTurnedDown')
      }
    }
    for (const delay of await delaysOf(t.services.db, order.id)) {
      const at = Number(delay.created_at)
      bump(at, ch, 'delays')
      const amount = (JSON.parse(delay.compensation) as { amountMinor?: number }).amountMinor ?? 0
      bump(at, ch, 'compensationMinor', amount)
    }
  }
  return { daily, backorders }
}

/** The rollups as stored, in the recount's shape (zero counters left out). */
export async function rollups(t: TestApp): Promise<Recount> {
  const rows = await t.services.db.all<Record<string, number | string>>('SELECT * FROM analytics_daily')
  const daily = new Map<string, Counters>()
  for (const r of rows) {
    const counters: Counters = {}
    for (const [column, value] of Object.entries(r)) {
      if (column === 'day' || column === 'channel_id' || Number(value) === 0) continue
      counters[column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = Number(value)
    }
    if (Object.keys(counters).length > 0) daily.set(`${Number(r.day)}|${r.channel_id}`, counters)
  }
  type Counted = { channel_id: string; placed_day: number | string; lines: number | string; units: number | string }
  const byDay = (rows: Counted[]) => new Map(rows.map((r): [string, [number, number]] => [`${r.channel_id}|${Number(r.placed_day)}`, [Number(r.lines), Number(r.units)]]))
  const fromLines = byDay(await t.services.db.all<Counted>(
    'SELECT channel_id, placed_day, COUNT(*) AS lines, SUM(units) AS units FROM analytics_backorders GROUP BY channel_id, placed_day'))
  const backorders = byDay(await t.services.db.all<Counted>('SELECT channel_id, placed_day, lines, units FROM analytics_backorder_days WHERE lines <> 0 OR units <> 0'))
  assert.deepEqual(sorted(backorders), sorted(fromLines), 'the count per day equals the open lines kept')
  return { daily, backorders }
}

/** A map as sorted entries, for deepEqual with a readable diff. */
export const sorted = <V>(m: ReadonlyMap<string, V>): Array<[string, V]> => [...m.entries()].sort(([a], [b]) => a.localeCompare(b))
