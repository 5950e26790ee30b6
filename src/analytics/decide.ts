/**
 * The projector's pure rule: a page of outbox events and the orders they are about become
 * counter deltas per day × channel, pickup ready times per day × channel × bucket, units shipped
 * per day × channel × SKU, and the open backorder lines of every order touched (returns' own
 * events are counted by returns.ts). No I/O: the service loads, calls this, and writes the
 * result with the cursor in one transaction.
 */
import type { FeedEvent } from '../events/index.ts'
import type { Order, OrderLine } from '../orders/index.ts'
import { pickupReadyBucketOf, zeroCounters, type BackorderLine, type DailyCounters, type PickupReadyCount, type PromiseSource, type ReturnUnitsRow } from './model.ts'

const dayMs = 86_400_000
export const dayStartOf = (ms: number): number => Math.floor(ms / dayMs) * dayMs

/** Presale when the order belongs to a campaign or a part is campaign quota; future when any unit waits for supply; else the shelf. */
export function sourceOf(order: Pick<Order, 'campaignId'>, line: Pick<OrderLine, 'allocation'>): PromiseSource {
  const { parts, unallocated } = line.allocation
  if (order.campaignId !== null || parts.some((p) => p.kind === 'presale')) return 'presale'
  if (unallocated > 0 || parts.some((p) => p.source !== 'stock' && p.source !== 'virtual')) return 'future'
  return 'stock'
}

/** A backorder: an open line promised from future supply (presale lines wait for their campaign, not for supply, and are not counted). */
export const isBackorder = (order: Order, line: OrderLine): boolean => line.status === 'open' && sourceOf(order, line) === 'future'

/** Counter deltas by `<dayMs>|<channelId>`. */
export type DailyDeltas = Map<string, DailyCounters>

export interface Projection {
  deltas: DailyDeltas
  /** Orders whose backorder lines are replaced by `backorders` (their current open future-supply lines). */
  touchedOrderIds: string[]
  backorders: BackorderLine[]
  /** Pickups made ready in these events, by day × channel × ready-time bucket. */
  pickupReady: PickupReadyCount[]
  /** Units shipped per day × channel × SKU (units sold, for the return rate by SKU and supplier). */
  skuUnits: SkuUnits
}

/** Units sold and returned by `<dayMs>|<channelId>|<skuId>`. */
export type SkuUnits = Map<string, ReturnUnitsRow>

/** Adds units sold or returned of a SKU on the day of `atMs` in a channel. */
export function addSkuUnits(units: SkuUnits, atMs: number, channelId: string, skuId: string, change: { unitsSold?: number; unitsReturned?: number }): void {
  const dayMs = dayStartOf(atMs)
  const key = `${dayMs}|${channelId}|${skuId}`
  const row = units.get(key) ?? { dayMs, channelId, key: skuId, unitsSold: 0, unitsReturned: 0 }
  units.set(key, { ...row, unitsSold: row.unitsSold + (change.unitsSold ?? 0), unitsReturned: row.unitsReturned + (change.unitsReturned ?? 0) })
}

export const deltaKey = (dayMs: number, channelId: string): string => `${dayMs}|${channelId}`

/** Adds counters to the row of the day of `atMs` in a channel. */
export function add(deltas: DailyDeltas, atMs: number, channelId: string, change: Partial<DailyCounters>): void {
  const key = deltaKey(dayStartOf(atMs), channelId)
  let row = deltas.get(key)
  if (!row) deltas.set(key, (row = zeroCounters()))
  for (const [name, n] of Object.entries(change) as Array<[keyof DailyCounters, number]>) row[name] += n
}

interface OrderChangedPayload { orderId: string; channelId: string; action: string; events?: string[]; linesShipped?: number[]; linesDelivered?: number[] }
interface OrderDelayedPayload { orderId: string; channelId: string; compensation?: { amountMinor?: unknown } | null }
interface ShipmentChangedPayload { shipmentId: string; channelId: string; nodeId?: string; status: string; action: string; events?: string[] }

/** How a dropship shipment was made (fulfilment's `shipmentsMade`): a request is one made for its order, not split or re-routed from another. */
export interface DropshipShipmentMade { createdAtMs: number; splitFromId: string | null; linesMade: number; rerouted: boolean }

/** What the projector knows of dropship for a page of events: the dropship nodes, and how the dropship shipments in it were made. */
export interface DropshipFacts {
  nodeIds: ReadonlySet<string>
  shipments: ReadonlyMap<string, DropshipShipmentMade>
}

const noDropship: DropshipFacts = { nodeIds: new Set(), shipments: new Map() }

/** The outbox topics the projector reads. */
export const projectedTopics = ['order.', 'shipment.changed', 'return.changed']

const cancelActions = new Set(['expire', 'forfeit', 'cancel', 'cancel_for_delay'])

/**
 * What `events` add to the rollups, given the orders they name as they are now, when the
 * shipments made ready in them were made (`shipmentCreatedMs`, by shipment id) and what is known
 * of dropship (`dropship`: the dropship nodes, how the dropship shipments named were made).
 */
