/**
 * Delays and customer messages of an order (staff, or the order's own channel: another
 * channel's order is not found), and the compensation policy (staff read it, admins set it).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { isoOf } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { allow, Id, principalOf, problems, sendProblem, sendResult, named } from '../http/support.ts'
import { compensationKinds, type Compensation } from '../promising/index.ts'
import { dayText, delayCauses } from './delays.ts'
import type { DelayRow, MessageRow } from '../orders/index.ts'
import type { Repromising } from './repromise.ts'

const tags = ['orders']
const IdParams = Type.Object({ id: Id })
const Money = Type.Integer({ minimum: 0, description: 'Minor units (cents, fen)' })

const CompensationView = named('DelayCompensation', Type.Object({
  kind: Type.String({ description: '`coupon` (re-promising), `presale_penalty` (a campaign’s own rule), or `none`' }),
  amountMinor: Money,
  currency: Type.String(),
  policy: Type.String({ description: 'The policy kind that computed it' }),
}))

const DelayView = named('OrderDelay', Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  lineNo: Type.Integer(),
  cause: Type.String({ description: `One of ${delayCauses.join(', ')}, or presale_not_shipped` }),
  reason: Type.String({ description: 'In plain words, as told to the customer' }),
  oldShipBy: Type.Union([Type.String(), Type.Null()]),
  newShipBy: Type.Union([Type.String(), Type.Null()], { description: 'Null while there is no new date' }),
  daysLate: Type.Union([Type.Integer(), Type.Null()], { description: 'Days the ship date moved; null without a new date' }),
  compensation: CompensationView,
  status: Type.String({ description: '`open`: the customer may still cancel with a full refund, deposit included; `accepted`: they did; `resolved`: the line is back on its first promise, the offer ended (compensation stays given)' }),
  createdAt: Type.String(),
}))

/** The notification that carried a message to the customer, as the composition root reads it from the notifications context. */
export interface MessageNotification {
  id: string
  kind: string
  language: string
  state: string
  createdAtMs: number
}

const MessageNotificationView = named('CustomerMessageNotification', Type.Object({
  id: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  state: Type.String({ description: '`pending`, `delivered`, `failed` or `no_endpoint` (docs/notifications.md)' }),
  createdAt: Type.String(),
}))

const MessageView = named('CustomerMessage', Type.Object({
  id: Type.String(), orderId: Type.String(), customerId: Type.String(), kind: Type.String(), subject: Type.String(), body: Type.String(), createdAt: Type.String(),
  notification: Type.Union([MessageNotificationView, Type.Null()], { description: 'The notification sent for it and its delivery state; null until the notifications projector has taken it' }),
}))

const PolicyBody = named('CompensationPolicy', Type.Object({
  kind: Type.String({ description: `One of ${compensationKinds.join(', ')}` }),
  perDayMinor: Type.Optional(Type.Integer({ description: 'coupon_per_day_late: coupon value per day late, minor units' })),
  capMinor: Type.Optional(Type.Integer({ description: 'coupon_per_day_late: most one line gets, minor units' })),
  percentPerDay: Type.Optional(Type.Number({ description: 'percent_of_line_per_day: share of the line’s price per day late' })),
  capPercent: Type.Optional(Type.Number({ description: 'percent_of_line_per_day: most one line gets, % of its price' })),
  graceDays: Type.Optional(Type.Integer({ description: 'Days late that earn nothing (default 0)' })),
}, { additionalProperties: false }))

const delayView = (r: DelayRow) => ({
  id: r.id,
  orderId: r.order_id,
  lineNo: Number(r.line_no),
  cause: r.cause,
  reason: r.reason,
  oldShipBy: dayText(r.old_ship_by === null ? null : Number(r.old_ship_by)),
  newShipBy: dayText(r.new_ship_by === null ? null : Number(r.new_ship_by)),
  daysLate: r.days_late === null ? null : Number(r.days_late),
  compensation: JSON.parse(r.compensation) as Compensation,
  status: r.status,
  createdAt: isoOf(Number(r.created_at)),
})

const messageView = (r: MessageRow, n: MessageNotification | undefined) => ({
  id: r.id, orderId: r.order_id, customerId: r.customer_id, kind: r.kind, subject: r.subject, body: r.body, createdAt: isoOf(Number(r.created_at)),
  notification: n === undefined ? null : { id: n.id, kind: n.kind, language: n.language, state: n.state, createdAt: isoOf(n.createdAtMs) },
})

/** An order's delays and customer messages, and the compensation policy. */
export function delayRoutes({ repromising, catalogue, notificationsOf }: {
  repromising: Repromising
  catalogue: Catalogue
  /** The notification of each message, by message id (from the notifications context, handed over by the composition root). */
  notificationsOf?: (messageIds: string[]) => Promise<ReadonlyMap<string, MessageNotification>>
}): FastifyPluginAsyncTypebox {
  const readers = allow('admin', 'ops', 'channel')

  /** Staff see every order; a channel only its own (others are not found, so their existence is not revealed). */
  async function visibleOrder(p: Principal, orderId: string): Promise<Result<string>> {
    const channelId = await repromising.orderChannel(orderId)
    if (!channelId.ok) return channelId
    if (p.kind !== 'channel') return ok(orderId)
    return (await catalogue.channelIdOf(p)) === channelId.value ? ok(orderId) : notFound('order', orderId)
  }

  return async (app) => {
    app.get('/v1/orders/:id/delays', {
      preHandler: readers,
      schema: { tags, summary: 'The order’s delays: cause, old and new ship date, compensation, and whether it may still be cancelled for a full refund', params: IdParams, response: { 200: Type.Object({ items: Type.Array(DelayView) }), ...problems } },
    }, async (req, reply) => {
      const order = await visibleOrder(principalOf(req), req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      return { items: (await repromising.delays(order.value)).map(delayView) }
    })

    app.get('/v1/orders/:id/messages', {
      preHandler: readers,
      schema: { tags, summary: 'What the customer was told about the order, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(MessageView) }), ...problems } },
    }, async (req, reply) => {
      const order = await visibleOrder(principalOf(req), req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      const messages = await repromising.messages(order.value)
      const sent = notificationsOf === undefined || messages.length === 0 ? new Map<string, MessageNotification>() : await notificationsOf(messages.map((m) => m.id))
      return { items: messages.map((m) => messageView(m, sent.get(m.id))) }
    })

    app.get('/v1/compensation-policy', {
      preHandler: allow('admin', 'ops'),
      schema: { tags: ['promising'], summary: 'How a delay is compensated: none, a coupon per day late, or a share of the line per day late; capped', response: { 200: PolicyBody, ...problems } },
    }, async () => repromising.compensationPolicy())

    app.put('/v1/compensation-policy', {
      preHandler: allow('admin'),
      schema: { tags: ['promising'], summary: 'Replace the compensation policy (delays from now on follow it)', body: PolicyBody, response: { 200: PolicyBody, ...problems } },
    }, async (req, reply) => sendResult(reply, await repromising.setCompensationPolicy(req.body)))
  }
}
