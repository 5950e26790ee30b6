/** The analytics context's pure rules, table-driven: promise sources, age buckets, rates, pickup, dropship and returns measures and the inventory figures' edge cases. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { dropshipShipmentsNamed, project, sourceOf, type DailyDeltas, type SkuUnits } from '../src/analytics/decide.ts'
import { backordersOf, dailySeries, fulfilmentOf, inventoryOf, onTimeOf, periodOf, pickupReadyPercentile, presaleOf, returnsOf } from '../src/analytics/figures.ts'
import { projectReturns, returnsNamed, supplierUnitsOf } from '../src/analytics/returns.ts'
import { pickupReadyBucketOf, pickupReadyLastBucket, zeroCounters } from '../src/analytics/model.ts'

const dayMs = 86_400_000
const today = Date.UTC(2026, 10, 30)
const part = (source: string, kind: string, quantity = 1) => ({ source, kind: kind as never, quantity, availableAtMs: today })

describe('analytics rules', () => {
  it('classifies a line by what it waits for: presale first, then any future unit, else the shelf', () => {
    const cases: Array<[string, string | null, Parameters<typeof sourceOf>[1]['allocation'], string]> = [
      ['stock only', null, { stockQuantity: 2, parts: [part('stock', 'stock', 2)], unallocated: 0 }, 'stock'],
      ['virtual is shelf', null, { stockQuantity: 0, parts: [part('virtual', 'virtual')], unallocated: 0 }, 'stock'],
      ['stock and a PO', null, { stockQuantity: 1, parts: [part('stock', 'stock'), part('po_1', 'po_confirmed')], unallocated: 0 }, 'future'],
      ['a transfer', null, { stockQuantity: 0, parts: [part('tr_1', 'transfer')], unallocated: 0 }, 'future'],
      ['no supply yet', null, { stockQuantity: 0, parts: [], unallocated: 1 }, 'future'],
      ['campaign quota', null, { stockQuantity: 0, parts: [part('slot_c', 'presale')], unallocated: 0 }, 'presale'],
      ['a campaign order from stock', 'cmp_1', { stockQuantity: 1, parts: [part('stock', 'stock')], unallocated: 0 }, 'presale'],
    ]
    for (const [name, campaignId, allocation, expected] of cases) assert.equal(sourceOf({ campaignId }, { allocation }), expected, name)
  })

  it('counts a line shipped once, in the change that shipped its last unit, whatever the shipments it took', () => {
    const line = (lineNo: number, firstShipByMs: number) => ({
      lineNo, skuId: 's', nodeId: 'n', quantity: 2, unitPrice: 100, allocation: { stockQuantity: 2, parts: [part('stock', 'stock', 2)], unallocated: 0 },
      status: 'shipped', firstShipByMs, shipByMs: firstShipByMs, deliverByMs: null, placedAtMs: today, priorityClass: 0,
    })
    const order = { id: 'ord_1', channelId: 'web', campaignId: null, placedAtMs: today, lines: [line(1, today + dayMs), line(2, today)] } as never
    const at = (days: number) => new Date(today + days * dayMs).toISOString()
    const ship = (id: number, days: number, linesShipped?: number[]) => ({ id, topic: 'order.changed', subject: 'ord_1', at: at(days), payload: { orderId: 'ord_1', channelId: 'web', action: 'ship', ...(linesShipped && { linesShipped }) } })
    const { deltas } = project([ship(1, 1, [1]), ship(2, 1, [2])], new Map([['ord_1', order]]))
    const day = deltas.get(`${today + dayMs}|web`)!
    assert.deepEqual([day.linesShipped, day.unitsShipped, day.linesShippedPromised, day.linesShippedOnTime], [2, 4, 2, 1], 'line 1 on time, line 2 a day late')
    // An event from before lines were named: the whole order shipped at once.
    const legacy = project([ship(3, 0)], new Map([['ord_1', order]])).deltas.get(`${today}|web`)!
    assert.equal(legacy.linesShipped, 2)
  })

  it('buckets open backorders by whole days since placement, boundaries included', () => {
    const at = (days: number, lines = 1) => ({ placedDayMs: today - days * dayMs, lines, units: lines * 2 })
    const b = backordersOf([at(0), at(2), at(3), at(7, 2), at(8), at(14), at(15), at(30), at(31), at(400)], today)
    assert.deepEqual(b.buckets.map((x) => [x.label, x.lines, x.units]), [['0-2', 2, 4], ['3-7', 3, 6], ['8-14', 2, 4], ['15-30', 2, 4], ['31+', 2, 4]])
    assert.deepEqual(b.totals, { lines: 11, units: 22, oldestDays: 400 })
    assert.deepEqual(backordersOf([], today).totals, { lines: 0, units: 0, oldestDays: null })
  })

  it('has one series entry per day of the period, today included, and null rates where nothing was measured', () => {
    const { fromDayMs, toDayMs } = periodOf(today, 7)
    const series = dailySeries([{ ...zeroCounters(), dayMs: today, channelId: '', linesShipped: 2, linesShippedPromised: 2, linesShippedOnTime: 1 }], fromDayMs, toDayMs)
    assert.deepEqual(series.map((d) => d.day), ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'])
    const onTime = onTimeOf(series)
    assert.equal(onTime.totals.rate, 0.5)
    assert.equal(onTime.series[0].rate, null)
    assert.deepEqual(presaleOf(series).totals, { depositsPaid: 0, balancesPaid: 0, depositsForfeited: 0, conversionRate: null, forfeitRate: null })
  })

  it('gives turnover and days of supply only when their denominators exist', () => {
    const { fromDayMs, toDayMs } = periodOf(today, 7)
    const shipped = dailySeries([{ ...zeroCounters(), dayMs: today, channelId: '', unitsShipped: 14 }], fromDayMs, toDayMs)
    const none = dailySeries([], fromDayMs, toDayMs)
    const stock = { days: [{ dayMs: today - dayMs, onHand: 10 }, { dayMs: today, onHand: 30 }], latest: 30 }
    assert.deepEqual(inventoryOf(shipped, stock, 7).totals, { unitsShipped: 14, onHand: 30, averageOnHand: 20, turnover: 0.7, daysOfSupply: 15 })
    assert.deepEqual(inventoryOf(none, stock, 7).totals, { unitsShipped: 0, onHand: 30, averageOnHand: 20, turnover: 0, daysOfSupply: null })
    assert.deepEqual(inventoryOf(shipped, { days: [], latest: null }, 7).totals, { unitsShipped: 14, onHand: null, averageOnHand: null, turnover: null, daysOfSupply: null })
    assert.equal(inventoryOf(shipped, stock, 7).series.at(-1)!.onHand, 30)
    assert.equal(inventoryOf(shipped, stock, 7).series[0].onHand, null)
  })

  it('counts a pickup made ready with its time from its shipment’s creation, and one collected or expired on the day it ended', () => {
    const hourMs = 3_600_000
    const at = (ms: number) => new Date(ms).toISOString()
    const shipment = (id: number, shipmentId: string, action: string, status: string, atMs: number, channelId = 'web') =>
      ({ id, topic: 'shipment.changed', subject: shipmentId, at: at(atMs), payload: { shipmentId, orderId: `ord_${shipmentId}`, channelId, nodeId: 'st1', status, action, events: [] } })
    const created = new Map([['shp_1', today - 2 * hourMs], ['shp_2', today + hourMs], ['shp_3', today]])
    const { deltas, pickupReady, touchedOrderIds } = project([
      shipment(1, 'shp_1', 'create', 'created', today - 2 * hourMs),
      shipment(2, 'shp_1', 'ready', 'ready_for_pickup', today + 30 * 60_000), // 2.5 h after it was made, the day after
      shipment(3, 'shp_2', 'ready', 'ready_for_pickup', today + 1.1 * hourMs), // 6 minutes
      shipment(4, 'shp_3', 'ready', 'ready_for_pickup', today + 2 * hourMs, 'app'),
      shipment(5, 'shp_1', 'collect', 'collected', today + 3 * dayMs),
      shipment(6, 'shp_4', 'split', 'ready_for_pickup', today + 3 * dayMs), // the rest of a partial collection: not made ready again
      shipment(7, 'shp_2', 'expire', 'expired', today + 4 * dayMs),
      shipment(8, 'shp_5', 'expire', 'cancelled', today + 4 * dayMs), // an unpaid order expiring: no pickup ended
      shipment(9, 'shp_9', 'ready', 'ready_for_pickup', today), // a shipment not found: not counted
    ], new Map(), created)
    assert.deepEqual(touchedOrderIds, [], 'shipment events touch no backorders')
    const day = deltas.get(`${today}|web`)!
    assert.deepEqual([day.pickupsReady, day.pickupReadyMs, day.pickupsCollected, day.pickupsExpired], [2, 2.5 * hourMs + 0.1 * hourMs, 0, 0])
    assert.deepEqual([deltas.get(`${today}|app`)!.pickupsReady, deltas.get(`${today}|app`)!.pickupReadyMs], [1, 2 * hourMs])
    assert.equal(deltas.get(`${today + 3 * dayMs}|web`)!.pickupsCollected, 1)
    assert.equal(deltas.get(`${today + 4 * dayMs}|web`)!.pickupsExpired, 1)
    assert.deepEqual(pickupReady.map((r) => [r.dayMs === today, r.channelId, r.bucket, r.pickups]).sort(), [[true, 'app', 8, 1], [true, 'web', 0, 1], [true, 'web', 10, 1]])
  })

  it('buckets ready times by the quarter hour, the last bucket holding 30 days and more', () => {
    const cases: Array<[number, number]> = [[0, 0], [899_999, 0], [900_000, 1], [3_600_000, 4], [30 * dayMs - 1, pickupReadyLastBucket - 1], [30 * dayMs, pickupReadyLastBucket], [400 * dayMs, pickupReadyLastBucket], [-5, 0]]
    for (const [waitMs, bucket] of cases) assert.equal(pickupReadyBucketOf(waitMs), bucket, `${waitMs} ms`)
  })

  it('takes ready-time percentiles by nearest rank, at the upper edge of their bucket', () => {
    const b = (bucket: number, pickups: number) => ({ bucket, pickups })
    assert.equal(pickupReadyPercentile([], 0.5), null)
    assert.equal(pickupReadyPercentile([b(3, 0)], 0.5), null)
    // Ten pickups: the 5th fastest is the median, the 9th the 90th percentile.
    const ten = [b(8, 1), b(0, 2), b(2, 2), b(4, 4), b(40, 1)]
    assert.equal(pickupReadyPercentile(ten, 0.5), 1.25, 'the 5th is in bucket 4: at most 1¼ h')
    assert.equal(pickupReadyPercentile(ten, 0.9), 2.25, 'the 9th is in bucket 8')
    assert.equal(pickupReadyPercentile(ten, 1), 10.25)
    assert.equal(pickupReadyPercentile(ten, 0), 0.25, 'at least the fastest')
    assert.equal(pickupReadyPercentile([b(pickupReadyLastBucket, 1)], 0.5), 720, 'the last bucket answers its lower edge')
  })

  it('serves pickup ready time and expiry rate from the counters, null where nothing was measured', () => {
    const { fromDayMs, toDayMs } = periodOf(today, 7)
    const rows = [
      { ...zeroCounters(), dayMs: today - dayMs, channelId: '', pickupsReady: 2, pickupReadyMs: 5 * 3_600_000, pickupsCollected: 3, pickupsExpired: 1 },
      { ...zeroCounters(), dayMs: today, channelId: '', pickupsReady: 1, pickupReadyMs: 3_600_000, pickupsExpired: 1 },
    ]
    const f = fulfilmentOf(dailySeries(rows, fromDayMs, toDayMs), [{ bucket: 4, pickups: 1 }, { bucket: 9, pickups: 1 }, { bucket: 12, pickups: 1 }])
    const { pickupsReady, pickupReadyMeanHours, pickupReadyP50Hours, pickupReadyP90Hours, pickupsCollected, pickupsExpired, pickupExpiryRate } = f.totals
    assert.deepEqual({ pickupsReady, pickupReadyMeanHours, pickupReadyP50Hours, pickupReadyP90Hours, pickupsCollected, pickupsExpired, pickupExpiryRate },
      { pickupsReady: 3, pickupReadyMeanHours: 2, pickupReadyP50Hours: 2.5, pickupReadyP90Hours: 3.25, pickupsCollected: 3, pickupsExpired: 2, pickupExpiryRate: 0.4 })
    assert.deepEqual(f.series.at(-2), {
      day: '2026-11-29', fillRate: null, splitRate: null, deliveredOnTimeRate: null, linesDelivered: 0,
      pickupsReady: 2, pickupReadyMeanHours: 2.5, pickupsCollected: 3, pickupsExpired: 1, pickupExpiryRate: 0.25,
      dropshipRequests: 0, dropshipLinesRequested: 0, dropshipShipped: 0, dropshipShipMeanHours: null, dropshipLinesTurnedDown: 0, dropshipTurnDownRate: null,
    })
    assert.deepEqual([f.series[0].pickupReadyMeanHours, f.series[0].pickupExpiryRate, f.series.at(-1)!.pickupExpiryRate], [null, null, 1])
    const none = fulfilmentOf(dailySeries([], fromDayMs, toDayMs)).totals
    assert.deepEqual([none.pickupsReady, none.pickupReadyMeanHours, none.pickupReadyP50Hours, none.pickupReadyP90Hours, none.pickupExpiryRate], [0, null, null, null, null])
  })

  it('counts a dropship request when made, once when it first ships (with the time since made), and each line a supplier turned down', () => {
    const hourMs = 3_600_000
    const at = (ms: number) => new Date(ms).toISOString()
    const change = (id: number, shipmentId: string, nodeId: string, action: string, status: string, atMs: number, events: string[] = [], channelId = 'web') =>
      ({ id, topic: 'shipment.changed', subject: shipmentId, at: at(atMs), payload: { shipmentId, orderId: `ord_${shipmentId}`, channelId, nodeId, status, action, events } })
    const nodeIds = new Set(['ds1', 'ds2'])
    const made = (createdAtMs: number, linesMade: number, splitFromId: string | null = null, rerouted = false) => ({ createdAtMs, splitFromId, linesMade, rerouted })
    const shipments = new Map([
      ['shp_a', made(today, 2)], ['shp_b', made(today + hourMs, 3)], ['shp_c', made(today, 1, null)], ['shp_a2', made(today + 3 * hourMs, 0, 'shp_a')],
      ['shp_r', made(today + 4 * hourMs, 1, 'shp_w', true)], ['shp_x', made(today, 1)], ['shp_app', made(today, 4)],
    ])
    const events = [
      change(1, 'shp_a', 'ds1', 'create', 'created', today, ['created']),
      change(2, 'shp_b', 'ds2', 'create', 'created', today + hourMs, ['created']),
      change(3, 'shp_c', 'ds1', 'create', 'created', today, ['created']),
      change(4, 'shp_a', 'ds1', 'accept', 'accepted', today + 2 * hourMs, ['accepted']),
      change(5, 'shp_a2', 'ds1', 'split', 'accepted', today + 3 * hourMs, ['split_from']), // the rest of a partial shipment: not a request
      change(6, 'shp_a', 'ds1', 'ship', 'shipped', today + 3 * hourMs, ['shipped', 'split']), // 3 hours after it was made
      change(7, 'shp_a2', 'ds1', 'ship', 'shipped', today + dayMs, ['shipped']), // the rest shipping: the request counted already
      change(8, 'shp_b', 'ds2', 'reject_line', 'accepted', today + 2 * hourMs, ['line_rejected']),
      change(9, 'shp_b', 'ds2', 'reject_line', 'cancelled', today + 2 * hourMs, ['line_rejected', 'cancelled']),
      change(10, 'shp_r', 'ds2', 'reroute', 'released', today + 4 * hourMs, ['rerouted_from']), // a line re-routed here from a warehouse: a request of one line
      change(11, 'shp_c', 'ds1', 'ship', 'shipped', today + dayMs + 6 * hourMs, ['shipped_with_order']), // shipped with the whole order by the merchant
      change(12, 'shp_w', 'wh1', 'create', 'created', today, ['created']), // a warehouse's shipment: no request
      change(13, 'shp_w', 'wh1', 'reject_line', 'cancelled', today + 4 * hourMs, ['line_rejected', 'cancelled']),
      change(14, 'shp_x', 'ds1', 'cancel', 'cancelled', today + 5 * hourMs, ['cancelled']),
      change(15, 'shp_app', 'ds1', 'create', 'created', today, ['created'], 'app'),
      change(16, 'shp_gone', 'ds1', 'ship', 'shipped', today, ['shipped']), // a shipment not found: not counted
    ]
    assert.deepEqual(dropshipShipmentsNamed(events, nodeIds), ['shp_a', 'shp_b', 'shp_c', 'shp_a', 'shp_a2', 'shp_r', 'shp_c', 'shp_app', 'shp_gone'], 'made or shipped at a dropship node')
    const { deltas } = project(events, new Map(), new Map(), { nodeIds, shipments })
    const pick = (key: string) => {
      const d = deltas.get(key)!
      return [d.dropshipRequests, d.dropshipLinesRequested, d.dropshipShipped, d.dropshipShipMs, d.dropshipLinesTurnedDown]
    }
    assert.deepEqual(pick(`${today}|web`), [4, 7, 1, 3 * hourMs, 2])
    assert.deepEqual(pick(`${today + dayMs}|web`), [0, 0, 1, 30 * hourMs, 0])
    assert.deepEqual(pick(`${today}|app`), [1, 4, 0, 0, 0])
    assert.equal(project(events, new Map()).deltas.get(`${today}|web`)?.dropshipRequests ?? 0, 0, 'no dropship node known: nothing counted')
  })

  it('serves dropship ship time and turn-down rate from the counters, null where nothing was measured', () => {
    const hourMs = 3_600_000
    const { fromDayMs, toDayMs } = periodOf(today, 7)
    const rows = [
      { ...zeroCounters(), dayMs: today - dayMs, channelId: '', dropshipRequests: 3, dropshipLinesRequested: 5, dropshipShipped: 2, dropshipShipMs: 6 * hourMs, dropshipLinesTurnedDown: 1 },
      { ...zeroCounters(), dayMs: today, channelId: '', dropshipShipped: 1, dropshipShipMs: 3 * hourMs, dropshipLinesTurnedDown: 1 },
    ]
    const f = fulfilmentOf(dailySeries(rows, fromDayMs, toDayMs))
    const { dropshipRequests, dropshipLinesRequested, dropshipShipped, dropshipShipMeanHours, dropshipLinesTurnedDown, dropshipTurnDownRate } = f.totals
    assert.deepEqual({ dropshipRequests, dropshipLinesRequested, dropshipShipped, dropshipShipMeanHours, dropshipLinesTurnedDown, dropshipTurnDownRate },
      { dropshipRequests: 3, dropshipLinesRequested: 5, dropshipShipped: 3, dropshipShipMeanHours: 3, dropshipLinesTurnedDown: 2, dropshipTurnDownRate: 0.4 })
    const [yesterday, todays] = [f.series.at(-2)!, f.series.at(-1)!]
    assert.deepEqual([yesterday.dropshipShipMeanHours, yesterday.dropshipTurnDownRate, todays.dropshipShipMeanHours, todays.dropshipTurnDownRate], [3, 0.2, 3, null],
      'a day with turn-downs but no request made has no rate')
    const none = fulfilmentOf(dailySeries([], fromDayMs, toDayMs)).totals
    assert.deepEqual([none.dropshipRequests, none.dropshipShipped, none.dropshipShipMeanHours, none.dropshipLinesTurnedDown, none.dropshipTurnDownRate], [0, 0, null, 0, null])
  })

  describe('returns measures', () => {
    const at = (hours: number) => today + hours * 3_600_000
    const ret = {
      id: 'rma_1', orderId: 'ord_1', channelId: 'web', refundAmount: 18_000, refundRequestedAtMs: at(2),
      lines: [{ lineNo: 1, skuId: 'sku_a', reason: 'customer_remorse', unitPrice: 10_000 }, { lineNo: 2, skuId: 'sku_b', reason: 'defective', unitPrice: 4_000 }],
    } as never
    const event = (id: number, kind: string, hours: number, detail: Record<string, unknown> = {}) => ({ id, returnId: 'rma_1', kind, actor: 'ops', detail, atMs: at(hours) })
    const events = [
      event(1, 'opened', 0, { lines: [] }),
      event(2, 'received', 2, { lines: [{ lineNo: 1, quantity: 2 }, { lineNo: 2, quantity: 1 }] }),
      event(3, 'refund_requested', 2, { amount: 18_000 }),
      event(4, 'inspected', 3, { units: [
        { lineNo: 1, unitNo: 1, disposition: 'restock' }, { lineNo: 1, unitNo: 2, disposition: 'outlet' }, { lineNo: 2, unitNo: 1, disposition: 'return_to_vendor' },
      ] }),
      event(5, 'closed', 3),
      event(6, 'refunded', 26),
    ]

    it('counts each of a return’s events once, after the last one counted, on the day it happened', () => {
      const deltas: DailyDeltas = new Map()
      const skus: SkuUnits = new Map()
      const first = projectReturns(deltas, skus, [{ ret, events: events.slice(0, 3) }], new Map())
      assert.deepEqual(first.seen, [{ returnId: 'rma_1', afterEventId: 3 }])
      const second = projectReturns(deltas, skus, [{ ret, events }], new Map(first.seen.map((s) => [s.returnId, s.afterEventId])))
      assert.deepEqual(second.seen, [{ returnId: 'rma_1', afterEventId: 6 }])
      assert.deepEqual(projectReturns(deltas, skus, [{ ret, events }], new Map([['rma_1', 6]])), { reasons: [], seen: [] }, 'nothing new: nothing counted')
      const day1 = deltas.get(`${today}|web`)!
      assert.deepEqual([day1.returnsOpened, day1.returnUnits, day1.refundsRequested, day1.refundRequestedMinor], [1, 3, 1, 18_000])
      assert.deepEqual([day1.returnUnitsRestocked, day1.returnUnitsOutlet, day1.returnUnitsToVendor, day1.returnUnitsScrapped, day1.returnRecoveredMinor], [1, 1, 1, 0, 20_000],
        'restocked and outlet units recovered at their price; the vendor’s not')
      const day2 = deltas.get(`${today + dayMs}|web`)!
      assert.deepEqual([day2.refundsPaid, day2.refundPaidMinor, day2.refundTimeMs, day2.returnUnits], [1, 18_000, 24 * 3_600_000, 0], 'paid the next day, 24 hours after the request')
      assert.deepEqual([...skus.values()].map((u) => [u.key, u.unitsSold, u.unitsReturned]), [['sku_a', 0, 2], ['sku_b', 0, 1]])
      assert.deepEqual(first.reasons.map((r) => [r.reason, r.units]), [['customer_remorse', 2], ['defective', 1]])
    })

    it('ignores details it cannot read rather than miscounting them', () => {
      const deltas: DailyDeltas = new Map()
      const odd = [
        event(1, 'received', 0, { lines: [{ lineNo: 9, quantity: 1 }, { lineNo: 1, quantity: -1 }, { lineNo: 1, quantity: 1.5 }, 'x'] }),
        event(2, 'inspected', 0, { units: [{ lineNo: 1, disposition: 'teleport' }, { lineNo: 7, disposition: 'restock' }] }),
        event(3, 'refunded', 0),
      ]
      projectReturns(deltas, new Map(), [{ ret, events: odd }], new Map())
      const day = deltas.get(`${today}|web`)!
      assert.deepEqual([day.returnUnits, day.returnUnitsRestocked, day.returnRecoveredMinor, day.refundsPaid, day.refundPaidMinor, day.refundTimeMs], [0, 0, 0, 1, 18_000, 0],
        'a refund paid without its request event falls back on the return’s own record')
    })

    it('names each return a page of events changed once, and credits a SKU’s units to every supplier with terms for it', () => {
      const changed = (id: number, returnId: string) => ({ id, topic: 'return.changed', subject: returnId, at: new Date(today).toISOString(), payload: { returnId } })
      assert.deepEqual(returnsNamed([changed(1, 'rma_1'), changed(2, 'rma_2'), changed(3, 'rma_1'), { ...changed(4, 'x'), topic: 'order.changed' }]), ['rma_1', 'rma_2'])
      const rows = [
        { dayMs: today, channelId: 'web', key: 'sku_a', unitsSold: 3, unitsReturned: 1 },
        { dayMs: today, channelId: 'web', key: 'sku_b', unitsSold: 2, unitsReturned: 2 },
        { dayMs: today, channelId: 'web', key: 'sku_c', unitsSold: 5, unitsReturned: 0 },
      ]
      const suppliers = new Map([['sku_a', ['sup_1']], ['sku_b', ['sup_1', 'sup_2']]])
      assert.deepEqual(supplierUnitsOf(rows, suppliers).map((r) => [r.key, r.unitsSold, r.unitsReturned]), [['sup_1', 5, 3], ['sup_2', 2, 2]], 'sku_c has no supplier: counted for none')
    })

    it('serves return rate over units shipped, refund mean hours, the disposition mix and breakdowns, null where nothing was measured', () => {
      const series = dailySeries([
        { ...zeroCounters(), dayMs: today - dayMs, channelId: '', unitsShipped: 8, returnUnits: 2, returnsOpened: 1, refundsPaid: 1, refundTimeMs: 7_200_000, returnUnitsOutlet: 2, returnRecoveredMinor: 6_000 },
        { ...zeroCounters(), dayMs: today, channelId: '', returnUnits: 2, refundsPaid: 1, refundTimeMs: 3_600_000, returnUnitsScrapped: 1 },
      ], today - dayMs, today)
      const figures = returnsOf(series, {
        reasons: [{ reason: 'other', units: 0 }, { reason: 'defective', units: 1 }, { reason: 'customer_remorse', units: 3 }],
        skus: [{ id: 'sku_a', code: 'A', name: 'A', unitsSold: 0, unitsReturned: 1 }],
        suppliers: [],
        channels: [{ id: 'web', code: 'web', name: 'Web', counters: { ...zeroCounters(), unitsShipped: 8, returnUnits: 4 } }],
      })
      assert.deepEqual([figures.totals.unitsSold, figures.totals.unitsReturned, figures.totals.returnRate, figures.totals.refundMeanHours, figures.totals.recoveredMinor], [8, 4, 0.5, 1.5, 6_000])
      assert.deepEqual(figures.totals.dispositions, { restock: 0, outlet: 2, refurbish: 0, return_to_vendor: 0, scrap: 1 })
      assert.deepEqual(figures.series.map((d) => [d.returnRate, d.refundMeanHours]), [[0.25, 2], [null, 1]], 'returned with nothing sold that day: no rate')
      assert.deepEqual(figures.byReason, [{ reason: 'customer_remorse', units: 3, share: 0.75 }, { reason: 'defective', units: 1, share: 0.25 }])
      assert.equal(figures.bySku[0].returnRate, null, 'a SKU returned but not sold in the period')
      assert.deepEqual([figures.byChannel[0].returnRate, figures.byChannel[0].refundMeanHours], [0.5, null])
    })
  })
})
