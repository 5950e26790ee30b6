/** The tables test/authorization.test.ts probes with: valid bodies per operation, and which roles may call each. */
export type Headers = Record<string, string>
export type Side = 'A' | 'B'
export type Variant = 'own' | 'foreign' | 'missing'
/** What an id names. Scoped kinds belong to one side; shared ones (SKUs, PO line numbers, campaigns, the warehouse) to everyone. */
export type Kind = 'node' | 'channel' | 'supplier' | 'order' | 'po' | 'asn' | 'lock' | 'transfer' | 'reservation' | 'token' | 'sku' | 'line' | 'campaign' | 'warehouse'
  /** A channel's webhook endpoint, and a delivery in its log. */
  | 'webhook' | 'delivery'
  /** An order's status link token: the shopper's credential for that one order, the same whoever calls (public routes). */
  | 'statusToken'
  /** A notification kind (templates are per kind): the same for everyone. */
  | 'notificationKind'
export const scopedKinds: ReadonlySet<Kind> = new Set<Kind>(['node', 'channel', 'supplier', 'order', 'po', 'asn', 'lock', 'transfer', 'reservation', 'token', 'webhook', 'delivery'])
export type RoleKind = 'admin' | 'ops' | 'channel' | 'store' | 'supplier' | 'payments' | 'anonymous'
export interface Caller { name: string; kind: RoleKind; side: Side; headers: Headers }
export const other = (side: Side): Side => (side === 'A' ? 'B' : 'A')
export const isScoped = (c: Caller): boolean => c.kind !== 'admin' && c.kind !== 'ops' && c.kind !== 'anonymous'

let unique = 0
export const uniq = (prefix: string): string => `${prefix}-${process.pid}-${++unique}`
export const future = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
export type Ids = (kind: Kind) => string
const position = (v: Ids) => ({ sku: v('sku'), node: v('node'), quantity: 1 })
const reason = { reason: 'authorization probe' }

