/**
 * The transactional outbox read as a cursor feed. Every context writes its events into `outbox`
 * in the same transaction as the change they describe; a consumer reads them in id order and
 * resumes from the last id it saw, so it never misses an event and sees each one once.
 */
import type { Db, Param } from '../store/db.ts'
import { isoOf } from '../kernel/clock.ts'

/** One event as consumers see it. */
export interface FeedEvent {
  id: number
  topic: string
  /** What the event is about, e.g. `<skuId>@<nodeId>` or a document id. */
  subject: string | null
  payload: unknown
  /** When the change was made (ISO 8601). */
  at: string
}

export interface FeedQuery {
  /** Return events with a larger id; 0 or absent: from the beginning. */
  after?: number
  /** Exact topics (`supply.changed`) or prefixes ending in '.' (`supply.`); absent: every topic. */
  topics?: string[]
  limit: number
}

export interface FeedPage {
  items: FeedEvent[]
  /**
   * Pass as `after` next time. Never null: a feed has no end. When fewer than `limit` events
   * matched it is the newest settled id, so a filtered consumer does not scan the same rows again.
   */
  nextCursor: number
}

export interface EventFeedOptions {
  /** PostgreSQL: how long a read waits for in-flight writers before answering "nothing new yet". */
  lockTimeoutMs?: number
}

/** A topic or a topic prefix: lowercase dotted words; a trailing '.' makes it a prefix. */
export const topicPattern = '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.?$'

interface OutboxRow { id: number | string; topic: string; subject: string | null; payload: string; at: number | string }

export class EventFeed {
  readonly #db: Db
  readonly #lockTimeoutMs: number

  constructor(db: Db, options: EventFeedOptions = {}) {
    this.#db = db
    // Above deadlock_timeout (1 s by default), after which an autovacuum of the outbox, whose lock
    // also conflicts, cancels itself rather than keep a reader waiting.
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 2000
  }

  async read(query: FeedQuery): Promise<FeedPage> {
    const after = query.after ?? 0
    const settled = await this.#settledId()
    if (settled === null || settled <= after) return { items: [], nextCursor: after }
    const where = ['id > ?', 'id <= ?']
    const params: Param[] = [after, settled]
    if (query.topics && query.topics.length > 0) {
      const filter = topicFilter(query.topics)
      where.push(filter.sql)
      params.push(...filter.params)
    }
    const rows = await this.#db.all<OutboxRow>(
      `SELECT id, topic, subject, payload, at FROM outbox WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${Math.trunc(query.limit)}`, params)
    const items = rows.map(eventOf)
    const full = items.length === query.limit
    return { items, nextCursor: full ? items.at(-1)!.id : settled }
  }

  /** The newest settled id: a consumer starting from now reads after it. */
  async latest(): Promise<number> {
    return (await this.#settledId()) ?? 0
  }

  /** The newest event's id (0 for an empty outbox), settled or not: how far a consumer is behind, for metrics. */
  async newestId(): Promise<number> {
    return maxId(await this.#db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM outbox')) ?? 0
  }

  /**
   * The largest id below which no event can still appear. Every id up to it belongs to a
   * committed event (or to a rolled-back one, which will never appear).
   *
   * SQLite has one writer at a time and allocates the id under the write lock, so events commit
   * in id order: the largest visible id is settled.
   *
   * PostgreSQL hands out ids from a sequence when a row is inserted, but transactions commit in
   * any order: a reader could see id 11 committed while id 10 is still in flight, move its cursor
   * past 10 and never see it. A visibility window ("only rows older than N seconds") narrows that
   * race without closing it. Instead the read takes the table's SHARE lock for one index lookup:
   * it conflicts with the ROW EXCLUSIVE lock every INSERT holds until its transaction ends, so
   * once granted no transaction holding an unsettled id is left, and MAX(id) is settled. The
   * lock is released at once; writers wait at most that lookup, or `lockTimeoutMs` behind a
   * slow writer, after which the read answers "nothing new yet" and the consumer polls again.
   * This relies on the sequence's default CACHE 1 (ids handed out in order across sessions).
   */
  async #settledId(): Promise<number | null> {
    if (this.#db.dialect === 'sqlite') return maxId(await this.#db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM outbox'))
    try {
      return await this.#db.tx(async (tx) => {
        await tx.run(`SET LOCAL lock_timeout = ${Math.trunc(this.#lockTimeoutMs)}`)
        await tx.run('LOCK TABLE outbox IN SHARE MODE')
        return maxId(await tx.get<{ id: number | null }>('SELECT MAX(id) AS id FROM outbox'))
      })
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') return null // lock_not_available: a writer is still busy
      throw error
    }
  }
}

const maxId = (row: { id: number | string | null } | undefined): number | null =>
  row?.id === null || row?.id === undefined ? null : Number(row.id)

/** `substr` equality rather than LIKE: topics contain '_', and it compares bytes under any collation. */
function topicFilter(topics: string[]): { sql: string; params: Param[] } {
  const terms: string[] = []
  const params: Param[] = []
  for (const topic of topics) {
    if (topic.endsWith('.')) {
      terms.push(`substr(topic, 1, ${topic.length}) = ?`)
    } else {
      terms.push('topic = ?')
    }
    params.push(topic)
  }
  return { sql: `(${terms.join(' OR ')})`, params }
}

function eventOf(r: OutboxRow): FeedEvent {
  return { id: Number(r.id), topic: r.topic, subject: r.subject, payload: JSON.parse(r.payload), at: isoOf(Number(r.at))! }
}
