/** kernel/sealing.ts: AES-256-GCM seal and open, key ids, key rings, keys from configuration. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { KeyNotHeldError, KeyRing, keyFromBase64, keyIdOf, openText, ringKeyOf, SealedTextError, sealText } from '../src/kernel/sealing.ts'
import { loadConfig } from '../src/config.ts'

test('what is sealed opens with the same key and associated data, and only so', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 40 }), (plain, aad) => {
    const key = randomBytes(32)
    const sealed = sealText(key, plain, aad)
    assert.equal(openText(key, sealed, aad), plain)
    assert.throws(() => openText(randomBytes(32), sealed, aad), SealedTextError)
    assert.throws(() => openText(key, sealed, `${aad}x`), SealedTextError)
    if (plain.length > 0) assert.ok(!sealed.includes(plain) || plain.length < 4)
  }), { numRuns: 50 })
})

test('every seal is different (a fresh nonce), and a changed byte is caught, never opened as other text', () => {
  const key = randomBytes(32)
  const a = sealText(key, 'Zhou Xiaoyun', 'ord_1')
  assert.notEqual(a, sealText(key, 'Zhou Xiaoyun', 'ord_1'))
  const [v, iv, tag, body] = a.split('.')
  const flipped = Buffer.from(body, 'base64url')
  flipped[0] ^= 1
  assert.throws(() => openText(key, [v, iv, tag, flipped.toString('base64url')].join('.'), 'ord_1'), /does not open it/)
  assert.throws(() => openText(key, 'v2.a.b.c', 'ord_1'), /not sealed by this version/)
  assert.throws(() => openText(key, `${a}.extra`, 'ord_1'), /not sealed by this version/)
})

test('webhook secrets sealed before the shared module still open (same stored form)', () => {
  // The form SecretBox wrote: v1.<iv>.<tag>.<ciphertext>, base64url, no associated data.
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const sealed = Buffer.concat([cipher.update('whsec_abc', 'utf8'), cipher.final()])
  const stored = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
  assert.equal(openText(key, stored), 'whsec_abc')
})

test('a key id is a stable fingerprint that does not reveal the key', () => {
  const key = randomBytes(32)
  assert.equal(keyIdOf(key), keyIdOf(Buffer.from(key)))
  assert.notEqual(keyIdOf(key), keyIdOf(randomBytes(32)))
  assert.match(keyIdOf(key), /^k_[\w-]{16}$/)
  assert.ok(!keyIdOf(key).includes(key.toString('base64url').slice(0, 8)))
})

test('a ring seals under its current key, opens under any it holds, and names a key it lacks with what to set', () => {
  const [a, b] = [ringKeyOf(randomBytes(32)), ringKeyOf(randomBytes(32))]
  const old = new KeyRing(a)
  const rotating = new KeyRing(b, [a], 'set THE_KEY')
  const sealed = old.seal('hello', 'ord_1')
  assert.equal(sealed.keyId, a.id)
  assert.equal(rotating.open(sealed, 'ord_1'), 'hello')
  assert.equal(rotating.seal('x').keyId, b.id)
  assert.deepEqual(rotating.keyIds, [b.id, a.id])
  const after = new KeyRing(b, [], 'set THE_KEY')
  assert.throws(() => after.open(sealed, 'ord_1', 'The contact of order ord_1'), (e: Error) =>
    e instanceof KeyNotHeldError && e.keyId === a.id && e.message === `The contact of order ord_1 is sealed under key ${a.id}, which is not configured: set THE_KEY`)
  // A row claiming a key the ring holds but sealed under another does not open as garbage.
  assert.throws(() => rotating.open({ keyId: b.id, sealed: sealed.sealed }, 'ord_1'), /does not open with key/)
})

test('keys come from configuration as 32 bytes of base64, and anything else is refused by name', () => {
  const key = randomBytes(32)
  assert.deepEqual(keyFromBase64('K', key.toString('base64')), key)
  assert.deepEqual(keyFromBase64('K', `${key.toString('base64')}\n`), key, 'a trailing newline from a file is fine')
  assert.deepEqual(keyFromBase64('K', key.toString('base64url')), key)
  for (const bad of ['', 'short', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), `${key.toString('base64').slice(0, 40)}!!!=`]) {
    assert.throws(() => keyFromBase64('SELLAHEAD_PII_KEY', bad), /SELLAHEAD_PII_KEY must be 32 bytes written in base64/, bad)
  }
  const previous = [randomBytes(32), randomBytes(32)]
  const config = loadConfig({ SELLAHEAD_PII_KEY: key.toString('base64'), SELLAHEAD_PII_PREVIOUS_KEYS: previous.map((k) => k.toString('base64')).join(', ') })
  assert.deepEqual([config.piiKey, config.piiPreviousKeys], [key, previous])
  assert.deepEqual([loadConfig({}).piiKey, loadConfig({}).piiPreviousKeys], [undefined, []])
  assert.throws(() => loadConfig({ SELLAHEAD_PII_PREVIOUS_KEYS: `${key.toString('base64')},nope` }), /SELLAHEAD_PII_PREVIOUS_KEYS \(key 2\) must be 32 bytes/)
})
