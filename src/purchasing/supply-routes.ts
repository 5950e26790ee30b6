/** Future supply over HTTP: what will arrive where, when, and how sure it is. Staff only. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Catalogue } from '../catalogue/index.ts'
import { allow, problems, named } from '../http/support.ts'
import { FailureError } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { dateOf, type SupplyLine } from './model.ts'
import type { Purchasing } from './service.ts'
import { supplyLadder, type SupplyLadder } from './supply-view.ts'

const tags = ['supply']
const Ref = Type.String({ minLength: 1, maxLength: 100, description: 'Id or code' })
const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'A day (YYYY-MM-DD); null when not known yet' })
const Confidence = Type.Union(['on_hand', 'shipped', 'confirmed', 'unconfirmed', 'virtual'].map((c) => Type.Literal(c)))
const NullableString = Type.Union([Type.String(), Type.Null()])

const SupplyLineView = named('SupplyLine', Type.Object({
  skuId: Type.String(),
  nodeId: Type.String({ description: 'Where the supply arrives' }),
  sourceType: Type.Union(['po_line', 'asn', 'transfer', 'virtual'].map((c) => Type.Literal(c))),
  sourceId: Type.String({ description: 'PO line id, ASN id, transfer id, or the supplier id for virtual supply' }),
  poId: NullableString,
  poLineId: NullableString,
  supplierId: NullableString,
  quantity: Type.Integer(),
  expectedDate: Day,
  confidence: Confidence,
}))

const SupplyResponse = named('FutureSupply', Type.Object({
  lines: Type.Array(SupplyLineView),
  ladder: Type.Array(Type.Object({
    skuId: Type.String(),
    nodeId: Type.String(),
    steps: Type.Array(Type.Object({ date: Day, confidence: Confidence, quantity: Type.Integer(), cumulative: Type.Integer({ description: 'Units expected by this step, this step included' }) })),
  }), { description: 'Per SKU × node, the supply added up in date order' }),
}))

const lineView = (l: SupplyLine) => ({ ...l, expectedDate: dateOf(l.expectedDate) })
const ladderView = (l: SupplyLadder) => ({ ...l, steps: l.steps.map((s) => ({ ...s, date: dateOf(s.date) })) })

/** Dated future supply, for staff. */
export function supplyRoutes({ catalogue, purchasing }: { catalogue: Catalogue; purchasing: Purchasing }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/v1/supply', {
      preHandler: allow('admin', 'ops'),
      schema: {
        tags,
        summary: 'Future supply of a SKU and/or at a node: open PO lines, ASNs in transit, transfers and virtual supply, dated, with a time-phased ladder',
        querystring: Type.Object({ sku: Type.Optional(Ref), node: Type.Optional(Ref) }, { additionalProperties: false }),
        response: { 200: SupplyResponse, ...problems },
      },
    }, async (req) => {
      const q = req.query
      // The whole network's supply in one answer would be unbounded.
      if (q.sku === undefined && q.node === undefined) throw new FailureError(fail('filter_required', 'Name a sku, a node, or both.'))
      const sku = q.sku === undefined ? undefined : await catalogue.resolveSku(q.sku)
      if (q.sku !== undefined && !sku) throw new FailureError(fail('sku_not_found', `No SKU with id or code '${q.sku}'.`))
      const node = q.node === undefined ? undefined : await catalogue.resolveNode(q.node)
      if (q.node !== undefined && !node) throw new FailureError(fail('node_not_found', `No node with id or code '${q.node}'.`))
      const lines = await purchasing.supply({ skuId: sku?.id, nodeId: node?.id })
      return { lines: lines.map(lineView), ladder: supplyLadder(lines).map(ladderView) }
    })
  }
}
