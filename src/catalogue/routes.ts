/** Catalogue HTTP routes: SKUs, nodes, channels. Writes are staff-only; reads are scoped by role. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type, type Static, type TProperties } from '@sinclair/typebox'
import type { NodeScopeOf, Principal } from '../kernel/principal.ts'
import { allow, Id, literals, Nullable, optionalExcept, Page, PageQuery, pageLimitOf, principalOf, problems, sendProblem, sendResult, named } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { channelKinds, nodeKinds, type Channel, type PageOf, type StockNode } from './model.ts'
import { maxAttributes, maxCapabilities, maxHandlingTimeHours, maxSafetyBuffer, maxVolumeCm3, maxWeightGrams } from './decide.ts'
import type { Catalogue } from './service.ts'

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Merchant-chosen, unique: A–Z a–z 0–9 . _ -' })
const Name = Type.String({ minLength: 1, maxLength: 200 })
const Stamp = Type.String({ format: 'date-time' })

const Capability = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' })
const Count = Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))
const FulfilmentProfile = named('FulfilmentProfile', Type.Object({
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: "IANA time zone of the cut-offs and the calendar, e.g. 'Asia/Shanghai' (default UTC)" }),
  cutoffs: Type.Record(Capability, Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), { maxProperties: 20, description: "Per capability, the local time after which an order starts the next working day, e.g. { ship: '16:00' }" }),
  closedWeekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 6, uniqueItems: true, description: 'Days of the week without work: 0 Sunday … 6 Saturday' }),
  closedDates: Type.Array(Type.String({ format: 'date' }), { maxItems: 400, description: 'Local dates the node is closed (holidays)' }),
  capacity: Type.Record(Capability, Type.Object({ lines: Count, units: Count }, { additionalProperties: false }), { maxProperties: 20, description: 'Per capability, the most order lines and units a day (null: no limit); a full day is not promised' }),
  pickPackCost: Type.Object({ perShipment: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), perUnit: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, { additionalProperties: false, description: 'In minor units; routing adds it to shipping cost' }),
  pickupHoldDays: Type.Integer({ minimum: 1, maximum: 30, description: 'A pickup store: days a ready pickup waits to be collected before it expires (default 3)' }),
}, { additionalProperties: false }))
/** A profile as sent: every field optional (defaults fill the rest). */
const FulfilmentProfileInput = Type.Partial(Type.Object(FulfilmentProfile.properties), { additionalProperties: false })

const skuFields = {
  code: Code,
  name: Name,
  unit: Type.String({ minLength: 1, maxLength: 32, description: "Unit of measure (default 'each')" }),
  barcode: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'EAN/UPC or own barcode' })),
  attributes: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 500 }), { maxProperties: maxAttributes, description: 'Free-form attributes such as colour and size' }),
  active: Type.Boolean(),
  weightGrams: Nullable(Type.Integer({ minimum: 1, maximum: maxWeightGrams, description: "One unit's weight in grams (null: unknown); landed cost may be spread by weight" })),
  volumeCm3: Nullable(Type.Integer({ minimum: 1, maximum: maxVolumeCm3, description: "One unit's volume in cm³ (null: unknown); landed cost may be spread by volume" })),
}
const nodeFields = {
  code: Code,
  name: Name,
  kind: literals(nodeKinds),
  region: Type.String({ minLength: 1, maxLength: 64, description: "Delivery region, e.g. 'east'" }),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  capabilities: Type.Array(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }), { maxItems: maxCapabilities, uniqueItems: true, description: "e.g. 'bopis', 'cold_chain'" }),
  handlingTimeHours: Type.Integer({ minimum: 0, maximum: maxHandlingTimeHours }),
  supplierId: Nullable(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,80}$', description: 'For dropship nodes: the supplier that ships' })),
  fulfilment: FulfilmentProfile,
  active: Type.Boolean(),
}
const channelFields = {
  code: Code,
  name: Name,
  kind: literals(channelKinds),
  nodeIds: Type.Array(Id, { maxItems: 500, description: 'Nodes the channel sells from, by id or code (stored as ids)' }),
  safetyBuffer: Type.Integer({ minimum: 0, maximum: maxSafetyBuffer, description: 'Units the channel leaves at each of its nodes, per SKU: its reservations, orders, availability and availability to promise all stop there' }),
  lowStockThreshold: Type.Integer({ minimum: 0, maximum: maxSafetyBuffer, description: 'At or below this many sellable units the channel\'s availability shows `low_stock` ("only N left"); default 5' }),
  active: Type.Boolean(),
}

const stamps = { id: Type.String(), createdAt: Stamp, updatedAt: Stamp }
const SkuView = named('Sku', Type.Object({ ...stamps, ...skuFields }))
const NodeView = named('Node', Type.Object({ ...stamps, ...nodeFields }))
const ChannelView = named('Channel', Type.Object({ ...stamps, ...channelFields }))

/** A create body: the named fields required, the rest optional; a patch: any non-empty subset. */
function bodies<F extends TProperties, R extends keyof F>(fields: F, required: readonly R[]) {
  return {
    create: Type.Object(optionalExcept(fields, required), { additionalProperties: false }),
    patch: Type.Object(optionalExcept(fields, []), { additionalProperties: false, minProperties: 1 }),
  }
}

const SkuListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Find SKUs whose code or name contains this text (any case; a prefix is a substring too)' })),
}, { additionalProperties: false })

const staffOnly = allow('admin', 'ops')
type PageQueryT = Static<typeof PageQuery>

/** A channel token sees its own channel only. */
async function channelVisible(catalogue: Catalogue, p: Principal, channel: Channel): Promise<boolean> {
  if (p.kind !== 'channel') return true
  return (await catalogue.channelIdOf(p)) === channel.id
}

