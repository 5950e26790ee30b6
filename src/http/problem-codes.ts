/**
 * Every code each context can refuse with, at run time. The OpenAPI document lists per operation
 * the codes it can answer (operation-table.ts); test/openapi-contract.test.ts holds each code here
 * to be listed by some operation, or named as one no route can answer. Typed as a record of the
 * context's closed union, so a code added to a union and not here fails the typecheck instead of
 * going undocumented.
 */
import type { Context } from './operation-table.ts'
import type { AuthErrorCode } from '../auth/index.ts'
import type { CatalogueErrorCode } from '../catalogue/index.ts'
import type { EventErrorCode } from '../events/index.ts'
import type { InventoryErrorCode } from '../inventory/index.ts'
import type { OrderErrorCode } from '../orders/index.ts'
import type { PresaleErrorCode } from '../presale/index.ts'
import type { PromisingErrorCode } from '../promising/index.ts'
import type { RepromisingErrorCode } from '../repromising/index.ts'
import type { PurchasingErrorCode } from '../purchasing/index.ts'
import type { CustomerErrorCode } from '../customer/index.ts'
import type { AnalyticsErrorCode } from '../analytics/index.ts'
import type { AvailabilityErrorCode } from '../availability/index.ts'
import type { WebhookErrorCode } from '../webhooks/index.ts'
import type { NotificationErrorCode } from '../notifications/index.ts'
import type { RoutingErrorCode } from '../routing/index.ts'
import type { FulfilmentErrorCode } from '../fulfilment/index.ts'
import type { ReturnsErrorCode } from '../returns/index.ts'
import type { ReplenishmentErrorCode } from '../replenishment/index.ts'
import type { PayablesErrorCode } from '../payables/index.ts'

const authCodes: Record<AuthErrorCode, true> = {
  invalid_role: true, not_a_store: true, not_a_warehouse: true, token_not_found: true, unknown_channel: true, unknown_node: true,
  unknown_supplier: true,
}

const catalogueCodes: Record<CatalogueErrorCode, true> = {
  channel_not_found: true, duplicate_code: true, invalid_active: true, invalid_attributes: true, invalid_barcode: true,
  invalid_capabilities: true, invalid_code: true, invalid_coordinates: true, invalid_fulfilment_profile: true, invalid_handling_time: true, invalid_kind: true,
  invalid_latitude: true, invalid_longitude: true, invalid_name: true, invalid_node_ids: true, invalid_region: true,
  invalid_safety_buffer: true, invalid_supplier_id: true, invalid_unit: true, invalid_volume: true, invalid_weight: true, node_not_found: true, sku_not_found: true,
  unknown_node: true,
}

const eventsCodes: Record<EventErrorCode, true> = {
  invalid_topic: true,
}

const inventoryCodes: Record<InventoryErrorCode, true> = {
  adjustment_below_zero: true, channel_not_at_node: true, eta_in_past: true, forbidden: true, idempotency_key_reused: true, insufficient_on_hand: true,
  insufficient_stock: true, insufficient_unsellable: true, invalid_quantity: true, lock_not_active: true,
  lock_not_found: true, node_not_found: true, received_more_than_shipped: true, release_time_in_past: true,
  reservation_expired: true, reservation_not_found: true, reservation_not_held: true, sku_not_found: true,
  transfer_not_cancellable: true, transfer_not_found: true, transfer_not_open: true, transfer_not_receivable: true,
  transfer_not_shippable: true, transfer_same_node: true, unknown_channel: true, unknown_node: true, unknown_sku: true,
  value_not_storable: true,
}

const ordersCodes: Record<OrderErrorCode, true> = {
  amount_mismatch: true, amount_required: true, balance_window_not_open: true, channel_inactive: true, channel_required: true,
  contact_method_mismatch: true, coordinates_incomplete: true, invalid_email: true, invalid_phone: true, currency_mismatch: true, forbidden: true, idempotency_key_required: true, idempotency_key_reused: true,
  illegal_transition: true, line_not_shippable: true, no_delay_offer: true, no_nodes: true, no_route: true, node_not_pickup: true, not_ready_to_ship: true, order_partly_shipped: true,
  order_not_found: true, order_refunded: true, payment_plan_mismatch: true, refund_exceeds_paid: true,
  refund_exceeds_provider_payments: true, unknown_refund_request: true, refund_request_paid: true, reprice_terms_required: true, total_too_large: true, unknown_channel: true,
  unknown_currency: true, unknown_customer_tier: true, unknown_node: true, unknown_sku: true, zero_total: true,
}

