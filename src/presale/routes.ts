/**
 * Presale routes. Staff (admin, ops) run campaigns: create, edit drafts, publish, raise the quota,
 * end, cancel, move arrived stock onto orders, and read demand. Channels read campaigns that are
 * not drafts and place presale orders for their customers; staff may place them for a named channel.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { idempotencyScope } from '../kernel/principal.ts'
import { allow, Id, idempotencyKeyOf, Page, pageLimitOf, principalOf, problems, requestHashOf, sendProblem } from '../http/support.ts'
import { nextCursorOf, singleCursor } from '../http/cursor.ts'
import { instantMsOf } from '../http/dates.ts'
import { isoOf } from '../kernel/clock.ts'
import type { Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { orderView, originOf, placerOf, type StatusLinks } from '../orders/index.ts'
import type { TermsInput } from './decide.ts'
import type { NewCampaignTerms } from './intake.ts'
import { campaignTransitions } from './lifecycle.ts'
import type { Campaign, CampaignStatus, DepositRule, ShipDate } from './model.ts'
import { priceAt } from './rules.ts'
import type { Presale } from './service.ts'
import * as S from './schemas.ts'

const tags = ['presale']
/** Campaigns are listed newest first by id. */
const campaignCursor = singleCursor('presale_campaigns', 'text')
const merchants = allow('admin', 'ops')
const readers = allow('admin', 'ops', 'channel')
const IdParams = Type.Object({ id: Id })
const dayOf = (d: string): number => Date.parse(`${d}T00:00:00Z`)
const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

type CreateBody = Static<typeof S.CreateCampaignBody>
type PatchBody = Static<typeof S.PatchCampaignBody>

const ruleOf = (r: Static<typeof S.DepositRule>): DepositRule => {
  switch (r.kind) {
    case 'whole_amount_max_percent': return { kind: r.kind, maxPercent: r.maxPercent, wholeUnit: r.wholeUnit ?? 100 }
    case 'percent_range_exclusive': return { kind: r.kind, minPercent: r.minPercent, maxPercent: r.maxPercent, minAmountExclusive: r.minAmountExclusive ?? null }
    case 'fixed': return { kind: r.kind, amount: r.amount }
  }
}

const shipDateOf = (s: Static<typeof S.ShipDate>): ShipDate => {
  switch (s.mode) {
    case 'fixed': return { mode: s.mode, dayMs: dayOf(s.day) }
    case 'after_balance': return { mode: s.mode, days: s.days }
    case 'customer_chosen': return { mode: s.mode, earliestMs: dayOf(s.earliest), latestMs: dayOf(s.latest) }
  }
}

const depositOf = (d: Static<typeof S.Deposit>): TermsInput['deposit'] => ({ perUnit: d.perUnit ?? null, rule: ruleOf(d.rule), inflation: d.inflation ?? null })

/** The fields a body names, as terms (a patch names only what changes). */
function termsOf(b: PatchBody): Partial<TermsInput> {
  return {
    ...(b.name !== undefined && { name: b.name }),
    ...(b.sku !== undefined && { skuId: b.sku }),
    ...(b.node !== undefined && { nodeId: b.node }),
    ...(b.currency !== undefined && { currency: b.currency }),
    ...(b.startsAt !== undefined && { startsAtMs: instantMsOf(b.startsAt, 'startsAt') }),
    ...(b.endsAt !== undefined && { endsAtMs: instantMsOf(b.endsAt, 'endsAt') }),
    ...(b.quota !== undefined && { quota: b.quota }),
    ...(b.perCustomerLimit !== undefined && { perCustomerLimit: b.perCustomerLimit }),
    ...(b.pricing !== undefined && { pricing: b.pricing }),
    ...(b.deposit !== undefined && { deposit: depositOf(b.deposit) }),
    ...(b.depositDeadlineMinutes !== undefined && { depositDeadlineMinutes: b.depositDeadlineMinutes }),
    ...(b.balanceWindowHours !== undefined && { balanceWindowHours: b.balanceWindowHours }),
    ...(b.shipDate !== undefined && { shipDate: shipDateOf(b.shipDate) }),
    ...(b.compensation !== undefined && { compensation: b.compensation }),
    ...(b.supplier !== undefined && { supplierId: b.supplier }),
  }
}

/** A create body's terms: the fields it must name, and those of the others it names. */
const createTermsOf = ({ code, sku, node, startsAt, endsAt, quota, pricing, deposit, shipDate, ...others }: CreateBody): NewCampaignTerms => ({
  ...termsOf(others),
  code, skuId: sku, nodeId: node, startsAtMs: instantMsOf(startsAt, 'startsAt'), endsAtMs: instantMsOf(endsAt, 'endsAt'), quota, pricing,
  deposit: depositOf(deposit), shipDate: shipDateOf(shipDate),
})

