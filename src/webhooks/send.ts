/**
 * One delivery attempt over HTTP: POST the body with its signature headers to the endpoint, to
 * the address checked when the URL was resolved (`address.ts`), within a time limit. Answers what
 * came of it; never throws for the receiver's faults.
 */
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { AttemptOutcome } from './decide.ts'
import { retryAfterMsOf } from './decide.ts'
import type { ResolvedTarget } from './address.ts'

/** How much of a receiver's answer is read (and dropped): enough to end the exchange cleanly. */
const maxAnswerBytes = 64 * 1024

/** A lookup that answers only the address already checked, so the connection cannot go elsewhere. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }) as unknown as LookupFunction
}

/**
 * Connections kept open per receiver and checked address: a busy endpoint gets thousands of
 * deliveries a second, and a new TCP (and TLS) handshake for each would cost more than the
 * delivery. A reused connection goes to the address that was checked when it was opened.
 */
const agents = new Map<string, http.Agent>()
function agentFor(target: ResolvedTarget): http.Agent {
  const key = `${target.url.protocol}//${target.url.host}|${target.address?.address ?? ''}`
  let agent = agents.get(key)
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8, ...(target.address && { lookup: pinnedLookup(target.address.address, target.address.family) }) }
    agent = target.url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options)
    agents.set(key, agent)
  }
  return agent
}

export function postOnce(target: ResolvedTarget, headers: Record<string, string>, body: string, timeoutMs: number, nowMs: () => number): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }
    const client = target.url.protocol === 'https:' ? https : http
    const request = client.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Sellahead-Webhooks/1' },
      agent: agentFor(target),
    }, (response) => {
      let read = 0
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > maxAnswerBytes) response.destroy()
      })
      const done = () => {
        const status = response.statusCode ?? 0
        if (status >= 200 && status < 300) return finish({ kind: 'delivered', httpStatus: status })
        const retryAfter = status === 429 || status === 503 ? retryAfterMsOf(headerText(response.headers['retry-after']), nowMs()) : null
        finish({ kind: 'http_error', httpStatus: status, retryAfterMs: retryAfter })
      }
      response.on('end', done)
      response.on('close', done)
      response.on('error', done)
    })
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' })
      request.destroy(new Error('timed out'))
    }, timeoutMs)
    request.on('error', (error) => finish({ kind: 'network_error', message: error.message.slice(0, 500) }))
    request.end(body)
  })
}

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)