const presaleCodes: Record<PresaleErrorCode, true> = {
  balance_window_not_open: true, campaign_cancelled: true, campaign_changed: true, campaign_code_taken: true,
  campaign_ended: true, campaign_not_found: true, campaign_not_published: true, campaign_not_started: true,
  campaign_window_passed: true, channel_inactive: true, channel_required: true, deposit_above_limit: true,
  deposit_below_limit: true, deposit_credit_above_price: true, deposit_credit_below_deposit: true, deposit_not_below_price: true,
  deposit_not_fixed_amount: true, deposit_not_whole_amount: true, deposit_required: true, forbidden: true,
  idempotency_key_required: true, illegal_transition: true, invalid_balance_window: true, invalid_compensation: true,
  invalid_deposit: true, invalid_deposit_deadline: true, invalid_deposit_rule: true, invalid_inflation: true,
  invalid_per_customer_limit: true, invalid_pricing: true, invalid_quota: true, invalid_ship_date: true, invalid_tiers: true,
  invalid_window: true, node_inactive: true, per_customer_limit_exceeded: true, presale_not_sold_here: true,
  promotions_not_allowed: true, quota_cannot_decrease: true, quota_exhausted: true, ship_date_before_end: true,
  ship_date_not_choosable: true, ship_date_out_of_range: true, ship_date_required: true, total_too_large: true,
  unknown_channel: true, unknown_currency: true, unknown_customer_tier: true, unknown_node: true, unknown_sku: true,
  unknown_supplier: true,
}

const promisingCodes: Record<PromisingErrorCode, true> = {
  buffer_without_unconfirmed: true, channel_not_found: true, channel_required: true, duplicate_supply_kind: true,
  insufficient_stock: true, insufficient_supply: true, invalid_compensation_policy: true, invalid_horizon: true,
  invalid_max_beyond_stock: true, invalid_promising_settings: true, invalid_quantity: true, invalid_unconfirmed_buffer: true,
  no_supply_kinds: true, order_not_found: true, policy_not_found: true, sku_not_found: true, stock_required: true,
  unknown_supply_kind: true,
}

const repromisingCodes: Record<RepromisingErrorCode, true> = {
  order_not_found: true,
}

const purchasingCodes: Record<PurchasingErrorCode, true> = {
  accepted_above_ordered: true, asn_exceeds_open_quantity: true, asn_in_transit: true, asn_not_found: true,
  asn_not_in_transit: true, below_minimum_order_quantity: true, duplicate_code: true, duplicate_line: true,
  duplicate_reference: true, eta_in_past: true, eta_required: true, eta_unchanged: true, fail_reason_required: true,
  filter_required: true, forbidden: true, idempotency_key_reused: true, illegal_transition: true, invalid_active: true,
  invalid_code: true, invalid_contacts: true, invalid_currency: true, invalid_destination: true, invalid_dropship: true,
  invalid_lead_time: true, invalid_min_order_quantity: true, invalid_name: true, invalid_pack_size: true,
  invalid_payment_terms: true, invalid_quantity: true, invalid_receiving_policy: true, invalid_scorecard_policy: true,
  invalid_supplier_sku_code: true, invalid_unit_cost: true, invalid_virtual_cap: true, line_already_answered: true,
  line_not_accepted: true, line_not_found: true, line_not_on_asn: true, no_lines: true, node_not_allowed_for_virtual: true,
  node_not_found: true, not_a_pack_multiple: true, nothing_to_cancel: true, over_receipt_above_tolerance: true,
  po_has_receipts: true, purchase_order_not_found: true, quantity_in_transit: true, receive_against_asn: true,
  requested_date_in_past: true, sku_not_found: true, sku_terms_not_found: true, supplier_inactive: true,
  supplier_not_found: true, too_many_lines: true, unit_cost_required: true, unknown_node: true, unknown_sku: true,
  unknown_supplier: true, virtual_above_cap: true, virtual_cap_below_declared: true,
}

