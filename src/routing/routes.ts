/**
 * Routing over HTTP: profiles per scope (`default` or a channel) with their versions, the
 * shipping zones, and an order's routing decisions with their explanations. Staff set and read
 * profiles and zones; a channel reads the decisions of its own orders (others are not found).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { allow, Id, literals, named, Nullable, principalOf, problems, sendProblem, sendResult } from '../http/support.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { failures, ok, type Result } from '../kernel/result.ts'
import { criterionKinds, fallbacks, filterKinds, type RoutingProfile } from './model.ts'
import type { Routing } from './service.ts'

const tags = ['routing']
const staff = allow('admin', 'ops')
const NodeRef = Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9._-]+$', description: 'Node id or code' })

const Filter = Type.Object({
  kind: literals(filterKinds),
  days: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 365, description: '`available_within`: stock or supply ready within this many days (null: any the policy sells)' }))),
  groups: Type.Optional(Type.Array(Type.Array(NodeRef, { minItems: 1, maxItems: 200 }), { minItems: 1, maxItems: 20, description: '`priority_groups`: node groups, tried in order' })),
}, { additionalProperties: false })

const Criterion = Type.Object({
  kind: literals(criterionKinds),
  nodes: Type.Optional(Type.Array(NodeRef, { minItems: 1, maxItems: 200, description: '`priority`: nodes, best first' })),
}, { additionalProperties: false })

const profileFields = {
  filters: Type.Array(Filter, { maxItems: 10, description: 'Applied in order; `capability` always applies first' }),
  sort: Type.Array(Criterion, { minItems: 1, maxItems: criterionKinds.length, description: 'Plans are compared on these in order: the first difference wins' }),
  maxSplits: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 50, description: 'Shipments beyond the first an order may split into (null: no limit)' }))),
  splitPenalty: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Minor units added per extra shipment for `lowest_cost`' })),
  whenNothingFits: Type.Optional(literals(fallbacks)),
}
const ProfileBody = named('RoutingProfileInput', Type.Object(profileFields, { additionalProperties: false }))
const ProfileView = named('RoutingProfile', Type.Object({
  ...profileFields,
  maxSplits: Nullable(Type.Integer()),
  splitPenalty: Type.Integer(),
  whenNothingFits: literals(fallbacks),
  scope: Type.String({ description: "'default' or a channel id" }),
  version: Type.Integer({ description: '0: the built-in default, never stored' }),
  actor: Nullable(Type.String()),
  createdAt: Nullable(Type.String({ format: 'date-time' })),
}))
const Scope = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: "'default', or a channel by id or code" }) })

const Shipping = named('ShippingZones', Type.Object({
  regions: Type.Array(Type.Object({ region: Type.String({ minLength: 1, maxLength: 64 }), latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false }),
    { maxItems: 500, description: "Each region's centre, for distances when an order gives no coordinates" }),
  zones: Type.Array(Type.Object({
    from: Type.String({ minLength: 1, maxLength: 64, description: "Sending node's region, or '*'" }),
    to: Type.String({ minLength: 1, maxLength: 64, description: "Delivery region, or '*'" }),
    serviceLevel: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9._-]+$' }),
    transitDays: Type.Integer({ minimum: 0, maximum: 60 }),
    cost: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Per shipment, minor units' }),
  }, { additionalProperties: false }), { maxItems: 5000 }),
}, { additionalProperties: false }))

const Removal = Type.Object({ filter: Type.String(), reason: Type.String(), line: Type.Optional(Type.Integer()) })
const DecisionView = named('RoutingDecision', Type.Object({
  seq: Type.Integer({ description: '1: the placement; later: re-routes' }),
  cause: Type.String(),
  outcome: Type.String({ description: '`routed`; `backorder` or `hold` when nothing passed the filters' }),
  decidedAt: Type.String({ format: 'date-time' }),
  explanation: Type.Object({
    profile: Type.Object({ scope: Type.String(), version: Type.Integer() }),
    capability: Type.String(),
    region: Nullable(Type.String()),
    criteria: Type.Array(Type.String()),
    candidates: Type.Array(Type.Object({
      node: Type.String(), code: Type.String(), removed: Nullable(Removal), lines: Type.Array(Type.Integer()), passedOver: Type.Array(Removal),
      scores: Nullable(Type.Record(Type.String(), Nullable(Type.Number()))), rank: Nullable(Type.Integer()),
    }), { description: 'Every candidate node once: the filter that removed it, or its scores and rank' }),
    plans: Type.Array(Type.Object({
      shipments: Type.Array(Type.Object({ node: Type.String(), code: Type.String(), lines: Type.Array(Type.Integer()) })),
      scores: Type.Record(Type.String(), Nullable(Type.Number())),
    }), { description: 'The plans compared, best first (at most five)' }),
    why: Type.String(),
    outcome: Type.String(),
  }),
}))

const { notFound } = failures<'order_not_found'>()

export interface RoutingRouteDeps {
  routing: Routing
  catalogue: Catalogue
  /** The order's channel (orders owns them; routing does not import it), or undefined. */
  orderChannelOf: (orderId: string) => Promise<string | undefined>
}

