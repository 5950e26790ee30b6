/** The event feed over HTTP: staff (and the integrations they run) poll it with a cursor. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { allow, pageLimitOf, problems, named } from '../http/support.ts'
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
  }
}
