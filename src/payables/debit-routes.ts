/**
 * Debit routes. Staff list and read every supplier's debits and enter the credit notes suppliers
 * issue; a supplier reads its own in the portal — another supplier's debit is not found — and a
 * chargeback shows the order lines behind it (order, line, days late, the compensation), never
 * anything about the customer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { isoOf } from '../kernel/clock.ts'
import { allow, Id, literals, named, Nullable, Page, pageRequestOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { CursorParam, nextCursorOf, singleCursor } from '../http/cursor.ts'
import { debitKinds, type Debit } from './debit-store.ts'
import type { Debits } from './debits.ts'

const tags = ['supplier debits']
const staff = allow('admin', 'ops')
const suppliersOnly = allow('supplier')
const staffCursor = singleCursor('supplier_debits', 'text')
const portalCursor = singleCursor('portal_debits', 'text')
const statuses = ['open', 'offset'] as const
const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const Limit = Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })

const ListQuery = Type.Object({
  supplier: Type.Optional(Ref),
  kind: Type.Optional(literals(debitKinds)),
  status: Type.Optional(literals(statuses)),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Limit),
}, { additionalProperties: false })

const PortalListQuery = Type.Object({
  kind: Type.Optional(literals(debitKinds)),
  status: Type.Optional(literals(statuses)),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Limit),
}, { additionalProperties: false })

const SupplierParams = Type.Object({ id: Ref })
const DebitParams = Type.Object({ debitId: Id })

const CreditNoteBody = named('CreditNoteInput', Type.Object({
  number: Type.String({ minLength: 1, maxLength: 64, description: 'The supplier’s credit note number: one debit per supplier and number' }),
  amountMinor: Type.Integer({ minimum: 1, description: 'Minor units of the supplier’s currency' }),
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'The supplier’s currency (ISO 4217)' }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false }))

const common = {
  id: Type.String(),
  kind: literals(debitKinds),
  currency: Type.String(),
  amountMinor: Type.Integer({ description: 'What the supplier owes back, in minor units; offset against a payment' }),
  quantity: Nullable(Type.Integer({ description: 'Units behind it (QC failures, short, returned); null for chargebacks and credit notes' })),
  status: literals(statuses),
  createdAt: Type.String(),
}

const DebitView = named('SupplierDebit', Type.Object({
  ...common,
  supplierId: Type.String(),
  sourceId: Type.String({ description: 'What it is for, unique per kind: `<receipt>:<po line>`, a return-to-vendor id, a delay id, `<supplier>:<credit note number>`' }),
  detail: Type.Record(Type.String(), Type.Unknown(), { description: 'The facts behind the amount (PO, line, units, unit cost; order, days late, compensation, percent)' }),
  paymentId: Nullable(Type.String({ description: 'The payment it was offset against' })),
  createdBy: Type.String(),
}))

const ChargedOrderView = named('ChargebackOrder', Type.Object({
  orderId: Type.String(), lineNo: Type.Integer(), daysLate: Nullable(Type.Integer()),
  compensationMinor: Type.Integer({ description: 'What the customer got for the delay' }), cause: Type.String(),
}))

const PortalDebitView = named('PortalDebit', Type.Object({
  ...common,
  poId: Nullable(Type.String()),
  poLineId: Nullable(Type.String()),
  skuId: Nullable(Type.String()),
  unitCostMinor: Nullable(Type.Integer()),
  percent: Nullable(Type.Number({ description: 'Chargebacks: the share of the compensation the agreement passes through' })),
  reason: Nullable(Type.String()),
  creditNoteNumber: Nullable(Type.String()),
  orders: Type.Array(ChargedOrderView, { description: 'Chargebacks: the order lines whose delay it is for' }),
}))

const staffView = (d: Debit) => ({
  id: d.id, supplierId: d.supplierId, kind: d.kind, sourceId: d.sourceId, currency: d.currency, amountMinor: d.amountMinor, quantity: d.quantity,
  detail: d.detail, status: d.status, paymentId: d.paymentId, createdBy: d.createdBy, createdAt: isoOf(d.createdAtMs)!,
})

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null)

/** What the supplier sees: named fields only, so nothing the detail may carry reaches it by accident. */
const portalView = (d: Debit) => {
  const x = d.detail
  return {
    id: d.id, kind: d.kind, currency: d.currency, amountMinor: d.amountMinor, quantity: d.quantity, status: d.status, createdAt: isoOf(d.createdAtMs)!,
    poId: text(x.poId), poLineId: text(x.poLineId), skuId: text(x.skuId), unitCostMinor: whole(x.unitCostMinor),
    percent: typeof x.percent === 'number' ? x.percent : null, reason: text(x.reason), creditNoteNumber: d.kind === 'credit_note' ? text(x.number) : null,
    orders: d.kind === 'delay_chargeback'
      ? [{ orderId: text(x.orderId) ?? '', lineNo: whole(x.lineNo) ?? 0, daysLate: whole(x.daysLate), compensationMinor: whole(x.compensationMinor) ?? 0, cause: text(x.cause) ?? '' }]
      : [],
  }
}

