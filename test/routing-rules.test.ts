/**
 * The router and the working calendar as pure rules: a table per filter and per sort criterion,
 * the fallbacks when nothing fits, and properties over random orders — never a node without the
 * capability, never past a node's capacity, every candidate explained exactly once, the same
 * input gives the same plan.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { route, type CandidateNode, type LineOption, type LineRefusal, type RouteInput, type RoutingProfileBody } from '../src/routing/index.ts'
import { decideRoutingProfile, decideShipping } from '../src/routing/decide.ts'
import { haversineKm, zoneOf } from '../src/routing/geo.ts'
import { isWorkingDay, localNow, shipDayOf } from '../src/promising/index.ts'

const dayMs = 86_400_000
const today = Date.UTC(2030, 0, 7) // a Monday
const node = (code: string, over: Partial<CandidateNode> = {}): CandidateNode => ({
  id: `id-${code}`, code, region: 'east', capabilities: ['ship'], distanceKm: 100, costPerShipment: 1000, costPerUnit: 0, ...over,
})
const opt = (shipInDays = 1, over: Partial<LineOption<string>> = {}): LineOption<string> => ({
  ok: true, readyDayMs: today, earliestShipDayMs: today + shipInDays * dayMs, shipDayMs: today + shipInDays * dayMs,
  deliverDayMs: today + (shipInDays + 1) * dayMs, capacityLeft: { lines: null, units: null }, stockLeft: 10, plan: 'plan', ...over,
})
const none: LineRefusal<string> = { ok: false, code: 'insufficient_stock', refusal: 'none here' }
const profile = (over: Partial<RoutingProfileBody> = {}): RoutingProfileBody => ({
  filters: [{ kind: 'capability' }], sort: [{ kind: 'earliest_delivery' }], maxSplits: null, splitPenalty: 0, whenNothingFits: 'refuse', ...over,
})
function input(nodes: CandidateNode[], lines: Array<Array<LineOption<string> | LineRefusal<string>>>, p: Partial<RoutingProfileBody> = {}, region: string | null = 'east'): RouteInput<string, string> {
  const byRef = new Map(nodes.flatMap((n) => [[n.id, n.id], [n.code, n.id]]))
  return { profile: profile(p), capability: 'ship', region, todayMs: today, nodes, lines: lines.map((options) => ({ quantity: 1, options })), resolve: (r) => byRef.get(r) }
}
/** The codes of the nodes each line went to. */
function chosen(i: RouteInput<string, string>): string[] {
  const r = route(i)
  assert.ok(r.ok, `routed: ${JSON.stringify(r)}`)
  return r.value.assignment.map((a) => i.nodes[a.node].code)
}
describe('routing filters', () => {
  const A = node('A')
  const B = node('B', { distanceKm: 900 })
  it('capability: a node that cannot ship is removed, whatever the profile lists', () => {
    const i = input([node('A', { capabilities: ['pickup'] }), B], [[opt(0), opt(3)]], { filters: [] })
    assert.deepEqual(chosen(i), ['B'])
    const r = route(i)
    assert.ok(r.ok)
    assert.equal(r.value.explanation.candidates[0].removed?.filter, 'capability')
  })
  it('in_region: nodes outside the delivery region are removed', () => {
    const i = input([node('A', { region: 'north' }), B], [[opt(0), opt(3)]], { filters: [{ kind: 'in_region' }] })
    assert.deepEqual(chosen(i), ['B'])
    const r = route(i)
    assert.ok(r.ok && r.value.explanation.candidates[0].removed?.filter === 'in_region')
  })
  it('capacity_left: a node full on its earliest day is passed over; without the filter it is promised later', () => {
    const full = opt(1, { shipDayMs: today + 3 * dayMs, deliverDayMs: today + 4 * dayMs })
    const sort = [{ kind: 'distance' as const }]
    assert.deepEqual(chosen(input([A, B], [[full, opt(1)]], { filters: [{ kind: 'capacity_left' }], sort })), ['B'])
    assert.deepEqual(chosen(input([A, B], [[full, opt(1)]], { filters: [], sort })), ['A'], 'closest, a later promise')
    const r = route(input([A, B], [[full, opt(1)]], { filters: [{ kind: 'capacity_left' }], sort }))
    assert.ok(r.ok && r.value.explanation.candidates[0].removed?.filter === 'capacity_left')
  })
  it('available_within: supply ready after the window is not used', () => {
    const late = opt(11, { readyDayMs: today + 10 * dayMs })
    assert.deepEqual(chosen(input([A, B], [[late, opt(2)]], { filters: [{ kind: 'available_within', days: 7 }], sort: [{ kind: 'distance' }] })), ['B'])
    assert.deepEqual(chosen(input([A, B], [[late, opt(2)]], { filters: [{ kind: 'available_within', days: null }], sort: [{ kind: 'distance' }] })), ['A'])
  })
  it('priority_groups: the first group that can fulfil the order is used, else the next', () => {
    const groups = { filters: [{ kind: 'priority_groups' as const, groups: [['B'], ['A']] }] }
    assert.deepEqual(chosen(input([A, B], [[opt(0), opt(5)]], groups)), ['B'])
    assert.deepEqual(chosen(input([A, B], [[opt(0), none]], groups)), ['A'], 'group 1 cannot')
    const r = route(input([A, B], [[opt(0), opt(5)]], groups))
    assert.ok(r.ok && r.value.explanation.candidates[0].removed?.filter === 'priority_groups')
  })
})