export function project(
  events: readonly FeedEvent[], orders: ReadonlyMap<string, Order>, shipmentCreatedMs: ReadonlyMap<string, number> = new Map(), dropship: DropshipFacts = noDropship,
): Projection {
  const deltas: DailyDeltas = new Map()
  const ready = new Map<string, PickupReadyCount>()
  const touched = new Set<string>()
  const skuUnits: SkuUnits = new Map()
  for (const e of events) {
    const atMs = Date.parse(e.at)
    if (e.topic === 'shipment.changed') {
      const p = e.payload as ShipmentChangedPayload
      if (p.nodeId !== undefined && dropship.nodeIds.has(p.nodeId)) projectDropship(deltas, p, atMs, dropship.shipments)
      else projectPickup(deltas, ready, p, atMs, shipmentCreatedMs)
    } else if (e.topic === 'order.changed') {
      const p = e.payload as OrderChangedPayload
      touched.add(p.orderId)
      projectChange(deltas, skuUnits, p, atMs, orders.get(p.orderId))
    } else if (e.topic === 'order.delayed') {
      const p = e.payload as OrderDelayedPayload
      touched.add(p.orderId)
      const amount = p.compensation?.amountMinor
      add(deltas, atMs, p.channelId, { delays: 1, compensationMinor: typeof amount === 'number' && Number.isSafeInteger(amount) ? amount : 0 })
    } else if (e.topic.startsWith('order.')) {
      touched.add((e.payload as { orderId: string }).orderId)
    }
  }
  const touchedOrderIds = [...touched]
  const backorders: BackorderLine[] = []
  for (const id of touchedOrderIds) {
    const order = orders.get(id)
    if (!order) continue
    for (const line of order.lines) {
      if (isBackorder(order, line)) {
        backorders.push({ orderId: id, lineNo: line.lineNo, channelId: order.channelId, placedDayMs: dayStartOf(order.placedAtMs), units: line.quantity })
      }
    }
  }
  return { deltas, touchedOrderIds, backorders, pickupReady: [...ready.values()], skuUnits }
}

/** The shipments a page of events makes ready for pickup: the projector loads when each was made. */
export const shipmentsMadeReady = (events: readonly FeedEvent[]): string[] =>
  events.filter((e) => e.topic === 'shipment.changed' && (e.payload as ShipmentChangedPayload).action === 'ready').map((e) => (e.payload as ShipmentChangedPayload).shipmentId)

/** The shipments of a page of events the dropship measures need to know how they were made (at a dropship node: made, or shipped). */
export const dropshipShipmentsNamed = (events: readonly FeedEvent[], dropshipNodeIds: ReadonlySet<string>): string[] =>
  events.filter((e) => e.topic === 'shipment.changed')
    .map((e) => e.payload as ShipmentChangedPayload)
    .filter((p) => p.nodeId !== undefined && dropshipNodeIds.has(p.nodeId) && (p.action === 'create' || p.action === 'reroute' || isShipped(p)))
    .map((p) => p.shipmentId)

const isShipped = (p: ShipmentChangedPayload): boolean => p.action === 'ship' && p.status === 'shipped'

/**
 * A dropship request is a shipment made for its order at a supplier's dropship node (`create`):
 * counted with the lines it asks for on the day it was made. It counts shipped once, on the day
 * its first units shipped (by the supplier, or with the whole order by the merchant), with the
 * time since it was made; a line re-routed there from another node is a request of its own (of
 * one line), the rest of a partial shipment is not. Every line turned down at a dropship node counts
 * on the day it was turned down.
 */
function projectDropship(deltas: DailyDeltas, p: ShipmentChangedPayload, atMs: number, made: ReadonlyMap<string, DropshipShipmentMade>): void {
  if (p.action === 'reject_line') {
    const turnedDown = (p.events ?? []).filter((kind) => kind === 'line_rejected').length
    if (turnedDown > 0) add(deltas, atMs, p.channelId, { dropshipLinesTurnedDown: turnedDown })
    return
  }
  const s = made.get(p.shipmentId)
  if (!s || (s.splitFromId !== null && !s.rerouted)) return
  if (p.action === 'create' || p.action === 'reroute') return add(deltas, atMs, p.channelId, { dropshipRequests: 1, dropshipLinesRequested: s.linesMade })
  if (isShipped(p)) add(deltas, atMs, p.channelId, { dropshipShipped: 1, dropshipShipMs: Math.max(0, atMs - s.createdAtMs) })
}

/**
 * A pickup made ready counts its ready time (from its shipment's creation: for a shipment made
 * when its order was paid, the time since payment) on the day it was made ready; a pickup
 * collected or expired counts on the day it ended. The rest of a partial collection stays ready
 * as a new shipment: it is not made ready again, but it ends (collected or expired) on its own.
 */
