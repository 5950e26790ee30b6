/**
 * What re-promising reads and writes: the waiting lines of a position with their orders, the
 * lateness already compensated, nodes and SKU names, the changed lines (multi-row updates: a
 * slip may move 100,000 lines at once), and the compensation policy in `settings`.
 */
import type { Param, Queryable } from '../store/db.ts'
import { loadSetting, saveSetting, type SettingRule } from '../store/settings.ts'
import { arrayLiteral, selectIn, type Column } from '../inventory/index.ts'
import type { Result } from '../kernel/result.ts'
import { decideCompensationPolicy, defaultCompensationPolicy, type CompensationPolicy } from './compensation.ts'
import type { Fulfilment, OrderFacts, WaitingLine } from './repromise-decide.ts'
import type { Allocation } from './model.ts'
import type { ReplanRule } from './allocate.ts'

interface WaitingRow {
  order_id: string
  line_no: number | string
  quantity: number | string
  unit_price: number | string
  stock_quantity: number | string
  allocations: string
  ship_by: number | string | null
  deliver_by: number | string | null
  first_ship_by: number | string | null
  priority_class: number | string
  placed_at: number | string
  channel_id: string
  customer_id: string
  currency: string
  fulfilment: string
}

interface StoredAllocation { parts: Allocation[]; unallocated: number; rule: ReplanRule }

/** A day later than any real one: a delay with no new date has compensated everything. */
const noDateSentinelMs = 8_000_000_000_000_000

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

/**
 * Open lines at a position that wait for supply (future parts or unallocated units: their stock
 * is less than their quantity); with `withStock`, every open line (S is below zero and stock
 * must be taken back from the last ones).
 */
export async function loadWaitingLines(tx: Queryable, skuId: string, nodeId: string, withStock: boolean): Promise<WaitingLine[]> {
  const rows = await tx.all<WaitingRow>(
    `SELECT l.order_id, l.line_no, l.quantity, l.unit_price, l.stock_quantity, l.allocations, l.ship_by, l.deliver_by, l.first_ship_by,
            l.priority_class, l.placed_at, o.channel_id, o.customer_id, o.currency, o.fulfilment
     FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.sku_id = ? AND l.node_id = ? AND l.status = 'open'${withStock ? '' : ' AND l.stock_quantity < l.quantity'}`,
    [skuId, nodeId])
  if (rows.length === 0) return []
  const compensated = await compensatedThrough(tx, skuId, nodeId)
  const orders = new Map<string, OrderFacts>()
  // Lines waiting on the same supply carry the same allocation text: parse it once (replan copies what it changes).
  const allocations = new Map<string, StoredAllocation>()
  // Most orders of a hot SKU ship the same way: parse each distinct fulfilment once.
  const fulfilments = new Map<string, Fulfilment>()
  return rows.map((r) => {
    let order = orders.get(r.order_id)
    if (!order) {
      let fulfilment = fulfilments.get(r.fulfilment)
      if (!fulfilment) fulfilments.set(r.fulfilment, (fulfilment = JSON.parse(r.fulfilment) as Fulfilment))
      orders.set(r.order_id, (order = { id: r.order_id, channelId: r.channel_id, customerId: r.customer_id, currency: r.currency, fulfilment }))
    }
    let stored = allocations.get(r.allocations)
    if (!stored) {
      stored = JSON.parse(r.allocations) as StoredAllocation
      if (allocations.size < 10_000) allocations.set(r.allocations, stored)
    }
    const { parts, unallocated, rule } = stored
    const lineNo = Number(r.line_no)
    return {
      key: `${r.order_id}#${lineNo}`,
      orderId: r.order_id,
      lineNo,
      quantity: Number(r.quantity),
      unitPrice: Number(r.unit_price),
      allocation: { stockQuantity: Number(r.stock_quantity), parts, unallocated },
      rule,
      priorityClass: Number(r.priority_class),
      placedAtMs: Number(r.placed_at),
      shipByMs: orNull(r.ship_by),
      deliverByMs: orNull(r.deliver_by),
      firstShipByMs: orNull(r.first_ship_by),
      order,
      compensatedThroughMs: compensated.get(`${r.order_id}#${lineNo}`) ?? null,
    }
  })
}

/** For open lines at the position with earlier delays: the latest new ship day any of them had (+∞ for none). */
async function compensatedThrough(tx: Queryable, skuId: string, nodeId: string): Promise<Map<string, number>> {
  const rows = await tx.all<{ order_id: string; line_no: number | string; through: number | string }>(
    `SELECT d.order_id, d.line_no, MAX(COALESCE(d.new_ship_by, ${noDateSentinelMs})) AS through
     FROM order_delays d JOIN order_lines l ON l.order_id = d.order_id AND l.line_no = d.line_no
     WHERE l.sku_id = ? AND l.node_id = ? AND l.status = 'open'
     GROUP BY d.order_id, d.line_no`, [skuId, nodeId])
  return new Map(rows.map((r) => {
    const through = Number(r.through)
    return [`${r.order_id}#${Number(r.line_no)}`, through >= noDateSentinelMs ? Number.POSITIVE_INFINITY : through]
  }))
}

