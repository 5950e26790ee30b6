/**
 * The router: given every candidate node's facts and every line's option at each node (already
 * evaluated against stock, supply, the calendar and capacity), it applies the profile's filters,
 * builds the plans worth comparing (each single node that can take the whole order, each line at
 * its own best node, and the greedy cover that needs fewest shipments), compares them on the
 * sort criteria in order (first difference wins; the channel's node order breaks ties), and
 * explains the choice: every candidate once, with the filter that removed it or its scores and
 * rank. Pure and deterministic: the same input gives the same plan and the same explanation.
 */
import type { RoutingFilter, RoutingProfileBody, SortCriterion } from './model.ts'

export interface CandidateNode {
  id: string
  code: string
  region: string
  /** What it can do: `ship`, `pickup`… (already completed with its kind's defaults). */
  capabilities: readonly string[]
  /** Kilometres to the delivery point (null: no coordinates on either side). */
  distanceKm: number | null
  /** Shipping to the destination (zones) plus pick/pack per shipment, in minor units. */
  costPerShipment: number
  costPerUnit: number
}

/** A line at a node that can take it. */
export interface LineOption<P> {
  ok: true
  /** The day its units are ready (stock: today), as a day value. */
  readyDayMs: number
  /** The day it would ship with capacity ignored; and with full days skipped (null: none within the horizon). */
  earliestShipDayMs: number
  shipDayMs: number | null
  deliverDayMs: number | null
  /** Lines and units the node can still take on `shipDayMs` (null: no limit). */
  capacityLeft: { lines: number | null; units: number | null }
  /** Sellable units left at the node after this line. */
  stockLeft: number
  /** What the caller applies if this option is chosen. */
  plan: P
}

/** A line a node cannot take: no stock or supply it may sell (the allocation's refusal). */
export interface LineRefusal<F> {
  ok: false
  code: string
  refusal: F
}

export interface RouteLine<P, F> {
  quantity: number
  /** One per candidate node, in the same order as `nodes`. */
  options: Array<LineOption<P> | LineRefusal<F>>
}

export interface RouteInput<P, F> {
  profile: RoutingProfileBody
  /** `ship`, or `pickup` for an order collected in store. */
  capability: string
  region: string | null
  todayMs: number
  /** Candidates in the channel's order (the last tie-break). */
  nodes: CandidateNode[]
  lines: Array<RouteLine<P, F>>
  /** Node ids (resolved from the profile's ids or codes) of each priority group, and of the priority list. */
  resolve: (ref: string) => string | undefined
}

export interface Removal {
  filter: RoutingFilter['kind'] | 'no_supply'
  reason: string
  /** 1-based, when the filter removed the node for one line only. */
  line?: number
}

export interface CandidateExplanation {
  node: string
  code: string
  /** Set when the node can take none of the order's lines: the first filter that removed it. */
  removed: Removal | null
  /** Lines (1-based) the node could take, and why it was passed over for the others. */
  lines: number[]
  passedOver: Removal[]
  /** The node's values on each criterion for the lines it could take (null when removed). */
  scores: Record<string, number | null> | null
  /** 1 = best, among the nodes not removed, on the criteria in order. */
  rank: number | null
}

export interface PlanExplanation {
  shipments: Array<{ node: string; code: string; lines: number[] }>
  scores: Record<string, number | null>
}

export type Outcome = 'routed' | 'backorder' | 'hold'

export interface Explanation {
  capability: string
  region: string | null
  criteria: string[]
  candidates: CandidateExplanation[]
  /** The plans compared, best first (at most five). */
  plans: PlanExplanation[]
  /** Why the chosen plan won, in words. */
  why: string
  outcome: Outcome
}

export interface Routed<P> {
  /** Per line, the index of its node in `nodes` and the option applied. */
  assignment: Array<{ node: number; option: LineOption<P> }>
  outcome: Outcome
  explanation: Explanation
}