describe('routing sort criteria', () => {
  it('earliest_delivery, ties to the channel order', () => {
    assert.deepEqual(chosen(input([node('A'), node('B')], [[opt(3), opt(1)]])), ['B'])
    assert.deepEqual(chosen(input([node('A'), node('B')], [[opt(1), opt(1)]])), ['A'])
  })
  it('distance: the nearest node', () => {
    assert.deepEqual(chosen(input([node('A', { distanceKm: 500 }), node('B', { distanceKm: 20 })], [[opt(1), opt(2)]], { sort: [{ kind: 'distance' }] })), ['B'])
  })
  it('fewest_shipments keeps an order together that earliest delivery (the last line\'s) would split', () => {
    const lines = [[opt(3), opt(1)], [opt(1), none]]
    assert.deepEqual(chosen(input([node('A'), node('B')], lines, { sort: [{ kind: 'earliest_delivery' }] })), ['B', 'A'])
    assert.deepEqual(chosen(input([node('A'), node('B')], lines, { sort: [{ kind: 'fewest_shipments' }, { kind: 'earliest_delivery' }] })), ['A', 'A'])
  })
  it('lowest_cost counts shipping, pick/pack per unit and the split penalty', () => {
    const nodes = [node('A', { costPerShipment: 1500 }), node('B', { costPerShipment: 600 })]
    const lines = [[opt(1), opt(1)], [opt(1), none]]
    // Split: B for line 1 (600) + A for line 2 (1500) + penalty; together at A: 1500.
    assert.deepEqual(chosen(input(nodes, lines, { sort: [{ kind: 'lowest_cost' }], splitPenalty: 0 })), ['A', 'A'])
    assert.deepEqual(chosen(input([node('A', { costPerShipment: 1500 }), node('B', { costPerShipment: 100 })], [[opt(1), opt(1)]], { sort: [{ kind: 'lowest_cost' }] })), ['B'])
    assert.deepEqual(chosen(input([node('A', { costPerUnit: 50 }), node('B', { costPerUnit: 5 })], [[opt(1), opt(1)]], { sort: [{ kind: 'lowest_cost' }] })), ['B'])
  })
  it('priority: the explicit list, unlisted nodes last', () => {
    const i = input([node('A'), node('B'), node('C')], [[opt(1), opt(1), opt(1)]], { sort: [{ kind: 'priority', nodes: ['C', 'B'] }] })
    assert.deepEqual(chosen(i), ['C'])
  })
  it('most_stock: the node with most units left', () => {
    assert.deepEqual(chosen(input([node('A'), node('B')], [[opt(1, { stockLeft: 2 }), opt(1, { stockLeft: 40 })]], { sort: [{ kind: 'most_stock' }] })), ['B'])
  })
  it('says why the plan won in words naming the runner-up', () => {
    const r = route(input([node('A'), node('B')], [[opt(3), opt(1)]]))
    assert.ok(r.ok)
    assert.match(r.value.explanation.why, /^B wins on the earliest delivery: 2030-01-09 against 2030-01-11 for A\.$/)
    assert.deepEqual(r.value.explanation.candidates.map((c) => [c.code, c.rank]), [['A', 2], ['B', 1]])
  })
})