export interface NodeFacts {
  region: string
  handlingTimeHours: number
}

/** Every node's region and handling time (a shop has tens of nodes). */
export async function loadNodes(tx: Queryable): Promise<Map<string, NodeFacts>> {
  const rows = await tx.all<{ id: string; region: string; handling_time_hours: number | string }>('SELECT id, region, handling_time_hours FROM nodes')
  return new Map(rows.map((r) => [r.id, { region: r.region, handlingTimeHours: Number(r.handling_time_hours) }]))
}

export async function loadSkuNames(tx: Queryable, skuIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ id: string; name: string }>(tx, 'SELECT id, name FROM skus WHERE id', [...new Set(skuIds)])
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** A re-promised line as written back: [order id, line no, stock quantity, allocations JSON, ship by, deliver by]. */
export type LineUpdate = [orderId: string, lineNo: number, stockQuantity: number, allocations: string, shipByMs: number | null, deliverByMs: number | null]

const ruleTexts = new WeakMap<ReplanRule, string>()

/**
 * Same shape as the orders context writes: the parts, the unallocated units and the rule the
 * line keeps. Lines loaded together share their rule object, so its text is made once.
 */
export function allocationsText(parts: Allocation[], unallocated: number, rule: ReplanRule): string {
  let ruleText = ruleTexts.get(rule)
  if (ruleText === undefined) ruleTexts.set(rule, (ruleText = JSON.stringify(rule)))
  return `{"parts":${JSON.stringify(parts)},"unallocated":${unallocated},"rule":${ruleText}}`
}

/** Writes re-promised lines back: one statement per 5,000 lines on SQLite, one in all on PostgreSQL. */
export async function updateLines(tx: Queryable, rows: readonly LineUpdate[]): Promise<void> {
  if (rows.length === 0) return
  if (tx.dialect === 'postgres') {
    // Array literals built here: much cheaper than the driver's general serialiser at this size.
    const column = (i: number) => arrayLiteral(rows as unknown as Param[][], i)
    await tx.run(
      `UPDATE order_lines AS l SET stock_quantity = v.stock_quantity, allocations = v.allocations, ship_by = v.ship_by, deliver_by = v.deliver_by
       FROM unnest(?::text[], ?::int[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[]) AS v(order_id, line_no, stock_quantity, allocations, ship_by, deliver_by)
       WHERE l.order_id = v.order_id AND l.line_no = v.line_no`,
      [column(0), column(1), column(2), column(3), column(4), column(5)])
    return
  }
  const perStatement = 5000
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    const params: Param[] = []
    for (const r of chunk) params.push(...r)
    await tx.run(
      `UPDATE order_lines SET stock_quantity = v.column3, allocations = v.column4, ship_by = v.column5, deliver_by = v.column6
       FROM (VALUES ${Array(chunk.length).fill('(?, ?, ?, ?, ?, ?)').join(', ')}) AS v
       WHERE order_lines.order_id = v.column1 AND order_lines.line_no = v.column2`,
      params)
  }
}

/** Open delays of lines back on their first promise are resolved: the offer to cancel for a full refund ends (compensation stays given). */
export async function endDelayOffers(tx: Queryable, lines: ReadonlyArray<[orderId: string, lineNo: number]>): Promise<void> {
  for (let i = 0; i < lines.length; i += 5000) {
    const chunk = lines.slice(i, i + 5000)
    await tx.run(`UPDATE order_delays SET status = 'resolved' WHERE status = 'open' AND (order_id, line_no) IN (VALUES ${chunk.map(() => '(?, CAST(? AS INTEGER))').join(', ')})`,
      chunk.flat())
  }
}

export const delayColumns: readonly Column[] = [
  ['id', 'text'], ['order_id', 'text'], ['line_no', 'integer'], ['cause', 'text'], ['reason', 'text'], ['old_ship_by', 'bigint'],
  ['new_ship_by', 'bigint'], ['days_late', 'integer'], ['compensation', 'text'], ['status', 'text'], ['created_at', 'bigint'],
]

export const messageColumns: readonly Column[] = [
  ['id', 'text'], ['order_id', 'text'], ['customer_id', 'text'], ['kind', 'text'], ['subject', 'text'], ['body', 'text'], ['created_at', 'bigint'],
]

export const orderEventColumns: readonly Column[] = [['order_id', 'text'], ['kind', 'text'], ['actor', 'text'], ['detail', 'text'], ['at', 'bigint']]

export const compensationSettingName = 'compensation'

const compensationSetting: SettingRule<unknown, CompensationPolicy> = {
  name: compensationSettingName, fallback: defaultCompensationPolicy, check: decideCompensationPolicy,
}

/** The merchant's compensation policy, or the default until one is set. */
export const loadCompensationPolicy = (q: Queryable): Promise<CompensationPolicy> => loadSetting(q, compensationSetting)

export const saveCompensationPolicy = (q: Queryable, input: unknown, nowMs: number): Promise<Result<CompensationPolicy>> =>
  saveSetting(q, compensationSetting, input, nowMs)
