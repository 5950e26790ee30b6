/**
 * fast-check arbitraries from the JSON schemas of an OpenAPI document: values a schema accepts
 * (types, enums, formats, patterns, bounds, required fields), and the same values poisoned
 * (wrong types, prototype names, over-long strings, numbers a column cannot hold, missing
 * required fields, extra and prototype-named keys, deep nesting).
 */
import fc from 'fast-check'

/** A JSON schema as /openapi.json gives it (OpenAPI 3.1: plain JSON Schema). */
export type Schema = { [key: string]: any }

/**
 * Where a value of a named field may come from besides its schema: the seeded world's real ids
 * and codes, so that requests reach past the lookups. `undefined` when the name means nothing.
 */
export type Hint = (name: string) => fc.Arbitrary<string> | undefined

export const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'] as const

/** Strings that break careless code: prototype names, lengths, NUL, number-like and unicode text. */
export const poisonStrings: readonly string[] = [
  ...prototypeNames, '', ' ', 'x'.repeat(10_000), 'é'.repeat(5_000), '😀'.repeat(50), 'a\u0000b', '\u0000', '\u202eevil', '\ufeff',
  'NaN', 'Infinity', '-Infinity', '1e308', '-0', '0x10', '1.5', '-1', '9007199254740993', '99999999999999999999', 'null', 'true', '[]', '{}',
  "'; DROP TABLE orders; --", '%00', '../../etc/passwd', '${process.exit()}', '2026-02-30', '2026-13-01T25:61:00Z', '0000-00-00', '+275760-09-13',
]

/** Numbers a column or a calculation cannot hold. */
export const poisonNumbers: readonly number[] = [
  1e308, -1e308, -0, -1, 0, 0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER,
]

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v }
  return v
}

/** Any value that is wrong somewhere: poison strings and numbers, other JSON types, nesting, size. */
export const poisonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...poisonStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...poisonNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [1, 'a'], { toString: 1 }, { valueOf: 'x' }) },
  { weight: 1, arbitrary: fc.constantFrom(deep(200, 1), deep(2_000, 'x'), Array.from({ length: 5_000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
)

/** Follows `$ref`s into the document's components. */
export function resolver(doc: Schema): (s: Schema) => Schema {
  return function resolve(s: Schema): Schema {
    if (typeof s?.$ref !== 'string') return s
    const path = s.$ref.replace(/^#\//, '').split('/')
    let target: any = doc
    for (const part of path) target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    if (target === undefined) throw new Error(`unresolved $ref ${s.$ref}`)
    return resolve(target)
  }
}

const dayMs = 86_400_000

export interface ArbitraryOptions {
  resolve: (s: Schema) => Schema
  hint: Hint
  /** How often a field with a hint draws from it: `always`, `mostly` (3 in 4), or `never` (schema only). */
  hints: 'always' | 'mostly' | 'never'
  /** Optional fields sent two times in three rather than one in three when `hints` is `always` (those that scope a request, such as its channel). */
  usuallySent?: ReadonlySet<string>
  nowMs: number
}

/**
 * Values the schema accepts. Named fields with a hint draw from it as `hints` says; strings
 * sometimes are prototype names or unicode when the schema lets them be (that is valid input the
 * code must still survive).
 */
export function validOf(schema: Schema, o: ArbitraryOptions, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = o.resolve(schema)
  if ('const' in s) return fc.constant(s.const)
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum)
  const branches = s.anyOf ?? s.oneOf
  if (Array.isArray(branches)) return fc.oneof(...branches.map((b: Schema) => validOf(b, o, name, depth + 1)))
  if (Array.isArray(s.allOf)) return validOf(mergeAll(s.allOf.map(o.resolve)), o, name, depth + 1)
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type: string) => validOf({ ...s, type }, o, name, depth + 1)))
  const typed = typedValid(s, o, name, depth)
  return s.nullable === true ? fc.option(typed, { nil: null, freq: 10 }) : typed
}

function typedValid(s: Schema, o: ArbitraryOptions, name: string, depth: number): fc.Arbitrary<unknown> {
  switch (s.type) {
    case 'string': {
      const own = stringOf(s, o.nowMs)
      const hinted = o.hints === 'never' ? undefined : o.hint(name)
      if (!hinted) return own
      return o.hints === 'always' ? hinted : fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: own })
    }
    case 'integer': return integerOf(s)
    case 'number': return fc.oneof({ weight: 3, arbitrary: integerOf(s) }, { weight: 1, arbitrary: doubleOf(s) })
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'array': {
      if (depth > 6) return fc.constant([])
      const minLength = s.minItems ?? 0
      // Short arrays mostly: every item must pass the rules for the request to reach its end.
      const maxLength = Math.min(s.maxItems ?? Infinity, minLength + 3)
      const items = validOf(s.items ?? {}, o, name, depth + 1)
      const of = (max: number) => s.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength: max, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength: max })
      return fc.oneof({ weight: 3, arbitrary: of(Math.min(maxLength, minLength + 1)) }, { weight: 1, arbitrary: of(maxLength) })
    }
    case 'object':
      return depth > 6 ? fc.constant({}) : objectOf(s, o, depth)
    default:
      // No type: anything JSON.
      return Object.keys(s.properties ?? {}).length > 0 ? objectOf(s, o, depth) : fc.jsonValue({ maxDepth: 2 })
  }
}

const absent = Symbol('absent')

