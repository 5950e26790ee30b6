/**
 * One cursor codec for every list. A cursor is base64url of the JSON `[list, ...key]`: opaque to
 * a client, typed for the server. Decoding checks every part — the alphabet, the length, that it
 * is exactly what this API would have written, the list it belongs to, the type of each key
 * field — so anything this API did not give out for this list is a 400 `invalid_cursor`, never a
 * value that reaches SQL (where a malformed one answered 500).
 */
import { Type } from '@sinclair/typebox'
import { FailureError, ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'

/** A key field: an id or code (`text`), or a row number (`serial`, a whole number ≥ 0). */
export type CursorField = 'text' | 'serial'
type FieldValue<F extends CursorField> = F extends 'text' ? string : number
export type CursorKey<F extends readonly CursorField[]> = { -readonly [K in keyof F]: F[K] extends CursorField ? FieldValue<F[K]> : never }

/** Longer than any cursor this API writes; what is longer is refused before it is decoded. */
export const maxCursorLength = 1000
const maxTextField = 400

/** The `cursor` query parameter of every list. */
export const CursorParam = Type.String({ maxLength: maxCursorLength, description: 'Opaque cursor: the nextCursor of the previous page of the same list' })

export interface CursorCodec<K> {
  /** The list this codec's cursors belong to. */
  readonly list: string
  encode(key: K): string
  /** The key a page starts after: undefined without a cursor, `invalid_cursor` for one this list did not give out. */
  decode(cursor: string | undefined): Result<K | undefined>
  /** `decode`, throwing the failure (answered as problem+json by the error handler). */
  after(cursor: string | undefined): K | undefined
}

const invalid = () => fail('invalid_cursor', 'The cursor is not one this list gave out: pass the nextCursor of its previous page, or none for the first.')

const validField = (field: CursorField, value: unknown): boolean =>
  field === 'serial'
    ? Number.isSafeInteger(value) && (value as number) >= 0
    // No control characters (PostgreSQL refuses NUL) and no lone surrogates: only what an id can hold.
    : typeof value === 'string' && value.length <= maxTextField && value.isWellFormed() && !/[\u0000-\u001f]/.test(value)

/** A codec for the cursors of `list`, keyed by `fields`. */
export function cursorCodec<const F extends readonly CursorField[]>(list: string, fields: F): CursorCodec<CursorKey<F>> {
  const decode = (cursor: string | undefined): Result<CursorKey<F> | undefined> => {
    if (cursor === undefined) return ok(undefined)
    if (cursor.length === 0 || cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return invalid()
    const text = Buffer.from(cursor, 'base64url').toString('utf8')
    // Exactly what encode writes: no padding variants, no bytes that are not UTF-8.
    if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) return invalid()
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return invalid()
    }
    if (!Array.isArray(value) || value.length !== fields.length + 1 || value[0] !== list) return invalid()
    const key = value.slice(1)
    if (!fields.every((field, i) => validField(field, key[i]))) return invalid()
    return ok(key as CursorKey<F>)
  }
  return {
    list,
    encode: (key) => Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url'),
    decode,
    after(cursor) {
      const key = decode(cursor)
      if (!key.ok) throw new FailureError(key)
      return key.value
    },
  }
}

/** A codec for a list keyed by one field: encodes and decodes the bare value. */
export function singleCursor<F extends CursorField>(list: string, field: F): CursorCodec<FieldValue<F>> {
  const codec = cursorCodec(list, [field] as const)
  const decode = (cursor: string | undefined): Result<FieldValue<F> | undefined> => {
    const key = codec.decode(cursor)
    return key.ok ? ok(key.value?.[0] as FieldValue<F> | undefined) : key
  }
  return {
    list,
    encode: (value) => codec.encode([value] as CursorKey<readonly [F]>),
    decode,
    after(cursor) {
      const key = decode(cursor)
      if (!key.ok) throw new FailureError(key)
      return key.value
    },
  }
}

/** The next page's cursor: the last item's key when the page is full, else null (no more). */
export function nextCursorOf<T, K>(items: readonly T[], limit: number, codec: CursorCodec<K>, keyOf: (item: T) => K): string | null {
  const last = items.at(-1)
  return items.length === limit && last !== undefined ? codec.encode(keyOf(last)) : null
}
