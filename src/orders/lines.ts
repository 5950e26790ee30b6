/**
 * Open order lines as other contexts need them: the lines waiting for supply at a position (with
 * what their dates and compensation depend on), and writing re-promised allocations back. A slip
 * may move 100,000 lines at once, so both are multi-row.
 */
import type { Param, Queryable } from '../store/db.ts'
import { arrayLiteral } from '../store/sql.ts'
import type { Allocation, OpenLine, ReplanRule } from '../promising/index.ts'
import type { Fulfilment } from './model.ts'
import type { OrderLineRow, OrderRow } from './rows.ts'

/** The order a waiting line belongs to, as much as re-promising needs; shared by its lines. */
export interface OrderFacts {
  id: string
  channelId: string
  customerId: string
  currency: string
  fulfilment: Fulfilment
}

/** An open line at the position, with what its dates and compensation depend on. */
export interface WaitingLine extends OpenLine {
  orderId: string
  lineNo: number
  unitPrice: number
  shipByMs: number | null
  deliverByMs: number | null
  /** The ship date promised at purchase: lateness is counted from it. */
  firstShipByMs: number | null
  order: OrderFacts
  /** The latest ship day earlier delays of this line compensated up to: null when none, +∞ when one had no date. */
  compensatedThroughMs: number | null
}

/** A waiting line's columns and its order's. */
type WaitingRow = Pick<OrderLineRow,
  'order_id' | 'line_no' | 'quantity' | 'unit_price' | 'stock_quantity' | 'allocations' | 'ship_by' | 'deliver_by' | 'first_ship_by' | 'priority_class' | 'placed_at'
> & Pick<OrderRow, 'channel_id' | 'customer_id' | 'currency' | 'fulfilment'>

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
     WHERE l.sku_id = ? AND l.node_id = ? AND l.status = 'open'${withStock ? ' AND l.shipped_quantity = 0' : ' AND l.stock_quantity < l.quantity'}`,
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

/**
 * Writes re-promised lines back (one statement per 5,000 lines on SQLite, one in all on
 * PostgreSQL) and moves their orders' `updatedAt` to `nowMs`: a new promise is a change of the order.
 */
export async function updateLines(tx: Queryable, rows: readonly LineUpdate[], nowMs: number): Promise<void> {
  if (rows.length === 0) return
  await touchOrders(tx, [...new Set(rows.map((r) => r[0]))], nowMs)
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

/**
 * Moves the orders' `updatedAt` to `nowMs` (never back). Re-promising holds position locks, and
 * everywhere else orders are locked before positions: so on PostgreSQL an order another
 * transaction holds is skipped, not waited for (waiting could deadlock). That transaction is
 * changing the order after reading its lines under the same position locks, so it writes a later
 * `updatedAt` itself.
 */
async function touchOrders(tx: Queryable, orderIds: readonly string[], nowMs: number): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 5000) {
    const chunk = orderIds.slice(i, i + 5000)
    const ids = chunk.map(() => '?').join(', ')
    const target = tx.dialect === 'postgres' ? `SELECT id FROM orders WHERE id IN (${ids}) AND updated_at < ? FOR UPDATE SKIP LOCKED` : ids
    await tx.run(`UPDATE orders SET updated_at = ? WHERE id IN (${target}) AND updated_at < ?`, [nowMs, ...chunk, ...(tx.dialect === 'postgres' ? [nowMs] : []), nowMs])
  }
}

/**
 * For open lines at some positions still waiting for supply: the earliest ship day promised on
 * each supply slot a part of theirs is on (a PO line, an ASN, a transfer, a campaign).
 */
export async function earliestShipByOnSlots(q: Queryable, positions: ReadonlyArray<{ skuId: string; nodeId: string }>): Promise<Array<{ slotId: string; shipByMs: number }>> {
  if (positions.length === 0) return []
  const waiting = "l.status = 'open' AND l.stock_quantity < l.quantity AND l.ship_by IS NOT NULL"
  const rows = q.dialect === 'postgres'
    ? await q.all<{ slot_id: string; ship_by: number | string }>(
      `SELECT p->>'source' AS slot_id, MIN(l.ship_by) AS ship_by
       FROM order_lines l CROSS JOIN LATERAL jsonb_array_elements(l.allocations::jsonb -> 'parts') AS p
       WHERE (l.sku_id, l.node_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) AND ${waiting} GROUP BY 1`,
      [positions.map((s) => s.skuId), positions.map((s) => s.nodeId)])
    : await q.all<{ slot_id: string; ship_by: number | string }>(
      `SELECT json_extract(p.value, '$.source') AS slot_id, MIN(l.ship_by) AS ship_by
       FROM order_lines l, json_each(l.allocations, '$.parts') AS p
       WHERE (l.sku_id, l.node_id) IN (VALUES ${positions.map(() => '(?, ?)').join(', ')}) AND ${waiting} GROUP BY 1`,
      positions.flatMap((s) => [s.skuId, s.nodeId]))
  return rows.map((r) => ({ slotId: r.slot_id, shipByMs: Number(r.ship_by) }))
}

/**
 * Stock held by open order lines (their stock part less the units already shipped, which left O
 * when they shipped), by position: the ledger check counts it in O with reservations.
 */
export async function stockHeldByOpenLines(q: Queryable): Promise<Array<{ skuId: string; nodeId: string; held: number }>> {
  const rows = await q.all<{ sku_id: string; node_id: string; held: number | string }>(
    `SELECT sku_id, node_id, SUM(stock_quantity - shipped_quantity) AS held FROM order_lines WHERE status = 'open' GROUP BY sku_id, node_id`)
  return rows.map((r) => ({ skuId: r.sku_id, nodeId: r.node_id, held: Number(r.held) }))
}