const shipDateView = (s: ShipDate) => {
  switch (s.mode) {
    case 'fixed': return { mode: s.mode, day: dayText(s.dayMs) }
    case 'after_balance': return { mode: s.mode, days: s.days }
    case 'customer_chosen': return { mode: s.mode, earliest: dayText(s.earliestMs), latest: dayText(s.latestMs) }
  }
}

export function campaignView(c: Campaign, sales: { unitsSold: number; quotaRemaining: number }) {
  return {
    id: c.id, code: c.code, name: c.name, skuId: c.skuId, nodeId: c.nodeId, currency: c.currency, status: c.status,
    startsAt: isoOf(c.startsAtMs), endsAt: isoOf(c.endsAtMs), quota: c.quota, perCustomerLimit: c.perCustomerLimit,
    pricing: c.pricing, deposit: c.deposit, depositDeadlineMinutes: c.depositDeadlineMinutes, balanceWindowHours: c.balanceWindowHours,
    shipDate: shipDateView(c.shipDate), compensation: c.compensation, supplierId: c.supplierId,
    unitsSold: sales.unitsSold, quotaRemaining: sales.quotaRemaining,
    currentUnitPrice: c.finalUnitPrice ?? priceAt(c.pricing, sales.unitsSold), finalUnitPrice: c.finalUnitPrice,
    endedAt: isoOf(c.endedAtMs), repricedAt: isoOf(c.repricedAtMs), createdAt: isoOf(c.createdAtMs), updatedAt: isoOf(c.updatedAtMs),
  }
}

