/** Catalogue HTTP routes: SKUs, nodes, channels. Writes are staff-only; reads are scoped by role. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import type { Services } from '../services.ts'
import type { Principal } from '../auth/index.ts'
import { allow, decodeCursor, Id, Page, PageQuery, pageLimitOf, principalOf, problems, sendProblem, sendResult } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { channelKinds, nodeKinds, type Channel, type PageOf, type StockNode } from './model.ts'
import { maxAttributes, maxCapabilities, maxHandlingTimeHours } from './decide.ts'
import type { Catalogue } from './service.ts'

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Merchant-chosen, unique: A–Z a–z 0–9 . _ -' })
const Name = Type.String({ minLength: 1, maxLength: 200 })
const Stamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))

const skuFields = {
  code: Code,
  name: Name,
  unit: Type.String({ minLength: 1, maxLength: 32, description: "Unit of measure (default 'each')" }),
  barcode: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'EAN/UPC or own barcode' })),
  attributes: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 500 }), { maxProperties: maxAttributes, description: 'Free-form attributes such as colour and size' }),
  active: Type.Boolean(),
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
  active: Type.Boolean(),
}
const channelFields = {
  code: Code,
  name: Name,
  kind: literals(channelKinds),
  nodeIds: Type.Array(Id, { maxItems: 500, description: 'Nodes the channel sells from, by id or code (stored as ids)' }),
  safetyBuffer: Type.Integer({ minimum: 0, description: 'Units held back from what the channel sees, per SKU' }),
  active: Type.Boolean(),
}

const stamps = { id: Type.String(), createdAt: Stamp, updatedAt: Stamp }
const SkuView = Type.Object({ ...stamps, ...skuFields })
const NodeView = Type.Object({ ...stamps, ...nodeFields })
const ChannelView = Type.Object({ ...stamps, ...channelFields })

/** A create body: the named fields required, the rest optional; a patch: any non-empty subset. */
function bodies<F extends Record<string, TSchema>>(fields: F, required: Array<keyof F>) {
  const create = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, required.includes(k) ? v : Type.Optional(v)]))
  const patch = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]))
  return {
    create: Type.Object(create, { additionalProperties: false }),
    patch: Type.Object(patch, { additionalProperties: false, minProperties: 1 }),
  }
}

const staffOnly = allow('admin', 'ops')
type PageQueryT = Static<typeof PageQuery>

/** Nodes a scoped caller may see; undefined means all. Anything outside is answered 404. */
async function nodeVisibility(catalogue: Catalogue, p: Principal): Promise<{ ids?: string[]; supplierId?: string } | undefined> {
  if (p.kind === 'channel') return { ids: (await catalogue.resolveChannel(p.scopeId))?.nodeIds ?? [] }
  if (p.kind === 'supplier') return { supplierId: p.scopeId }
  return undefined
}

function nodeVisible(node: StockNode, only: { ids?: string[]; supplierId?: string } | undefined): boolean {
  if (!only) return true
  if (only.ids) return only.ids.includes(node.id)
  return node.kind === 'dropship' && node.supplierId === only.supplierId
}

/** A channel token sees its own channel only. */
async function channelVisible(catalogue: Catalogue, p: Principal, channel: Channel): Promise<boolean> {
  if (p.kind !== 'channel') return true
  return (await catalogue.resolveChannel(p.scopeId))?.id === channel.id
}

async function sendPage<T>(reply: FastifyReply, query: PageQueryT, list: (q: { cursor?: string; limit: number }) => Promise<PageOf<T>>) {
  const limit = pageLimitOf(query)
  if (!limit.ok) return sendProblem(reply, limit)
  return reply.send(await list({ cursor: query.cursor, limit: limit.value }))
}

export function registerCatalogueRoutes(app: FastifyInstance, { catalogue }: Services): void {
  registerSkuRoutes(app, catalogue)
  registerNodeRoutes(app, catalogue)
  registerChannelRoutes(app, catalogue)
}

