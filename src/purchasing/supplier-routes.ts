/**
 * Supplier routes: profiles, SKU terms, virtual supply and scorecards. Staff (admin, ops) manage
 * suppliers; a supplier token sees only itself (any other supplier is 404, never 403) and declares
 * its own virtual supply; channel and store tokens have no business here (403).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { idempotencyScope } from '../kernel/principal.ts'
import {
  allow, Id, idempotencyKeyOf, literals, Nullable, optionalExcept, Page, PageQuery, pageLimitOf, principalOf, problems, requestHashOf, sendProblem, sendResult, named,
} from '../http/support.ts'
import { FailureError, unwrap } from '../kernel/result.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import { notFound } from './errors.ts'
import { maxQuantity } from '../inventory/index.ts'
import { paymentTermKinds, type Supplier } from './model.ts'
import { maxContacts, maxInstalments, maxLeadTimeDays, maxPaymentDays, nodeTakesVirtual } from './supplier-decide.ts'
import { requireVisibleSupplier, skuTermsCursor, supplierCursor, supplierScope, virtualCursorOf, type Suppliers } from './suppliers.ts'
import { virtualView } from './virtual.ts'

const tags = ['suppliers']
const staff = allow('admin', 'ops')
const staffAndSuppliers = allow('admin', 'ops', 'supplier')
const closed = <T extends Record<string, TSchema>>(fields: T) => Type.Object(fields, { additionalProperties: false })
const LeadTimeDays = Type.Integer({ minimum: 0, maximum: maxLeadTimeDays, description: 'Days' })
const Rate = Type.Number({ minimum: 0, maximum: 1 })
const Percent = Type.Number({ minimum: 0, maximum: 100 })

const Contact = named('SupplierContact', closed({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ minLength: 3, maxLength: 254, format: 'email' }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+()\\-. ]{3,40}$' }))),
  role: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: "What the contact is for: 'orders', 'accounts', 'quality'…" }))),
}))
const PaymentTerms = named('PaymentTerms', closed({
  kind: literals(paymentTermKinds),
  days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: maxPaymentDays, description: 'net: days after invoice; instalments: days between them' }))),
  instalments: Type.Optional(Nullable(Type.Integer({ minimum: 2, maximum: maxInstalments }))),
}))
const ReceivingPolicyPatch = closed({
  overReceiptTolerancePercent: Type.Optional(Percent),
  shortReceipt: Type.Optional(literals(['keep_open', 'close_line'])),
  closeWithinPercent: Type.Optional(Percent),
})

const supplierFields = {
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Merchant-chosen, unique' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contacts: Type.Array(Contact, { maxItems: maxContacts }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; every PO with this supplier is in it' }),
  defaultLeadTimeDays: LeadTimeDays,
  paymentTerms: PaymentTerms,
  dropship: Type.Boolean({ description: 'Ships straight to customers' }),
  receivingPolicy: ReceivingPolicyPatch,
  active: Type.Boolean(),
  autoSendSuggestions: Type.Boolean({ description: 'Replenishment’s suggestions to this supplier are approved and sent at the end of each run, without a buyer (default false)' }),
}
const CreateBody = named('CreateSupplierRequest', Type.Object(optionalExcept(supplierFields, ['code', 'name', 'currency', 'defaultLeadTimeDays', 'paymentTerms']), { additionalProperties: false }))
const PatchBody = Type.Partial(Type.Object(supplierFields), { additionalProperties: false, minProperties: 1 })

const SupplierView = named('Supplier', Type.Object({
  id: Type.String(), ...supplierFields,
  contacts: Type.Array(Type.Object({ name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()), role: Nullable(Type.String()) })),
  paymentTerms: Type.Object({ kind: Type.String(), days: Nullable(Type.Integer()), instalments: Nullable(Type.Integer()) }),
  receivingPolicy: Type.Object({ overReceiptTolerancePercent: Type.Number(), shortReceipt: Type.String(), closeWithinPercent: Type.Number() }),
  createdAt: Type.String({ format: 'date-time' }), updatedAt: Type.String({ format: 'date-time' }),
}))

const SkuTermsBody = closed({
  supplierSkuCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: "The supplier's own code for the SKU" }))),
  unitCost: Type.Integer({ minimum: 0, description: "Minor units of the supplier's currency" }),
  minOrderQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: maxQuantity })),
  packSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxQuantity, description: 'Order in multiples of this' })),
  leadTimeDays: Type.Optional(Nullable(LeadTimeDays)),
  virtualCap: Type.Optional(Type.Integer({ minimum: 0, maximum: maxQuantity, description: 'Most virtual units the supplier may declare for this SKU, over all nodes' })),
})
const SkuTermsView = named('SupplierSkuTerms', Type.Object({
  supplierId: Type.String(), skuId: Type.String(), supplierSkuCode: Nullable(Type.String()), unitCost: Type.Integer(),
  minOrderQuantity: Type.Integer(), packSize: Type.Integer(), leadTimeDays: Nullable(Type.Integer()), virtualCap: Type.Integer(), updatedAt: Type.String(),
}))

const VirtualBody = closed({
  quantity: Type.Integer({ minimum: 0, maximum: maxQuantity, description: 'Units the supplier can deliver fast; replaces its previous declaration, 0 withdraws it' }),
  leadTimeDays: LeadTimeDays,
})
const VirtualView = named('VirtualSupply', Type.Object({
  supplierId: Type.String(), skuId: Type.String(), nodeId: Type.String(), quantity: Type.Integer(), leadTimeDays: Type.Integer(),
  actor: Type.String(), declaredAt: Type.String(),
}))
const DeclaredView = named('DeclaredVirtualSupply', Type.Object({ ...VirtualView.properties, virtualAtNode: Type.Integer({ description: "The node's V bucket now: every supplier's declarations summed" }) }))
const VirtualQuery = closed({ ...PageQuery.properties, sku: Type.Optional(Id), node: Type.Optional(Id) })

const ScorecardView = named('SupplierScorecard', Type.Object({
  supplierId: Type.String(), windowDays: Type.Integer(), onTimeRate: Nullable(Type.Number()), fillRate: Nullable(Type.Number()),
  qcPassRate: Nullable(Type.Number()), etaChangesPerLine: Nullable(Type.Number()), leadTimeMeanDays: Nullable(Type.Number()),
  leadTimeStdDevDays: Nullable(Type.Number()), receiptLines: Type.Integer(), linesConfirmed: Type.Integer(), linesCompleted: Type.Integer(),
  unitsInspected: Type.Integer(), grade: Nullable(literals(['A', 'B', 'C', 'D'])), computedAt: Type.String(),
}))
const ScorecardSnapshotView = named('SupplierScorecardSnapshot', Type.Object({
  id: Type.Integer(), supplierId: Type.String(),
  periodStart: Type.String({ format: 'date-time', description: 'The window measured starts after this instant' }),
  periodEnd: Type.String({ format: 'date-time', description: 'When the scorecard was computed: the window ends here' }),
  windowDays: Type.Integer(), onTimeRate: Nullable(Type.Number()), fillRate: Nullable(Type.Number()), qcPassRate: Nullable(Type.Number()),
  grade: Nullable(literals(['A', 'B', 'C', 'D'])),
}))
/** Scorecard history, newest first by entry number. */
const historyCursor = singleCursor('supplier_scorecard_history', 'serial')
const ScorecardPolicy = named('ScorecardPolicy', closed({
  windowDays: Type.Integer({ minimum: 1, maximum: 730 }),
  graceDays: Type.Integer({ minimum: 0, maximum: 60, description: 'Days after the confirmed ETA that still count as on time' }),
  thresholds: Type.Array(closed({ grade: literals(['A', 'B', 'C']), onTimeRateMin: Rate, fillRateMin: Rate, qcPassRateMin: Rate }), { minItems: 3, maxItems: 3 }),
}))

