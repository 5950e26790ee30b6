/**
 * Every operation of the API by `METHOD /path` (as `/openapi.json` spells it): its operationId,
 * the context whose failures it answers with, and whether it takes an Idempotency-Key. The names
 * are what a generated client calls, so they read as verbs of the domain and never change.
 *
 * The problem codes an operation lists are its context's codes (a superset: one operation answers
 * some of them) unless the entry names its own, read from the code behind the route.
 */
import type { ErrorCode } from './problem-status.ts'

export type Context =
  | 'auth' | 'catalogue' | 'events' | 'inventory' | 'orders' | 'presale' | 'promising' | 'repromising' | 'purchasing'

export interface Operation {
  operationId: string
  context: Context
  /** Takes an Idempotency-Key header: a retry with the same key and body answers the original result. */
  idempotent?: true
  /** The codes the operation's own code can refuse with, when known exactly (HTTP-layer codes are added to them). */
  codes?: readonly ErrorCode[]
}

type Entry = [operationId: string, idempotent?: 'idempotent' | undefined, codes?: readonly ErrorCode[]]

/** The operations of one context, each `METHOD /path` → its name (and whether it takes a key). */
const group = (context: Context, entries: Record<string, Entry>): Record<string, Operation> =>
  Object.fromEntries(Object.entries(entries).map(([route, [operationId, idempotent, codes]]) =>
    [route, { operationId, context, ...(idempotent && { idempotent: true as const }), ...(codes && { codes }) }]))

/** What an order action can be refused with: the order is not the caller's, or its status or the caller's party does not allow it. */
const orderAction = ['order_not_found', 'illegal_transition', 'forbidden'] as const

