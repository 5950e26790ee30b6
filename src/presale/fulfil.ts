/**
 * After the campaign: arrived stock taken by its orders (a presale line must hold stock before it
 * can ship), the ship day set when the balance is paid (after_balance mode), and the merchant's
 * fault recorded when a paid order is not shipped by its promised day — compensation owed by the
 * campaign's rule and an open delay offer, so the customer may cancel for a full refund.
 */
import type { Param, Queryable } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { FailureError, ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { insertMany, sellable } from '../inventory/index.ts'
import { dayMs, dayStartOf, delayColumns, messageColumns, orderEventColumns } from '../promising/index.ts'
import { writeOutbox } from '../events/index.ts'
import { allocationsJson, amountOwed, orderLineOf, type Order, type OrderAction, type OrderLine, type OrderLineRow } from '../orders/index.ts'
import type { Campaign } from './model.ts'
import { compensationOf, shipDayAfterBalance } from './rules.ts'
import { campaignOf, loadCampaign, type CampaignRow } from './store.ts'
import { money } from './end.ts'
import type { PresaleContext } from './service.ts'

interface Waiting {
  orderId: string
  orderStatus: string
  line: OrderLine
}

/** Paid orders first (they can ship at once), then by priority class and time of purchase. */
function byShipReadiness(a: Waiting, b: Waiting): number {
  const paid = Number(b.orderStatus === 'paid') - Number(a.orderStatus === 'paid')
  return paid || b.line.priorityClass - a.line.priorityClass || a.line.placedAtMs - b.line.placedAtMs || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0)
}

/**
 * Moves units of the campaign's open lines from its quota slot onto free physical stock at its
 * node (O rises, the slot's quantity and promise fall together). Only orders whose deposit is
 * paid take stock. Their rows are locked before the position, as order actions lock them.
 */
export async function allocateArrivedStock(tx: Queryable, ctx: PresaleContext, c: Campaign, actor: string): Promise<Result<{ lines: number; units: number }>> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const orders = await tx.all<{ id: string; status: string }>(
    `SELECT id, status FROM orders WHERE campaign_id = ? AND status IN ('deposit_paid', 'paid') ORDER BY id${lock}`, [c.id])
  if (orders.length === 0) return ok({ lines: 0, units: 0 })
  const statusOf = new Map(orders.map((o) => [o.id, o.status]))
  // Lines are read once the position is locked: re-promising rewrites them under that lock.
  await ctx.inventory.withinLocked(tx, [{ skuId: c.skuId, nodeId: c.nodeId }], () => ok(undefined))
  const rows = await tx.all<OrderLineRow>(`SELECT * FROM order_lines WHERE campaign_id = ? AND status = 'open' AND stock_quantity < quantity`, [c.id])
  const waiting = rows.filter((r) => statusOf.has(r.order_id))
    .map((r): Waiting => ({ orderId: r.order_id, orderStatus: statusOf.get(r.order_id)!, line: orderLineOf(r) }))
    .sort(byShipReadiness)
  return ctx.inventory.withinLocked(tx, [{ skuId: c.skuId, nodeId: c.nodeId }], (state) => {
    const p = state.position(c.skuId, c.nodeId)
    const slot = state.slotsAt(c.skuId, c.nodeId).find((s) => s.id === c.id)
    let free = Math.max(0, sellable(p) - p.virtual)
    let lines = 0
    let units = 0
    for (const w of waiting) {
      if (free === 0) break
      const part = w.line.allocation.parts.find((a) => a.source === c.id)
      // Units still on the quota first; then units with no supply at all, which a line has after
      // a count took its stock back (a presale line never takes stock by itself).
      const fromQuota = part && slot ? Math.min(part.quantity, free) : 0
      const fromNothing = Math.min(w.line.allocation.unallocated, free - fromQuota)
      const take = fromQuota + fromNothing
      if (take === 0) continue
      const parts = w.line.allocation.parts.map((a) => (a === part ? { ...a, quantity: a.quantity - fromQuota } : a)).filter((a) => a.quantity > 0)
      const stock = parts.find((a) => a.source === 'stock')
      if (stock) stock.quantity += take
      else parts.unshift({ source: 'stock', kind: 'stock', quantity: take, availableAtMs: dayStartOf(state.nowMs) })
      const allocation = { stockQuantity: w.line.allocation.stockQuantity + take, parts, unallocated: w.line.allocation.unallocated - fromNothing }
      const line: OrderLine = { ...w.line, allocation }
      state.apply(p, { reserved: take }, 'reserve', take, { reason: 'presale stock arrived', refType: 'order', refId: w.orderId, actor })
      if (fromQuota > 0) {
        state.promise(slot!, -fromQuota)
        slot!.quantity -= fromQuota
        state.changedSlots.add(slot!)
      }
      state.writes.push((q) => q.run('UPDATE order_lines SET stock_quantity = ?, allocations = ? WHERE order_id = ? AND line_no = ?',
        [line.allocation.stockQuantity, allocationsJson(line), w.orderId, line.lineNo]).then(() => undefined))
      free -= take
      lines++
      units += take
    }
    return ok({ lines, units })
  })
}

