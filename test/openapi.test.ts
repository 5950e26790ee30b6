/**
 * Every context registers its routes as an encapsulated plugin: the document generated at the
 * root must still see each of them, and the root's hooks and handlers must still answer for them.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import pino from 'pino'
import { buildApp } from '../src/http/app.ts'
import { checkEveryInject } from './helpers/contract-check.ts'
import { closeServices, createServices } from '../src/services.ts'
import { systemClock } from '../src/kernel/clock.ts'
import { freshDb } from '../src/store/testing.ts'

/** Full URLs of the routes in Fastify's printed route tree (each level indented by four characters, methods in brackets). */
function routeUrlsOf(tree: string): string[] {
  const prefixes: string[] = []
  const urls: string[] = []
  for (const line of tree.split('\n')) {
    const at = line.search(/[├└]── /)
    if (at < 0) continue
    const depth = at / 4
    const [, segment, methods] = /^(.*?)(?: \(([^)]*)\))?$/.exec(line.slice(at + 4)) ?? []
    prefixes.length = depth
    const url = [...prefixes, segment].join('')
    prefixes.push(segment)
    if (methods) urls.push(url)
  }
  return urls
}

test('/openapi.json lists every documented route the context plugins register, and the root hooks guard them', async () => {
  const testDb = await freshDb('sqlite')
  const services = createServices(testDb.db, systemClock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  const app = await buildApp(services)
  try {
    await app.ready()
    checkEveryInject(app)
    const registered = new Set(routeUrlsOf(app.printRoutes({ commonPrefix: false })).filter((u) => u.startsWith('/v1/')).map((u) => u.replace(/:(\w+)/g, '{$1}')))
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, unknown> }
    const documented = Object.keys(doc.paths).sort()
    assert.ok(registered.size >= 80, `only ${registered.size} routes were seen`)
    assert.deepEqual(documented, [...registered].sort())

    // A plugin's route still meets the root's authentication hook and problem+json answers.
    const anonymous = await app.inject({ method: 'GET', url: '/v1/orders' })
    assert.equal(anonymous.statusCode, 401)
    assert.equal(anonymous.json().code, 'unauthenticated')
    const admin = await services.tokens.create({ name: 'admin', role: 'admin' })
    assert.ok(admin.ok)
    const missing = await app.inject({ method: 'GET', url: '/v1/no-such-route', headers: { authorization: `Bearer ${admin.value.token}` } })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.json().code, 'route_not_found')
    // And the root's error handler: a plugin route's validation failure is problem+json.
    const invalid = await app.inject({ method: 'POST', url: '/v1/skus', headers: { authorization: `Bearer ${admin.value.token}` }, payload: { code: 'X' } })
    assert.equal(invalid.statusCode, 400)
    assert.equal(invalid.json().code, 'invalid_request')
  } finally {
    await app.close()
    await closeServices(services)
    await testDb.cleanup().catch(() => undefined)
  }
})
