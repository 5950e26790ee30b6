import type { Logger } from 'pino'
import type { Db } from './store/db.ts'
import type { Clock } from './kernel/clock.ts'
import { Tokens } from './auth/index.ts'
import { Catalogue } from './catalogue/index.ts'
import { Inventory, type EngineOptions } from './inventory/index.ts'
import { Metrics } from './http/metrics.ts'
import { EventFeed } from './events/index.ts'
import { Purchasing, SupplierPortal, Suppliers, vendorOfSku } from './purchasing/index.ts'
import { Returns, unitsReturnedToVendor } from './returns/index.ts'
import { demandOnSlots, earliestShipByOnSlots, generatedSecretSetting, loadOrder, Orders, piiKeyRing, StatusLinks, stockHeldByOpenLines, type PiiKeyOptions, type StatusLinkOptions } from './orders/index.ts'
import { Promising } from './promising/index.ts'
import { Repromising } from './repromising/index.ts'
import { Presale } from './presale/index.ts'
import { CustomerStatus, ShopperPromises } from './customer/index.ts'
import { Analytics } from './analytics/index.ts'
import { Availability } from './availability/index.ts'
import { Webhooks, type WebhookOptions } from './webhooks/index.ts'
import { settingMadeOnce } from './store/settings.ts'
import { randomBytes } from 'node:crypto'
import { NatsRelay, type NatsRelayOptions } from './bus/index.ts'
import { Notifications } from './notifications/index.ts'
import { Routing } from './routing/index.ts'
import { Fulfilment, collectorAadOf } from './fulfilment/index.ts'
import { Replenishment } from './replenishment/index.ts'
import { Costing, Debits } from './payables/index.ts'
import { Payables } from './payables/index.ts'
// Until the payables index exports them (docs/payables.md).

/** Every context's service, built once per process: the composition root hands each route plugin only the ones it uses. */
export interface Services {
  /** The installation's root secret (configured, or generated once and kept): status links, webhook and PII keys and request fingerprints derive from it. */
  rootSecret: () => Promise<string>
  db: Db
  clock: Clock
  logger: Logger
  metrics: Metrics
  tokens: Tokens
  catalogue: Catalogue
  inventory: Inventory
  /** Suppliers, their SKU terms, virtual supply and scorecards. */
  suppliers: Suppliers
  /** The outbox as a cursor feed. */
  events: EventFeed
  /** Purchase orders, ASNs and receiving. */
  purchasing: Purchasing
  /** Sales orders: placement, lifecycle, payments and payment deadlines. */
  orders: Orders
  /** Sell-ahead policies, the promising settings and availability to promise. */
  promising: Promising
  /** Re-promising when supply changes: slots, delays, compensation, customer messages. */
  repromising: Repromising
  /** Presale campaigns: quota, tiered prices, deposits and balances, repricing at the end. */
  presale: Presale
  /** Signs and reads the customer's per-order status links. */
  statusLinks: StatusLinks
  /** The shopper's view of one order through its status link. */
  customerStatus: CustomerStatus
  /** The promise a shop's product page shows (the widget). */
  shopperPromises: ShopperPromises
  /** Rollups kept from the outbox by a projector, and the figures read from them. */
  analytics: Analytics
  /** What each channel shows of each SKU, kept by a projector every coalescing interval, and its delta feed. */
  availability: Availability
  /** The supplier portal's urgency-sorted open lines and ETA-move previews. */
  portal: SupplierPortal
  /** Webhook endpoints, the fan-out of outbox events into signed deliveries, the dispatcher and its log. */
  webhooks: Webhooks
  /** Customer notifications: templates, the projector and sweep that request them as `notification.requested`, their delivery state. */
  notifications: Notifications
  /** Routing profiles, shipping zones and routing decisions. */
  routing: Routing
  /** Shipments: fulfilment orders per node, made when an order is paid, worked by the node, re-routed when it rejects a line. */
  fulfilment: Fulfilment
  /** Returns (RMAs): policy and disposition rules as data, receipt into U, inspection, one fate per unit, refunds requested by themselves. */
  returns: Returns
  /** Demand history, the planned events calendar, forecasts, inventory policies and suggested purchase orders (recomputed nightly). */
  replenishment: Replenishment
  /** Inventory cost: moving-average cost per SKU from receipts, landed cost, cost of goods shipped, valuation. */
  costing: Costing
  /** Supplier agreements, invoices matched three ways and their exceptions queue, payment runs, what is owed. */
  payables: Payables
  /** Debits and credit notes against suppliers: QC failures, short receipts, returns to vendor, delay chargebacks. */
  debits: Debits
  /** The NATS JetStream relay of the outbox, when the server runs one (NATS_URL; see startRelay). */
  relay?: NatsRelay
}

