/**
 * The typed client (clients/typescript, generated from /openapi.json) over a test app: requests go
 * through app.inject, so they meet the real routes, hooks and serialisers without a socket. A call
 * that no longer fits the contract fails `npm run typecheck`.
 */
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { sellaheadClient, type SellaheadClient } from '../../clients/typescript/index.ts'
import type { TestApp } from './app.ts'

/** A fetch answered by `app.inject`. */
export function injectFetch(app: FastifyInstance): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer())
    const res = await app.inject({ method: request.method as 'GET', url: url.pathname + url.search, headers: Object.fromEntries(request.headers), ...(body && { payload: body }) })
    const headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, String(v))
    }
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers })
  }
}

/** The typed client as the caller with these headers; the test app checks every answer against the contract. */
export function clientAs(t: TestApp, auth: { authorization: string }): SellaheadClient {
  const client = sellaheadClient({ baseUrl: 'http://sellahead.test', token: auth.authorization.replace(/^Bearer /, ''), fetch: injectFetch(t.app) })
  return client
}

interface Answer<D, E> {
  data?: D
  error?: E
  response: Response
}

/** The typed answer of a call expected to succeed with `status`. */
export async function answered<D, E>(call: Promise<Answer<D, E>>, status = 200): Promise<D> {
  const { data, error, response } = await call
  assert.equal(response.status, status, JSON.stringify(error ?? data))
  return data as D
}

/** The typed problem of a call expected to be refused with `status`. */
export async function refused<D, E>(call: Promise<Answer<D, E>>, status: number): Promise<E> {
  const { data, error, response } = await call
  assert.equal(response.status, status, JSON.stringify(error ?? data))
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  return error as E
}

/** The whole answer of a call expected to answer `status`: typed `data` on 2xx, typed `error` otherwise. */
export async function answer<A extends { response: Response; data?: unknown; error?: unknown }>(call: Promise<A>, status: number): Promise<A> {
  const answered = await call
  assert.equal(answered.response.status, status, JSON.stringify(answered.error ?? answered.data))
  return answered
}