/**
 * Presale steps inside an order's transitions. A deposit paid after the campaign was repriced
 * that already covers the final price settles the balance at once (nothing is left to pay, so
 * nothing may be forfeited). A balance payment is refused before the window opens (the final
 * price is not known until the campaign ends); an after_balance campaign's order is then
 * promised for the payment day plus the campaign's days. A refusal thrown here rolls it back.
 */
export async function onPresaleTransition(ctx: PresaleContext, tx: Queryable, order: Order, action: OrderAction): Promise<void> {
  if (!order.campaignId || order.payment.kind !== 'deposit') return
  if (action === 'pay_deposit') {
    if (order.payment.balance > 0 || amountOwed(order) > 0) return
    const c = await loadCampaign(tx, order.campaignId)
    if (c?.repricedAtMs == null) return // repricing settles it when the campaign ends
    const settled = await ctx.orders.transitionWithin(tx, order, 'pay_balance', { actor: 'system:presale', party: 'system' }, { amount: 0, detail: { reason: 'the deposit covers the final price' } })
    if (!settled.ok) throw new FailureError(settled)
    return
  }
  if (action !== 'pay_balance') return
  if (order.updatedAtMs < order.payment.balanceFromMs) {
    throw new FailureError(fail('balance_window_not_open', `The balance of order ${order.id} can be paid once the presale ends, from ${new Date(order.payment.balanceFromMs).toISOString()}.`, {
      balanceFrom: new Date(order.payment.balanceFromMs).toISOString(),
    }))
  }
  const c = await loadCampaign(tx, order.campaignId)
  if (!c || c.shipDate.mode !== 'after_balance') return
  const shipByMs = shipDayAfterBalance(c.shipDate.days, order.updatedAtMs)
  for (const l of order.lines) {
    if (l.status !== 'open') continue
    const deliverByMs = l.deliverByMs === null || l.shipByMs === null ? null : shipByMs + (l.deliverByMs - l.shipByMs)
    // The day promised until now was only the latest possible one: the real promise starts here.
    await tx.run('UPDATE order_lines SET ship_by = ?, deliver_by = ?, first_ship_by = ? WHERE order_id = ? AND line_no = ?',
      [shipByMs, deliverByMs, shipByMs, order.id, l.lineNo])
  }
  await insertMany(tx, 'order_events', orderEventColumns,
    [[order.id, 'ship_date_set', 'system:presale', JSON.stringify({ shipBy: new Date(shipByMs).toISOString().slice(0, 10), daysAfterBalance: c.shipDate.days }), order.updatedAtMs]])
}

export const lateCause = 'presale_not_shipped'

interface LateLine {
  order_id: string
  line_no: number | string
  ship_by: number | string
  campaign_id: string
  channel_id: string
  customer_id: string
  currency: string
  payment: string
}

