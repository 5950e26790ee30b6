import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { swaggerOptions } from './contract.ts'
import type { Services } from '../services.ts'
import { FailureError } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { isStorageUnavailable, type Db } from '../store/db.ts'
import { sendProblem } from './support.ts'
import { refuseUnstorableText } from './text-guard.ts'
import { maxParamLength, onClientError, onFrameworkError } from './framework-errors.ts'
import { operationsRoutes, type DatabaseHealth } from './operations.ts'
import { tokenRoutes } from '../auth/index.ts'
import { catalogueRoutes } from '../catalogue/index.ts'
import { inventoryRoutes } from '../inventory/index.ts'
import { eventRoutes } from '../events/index.ts'
import { purchaseOrderRoutes, supplierRoutes, supplyRoutes } from '../purchasing/index.ts'
import { promisingRoutes } from '../promising/index.ts'
import { delayRoutes } from '../repromising/index.ts'
import { orderRoutes } from '../orders/index.ts'
import { presaleRoutes } from '../presale/index.ts'

export const bodyLimitBytes = 1024 * 1024

export async function buildApp(services: Services): Promise<FastifyInstance> {
  // Typed as the default instance so route modules need not know the logger's concrete type.
  const app = Fastify({
    loggerInstance: services.logger,
    bodyLimit: bodyLimitBytes,
    // Per-request logs at flash-sale rates cost more than the work; /metrics has the latencies.
    logController: new LogController({ disableRequestLogging: true }),
    // Router and HTTP-parser errors answer problem+json too, not Fastify's own JSON.
    routerOptions: { maxParamLength },
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    ajv: {
      // Unknown fields are an error, not silently dropped; "5" is not a number.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false },
    },
  }) as unknown as FastifyInstance

  await app.register(swagger, swaggerOptions)
  await app.register(swaggerUi, { routePrefix: '/docs' })

  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config?.public || req.url.startsWith('/docs')) return
    const header = req.headers.authorization
    const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
    req.principal = secret ? await services.tokens.verify(secret) : undefined
    if (!req.principal) {
      reply.header('www-authenticate', 'Bearer')
      return sendProblem(reply, fail('unauthenticated', secret ? 'The bearer token is unknown or revoked.' : 'Send Authorization: Bearer <token>.'))
    }
  })

  app.addHook('preValidation', refuseUnstorableText)

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    services.metrics.requestSeconds.observe({
      method: req.method,
      route,
      status: String(reply.statusCode),
    }, reply.elapsedTime / 1000)
    if (reply.statusCode >= 500) req.log.error({ route, status: reply.statusCode }, 'request failed')
  })

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof FailureError) return sendProblem(reply, error.failure)
    if (error.validation) {
      const first = error.validation[0]
      const where = `${error.validationContext ?? 'body'}${first?.instancePath || ''}`
      return sendProblem(reply, fail('invalid_request', `${where} ${first?.message ?? 'is invalid'}`.trim(), {
        errors: error.validation.map((v) => ({ path: `${error.validationContext}${v.instancePath}`, message: v.message, params: v.params })),
      }))
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, fail('body_too_large', `The request body is larger than ${bodyLimitBytes} bytes.`))
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, fail('malformed_json', 'The request body is not valid JSON.'))
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, fail('unsupported_media_type', 'Send the body as application/json.'))
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, fail('invalid_content_length', 'Content-Length does not match the body.'))
    }
    if (isStorageUnavailable(error)) {
      req.log.error({ err: error }, 'database unavailable')
      reply.header('retry-after', '1')
      return sendProblem(reply, fail('storage_unavailable', 'The database cannot be reached right now; nothing was changed. Retry shortly with the same Idempotency-Key.'))
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, { ...fail('bad_request', error.message), status: error.statusCode })
    }
    req.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, fail('internal_error', 'Something went wrong on our side; the request may be retried with the same Idempotency-Key.'))
  })

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, fail('route_not_found', `No route ${req.method} ${req.url.split('?')[0]}. See /docs.`)),
  )

  // Each context is an encapsulated plugin given only what it uses. The hooks, error and not-found
  // handlers above and swagger are the root's, so every plugin's routes inherit them.
  const { db, clock, metrics, tokens, catalogue, inventory, suppliers, events, purchasing, orders, promising, repromising, presale } = services
  app.register(operationsRoutes({ health: () => databaseHealth(db), metrics }))
  app.register(tokenRoutes({ tokens, scopes: { catalogue, suppliers } }))
  app.register(catalogueRoutes({ catalogue }))
  app.register(inventoryRoutes({ catalogue, inventory, clock }))
  app.register(supplierRoutes({ suppliers }))
  app.register(eventRoutes({ events }))
  app.register(supplyRoutes({ catalogue, purchasing }))
  app.register(purchaseOrderRoutes({ purchasing, suppliers, catalogue }))
  app.register(promisingRoutes({ promising, catalogue }))
  app.register(delayRoutes({ repromising, catalogue }))
  app.register(orderRoutes({ orders, catalogue }))
  app.register(presaleRoutes({ presale, catalogue }))
  return app
}

/** The health check's one question: does the database answer? */
async function databaseHealth(db: Db): Promise<DatabaseHealth> {
  try {
    await db.get('SELECT 1 AS ok')
    return { up: true, database: db.dialect }
  } catch {
    return { up: false, database: db.dialect }
  }
}
