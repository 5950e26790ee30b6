/**
 * Replenishment routes. Staff (admin, ops) read demand, keep the calendar and policies, read
 * forecasts, recompute and decide on suggestions; a supplier reads its own SKUs' stock, forecast
 * and reorder points at the merchant's nodes (vendor-managed replenishment) — another supplier's
 * SKUs are never listed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { isoOf } from '../kernel/clock.ts'
import { allow, Id, Page, pageLimitOf, pageRequestOf, principalOf, problems, sendProblem, sendResult } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { cursorCodec, nextCursorOf, singleCursor } from '../http/cursor.ts'
import type { Suppliers } from '../purchasing/index.ts'
import { fail } from './errors.ts'
import { dayOfIso, demandOf, epochDayOf, isoDayOf, type DemandDay, type PlannedEvent } from './model.ts'
import type { Replenishment, SuggestionNames } from './service.ts'
import type { VendorStockLine } from './vendor.ts'
import type { StoredPolicy } from './policy-store.ts'
import type { StoredSuggestion } from './suggestion-store.ts'
import { unitsPerDayNextWeek, type StoredForecast } from './forecast-store.ts'
import * as S from './schemas.ts'

const tags = ['replenishment']
const staff = allow('admin', 'ops')
const vendors = allow('admin', 'ops', 'supplier')
const eventsCursor = cursorCodec('planned-events', ['serial', 'text'] as const)
const policiesCursor = cursorCodec('replenishment-policies', ['text', 'text'] as const)
const suggestionsCursor = singleCursor('suggestions', 'text')
const vendorCursor = singleCursor('vendor-stock', 'text')
/** A demand read covers at most this many days (three years and a bit). */
const mostDemandDays = 1200

const dayView = (d: DemandDay) => ({
  date: isoDayOf(d.day), demand: demandOf(d), ordered: d.ordered, presale: d.presale, lost: d.lost, cancelled: d.cancelled, returned: d.returned, imported: d.imported,
})
const eventView = (e: PlannedEvent) => ({
  id: e.id, sku: e.skuId, node: e.nodeId, date: isoDayOf(e.day), kind: e.kind, upliftPct: e.upliftPct, note: e.note, createdAt: isoOf(e.createdAtMs)!, createdBy: e.createdBy,
})
const policyView = (p: StoredPolicy) => ({ sku: p.skuId, node: p.nodeId, policy: { ...p.policy }, version: p.version, updatedAt: isoOf(p.updatedAtMs)!, updatedBy: p.updatedBy })
const suggestionView = (s: StoredSuggestion, names: SuggestionNames) => ({
  id: s.id, skuId: s.skuId, nodeId: s.nodeId, supplierId: s.supplierId, ...names, status: s.status, quantity: s.quantity, suggestedQuantity: s.suggestedQuantity,
  explanation: s.explanation, purchaseOrderId: s.poId, createdAt: isoOf(s.createdAtMs)!, updatedAt: isoOf(s.updatedAtMs)!, decidedAt: isoOf(s.decidedAtMs),
  decidedBy: s.decidedBy, sentAt: isoOf(s.sentAtMs), receivedAt: isoOf(s.receivedAtMs),
})
const forecastView = (f: StoredForecast) => ({
  asOf: isoDayOf(f.asOfDay), model: f.model, accuracy: f.accuracy, runnerUp: f.runnerUp, runnerUpAccuracy: f.runnerUpAccuracy, intermittent: f.intermittent,
  dailySd: f.dailySd, computedAt: isoOf(f.computedAtMs)!,
  days: f.mean.map((mean, i) => ({ date: isoDayOf(f.asOfDay + 1 + i), mean, p10: f.p10[i], p50: f.p50[i], p90: f.p90[i] })),
})
const vendorView = (l: VendorStockLine) => {
  return {
    skuId: l.skuId, skuCode: l.skuCode, skuName: l.skuName, nodeId: l.nodeId, nodeCode: l.nodeCode, nodeName: l.nodeName, availableUnits: l.availableUnits, reorderPointUnits: l.reorderPointUnits, belowReorderPoint: l.below,
    forecastUnitsPerDay: l.forecast && l.forecast.mean.length > 0 ? unitsPerDayNextWeek(l.forecast) : null,
    forecastAsOf: l.forecast ? isoDayOf(l.forecast.asOfDay) : null,
    forecast: (l.forecast?.p50.slice(0, 14) ?? []).map((p50, i) => ({ date: isoDayOf(l.forecast!.asOfDay + 1 + i), p50 })),
  }
}

