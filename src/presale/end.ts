/**
 * Ending a campaign, in two steps. First, under the position lock (so no batch is admitting an
 * order at that moment): the status, the final price from the units sold, the quota closed.
 * Then, in one transaction claimed by setting `repriced_at` (so two pollers never both do it):
 * every open order repriced (never above the price it was shown), its balance window set from
 * the real end, a timeline entry and a message for the customer. The second step takes no
 * position lock, so it never waits in a cycle with an order action that holds an order and
 * waits for the position.
 */
import { majorUnits } from '../kernel/money.ts'
import type { Queryable } from '../store/db.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import { newId } from '../kernel/ids.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import { appendTimeline, lockCampaignOrders, repriceOrder, sendMessages, type Order, type Reprice } from '../orders/index.ts'
import { endOrder, type EndOfOrder } from './decide.ts'
import { checkCampaignAction } from './lifecycle.ts'
import type { Campaign } from './model.ts'
import { priceAt } from './rules.ts'
import { campaignEvent, loadCampaign, saveCampaign, unitsSold } from './store.ts'
import type { PresaleContext } from './service.ts'

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
    const orders = await lockCampaignOrders(tx, c.id, repricedStatuses)
    const decided = orders.map((o) => endOrder(o, c.finalUnitPrice!, c.endedAtMs!, c.balanceWindowHours))
    for (let i = 0; i < orders.length; i++) await repriceOrder(tx, orders[i], repriceOf(orders[i], decided[i]), nowMs)
    await settleZeroBalances(ctx, tx, orders, decided)
    await appendTimeline(tx, decided.map((d) => ({
      orderId: d.orderId, kind: d.repriced ? 'presale_repriced' : 'presale_ended', actor, detail: JSON.stringify(eventDetail(c, d)), atMs: nowMs,
    })))
    await sendMessages(tx, orders.map((o, i) => ({ id: newId('msg'), orderId: o.id, customerId: o.customerId, ...endMessage(c, o, decided[i]), createdAtMs: nowMs })))
    await publish(tx, orders.map((o, i): DomainEvent => ({
      topic: 'order.changed',
      subject: o.id,
      payload: {
        orderId: o.id, channelId: o.channelId, customerId: o.customerId, status: o.status, action: 'presale_ended', events: [decided[i].repriced ? 'presale_repriced' : 'presale_ended'],
      },
    })), nowMs)
    return true
  })
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

/** A balance paid before the end at the old price is refunded the difference. */
const repriceOf = (o: Order, d: EndOfOrder): Reprice => ({
  total: d.total, payment: d.payment, dueAtMs: d.dueAtMs, refundDueAdded: o.status === 'paid' ? d.totalBefore - d.total : 0, lines: d.lines,
})

const eventDetail = (c: Campaign, d: EndOfOrder) => ({
  campaignId: c.id, finalUnitPrice: c.finalUnitPrice, unitPriceBefore: d.unitPriceBefore, unitPrice: d.unitPrice, totalBefore: d.totalBefore, total: d.total,
  balance: d.payment.kind === 'deposit' ? d.payment.balance : 0,
  balanceFrom: d.payment.kind === 'deposit' ? new Date(d.payment.balanceFromMs).toISOString() : null,
  balanceBy: d.payment.kind === 'deposit' ? new Date(d.payment.balanceByMs).toISOString() : null,
})

/** `12.50 CNY` from minor units, with the currency's own number of decimals. */
export const money = (minor: number, currency: string): string => `${majorUnits(minor, currency)} ${currency}`

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
