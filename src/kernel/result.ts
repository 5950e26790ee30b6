/**
 * Expected failures are values with a stable code; `throw` is kept for bugs. A failure says what
 * went wrong, never how to answer it: the HTTP status of every code is mapped once, in
 * `http/problem-status.ts`.
 */
export type Extra = Record<string, unknown>

export interface Failure<C extends string = string> {
  ok: false
  code: C
  detail: string
  extra?: Extra
}

export interface Success<T> {
  ok: true
  value: T
}

export type Result<T, C extends string = string> = Success<T> | Failure<C>

export const ok = <T>(value: T): Success<T> => ({ ok: true, value })

/** `order` for `order_not_found`: the things a context can report missing. */
export type NotFoundSubject<C extends string> = C extends `${infer W}_not_found` ? W : never

/**
 * A context's own `fail` and `notFound`, typed by its closed union of codes, so a context can
 * only refuse with a code it declares (and the HTTP layer maps).
 */
export function failures<C extends string>() {
  return {
    fail(code: C, detail: string, extra?: Extra): Failure<C> {
      return extra ? { ok: false, code, detail, extra } : { ok: false, code, detail }
    },
    notFound(what: NotFoundSubject<C>, id: string): Failure<C> {
      return { ok: false, code: `${what}_not_found` as C, detail: `No ${what.replace(/_/g, ' ')} with id or code '${id}'.` }
    },
  }
}

/** Thrown by services when a Failure must abort a transaction; the HTTP layer turns it into problem+json. */
export class FailureError extends Error {
  readonly failure: Failure
  constructor(failure: Failure) {
    super(failure.detail)
    this.failure = failure
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new FailureError(result)
  return result.value
}

/** An invariant broke: this is a bug, never an expected outcome. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`)
}