function objectOf(s: Schema, o: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = s.properties ?? {}
  const required: string[] = (s.required ?? []).filter((k: string) => k in properties)
  // An optional field is sent a third of the time: with many of them, each one that may be refused still often is not sent.
  const shape = Object.fromEntries(Object.entries(properties).map(([k, v]) => {
    const value = validOf(v, o, k, depth + 1)
    const usually = o.hints === 'always' && o.usuallySent?.has(k) === true
    return [k, required.includes(k) ? value : fc.oneof({ weight: usually ? 1 : 2, arbitrary: fc.constant(absent) }, { weight: usually ? 2 : 1, arbitrary: value })]
  }))
  const record = fc.record(shape, { noNullPrototype: true })
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== absent)))
  const extra = s.additionalProperties
  if (!extra || typeof extra !== 'object') return record
  const keys = fc.oneof(fc.constantFrom('gold', 'silver', 'vip', ...prototypeNames), fc.string({ minLength: 1, maxLength: 12 }))
  return fc.tuple(record, fc.dictionary(keys, validOf(extra, o, '', depth + 1), { maxKeys: 3, noNullPrototype: true }))
    .map(([r, d]) => ({ ...d, ...(r as object) }))
}

function mergeAll(parts: Schema[]): Schema {
  return parts.reduce((a, b) => ({
    ...a, ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  }), {})
}

function stringOf(s: Schema, nowMs: number): fc.Arbitrary<string> {
  const minLength: number = s.minLength ?? 0
  const maxLength: number = s.maxLength ?? 10_000
  const fits = (v: string) => v.length >= minLength && v.length <= maxLength && (s.pattern === undefined || new RegExp(s.pattern, 'u').test(v))
  const days = fc.integer({ min: -20, max: 200 })
  let base: fc.Arbitrary<string>
  switch (s.format) {
    case 'date': base = days.map((d) => new Date(nowMs + d * dayMs).toISOString().slice(0, 10)); break
    case 'date-time': base = fc.integer({ min: -20 * 24, max: 200 * 24 }).map((h) => new Date(nowMs + h * 3_600_000).toISOString()); break
    case 'email': base = fc.constantFrom('buyer@example.com', 'a.b+c@shop.cn', 'x@y.io'); break
    default:
      base = s.pattern !== undefined
        ? fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' })
        : fc.oneof({ weight: 4, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24) }) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + 12) }) })
  }
  // Valid text may still be a prototype name, or as long as the schema allows.
  const edges = [...prototypeNames, 'x'.repeat(Math.min(maxLength, 10_000))].filter(fits)
  const withEdges = edges.length > 0 ? fc.oneof({ weight: 9, arbitrary: base }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : base
  return withEdges.filter(fits)
}

function integerOf(s: Schema): fc.Arbitrary<number> {
  const lowest = Number.MIN_SAFE_INTEGER
  const min = Math.ceil(Math.max(lowest, s.minimum ?? -(2 ** 31), s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : lowest))
  const max = Math.floor(Math.min(Number.MAX_SAFE_INTEGER, s.maximum ?? 2 ** 31, s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER))
  if (min > max) return fc.constant(min)
  // Small values reach the rules (a quantity of 3 can be served; 600 million cannot); the edges are still drawn.
  const low = Math.max(min, Math.min(0, max))
  const small = fc.integer({ min: low, max: Math.min(max, low + 6) })
  return fc.oneof({ weight: 12, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min, max) })
}

function doubleOf(s: Schema): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : -1e9)
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : 1e9)
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: s.exclusiveMinimum !== undefined, maxExcluded: s.exclusiveMaximum !== undefined })
    .map((v) => (Object.is(v, -0) ? 0 : v))
}

type Mutation = 'replace_leaf' | 'drop_key' | 'extra_key' | 'whole'

/** A value the schema accepts, then broken in one place (or replaced as a whole). */
export function poisonedOf(schema: Schema, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  const mutation = fc.constantFrom<Mutation>('replace_leaf', 'replace_leaf', 'replace_leaf', 'drop_key', 'extra_key', 'extra_key', 'whole')
  const extraKey = fc.oneof(fc.constantFrom(...prototypeNames, 'x'.repeat(1_000), '', 'id', 'status'), fc.string({ maxLength: 10 }))
  return fc.tuple(validOf(schema, o), mutation, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), poisonValue, extraKey)
    .map(([valid, kind, path, poison, key]) => mutate(valid, kind, path, poison, key))
}

function mutate(valid: unknown, kind: Mutation, path: number[], poison: unknown, key: string): unknown {
  if (kind === 'whole' || valid === null || typeof valid !== 'object') return poison
  const root = structuredClone(valid) as Record<string, unknown>
  // Walk down a random path of containers, then break the last one reached.
  let at: any = root
  for (const step of path.slice(0, -1)) {
    const keys = Object.keys(at)
    if (keys.length === 0) break
    const child = at[keys[step % keys.length]]
    // Stop early a third of the time, so top-level fields are broken as often as nested ones.
    if (child === null || typeof child !== 'object' || step % 3 === 0) break
    at = child
  }
  const keys = Object.keys(at)
  const pick = keys[path[path.length - 1] % Math.max(1, keys.length)]
  if (kind === 'drop_key' && pick !== undefined) {
    if (Array.isArray(at)) at.splice(Number(pick), 1)
    else delete at[pick]
  } else if (kind === 'extra_key' || pick === undefined) {
    if (Array.isArray(at)) at.push(poison)
    else Object.defineProperty(at, key, { value: poison, enumerable: true, writable: true, configurable: true })
  } else {
    at[pick] = poison
  }
  return root
}
