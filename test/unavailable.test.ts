import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import pino from 'pino'
import { PostgresDb } from '../src/store/postgres.ts'
import { createServices, closeServices } from '../src/services.ts'
import { buildApp } from '../src/http/app.ts'
import { checkEveryInject } from './helpers/contract-check.ts'
import { systemClock } from '../src/kernel/clock.ts'

/** A local port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

test('with the database down, requests get 503 storage_unavailable with Retry-After, not a 500', async () => {
  const db = new PostgresDb(`postgres://postgres@127.0.0.1:${await closedPort()}/test`, { poolSize: 1 })
  const services = createServices(db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  const app = await buildApp(services)
  try {
    await app.ready()
    checkEveryInject(app)
    const health = await app.inject({ method: 'GET', url: '/healthz' })
    assert.equal(health.statusCode, 503)
    const res = await app.inject({ method: 'POST', url: '/v1/reservations', headers: { authorization: 'Bearer sh_anything' }, payload: { sku: 'A', node: 'B', quantity: 1 } })
    assert.equal(res.statusCode, 503)
    assert.equal(res.json().code, 'storage_unavailable')
    assert.equal(res.headers['retry-after'], '1')
  } finally {
    await app.close()
    await closeServices(services)
  }
})
