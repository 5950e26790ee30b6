/**
 * Endpoint signing secrets: made (`whsec_` + 24 random bytes, base64, as Standard Webhooks
 * spells them), and kept encrypted at rest with AES-256-GCM under a key derived (HKDF) from the
 * server's root secret, so a copy of the database alone cannot sign as Sellahead.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export const newSigningSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

const version = 'v1'

export class SecretBox {
  readonly #rootSecret: () => Promise<string>
  #key: Promise<Buffer> | undefined

  constructor(rootSecret: () => Promise<string>) {
    this.#rootSecret = rootSecret
  }

  #keyOnce(): Promise<Buffer> {
    this.#key ??= this.#rootSecret().then((root) => Buffer.from(hkdfSync('sha256', root, 'sellahead', 'webhook-signing-secret/v1', 32)))
    // A failed read (the database briefly down) is tried again next time, not kept.
    this.#key.catch(() => (this.#key = undefined))
    return this.#key
  }

  async seal(plain: string): Promise<string> {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', await this.#keyOnce(), iv)
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
  }

  async open(stored: string): Promise<string> {
    const [v, iv, tag, sealed] = stored.split('.')
    if (v !== version || !iv || !tag || sealed === undefined) throw new Error('webhook secret is not sealed by this version')
    const decipher = createDecipheriv('aes-256-gcm', await this.#keyOnce(), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
  }
}
