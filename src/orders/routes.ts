/**
 * Order routes. A channel token places and reads its own channel's orders (others are not found)
 * and cancels for its customers; staff (the merchant) place for a named channel, ship, deliver and
 * cancel; a payment provider (`payments:<provider>`) reports payments and refunds.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { idempotencyScope, type Principal } from '../kernel/principal.ts'
import { allow, bodyOptional, Id, idempotencyKeyOf, Page, TimelineQuery, pageLimitOf, principalOf, problems, requestHashOf, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { fail } from '../http/errors.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Placer } from './create.ts'
import type { StatusLinks } from './status-link.ts'
import { orderTransitions, type OrderAction } from './lifecycle.ts'
import type { Order } from './model.ts'
import { recordPayment } from './payments.ts'
import type { OrderActor, Orders } from './service.ts'
import * as S from './schemas.ts'
import { eventView, orderView, paymentView, placedEventView } from './views.ts'
import type { ContactViewer } from './contact.ts'
import { localNow, nextWorkingDay } from '../promising/index.ts'

const tags = ['orders']
/** Orders are listed newest first by id; a timeline by entry number (0: placement). */
const orderCursor = singleCursor('orders', 'text')
const timelineCursor = singleCursor('order_timeline', 'serial')
const IdParams = Type.Object({ id: Id })
const merchants = allow('admin', 'ops')
const sellers = allow('admin', 'ops', 'channel')
const readers = allow('admin', 'ops', 'channel', 'payments')
/** One order: a store reads the pickup orders collected at it (to hand them over). */
const oneOrderReaders = allow('admin', 'ops', 'channel', 'store', 'payments')

/** Who places an order: a channel token for its customers, on its own channel; staff for the channel they name. */
export const placerOf = (p: Principal): Placer =>
  ({ actor: `${p.role}/${p.tokenId}`, role: p.role, ...(p.kind === 'channel' && { ownChannel: p.scopeId }) })

/** Where the request came to (scheme and host), for links when no public URL is configured. */
export const originOf = (req: FastifyRequest): string => `${req.protocol}://${req.host}`

const dayMs = 86_400_000

/** `placedFrom`/`placedTo` (whole UTC days, both included) as an instant range; a day Date cannot read is a 400. */
function placedRangeOf(q: { placedFrom?: string; placedTo?: string }): Result<{ placedFromMs?: number; placedBeforeMs?: number }> {
  const dayMsOf = (day: string | undefined) => (day === undefined ? undefined : Date.parse(`${day}T00:00:00Z`))
  const from = dayMsOf(q.placedFrom)
  const to = dayMsOf(q.placedTo)
  if (Number.isNaN(from) || Number.isNaN(to)) return fail('invalid_request', 'placedFrom and placedTo must be calendar days, YYYY-MM-DD.')
  return ok({ placedFromMs: from, placedBeforeMs: to === undefined ? undefined : to + dayMs })
}

const sendOr = <T, V>(reply: FastifyReply, r: Result<T>, status: number, view: (v: T) => V) =>
  (r.ok ? reply.code(status).send(view(r.value)) : sendProblem(reply, r))

