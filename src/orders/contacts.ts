/**
 * Customers' personal data at rest: each order's contact sealed with AES-256-GCM (kernel/sealing.ts)
 * in `order_contacts`, bound to its order id, written by the engine batch that places the order.
 * The key comes from configuration (SELLAHEAD_PII_KEY, with SELLAHEAD_PII_PREVIOUS_KEYS still read
 * during a rotation); without one it is derived from the server's root secret. `rotate` re-seals
 * every row under the current key, in batches, resumable (it only ever picks rows sealed under
 * another key). docs/privacy.md.
 */
import { hkdfSync } from 'node:crypto'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { insertMany, type Column } from '../store/sql.ts'
import { KeyNotHeldError, KeyRing, ringKeyOf, type Sealed } from '../kernel/sealing.ts'
import type { RowSink } from '../inventory/index.ts'
import { contactSeenBy, type ContactView, type ContactViewer, type CustomerContact } from './contact.ts'
import type { Order } from './model.ts'
import { loadOrder } from './store.ts'

/** The keys configured for personal data; none: derived from the root secret. */
export interface PiiKeyOptions {
  /** SELLAHEAD_PII_KEY: every new contact is sealed under it. */
  key?: Buffer
  /** SELLAHEAD_PII_PREVIOUS_KEYS: still opened, until `sellahead pii rotate` has re-sealed their rows. */
  previousKeys?: readonly Buffer[]
}

/** What an operator reads when a row's key is not configured. */
export const missingPiiKeyHint =
  'set SELLAHEAD_PII_KEY to that key, or add it to SELLAHEAD_PII_PREVIOUS_KEYS (comma-separated base64) and run `sellahead pii rotate`'

/** The key derived from the root secret (no SELLAHEAD_PII_KEY): the same in every instance sharing the secret. */
export const derivedPiiKey = (rootSecret: string): Buffer => Buffer.from(hkdfSync('sha256', rootSecret, 'sellahead', 'customer-personal-data/v1', 32))

/**
 * The key ring, made once (the root secret may have to be read from the database). The derived
 * key is always readable, so contacts sealed before a key was configured still open until rotated.
 */
export function piiKeyRing(options: PiiKeyOptions, rootSecret: () => Promise<string>): () => Promise<KeyRing> {
  let ring: Promise<KeyRing> | undefined
  return () => {
    ring ??= rootSecret().then((root) => {
      const derived = ringKeyOf(derivedPiiKey(root))
      const previous = (options.previousKeys ?? []).map(ringKeyOf)
      return options.key === undefined
        ? new KeyRing(derived, previous, missingPiiKeyHint)
        : new KeyRing(ringKeyOf(options.key), [...previous, derived], missingPiiKeyHint)
    })
    // A failed read (the database briefly down) is tried again next time, not kept.
    ring.catch(() => (ring = undefined))
    return ring
  }
}

/** One order's sealed contact, as the placing batch writes it. */
export interface ContactRow extends Sealed {
  orderId: string
  sealedAtMs: number
}

const contactColumns: readonly Column[] = [['order_id', 'text'], ['key_id', 'text'], ['sealed', 'text'], ['sealed_at', 'bigint']]

/** Contacts of orders placed in an engine batch, written when it commits, with their orders. */
export const contactSink: RowSink<ContactRow> = {
  name: 'order contacts',
  write: (tx, rows) => insertMany(tx, 'order_contacts', contactColumns, rows.map((r) => [r.orderId, r.keyId, r.sealed, r.sealedAtMs])),
}

/** How many contacts each key sealed. */
export interface KeyCount {
  keyId: string
  contacts: number
}

export interface RotateOptions {
  /** Rows re-sealed per transaction. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

export interface Rotation {
  /** The key every contact is sealed under now. */
  keyId: string
  resealed: number
}

const what = (orderId: string) => `The contact of order ${orderId}`

export class OrderContacts {
  readonly #db: Db
  readonly #clock: Clock
  readonly #keys: () => Promise<KeyRing>

  constructor(db: Db, clock: Clock, keys: () => Promise<KeyRing>) {
    this.#db = db
    this.#clock = clock
    this.#keys = keys
  }

  /** The key ring in use (its current key seals, the others only open). */
  keys(): Promise<KeyRing> {
    return this.#keys()
  }