export function routingRoutes({ routing, catalogue, orderChannelOf }: RoutingRouteDeps): FastifyPluginAsyncTypebox {
  const view = (p: RoutingProfile) => p
  return async (app) => {
    app.get('/v1/routing-profiles', {
      preHandler: staff,
      schema: { tags, summary: 'The routing profile in effect by default, and every channel’s own', response: { 200: Type.Object({ items: Type.Array(ProfileView) }), ...problems } },
    }, async () => ({ items: (await routing.listProfiles()).map(view) }))

    app.get('/v1/routing-profiles/:channel', {
      preHandler: staff,
      schema: { tags, summary: 'The routing profile a scope follows: the channel’s own, else the default', params: Scope, response: { 200: ProfileView, ...problems } },
    }, async (req, reply) => {
      const scope = await routing.scopeOf(req.params.channel)
      return sendResult(reply, scope.ok ? ok(view(await routing.profileFor(scope.value.scope))) : scope)
    })

    app.put('/v1/routing-profiles/:channel', {
      preHandler: staff,
      schema: {
        tags, summary: 'Set a scope’s routing profile: validated, stored as its next version; orders placed from now on follow it',
        params: Scope, body: ProfileBody, response: { 200: ProfileView, ...problems },
      },
    }, async (req, reply) => {
      const scope = await routing.scopeOf(req.params.channel)
      if (!scope.ok) return sendProblem(reply, scope)
      const p = principalOf(req)
      return sendResult(reply, await routing.setProfile(scope.value.scope, req.body, `${p.role}/${p.tokenId}`))
    })

    app.get('/v1/routing-profiles/:channel/versions', {
      preHandler: staff,
      schema: { tags, summary: 'A scope’s stored profile versions, newest first (at most 100)', params: Scope, response: { 200: Type.Object({ items: Type.Array(ProfileView) }), ...problems } },
    }, async (req, reply) => {
      const scope = await routing.scopeOf(req.params.channel)
      if (!scope.ok) return sendProblem(reply, scope)
      return { items: (await routing.versions(scope.value.scope)).map(view) }
    })

    app.get('/v1/shipping-zones', {
      preHandler: staff,
      schema: { tags, summary: 'Region centres, and transit days and cost between regions per service level', response: { 200: Shipping, ...problems } },
    }, async () => routing.shipping())

    app.put('/v1/shipping-zones', {
      preHandler: staff,
      schema: { tags, summary: 'Replace the shipping zones (validated); orders placed from now on use them', body: Shipping, response: { 200: Shipping, ...problems } },
    }, async (req, reply) => sendResult(reply, await routing.setShipping(req.body)))

    app.get('/v1/orders/:id/routing', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags: ['orders'], summary: 'How the order was routed: every candidate node, the filter that removed it or its scores and rank, the plans compared and why the chosen one won',
        params: Type.Object({ id: Id }), response: { 200: Type.Object({ items: Type.Array(DecisionView) }), ...problems },
      },
    }, async (req, reply) => {
      const visible = await visibleOrder(req.params.id, principalOf(req))
      if (!visible.ok) return sendProblem(reply, visible)
      return { items: await routing.decisions(req.params.id) }
    })
  }

  /** Staff see every order; a channel only its own (another's is not found). */
  async function visibleOrder(orderId: string, p: ReturnType<typeof principalOf>): Promise<Result<string>> {
    const channelId = await orderChannelOf(orderId)
    if (channelId === undefined) return notFound('order', orderId)
    if (p.kind === 'channel' && (await catalogue.channelIdOf(p)) !== channelId) return notFound('order', orderId)
    return ok(orderId)
  }
}
