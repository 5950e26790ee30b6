/**
 * Return routes. Staff (admin, ops) see and do everything; a channel opens returns of its own
 * orders for its customers, reads them, and says the parcel is on its way or cancels; a store or
 * warehouse opens a return at its counter for an order from any channel, receives and inspects
 * at its own node, and sees the returns received there — another node's is not found.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { NodeScopeOf } from '../kernel/principal.ts'
import { isoOf } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import { allow, Id, nodesToList, Page, pageRequestOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { returnTransitions } from './lifecycle.ts'
import type { Return, ReturnUnit } from './model.ts'
import type { ReturnActor, Returns } from './service.ts'
import type { ReturnEvent } from './store.ts'
import * as S from './schemas.ts'
import { notFound } from './errors.ts'

/** Policies and rules are checked by their own rules (policy.ts, rules.ts), not by a schema: on the wire they are plain JSON. */
const json = <T>(v: T) => v as unknown as Record<string, unknown>

const tags = ['returns']
const cursor = singleCursor('returns', 'text')
const IdParams = Type.Object({ id: Id })
const Scope = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: "'default', or a channel by id or code" }) })
const readers = allow('admin', 'ops', 'channel', 'store', 'warehouse')
const nodeWork = allow('admin', 'ops', 'store', 'warehouse')
const staff = allow('admin', 'ops')
const customers = allow('admin', 'ops', 'channel')

export function returnView(r: Return) {
  return {
    id: r.id, orderId: r.orderId, channelId: r.channelId, currency: r.currency, status: r.status, openedBy: r.openedBy, nodeId: r.nodeId, rejectReason: r.rejectReason,
    carrier: r.carrier, tracking: r.tracking, refundStep: r.refundStep, exchange: r.exchange, exchangeOrderId: r.exchangeOrderId, refundAmount: r.refundAmount, refundRequestedAt: isoOf(r.refundRequestedAtMs),
    refundedAt: isoOf(r.refundedAtMs), createdAt: isoOf(r.createdAtMs)!, updatedAt: isoOf(r.updatedAtMs)!, lines: r.lines,
  }
}

const unitView = (u: ReturnUnit) => ({
  lineNo: u.lineNo, unitNo: u.unitNo, nodeId: u.nodeId, state: u.state, grade: u.grade, notes: u.notes, disposition: u.disposition, outletNodeId: u.outletNodeId,
  ruleId: u.ruleId, receivedAt: isoOf(u.receivedAtMs)!, inspectedAt: isoOf(u.inspectedAtMs),
})
const eventView = (e: ReturnEvent) => ({ id: e.id, kind: e.kind, actor: e.actor, detail: e.detail, at: isoOf(e.atMs)! })

export interface ReturnRouteDeps {
  returns: Returns
  catalogue: Catalogue
  nodeScopeOf: NodeScopeOf
}