  /** Seals an order's contact, bound to the order's id (a sealed text copied onto another order does not open). */
  async seal(orderId: string, contact: CustomerContact): Promise<Sealed> {
    return (await this.#keys()).seal(JSON.stringify(contact), orderId)
  }

  /** The order's contact, opened; undefined when it has none. A key that is not configured throws, saying what to set. */
  async read(orderId: string, q: Queryable = this.#db): Promise<CustomerContact | undefined> {
    const row = await q.get<{ key_id: string; sealed: string }>('SELECT key_id, sealed FROM order_contacts WHERE order_id = ?', [orderId])
    if (!row) return undefined
    const ring = await this.#keys()
    return JSON.parse(ring.open({ keyId: row.key_id, sealed: row.sealed }, orderId, what(orderId))) as CustomerContact
  }

  /**
   * What `viewer` may see of an order's contact (`contact.ts` `contactSeenBy`): the one read other
   * contexts use (fulfilment, dropship). The caller has already decided the viewer may see the
   * order. Nothing is opened for a viewer who could see none of it.
   */
  async contactFor(order: string | Pick<Order, 'id' | 'channelId' | 'fulfilment'>, viewer: ContactViewer): Promise<ContactView> {
    if (viewer.kind === 'supplier' || viewer.kind === 'payments') return {}
    const o = typeof order === 'string' ? await loadOrder(this.#db, order) : order
    if (!o) return {}
    if (viewer.kind === 'store' && (o.fulfilment.method !== 'pickup' || o.fulfilment.nodeId !== viewer.nodeId)) return {}
    return contactSeenBy(o, await this.read(o.id), viewer)
  }

  /** How many contacts each key sealed, the most first. */
  async keyCounts(): Promise<KeyCount[]> {
    const rows = await this.#db.all<{ key_id: string; n: number | string }>('SELECT key_id, COUNT(*) AS n FROM order_contacts GROUP BY key_id ORDER BY COUNT(*) DESC, key_id')
    return rows.map((r) => ({ keyId: r.key_id, contacts: Number(r.n) }))
  }

  /** The contacts' key counts; throws `KeyNotHeldError` naming the keys in use that are not configured. */
  async assertKeysHeld(): Promise<KeyCount[]> {
    const ring = await this.#keys()
    const counts = await this.keyCounts()
    const unknown = counts.filter((c) => !ring.holds(c.keyId))
    if (unknown.length > 0) {
      const list = unknown.map((c) => `${c.keyId} (${c.contacts} contact(s))`).join(', ')
      throw new KeyNotHeldError(`Contacts are sealed under key(s) that are not configured: ${list}. Nothing was re-sealed: ${missingPiiKeyHint}`, unknown[0].keyId)
    }
    return counts
  }

  /**
   * Re-seals every contact not under the current key, `batchSize` rows a transaction. Refuses to
   * start when a row names a key the ring does not hold (it could not be re-sealed). Stopped
   * half-way, a second run carries on: it picks only rows still under another key.
   */
  async rotate(options: RotateOptions = {}): Promise<Rotation> {
    const batchSize = options.batchSize ?? 500
    const ring = await this.#keys()
    const counts = await this.assertKeysHeld()
    const current = ring.current.id
    const total = counts.filter((c) => c.keyId !== current).reduce((n, c) => n + c.contacts, 0)
    options.onProgress?.(0, total)
    let done = 0
    let after = ''
    for (;;) {
      const rows = await this.#db.all<{ order_id: string; key_id: string; sealed: string }>(
        'SELECT order_id, key_id, sealed FROM order_contacts WHERE key_id <> ? AND order_id > ? ORDER BY order_id LIMIT ?', [current, after, batchSize])
      if (rows.length === 0) break
      const nowMs = this.#clock.nowMs()
      const resealed = rows.map((r) => {
        const plain = ring.open({ keyId: r.key_id, sealed: r.sealed }, r.order_id, what(r.order_id))
        return { orderId: r.order_id, from: r.key_id, to: ring.seal(plain, r.order_id) }
      })
      done += await this.#db.tx(async (tx) => {
        let changed = 0
        // Only a row still under the key it was read under: a concurrent rotation's work is not done twice.
        for (const r of resealed) {
          changed += await tx.run('UPDATE order_contacts SET key_id = ?, sealed = ?, sealed_at = ? WHERE order_id = ? AND key_id = ?',
            [r.to.keyId, r.to.sealed, nowMs, r.orderId, r.from])
        }
        return changed
      })
      after = rows[rows.length - 1].order_id
      options.onProgress?.(Math.min(done, total), total)
    }
    return { keyId: current, resealed: done }
  }
}
