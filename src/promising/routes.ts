/**
 * Promising routes: sell-ahead policies per SKU (and per channel), availability to promise, and
 * the promising settings. Staff set policies; a channel reads its own effective policy and
 * quotes for itself (another channel is not found).
 */
import { dayTextOf } from '../kernel/clock.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Principal } from '../kernel/principal.ts'
import { allow, principalOf, problems, sendProblem, named } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import { maxQuantity } from '../inventory/index.ts'
import { supplyKinds } from './model.ts'
import { maxHorizonDays } from './policy.ts'
import type { Atp } from './atp.ts'
import type { Promising } from './service.ts'

const tags = ['promising']
const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const dayOf = dayTextOf

const PolicyBody = Type.Object({
  kinds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, description: `Supply that may be sold: ${supplyKinds.join(', ')}` }),
  unconfirmedBufferDays: Type.Optional(Type.Integer({ description: 'Days added to an unconfirmed PO line’s requested date (only with po_unconfirmed)' })),
  horizonDays: Type.Integer({ description: `No promise later than today + this many days (0–${maxHorizonDays})` }),
  maxBeyondStock: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Most units promised against future supply at one node; null: no cap' })),
}, { additionalProperties: false })

const PolicyView = named('SellAheadPolicy', Type.Object({
  kinds: Type.Array(Type.String()), unconfirmedBufferDays: Type.Integer(), horizonDays: Type.Integer(), maxBeyondStock: Type.Union([Type.Integer(), Type.Null()]),
}))

const PolicyAnswer = named('SellAheadPolicyAnswer', Type.Object({
  skuId: Type.String(),
  channelId: Type.Union([Type.String(), Type.Null()]),
  policy: Type.Union([PolicyView, Type.Null()], { description: 'The row stored at this level (the channel’s, or the SKU’s for every channel)' }),
  effective: Type.Object({ source: Type.Union([Type.Literal('channel'), Type.Literal('sku'), Type.Literal('default')]), policy: PolicyView }),
}))

const ChannelQuery = Type.Object({ channel: Type.Optional(Ref) }, { additionalProperties: false })

const SettingsBody = named('PromisingSettings', Type.Object({
  paymentWindowMinutes: Type.Integer(),
  transitDays: Type.Object({ sameRegion: Type.Integer(), otherRegion: Type.Integer() }, { additionalProperties: false }),
  customerTiers: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer())),
  overdueSupplyStepDays: Type.Optional(Type.Integer({ description: 'Supply past its date without arriving is expected this many days later (1–30, default 3), again each time that passes' })),
}, { additionalProperties: false }))

const AtpQuery = Type.Object({
  sku: Ref,
  channel: Type.Optional(Ref),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  quantity: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}$' })),
}, { additionalProperties: false })

