import type { FastifyInstance } from 'fastify'
import pino, { type Logger } from 'pino'
import { buildApp, type AppOptions } from '../../src/http/app.ts'
import { createServices, closeServices, type Services } from '../../src/services.ts'
import { ManualClock, systemClock, type Clock } from '../../src/kernel/clock.ts'
import { freshDb, type TestDb } from '../../src/store/testing.ts'
import { checkEveryInject } from './contract-check.ts'
import type { WebhookOptions } from '../../src/webhooks/index.ts'
import type { PiiKeyOptions } from '../../src/orders/index.ts'

export interface TestApp {
  app: FastifyInstance
  services: Services
  testDb: TestDb
  /** A bearer header for a new token of the given role. */
  auth(role: string): Promise<{ authorization: string }>
  close(): Promise<void>
}

/**
 * A real app over a fresh database of the given kind, driven through app.inject(); every answer
 * is checked against /openapi.json (test/helpers/contract-check.ts). Webhooks may reach local receivers in tests (SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE=1) unless a test
 * says otherwise; nothing dispatches on its own (tests call `services.webhooks.step()`).
 */
export async function startTestApp(kind: 'sqlite' | 'postgres', options: { clock?: Clock | ManualClock; app?: AppOptions; webhooks?: WebhookOptions; pii?: PiiKeyOptions; logger?: Logger; testDb?: TestDb } = {}): Promise<TestApp> {
  const testDb = options.testDb ?? await freshDb(kind)
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG ?? 'silent' })
  const services = createServices(testDb.db, options.clock ?? systemClock, logger, { sweepIntervalMs: 0 }, {}, { allowPrivate: true, ...options.webhooks }, {}, options.pii)
  const app = await buildApp(services, options.app)
  await app.ready()
  checkEveryInject(app)
  return {
    app,
    services,
    testDb,
    async auth(role: string) {
      const created = await services.tokens.create({ name: `test ${role}`, role })
      if (!created.ok) throw new Error(created.detail)
      return { authorization: `Bearer ${created.value.token}` }
    },
    async close() {
      await app.close()
      await closeServices(services)
      await testDb.cleanup().catch(() => undefined)
    },
  }
}
