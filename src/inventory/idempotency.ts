/** Idempotency for creating calls outside the engine (purchasing's, for one): the key is stored in the same transaction as the effect. The engine keeps its own keys in the same table, many per batch. */
import { isUniqueViolation, type Db, type Queryable } from '../store/db.ts'
import { FailureError } from '../kernel/result.ts'
import { fail } from './errors.ts'

export interface IdempotencyKey {
  /** `<kind>|<caller scope>|<client key>`. */
  scopeKey: string
  requestHash: string
}

export interface Remembered<T> {
  value: T
  replayed: boolean
}

/**
 * Replays the stored answer for a key already used with the same request, refuses it with
 * another request, or runs `effect` and stores its answer. Call inside the effect's transaction.
 */
export async function once<T>(tx: Queryable, key: IdempotencyKey | undefined, nowMs: number, effect: () => Promise<T>): Promise<Remembered<T>> {
  if (!key) return { value: await effect(), replayed: false }
  const earlier = await tx.get<{ request_hash: string; response: string }>(
    'SELECT request_hash, response FROM idempotency_keys WHERE scope_key = ?', [key.scopeKey])
  if (earlier) {
    if (earlier.request_hash !== key.requestHash) {
      throw new FailureError(fail('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key.'))
    }
    return { value: JSON.parse(earlier.response) as T, replayed: true }
  }
  const value = await effect()
  await tx.run('INSERT INTO idempotency_keys (scope_key, request_hash, status_code, response, created_at) VALUES (?, ?, ?, ?, ?)',
    [key.scopeKey, key.requestHash, 200, JSON.stringify(value), nowMs])
  return { value, replayed: false }
}

/**
 * Two requests racing on one new idempotency key (or unique code): the loser's insert fails only
 * after the winner commits, so running the transaction again finds the winner and replays it.
 */
export async function txRetryingKeyRace<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.tx(work)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return db.tx(work)
  }
}
