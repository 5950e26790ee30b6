/**
 * The orders of presale campaigns, as the presale context needs them: units sold and per
 * customer, the open orders to reprice or cancel when a campaign ends, the lines waiting for
 * stock, and the writes that follow (a reprice, stock moved onto a line, a ship date set).
 * The orders context owns these tables; presale calls these functions inside its transactions.
 */
import type { Queryable } from '../store/db.ts'
import { invariant } from '../kernel/result.ts'
import { decideAction } from './decide.ts'
import { inList } from '../store/db.ts'
import type { Order, OrderLine, OrderStatus, PaymentPlan, Reprice } from './model.ts'
import { allocationsJson, orderLineOf, orderOf, type OrderLineRow, type OrderRow } from './rows.ts'

/** Units on the campaign's orders not cancelled: what tiers count. */
export async function campaignUnitsSold(q: Queryable, campaignId: string): Promise<number> {
  const row = await q.get<{ n: number | string | null }>(
    `SELECT SUM(quantity) AS n FROM order_lines WHERE campaign_id = ? AND status <> 'cancelled'`, [campaignId])
  return Number(row?.n ?? 0)
}

/** Units one channel's customer ordered in the campaign, not cancelled: what the per-customer limit counts. */
export async function campaignCustomerUnits(q: Queryable, campaignId: string, channelId: string, customerId: string): Promise<number> {
  const row = await q.get<{ n: number | string | null }>(
    `SELECT SUM(l.quantity) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.campaign_id = ? AND l.customer_id = ? AND o.channel_id = ? AND l.status <> 'cancelled'`, [campaignId, customerId, channelId])
  return Number(row?.n ?? 0)
}

/** Units of each campaign's open lines not yet held as stock, by campaign id (0 for none). */
export async function campaignUnitsWaiting(q: Queryable, campaignIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(campaignIds.map((id) => [id, 0]))
  if (campaignIds.length === 0) return out
  const rows = await q.all<{ campaign_id: string; units: number | string | null }>(
    `SELECT campaign_id, SUM(quantity - stock_quantity) AS units FROM order_lines
     WHERE campaign_id IN (${inList(campaignIds.length)}) AND status = 'open' GROUP BY campaign_id`, campaignIds)
  for (const r of rows) out.set(r.campaign_id, Number(r.units ?? 0))
  return out
}

/** Ids of the campaign's orders in the given statuses, in id order. */
export async function campaignOrderIds(q: Queryable, campaignId: string, statuses: readonly OrderStatus[]): Promise<string[]> {
  const rows = await q.all<{ id: string }>(
    `SELECT id FROM orders WHERE campaign_id = ? AND status IN (${inList(statuses.length)}) ORDER BY id`, [campaignId, ...statuses])
  return rows.map((r) => r.id)
}

/** The campaign's orders in the given statuses with their lines, rows locked in id order (the order every multi-order writer keeps). */
export async function lockCampaignOrders(tx: Queryable, campaignId: string, statuses: readonly OrderStatus[]): Promise<Order[]> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const rows = await tx.all<OrderRow>(
    `SELECT * FROM orders WHERE campaign_id = ? AND status IN (${inList(statuses.length)}) ORDER BY id${lock}`, [campaignId, ...statuses])
  if (rows.length === 0) return []
  const lines = await tx.all<OrderLineRow>('SELECT * FROM order_lines WHERE campaign_id = ? ORDER BY order_id, line_no', [campaignId])
  const byOrder = new Map<string, OrderLine[]>(rows.map((r) => [r.id, []]))
  for (const l of lines) byOrder.get(l.order_id)?.push(orderLineOf(l))
  return rows.map((r) => orderOf(r, byOrder.get(r.id) ?? []))
}

/** Open lines of the campaign not yet fully held as stock, with their order ids. */
export async function campaignLinesWaitingForStock(tx: Queryable, campaignId: string): Promise<Array<{ orderId: string; line: OrderLine }>> {
  const rows = await tx.all<OrderLineRow>(`SELECT * FROM order_lines WHERE campaign_id = ? AND status = 'open' AND stock_quantity < quantity`, [campaignId])
  return rows.map((r) => ({ orderId: r.order_id, line: orderLineOf(r) }))
}

/** Campaigns that have open lines not yet fully held as stock. */
export async function campaignsWithLinesWaiting(q: Queryable): Promise<string[]> {
  const rows = await q.all<{ id: string }>(
    `SELECT DISTINCT campaign_id AS id FROM order_lines WHERE campaign_id IS NOT NULL AND status = 'open' AND stock_quantity < quantity`)
  return rows.map((r) => r.id)
}

/** Reprices one order through its lifecycle (`reprice`, by the system); the caller has locked it. */
/**
 * Reprices one order through its lifecycle (`reprice`, by the system); the caller has locked it
 * and writes the timeline entry and message, which say what the campaign did. No position lock is
 * taken: the lines' holds do not change.
 */
