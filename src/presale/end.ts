/**
 * Ending a campaign, in two steps. First, under the position lock (so no batch is admitting an
 * order at that moment): the status, the final price from the units sold, the quota closed.
 * Then, in one transaction claimed by setting `repriced_at` (so two pollers never both do it):
 * every open order repriced (never above the price it was shown), its balance window set from
 * the real end, a timeline entry and a message for the customer. The second step takes no
 * position lock, so it never waits in a cycle with an order action that holds an order and
 * waits for the position.
 */
import type { Param, Queryable } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import { insertMany } from '../inventory/index.ts'
import { orderLineOf, orderOf, type Order, type OrderLineRow, type OrderRow } from '../orders/index.ts'
import { endOrder, type EndOfOrder } from './decide.ts'
import { checkCampaignAction } from './lifecycle.ts'
import type { Campaign } from './model.ts'
import { priceAt } from './rules.ts'
import { campaignEvent, loadCampaign, saveCampaign, unitsSold } from './store.ts'
import type { PresaleContext } from './service.ts'
import { messageColumns, orderEventColumns } from '../promising/index.ts'

/** Step one; the caller holds the campaign's position lock. */
export async function endCampaign(tx: Queryable, ctx: PresaleContext, c: Campaign, actor: string, closeSlot: () => Promise<Result<void>>): Promise<Result<Campaign>> {
  const refused = checkCampaignAction(c, 'end')
  if (refused) return refused
  const nowMs = ctx.clock.nowMs()
  const sold = await unitsSold(tx, c.id)
  // A poller that runs a little late still opens the balance window when the campaign said it would.
  const after: Campaign = { ...c, status: 'ended', finalUnitPrice: priceAt(c.pricing, sold), endedAtMs: Math.min(nowMs, c.endsAtMs), updatedAtMs: nowMs }
  const closed = await closeSlot()
  if (!closed.ok) return closed
  await saveCampaign(tx, after)
  await campaignEvent(tx, after, 'ended', actor, { unitsSold: sold })
  return ok(after)
}

const repricedStatuses = ['pending_deposit', 'deposit_paid', 'paid'] as const

/** Step two; false when there was nothing to do (not ended, or already repriced by someone). */
export async function repriceCampaign(ctx: PresaleContext, campaignId: string, actor: string): Promise<boolean> {
  return ctx.db.tx(async (tx) => {
    const nowMs = ctx.clock.nowMs()
    const claimed = await tx.run(`UPDATE presale_campaigns SET repriced_at = ? WHERE id = ? AND status = 'ended' AND repriced_at IS NULL`, [nowMs, campaignId])
    if (claimed === 0) return false
    const c = (await loadCampaign(tx, campaignId))!
    const orders = await lockOpenOrders(tx, c.id)
    const decided = orders.map((o) => endOrder(o, c.finalUnitPrice!, c.endedAtMs!, c.balanceWindowHours))
    for (let i = 0; i < orders.length; i++) await writeEnd(tx, orders[i], decided[i], nowMs)
    await settleZeroBalances(ctx, tx, orders, decided)
    await insertMany(tx, 'order_events', orderEventColumns,
      decided.map((d): Param[] => [d.orderId, d.repriced ? 'presale_repriced' : 'presale_ended', actor, JSON.stringify(eventDetail(c, d)), nowMs]))
    await insertMany(tx, 'customer_messages', messageColumns,
      orders.map((o, i): Param[] => {
        const m = endMessage(c, o, decided[i])
        return [newId('msg'), o.id, o.customerId, m.kind, m.subject, m.body, nowMs]
      }))
    await insertMany(tx, 'outbox', [['topic', 'text'], ['subject', 'text'], ['payload', 'text'], ['at', 'bigint']],
      orders.map((o, i): Param[] => ['order.changed', o.id, JSON.stringify({
        orderId: o.id, channelId: o.channelId, customerId: o.customerId, status: o.status, action: 'presale_ended', events: [decided[i].repriced ? 'presale_repriced' : 'presale_ended'],
      }), nowMs]))
    return true
  })
}