/** Sell-ahead policies, the promising settings and availability to promise. */
export function promisingRoutes({ promising, catalogue }: { promising: Promising; catalogue: Catalogue }): FastifyPluginAsyncTypebox {
  /** The channel a request is about: a channel token's own (naming another is not found); staff name it or not. */
  async function channelFor(p: Principal, named: string | undefined): Promise<Result<Channel | null>> {
    if (p.kind === 'channel') {
      const own = await catalogue.resolveChannel(p.scopeId)
      if (!own || (named !== undefined && named !== own.id && named !== own.code)) return notFound('channel', named ?? p.scopeId)
      return ok(own)
    }
    if (named === undefined) return ok(null)
    const channel = await catalogue.resolveChannel(named)
    return channel ? ok(channel) : notFound('channel', named)
  }

  /** The SKU in the path and the channel in the query, as this caller may name them. */
  async function policyTarget(p: Principal, skuRef: string, channelRef: string | undefined): Promise<Result<{ skuId: string; channel: Channel | null }>> {
    const sku = await catalogue.resolveSku(skuRef)
    if (!sku) return notFound('sku', skuRef)
    const channel = await channelFor(p, channelRef)
    return channel.ok ? ok({ skuId: sku.id, channel: channel.value }) : channel
  }

  const send = async <T>(reply: FastifyReply, r: Result<T>): Promise<T | FastifyReply> => (r.ok ? r.value : sendProblem(reply, r))

  return async (app) => {
    app.get('/v1/skus/:sku/sell-ahead-policy', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags, summary: 'The SKU’s sell-ahead policy (for every channel, or ?channel=), and the policy in effect there',
        params: Type.Object({ sku: Ref }), querystring: ChannelQuery, response: { 200: PolicyAnswer, ...problems },
      },
    }, async (req, reply) => {
      const target = await policyTarget(principalOf(req), req.params.sku, req.query.channel)
      return send(reply, target.ok ? ok(await promising.policy(target.value.skuId, target.value.channel)) : target)
    })

    app.put('/v1/skus/:sku/sell-ahead-policy', {
      preHandler: allow('admin', 'ops'),
      schema: {
        tags, summary: 'Set what the SKU may be sold against and how far ahead (for every channel, or only ?channel=)',
        params: Type.Object({ sku: Ref }), querystring: ChannelQuery, body: PolicyBody, response: { 200: PolicyAnswer, ...problems },
      },
    }, async (req, reply) => {
      const target = await policyTarget(principalOf(req), req.params.sku, req.query.channel)
      if (!target.ok) return sendProblem(reply, target)
      return send(reply, await promising.setPolicy(target.value.skuId, target.value.channel, req.body))
    })

    app.delete('/v1/skus/:sku/sell-ahead-policy', {
      preHandler: allow('admin', 'ops'),
      schema: { tags, summary: 'Remove the SKU’s policy (or only the channel’s override)', params: Type.Object({ sku: Ref }), querystring: ChannelQuery, response: { 200: PolicyAnswer, ...problems } },
    }, async (req, reply) => {
      const target = await policyTarget(principalOf(req), req.params.sku, req.query.channel)
      if (!target.ok) return sendProblem(reply, target)
      return send(reply, await promising.removePolicy(target.value.skuId, target.value.channel))
    })

    app.get('/v1/promising-settings', {
      preHandler: allow('admin', 'ops'),
      schema: { tags, summary: 'Payment window, transit days by region, customer tiers and how overdue supply is dated', response: { 200: SettingsBody, ...problems } },
    }, async () => promising.settings())

    app.put('/v1/promising-settings', {
      preHandler: allow('admin'),
      schema: { tags, summary: 'Change the promising settings (validated; applies to orders placed from now on)', body: SettingsBody, response: { 200: SettingsBody, ...problems } },
    }, async (req, reply) => send(reply, await promising.setSettings(req.body)))

    app.get('/v1/availability-to-promise', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags, summary: 'Units that can be promised by date through a channel, and the dates for a quantity',
        description: 'The ladder starts with today’s stock and adds each supply date the sell-ahead policy allows; a quote says which node, the promised ship and delivery dates, the supply behind them and the risk in plain words.',
        querystring: AtpQuery, response: { 200: Type.Record(Type.String(), Type.Unknown()), ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const quantity = q.quantity === undefined ? null : Number(q.quantity)
      if (quantity !== null && (quantity < 1 || quantity > maxQuantity)) return sendProblem(reply, fail('invalid_quantity', `quantity must be from 1 to ${maxQuantity}.`))
      const sku = await catalogue.resolveSku(q.sku)
      if (!sku) return sendProblem(reply, notFound('sku', q.sku))
      const channel = await channelFor(principalOf(req), q.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      if (!channel.value) return sendProblem(reply, fail('channel_required', 'Name the channel to quote for: ?channel=<id or code>.'))
      const { atp, ...quote } = await promising.quote(sku.id, channel.value, { quantity, region: q.region ?? null })
      return { ...quote, ...atpView(atp) }
    })
  }
}

/** Days as YYYY-MM-DD on the wire. */
export function atpView(atp: Atp) {
  const quote = atp.quote
  return {
    ladder: atp.ladder.map((s) => ({ date: dayOf(s.dayMs), quantity: s.cumulative, supply: s.supply })),
    quote: quote === null ? null : quote.available
      ? {
        available: true, quantity: quote.quantity, nodeId: quote.nodeId, promisedShipDate: dayOf(quote.shipByMs), promisedDeliveryDate: dayOf(quote.deliverByMs),
        supply: quote.supply.map((a) => ({ kind: a.kind, source: a.source, quantity: a.quantity, readyDate: dayOf(a.availableAtMs) })),
        riskNote: quote.riskNote,
      }
      : { available: false, quantity: quote.quantity, code: quote.code, detail: quote.detail, availableQuantity: quote.availableQuantity },
  }
}
