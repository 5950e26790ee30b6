/**
 * Every operation of the API by `METHOD /path` (as `/openapi.json` spells it): its operationId,
 * the context whose code answers it, whether it takes an Idempotency-Key, and the problem codes
 * its own code can refuse with. The names are what a generated client calls, so they read as
 * verbs of the domain and never change.
 *
 * The codes are exact: read from the route and what it calls, they are those it can answer, no
 * more (test/helpers/contract-check.ts fails any test whose answer is not listed). The HTTP
 * layer's codes (validation, auth, role, body, paging, key, limits, storage) are added by
 * contract.ts; a route open to every role says so with `anyRole`.
 */
import type { ErrorCode } from './problem-status.ts'

export type Context =
  | 'auth' | 'catalogue' | 'customer' | 'events' | 'inventory' | 'orders' | 'presale' | 'promising' | 'repromising' | 'purchasing' | 'analytics' | 'availability'
  | 'webhooks' | 'notifications' | 'routing' | 'fulfilment' | 'returns' | 'replenishment' | 'payables'

export interface Operation {
  operationId: string
  context: Context
  /** Takes an Idempotency-Key header: a retry with the same key and body answers the original result. */
  idempotent?: true
  /** Any authenticated role may call it: no 403. */
  anyRole?: true
  /** Reached without a bearer token (the shopper's: a status link, the promise widget): no 401, no 403. */
  public?: true
  /** The codes the operation's own code can refuse with (the HTTP layer's codes are added to them). */
  codes: readonly ErrorCode[]
}

type Option = 'idempotent' | 'anyRole' | 'public'
type Entry = [operationId: string, codes: readonly ErrorCode[], ...options: Option[]]

/** The operations of one context, each `METHOD /path` → its name, its codes and options. */
const group = (context: Context, entries: Record<string, Entry>): Record<string, Operation> =>
  Object.fromEntries(Object.entries(entries).map(([route, [operationId, codes, ...options]]) =>
    [route, {
      operationId, context, codes,
      ...(options.includes('idempotent') && { idempotent: true as const }),
      ...(options.includes('anyRole') && { anyRole: true as const }),
      ...(options.includes('public') && { public: true as const }),
    }]))

/** What an order action can be refused with: the order is not the caller's, or its status or the caller's party does not allow it. */
const orderAction = ['order_not_found', 'illegal_transition', 'forbidden'] as const
/** What a shipment action can be refused with: the shipment is not the caller's (another node's), or its status or the caller's party does not allow it. */
const shipmentAction = ['shipment_not_found', 'illegal_transition', 'forbidden'] as const
/** What a return action can be refused with: the return is not the caller's, or its status or the caller's party does not allow it. */
const returnAction = ['return_not_found', 'illegal_transition', 'forbidden'] as const

/** What landing an accepted invoice's charges on the receipt they name can be refused with. */
const landingCharges = ['receipt_not_found', 'nothing_received', 'weight_missing', 'volume_missing', 'invalid_charges'] as const
/** What entering a supplier invoice can be refused with: its body, its supplier, its lines against the supplier's PO lines, a number used before. */
const invoiceEntry = ['invalid_invoice', 'supplier_not_found', 'unknown_po_line', 'currency_mismatch', 'duplicate_invoice_number', ...landingCharges] as const

/** A SKU's, node's or channel's fields that the schema lets through and the catalogue refuses (blank text, a lone coordinate, a huge buffer). */
const skuFields = ['invalid_name', 'invalid_unit', 'invalid_barcode', 'invalid_attributes'] as const
const nodeFields = ['invalid_name', 'invalid_region', 'invalid_coordinates', 'invalid_fulfilment_profile'] as const
const channelFields = ['invalid_name', 'unknown_node', 'invalid_safety_buffer'] as const

/** A stock change at a node named in the body: the SKU and node must exist (and the node be the caller's), and the engine must store it. */
const stockChange = ['unknown_sku', 'unknown_node', 'value_not_storable'] as const
/** A request the inventory engine runs on a transfer the caller may see; the wrong end of one it sees is 403. */
const transferStep = ['transfer_not_found', 'forbidden', 'value_not_storable'] as const

/** A supplier profile as decided (supplier-decide.ts), less what the schema already refuses (code, lead time, booleans). */
const supplierFields = ['invalid_name', 'invalid_contacts', 'invalid_currency', 'invalid_payment_terms', 'invalid_receiving_policy', 'duplicate_code'] as const
/** PO lines as decided (decideLines), less what the schema already refuses (line count, quantities). */
const poLines = ['unknown_sku', 'below_minimum_order_quantity', 'not_a_pack_multiple', 'unit_cost_required', 'requested_date_in_past'] as const
/** A command on one PO the caller may see: the lifecycle table refuses the status (409) or the party (403). */
const poCommand = ['purchase_order_not_found', 'illegal_transition', 'forbidden'] as const
/** A PO the caller may read. */
const poRead = ['purchase_order_not_found'] as const

