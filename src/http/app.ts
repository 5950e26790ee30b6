import { hkdfSync } from 'node:crypto'
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
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
import { consoleRoutes } from './console.ts'
import { nodeScopeRule, tokenRoutes } from '../auth/index.ts'
import { noRateLimits, registerRateLimits, type RateLimits } from './rate-limits.ts'
import { bearerSecret, invalidRequest } from './request-checks.ts'
import { catalogueRoutes } from '../catalogue/index.ts'
import { inventoryRoutes } from '../inventory/index.ts'
import { eventRoutes } from '../events/index.ts'
import { portalRoutes, purchaseOrderRoutes, supplierRoutes, supplyRoutes } from '../purchasing/index.ts'
import { promisingRoutes } from '../promising/index.ts'
import { delayRoutes } from '../repromising/index.ts'
import { channelOfOrder, orderRoutes } from '../orders/index.ts'
import { presaleRoutes } from '../presale/index.ts'
import { customerStatusRoutes, promiseRoutes } from '../customer/index.ts'
import { analyticsRoutes } from '../analytics/index.ts'
import { availabilityRoutes } from '../availability/index.ts'
import { closeStreamsOnShutdown } from './sse.ts'
import { webhookRoutes } from '../webhooks/index.ts'
import { notificationRoutes } from '../notifications/index.ts'
import { routingRoutes } from '../routing/index.ts'
import { dropshipRoutes, shipmentRoutes } from '../fulfilment/index.ts'
import { returnRoutes } from '../returns/index.ts'
// Until the payables index exports it.
import { replenishmentRoutes } from '../replenishment/index.ts'
import { payablesRoutes } from '../payables/index.ts'
import { costRoutes, debitRoutes } from '../payables/index.ts'

export const bodyLimitBytes = 1024 * 1024