export type RouteResult<P, F> =
  | { ok: true; value: Routed<P> }
  /** No node can take some line at all: the allocation refusal nearest to working (the caller's rule). */
  | { ok: false; kind: 'no_supply'; line: number; refusals: Array<LineRefusal<F>>; explanation: Explanation }
  /** Lines could be taken, but the profile's filters leave no plan and it says refuse. */
  | { ok: false; kind: 'no_route'; explanation: Explanation }

/** `pickup` is also spelled `bopis`. */
export function hasCapability(node: Pick<CandidateNode, 'capabilities'>, capability: string): boolean {
  return node.capabilities.includes(capability) || (capability === 'pickup' && node.capabilities.includes('bopis'))
}

const day = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString().slice(0, 10))

interface Plan {
  /** Node index per line. */
  nodes: number[]
  scores: number[]
  key: string
}

export function route<P, F>(input: RouteInput<P, F>): RouteResult<P, F> {
  const { nodes, lines, profile } = input
  const criteria = profile.sort.map((c) => c.kind)
  // 1. Which line may go to which node, and why not.
  const kept = filterCandidates(input)
  const anyOption = lines.map((l) => l.options.some((o) => o.ok))
  const unsupplied = anyOption.indexOf(false)
  if (unsupplied >= 0) {
    const explanation = explain(input, kept, [], 'routed', `Line ${unsupplied + 1} cannot be promised from any node.`)
    const refusals = lines[unsupplied].options.flatMap((o) => (o.ok ? [] : [o]))
    return { ok: false, kind: 'no_supply', line: unsupplied + 1, refusals, explanation }
  }
  let outcome: Outcome = 'routed'
  let plans = plansOf(input, kept.allowed)
  if (plans.length === 0) {
    if (profile.whenNothingFits === 'refuse') {
      return { ok: false, kind: 'no_route', explanation: explain(input, kept, [], 'routed', 'No plan passes the routing profile\'s filters, and the profile refuses such orders.') }
    }
    // Backorder or hold: every node with the capability that can take the line, filters aside.
    outcome = profile.whenNothingFits
    const capable = lines.map((l) => l.options.map((o, n) => o.ok && o.shipDayMs !== null && hasCapability(nodes[n], input.capability)))
    plans = plansOf({ ...input, profile: { ...profile, maxSplits: null } }, capable)
    if (plans.length === 0) {
      return { ok: false, kind: 'no_route', explanation: explain(input, kept, [], 'routed', `No node with the '${input.capability}' capability can take every line.`) }
    }
  }
  plans.sort(comparePlans)
  const best = plans[0]
  const why = whyOf(input, best, plans[1], criteria, outcome)
  const assignment = best.nodes.map((n, i) => ({ node: n, option: lines[i].options[n] as LineOption<P> }))
  return { ok: true, value: { assignment, outcome, explanation: explain(input, kept, plans, outcome, why) } }
}

interface Kept {
  /** allowed[line][node] */
  allowed: boolean[][]
  removed: Array<Removal | null>
  passedOver: Removal[][]
}

