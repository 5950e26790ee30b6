import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type, type TSchema } from '@sinclair/typebox'
import type { NodeScopeOf, Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Clock } from '../kernel/clock.ts'
import { allow, bodyOptional, Page, PageQuery, pageLimitOf, principalOf, problems, Id } from '../http/support.ts'
import { FailureError, unwrap } from '../kernel/result.ts'
import { cursorCodec, nextCursorOf, singleCursor } from '../http/cursor.ts'
import { lockReleaseAt } from './decide.ts'
import { fail } from './errors.ts'
import { actorOf, idempotencyOf, inScope, notFoundFor, scopedNodeOrFail, skuOrFail } from './access.ts'
import type { PositionOp } from './ops.ts'
import { msOf, sendOutcome } from './respond.ts'
import * as S from './schemas.ts'
import type { Inventory } from './service.ts'
import { lockView } from './views.ts'
import { reservationRoutes } from './reservation-routes.ts'
import { transferRoutes } from './transfer-routes.ts'

const tags = ['inventory']
/** A scope as the services take it: a copy they may not change the rule's list through. */
const mutable = (scope: readonly string[] | undefined): string[] | undefined => scope && [...scope]
/** Positions are listed by (SKU, node); movements by their number. */
const positionCursor = cursorCodec('positions', ['text', 'text'])
const movementCursor = singleCursor('movements', 'serial')
const PositionParams = Type.Object({ sku: S.Ref, node: S.Ref })

/** Stock changes at a node: staff anywhere, a store at its own node. */
const stockRoles = allow('admin', 'ops', 'store')

/** What the inventory routes use. */
export interface InventoryRouteDeps {
  catalogue: Catalogue
  inventory: Inventory
  clock: Clock
  /** Which nodes a caller may see and act on: the one rule, auth's nodeScopeRule. */
  nodeScopeOf: NodeScopeOf
}

/** Positions, stock changes, availability and locks; then reservations and transfers. */
export function inventoryRoutes(deps: InventoryRouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(stockRoutes(deps))
    await app.register(reservationRoutes(deps))
    await app.register(transferRoutes(deps))
  }
}

