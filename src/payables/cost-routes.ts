/**
 * Inventory cost routes (staff: admin, ops): landed cost on a receipt, a SKU's moving-average
 * cost with its latest movements, and the valuation of stock on hand per node.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { isoOf } from '../kernel/clock.ts'
import { allow, Id, idempotencyKeyOf, literals, named, Nullable, PageQuery, pageRequestOf, principalOf, problems, requestHashOf, sendProblem, sendResult } from '../http/support.ts'
import { idempotencyScope } from '../kernel/principal.ts'
import { singleCursor } from '../http/cursor.ts'
import { ok } from '../kernel/result.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { fail } from './errors.ts'
import { chargeKinds, costBases } from './landed-cost.ts'
import type { Costing } from './costing.ts'
import type { CostMovement, LandedCost } from './cost-store.ts'
import type { ValuationTotal } from './cost-reads.ts'

const tags = ['costs']
const staff = allow('admin', 'ops')
const valuationCursor = singleCursor('valuation', 'text')
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })
const Minor = Type.Integer({ minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 })

const LandedCostBody = Type.Object({
  kind: literals(chargeKinds),
  basis: literals(costBases),
  amountMinor: Type.Integer({ minimum: -1_000_000_000_000, maximum: 1_000_000_000_000, description: 'In minor units of the currency; negative for a credit (a duty refund), never 0' }),
  currency: Currency,
  note: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
}, { additionalProperties: false })

const LandedCostView = named('LandedCost', Type.Object({
  id: Type.String(), receiptId: Type.String(), kind: Type.String(), basis: Type.String(), amountMinor: Minor, currency: Type.String(),
  invoiceId: Nullable(Type.String()), chargeNo: Nullable(Type.Integer()), note: Nullable(Type.String()),
  allocations: Type.Array(Type.Object({
    poLineId: Type.String(), skuId: Type.String(), quantity: Type.Integer(), amountMinor: Minor,
    expensed: Type.Boolean({ description: 'No unit of the SKU was on hand to carry its part: an expense, not stock value' }),
  })),
  createdBy: Type.String(), createdAt: Type.String({ format: 'date-time' }),
}))

const MovementView = Type.Object({
  kind: Type.String({ description: 'receipt, uncosted (a receipt in another currency: no FX), landed, shipment' }),
  reference: Type.String(), nodeId: Nullable(Type.String()), quantity: Type.Integer(), valueMinor: Minor, currency: Type.String(), at: Type.String({ format: 'date-time' }),
})
const SkuCostView = named('SkuCost', Type.Object({
  skuId: Type.String(), skuCode: Type.String(), currency: Nullable(Type.String({ description: "The first costed receipt's currency; null until then" })),
  units: Type.Integer(), valueMinor: Minor, unitCostMinor: Nullable(Type.Integer({ description: 'value ÷ units, rounded half up' })),
  minUnitCostMinor: Nullable(Type.Integer()), maxUnitCostMinor: Nullable(Type.Integer()), movements: Type.Array(MovementView),
}))
const TotalView = Type.Object({ nodeId: Nullable(Type.String()), currency: Type.String(), unitsOnHand: Type.Integer(), valueMinor: Minor })
const ValuationView = named('Valuation', Type.Object({
  items: Type.Array(Type.Object({
    nodeId: Type.String(), skuId: Type.String(), skuCode: Type.String(), currency: Type.String(), unitsOnHand: Type.Integer(), unitCostMinor: Type.Integer(), valueMinor: Minor,
  })),
  nextCursor: Nullable(Type.String()),
  byNode: Type.Array(TotalView, { description: 'Every node (or the one asked for) per currency, over all pages' }),
  byCurrency: Type.Array(TotalView, { description: 'Per currency, over all pages: never summed across currencies (no FX)' }),
}))

const landedView = (l: LandedCost) => ({ ...l, createdAtMs: undefined, createdAt: isoOf(l.createdAtMs)! })
const movementView = (m: CostMovement) => ({ kind: m.kind, reference: m.reference, nodeId: m.nodeId, quantity: m.quantity, valueMinor: m.valueMinor, currency: m.currency, at: isoOf(m.atMs)! })
const totalView = (t: ValuationTotal) => t

export function costRoutes({ costing, catalogue }: { costing: Costing; catalogue: Catalogue }): FastifyPluginAsyncTypebox {
  const actorOf = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`
  return async (app) => {
    app.post('/v1/receipts/:id/landed-costs', {
      preHandler: staff,
      schema: {
        tags, summary: "Add a landed cost (freight, duty, insurance, other) to a receipt: split over its lines by quantity, value, weight or volume (largest remainder: the parts sum exactly), raising the average cost of the units still on hand",
        params: Type.Object({ id: Id }), body: LandedCostBody, response: { 201: LandedCostView, ...problems },
      },
    }, async (req, reply) => {
      const key = idempotencyKeyOf(req)
      if (!key.ok) return sendProblem(reply, key)
      const idem = key.value === undefined ? undefined : { scopeKey: `landed_cost|${idempotencyScope(principalOf(req))}|${key.value}`, requestHash: requestHashOf(req) }
      const added = await costing.addLandedCost(req.params.id, req.body, actorOf(req), idem)
      if (!added.ok) return sendProblem(reply, added)
      if (added.value.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).send(landedView(added.value.landed))
    })

    app.get('/v1/receipts/:id/landed-costs', {
      preHandler: staff,
      schema: { tags, summary: "A receipt's landed costs, oldest first, with how each was split over the lines", params: Type.Object({ id: Id }), response: { 200: Type.Object({ items: Type.Array(LandedCostView) }), ...problems } },
    }, async (req, reply) => {
      const found = await costing.landedCosts(req.params.id)
      return sendResult(reply, found.ok ? ok({ items: found.value.map(landedView) }) : found)
    })

    app.get('/v1/costs/skus/:sku', {
      preHandler: staff,
      schema: { tags, summary: "A SKU's moving-average cost: currency, units, value, unit cost, the range of unit costs received, and its latest cost movements", params: Type.Object({ sku: Id }), response: { 200: SkuCostView, ...problems } },
    }, async (req, reply) => {
      const sku = await catalogue.resolveSku(req.params.sku)
      if (!sku) return sendProblem(reply, fail('sku_not_found', `No SKU with id or code '${req.params.sku}'.`))
      const cost = await costing.skuCost(sku.id)
      return sendResult(reply, cost.ok ? ok({ ...cost.value, movements: cost.value.movements.map(movementView) }) : cost)
    })

    app.get('/v1/costs/valuation', {
      preHandler: staff,
      schema: {
        tags, summary: "Stock on hand valued at each SKU's moving-average cost, per node and SKU (a page of SKUs at a time), with totals per node and per currency",
        querystring: Type.Object({ ...PageQuery.properties, node: Type.Optional(Id) }, { additionalProperties: false }), response: { 200: ValuationView, ...problems },
      },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, valuationCursor)
      if (!page.ok) return sendProblem(reply, page)
      let nodeId: string | undefined
      if (req.query.node !== undefined) {
        nodeId = (await catalogue.resolveNode(req.query.node))?.id
        if (!nodeId) return sendProblem(reply, fail('node_not_found', `No node with id or code '${req.query.node}'.`))
      }
      const v = await costing.valuation({ nodeId }, page.value.after, page.value.limit)
      return {
        items: v.lines, nextCursor: v.nextSkuId === null ? null : valuationCursor.encode(v.nextSkuId),
        byNode: v.byNode.map(totalView), byCurrency: v.byCurrency.map(totalView),
      }
    })
  }
}
