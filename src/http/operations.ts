import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Metrics } from './metrics.ts'

/** Whether the database answers, and which one it is. */
export interface DatabaseHealth {
  up: boolean
  database: string
}

/** Health and metrics: public, for load balancers and Prometheus. */
export function operationsRoutes({ health, metrics }: { health: () => Promise<DatabaseHealth>; metrics: Metrics }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
      const { up, database } = await health()
      return up ? { status: 'ok', database } : reply.code(503).send({ status: 'unavailable', database })
    })
    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(metrics.contentType).send(await metrics.render()),
    )
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger())
  }
}