export async function repriceOrder(tx: Queryable, o: Order, r: Reprice, nowMs: number): Promise<void> {
  const decided = decideAction(o, 'reprice', { nowMs, party: 'system', delayOfferOpen: false, detail: {}, reprice: r })
  invariant(decided.ok, `order ${o.id} cannot be repriced: ${!decided.ok && decided.detail}`)
  const after = decided.value.order
  await tx.run('UPDATE orders SET total = ?, payment = ?, due_at = ?, refund_due = ?, updated_at = ? WHERE id = ?',
    [after.total, JSON.stringify(after.payment), after.dueAtMs, after.refundDue ?? 0, after.updatedAtMs, o.id])
  for (const l of after.lines) {
    if (l.unitPrice !== o.lines.find((x) => x.lineNo === l.lineNo)?.unitPrice) {
      await tx.run('UPDATE order_lines SET unit_price = ? WHERE order_id = ? AND line_no = ?', [l.unitPrice, o.id, l.lineNo])
    }
  }
}

/** A line's stock and allocation after stock arrived for it; the order changed then (the caller holds its row). */
export async function saveLineAllocation(q: Queryable, orderId: string, line: OrderLine, nowMs: number): Promise<void> {
  await q.run('UPDATE order_lines SET stock_quantity = ?, allocations = ? WHERE order_id = ? AND line_no = ?',
    [line.allocation.stockQuantity, allocationsJson(line), orderId, line.lineNo])
  await q.run('UPDATE orders SET updated_at = ? WHERE id = ? AND updated_at < ?', [nowMs, orderId, nowMs])
}

/** The day a line will really ship, once its balance is paid: the promise starts here. */
export async function setLineShipDay(tx: Queryable, orderId: string, lineNo: number, shipByMs: number, deliverByMs: number | null): Promise<void> {
  await tx.run('UPDATE order_lines SET ship_by = ?, deliver_by = ?, first_ship_by = ?, first_deliver_by = ? WHERE order_id = ? AND line_no = ?',
    [shipByMs, deliverByMs, shipByMs, deliverByMs, orderId, lineNo])
}

/** A paid presale line past its ship day, not shipped, with no delay of `cause` recorded yet. */
export interface LateCampaignLine {
  orderId: string
  lineNo: number
  shipByMs: number
  campaignId: string
  channelId: string
  customerId: string
  currency: string
  payment: PaymentPlan
}

/** Up to 500 late lines, optionally of some orders only; orders given are locked first (PostgreSQL), so a second look sees what another poller recorded. */
export async function lateCampaignLines(tx: Queryable, beforeMs: number, cause: string, orderIds: readonly string[] = []): Promise<LateCampaignLine[]> {
  if (orderIds.length > 0 && tx.dialect === 'postgres') await tx.all(`SELECT id FROM orders WHERE id IN (${inList(orderIds.length)}) ORDER BY id FOR UPDATE`, orderIds)
  const rows = await tx.all<{
    order_id: string; line_no: number | string; ship_by: number | string; campaign_id: string; channel_id: string; customer_id: string; currency: string; payment: string
  }>(`
    SELECT l.order_id, l.line_no, l.ship_by, l.campaign_id, o.channel_id, o.customer_id, o.currency, o.payment
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.campaign_id IS NOT NULL AND l.status = 'open' AND o.status = 'paid' AND l.ship_by IS NOT NULL AND l.ship_by < ?
      AND NOT EXISTS (SELECT 1 FROM order_delays d WHERE d.order_id = l.order_id AND d.cause = ?)
      ${orderIds.length > 0 ? `AND l.order_id IN (${inList(orderIds.length)})` : ''}
    ORDER BY l.order_id, l.line_no LIMIT 500`, [beforeMs, cause, ...orderIds])
  return rows.map((r) => ({
    orderId: r.order_id, lineNo: Number(r.line_no), shipByMs: Number(r.ship_by), campaignId: r.campaign_id, channelId: r.channel_id,
    customerId: r.customer_id, currency: r.currency, payment: JSON.parse(r.payment) as PaymentPlan,
  }))
}

/** The statuses of the campaign's orders in the given statuses, rows locked in id order (lines not loaded). */
export async function lockCampaignOrderStatuses(tx: Queryable, campaignId: string, statuses: readonly OrderStatus[]): Promise<Map<string, OrderStatus>> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const rows = await tx.all<{ id: string; status: OrderStatus }>(
    `SELECT id, status FROM orders WHERE campaign_id = ? AND status IN (${inList(statuses.length)}) ORDER BY id${lock}`, [campaignId, ...statuses])
  return new Map(rows.map((r) => [r.id, r.status]))
}
