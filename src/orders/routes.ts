/**
 * Order routes. A channel token places and reads its own channel's orders (others are not found)
 * and cancels for its customers; staff (the merchant) place for a named channel, ship, deliver and
 * cancel; a payment provider (`payments:<provider>`) reports payments and refunds.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Services } from '../services.ts'
import { idempotencyScope, type Principal } from '../auth/index.ts'
import { allow, decodeCursor, encodeCursor, Id, idempotencyKeyOf, Page, numberedPageOf, pageLimitOf, principalOf, problems, requestHashOf, sendProblem } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Channel } from '../catalogue/index.ts'
import { placeInputOf } from './create.ts'
import { orderTransitions, type OrderAction } from './lifecycle.ts'
import type { Order } from './model.ts'
import { paymentsOf, recordPayment, type PaymentInput } from './payments.ts'
import type { OrderActor } from './service.ts'
import { listOrders, loadOrderEvents } from './store.ts'
import * as S from './schemas.ts'
import { eventView, orderView, paymentView, placedEventView } from './views.ts'

const tags = ['orders']
const IdParams = Type.Object({ id: Id })
const merchants = allow('admin', 'ops')
const sellers = allow('admin', 'ops', 'channel')
const readers = allow('admin', 'ops', 'channel', 'payments')

/** A POST whose body is all optional may be sent without one. */
async function bodyOptional(req: FastifyRequest): Promise<void> {
  req.body ??= {}
}