export interface AppOptions {
  rateLimits?: RateLimits
  /** Retry-After of the 503 answered while the server shuts down. */
  shutdownRetryAfterSeconds?: number
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
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
    // While closing, requests on open connections get our problem+json 503 (below), not Fastify's own.
    return503OnClosing: false,
    ajv: {
      // Unknown fields are an error, not silently dropped; "5" is not a number.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: true },
    },
  }) as unknown as FastifyInstance
  // Keyed from the root secret, read once the first request with an Idempotency-Key comes: the
  // server starts (and answers 503) while the database is down.
  app.decorate('requestHashKey', undefined)
  let hashKey: Promise<Buffer> | undefined
  app.addHook('onRequest', async (req) => {
    if (app.requestHashKey !== undefined || req.headers['idempotency-key'] === undefined) return
    hashKey ??= services.rootSecret().then((secret) => Buffer.from(hkdfSync('sha256', secret, 'sellahead', 'request-fingerprint', 32)))
    try {
      app.requestHashKey = await hashKey
    } catch (error) {
      hashKey = undefined
      throw error
    }
  })

  await app.register(swagger, swaggerOptions)
  await app.register(swaggerUi, { routePrefix: '/docs' })

  // Set by app.close(): requests still arriving on open keep-alive connections are refused, while
  // those already in flight finish (their batches commit and are answered).
  let closing = false
  app.addHook('preClose', async () => void (closing = true))
  const limits = await registerRateLimits(app, options.rateLimits ?? noRateLimits)

  const refuseWhileClosing = (reply: FastifyReply) => {
    reply.header('retry-after', String(options.shutdownRetryAfterSeconds ?? 1)).header('connection', 'close')
    return sendProblem(reply, fail('shutting_down', 'The server is shutting down; nothing was changed. Retry shortly (with the same Idempotency-Key).'))
  }
  /** Rate limits, token verification on a cache miss, and the refusals: everything but the common case. */
  const authenticate = async (req: FastifyRequest, reply: FastifyReply, secret: string | undefined): Promise<void> => {
    if (await limits.byAddress(req, reply)) return
    req.principal = secret ? await services.tokens.verify(secret) : undefined
    if (!req.principal) {
      reply.header('www-authenticate', 'Bearer')
      sendProblem(reply, fail('unauthenticated', secret ? 'The bearer token is unknown or revoked.' : 'Send Authorization: Bearer <token>.'))
      return
    }
    await limits.byToken(req, reply)
  }
  // Callback hooks rather than async ones: the common case (a token verified in the last two
  // seconds, no rate limits) then runs without a promise or a microtask turn per hook.
  app.addHook('onRequest', (req, reply, done) => {
    if (closing) return void refuseWhileClosing(reply)
    const config = req.routeOptions.config
    if (config?.public || req.url.startsWith('/docs')) {
      if (!config?.limitedByAddress || limits.off) return done()
      return void limits.byAddress(req, reply).then(() => reply.sent || done(), done)
    }
    const secret = bearerSecret(req.headers.authorization)
    const known = limits.off && secret !== undefined ? services.tokens.verifiedRecently(secret) : undefined
    if (known) {
      req.principal = known
      return done()
    }
    authenticate(req, reply, secret).then(() => reply.sent || done(), done)
  })


  app.addHook('preValidation', refuseUnstorableText)

  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched'
    services.metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000)
    if (reply.statusCode >= 500) req.log.error({ route, status: reply.statusCode }, 'request failed')
    done()
  })

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof FailureError) return sendProblem(reply, error.failure)
    if (error.validation) return sendProblem(reply, invalidRequest(error.validationContext ?? 'body', error.validation))
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
  const { db, clock, metrics, tokens, catalogue, inventory, suppliers, events, purchasing, orders, promising, repromising, presale, statusLinks, customerStatus, shopperPromises, analytics, portal, availability, webhooks, notifications, routing, fulfilment, returns, replenishment, payables, debits } = services
  closeStreamsOnShutdown(app)
  app.register(operationsRoutes({ health: () => databaseHealth(db), metrics }))
  app.register(consoleRoutes())
  app.register(tokenRoutes({ tokens, scopes: { catalogue, suppliers } }))
  // Which nodes each role may see and act on: one rule, asked by every route that touches a node.
  const nodeScopeOf = nodeScopeRule({ catalogue, suppliers })
  app.register(catalogueRoutes({ catalogue, nodeScopeOf }))
  app.register(inventoryRoutes({ catalogue, inventory, clock, nodeScopeOf }))
  app.register(supplierRoutes({ suppliers }))
  app.register(eventRoutes({ events }))
  app.register(supplyRoutes({ catalogue, purchasing }))
  app.register(purchaseOrderRoutes({ purchasing, suppliers, catalogue, nodeScopeOf }))
  app.register(portalRoutes({ portal, suppliers }))
  app.register(promisingRoutes({ promising, catalogue }))
  // The message list shows the notification sent for each message and where it is (repromising does not import notifications).
  app.register(delayRoutes({ repromising, catalogue, notificationsOf: (messageIds) => notifications.ofMessages(messageIds) }))
  app.register(orderRoutes({ orders, catalogue, statusLinks }))
  app.register(presaleRoutes({ presale, catalogue, statusLinks }))
  app.register(customerStatusRoutes({ status: customerStatus }))
  app.register(promiseRoutes({ promises: shopperPromises }))
  app.register(analyticsRoutes({ analytics, catalogue, channelSources: { availability, webhooks } }))
  app.register(availabilityRoutes({ availability, catalogue, inventory }))
  app.register(webhookRoutes({ webhooks, catalogue }))
  app.register(notificationRoutes({ notifications, catalogue }))
  app.register(routingRoutes({ routing, catalogue, orderChannelOf: (orderId) => channelOfOrder(db, orderId) }))
  app.register(shipmentRoutes({ fulfilment, orders, catalogue, nodeScopeOf }))
  app.register(dropshipRoutes({ fulfilment, orders, catalogue, nodeScopeOf }))
  app.register(returnRoutes({ returns, catalogue, nodeScopeOf }))
  app.register(debitRoutes({ debits }))
  app.register(replenishmentRoutes({ replenishment, suppliers, nowMs: () => clock.nowMs() }))
  app.register(payablesRoutes({ payables, suppliers }))
  app.register(costRoutes({ costing: services.costing, catalogue }))
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
