/**
 * After the campaign: arrived stock taken by its orders (a presale line must hold stock before it
 * can ship), the ship day set when the balance is paid (after_balance mode), and the merchant's
 * fault recorded when a paid order is not shipped by its promised day — compensation owed by the
 * campaign's rule and an open delay offer, so the customer may cancel for a full refund.
 */
import type { Queryable } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { FailureError, ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { sellable } from '../inventory/index.ts'
import { dayMs, dayStartOf } from '../promising/index.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import {
  amountOwed, appendTimeline, campaignLinesWaitingForStock, lateCampaignLines, lockCampaignOrderStatuses, recordDelays, saveLineAllocation, sendMessages, setLineShipDay,
  type CustomerMessage, type DelayRecord, type LateCampaignLine, type Order, type OrderAction, type OrderLine, type TimelineEntry,
} from '../orders/index.ts'
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
  const statusOf = await lockCampaignOrderStatuses(tx, c.id, ['deposit_paid', 'paid'])
  if (statusOf.size === 0) return ok({ lines: 0, units: 0 })
  // Lines are read once the position is locked: re-promising rewrites them under that lock.
  await ctx.inventory.withinLocked(tx, [{ skuId: c.skuId, nodeId: c.nodeId }], () => ok(undefined))
  const waiting = (await campaignLinesWaitingForStock(tx, c.id))
    .flatMap(({ orderId, line }): Waiting[] => {
      const orderStatus = statusOf.get(orderId)
      return orderStatus === undefined ? [] : [{ orderId, orderStatus, line }]
    })
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
      if (slot && fromQuota > 0) state.consume(slot, fromQuota)
      state.writes.push((q) => saveLineAllocation(q, w.orderId, line, state.nowMs))
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
    await setLineShipDay(tx, order.id, l.lineNo, shipByMs, deliverByMs)
  }
  await appendTimeline(tx, [{
    orderId: order.id, kind: 'ship_date_set', actor: 'system:presale',
    detail: JSON.stringify({ shipBy: new Date(shipByMs).toISOString().slice(0, 10), daysAfterBalance: c.shipDate.days }), atMs: order.updatedAtMs,
  }])
}

export const lateCause = 'presale_not_shipped'

/**
 * Paid presale orders whose promised ship day has passed unshipped: one open delay per order
 * (the offer to cancel for a full refund), the compensation the campaign's rule owes, a timeline
 * entry, a message and an `order.delayed` event. The orders are locked and the check repeated,
 * so it happens once.
 */
export async function compensateLate(ctx: PresaleContext, nowMs: number): Promise<number> {
  const todayMs = dayStartOf(nowMs)
  return ctx.db.tx(async (tx) => {
    const candidates = [...new Set((await lateCampaignLines(tx, todayMs, lateCause)).map((r) => r.orderId))]
    if (candidates.length === 0) return 0
    // Lock the orders, then look again in a new statement: what another poller recorded meanwhile is seen.
    const rows = await lateCampaignLines(tx, todayMs, lateCause, candidates)
    if (rows.length === 0) return 0
    const ids = [...new Set(rows.map((r) => r.campaignId))]
    const campaigns = new Map((await tx.all<CampaignRow>(`SELECT * FROM presale_campaigns WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((r) => [r.id, campaignOf(r)]))
    const first = new Map<string, LateCampaignLine>()
    for (const r of rows) if (!first.has(r.orderId)) first.set(r.orderId, r)
    const delays: DelayRecord[] = []
    const events: TimelineEntry[] = []
    const messages: CustomerMessage[] = []
    const published: DomainEvent[] = []
    for (const r of first.values()) {
      const c = campaigns.get(r.campaignId)!
      const payment = r.payment
      const deposit = payment.kind === 'deposit' ? payment.deposit : 0
      const amount = c.compensation ? compensationOf(c.compensation, deposit) : 0
      const compensation = { kind: amount > 0 ? 'presale_penalty' : 'none', amountMinor: amount, currency: r.currency, policy: c.compensation?.kind ?? 'none' }
      const shipBy = r.shipByMs
      const shipDay = new Date(shipBy).toISOString().slice(0, 10)
      const daysLate = Math.round((todayMs - shipBy) / dayMs)
      const reason = 'We did not ship your presale order by the day we promised.'
      const [delayId, messageId] = [newId('dly'), newId('msg')]
      delays.push({
        id: delayId, orderId: r.orderId, lineNo: r.lineNo, cause: lateCause, reason, oldShipByMs: shipBy, newShipByMs: null, daysLate,
        compensation: JSON.stringify(compensation), status: 'open', createdAtMs: nowMs, supplierId: null, poId: null,
      })
      events.push({
        orderId: r.orderId, kind: 'presale_late', actor: 'system:presale', detail: JSON.stringify({ campaignId: c.id, shipBy: shipDay, daysLate, compensation }), atMs: nowMs,
      })
      const owed = amount > 0 ? ` We owe you ${money(amount, r.currency)} for the delay.` : ''
      messages.push({
        id: messageId, orderId: r.orderId, customerId: r.customerId, kind: 'delay', subject: `Your presale order ${r.orderId} is late`,
        body: `We are sorry: ${reason}${owed} We will ship it as soon as we can; if you would rather not wait, you can cancel it for a full refund, deposit included.`,
        createdAtMs: nowMs,
      })
      // The same event re-promising publishes, so a channel tells the customer whatever the cause.
      published.push({
        topic: 'order.delayed', subject: r.orderId, payload: {
          orderId: r.orderId, lineNo: r.lineNo, channelId: r.channelId, customerId: r.customerId, delayId, messageId,
          cause: lateCause, oldShipBy: shipDay, newShipBy: null, daysLate, compensation,
        },
      })
    }
    await recordDelays(tx, delays)
    await appendTimeline(tx, events)
    await sendMessages(tx, messages)
    await publish(tx, published, nowMs)
    return delays.length
  })
}
