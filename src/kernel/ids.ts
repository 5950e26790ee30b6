import { randomBytes } from 'node:crypto'

/** Id prefixes by entity type; ids are `<prefix>_<uuidv7>` so they sort by creation time. */
export type IdPrefix = 'sku' | 'node' | 'chn' | 'res' | 'lck' | 'trf' | 'tok' | 'mov' | 'bat' | 'sup' | 'po' | 'pol' | 'asn' | 'rcp' | 'ord' | 'dly' | 'msg' | 'pay' | 'cmp' | 'shp' | 'rma' | 'rtv' | 'pev' | 'sug' | 'sinv' | 'prun' | 'spay' | 'sdeb' | 'lcst'

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
    msHex = undefined
  } else {
    sequence++
    if (sequence > 0xfff) {
      lastMs++
      sequence = 0
      msHex = undefined
    }
  }
  // Thousands of ids share a millisecond in a flash sale: format its 48 bits once.
  msHex ??= timeHex(lastMs)
  let tail = hex[0x80 | (randomByte() & 0x3f)]
  for (let i = 0; i < 7; i++) tail += hex[randomByte()]
  return `${msHex}-${hex[0x70 | ((sequence >>> 8) & 0x0f)]}${hex[sequence & 0xff]}-${tail.slice(0, 4)}-${tail.slice(4)}`
}

let msHex: string | undefined

function timeHex(ms: number): string {
  const high = Math.floor(ms / 2 ** 32)
  return hex[(high >>> 8) & 0xff] + hex[high & 0xff] + hex[(ms >>> 24) & 0xff] + hex[(ms >>> 16) & 0xff] + '-' + hex[(ms >>> 8) & 0xff] + hex[ms & 0xff]
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${uuidv7()}`
}
