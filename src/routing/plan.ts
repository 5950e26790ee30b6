/**
 * Routing an order inside the reservation engine's batch. Before the batch, `orderRouting`
 * (service.ts) gathers what does not change under the locks: the profile, the candidates' facts,
 * calendars, transit and cost. In the batch, `loadCapacityInBatch` reads the capacity already
 * used on the candidates (once per node per batch), `lineOption` turns a line's allocation at a
 * node into its ship and delivery days, and `recordRouting` counts the chosen lines against
 * capacity and stages the decision with its explanation, in the same transaction as the order.
 */
import type { BatchLocal, BatchState, RowSink } from '../inventory/index.ts'
import type { Queryable } from '../store/db.ts'
import { insertMany } from '../store/sql.ts'
import { dayMs, shipDayOf, type WorkingCalendar } from '../promising/index.ts'
import type { DailyCapacity } from '../catalogue/index.ts'
import type { RoutingProfile } from './model.ts'
import type { CandidateNode, Explanation, LineOption, Routed } from './router.ts'

export interface NodeRouting {
  calendar: WorkingCalendar
  handlingDays: number
  transitDays: number
  /** The node's daily limit for the order's capability (null: none). */
  capacity: DailyCapacity | null
}

export interface OrderRouting {
  profile: RoutingProfile
  capability: string
  region: string | null
  nodes: CandidateNode[]
  /** Parallel to `nodes`. */
  facts: NodeRouting[]
  resolve: (ref: string) => string | undefined
  /** The channel's nodes left out before the batch: they hold none of the order's SKUs and expect none. */
  skipped: Array<{ id: string; code: string }>
  /** Told how long each routing decision took, in milliseconds (metrics, benchmarks). */
  observe?: (ms: number) => void
}

interface Usage { lines: number; units: number }

/** Capacity used per node × capability × day, as read in this batch and counted as its orders are routed. */
const capacityOfBatch: BatchLocal<{ used: Map<string, Usage>; loaded: Set<string>; serialised: boolean }> = {
  name: 'node capacity', init: () => ({ used: new Map(), loaded: new Set(), serialised: false }),
}

/**
 * On PostgreSQL, worker processes route at the same time: a batch that reads capacity holds this
 * transaction-scoped lock until it commits, so two batches never both take a node's last slot of
 * a day. Taken after the batch's position locks and before any capacity read, always in that
 * order, so it cannot deadlock with them. (SQLite's write transactions are serialised already.)
 */
const capacityLockKey = 0x5e11ca

async function serialiseCapacity(tx: Queryable, batch: { serialised: boolean }): Promise<void> {
  if (batch.serialised || tx.dialect !== 'postgres') return
  await tx.get('SELECT pg_advisory_xact_lock(CAST(? AS BIGINT)) AS locked', [capacityLockKey])
  batch.serialised = true
}

const usageKey = (nodeId: string, capability: string, day: number) => `${nodeId}|${capability}|${day}`

/** Reads the capacity used from yesterday on at the candidates with a limit, once per node and capability per batch. */
export async function loadCapacityInBatch(tx: Queryable, state: BatchState, r: OrderRouting): Promise<void> {
  const batch = state.local(capacityOfBatch)
  const wanted = r.nodes.filter((n, i) => r.facts[i].capacity !== null && !batch.loaded.has(`${n.id}|${r.capability}`)).map((n) => n.id)
  if (wanted.length === 0) return
  await serialiseCapacity(tx, batch)
  const rows = await tx.all<{ node_id: string; day: number | string; lines: number | string; units: number | string }>(
    `SELECT node_id, day, lines, units FROM node_capacity WHERE capability = ? AND day >= ? AND node_id IN (${wanted.map(() => '?').join(', ')})`,
    [r.capability, state.nowMs - 2 * dayMs, ...wanted],
  )
  for (const id of wanted) batch.loaded.add(`${id}|${r.capability}`)
  for (const row of rows) batch.used.set(usageKey(row.node_id, r.capability, Number(row.day)), { lines: Number(row.lines), units: Number(row.units) })
}

