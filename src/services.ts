import type { Logger } from 'pino'
import type { Db } from './store/db.ts'
import type { Clock } from './kernel/clock.ts'
import { Tokens } from './auth/index.ts'
import { Catalogue } from './catalogue/index.ts'
import { Inventory, type EngineOptions } from './inventory/index.ts'
import { Metrics } from './http/metrics.ts'
import { EventFeed } from './events/index.ts'
import { Purchasing, SupplierPortal, Suppliers } from './purchasing/index.ts'
import { demandOnSlots, earliestShipByOnSlots, Orders, stockHeldByOpenLines } from './orders/index.ts'
import { Promising } from './promising/index.ts'
import { Repromising } from './repromising/index.ts'
import { Presale } from './presale/index.ts'

/** Every context's service, built once per process: the composition root hands each route plugin only the ones it uses. */
export interface Services {
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
  /** The supplier portal's urgency-sorted open lines and ETA-move previews. */
  portal: SupplierPortal
}

export function createServices(db: Db, clock: Clock, logger: Logger, engine: EngineOptions = {}): Services {
  const metrics = new Metrics()
  const catalogue = new Catalogue(db, clock)
  const inventory = new Inventory(db, clock, catalogue, metrics, logger, engine)
  const suppliers = new Suppliers(db, clock, catalogue, inventory)
  const repromising = new Repromising(db, clock, inventory, { pollIntervalMs: engine.sweepIntervalMs === 0 ? 0 : undefined, logger })
  // Every change of supply or sellable stock re-promises in its own transaction.
  inventory.onSupplyChange(repromising.onSupplyChange)
  // Open order lines hold stock in O as reservations do.
  inventory.countHoldsOf(stockHeldByOpenLines)
  const orders = new Orders(db, clock, catalogue, inventory, logger, {
    sweepIntervalMs: engine.sweepIntervalMs,
    holdsReleased: (tx, positions) => repromising.repromiseWithin(tx, positions),
  })
  return {
    db,
    clock,
    logger,
    metrics,
    tokens: new Tokens(db, clock),
    catalogue,
    inventory,
    suppliers,
    events: new EventFeed(db),
    purchasing: new Purchasing(db, clock, catalogue, inventory, suppliers, logger, earliestShipByOnSlots),
    orders,
    promising: new Promising(db, clock, catalogue, inventory),
    repromising,
    presale: new Presale({ db, clock, inventory, orders, logger }, catalogue, suppliers, { pollIntervalMs: engine.sweepIntervalMs }),
    // Purchasing asks the orders context who waits on its lines, and re-promising what a move would do to them.
    portal: new SupplierPortal(db, clock, { demandOnSlots, supplyImpactOf: (events) => repromising.previewSupplyChange(events) }),
  }
}

/** Stops timers and waits for in-flight batches before the database closes. */
export async function closeServices(services: Services): Promise<void> {
  await services.presale.stop()
  await services.repromising.stop()
  await services.orders.stop()
  await services.inventory.stop()
  await services.purchasing.scorecards.idle()
  await services.db.close()
}
