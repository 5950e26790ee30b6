/**
 * `sellahead pii status` and `sellahead pii rotate`: which keys customers' personal data is sealed
 * under, and re-sealing every contact under the current key (SELLAHEAD_PII_KEY) so the keys in
 * SELLAHEAD_PII_PREVIOUS_KEYS can be dropped. Resumable: a second run picks up what is left.
 */
import type { Config } from '../config.ts'
import type { Services } from '../services.ts'
import { progressBar } from './progress.ts'
import { UsageError } from './usage.ts'
import { KeyNotHeldError } from '../kernel/sealing.ts'

/** Which key the configuration seals under, in words. */
const currentKeyText = (config: Config, keyId: string) =>
  config.piiKey === undefined ? `${keyId} (derived from the root secret: SELLAHEAD_PII_KEY is not set)` : `${keyId} (SELLAHEAD_PII_KEY)`

export async function piiCommand(config: Config, action: string | undefined, batch: string | undefined, services: Services): Promise<number> {
  const contacts = services.orders.contacts
  const ring = await contacts.keys()
  if (action === 'status') {
    console.log(`Current key: ${currentKeyText(config, ring.current.id)}`)
    const counts = await contacts.keyCounts()
    if (counts.length === 0) console.log('No customer contacts stored.')
    for (const c of counts) {
      const state = c.keyId === ring.current.id ? 'current' : ring.holds(c.keyId) ? 'previous: rotate to drop it' : 'NOT CONFIGURED: these cannot be read'
      console.log(`  ${c.keyId}  ${String(c.contacts).padStart(10)} contact(s)  ${state}`)
    }
    return counts.some((c) => !ring.holds(c.keyId)) ? 1 : 0
  }
  if (action !== 'rotate') throw new UsageError('Use: pii status | pii rotate [--batch N]')
  const batchSize = batch === undefined ? 500 : Number(batch)
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError(`--batch must be a whole number from 1 to 10000 (got '${batch}')`)
  console.error(`Re-sealing customer contacts under ${currentKeyText(config, ring.current.id)}`)
  let bar: ReturnType<typeof progressBar> | undefined
  let done
  try {
    done = await contacts.rotate({ batchSize, onProgress: (n, total) => (bar ??= progressBar('rotate contacts', total)).tick(n) })
  } catch (error) {
    if (!(error instanceof KeyNotHeldError)) throw error
    console.error(error.message)
    return 1
  } finally {
    bar?.finish()
  }
  const left = (await contacts.keyCounts()).filter((c) => c.keyId !== done.keyId)
  if (left.length > 0) {
    console.error(`Re-sealed ${done.resealed} contact(s), but ${left.reduce((n, c) => n + c.contacts, 0)} are still under another key (placed or rotated meanwhile): run it again.`)
    return 1
  }
  console.log(`Re-sealed ${done.resealed} contact(s); every contact is sealed under ${done.keyId}. ` +
    'SELLAHEAD_PII_PREVIOUS_KEYS may now be emptied (in every instance) once they all run with this SELLAHEAD_PII_KEY.')
  return 0
}
