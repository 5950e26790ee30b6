import type { Dialect } from './db.ts'
import { foundation } from './migrations/1-foundation.ts'
import { purchasing } from './migrations/2-purchasing.ts'
import { sellingAhead } from './migrations/3-selling-ahead.ts'
import { analytics } from './migrations/4-analytics.ts'
import { consoleReads } from './migrations/5-console-reads.ts'
import { availability } from './migrations/6-availability.ts'
import { webhooks } from './migrations/7-webhooks.ts'
import { bus } from './migrations/8-bus.ts'
import { notifications } from './migrations/9-notifications.ts'
import { availabilityDaily } from './migrations/10-availability-daily.ts'
import { channelLocks } from './migrations/11-channel-locks.ts'
import { routing } from './migrations/12-routing.ts'
import { shipments } from './migrations/13-shipments.ts'
import { orderContacts } from './migrations/14-order-contacts.ts'
import { fulfilmentMeasures } from './migrations/15-fulfilment-measures.ts'
import { pickups } from './migrations/16-pickups.ts'
import { pickupMeasures } from './migrations/17-pickup-measures.ts'
import { dropshipMeasures } from './migrations/18-dropship-measures.ts'
import { returns } from './migrations/19-returns.ts'
import { returnsMeasures } from './migrations/20-returns-measures.ts'
import { replenishment } from './migrations/21-replenishment.ts'
import { supplierAutoSend } from './migrations/22-supplier-auto-send.ts'
import { payables } from './migrations/23-payables.ts'

/**
 * Migrations, in order, never edited once released. `{{serial}}` (an auto-numbered
 * key) and `{{key}}` (an id column) are the dialect differences; see migrationSql.
 */
export const migrations: readonly string[] = [foundation, purchasing, sellingAhead, analytics, consoleReads, availability, webhooks, bus, notifications, availabilityDaily, channelLocks, routing, shipments, orderContacts, fulfilmentMeasures, pickups, pickupMeasures, dropshipMeasures, returns, returnsMeasures, replenishment, supplierAutoSend, payables]

export function migrationSql(dialect: Dialect, sql: string): string {
  return sql
    .replaceAll('{{serial}}', dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGSERIAL PRIMARY KEY')
    // Ids and keys are ASCII: byte order compares faster than a linguistic collation.
    .replaceAll('{{key}}', dialect === 'sqlite' ? 'TEXT' : 'TEXT COLLATE "C"')
}