export const operationTable: Record<string, Operation> = {
  ...group('auth', {
    'POST /v1/tokens': ['createToken'],
    'GET /v1/tokens': ['listTokens'],
    'DELETE /v1/tokens/{id}': ['revokeToken'],
  }),
  ...group('catalogue', {
    'POST /v1/skus': ['createSku'],
    'GET /v1/skus': ['listSkus'],
    'GET /v1/skus/{sku}': ['getSku'],
    'PATCH /v1/skus/{sku}': ['updateSku'],
    'POST /v1/nodes': ['createNode'],
    'GET /v1/nodes': ['listNodes'],
    'GET /v1/nodes/{node}': ['getNode'],
    'PATCH /v1/nodes/{node}': ['updateNode'],
    'POST /v1/channels': ['createChannel'],
    'GET /v1/channels': ['listChannels'],
    'GET /v1/channels/{channel}': ['getChannel'],
    'PATCH /v1/channels/{channel}': ['updateChannel'],
  }),
  ...group('inventory', {
    'POST /v1/inventory/receipts': ['receiveStock', 'idempotent'],
    'POST /v1/inventory/counts': ['recordStockCount', 'idempotent'],
    'POST /v1/inventory/adjustments': ['adjustStock', 'idempotent'],
    'POST /v1/inventory/unsellable': ['markUnsellable', 'idempotent'],
    'POST /v1/inventory/unsellable/restore': ['restoreUnsellable', 'idempotent'],
    'PUT /v1/inventory/virtual': ['setVirtualStock', 'idempotent'],
    'GET /v1/inventory/positions': ['listPositions'],
    'GET /v1/inventory/positions/{sku}/{node}': ['getPosition'],
    'GET /v1/inventory/positions/{sku}/{node}/movements': ['listMovements'],
    'GET /v1/inventory/availability/{sku}': ['getAvailability'],
    'POST /v1/inventory/locks': ['lockStock', 'idempotent'],
    'GET /v1/inventory/locks/{id}': ['getLock'],
    'POST /v1/inventory/locks/{id}/release': ['releaseLock', 'idempotent'],
    'POST /v1/reservations': ['reserveStock', 'idempotent'],
    'POST /v1/reservations/bulk': ['reserveStockBulk', 'idempotent'],
    'GET /v1/reservations/{id}': ['getReservation'],
    'POST /v1/reservations/{id}/release': ['releaseReservation', 'idempotent'],
    'POST /v1/reservations/{id}/commit': ['commitReservation', 'idempotent'],
    'POST /v1/transfers': ['requestTransfer', 'idempotent'],
    'GET /v1/transfers/{id}': ['getTransfer'],
    'POST /v1/transfers/{id}/ship': ['shipTransfer', 'idempotent'],
    'POST /v1/transfers/{id}/receive': ['receiveTransfer', 'idempotent'],
    'POST /v1/transfers/{id}/cancel': ['cancelTransfer', 'idempotent'],
    'POST /v1/transfers/{id}/eta': ['changeTransferEta', 'idempotent'],
  }),
  ...group('purchasing', {
    'POST /v1/suppliers': ['createSupplier', 'idempotent'],
    'GET /v1/suppliers': ['listSuppliers'],
    'GET /v1/suppliers/{id}': ['getSupplier'],
    'PATCH /v1/suppliers/{id}': ['updateSupplier'],
    'PUT /v1/suppliers/{id}/skus/{sku}': ['setSupplierSkuTerms'],
    'GET /v1/suppliers/{id}/skus/{sku}': ['getSupplierSkuTerms'],
    'GET /v1/suppliers/{id}/skus': ['listSupplierSkuTerms'],
    'PUT /v1/suppliers/{id}/virtual-supply/{sku}/{node}': ['declareVirtualSupply'],
    'GET /v1/suppliers/{id}/virtual-supply': ['listSupplierVirtualSupply'],
    'GET /v1/virtual-supply': ['listVirtualSupply'],
    'GET /v1/suppliers/{id}/scorecard': ['getSupplierScorecard'],
    'POST /v1/suppliers/{id}/scorecard/recompute': ['recomputeSupplierScorecard'],
    'GET /v1/scorecard-policy': ['getScorecardPolicy'],
    'PUT /v1/scorecard-policy': ['setScorecardPolicy'],
    'GET /v1/supply': ['listFutureSupply'],
    'GET /v1/purchase-orders/lifecycle': ['getPurchaseOrderLifecycle'],
    'POST /v1/purchase-orders': ['createPurchaseOrder', 'idempotent'],
    'GET /v1/purchase-orders': ['listPurchaseOrders'],
    'GET /v1/purchase-orders/{id}': ['getPurchaseOrder'],
    'PATCH /v1/purchase-orders/{id}': ['updatePurchaseOrder'],
    'POST /v1/purchase-orders/{id}/send': ['sendPurchaseOrder'],
    'POST /v1/purchase-orders/{id}/cancel': ['cancelPurchaseOrder'],
    'POST /v1/purchase-orders/{id}/close': ['closePurchaseOrder'],
    'POST /v1/purchase-orders/{id}/confirm': ['confirmPurchaseOrder'],
    'POST /v1/purchase-orders/{id}/lines/{line}/eta': ['changePurchaseOrderLineEta'],
    'POST /v1/purchase-orders/{id}/lines/{line}/cancel': ['cancelPurchaseOrderLine'],
    'POST /v1/purchase-orders/{id}/asns': ['createAsn', 'idempotent'],
    'GET /v1/purchase-orders/{id}/asns': ['listAsns'],
    'POST /v1/purchase-orders/{id}/asns/{asn}/cancel': ['cancelAsn'],
    'POST /v1/purchase-orders/{id}/receipts': ['receivePurchaseOrder', 'idempotent'],
    'GET /v1/purchase-orders/{id}/receipts': ['listPurchaseOrderReceipts'],
    'GET /v1/purchase-orders/{id}/timeline': ['getPurchaseOrderTimeline'],
  }),
  ...group('events', {
    'GET /v1/events': ['listEvents'],
  }),
  ...group('promising', {
    'GET /v1/skus/{sku}/sell-ahead-policy': ['getSellAheadPolicy'],
    'PUT /v1/skus/{sku}/sell-ahead-policy': ['setSellAheadPolicy'],
    'DELETE /v1/skus/{sku}/sell-ahead-policy': ['removeSellAheadPolicy'],
    'GET /v1/promising-settings': ['getPromisingSettings'],
    'PUT /v1/promising-settings': ['setPromisingSettings'],
    'GET /v1/availability-to-promise': ['getAvailableToPromise'],
  }),
  ...group('repromising', {
    'GET /v1/orders/{id}/delays': ['listOrderDelays', undefined, ['order_not_found']],
    'GET /v1/orders/{id}/messages': ['listOrderMessages', undefined, ['order_not_found']],
    'GET /v1/compensation-policy': ['getCompensationPolicy', undefined, []],
    // The policy is checked by the promising context.
    'PUT /v1/compensation-policy': ['setCompensationPolicy', undefined, ['invalid_compensation_policy']],
  }),
  ...group('orders', {
    'GET /v1/orders/lifecycle': ['getOrderLifecycle', undefined, []],
    'POST /v1/orders': ['placeOrder', 'idempotent', [
      'channel_required', 'forbidden', 'idempotency_key_required', 'idempotency_key_reused', 'unknown_channel', 'channel_inactive',
      'unknown_currency', 'unknown_customer_tier', 'unknown_node', 'unknown_sku', 'node_not_pickup', 'no_nodes', 'total_too_large',
      'zero_total', 'insufficient_stock', 'insufficient_supply', 'value_not_storable',
    ]],
    'GET /v1/orders': ['listOrders', undefined, []],
    'GET /v1/orders/{id}': ['getOrder', undefined, ['order_not_found']],
    'GET /v1/orders/{id}/timeline': ['getOrderTimeline', undefined, ['order_not_found']],
    'POST /v1/orders/{id}/cancel': ['cancelOrder', undefined, [...orderAction, 'no_delay_offer']],
    'POST /v1/orders/{id}/ship': ['shipOrder', undefined, [...orderAction, 'order_refunded', 'not_ready_to_ship']],
    'POST /v1/orders/{id}/deliver': ['deliverOrder', undefined, orderAction],
    'POST /v1/orders/{id}/payments': ['recordPayment', undefined, [
      ...orderAction, 'payment_plan_mismatch', 'balance_window_not_open', 'currency_mismatch', 'refund_exceeds_paid',
      'refund_exceeds_provider_payments', 'amount_mismatch', 'idempotency_key_reused',
    ]],
    'GET /v1/orders/{id}/payments': ['listPayments', undefined, ['order_not_found']],
  }),
  ...group('presale', {
    'POST /v1/presale-campaigns': ['createCampaign'],
    'GET /v1/presale-campaigns': ['listCampaigns'],
    'GET /v1/presale-campaigns/lifecycle': ['getCampaignLifecycle'],
    'GET /v1/presale-campaigns/{id}': ['getCampaign'],
    'PATCH /v1/presale-campaigns/{id}': ['updateCampaign'],
    'POST /v1/presale-campaigns/{id}/publish': ['publishCampaign'],
    'POST /v1/presale-campaigns/{id}/quota': ['setCampaignQuota'],
    'POST /v1/presale-campaigns/{id}/end': ['endCampaign'],
    'POST /v1/presale-campaigns/{id}/cancel': ['cancelCampaign'],
    'POST /v1/presale-campaigns/{id}/allocate-stock': ['allocateCampaignStock'],
    'POST /v1/presale-campaigns/{id}/orders': ['placePresaleOrder', 'idempotent'],
    'GET /v1/presale-campaigns/{id}/demand': ['getCampaignDemand'],
    'GET /v1/presale-demand': ['listPresaleDemand'],
  }),
}
