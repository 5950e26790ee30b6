/**
 * The OpenAPI document exactly as a running server answers `GET /openapi.json`: built from the
 * route schemas of a real app over a throwaway SQLite database, so the generated client and the
 * lint read the contract the server serves, never a copy of it.
 */
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { buildApp } from '../../src/http/app.ts'
import { closeServices, createServices } from '../../src/services.ts'
import { systemClock } from '../../src/kernel/clock.ts'
import { freshDb } from '../../src/store/testing.ts'

export async function servedOpenApi(): Promise<Record<string, unknown>> {
  const testDb = await freshDb('sqlite')
  const services = createServices(testDb.db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  const app = await buildApp(services)
  try {
    const answer = await app.inject({ method: 'GET', url: '/openapi.json' })
    if (answer.statusCode !== 200) throw new Error(`GET /openapi.json answered ${answer.statusCode}`)
    return answer.json()
  } finally {
    await app.close()
    await closeServices(services)
    // closeServices has closed the database; cleanup removes its directory.
    await testDb.cleanup().catch(() => undefined)
  }
}

// `node clients/typescript/spec.ts`: the document on stdout (npm run lint:openapi lints it).
if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${JSON.stringify(await servedOpenApi(), null, 2)}\n`)
