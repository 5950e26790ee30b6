import { randomBytes } from 'node:crypto'

/** Id prefixes by entity type; ids are `<prefix>_<uuidv7>` so they sort by creation time. */
export type IdPrefix = 'sku' | 'node' | 'chn' | 'res' | 'lck' | 'trf' | 'tok' | 'mov' | 'bat'

let lastMs = 0
let sequence = 0
let pool = randomBytes(4096)
let poolOffset = 0

function randomByte(): number {
  if (poolOffset >= pool.length) {
    pool = randomBytes(4096)
    poolOffset = 0
  }
  return pool[poolOffset++]
}

const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** UUIDv7 (RFC 9562) with a 12-bit monotonic counter in rand_a, so ids from one process stay ordered. */
export function uuidv7(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs
    sequence = randomByte() & 0x3f
  } else {
    sequence++
    if (sequence > 0xfff) {
      lastMs++
      sequence = 0
    }
  }
  const ms = lastMs
  const b0 = Math.floor(ms / 2 ** 40) & 0xff
  const b1 = Math.floor(ms / 2 ** 32) & 0xff
  const b2 = (ms >>> 24) & 0xff
  const b3 = (ms >>> 16) & 0xff
  const b4 = (ms >>> 8) & 0xff
  const b5 = ms & 0xff
  const b6 = 0x70 | ((sequence >>> 8) & 0x0f)
  const b7 = sequence & 0xff
  const b8 = 0x80 | (randomByte() & 0x3f)
  let tail = hex[b8]
  for (let i = 0; i < 7; i++) tail += hex[randomByte()]
  return (
    hex[b0] + hex[b1] + hex[b2] + hex[b3] + '-' + hex[b4] + hex[b5] + '-' + hex[b6] + hex[b7] + '-' +
    tail.slice(0, 4) + '-' + tail.slice(4)
  )
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${uuidv7()}`
}