/** Presale campaigns and their orders. */
export function presaleRoutes({ presale, catalogue, statusLinks }: { presale: Presale; catalogue: Catalogue; statusLinks: StatusLinks }): FastifyPluginAsyncTypebox {
  const actorOf = (req: FastifyRequest): string => {
    const p = principalOf(req)
    return `${p.role}/${p.tokenId}`
  }
  const view = async (c: Campaign) => campaignView(c, await presale.sales(c))
  const send = async (reply: FastifyReply, r: Result<Campaign>, status = 200) => (r.ok ? reply.code(status).send(await view(r.value)) : sendProblem(reply, r))
  /** The campaign as the caller may see it: a channel does not see drafts. */
  const visible = (req: FastifyRequest, ref: string) => presale.visible(ref, principalOf(req).kind === 'channel')

  return async (app) => {
    app.post('/v1/presale-campaigns', {
      preHandler: merchants,
      schema: { tags, summary: 'Create a draft presale campaign; every rule is checked as a whole', body: S.CreateCampaignBody, response: { 201: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await presale.createWithDefaults(createTermsOf(req.body), actorOf(req)), 201))

    app.get('/v1/presale-campaigns', {
      preHandler: readers,
      schema: { tags, summary: 'Campaigns, newest first (channels see those not in draft)', querystring: S.ListQuery, response: { 200: Page(S.CampaignView), ...problems } },
    }, async (req, reply) => {
      const q = req.query
      const limit = pageLimitOf(q)
      if (!limit.ok) return sendProblem(reply, limit)
      const before = campaignCursor.decode(q.cursor)
      if (!before.ok) return sendProblem(reply, before)
      const channel = principalOf(req).kind === 'channel'
      const statuses: CampaignStatus[] | undefined = q.status ? (channel && q.status === 'draft' ? [] : [q.status]) : channel ? ['published', 'ended', 'cancelled'] : undefined
      const skuId = q.sku === undefined ? undefined : (await catalogue.resolveSku(q.sku))?.id ?? q.sku
      const items = statuses?.length === 0 ? [] : await presale.list({ statuses, skuId }, before.value, limit.value)
      return { items: await Promise.all(items.map(view)), nextCursor: nextCursorOf(items, limit.value, campaignCursor, (c) => c.id) }
    })

    app.get('/v1/presale-campaigns/lifecycle', {
      preHandler: readers,
      schema: { tags, summary: 'The campaign lifecycle table: which action is allowed from which status, and the status it leads to', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
    }, async () => campaignTransitions)

    app.get('/v1/presale-campaigns/:id', {
      preHandler: readers,
      schema: { tags, summary: 'One campaign with units sold, quota left and the current price', params: IdParams, response: { 200: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await visible(req, req.params.id)))

    app.patch('/v1/presale-campaigns/:id', {
      preHandler: merchants,
      schema: { tags, summary: 'Change a draft campaign’s terms', params: IdParams, body: S.PatchCampaignBody, response: { 200: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await presale.update(req.params.id, termsOf(req.body), actorOf(req))))

    app.post('/v1/presale-campaigns/:id/publish', {
      preHandler: merchants,
      schema: { tags, summary: 'Publish: the quota becomes a presale supply slot at the node', params: IdParams, response: { 200: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await presale.publish(req.params.id, actorOf(req))))

    app.post('/v1/presale-campaigns/:id/quota', {
      preHandler: merchants,
      schema: { tags, summary: 'Set the quota: once published it may be raised, never lowered', params: IdParams, body: S.QuotaBody, response: { 200: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await presale.setQuota(req.params.id, req.body.quota, actorOf(req))))

    app.post('/v1/presale-campaigns/:id/end', {
      preHandler: merchants,
      schema: { tags, summary: 'End now: final price from the tier reached, every open order repriced (never above the price shown), balance window opens', params: IdParams, response: { 200: S.CampaignView, ...problems } },
    }, async (req, reply) => send(reply, await presale.end(req.params.id, actorOf(req))))

    app.post('/v1/presale-campaigns/:id/cancel', {
      preHandler: merchants,
      schema: {
        tags, summary: 'Cancel the campaign: open orders are cancelled with a full refund owed, deposits included', params: IdParams, body: S.CancelBody,
        response: { 200: Type.Object({ campaign: S.CampaignView, ordersCancelled: Type.Integer(), refundDue: Type.Integer() }), ...problems },
      },
    }, async (req, reply) => {
      const done = await presale.cancel(req.params.id, req.body.reason, actorOf(req))
      if (!done.ok) return sendProblem(reply, done)
      return { ...done.value, campaign: await view(done.value.campaign) }
    })

    app.post('/v1/presale-campaigns/:id/allocate-stock', {
      preHandler: merchants,
      schema: {
        tags, summary: 'Move orders waiting on the quota onto stock that has arrived at the node (paid orders first, then by priority); they can then ship',
        params: IdParams, response: { 200: Type.Object({ lines: Type.Integer(), units: Type.Integer() }), ...problems },
      },
    }, async (req, reply) => {
      const done = await presale.allocateStock(req.params.id, actorOf(req))
      return done.ok ? done.value : sendProblem(reply, done)
    })

    app.post('/v1/presale-campaigns/:id/orders', {
      preHandler: readers,
      schema: {
        tags, summary: 'Place a presale order: one campaign, one line, a deposit due within the deadline; no cart, no promotions',
        description: 'Channels must send an Idempotency-Key. The unit price is the current tier’s; the order is repriced when the campaign ends, never upward.',
        params: IdParams, body: S.OrderBody, response: { 201: Type.Unknown(), ...problems },
      },
    }, async (req, reply) => {
      const b = req.body
      const p = principalOf(req)
      if (b.promotions !== undefined || b.coupon !== undefined) {
        return sendProblem(reply, fail('promotions_not_allowed', 'Presale orders take no promotions or coupons: the campaign price and deposit terms are the whole offer.'))
      }
      const key = idempotencyKeyOf(req)
      if (!key.ok) return sendProblem(reply, key)
      const { result, replayed } = await presale.placeFor(req.params.id, {
        by: placerOf(p), channel: b.channel, customerId: b.customerId, quantity: b.quantity, shipDayMs: b.shipDate === undefined ? null : dayOf(b.shipDate),
        region: b.region ?? null, reference: b.reference ?? null, customerTier: b.customerTier, shipTo: b.shipTo,
        idem: key.value === undefined ? undefined : { scopeKey: `presale_order|${idempotencyScope(p)}|${key.value}`, requestHash: requestHashOf(req) },
      })
      if (replayed) reply.header('idempotent-replayed', 'true')
      if (!result.ok) return sendProblem(reply, result)
      const link = await statusLinks.linkOf(result.value.id, originOf(req))
      return reply.code(201).send({ ...orderView(result.value), statusToken: link.token, statusUrl: link.url })
    })

    app.get('/v1/presale-campaigns/:id/demand', {
      preHandler: merchants,
      schema: { tags, summary: 'The campaign’s demand as a suggested purchase quantity', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.DemandView) }), ...problems } },
    }, async (req, reply) => {
      const c = await presale.get(req.params.id)
      if (!c) return sendProblem(reply, notFound('campaign', req.params.id))
      return { items: await presale.demand(c.id) }
    })

    app.get('/v1/presale-demand', {
      preHandler: merchants,
      schema: { tags, summary: 'Per SKU and node: units ordered in open campaigns less stock and open supply, rounded to the supplier’s minimum and pack size', response: { 200: Type.Object({ items: Type.Array(S.DemandView) }), ...problems } },
    }, async () => ({ items: await presale.demand(null) }))
  }
}
