/**
 * Sealing text at rest with AES-256-GCM: a fresh 96-bit nonce per seal, the tag checked on open,
 * optional associated data binding a sealed text to the row it belongs to (so a ciphertext copied
 * onto another row does not open). A key ring names each key by a fingerprint (`k_…`), so a
 * stored row says which key sealed it and a rotation can tell what is left to re-seal, without
 * anyone having to invent key names. Used for webhook signing secrets and customer personal data.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** The stored form: `v1.<nonce>.<tag>.<ciphertext>`, each base64url. */
const version = 'v1'
export const keyBytes = 32

/** Seals `plain` under a 32-byte key; `aad` (e.g. the row's id) must be given again to open it. */
export function sealText(key: Buffer, plain: string, aad?: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'))
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

/** Opens what `sealText` made with the same key and `aad`; throws when the key, the aad or the text is wrong. */
export function openText(key: Buffer, stored: string, aad?: string): string {
  const [v, iv, tag, sealed, extra] = stored.split('.')
  if (v !== version || !iv || !tag || sealed === undefined || extra !== undefined) throw new SealedTextError('the text is not sealed by this version')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new SealedTextError('the key does not open it (a wrong key, or the stored text was altered)')
  }
}

/** A sealed text that could not be opened. Its message never holds the text. */
export class SealedTextError extends Error {
  override name = 'SealedTextError'
}

/** The name of a key: a fingerprint that says which key it is without revealing it. */
export function keyIdOf(key: Buffer): string {
  return `k_${createHash('sha256').update('sellahead key id\u0000').update(key).digest('base64url').slice(0, 16)}`
}

/** A 32-byte key written as base64 (as `openssl rand -base64 32` prints it); `name` is what the operator set, for the message. */
export function keyFromBase64(name: string, text: string): Buffer {
  const trimmed = text.trim()
  const key = Buffer.from(trimmed, 'base64')
  // Node skips characters it cannot read: re-encoding tells a real base64 text from a mistyped one.
  const canonical = key.toString('base64').replace(/=+$/, '') === trimmed.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (key.length !== keyBytes || !canonical) {
    throw new Error(`${name} must be ${keyBytes} bytes written in base64, e.g. the output of \`openssl rand -base64 32\` (got ${key.length} bytes)`)
  }
  return key
}

/** A key as the ring holds it. */
export interface RingKey {
  id: string
  key: Buffer
}

export const ringKeyOf = (key: Buffer): RingKey => ({ id: keyIdOf(key), key })

/** A text sealed by a ring: the id of the key that sealed it, and the sealed text. */
export interface Sealed {
  keyId: string
  sealed: string
}

/**
 * The current key (every new seal) and older keys still read during a rotation. Opening a text
 * whose key the ring does not hold throws `KeyNotHeldError` with what to configure.
 */
export class KeyRing {
  readonly current: RingKey
  readonly #byId = new Map<string, RingKey>()
  readonly #missingHint: string

  /** `missingHint` tells the operator how to give the ring a key it lacks (the settings' names). */
  constructor(current: RingKey, previous: readonly RingKey[] = [], missingHint = 'configure the key it names') {
    this.current = current
    for (const k of [current, ...previous]) if (!this.#byId.has(k.id)) this.#byId.set(k.id, k)
    this.#missingHint = missingHint
  }

  /** Ids of every key the ring can open with, the current first. */
  get keyIds(): string[] {
    return [...this.#byId.keys()]
  }

  holds(keyId: string): boolean {
    return this.#byId.has(keyId)
  }

  seal(plain: string, aad?: string): Sealed {
    return { keyId: this.current.id, sealed: sealText(this.current.key, plain, aad) }
  }

  /** Opens a sealed text; `what` names it in the error (an id, never its content). */
  open(s: Sealed, aad?: string, what = 'a sealed text'): string {
    const k = this.#byId.get(s.keyId)
    if (!k) throw new KeyNotHeldError(`${what} is sealed under key ${s.keyId}, which is not configured: ${this.#missingHint}`, s.keyId)
    try {
      return openText(k.key, s.sealed, aad)
    } catch (error) {
      throw new SealedTextError(`${what} does not open with key ${s.keyId}: ${(error as Error).message}`)
    }
  }
}

/** A sealed text names a key the ring does not hold: the operator must configure it. */
export class KeyNotHeldError extends Error {
  override name = 'KeyNotHeldError'
  readonly keyId: string
  constructor(message: string, keyId: string) {
    super(message)
    this.keyId = keyId
  }
}
