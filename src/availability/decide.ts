/** Pure rules of channel availability: a channel's scopes, the value shown in a scope, and the exports' vocabularies. */
import type { Channel, StockNode } from '../catalogue/index.ts'
import { dayMs, dayStartOf, localNow, pickupDayOf, type Atp, type WorkingCalendar } from '../promising/index.ts'
import type { AvailabilityRow, ChannelAvailability, Scope } from './model.ts'

/** Nodes a shopper can collect from: the `pickup` capability (`bopis` is the same thing). */
export const canPickUp = (n: StockNode): boolean => n.capabilities.includes('pickup') || n.capabilities.includes('bopis')

/** The channel's scopes: the whole channel, each region it holds stock in, each pickup store. */
export function scopesOf(channel: Channel, nodes: ReadonlyMap<string, StockNode>): Scope[] {
  const own = channel.nodeIds.map((id) => nodes.get(id)).filter((n): n is StockNode => n !== undefined && n.active)
  const scopes: Scope[] = [{ key: 'channel', nodeIds: own.map((n) => n.id), region: null, pickup: false }]
  const regions = [...new Set(own.map((n) => n.region))].sort()
  for (const region of regions) scopes.push({ key: `region:${region}`, nodeIds: own.filter((n) => n.region === region).map((n) => n.id), region, pickup: false })
  for (const n of own.filter(canPickUp)) scopes.push({ key: `store:${n.id}`, nodeIds: [n.id], region: n.region, pickup: true })
  return scopes
}

const dayText = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

/**
 * What a scope shows, from its one-unit quote: units sellable today (after the safety buffer),
 * `low_stock` at or below the threshold; with none today, the earliest promise decides between
 * `presale` (a campaign's supply), `backorder` (other future supply) and `out_of_stock`.
 */
export function valueOf(skuId: string, scope: string, atp: Atp, nowMs: number, lowStockThreshold: number, pickupCalendar?: WorkingCalendar): ChannelAvailability {
  const todayMs = dayStartOf(nowMs)
  const quantity = atp.ladder.find((step) => step.dayMs === todayMs)?.cumulative ?? 0
  const quote = atp.quote?.available ? atp.quote : null
  const presale = quote?.supply.find((part) => part.kind === 'presale')
  const status = quantity > 0 ? (quantity <= lowStockThreshold ? 'low_stock' : 'in_stock')
    : quote === null ? 'out_of_stock'
      : presale ? 'presale' : 'backorder'
  // A pickup store: the day it can be collected follows the store's pickup cut-off and working days.
  const pickup = pickupCalendar && quote ? pickupDayOf(pickupCalendar, quantity > 0, quote.deliverByMs ?? todayMs, nowMs) : null
  return {
    skuId, scope, status, quantity,
    onlyLeft: status === 'low_stock' ? quantity : null,
    shipBy: dayText(quote?.shipByMs ?? null),
    deliverBy: dayText(pickup?.dayMs ?? quote?.deliverByMs ?? null),
    campaign: status === 'presale' ? presale!.source : null,
  }
}

/** What a scope shows when it no longer exists (a node left the channel or closed). */
export const goneValue = (skuId: string, scope: string): ChannelAvailability => ({
  skuId, scope, status: 'out_of_stock', quantity: 0, onlyLeft: null, shipBy: null, deliverBy: null, campaign: null,
})

export const sameValue = (a: ChannelAvailability, b: ChannelAvailability): boolean =>
  a.status === b.status && a.quantity === b.quantity && a.shipBy === b.shipBy && a.deliverBy === b.deliverBy && a.campaign === b.campaign

/** Google Merchant Center local inventory `availability`: only what is on the shelf now counts as in store. */
export const googleAvailability = { in_stock: 'IN_STOCK', low_stock: 'LIMITED_AVAILABILITY', backorder: 'OUT_OF_STOCK', presale: 'OUT_OF_STOCK', out_of_stock: 'OUT_OF_STOCK' } as const

/** Google's `pickupSla` from the days until the unit is ready at the store, counted from the store's own today. */
export function pickupSlaOf(row: AvailabilityRow, nowMs: number, timeZone = 'UTC'): string | null {
  if (row.status !== 'in_stock' && row.status !== 'low_stock') return null
  if (row.deliverBy === null) return null
  const days = Math.round((Date.parse(row.deliverBy) - localNow(nowMs, timeZone).dayMs) / dayMs)
  if (days <= 0) return 'SAME_DAY'
  if (days === 1) return 'NEXT_DAY'
  if (days <= 7) return ['TWO_DAY', 'THREE_DAY', 'FOUR_DAY', 'FIVE_DAY', 'SIX_DAY', 'SEVEN_DAY'][days - 2]
  return 'MULTI_WEEK'
}
