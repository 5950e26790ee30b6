/**
 * Shipment routes. Staff (admin, ops) see every shipment and run every step; a node user
 * (`store:<node>`, `warehouse:<node>`) sees only its node's shipments — another node's is not
 * found — and works them (release, pick, pack, ship, reject a line); a channel reads the
 * shipments of its own orders (tracking). Everyone else is 403.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { NodeScopeOf, Principal } from '../kernel/principal.ts'
import { isoOf } from '../kernel/clock.ts'
import type { Result } from '../kernel/result.ts'
import { allow, bodyOptional, Id, nodesToList, Page, pageRequestOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import { instantMsOf } from '../http/dates.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { shipmentTransitions } from './lifecycle.ts'
import type { Shipment, ShipmentEvent } from './model.ts'
import type { Fulfilment, PickupView, ShipmentActor } from './service.ts'
import { labelsOf, type ShippingLabel } from './label.ts'
import type { Orders } from '../orders/index.ts'
import * as S from './schemas.ts'

const tags = ['shipments']
const cursor = singleCursor('shipments', 'text')
const IdParams = Type.Object({ id: Id })
const readers = allow('admin', 'ops', 'store', 'warehouse', 'channel')
const workers = allow('admin', 'ops', 'store', 'warehouse')
const merchants = allow('admin', 'ops')

const pickupJson = (p: PickupView | undefined) => p === undefined ? null : {
  state: p.state, attempts: p.attempts, attemptsLeft: p.attemptsLeft, locked: p.locked, readyAt: isoOf(p.readyAtMs)!, expiresAt: isoOf(p.expiresAtMs)!,
  remindedAt: isoOf(p.remindedAtMs), endedAt: isoOf(p.endedAtMs),
}

export function shipmentView(s: Shipment, pickup?: PickupView, label?: ShippingLabel) {
  return {
    id: s.id, orderId: s.orderId, channelId: s.channelId, nodeId: s.nodeId, status: s.status, splitFrom: s.splitFromId,
    carrier: s.carrier, service: s.service, tracking: s.tracking, packages: s.packages, lines: s.lines,
    createdAt: isoOf(s.createdAtMs), updatedAt: isoOf(s.updatedAtMs), shippedAt: isoOf(s.shippedAtMs), deliveredAt: isoOf(s.deliveredAtMs),
    pickup: pickupJson(pickup),
    shipTo: label ?? null,
  }
}

const eventView = (e: ShipmentEvent) => ({ id: e.id, kind: e.kind, actor: e.actor, detail: e.detail, at: isoOf(e.atMs) })

export interface ShipmentRouteDeps {
  fulfilment: Fulfilment
  orders: Orders
  catalogue: Catalogue
  nodeScopeOf: NodeScopeOf
}

export function shipmentRoutes({ fulfilment, orders, catalogue, nodeScopeOf }: ShipmentRouteDeps): FastifyPluginAsyncTypebox {
  async function actorOf(p: Principal): Promise<ShipmentActor> {
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'store' || p.kind === 'warehouse') return { actor, party: 'node', nodeIds: (await nodeScopeOf(p)) ?? [] }
    // A channel only reads (the action routes refuse it with 403): its own orders' shipments.
    if (p.kind === 'channel') return { actor, party: 'merchant', channelId: (await catalogue.channelIdOf(p)) ?? '' }
    return { actor, party: 'merchant' }
  }

  /** Shipments as answered: each with its pickup (once ready) and the parcel label's address (label.ts). */
  async function viewsOf(shipments: Shipment[]) {
    const [pickups, labels] = await Promise.all([fulfilment.pickupsOf(shipments.map((s) => s.id)), labelsOf(orders, shipments)])
    return shipments.map((s) => shipmentView(s, pickups.get(s.id), labels.get(s.id)))
  }
  const viewOf = async (s: Shipment) => (await viewsOf([s]))[0]
  const restOf = async (s: Shipment | null) => (s ? viewOf(s) : null)
  async function send<T>(reply: FastifyReply, r: Result<T>, view: (v: T) => Promise<unknown>) {
    return r.ok ? reply.code(200).send(await view(r.value)) : sendProblem(reply, r)
  }
  const by = (req: FastifyRequest) => actorOf(principalOf(req))

  return async (app) => {
    app.get('/v1/shipments/lifecycle', {
      preHandler: readers,
      schema: { tags, summary: 'The shipment lifecycle table: which action is allowed from which status, and by whom', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
    }, async () => shipmentTransitions)

    app.get('/v1/shipments', {
      preHandler: readers,
      schema: {
        tags, summary: 'Shipments, oldest first: a node’s work queue (a node user sees its own node’s, a channel its orders’)',
        querystring: S.ListQuery, response: { 200: Page(S.ShipmentView), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const page = pageRequestOf(q, cursor)
      if (!page.ok) return sendProblem(reply, page)
      const who = await by(req)
      const named = q.node === undefined ? undefined : (await catalogue.resolveNode(q.node))?.id ?? q.node
      const filter = { nodeIds: nodesToList(who.nodeIds, named), statuses: q.status && [q.status], channelId: who.channelId, orderId: q.order }
      const items = await fulfilment.list(filter, page.value.after, page.value.limit)
      return { items: await viewsOf(items), nextCursor: nextCursorOf(items, page.value.limit, cursor, (s) => s.id) }
    })

    app.post('/v1/orders/:id/shipments', {
      preHandler: merchants,
      schema: {
        tags, summary: 'Release a paid order to fulfilment by hand: a shipment per node for the open units no shipment covers',
        description: 'Shipments are made when an order is paid; this makes them again for units whose shipment was cancelled, or a line that was held.',
        params: IdParams, response: { 201: Type.Object({ items: Type.Array(S.ShipmentView) }), ...problems },
      },
    }, async (req, reply) => {
      const done = await fulfilment.createForOrder(req.params.id, await by(req))
      return done.ok ? reply.code(201).send({ items: await viewsOf(done.value) }) : sendProblem(reply, done)
    })

    app.get('/v1/shipments/:id', {
      preHandler: readers,
      schema: { tags, summary: 'One shipment with its lines and events (who did what, rejections with their reason, splits)', params: IdParams, response: { 200: S.ShipmentDetailView, ...problems } },
    }, async (req, reply) => {
      return send(reply, await fulfilment.get(req.params.id, await by(req)), async (v) => ({ ...(await viewOf(v.shipment)), events: v.events.map(eventView) }))
    })

    for (const [action, summary] of [
      ['release', 'Hand the shipment to its node: it joins the node’s work queue'],
      ['pick', 'The node started picking'],
      ['pack', 'Picked and packed, waiting for the carrier'],
    ] as const) {
      app.post(`/v1/shipments/:id/${action}`, {
        preHandler: workers,
        schema: { tags, summary, params: IdParams, response: { 200: S.ShipmentView, ...problems } },
      }, async (req, reply) => send(reply, await fulfilment.step((req.params as { id: string }).id, action, await by(req)), viewOf))
    }

    app.post('/v1/shipments/:id/ship', {
      preHandler: workers,
      schema: {
        tags, summary: 'Hand to the carrier: the stock is committed (one movement per line); shipping some lines or units splits the rest into a new shipment',
        params: IdParams, body: S.ShipBody, response: { 200: S.ShipResultView, ...problems },
      },
    }, async (req, reply) => send(reply, await fulfilment.ship(req.params.id, req.body, await by(req)),
      async (v) => ({ shipment: await viewOf(v.shipment), rest: await restOf(v.rest) })))

    app.post('/v1/shipments/:id/deliver', {
      preHandler: merchants,
      ...bodyOptional,
      schema: { tags, summary: 'The carrier delivered: each order line whose every unit arrived gets its delivery day', params: IdParams, body: S.DeliverBody, response: { 200: S.ShipmentView, ...problems } },
    }, async (req, reply) => {
      const at = req.body.deliveredAt === undefined ? undefined : instantMsOf(req.body.deliveredAt, 'deliveredAt')
      return send(reply, await fulfilment.deliver(req.params.id, at, await by(req)), viewOf)
    })

    app.post('/v1/shipments/:id/cancel', {
      preHandler: merchants,
      ...bodyOptional,
      schema: {
        tags, summary: 'Cancel before shipping: the lines go back to the order, still holding their stock, to be released again or cancelled with the order',
        params: IdParams, body: S.CancelBody, response: { 200: S.ShipmentView, ...problems },
      },
    }, async (req, reply) => send(reply, await fulfilment.cancel(req.params.id, req.body.reason, await by(req)), viewOf))

    app.post('/v1/shipments/:id/reject', {
      preHandler: workers,
      schema: {
        tags, summary: 'The node cannot send a line (not found, damaged): it is re-routed to the next node and re-promised; a later date is a delay told to the customer',
        params: IdParams, body: S.RejectBody, response: { 200: S.RejectResultView, ...problems },
      },
    }, async (req, reply) => {
      const b = req.body
      return send(reply, await fulfilment.rejectLine(req.params.id, b.lineNo, b.reason, b.note, await by(req)),
        async (v) => ({ shipment: await viewOf(v.shipment), rerouted: await restOf(v.rerouted) }))
    })
    app.post('/v1/shipments/:id/ready', {
      preHandler: workers,
      schema: {
        tags, summary: 'A packed pickup order is ready at the store: the customer is sent a pickup code (kept hashed) with its QR image, and the hold clock starts',
        params: IdParams, response: { 200: S.ReadyResultView, ...problems },
      },
    }, async (req, reply) => send(reply, await fulfilment.ready(req.params.id, await by(req)), async (v) => ({ shipment: await viewOf(v.shipment) })))

    app.post('/v1/shipments/:id/collect', {
      preHandler: workers,
      schema: {
        tags, summary: 'Hand a pickup over at the counter against its code: the stock is committed and the lines delivered; some lines or units leave the rest ready',
        description: 'Every attempt is logged on the shipment (never the code or the name); after 5 wrong codes the pickup locks until the merchant resets it.',
        params: IdParams, body: S.CollectBody, response: { 200: S.CollectResultView, ...problems },
      },
    }, async (req, reply) => {
      return send(reply, await fulfilment.collect(req.params.id, req.body, await by(req)), async (v) => ({ shipment: await viewOf(v.shipment), rest: await restOf(v.rest) }))
    })

    app.post('/v1/shipments/:id/reset-attempts', {
      preHandler: merchants,
      schema: {
        tags, summary: 'Unlock a pickup locked after too many wrong codes (the code stays the same)',
        params: IdParams, response: { 200: S.ReadyResultView, ...problems },
      },
    }, async (req, reply) => send(reply, await fulfilment.resetAttempts(req.params.id, await by(req)), async (v) => ({ shipment: await viewOf(v.shipment) })))
  }
}