function registerSkuRoutes(app: FastifyInstance, catalogue: Catalogue): void {
  const tags = ['catalogue']
  const body = bodies(skuFields, ['code', 'name'])
  const params = Type.Object({ sku: Id })
  const skuOf = (req: FastifyRequest) => (req.params as Static<typeof params>).sku

  app.post('/v1/skus', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Create a SKU', body: body.create, response: { 201: SkuView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.createSku(req.body as any), 201))

  app.get('/v1/skus', {
    schema: { tags, summary: 'List SKUs in id order, a page at a time', querystring: PageQuery, response: { 200: Page(SkuView), ...problems } },
  }, async (req, reply) => sendPage(reply, req.query as PageQueryT, (q) => catalogue.listSkus(q)))

  app.get('/v1/skus/:sku', {
    schema: { tags, summary: 'Get a SKU by id or code', params, response: { 200: SkuView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.getSku(skuOf(req))))

  app.patch('/v1/skus/:sku', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Change a SKU (only the fields sent)', params, body: body.patch, response: { 200: SkuView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.updateSku(skuOf(req), req.body as any)))
}

function registerNodeRoutes(app: FastifyInstance, catalogue: Catalogue): void {
  const tags = ['catalogue']
  const body = bodies(nodeFields, ['code', 'name', 'kind', 'region'])
  const params = Type.Object({ node: Id })
  const nodeRef = (req: FastifyRequest) => (req.params as Static<typeof params>).node

  /** The node if this caller may see it; 404 otherwise, the same answer as for a node that does not exist. */
  async function visibleNode(req: FastifyRequest): Promise<Result<StockNode>> {
    const ref = nodeRef(req)
    const node = await catalogue.resolveNode(ref)
    const only = await nodeVisibility(catalogue, principalOf(req))
    return node && nodeVisible(node, only) ? ok(node) : notFound('node', ref)
  }

  app.post('/v1/nodes', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Create a stock node (warehouse, store or dropship supplier)', body: body.create, response: { 201: NodeView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.createNode(req.body as any), 201))

  app.get('/v1/nodes', {
    schema: { tags, summary: 'List the nodes this caller may see, in id order', querystring: PageQuery, response: { 200: Page(NodeView), ...problems } },
  }, async (req, reply) => {
    const only = await nodeVisibility(catalogue, principalOf(req))
    return sendPage(reply, req.query as PageQueryT, (q) => catalogue.listNodePage(q, only))
  })

  app.get('/v1/nodes/:node', {
    schema: { tags, summary: 'Get a node by id or code', params, response: { 200: NodeView, ...problems } },
  }, async (req, reply) => sendResult(reply, await visibleNode(req)))

  app.patch('/v1/nodes/:node', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Change a node (only the fields sent)', params, body: body.patch, response: { 200: NodeView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.updateNode(nodeRef(req), req.body as any)))
}

function registerChannelRoutes(app: FastifyInstance, catalogue: Catalogue): void {
  const tags = ['catalogue']
  const body = bodies(channelFields, ['code', 'name', 'kind'])
  const params = Type.Object({ channel: Id })
  const channelRef = (req: FastifyRequest) => (req.params as Static<typeof params>).channel
  // Stores and suppliers have no business with channels at all: 403, not 404.
  const readers = allow('admin', 'ops', 'channel')

  app.post('/v1/channels', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Create a sales channel and the nodes it sells from', body: body.create, response: { 201: ChannelView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.createChannel(req.body as any), 201))

  app.get('/v1/channels', {
    preHandler: readers,
    schema: { tags, summary: 'List channels in id order (a channel token sees its own)', querystring: PageQuery, response: { 200: Page(ChannelView), ...problems } },
  }, async (req, reply) => {
    const p = principalOf(req)
    if (p.kind !== 'channel') return sendPage(reply, req.query as PageQueryT, (q) => catalogue.listChannels(q))
    const own = await catalogue.resolveChannel(p.scopeId)
    return sendPage(reply, req.query as PageQueryT, async (q) => ({
      items: own && own.id > (decodeCursor(q.cursor) ?? '') ? [own] : [],
      nextCursor: null,
    }))
  })

  app.get('/v1/channels/:channel', {
    preHandler: readers,
    schema: { tags, summary: 'Get a channel by id or code', params, response: { 200: ChannelView, ...problems } },
  }, async (req, reply) => {
    const channel = await catalogue.resolveChannel(channelRef(req))
    const visible = channel && (await channelVisible(catalogue, principalOf(req), channel))
    return sendResult(reply, visible ? ok(channel) : notFound('channel', channelRef(req)))
  })

  app.patch('/v1/channels/:channel', {
    preHandler: staffOnly,
    schema: { tags, summary: 'Change a channel (only the fields sent)', params, body: body.patch, response: { 200: ChannelView, ...problems } },
  }, async (req, reply) => sendResult(reply, await catalogue.updateChannel(channelRef(req), req.body as any)))
}
