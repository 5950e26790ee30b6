/**
 * One availability for a channel: for random stock, unsellable units, locks, stock ring-fenced
 * for the channel and for another one, virtual allowances, reservations held by others, safety
 * buffers and a node taken out of service, what `/v1/inventory/availability` shows a channel at
 * each node is exactly the most a reservation for that channel can take there, the most an order
 * can take from stock there, and availability to promise's stock today there; the totals agree,
 * and so does the channel availability the projector keeps. The fence is taken first, and the
 * other channel sees it as locked. Real HTTP on both stores.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent } from './helpers/fixtures.ts'
import { requester } from './helpers/purchasing.ts'
import { newKey } from './helpers/orders.ts'
import { storeKinds } from '../src/store/testing.ts'

type Auth = { authorization: string }

/** One node's stock as the property draws it: every number is applied through the API. */
const nodeStock = fc.record({
  onHand: fc.integer({ min: 0, max: 12 }),
  unsellable: fc.integer({ min: 0, max: 4 }),
  locked: fc.integer({ min: 0, max: 5 }),
  ownFence: fc.integer({ min: 0, max: 5 }),
  otherFence: fc.integer({ min: 0, max: 3 }),
  heldByOthers: fc.integer({ min: 0, max: 5 }),
  virtual: fc.integer({ min: 0, max: 4 }),
})
type NodeStock = typeof nodeStock extends fc.Arbitrary<infer T> ? T : never

