/**
 * A line re-routed after a node rejected it ships later than promised: recorded and told exactly
 * as a re-promise delay is (repromise.ts `recordDelay`): a delay with its compensation under the
 * merchant's policy (less what earlier delays of the line granted), the customer message, the
 * timeline entry and `order.delayed` (which the notifications projector turns into a notice).
 */
import type { Queryable } from '../store/db.ts'
import { newId } from '../kernel/ids.ts'
import { publish } from '../events/index.ts'
import { loadSkuNames } from '../catalogue/index.ts'
import { compensationFor, unknownDaysLate } from '../promising/index.ts'
import { appendTimeline, delaysOf, recordDelays, sendMessages, type Order, type OrderLine } from '../orders/index.ts'
import { causeOf, dayText, daysBetween, delayMessage } from './delays.ts'
import { loadCompensationPolicy } from './repromise-store.ts'

/** Whether the line now ships or arrives later than before (or has no date any more). */
export const isLater = (before: OrderLine, after: OrderLine): boolean =>
  before.shipByMs !== null && (after.shipByMs === null || after.shipByMs > before.shipByMs ||
    (before.deliverByMs !== null && after.deliverByMs !== null && after.deliverByMs > before.deliverByMs))

/** Records the delay of a re-routed line, when it is later; returns the delay's id (undefined when it is not later). */
export async function recordRerouteDelay(tx: Queryable, order: Order, before: OrderLine, after: OrderLine, nowMs: number, actor: string): Promise<string | undefined> {
  if (!isLater(before, after)) return undefined
  const oldShipMs = before.shipByMs!
  const firstMs = before.firstShipByMs ?? oldShipMs
  const earlier = (await delaysOf(tx, order.id)).filter((d) => Number(d.line_no) === before.lineNo)
  const through = earlier.length === 0 ? null : earlier.some((d) => d.new_ship_by === null) ? Number.POSITIVE_INFINITY : Math.max(...earlier.map((d) => Number(d.new_ship_by)))
  const policy = await loadCompensationPolicy(tx)
  const compensation = compensationFor(policy, {
    daysLate: after.shipByMs === null ? unknownDaysLate : daysBetween(firstMs, after.shipByMs),
    compensatedDaysLate: through === null ? 0 : through === Number.POSITIVE_INFINITY ? unknownDaysLate : daysBetween(firstMs, through),
    lineAmountMinor: before.quantity * before.unitPrice,
    currency: order.currency,
  })
  const cause = causeOf('node_rejected')
  const skuName = (await loadSkuNames(tx, [before.skuId])).get(before.skuId) ?? before.skuId
  const message = delayMessage({ orderId: order.id, skuName, quantity: before.quantity }, cause, oldShipMs, after.shipByMs, compensation)
  const delayId = newId('dly')
  const messageId = newId('msg')
  const daysLate = after.shipByMs === null ? null : daysBetween(oldShipMs, after.shipByMs)
  await recordDelays(tx, [{
    id: delayId, orderId: order.id, lineNo: before.lineNo, cause: cause.cause, reason: cause.reason, oldShipByMs: oldShipMs, newShipByMs: after.shipByMs,
    daysLate, compensation: JSON.stringify(compensation), status: 'open', createdAtMs: nowMs, supplierId: null, poId: null,
  }])
  await sendMessages(tx, [{ id: messageId, orderId: order.id, customerId: order.customerId, ...message, createdAtMs: nowMs }])
  const oldShipBy = dayText(oldShipMs)
  const newShipBy = dayText(after.shipByMs)
  await appendTimeline(tx, [{
    orderId: order.id, kind: 'promise_delayed', actor, atMs: nowMs,
    detail: JSON.stringify({ lineNo: before.lineNo, delayId, cause: cause.cause, oldShipBy, newShipBy }),
  }])
  await publish(tx, [{
    topic: 'order.delayed', subject: order.id,
    payload: {
      orderId: order.id, lineNo: before.lineNo, channelId: order.channelId, customerId: order.customerId, delayId, messageId,
      cause: cause.cause, oldShipBy, newShipBy, daysLate, compensation,
    },
  }], nowMs)
  return delayId
}