/** Orders: placing, reading, the lifecycle actions, and payments. */
export function orderRoutes({ orders, catalogue, statusLinks }: { orders: Orders; catalogue: Catalogue; statusLinks: StatusLinks }): FastifyPluginAsyncTypebox {
  /** A store's node id (its token may name it by code). */
  const storeNodeOf = async (p: Principal & { kind: 'store' }) => (await catalogue.resolveNode(p.scopeId))?.id ?? p.scopeId

  /** Who reads an order's contact, for orders/contact.ts `contactSeenBy`. */
  async function viewerOf(p: Principal): Promise<ContactViewer> {
    switch (p.kind) {
      case 'admin': case 'ops': return { kind: 'staff' }
      case 'channel': return { kind: 'channel', channelId: (await catalogue.channelIdOf(p)) ?? p.scopeId }
      case 'store': return { kind: 'store', nodeId: await storeNodeOf(p) }
      case 'warehouse': return { kind: 'warehouse', nodeId: (await catalogue.resolveNode(p.scopeId))?.id ?? p.scopeId }
      case 'supplier': return { kind: 'supplier', supplierId: p.scopeId }
      case 'payments': return { kind: 'payments' }
    }
  }

  /**
   * The order as the wire shows it, with the customer's status link (for those who hand it to the
   * shopper) and as much of the customer's contact as the caller may see.
   */
  const withLink = async (req: FastifyRequest, order: Order) => {
    const link = await statusLinks.linkOf(order.id, originOf(req))
    const contact = await orders.contacts.contactFor(order, await viewerOf(principalOf(req)))
    return { ...orderView(order), ...(await pickupOf(order)), statusToken: link.token, statusUrl: link.url, ...contact }
  }

  /**
   * A pickup order's promise at its store: the day every line can be collected and its SLA —
   * `same_day` when that is the store's date the order was placed, `next_day` when it is the
   * store's next working day after it, null when later (stock still to come). docs/pickup.md.
   */
  const pickupOf = async (order: Order): Promise<{ pickup?: { sla: 'same_day' | 'next_day' | null; readyBy: string } }> => {
    if (order.fulfilment.method !== 'pickup') return {}
    const days = order.lines.filter((l) => l.status !== 'cancelled').map((l) => l.deliverByMs)
    const store = await catalogue.resolveNode(order.fulfilment.nodeId)
    if (!store || days.length === 0 || days.some((d) => d === null)) return {}
    const readyBy = Math.max(...(days as number[]))
    const placedDay = localNow(order.placedAtMs, store.fulfilment.timeZone).dayMs
    const sla = readyBy <= placedDay ? 'same_day' : readyBy <= (nextWorkingDay(store.fulfilment, placedDay + 86_400_000) ?? placedDay) ? 'next_day' : null
    return { pickup: { sla, readyBy: new Date(readyBy).toISOString().slice(0, 10) } }
  }

  async function actorOf(p: Principal): Promise<OrderActor> {
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'channel') return { actor, party: 'customer', channelId: await catalogue.channelIdOf(p) }
    if (p.kind === 'payments') return { actor, party: 'provider' }
    return { actor, party: 'merchant' }
  }

  /**
   * The order as the caller may see it: another channel's order is not found, a payment provider
   * sees only orders it has taken a payment on (customers' data stays with the merchant), and a
   * store only the pickup orders collected at it.
   */
  async function visible(p: Principal, id: string): Promise<Result<Order>> {
    const order = await orders.get(id)
    const by = await actorOf(p)
    const mine = order && (by.channelId === undefined || order.channelId === by.channelId) &&
      (p.kind !== 'payments' || (await orders.payments(order.id, p.scopeId)).length > 0) &&
      (p.kind !== 'store' || (order.fulfilment.method === 'pickup' && order.fulfilment.nodeId === await storeNodeOf(p)))
    return mine ? ok(order) : notFound('order', id)
  }

  /** One lifecycle action on the order in the path, as the caller. */
  const act = async (req: FastifyRequest, id: string, action: OrderAction, detail: Record<string, unknown>) =>
    orders.act(id, action, await actorOf(principalOf(req)), detail)

  return async (app) => {
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
      const p = principalOf(req)
      const key = idempotencyKeyOf(req)
      if (!key.ok) return sendProblem(reply, key)
      const idem = key.value === undefined ? undefined : { scopeKey: `order|${idempotencyScope(p)}|${key.value}`, requestHash: requestHashOf(req) }
      const { result, replayed } = await orders.place({ ...req.body, by: placerOf(p), idem })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return result.ok ? reply.code(201).send(await withLink(req, result.value)) : sendProblem(reply, result)
    })

    app.get('/v1/orders', {
      preHandler: sellers,
      schema: { tags, summary: 'Orders, newest first (a channel sees its own)', querystring: S.ListQuery, response: { 200: Page(S.OrderView), ...problems } },
    }, async (req, reply) => {
      const q = req.query
      const limit = pageLimitOf(q)
      if (!limit.ok) return sendProblem(reply, limit)
      const before = orderCursor.decode(q.cursor)
      if (!before.ok) return sendProblem(reply, before)
      const by = await actorOf(principalOf(req))
      const named = q.channel === undefined ? undefined : (await catalogue.resolveChannel(q.channel))?.id ?? q.channel
      // A channel naming another channel gets an empty page, as for any channel with no orders.
      if (by.channelId !== undefined && named !== undefined && named !== by.channelId) return { items: [], nextCursor: null }
      const placed = placedRangeOf(q)
      if (!placed.ok) return sendProblem(reply, placed)
      const filter = {
        channelId: by.channelId ?? named, status: q.status, customerId: q.customer, ...placed.value,
        delayed: q.delayed === undefined ? undefined : q.delayed === 'true',
        presale: q.presale === undefined ? undefined : q.presale === 'true',
      }
      const items = await orders.list(filter, before.value, limit.value)
      return { items: items.map(orderView), nextCursor: nextCursorOf(items, limit.value, orderCursor, (o) => o.id) }
    })

    app.get('/v1/orders/:id', {
      preHandler: oneOrderReaders,
      schema: {
        tags, summary: 'One order: lines with their allocations, promised dates, risk, what is owed, and the customer’s contact as far as the caller may see it',
        description: 'Staff and the order’s channel see the whole shipTo or pickup contact; a store reads only pickup orders collected at it, and sees only the name of who collects; a payment provider sees no contact.',
        params: IdParams, response: { 200: S.OrderView, ...problems },
      },
    }, async (req, reply) => {
      const p = principalOf(req)
      const order = await visible(p, req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      // A payment provider has no business sending the shopper anywhere, nor a store (the link can cancel).
      if (p.kind === 'payments') return orderView(order.value)
      if (p.kind === 'store') return { ...orderView(order.value), ...(await pickupOf(order.value)), ...(await orders.contacts.contactFor(order.value, await viewerOf(p))) }
      return withLink(req, order.value)
    })

    app.get('/v1/orders/:id/timeline', {
      preHandler: sellers,
      schema: {
        tags, summary: 'Everything that happened to the order: who, what, when', params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Page(S.EventView), ...problems },
      },
    }, async (req, reply) => {
      const limit = pageLimitOf(req.query)
      if (!limit.ok) return sendProblem(reply, limit)
      const after = timelineCursor.decode(req.query.cursor)
      if (!after.ok) return sendProblem(reply, after)
      const order = await visible(principalOf(req), req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      // Placement (entry 0) opens the first page only: a cursor after it continues with the rows.
      const first = after.value === undefined ? [placedEventView(order.value)] : []
      const events = await orders.timeline(order.value.id, after.value ?? 0, limit.value - first.length)
      const items = [...first, ...events.map(eventView)]
      return { items, nextCursor: nextCursorOf(items, limit.value, timelineCursor, (e) => e.id) }
    })

    app.post('/v1/orders/:id/cancel', {
      preHandler: sellers,
      ...bodyOptional,
      schema: {
        tags, summary: 'Cancel before shipping: unpaid is free; paid is refunded in full; a paid deposit is forfeited unless a delay offer is open',
        params: IdParams, body: S.CancelBody, response: { 200: S.OrderView, ...problems },
      },
    }, async (req, reply) => {
      const b = req.body
      const done = await act(req, req.params.id, b.acceptDelayOffer ? 'cancel_for_delay' : 'cancel', b.reason === undefined ? {} : { reason: b.reason })
      return sendOr(reply, done, 200, orderView)
    })

    app.post('/v1/orders/:id/ship', {
      preHandler: merchants,
      ...bodyOptional,
      schema: { tags, summary: 'Ship the order: every unit must be held as stock and on hand', params: IdParams, body: S.ShipBody, response: { 200: S.OrderView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const done = await act(req, req.params.id, 'ship', { ...(b.carrier !== undefined && { carrier: b.carrier }), ...(b.tracking !== undefined && { tracking: b.tracking }) })
      return sendOr(reply, done, 200, orderView)
    })

    app.post('/v1/orders/:id/deliver', {
      preHandler: merchants,
      schema: { tags, summary: 'The carrier delivered, or the shopper collected', params: IdParams, response: { 200: S.OrderView, ...problems } },
    }, async (req, reply) => sendOr(reply, await act(req, req.params.id, 'deliver', {}), 200, orderView))

    app.post('/v1/orders/:id/payments', {
      preHandler: allow('admin', 'payments'),
      schema: {
        tags, summary: 'Report a payment, deposit, balance or refund (payment providers); idempotent on the provider’s reference',
        params: IdParams, body: S.PaymentBody, response: { 201: S.PaymentView, ...problems },
      },
    }, async (req, reply) => {
      const p = principalOf(req)
      const provider = p.kind === 'payments' ? p.scopeId : 'manual'
      const done = await recordPayment(orders, req.params.id, req.body, provider, { actor: `${p.role}/${p.tokenId}`, party: 'provider' })
      if (done.ok && done.value.replayed) reply.header('idempotent-replayed', 'true')
      return sendOr(reply, done, 201, (v) => paymentView(v.payment))
    })

    app.get('/v1/orders/:id/payments', {
      preHandler: readers,
      schema: { tags, summary: 'The order’s payments and refunds, oldest first (a provider sees its own)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.PaymentView) }), ...problems } },
    }, async (req, reply) => {
      const p = principalOf(req)
      const order = await visible(p, req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      const items = await orders.payments(order.value.id, p.kind === 'payments' ? p.scopeId : undefined)
      return { items: items.map(paymentView) }
    })
  }
}
