/**
 * The feed as channels consume it live, over a real HTTP server: the channel's SSE stream sends
 * every change once and resumes after Last-Event-ID; the staff event stream does the same for the
 * outbox; and a flash sale on one SKU through two channels sends at most one delta per channel
 * and scope per coalescing interval, ends at the exact value, and shows `out_of_stock` within an
 * interval (plus the pass's own time) of the last unit selling.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { requester } from './helpers/purchasing.ts'
import { storeKinds } from '../src/store/testing.ts'
import { Availability } from '../src/availability/index.ts'

type Auth = { authorization: string }
interface SseEvent { id: number; event: string | undefined; data: unknown }

/** Reads an SSE response until `enough` says so (or the time runs out); the connection is then closed. */
async function readStream(url: string, headers: Record<string, string>, enough: (events: SseEvent[]) => boolean, timeoutMs = 10_000): Promise<SseEvent[]> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), timeoutMs)
  const events: SseEvent[] = []
  try {
    const res = await fetch(url, { headers, signal: abort.signal })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/)
    const decoder = new TextDecoder()
    let buffer = ''
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]))
        if (fields.id === undefined) continue
        events.push({ id: Number(fields.id), event: fields.event, data: fields.data === undefined ? undefined : JSON.parse(fields.data) })
      }
      if (enough(events)) break
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
  return events
}