describe('routing when nothing fits', () => {
  const lines = [[opt(1), none], [none, opt(1)]]
  it('refuses, backorders or holds as the profile says', () => {
    const refused = route(input([node('A'), node('B')], lines, { maxSplits: 0 }))
    assert.equal(refused.ok, false)
    assert.ok(!refused.ok && refused.kind === 'no_route')
    const backorder = route(input([node('A'), node('B')], lines, { maxSplits: 0, whenNothingFits: 'backorder' }))
    assert.ok(backorder.ok && backorder.value.outcome === 'backorder')
    const hold = route(input([node('A', { region: 'north' })], [[opt(1)]], { filters: [{ kind: 'in_region' }], whenNothingFits: 'hold' }))
    assert.ok(hold.ok && hold.value.outcome === 'hold')
    assert.match(hold.value.explanation.why, /held for a person/)
  })
  it('a line no node can take is refused with the allocation refusals, even under a fallback', () => {
    const r = route(input([node('A'), node('B')], [[opt(1), opt(1)], [none, none]], { whenNothingFits: 'backorder' }))
    assert.ok(!r.ok && r.kind === 'no_supply' && r.line === 2 && r.refusals.length === 2 && r.refusals.every((x) => x.code === 'insufficient_stock'))
  })
  it('a fallback still never uses a node without the capability', () => {
    const r = route(input([node('A', { capabilities: ['pickup'] })], [[opt(1)]], { whenNothingFits: 'backorder' }))
    assert.ok(!r.ok && r.kind === 'no_route')
  })
})

