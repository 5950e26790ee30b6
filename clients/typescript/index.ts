/**
 * A typed client of the Sellahead API: openapi-fetch over the types generated from /openapi.json.
 *
 *   const api = sellaheadClient({ baseUrl: 'http://127.0.0.1:3000', token })
 *   const { data, error } = await api.POST('/v1/orders', { body, params: { header: { 'Idempotency-Key': key } } })
 *
 * `data` is the typed answer on 2xx; `error` the typed problem+json otherwise.
 */
import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './api.ts'

export type { components, operations, paths } from './api.ts'
export type SellaheadClient = Client<paths>

export interface ClientOptions {
  baseUrl: string
  /** A bearer token (`sellahead token create`). */
  token?: string
  /** Another fetch (a test's, a proxy's); the global one by default. */
  fetch?: (request: Request) => Promise<Response>
}

export function sellaheadClient({ baseUrl, token, fetch }: ClientOptions): SellaheadClient {
  return createClient<paths>({
    baseUrl,
    ...(fetch && { fetch }),
    ...(token !== undefined && { headers: { authorization: `Bearer ${token}` } }),
  })
}
