import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, movementCount, seedWorld, type World } from './helpers/fixtures.ts'
import { storeKinds } from '../src/store/testing.ts'

for (const kind of await storeKinds()) {
  describe(`inventory over HTTP (${kind})`, () => {
    let t: TestApp
    let w: World
    const call = async (method: string, url: string, headers: object, payload?: unknown) => {
      const res = await t.app.inject({ method: method as 'POST', url, headers: headers as Record<string, string>, payload: payload as object })
      return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers }
    }
    const position = async (sku = 'SKU-A', node = 'WH-E') => (await call('GET', `/v1/inventory/positions/${sku}/${node}`, w.admin)).body

    before(async () => {
      t = await startTestApp(kind)
      w = await seedWorld(t)
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    test('receive, count with shortage, adjust, unsellable and restore move the right buckets', async () => {
      let r = await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 10, reference: 'ASN-1' })
      assert.equal(r.status, 200, JSON.stringify(r.body))
      assert.equal(r.body.position.onHand, 10)
      r = await call('POST', '/v1/reservations', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 6 })
      assert.equal(r.status, 201)
      r = await call('POST', '/v1/inventory/counts', w.admin, { sku: 'SKU-A', node: 'WH-E', countedQuantity: 4, reason: 'cycle count' })
      assert.equal(r.status, 200, 'a count below reserved is recorded, not refused')
      assert.equal(r.body.shortage, 2)
      assert.equal(r.body.position.sellable, -2)
      const events = await t.services.db.all<{ topic: string }>(`SELECT topic FROM outbox WHERE topic = 'inventory.shortage'`)
      assert.equal(events.length, 1)
      r = await call('POST', '/v1/inventory/adjustments', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 6, reason: 'found a carton' })
      assert.equal(r.body.position.onHand, 10)
      r = await call('POST', '/v1/inventory/unsellable', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 3, reason: 'water damage' })
      assert.deepEqual([r.body.position.unsellable, r.body.position.sellable], [3, 1])
      r = await call('POST', '/v1/inventory/unsellable/restore', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 1, reason: 'repacked' })
      assert.deepEqual([r.body.position.unsellable, r.body.position.sellable], [2, 2])
      r = await call('POST', '/v1/inventory/unsellable/restore', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 5, reason: 'x' })
      assert.equal(r.body.code, 'insufficient_unsellable')
      r = await call('POST', '/v1/inventory/adjustments', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: -11, reason: 'x' })
      assert.equal(r.body.code, 'adjustment_below_zero')
    })

    test('movements page by cursor, oldest first, and say who did what', async () => {
      const first = await call('GET', '/v1/inventory/positions/SKU-A/WH-E/movements?limit=2', w.admin)
      assert.equal(first.status, 200)
      assert.equal(first.body.items.length, 2)
      assert.equal(first.body.items[0].kind, 'receive')
      assert.equal(first.body.items[0].refId, 'ASN-1')
      assert.match(first.body.items[0].actor, /^admin\//)
      const second = await call('GET', `/v1/inventory/positions/SKU-A/WH-E/movements?limit=2&cursor=${first.body.nextCursor}`, w.admin)
      assert.equal(second.body.items[0].id > first.body.items[1].id, true)
      const all = await call('GET', '/v1/inventory/positions/SKU-A/WH-E/movements?limit=500', w.admin)
      const onHand = all.body.items.reduce((sum: number, m: { onHand: number }) => sum + m.onHand, 0)
      assert.equal(onHand, (await position()).onHand, 'on hand is the sum of its movements')
      assert.equal(all.body.nextCursor, null)
    })

    test('positions list filters by SKU and by node', async () => {
      const bySku = await call('GET', '/v1/inventory/positions?sku=SKU-A&limit=500', w.admin)
      assert.equal(bySku.status, 200, JSON.stringify(bySku.body))
      assert.ok(bySku.body.items.length > 0)
      assert.ok(bySku.body.items.every((p: { skuId: string }) => p.skuId === w.skuA.id))
      const byNode = await call('GET', '/v1/inventory/positions?node=WH-E&limit=500', w.admin)
      assert.equal(byNode.status, 200, JSON.stringify(byNode.body))
      assert.ok(byNode.body.items.every((p: { nodeId: string }) => p.nodeId === w.whEast.id))
      assert.equal((await call('GET', '/v1/inventory/positions?colour=red', w.admin)).status, 400)
    })

    test('reservations: hold, commit ships, release returns, bulk is all or nothing', async () => {
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 5 })
      const before = await position('SKU-B')
      const res = await call('POST', '/v1/reservations', w.admin, { sku: 'SKU-B', node: 'WH-E', quantity: 2, holdSeconds: 600, channel: 'web' })
      assert.equal(res.status, 201)
      assert.equal(res.body.status, 'held')
      assert.ok(res.body.holdUntil)
      const committed = await call('POST', `/v1/reservations/${res.body.id}/commit`, w.admin, {})
      assert.equal(committed.body.status, 'committed')
      assert.deepEqual([(await position('SKU-B')).onHand, (await position('SKU-B')).reserved], [before.onHand - 2, 0])
      const again = await call('POST', `/v1/reservations/${res.body.id}/release`, w.admin, {})
      assert.equal(again.status, 409)
      assert.equal(again.body.code, 'reservation_not_held')

      const bulk = await call('POST', '/v1/reservations/bulk', w.admin, { lines: [{ sku: 'SKU-B', node: 'WH-E', quantity: 2 }, { sku: 'SKU-B', node: 'WH-E', quantity: 2 }] })
      assert.equal(bulk.status, 409, 'the second line does not fit (3 left): nothing is reserved')
      assert.equal(bulk.body.line, 1)
      assert.equal((await position('SKU-B')).reserved, 0)
      const each = await call('POST', '/v1/reservations/bulk', w.admin, { atomic: false, lines: [{ sku: 'SKU-B', node: 'WH-E', quantity: 2 }, { sku: 'SKU-B', node: 'WH-E', quantity: 2 }] })
      assert.equal(each.status, 201)
      assert.deepEqual(each.body.lines.map((l: { ok: boolean }) => l.ok), [true, false])
      const released = await call('POST', `/v1/reservations/${each.body.lines[0].reservation.id}/release`, w.admin, { reason: 'customer cancelled' })
      assert.equal(released.body.endReason, 'customer cancelled')
      assert.equal((await position('SKU-B')).reserved, 0)
    })

    test('idempotency keys: a retry returns the original, another body is refused', async () => {
      const headers = { ...w.admin, 'idempotency-key': 'order-7781' }
      const first = await call('POST', '/v1/reservations', headers, { sku: 'SKU-B', node: 'WH-E', quantity: 1 })
      const retry = await call('POST', '/v1/reservations', headers, { sku: 'SKU-B', node: 'WH-E', quantity: 1 })
      assert.equal(retry.status, 201)
      assert.equal(retry.body.id, first.body.id)
      assert.equal(retry.headers['idempotent-replayed'], 'true')
      const other = await call('POST', '/v1/reservations', headers, { sku: 'SKU-B', node: 'WH-E', quantity: 2 })
      assert.equal(other.status, 422)
      assert.equal(other.body.code, 'idempotency_key_reused')
      assert.equal((await position('SKU-B')).reserved, 1)
      const receipt = { ...w.admin, 'idempotency-key': 'asn-55' }
      const r1 = await call('POST', '/v1/inventory/receipts', receipt, { sku: 'SKU-B', node: 'WH-N', quantity: 4 })
      const r2 = await call('POST', '/v1/inventory/receipts', receipt, { sku: 'SKU-B', node: 'WH-N', quantity: 4 })
      assert.deepEqual(r2.body, r1.body)
      assert.equal((await position('SKU-B', 'WH-N')).onHand, 4, 'the retried receipt did not receive twice')
    })

    test('locks hold stock back and release, by hand or at their time', async () => {
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 10 })
      const lock = await call('POST', '/v1/inventory/locks', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 4, reason: 'wave 2' })
      assert.equal(lock.status, 201)
      assert.deepEqual([(await position('SKU-A', 'WH-N')).locked, (await position('SKU-A', 'WH-N')).sellable], [4, 6])
      const tooMuch = await call('POST', '/v1/inventory/locks', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 7, reason: 'x' })
      assert.equal(tooMuch.body.code, 'insufficient_stock')
      const released = await call('POST', `/v1/inventory/locks/${lock.body.id}/release`, w.admin, {})
      assert.equal(released.body.status, 'released')
      assert.equal((await position('SKU-A', 'WH-N')).locked, 0)
      const past = await call('POST', '/v1/inventory/locks', w.admin, { sku: 'SKU-A', node: 'WH-N', quantity: 1, reason: 'x', releaseAt: '2001-01-01T00:00:00Z' })
      assert.equal(past.body.code, 'release_time_in_past')
    })

    test('transfers: T at origin, A while moving, I at destination, shortfall recorded', async () => {
      const created = await call('POST', '/v1/transfers', w.admin, { sku: 'SKU-A', from: 'WH-N', to: 'ST-2', quantity: 5 })
      assert.equal(created.status, 201)
      assert.equal((await position('SKU-A', 'WH-N')).transferReserved, 5)
      const shipped = await call('POST', `/v1/transfers/${created.body.id}/ship`, w.admin, { carrier: 'SF', tracking: 'SF123' })
      assert.equal(shipped.body.status, 'shipped')
      assert.deepEqual([(await position('SKU-A', 'WH-N')).onHand, (await position('SKU-A', 'ST-2')).inTransit], [5, 5])
      const received = await call('POST', `/v1/transfers/${created.body.id}/receive`, w.admin, { receivedQuantity: 4 })
      assert.deepEqual([received.body.status, received.body.discrepancy], ['received', 1])
      const dest = await position('SKU-A', 'ST-2')
      assert.deepEqual([dest.onHand, dest.inTransit], [4, 0])
      const twice = await call('POST', `/v1/transfers/${created.body.id}/receive`, w.admin, { receivedQuantity: 4 })
      assert.equal(twice.body.code, 'transfer_not_receivable')
    })

    test('a store ships its own transfers and receives its own; reads of locks and transfers are scoped', async () => {
      const store1 = await t.auth(`store:${w.store1.id}`)
      const store2 = await t.auth(`store:${w.store2.id}`)
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'ST-1', quantity: 6 })
      const fromOther = await call('POST', '/v1/transfers', store1, { sku: 'SKU-B', from: 'ST-2', to: 'ST-1', quantity: 1 })
      const fromMissing = await call('POST', '/v1/transfers', store1, { sku: 'SKU-B', from: 'ST-9', to: 'ST-1', quantity: 1 })
      assert.deepEqual([fromOther.status, fromOther.body.code], [422, 'unknown_node'], 'cannot send from another store, which is unknown to it')
      assert.deepEqual([fromMissing.status, fromMissing.body.code], [422, 'unknown_node'], 'as unknown as a missing node')
      const transfer = await call('POST', '/v1/transfers', store1, { sku: 'SKU-B', from: 'ST-1', to: 'ST-2', quantity: 2, eta: '2030-01-02T00:00:00Z' })
      assert.equal(transfer.status, 201)
      assert.equal(transfer.body.eta, '2030-01-02T00:00:00.000Z')
      assert.equal((await call('GET', `/v1/transfers/${transfer.body.id}`, store2)).body.status, 'reserved', 'the destination store sees it')
      assert.equal((await call('GET', `/v1/transfers/${transfer.body.id}`, await t.auth(`store:${w.store1.id}`))).status, 200)
      assert.equal((await call('POST', `/v1/transfers/${transfer.body.id}/ship`, store2, {})).status, 403, 'only the origin ships')
      assert.equal((await call('POST', `/v1/transfers/${transfer.body.id}/ship`, store1, {})).status, 200)
      assert.equal((await call('POST', `/v1/transfers/${transfer.body.id}/receive`, store1, { receivedQuantity: 2 })).status, 403, 'only the destination receives')
      assert.equal((await call('POST', `/v1/transfers/${transfer.body.id}/receive`, store2, { receivedQuantity: 2 })).body.discrepancy, 0)

      const cancelled = await call('POST', '/v1/transfers', w.admin, { sku: 'SKU-B', from: 'ST-1', to: 'WH-E', quantity: 3 })
      assert.equal((await position('SKU-B', 'ST-1')).transferReserved, 3)
      assert.equal((await call('GET', `/v1/transfers/${cancelled.body.id}`, store2)).status, 404, 'a store that is neither end does not see it')
      assert.equal((await call('POST', `/v1/transfers/${cancelled.body.id}/cancel`, w.admin, { reason: 'not needed' })).body.status, 'cancelled')
      assert.equal((await position('SKU-B', 'ST-1')).transferReserved, 0)
      assert.equal((await call('POST', `/v1/transfers/${cancelled.body.id}/ship`, w.admin, {})).body.code, 'transfer_not_shippable')
      assert.equal((await call('POST', '/v1/transfers', w.admin, { sku: 'SKU-B', from: 'ST-1', to: 'ST-1', quantity: 1 })).body.code, 'transfer_same_node')

      const lock = await call('POST', '/v1/inventory/locks', store1, { sku: 'SKU-B', node: 'ST-1', quantity: 1, reason: 'display unit', releaseAt: '2030-01-01T00:00:00Z' })
      assert.equal(lock.status, 201)
      const read = await call('GET', `/v1/inventory/locks/${lock.body.id}`, store1)
      assert.deepEqual([read.body.status, read.body.releaseAt], ['active', '2030-01-01T00:00:00.000Z'])
      assert.equal((await call('GET', `/v1/inventory/locks/${lock.body.id}`, store2)).status, 404, 'another store\'s lock is not found, as releasing it is')
      assert.equal((await call('POST', `/v1/inventory/locks/${lock.body.id}/release`, store2, {})).status, 404)
      assert.equal((await call('POST', `/v1/inventory/locks/${lock.body.id}/release`, store1, {})).body.status, 'released')
      assert.equal((await call('GET', '/v1/inventory/locks/lck_missing', w.admin)).status, 404)
    })

    test('an admin lists tokens without their secrets', async () => {
      const listed = await call('GET', '/v1/tokens', w.admin)
      assert.equal(listed.status, 200)
      assert.ok(listed.body.items.length >= 1)
      assert.ok(listed.body.items.every((i: Record<string, unknown>) => !('token' in i) && typeof i.prefix === 'string'))
      assert.equal((await call('GET', '/v1/tokens', await t.auth('ops'))).status, 403)
      assert.equal((await call('DELETE', '/v1/tokens/tok_missing', w.admin)).status, 404)
    })

    test('availability per node and region; a channel sees its nodes less its buffer', async () => {
      const all = await call('GET', '/v1/inventory/availability/SKU-A', w.admin)
      assert.equal(all.status, 200)
      assert.equal(all.body.sellable, all.body.byNode.reduce((s: number, n: { sellable: number }) => s + n.sellable, 0))
      assert.deepEqual(Object.keys(all.body.byRegion).sort(), ['east', 'north'])
      const north = await call('GET', '/v1/inventory/availability/SKU-A?region=north', w.admin)
      assert.ok(north.body.byNode.every((n: { region: string }) => n.region === 'north'))
      const channel = await t.auth(`channel:${w.web.id}`)
      const seen = await call('GET', '/v1/inventory/availability/SKU-A', channel)
      assert.deepEqual(seen.body.byNode.map((n: { nodeCode: string }) => n.nodeCode), ['WH-E'])
      assert.equal(seen.body.sellable, Math.max(0, seen.body.byNode[0].sellable - 2))
    })

    test('roles: 401 without a token, 403 for a role that may not, 404 for what is not yours', async () => {
      const channel = await t.auth(`channel:${w.web.id}`)
      const store1 = await t.auth(`store:${w.store1.id}`)
      const supplier1 = await t.auth('supplier:sup1')
      const body = { sku: 'SKU-A', node: 'WH-E', quantity: 1, reason: 'x' }
      assert.equal((await call('POST', '/v1/inventory/adjustments', {}, body)).status, 401)
      assert.equal((await call('POST', '/v1/inventory/adjustments', { authorization: 'Bearer nope' }, body)).status, 401)
      assert.equal((await call('POST', '/v1/inventory/adjustments', channel, body)).status, 403, 'a channel cannot adjust stock')
      const other = await call('POST', '/v1/inventory/receipts', store1, { sku: 'SKU-A', node: 'ST-2', quantity: 1 })
      assert.deepEqual([other.status, other.body.code, other.body.detail], [422, 'unknown_node', "No node with id or code 'ST-2'."], 'a store cannot touch another store, nor tell it exists')
      assert.equal((await call('POST', '/v1/inventory/receipts', store1, { sku: 'SKU-A', node: 'ST-1', quantity: 3 })).status, 200, 'but can receive at its own')
      assert.equal((await call('GET', '/v1/inventory/positions/SKU-A/ST-2', store1)).status, 404)
      assert.equal((await call('PUT', '/v1/inventory/virtual', supplier1, { sku: 'SKU-A', node: 'DS-1', quantity: 50 })).status, 403, 'a supplier declares V only through the supplier route, within its terms')
      assert.equal((await call('PUT', '/v1/inventory/virtual', supplier1, { sku: 'SKU-A', node: 'DS-2', quantity: 50 })).status, 403)
      assert.equal((await call('PUT', '/v1/inventory/virtual', w.admin, { sku: 'SKU-A', node: 'DS-1', quantity: 50 })).status, 200, 'staff still may')
      assert.equal((await call('GET', '/v1/inventory/positions/SKU-A/DS-2', supplier1)).status, 404)
      const listed = await call('GET', '/v1/inventory/positions', supplier1)
      assert.ok(listed.body.items.length > 0 && listed.body.items.every((p: { nodeId: string }) => p.nodeId === w.drop1.id))
      assert.equal((await call('POST', '/v1/reservations', channel, { sku: 'SKU-A', node: 'WH-N', quantity: 1 })).body.code, 'unknown_node', 'a channel reserves only at its nodes')
      // The web channel leaves its safety buffer of 2 at WH-E: with 2 sellable it may take none.
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 2 - (await call('GET', '/v1/inventory/positions/SKU-A/WH-E', w.admin)).body.sellable })
      assert.equal((await call('POST', '/v1/reservations', channel, { sku: 'SKU-A', node: 'WH-E', quantity: 1 })).body.code, 'insufficient_stock', 'the buffer stays')
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 1 })
      const own = await call('POST', '/v1/reservations', channel, { sku: 'SKU-A', node: 'WH-E', quantity: 1 })
      assert.equal(own.status, 201)
      assert.equal(own.body.channelId, w.web.id)
      const staffRes = await call('POST', '/v1/reservations', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 1 })
      assert.equal((await call('GET', `/v1/reservations/${staffRes.body.id}`, channel)).status, 404, "a channel cannot see another's reservation")
      assert.equal((await call('POST', `/v1/reservations/${staffRes.body.id}/release`, channel, {})).status, 404)
      assert.equal((await call('POST', `/v1/reservations/${own.body.id}/release`, channel, {})).status, 200)
      assert.equal((await call('POST', '/v1/tokens', w.admin, { name: 'x', role: 'ops' })).status, 201)
      assert.equal((await call('POST', '/v1/tokens', await t.auth('ops'), { name: 'x', role: 'admin' })).status, 403, 'only admins manage tokens')
      assert.equal((await call('POST', `/v1/reservations/${staffRes.body.id}/release`, w.admin, {})).status, 200)
    })

    test('a revoked token stops working', async () => {
      const created = await call('POST', '/v1/tokens', w.admin, { name: 'temp', role: 'ops' })
      const bearer = { authorization: `Bearer ${created.body.token}` }
      assert.equal((await call('GET', '/v1/skus', bearer)).status, 200)
      assert.equal((await call('DELETE', `/v1/tokens/${created.body.info.id}`, w.admin)).status, 200)
      assert.equal((await call('GET', '/v1/skus', bearer)).status, 401)
      const stored = await t.services.db.all<{ token_hash: string }>('SELECT token_hash FROM tokens')
      assert.ok(stored.every((r) => r.token_hash !== created.body.token && r.token_hash.length === 64), 'only hashes are stored')
    })

    test('bad input is a 4xx problem and changes nothing', async () => {
      const movementsBefore = await movementCount(t)
      const positionBefore = await position()
      const cases: Array<[string, string, unknown, number, string]> = [
        ['zero quantity', '/v1/reservations', { sku: 'SKU-A', node: 'WH-E', quantity: 0 }, 400, 'invalid_request'],
        ['negative quantity', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: -5 }, 400, 'invalid_request'],
        ['fractional quantity', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: 1.5 }, 400, 'invalid_request'],
        ['huge quantity', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: 1e15 }, 400, 'invalid_request'],
        ['quantity as a string', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: '5' }, 400, 'invalid_request'],
        ['unknown field', '/v1/inventory/receipts', { sku: 'SKU-A', node: 'WH-E', quantity: 5, bonus: 1 }, 400, 'invalid_request'],
        ['missing field', '/v1/inventory/receipts', { sku: 'SKU-A', quantity: 5 }, 400, 'invalid_request'],
        ['unknown SKU', '/v1/inventory/receipts', { sku: 'NOPE', node: 'WH-E', quantity: 5 }, 422, 'unknown_sku'],
        ['unknown node', '/v1/reservations', { sku: 'SKU-A', node: 'NOPE', quantity: 5 }, 422, 'unknown_node'],
        ['zero adjustment', '/v1/inventory/adjustments', { sku: 'SKU-A', node: 'WH-E', quantity: 0, reason: 'x' }, 400, 'invalid_request'],
        ['bulk over 1,000 lines', '/v1/reservations/bulk', { lines: Array.from({ length: 1001 }, () => ({ sku: 'SKU-A', node: 'WH-E', quantity: 1 })) }, 400, 'invalid_request'],
        ['bulk with one unknown SKU', '/v1/reservations/bulk', { lines: [{ sku: 'SKU-A', node: 'WH-E', quantity: 1 }, { sku: 'NOPE', node: 'WH-E', quantity: 1 }] }, 422, 'unknown_sku'],
      ]
      for (const [name, url, payload, status, code] of cases) {
        const r = await call('POST', url, w.admin, payload)
        assert.equal(r.status, status, `${name}: ${JSON.stringify(r.body)}`)
        assert.equal(r.body.code, code, name)
        assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8', name)
      }
      const raw = async (payload: string, contentType = 'application/json') =>
        t.app.inject({ method: 'POST', url: '/v1/inventory/receipts', headers: { ...w.admin, 'content-type': contentType }, payload })
      assert.equal((await raw('{"sku": "SKU-A",')).json().code, 'malformed_json')
      assert.equal((await raw('x'.repeat(1024 * 1024 + 10))).statusCode, 413)
      assert.equal((await raw('sku=SKU-A', 'application/x-www-form-urlencoded')).statusCode, 415)
      assert.equal((await call('POST', '/v1/inventory/receipts', { ...w.admin, 'idempotency-key': ' ' }, { sku: 'SKU-A', node: 'WH-E', quantity: 1 })).body.code, 'invalid_idempotency_key')
      assert.equal((await call('GET', '/v1/inventory/positions/SKU-A/WH-E/movements?limit=0', w.admin)).status, 400)
      assert.equal((await call('GET', '/v1/reservations/res_missing', w.admin)).status, 404)
      assert.equal((await call('GET', '/v1/nowhere', w.admin)).body.code, 'route_not_found')
      assert.equal(await movementCount(t), movementsBefore, 'no movement was written')
      assert.deepEqual(await position(), positionBefore)
    })

    test('health, metrics and the OpenAPI document are served', async () => {
      assert.equal((await call('GET', '/healthz', {})).body.status, 'ok')
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' })
      assert.match(metrics.body, /sellahead_reservations_total\{outcome="accepted"\} \d+/)
      assert.match(metrics.body, /sellahead_engine_batch_size_bucket/)
      assert.match(metrics.body, /sellahead_http_request_duration_seconds_bucket/)
      const doc = (await call('GET', '/openapi.json', {})).body
      assert.equal(doc.openapi, '3.1.0')
      assert.ok(doc.paths['/v1/reservations'].post)
      assert.ok(doc.paths['/v1/inventory/positions/{sku}/{node}/movements'].get)
      const docs = await t.app.inject({ method: 'GET', url: '/docs/' })
      assert.ok(docs.statusCode === 200 || docs.statusCode === 302)
    })
  })
}
