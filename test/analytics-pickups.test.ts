/**
 * Pickup measures over HTTP on both stores: real pickup orders paid, worked to ready after known
 * waits, collected at the counter (one in part) or expired by the fulfilment sweep under a manual
 * clock; the projector catches up and `GET /v1/analytics/fulfilment` answers the ready time
 * (count, mean, p50, p90 hours) and the expiry rate, for every channel and per channel, the
 * dashboard the same, and the rollups equal a recount.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedWorld, type World } from './helpers/fixtures.ts'
import { pickupDesk } from './helpers/pickups.ts'
import { recount, rollups, sorted } from './helpers/analytics.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const minuteMs = 60_000
const hourMs = 3_600_000
const dayMs = 86_400_000

for (const kind of await storeKinds()) {
  describe(`pickup measures (${kind})`, () => {
    let t: TestApp
    let w: World
    const clock = new ManualClock(Date.UTC(2030, 0, 7, 2, 0))

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedWorld(t)
    })
    after(() => t.close())

    const get = async (path: string) => {
      const res = await t.app.inject({ method: 'GET', url: path, headers: w.admin })
      assert.equal(res.statusCode, 200, res.body)
      return res.json()
    }
    const pickupTotals = (totals: Record<string, unknown>) => Object.fromEntries(Object.entries(totals).filter(([k]) => k.startsWith('pickup')))

    it('measures the time from payment to ready and the share of pickups that expired, over the period and per channel', async () => {
      const omni = await pickupDesk(t, w, { code: 'omni', holdDays: 3 })
      const kiosk = await pickupDesk(t, w, { code: 'kiosk', holdDays: 3 })
      // Four pickup orders paid at 02:00 UTC: their shipments are made then.
      const a = await omni.placePaid([{ sku: 'SKU-A', quantity: 1 }])
      const b = await omni.placePaid([{ sku: 'SKU-A', quantity: 1 }])
      const c = await kiosk.placePaid([{ sku: 'SKU-B', quantity: 1 }])
      const d = await omni.placePaid([{ sku: 'SKU-A', quantity: 2 }, { sku: 'SKU-B', quantity: 1 }])

      clock.advance(30 * minuteMs)
      const readyD = await omni.ready(d.id) // half an hour
      clock.advance(30 * minuteMs)
      const readyA = await omni.ready(a.id) // an hour
      await omni.collect(readyA.shipmentId, readyA.code, 'Li Lei')
      clock.advance(hourMs)
      await omni.ready(b.id) // two hours: never collected
      clock.advance(3 * hourMs)
      const readyC = await kiosk.ready(c.id) // five hours
      await kiosk.collect(readyC.shipmentId, readyC.code, 'Han Meimei')
      // Part of D is handed over; the rest stays ready and expires with B.
      const part = await t.app.inject({
        method: 'POST', url: `/v1/shipments/${readyD.shipmentId}/collect`, headers: await t.auth(`store:${w.store1.id}`),
        payload: { code: readyD.code, collectedBy: 'Wang Wu', lines: [{ lineNo: 1, quantity: 1 }] },
      })
      assert.equal(part.statusCode, 200, part.body)
      assert.ok(part.json().rest, 'the rest stays ready')

      clock.advance(3 * dayMs + minuteMs)
      assert.equal((await t.services.fulfilment.sweepPickups()).expired, 2)
      await t.services.analytics.catchUp()

      // Ready times 0.5, 1, 2 and 5 hours; collected A, C and D's first part; expired B and D's rest.
      const all = (await get('/v1/analytics/fulfilment?periodDays=7')).fulfilment
      assert.deepEqual(pickupTotals(all.totals), {
        pickupsReady: 4, pickupReadyMeanHours: 2.125, pickupReadyP50Hours: 1.25, pickupReadyP90Hours: 5.25,
        pickupsCollected: 3, pickupsExpired: 2, pickupExpiryRate: 0.4,
      })
      const day = (d: string) => all.series.find((x: { day: string }) => x.day === d)
      assert.deepEqual([day('2030-01-07').pickupsReady, day('2030-01-07').pickupReadyMeanHours, day('2030-01-07').pickupsCollected, day('2030-01-07').pickupExpiryRate], [4, 2.125, 3, 0])
      assert.deepEqual([day('2030-01-10').pickupsExpired, day('2030-01-10').pickupExpiryRate, day('2030-01-10').pickupsReady, day('2030-01-10').pickupReadyMeanHours], [2, 1, 0, null])

      const own = (await get('/v1/analytics/fulfilment?periodDays=7&channel=omni')).fulfilment
      assert.deepEqual(pickupTotals(own.totals), {
        pickupsReady: 3, pickupReadyMeanHours: 3.5 / 3, pickupReadyP50Hours: 1.25, pickupReadyP90Hours: 2.25,
        pickupsCollected: 2, pickupsExpired: 2, pickupExpiryRate: 0.5,
      })
      const other = (await get(`/v1/analytics/fulfilment?periodDays=7&channel=${kiosk.channelId}`)).fulfilment
      assert.deepEqual(pickupTotals(other.totals), {
        pickupsReady: 1, pickupReadyMeanHours: 5, pickupReadyP50Hours: 5.25, pickupReadyP90Hours: 5.25,
        pickupsCollected: 1, pickupsExpired: 0, pickupExpiryRate: 0,
      })
      // A channel token reads its own channel's.
      const token = await t.app.inject({ method: 'GET', url: '/v1/analytics/fulfilment?periodDays=7', headers: kiosk.channel })
      assert.deepEqual(pickupTotals(token.json().fulfilment.totals), pickupTotals(other.totals))
      assert.deepEqual((await get('/v1/analytics/dashboard?periodDays=7')).fulfilment, all, 'the dashboard shows the same')

      // The percentiles' counts as kept: one row per day × channel × quarter hour.
      const buckets = await t.services.db.all<{ channel_id: string; bucket: number | string; pickups: number | string }>('SELECT channel_id, bucket, pickups FROM analytics_pickup_ready')
      const byChannel = (id: string) => buckets.filter((r) => r.channel_id === id).map((r) => [Number(r.bucket), Number(r.pickups)]).sort((x, y) => x[0] - y[0])
      assert.deepEqual(byChannel(omni.channelId), [[2, 1], [4, 1], [8, 1]])
      assert.deepEqual(byChannel(kiosk.channelId), [[20, 1]])
      // The pickup counters equal a recount from the shipments' own events (the recount's shipping counters do not follow partial pickups).
      const pickupCounters = (daily: Map<string, Record<string, number>>) =>
        new Map([...daily].map(([key, counters]) => [key, pickupTotals(counters)]).filter(([, counters]) => Object.keys(counters).length > 0) as Array<[string, Record<string, unknown>]>)
      assert.deepEqual(sorted(pickupCounters((await rollups(t)).daily)), sorted(pickupCounters((await recount(t)).daily)))
      // The expiry ends B with nothing handed over (cancelled) and D's first line with the unit collected (shipped in full).
      const expiryDay = (await rollups(t)).daily.get(`${Date.parse('2030-01-10T00:00:00Z')}|${omni.channelId}`)
      assert.deepEqual([expiryDay?.ordersCancelled, expiryDay?.linesShipped, expiryDay?.unitsShipped], [1, 1, 1])

      // Nothing happened in the last week of a later period: no pickup, null time and rate.
      clock.advance(30 * dayMs)
      const later = (await get('/v1/analytics/fulfilment?periodDays=7')).fulfilment
      assert.deepEqual(pickupTotals(later.totals), {
        pickupsReady: 0, pickupReadyMeanHours: null, pickupReadyP50Hours: null, pickupReadyP90Hours: null, pickupsCollected: 0, pickupsExpired: 0, pickupExpiryRate: null,
      })
    })
  })
}
