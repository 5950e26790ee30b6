import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newId, uuidv7 } from '../src/kernel/ids.ts'

test('UUIDv7 ids carry their millisecond, version and variant, and sort in creation order', () => {
  const ms = Date.UTC(2026, 10, 11, 12, 0, 0, 123)
  const id = uuidv7(ms)
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), ms)
  // Many ids in one millisecond: the counter keeps them ordered and distinct, even past 4,096.
  const ids = Array.from({ length: 10_000 }, () => uuidv7(ms + 1))
  assert.ok(ids.every((x, i) => i === 0 || ids[i - 1] < x), 'ordered')
  assert.equal(new Set(ids).size, ids.length)
  assert.ok(uuidv7(ms + 5) > ids.at(-1)!, 'a later millisecond sorts after')
  assert.match(newId('res'), /^res_[0-9a-f-]{36}$/)
})
