/** Writing to the transactional outbox: inside the transaction that makes the change, so an event exists exactly when its change does. */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany } from '../inventory/index.ts'

export interface NewEvent {
  topic: string
  subject: string
  payload: unknown
}

export async function writeOutbox(tx: Queryable, events: readonly NewEvent[], atMs: number): Promise<void> {
  await insertMany(tx, 'outbox', [['topic', 'text'], ['subject', 'text'], ['payload', 'text'], ['at', 'bigint']],
    events.map((e): Param[] => [e.topic, e.subject, JSON.stringify(e.payload), atMs]))
}