/** A day span from the query (`to` defaults to today, `from` to `defaultDays` before it); refused when backwards or too long. */
function spanOf(q: { from?: string; to?: string }, todayDay: number, defaultDays: number, mostDays: number) {
  const to = q.to === undefined ? todayDay : dayOfIso(q.to)
  const from = q.from === undefined ? (to ?? todayDay) - defaultDays + 1 : dayOfIso(q.from)
  if (to === undefined || from === undefined) return fail('invalid_forecast_request', 'from and to are days (YYYY-MM-DD).')
  if (from > to || to - from + 1 > mostDays) return fail('invalid_forecast_request', `from must not be after to, and the span is at most ${mostDays} days.`)
  return { ok: true as const, value: { from, to } }
}

export function replenishmentRoutes({ replenishment, suppliers, nowMs }: { replenishment: Replenishment; suppliers: Suppliers; nowMs: () => number }): FastifyPluginAsyncTypebox {
  const actorOf = (req: FastifyRequest) => `${principalOf(req).role}/${principalOf(req).tokenId}`
  const today = () => epochDayOf(nowMs())

  /**
   * Whose vendor view a request reads: a supplier's own (naming another, or one that does not
   * exist, reads nothing: undefined); staff must name one.
   */
  async function supplierOf(req: FastifyRequest, named: string | undefined): Promise<Result<string | undefined>> {
    const p = principalOf(req)
    const namedId = named === undefined ? undefined : (await suppliers.resolve(named))?.id
    if (p.kind !== 'supplier') return named === undefined ? fail('invalid_forecast_request', 'Name the supplier (?supplier=<id or code>).') : ok(namedId)
    const own = (await suppliers.resolve(p.scopeId))?.id
    return ok(named === undefined || namedId === own ? own : undefined)
  }

  return async (app) => {
    app.get('/v1/demand/:sku/:node', {
      preHandler: staff,
      schema: {
        tags, summary: 'Demand history of one SKU at one node, day by day: what customers asked for and what it is made of (ordered, lost, cancelled, returned, imported)',
        params: S.SeriesParams, querystring: S.DemandQuery, response: { 200: S.DemandView, ...problems },
      },
    }, async (req, reply) => {
      const span = spanOf(req.query, today(), 90, mostDemandDays)
      if (!span.ok) return sendProblem(reply, span)
      const found = await replenishment.demandOf(req.params.sku, req.params.node, span.value.from, span.value.to)
      return sendResult(reply, found.ok ? { ok: true, value: { ...found.value, days: found.value.days.map(dayView) } } : found)
    })

    app.get('/v1/planned-events', {
      preHandler: staff,
      schema: { tags, summary: 'Planned events (promotions, closures, holidays, peaks) by day, optionally those that apply to a SKU or node', querystring: S.PlannedEventsQuery, response: { 200: Page(S.PlannedEventView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, eventsCursor)
      if (!page.ok) return sendProblem(reply, page)
      const span = spanOf(req.query, today() + 3650, 4016, 5000)
      if (!span.ok) return sendProblem(reply, span)
      const after = page.value.after && { day: page.value.after[0], id: page.value.after[1] }
      const found = await replenishment.plannedEvents(span.value.from, span.value.to, { sku: req.query.sku, node: req.query.node }, after, page.value.limit)
      if (!found.ok) return sendProblem(reply, found)
      return { items: found.value.map(eventView), nextCursor: nextCursorOf(found.value, page.value.limit, eventsCursor, (e) => [e.day, e.id] as const) }
    })

    app.post('/v1/planned-events', {
      preHandler: staff,
      schema: { tags, summary: 'Plan an event: a promotion or peak raises the forecast (by its effect in history, else its uplift), a closure makes demand zero', body: S.PlannedEventBody, response: { 201: S.PlannedEventView, ...problems } },
    }, async (req, reply) => {
      const made = await replenishment.addPlannedEvent(req.body, actorOf(req))
      return made.ok ? reply.code(201).send(eventView(made.value)) : sendProblem(reply, made)
    })

    app.get('/v1/planned-events/:id', {
      preHandler: staff,
      schema: { tags, summary: 'One planned event', params: Type.Object({ id: Id }), response: { 200: S.PlannedEventView, ...problems } },
    }, async (req, reply) => {
      const found = await replenishment.plannedEvent(req.params.id)
      return sendResult(reply, found.ok ? { ok: true, value: eventView(found.value) } : found)
    })

    app.delete('/v1/planned-events/:id', {
      preHandler: staff,
      schema: { tags, summary: 'Remove a planned event', params: Type.Object({ id: Id }), response: { 200: S.PlannedEventView, ...problems } },
    }, async (req, reply) => {
      const done = await replenishment.deletePlannedEvent(req.params.id)
      return sendResult(reply, done.ok ? { ok: true, value: eventView(done.value) } : done)
    })

    app.get('/v1/replenishment-policies', {
      preHandler: staff,
      schema: { tags, summary: 'Inventory policies as set, by SKU then node (`*` rows are defaults)', querystring: S.ListQuery, response: { 200: Page(S.StoredPolicyView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, policiesCursor)
      if (!page.ok) return sendProblem(reply, page)
      const after = page.value.after && { skuId: page.value.after[0], nodeId: page.value.after[1] }
      const found = await replenishment.listPolicies(after, page.value.limit)
      return { items: found.map(policyView), nextCursor: nextCursorOf(found, page.value.limit, policiesCursor, (p) => [p.skuId, p.nodeId] as const) }
    })

    app.get('/v1/replenishment-policies/:sku/:node', {
      preHandler: staff,
      schema: { tags, summary: 'The policy a SKU at a node follows, and where it comes from (its own, its SKU’s, its node’s, the default, built in)', params: S.PolicyParams, response: { 200: S.EffectivePolicyView, ...problems } },
    }, async (req, reply) => {
      const found = await replenishment.policyOf(req.params.sku, req.params.node)
      if (!found.ok) return sendProblem(reply, found)
      const { skuId, nodeId, stored, effective } = found.value
      return { sku: skuId, node: nodeId, stored: stored && policyView(stored), effective: { policy: { ...effective.policy }, from: effective.from } }
    })

    app.put('/v1/replenishment-policies/:sku/:node', {
      preHandler: staff,
      schema: { tags, summary: 'Set the inventory policy of a SKU at a node (`*` for a default): validated, stored as its next version', params: S.PolicyParams, body: S.PolicyBody, response: { 200: S.StoredPolicyView, ...problems } },
    }, async (req, reply) => {
      const set = await replenishment.setPolicy(req.params.sku, req.params.node, req.body, actorOf(req))
      return sendResult(reply, set.ok ? { ok: true, value: policyView(set.value) } : set)
    })

    app.delete('/v1/replenishment-policies/:sku/:node', {
      preHandler: staff,
      schema: { tags, summary: 'Remove a policy as set: the series follows the next default', params: S.PolicyParams, response: { 200: S.StoredPolicyView, ...problems } },
    }, async (req, reply) => {
      const done = await replenishment.deletePolicy(req.params.sku, req.params.node)
      return sendResult(reply, done.ok ? { ok: true, value: policyView(done.value) } : done)
    })

    app.get('/v1/forecasts/:sku/:node', {
      preHandler: staff,
      schema: { tags, summary: 'A SKU’s forecast at a node (model, accuracy, runner-up, p10/p50/p90 per day) with its recent demand and planned events', params: S.SeriesParams, response: { 200: S.ForecastView, ...problems } },
    }, async (req, reply) => {
      const found = await replenishment.forecastOf(req.params.sku, req.params.node)
      if (!found.ok) return sendProblem(reply, found)
      const { skuId, nodeId, forecast, history, events } = found.value
      return { skuId, nodeId, forecast: forecast && forecastView(forecast), history: history.map((d) => ({ date: isoDayOf(d.day), demand: demandOf(d) })), events: events.map(eventView) }
    })

    app.get('/v1/replenishment/run', {
      preHandler: staff,
      schema: { tags, summary: 'When suggestions are next recomputed (nightly) and what the last run did', response: { 200: S.RunStateView, ...problems } },
    }, async () => {
      const state = await replenishment.runState()
      return { dueAt: isoOf(state.dueAtMs)!, lastStartedAt: isoOf(state.lastStartedAtMs), lastFinishedAt: isoOf(state.lastFinishedAtMs), lastReport: state.lastReport }
    })

    app.post('/v1/replenishment/run', {
      preHandler: staff,
      schema: { tags, summary: 'Recompute forecasts and suggestions now (every series, or some SKUs’), as of yesterday unless told', body: S.RunBody, response: { 200: S.RunReportView, ...problems } },
    }, async (req, reply) => {
      const asOfDay = req.body.asOf === undefined ? undefined : dayOfIso(req.body.asOf)
      if (req.body.asOf !== undefined && (asOfDay === undefined || asOfDay > today())) return sendProblem(reply, fail('invalid_forecast_request', 'asOf is a day (YYYY-MM-DD), today or before.'))
      const skuIds = req.body.skus && await replenishment.skuIdsOf(req.body.skus)
      if (skuIds && !skuIds.ok) return sendProblem(reply, skuIds)
      const report = await replenishment.recomputeNow({ asOfDay, skuIds: skuIds?.value })
      const { autoSend, ...rest } = report
      return { ...rest, autoSent: autoSend.length }
    })

    app.get('/v1/suggestions', {
      preHandler: staff,
      schema: { tags, summary: 'Suggested purchase order lines, newest first, by status, supplier, node or SKU', querystring: S.SuggestionsQuery, response: { 200: Page(S.SuggestionView), ...problems } },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, suggestionsCursor)
      if (!page.ok) return sendProblem(reply, page)
      const q = req.query
      const supplierId = q.supplier === undefined ? undefined : (await suppliers.resolve(q.supplier))?.id ?? q.supplier
      const found = await replenishment.listSuggestions({ status: q.status, supplierId, nodeId: await replenishment.nodeIdOf(q.node), skuId: await replenishment.skuIdOf(q.sku) }, page.value.after, page.value.limit)
      const items = await Promise.all(found.map(async (x) => suggestionView(x, await replenishment.namesOf(x))))
      return { items, nextCursor: nextCursorOf(found, page.value.limit, suggestionsCursor, (x) => x.id) }
    })

    app.get('/v1/suggestions/:id', {
      preHandler: staff,
      schema: { tags, summary: 'One suggestion with its explanation', params: Type.Object({ id: Id }), response: { 200: S.SuggestionView, ...problems } },
    }, async (req, reply) => {
      const found = await replenishment.suggestion(req.params.id)
      return sendResult(reply, found.ok ? { ok: true, value: suggestionView(found.value, await replenishment.namesOf(found.value)) } : found)
    })

    app.patch('/v1/suggestions/:id', {
      preHandler: staff,
      schema: { tags, summary: 'Change an open suggestion’s quantity (kept when the next run refreshes it)', params: Type.Object({ id: Id }), body: S.EditBody, response: { 200: S.SuggestionView, ...problems } },
    }, async (req, reply) => {
      const edited = await replenishment.editSuggestion(req.params.id, req.body.quantity, { actor: actorOf(req) })
      return sendResult(reply, edited.ok ? { ok: true, value: suggestionView(edited.value, await replenishment.namesOf(edited.value)) } : edited)
    })

    app.post('/v1/suggestions/:id/dismiss', {
      preHandler: staff,
      schema: { tags, summary: 'Dismiss an open suggestion: not suggested again within the review period unless the need grows', params: Type.Object({ id: Id }), response: { 200: S.SuggestionView, ...problems } },
    }, async (req, reply) => {
      const dismissed = await replenishment.dismissSuggestion(req.params.id, { actor: actorOf(req) })
      return sendResult(reply, dismissed.ok ? { ok: true, value: suggestionView(dismissed.value, await replenishment.namesOf(dismissed.value)) } : dismissed)
    })

    app.post('/v1/suggestions/approve', {
      preHandler: staff,
      schema: {
        tags, summary: 'Approve open suggestions: one purchase order per supplier and destination, a draft or sent; a group its supplier’s terms refuse stays open',
        body: S.ApproveBody, response: { 200: S.ApprovalView, ...problems },
      },
    }, async (req, reply) => sendResult(reply, await replenishment.approve(req.body.ids, { actor: actorOf(req) }, req.body.send === true)))

    app.get('/v1/supplier-portal/replenishment/alerts', {
      preHandler: vendors,
      schema: {
        tags: [...tags, 'supplier portal'],
        summary: 'Vendor-managed replenishment: the supplier’s replenishment.below_reorder_point events after a cursor, oldest first (staff name the supplier); poll with nextCursor',
        querystring: Type.Object({
          supplier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The nextCursor of the previous page; 0 or absent: from the beginning' })),
          limit: S.ListQuery.properties.limit,
        }, { additionalProperties: false }),
        response: { 200: S.AlertPageView, ...problems },
      },
    }, async (req, reply) => {
      const limit = pageLimitOf(req.query)
      if (!limit.ok) return sendProblem(reply, limit)
      const supplierId = await supplierOf(req, req.query.supplier)
      if (!supplierId.ok) return sendProblem(reply, supplierId)
      const after = Number(req.query.after ?? 0)
      if (supplierId.value === undefined) return { items: [], nextCursor: after }
      const page = await replenishment.alertsOf(supplierId.value, after, limit.value)
      return { items: page.items.map((e) => ({ id: e.id, subject: e.subject, payload: e.payload as Record<string, unknown>, at: e.at })), nextCursor: page.nextCursor }
    })

    app.get('/v1/supplier-portal/replenishment', {
      preHandler: vendors,
      schema: {
        tags: [...tags, 'supplier portal'], summary: 'Vendor-managed replenishment: the supplier’s SKUs at the merchant’s nodes with available units, reorder point and forecast (staff name the supplier)',
        querystring: Type.Object({ supplier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), cursor: S.ListQuery.properties.cursor, limit: S.ListQuery.properties.limit }, { additionalProperties: false }),
        response: { 200: Page(S.VendorStockView), ...problems },
      },
    }, async (req, reply) => {
      const page = pageRequestOf(req.query, vendorCursor)
      if (!page.ok) return sendProblem(reply, page)
      const supplierId = await supplierOf(req, req.query.supplier)
      if (!supplierId.ok) return sendProblem(reply, supplierId)
      if (supplierId.value === undefined) return { items: [], nextCursor: null }
      const found = await replenishment.vendorStock(supplierId.value, page.value.after, page.value.limit)
      return { items: found.lines.map(vendorView), nextCursor: found.more && found.lastSkuId ? vendorCursor.encode(found.lastSkuId) : null }
    })
  }
}