export function registerOrderRoutes(app: FastifyInstance, services: Services): void {
  const { orders, catalogue, clock, db } = services

  async function ownChannelId(p: Principal & { kind: 'channel' }): Promise<string> {
    return (await catalogue.resolveChannel(p.scopeId))?.id ?? p.scopeId
  }

  async function actorOf(req: FastifyRequest): Promise<OrderActor> {
    const p = principalOf(req)
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'channel') return { actor, party: 'customer', channelId: await ownChannelId(p) }
    if (p.kind === 'payments') return { actor, party: 'provider' }
    return { actor, party: 'merchant' }
  }

  /**
   * The order as the caller may see it: another channel's order is not found, and a payment
   * provider sees only orders it has taken a payment on (customers' data stays with the merchant).
   */
  async function visible(req: FastifyRequest, id: string): Promise<Result<Order>> {
    const order = await orders.get(id)
    const by = await actorOf(req)
    const p = principalOf(req)
    const mine = order && (by.channelId === undefined || order.channelId === by.channelId) &&
      (p.kind !== 'payments' || (await paymentsOf(db, order.id, p.scopeId)).length > 0)
    return mine ? ok(order) : notFound('order', id)
  }

  /** The channel an order is placed through: a channel token's own (another is refused); staff must name one. */
  async function channelToPlace(req: FastifyRequest, named: string | undefined): Promise<Result<Channel>> {
    const p = principalOf(req)
    const ref = p.kind === 'channel' ? p.scopeId : named
    if (ref === undefined) return fail('channel_required', 'Name the channel the order is placed through.')
    const channel = await catalogue.resolveChannel(ref)
    if (!channel) return fail('unknown_channel', `No channel with id or code '${ref}'.`)
    if (p.kind === 'channel' && named !== undefined && named !== channel.id && named !== channel.code) {
      return fail('forbidden', `Role '${p.role}' may only place orders on its own channel.`)
    }
    return ok(channel)
  }

  const sendOr = <T>(reply: FastifyReply, r: Result<T>, status: number, view: (v: T) => unknown) =>
    (r.ok ? reply.code(status).send(view(r.value)) : sendProblem(reply, r))

  app.get('/v1/orders/lifecycle', {
    preHandler: readers,
    schema: { tags, summary: 'The order lifecycle table: which action is allowed from which status, and by whom', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
  }, async () => orderTransitions)

  app.post('/v1/orders', {
    preHandler: sellers,
    schema: {
      tags, summary: 'Place an order: each line is allocated to stock, then future supply in date order, and holds it until the payment deadline',
      description: 'Channels must send an Idempotency-Key: a retry with the same key and body returns the original order.',
      body: S.CreateOrderBody, response: { 201: S.OrderView, ...problems },
    },
  }, async (req, reply) => {
    const b = req.body as Static<typeof S.CreateOrderBody>
    const p = principalOf(req)
    const key = idempotencyKeyOf(req)
    if (!key.ok) return sendProblem(reply, key)
    if (key.value === undefined && p.kind === 'channel') return sendProblem(reply, fail('idempotency_key_required', 'Send an Idempotency-Key header: a retried order must never be placed twice.'))
    const channel = await channelToPlace(req, b.channel)
    if (!channel.ok) return sendProblem(reply, channel)
    const input = await placeInputOf(db, catalogue, {
      channel: channel.value, customerId: b.customerId, currency: b.currency ?? 'CNY', lines: b.lines, fulfilment: b.fulfilment,
      reference: b.reference ?? null, customerTier: b.customerTier ?? null, actor: `${p.role}/${p.tokenId}`,
      idem: key.value === undefined ? undefined : { scopeKey: `order|${idempotencyScope(p)}|${key.value}`, requestHash: requestHashOf(req) },
    }, clock.nowMs())
    if (!input.ok) return sendProblem(reply, input)
    const { result, replayed } = await orders.submit(input.value)
    if (replayed) reply.header('idempotent-replayed', 'true')
    return sendOr(reply, result, 201, orderView)
  })

  app.get('/v1/orders', {
    preHandler: sellers,
    schema: { tags, summary: 'Orders, newest first (a channel sees its own)', querystring: S.ListQuery, response: { 200: Page(S.OrderView), ...problems } },
  }, async (req, reply) => {
    const q = req.query as Static<typeof S.ListQuery>
    const limit = pageLimitOf(q)
    if (!limit.ok) return sendProblem(reply, limit)
    const by = await actorOf(req)
    const named = q.channel === undefined ? undefined : (await catalogue.resolveChannel(q.channel))?.id ?? q.channel
    // A channel naming another channel gets an empty page, as for any channel with no orders.
    if (by.channelId !== undefined && named !== undefined && named !== by.channelId) return { items: [], nextCursor: null }
    const items = await listOrders(db, { channelId: by.channelId ?? named, status: q.status, customerId: q.customer }, decodeCursor(q.cursor), limit.value)
    return { items: items.map(orderView), nextCursor: items.length === limit.value ? encodeCursor(items[items.length - 1].id) : null }
  })

  app.get('/v1/orders/:id', {
    preHandler: readers,
    schema: { tags, summary: 'One order: lines with their allocations, promised dates, risk, and what is owed', params: IdParams, response: { 200: S.OrderView, ...problems } },
  }, async (req, reply) => sendOr(reply, await visible(req, (req.params as { id: string }).id), 200, orderView))

  app.get('/v1/orders/:id/timeline', {
    preHandler: sellers,
    schema: {
      tags, summary: 'Everything that happened to the order: who, what, when', params: IdParams,
      querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })) }, { additionalProperties: false }),
      response: { 200: Page(S.EventView), ...problems },
    },
  }, async (req, reply) => {
    const page = numberedPageOf(req.query as { cursor?: string; limit?: string })
    if (!page.ok) return sendProblem(reply, page)
    const { after, limit } = page.value
    const order = await visible(req, (req.params as { id: string }).id)
    if (!order.ok) return sendProblem(reply, order)
    const first = after === 0 ? [placedEventView(order.value)] : []
    const events = await loadOrderEvents(db, order.value.id, after, limit - first.length)
    const items = [...first, ...events.map(eventView)]
    return { items, nextCursor: items.length === limit ? encodeCursor(items[items.length - 1].id) : null }
  })

  const act = (action: (body: Record<string, unknown>) => OrderAction, detailOf: (body: Record<string, unknown>) => Record<string, unknown>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const body = (req.body ?? {}) as Record<string, unknown>
      const done = await orders.act((req.params as { id: string }).id, action(body), await actorOf(req), detailOf(body))
      return sendOr(reply, done, 200, orderView)
    }

  app.post('/v1/orders/:id/cancel', {
    preHandler: sellers,
    preValidation: bodyOptional,
    schema: {
      tags, summary: 'Cancel before shipping: unpaid is free; paid is refunded in full; a paid deposit is forfeited unless a delay offer is open',
      params: IdParams, body: S.CancelBody, response: { 200: S.OrderView, ...problems },
    },
  }, act((b) => (b.acceptDelayOffer ? 'cancel_for_delay' : 'cancel'), (b) => (b.reason === undefined ? {} : { reason: b.reason })))

  app.post('/v1/orders/:id/ship', {
    preHandler: merchants,
    preValidation: bodyOptional,
    schema: { tags, summary: 'Ship the order: every unit must be held as stock and on hand', params: IdParams, body: S.ShipBody, response: { 200: S.OrderView, ...problems } },
  }, act(() => 'ship', (b) => ({ ...(b.carrier !== undefined && { carrier: b.carrier }), ...(b.tracking !== undefined && { tracking: b.tracking }) })))

  app.post('/v1/orders/:id/deliver', {
    preHandler: merchants,
    schema: { tags, summary: 'The carrier delivered, or the shopper collected', params: IdParams, response: { 200: S.OrderView, ...problems } },
  }, act(() => 'deliver', () => ({})))

  app.post('/v1/orders/:id/payments', {
    preHandler: allow('admin', 'payments'),
    schema: {
      tags, summary: 'Report a payment, deposit, balance or refund (payment providers); idempotent on the provider’s reference',
      params: IdParams, body: S.PaymentBody, response: { 201: S.PaymentView, ...problems },
    },
  }, async (req, reply) => {
    const p = principalOf(req)
    const provider = p.kind === 'payments' ? p.scopeId : 'manual'
    const done = await recordPayment(orders, (req.params as { id: string }).id, req.body as PaymentInput, provider, { actor: `${p.role}/${p.tokenId}`, party: 'provider' })
    if (done.ok && done.value.replayed) reply.header('idempotent-replayed', 'true')
    return sendOr(reply, done, 201, (v) => paymentView(v.payment))
  })

  app.get('/v1/orders/:id/payments', {
    preHandler: readers,
    schema: { tags, summary: 'The order’s payments and refunds, oldest first (a provider sees its own)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.PaymentView) }), ...problems } },
  }, async (req, reply) => {
    const p = principalOf(req)
    const order = await visible(req, (req.params as { id: string }).id)
    if (!order.ok) return sendProblem(reply, order)
    const items = await paymentsOf(db, order.value.id, p.kind === 'payments' ? p.scopeId : undefined)
    return { items: items.map(paymentView) }
  })
}
