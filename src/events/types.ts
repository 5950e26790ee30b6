/**
 * Every event Sellahead publishes: its topic and the shape of its payload. The outbox stores
 * them as JSON; channels, webhooks and the bus read these shapes, so a change here is a change of
 * the public contract. Payload types live here, not in the publishing contexts, so that every
 * context can publish and read them without importing another.
 *
 * Dates on the outbox are written as the API writes them: instants as ISO 8601 text, days as
 * YYYY-MM-DD. Payloads keep epoch milliseconds in memory, where the listeners of the same
 * transaction read them (supply lines' `expectedDate`); `payloadOnWire` turns them into text
 * when the event is published.
 */
import type { Buckets } from '../kernel/position.ts'
import type { SlotKind, SupplyLine } from '../supply/index.ts'

/** An order was placed (action `place`, published with the placement) or changed (a payment, a cancel, a shipment, a presale reprice …). */
export interface OrderChanged {
  orderId: string
  channelId: string
  customerId: string | null
  status: string
  /** `place`, the lifecycle action, or the presale step, that changed it. */
  action: string
  /** The timeline entries the change wrote. */
  events: string[]
  /** Lines (numbers) the change shipped in full, when it shipped any: a line ships once, whatever the shipments it took. */
  linesShipped?: number[]
  /** Lines (numbers) the change recorded as delivered, when it delivered any. */
  linesDelivered?: number[]
}

/** A shipment (a fulfilment order per node) was made or changed: released, picked, packed, shipped, delivered, split, a line rejected, cancelled. */
export interface ShipmentChanged {
  shipmentId: string
  orderId: string
  channelId: string
  nodeId: string
  status: string
  /** The action that changed it (`create`, `release`, `ship`, `split`, `reject_line`, `reroute`, or the order's action it followed). */
  action: string
  /** The shipment's event kinds this change wrote. */
  events: string[]
}

/**
 * The merchant owes a refund (a return): the payment provider that took the money is asked to pay
 * it back. The provider reports it done with `POST /v1/orders/{id}/payments` (`kind: refund`)
 * naming `requestId`; the same report twice counts once.
 */
export interface RefundRequested {
  requestId: string
  orderId: string
  channelId: string
  /** Minor units of `currency`. */
  amount: number
  currency: string
  /** The provider that took most of the order's money (null when none did). */
  provider: string | null
  /** What the refund is for, e.g. `return:<returnId>`. */
  reason: string
}

/** A return (RMA) changed: opened, approved or rejected, sent, received, inspected, closed or cancelled. */
export interface ReturnChanged {
  returnId: string
  orderId: string
  channelId: string
  /** The receiving node, once known. */
  nodeId: string | null
  status: string
  action: string
  events: string[]
}

/** A line will ship later than promised; the customer has been told and may cancel for a full refund. */
export interface OrderDelayed {
  orderId: string
  lineNo: number
  channelId: string
  customerId: string | null
  delayId: string
  messageId: string
  cause: string
  oldShipBy: string | null
  /** Null when nobody knows the new day yet. */
  newShipBy: string | null
  daysLate: number | null
  compensation: unknown
}

/** A line will ship earlier than promised. */
export interface OrderPromiseImproved {
  orderId: string
  lineNo: number
  oldShipBy: string | null
  newShipBy: string | null
  channelId: string
  customerId: string | null
  messageId: string
}

/** What changed about a source of supply, in one vocabulary for every source. */
export type SupplyChangeKind =
  | 'added' | 'eta_moved' | 'confidence_changed' | 'quantity_cut' | 'quantity_raised' | 'received' | 'removed' | 'source_changed'

/** A supply line as an event carries it: `expectedDate` as the API shows it, a day (YYYY-MM-DD) or null. */
export type SupplyLineOnWire = Omit<SupplyLine, 'expectedDate'> & { expectedDate: string | null }

/** A purchase-order line's or an ASN's supply changed. */
export interface PoSupplyChanged {
  skuId: string
  nodeId: string
  sourceType: 'po_line'
  poId: string
  poLineId: string
  /** What happened, in the words of the action that caused it (e.g. 'eta_changed', 'receipt'). */
  cause: string
  changes: SupplyChangeKind[]
  before: SupplyLine[]
  after: SupplyLine[]
}

