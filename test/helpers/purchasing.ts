import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { seedWorld } from './fixtures.ts'

type Headers = { authorization: string }

/** The small world plus two suppliers with SKU terms, and a token for each supplier. */
export async function seedPurchasing(t: TestApp) {
  const world = await seedWorld(t)
  const call = requester(t)
  const supplier = async (code: string) => (await call('POST', '/v1/suppliers', world.admin, {
    code, name: `Supplier ${code}`, currency: 'CNY', defaultLeadTimeDays: 14,
    paymentTerms: { kind: 'net', days: 30, instalments: null },
  }, 201)).json()
  const s1 = await supplier('S1')
  const s2 = await supplier('S2')
  await call('PUT', `/v1/suppliers/${s1.id}/skus/${world.skuA.id}`, world.admin, { unitCost: 1200, minOrderQuantity: 10, packSize: 5, virtualCap: 50 }, 200)
  return { ...world, s1, s2, s1Auth: await t.auth(`supplier:${s1.id}`), s2Auth: await t.auth(`supplier:${s2.id}`), ops: await t.auth('ops') }
}

/** `inject` with an expected status; the body is printed when the status differs. */
export function requester(t: TestApp) {
  return async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: object, status = 200, extraHeaders: Record<string, string> = {}) => {
    const res = await t.app.inject({ method, url, headers: { ...headers, ...extraHeaders }, ...(payload !== undefined && { payload }) })
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
    return res
  }
}

/** `YYYY-MM-DD`, `days` after the clock's today. */
export const dayAfter = (nowMs: number, days: number): string => new Date(nowMs + days * 86_400_000).toISOString().slice(0, 10)
