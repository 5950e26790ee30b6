/**
 * Sell-ahead policies and promising settings: validated when set (table-driven), resolved to an
 * allocation rule, and over HTTP on both stores: a channel's row overrides the SKU's, a channel
 * reads only its own effective policy, bad input stores nothing.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { dayMs, seedOrders, type OrdersWorld } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { decidePolicy, decidePromisingSettings, defaultPromisingSettings, handlingDaysOf, ruleOf, rulesFor, type PolicyInput } from '../src/promising/index.ts'
import { statusOf } from '../src/http/problem-status.ts'

describe('sell-ahead policy rules', () => {
  const cases: Array<[string, PolicyInput, string | null]> = [
    ['stock only', { kinds: ['stock'], horizonDays: 0 }, null],
    ['every kind', { kinds: ['presale', 'virtual', 'po_unconfirmed', 'po_confirmed', 'transfer', 'stock'], unconfirmedBufferDays: 5, horizonDays: 365, maxBeyondStock: 0 }, null],
    ['presale only', { kinds: ['presale'], horizonDays: 60 }, null],
    ['an unknown kind', { kinds: ['stock', 'rumour'], horizonDays: 10 }, 'unknown_supply_kind'],
    ['no kinds', { kinds: [], horizonDays: 10 }, 'no_supply_kinds'],
    ['a kind twice', { kinds: ['stock', 'stock'], horizonDays: 10 }, 'duplicate_supply_kind'],
    ['future supply without stock', { kinds: ['po_confirmed'], horizonDays: 10 }, 'stock_required'],
    ['presale and POs without stock', { kinds: ['presale', 'po_confirmed'], horizonDays: 10 }, 'stock_required'],
    ['a buffer without unconfirmed POs', { kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 3, horizonDays: 10 }, 'buffer_without_unconfirmed'],
    ['a negative buffer', { kinds: ['stock', 'po_unconfirmed'], unconfirmedBufferDays: -1, horizonDays: 10 }, 'invalid_unconfirmed_buffer'],
    ['a fractional buffer', { kinds: ['stock', 'po_unconfirmed'], unconfirmedBufferDays: 1.5, horizonDays: 10 }, 'invalid_unconfirmed_buffer'],
    ['a negative horizon', { kinds: ['stock'], horizonDays: -1 }, 'invalid_horizon'],
    ['a horizon past a year', { kinds: ['stock'], horizonDays: 366 }, 'invalid_horizon'],
    ['a fractional horizon', { kinds: ['stock'], horizonDays: 2.5 }, 'invalid_horizon'],
    ['a negative cap', { kinds: ['stock', 'po_confirmed'], horizonDays: 10, maxBeyondStock: -1 }, 'invalid_max_beyond_stock'],
    ['a fractional cap', { kinds: ['stock', 'po_confirmed'], horizonDays: 10, maxBeyondStock: 0.5 }, 'invalid_max_beyond_stock'],
  ]
  for (const [name, input, code] of cases) {
    it(`${name}: ${code ?? 'accepted'}`, () => {
      const r = decidePolicy(input)
      if (code === null) assert.ok(r.ok, !r.ok ? r.detail : '')
      else assert.deepEqual(r.ok ? 'accepted' : [r.code, statusOf(r.code)], [code, 422])
    })
  }

  it('stores kinds in their order of certainty and fills the optional fields', () => {
    assert.deepEqual(decidePolicy({ kinds: ['po_confirmed', 'stock', 'transfer'], horizonDays: 20 }),
      { ok: true, value: { kinds: ['stock', 'transfer', 'po_confirmed'], unconfirmedBufferDays: 0, horizonDays: 20, maxBeyondStock: null } })
  })

  it('resolves to the rule an order line is allocated by', () => {
    const today = Date.UTC(2026, 10, 11)
    assert.deepEqual(ruleOf({ kinds: ['stock', 'po_unconfirmed', 'virtual'], unconfirmedBufferDays: 3, horizonDays: 14, maxBeyondStock: 50 }, today, 7), {
      stock: true, virtual: true, virtualLeadDays: 7, slotKinds: ['in_transit', 'po_confirmed', 'po_unconfirmed'], slotIds: null,
      unconfirmedBufferDays: 3, horizonDayMs: today + 14 * dayMs, maxBeyondStock: 50, overdueStepDays: 3,
    })
    assert.deepEqual(ruleOf({ kinds: ['presale'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null }, today, 0).slotKinds, [])
    assert.deepEqual([handlingDaysOf(0), handlingDaysOf(1), handlingDaysOf(24), handlingDaysOf(25), handlingDaysOf(72)], [0, 1, 1, 2, 3])
  })

  it('validates promising settings', () => {
    const good = { paymentWindowMinutes: 45, transitDays: { sameRegion: 0, otherRegion: 2 }, customerTiers: { vip: 10 }, overdueSupplyStepDays: 5 }
    assert.deepEqual(decidePromisingSettings(good), { ok: true, value: good })
    const { overdueSupplyStepDays: _, ...storedBeforeTheField } = good
    assert.deepEqual(decidePromisingSettings(storedBeforeTheField), { ok: true, value: { ...good, overdueSupplyStepDays: 3 } }, 'absent: the default')
    assert.ok(decidePromisingSettings(defaultPromisingSettings).ok)
    for (const bad of [
      { ...good, paymentWindowMinutes: 0 }, { ...good, paymentWindowMinutes: 10081 }, { ...good, transitDays: { sameRegion: 3, otherRegion: 2 } },
      { ...good, transitDays: { sameRegion: -1, otherRegion: 2 } }, { ...good, customerTiers: { vip: 101 } }, { ...good, customerTiers: { 'no spaces': 1 } },
      { ...good, overdueSupplyStepDays: 0 }, { ...good, overdueSupplyStepDays: 31 },
      { ...good, customerTiers: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`tier-${i}`, 1])) },
    ]) {
      const r = decidePromisingSettings(bad)
      assert.deepEqual(r.ok ? 'accepted' : r.code, 'invalid_promising_settings', JSON.stringify(bad))
    }
  })
})

for (const kind of await storeKinds()) {
  describe(`sell-ahead policies over HTTP (${kind})`, () => {
    let t: TestApp
    let w: OrdersWorld
    const clock = new ManualClock()
    const call = () => {
      const c = requester(t)
      // requester has no DELETE; the same expectation, by hand.
      return async (method: 'GET' | 'PUT' | 'DELETE', path: string, headers: { authorization: string }, payload?: object, status = 200) => {
        if (method !== 'DELETE') return c(method, path, headers, payload, status)
        const res = await t.app.inject({ method, url: path, headers })
        assert.equal(res.statusCode, status, `${method} ${path}: ${res.body}`)
        return res
      }
    }
    const url = (sku = 'SKU-A', channel?: string) => `/v1/skus/${sku}/sell-ahead-policy${channel ? `?channel=${channel}` : ''}`
    const confirmed = { kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 0, horizonDays: 30, maxBeyondStock: 100 }
    const stockOnly = { kinds: ['stock'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null }
    const defaults = { kinds: ['stock', 'virtual', 'presale'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedOrders(t)
    })
    after(() => t.close())

    it('falls back from the channel’s row to the SKU’s row to the default', async () => {
      const c = call()
      assert.deepEqual((await c('GET', url(), w.ops)).json(), { skuId: w.skuA.id, channelId: null, policy: null, effective: { source: 'default', policy: defaults } })
      assert.deepEqual((await c('PUT', url(), w.ops, confirmed)).json().effective, { source: 'sku', policy: confirmed })
      const web = (await c('PUT', url('SKU-A', 'web'), w.admin, { kinds: ['stock'], horizonDays: 0 })).json()
      assert.deepEqual(web, { skuId: w.skuA.id, channelId: w.web.id, policy: stockOnly, effective: { source: 'channel', policy: stockOnly } })
      assert.deepEqual((await c('GET', url('SKU-A', 'app'), w.ops)).json(), { skuId: w.skuA.id, channelId: w.app.id, policy: null, effective: { source: 'sku', policy: confirmed } })
      assert.deepEqual((await c('GET', url(), w.webAuth)).json().effective, { source: 'channel', policy: stockOnly }, 'a channel reads its own')
      assert.deepEqual((await c('GET', url(), w.appAuth)).json().effective, { source: 'sku', policy: confirmed })
      assert.equal((await c('GET', url('SKU-A', 'app'), w.webAuth, undefined, 404)).json().code, 'channel_not_found')
      assert.deepEqual((await c('DELETE', url('SKU-A', 'web'), w.ops)).json().effective, { source: 'sku', policy: confirmed })
      assert.equal((await c('DELETE', url('SKU-A', 'web'), w.ops, undefined, 404)).json().code, 'policy_not_found')
    })

    it('refuses a bad policy with its code and keeps the one in place', async () => {
      const c = call()
      await c('PUT', url('SKU-B'), w.ops, confirmed)
      const cases: Array<[object, number, string]> = [
        [{ kinds: ['po_confirmed'], horizonDays: 10 }, 422, 'stock_required'],
        [{ kinds: ['stock', 'po_confirmed'], unconfirmedBufferDays: 2, horizonDays: 10 }, 422, 'buffer_without_unconfirmed'],
        [{ kinds: ['stock'], horizonDays: 400 }, 422, 'invalid_horizon'],
        [{ kinds: ['stock', 'moon'], horizonDays: 1 }, 422, 'unknown_supply_kind'],
        [{ kinds: ['stock'], horizonDays: 1, maxBeyondStock: -5 }, 422, 'invalid_max_beyond_stock'],
        [{ kinds: ['stock'] }, 400, 'invalid_request'],
        [{ kinds: ['stock'], horizonDays: 1, colour: 'red' }, 400, 'invalid_request'],
        [{ kinds: ['stock'], horizonDays: '1' }, 400, 'invalid_request'],
      ]
      for (const [body, status, code] of cases) assert.equal((await c('PUT', url('SKU-B'), w.ops, body, status)).json().code, code, JSON.stringify(body))
      assert.equal((await c('PUT', url('NOPE'), w.ops, confirmed, 404)).json().code, 'sku_not_found')
      assert.equal((await c('PUT', url('SKU-B', 'nope'), w.ops, confirmed, 404)).json().code, 'channel_not_found')
      await c('PUT', url('SKU-B'), w.webAuth, stockOnly, 403)
      await c('DELETE', url('SKU-B'), w.webAuth, undefined, 403)
      await c('GET', url('SKU-B'), w.pay, undefined, 403)
      assert.deepEqual((await c('GET', url('SKU-B'), w.ops)).json().policy, confirmed)
    })

    it('resolves a rule per node with the supplier’s longest virtual lead time there', async () => {
      const now = clock.nowMs()
      for (const [supplier, days] of [['sup_a', 3], ['sup_b', 7]] as const) {
        await t.services.db.run('INSERT INTO virtual_supply (supplier_id, sku_id, node_id, quantity, lead_time_days, actor, declared_at) VALUES (?, ?, ?, 5, ?, ?, ?)',
          [supplier, w.skuB.id, w.whEast.id, days, 'test', now])
      }
      const { effective, rules } = await rulesFor(t.services.db, w.skuB.id, w.app.id, [w.whEast.id, w.whNorth.id], now + 5 * 3_600_000, { overdueSupplyStepDays: 4 })
      assert.deepEqual(effective, { source: 'sku', policy: confirmed })
      const today = Math.floor(now / dayMs) * dayMs
      assert.deepEqual([rules.get(w.whEast.id)!.virtualLeadDays, rules.get(w.whNorth.id)!.virtualLeadDays], [7, 0])
      assert.equal(rules.get(w.whEast.id)!.horizonDayMs, today + 30 * dayMs)
      assert.equal(rules.get(w.whEast.id)!.overdueStepDays, 4)
    })

    it('keeps promising settings, admin-editable and validated', async () => {
      const c = call()
      assert.deepEqual((await c('GET', '/v1/promising-settings', w.ops)).json(), defaultPromisingSettings)
      const next = { paymentWindowMinutes: 20, transitDays: { sameRegion: 1, otherRegion: 2 }, customerTiers: { gold: 3 }, overdueSupplyStepDays: 2 }
      assert.deepEqual((await c('PUT', '/v1/promising-settings', w.admin, next)).json(), next)
      assert.equal((await c('PUT', '/v1/promising-settings', w.admin, { ...next, paymentWindowMinutes: 0 }, 422)).json().code, 'invalid_promising_settings')
      assert.equal((await c('PUT', '/v1/promising-settings', w.admin, { ...next, cardNumber: 1 }, 400)).json().code, 'invalid_request')
      await c('PUT', '/v1/promising-settings', w.ops, next, 403)
      assert.deepEqual((await c('GET', '/v1/promising-settings', w.admin)).json(), next)
    })
  })
}