export type TransferSupplyCause = 'transfer_created' | 'transfer_shipped' | 'transfer_received' | 'transfer_cancelled' | 'transfer_eta_moved'

/** A transfer's supply at its destination changed. */
export interface TransferSupplyChanged {
  skuId: string
  /** The destination: where the supply will arrive. */
  nodeId: string
  sourceType: 'transfer'
  sourceId: string
  cause: TransferSupplyCause
  changes: Array<'added' | 'eta_moved' | 'confidence_changed' | 'received' | 'removed'>
  before: SupplyLine[]
  after: SupplyLine[]
  /** Receipts only: shipped − received (positive: lost in transit). */
  discrepancy?: number
  /** ETA moves only: why, as the merchant reported it (transfers have no timeline; this event is the record). */
  reason?: string
}

/** A supplier's declared virtual supply changed. */
export interface VirtualSupplyChanged {
  skuId: string
  nodeId: string
  sourceType: 'virtual'
  supplierId: string
  cause: 'virtual_declared'
  changes: SupplyChangeKind[]
  before: SupplyLine[]
  after: SupplyLine[]
  /** Virtual units at the node from every supplier, after the change. */
  virtualAtNode: number
}

export type SupplyChanged = PoSupplyChanged | TransferSupplyChanged | VirtualSupplyChanged

/** Units expected as sellable arrived and failed quality control. */
export interface QcFailed {
  skuId: string
  nodeId: string
  poId: string
  poLineId: string
  /** The PO's supplier. */
  supplierId: string
  receiptId: string
  quantityFailed: number
  reason: string | null
}

/** One slot past its day, and the day it is now expected. */
export interface SupplyOverdue {
  skuId: string
  nodeId: string
  slotId: string
  kind: SlotKind
  purchaseOrderId: string | null
  supplierId: string | null
  quantity: number
  promised: number
  dueDate: string
  daysOverdue: number
  expectedDate: string
}

/** Stock fell below what is already promised from it (S < 0): a count, a loss, a QC failure. */
export interface InventoryShortage extends Buckets {
  skuId: string
  nodeId: string
  sellable: number
  shortage: number
  /** The kind of request that caused it, and its reason. */
  cause: string
  reason: string | null
}

/** A presale campaign was created, changed, published, ended or cancelled. */
export interface CampaignChanged {
  campaignId: string
  code: string
  skuId: string
  /** The node the campaign's units ship from. */
  nodeId: string
  change: string
  status: string
  quota: number
  finalUnitPrice: number | null
  actor: string
  [detail: string]: unknown
}

/** A purchase order changed (sent, confirmed, shipped, received, cancelled …). */
export interface PurchaseOrderChanged {
  poId: string
  supplierId: string
  status: string
  version: number
  /** The timeline entries the change wrote. */
  events: string[]
}

/** A supplier's master data was created or changed. */
export interface SupplierChanged {
  supplierId: string
  code: string
  change: 'created' | 'updated'
  active: boolean
  actor: string
}

/**
 * A position's buckets after a change, once per position per engine batch (a flash sale's
 * thousands of reservations in one batch are one event): what channels' availability follows.
 */
export interface InventoryChanged extends Buckets {
  skuId: string
  nodeId: string
  /** S = I − O − U − L + V − T after the change; negative is a shortage. */
  sellable: number
}

export const availabilityStatuses = ['in_stock', 'low_stock', 'backorder', 'presale', 'out_of_stock'] as const
export type AvailabilityStatus = (typeof availabilityStatuses)[number]

/** What one channel shows for one SKU in one scope (the whole channel, a region, or a pickup store). */
export interface ChannelAvailability {
  skuId: string
  /** `channel`, `region:<region>` or `store:<nodeId>`. */
  scope: string
  status: AvailabilityStatus
  /** Units the channel may sell now in this scope: after its safety buffer, never below zero. */
  quantity: number
  /** `low_stock` only: the "only N left" figure (the quantity). */
  onlyLeft: number | null
  /** The earliest ship-by day a one-unit order placed now would be promised (YYYY-MM-DD); null when nothing can be promised. */
  shipBy: string | null
  /** Region and store scopes: the delivery (or pickup) day for that promise. */
  deliverBy: string | null
  /** `presale`: the campaign's source id; otherwise null. */
  campaign: string | null
}

