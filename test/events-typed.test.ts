/**
 * Typed events and supply subscribers: every subscriber hears a supply change inside its
 * transaction, in the order it subscribed (a second one no longer replaces the first), and a
 * subscriber's failure rolls the change back; the outbox holds the typed events the change made.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Engine, SupplySubscribers, type SupplyNotice } from '../src/inventory/engine.ts'
import { storeKinds } from '../src/store/testing.ts'
import type { Queryable } from '../src/store/db.ts'
import { okValue, positionOp, world, type World } from './helpers/inventory.ts'
import { Metrics } from '../src/http/metrics.ts'
import pino from 'pino'

for (const kind of await storeKinds()) {
  describe(`supply subscribers (${kind})`, () => {
    let w: World
    let engine: Engine
    const heard: string[] = []
    let failSecond = false
    before(async () => {
      w = await world(kind, 1, 1)
      const subscribers = new SupplySubscribers()
      const listener = (name: string) => async (tx: Queryable, notice: SupplyNotice) => {
        const row = await tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM movements')
        heard.push(`${name}:${notice.positions.map((p) => `${p.skuId}@${p.nodeId}`).join(',')}:${Number(row?.n)}`)
        if (name === 'second' && failSecond) throw new Error('the second subscriber refuses')
      }
      subscribers.add(listener('first'))
      subscribers.add(listener('second'))
      engine = new Engine(w.db, w.clock, new Metrics(), pino({ level: 'silent' }), {}, subscribers)
    })
    after(async () => { await engine.idle(); await w.cleanup() })

    it('calls every subscriber, in order, inside the transaction that received stock', async () => {
      const [sku, node] = [w.skus[0], w.nodes[0]]
      okValue((await engine.submit(positionOp('receive', sku, node, 5))).result)
      // Both saw the receipt's movement: they ran after the writes, before the commit.
      assert.deepEqual(heard, [`first:${sku}@${node}:1`, `second:${sku}@${node}:1`])
    })

    it('rolls the change back when a subscriber throws, so supply and promises never part', async () => {
      const [sku, node] = [w.skus[0], w.nodes[0]]
      failSecond = true
      heard.length = 0
      const outcome = await engine.submit(positionOp('receive', sku, node, 3)).catch((e: Error) => e)
      failSecond = false
      assert.ok(outcome instanceof Error, 'the batch fails')
      assert.equal(heard.length, 2)
      const row = await w.db.get<{ on_hand: number | string }>('SELECT on_hand FROM positions WHERE sku_id = ? AND node_id = ?', [sku, node])
      assert.equal(Number(row?.on_hand), 5)
    })
  })
}
