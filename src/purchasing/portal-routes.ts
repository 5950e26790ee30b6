/**
 * The supplier portal's routes: the open PO lines most urgent first (a supplier token its own;
 * staff every supplier's, or one's), and the preview of an ETA move. A supplier naming another
 * supplier gets an empty list, as for one that does not exist; another supplier's order is 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { allow, Id, literals, named, Nullable, Page, pageLimitOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { cursorCodec, CursorParam, nextCursorOf } from '../http/cursor.ts'
import type { Actor } from './service.ts'
import type { Suppliers } from './suppliers.ts'
import { dateOf, dayOf, lineStatuses, openQuantity, poStatuses } from './model.ts'
import { portalKeyOf, type PortalLine, type SupplierPortal } from './portal.ts'
import { Day, Ref } from './schemas.ts'

const tags = ['supplier portal']
const portalReaders = allow('admin', 'ops', 'supplier')
/** Lines most urgent first: keyed by the earliest customer promise (none: last), then the line id. */
const linesCursor = cursorCodec('supplier_portal_lines', ['serial', 'text'] as const)
const DayOut = Nullable(Type.String({ format: 'date' }))

const LinesQuery = Type.Object({
  supplier: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })),
}, { additionalProperties: false })

const PortalLineView = named('SupplierPortalLine', Type.Object({
  poId: Type.String(), poReference: Nullable(Type.String()), poStatus: literals(poStatuses), supplierId: Type.String(), destinationNodeId: Type.String(),
  lineId: Type.String(), lineNo: Type.Integer(), skuId: Type.String(), status: literals(lineStatuses),
  quantityOrdered: Type.Integer(), quantityAccepted: Nullable(Type.Integer()), quantityReceived: Type.Integer(), quantityOpen: Type.Integer(), quantityInTransit: Type.Integer(),
  eta: { ...DayOut, description: 'The current ETA the supplier confirmed (null until confirmed)' },
  expectedDate: { ...DayOut, description: 'When the open units are expected: the ETA, else the requested date' },
  confidence: literals(['unconfirmed', 'confirmed', 'shipped']),
  earliestCustomerPromiseDate: { ...DayOut, description: 'The earliest ship date a customer was promised against this line' },
  ordersWaiting: Type.Integer({ description: 'Customer orders with units promised on this line (or its ASNs)' }),
  unitsWaiting: Type.Integer({ description: 'Units of those orders promised on this line' }),
}))

const EtaImpactView = named('EtaImpact', Type.Object({
  poId: Type.String(), lineId: Type.String(), lineNo: Type.Integer(), currentEta: DayOut, proposedEta: Type.String({ format: 'date' }),
  ordersDelayed: Type.Integer(), linesDelayed: Type.Integer(), unitsDelayed: Type.Integer(),
  latestNewShipBy: { ...DayOut, description: 'The latest new ship date among delayed lines that keep one' },
  linesWithoutNewDate: Type.Integer({ description: 'Delayed lines nothing else could date' }),
  maxDaysLate: Nullable(Type.Integer()),
  ordersImproved: Type.Integer(), linesImproved: Type.Integer(),
}))

const lineView = (l: PortalLine) => ({
  poId: l.line.poId, poReference: l.poReference, poStatus: l.poStatus, supplierId: l.supplierId, destinationNodeId: l.destinationNodeId,
  lineId: l.line.id, lineNo: l.line.lineNo, skuId: l.line.skuId, status: l.line.status,
  quantityOrdered: l.line.quantityOrdered, quantityAccepted: l.line.quantityAccepted, quantityReceived: l.line.quantityReceived,
  quantityOpen: openQuantity(l.line), quantityInTransit: l.line.quantityInTransit,
  eta: dateOf(l.line.eta), expectedDate: dateOf(l.expectedDate), confidence: l.confidence,
  earliestCustomerPromiseDate: dateOf(l.earliestCustomerPromiseMs), ordersWaiting: l.ordersWaiting, unitsWaiting: l.unitsWaiting,
})

/** The supplier portal: urgency-sorted open lines and the ETA-move preview. */
export function portalRoutes({ portal, suppliers }: { portal: SupplierPortal; suppliers: Suppliers }): FastifyPluginAsyncTypebox {
  /** The supplier a supplier token acts for ('' when it names none that exists: it then sees nothing). */
  async function ownSupplierOf(req: FastifyRequest): Promise<string | undefined> {
    const p = principalOf(req)
    return p.kind === 'supplier' ? (await suppliers.resolve(p.scopeId))?.id ?? '' : undefined
  }

  return async (app) => {
    app.get('/v1/supplier-portal/lines', {
      preHandler: portalReaders,
      schema: {
        tags, summary: 'Open PO lines, most urgent first: by the earliest customer promise that depends on each, lines nobody waits on last',
        querystring: LinesQuery, response: { 200: Page(PortalLineView), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const limit = pageLimitOf(q)
      if (!limit.ok) return sendProblem(reply, limit)
      const after = linesCursor.decode(q.cursor)
      if (!after.ok) return sendProblem(reply, after)
      const own = await ownSupplierOf(req)
      const named = q.supplier === undefined ? undefined : (await suppliers.resolve(q.supplier))?.id ?? q.supplier
      // A supplier naming another supplier sees nothing, exactly as for one that does not exist.
      if (own !== undefined && named !== undefined && named !== own) return { items: [], nextCursor: null }
      const items = await portal.lines(own ?? named, after.value, limit.value)
      return { items: items.map(lineView), nextCursor: nextCursorOf(items, limit.value, linesCursor, portalKeyOf) }
    })

    app.get('/v1/purchase-orders/:id/lines/:line/eta-impact', {
      preHandler: portalReaders,
      schema: {
        tags: ['purchase orders', ...tags], summary: 'Before moving a line’s ETA: how many customer promises the move would delay, decided as the move would be',
        params: Type.Object({ id: Id, line: Id }), querystring: Type.Object({ eta: Day }, { additionalProperties: false }),
        response: { 200: EtaImpactView, ...problems },
      },
    }, async (req, reply) => {
      const p = principalOf(req)
      const own = await ownSupplierOf(req)
      const by: Actor = own === undefined ? { actor: `${p.role}/${p.tokenId}`, party: 'buyer' } : { actor: `${p.role}/${p.tokenId}`, party: 'supplier', supplierId: own }
      const eta = req.query.eta
      const previewed = await portal.etaImpact(req.params.id, req.params.line, dayOf(eta), by)
      if (!previewed.ok) return sendProblem(reply, previewed)
      const { line, impact } = previewed.value
      return {
        poId: line.poId, lineId: line.id, lineNo: line.lineNo, currentEta: dateOf(line.eta), proposedEta: eta,
        ordersDelayed: impact.ordersDelayed, linesDelayed: impact.linesDelayed, unitsDelayed: impact.unitsDelayed,
        latestNewShipBy: dateOf(impact.latestNewShipByMs), linesWithoutNewDate: impact.linesWithoutNewDate, maxDaysLate: impact.maxDaysLate,
        ordersImproved: impact.ordersImproved, linesImproved: impact.linesImproved,
      }
    })
  }
}
