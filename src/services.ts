import type { Logger } from 'pino'
import type { Db } from './store/db.ts'
import type { Clock } from './kernel/clock.ts'
import { Tokens } from './auth/tokens.ts'
import { Catalogue } from './catalogue/index.ts'
import { Inventory, type EngineOptions } from './inventory/index.ts'
import { Metrics } from './http/metrics.ts'
import { EventFeed } from './events/index.ts'
import { Purchasing, Suppliers } from './purchasing/index.ts'

/** Everything a route or command needs, built once per process. */
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
}

export function createServices(db: Db, clock: Clock, logger: Logger, engine: EngineOptions = {}): Services {
  const metrics = new Metrics()
  const catalogue = new Catalogue(db, clock)
  const inventory = new Inventory(db, clock, catalogue, metrics, logger, engine)
  const suppliers = new Suppliers(db, clock, catalogue, inventory)
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
    purchasing: new Purchasing(db, clock, catalogue, inventory, suppliers, logger),
  }
}

/** Stops timers and waits for in-flight batches before the database closes. */
export async function closeServices(services: Services): Promise<void> {
  await services.inventory.stop()
  await services.purchasing.scorecards.idle()
  await services.db.close()
}
