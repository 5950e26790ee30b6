/**
 * Ring-fenced stock for one channel: a lock naming a channel is locked for everyone else and
 * sellable for that channel, whose reservations and orders take it first (the lock's quantity
 * falls in the same movement as O rises); what those holds give back goes to general stock;
 * releasing the fence, by hand or at its time, returns it to general stock. Refusals change
 * nothing. Concurrent buyers from two channels never oversell, on both stores and, on
 * PostgreSQL, across two server processes. Real HTTP, real databases.
 */
import { after, before, describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { newKey } from './helpers/orders.ts'
import { hotSkuWorld, startServerProcess, envFor, type ServerProcess } from './helpers/server-process.ts'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { ManualClock } from '../src/kernel/clock.ts'

type Auth = { authorization: string }

for (const kind of await storeKinds()) {
  describe(`ring-fenced stock for one channel (${kind})`, () => {
    let t: TestApp
    let admin: Auth
    let fenced: { id: string; code: string }
    let other: { id: string; code: string }
    let fencedAuth: Auth
    let otherAuth: Auth
    const clock = new ManualClock(Date.UTC(2026, 10, 11, 9))
    const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args)
    const shown = async (auth: Auth, sku: string): Promise<number> => (await call('GET', `/v1/inventory/availability/${sku}`, auth)).json().sellable
    const position = async (sku: string) => (await call('GET', `/v1/inventory/positions/${sku}/FN-1`, admin)).json()
    const fence = (sku: string, quantity: number, extra: Record<string, unknown> = {}) =>
      call('POST', '/v1/inventory/locks', admin, { sku, node: 'FN-1', quantity, reason: 'ring-fenced for the app', channel: fenced.code, ...extra }, 201)
    let skus = 0
    /** A new SKU with `onHand` units at FN-1. */
    async function skuWith(onHand: number): Promise<string> {
      const code = `FENCE-${++skus}`
      await call('POST', '/v1/skus', admin, { code, name: code }, 201)
      await call('POST', '/v1/inventory/receipts', admin, { sku: code, node: 'FN-1', quantity: onHand })
      return code
    }

    before(async () => {
      t = await startTestApp(kind, { clock })
      admin = await t.auth('admin')
      const n1 = (await call('POST', '/v1/nodes', admin, { code: 'FN-1', name: 'FN-1', kind: 'warehouse', region: 'east' }, 201)).json()
      await call('POST', '/v1/nodes', admin, { code: 'FN-2', name: 'FN-2', kind: 'warehouse', region: 'east' }, 201)
      fenced = (await call('POST', '/v1/channels', admin, { code: 'fn-app', name: 'App', kind: 'app', nodeIds: [n1.id] }, 201)).json()
      other = (await call('POST', '/v1/channels', admin, { code: 'fn-web', name: 'Web', kind: 'web', nodeIds: [n1.id], safetyBuffer: 1 }, 201)).json()
      fencedAuth = await t.auth(`channel:${fenced.id}`)
      otherAuth = await t.auth(`channel:${other.id}`)
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    it('refuses a lock naming an unknown channel, or a channel that does not sell from the node, and changes nothing', async () => {
      const sku = await skuWith(10)
      const before = [await position(sku), await movementCount(t)]
      const unknown = (await call('POST', '/v1/inventory/locks', admin, { sku, node: 'FN-1', quantity: 2, reason: 'r', channel: 'no-such-channel' }, 422)).json()
      assert.equal(unknown.code, 'unknown_channel')
      const elsewhere = (await call('POST', '/v1/inventory/locks', admin, { sku, node: 'FN-2', quantity: 2, reason: 'r', channel: fenced.id }, 422)).json()
      assert.equal(elsewhere.code, 'channel_not_at_node')
      assert.equal((await call('POST', '/v1/inventory/locks', admin, { sku, node: 'FN-1', quantity: 2, reason: 'r', channel: '' }, 400)).json().code, 'invalid_request')
      assert.deepEqual([await position(sku), await movementCount(t)], before)
    })

    it('is locked for everyone but its channel, which sells it first; holds given back go to general stock', async () => {
      const sku = await skuWith(10)
      const lock = fence(sku, 4)
      const made = (await lock).json()
      assert.deepEqual([made.channelId, made.quantity, made.status], [fenced.id, 4, 'active'])
      assert.equal((await call('GET', `/v1/inventory/locks/${made.id}`, admin)).json().channelId, fenced.id)
      // S = 10 − 4 = 6: staff see 6, the other channel 6 − its buffer of 1, the fenced channel 6 + 4.
      assert.deepEqual([await shown(admin, sku), await shown(otherAuth, sku), await shown(fencedAuth, sku)], [6, 5, 10])
      assert.equal((await call('POST', '/v1/reservations', admin, { sku, node: 'FN-1', quantity: 7 }, 409)).json().sellable, 6, 'staff reserve from general stock only')
      assert.equal((await call('POST', '/v1/reservations', otherAuth, { sku, node: 'FN-1', quantity: 6 }, 409)).json().sellable, 5)
      assert.equal((await call('POST', '/v1/reservations', fencedAuth, { sku, node: 'FN-1', quantity: 11 }, 409)).json().sellable, 10)

      // An order of 3 takes 3 of the fence: L − 3 with O + 3, in one movement; the other channel sees no change.
      const order = (await call('POST', '/v1/orders', fencedAuth, { customerId: 'c-1', lines: [{ sku, node: 'FN-1', quantity: 3, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }, 201, { 'idempotency-key': newKey() })).json()
      let p = await position(sku)
      assert.deepEqual([p.reserved, p.locked, p.sellable], [3, 1, 6])
      assert.deepEqual([(await call('GET', `/v1/inventory/locks/${made.id}`, admin)).json().quantity, await shown(otherAuth, sku), await shown(fencedAuth, sku)], [1, 5, 7])
      const movements = (await call('GET', `/v1/inventory/positions/${sku}/FN-1/movements`, admin)).json().items as Array<{ kind: string; reserved: number; locked: number }>
      const reserve = movements.filter((m) => m.kind === 'reserve').at(-1)!
      assert.deepEqual([reserve.reserved, reserve.locked], [3, -3], 'one movement: O + 3, L − 3')

      // A reservation of 2 takes the last fenced unit and 1 of general stock; the emptied fence is released.
      const held = (await call('POST', '/v1/reservations', fencedAuth, { sku, node: 'FN-1', quantity: 2 }, 201)).json()
      p = await position(sku)
      assert.deepEqual([p.reserved, p.locked, p.sellable], [5, 0, 5])
      const emptied = (await call('GET', `/v1/inventory/locks/${made.id}`, admin)).json()
      assert.deepEqual([emptied.quantity, emptied.status], [0, 'released'])
      assert.deepEqual([await shown(otherAuth, sku), await shown(fencedAuth, sku)], [4, 5])
      assert.equal((await call('POST', `/v1/inventory/locks/${made.id}/release`, admin, {}, 409)).json().code, 'lock_not_active')

      // Given back, the units are general stock: the fence does not grow again.
      await call('POST', `/v1/reservations/${held.id}/release`, fencedAuth, {})
      await call('POST', `/v1/orders/${order.id}/cancel`, fencedAuth, { reason: 'changed mind' })
      p = await position(sku)
      assert.deepEqual([p.reserved, p.locked, p.sellable], [0, 0, 10])
      assert.deepEqual([await shown(admin, sku), await shown(otherAuth, sku), await shown(fencedAuth, sku)], [10, 9, 10])
    })

    it('a released fence, by hand or at its time, is general stock again', async () => {
      const sku = await skuWith(10)
      const byHand = (await fence(sku, 3)).json()
      const timed = (await fence(sku, 2, { releaseAt: new Date(clock.nowMs() + 60_000).toISOString() })).json()
      assert.deepEqual([await shown(otherAuth, sku), await shown(fencedAuth, sku)], [4, 10])
      // The fence expiring first is taken first.
      await call('POST', '/v1/reservations', fencedAuth, { sku, node: 'FN-1', quantity: 1 }, 201)
      assert.deepEqual([(await call('GET', `/v1/inventory/locks/${timed.id}`, admin)).json().quantity, (await call('GET', `/v1/inventory/locks/${byHand.id}`, admin)).json().quantity], [1, 3])
      const released = (await call('POST', `/v1/inventory/locks/${byHand.id}/release`, admin, {})).json()
      assert.deepEqual([released.status, released.channelId], ['released', fenced.id])
      assert.deepEqual([(await position(sku)).locked, await shown(otherAuth, sku), await shown(fencedAuth, sku)], [1, 7, 9])
      clock.advance(60_000)
      assert.deepEqual((await t.services.inventory.sweep()).locks, 1)
      assert.deepEqual([(await position(sku)).locked, await shown(otherAuth, sku), await shown(fencedAuth, sku)], [0, 8, 9])
      assert.equal((await call('POST', '/v1/reservations', fencedAuth, { sku, node: 'FN-1', quantity: 10 }, 409)).json().sellable, 9)
    })

    it('availability to promise, channel availability and the Shopify export count the fence for its channel only', async () => {
      const sku = await skuWith(8)
      await fence(sku, 5)
      const today = (atp: { ladder: Array<{ quantity: number }> }) => atp.ladder[0]?.quantity ?? 0
      assert.equal(today((await call('GET', `/v1/availability-to-promise?sku=${sku}`, fencedAuth)).json()), 8)
      assert.equal(today((await call('GET', `/v1/availability-to-promise?sku=${sku}`, otherAuth)).json()), 2)
      await t.services.availability.catchUp()
      const value = async (channel: string, auth: Auth) => (await call('GET', `/v1/channels/${channel}/availability?sku=${sku}&scope=channel`, auth)).json().items[0].quantity
      assert.deepEqual([await value(fenced.code, fencedAuth), await value(other.code, otherAuth)], [8, 2])
      const shopify = async (channel: string, auth: Auth) => (await call('GET', `/v1/channels/${channel}/exports/shopify-inventory`, auth)).json().items.find((i: { sku: string }) => i.sku === sku)
      assert.deepEqual([(await shopify(fenced.code, fencedAuth)).available, (await shopify(fenced.code, fencedAuth)).reserved], [8, 0])
      assert.deepEqual([(await shopify(other.code, otherAuth)).available, (await shopify(other.code, otherAuth)).reserved], [2, 5])
    })
  })
}

/** A stampede of single-unit reservations over HTTP: each entry of `tokens` is one buyer, spread over `clients` loops and the servers. */
async function stampede(servers: ServerProcess[], tokens: string[], clients: number): Promise<Map<string, number>> {
  const accepted = new Map<string, number>()
  let next = 0
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (next < tokens.length) {
      const token = tokens[next++]
      const res = await fetch(`${servers[c % servers.length].url}/v1/reservations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify({ sku: 'HOT', node: 'WH', quantity: 1 }),
      })
      const body = (await res.json()) as { code?: string }
      assert.ok(res.status === 201 || (res.status === 409 && body.code === 'insufficient_stock'), `${res.status} ${JSON.stringify(body)}`)
      if (res.status === 201) accepted.set(token, (accepted.get(token) ?? 0) + 1)
    }
  }))
  return accepted
}

/** `n` buyers of each channel, interleaved. */
const buyers = (n: number, ...tokens: string[]): string[] => Array.from({ length: n * tokens.length }, (_, i) => tokens[i % tokens.length])

for (const kind of await storeKinds()) {
  test(`concurrent buyers of two channels, one with a fence, never oversell (${kind}${kind === 'postgres' ? ', two server processes' : ''})`, async () => {
    const world = await hotSkuWorld(kind, 100)
    const { services } = world
    const servers = [await startServerProcess(envFor(world.testDb))]
    if (kind === 'postgres') servers.push(await startServerProcess(envFor(world.testDb)))
    const api = async (path: string, body: unknown, status = 201) => {
      const res = await fetch(`${servers[0].url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${world.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      assert.equal(res.status, status, await res.clone().text())
      return res.json() as Promise<{ id: string; quantity: number; status: string }>
    }
    const tokenFor = async (channelId: string) => {
      const made = await services.tokens.create({ name: channelId, role: `channel:${channelId}` })
      assert.ok(made.ok)
      return made.value.token
    }
    try {
      const fencedChannel = await api('/v1/channels', { code: 'hot-app', name: 'App', kind: 'app', nodeIds: ['node_wh'] })
      const otherChannel = await api('/v1/channels', { code: 'hot-web', name: 'Web', kind: 'web', nodeIds: ['node_wh'] })
      const fencedToken = await tokenFor(fencedChannel.id)
      const otherToken = await tokenFor(otherChannel.id)
      const lockOf = async (id: string) => services.inventory.lock(id)
      const assertSoldOut = async (reserved: number) => {
        const p = await services.inventory.position('sku_hot', 'node_wh')
        assert.deepEqual([p.reserved, p.locked, p.sellable], [reserved, 0, 0])
        const check = await services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []], 'ledger consistent')
      }

      // 100 on hand, 30 fenced: the other channel takes exactly the 70 of general stock, the fenced one exactly its 30 after.
      const first = await api('/v1/inventory/locks', { sku: 'HOT', node: 'WH', quantity: 30, reason: 'app launch', channel: 'hot-app' })
      let sold = await stampede(servers, buyers(120, otherToken), 48)
      assert.equal(sold.get(otherToken), 70, 'the other channel: general stock only')
      sold = await stampede(servers, buyers(60, fencedToken), 48)
      assert.equal(sold.get(fencedToken), 30, 'the fenced channel: its fence once general stock is gone')
      assert.deepEqual([(await lockOf(first.id))?.quantity, (await lockOf(first.id))?.status], [0, 'released'])
      await assertSoldOut(100)

      // 50 more, 20 fenced: the fenced channel alone takes exactly its fence and general stock.
      await services.inventory.submit({ kind: 'receive', skuId: 'sku_hot', nodeId: 'node_wh', quantity: 50, reason: 'restock', reference: null, actor: 'test' })
      await api('/v1/inventory/locks', { sku: 'HOT', node: 'WH', quantity: 20, reason: 'app launch', channel: 'hot-app' })
      sold = await stampede(servers, buyers(100, fencedToken), 48)
      assert.equal(sold.get(fencedToken), 50, 'fence + general stock')
      await assertSoldOut(150)

      // 100 more, 30 fenced, both channels at once: exactly 100 sold, the other channel at most the 70 of general stock.
      await services.inventory.submit({ kind: 'receive', skuId: 'sku_hot', nodeId: 'node_wh', quantity: 100, reason: 'restock', reference: null, actor: 'test' })
      const third = await api('/v1/inventory/locks', { sku: 'HOT', node: 'WH', quantity: 30, reason: 'app launch', channel: 'hot-app' })
      sold = await stampede(servers, buyers(120, fencedToken, otherToken), 64)
      const [app, web] = [sold.get(fencedToken) ?? 0, sold.get(otherToken) ?? 0]
      assert.equal(app + web, 100, `never oversold: ${app} + ${web}`)
      assert.ok(web <= 70 && app >= 30, `the fence stayed the app's: app ${app}, web ${web}`)
      assert.equal((await lockOf(third.id))?.quantity, 0)
      await assertSoldOut(250)
    } finally {
      for (const s of servers) s.child.kill('SIGTERM')
      await Promise.all(servers.map((s) => s.exited))
      await closeServices(services)
      await world.testDb.cleanup()
    }
  })
}
