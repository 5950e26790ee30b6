/**
 * Holds the app's answers to the contract it serves (/openapi.json): an answer's status must be
 * one its operation declares, and a refusal's `code` one the operation lists for that status in
 * `x-problem-codes`. Every test app (test/helpers/app.ts) checks every `app.inject` answer with
 * it, so each HTTP test of every context also tests that the document tells the truth.
 */
import assert from 'node:assert/strict'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'

type Declared = Record<string, Record<string, { responses: Record<string, { 'x-problem-codes'?: string[] }> }>>

/**
 * Codes answered before any route is chosen (no such route, a path the router cannot decode or
 * whose segment is too long): they belong to no operation, and the API description says so.
 */
export const answeredBeforeRouting = new Set(['route_not_found', 'path_too_long', 'invalid_url'])

interface Matcher { path: string; pattern: RegExp; params: number }

/** The document's paths as patterns, static ones first, as the router prefers them. */
function matchersOf(paths: Declared): Matcher[] {
  return Object.keys(paths)
    .map((path) => ({
      path,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (path.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params)
}

export interface ContractCheck {
  /** Fails (assert) when this answer to `method url` is not one the document declares. */
  check(method: string, url: string, status: number, body: string): void
}

export function contractCheckOf(app: FastifyInstance): ContractCheck {
  const paths = (app.swagger() as unknown as { paths: Declared }).paths
  const matchers = matchersOf(paths)
  return {
    check(method, url, status, body) {
      const pathname = new URL(url, 'http://sellahead.test').pathname
      const path = matchers.find((m) => m.pattern.test(pathname) && paths[m.path][method.toLowerCase()])?.path
      const code = status >= 400 ? codeOf(body) : undefined
      if (path === undefined || (code !== undefined && answeredBeforeRouting.has(code))) return
      const what = `${method.toUpperCase()} ${path}`
      const declared = paths[path][method.toLowerCase()].responses[String(status)]
      assert.ok(declared, `${what} answered ${status}${code ? ` ${code}` : ''}, which /openapi.json does not declare for it`)
      if (status < 400) return
      assert.ok(code !== undefined && declared['x-problem-codes']?.includes(code), `${what} answered ${status} ${code}, which /openapi.json does not list for it`)
    },
  }
}

function codeOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { code?: unknown }
    return typeof parsed.code === 'string' ? parsed.code : undefined
  } catch {
    return undefined
  }
}

/** Server-sent event streams never end: their requests are answered as soon as the headers are. */
const isEventStream = (options: InjectOptions | string): boolean =>
  typeof options !== 'string' && (options.method ?? 'GET') === 'GET' && /\/stream(\?|$)/.test(String(options.url ?? ''))

/**
 * An event stream's answer: its status and headers, and its body only when it is a refusal (a
 * problem document that ends); a stream that opens is closed at once, so its body is empty.
 */
async function injectStream(inject: (options?: InjectOptions | string) => unknown, contract: ReturnType<typeof contractCheckOf>, options: InjectOptions): Promise<LightMyRequestResponse> {
  const abort = new AbortController()
  const res = await (inject({ ...options, payloadAsStream: true, signal: abort.signal }) as Promise<LightMyRequestResponse>)
  let body = ''
  if (res.statusCode === 200) abort.abort()
  else for await (const chunk of res.stream()) body += String(chunk)
  contract.check('GET', String(options.url), res.statusCode, body)
  return Object.assign(res, { body, payload: body, json: () => JSON.parse(body) })
}

/**
 * Makes `app.inject` check each answer against the contract. Only the promise form with options
 * (what the tests use) is checked; the chained and callback forms pass through.
 */
export function checkEveryInject(app: FastifyInstance): void {
  const contract = contractCheckOf(app)
  const inject = app.inject.bind(app) as (options?: InjectOptions | string, callback?: unknown) => unknown
  const checked = (options?: InjectOptions | string, callback?: unknown): unknown => {
    if (options === undefined || callback !== undefined) return inject(options, callback)
    if (isEventStream(options)) return injectStream(inject, contract, options as InjectOptions)
    return (inject(options) as Promise<LightMyRequestResponse>).then((res) => {
      const opts = typeof options === 'string' ? { url: options, method: 'GET' } : options
      const target = opts.url ?? opts.path ?? '/'
      const url = typeof target === 'string' ? target : (target.pathname ?? '/')
      contract.check(String(opts.method ?? 'GET'), url, res.statusCode, res.body)
      return res
    })
  }
  ;(app as { inject: unknown }).inject = checked
}
