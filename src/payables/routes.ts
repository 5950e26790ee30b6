/**
 * Payables routes. Staff (admin, ops) keep supplier agreements, enter invoices and work the
 * exceptions queue, propose payment runs and read ageing, cash need and statements; only an admin
 * approves a run and records its payments. A supplier sends and reads its own invoices and its
 * statement in its portal; another supplier's invoice is not found (404).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { isoOf } from '../kernel/clock.ts'
import { dayOfIso, isoDayOf } from '../kernel/days.ts'
import { ok, type Result } from '../kernel/result.ts'
import { allow, Page, pageRequestOf, principalOf, problems, sendProblem, sendResult } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import type { Suppliers } from '../purchasing/index.ts'
import type { StoredAgreement } from './agreement-store.ts'
import { fail } from './errors.ts'
import { payableStatuses } from './invoice.ts'
import type { Invoice } from './invoice-store.ts'
import type { Statement } from './reports.ts'
import { groupsOf } from './runs.ts'
import type { Debit } from './debit-store.ts'
import type { Payment, Run } from './run-store.ts'
import type { Payables } from './service.ts'
import * as S from './schemas.ts'

const tags = ['payables']
const staff = allow('admin', 'ops')
const treasurer = allow('admin')
const supplierOnly = allow('supplier')
const invoicesCursor = singleCursor('supplier-invoices', 'text')
const ownInvoicesCursor = singleCursor('own-invoices', 'text')
const runsCursor = singleCursor('payment-runs', 'text')
const weeksAhead = 13

const dayOrNull = (day: number | null) => (day === null ? null : isoDayOf(day))

export const agreementView = (a: StoredAgreement) => ({
  supplierId: a.supplierId, from: a.from, terms: { ...a.agreement.terms }, tolerance: { ...a.agreement.tolerance }, debits: { ...a.agreement.debits },
  chargebackPercent: a.agreement.chargebackPercent, version: a.version, updatedAt: isoOf(a.updatedAtMs), updatedBy: a.updatedBy,
})

export const invoiceView = (i: Invoice) => ({
  id: i.id, supplierId: i.supplierId, number: i.number, currency: i.currency, invoiceDate: isoDayOf(i.invoiceDay), goodsMinor: i.goodsMinor, chargesMinor: i.chargesMinor,
  taxMinor: i.taxMinor, totalMinor: i.totalMinor, openMinor: i.instalments.reduce((n, t) => n + t.amountMinor - t.paidMinor, 0),
  status: i.status, payable: payableStatuses.includes(i.status), source: i.source, note: i.note, resolution: i.resolution, resolvedBy: i.resolvedBy,
  resolvedAt: isoOf(i.resolvedAtMs), createdAt: isoOf(i.createdAtMs)!, createdBy: i.createdBy, updatedAt: isoOf(i.updatedAtMs)!,
  lines: i.lines.map((l) => ({ ...l })), charges: i.charges.map((c) => ({ ...c })),
  instalments: i.instalments.map((t) => ({
    seq: t.seq, dueDate: dayOrNull(t.dueDay), amountMinor: t.amountMinor, paidMinor: t.paidMinor, discountUntil: dayOrNull(t.discountUntilDay), discountMinor: t.discountMinor,
  })),
})

const paymentView = (p: Payment) => ({
  id: p.id, supplierId: p.supplierId, currency: p.currency, amountMinor: p.amountMinor, debitsMinor: p.debitsMinor, bankReference: p.bankReference,
  paidDate: isoDayOf(p.paidDay), createdAt: isoOf(p.createdAtMs)!, createdBy: p.createdBy,
})

function runView(run: Run, setOff: Map<string, Debit[]>) {
  return {
    id: run.id, payBy: isoDayOf(run.payByDay), payDate: isoDayOf(run.payDay), status: run.status, createdAt: isoOf(run.createdAtMs)!, createdBy: run.createdBy,
    approvedAt: isoOf(run.approvedAtMs), approvedBy: run.approvedBy, closedAt: isoOf(run.closedAtMs),
    groups: [...groupsOf(run)].map(([key, lines]) => {
      const [supplierId, currency] = JSON.parse(key) as [string, string]
      const payment = run.payments.find((p) => p.supplierId === supplierId && p.currency === currency) ?? null
      const payMinor = lines.reduce((n, l) => n + l.payMinor, 0)
      const debits = setOff.get(key) ?? []
      const debitsMinor = payment?.debitsMinor ?? debits.reduce((n, d) => n + d.amountMinor, 0)
      return {
        supplierId, currency, payMinor, discountMinor: lines.reduce((n, l) => n + l.discountMinor, 0), debitsMinor, netMinor: payMinor - debitsMinor,
        debitIds: payment === null ? debits.map((d) => d.id) : [], payment: payment && paymentView(payment),
        lines: lines.map((l) => ({ invoiceId: l.invoiceId, seq: l.seq, payMinor: l.payMinor, discountMinor: l.discountMinor, reason: l.reason, explanation: l.explanation })),
      }
    }),
  }
}

function statementView(s: Statement, asOfDay: number) {
  return {
    supplierId: s.supplierId, asOf: isoDayOf(asOfDay), balances: s.balances,
    entries: s.entries.map((e) => {
      const date = isoDayOf(e.day)
      if (e.kind === 'invoice') return { kind: e.kind, date, id: e.invoice.id, reference: e.invoice.number, currency: e.invoice.currency, amountMinor: e.invoice.totalMinor, status: e.invoice.status, detail: e.invoice.resolution ?? '', setOffMinor: null }
      if (e.kind === 'payment') return { kind: e.kind, date, id: e.payment.id, reference: e.payment.bankReference, currency: e.payment.currency, amountMinor: -e.payment.amountMinor, status: 'paid', detail: '', setOffMinor: e.payment.debitsMinor }
      if (e.kind === 'discount') return { kind: e.kind, date, id: e.payment.id, reference: e.payment.bankReference, currency: e.payment.currency, amountMinor: -e.discountMinor, status: 'taken', detail: '', setOffMinor: null }
      return { kind: e.kind, date, id: e.debit.id, reference: e.debit.sourceId, currency: e.debit.currency, amountMinor: -e.debit.amountMinor, status: e.debit.status, detail: e.debit.kind, setOffMinor: null }
    }),
  }
}

export function payablesRoutes({ payables, suppliers }: { payables: Payables; suppliers: Suppliers }): FastifyPluginAsyncTypebox {
  const actorOf = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`
  /** The calling supplier's id (a portal token names its supplier by id or code). */
  const ownSupplier = async (req: FastifyRequest) => {
    const p = principalOf(req)
    return p.kind === 'supplier' ? (await suppliers.resolve(p.scopeId))?.id ?? '' : ''
  }
  const asOfOf = (asOf: string | undefined): Result<number> => {
    const day = asOf === undefined ? payables.today() : dayOfIso(asOf)
    return day === undefined ? fail('invalid_payment_run', 'asOf is a day (YYYY-MM-DD).', { field: 'asOf' }) : ok(day)
  }
  const withSetOff = async (run: Run) => runView(run, await payables.runs.setOffPreview(run))

  return async (app) => {
    app.get('/v1/supplier-agreements/:supplier', {
      preHandler: staff,
      schema: { tags, summary: 'The agreement a supplier works under (terms, match tolerances, debits, chargeback share) and where it comes from', params: S.SupplierParams, response: { 200: S.AgreementView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.agreement(req.params.supplier), agreementView)))

    app.put('/v1/supplier-agreements/:supplier', {
      preHandler: staff,
      schema: { tags, summary: 'Set a supplier’s agreement (or the default, `*`): validated, stored as its next version', params: S.SupplierParams, body: S.AgreementBody, response: { 200: S.AgreementView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.setAgreement(req.params.supplier, req.body, actorOf(req)), agreementView)))

    app.delete('/v1/supplier-agreements/:supplier', {
      preHandler: staff,
      schema: { tags, summary: 'Remove a supplier’s own agreement: it follows the default again', params: S.SupplierParams, response: { 200: S.AgreementView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.deleteAgreement(req.params.supplier), agreementView)))

    app.get('/v1/supplier-invoices', {
      preHandler: staff,
      schema: { tags, summary: 'Supplier invoices, newest first (status=on_hold is the exceptions queue)', querystring: S.InvoiceListQuery, response: { 200: Page(S.InvoiceView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, invoicesCursor)
      if (!page.ok) return sendProblem(reply, page)
      const supplierId = req.query.supplierId === undefined ? undefined : await payables.supplierIdOf(req.query.supplierId)
      if (supplierId && !supplierId.ok) return sendProblem(reply, supplierId)
      const found = await payables.invoices.list({ supplierId: supplierId?.value, status: req.query.status, poId: req.query.poId }, page.value.after, page.value.limit)
      return { items: found.map(invoiceView), nextCursor: nextCursorOf(found, page.value.limit, invoicesCursor, (i) => i.id) }
    })

    app.post('/v1/supplier-invoices', {
      preHandler: staff,
      schema: { tags, summary: 'Enter a supplier invoice: matched three ways at once, held in the exceptions queue on a variance', body: S.InvoiceBody, response: { 201: S.InvoiceView, ...problems } },
    }, async (req, reply) => {
      if (req.body.supplierId === undefined) return sendProblem(reply, fail('invalid_invoice', 'supplierId names the supplier whose invoice this is.', { field: 'supplierId' }))
      const supplierId = await payables.supplierIdOf(req.body.supplierId)
      if (!supplierId.ok) return sendProblem(reply, supplierId)
      const made = await payables.invoices.create(supplierId.value, req.body, 'staff', actorOf(req))
      return made.ok ? reply.code(201).send(invoiceView(made.value)) : sendProblem(reply, made)
    })

    app.get('/v1/supplier-invoices/:id', {
      preHandler: staff,
      schema: { tags, summary: 'One supplier invoice with its matched lines, charges and instalments', params: S.IdParams, response: { 200: S.InvoiceView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.invoices.get(req.params.id), invoiceView)))

    app.post('/v1/supplier-invoices/:id/resolution', {
      preHandler: staff,
      schema: { tags, summary: 'Resolve a held invoice: approve it with a reason, reject it, or ask the supplier for a credit note', params: S.IdParams, body: S.ResolutionBody, response: { 200: S.InvoiceView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.invoices.resolve(req.params.id, req.body.action, req.body.reason, actorOf(req)), invoiceView)))

    app.get('/v1/payment-runs', {
      preHandler: staff,
      schema: { tags, summary: 'Payment runs, newest first', querystring: S.RunListQuery, response: { 200: Page(S.PaymentRunView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, runsCursor)
      if (!page.ok) return sendProblem(reply, page)
      const found = await payables.runs.list(req.query.status, page.value.after, page.value.limit)
      return { items: await Promise.all(found.map(withSetOff)), nextCursor: nextCursorOf(found, page.value.limit, runsCursor, (r) => r.id) }
    })

    app.post('/v1/payment-runs', {
      preHandler: staff,
      schema: { tags, summary: 'Propose a payment run: what is due by a day, plus what is worth paying early for its discount; never an invoice on hold', body: S.ProposeRunBody, response: { 201: S.PaymentRunView, ...problems } },
    }, async (req, reply) => {
      const payByDay = dayOfIso(req.body.payBy)
      const payDay = req.body.payDate === undefined ? undefined : dayOfIso(req.body.payDate)
      if (payByDay === undefined || (req.body.payDate !== undefined && payDay === undefined)) return sendProblem(reply, fail('invalid_payment_run', 'payBy and payDate are days (YYYY-MM-DD).', { field: 'payBy' }))
      const made = await payables.runs.propose({ payByDay, payDay, minDiscountMinor: req.body.minDiscountMinor }, actorOf(req))
      return made.ok ? reply.code(201).send(await withSetOff(made.value)) : sendProblem(reply, made)
    })

    app.get('/v1/payment-runs/:id', {
      preHandler: staff,
      schema: { tags, summary: 'One payment run: what it pays each supplier, the discounts taken, debits set off, payments recorded', params: S.IdParams, response: { 200: S.PaymentRunView, ...problems } },
    }, async (req, reply) => {
      const found = await payables.runs.get(req.params.id)
      return found.ok ? withSetOff(found.value) : sendProblem(reply, found)
    })

    app.post('/v1/payment-runs/:id/approve', {
      preHandler: treasurer,
      schema: { tags, summary: 'Approve a proposed payment run (admin)', params: S.IdParams, response: { 200: S.PaymentRunView, ...problems } },
    }, async (req, reply) => {
      const done = await payables.runs.approve(req.params.id, actorOf(req))
      return done.ok ? withSetOff(done.value) : sendProblem(reply, done)
    })

    app.post('/v1/payment-runs/:id/cancel', {
      preHandler: staff,
      schema: { tags, summary: 'Cancel a payment run with no payment recorded: its instalments may go on another run', params: S.IdParams, response: { 200: S.PaymentRunView, ...problems } },
    }, async (req, reply) => {
      const done = await payables.runs.cancel(req.params.id, actorOf(req))
      return done.ok ? withSetOff(done.value) : sendProblem(reply, done)
    })

    app.post('/v1/payment-runs/:id/payments', {
      preHandler: treasurer,
      schema: { tags, summary: 'Record a supplier’s payment on an approved run with the bank reference (admin); once per supplier and currency', params: S.IdParams, body: S.RecordPaymentBody, response: { 201: S.RecordedPaymentView, ...problems } },
    }, async (req, reply) => {
      const supplierId = await payables.supplierIdOf(req.body.supplierId)
      if (!supplierId.ok) return sendProblem(reply, supplierId)
      const paidDay = req.body.paidDate === undefined ? undefined : dayOfIso(req.body.paidDate)
      if (req.body.paidDate !== undefined && paidDay === undefined) return sendProblem(reply, fail('invalid_payment_run', 'paidDate is a day (YYYY-MM-DD).', { field: 'paidDate' }))
      const done = await payables.runs.record(req.params.id, { ...req.body, supplierId: supplierId.value, paidDay }, actorOf(req))
      return done.ok ? reply.code(201).send(paymentView(done.value)) : sendProblem(reply, done)
    })

    app.get('/v1/payables/ageing', {
      preHandler: staff,
      schema: { tags, summary: 'Open invoices by days past due (current, 1–30, 31–60, 61–90, over 90) per supplier and in total, per currency', querystring: S.AsOfQuery, response: { 200: S.AgeingView, ...problems } },
    }, async (req, reply) => {
      const asOf = asOfOf(req.query.asOf)
      if (!asOf.ok) return sendProblem(reply, asOf)
      const supplierId = req.query.supplierId === undefined ? undefined : await payables.supplierIdOf(req.query.supplierId)
      if (supplierId && !supplierId.ok) return sendProblem(reply, supplierId)
      return { asOf: isoDayOf(asOf.value), ...(await payables.ageing(asOf.value, supplierId?.value)) }
    })

    app.get('/v1/payables/due-by-week', {
      preHandler: staff,
      schema: { tags, summary: 'What falls due in each of the next 13 weeks, per currency (week 1 takes what is overdue)', querystring: S.AsOfQuery, response: { 200: S.DueWeeksView, ...problems } },
    }, async (req, reply) => {
      const asOf = asOfOf(req.query.asOf)
      if (!asOf.ok) return sendProblem(reply, asOf)
      const supplierId = req.query.supplierId === undefined ? undefined : await payables.supplierIdOf(req.query.supplierId)
      if (supplierId && !supplierId.ok) return sendProblem(reply, supplierId)
      const weeks = Array.from({ length: weeksAhead }, (_, w) => ({ from: isoDayOf(asOf.value + 7 * w), to: isoDayOf(asOf.value + 7 * w + 6) }))
      return { asOf: isoDayOf(asOf.value), weeks, currencies: await payables.dueByWeek(asOf.value, weeksAhead, supplierId?.value) }
    })

    app.get('/v1/suppliers/:id/statement', {
      preHandler: staff,
      schema: { tags, summary: 'A supplier’s statement: invoices, payments, debits and chargebacks, oldest first, with its balance per currency', params: S.IdParams, response: { 200: S.StatementView, ...problems } },
    }, async (req, reply) => {
      const supplierId = await payables.supplierIdOf(req.params.id)
      if (!supplierId.ok) return sendProblem(reply, supplierId)
      const today = payables.today()
      return statementView(await payables.statement(supplierId.value, today), today)
    })

    app.get('/v1/supplier-portal/invoices', {
      preHandler: supplierOnly,
      schema: { tags, summary: 'The calling supplier’s invoices, newest first, with their match state and what is due and paid', querystring: S.PortalInvoiceListQuery, response: { 200: Page(S.InvoiceView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, ownInvoicesCursor)
      if (!page.ok) return sendProblem(reply, page)
      const found = await payables.invoices.list({ supplierId: await ownSupplier(req), status: req.query.status }, page.value.after, page.value.limit)
      return { items: found.map(invoiceView), nextCursor: nextCursorOf(found, page.value.limit, ownInvoicesCursor, (i) => i.id) }
    })

    app.post('/v1/supplier-portal/invoices', {
      preHandler: supplierOnly,
      schema: { tags, summary: 'Send an invoice against the calling supplier’s purchase orders: matched at once', body: S.InvoiceBody, response: { 201: S.InvoiceView, ...problems } },
    }, async (req, reply) => {
      const { supplierId: _named, ...body } = req.body
      const made = await payables.invoices.create(await ownSupplier(req), body, 'portal', actorOf(req))
      return made.ok ? reply.code(201).send(invoiceView(made.value)) : sendProblem(reply, made)
    })

    app.get('/v1/supplier-portal/invoices/:id', {
      preHandler: supplierOnly,
      schema: { tags, summary: 'One of the calling supplier’s invoices (another supplier’s is not found)', params: S.IdParams, response: { 200: S.InvoiceView, ...problems } },
    }, async (req, reply) => sendResult(reply, mapOk(await payables.invoices.get(req.params.id, await ownSupplier(req)), invoiceView)))

    app.get('/v1/supplier-portal/statement', {
      preHandler: supplierOnly,
      schema: { tags, summary: 'The calling supplier’s statement: invoices, payments, debits and chargebacks, with its balance', response: { 200: S.StatementView, ...problems } },
    }, async (req) => {
      const today = payables.today()
      return statementView(await payables.statement(await ownSupplier(req), today), today)
    })
  }
}

function mapOk<T, U>(result: Result<T>, view: (value: T) => U): Result<U> {
  return result.ok ? ok(view(result.value)) : result
}