/** Applies the filters in the profile's order; the capability filter always applies, first. */
function filterCandidates<P, F>(input: RouteInput<P, F>): Kept {
  const { nodes, lines, profile } = input
  const removed: Array<Removal | null> = nodes.map(() => null)
  const passedOver: Removal[][] = nodes.map(() => [])
  const allowed = lines.map((l) => l.options.map((o) => o.ok))
  const filters: RoutingFilter[] = [{ kind: 'capability' }, ...profile.filters.filter((f) => f.kind !== 'capability')]
  const removeNode = (n: number, r: Removal) => {
    if (removed[n]) return
    removed[n] = r
    for (const row of allowed) row[n] = false
  }
  const removeLine = (n: number, i: number, r: Removal) => {
    if (!allowed[i][n]) return
    allowed[i][n] = false
    passedOver[n].push({ ...r, line: i + 1 })
  }
  for (const filter of filters) {
    if (filter.kind === 'priority_groups') continue // applied last, over what the others left
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]
      if (filter.kind === 'capability' && !hasCapability(node, input.capability)) removeNode(n, { filter: 'capability', reason: `${node.code} cannot ${input.capability === 'pickup' ? 'hand orders over for pickup' : `'${input.capability}'`}.` })
      if (filter.kind === 'in_region' && input.region !== null && node.region !== input.region) removeNode(n, { filter: 'in_region', reason: `${node.code} is in ${node.region}, the delivery is to ${input.region}.` })
      for (let i = 0; i < lines.length; i++) {
        const o = lines[i].options[n]
        if (!o.ok) continue
        if (filter.kind === 'capacity_left' && (o.shipDayMs === null || o.shipDayMs > o.earliestShipDayMs)) {
          removeLine(n, i, { filter: 'capacity_left', reason: `${node.code} is full on ${day(o.earliestShipDayMs)}.` })
        }
        if (filter.kind === 'available_within' && filter.days !== null && o.readyDayMs > input.todayMs + filter.days * 86_400_000) {
          removeLine(n, i, { filter: 'available_within', reason: `${node.code} has it ready on ${day(o.readyDayMs)}, after ${filter.days} days.` })
        }
      }
    }
  }
  for (let n = 0; n < nodes.length; n++) {
    for (let i = 0; i < lines.length; i++) {
      const o = lines[i].options[n]
      if (!o.ok && !removed[n]) passedOver[n].push({ filter: 'no_supply', reason: `${nodes[n].code} cannot promise it (${o.code}).`, line: i + 1 })
      else if (o.ok && o.shipDayMs === null && allowed[i][n]) removeLine(n, i, { filter: 'capacity_left', reason: `${nodes[n].code} has no day with capacity left.` })
    }
  }
  const groups = profile.filters.find((f): f is Extract<RoutingFilter, { kind: 'priority_groups' }> => f.kind === 'priority_groups')
  if (groups) applyGroups(input, groups.groups, allowed, removed)
  // A node left with no line is removed by what passed it over first.
  for (let n = 0; n < nodes.length; n++) {
    if (!removed[n] && allowed.every((row) => !row[n])) {
      removed[n] = passedOver[n][0] ?? { filter: 'no_supply', reason: `${nodes[n].code} can take none of the lines.` }
      passedOver[n] = []
    }
  }
  return { allowed, removed, passedOver }
}

/** Keeps only the first group (in order; then the nodes in no group) whose nodes can take every line. */
function applyGroups<P, F>(input: RouteInput<P, F>, groups: string[][], allowed: boolean[][], removed: Array<Removal | null>): void {
  const groupOf = input.nodes.map((node) => {
    const g = groups.findIndex((members) => members.some((ref) => input.resolve(ref) === node.id))
    return g < 0 ? groups.length : g
  })
  for (let g = 0; g <= groups.length; g++) {
    const inGroup = allowed.map((row) => row.map((a, n) => a && groupOf[n] === g))
    if (inGroup.every((row) => row.some(Boolean)) && plansOf(input, inGroup).length > 0) {
      for (let n = 0; n < input.nodes.length; n++) {
        if (groupOf[n] !== g && !removed[n]) {
          removed[n] = { filter: 'priority_groups', reason: `${g === groups.length ? 'the nodes in no group' : `group ${g + 1}`} can fulfil the order first.` }
          for (const row of allowed) row[n] = false
        }
      }
      return
    }
  }
}

/** The plans worth comparing: each node alone, each line at its best node, and the greedy fewest-shipments cover. */
function plansOf<P, F>(input: RouteInput<P, F>, allowed: boolean[][]): Plan[] {
  const { nodes, lines, profile } = input
  const byKey = new Map<string, Plan>()
  const add = (assigned: number[]) => {
    if (!fits(input, assigned)) return
    const key = assigned.join(',')
    if (!byKey.has(key)) byKey.set(key, { nodes: assigned, scores: scoresOf(input, assigned), key })
  }
  for (let n = 0; n < nodes.length; n++) if (allowed.every((row) => row[n])) add(lines.map(() => n))
  if (lines.length > 1 || byKey.size === 0) {
    // Each line at its own best node, as if it were an order of one line.
    const own = lines.map((_, i) => bestNodeFor(input, allowed, i, nodes.map((_n, k) => k)))
    if (own.every((n) => n >= 0)) add(own)
    const cover = greedyCover(input, allowed)
    if (cover) add(cover)
  }
  const most = profile.maxSplits === null ? Infinity : profile.maxSplits + 1
  return [...byKey.values()].filter((p) => new Set(p.nodes).size <= most)
}