/** One value of a channel's feed as it changed, with its sequence number. */
export interface AvailabilityValue extends ChannelAvailability {
  seq: number
}

/**
 * What changed for one channel in one projector pass, oldest first (at most a few hundred values
 * an event: a pass over a whole catalogue is several). One event per channel per pass rather than
 * one per value: a pass that moves every SKU would otherwise be thousands of webhook deliveries.
 */
export interface AvailabilityChanged {
  channelId: string
  fromSeq: number
  toSeq: number
  values: AvailabilityValue[]
}

/**
 * A message to an order's customer is ready to send (docs/notifications.md): rendered from the
 * merchant's templates in the customer's language. The merchant's notifier is a webhook endpoint
 * subscribed to `notification.`, which sends it by mail, SMS or app push.
 */
export interface NotificationRequested {
  notificationId: string
  orderId: string
  channelId: string
  customerId: string | null
  /** `delay_notice`, `promise_improved`, `payment_reminder`, `balance_window_open`, `pickup_ready`, `pickup_reminder`, `pickup_expired` or `pickup_line_refunded`. */
  kind: string
  /** `zh-CN` or `en`. */
  language: string
  /** The text to send, plain (no markup). Nested: a webhook's `data.subject` is the event's own subject. */
  message: { subject: string; body: string }
  /** Images to send with the text (a pickup notice's QR code of the pickup code), as data URLs; absent for other kinds. */
  attachments?: Array<{ name: string; contentType: string; dataUrl: string }>
}

/** A SKU's sell-ahead policy was set or removed, for every channel (`channelId` null) or one. */
export interface SellAheadPolicyChanged {
  skuId: string
  channelId: string | null
  change: 'set' | 'removed'
}

/** The promising settings (transit days, tiers, overdue steps) were replaced: every promise may move. */
export interface PromisingSettingsChanged {
  change: 'replaced'
}

/**
 * A SKU's available stock at a node fell below its reorder point (vendor-managed replenishment):
 * told once as it falls, again only after it has risen back to the reorder point and fallen again.
 * The suppliers with terms for the SKU see it in their portal.
 */
export interface ReplenishmentBelowReorderPoint {
  skuId: string
  nodeId: string
  /** The suppliers with purchase terms for the SKU. */
  supplierIds: string[]
  /** On hand less unsellable, reserved and transfer-reserved units. */
  availableUnits: number
  reorderPointUnits: number
  /** Mean daily demand forecast over the next week. */
  forecastUnitsPerDay: number
  /** The day the forecast was made as of (YYYY-MM-DD). */
  asOf: string
}

/** Topic → payload: the closed list of events. */
export interface EventPayloads {
  'order.changed': OrderChanged
  'order.delayed': OrderDelayed
  'shipment.changed': ShipmentChanged
  'refund.requested': RefundRequested
  'return.changed': ReturnChanged
  'order.promise_improved': OrderPromiseImproved
  'supply.changed': SupplyChanged
  'supply.qc_failed': QcFailed
  'supply.overdue': SupplyOverdue
  'inventory.shortage': InventoryShortage
  'presale_campaign.changed': CampaignChanged
  'purchase_order.changed': PurchaseOrderChanged
  'supplier.changed': SupplierChanged
  'inventory.changed': InventoryChanged
  'sell_ahead_policy.changed': SellAheadPolicyChanged
  'promising_settings.changed': PromisingSettingsChanged
  'availability.changed': AvailabilityChanged
  'notification.requested': NotificationRequested
  'replenishment.below_reorder_point': ReplenishmentBelowReorderPoint
}

export type Topic = keyof EventPayloads

/** One event: its topic, what it is about (`<skuId>@<nodeId>` or a document id), and its payload. */
export type DomainEvent = { [T in Topic]: { topic: T; subject: string; payload: EventPayloads[T] } }[Topic]


const dayText = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))
const lineOnWire = (l: SupplyLine): SupplyLineOnWire => ({ ...l, expectedDate: dayText(l.expectedDate) })

/** The payload as it is written to the outbox and read from the feed: dates as the API writes them. */
export function payloadOnWire(e: DomainEvent): unknown {
  if (e.topic !== 'supply.changed') return e.payload
  return { ...e.payload, before: e.payload.before.map(lineOnWire), after: e.payload.after.map(lineOnWire) }
}