describe('routing properties', () => {
  const capabilitySets = [['ship'], ['pickup'], ['ship', 'pickup'], []]
  const arbitraryOrder = fc.record({
    nodes: fc.array(fc.record({
      caps: fc.constantFrom(...capabilitySets), region: fc.constantFrom('east', 'north'), distanceKm: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      costPerShipment: fc.integer({ min: 0, max: 2000 }), costPerUnit: fc.integer({ min: 0, max: 50 }),
      linesLeft: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    }), { minLength: 1, maxLength: 8 }),
    lines: fc.array(fc.record({
      quantity: fc.integer({ min: 1, max: 5 }),
      options: fc.array(fc.option(fc.record({ ship: fc.integer({ min: 0, max: 10 }), full: fc.boolean(), delay: fc.integer({ min: 0, max: 3 }), stock: fc.integer({ min: 0, max: 50 }) }), { nil: null }), { minLength: 8, maxLength: 8 }),
    }), { minLength: 1, maxLength: 5 }),
    filters: fc.subarray(['in_region', 'capacity_left', 'available_within'] as const),
    sort: fc.shuffledSubarray(['earliest_delivery', 'fewest_shipments', 'lowest_cost', 'distance', 'most_stock'] as const, { minLength: 1 }),
    maxSplits: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    whenNothingFits: fc.constantFrom('backorder' as const, 'hold' as const, 'refuse' as const),
  })
  type Order = typeof arbitraryOrder extends fc.Arbitrary<infer T> ? T : never
  const inputOf = (o: Order): RouteInput<string, string> => {
    const nodes = o.nodes.map((n, k) => node(`N${k}`, { capabilities: n.caps, region: n.region, distanceKm: n.distanceKm, costPerShipment: n.costPerShipment, costPerUnit: n.costPerUnit }))
    const i = input(nodes, [], {
      filters: o.filters.map((kind) => (kind === 'available_within' ? { kind, days: 5 } : { kind })),
      sort: o.sort.map((kind) => ({ kind })), maxSplits: o.maxSplits, whenNothingFits: o.whenNothingFits,
    })
    i.lines = o.lines.map((l) => ({
      quantity: l.quantity,
      options: nodes.map((_n, k) => {
        const x = l.options[k]
        if (!x) return none
        const earliest = today + x.ship * dayMs
        // A node with a limit may be full on the line's earliest day; it has the same lines left on any later day.
        const linesLeft = o.nodes[k].linesLeft
        const ship = linesLeft !== null && x.full ? earliest + (x.delay + 1) * dayMs : earliest
        return opt(0, { readyDayMs: today + Math.max(0, x.ship - 1) * dayMs, earliestShipDayMs: earliest, shipDayMs: ship, deliverDayMs: ship + dayMs, capacityLeft: { lines: linesLeft, units: null }, stockLeft: x.stock })
      }),
    }))
    return i
  }

  it('never a node without the capability; never past its capacity; every candidate explained once; the same input, the same plan', () => {
    fc.assert(fc.property(arbitraryOrder, (o) => {
      const i = inputOf(o)
      const r = route(i)
      const again = route({ ...structuredClone({ ...i, resolve: undefined }), resolve: i.resolve })
      assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(r)), 'deterministic')
      const explanation = r.ok ? r.value.explanation : r.explanation
      assert.deepEqual(explanation.candidates.map((c) => c.node), i.nodes.map((n) => n.id), 'every candidate once, in order')
      for (const c of explanation.candidates) assert.ok((c.removed === null) === (c.rank !== null), 'removed, or ranked')
      if (!r.ok) return
      const used = new Map<string, number>()
      r.value.assignment.forEach(({ node: n, option }, line) => {
        assert.ok(i.nodes[n].capabilities.includes('ship'), 'has the capability')
        assert.ok(i.lines[line].options[n].ok, 'the node can take the line')
        const key = `${n}|${option.shipDayMs}`
        used.set(key, (used.get(key) ?? 0) + 1)
        if (option.capacityLeft.lines !== null) assert.ok(used.get(key)! <= option.capacityLeft.lines, 'within capacity')
      })
      if (r.value.outcome === 'routed' && o.maxSplits !== null) assert.ok(new Set(r.value.assignment.map((a) => a.node)).size <= o.maxSplits + 1, 'within the splits allowed')
    }), { numRuns: 400 })
  })
})

describe('working calendar', () => {
  const utc = { timeZone: 'UTC', cutoffs: {}, closedWeekdays: [], closedDates: [] }
  const at = (iso: string) => Date.parse(iso)
  it('reads today and the time in the node\'s zone', () => {
    assert.deepEqual(localNow(at('2030-01-07T17:30:00Z'), 'Asia/Shanghai'), { dayMs: Date.UTC(2030, 0, 8), minutes: 90 })
    assert.deepEqual(localNow(at('2030-01-07T17:30:00Z'), 'UTC'), { dayMs: Date.UTC(2030, 0, 7), minutes: 1050 })
  })
  it('after the cut-off, work starts the next working day', () => {
    const c = { ...utc, timeZone: 'Asia/Shanghai', cutoffs: { ship: '16:00' } }
    // 15:00 and 17:00 in Shanghai on Monday 2030-01-07.
    assert.equal(shipDayOf(c, 'ship', 0, Date.UTC(2030, 0, 7), at('2030-01-07T07:00:00Z')), Date.UTC(2030, 0, 7))
    assert.equal(shipDayOf(c, 'ship', 0, Date.UTC(2030, 0, 7), at('2030-01-07T09:00:00Z')), Date.UTC(2030, 0, 8))
    assert.equal(shipDayOf(c, 'pickup', 0, Date.UTC(2030, 0, 7), at('2030-01-07T09:00:00Z')), Date.UTC(2030, 0, 7), 'the cut-off is per capability')
  })
  it('closed days are skipped, handling counts working days, full days are skipped', () => {
    const c = { ...utc, closedWeekdays: [0, 6], closedDates: ['2030-01-14'] }
    const friday = Date.UTC(2030, 0, 11)
    assert.equal(isWorkingDay(c, friday + dayMs), false)
    assert.equal(shipDayOf(c, 'ship', 1, friday, at('2030-01-11T10:00:00Z')), Date.UTC(2030, 0, 15), 'Friday + 1 working day: not the weekend, not the holiday')
    assert.equal(shipDayOf(c, 'ship', 0, friday + dayMs, at('2030-01-11T10:00:00Z')), Date.UTC(2030, 0, 15), 'ready on Saturday: the next working day')
    const full = new Set([Date.UTC(2030, 0, 15), Date.UTC(2030, 0, 16)])
    assert.equal(shipDayOf(c, 'ship', 1, friday, at('2030-01-11T10:00:00Z'), (d) => full.has(d)), Date.UTC(2030, 0, 17))
    assert.equal(shipDayOf(utc, 'ship', 1, today, today + 3_600_000), today + dayMs, 'the default: ready today, ships tomorrow')
  })
})

