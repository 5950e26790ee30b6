/**
 * Buy online, pick up in store over HTTP on both stores: a pickup order paid becomes a shipment
 * at its store, worked to ready for pickup (a code sent with its QR image, kept only hashed),
 * wrong codes counted and logged until the pickup locks, the right code hands it over (stock
 * committed, one movement per line, the order delivered); partial pickup; the expiry sweep racing
 * a late handover (exactly one wins, the customer told once); the reminder once; another store
 * sees nothing (404).
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { assertLedgerConsistent, seedWorld, type World } from './helpers/fixtures.ts'
import { dayMs, newKey } from './helpers/orders.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'
import { pickupDayOf } from '../src/promising/index.ts'
import { codeHashOf, counterAttempt, maxPickupAttempts, type Pickup } from '../src/fulfilment/pickup.ts'

type Auth = { authorization: string }
const collector = 'Wang Xiaoming'

describe('pickup SLA and counter rules (pure)', () => {
  const store = { timeZone: 'Asia/Shanghai', cutoffs: { pickup: '16:00' }, closedWeekdays: [2], closedDates: ['2030-01-10'] }
  const at = (iso: string) => Date.parse(iso)
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
  const sla = (stock: boolean, now: string, ready = '2030-01-07') => {
    const r = pickupDayOf(store, stock, day(ready), at(now))
    return r && [r.sla, new Date(r.dayMs).toISOString().slice(0, 10)]
  }
  it('same day before the store’s pickup cut-off on a working day, with the stock there', () => assert.deepEqual(sla(true, '2030-01-07T07:59:00Z'), ['same_day', '2030-01-07']))
  it('next working day after the cut-off (Tuesday is closed: Wednesday)', () => assert.deepEqual(sla(true, '2030-01-07T08:00:00Z'), ['next_day', '2030-01-09']))
  it('reads the cut-off in the store’s zone: 20:00 UTC on Sunday is Monday morning in Shanghai', () => assert.deepEqual(sla(true, '2030-01-06T20:00:00Z'), ['same_day', '2030-01-07']))
  it('a closed day is never a pickup day (a holiday, then the weekly closed day)', () => assert.deepEqual(sla(true, '2030-01-09T09:00:00Z'), ['next_day', '2030-01-11']))
  it('without the stock there: next day at the earliest, after it is ready', () => {
    assert.deepEqual(sla(false, '2030-01-07T01:00:00Z'), ['next_day', '2030-01-09'])
    assert.deepEqual(sla(false, '2030-01-07T01:00:00Z', '2030-01-12'), ['next_day', '2030-01-12'])
  })
  it('counts wrong codes, locks at the fifth, and never accepts a locked pickup', () => {
    const salt = '00112233445566778899aabbccddeeff'
    const p: Pickup = {
      shipmentId: 'shp_x', orderId: 'ord_x', nodeId: 'n', state: 'ready', codeSalt: salt, codeHash: codeHashOf(salt, '123456'), attempts: 0, lockedAtMs: null,
      readyAtMs: 0, expiresAtMs: 1, remindedAtMs: null, endedAtMs: null,
    }
    assert.deepEqual(counterAttempt(p, '123456'), { kind: 'accepted', attempts: 1 })
    assert.deepEqual(counterAttempt(p, '123457'), { kind: 'wrong', attempts: 1, left: 4, locksNow: false })
    assert.deepEqual(counterAttempt({ ...p, attempts: maxPickupAttempts - 1 }, '000000'), { kind: 'wrong', attempts: 5, left: 0, locksNow: true })
    assert.deepEqual(counterAttempt({ ...p, attempts: maxPickupAttempts }, '123456'), { kind: 'locked' })
    assert.notEqual(codeHashOf(salt, '123456'), codeHashOf('ffeeddccbbaa99887766554433221100', '123456'), 'salted per pickup')
  })
})

for (const kind of await storeKinds()) {
  describe(`buy online, pick up in store (${kind})`, () => {
    let t: TestApp
    let w: World
    let chan: Auth, ops: Auth, pay: Auth, st1: Auth, st2: Auth
    const clock = new ManualClock(Date.UTC(2030, 0, 7, 2, 0))
    const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, auth: Auth, payload?: object, status = 200) => {
      const res = await t.app.inject({ method, url, headers: auth, ...(payload !== undefined && { payload }) })
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`)
      return res.json()
    }
    const position = (skuId: string) => t.services.inventory.position(skuId, w.store1.id)
    const placePickup = async (lines: Array<{ sku: string; quantity: number }>) => {
      const res = await t.app.inject({
        method: 'POST', url: '/v1/orders', headers: { ...chan, 'idempotency-key': newKey() },
        payload: { customerId: 'c-pick', lines: lines.map((l) => ({ ...l, unitPrice: 1000 })), fulfilment: { method: 'pickup', nodeId: 'ST-1' }, contact: { name: 'Li Lei', phone: '+8613800000000' } },
      })
      assert.equal(res.statusCode, 201, res.body)
      const o = res.json()
      await call('POST', `/v1/orders/${o.id}/payments`, pay, { kind: 'payment', amount: o.total, currency: 'CNY', providerRef: `p-${o.id}` }, 201)
      return o as { id: string; total: number }
    }
    const shipmentOf = async (orderId: string) => (await call('GET', `/v1/shipments?order=${orderId}`, ops)).items[0]
    /** Worked by the store to ready; answers the shipment and the code the customer was sent. */
    const readyPickup = async (orderId: string) => {
      const s = await shipmentOf(orderId)
      for (const step of ['release', 'pick', 'pack']) await call('POST', `/v1/shipments/${s.id}/${step}`, st1)
      const ready = await call('POST', `/v1/shipments/${s.id}/ready`, st1)
      const notice = (await t.services.notifications.ofOrder(orderId)).find((n) => n.kind === 'pickup_ready')
      assert.ok(notice, 'the customer is sent a pickup notice')
      const code = /(\d{6})/.exec(notice.body)?.[1]
      assert.ok(code, `the notice carries the code: ${notice.body}`)
      return { shipment: ready.shipment, code }
    }
    const noticesOf = async (orderId: string, kind: string) => (await t.services.notifications.ofOrder(orderId)).filter((n) => n.kind === kind)
    const commits = async (_orderId: string) =>
      Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM movements WHERE kind = 'commit' AND node_id = ?`, [w.store1.id]))!.n)

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedWorld(t)
      const channel = await call('POST', '/v1/channels', w.admin, { code: 'omni', name: 'Omni', kind: 'web', nodeIds: [w.whEast.id, w.store1.id, w.store2.id], safetyBuffer: 0 }, 201)
      chan = await t.auth(`channel:${channel.id}`)
      ops = await t.auth('ops')
      pay = await t.auth('payments:alipay')
      st1 = await t.auth(`store:${w.store1.id}`)
      st2 = await t.auth(`store:${w.store2.id}`)
      await call('PATCH', `/v1/nodes/${w.store1.id}`, w.admin, { capabilities: ['pickup'], handlingTimeHours: 0, fulfilment: { timeZone: 'Asia/Shanghai', cutoffs: { pickup: '16:00' }, pickupHoldDays: 3 } })
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'ST-1', quantity: 100 })
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'ST-1', quantity: 100 })
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-A', node: 'WH-E', quantity: 10 })
    })
    after(() => t.close())

    it('shows the store’s pickup day by its cut-off in the channel’s store scope: same day before 16:00 Shanghai, next day after', async () => {
      const scopeOf = async () => {
        await t.services.availability.catchUp()
        const page = await call('GET', `/v1/channels/omni/availability?limit=500`, ops)
        return page.items.find((r: { skuId: string; scope: string }) => r.skuId === w.skuB.id && r.scope === `store:${w.store1.id}`)
      }
      assert.deepEqual([(await scopeOf()).status, (await scopeOf()).deliverBy], ['in_stock', '2030-01-07'])
      assert.match(JSON.stringify(await call('GET', `/v1/channels/omni/exports/google-local-inventory`, ops)), /SAME_DAY/)
      // The order placed now says the same: collect today.
      const early = await placePickup([{ sku: 'SKU-B', quantity: 1 }])
      assert.deepEqual((await call('GET', `/v1/orders/${early.id}`, ops)).pickup, { sla: 'same_day', readyBy: '2030-01-07' })
      assert.deepEqual((await call('GET', `/v1/orders/${early.id}`, st1)).pickup, { sla: 'same_day', readyBy: '2030-01-07' })
      clock.advance(6 * 3_600_000 + 60_000) // 16:01 in Shanghai
      await call('POST', '/v1/inventory/receipts', w.admin, { sku: 'SKU-B', node: 'ST-1', quantity: 1 })
      assert.equal((await scopeOf()).deliverBy, '2030-01-08')
      const late = await placePickup([{ sku: 'SKU-B', quantity: 1 }])
      assert.deepEqual((await call('GET', `/v1/orders/${late.id}`, ops)).pickup, { sla: 'next_day', readyBy: '2030-01-08' })
    })

    it('refuses a store hold of days out of range, naming the field, and writes nothing', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `/v1/nodes/${w.store1.id}`, headers: w.admin, payload: { fulfilment: { pickupHoldDays: 0 } } })
      assert.ok(res.statusCode === 400 || res.statusCode === 422, res.body)
      assert.equal((await call('GET', `/v1/nodes/${w.store1.id}`, w.admin)).fulfilment.pickupHoldDays, 3)
    })

    it('full flow: ready sends a code (kept hashed) and its QR, wrong codes lock after 5, the right code hands over and commits the stock', async () => {
      const o = await placePickup([{ sku: 'SKU-A', quantity: 2 }, { sku: 'SKU-B', quantity: 1 }])
      const { shipment, code } = await readyPickup(o.id)
      assert.equal(shipment.status, 'ready_for_pickup')
      assert.deepEqual([shipment.pickup.state, shipment.pickup.attemptsLeft, shipment.pickup.expiresAt], ['ready', 5, new Date(clock.nowMs() + 3 * dayMs).toISOString()])
      // The notifier gets the code and a QR image; the pickup row keeps only a hash.
      const [event] = await t.services.db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'notification.requested' AND payload LIKE ?`, [`%${o.id}%pickup_ready%`])
      const sent = JSON.parse(event.payload)
      assert.match(sent.message.body, new RegExp(code))
      assert.equal(sent.attachments[0].contentType, 'image/png')
      assert.match(sent.attachments[0].dataUrl, /^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/)
      const row = await t.services.db.get<Record<string, unknown>>('SELECT * FROM pickups WHERE shipment_id = ?', [shipment.id])
      assert.ok(row && !JSON.stringify(row).includes(code), 'the pickup row never holds the code')

      const wrong = code === '000000' ? '111111' : '000000'
      for (let i = 1; i <= 4; i++) {
        const r = await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code: wrong, collectedBy: collector }, 422)
        assert.deepEqual([r.code, r.attemptsLeft], ['wrong_pickup_code', 5 - i])
      }
      assert.equal((await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code: wrong, collectedBy: collector }, 409)).code, 'pickup_locked')
      // Locked: even the right code is refused until the merchant resets it; a store cannot.
      assert.equal((await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code, collectedBy: collector }, 409)).code, 'pickup_locked')
      await call('POST', `/v1/shipments/${shipment.id}/reset-attempts`, st1, undefined, 403)
      const before = { a: await position(w.skuA.id), b: await position(w.skuB.id), commits: await commits(o.id) }
      assert.equal((await call('POST', `/v1/shipments/${shipment.id}/reset-attempts`, ops)).shipment.pickup.attemptsLeft, 5)

      const done = await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code, collectedBy: collector })
      assert.deepEqual([done.shipment.status, done.shipment.pickup.state, done.rest], ['collected', 'collected', null])
      const a = await position(w.skuA.id)
      const b = await position(w.skuB.id)
      assert.deepEqual([before.a.onHand - a.onHand, before.a.reserved - a.reserved, before.b.onHand - b.onHand, before.b.reserved - b.reserved], [2, 2, 1, 1])
      assert.equal(await commits(o.id), before.commits + 2, 'one commit movement per line')
      const order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.status, order.lines.map((l: { status: string; deliveredAt: string | null }) => [l.status, l.deliveredAt !== null])], ['delivered', [['shipped', true], ['shipped', true]]])
      // Every attempt is on the shipment's events; neither the code nor the name is anywhere in them.
      const detail = await call('GET', `/v1/shipments/${shipment.id}`, st1)
      const kinds = detail.events.map((e: { kind: string }) => e.kind)
      assert.deepEqual(kinds.filter((k: string) => k.startsWith('pickup_')),
        ['pickup_code_wrong', 'pickup_code_wrong', 'pickup_code_wrong', 'pickup_code_wrong', 'pickup_code_wrong', 'pickup_locked', 'pickup_attempt_refused', 'pickup_attempts_reset', 'pickup_code_accepted'])
      const allEvents = JSON.stringify(await t.services.db.all('SELECT detail FROM shipment_events')) + JSON.stringify(await t.services.db.all('SELECT detail FROM order_events'))
      assert.ok(!allEvents.includes(code) && !allEvents.includes(collector), 'no code and no name in any event')
      const sealed = await t.services.db.get<{ collected_by: string | null }>('SELECT collected_by FROM pickups WHERE shipment_id = ?', [shipment.id])
      assert.ok(sealed?.collected_by && !sealed.collected_by.includes(collector), 'who collected is kept sealed')
      await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code, collectedBy: collector }, 409)
      await assertLedgerConsistent(t)
    })

    it('partial pickup: some units are handed over, the rest stays ready with the same code and expiry', async () => {
      const o = await placePickup([{ sku: 'SKU-A', quantity: 3 }, { sku: 'SKU-B', quantity: 1 }])
      const { shipment, code } = await readyPickup(o.id)
      const part = await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code, collectedBy: collector, lines: [{ lineNo: 1, quantity: 2 }] })
      assert.deepEqual(part.shipment.lines.map((l: { lineNo: number; quantity: number }) => [l.lineNo, l.quantity]), [[1, 2]])
      assert.deepEqual([part.rest.status, part.rest.splitFrom, part.rest.lines.map((l: { lineNo: number; quantity: number }) => [l.lineNo, l.quantity])], ['ready_for_pickup', shipment.id, [[1, 1], [2, 1]]])
      assert.equal(part.rest.pickup.expiresAt, shipment.pickup.expiresAt)
      let order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.status, order.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)], ['paid', [2, 0]])
      await call('POST', `/v1/shipments/${part.rest.id}/collect`, st1, { code, collectedBy: collector })
      order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.status, order.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)], ['delivered', [3, 1]])
      await assertLedgerConsistent(t)
    })

    it('the rest of a partial pickup expires: its units go back and are refunded, what was handed over stays delivered; a line refused at the counter is refunded', async () => {
      const o = await placePickup([{ sku: 'SKU-A', quantity: 3 }, { sku: 'SKU-B', quantity: 2 }])
      const { shipment, code } = await readyPickup(o.id)
      const part = await call('POST', `/v1/shipments/${shipment.id}/collect`, st1, { code, collectedBy: collector, lines: [{ lineNo: 1, quantity: 2 }] })
      // Line 2 is damaged at the counter: no other store can take a pickup, so it is refunded.
      const beforeB = await position(w.skuB.id)
      const rejected = await call('POST', `/v1/shipments/${part.rest.id}/reject`, st1, { lineNo: 2, reason: 'damaged' })
      assert.deepEqual([rejected.shipment.status, rejected.rerouted], ['ready_for_pickup', null])
      const afterB = await position(w.skuB.id)
      assert.deepEqual([beforeB.reserved - afterB.reserved, afterB.unsellable - beforeB.unsellable, beforeB.onHand - afterB.onHand], [2, 2, 0])
      let order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.status, order.refundDue, order.lines[1].status], ['paid', 2000, 'cancelled'])
      // The customer is told that line is refunded, once, whatever else happens to the order.
      const refunded = await noticesOf(o.id, 'pickup_line_refunded')
      assert.equal(refunded.length, 1)
      assert.match(refunded[0].body, /2 × .*20\.00 CNY/)
      const beforeA = await position(w.skuA.id)
      clock.advance(3 * dayMs + 60_000)
      await t.services.fulfilment.sweepPickups()
      const afterA = await position(w.skuA.id)
      assert.deepEqual([beforeA.reserved - afterA.reserved, afterA.sellable - beforeA.sellable, beforeA.onHand - afterA.onHand], [1, 1, 0])
      order = await call('GET', `/v1/orders/${o.id}`, ops)
      assert.deepEqual([order.status, order.refundDue, order.lines[0].status, order.lines[0].quantity, order.lines[0].deliveredAt !== null], ['delivered', 3000, 'shipped', 2, true])
      assert.equal((await call('GET', `/v1/shipments/${part.rest.id}`, ops)).status, 'expired')
      assert.equal((await noticesOf(o.id, 'pickup_expired')).length, 1)
      await assertLedgerConsistent(t)
    })

    it('refuses ready for a shipment that ships, and another store sees nothing of this one (404)', async () => {
      const o = await placePickup([{ sku: 'SKU-A', quantity: 1 }])
      const s = await shipmentOf(o.id)
      await call('GET', `/v1/shipments/${s.id}`, st2, undefined, 404)
      for (const step of ['release', 'pick', 'pack']) await call('POST', `/v1/shipments/${s.id}/${step}`, st1)
      await call('POST', `/v1/shipments/${s.id}/ready`, st2, undefined, 404)
      const { code } = await (async () => ({ code: /(\d{6})/.exec((await call('POST', `/v1/shipments/${s.id}/ready`, st1)) && (await noticesOf(o.id, 'pickup_ready'))[0].body)![1] }))()
      assert.equal((await call('POST', `/v1/shipments/${s.id}/collect`, st2, { code, collectedBy: collector }, 404)).code, 'shipment_not_found')
      assert.deepEqual((await call('GET', `/v1/shipments?node=${w.store1.id}`, st2)).items, [])
      assert.equal((await call('GET', `/v1/shipments/${s.id}`, st1)).status, 'ready_for_pickup', 'nothing changed')
      // A ship order's shipment is never ready for pickup.
      const shipOrder = (await t.app.inject({ method: 'POST', url: '/v1/orders', headers: { ...chan, 'idempotency-key': newKey() },
        payload: { customerId: 'c-ship', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 1000 }], fulfilment: { method: 'ship', region: 'east' } } })).json()
      assert.ok(shipOrder.id, JSON.stringify(shipOrder))
      {
        await call('POST', `/v1/orders/${shipOrder.id}/payments`, pay, { kind: 'payment', amount: shipOrder.total, currency: 'CNY', providerRef: `p-${shipOrder.id}` }, 201)
        const ss = await shipmentOf(shipOrder.id)
        for (const step of ['release', 'pick', 'pack']) await call('POST', `/v1/shipments/${ss.id}/${step}`, ops)
        assert.equal((await call('POST', `/v1/shipments/${ss.id}/ready`, ops, undefined, 409)).code, 'not_a_pickup')
      }
    })

    it('reminds the day before expiry, once', async () => {
      const o = await placePickup([{ sku: 'SKU-B', quantity: 1 }])
      await readyPickup(o.id)
      assert.equal((await t.services.fulfilment.sweepPickups()).reminded, 0, 'not yet due')
      clock.advance(2 * dayMs + 60_000)
      const first = await t.services.fulfilment.sweepPickups()
      assert.ok(first.reminded >= 1)
      await t.services.fulfilment.sweepPickups()
      await t.services.fulfilment.sweepPickups()
      assert.equal((await noticesOf(o.id, 'pickup_reminder')).length, 1)
      clock.advance(dayMs)
      await t.services.fulfilment.sweepPickups()
      assert.equal((await noticesOf(o.id, 'pickup_expired')).length, 1)
    })

    it('expiry racing a late handover: exactly one wins, the stock goes back or is committed once, the customer is told once', async () => {
      const rounds: Array<{ o: { id: string; total: number }; s: { id: string }; code: string }> = []
      for (let i = 0; i < 4; i++) {
        const o = await placePickup([{ sku: 'SKU-A', quantity: 2 }])
        const { shipment, code } = await readyPickup(o.id)
        rounds.push({ o, s: shipment, code })
      }
      const before = await position(w.skuA.id)
      clock.advance(3 * dayMs + 60_000)
      // Half the handovers get a head start on their own expiry, half start behind it; the sweep runs over all of them at once.
      const pause = () => new Promise((resolve) => setTimeout(resolve, 3))
      const results = await Promise.all([
        pause().then(() => t.services.fulfilment.sweepPickups()),
        ...rounds.map(async (r, i) => {
          if (i % 2 === 1) await pause()
          return t.app.inject({ method: 'POST', url: `/v1/shipments/${r.s.id}/collect`, headers: st1, payload: { code: r.code, collectedBy: collector } })
        }),
        ...rounds.map(async (r, i) => {
          if (i % 2 === 0) await pause()
          return t.services.fulfilment.expirePickup(r.s.id)
        }),
      ])
      const handed = results.slice(1, 1 + rounds.length) as Array<{ statusCode: number }>
      let collected = 0
      for (const [i, r] of rounds.entries()) {
        const s = await call('GET', `/v1/shipments/${r.s.id}`, ops)
        const order = await call('GET', `/v1/orders/${r.o.id}`, ops)
        const expired = await noticesOf(r.o.id, 'pickup_expired')
        if (handed[i].statusCode === 200) {
          collected++
          assert.deepEqual([s.status, s.pickup.state, order.status, expired.length, order.refundDue ?? 0], ['collected', 'collected', 'delivered', 0, 0])
        } else {
          assert.equal(handed[i].statusCode, 409)
          assert.deepEqual([s.status, s.pickup.state, order.status, expired.length], ['expired', 'expired', 'cancelled', 1])
          assert.equal(order.refundDue, r.o.total)
        }
      }
      if (process.env.PICKUP_RACE_LOG) console.log(`race on ${kind}: ${collected} handed over, ${rounds.length - collected} expired`)
      const after = await position(w.skuA.id)
      const lost = rounds.length - collected
      assert.deepEqual([before.onHand - after.onHand, before.reserved - after.reserved], [2 * collected, 2 * rounds.length], 'committed once or released once')
      assert.equal(after.sellable - before.sellable, 2 * lost)
      // Later sweeps change nothing and tell nobody again.
      assert.deepEqual(await t.services.fulfilment.sweepPickups(), { expired: 0, reminded: 0 })
      for (const r of rounds) assert.ok((await noticesOf(r.o.id, 'pickup_expired')).length <= 1)
      await assertLedgerConsistent(t)
    })
  })
}
