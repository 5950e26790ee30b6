/**
 * What committed events add to demand history (pure): an order placed adds its units on the day
 * it was placed at the node each line was first routed to (presale units counted as such); an
 * order cancelled, left unpaid or forfeited takes its unshipped units back on that same day, so it
 * never counts twice; one cancelled because it was late is demand the merchant lost; units a
 * return received are shown on the day they came back.
 */
import type { FeedEvent } from '../events/index.ts'
import type { Order } from '../orders/index.ts'
import type { Return, ReturnEvent } from '../returns/index.ts'
import { epochDayOf, type DemandDelta } from './model.ts'

/** The outbox topics the demand projector reads. */
export const demandTopics = ['order.changed', 'return.changed']

/** Actions that end an order before its units shipped: what was not shipped was not, in the end, demand (but see `lostActions`). */
const cancelActions = new Set(['expire', 'forfeit', 'cancel', 'cancel_for_delay'])
/** A customer who cancels because the merchant was late still wanted the goods: lost demand. */
const lostActions = new Set(['cancel_for_delay'])

type OrderChange = { orderId: string; action: string }

export const ordersNamed = (events: readonly FeedEvent[]): string[] =>
  [...new Set(events.filter((e) => e.topic === 'order.changed').map((e) => (e.payload as OrderChange).orderId))]

export const returnsNamed = (events: readonly FeedEvent[]): string[] =>
  [...new Set(events.filter((e) => e.topic === 'return.changed').map((e) => (e.payload as { returnId: string }).returnId))]

/** The deltas of a page of order events, given the orders as they are now. */
export function orderDemand(events: readonly FeedEvent[], orders: ReadonlyMap<string, Order>): DemandDelta[] {
  const deltas: DemandDelta[] = []
  for (const e of events) {
    if (e.topic !== 'order.changed') continue
    const { orderId, action } = e.payload as OrderChange
    const order = orders.get(orderId)
    if (!order) continue
    const day = epochDayOf(order.placedAtMs)
    if (action === 'place') {
      const presale = order.campaignId !== null
      for (const l of order.lines) deltas.push({ skuId: l.skuId, nodeId: l.firstNodeId, day, ordered: l.quantity, presale: presale ? l.quantity : 0 })
    } else if (cancelActions.has(action)) {
      const lost = lostActions.has(action)
      for (const l of order.lines) {
        const units = l.quantity - l.shippedQuantity
        if (units > 0) deltas.push({ skuId: l.skuId, nodeId: l.firstNodeId, day, cancelled: units, lost: lost ? units : 0 })
      }
    }
  }
  return deltas
}

/** The units each return received after `seen` (its last event counted), on the day they came back, at the node first routed to. */
export function returnDemand(
  returns: ReadonlyArray<{ ret: Return; events: readonly ReturnEvent[] }>, seen: ReadonlyMap<string, number>, nodeOfLine: (orderId: string, lineNo: number) => string | undefined,
): { deltas: DemandDelta[]; seen: Array<{ returnId: string; afterEventId: number }> } {
  const deltas: DemandDelta[] = []
  const out: Array<{ returnId: string; afterEventId: number }> = []
  for (const { ret, events } of returns) {
    const fresh = events.filter((e) => e.id > (seen.get(ret.id) ?? 0))
    if (fresh.length === 0) continue
    out.push({ returnId: ret.id, afterEventId: fresh[fresh.length - 1].id })
    for (const e of fresh) {
      if (e.kind !== 'received') continue
      for (const q of listOf(e.detail.lines)) {
        const line = ret.lines.find((l) => l.lineNo === q.lineNo)
        const units = typeof q.quantity === 'number' && Number.isSafeInteger(q.quantity) && q.quantity > 0 ? q.quantity : 0
        const nodeId = line && nodeOfLine(ret.orderId, line.orderLineNo)
        if (line && nodeId && units > 0) deltas.push({ skuId: line.skuId, nodeId, day: epochDayOf(e.atMs), returned: units })
      }
    }
  }
  return { deltas, seen: out }
}

const listOf = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [])

/** Adds up deltas by SKU × node × day (one write per row a page touches). */
export function sumDeltas(deltas: readonly DemandDelta[]): Array<Required<DemandDelta>> {
  const byKey = new Map<string, Required<DemandDelta>>()
  for (const d of deltas) {
    const key = `${d.skuId}|${d.nodeId}|${d.day}`
    const row = byKey.get(key) ?? { skuId: d.skuId, nodeId: d.nodeId, day: d.day, ordered: 0, presale: 0, lost: 0, cancelled: 0, returned: 0, imported: 0 }
    row.ordered += d.ordered ?? 0
    row.presale += d.presale ?? 0
    row.lost += d.lost ?? 0
    row.cancelled += d.cancelled ?? 0
    row.returned += d.returned ?? 0
    row.imported += d.imported ?? 0
    byKey.set(key, row)
  }
  return [...byKey.values()]
}