export function debitRoutes({ debits }: { debits: Debits }): FastifyPluginAsyncTypebox {
  /** The supplier a supplier token acts for ('' when it names none that exists: it then sees nothing). */
  const ownSupplierOf = async (req: FastifyRequest): Promise<string> => {
    const p = principalOf(req)
    return p.kind === 'supplier' ? (await debits.supplierOf(p.scopeId))?.id ?? '' : ''
  }
  const actorOf = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`

  return async (app) => {
    app.get('/v1/supplier-debits', {
      preHandler: staff,
      schema: {
        tags, summary: 'Debits and credit notes against suppliers, newest first: QC failures, short receipts, returns to vendor, delay chargebacks, credit notes',
        querystring: ListQuery, response: { 200: Page(DebitView), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const page = pageRequestOf(q, staffCursor)
      if (!page.ok) return sendProblem(reply, page)
      const supplierId = q.supplier === undefined ? undefined : (await debits.supplierOf(q.supplier))?.id ?? q.supplier
      const items = await debits.list({ supplierId, kind: q.kind, status: q.status }, page.value.after, page.value.limit)
      return { items: items.map(staffView), nextCursor: nextCursorOf(items, page.value.limit, staffCursor, (d) => d.id) }
    })

    app.get('/v1/supplier-debits/:debitId', {
      preHandler: staff,
      schema: { tags, summary: 'One debit with the facts behind its amount', params: DebitParams, response: { 200: DebitView, ...problems } },
    }, async (req, reply) => {
      const found = await debits.get(req.params.debitId)
      return found.ok ? staffView(found.value) : sendProblem(reply, found)
    })

    app.post('/v1/suppliers/:id/credit-notes', {
      preHandler: staff,
      schema: {
        tags, summary: 'Enter a credit note the supplier issued: a debit of its amount, offset against what the supplier is owed; a number once per supplier',
        params: SupplierParams, body: CreditNoteBody, response: { 201: DebitView, ...problems },
      },
    }, async (req, reply) => {
      const added = await debits.creditNote(req.params.id, req.body, actorOf(req))
      return added.ok ? reply.code(201).send(staffView(added.value)) : sendProblem(reply, added)
    })

    app.get('/v1/supplier-portal/debits', {
      preHandler: suppliersOnly,
      schema: {
        tags: ['supplier portal'], summary: 'The supplier’s own debits, newest first; a chargeback shows the order lines behind it',
        querystring: PortalListQuery, response: { 200: Page(PortalDebitView), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const page = pageRequestOf(q, portalCursor)
      if (!page.ok) return sendProblem(reply, page)
      const items = await debits.list({ supplierId: await ownSupplierOf(req), kind: q.kind, status: q.status }, page.value.after, page.value.limit)
      return { items: items.map(portalView), nextCursor: nextCursorOf(items, page.value.limit, portalCursor, (d) => d.id) }
    })

    app.get('/v1/supplier-portal/debits/:debitId', {
      preHandler: suppliersOnly,
      schema: { tags: ['supplier portal'], summary: 'One of the supplier’s debits; another supplier’s is not found', params: DebitParams, response: { 200: PortalDebitView, ...problems } },
    }, async (req, reply) => {
      const found = await debits.get(req.params.debitId, await ownSupplierOf(req))
      return found.ok ? portalView(found.value) : sendProblem(reply, found)
    })
  }
}
