/**
 * Endpoint signing secrets: made (`whsec_` + 24 random bytes, base64, as Standard Webhooks
 * spells them), and kept encrypted at rest with AES-256-GCM (kernel/sealing.ts) under a key
 * derived (HKDF) from the server's root secret, so a copy of the database alone cannot sign as Sellahead.
 */
import { hkdfSync, randomBytes } from 'node:crypto'
import { openText, sealText } from '../kernel/sealing.ts'

export const newSigningSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

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
    return sealText(await this.#keyOnce(), plain)
  }

  async open(stored: string): Promise<string> {
    return openText(await this.#keyOnce(), stored)
  }
}
