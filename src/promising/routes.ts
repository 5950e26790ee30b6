/**
 * Promising routes: sell-ahead policies per SKU (and per channel), availability to promise, and
 * the promising settings. Staff set policies; a channel reads its own effective policy and
 * quotes for itself (another channel is not found).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Services } from '../services.ts'
import { allow, principalOf, problems, sendProblem } from '../http/support.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Channel } from '../catalogue/index.ts'
import { maxQuantity } from '../inventory/index.ts'
import { supplyKinds } from './model.ts'
import { defaultPromisingSettings, maxHorizonDays, transitDaysOf } from './policy.ts'
import { allChannels, deletePolicy, effectivePolicy, loadPromisingSettings, rulesFor, savePolicy, savePromisingSettings, storedPolicy } from './policy-store.ts'
import { availabilityToPromise, channelNodesOf, loadAtpNodes, type Atp } from './atp.ts'

const tags = ['promising']
const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const dayOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10))

const PolicyBody = Type.Object({
  kinds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, description: `Supply that may be sold: ${supplyKinds.join(', ')}` }),
  unconfirmedBufferDays: Type.Optional(Type.Integer({ description: 'Days added to an unconfirmed PO line’s requested date (only with po_unconfirmed)' })),
  horizonDays: Type.Integer({ description: `No promise later than today + this many days (0–${maxHorizonDays})` }),
  maxBeyondStock: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Most units promised against future supply at one node; null: no cap' })),
}, { additionalProperties: false })

const PolicyView = Type.Object({
  kinds: Type.Array(Type.String()), unconfirmedBufferDays: Type.Integer(), horizonDays: Type.Integer(), maxBeyondStock: Type.Union([Type.Integer(), Type.Null()]),
})

const PolicyAnswer = Type.Object({
  skuId: Type.String(),
  channelId: Type.Union([Type.String(), Type.Null()]),
  policy: Type.Union([PolicyView, Type.Null()], { description: 'The row stored at this level (the channel’s, or the SKU’s for every channel)' }),
  effective: Type.Object({ source: Type.Union([Type.Literal('channel'), Type.Literal('sku'), Type.Literal('default')]), policy: PolicyView }),
})

const ChannelQuery = Type.Object({ channel: Type.Optional(Ref) }, { additionalProperties: false })

const SettingsBody = Type.Object({
  paymentWindowMinutes: Type.Integer(),
  transitDays: Type.Object({ sameRegion: Type.Integer(), otherRegion: Type.Integer() }, { additionalProperties: false }),
  customerTiers: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer())),
  overdueSupplyStepDays: Type.Optional(Type.Integer({ description: 'Supply past its date without arriving is expected this many days later (1–30, default 3), again each time that passes' })),
}, { additionalProperties: false })

const AtpQuery = Type.Object({
  sku: Ref,
  channel: Type.Optional(Ref),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  quantity: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}$' })),
}, { additionalProperties: false })

export function registerPromisingRoutes(app: FastifyInstance, services: Services): void {
  const { catalogue, db, clock, inventory } = services

  /** The channel a request is about: a channel token's own (naming another is not found); staff name it or not. */
  async function channelFor(req: FastifyRequest, named: string | undefined): Promise<Result<Channel | null>> {
    const p = principalOf(req)
    if (p.kind === 'channel') {
      const own = await catalogue.resolveChannel(p.scopeId)
      if (!own || (named !== undefined && named !== own.id && named !== own.code)) return notFound('channel', named ?? p.scopeId)
      return ok(own)
    }
    if (named === undefined) return ok(null)
    const channel = await catalogue.resolveChannel(named)
    return channel ? ok(channel) : notFound('channel', named)
  }

  async function policyTarget(req: FastifyRequest): Promise<Result<{ skuId: string; channel: Channel | null }>> {
    const sku = await catalogue.resolveSku((req.params as { sku: string }).sku)
    if (!sku) return notFound('sku', (req.params as { sku: string }).sku)
    const channel = await channelFor(req, (req.query as { channel?: string }).channel)
    return channel.ok ? ok({ skuId: sku.id, channel: channel.value }) : channel
  }

  async function answer(skuId: string, channel: Channel | null) {
    return {
      skuId,
      channelId: channel?.id ?? null,
      policy: (await storedPolicy(db, skuId, channel?.id ?? allChannels)) ?? null,
      effective: await effectivePolicy(db, skuId, channel?.id ?? null),
    }
  }

  const send = async (reply: FastifyReply, r: Result<unknown>) => (r.ok ? r.value : sendProblem(reply, r))

  app.get('/v1/skus/:sku/sell-ahead-policy', {
    preHandler: allow('admin', 'ops', 'channel'),
    schema: {
      tags, summary: 'The SKU’s sell-ahead policy (for every channel, or ?channel=), and the policy in effect there',
      params: Type.Object({ sku: Ref }), querystring: ChannelQuery, response: { 200: PolicyAnswer, ...problems },
    },
  }, async (req, reply) => {
    const target = await policyTarget(req)
    return send(reply, target.ok ? ok(await answer(target.value.skuId, target.value.channel)) : target)
  })

  app.put('/v1/skus/:sku/sell-ahead-policy', {
    preHandler: allow('admin', 'ops'),
    schema: {
      tags, summary: 'Set what the SKU may be sold against and how far ahead (for every channel, or only ?channel=)',
      params: Type.Object({ sku: Ref }), querystring: ChannelQuery, body: PolicyBody, response: { 200: PolicyAnswer, ...problems },
    },
  }, async (req, reply) => {
    const target = await policyTarget(req)
    if (!target.ok) return sendProblem(reply, target)
    const { skuId, channel } = target.value
    const saved = await savePolicy(db, skuId, channel?.id ?? allChannels, req.body as Static<typeof PolicyBody>, clock.nowMs())
    return send(reply, saved.ok ? ok(await answer(skuId, channel)) : saved)
  })

  app.delete('/v1/skus/:sku/sell-ahead-policy', {
    preHandler: allow('admin', 'ops'),
    schema: { tags, summary: 'Remove the SKU’s policy (or only the channel’s override)', params: Type.Object({ sku: Ref }), querystring: ChannelQuery, response: { 200: PolicyAnswer, ...problems } },
  }, async (req, reply) => {
    const target = await policyTarget(req)
    if (!target.ok) return sendProblem(reply, target)
    const { skuId, channel } = target.value
    if (!(await deletePolicy(db, skuId, channel?.id ?? allChannels))) {
      return sendProblem(reply, fail('policy_not_found', `No sell-ahead policy for ${skuId}${channel ? ` on channel ${channel.code}` : ''}.`))
    }
    return answer(skuId, channel)
  })

  app.get('/v1/promising-settings', {
    preHandler: allow('admin', 'ops'),
    schema: { tags, summary: 'Payment window, transit days by region, customer tiers and how overdue supply is dated', response: { 200: SettingsBody, ...problems } },
  }, async () => loadPromisingSettings(db))

  app.put('/v1/promising-settings', {
    preHandler: allow('admin'),
    schema: { tags, summary: 'Change the promising settings (validated; applies to orders placed from now on)', body: SettingsBody, response: { 200: SettingsBody, ...problems } },
  }, async (req, reply) => {
    const b = req.body as Static<typeof SettingsBody>
    return send(reply, await savePromisingSettings(db, { ...b, customerTiers: b.customerTiers ?? defaultPromisingSettings.customerTiers }, clock.nowMs()))
  })

  app.get('/v1/availability-to-promise', {
    preHandler: allow('admin', 'ops', 'channel'),
    schema: {
      tags, summary: 'Units that can be promised by date through a channel, and the dates for a quantity',
      description: 'The ladder starts with today’s stock and adds each supply date the sell-ahead policy allows; a quote says which node, the promised ship and delivery dates, the supply behind them and the risk in plain words.',
      querystring: AtpQuery, response: { 200: Type.Record(Type.String(), Type.Unknown()), ...problems },
    },
  }, async (req, reply) => {
    const q = req.query as Static<typeof AtpQuery>
    const quantity = q.quantity === undefined ? null : Number(q.quantity)
    if (quantity !== null && (quantity < 1 || quantity > maxQuantity)) return sendProblem(reply, fail('invalid_quantity', `quantity must be from 1 to ${maxQuantity}.`))
    const sku = await catalogue.resolveSku(q.sku)
    if (!sku) return sendProblem(reply, notFound('sku', q.sku))
    const channel = await channelFor(req, q.channel)
    if (!channel.ok) return sendProblem(reply, channel)
    if (!channel.value) return sendProblem(reply, fail('channel_required', 'Name the channel to quote for: ?channel=<id or code>.'))
    const nowMs = clock.nowMs()
    const nodes = await channelNodesOf(catalogue, channel.value)
    const settings = await loadPromisingSettings(db)
    const { effective, rules } = await rulesFor(db, sku.id, channel.value.id, nodes.map((n) => n.id), nowMs, settings)
    const atpNodes = await loadAtpNodes(db, sku.id, { nodes, rules, position: (s, n) => inventory.position(s, n) })
    const region = q.region ?? null
    const atp = availabilityToPromise({
      nodes: atpNodes, stockBuffer: channel.value.safetyBuffer, quantity, nowMs,
      transitDays: region === null ? null : (nodeRegion) => transitDaysOf(settings, nodeRegion, { method: 'ship', region }),
    })
    return { skuId: sku.id, channelId: channel.value.id, region, policy: effective, ...atpView(atp) }
  })
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
