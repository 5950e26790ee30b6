import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'

/**
 * A small world through the HTTP API: SKUs, two warehouses in two regions, two stores, two
 * dropship nodes of different suppliers, a web channel selling from WH-E.
 */
export async function seedWorld(t: TestApp) {
  const admin = await t.auth('admin')
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin, payload })
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`)
    return res.json()
  }
  const skuA = await post('/v1/skus', { code: 'SKU-A', name: 'Sneaker A' })
  const skuB = await post('/v1/skus', { code: 'SKU-B', name: 'Sneaker B' })
  const whEast = await post('/v1/nodes', { code: 'WH-E', name: 'Shanghai DC', kind: 'warehouse', region: 'east' })
  const whNorth = await post('/v1/nodes', { code: 'WH-N', name: 'Beijing DC', kind: 'warehouse', region: 'north' })
  const store1 = await post('/v1/nodes', { code: 'ST-1', name: 'Store 1', kind: 'store', region: 'east' })
  const store2 = await post('/v1/nodes', { code: 'ST-2', name: 'Store 2', kind: 'store', region: 'north' })
  const drop1 = await post('/v1/nodes', { code: 'DS-1', name: 'Supplier 1 direct', kind: 'dropship', region: 'east', supplierId: 'sup1' })
  const drop2 = await post('/v1/nodes', { code: 'DS-2', name: 'Supplier 2 direct', kind: 'dropship', region: 'east', supplierId: 'sup2' })
  const web = await post('/v1/channels', { code: 'web', name: 'Web shop', kind: 'web', nodeIds: [whEast.id], safetyBuffer: 2 })
  return { admin, skuA, skuB, whEast, whNorth, store1, store2, drop1, drop2, web }
}

export type World = Awaited<ReturnType<typeof seedWorld>>

/** Every position equals the fold of its movements and reserved equals held reservations. */
export async function assertLedgerConsistent(t: TestApp): Promise<void> {
  const check = await t.services.inventory.verify()
  assert.deepEqual(check.bucketMismatches, [], 'buckets == fold(movements)')
  assert.deepEqual(check.reservedMismatches, [], 'reserved == sum of held reservations')
}

export async function movementCount(t: TestApp): Promise<number> {
  const row = await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM movements')
  return Number(row?.n)
}
