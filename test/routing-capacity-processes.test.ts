/**
 * A node's daily capacity holds across worker processes on PostgreSQL: two sets of services (each
 * its own engine and its own connection pool, as two `serve --workers` processes have) route
 * orders to the same near node at once, and that node is never promised more lines for a day
 * than its capacity; the rest go to the far node. (SQLite serialises write transactions itself.)
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import pino from 'pino'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { closeServices, createServices, type Services } from '../src/services.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { openDb } from '../src/store/open.ts'
import { postgresReachable, testPostgresUrl } from '../src/store/testing.ts'

const capacity = 5
const orders = 40

describe('node capacity across two processes (postgres)', { skip: !(await postgresReachable()) && 'PostgreSQL is not reachable' }, () => {
  let t: TestApp
  let other: Services
  const clock = new ManualClock(Date.UTC(2030, 0, 7, 2))

  before(async () => {
    t = await startTestApp('postgres', { clock })
    const call = requester(t)
    const admin = await t.auth('admin')
    const node = (code: string, latitude: number, longitude: number, extra: object = {}) =>
      call('POST', '/v1/nodes', admin, { code, name: code, kind: 'warehouse', region: 'east', latitude, longitude, capabilities: ['ship'], handlingTimeHours: 24, ...extra }, 201)
    await node('CAP-NEAR', 31.2, 121.4, { fulfilment: { capacity: { ship: { lines: capacity, units: null } } } })
    await node('CAP-FAR', 39.9, 116.4)
    await call('POST', '/v1/channels', admin, { code: 'cap-web', name: 'Web', kind: 'web', nodeIds: ['CAP-NEAR', 'CAP-FAR'], safetyBuffer: 0 }, 201)
    await call('PUT', '/v1/routing-profiles/cap-web', admin, { filters: [{ kind: 'capacity_left' }], sort: [{ kind: 'distance' }] })
    // A SKU per order: the two processes' batches lock different positions, so only the capacity check can keep them apart.
    for (let i = 0; i < orders; i++) {
      await call('POST', '/v1/skus', admin, { code: `CAP-${i}`, name: `Capacity probe ${i}` }, 201)
      for (const at of ['CAP-NEAR', 'CAP-FAR']) await call('POST', '/v1/inventory/receipts', admin, { sku: `CAP-${i}`, node: at, quantity: 10 })
    }
    // The second "process": its own pool on the same schema, its own engine.
    const db = await openDb({ databaseUrl: testPostgresUrl, schema: t.testDb.schema, poolSize: 5 })
    other = createServices(db, clock, pino({ level: 'silent' }), { sweepIntervalMs: 0 })
  })
  after(async () => {
    await closeServices(other)
    await t.close()
  })

  it('never promises the near node more lines for a day than its capacity, however the two route at once', async () => {
    const place = (services: Services, i: number) => services.orders.place({
      by: { actor: 'test', role: 'admin' }, channel: 'cap-web', customerId: `c-${i}`,
      lines: [{ sku: `CAP-${i}`, quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' },
    })
    const placed = await Promise.all(Array.from({ length: orders }, (_, i) => place(i % 2 === 0 ? t.services : other, i)))
    assert.ok(placed.every((p) => p.result.ok), 'every order placed')
    const near = (await t.services.catalogue.resolveNode('CAP-NEAR'))!.id
    const byDay = new Map<string, number>()
    for (const p of placed) {
      const line = p.result.ok ? p.result.value.lines[0] : undefined
      if (line?.nodeId !== near) continue
      const day = new Date(line.shipByMs!).toISOString().slice(0, 10)
      byDay.set(day, (byDay.get(day) ?? 0) + 1)
    }
    assert.ok(byDay.size > 0, 'the near node took some')
    for (const [day, lines] of byDay) assert.ok(lines <= capacity, `${lines} lines promised at the near node on ${day}, capacity ${capacity}`)
    const rows = await t.services.db.all<{ lines: number | string }>(`SELECT lines FROM node_capacity WHERE node_id = ?`, [near])
    assert.ok(rows.every((r) => Number(r.lines) <= capacity), JSON.stringify(rows))
  })
})
