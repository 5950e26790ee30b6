/**
 * The one writer of the transactional outbox: inside the transaction that makes the change, so
 * an event exists exactly when its change does.
 */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, type Column } from '../store/sql.ts'
import { payloadOnWire, type DomainEvent } from './types.ts'

const outboxColumns: Column[] = [['topic', 'text'], ['subject', 'text'], ['payload', 'text'], ['at', 'bigint']]

/** Publishes events in the caller's transaction; they reach the feed when it commits, and never if it rolls back. */
export async function publish(tx: Queryable, events: readonly DomainEvent[], atMs: number): Promise<void> {
  await insertMany(tx, 'outbox', outboxColumns, events.map((e): Param[] => [e.topic, e.subject, JSON.stringify(payloadOnWire(e)), atMs]))
}