for (const kind of await storeKinds()) {
  describe(`availability streams (${kind})`, () => {
    let t: TestApp
    let base: string
    let call: ReturnType<typeof requester>
    let admin: Auth
    let webAuth: Auth

    before(async () => {
      t = await startTestApp(kind)
      base = await t.app.listen({ host: '127.0.0.1', port: 0 })
      call = requester(t)
      admin = await t.auth('admin')
      await call('POST', '/v1/skus', admin, { code: 'ST-A', name: 'Stream A' }, 201)
      await call('POST', '/v1/skus', admin, { code: 'HOT', name: 'Hot sneaker' }, 201)
      await call('POST', '/v1/nodes', admin, { code: 'ST-WH', name: 'DC', kind: 'warehouse', region: 'east' }, 201)
      const web = (await call('POST', '/v1/channels', admin, { code: 'st-web', name: 'Web', kind: 'web', nodeIds: ['ST-WH'], lowStockThreshold: 0 }, 201)).json()
      await call('POST', '/v1/channels', admin, { code: 'st-app', name: 'App', kind: 'app', nodeIds: ['ST-WH'], lowStockThreshold: 0 }, 201)
      webAuth = await t.auth(`channel:${web.id}`)
    })
    after(() => t.close())

    it('streams a channel\'s changes once each and resumes after Last-Event-ID', async () => {
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'ST-A', node: 'ST-WH', quantity: 5 })
      await t.services.availability.catchUp()
      const url = `${base}/v1/channels/st-web/availability/stream`
      // Without a position: every current value first.
      const first = await readStream(url, webAuth, (e) => e.some((x) => (x.data as { sku: string }).sku === 'ST-A'))
      const a = first.find((x) => (x.data as { sku: string }).sku === 'ST-A')!
      assert.equal(a.event, 'availability')
      assert.deepEqual([(a.data as { quantity: number }).quantity, (a.data as { seq: number }).seq], [5, a.id])
      const lastId = first.at(-1)!.id

      // A change while the client is away; it comes back with Last-Event-ID and gets only that.
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'ST-A', node: 'ST-WH', quantity: 2 })
      await t.services.availability.catchUp()
      const resumed = await readStream(url, { ...webAuth, 'last-event-id': String(lastId) }, (e) => e.length >= 2, 1500)
      assert.ok(resumed.length >= 1 && resumed.every((e) => e.id > lastId), 'only what followed')
      assert.deepEqual(resumed.map((e) => [(e.data as { sku: string }).sku, (e.data as { scope: string }).scope]).sort(), [['ST-A', 'channel'], ['ST-A', 'region:east']])
      assert.equal((resumed[0].data as { quantity: number }).quantity, 7)

      // Live: a change made while connected arrives without reconnecting.
      const live = readStream(url, { ...webAuth, 'last-event-id': String(resumed.at(-1)!.id) }, (e) => e.length >= 1)
      await new Promise((r) => setTimeout(r, 100))
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'ST-A', node: 'ST-WH', quantity: 1 })
      await t.services.availability.catchUp()
      assert.equal(((await live)[0].data as { quantity: number }).quantity, 8)

      const refused = await fetch(`${base}/v1/channels/st-app/availability/stream`, { headers: webAuth })
      assert.equal(refused.status, 404, 'another channel\'s stream does not exist for this channel')
    })

    it('streams the outbox to staff, filtered by topic, resuming after Last-Event-ID', async () => {
      const url = `${base}/v1/events/stream?topic=inventory.changed`
      const live = readStream(url, admin, (e) => e.some((x) => x.event === 'inventory.changed'))
      await new Promise((r) => setTimeout(r, 150))
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'ST-A', node: 'ST-WH', quantity: 1 })
      const events = await live
      const changed = events.find((x) => x.event === 'inventory.changed')!
      assert.equal((changed.data as { payload: { onHand: number } }).payload.onHand, 9)
      const again = await readStream(`${base}/v1/events/stream?after=${changed.id - 1}&topic=inventory.changed`, admin, (e) => e.some((x) => x.event !== undefined))
      assert.equal(again.find((x) => x.event !== undefined)!.id, changed.id)
      assert.equal((await fetch(`${base}/v1/events/stream`, { headers: webAuth })).status, 403)
      assert.equal((await fetch(`${base}/v1/events/stream?topic=Bad`, { headers: admin })).status, 400)
    })

    it('a flash sale through two channels: one delta per channel and scope per interval, the exact end, out of stock within an interval', async () => {
      const intervalMs = 100
      const units = 3000
      await call('POST', '/v1/inventory/receipts', admin, { sku: 'HOT', node: 'ST-WH', quantity: units })
      await t.services.availability.catchUp()
      // Sequence numbers are shared by every channel's feed: start after the newest of both.
      const seqOf = async (channel: string) => Number((await call('GET', `/v1/channels/${channel}/availability?sku=HOT`, admin)).json().seq)
      const startSeq = Math.max(await seqOf('st-web'), await seqOf('st-app'))
      const projector = new Availability(t.services.db, t.services.clock, { events: t.services.events, catalogue: t.services.catalogue, promising: t.services.promising }, { intervalMs, timer: true })
      let lastSaleMs = 0
      let outMs = 0
      const saleStartMs = Date.now()
      try {
        const buyers = Array.from({ length: 8 }, (_, b) => (async () => {
          for (;;) {
            const res = await t.app.inject({ method: 'POST', url: '/v1/reservations', headers: admin, payload: { sku: 'HOT', node: 'ST-WH', quantity: 1, channel: b % 2 ? 'st-web' : 'st-app' } })
            if (res.statusCode !== 201) return res.statusCode
            lastSaleMs = Date.now()
          }
        })())
        assert.deepEqual(new Set(await Promise.all(buyers)), new Set([409]), 'sold out, never oversold')
        // Out of stock reaches the feed within an interval of the last unit (and the pass that runs in it).
        for (;;) {
          // A value the projector changes while the snapshot is read is left to the feed: then ask again.
          const value = (await call('GET', '/v1/channels/st-web/availability?sku=HOT&scope=channel', admin)).json().items[0]
          if (value?.status === 'out_of_stock') {
            outMs = Date.parse(value.changedAt)
            break
          }
          await new Promise((r) => setTimeout(r, 10))
          assert.ok(Date.now() - lastSaleMs < 5000, 'out of stock never arrived')
        }
        assert.ok(outMs - lastSaleMs <= intervalMs + 400, `out of stock ${outMs - lastSaleMs} ms after the last sale`)
      } finally {
        projector.stop()
        await projector.settle()
      }
      for (const channel of ['st-web', 'st-app']) {
        const deltas = (await call('GET', `/v1/channels/${channel}/availability/changes?after=${startSeq}&limit=500`, admin)).json().items
        assert.deepEqual(deltas.filter((d: { sku: string }) => d.sku === 'HOT').map((d: { status: string; quantity: number }) => [d.status, d.quantity]).at(-1), ['out_of_stock', 0])
      }
      // Every delta the sale made, from the outbox: at most one per channel and scope per pass, and no more than the interval's ticks.
      const { items } = await t.services.events.read({ after: 0, topics: ['availability.changed'], limit: 10_000 })
      const byKey = new Map<string, number[]>()
      for (const e of items) {
        const { channelId, values } = e.payload as { channelId: string; values: Array<{ skuId: string; scope: string; seq: number }> }
        for (const v of values) {
          if (v.seq <= startSeq) continue
          const key = `${channelId}|${v.skuId}|${v.scope}`
          byKey.set(key, [...(byKey.get(key) ?? []), Date.parse(e.at)])
        }
      }
      assert.equal(byKey.size, 4, `two channels, each with its channel and region scopes: ${[...byKey.keys()]}`)
      for (const [key, times] of byKey) {
        const passes = Math.ceil((outMs - saleStartMs) / intervalMs) + 2
        assert.ok(times.length <= passes, `${key}: ${times.length} deltas in ${outMs - saleStartMs} ms`)
        // One delta per pass (a pass stamps its deltas with its own time), and the passes run on the interval's ticks.
        times.slice(1).forEach((at, i) => assert.ok(at > times[i], `${key}: two deltas in one pass: ${times.map((t) => t - times[0])}`))
      }
    })
  })
}
