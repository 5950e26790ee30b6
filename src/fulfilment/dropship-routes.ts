/**
 * Dropship requests in the supplier portal. A supplier token sees and works only the requests at
 * its own dropship nodes — another supplier's is not found, as for POs; staff (admin, ops) see
 * every supplier's, or one's with `supplier=`, and may act for a supplier that phoned it in.
 * Shipments at warehouses and stores are not dropship requests: not found here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { parseRole, type NodeScopeOf } from '../kernel/principal.ts'
import { isoOf } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import { allow, Id, Page, pageRequestOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Orders } from '../orders/index.ts'
import { dropshipNodesOf, dropshipRequestsOf, statusesOfDropship, type DropshipRequest } from './dropship.ts'
import type { Shipment } from './model.ts'
import type { Fulfilment, ShipmentActor } from './service.ts'
import * as S from './schemas.ts'

const tags = ['supplier portal']
const cursor = singleCursor('dropship_requests', 'text')
const IdParams = Type.Object({ id: Id })
const portal = allow('admin', 'ops', 'supplier')
const dayOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

export function requestView(r: DropshipRequest) {
  const s = r.shipment
  return {
    id: s.id, orderId: s.orderId, supplierId: r.supplierId, nodeId: s.nodeId, status: r.status, shipmentStatus: s.status,
    lines: r.lines.map((l) => ({ lineNo: l.lineNo, skuId: l.skuId, skuCode: l.skuCode, skuName: l.skuName, quantity: l.quantity, status: l.status, shipBy: dayOf(l.shipByMs), deliverBy: dayOf(l.deliverByMs) })),
    shipTo: r.shipTo ?? null, carrier: s.carrier, service: s.service, tracking: s.tracking, packages: s.packages,
    createdAt: isoOf(s.createdAtMs)!, updatedAt: isoOf(s.updatedAtMs)!, shippedAt: isoOf(s.shippedAtMs), deliveredAt: isoOf(s.deliveredAtMs),
  }
}

export interface DropshipRouteDeps {
  fulfilment: Fulfilment
  orders: Orders
  catalogue: Catalogue
  nodeScopeOf: NodeScopeOf
}

export function dropshipRoutes({ fulfilment, orders, catalogue, nodeScopeOf }: DropshipRouteDeps): FastifyPluginAsyncTypebox {
  /** A supplier acts on its own dropship nodes; staff on every dropship node (so a warehouse's shipment is not found here). */
  async function actorOf(req: FastifyRequest): Promise<ShipmentActor> {
    const p = principalOf(req)
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'supplier') return { actor, party: 'supplier', nodeIds: (await nodeScopeOf(p)) ?? [] }
    return { actor, party: 'merchant', nodeIds: [...(await dropshipNodesOf(catalogue)).keys()] }
  }

  const views = async (shipments: Shipment[]) => (await dropshipRequestsOf(shipments, await dropshipNodesOf(catalogue), { orders, catalogue })).map(requestView)
  const viewOf = async (s: Shipment) => (await views([s]))[0]
  async function send<T>(reply: FastifyReply, r: Result<T>, view: (v: T) => Promise<unknown>) {
    return r.ok ? reply.code(200).send(await view(r.value)) : sendProblem(reply, r)
  }

  return async (app) => {
    app.get('/v1/supplier-portal/dropship', {
      preHandler: portal,
      schema: {
        tags, summary: 'Dropship requests, oldest first: the lines customers were promised that the supplier sends itself (a supplier sees its own)',
        querystring: S.DropshipListQuery, response: { 200: Page(S.DropshipRequestView), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const page = pageRequestOf(q, cursor)
      if (!page.ok) return sendProblem(reply, page)
      const who = await actorOf(req)
      // Naming a supplier narrows to its dropship nodes; a supplier naming another gets an empty page.
      const named = q.supplier === undefined ? undefined : parseRole(`supplier:${q.supplier}`)
      const ofNamed = named ? (await nodeScopeOf(named)) ?? [] : q.supplier === undefined ? undefined : []
      const nodeIds = who.nodeIds!.filter((n) => ofNamed === undefined || ofNamed.includes(n))
      const items = await fulfilment.list({ nodeIds, statuses: q.status && statusesOfDropship(q.status) }, page.value.after, page.value.limit)
      return { items: await views(items), nextCursor: nextCursorOf(items, page.value.limit, cursor, (s) => s.id) }
    })

    app.get('/v1/supplier-portal/dropship/:id', {
      preHandler: portal,
      schema: { tags, summary: 'One dropship request: its lines with the customer’s promised dates, and the parcel label’s address', params: IdParams, response: { 200: S.DropshipRequestView, ...problems } },
    }, async (req, reply) => {
      const found = await fulfilment.get(req.params.id, await actorOf(req))
      return send(reply, found.ok ? ok(found.value.shipment) : found, viewOf)
    })

    app.post('/v1/supplier-portal/dropship/:id/accept', {
      preHandler: portal,
      schema: { tags, summary: 'Accept a dropship request: the supplier will send the lines to the customer itself', params: IdParams, response: { 200: S.DropshipRequestView, ...problems } },
    }, async (req, reply) => send(reply, await fulfilment.accept(req.params.id, await actorOf(req)), viewOf))

    app.post('/v1/supplier-portal/dropship/:id/ship', {
      preHandler: portal,
      schema: {
        tags, summary: 'Shipped with tracking: the units leave the supplier’s allowance (one movement per line); shipping some lines or units leaves the rest accepted in a new request',
        params: IdParams, body: S.DropshipShipBody, response: { 200: S.DropshipShipResultView, ...problems },
      },
    }, async (req, reply) => send(reply, await fulfilment.ship(req.params.id, req.body, await actorOf(req)),
      async (v) => ({ request: await viewOf(v.shipment), rest: v.rest && (await viewOf(v.rest)) })))

    app.post('/v1/supplier-portal/dropship/:id/reject', {
      preHandler: portal,
      schema: {
        tags, summary: 'Turn down a dropship request, or some of its lines: each is re-routed to another node and re-promised, and a later date is a delay told to the customer',
        params: IdParams, body: S.DropshipRejectBody, response: { 200: S.DropshipRequestView, ...problems },
      },
    }, async (req, reply) => {
      const who = await actorOf(req)
      const found = await fulfilment.get(req.params.id, who)
      if (!found.ok) return sendProblem(reply, found)
      const lineNos = req.body.lines ?? found.value.shipment.lines.filter((l) => l.status === 'open').map((l) => l.lineNo)
      const done = await fulfilment.rejectLines(req.params.id, lineNos, req.body.reason, req.body.note, who)
      return send(reply, done.ok ? ok(done.value.shipment) : done, viewOf)
    })
  }
}
