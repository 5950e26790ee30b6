import { SingleFlight } from '../kernel/single-flight.ts'
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { isoOf, type Clock } from '../kernel/clock.ts'
import { parseRole, type Principal } from '../kernel/principal.ts'

export interface TokenInfo {
  id: string
  name: string
  role: string
  prefix: string
  createdAt: string
  revokedAt: string | null
}

interface TokenRow {
  id: string
  name: string
  role: string
  token_prefix: string
  created_at: number
  revoked_at: number | null
}

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex')

const infoOf = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: r.role,
  prefix: r.token_prefix,
  createdAt: isoOf(r.created_at),
  revokedAt: isoOf(r.revoked_at),
})

/** A verified principal is cached briefly so hot routes do not query per request. */
const cacheTtlMs = 2000

/**
 * Bearer tokens. Only a SHA-256 hash is stored (the secrets are 256-bit random, so a slow
 * password hash adds nothing); the plain token is shown once, at creation.
 */
export class Tokens {
  readonly #db: Db
  readonly #clock: Clock
  readonly #cache = new Map<string, { principal: Principal | undefined; untilMs: number }>()
  readonly #verifying = new SingleFlight<Principal | undefined>()

  constructor(db: Db, clock: Clock) {
    this.#db = db
    this.#clock = clock
  }

  async create(input: { name: string; role: string }): Promise<Result<{ token: string; info: TokenInfo }>> {
    if (!parseRole(input.role)) {
      return fail('invalid_role', `Role '${input.role}' is not one of admin, ops, channel:<id>, store:<nodeId>, warehouse:<nodeId>, supplier:<id>, payments:<provider>.`)
    }
    const secret = `sh_${randomBytes(32).toString('base64url')}`
    const row: TokenRow = {
      id: newId('tok'),
      name: input.name,
      role: input.role,
      token_prefix: secret.slice(0, 10),
      created_at: this.#clock.nowMs(),
      revoked_at: null,
    }
    await this.#db.run(
      'INSERT INTO tokens (id, name, role, token_hash, token_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.id, row.name, row.role, hashOf(secret), row.token_prefix, row.created_at],
    )
    return ok({ token: secret, info: infoOf(row) })
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.#db.all<TokenRow>('SELECT * FROM tokens ORDER BY id')
    return rows.map(infoOf)
  }

  async revoke(id: string): Promise<Result<TokenInfo>> {
    await this.#db.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [this.#clock.nowMs(), id])
    const row = await this.#db.get<TokenRow>('SELECT * FROM tokens WHERE id = ?', [id])
    if (!row) return fail('token_not_found', `No token with id '${id}'.`)
    this.#cache.clear()
    return ok(infoOf(row))
  }

  /**
   * The principal of a secret verified less than the cache time ago, without waiting: the request
   * path takes it synchronously (most requests at flash-sale rates); undefined when not known.
   */
  verifiedRecently(secret: string): Principal | undefined {
    const cached = this.#cache.get(secret)
    return cached && cached.untilMs > Date.now() ? cached.principal : undefined
  }

  /** The principal behind a bearer secret, or undefined for unknown and revoked tokens. */
  async verify(secret: string): Promise<Principal | undefined> {
    const now = Date.now()
    const cached = this.#cache.get(secret)
    if (cached && cached.untilMs > now) return cached.principal
    return this.#verifying.load(secret, async () => {
      const row = await this.#db.get<{ id: string; role: string; revoked_at: number | null }>(
        'SELECT id, role, revoked_at FROM tokens WHERE token_hash = ?',
        [hashOf(secret)],
      )
      const principal = row && row.revoked_at === null ? parseRole(row.role, row.id) : undefined
      if (this.#cache.size > 10_000) this.#cache.clear()
      this.#cache.set(secret, { principal, untilMs: now + cacheTtlMs })
      return principal
    })
  }
}
