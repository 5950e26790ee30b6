/**
 * The customer's link to one order's status page: `ost_` + the order id's 16 bytes + an
 * HMAC-SHA256 of the order id, both base64url. Stateless: nothing per order is stored, so a
 * replayed placement answers the same link and a database dump holds no link; the MAC makes it
 * unguessable and scoped to its one order. The key is derived (HKDF) from the configured secret,
 * or from one generated once and kept in `settings` so every instance signs alike.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { settingMadeOnce } from '../store/settings.ts'

export interface StatusLinkOptions {
  /** SELLAHEAD_SECRET; unset: generated once and kept in the database. */
  secret?: string
  /** SELLAHEAD_PUBLIC_URL; unset: the origin the placing request came to. */
  publicUrl?: string
}

/** An order's status link: the token alone, and the page's address. */
export interface StatusLink {
  token: string
  url: string
}

const prefix = 'ost_'
const idBytes = 16
const macBytes = 32
const idChars = 22
const macChars = 43
/** The name under which a generated root secret is kept. */
export const generatedSecretSetting = 'secret.generated'

const uuidOf = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

export class StatusLinks {
  readonly #db: Queryable
  readonly #clock: Clock
  readonly #options: StatusLinkOptions
  #key: Promise<Buffer> | undefined

  constructor(db: Queryable, clock: Clock, options: StatusLinkOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#options = options
  }

  /** The link of an order; `origin` is where the request came to, used when no public URL is configured. */
  async linkOf(orderId: string, origin: string): Promise<StatusLink> {
    const hex = /^ord_([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/.exec(orderId)
    if (!hex) throw new Error(`order id '${orderId}' is not ord_<uuid>`)
    const id = Buffer.from(hex.slice(1).join(''), 'hex')
    const token = prefix + id.toString('base64url') + (await this.#macOf(orderId)).toString('base64url')
    return { token, url: `${this.#options.publicUrl ?? origin}/status/${token}` }
  }

  /** The order a token names, or undefined for anything this server did not sign. Compares MACs in constant time. */
  async orderIdOf(token: string): Promise<string | undefined> {
    if (token.length !== prefix.length + idChars + macChars || !token.startsWith(prefix)) return undefined
    const idText = token.slice(prefix.length, prefix.length + idChars)
    const macText = token.slice(prefix.length + idChars)
    if (!/^[A-Za-z0-9_-]+$/.test(idText + macText)) return undefined
    const id = Buffer.from(idText, 'base64url')
    const mac = Buffer.from(macText, 'base64url')
    // Re-encoding must give the same text: no second spelling of one token.
    if (id.length !== idBytes || mac.length !== macBytes || id.toString('base64url') !== idText || mac.toString('base64url') !== macText) return undefined
    const orderId = `ord_${uuidOf(id.toString('hex'))}`
    return timingSafeEqual(mac, await this.#macOf(orderId)) ? orderId : undefined
  }

  async #macOf(orderId: string): Promise<Buffer> {
    return createHmac('sha256', await this.#keyOnce()).update(orderId).digest()
  }

  #keyOnce(): Promise<Buffer> {
    this.#key ??= this.#rootSecret().then((root) => Buffer.from(hkdfSync('sha256', root, 'sellahead', 'order-status-link/v1', 32)))
    // A failed read (the database briefly down) is tried again next time, not kept.
    this.#key.catch(() => (this.#key = undefined))
    return this.#key
  }

  async #rootSecret(): Promise<string> {
    if (this.#options.secret) return this.#options.secret
    return settingMadeOnce(this.#db, generatedSecretSetting, randomBytes(32).toString('base64url'), this.#clock.nowMs())
  }
}