/** The node (index) best for line i alone among `among`, or -1. */
function bestNodeFor<P, F>(input: RouteInput<P, F>, allowed: boolean[][], i: number, among: number[]): number {
  let best = -1
  let bestScores: number[] = []
  for (const n of among) {
    if (!allowed[i][n]) continue
    const assigned = input.lines.map((_l, k) => (k === i ? n : -1))
    const scores = scoresOf(input, assigned)
    if (best < 0 || compareScores(scores, bestScores) < 0) {
      best = n
      bestScores = scores
    }
  }
  return best
}

/** Fewest shipments, greedily: the node taking most of the lines left (ties to the better node for them), again until none is left. */
function greedyCover<P, F>(input: RouteInput<P, F>, allowed: boolean[][]): number[] | undefined {
  const assigned = input.lines.map(() => -1)
  for (;;) {
    const left = assigned.flatMap((n, i) => (n < 0 ? [i] : []))
    if (left.length === 0) return assigned
    let best = -1
    let bestCount = 0
    let bestScores: number[] = []
    for (let n = 0; n < input.nodes.length; n++) {
      const takes = left.filter((i) => allowed[i][n])
      if (takes.length === 0 || takes.length < bestCount) continue
      const scores = scoresOf(input, input.lines.map((_l, i) => (takes.includes(i) ? n : -1)))
      if (takes.length > bestCount || compareScores(scores, bestScores) < 0) {
        best = n
        bestCount = takes.length
        bestScores = scores
      }
    }
    if (best < 0) return undefined
    for (const i of left) if (allowed[i][best]) assigned[i] = best
  }
}

/** Whether the plan stays within each node's capacity left on each ship day (lines of this order together). */
function fits<P, F>(input: RouteInput<P, F>, assigned: number[]): boolean {
  const use = new Map<string, { lines: number; units: number; left: { lines: number | null; units: number | null } }>()
  for (let i = 0; i < assigned.length; i++) {
    const o = input.lines[i].options[assigned[i]]
    if (!o.ok || o.shipDayMs === null) return false
    const key = `${assigned[i]}|${o.shipDayMs}`
    const u = use.get(key) ?? { lines: 0, units: 0, left: o.capacityLeft }
    u.lines += 1
    u.units += input.lines[i].quantity
    use.set(key, u)
    if ((u.left.lines !== null && u.lines > u.left.lines) || (u.left.units !== null && u.units > u.left.units)) return false
  }
  return true
}

/** A plan's value on each criterion (lower is better); lines not assigned (-1) are left out. */
function scoresOf<P, F>(input: RouteInput<P, F>, assigned: number[]): number[] {
  const used = [...new Set(assigned.filter((n) => n >= 0))]
  return input.profile.sort.map((c) => scoreOn(input, c, assigned, used))
}

function scoreOn<P, F>(input: RouteInput<P, F>, c: SortCriterion, assigned: number[], used: number[]): number {
  const { nodes, lines } = input
  const option = (i: number) => lines[i].options[assigned[i]] as LineOption<P>
  switch (c.kind) {
    case 'earliest_delivery':
      return assigned.reduce((latest, n, i) => (n < 0 ? latest : Math.max(latest, option(i).deliverDayMs ?? Infinity)), 0)
    case 'fewest_shipments':
      return used.length
    case 'lowest_cost': {
      let cost = Math.max(0, used.length - 1) * input.profile.splitPenalty
      for (const n of used) cost += nodes[n].costPerShipment
      assigned.forEach((n, i) => { if (n >= 0) cost += nodes[n].costPerUnit * lines[i].quantity })
      return cost
    }
    case 'distance':
      return used.reduce((far, n) => Math.max(far, nodes[n].distanceKm ?? 0), 0)
    case 'priority': {
      const ids = c.nodes.map((ref) => input.resolve(ref))
      return used.reduce((worst, n) => {
        const at = ids.indexOf(nodes[n].id)
        return Math.max(worst, at < 0 ? ids.length : at)
      }, 0)
    }
    case 'most_stock':
      return -assigned.reduce((sum, n, i) => (n < 0 ? sum : sum + option(i).stockLeft), 0)
  }
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1
  return 0
}