describe('profile and zone checks', () => {
  const knows = (ref: string) => ['WH-E', 'WH-N'].includes(ref)
  const refused = (body: unknown) => {
    const r = decideRoutingProfile(body, knows)
    assert.ok(!r.ok, JSON.stringify(body))
    return r.extra?.field
  }
  it('refuses what cannot route, naming the field', () => {
    assert.equal(refused({ filters: [], sort: [] }), 'sort')
    assert.equal(refused({ filters: [{ kind: 'teleport' }], sort: [{ kind: 'distance' }] }), 'filters[0]')
    assert.equal(refused({ filters: [{ kind: 'in_region' }, { kind: 'in_region' }], sort: [{ kind: 'distance' }] }), 'filters[1]')
    assert.equal(refused({ filters: [{ kind: 'priority_groups', groups: [['WH-X']] }], sort: [{ kind: 'distance' }] }), 'filters[0].groups')
    assert.equal(refused({ filters: [], sort: [{ kind: 'priority', nodes: ['WH-E', 'nope'] }] }), 'sort[0].nodes')
    assert.equal(refused({ filters: [], sort: [{ kind: 'distance' }], maxSplits: -1 }), 'maxSplits')
    assert.equal(refused({ filters: [], sort: [{ kind: 'distance' }], whenNothingFits: 'pray' }), 'whenNothingFits')
    const ok = decideRoutingProfile({ filters: [{ kind: 'available_within', days: 3, extra: 1 }], sort: [{ kind: 'priority', nodes: ['WH-N'] }] }, knows)
    assert.ok(ok.ok)
    assert.deepEqual(ok.value, { filters: [{ kind: 'available_within', days: 3 }], sort: [{ kind: 'priority', nodes: ['WH-N'] }], maxSplits: null, splitPenalty: 0, whenNothingFits: 'refuse' })
  })
  it('zones: the exact pair first, then wildcards; distances by haversine', () => {
    const zones = decideShipping({ regions: [], zones: [
      { from: '*', to: '*', serviceLevel: 'standard', transitDays: 4, cost: 1500 },
      { from: 'east', to: 'east', serviceLevel: 'standard', transitDays: 1, cost: 500 },
      { from: '*', to: 'north', serviceLevel: 'standard', transitDays: 2, cost: 900 },
    ] })
    assert.ok(zones.ok)
    assert.equal(zoneOf(zones.value, 'east', 'east', 'standard')?.transitDays, 1)
    assert.equal(zoneOf(zones.value, 'east', 'north', 'standard')?.transitDays, 2)
    assert.equal(zoneOf(zones.value, 'south', 'west', 'standard')?.transitDays, 4)
    assert.equal(zoneOf(zones.value, 'east', 'east', 'express'), undefined)
    assert.ok(!decideShipping({ zones: [{ from: 'a', to: 'b', serviceLevel: 'standard', transitDays: 1, cost: 1 }, { from: 'a', to: 'b', serviceLevel: 'standard', transitDays: 2, cost: 1 }] }).ok, 'a pair twice')
    const km = haversineKm({ latitude: 31.23, longitude: 121.47 }, { latitude: 39.9, longitude: 116.4 })
    assert.ok(km > 1050 && km < 1080, `Shanghai–Beijing ≈ 1,067 km: ${km}`)
  })
})
