/** The analytics context's pure rules, table-driven: promise sources, age buckets, rates and the inventory figures' edge cases. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { project, sourceOf } from '../src/analytics/decide.ts'
import { backordersOf, dailySeries, inventoryOf, onTimeOf, periodOf, presaleOf } from '../src/analytics/figures.ts'
import { zeroCounters } from '../src/analytics/model.ts'

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
})