function stockRoutes({ catalogue, inventory, clock, nodeScopeOf }: InventoryRouteDeps): FastifyPluginAsyncTypebox {
  /** The SKU and node of a position, resolved by id or code; a scoped caller reads only its own nodes. */
  async function positionOf(p: Principal, ref: { sku: string; node: string }) {
    const sku = await skuOrFail(catalogue, ref.sku, 404)
    const node = await scopedNodeOrFail(catalogue, nodeScopeOf, p, ref.node, 404)
    return { sku: sku.id, node: node.id }
  }

  async function positionOp(req: FastifyRequest, kind: PositionOp['kind'], quantity: number, body: { sku: string; node: string; reason?: string; reference?: string }) {
    const sku = await skuOrFail(catalogue, body.sku)
    const node = await scopedNodeOrFail(catalogue, nodeScopeOf, principalOf(req), body.node)
    return inventory.submit({
      kind, skuId: sku.id, nodeId: node.id, quantity, reason: body.reason ?? null, reference: body.reference ?? null,
      actor: actorOf(req), idem: idempotencyOf(req),
    })
  }

  /** A fence is for a channel that sells from the node: elsewhere its units could never be sold by anyone. */
  async function fenceChannelOrFail(ref: string, nodeId: string) {
    const channel = await catalogue.resolveChannel(ref)
    if (!channel) throw new FailureError(fail('unknown_channel', `No channel with id or code '${ref}'.`))
    if (!channel.nodeIds.includes(nodeId)) {
      throw new FailureError(fail('channel_not_at_node', `Channel ${channel.code} does not sell from this node; ring-fence stock at one of its nodes.`))
    }
    return channel
  }

  return async (app) => {
    const stockChange = <B extends TSchema>(summary: string, body: B) =>
      ({ preHandler: stockRoles, schema: { tags, summary, body, response: { 200: S.PositionChange, ...problems } } })

    app.post('/v1/inventory/receipts', stockChange('Receive units into on hand', S.PositionBody),
      async (req, reply) => sendOutcome(reply, await positionOp(req, 'receive', req.body.quantity, req.body), 200))
    app.post('/v1/inventory/counts', stockChange('Record a stock count; less than promised is reported as a shortage, not refused', S.CountBody),
      async (req, reply) => sendOutcome(reply, await positionOp(req, 'count', req.body.countedQuantity, req.body), 200))
    app.post('/v1/inventory/adjustments', stockChange('Adjust on hand by a signed quantity, with a reason', S.AdjustBody),
      async (req, reply) => sendOutcome(reply, await positionOp(req, 'adjust', req.body.quantity, req.body), 200))
    app.post('/v1/inventory/unsellable', stockChange('Mark units unsellable (damaged, failed QC…) with a reason', S.PositionBody),
      async (req, reply) => sendOutcome(reply, await positionOp(req, 'mark_unsellable', req.body.quantity, req.body), 200))
    app.post('/v1/inventory/unsellable/restore', stockChange('Restore unsellable units to sellable', S.PositionBody),
      async (req, reply) => sendOutcome(reply, await positionOp(req, 'restore', req.body.quantity, req.body), 200))

    app.put('/v1/inventory/virtual', {
      // Staff only: a supplier's virtual supply changes through PUT /v1/suppliers/{id}/virtual-supply/…, where its terms and cap hold.
      preHandler: allow('admin', 'ops'),
      schema: { tags, summary: "Set a node's virtual allowance (what the supplier can deliver fast); suppliers declare theirs through the supplier route", body: S.VirtualBody, response: { 200: S.PositionChange, ...problems } },
    }, async (req, reply) => sendOutcome(reply, await positionOp(req, 'set_virtual', req.body.quantity, req.body), 200))

    app.get('/v1/inventory/positions', {
      preHandler: allow('admin', 'ops', 'store', 'supplier'),
      schema: {
        tags, summary: 'List positions, optionally for one SKU or node (cursor paginated)',
        querystring: Type.Object({ ...PageQuery.properties, sku: Type.Optional(S.Ref), node: Type.Optional(S.Ref) }, { additionalProperties: false }),
        response: { 200: Page(S.PositionView), ...problems },
      },
    }, async (req) => {
      const q = req.query
      const limit = unwrap(pageLimitOf(q))
      const after = positionCursor.after(q.cursor)
      const skuId = q.sku ? (await skuOrFail(catalogue, q.sku, 404)).id : undefined
      const nodeIds = q.node ? [(await scopedNodeOrFail(catalogue, nodeScopeOf, principalOf(req), q.node, 404)).id] : await nodeScopeOf(principalOf(req))
      const items = await inventory.positions({ skuId, nodeIds: mutable(nodeIds) }, after && { skuId: after[0], nodeId: after[1] }, limit)
      return { items, nextCursor: nextCursorOf(items, limit, positionCursor, (p) => [p.skuId, p.nodeId]) }
    })

    app.get('/v1/inventory/positions/:sku/:node', {
      preHandler: allow('admin', 'ops', 'store', 'supplier'),
      schema: { tags, summary: 'One position: the seven buckets and sellable', params: PositionParams, response: { 200: S.PositionView, ...problems } },
    }, async (req) => {
      const { sku, node } = await positionOf(principalOf(req), req.params)
      return inventory.position(sku, node)
    })

    app.get('/v1/inventory/positions/:sku/:node/movements', {
      preHandler: allow('admin', 'ops', 'store', 'supplier'),
      schema: {
        tags, summary: 'Movement history of a position, oldest first (cursor paginated)', params: PositionParams,
        querystring: PageQuery, response: { 200: Page(S.MovementView), ...problems },
      },
    }, async (req) => {
      const { sku, node } = await positionOf(principalOf(req), req.params)
      const q = req.query
      const limit = unwrap(pageLimitOf(q))
      const after = movementCursor.after(q.cursor) ?? 0
      const items = await inventory.movements(sku, node, after, limit)
      return { items, nextCursor: nextCursorOf(items, limit, movementCursor, (m) => m.id) }
    })

    app.get('/v1/inventory/availability/:sku', {
      preHandler: allow('admin', 'ops', 'store', 'channel'),
      schema: {
        tags, summary: 'Sellable now per node, per region and in total (a channel sees its own nodes, each less its safety buffer)',
        params: Type.Object({ sku: S.Ref }), querystring: Type.Object({ region: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ skuId: Type.String(), sellable: Type.Integer(), byRegion: Type.Record(Type.String(), Type.Integer()), byNode: Type.Array(Type.Object({ nodeId: Type.String(), nodeCode: Type.String(), region: Type.String(), sellable: Type.Integer() })) }), ...problems },
      },
    }, async (req) => {
      const p = principalOf(req)
      const sku = await skuOrFail(catalogue, req.params.sku, 404)
      const { region } = req.query
      if (p.kind !== 'channel') return inventory.availability(sku.id, { region, nodeIds: mutable(await nodeScopeOf(p)) })
      const channel = await catalogue.resolveChannel(p.scopeId)
      // The safety buffer stays at every node (per SKU × node), as it does for the channel's reservations and orders.
      // Its fences at those nodes are its to sell, as for its reservations and orders.
      return inventory.availability(sku.id, { region, nodeIds: channel?.nodeIds ?? [], channel: { id: channel?.id ?? p.scopeId, safetyBuffer: channel?.safetyBuffer ?? 0 } })
    })

    app.post('/v1/inventory/locks', {
      preHandler: stockRoles,
      schema: { tags, summary: 'Lock units (promotion waves, channel ring-fencing), optionally until a time', body: S.LockBody, response: { 201: S.LockView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const sku = await skuOrFail(catalogue, b.sku)
      const node = await scopedNodeOrFail(catalogue, nodeScopeOf, principalOf(req), b.node)
      const releaseAtMs = unwrap(lockReleaseAt(msOf(b.releaseAt, 'releaseAt'), clock.nowMs()))
      const channelId = b.channel === undefined ? null : (await fenceChannelOrFail(b.channel, node.id)).id
      const outcome = await inventory.submit({
        kind: 'lock', skuId: sku.id, nodeId: node.id, quantity: b.quantity, reason: b.reason, releaseAtMs, channelId,
        actor: actorOf(req), idem: idempotencyOf(req),
      })
      return sendOutcome(reply, outcome, 201)
    })

    app.get('/v1/inventory/locks/:id', {
      preHandler: stockRoles,
      schema: { tags, summary: 'One lock', params: Type.Object({ id: Id }), response: { 200: S.LockView, ...problems } },
    }, async (req) => {
      const { id } = req.params
      const l = await inventory.lock(id)
      if (!l || !inScope(await nodeScopeOf(principalOf(req)), l.nodeId)) throw new FailureError(notFoundFor('lock', id))
      return lockView(l)
    })

    app.post('/v1/inventory/locks/:id/release', {
      preHandler: stockRoles,
      ...bodyOptional,
      schema: { tags, summary: 'Release a lock now', params: Type.Object({ id: Id }), body: S.ReasonBody, response: { 200: S.LockView, ...problems } },
    }, async (req, reply) => {
      const { id } = req.params
      const scope = await nodeScopeOf(principalOf(req))
      const outcome = await inventory.submit({
        kind: 'unlock', lockId: id, reason: req.body.reason ?? 'released by hand',
        actor: actorOf(req), idem: idempotencyOf(req),
        guard: (l) => (inScope(scope, l.nodeId) ? undefined : notFoundFor('lock', id)),
      })
      return sendOutcome(reply, outcome, 200)
    })
  }
}