/** A sell-ahead policy's SKU and channel (a channel token names only its own). */
const policyTarget = ['sku_not_found', 'channel_not_found'] as const
const policyRules = [
  'unknown_supply_kind', 'no_supply_kinds', 'duplicate_supply_kind', 'stock_required', 'invalid_unconfirmed_buffer', 'buffer_without_unconfirmed',
  'invalid_horizon', 'invalid_max_beyond_stock',
] as const

/**
 * A campaign's SKU, node and supplier (by id or code), then its terms as a whole (decideTerms),
 * less what the schema already refuses (quota, per-customer limit, deadline and window bounds).
 */
const campaignTerms = [
  'unknown_sku', 'unknown_node', 'unknown_supplier',
  'invalid_window', 'invalid_pricing', 'invalid_tiers', 'total_too_large', 'unknown_currency',
  'invalid_deposit_rule', 'deposit_required', 'invalid_deposit', 'deposit_not_below_price', 'deposit_not_whole_amount', 'deposit_above_limit',
  'deposit_below_limit', 'deposit_not_fixed_amount', 'invalid_inflation', 'deposit_credit_below_deposit', 'deposit_credit_above_price',
  'ship_date_before_end', 'invalid_ship_date', 'invalid_compensation',
] as const
/** A campaign command run under the lock of its position: the campaign may change meanwhile. */
const campaignLocked = ['campaign_not_found', 'campaign_changed'] as const

