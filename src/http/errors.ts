/** Every code the http context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type HttpErrorCode =
  | 'bad_request'
  | 'body_too_large'
  | 'forbidden'
  | 'headers_too_large'
  | 'internal_error'
  | 'invalid_content_length'
  | 'invalid_cursor'
  | 'invalid_idempotency_key'
  | 'invalid_limit'
  | 'invalid_request'
  | 'invalid_url'
  | 'malformed_json'
  | 'malformed_request'
  | 'path_too_long'
  | 'rate_limited'
  | 'request_timeout'
  | 'route_not_found'
  | 'shutting_down'
  | 'storage_unavailable'
  | 'unauthenticated'
  | 'unsupported_media_type'

export const { fail, notFound } = failures<HttpErrorCode>()