const SupplierParams = Type.Object({ id: Id })

/** Supplier profiles, SKU terms, virtual supply and scorecards. */
export function supplierRoutes({ suppliers }: { suppliers: Suppliers }): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(profileRoutes(suppliers))
    await app.register(termsRoutes(suppliers))
    await app.register(virtualRoutes(suppliers))
    await app.register(scorecardRoutes(suppliers))
  }
}

const actorOf = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`
/** The supplier named in the path, if the caller may see it (a supplier sees only itself; others are 404). */
const visible = (suppliers: Suppliers, req: FastifyRequest, id: string) => requireVisibleSupplier(suppliers, principalOf(req), id)
const limitOf = (query: { limit?: string }) => unwrap(pageLimitOf(query))

function profileRoutes(suppliers: Suppliers): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/v1/suppliers', {
      preHandler: staff,
      schema: { tags, summary: 'Create a supplier (takes an Idempotency-Key)', body: CreateBody, response: { 201: SupplierView, ...problems } },
    }, async (req, reply) => {
      const key = unwrap(idempotencyKeyOf(req))
      const idem = key === undefined ? undefined : { scopeKey: `supplier_create|${idempotencyScope(principalOf(req))}|${key}`, requestHash: requestHashOf(req) }
      const created = await suppliers.create(req.body, actorOf(req), idem)
      if (created.ok && created.replayed) reply.header('idempotent-replayed', 'true')
      return sendResult(reply, created, 201)
    })

    app.get('/v1/suppliers', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: 'List suppliers in id order (a supplier token sees itself)', querystring: PageQuery, response: { 200: Page(SupplierView), ...problems } },
    }, async (req) => {
      const limit = limitOf(req.query)
      const scope = await supplierScope(suppliers, principalOf(req))
      const after = supplierCursor.after(req.query.cursor)
      if (scope === undefined) return suppliers.list(after, limit)
      const own = await suppliers.resolve(scope)
      return { items: own && own.id > (after ?? '') ? [own] : [], nextCursor: null }
    })

    app.get('/v1/suppliers/:id', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: 'Get a supplier by id or code', params: SupplierParams, response: { 200: SupplierView, ...problems } },
    }, async (req): Promise<Supplier> => visible(suppliers, req, req.params.id))

    app.patch('/v1/suppliers/:id', {
      preHandler: staff,
      schema: { tags, summary: 'Change a supplier (only the fields sent)', params: SupplierParams, body: PatchBody, response: { 200: SupplierView, ...problems } },
    }, async (req, reply) => sendResult(reply, await suppliers.update(req.params.id, req.body, actorOf(req))))
  }
}

function termsRoutes(suppliers: Suppliers): FastifyPluginAsyncTypebox {
  const params = Type.Object({ id: Id, sku: Id })
  return async (app) => {
    app.put('/v1/suppliers/:id/skus/:sku', {
      preHandler: staff,
      schema: { tags, summary: "Set the supplier's terms for a SKU (replaces them whole)", params, body: SkuTermsBody, response: { 200: SkuTermsView, ...problems } },
    }, async (req, reply) => sendResult(reply, await suppliers.setSkuTerms(req.params.id, req.params.sku, req.body)))

    app.get('/v1/suppliers/:id/skus', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: "List the supplier's SKU terms in SKU id order", params: SupplierParams, querystring: PageQuery, response: { 200: Page(SkuTermsView), ...problems } },
    }, async (req) => {
      const supplier = await visible(suppliers, req, req.params.id)
      return suppliers.listSkuTerms(supplier.id, skuTermsCursor.after(req.query.cursor), limitOf(req.query))
    })

    app.get('/v1/suppliers/:id/skus/:sku', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: "The supplier's terms for one SKU", params, response: { 200: SkuTermsView, ...problems } },
    }, async (req) => {
      const supplier = await visible(suppliers, req, req.params.id)
      const ref = req.params.sku
      const sku = await suppliers.resolveSku(ref)
      const terms = sku && (await suppliers.skuTerms(supplier.id, sku.id))
      if (!terms) throw new FailureError(notFound('sku_terms', ref))
      return terms
    })
  }
}

function virtualRoutes(suppliers: Suppliers): FastifyPluginAsyncTypebox {
  const params = Type.Object({ id: Id, sku: Id, node: Id })

  async function virtualPage(query: Static<typeof VirtualQuery>, supplierId: string | undefined) {
    const after = virtualCursorOf(supplierId !== undefined).after(query.cursor)
    const skuId = query.sku === undefined ? undefined : (await suppliers.resolveSku(query.sku))?.id ?? ''
    const nodeId = query.node === undefined ? undefined : (await suppliers.resolveNode(query.node))?.id ?? ''
    const page = await suppliers.listVirtual({ supplierId, skuId, nodeId }, after, limitOf(query))
    return { items: page.items.map(virtualView), nextCursor: page.nextCursor }
  }

  return async (app) => {
    app.put('/v1/suppliers/:id/virtual-supply/:sku/:node', {
      preHandler: staffAndSuppliers,
      schema: {
        tags, summary: "Declare what the supplier can deliver fast of a SKU at a node (its dropship node or a warehouse); sets the node's virtual bucket",
        params, body: VirtualBody, response: { 200: DeclaredView, ...problems },
      },
    }, async (req, reply) => {
      const supplier = await visible(suppliers, req, req.params.id)
      // To a supplier, a node it may not declare at (a store, another supplier's dropship node) is as unknown as a missing one.
      const node = principalOf(req).kind === 'supplier' ? await suppliers.resolveNode(req.params.node) : undefined
      if (node && !nodeTakesVirtual(supplier, node)) throw new FailureError(notFound('node', req.params.node))
      const declared = await suppliers.declareVirtual(supplier.id, req.params.sku, req.params.node, req.body, actorOf(req))
      if (!declared.ok) return sendProblem(reply, declared)
      return { ...virtualView(declared.value.declaration), virtualAtNode: declared.value.virtualAtNode }
    })

    app.get('/v1/suppliers/:id/virtual-supply', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: "The supplier's virtual-supply declarations, by SKU and node", params: SupplierParams, querystring: VirtualQuery, response: { 200: Page(VirtualView), ...problems } },
    }, async (req, reply) => {
      const supplier = await visible(suppliers, req, req.params.id)
      return reply.send(await virtualPage(req.query, supplier.id))
    })

    app.get('/v1/virtual-supply', {
      preHandler: staff,
      schema: { tags, summary: "Every supplier's virtual-supply declarations, optionally for one SKU or node", querystring: VirtualQuery, response: { 200: Page(VirtualView), ...problems } },
    }, async (req, reply) => reply.send(await virtualPage(req.query, undefined)))
  }
}

function scorecardRoutes(suppliers: Suppliers): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/v1/suppliers/:id/scorecard', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: 'On-time, fill and QC pass rates, ETA changes, lead time and grade over the policy window', params: SupplierParams, response: { 200: ScorecardView, ...problems } },
    }, async (req) => suppliers.scorecard((await visible(suppliers, req, req.params.id)).id))

    app.get('/v1/suppliers/:id/scorecard/history', {
      preHandler: staffAndSuppliers,
      schema: { tags, summary: 'The scorecard at every recompute, newest first: period, rates and grade (the trend)', params: SupplierParams, querystring: PageQuery, response: { 200: Page(ScorecardSnapshotView), ...problems } },
    }, async (req) => {
      const limit = limitOf(req.query)
      const before = historyCursor.after(req.query.cursor)
      const supplier = await visible(suppliers, req, req.params.id)
      const items = await suppliers.scorecardHistory(supplier.id, before, limit)
      return { items, nextCursor: nextCursorOf(items, limit, historyCursor, (s) => s.id) }
    })

    app.post('/v1/suppliers/:id/scorecard/recompute', {
      preHandler: staff,
      schema: { tags, summary: 'Recompute the scorecard now', params: SupplierParams, response: { 200: ScorecardView, ...problems } },
    }, async (req) => suppliers.recomputeScorecard((await visible(suppliers, req, req.params.id)).id))

    app.get('/v1/scorecard-policy', {
      preHandler: staff,
      schema: { tags, summary: 'The scorecard policy: window, grace days, grade thresholds', response: { 200: ScorecardPolicy, ...problems } },
    }, async () => suppliers.scorecardPolicy())

    app.put('/v1/scorecard-policy', {
      preHandler: allow('admin'),
      schema: { tags, summary: 'Replace the scorecard policy (scorecards follow on their next read)', body: ScorecardPolicy, response: { 200: ScorecardPolicy, ...problems } },
    }, async (req, reply) => sendResult(reply, await suppliers.setScorecardPolicy(req.body)))
  }
}