/** How channels are fed. */
export interface FeedOptions {
  /** The availability feed's coalescing interval (SELLAHEAD_FEED_INTERVAL_MS). */
  feedIntervalMs?: number
}

export function createServices(
  db: Db, clock: Clock, logger: Logger, engine: EngineOptions = {}, links: StatusLinkOptions = {}, hooks: WebhookOptions = {}, feed: FeedOptions = {},
  pii: PiiKeyOptions = {},
): Services {
  const metrics = new Metrics()
  const catalogue = new Catalogue(db, clock)
  const inventory = new Inventory(db, clock, catalogue, metrics, logger, engine)
  // A unit a customer returned as defective and sent back to its supplier counts against the supplier's quality rate.
  const suppliers = new Suppliers(db, clock, catalogue, inventory, unitsReturnedToVendor)
  const repromising = new Repromising(db, clock, inventory, { pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : undefined, logger })
  // Every change of supply or sellable stock re-promises in its own transaction.
  inventory.onSupplyChange(repromising.onSupplyChange)
  // Open order lines hold stock in O as reservations do.
  inventory.countHoldsOf(stockHeldByOpenLines)
  const routing = new Routing(db, clock, catalogue, inventory)
  routing.onDecision((ms) => metrics.routingDecisionSeconds.observe(ms / 1000))
  // The same root secret status links derive their key from (configured, or generated once and kept in settings).
  const rootSecret = async () => links.secret ?? settingMadeOnce(db, generatedSecretSetting, randomBytes(32).toString('base64url'), clock.nowMs())
  if (pii.key === undefined) logger.info('SELLAHEAD_PII_KEY is not set: customers’ personal data is sealed under a key derived from the root secret (docs/privacy.md)')
  const orders = new Orders(db, clock, catalogue, inventory, logger, {
    sweepIntervalMs: engine.sweepIntervalMs,
    routing,
    holdsReleased: (tx, positions) => repromising.repromiseWithin(tx, positions),
    piiKeys: piiKeyRing(pii, rootSecret),
  })
  const promising = new Promising(db, clock, catalogue, inventory)
  // Before presale's hooks or after makes no difference: shipments only follow the order's status.
  // Pickup notices go through notifications (made below; called only once requests come in).
  const fulfilment = new Fulfilment(db, clock, orders, {
    notices: { statusUrlsOf: (ids) => notifications.statusUrlsOf(ids), requestWithin: (tx, requests, links) => notifications.requestWithin(tx, requests, links) },
    sealCollector: async (shipmentId, name) => (await orders.contacts.keys()).seal(name, collectorAadOf(shipmentId)),
    pickupSweepMs: engine.sweepIntervalMs === 0 ? 0 : 60_000,
    onSweepError: (err) => logger.error({ err }, 'fulfilment: pickup sweep failed; it runs again'),
    // The goods a shipment takes out leave at their average cost, in the shipment's transaction.
    shipped: (tx, shipment) => costing.shipmentWithin(tx, shipment),
  })
  const purchasing = new Purchasing(db, clock, catalogue, inventory, suppliers, logger, earliestShipByOnSlots)
  // A shipment's revenue beside its cost of goods: the order's prices, read in the shipment's transaction.
  const costing = new Costing(db, clock, {
    pricesOf: async (tx, orderId) => {
      const order = await loadOrder(tx, orderId)
      return order && { currency: order.currency, unitPriceOf: new Map(order.lines.map((l) => [l.lineNo, l.unitPrice])) }
    },
    // A supplier's dropship node sends the supplier's goods, not stock the merchant bought in at cost.
    ownStock: async (tx, nodeId) => (await catalogue.resolveNode(nodeId, tx))?.kind !== 'dropship',
  })
  // What passes QC joins its SKU's moving-average cost in the receipt's transaction (payables reads purchasing, never the reverse).
  purchasing.onReceipt(costing.receiptWithin)
  // A supplier is debited, per its agreement, in the transaction of what caused it: a receipt's QC
  // failures and ASN shortfalls, a unit returned to it, and its share of the compensation customers
  // got for the delays its slips caused.
  const debits = new Debits(db, clock, { supplierOf: (ref) => suppliers.resolve(ref) })
  purchasing.onReceipt(debits.onReceipt)
  repromising.onSupplierDelays(debits.onSupplierDelays)
  const presale = new Presale({ db, clock, inventory, orders, logger }, catalogue, suppliers, { pollIntervalMs: engine.sweepIntervalMs })
  const events = new EventFeed(db)
  // The projector runs where the other sweeps run (the first worker only), about once a second.
  const analytics = new Analytics(db, clock, { events, suppliers, catalogue, costs: (fromMs, toMs) => costing.figures(fromMs, toMs) }, { pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : 1000, logger })
  // Runs where the other sweeps run; each pass is one coalescing interval's changes.
  const availability = new Availability(db, clock, { events, catalogue, promising }, {
    intervalMs: feed.feedIntervalMs, timer: engine.sweepIntervalMs !== 0, logger, onDeltas: (count) => metrics.availabilityDeltas.inc(count),
  })
  metrics.observeAvailability(() => availability.lagSeconds())
  // Fan-out and dispatch run where the other sweeps run (the first worker only), about once a second.
  // Five times a second: a change reaches a receiver within a second of its commit (availability within one feed interval more).
  const webhooks = new Webhooks(db, clock, { events, rootSecret, metrics }, { pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : 200, logger, ...hooks })
  metrics.observeWebhooks(() => webhooks.queueFigures())
  const statusLinks = new StatusLinks(db, clock, links)
  // Runs where the other sweeps run; its notifications reach the notifier as webhooks, whose deliveries tell their state.
  const notifications = new Notifications(db, clock, {
    events, statusLinks,
    deliveries: {
      deliveriesOf: async (ids) => {
        const states = await webhooks.deliveryStateOf(ids)
        return new Map([...states].map(([id, list]) => [id, list.filter((d) => d.topic === 'notification.requested')
          .map((d) => ({ endpointId: d.endpointId, status: d.status, attempts: d.attempts, lastHttpStatus: d.lastHttpStatus }))]))
      },
      wouldDeliver: (channelId, atMs) => webhooks.wouldDeliver('notification.requested', channelId, atMs),
    },
  }, { pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : 1000, logger })
  // Runs where the other sweeps run: demand projected every few seconds, the recompute when due (nightly).
  const replenishment = new Replenishment(db, clock, { catalogue, inventory, suppliers, purchasing, events }, {
    pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : 5000, logger,
  })
  // A refused order is demand the merchant lost: kept in memory and written with the next projection.
  orders.onRefused((refused) => replenishment.demand.refused(refused))
  return {
    db,
    clock,
    logger,
    metrics,
    tokens: new Tokens(db, clock),
    catalogue,
    inventory,
    suppliers,
    events,
    purchasing,
    orders,
    routing,
    promising,
    repromising,
    presale,
    statusLinks,
    customerStatus: new CustomerStatus(db, catalogue, orders, statusLinks),
    shopperPromises: new ShopperPromises(clock, catalogue, promising, presale),
    analytics,
    availability,
    // Purchasing asks the orders context who waits on its lines, and re-promising what a move would do to them.
    portal: new SupplierPortal(db, clock, { demandOnSlots, supplyImpactOf: (events) => repromising.previewSupplyChange(events) }),
    webhooks,
    notifications,
    fulfilment,
    rootSecret,
    // Restocked units go to waiting backorders first, as after any receipt; a unit returned to vendor is debited to the supplier it came from.
    returns: new Returns(db, clock, orders, inventory, catalogue, {
      stockFreed: (tx, positions) => repromising.repromiseWithin(tx, positions),
      vendorOf: (tx, skuId) => vendorOfSku(tx, skuId),
      vendorQualityChanged: (supplierId) => purchasing.scorecards.refresh(supplierId),
      returnedToVendor: debits.onReturnToVendor,
    }),
    replenishment,
    costing,
    payables: new Payables(db, clock, { suppliers }),
    debits,
  }
}

/**
 * Builds and starts the NATS relay of the outbox (docs/nats.md). Only a serving process runs it,
 * never a command-line one; closeServices stops it.
 */
export function startRelay(services: Services, options: Omit<NatsRelayOptions, 'logger' | 'metrics'>): NatsRelay {
  const relay = new NatsRelay(services.db, services.events, services.clock, { ...options, logger: services.logger, metrics: services.metrics })
  services.relay = relay
  relay.start()
  return relay
}

/** Stops timers and waits for in-flight batches before the database closes. */
export async function closeServices(services: Services): Promise<void> {
  await services.fulfilment.stop()
  await services.notifications.stop()
  await services.webhooks.stop()
  // First: it finishes its page and gives its lease up while the database is still open.
  await services.relay?.stop()
  await services.analytics.stop()
  await services.replenishment.stop()
  services.availability.stop()
  await services.availability.settle()
  await services.presale.stop()
  await services.repromising.stop()
  await services.orders.stop()
  await services.inventory.stop()
  await services.purchasing.scorecards.idle()
  await services.db.close()
}
