/** The event feed over HTTP: staff (and the integrations they run) poll it with a cursor. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { allow, pageLimitOf, problems, named } from '../http/support.ts'
import { resumePositionOf, streamEvents, type SseMessage } from '../http/sse.ts'
import { FailureError, unwrap } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { topicPattern, type EventFeed } from './feed.ts'

const tags = ['events']
const maxTopics = 20

const EventsQuery = Type.Object({
  after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'Return events after this id (the nextCursor of the previous page); 0 or absent: from the beginning' })),
  topic: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: "Comma-separated topics (`supply.changed`) or prefixes ending in '.' (`supply.`)" })),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
}, { additionalProperties: false })

const EventView = named('Event', Type.Object({
  id: Type.Integer(),
  topic: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown({ description: "The event's body; its shape depends on the topic" }),
  at: Type.String({ format: 'date-time' }),
}))

const EventPage = Type.Object({
  items: Type.Array(EventView),
  nextCursor: Type.Integer({ description: 'Pass as `after` to continue; unchanged when there is nothing new' }),
})

const StreamQuery = Type.Object({
  after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'Resume after this event id when there is no Last-Event-ID header; absent: only events from now on' })),
  topic: EventsQuery.properties.topic,
}, { additionalProperties: false })

/** How often an open stream looks for new events. */
const streamPollMs = 250

/** Comma-separated topics, each an exact topic or a prefix ending in '.'. */
function topicsOf(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined
  const topics = raw.split(',').map((t) => t.trim())
  const pattern = new RegExp(topicPattern)
  const bad = topics.find((t) => !pattern.test(t))
  if (bad !== undefined) throw new FailureError(fail('invalid_topic', `'${bad}' is not a topic (e.g. supply.changed) or a prefix ending in '.' (e.g. supply.).`))
  if (topics.length > maxTopics) throw new FailureError(fail('invalid_topic', `At most ${maxTopics} topics per request.`))
  return topics
}

/** The outbox as a cursor feed, for staff. */
export function eventRoutes({ events }: { events: EventFeed }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/v1/events', {
      preHandler: allow('admin', 'ops'),
      schema: {
        tags,
        summary: 'Events from the outbox in commit order, resumable from a cursor (inventory.shortage, supply.changed, …)',
        querystring: EventsQuery,
        response: { 200: EventPage, ...problems },
      },
    }, async (req) => {
      const q = req.query
      const limit = unwrap(pageLimitOf(q))
      return events.read({ after: q.after === undefined ? 0 : Number(q.after), topics: topicsOf(q.topic), limit })
    })

    app.get('/v1/events/stream', {
      preHandler: allow('admin', 'ops'),
      schema: {
        tags,
        summary: 'Events from the outbox as server-sent events, in commit order, resumable with Last-Event-ID',
        description: 'Each SSE message is named by its topic, with the event (as `/v1/events` gives it) as data and its id as the SSE id.',
        querystring: StreamQuery,
        response: { 200: { description: 'An endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...problems },
      },
    }, async (req, reply) => {
      const topics = topicsOf(req.query.topic)
      const start = resumePositionOf(req, req.query.after) ?? await events.latest()
      streamEvents(app, req, reply, {
        async next(after) {
          const page = await events.read({ after, topics, limit: 500 })
          const messages: SseMessage[] = page.items.map((e) => ({ id: e.id, event: e.topic, data: e }))
          // A filtered page may pass ids that matched nothing: move the client's Last-Event-ID past them without an event.
          if (page.nextCursor > (messages.at(-1)?.id ?? after)) messages.push({ id: page.nextCursor })
          return { messages, full: page.items.length === 500 }
        },
        pollIntervalMs: streamPollMs,
      }, start)
      return reply
    })
  }
}