/** Scores first; then the channel's node order, line by line. */
function comparePlans(a: Plan, b: Plan): number {
  const byScores = compareScores(a.scores, b.scores)
  if (byScores !== 0) return byScores
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i] - b.nodes[i]
  return 0
}

const criterionWords: Record<SortCriterion['kind'], string> = {
  earliest_delivery: 'the earliest delivery', fewest_shipments: 'fewer shipments', lowest_cost: 'the lowest total cost',
  distance: 'the shortest distance', priority: 'the node priority list', most_stock: 'the most stock left',
}

function valueText(kind: SortCriterion['kind'], v: number | null): string {
  if (v === null) return '—'
  if (kind === 'earliest_delivery') return Number.isFinite(v) ? day(v) : 'never'
  if (kind === 'distance') return `${Math.round(v)} km`
  if (kind === 'most_stock') return `${-v} units`
  if (kind === 'priority') return `position ${v + 1}`
  return String(v)
}

function planText<P, F>(input: RouteInput<P, F>, p: Plan): string {
  return [...new Set(p.nodes)].map((n) => input.nodes[n].code).join(' + ')
}

function whyOf<P, F>(input: RouteInput<P, F>, best: Plan, runnerUp: Plan | undefined, criteria: Array<SortCriterion['kind']>, outcome: Outcome): string {
  const prefix = outcome === 'routed' ? '' : `Nothing passed the filters, so the order is placed ${outcome === 'hold' ? 'and held for a person to check' : 'as a backorder'} on the best supply. `
  if (!runnerUp) return `${prefix}${planText(input, best)} is the only plan that fits.`
  const k = best.scores.findIndex((s, i) => s !== runnerUp.scores[i])
  if (k < 0) return `${prefix}${planText(input, best)} and ${planText(input, runnerUp)} tie on every criterion; the channel's node order decides.`
  return `${prefix}${planText(input, best)} wins on ${criterionWords[criteria[k]]}: ${valueText(criteria[k], best.scores[k])} against ${valueText(criteria[k], runnerUp.scores[k])} for ${planText(input, runnerUp)}.`
}

function explain<P, F>(input: RouteInput<P, F>, kept: Kept, plans: Plan[], outcome: Outcome, why: string): Explanation {
  const criteria = input.profile.sort.map((c) => c.kind)
  const named = (values: readonly number[]) => Object.fromEntries(criteria.map((c, k) => [c, Number.isFinite(values[k]) ? values[k] : null]))
  const own = input.nodes.map((_node, n) => (kept.removed[n] ? null : scoresOf(input, input.lines.map((_l, i) => (kept.allowed[i][n] ? n : -1)))))
  const candidates: CandidateExplanation[] = input.nodes.map((node, n) => ({
    node: node.id, code: node.code, removed: kept.removed[n], lines: kept.allowed.flatMap((row, i) => (row[n] ? [i + 1] : [])),
    passedOver: kept.passedOver[n], scores: own[n] && named(own[n]), rank: null,
  }))
  // Rank among the nodes kept: more lines first, then the node's own scores, then the channel's order.
  const order = input.nodes.map((_node, n) => n).filter((n) => own[n] !== null)
    .sort((a, b) => candidates[b].lines.length - candidates[a].lines.length || compareScores(own[a]!, own[b]!) || a - b)
  order.forEach((n, r) => (candidates[n].rank = r + 1))
  return {
    capability: input.capability, region: input.region, criteria, candidates,
    plans: plans.slice(0, 5).map((p) => ({
      shipments: [...new Set(p.nodes)].map((n) => ({ node: input.nodes[n].id, code: input.nodes[n].code, lines: p.nodes.flatMap((m, i) => (m === n ? [i + 1] : [])) })),
      scores: named(p.scores),
    })),
    why, outcome,
  }
}