/** A line ready at the node on `readyDayMs`: the day it ships (full days skipped) and is delivered, and the capacity left that day. */
export function lineOption<P>(state: BatchState, r: OrderRouting, node: number, readyDayMs: number, quantity: number, stockLeft: number, plan: P): LineOption<P> {
  const f = r.facts[node]
  const nodeId = r.nodes[node].id
  const used = state.local(capacityOfBatch).used
  const cap = f.capacity
  const usageOn = (day: number): Usage => used.get(usageKey(nodeId, r.capability, day)) ?? { lines: 0, units: 0 }
  const isFull = cap === null ? undefined : (day: number) => {
    const u = usageOn(day)
    return (cap.lines !== null && u.lines + 1 > cap.lines) || (cap.units !== null && u.units + quantity > cap.units)
  }
  const earliest = shipDayOf(f.calendar, r.capability, f.handlingDays, readyDayMs, state.nowMs)
  const shipDayMs = isFull ? shipDayOf(f.calendar, r.capability, f.handlingDays, readyDayMs, state.nowMs, isFull) : earliest
  const u = shipDayMs === null ? undefined : usageOn(shipDayMs)
  return {
    ok: true, readyDayMs, earliestShipDayMs: earliest ?? Infinity, shipDayMs,
    deliverDayMs: shipDayMs === null ? null : shipDayMs + f.transitDays * dayMs,
    capacityLeft: { lines: cap?.lines == null || !u ? null : cap.lines - u.lines, units: cap?.units == null || !u ? null : cap.units - u.units },
    stockLeft, plan,
  }
}

export interface DecisionRow {
  orderId: string
  seq: number
  cause: string
  outcome: string
  explanation: string
  decidedAtMs: number
}

export const decisionSink: RowSink<DecisionRow> = {
  name: 'routing decisions',
  write: (tx, rows) => insertMany(tx, 'routing_decisions', [['order_id', 'text'], ['seq', 'integer'], ['cause', 'text'], ['outcome', 'text'], ['explanation', 'text'], ['decided_at', 'bigint']],
    rows.map((d) => [d.orderId, d.seq, d.cause, d.outcome, d.explanation, d.decidedAtMs])),
}

interface CapacityRow { nodeId: string; capability: string; day: number; lines: number; units: number }

/** Capacity taken by a batch, added to what is stored (one row per node × capability × day). */
const capacitySink: RowSink<CapacityRow> = {
  name: 'node capacity',
  async write(tx, rows) {
    const sums = new Map<string, CapacityRow>()
    for (const r of rows) {
      const key = usageKey(r.nodeId, r.capability, r.day)
      const s = sums.get(key)
      if (s) {
        s.lines += r.lines
        s.units += r.units
      } else sums.set(key, { ...r })
    }
    for (const s of sums.values()) {
      await tx.run(
        `INSERT INTO node_capacity (node_id, capability, day, lines, units) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (node_id, capability, day) DO UPDATE SET lines = node_capacity.lines + excluded.lines, units = node_capacity.units + excluded.units`,
        [s.nodeId, s.capability, s.day, s.lines, s.units],
      )
    }
  },
}

/** Counts the routed lines against their nodes' capacity and stages the decision (seq 1: the placement). */
export function recordRouting<P>(state: BatchState, r: OrderRouting, orderId: string, routed: Routed<P>, quantities: readonly number[], cause = 'placement', seq = 1): void {
  const batch = state.local(capacityOfBatch)
  routed.assignment.forEach(({ node, option }, i) => {
    if (option.shipDayMs === null) return
    const nodeId = r.nodes[node].id
    const key = usageKey(nodeId, r.capability, option.shipDayMs)
    const u = batch.used.get(key) ?? { lines: 0, units: 0 }
    batch.used.set(key, { lines: u.lines + 1, units: u.units + quantities[i] })
    state.stage(capacitySink, { nodeId, capability: r.capability, day: option.shipDayMs, lines: 1, units: quantities[i] })
  })
  state.stage(decisionSink, {
    orderId, seq, cause, outcome: routed.outcome, decidedAtMs: state.nowMs,
    explanation: JSON.stringify({ profile: { scope: r.profile.scope, version: r.profile.version }, ...withSkipped(r, routed.explanation) }),
  })
}

/** The explanation with the nodes left out before the batch, each once, removed for holding none of the SKUs. */
export function withSkipped(r: OrderRouting, e: Explanation): Explanation {
  if (r.skipped.length === 0) return e
  const skipped = r.skipped.map((n) => ({
    node: n.id, code: n.code, removed: { filter: 'no_supply' as const, reason: `${n.code} holds and expects none of the order's SKUs.` }, lines: [], passedOver: [], scores: null, rank: null,
  }))
  return { ...e, candidates: [...e.candidates, ...skipped] }
}
