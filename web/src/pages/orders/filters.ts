/**
 * The orders list's filters, kept in the page's address (so a filtered list can be shared and
 * reloaded): which go to GET /v1/orders and which are applied to the loaded pages here.
 */
import type { components, operations } from '../../../../clients/typescript/index.ts'

type Order = components['schemas']['Order']
export type OrderStatus = Order['status']
type ListQuery = NonNullable<operations['listOrders']['parameters']['query']>

export const orderStatuses: readonly OrderStatus[] = ['pending_payment', 'pending_deposit', 'deposit_paid', 'paid', 'shipped', 'delivered', 'cancelled']

export interface OrderFilters {
  status?: OrderStatus
  channel?: string
  delayed?: 'true' | 'false'
  presale?: 'true' | 'false'
  /** YYYY-MM-DD, UTC days as the API speaks them. */
  placedFrom?: string
  placedTo?: string
}

const flag = (value: string | undefined) => (value === 'true' || value === 'false' ? value : undefined)
const day = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined)

/** The filters an address names; anything else in it is ignored. */
export function filtersOf(query: Record<string, string>): OrderFilters {
  const status = orderStatuses.find((s) => s === query.status)
  return {
    ...(status && { status }),
    ...(query.channel && { channel: query.channel }),
    ...(flag(query.delayed) && { delayed: flag(query.delayed) }),
    ...(flag(query.presale) && { presale: flag(query.presale) }),
    ...(day(query.placedFrom) && { placedFrom: day(query.placedFrom) }),
    ...(day(query.placedTo) && { placedTo: day(query.placedTo) }),
  }
}

export function addressOf(filters: OrderFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''))
  const query = params.toString()
  return query === '' ? '/console/orders' : `/console/orders?${query}`
}

/**
 * What GET /v1/orders filters on main today: status and channel (a channel token is scoped by the
 * API whatever it names). `delayed`, `presale`, `placedFrom` and `placedTo` are coming to the API;
 * once they are on main, spread them in here and make `keepHere` return true.
 */
export function listQuery(filters: OrderFilters): ListQuery {
  return { ...(filters.status && { status: filters.status }), ...(filters.channel && { channel: filters.channel }) }
}

/** A line whose promise moved later than first promised: what a delay record leaves on an order. */
const wasDelayed = (order: Order): boolean =>
  order.lines.some((l) => l.promisedShipDate !== null && l.firstPromisedShipDate !== null && l.promisedShipDate > l.firstPromisedShipDate)

/** The filters the API does not take yet, applied to each loaded page (so a page may show fewer rows than it loaded). */
export function keepHere(order: Order, filters: OrderFilters): boolean {
  const placedDay = order.placedAt.slice(0, 10)
  if (filters.delayed !== undefined && wasDelayed(order) !== (filters.delayed === 'true')) return false
  if (filters.presale !== undefined && (order.campaignId !== null) !== (filters.presale === 'true')) return false
  if (filters.placedFrom !== undefined && placedDay < filters.placedFrom) return false
  if (filters.placedTo !== undefined && placedDay > filters.placedTo) return false
  return true
}