export const operationTable: Record<string, Operation> = {
  ...group('auth', {
    'POST /v1/tokens': ['createToken', ['invalid_role', 'unknown_channel', 'unknown_node', 'not_a_store', 'not_a_warehouse', 'unknown_supplier']],
    'GET /v1/tokens': ['listTokens', []],
    'GET /v1/session': ['getSession', [], 'anyRole'],
    'DELETE /v1/tokens/{id}': ['revokeToken', ['token_not_found']],
  }),
  ...group('catalogue', {
    'POST /v1/skus': ['createSku', [...skuFields, 'duplicate_code']],
    'GET /v1/skus': ['listSkus', [], 'anyRole'],
    'GET /v1/skus/{sku}': ['getSku', ['sku_not_found'], 'anyRole'],
    'PATCH /v1/skus/{sku}': ['updateSku', ['sku_not_found', ...skuFields, 'duplicate_code']],
    'POST /v1/nodes': ['createNode', [...nodeFields, 'duplicate_code']],
    'GET /v1/nodes': ['listNodes', []],
    'GET /v1/nodes/{node}': ['getNode', ['node_not_found']],
    'PATCH /v1/nodes/{node}': ['updateNode', ['node_not_found', ...nodeFields, 'duplicate_code']],
    'POST /v1/channels': ['createChannel', [...channelFields, 'duplicate_code']],
    'GET /v1/channels': ['listChannels', []],
    'GET /v1/channels/{channel}': ['getChannel', ['channel_not_found']],
    'PATCH /v1/channels/{channel}': ['updateChannel', ['channel_not_found', ...channelFields, 'duplicate_code']],
  }),
  ...group('inventory', {
    'POST /v1/inventory/receipts': ['receiveStock', stockChange, 'idempotent'],
    'POST /v1/inventory/counts': ['recordStockCount', stockChange, 'idempotent'],
    'POST /v1/inventory/adjustments': ['adjustStock', [...stockChange, 'adjustment_below_zero'], 'idempotent'],
    'POST /v1/inventory/unsellable': ['markUnsellable', [...stockChange, 'insufficient_on_hand'], 'idempotent'],
    'POST /v1/inventory/unsellable/restore': ['restoreUnsellable', [...stockChange, 'insufficient_unsellable'], 'idempotent'],
    'PUT /v1/inventory/virtual': ['setVirtualStock', stockChange, 'idempotent'],
    'GET /v1/inventory/positions': ['listPositions', ['sku_not_found', 'node_not_found']],
    'GET /v1/inventory/positions/{sku}/{node}': ['getPosition', ['sku_not_found', 'node_not_found']],
    'GET /v1/inventory/positions/{sku}/{node}/movements': ['listMovements', ['sku_not_found', 'node_not_found']],
    'GET /v1/inventory/availability/{sku}': ['getAvailability', ['sku_not_found']],
    'POST /v1/inventory/locks': ['lockStock', [...stockChange, 'unknown_channel', 'channel_not_at_node', 'release_time_in_past', 'insufficient_stock'], 'idempotent'],
    'GET /v1/inventory/locks/{id}': ['getLock', ['lock_not_found']],
    'POST /v1/inventory/locks/{id}/release': ['releaseLock', ['lock_not_found', 'lock_not_active', 'value_not_storable'], 'idempotent'],
    'POST /v1/reservations': ['reserveStock', ['unknown_sku', 'unknown_node', 'unknown_channel', 'insufficient_stock', 'value_not_storable'], 'idempotent'],
    // A bulk request line by line answers each line's refusal inside its 201.
    'POST /v1/reservations/bulk': ['reserveStockBulk', ['unknown_sku', 'unknown_node', 'unknown_channel', 'insufficient_stock', 'value_not_storable'], 'idempotent'],
    'GET /v1/reservations/{id}': ['getReservation', ['reservation_not_found']],
    'POST /v1/reservations/{id}/release': ['releaseReservation', ['reservation_not_found', 'reservation_not_held', 'value_not_storable'], 'idempotent'],
    'POST /v1/reservations/{id}/commit': ['commitReservation', [
      'reservation_not_found', 'reservation_not_held', 'reservation_expired', 'insufficient_on_hand', 'value_not_storable',
    ], 'idempotent'],
    'POST /v1/transfers': ['requestTransfer', [...stockChange, 'transfer_same_node', 'insufficient_stock'], 'idempotent'],
    'GET /v1/transfers/{id}': ['getTransfer', ['transfer_not_found']],
    'POST /v1/transfers/{id}/ship': ['shipTransfer', [...transferStep, 'transfer_not_shippable', 'insufficient_on_hand'], 'idempotent'],
    'POST /v1/transfers/{id}/receive': ['receiveTransfer', [...transferStep, 'transfer_not_receivable', 'received_more_than_shipped'], 'idempotent'],
    'POST /v1/transfers/{id}/cancel': ['cancelTransfer', [...transferStep, 'transfer_not_cancellable'], 'idempotent'],
    // Either end may move the ETA: no 403 beyond the role.
    'POST /v1/transfers/{id}/eta': ['changeTransferEta', ['transfer_not_found', 'transfer_not_open', 'eta_in_past', 'value_not_storable'], 'idempotent'],
  }),
  ...group('purchasing', {
    'POST /v1/suppliers': ['createSupplier', supplierFields, 'idempotent'],
    'GET /v1/suppliers': ['listSuppliers', []],
    'GET /v1/suppliers/{id}': ['getSupplier', ['supplier_not_found']],
    'PATCH /v1/suppliers/{id}': ['updateSupplier', ['supplier_not_found', ...supplierFields]],
    'PUT /v1/suppliers/{id}/skus/{sku}': ['setSupplierSkuTerms', [
      'supplier_not_found', 'sku_not_found', 'invalid_supplier_sku_code', 'invalid_unit_cost', 'virtual_cap_below_declared',
    ]],
    'GET /v1/suppliers/{id}/skus/{sku}': ['getSupplierSkuTerms', ['supplier_not_found', 'sku_terms_not_found']],
    'GET /v1/suppliers/{id}/skus': ['listSupplierSkuTerms', ['supplier_not_found']],
    'PUT /v1/suppliers/{id}/virtual-supply/{sku}/{node}': ['declareVirtualSupply', [
      'supplier_not_found', 'sku_not_found', 'node_not_found', 'node_not_allowed_for_virtual', 'supplier_inactive', 'virtual_above_cap',
    ]],
    'GET /v1/suppliers/{id}/virtual-supply': ['listSupplierVirtualSupply', ['supplier_not_found']],
    'GET /v1/virtual-supply': ['listVirtualSupply', []],
    'GET /v1/suppliers/{id}/scorecard': ['getSupplierScorecard', ['supplier_not_found']],
    'GET /v1/suppliers/{id}/scorecard/history': ['listSupplierScorecardHistory', ['supplier_not_found']],
    'POST /v1/suppliers/{id}/scorecard/recompute': ['recomputeSupplierScorecard', ['supplier_not_found']],
    'GET /v1/scorecard-policy': ['getScorecardPolicy', []],
    'PUT /v1/scorecard-policy': ['setScorecardPolicy', ['invalid_scorecard_policy']],
    'GET /v1/supply': ['listFutureSupply', ['filter_required', 'sku_not_found', 'node_not_found']],
    'GET /v1/purchase-orders/lifecycle': ['getPurchaseOrderLifecycle', []],
    'POST /v1/purchase-orders': ['createPurchaseOrder', [
      ...poLines, 'unknown_supplier', 'unknown_node', 'invalid_destination', 'supplier_inactive', 'duplicate_reference',
    ], 'idempotent'],
    'GET /v1/purchase-orders': ['listPurchaseOrders', []],
    'GET /v1/purchase-orders/{id}': ['getPurchaseOrder', poRead],
    'PATCH /v1/purchase-orders/{id}': ['updatePurchaseOrder', [...poCommand, ...poLines, 'duplicate_reference']],
    'POST /v1/purchase-orders/{id}/send': ['sendPurchaseOrder', poCommand],
    'POST /v1/purchase-orders/{id}/cancel': ['cancelPurchaseOrder', [...poCommand, 'po_has_receipts', 'asn_in_transit']],
    'POST /v1/purchase-orders/{id}/close': ['closePurchaseOrder', [...poCommand, 'asn_in_transit']],
    'POST /v1/purchase-orders/{id}/confirm': ['confirmPurchaseOrder', [
      ...poCommand, 'duplicate_line', 'line_not_found', 'line_already_answered', 'accepted_above_ordered', 'eta_required', 'eta_in_past',
    ]],
    'POST /v1/purchase-orders/{id}/lines/{line}/eta': ['changePurchaseOrderLineEta', [
      ...poCommand, 'line_not_found', 'line_not_accepted', 'eta_in_past', 'eta_unchanged',
    ]],
    // The preview runs the ETA move's own decision, so it is refused exactly as the move would be.
    'GET /v1/purchase-orders/{id}/lines/{line}/eta-impact': ['previewPurchaseOrderLineEta', [
      ...poCommand, 'line_not_found', 'line_not_accepted', 'eta_in_past', 'eta_unchanged',
    ]],
    'GET /v1/supplier-portal/lines': ['listSupplierPortalLines', []],
    'POST /v1/purchase-orders/{id}/lines/{line}/cancel': ['cancelPurchaseOrderLine', [
      ...poCommand, 'line_not_found', 'nothing_to_cancel', 'quantity_in_transit',
    ]],
    'POST /v1/purchase-orders/{id}/asns': ['createAsn', [
      ...poCommand, 'eta_in_past', 'line_not_found', 'duplicate_line', 'line_not_accepted', 'asn_exceeds_open_quantity',
    ], 'idempotent'],
    'GET /v1/purchase-orders/{id}/asns': ['listAsns', poRead],
    'POST /v1/purchase-orders/{id}/asns/{asn}/cancel': ['cancelAsn', [...poCommand, 'asn_not_found', 'asn_not_in_transit']],
    'POST /v1/purchase-orders/{id}/receipts': ['receivePurchaseOrder', [
      ...poCommand, 'asn_not_found', 'asn_not_in_transit', 'no_lines', 'line_not_found', 'duplicate_line', 'line_not_on_asn', 'fail_reason_required', 'receive_against_asn', 'over_receipt_above_tolerance', 'asn_in_transit',
    ], 'idempotent'],
    'GET /v1/purchase-orders/{id}/receipts': ['listPurchaseOrderReceipts', poRead],
    'GET /v1/purchase-orders/{id}/timeline': ['getPurchaseOrderTimeline', poRead],
  }),
  ...group('events', {
    'GET /v1/events': ['listEvents', ['invalid_topic']],
    'GET /v1/events/stream': ['streamEvents', ['invalid_topic']],
  }),
  ...group('promising', {
    'GET /v1/skus/{sku}/sell-ahead-policy': ['getSellAheadPolicy', policyTarget],
    'PUT /v1/skus/{sku}/sell-ahead-policy': ['setSellAheadPolicy', [...policyTarget, ...policyRules]],
    'DELETE /v1/skus/{sku}/sell-ahead-policy': ['removeSellAheadPolicy', [...policyTarget, 'policy_not_found']],
    'GET /v1/promising-settings': ['getPromisingSettings', []],
    'PUT /v1/promising-settings': ['setPromisingSettings', ['invalid_promising_settings']],
    'GET /v1/availability-to-promise': ['getAvailableToPromise', ['invalid_quantity', 'sku_not_found', 'channel_not_found', 'channel_required']],
  }),
  ...group('repromising', {
    'GET /v1/orders/{id}/delays': ['listOrderDelays', ['order_not_found']],
    'GET /v1/orders/{id}/messages': ['listOrderMessages', ['order_not_found']],
    'GET /v1/compensation-policy': ['getCompensationPolicy', []],
    // The policy is checked by the promising context.
    'PUT /v1/compensation-policy': ['setCompensationPolicy', ['invalid_compensation_policy']],
  }),
  ...group('orders', {
    'GET /v1/orders/lifecycle': ['getOrderLifecycle', []],
    'POST /v1/orders': ['placeOrder', [
      'channel_required', 'forbidden', 'idempotency_key_required', 'idempotency_key_reused', 'unknown_channel', 'channel_inactive',
      'unknown_currency', 'unknown_customer_tier', 'unknown_node', 'unknown_sku', 'node_not_pickup', 'no_nodes', 'total_too_large',
      'zero_total', 'insufficient_stock', 'insufficient_supply', 'value_not_storable', 'no_route',
      'contact_method_mismatch', 'coordinates_incomplete', 'invalid_email', 'invalid_phone',
    ], 'idempotent'],
    'GET /v1/orders': ['listOrders', []],
    'GET /v1/orders/{id}': ['getOrder', ['order_not_found']],
    'GET /v1/orders/{id}/timeline': ['getOrderTimeline', ['order_not_found']],
    'POST /v1/orders/{id}/cancel': ['cancelOrder', [...orderAction, 'no_delay_offer', 'order_partly_shipped']],
    'POST /v1/orders/{id}/ship': ['shipOrder', [...orderAction, 'order_refunded', 'not_ready_to_ship']],
    'POST /v1/orders/{id}/deliver': ['deliverOrder', orderAction],
    'POST /v1/orders/{id}/payments': ['recordPayment', [
      ...orderAction, 'payment_plan_mismatch', 'balance_window_not_open', 'currency_mismatch', 'refund_exceeds_paid',
      'refund_exceeds_provider_payments', 'amount_mismatch', 'idempotency_key_reused', 'unknown_refund_request', 'refund_request_paid',
    ]],
    'GET /v1/orders/{id}/payments': ['listPayments', ['order_not_found']],
  }),
  ...group('presale', {
    'POST /v1/presale-campaigns': ['createCampaign', [...campaignTerms, 'campaign_code_taken']],
    'GET /v1/presale-campaigns': ['listCampaigns', []],
    'GET /v1/presale-campaigns/lifecycle': ['getCampaignLifecycle', []],
    'GET /v1/presale-campaigns/{id}': ['getCampaign', ['campaign_not_found']],
    'PATCH /v1/presale-campaigns/{id}': ['updateCampaign', ['campaign_not_found', 'illegal_transition', ...campaignTerms]],
    'POST /v1/presale-campaigns/{id}/publish': ['publishCampaign', [...campaignLocked, 'illegal_transition', 'campaign_window_passed', 'node_inactive']],
    'POST /v1/presale-campaigns/{id}/quota': ['setCampaignQuota', [...campaignLocked, 'illegal_transition', 'quota_cannot_decrease']],
    'POST /v1/presale-campaigns/{id}/end': ['endCampaign', [...campaignLocked, 'illegal_transition']],
    // Cancelling is allowed from every status (again: it finishes a cancel that stopped half way).
    'POST /v1/presale-campaigns/{id}/cancel': ['cancelCampaign', campaignLocked],
    'POST /v1/presale-campaigns/{id}/allocate-stock': ['allocateCampaignStock', ['campaign_not_found', 'illegal_transition']],
    'POST /v1/presale-campaigns/{id}/orders': ['placePresaleOrder', [
      'promotions_not_allowed', 'idempotency_key_required', 'campaign_not_found', 'channel_required', 'unknown_channel', 'channel_inactive',
      'unknown_customer_tier', 'campaign_not_published', 'campaign_not_started', 'campaign_ended', 'campaign_cancelled',
      'per_customer_limit_exceeded', 'quota_exhausted', 'presale_not_sold_here', 'ship_date_not_choosable', 'ship_date_required',
      'ship_date_out_of_range', 'node_inactive', 'insufficient_supply', 'value_not_storable', 'invalid_email', 'invalid_phone', 'coordinates_incomplete',
    ], 'idempotent'],
    'GET /v1/presale-campaigns/{id}/demand': ['getCampaignDemand', ['campaign_not_found']],
    'GET /v1/presale-demand': ['listPresaleDemand', []],
  }),
  ...group('customer', {
    // The token is the credential: one this server did not sign is an order that does not exist.
    'GET /v1/order-status/{token}': ['getCustomerOrderStatus', ['order_not_found'], 'public'],
    'POST /v1/order-status/{token}/cancel': ['cancelCustomerOrderForDelay', ['order_not_found', 'no_delay_offer', 'illegal_transition', 'order_partly_shipped'], 'public'],
    'GET /v1/promise': ['getShopperPromise', ['sku_not_found', 'channel_not_found'], 'public'],
  }),
  ...group('analytics', {
    'GET /v1/analytics/dashboard': ['getAnalyticsDashboard', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/sales': ['getSalesFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/promise-sources': ['getPromiseSourceFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/on-time': ['getOnTimeFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/backorders': ['getBackorderFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/delays': ['getDelayFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/presale': ['getPresaleFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/fulfilment': ['getFulfilmentFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/returns': ['getReturnFigures', ['invalid_period', 'channel_not_found']],
    'GET /v1/analytics/suppliers': ['getSupplierFigures', ['invalid_period']],
    'GET /v1/analytics/inventory': ['getInventoryFigures', ['invalid_period']],
    'GET /v1/analytics/replenishment': ['getReplenishmentFigures', ['invalid_period']],
    'GET /v1/analytics/payables': ['getPayablesFigures', ['invalid_period']],
    'GET /v1/analytics/channels': ['getChannelMeasures', ['invalid_period', 'channel_not_found']],
  }),
  ...group('availability', {
    'GET /v1/channels/{channel}/availability': ['getChannelAvailability', ['channel_not_found', 'sku_not_found']],
    'GET /v1/channels/{channel}/availability/changes': ['listChannelAvailabilityChanges', ['channel_not_found']],
    'GET /v1/channels/{channel}/availability/stream': ['streamChannelAvailability', ['channel_not_found']],
    'GET /v1/channels/{channel}/exports/google-local-inventory': ['exportGoogleLocalInventory', ['channel_not_found']],
    'GET /v1/channels/{channel}/exports/shopify-inventory': ['exportShopifyInventory', ['channel_not_found']],
  }),
  ...group('webhooks', {
    'POST /v1/webhook-endpoints': ['createWebhookEndpoint', ['webhook_url_not_allowed', 'invalid_topic']],
    'GET /v1/webhook-endpoints': ['listWebhookEndpoints', []],
    'GET /v1/webhook-endpoints/{id}': ['getWebhookEndpoint', ['webhook_endpoint_not_found']],
    'PATCH /v1/webhook-endpoints/{id}': ['updateWebhookEndpoint', ['webhook_endpoint_not_found', 'webhook_url_not_allowed', 'invalid_topic']],
    'DELETE /v1/webhook-endpoints/{id}': ['deleteWebhookEndpoint', ['webhook_endpoint_not_found']],
    'POST /v1/webhook-endpoints/{id}/rotate-secret': ['rotateWebhookSecret', ['webhook_endpoint_not_found']],
    'GET /v1/webhook-endpoints/{id}/deliveries': ['listWebhookDeliveries', ['webhook_endpoint_not_found']],
    'POST /v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay': ['replayWebhookDelivery', ['webhook_endpoint_not_found', 'webhook_delivery_not_found']],
    'POST /v1/webhook-endpoints/{id}/replay': ['replayFailedWebhookDeliveries', ['webhook_endpoint_not_found']],
  }),
  ...group('notifications', {
    'GET /v1/notification-templates': ['listNotificationTemplates', []],
    'PUT /v1/notification-templates/{kind}': ['setNotificationTemplate', ['channel_not_found', 'unknown_placeholder', 'template_too_long', 'invalid_template']],
    'DELETE /v1/notification-templates/{kind}': ['removeNotificationTemplate', ['channel_not_found']],
    'GET /v1/notification-settings': ['getNotificationSettings', []],
    'PUT /v1/notification-settings': ['setNotificationSettings', ['invalid_notification_settings', 'channel_not_found']],
    'GET /v1/orders/{id}/notifications': ['listOrderNotifications', ['order_not_found']],
  }),
  ...group('routing', {
    'GET /v1/routing-profiles': ['listRoutingProfiles', []],
    'GET /v1/routing-profiles/{channel}': ['getRoutingProfile', ['routing_scope_not_found']],
    'PUT /v1/routing-profiles/{channel}': ['setRoutingProfile', ['routing_scope_not_found', 'invalid_routing_profile']],
    'GET /v1/routing-profiles/{channel}/versions': ['listRoutingProfileVersions', ['routing_scope_not_found']],
    'GET /v1/shipping-zones': ['getShippingZones', []],
    'PUT /v1/shipping-zones': ['setShippingZones', ['invalid_shipping_zones']],
    'GET /v1/orders/{id}/routing': ['getOrderRouting', ['order_not_found']],
  }),
  ...group('fulfilment', {
    'GET /v1/shipments/lifecycle': ['getShipmentLifecycle', []],
    'GET /v1/shipments': ['listShipments', []],
    'POST /v1/orders/{id}/shipments': ['releaseOrderToFulfilment', ['order_not_found', 'order_not_paid', 'nothing_to_fulfil']],
    'GET /v1/shipments/{id}': ['getShipment', ['shipment_not_found']],
    'POST /v1/shipments/{id}/release': ['releaseShipment', shipmentAction],
    'POST /v1/shipments/{id}/pick': ['startPickingShipment', shipmentAction],
    'POST /v1/shipments/{id}/pack': ['packShipment', shipmentAction],
    'POST /v1/shipments/{id}/ship': ['shipShipment', [...shipmentAction, 'invalid_shipment_lines', 'not_ready_to_ship', 'line_not_shippable']],
    'POST /v1/shipments/{id}/deliver': ['deliverShipment', [...shipmentAction, 'delivered_before_shipped', 'delivered_in_future']],
    'POST /v1/shipments/{id}/cancel': ['cancelShipment', shipmentAction],
    'POST /v1/shipments/{id}/reject': ['rejectShipmentLine', [...shipmentAction, 'invalid_shipment_lines', 'line_not_shippable']],
    'POST /v1/shipments/{id}/ready': ['readyShipmentForPickup', [...shipmentAction, 'not_a_pickup', 'not_ready_for_pickup']],
    'POST /v1/shipments/{id}/collect': ['collectPickup', [...shipmentAction, 'invalid_shipment_lines', 'wrong_pickup_code', 'pickup_locked', 'not_ready_to_ship', 'line_not_shippable']],
    'POST /v1/shipments/{id}/reset-attempts': ['resetPickupAttempts', shipmentAction],
    'GET /v1/supplier-portal/dropship': ['listDropshipRequests', []],
    'GET /v1/supplier-portal/dropship/{id}': ['getDropshipRequest', ['shipment_not_found']],
    'POST /v1/supplier-portal/dropship/{id}/accept': ['acceptDropshipRequest', shipmentAction],
    'POST /v1/supplier-portal/dropship/{id}/ship': ['shipDropshipRequest', [...shipmentAction, 'invalid_shipment_lines', 'not_ready_to_ship', 'line_not_shippable']],
    'POST /v1/supplier-portal/dropship/{id}/reject': ['rejectDropshipRequest', [...shipmentAction, 'invalid_shipment_lines', 'line_not_shippable']],
  }),
  ...group('returns', {
    'GET /v1/returns/lifecycle': ['getReturnLifecycle', []],
    'GET /v1/return-policies/{channel}': ['getReturnPolicy', ['channel_not_found']],
    'PUT /v1/return-policies/{channel}': ['setReturnPolicy', ['channel_not_found', 'invalid_return_policy']],
    'GET /v1/disposition-rules': ['getDispositionRules', []],
    'PUT /v1/disposition-rules': ['setDispositionRules', ['invalid_disposition_rules']],
    'GET /v1/returns': ['listReturns', []],
    'POST /v1/returns': ['openReturn', [
      'order_not_found', 'node_not_found', 'not_a_returns_node', 'invalid_return_lines', 'return_exceeds_delivered', 'return_window_closed', 'not_returnable', 'reason_not_accepted',
    ]],
    'GET /v1/returns/{id}': ['getReturn', ['return_not_found']],
    'POST /v1/returns/{id}/approve': ['approveReturn', [...returnAction, 'node_not_found', 'not_a_returns_node', 'order_not_found']],
    'POST /v1/returns/{id}/reject': ['rejectReturn', returnAction],
    'POST /v1/returns/{id}/ship': ['shipReturn', returnAction],
    'POST /v1/returns/{id}/receive': ['receiveReturn', [...returnAction, 'node_not_found', 'not_a_returns_node', 'invalid_return_lines']],
    'POST /v1/returns/{id}/inspect': ['inspectReturn', [...returnAction, 'invalid_inspection', 'order_not_found']],
    'POST /v1/returns/{id}/repair': ['repairReturnedUnit', [...returnAction, 'invalid_inspection']],
    'POST /v1/returns/{id}/close': ['closeReturn', [...returnAction, 'units_awaiting_inspection', 'order_not_found']],
    'POST /v1/returns/{id}/cancel': ['cancelReturn', returnAction],
  }),
  ...group('replenishment', {
    'GET /v1/demand/{sku}/{node}': ['getDemandHistory', ['sku_not_found', 'node_not_found', 'invalid_forecast_request']],
    'GET /v1/planned-events': ['listPlannedEvents', ['unknown_sku', 'unknown_node', 'invalid_forecast_request']],
    'POST /v1/planned-events': ['planEvent', ['invalid_planned_event', 'unknown_sku', 'unknown_node', 'planned_event_exists']],
    'GET /v1/planned-events/{id}': ['getPlannedEvent', ['planned_event_not_found']],
    'DELETE /v1/planned-events/{id}': ['deletePlannedEvent', ['planned_event_not_found']],
    'GET /v1/replenishment-policies': ['listReplenishmentPolicies', []],
    'GET /v1/replenishment-policies/{sku}/{node}': ['getReplenishmentPolicy', ['sku_not_found', 'node_not_found']],
    'PUT /v1/replenishment-policies/{sku}/{node}': ['setReplenishmentPolicy', ['sku_not_found', 'node_not_found', 'invalid_replenishment_policy']],
    'DELETE /v1/replenishment-policies/{sku}/{node}': ['deleteReplenishmentPolicy', ['replenishment_policy_not_found']],
    'GET /v1/forecasts/{sku}/{node}': ['getForecast', ['sku_not_found', 'node_not_found']],
    'GET /v1/replenishment/run': ['getReplenishmentRun', []],
    'POST /v1/replenishment/run': ['runReplenishment', ['invalid_forecast_request', 'unknown_sku']],
    'GET /v1/suggestions': ['listSuggestions', []],
    'GET /v1/suggestions/{id}': ['getSuggestion', ['suggestion_not_found']],
    'PATCH /v1/suggestions/{id}': ['editSuggestion', ['suggestion_not_found', 'suggestion_not_open', 'invalid_suggestion_quantity']],
    'POST /v1/suggestions/{id}/dismiss': ['dismissSuggestion', ['suggestion_not_found', 'suggestion_not_open']],
    'POST /v1/suggestions/approve': ['approveSuggestions', ['suggestion_not_found', 'suggestion_not_open', 'invalid_suggestion_quantity']],
    'GET /v1/supplier-portal/replenishment': ['listVendorStock', ['invalid_forecast_request']],
    'GET /v1/supplier-portal/replenishment/alerts': ['listVendorAlerts', ['invalid_forecast_request']],
  }),
  ...group('payables', {
    'GET /v1/supplier-agreements/{supplier}': ['getSupplierAgreement', ['supplier_not_found']],
    'PUT /v1/supplier-agreements/{supplier}': ['setSupplierAgreement', ['supplier_not_found', 'invalid_agreement', 'invalid_payment_terms', 'invalid_match_tolerance']],
    'DELETE /v1/supplier-agreements/{supplier}': ['deleteSupplierAgreement', ['supplier_not_found']],
    'GET /v1/supplier-invoices': ['listSupplierInvoices', ['supplier_not_found']],
    'POST /v1/supplier-invoices': ['enterSupplierInvoice', invoiceEntry],
    'GET /v1/supplier-invoices/{id}': ['getSupplierInvoice', ['invoice_not_found']],
    'POST /v1/supplier-invoices/{id}/resolution': ['resolveSupplierInvoice', ['invoice_not_found', 'invoice_not_on_hold', 'invalid_resolution', 'currency_mismatch', ...landingCharges]],
    'GET /v1/payment-runs': ['listPaymentRuns', []],
    'POST /v1/payment-runs': ['proposePaymentRun', ['invalid_payment_run', 'nothing_to_pay']],
    'GET /v1/payment-runs/{id}': ['getPaymentRun', ['payment_run_not_found']],
    'POST /v1/payment-runs/{id}/approve': ['approvePaymentRun', ['payment_run_not_found', 'payment_run_not_proposed']],
    'POST /v1/payment-runs/{id}/cancel': ['cancelPaymentRun', ['payment_run_not_found', 'payment_run_not_proposed']],
    'POST /v1/payment-runs/{id}/payments': ['recordSupplierPayment', [
      'payment_run_not_found', 'payment_run_not_approved', 'payment_already_recorded', 'invalid_payment_run', 'supplier_not_found',
    ]],
    'GET /v1/payables/ageing': ['getPayablesAgeing', ['invalid_payment_run', 'supplier_not_found']],
    'GET /v1/payables/due-by-week': ['getPayablesDueByWeek', ['invalid_payment_run', 'supplier_not_found']],
    'GET /v1/suppliers/{id}/statement': ['getSupplierStatement', ['supplier_not_found']],
    'GET /v1/supplier-portal/invoices': ['listOwnInvoices', []],
    'POST /v1/supplier-portal/invoices': ['sendInvoice', invoiceEntry.filter((c) => c !== 'supplier_not_found')],
    'GET /v1/supplier-portal/invoices/{id}': ['getOwnInvoice', ['invoice_not_found']],
    'GET /v1/supplier-portal/statement': ['getOwnStatement', []],
    'GET /v1/supplier-debits': ['listSupplierDebits', []],
    'GET /v1/supplier-debits/{debitId}': ['getSupplierDebit', ['debit_not_found']],
    'POST /v1/suppliers/{id}/credit-notes': ['enterCreditNote', ['supplier_not_found', 'invalid_credit_note', 'currency_mismatch', 'credit_note_exists']],
    'GET /v1/supplier-portal/debits': ['listPortalDebits', []],
    'GET /v1/supplier-portal/debits/{debitId}': ['getPortalDebit', ['debit_not_found']],
    'POST /v1/receipts/{id}/landed-costs': ['addLandedCost', [
      'receipt_not_found', 'invalid_charges', 'weight_missing', 'volume_missing', 'currency_mismatch', 'nothing_received', 'landed_credit_exceeds_value', 'idempotency_key_reused',
    ], 'idempotent'],
    'GET /v1/receipts/{id}/landed-costs': ['listLandedCosts', ['receipt_not_found']],
    'GET /v1/costs/skus/{sku}': ['getSkuCost', ['sku_not_found']],
    'GET /v1/costs/valuation': ['getInventoryValuation', ['node_not_found']],
  }),
}
