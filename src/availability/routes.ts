/**
 * What a channel sees: its current availability (a snapshot consistent with a feed position),
 * the changes after a position, the same as server-sent events, and the exports in Google's and
 * Shopify's words. Staff read every channel; a channel token reads only its own (another is not
 * found); other roles may not.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { allow, pageLimitOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { cursorCodec } from '../http/cursor.ts'
import { resumePositionOf, streamEvents } from '../http/sse.ts'
import { isoOf } from '../kernel/clock.ts'
import type { Principal } from '../kernel/principal.ts'
import { ok, unwrap, type Result } from '../kernel/result.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import { channelSellable, type ChannelPosition, type Inventory } from '../inventory/index.ts'
import { googleAvailability, pickupSlaOf } from './decide.ts'
import { notFound } from './errors.ts'
import type { AvailabilityRow } from './model.ts'
import type { Availability } from './service.ts'
import {
  ChangesQuery, ChangesView, ChannelParams, GoogleLocalInventory, ShopifyInventory, SnapshotQuery, SnapshotView, StreamQuery,
} from './schemas.ts'

const tags = ['availability']
const snapshotCursor = cursorCodec('channel_availability', ['serial', 'text', 'text'] as const)

export function availabilityRoutes({ availability, catalogue, inventory }: { availability: Availability; catalogue: Catalogue; inventory: Inventory }): FastifyPluginAsyncTypebox {
  /** The channel in the path as this caller may see it: a channel token sees only its own. */
  async function channelOf(p: Principal, named: string): Promise<Result<Channel>> {
    const channel = await catalogue.resolveChannel(named)
    if (!channel) return notFound('channel', named)
    if (p.kind === 'channel' && (await catalogue.channelIdOf(p)) !== channel.id) return notFound('channel', named)
    return ok(channel)
  }

  async function viewOf(r: AvailabilityRow) {
    const sku = await catalogue.resolveSku(r.skuId)
    return {
      sku: sku?.code ?? r.skuId, skuId: r.skuId, scope: r.scope, status: r.status, quantity: r.quantity, onlyLeft: r.onlyLeft,
      shipBy: r.shipBy, deliverBy: r.deliverBy, campaign: r.campaign, seq: r.seq, changedAt: isoOf(r.changedAtMs)!,
    }
  }

  /** Every current value of the channel, page by page from one feed position. */
  async function allRows(channelId: string): Promise<AvailabilityRow[]> {
    const rows: AvailabilityRow[] = []
    let page = await availability.snapshot(channelId, { limit: 500 })
    rows.push(...page.items)
    while (page.more) {
      const last = page.items.at(-1)!
      page = await availability.snapshot(channelId, { atSeq: page.seq, after: { skuId: last.skuId, scope: last.scope }, limit: 500 })
      rows.push(...page.items)
    }
    return rows
  }

  return async (app) => {
    const readers = allow('admin', 'ops', 'channel')

    app.get('/v1/channels/:channel/availability', {
      preHandler: readers,
      schema: {
        tags, summary: 'What the channel shows now, per SKU and scope, with the feed position it is consistent with',
        description: 'Start here, then read `/changes` after `seq`: every value appears exactly once across the snapshot and the changes that follow it. Page with `cursor`; every page keeps the first page\'s `seq`.',
        params: ChannelParams, querystring: SnapshotQuery, response: { 200: SnapshotView, ...problems },
      },
    }, async (req, reply) => {
      const channel = await channelOf(principalOf(req), req.params.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      const limit = unwrap(pageLimitOf(req.query))
      const key = snapshotCursor.after(req.query.cursor)
      let skuId: string | undefined
      if (req.query.sku !== undefined) {
        const sku = await catalogue.resolveSku(req.query.sku)
        if (!sku) return sendProblem(reply, notFound('sku', req.query.sku))
        skuId = sku.id
      }
      const page = await availability.snapshot(channel.value.id, {
        atSeq: key?.[0], after: key && { skuId: key[1], scope: key[2] }, skuId, scope: req.query.scope, limit,
      })
      const last = page.items.at(-1)
      return {
        seq: page.seq,
        items: await Promise.all(page.items.map(viewOf)),
        nextCursor: page.more && last ? snapshotCursor.encode([page.seq, last.skuId, last.scope]) : null,
      }
    })

    app.get('/v1/channels/:channel/availability/changes', {
      preHandler: readers,
      schema: {
        tags, summary: 'What changed for the channel after a feed position, oldest first, each value the latest',
        description: 'Coalesced: a SKU that changed many times since `after` appears once, with its latest value. Resume from `lastSeq`.',
        params: ChannelParams, querystring: ChangesQuery, response: { 200: ChangesView, ...problems },
      },
    }, async (req, reply) => {
      const channel = await channelOf(principalOf(req), req.params.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      const limit = unwrap(pageLimitOf(req.query))
      const page = await availability.changes(channel.value.id, Number(req.query.after ?? 0), limit)
      return { items: await Promise.all(page.items.map(viewOf)), lastSeq: page.lastSeq }
    })

    app.get('/v1/channels/:channel/availability/stream', {
      preHandler: readers,
      schema: {
        tags, summary: 'The channel\'s availability changes as server-sent events, resumable with Last-Event-ID',
        description: 'Each event is `availability` with the value as data and its sequence number as id. Without Last-Event-ID or `after` the stream starts with every current value.',
        params: ChannelParams, querystring: StreamQuery,
        response: { 200: { description: 'An endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...problems },
      },
    }, async (req, reply) => {
      const channel = await channelOf(principalOf(req), req.params.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      const channelId = channel.value.id
      streamEvents(app, req, reply, {
        async next(after) {
          const page = await availability.changes(channelId, after, 500)
          return { messages: await Promise.all(page.items.map(async (r) => ({ id: r.seq, event: 'availability', data: await viewOf(r) }))), full: page.items.length === 500 }
        },
        wake: (listener) => availability.onChange(listener),
        pollIntervalMs: availability.intervalMs,
      }, resumePositionOf(req, req.query.after) ?? 0)
      return reply
    })

    app.get('/v1/channels/:channel/exports/google-local-inventory', {
      preHandler: readers,
      schema: {
        tags, summary: 'Local inventory for Google Merchant Center: each pickup store\'s availability, quantity and pickup SLA',
        params: ChannelParams, response: { 200: GoogleLocalInventory, ...problems },
      },
    }, async (req, reply) => {
      const channel = await channelOf(principalOf(req), req.params.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      const nodes = await catalogue.nodesById()
      const nowMs = availability.nowMs()
      const items = []
      for (const r of await allRows(channel.value.id)) {
        if (!r.scope.startsWith('store:')) continue
        const node = nodes.get(r.scope.slice('store:'.length))
        const sku = await catalogue.resolveSku(r.skuId)
        if (!node || !sku) continue
        const onShelf = r.status === 'in_stock' || r.status === 'low_stock'
        items.push({
          storeCode: node.code, offerId: sku.code, availability: googleAvailability[r.status], quantity: r.quantity,
          pickupMethod: onShelf ? 'BUY' as const : 'NOT_SUPPORTED' as const, pickupSla: pickupSlaOf(r, nowMs, node.fulfilment.timeZone),
        })
      }
      return { items }
    })

    app.get('/v1/channels/:channel/exports/shopify-inventory', {
      preHandler: readers,
      schema: {
        tags, summary: 'Inventory per SKU and location in Shopify\'s quantity names (available, on_hand, committed, reserved, damaged, safety_stock, incoming)',
        params: ChannelParams, response: { 200: ShopifyInventory, ...problems },
      },
    }, async (req, reply) => {
      const channel = await channelOf(principalOf(req), req.params.channel)
      if (!channel.ok) return sendProblem(reply, channel)
      const nodes = await catalogue.nodesById()
      const items = []
      for (const { position: p, fence } of await positionsAt(inventory, channel.value.id, channel.value.nodeIds)) {
        const sku = await catalogue.resolveSku(p.skuId)
        const node = nodes.get(p.nodeId)
        if (!sku || !node) continue
        items.push({
          sku: sku.code, location: node.code, available: channelSellable(p, channel.value.safetyBuffer, fence), on_hand: p.onHand, committed: p.reserved,
          // The channel's own fence is in available, not reserved.
          reserved: p.locked - fence + p.transferReserved, damaged: p.unsellable, safety_stock: Math.min(channel.value.safetyBuffer, Math.max(0, p.onHand)), incoming: p.inTransit,
        })
      }
      return { items }
    })
  }
}

async function positionsAt(inventory: Inventory, channelId: string, nodeIds: string[]): Promise<ChannelPosition[]> {
  const out: ChannelPosition[] = []
  let after: { skuId: string; nodeId: string } | undefined
  for (;;) {
    const page = await inventory.channelPositions(channelId, { nodeIds }, after, 500)
    out.push(...page)
    if (page.length < 500) return out
    const last = page.at(-1)!.position
    after = { skuId: last.skuId, nodeId: last.nodeId }
  }
}


