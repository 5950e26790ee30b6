import type { FastifyInstance } from 'fastify'
import type { Services } from '../services.ts'

/** Health and metrics: public, for load balancers and Prometheus. */
export function registerOperationsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.db.get('SELECT 1 AS ok')
      return { status: 'ok', database: services.db.dialect }
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: services.db.dialect })
    }
  })
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(services.metrics.contentType).send(await services.metrics.render()),
  )
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger())
}