export function returnRoutes({ returns, catalogue, nodeScopeOf }: ReturnRouteDeps): FastifyPluginAsyncTypebox {
  async function by(req: FastifyRequest): Promise<ReturnActor> {
    const p = principalOf(req)
    const actor = `${p.role}/${p.tokenId}`
    if (p.kind === 'store' || p.kind === 'warehouse') return { actor, party: 'node', nodeIds: (await nodeScopeOf(p)) ?? [] }
    if (p.kind === 'channel') return { actor, party: 'channel', channelId: (await catalogue.channelIdOf(p)) ?? '' }
    return { actor, party: 'merchant' }
  }
  const send = <T>(reply: FastifyReply, r: Result<T>, view: (v: T) => unknown) => (r.ok ? reply.code(200).send(view(r.value)) : sendProblem(reply, r))
  /** 'default' or a channel (by id or code); another scope is not found. */
  const channelOf = async (ref: string): Promise<Result<string | null>> => {
    if (ref === 'default') return ok(null)
    const channel = await catalogue.resolveChannel(ref)
    return channel ? ok(channel.id) : notFound('channel', ref)
  }
  const actorName = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`

  return async (app) => {
    app.get('/v1/returns/lifecycle', {
      preHandler: readers,
      schema: { tags, summary: 'The return lifecycle table: which action is allowed from which status, and by whom', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
    }, async () => returnTransitions)

    app.get('/v1/return-policies/:channel', {
      preHandler: staff,
      schema: { tags, summary: 'The return policy a scope follows: the channel’s own, else the default, else Sellahead’s', params: Scope, response: { 200: S.PolicyView, ...problems } },
    }, async (req, reply) => {
      const scope = await channelOf(req.params.channel)
      if (!scope.ok) return sendProblem(reply, scope)
      const found = await returns.policyOf(scope.value)
      return { ...found, policy: json(found.policy) }
    })

    app.put('/v1/return-policies/:channel', {
      preHandler: staff,
      schema: {
        tags, summary: 'Set a scope’s return policy: validated, stored as its next version; returns opened from now on follow it',
        params: Scope, body: Type.Record(Type.String(), Type.Unknown()), response: { 200: S.PolicyView, ...problems },
      },
    }, async (req, reply) => {
      const scope = await channelOf(req.params.channel)
      if (!scope.ok) return sendProblem(reply, scope)
      const set = await returns.setPolicy(scope.value, req.body, actorName(req))
      return send(reply, set, (v) => ({ scope: `policy:${scope.value ?? 'default'}`, version: v.version, policy: json(v.policy) }))
    })

    app.get('/v1/disposition-rules', {
      preHandler: staff,
      schema: { tags, summary: 'The disposition rules: the first that matches a graded unit decides its fate', response: { 200: S.RulesView } },
    }, async () => {
      const found = await returns.rules()
      return { version: found.version, rules: found.rules.map(json) }
    })

    app.put('/v1/disposition-rules', {
      preHandler: staff,
      schema: {
        tags, summary: 'Set the disposition rules: validated, stored as the next version; units inspected from now on follow them',
        body: Type.Object({ rules: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 100 }) }, { additionalProperties: false }), response: { 200: S.RulesView, ...problems },
      },
    }, async (req, reply) => send(reply, await returns.setRules(req.body.rules, actorName(req)), (v) => ({ version: v.version, rules: v.rules.map(json) })))

    app.get('/v1/returns', {
      preHandler: readers,
      schema: { tags, summary: 'Returns, oldest first: the returns queue (a channel its orders’, a store or warehouse those received at it)', querystring: S.ListQuery, response: { 200: Page(S.ReturnView), ...problems } },
    }, async (req, reply) => {
      const q = req.query
      const page = pageRequestOf(q, cursor)
      if (!page.ok) return sendProblem(reply, page)
      const who = await by(req)
      const named = q.node === undefined ? undefined : (await catalogue.resolveNode(q.node))?.id ?? q.node
      const filter = { nodeIds: nodesToList(who.nodeIds, named), statuses: q.status && [q.status], channelId: who.channelId, orderId: q.order }
      const items = await returns.list(filter, page.value.after, page.value.limit)
      return { items: items.map(returnView), nextCursor: nextCursorOf(items, page.value.limit, cursor, (r) => r.id) }
    })

    app.post('/v1/returns', {
      preHandler: readers,
      schema: {
        tags, summary: 'Open a return of delivered units of an order: a reason per line; a store at its counter, for an order from any channel',
        body: S.OpenBody, response: { 201: S.ReturnView, ...problems },
      },
    }, async (req, reply) => {
      const opened = await returns.open(req.body, await by(req))
      return opened.ok ? reply.code(201).send(returnView(opened.value)) : sendProblem(reply, opened)
    })

    app.get('/v1/returns/:id', {
      preHandler: readers,
      schema: { tags, summary: 'One return with its units (grade, disposition, the rule that chose it) and events', params: IdParams, response: { 200: S.ReturnDetailView, ...problems } },
    }, async (req, reply) => send(reply, await returns.get(req.params.id, await by(req)),
      (v) => ({ ...returnView(v.ret), units: v.units.map(unitView), events: v.events.map(eventView) })))

    app.post('/v1/returns/:id/approve', {
      preHandler: staff,
      schema: { tags, summary: 'Accept the return (and where its units go); a refund due on approval is requested now', params: IdParams, body: S.ApproveBody, response: { 200: S.ReturnView, ...problems } },
    }, async (req, reply) => send(reply, await returns.approve(req.params.id, req.body?.node, await by(req)), returnView))

    app.post('/v1/returns/:id/reject', {
      preHandler: staff,
      schema: { tags, summary: 'Refuse the return, with the reason the customer is told', params: IdParams, body: S.RejectBody, response: { 200: S.ReturnView, ...problems } },
    }, async (req, reply) => send(reply, await returns.reject(req.params.id, req.body.reason, await by(req)), returnView))

    app.post('/v1/returns/:id/ship', {
      preHandler: customers,
      schema: { tags, summary: 'The customer sent the units (carrier and tracking optional)', params: IdParams, body: S.ShipBody, response: { 200: S.ReturnView, ...problems } },
    }, async (req, reply) => send(reply, await returns.ship(req.params.id, req.body ?? {}, await by(req)), returnView))

    app.post('/v1/returns/:id/receive', {
      preHandler: nodeWork,
      schema: {
        tags, summary: 'Units arrived (a partial receipt too): on hand and unsellable at the receiving node, awaiting inspection',
        params: IdParams, body: S.ReceiveBody, response: { 200: S.ReturnView, ...problems },
      },
    }, async (req, reply) => send(reply, await returns.receive(req.params.id, req.body, await by(req)), returnView))

    app.post('/v1/returns/:id/inspect', {
      preHandler: nodeWork,
      schema: {
        tags, summary: 'Grade units (A–D): the disposition rules choose each one’s fate and its stock moves; the return closes once every unit is judged',
        params: IdParams, body: S.InspectBody, response: { 200: S.InspectResultView, ...problems },
      },
    }, async (req, reply) => send(reply, await returns.inspect(req.params.id, req.body.units, await by(req)), (v) => ({ ...returnView(v.ret), units: v.units.map(unitView) })))

    app.post('/v1/returns/:id/repair', {
      preHandler: nodeWork,
      schema: {
        tags, summary: 'A refurbished unit’s repair: sellable again at its node (waiting backorders first), or scrapped',
        params: IdParams, body: S.RepairBody, response: { 200: S.ReturnUnitView, ...problems },
      },
    }, async (req, reply) => send(reply, await returns.repair(req.params.id, req.body, await by(req)), unitView))

    app.post('/v1/returns/:id/close', {
      preHandler: staff,
      schema: { tags, summary: 'Close before every unit came back: the refund, if not requested yet, is for the units received', params: IdParams, response: { 200: S.ReturnView, ...problems } },
    }, async (req, reply) => send(reply, await returns.close(req.params.id, await by(req)), returnView))

    app.post('/v1/returns/:id/cancel', {
      preHandler: customers,
      schema: { tags, summary: 'The customer keeps the units: nothing is refunded', params: IdParams, response: { 200: S.ReturnView, ...problems } },
    }, async (req, reply) => send(reply, await returns.cancel(req.params.id, await by(req)), returnView))
  }
}
