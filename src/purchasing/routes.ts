/**
 * Purchase-order routes. Buyers (admin, ops) run the whole lifecycle; a supplier token is the
 * supplier portal: the same routes, its own sent orders only (anything else is 404), and only
 * the supplier's actions; a store token receives goods delivered to its store.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Catalogue } from '../catalogue/index.ts'
import { idempotencyScope, type NodeScopeOf } from '../kernel/principal.ts'
import { allow, Id, idempotencyKeyOf, Page, numberedPageOf, TimelineQuery, pageLimitOf, principalOf, problems, requestHashOf, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import { FailureError, type Result } from '../kernel/result.ts'
import type { Actor, Purchasing } from './service.ts'
import type { IdempotencyKey, Remembered } from '../inventory/index.ts'
import type { Suppliers } from './suppliers.ts'
import { poTransitions, type Party } from './lifecycle.ts'
import { dayOf, type PurchaseOrder } from './model.ts'
import * as S from './schemas.ts'
import { asnView, eventView, poView, receiptView } from './views.ts'

const tags = ['purchase orders']
/** Purchase orders are listed newest first by id; a timeline by entry number. */
const poCursor = singleCursor('purchase_orders', 'text')
const poTimelineCursor = singleCursor('purchase_order_timeline', 'serial')
const buyers = allow('admin', 'ops')
const buyersAndSuppliers = allow('admin', 'ops', 'supplier')
const readers = allow('admin', 'ops', 'supplier', 'store')
const receivers = allow('admin', 'ops', 'store')
const IdParams = Type.Object({ id: Id })
const LineParams = Type.Object({ id: Id, line: Id })
const day = (d: string | undefined | null): number | null => (d == null ? null : dayOf(d))

