/**
 * Server-sent events for feeds that resume from a position: each message carries its position as
 * the SSE `id`, so a client that reconnects sends it back as `Last-Event-ID` and gets what
 * followed, nothing missed and nothing twice. A stream wakes when this process reports a change
 * (or every poll interval, for changes made by another process), and sends a comment line every
 * `heartbeatMs` so proxies keep the connection open.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** A message; one with an id alone moves the client's Last-Event-ID without dispatching an event. */
export interface SseMessage {
  id: number
  event?: string
  data?: unknown
}

const textOf = (m: SseMessage): string =>
  m.event === undefined ? `id: ${m.id}\n\n` : `id: ${m.id}\nevent: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`

export interface SseSource {
  /** Messages after `after`, in order, at most a page; the stream asks again at once when the page was full. */
  next(after: number): Promise<{ messages: SseMessage[]; full: boolean }>
  /** Calls the listener when something may have changed; returns the way to stop listening. */
  wake?(listener: () => void): () => void
  pollIntervalMs: number
  heartbeatMs?: number
}

/** The position a client resumes from: `Last-Event-ID` first, then the `after` query parameter. */
export function resumePositionOf(req: FastifyRequest, after: string | undefined): number | undefined {
  const header = req.headers['last-event-id']
  const text = typeof header === 'string' && header !== '' ? header : after
  return text !== undefined && /^[0-9]{1,15}$/.test(text) ? Number(text) : undefined
}

const open = new WeakMap<FastifyInstance, Set<() => void>>()

/** Ends every open stream of the app when it closes, so a graceful shutdown is not held up by them. */
export function closeStreamsOnShutdown(app: FastifyInstance): void {
  const streams = new Set<() => void>()
  open.set(app, streams)
  app.addHook('preClose', async () => {
    for (const end of streams) end()
  })
}

/** Takes over the reply and streams the source from `after` until the client goes or the server closes. */
export function streamEvents(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, source: SseSource, after: number): void {
  reply.hijack()
  const res = reply.raw
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  res.write(`retry: ${Math.max(1000, source.pollIntervalMs)}\n\n`)
  let position = after
  let ended = false
  let wakeUp: (() => void) | undefined
  const streams = open.get(app)
  const end = () => {
    if (ended) return
    ended = true
    wakeUp?.()
    streams?.delete(end)
    res.end()
  }
  streams?.add(end)
  req.raw.on('close', end)
  res.on('close', end)
  const stopListening = source.wake?.(() => wakeUp?.())
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), source.heartbeatMs ?? 15_000)
  heartbeat.unref()

  const loop = async () => {
    while (!ended) {
      const { messages, full } = await source.next(position)
      for (const m of messages) {
        if (ended) return
        res.write(textOf(m))
        position = m.id
      }
      if (full) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, source.pollIntervalMs)
        wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wakeUp = undefined
    }
  }
  loop().catch((err) => {
    req.log.error({ err }, 'event stream failed; the client reconnects with Last-Event-ID')
  }).finally(() => {
    clearInterval(heartbeat)
    stopListening?.()
    end()
  })
}
