import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { systemClock } from './kernel/clock.ts'
import { migrate, openDb } from './store/open.ts'
import { createServices, closeServices, startRelay, type Services } from './services.ts'
import { buildApp } from './http/app.ts'
import { createLogger } from './logging.ts'

/** Opens the configured database and applies pending migrations. */
export async function openConfiguredDb(config: Config) {
  if (!config.databaseUrl) mkdirSync(dirname(config.sqlitePath), { recursive: true })
  const db = await openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
  await migrate(db)
  return db
}

export async function openServices(config: Config): Promise<Services> {
  const logger = createLogger(config.logLevel)
  const db = await openConfiguredDb(config)
  return createServices(db, systemClock, logger, { maxBatch: config.maxBatch, ...(config.sweeps === false && { sweepIntervalMs: 0 }) }, {
    ...(config.secret !== undefined && { secret: config.secret }), ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
  }, { allowPrivate: config.webhooksAllowPrivate }, { feedIntervalMs: config.feedIntervalMs }, { key: config.piiKey, previousKeys: config.piiPreviousKeys })
}

export interface RunningServer {
  app: FastifyInstance
  services: Services
  url: string
  close(): Promise<void>
}

/** Starts the HTTP server; on SIGINT/SIGTERM it shuts down gracefully (see shutDownGracefully) and exits 0. */
export async function startServer(config: Config, services?: Services): Promise<RunningServer> {
  services ??= await openServices(config)
  // Where the sweeps run (one worker of each server); the lease keeps it to one process across servers.
  if (config.natsUrl && config.sweeps && !services.relay) startRelay(services, { url: config.natsUrl, stream: config.natsStream, subjectPrefix: config.natsSubjectPrefix })
  const app = await buildApp(services, {
    rateLimits: { perTokenPerSecond: config.rateLimitPerToken, perAddressPerSecond: config.rateLimitPerAddress },
  })
  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`
  services.logger.info({ url, database: services.db.description }, 'sellahead listening')
  let closing: Promise<void> | undefined
  const close = () => (closing ??= shutDownGracefully(app, services))
  exitGracefullyOnSignals(close, services.logger)
  return { app, services, url, close }
}

/** How long open connections get to finish their requests before they are cut. */
export const shutdownGraceMs = 10_000

/**
 * Stops taking new connections; answers requests still arriving on open keep-alive connections
 * with 503 `shutting_down` (http/app.ts); lets every request in flight finish, so the engine commits
 * and answers its batches; closes each connection as soon as it is idle; then stops the services and
 * closes the database. One call per process (and so per worker).
 */
export async function shutDownGracefully(app: FastifyInstance, services: Services, graceMs = shutdownGraceMs): Promise<void> {
  // Node closes idle connections once at close(); those busy now become idle after their answer.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 50)
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs)
  try {
    await app.close()
  } finally {
    clearInterval(sweep)
    clearTimeout(cut)
  }
  await closeServices(services)
}

/** On SIGINT or SIGTERM: `close`, then exit 0 (1 if closing failed); a second signal exits at once. */
export function exitGracefullyOnSignals(close: () => Promise<void>, logger: Services['logger']): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down: finishing requests in flight')
      process.once(signal, () => process.exit(1))
      close().then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
    })
  }
}