const customerCodes: Record<CustomerErrorCode, true> = {
  channel_not_found: true, order_not_found: true, sku_not_found: true,
}

const analyticsCodes: Record<AnalyticsErrorCode, true> = {
  channel_not_found: true, invalid_period: true,
}

const availabilityCodes: Record<AvailabilityErrorCode, true> = {
  channel_not_found: true, sku_not_found: true,
}

const webhooksCodes: Record<WebhookErrorCode, true> = {
  invalid_topic: true, webhook_delivery_not_found: true, webhook_endpoint_not_found: true, webhook_url_not_allowed: true,
}

const notificationsCodes: Record<NotificationErrorCode, true> = {
  channel_not_found: true, invalid_notification_settings: true, invalid_template: true, order_not_found: true, template_too_long: true,
  unknown_placeholder: true,
}

const routingCodes: Record<RoutingErrorCode, true> = {
  invalid_routing_profile: true, invalid_shipping_zones: true, routing_scope_not_found: true,
}

const fulfilmentCodes: Record<FulfilmentErrorCode, true> = {
  delivered_before_shipped: true, delivered_in_future: true, forbidden: true, illegal_transition: true, invalid_shipment_lines: true, nothing_to_fulfil: true,
  order_not_found: true, order_not_paid: true, shipment_not_found: true, not_a_pickup: true, not_ready_for_pickup: true, wrong_pickup_code: true, pickup_locked: true,
}

const returnsCodes: Record<ReturnsErrorCode, true> = {
  invalid_disposition_rules: true, invalid_inspection: true, invalid_return_lines: true, invalid_return_policy: true, not_a_returns_node: true,
  not_returnable: true, reason_not_accepted: true, return_exceeds_delivered: true, return_not_found: true, return_window_closed: true,
  units_awaiting_inspection: true, forbidden: true, illegal_transition: true, order_not_found: true, node_not_found: true, channel_not_found: true,
}

const replenishmentCodes: Record<ReplenishmentErrorCode, true> = {
  invalid_planned_event: true, planned_event_not_found: true, planned_event_exists: true, invalid_replenishment_policy: true, replenishment_policy_not_found: true,
  invalid_forecast_request: true, suggestion_not_found: true, suggestion_not_open: true, invalid_suggestion_quantity: true, unknown_sku: true,
  unknown_node: true, sku_not_found: true, node_not_found: true,
}

const payablesCodes: Record<PayablesErrorCode, true> = {
  no_lines: true, invalid_cost_lines: true, invalid_charges: true, weight_missing: true, volume_missing: true, no_units_on_hand: true, landed_credit_exceeds_value: true,
  invalid_match_tolerance: true, invalid_payment_terms: true, invalid_agreement: true, invalid_invoice: true, unknown_po_line: true, currency_mismatch: true,
  duplicate_invoice_number: true, invoice_not_found: true, invoice_not_on_hold: true, invalid_resolution: true, supplier_not_found: true,
  invalid_payment_run: true, payment_run_not_found: true, payment_run_not_proposed: true, payment_run_not_approved: true, payment_already_recorded: true, nothing_to_pay: true,
  invalid_credit_note: true, credit_note_exists: true, debit_not_found: true,
  receipt_not_found: true, sku_not_found: true, node_not_found: true, nothing_received: true,
}

export const contextErrorCodes: Record<Context, readonly string[]> = {
  auth: Object.keys(authCodes),
  catalogue: Object.keys(catalogueCodes),
  customer: Object.keys(customerCodes),
  events: Object.keys(eventsCodes),
  inventory: Object.keys(inventoryCodes),
  orders: Object.keys(ordersCodes),
  presale: Object.keys(presaleCodes),
  promising: Object.keys(promisingCodes),
  repromising: Object.keys(repromisingCodes),
  purchasing: Object.keys(purchasingCodes),
  analytics: Object.keys(analyticsCodes),
  availability: Object.keys(availabilityCodes),
  webhooks: Object.keys(webhooksCodes),
  notifications: Object.keys(notificationsCodes),
  routing: [...Object.keys(routingCodes), 'order_not_found'],
  fulfilment: Object.keys(fulfilmentCodes),
  returns: Object.keys(returnsCodes),
  replenishment: Object.keys(replenishmentCodes),
  payables: Object.keys(payablesCodes),
}