/** Purchase orders, their ASNs, receipts and timeline, for buyers, suppliers (the portal) and receiving stores. */
export function purchaseOrderRoutes({ purchasing, suppliers, catalogue, nodeScopeOf }: { purchasing: Purchasing; suppliers: Suppliers; catalogue: Catalogue; nodeScopeOf: NodeScopeOf }): FastifyPluginAsyncTypebox {

  /** The acting party and scope of the caller; receipts are done as 'receiver'. */
  async function actorOf(req: FastifyRequest, receiving = false): Promise<Actor> {
    const p = principalOf(req)
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'supplier') return { actor, party: 'supplier', supplierId: (await suppliers.resolve(p.scopeId))?.id ?? '' }
    if (p.kind === 'store') return { actor, party: 'receiver', nodeIds: [...((await nodeScopeOf(p)) ?? [])] }
    const party: Party = receiving ? 'receiver' : 'buyer'
    return { actor, party }
  }

  function idemOf(req: FastifyRequest, kind: string): IdempotencyKey | undefined {
    const key = idempotencyKeyOf(req)
    if (!key.ok) throw new FailureError(key)
    if (key.value === undefined) return undefined
    return { scopeKey: `${kind}|${idempotencyScope(principalOf(req))}|${key.value}`, requestHash: requestHashOf(req) }
  }

  function sendRemembered<T>(reply: FastifyReply, done: Remembered<T>, status: number, view: (v: T) => unknown) {
    if (done.replayed) reply.header('idempotent-replayed', 'true')
    return reply.code(status).send(view(done.value))
  }

  const sendOr = <T, V>(reply: FastifyReply, r: Result<T>, view: (v: T) => V): V | FastifyReply => (r.ok ? view(r.value) : sendProblem(reply, r))

  /** A PO as read, with its destination named (the node list is cached by the catalogue). */
  const shownWithDestination = async () => {
    const nodes = await catalogue.nodesById()
    return (po: PurchaseOrder) => {
      const node = nodes.get(po.destinationNodeId)
      return { ...poView(po), ...(node && { destination: { code: node.code, name: node.name, region: node.region } }) }
    }
  }

  return async (app) => {
    app.get('/v1/purchase-orders/lifecycle', {
      preHandler: readers,
      schema: { tags, summary: 'The lifecycle table: which action is allowed from which status, and by whom', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
    }, async () => poTransitions)

    app.post('/v1/purchase-orders', {
      preHandler: buyers,
      schema: { tags, summary: 'Create a draft purchase order', body: S.CreatePoBody, response: { 201: S.PoView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const done = await purchasing.create({
        supplierId: b.supplier, destinationNodeId: b.destination, reference: b.reference ?? null, requestedDate: day(b.requestedDate),
        notes: b.notes ?? null, receivingPolicy: b.receivingPolicy,
        lines: b.lines.map((l) => ({ skuId: l.sku, quantity: l.quantity, unitCost: l.unitCost, requestedDate: day(l.requestedDate) })),
      }, await actorOf(req), idemOf(req, 'po_create'))
      return sendRemembered(reply, done, 201, poView)
    })

    app.get('/v1/purchase-orders', {
      preHandler: readers,
      schema: { tags, summary: 'Purchase orders, newest first (a supplier sees its own sent orders)', querystring: S.ListQuery, response: { 200: Page(S.PoView), ...problems } },
    }, async (req, reply) => {
      const q = req.query
      const limit = pageLimitOf(q)
      if (!limit.ok) return sendProblem(reply, limit)
      const before = poCursor.decode(q.cursor)
      if (!before.ok) return sendProblem(reply, before)
      const supplier = q.supplier === undefined ? undefined : (await suppliers.resolve(q.supplier))?.id ?? q.supplier
      const node = q.node === undefined ? undefined : (await catalogue.resolveNode(q.node))?.id ?? q.node
      const sku = q.sku === undefined ? undefined : (await catalogue.resolveSku(q.sku))?.id ?? q.sku
      const items = await purchasing.list({ supplierId: supplier, status: q.status, destinationNodeId: node, skuId: sku }, await actorOf(req), before.value, limit.value)
      const shown = await shownWithDestination()
      return { items: items.map(shown), nextCursor: nextCursorOf(items, limit.value, poCursor, (po) => po.id) }
    })

    app.get('/v1/purchase-orders/:id', {
      preHandler: readers,
      schema: { tags, summary: 'One purchase order with its lines', params: IdParams, response: { 200: S.PoView, ...problems } },
    }, async (req, reply) => sendOr(reply, await purchasing.get(req.params.id, await actorOf(req)), await shownWithDestination()))

    app.patch('/v1/purchase-orders/:id', {
      preHandler: buyers,
      schema: { tags, summary: 'Change a draft (lines are replaced when given)', params: IdParams, body: S.PatchPoBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => {
      const b = req.body
      const patch = {
        ...(b.reference !== undefined && { reference: b.reference }),
        ...(b.requestedDate !== undefined && { requestedDate: day(b.requestedDate) }),
        ...(b.notes !== undefined && { notes: b.notes }),
        ...(b.receivingPolicy && { receivingPolicy: b.receivingPolicy }),
        ...(b.lines && { lines: b.lines.map((l) => ({ skuId: l.sku, quantity: l.quantity, unitCost: l.unitCost, requestedDate: day(l.requestedDate) })) }),
      }
      return poView(await purchasing.edit(req.params.id, patch, await actorOf(req)))
    })

    app.post('/v1/purchase-orders/:id/send', {
      preHandler: buyers,
      schema: { tags, summary: 'Send a draft to the supplier', params: IdParams, response: { 200: S.PoView, ...problems } },
    }, async (req) => poView(await purchasing.send(req.params.id, await actorOf(req))))

    app.post('/v1/purchase-orders/:id/cancel', {
      preHandler: buyers,
      schema: { tags, summary: 'Cancel the whole order (nothing shipped or received yet)', params: IdParams, body: S.ReasonBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => poView(await purchasing.cancel(req.params.id, req.body.reason, await actorOf(req))))

    app.post('/v1/purchase-orders/:id/close', {
      preHandler: buyers,
      schema: { tags, summary: 'Close: whatever is still open will not come', params: IdParams, body: S.ReasonBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => poView(await purchasing.close(req.params.id, req.body.reason, await actorOf(req))))

    app.post('/v1/purchase-orders/:id/confirm', {
      preHandler: buyersAndSuppliers,
      schema: { tags, summary: 'Answer open lines: accepted quantity (0 rejects) and ETA', params: IdParams, body: S.ConfirmBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => {
      const b = req.body
      const answers = b.lines.map((l) => ({ lineId: l.line, quantityAccepted: l.quantityAccepted, eta: day(l.eta), reason: l.reason ?? null }))
      return poView(await purchasing.confirm(req.params.id, answers, await actorOf(req)))
    })

    app.post('/v1/purchase-orders/:id/lines/:line/eta', {
      preHandler: buyersAndSuppliers,
      schema: { tags, summary: 'Move an accepted line’s ETA, with the reason', params: LineParams, body: S.EtaBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => {
      const { id, line } = req.params
      const b = req.body
      return poView(await purchasing.changeEta(id, line, dayOf(b.eta), b.reason, await actorOf(req)))
    })

    app.post('/v1/purchase-orders/:id/lines/:line/cancel', {
      preHandler: buyersAndSuppliers,
      schema: { tags, summary: 'Cancel (buyer) or cut (supplier) open units of a line; all of them without a quantity', params: LineParams, body: S.CancelLineBody, response: { 200: S.PoView, ...problems } },
    }, async (req) => {
      const { id, line } = req.params
      const b = req.body
      return poView(await purchasing.cancelLine(id, line, b.quantity ?? null, b.reason, await actorOf(req)))
    })

    app.post('/v1/purchase-orders/:id/asns', {
      preHandler: buyersAndSuppliers,
      schema: { tags, summary: 'Advance ship notice: what left the supplier and when it arrives', params: IdParams, body: S.AsnBody, response: { 201: S.AsnView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const done = await purchasing.ship(req.params.id, {
        reference: b.reference ?? null, carrier: b.carrier ?? null, tracking: b.tracking ?? null, eta: dayOf(b.eta),
        lines: b.lines.map((l) => ({ lineId: l.line, quantity: l.quantity })),
      }, await actorOf(req), idemOf(req, 'asn_create'))
      return sendRemembered(reply, done, 201, (v) => asnView(v.asn))
    })

    app.get('/v1/purchase-orders/:id/asns', {
      preHandler: readers,
      schema: { tags, summary: 'The order’s ASNs, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.AsnView) }), ...problems } },
    }, async (req, reply) => sendOr(reply, await purchasing.asns(req.params.id, await actorOf(req)), (a) => ({ items: a.map(asnView) })))

    app.post('/v1/purchase-orders/:id/asns/:asn/cancel', {
      preHandler: buyersAndSuppliers,
      schema: { tags, summary: 'Withdraw an ASN that will not arrive; its units are open again', params: Type.Object({ id: Id, asn: Id }), body: S.ReasonBody, response: { 200: S.AsnView, ...problems } },
    }, async (req) => {
      const { id, asn } = req.params
      return asnView((await purchasing.cancelAsn(id, asn, req.body.reason, await actorOf(req))).asn)
    })

    app.post('/v1/purchase-orders/:id/receipts', {
      preHandler: receivers,
      schema: { tags, summary: 'Receive and inspect goods: passed units on hand, failed units unsellable with the reason', params: IdParams, body: S.ReceiptBody, response: { 201: S.ReceiptView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const lines = b.lines.map((l) => ({ lineId: l.line, quantityPassed: l.quantityPassed, quantityFailed: l.quantityFailed ?? 0, failReason: l.failReason ?? null, closeLine: l.closeLine }))
      const done = await purchasing.receive(req.params.id, { asnId: b.asn ?? null, lines }, await actorOf(req, true), idemOf(req, 'po_receipt'))
      return sendRemembered(reply, done, 201, (v) => receiptView(v.receipt))
    })

    app.get('/v1/purchase-orders/:id/receipts', {
      preHandler: readers,
      schema: { tags, summary: 'The order’s receipts with inspection results', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.ReceiptView) }), ...problems } },
    }, async (req, reply) => sendOr(reply, await purchasing.receipts(req.params.id, await actorOf(req)), (r) => ({ items: r.map(receiptView) })))

    app.get('/v1/purchase-orders/:id/timeline', {
      preHandler: readers,
      schema: {
        tags, summary: 'Everything that happened to the order: who, what, when', params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Page(S.EventView), ...problems },
      },
    }, async (req, reply) => {
      const page = numberedPageOf(req.query, poTimelineCursor)
      if (!page.ok) return sendProblem(reply, page)
      const { after, limit } = page.value
      const events = await purchasing.timeline(req.params.id, await actorOf(req), after, limit)
      return sendOr(reply, events, (items) => ({ items: items.map(eventView), nextCursor: nextCursorOf(items, limit, poTimelineCursor, (e) => e.id) }))
    })
  }
}