/** The campaign's open orders with their lines, rows locked in id order (the order every multi-order writer keeps). */
async function lockOpenOrders(tx: Queryable, campaignId: string): Promise<Order[]> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const rows = await tx.all<OrderRow>(
    `SELECT * FROM orders WHERE campaign_id = ? AND status IN (${repricedStatuses.map(() => '?').join(', ')}) ORDER BY id${lock}`, [campaignId, ...repricedStatuses])
  if (rows.length === 0) return []
  const lines = await tx.all<OrderLineRow>('SELECT * FROM order_lines WHERE campaign_id = ? ORDER BY order_id, line_no', [campaignId])
  const byOrder = new Map(rows.map((r) => [r.id, [] as ReturnType<typeof orderLineOf>[]]))
  for (const l of lines) byOrder.get(l.order_id)?.push(orderLineOf(l))
  return rows.map((r) => orderOf(r, byOrder.get(r.id)!))
}

/** A deposit that now covers the whole final price leaves nothing to pay: the order is paid, never forfeited. */
async function settleZeroBalances(ctx: PresaleContext, tx: Queryable, orders: Order[], decided: EndOfOrder[]): Promise<void> {
  for (let i = 0; i < orders.length; i++) {
    const d = decided[i]
    if (orders[i].status !== 'deposit_paid' || d.payment.kind !== 'deposit' || d.payment.balance > 0) continue
    const order = await ctx.orders.get(orders[i].id, tx)
    const paid = await ctx.orders.transitionWithin(tx, order!, 'pay_balance', { actor: 'system:presale', party: 'system' }, { amount: 0, detail: { reason: 'the deposit covers the final price' } })
    invariant(paid.ok, `settling a zero balance was refused: ${!paid.ok && paid.detail}`)
  }
}

async function writeEnd(tx: Queryable, o: Order, d: EndOfOrder, nowMs: number): Promise<void> {
  // A balance paid before the end at the old price is refunded the difference.
  const overpaid = o.status === 'paid' ? d.totalBefore - d.total : 0
  await tx.run('UPDATE orders SET total = ?, payment = ?, due_at = ?, refund_due = refund_due + ?, updated_at = ? WHERE id = ?',
    [d.total, JSON.stringify(d.payment), d.dueAtMs, overpaid, nowMs, o.id])
  for (const l of d.lines) {
    if (l.unitPrice !== o.lines.find((x) => x.lineNo === l.lineNo)!.unitPrice) {
      await tx.run('UPDATE order_lines SET unit_price = ? WHERE order_id = ? AND line_no = ?', [l.unitPrice, o.id, l.lineNo])
    }
  }
}

const eventDetail = (c: Campaign, d: EndOfOrder) => ({
  campaignId: c.id, finalUnitPrice: c.finalUnitPrice, unitPriceBefore: d.unitPriceBefore, unitPrice: d.unitPrice, totalBefore: d.totalBefore, total: d.total,
  balance: d.payment.kind === 'deposit' ? d.payment.balance : 0,
  balanceFrom: d.payment.kind === 'deposit' ? new Date(d.payment.balanceFromMs).toISOString() : null,
  balanceBy: d.payment.kind === 'deposit' ? new Date(d.payment.balanceByMs).toISOString() : null,
})

/** `12.50 CNY` from minor units (two digits). */
export const money = (minor: number, currency: string): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')} ${currency}`

function endMessage(c: Campaign, o: Order, d: EndOfOrder): { kind: string; subject: string; body: string } {
  const balance = d.payment.kind === 'deposit' ? d.payment.balance : 0
  const by = d.payment.kind === 'deposit' ? new Date(d.payment.balanceByMs).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : ''
  const next = o.status === 'paid'
    ? (d.repriced ? ` We will refund the difference of ${money(d.totalBefore - d.total, o.currency)}.` : '')
    : o.status === 'pending_deposit'
      ? ' Pay your deposit first, then the balance.'
      : ` Please pay the balance of ${money(balance, o.currency)} by ${by}, or the deposit is forfeited.`
  if (d.repriced) {
    return {
      kind: 'presale_repriced',
      subject: `Presale ${c.name || c.code}: your price dropped`,
      body: `The presale ended at ${money(d.unitPrice, o.currency)} per unit, less than the ${money(d.unitPriceBefore, o.currency)} you were shown. Your order ${o.id} now costs ${money(d.total, o.currency)} instead of ${money(d.totalBefore, o.currency)}.${next}`,
    }
  }
  return {
    kind: 'presale_balance_due',
    subject: `Presale ${c.name || c.code} has ended`,
    body: `Your order ${o.id} costs ${money(d.total, o.currency)}.${next}`,
  }
}