async function sendPage<T>(reply: FastifyReply, query: PageQueryT, list: (q: { cursor?: string; limit: number }) => Promise<PageOf<T>>) {
  const limit = pageLimitOf(query)
  if (!limit.ok) return sendProblem(reply, limit)
  return reply.send(await list({ cursor: query.cursor, limit: limit.value }))
}

/** SKUs, nodes and channels over HTTP. */
export function catalogueRoutes({ catalogue, nodeScopeOf }: { catalogue: Catalogue; nodeScopeOf: NodeScopeOf }): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(skuRoutes(catalogue))
    await app.register(nodeRoutes(catalogue, nodeScopeOf))
    await app.register(channelRoutes(catalogue))
  }
}

function skuRoutes(catalogue: Catalogue): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['catalogue']
    const body = bodies(skuFields, ['code', 'name'])
    const params = Type.Object({ sku: Id })

    app.post('/v1/skus', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Create a SKU', body: body.create, response: { 201: SkuView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.createSku(req.body), 201))

    app.get('/v1/skus', {
      schema: { tags, summary: 'List SKUs in id order, a page at a time; `q` finds SKUs whose code or name contains it', querystring: SkuListQuery, response: { 200: Page(SkuView), ...problems } },
    }, async (req, reply) => sendPage(reply, req.query, (q) => catalogue.listSkus({ ...q, search: req.query.q })))

    app.get('/v1/skus/:sku', {
      schema: { tags, summary: 'Get a SKU by id or code', params, response: { 200: SkuView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.getSku(req.params.sku)))

    app.patch('/v1/skus/:sku', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Change a SKU (only the fields sent)', params, body: body.patch, response: { 200: SkuView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.updateSku(req.params.sku, req.body)))
  }
}

/** Nodes: staff manage them; a scoped caller sees the nodes of its scope (auth's nodeScopeRule), any other is 404. */
function nodeRoutes(catalogue: Catalogue, nodeScopeOf: NodeScopeOf): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['catalogue']
    const body = bodies({ ...nodeFields, fulfilment: FulfilmentProfileInput }, ['code', 'name', 'kind', 'region'])
    const params = Type.Object({ node: Id })
    // A payment provider has no business with nodes at all: 403, not an empty list.
    const nodeReaders = allow('admin', 'ops', 'channel', 'store', 'warehouse', 'supplier')

    /** The node if this caller may see it; 404 otherwise, the same answer as for a node that does not exist. */
    async function visibleNode(p: Principal, ref: string): Promise<Result<StockNode>> {
      const node = await catalogue.resolveNode(ref)
      const scope = node && (await nodeScopeOf(p))
      return node && (!scope || scope.includes(node.id)) ? ok(node) : notFound('node', ref)
    }

    app.post('/v1/nodes', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Create a stock node (warehouse, store or dropship supplier)', body: body.create, response: { 201: NodeView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.createNode(req.body), 201))

    app.get('/v1/nodes', {
      preHandler: nodeReaders,
      schema: { tags, summary: 'List the nodes this caller may see, in id order', querystring: PageQuery, response: { 200: Page(NodeView), ...problems } },
    }, async (req, reply) => {
      const scope = await nodeScopeOf(principalOf(req))
      return sendPage(reply, req.query, (q) => catalogue.listNodePage(q, scope))
    })

    app.get('/v1/nodes/:node', {
      preHandler: nodeReaders,
      schema: { tags, summary: 'Get a node by id or code', params, response: { 200: NodeView, ...problems } },
    }, async (req, reply) => sendResult(reply, await visibleNode(principalOf(req), req.params.node)))

    app.patch('/v1/nodes/:node', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Change a node (only the fields sent)', params, body: body.patch, response: { 200: NodeView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.updateNode(req.params.node, req.body)))
  }
}

function channelRoutes(catalogue: Catalogue): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['catalogue']
    const body = bodies(channelFields, ['code', 'name', 'kind'])
    const params = Type.Object({ channel: Id })
    // Stores and suppliers have no business with channels at all: 403, not 404.
    const readers = allow('admin', 'ops', 'channel')

    app.post('/v1/channels', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Create a sales channel and the nodes it sells from', body: body.create, response: { 201: ChannelView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.createChannel(req.body), 201))

    app.get('/v1/channels', {
      preHandler: readers,
      schema: { tags, summary: 'List channels in id order (a channel token sees its own)', querystring: PageQuery, response: { 200: Page(ChannelView), ...problems } },
    }, async (req, reply) => {
      const p = principalOf(req)
      if (p.kind !== 'channel') return sendPage(reply, req.query, (q) => catalogue.listChannels(q))
      const own = await catalogue.resolveChannel(p.scopeId)
      return sendPage(reply, req.query, async (q) => ({
        items: own && own.id > (catalogue.channels.cursor.after(q.cursor) ?? '') ? [own] : [],
        nextCursor: null,
      }))
    })

    app.get('/v1/channels/:channel', {
      preHandler: readers,
      schema: { tags, summary: 'Get a channel by id or code', params, response: { 200: ChannelView, ...problems } },
    }, async (req, reply) => {
      const ref = req.params.channel
      const channel = await catalogue.resolveChannel(ref)
      const visible = channel && (await channelVisible(catalogue, principalOf(req), channel))
      return sendResult(reply, visible ? ok(channel) : notFound('channel', ref))
    })

    app.patch('/v1/channels/:channel', {
      preHandler: staffOnly,
      schema: { tags, summary: 'Change a channel (only the fields sent)', params, body: body.patch, response: { 200: ChannelView, ...problems } },
    }, async (req, reply) => sendResult(reply, await catalogue.updateChannel(req.params.channel, req.body)))
  }
}
