/**
 * Instants from request bodies. The schema's `date-time` format (RFC 3339) lets through values
 * that Date cannot read — a leap second (`23:59:60Z`), an offset of hours only (`+05`) — and
 * NaN would then reach the rules as a misleading failure. Such a value is bad input: a 400
 * `invalid_request` naming the field, shaped like the schema's own validation errors.
 */
import { FailureError } from '../kernel/result.ts'
import { fail } from './errors.ts'

/** Epoch milliseconds of an ISO 8601 instant; throws a 400 naming `field` (e.g. `endsAt`, `shipDate/day`) when unreadable. */
export function instantMsOf(value: string, field: string): number {
  const ms = Date.parse(value)
  if (Number.isFinite(ms)) return ms
  const path = `body/${field}`
  const message = 'is not a readable instant: use YYYY-MM-DDThh:mm:ss[.sss] with Z or ±hh:mm, seconds 00–59'
  throw new FailureError(fail('invalid_request', `${path} ${message}`, { errors: [{ path, message, params: { value } }] }))
}
