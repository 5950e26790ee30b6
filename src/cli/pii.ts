/**
 * `sellahead pii status` and `sellahead pii rotate`: which keys customers' personal data is sealed
 * under (order contacts, and who collected each pickup), and re-sealing all of it under the current
 * key (SELLAHEAD_PII_KEY) so the keys in SELLAHEAD_PII_PREVIOUS_KEYS can be dropped. Resumable: a
 * second run picks up what is left.
 */
import type { Config } from '../config.ts'
import type { Services } from '../services.ts'
import { progressBar } from './progress.ts'
import { UsageError } from './usage.ts'
import { KeyNotHeldError, type KeyRing } from '../kernel/sealing.ts'
import { assertCollectorKeysHeld, collectorKeyCounts, rotateCollectors } from '../fulfilment/index.ts'
import { missingPiiKeyHint } from '../orders/index.ts'

/** Which key the configuration seals under, in words. */
const currentKeyText = (config: Config, keyId: string) =>
  config.piiKey === undefined ? `${keyId} (derived from the root secret: SELLAHEAD_PII_KEY is not set)` : `${keyId} (SELLAHEAD_PII_KEY)`

export async function piiCommand(config: Config, action: string | undefined, batch: string | undefined, services: Services): Promise<number> {
  const contacts = services.orders.contacts
  const ring = await contacts.keys()
  if (action === 'status') {
    console.log(`Current key: ${currentKeyText(config, ring.current.id)}`)
    const contactCounts = await contacts.keyCounts()
    if (contactCounts.length === 0) console.log('No customer contacts stored.')
    for (const c of contactCounts) console.log(`  ${c.keyId}  ${String(c.contacts).padStart(10)} contact(s)  ${keyState(ring, c.keyId)}`)
    const collectorCounts = await collectorKeyCounts(services.db)
    if (collectorCounts.length === 0) console.log('No pickup collectors stored.')
    for (const c of collectorCounts) console.log(`  ${c.keyId}  ${String(c.pickups).padStart(10)} pickup collector(s)  ${keyState(ring, c.keyId)}`)
    return [...contactCounts, ...collectorCounts].some((c) => !ring.holds(c.keyId)) ? 1 : 0
  }
  if (action !== 'rotate') throw new UsageError('Use: pii status | pii rotate [--batch N]')
  const batchSize = batch === undefined ? 500 : Number(batch)
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError(`--batch must be a whole number from 1 to 10000 (got '${batch}')`)
  console.error(`Re-sealing customer contacts and pickup collectors under ${currentKeyText(config, ring.current.id)}`)
  // Every key in use is checked before anything is re-sealed: one not configured changes nothing.
  const refusals: string[] = []
  for (const check of [() => contacts.assertKeysHeld(), () => assertCollectorKeysHeld(services.db, ring, missingPiiKeyHint)]) {
    try {
      await check()
    } catch (error) {
      if (!(error instanceof KeyNotHeldError)) throw error
      refusals.push(error.message)
    }
  }
  if (refusals.length > 0) {
    for (const r of refusals) console.error(r)
    return 1
  }
  const rotations = [
    { label: 'rotate contacts', run: (onProgress: (n: number, total: number) => void) => contacts.rotate({ batchSize, onProgress }) },
    { label: 'rotate pickup collectors', run: (onProgress: (n: number, total: number) => void) => rotateCollectors(services.db, ring, { batchSize, onProgress, missingKeyHint: missingPiiKeyHint }) },
  ]
  const resealed: number[] = []
  for (const rotation of rotations) {
    let bar: ReturnType<typeof progressBar> | undefined
    try {
      resealed.push((await rotation.run((n, total) => (bar ??= progressBar(rotation.label, total)).tick(n))).resealed)
    } catch (error) {
      if (!(error instanceof KeyNotHeldError)) throw error
      console.error(error.message)
      return 1
    } finally {
      bar?.finish()
    }
  }
  const [contactsDone, collectorsDone] = resealed
  const keyId = ring.current.id
  const contactsLeft = (await contacts.keyCounts()).filter((c) => c.keyId !== keyId).reduce((n, c) => n + c.contacts, 0)
  const collectorsLeft = (await collectorKeyCounts(services.db)).filter((c) => c.keyId !== keyId).reduce((n, c) => n + c.pickups, 0)
  const done = `Re-sealed ${contactsDone} contact(s) and ${collectorsDone} pickup collector(s)`
  if (contactsLeft + collectorsLeft > 0) {
    console.error(`${done}, but ${contactsLeft} contact(s) and ${collectorsLeft} pickup collector(s) are still under another key (written or rotated meanwhile): run it again.`)
    return 1
  }
  console.log(`${done}; every contact and pickup collector is sealed under ${keyId}. ` +
    'SELLAHEAD_PII_PREVIOUS_KEYS may now be emptied (in every instance) once they all run with this SELLAHEAD_PII_KEY.')
  return 0
}

/** What a key in use is to the configuration. */
const keyState = (ring: KeyRing, keyId: string): string =>
  keyId === ring.current.id ? 'current' : ring.holds(keyId) ? 'previous: rotate to drop it' : 'NOT CONFIGURED: these cannot be read'
