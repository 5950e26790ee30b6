/**
 * Expected failures are values with a stable code; `throw` is kept for bugs.
 * `status` is the HTTP status the code maps to on the wire.
 */
export interface Failure {
  ok: false
  code: string
  status: number
  detail: string
  extra?: Record<string, unknown>
}

export interface Success<T> {
  ok: true
  value: T
}

export type Result<T> = Success<T> | Failure

export const ok = <T>(value: T): Success<T> => ({ ok: true, value })

export function fail(code: string, status: number, detail: string, extra?: Record<string, unknown>): Failure {
  return extra ? { ok: false, code, status, detail, extra } : { ok: false, code, status, detail }
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

export const notFound = (what: string, id: string): Failure => fail(`${what}_not_found`, 404, `No ${what.replace(/_/g, ' ')} with id or code '${id}'.`)

/** An invariant broke: this is a bug, never an expected outcome. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`)
}