function projectPickup(deltas: DailyDeltas, ready: Map<string, PickupReadyCount>, p: ShipmentChangedPayload, atMs: number, createdMs: ReadonlyMap<string, number>): void {
  if (p.action === 'collect' && p.status === 'collected') return add(deltas, atMs, p.channelId, { pickupsCollected: 1 })
  if (p.action === 'expire' && p.status === 'expired') return add(deltas, atMs, p.channelId, { pickupsExpired: 1 })
  const created = createdMs.get(p.shipmentId)
  if (p.action !== 'ready' || created === undefined) return
  const waitMs = Math.max(0, atMs - created)
  add(deltas, atMs, p.channelId, { pickupsReady: 1, pickupReadyMs: waitMs })
  const day = dayStartOf(atMs)
  const bucket = pickupReadyBucketOf(waitMs)
  const key = `${day}|${p.channelId}|${bucket}`
  const row = ready.get(key) ?? { dayMs: day, channelId: p.channelId, bucket, pickups: 0 }
  ready.set(key, { ...row, pickups: row.pickups + 1 })
}

function projectChange(deltas: DailyDeltas, skuUnits: SkuUnits, p: OrderChangedPayload, atMs: number, order: Order | undefined): void {
  switch (p.action) {
    case 'place':
      if (order) projectPlacement(deltas, order)
      return
    case 'ship':
      if (order) projectShipment(deltas, skuUnits, order, atMs, p.linesShipped)
      return
    case 'deliver':
      if (order) projectDelivery(deltas, order, p.linesDelivered)
      return
    case 'release_units':
      // Units given up at a pickup (expired, refused at the counter): a line left with only what was handed over is shipped
      // (and delivered), an order left with nothing is cancelled.
      if (order && p.linesShipped) projectShipment(deltas, skuUnits, order, atMs, p.linesShipped)
      if (order && p.linesDelivered) projectDelivery(deltas, order, p.linesDelivered)
      if (p.events?.includes('cancelled')) add(deltas, atMs, p.channelId, { ordersCancelled: 1, depositsForfeited: 0 })
      return
    case 'pay_deposit':
      return add(deltas, atMs, p.channelId, { depositsPaid: 1 })
    case 'pay_balance':
      return add(deltas, atMs, p.channelId, { balancesPaid: 1 })
  }
  if (cancelActions.has(p.action)) add(deltas, atMs, p.channelId, { ordersCancelled: 1, depositsForfeited: p.action === 'forfeit' ? 1 : 0 })
}

function projectPlacement(deltas: DailyDeltas, order: Order): void {
  const change: Partial<DailyCounters> = {
    ordersPlaced: 1, linesPlaced: 0, unitsPlaced: 0, linesFromStock: 0, linesFromFuture: 0, linesFromPresale: 0,
    ordersSplit: new Set(order.lines.map((l) => l.firstNodeId)).size > 1 ? 1 : 0,
  }
  for (const line of order.lines) {
    change.linesPlaced! += 1
    change.unitsPlaced! += line.quantity
    const source = sourceOf(order, line)
    if (source === 'stock') change.linesFromStock! += 1
    else if (source === 'future') change.linesFromFuture! += 1
    else change.linesFromPresale! += 1
  }
  add(deltas, order.placedAtMs, order.channelId, change)
}

/**
 * The lines this change shipped in full (`linesShipped`; an older event without it: every shipped
 * line, as the whole order shipped at once); on time when shipped on or before the first promised ship day.
 */
function projectShipment(deltas: DailyDeltas, skuUnits: SkuUnits, order: Order, atMs: number, linesShipped: number[] | undefined): void {
  const change = { linesShipped: 0, unitsShipped: 0, linesShippedPromised: 0, linesShippedOnTime: 0, linesFilled: 0 }
  const these = linesShipped && new Set(linesShipped)
  for (const line of order.lines) {
    if (line.status !== 'shipped' || (these && !these.has(line.lineNo))) continue
    change.linesShipped += 1
    change.unitsShipped += line.quantity
    addSkuUnits(skuUnits, atMs, order.channelId, line.skuId, { unitsSold: line.quantity })
    if (line.nodeId === line.firstNodeId) change.linesFilled += 1
    if (line.firstShipByMs === null) continue
    change.linesShippedPromised += 1
    if (dayStartOf(atMs) <= dayStartOf(line.firstShipByMs)) change.linesShippedOnTime += 1
  }
  add(deltas, atMs, order.channelId, change)
}

/**
 * The lines this change delivered (`linesDelivered`), each on the day it was delivered (a carrier
 * may report it later); on time when delivered on or before the first promised delivery day.
 */
function projectDelivery(deltas: DailyDeltas, order: Order, linesDelivered: number[] | undefined): void {
  const these = new Set(linesDelivered ?? [])
  for (const line of order.lines) {
    if (line.deliveredAtMs === null || !these.has(line.lineNo)) continue
    const promised = line.firstDeliverByMs !== null
    const onTime = promised && dayStartOf(line.deliveredAtMs) <= dayStartOf(line.firstDeliverByMs!)
    add(deltas, line.deliveredAtMs, order.channelId, { linesDelivered: 1, linesDeliveredPromised: promised ? 1 : 0, linesDeliveredOnTime: onTime ? 1 : 0 })
  }
}