for (const kind of await storeKinds()) {
  describe(`one availability for a channel (${kind})`, () => {
    let t: TestApp
    let admin: Auth
    let nodes: Array<{ id: string; code: string }>
    let run = 0
    const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args)

    before(async () => {
      t = await startTestApp(kind)
      admin = await t.auth('admin')
      nodes = []
      for (const [code, region] of [['AV-1', 'east'], ['AV-2', 'north'], ['AV-3', 'east']]) {
        nodes.push((await call('POST', '/v1/nodes', admin, { code, name: code, kind: 'warehouse', region }, 201)).json())
      }
    })
    after(async () => {
      await assertLedgerConsistent(t)
      await t.close()
    })

    /**
     * Applies the drawn stock at each node; returns the S each node then has (fences are L: the
     * oracle's input), and each node's fences for the channel and for the other one.
     */
    async function stockUp(sku: string, stock: NodeStock[], channels: { own: string; ownNodes: number; other: string }): Promise<{ sellableAt: number[]; fences: Array<{ own: number; ownLock: string | null; other: number }> }> {
      const sellableAt: number[] = []
      const fences: Array<{ own: number; ownLock: string | null; other: number }> = []
      for (const [i, s] of stock.entries()) {
        const at = { sku, node: nodes[i].code }
        if (s.onHand > 0) await call('POST', '/v1/inventory/receipts', admin, { ...at, quantity: s.onHand })
        const unsellable = Math.min(s.unsellable, s.onHand)
        if (unsellable > 0) await call('POST', '/v1/inventory/unsellable', admin, { ...at, quantity: unsellable, reason: 'damaged' })
        if (s.virtual > 0) await call('PUT', '/v1/inventory/virtual', admin, { ...at, quantity: s.virtual })
        let free = s.onHand - unsellable + s.virtual
        const locked = Math.min(s.locked, free)
        if (locked > 0) await call('POST', '/v1/inventory/locks', admin, { ...at, quantity: locked, reason: 'promotion wave' }, 201)
        free -= locked
        // A fence is for a node its channel sells from.
        const own = i < channels.ownNodes ? Math.min(s.ownFence, free) : 0
        const ownLock = own > 0 ? (await call('POST', '/v1/inventory/locks', admin, { ...at, quantity: own, reason: 'ring-fenced', channel: channels.own }, 201)).json() : null
        if (ownLock) assert.equal(ownLock.channelId, channels.own)
        free -= own
        const other = Math.min(s.otherFence, free)
        if (other > 0) await call('POST', '/v1/inventory/locks', admin, { ...at, quantity: other, reason: 'ring-fenced', channel: channels.other }, 201)
        free -= other
        fences.push({ own, ownLock: ownLock?.id ?? null, other })
        const held = Math.min(s.heldByOthers, free)
        if (held > 0) await call('POST', '/v1/reservations', admin, { ...at, quantity: held }, 201)
        sellableAt.push(free - held)
      }
      return { sellableAt, fences }
    }

    /** The most a reservation for the channel takes at the node: one more is refused saying how many, that many is held. */
    async function mostReservable(auth: Auth, sku: string, node: string, expected: number): Promise<number> {
      const refused = await call('POST', '/v1/reservations', auth, { sku, node, quantity: expected + 1 }, 409)
      assert.equal(refused.json().code, 'insufficient_stock')
      if (expected > 0) {
        const held = (await call('POST', '/v1/reservations', auth, { sku, node, quantity: expected }, 201)).json()
        await call('POST', `/v1/reservations/${held.id}/release`, auth, {})
      }
      return refused.json().sellable
    }

    /** The most an order through the channel takes from stock at the node, the same way. */
    async function mostOrderable(auth: Auth, sku: string, node: string, expected: number): Promise<number> {
      const body = (quantity: number) => ({ customerId: 'c-agree', lines: [{ sku, node, quantity, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } })
      const refused = await call('POST', '/v1/orders', auth, body(expected + 1), 409, { 'idempotency-key': newKey() })
      assert.equal(refused.json().code, 'insufficient_stock')
      if (expected > 0) {
        const order = (await call('POST', '/v1/orders', auth, body(expected), 201, { 'idempotency-key': newKey() })).json()
        assert.equal(order.lines[0].nodeId, nodes.find((n) => n.code === node)!.id)
        await call('POST', `/v1/orders/${order.id}/cancel`, auth, { reason: 'test' })
      }
      return refused.json().available
    }

    it('availability, reservations, orders and availability to promise agree per node and in total', async () => {
      await fc.assert(fc.asyncProperty(
        fc.array(nodeStock, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
        fc.integer({ min: 0, max: 3 }),
        async (stock, safetyBuffer, nodeCount, inactive, otherBuffer) => {
          run++
          const sku = `AGREE-${run}`
          await call('POST', '/v1/skus', admin, { code: sku, name: sku }, 201)
          const channelNodes = nodes.slice(0, nodeCount)
          const channel = (await call('POST', '/v1/channels', admin, { code: `agree-${run}`, name: `Agree ${run}`, kind: 'web', nodeIds: channelNodes.map((n) => n.id), safetyBuffer }, 201)).json()
          const auth = await t.auth(`channel:${channel.id}`)
          // Another channel selling from every node, with stock fenced for it too.
          const otherChannel = (await call('POST', '/v1/channels', admin, { code: `agree-other-${run}`, name: `Other ${run}`, kind: 'app', nodeIds: nodes.map((n) => n.id), safetyBuffer: otherBuffer }, 201)).json()
          const otherAuth = await t.auth(`channel:${otherChannel.id}`)
          const { sellableAt, fences } = await stockUp(sku, stock, { own: channel.id, ownNodes: nodeCount, other: otherChannel.code })
          // A node taken out of service sells nothing through any door.
          const closed = inactive !== null && inactive < nodeCount ? channelNodes[inactive] : undefined
          if (closed) await call('PATCH', `/v1/nodes/${closed.id}`, admin, { active: false })
          // What a merchant expects: at each node the channel sells down to its buffer, no further, plus the stock fenced for it.
          const expected = channelNodes.map((n, i) => (n === closed ? 0 : Math.max(0, sellableAt[i] - safetyBuffer + fences[i].own)))
          // The other channel sees this channel's fence as locked, and its own as sellable.
          const otherShown = (await call('GET', `/v1/inventory/availability/${sku}`, otherAuth)).json()
          for (const [i, node] of nodes.entries()) {
            if (node === closed) continue
            const seen = otherShown.byNode.find((n: { nodeId: string }) => n.nodeId === node.id)?.sellable ?? 0
            assert.equal(seen, Math.max(0, sellableAt[i] - otherBuffer + fences[i].other), `the other channel at ${node.code}`)
          }
          // Staff availability: fences are locked for everyone but their channel.
          const staffShown = (await call('GET', `/v1/inventory/availability/${sku}`, admin)).json()
          for (const [i, node] of nodes.entries()) {
            if (node !== closed) assert.equal(staffShown.byNode.find((n: { nodeId: string }) => n.nodeId === node.id)?.sellable ?? 0, Math.max(0, sellableAt[i]), `staff at ${node.code}`)
          }
          await t.services.availability.catchUp()
          const projected = (await call('GET', `/v1/channels/${channel.code}/availability?sku=${sku}&scope=channel`, auth)).json()
          assert.equal(projected.items[0]?.quantity ?? 0, expected.reduce((a, b) => a + b, 0), 'channel availability (the projector) = the total')

          const availability = (await call('GET', `/v1/inventory/availability/${sku}`, auth)).json()
          const atp = (await call('GET', `/v1/availability-to-promise?sku=${sku}`, auth)).json()
          const atpByNode = new Map<string, number>()
          for (const step of atp.ladder) {
            for (const s of step.supply as Array<{ nodeId: string; kind: string; quantity: number }>) {
              if (s.kind === 'stock' || s.kind === 'virtual') atpByNode.set(s.nodeId, (atpByNode.get(s.nodeId) ?? 0) + s.quantity)
            }
          }
          for (const [i, node] of channelNodes.entries()) {
            if (node === closed) {
              assert.ok(!availability.byNode.some((n: { nodeId: string }) => n.nodeId === node.id), 'availability leaves a closed node out')
              assert.equal((await call('POST', '/v1/reservations', auth, { sku, node: node.code, quantity: 1 }, 422)).json().code, 'unknown_node')
              const order = { customerId: 'c-agree', lines: [{ sku, node: node.code, quantity: 1, unitPrice: 100 }], fulfilment: { method: 'ship', region: 'east' } }
              assert.equal((await call('POST', '/v1/orders', auth, order, 422, { 'idempotency-key': newKey() })).json().code, 'unknown_node')
              assert.equal(atpByNode.get(node.id), undefined, 'availability to promise leaves a closed node out')
              continue
            }
            const shown = availability.byNode.find((n: { nodeId: string }) => n.nodeId === node.id)?.sellable ?? 0
            const where = `node ${node.code}, S ${sellableAt[i]}, buffer ${safetyBuffer}`
            assert.equal(shown, expected[i], `availability at ${where}`)
            assert.equal(await mostReservable(auth, sku, node.code, shown), shown, `reservation at ${where}`)
            assert.equal(await mostOrderable(auth, sku, node.code, shown), shown, `order at ${where}`)
            assert.equal(atpByNode.get(node.id) ?? 0, shown, `availability to promise at ${where}`)
            // The reservation and the order each took the fence first; what they gave back went to general stock.
            const { own, ownLock } = fences[i]
            const afterReservation = own - Math.min(shown, own)
            const fenceLeft = afterReservation - Math.min(shown, afterReservation)
            if (ownLock) {
              const lock = (await call('GET', `/v1/inventory/locks/${ownLock}`, admin)).json()
              assert.deepEqual([lock.quantity, lock.status], [fenceLeft, fenceLeft === 0 ? 'released' : 'active'], `fence left at ${where}`)
            }
            const position = (await call('GET', `/v1/inventory/positions/${sku}/${node.code}`, admin)).json()
            assert.equal(position.sellable, sellableAt[i] + own - fenceLeft, `general stock got the fence units back at ${where}`)
            // Still the same for the channel; and the other channel now sees the units that left the fence.
            assert.equal((await call('GET', `/v1/inventory/availability/${sku}`, auth)).json().byNode.find((n: { nodeId: string }) => n.nodeId === node.id)?.sellable, shown)
            const otherNow = Math.max(0, position.sellable - otherBuffer + fences[i].other)
            assert.equal(await mostReservable(otherAuth, sku, node.code, otherNow), otherNow, `the other channel's reservation at ${where}`)
          }
          const total = expected.reduce((a, b) => a + b, 0)
          assert.equal(availability.sellable, total, 'availability total = Σ nodes')
          assert.equal(Object.values(availability.byRegion as Record<string, number>).reduce((a, b) => a + b, 0), total, 'Σ regions = total')
          assert.equal([...atpByNode.values()].reduce((a, b) => a + b, 0), total, 'availability to promise today = availability total')
          assert.ok(availability.byNode.every((n: { nodeId: string }) => channelNodes.some((c) => c.id === n.nodeId)), 'only the channel’s nodes')
          if (closed) await call('PATCH', `/v1/nodes/${closed.id}`, admin, { active: true })
        },
      ), { numRuns: kind === 'sqlite' ? 25 : 10 })
    })

    it('the example of the issue: a buffer of 2 over 5 lets a token reserve 3 and order 3, as availability says', async () => {
      await call('POST', '/v1/skus', admin, { code: 'AGREE-EX', name: 'Example' }, 201)
      const channel = (await call('POST', '/v1/channels', admin, { code: 'agree-ex', name: 'Example', kind: 'web', nodeIds: [nodes[0].id], safetyBuffer: 2 }, 201)).json()
      const auth = await t.auth(`channel:${channel.id}`)
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'AGREE-EX', node: 'AV-1', quantity: 5 })
      assert.equal((await call('GET', '/v1/inventory/availability/AGREE-EX', auth)).json().sellable, 3)
      const refused = (await call('POST', '/v1/reservations', auth, { sku: 'AGREE-EX', node: 'AV-1', quantity: 5 }, 409)).json()
      assert.deepEqual([refused.code, refused.sellable, refused.detail], ['insufficient_stock', 3, 'Only 3 sellable, 5 requested.'])
      // Staff naming the channel reserve on its terms; staff reserving for nobody sell down to zero.
      assert.equal((await call('POST', '/v1/reservations', admin, { sku: 'AGREE-EX', node: 'AV-1', quantity: 4, channel: 'agree-ex' }, 409)).json().sellable, 3)
      const staff = (await call('POST', '/v1/reservations', admin, { sku: 'AGREE-EX', node: 'AV-1', quantity: 4 }, 201)).json()
      await call('POST', `/v1/reservations/${staff.id}/release`, admin, {})
      await call('POST', '/v1/reservations', auth, { sku: 'AGREE-EX', node: 'AV-1', quantity: 3 }, 201)
      assert.equal((await call('GET', '/v1/inventory/availability/AGREE-EX', auth)).json().sellable, 0)
    })
  })
}
