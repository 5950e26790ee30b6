import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newId, uuidv7 } from '../src/kernel/ids.ts'
import { SingleFlight } from '../src/kernel/single-flight.ts'
import { formatMoney, majorUnits, minorUnitDigits } from '../src/kernel/money.ts'

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

test('single flight: callers of a key being loaded share one load; a settled or failed load is not kept', async () => {
  const flight = new SingleFlight<number>()
  let calls = 0
  let release!: (v: number) => void
  const slow = () => { calls++; return new Promise<number>((resolve) => (release = resolve)) }
  const shared = [flight.load('a', slow), flight.load('a', slow), flight.load('a', slow)]
  const other = flight.load('b', async () => { calls++; return 7 })
  release(42)
  assert.deepEqual(await Promise.all(shared), [42, 42, 42])
  assert.equal(await other, 7)
  assert.equal(calls, 2, 'one load per key')
  assert.equal(await flight.load('a', async () => { calls++; return 43 }), 43, 'a settled load is not reused')
  await assert.rejects(flight.load('c', async () => { throw new Error('down') }), /down/)
  assert.equal(await flight.load('c', async () => 1), 1, 'a failed load is forgotten')
})

test('money reads in major and minor units, with each currency\'s own number of decimals', () => {
  assert.equal(formatMoney(19800, 'CNY'), '198.00 CNY (19800)')
  assert.equal(formatMoney(5, 'USD'), '0.05 USD (5)')
  assert.equal(formatMoney(0, 'EUR'), '0.00 EUR (0)')
  assert.equal(formatMoney(-1250, 'EUR'), '-12.50 EUR (-1250)')
  assert.equal(formatMoney(19800, 'JPY'), '19800 JPY (19800)')
  assert.equal(formatMoney(1500, 'KRW'), '1500 KRW (1500)')
  assert.equal(formatMoney(1234, 'KWD'), '1.234 KWD (1234)')
  assert.deepEqual(['CNY', 'USD', 'JPY', 'KRW', 'BHD'].map(minorUnitDigits), [2, 2, 0, 0, 3])
  assert.equal(majorUnits(Number.MAX_SAFE_INTEGER, 'CNY'), '90071992547409.91', 'exact for every safe amount')
})