const lateQuery = (orderIds: number) => `
  SELECT l.order_id, l.line_no, l.ship_by, l.campaign_id, o.channel_id, o.customer_id, o.currency, o.payment
  FROM order_lines l JOIN orders o ON o.id = l.order_id
  WHERE l.campaign_id IS NOT NULL AND l.status = 'open' AND o.status = 'paid' AND l.ship_by IS NOT NULL AND l.ship_by < ?
    AND NOT EXISTS (SELECT 1 FROM order_delays d WHERE d.order_id = l.order_id AND d.cause = '${lateCause}')
    ${orderIds > 0 ? `AND l.order_id IN (${Array(orderIds).fill('?').join(', ')})` : ''}
  ORDER BY l.order_id, l.line_no LIMIT 500`

/**
 * Paid presale orders whose promised ship day has passed unshipped: one open delay per order
 * (the offer to cancel for a full refund), the compensation the campaign's rule owes, a timeline
 * entry, a message and an `order.delayed` event. The orders are locked and the check repeated,
 * so it happens once.
 */
export async function compensateLate(ctx: PresaleContext, nowMs: number): Promise<number> {
  const todayMs = dayStartOf(nowMs)
  return ctx.db.tx(async (tx) => {
    const candidates = [...new Set((await tx.all<LateLine>(lateQuery(0), [todayMs])).map((r) => r.order_id))]
    if (candidates.length === 0) return 0
    // Lock the orders, then look again in a new statement: what another poller recorded meanwhile is seen.
    if (tx.dialect === 'postgres') await tx.all(`SELECT id FROM orders WHERE id IN (${candidates.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, candidates)
    const rows = await tx.all<LateLine>(lateQuery(candidates.length), [todayMs, ...candidates])
    if (rows.length === 0) return 0
    const ids = [...new Set(rows.map((r) => r.campaign_id))]
    const campaigns = new Map((await tx.all<CampaignRow>(`SELECT * FROM presale_campaigns WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((r) => [r.id, campaignOf(r)]))
    const first = new Map<string, LateLine>()
    for (const r of rows) if (!first.has(r.order_id)) first.set(r.order_id, r)
    const delays: Param[][] = []
    const events: Param[][] = []
    const messages: Param[][] = []
    const published: Array<{ topic: string; subject: string; payload: unknown }> = []
    for (const r of first.values()) {
      const c = campaigns.get(r.campaign_id)!
      const payment = JSON.parse(r.payment) as Order['payment']
      const deposit = payment.kind === 'deposit' ? payment.deposit : 0
      const amount = c.compensation ? compensationOf(c.compensation, deposit) : 0
      const compensation = { kind: amount > 0 ? 'presale_penalty' : 'none', amountMinor: amount, currency: r.currency, policy: c.compensation?.kind ?? 'none' }
      const shipBy = Number(r.ship_by)
      const shipDay = new Date(shipBy).toISOString().slice(0, 10)
      const daysLate = Math.round((todayMs - shipBy) / dayMs)
      const reason = 'We did not ship your presale order by the day we promised.'
      const [delayId, messageId] = [newId('dly'), newId('msg')]
      delays.push([delayId, r.order_id, Number(r.line_no), lateCause, reason, shipBy, null, daysLate, JSON.stringify(compensation), 'open', nowMs])
      events.push([r.order_id, 'presale_late', 'system:presale', JSON.stringify({ campaignId: c.id, shipBy: shipDay, daysLate, compensation }), nowMs])
      const owed = amount > 0 ? ` We owe you ${money(amount, r.currency)} for the delay.` : ''
      messages.push([messageId, r.order_id, r.customer_id, 'delay', `Your presale order ${r.order_id} is late`,
        `We are sorry: ${reason}${owed} We will ship it as soon as we can; if you would rather not wait, you can cancel it for a full refund, deposit included.`, nowMs])
      // The same event re-promising publishes, so a channel tells the customer whatever the cause.
      published.push({
        topic: 'order.delayed', subject: r.order_id, payload: {
          orderId: r.order_id, lineNo: Number(r.line_no), channelId: r.channel_id, customerId: r.customer_id, delayId, messageId,
          cause: lateCause, oldShipBy: shipDay, newShipBy: null, daysLate, compensation,
        },
      })
    }
    await insertMany(tx, 'order_delays', delayColumns, delays)
    await insertMany(tx, 'order_events', orderEventColumns, events)
    await insertMany(tx, 'customer_messages', messageColumns, messages)
    await writeOutbox(tx, published, nowMs)
    return delays.length
  })
}