/** A valid body per operation that takes one, its ids from the variant. An operation with a body and no entry fails the test. */
export const bodies: Record<string, (v: Ids) => unknown> = {
  'POST /v1/tokens': (v) => ({ name: uniq('probe'), role: `channel:${v('channel')}` }),
  'POST /v1/skus': () => ({ code: uniq('SKU'), name: 'Probe' }),
  'PATCH /v1/skus/{sku}': () => ({ name: 'Renamed' }),
  'POST /v1/nodes': () => ({ code: uniq('NODE'), name: 'Probe', kind: 'warehouse', region: 'east' }),
  'PATCH /v1/nodes/{node}': () => ({ name: 'Renamed' }),
  'POST /v1/channels': (v) => ({ code: uniq('CH'), name: 'Probe', kind: 'web', nodeIds: [v('node')] }),
  'PATCH /v1/channels/{channel}': () => ({ name: 'Renamed' }),
  'POST /v1/inventory/receipts': position,
  'POST /v1/inventory/counts': (v) => ({ sku: v('sku'), node: v('node'), countedQuantity: 100 }),
  'POST /v1/inventory/adjustments': (v) => ({ ...position(v), ...reason }),
  'POST /v1/inventory/unsellable': position,
  'POST /v1/inventory/unsellable/restore': position,
  'PUT /v1/inventory/virtual': position,
  'POST /v1/inventory/locks': (v) => ({ ...position(v), ...reason }),
  'POST /v1/inventory/locks/{id}/release': () => ({}),
  'POST /v1/reservations': (v) => ({ ...position(v), channel: v('channel') }),
  'POST /v1/reservations/bulk': (v) => ({ lines: [position(v)], channel: v('channel') }),
  'POST /v1/reservations/{id}/release': () => ({}),
  'POST /v1/reservations/{id}/commit': () => ({}),
  'POST /v1/transfers': (v) => ({ sku: v('sku'), from: v('node'), to: v('warehouse'), quantity: 1 }),
  'POST /v1/transfers/{id}/ship': () => ({}),
  'POST /v1/transfers/{id}/receive': () => ({ receivedQuantity: 1 }),
  'POST /v1/transfers/{id}/cancel': () => ({}),
  'POST /v1/transfers/{id}/eta': () => ({ eta: future(9), ...reason }),
  'POST /v1/suppliers': () => ({ code: uniq('SUP'), name: 'Probe', currency: 'CNY', defaultLeadTimeDays: 5, paymentTerms: { kind: 'net', days: 30 } }),
  'PATCH /v1/suppliers/{id}': () => ({ name: 'Renamed' }),
  'PUT /v1/suppliers/{id}/skus/{sku}': () => ({ unitCost: 100, virtualCap: 100 }),
  'PUT /v1/suppliers/{id}/virtual-supply/{sku}/{node}': () => ({ quantity: 1, leadTimeDays: 2 }),
  'PUT /v1/scorecard-policy': () => ({
    windowDays: 90, graceDays: 2,
    thresholds: [
      { grade: 'A', onTimeRateMin: 0.95, fillRateMin: 0.95, qcPassRateMin: 0.98 },
      { grade: 'B', onTimeRateMin: 0.85, fillRateMin: 0.85, qcPassRateMin: 0.95 },
      { grade: 'C', onTimeRateMin: 0.7, fillRateMin: 0.7, qcPassRateMin: 0.9 },
    ],
  }),
  'POST /v1/purchase-orders': (v) => ({ supplier: v('supplier'), destination: v('node'), lines: [{ sku: v('sku'), quantity: 10 }] }),
  'PATCH /v1/purchase-orders/{id}': () => ({ notes: 'probe' }),
  'POST /v1/purchase-orders/{id}/cancel': () => reason,
  'POST /v1/purchase-orders/{id}/close': () => reason,
  'POST /v1/purchase-orders/{id}/confirm': (v) => ({ lines: [{ line: v('line'), quantityAccepted: 10, eta: future(8) }] }),
  'POST /v1/purchase-orders/{id}/lines/{line}/eta': () => ({ eta: future(9), ...reason }),
  'POST /v1/purchase-orders/{id}/lines/{line}/cancel': () => reason,
  'POST /v1/purchase-orders/{id}/asns': (v) => ({ eta: future(8), lines: [{ line: v('line'), quantity: 1 }] }),
  'POST /v1/purchase-orders/{id}/asns/{asn}/cancel': () => reason,
  'POST /v1/purchase-orders/{id}/receipts': (v) => ({ lines: [{ line: v('line'), quantityPassed: 1 }] }),
  'PUT /v1/skus/{sku}/sell-ahead-policy': () => ({ kinds: ['stock'], horizonDays: 30 }),
  'PUT /v1/promising-settings': () => ({ paymentWindowMinutes: 30, transitDays: { sameRegion: 1, otherRegion: 2 } }),
  'PUT /v1/compensation-policy': () => ({ kind: 'none' }),
  'POST /v1/orders': (v) => ({ channel: v('channel'), customerId: 'c-probe', lines: [{ sku: v('sku'), quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }),
  'POST /v1/orders/{id}/cancel': () => ({}),
  'POST /v1/orders/{id}/ship': () => ({}),
  'POST /v1/orders/{id}/payments': () => ({ kind: 'payment', amount: 1, currency: 'CNY', providerRef: uniq('ref') }),
  'POST /v1/presale-campaigns': (v) => campaignBody(v('sku'), v('warehouse')),
  'PATCH /v1/presale-campaigns/{id}': () => ({ name: 'Renamed' }),
  'POST /v1/presale-campaigns/{id}/quota': () => ({ quota: 20 }),
  'POST /v1/presale-campaigns/{id}/cancel': () => reason,
  'POST /v1/presale-campaigns/{id}/orders': (v) => ({ channel: v('channel'), customerId: 'c-probe', quantity: 1 }),
  'POST /v1/webhook-endpoints': () => ({ url: 'http://127.0.0.1:9/probe', topics: ['order.'] }),
  'PATCH /v1/webhook-endpoints/{id}': () => ({ description: 'Renamed' }),
  'POST /v1/webhook-endpoints/{id}/rotate-secret': () => ({ graceHours: 1 }),
  'POST /v1/webhook-endpoints/{id}/replay': () => ({}),
  'PUT /v1/notification-templates/{kind}': () => ({ language: 'en', subject: 'Probe {{orderId}}', body: 'Probe body' }),
  'PUT /v1/notification-settings': () => ({ defaultLanguage: 'zh-CN' }),
}

export function campaignBody(sku: string, node: string) {
  const now = Date.now()
  return {
    code: uniq('PS'), name: 'Probe presale', sku, node, startsAt: new Date(now).toISOString(), endsAt: new Date(now + 5 * 86_400_000).toISOString(),
    quota: 10, perCustomerLimit: 3, pricing: { kind: 'fixed', unitPrice: 10000 },
    deposit: { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 }, inflation: { kind: 'multiplier', factor: 1.5 } },
    balanceWindowHours: 48, shipDate: { mode: 'fixed', day: future(10) },
  }
}

/**
 * Which roles may call each operation at all; any other role gets 403 whatever the ids. The
 * README's roles paragraph says the same in words. An operation missing here fails the test.
 */
export const mayCall: Record<string, string> = {
  'GET /v1/tokens': 'admin',
  // Who the caller is: every role may ask (the console signs in with it).
  'GET /v1/session': 'admin ops channel store supplier payments',
  // Public: the shopper's, reached without a bearer token (a bearer token changes nothing).
  'GET /v1/order-status/{token}': 'admin ops channel store supplier payments',
  'POST /v1/order-status/{token}/cancel': 'admin ops channel store supplier payments',
  'GET /v1/promise': 'admin ops channel store supplier payments',
  'GET /v1/skus': 'admin ops channel store supplier payments',
  'GET /v1/skus/{sku}': 'admin ops channel store supplier payments',
  'GET /v1/nodes': 'admin ops channel store supplier',
  'GET /v1/nodes/{node}': 'admin ops channel store supplier',
  'GET /v1/channels': 'admin ops channel',
  'GET /v1/channels/{channel}': 'admin ops channel',
  'GET /v1/inventory/positions': 'admin ops store supplier',
  'GET /v1/inventory/positions/{sku}/{node}': 'admin ops store supplier',
  'GET /v1/inventory/positions/{sku}/{node}/movements': 'admin ops store supplier',
  'GET /v1/inventory/availability/{sku}': 'admin ops channel store',
  'GET /v1/inventory/locks/{id}': 'admin ops store',
  'GET /v1/reservations/{id}': 'admin ops channel store',
  'GET /v1/transfers/{id}': 'admin ops store',
  'GET /v1/suppliers': 'admin ops supplier',
  'GET /v1/suppliers/{id}': 'admin ops supplier',
  'GET /v1/suppliers/{id}/skus/{sku}': 'admin ops supplier',
  'GET /v1/suppliers/{id}/skus': 'admin ops supplier',
  'GET /v1/suppliers/{id}/virtual-supply': 'admin ops supplier',
  'GET /v1/virtual-supply': 'admin ops',
  'GET /v1/suppliers/{id}/scorecard': 'admin ops supplier',
  'GET /v1/suppliers/{id}/scorecard/history': 'admin ops supplier',
  'GET /v1/scorecard-policy': 'admin ops',
  'GET /v1/events': 'admin ops',
  'GET /v1/events/stream': 'admin ops',
  // What a channel shows: staff read every channel's, a channel its own.
  'GET /v1/channels/{channel}/availability': 'admin ops channel',
  'GET /v1/channels/{channel}/availability/changes': 'admin ops channel',
  'GET /v1/channels/{channel}/availability/stream': 'admin ops channel',
  'GET /v1/channels/{channel}/exports/google-local-inventory': 'admin ops channel',
  'GET /v1/channels/{channel}/exports/shopify-inventory': 'admin ops channel',
  'GET /v1/supply': 'admin ops',
  'GET /v1/purchase-orders/lifecycle': 'admin ops store supplier',
  'GET /v1/purchase-orders': 'admin ops store supplier',
  'GET /v1/purchase-orders/{id}': 'admin ops store supplier',
  'GET /v1/purchase-orders/{id}/asns': 'admin ops store supplier',
  'GET /v1/purchase-orders/{id}/receipts': 'admin ops store supplier',
  'GET /v1/purchase-orders/{id}/timeline': 'admin ops store supplier',
  'GET /v1/purchase-orders/{id}/lines/{line}/eta-impact': 'admin ops supplier',
  'GET /v1/supplier-portal/lines': 'admin ops supplier',
  'GET /v1/skus/{sku}/sell-ahead-policy': 'admin ops channel',
  'GET /v1/promising-settings': 'admin ops',
  'GET /v1/availability-to-promise': 'admin ops channel',
  'GET /v1/orders/{id}/delays': 'admin ops channel',
  'GET /v1/orders/{id}/messages': 'admin ops channel',
  'GET /v1/compensation-policy': 'admin ops',
  'GET /v1/orders/lifecycle': 'admin ops channel payments',
  'GET /v1/orders': 'admin ops channel',
  'GET /v1/orders/{id}': 'admin ops channel store payments',
  'GET /v1/orders/{id}/timeline': 'admin ops channel',
  'GET /v1/orders/{id}/payments': 'admin ops channel payments',
  'GET /v1/presale-campaigns': 'admin ops channel',
  'GET /v1/presale-campaigns/lifecycle': 'admin ops channel',
  'GET /v1/presale-campaigns/{id}': 'admin ops channel',
  'GET /v1/presale-campaigns/{id}/demand': 'admin ops',
  'GET /v1/presale-demand': 'admin ops',
  'GET /v1/analytics/dashboard': 'admin ops channel',
  'GET /v1/analytics/sales': 'admin ops channel',
  'GET /v1/analytics/promise-sources': 'admin ops channel',
  'GET /v1/analytics/on-time': 'admin ops channel',
  'GET /v1/analytics/backorders': 'admin ops channel',
  'GET /v1/analytics/delays': 'admin ops channel',
  'GET /v1/analytics/presale': 'admin ops channel',
  'GET /v1/analytics/suppliers': 'admin ops',
  'GET /v1/analytics/inventory': 'admin ops',
  'GET /v1/analytics/channels': 'admin ops channel',
  'POST /v1/tokens': 'admin',
  'DELETE /v1/tokens/{id}': 'admin',
  'POST /v1/skus': 'admin ops',
  'PATCH /v1/skus/{sku}': 'admin ops',
  'POST /v1/nodes': 'admin ops',
  'PATCH /v1/nodes/{node}': 'admin ops',
  'POST /v1/channels': 'admin ops',
  'PATCH /v1/channels/{channel}': 'admin ops',
  'POST /v1/inventory/receipts': 'admin ops store',
  'POST /v1/inventory/counts': 'admin ops store',
  'POST /v1/inventory/adjustments': 'admin ops store',
  'POST /v1/inventory/unsellable': 'admin ops store',
  'POST /v1/inventory/unsellable/restore': 'admin ops store',
  'PUT /v1/inventory/virtual': 'admin ops',
  'POST /v1/inventory/locks': 'admin ops store',
  'POST /v1/inventory/locks/{id}/release': 'admin ops store',
  'POST /v1/reservations': 'admin ops channel store',
  'POST /v1/reservations/bulk': 'admin ops channel store',
  'POST /v1/reservations/{id}/release': 'admin ops channel store',
  'POST /v1/reservations/{id}/commit': 'admin ops channel store',
  'POST /v1/transfers': 'admin ops store',
  'POST /v1/transfers/{id}/ship': 'admin ops store',
  'POST /v1/transfers/{id}/receive': 'admin ops store',
  'POST /v1/transfers/{id}/cancel': 'admin ops store',
  'POST /v1/transfers/{id}/eta': 'admin ops store',
  'POST /v1/suppliers': 'admin ops',
  'PATCH /v1/suppliers/{id}': 'admin ops',
  'PUT /v1/suppliers/{id}/skus/{sku}': 'admin ops',
  'PUT /v1/suppliers/{id}/virtual-supply/{sku}/{node}': 'admin ops supplier',
  'POST /v1/suppliers/{id}/scorecard/recompute': 'admin ops',
  'PUT /v1/scorecard-policy': 'admin',
  'POST /v1/purchase-orders': 'admin ops',
  'PATCH /v1/purchase-orders/{id}': 'admin ops',
  'POST /v1/purchase-orders/{id}/send': 'admin ops',
  'POST /v1/purchase-orders/{id}/cancel': 'admin ops',
  'POST /v1/purchase-orders/{id}/close': 'admin ops',
  'POST /v1/purchase-orders/{id}/confirm': 'admin ops supplier',
  'POST /v1/purchase-orders/{id}/lines/{line}/eta': 'admin ops supplier',
  'POST /v1/purchase-orders/{id}/lines/{line}/cancel': 'admin ops supplier',
  'POST /v1/purchase-orders/{id}/asns': 'admin ops supplier',
  'POST /v1/purchase-orders/{id}/asns/{asn}/cancel': 'admin ops supplier',
  'POST /v1/purchase-orders/{id}/receipts': 'admin ops store',
  'PUT /v1/skus/{sku}/sell-ahead-policy': 'admin ops',
  'DELETE /v1/skus/{sku}/sell-ahead-policy': 'admin ops',
  'PUT /v1/promising-settings': 'admin',
  'PUT /v1/compensation-policy': 'admin',
  'POST /v1/orders': 'admin ops channel',
  'POST /v1/orders/{id}/cancel': 'admin ops channel',
  'POST /v1/orders/{id}/ship': 'admin ops',
  'POST /v1/orders/{id}/deliver': 'admin ops',
  'POST /v1/orders/{id}/payments': 'admin payments',
  'POST /v1/presale-campaigns': 'admin ops',
  'PATCH /v1/presale-campaigns/{id}': 'admin ops',
  'POST /v1/presale-campaigns/{id}/publish': 'admin ops',
  'POST /v1/presale-campaigns/{id}/quota': 'admin ops',
  'POST /v1/presale-campaigns/{id}/end': 'admin ops',
  'POST /v1/presale-campaigns/{id}/cancel': 'admin ops',
  'POST /v1/presale-campaigns/{id}/allocate-stock': 'admin ops',
  'POST /v1/presale-campaigns/{id}/orders': 'admin ops channel',
  // Staff manage every endpoint; a channel its own, which hear only its channel's events.
  'POST /v1/webhook-endpoints': 'admin ops channel',
  'GET /v1/webhook-endpoints': 'admin ops channel',
  'GET /v1/webhook-endpoints/{id}': 'admin ops channel',
  'PATCH /v1/webhook-endpoints/{id}': 'admin ops channel',
  'DELETE /v1/webhook-endpoints/{id}': 'admin ops channel',
  'POST /v1/webhook-endpoints/{id}/rotate-secret': 'admin ops channel',
  'GET /v1/webhook-endpoints/{id}/deliveries': 'admin ops channel',
  'POST /v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay': 'admin ops channel',
  'POST /v1/webhook-endpoints/{id}/replay': 'admin ops channel',
  'GET /v1/notification-templates': 'admin ops',
  'PUT /v1/notification-templates/{kind}': 'admin ops',
  'DELETE /v1/notification-templates/{kind}': 'admin ops',
  'GET /v1/notification-settings': 'admin ops',
  'PUT /v1/notification-settings': 'admin',
  'GET /v1/orders/{id}/notifications': 'admin ops channel',
}

/**
 * Operations open to any id of a kind for a role, by design, with the reason. Nothing else is.
 */
export const openByDesign: Array<[caller: RoleKind, key: string, why: string]> = [
  ['payments', 'POST /v1/orders/{id}/payments', 'a provider reports the first payment on an order it has not seen before: the checkout gave it the order id'],
]
