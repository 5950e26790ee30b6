/**
 * The orders list's filters, kept in the page's address (so a filtered list can be shared and
 * reloaded), all sent to GET /v1/orders.
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

/** Every filter goes to GET /v1/orders (a channel token is scoped by the API whatever it names). */
export function listQuery(filters: OrderFilters): ListQuery {
  return { ...filters }
}
