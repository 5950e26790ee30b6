/**
 * A real webhook receiver for tests: a local node:http server that verifies every delivery with
 * the standardwebhooks library (each configured secret on its own), records them in arrival
 * order, and answers what the test tells it to.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import type { TestApp } from './app.ts'
import { publish, type DomainEvent } from '../../src/events/index.ts'

export interface Received {
  id: string
  timestamp: string
  signature: string
  body: string
  type: string
  eventId: number
  subject: string | null
  data: Record<string, unknown>
  /** The names of the secrets that verified this delivery. */
  verifiedBy: string[]
  /** What the receiver answered. */
  status: number
}

export interface Answer { status: number; headers?: Record<string, string>; delayMs?: number }

export class Receiver {
  readonly received: Received[] = []
  /** Secrets by name; a delivery is verified with each. */
  readonly secrets = new Map<string, string>()
  /** The answer to the n-th request (0-based) with this webhook-id; 200 by default. */
  answer: (r: Received, nthForId: number) => Answer = () => ({ status: 200 })
  readonly #server: Server
  url = ''

  private constructor(server: Server) {
    this.#server = server
  }

  static async start(): Promise<Receiver> {
    const receiver: Receiver = new Receiver(createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const r = receiver.#record(req.headers, Buffer.concat(chunks).toString('utf8'))
        const answer = receiver.answer(r, receiver.received.filter((x) => x.id === r.id).length)
        r.status = answer.status
        receiver.received.push(r)
        setTimeout(() => {
          if (res.destroyed) return
          res.writeHead(answer.status, answer.headers ?? {})
          res.end('ok')
        }, answer.delayMs ?? 0)
      })
    }))
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve))
    receiver.url = `http://127.0.0.1:${(receiver.#server.address() as AddressInfo).port}/hook`
    return receiver
  }

  #record(headers: IncomingHttpHeaders, body: string): Received {
    const h = { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) }
    const verifiedBy: string[] = []
    for (const [name, secret] of this.secrets) {
      try {
        new Webhook(secret).verify(body, h)
        verifiedBy.push(name)
      } catch { /* not signed with this one */ }
    }
    const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> }
    return {
      id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'], body, type: parsed.type,
      eventId: Number(parsed.data.eventId), subject: (parsed.data.subject as string | null) ?? null, data: parsed.data, verifiedBy, status: 0,
    }
  }

  /** Deliveries answered 2xx, in arrival order. */
  delivered(): Received[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300)
  }

  close(): Promise<void> {
    this.#server.closeAllConnections()
    return new Promise((resolve) => this.#server.close(() => resolve()))
  }
}

/** An order.changed event about `orderId` in `channelId`, published as the orders context would, in its own transaction. */
export async function publishOrderChanged(t: TestApp, items: Array<{ orderId: string; channelId: string; status?: string }>, atMs = t.services.clock.nowMs()): Promise<void> {
  const events: DomainEvent[] = items.map((i) => ({
    topic: 'order.changed', subject: i.orderId,
    payload: { orderId: i.orderId, channelId: i.channelId, customerId: null, status: i.status ?? 'pending_payment', action: 'place', events: [] },
  }))
  await t.services.db.tx((tx) => publish(tx, events, atMs))
}

/** Runs fan-out and dispatch steps until `done` holds (each step sends what is due now; a real wait only for real time). */
export async function stepUntil(t: TestApp, done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await t.services.webhooks.step()
    if (done()) return
    if (Date.now() > deadline) throw new Error(`webhooks: ${what} did not happen within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
