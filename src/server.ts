import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import pino from 'pino'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { systemClock } from './kernel/clock.ts'
import { migrate, openDb } from './store/open.ts'
import { createServices, closeServices, type Services } from './services.ts'
import { buildApp } from './http/app.ts'

/** Opens the configured database and applies pending migrations. */
export async function openConfiguredDb(config: Config) {
  if (!config.databaseUrl) mkdirSync(dirname(config.sqlitePath), { recursive: true })
  const db = await openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath })
  await migrate(db)
  return db
}

export async function openServices(config: Config): Promise<Services> {
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.token'] })
  const db = await openConfiguredDb(config)
  return createServices(db, systemClock, logger, { maxBatch: config.maxBatch, ...(config.sweeps === false && { sweepIntervalMs: 0 }) })
}

export interface RunningServer {
  app: FastifyInstance
  services: Services
  url: string
  close(): Promise<void>
}

/** Starts the HTTP server; on SIGINT/SIGTERM it stops taking requests and drains in-flight batches. */
export async function startServer(config: Config, services?: Services): Promise<RunningServer> {
  services ??= await openServices(config)
  const app = await buildApp(services)
  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`
  services.logger.info({ url, database: services.db.description }, 'sellahead listening')
  let closing: Promise<void> | undefined
  const close = () => (closing ??= (async () => {
    await app.close()
    await closeServices(services)
  })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().then(() => process.exit(0)))
  }
  return { app, services, url, close }
}
