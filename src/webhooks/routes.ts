/**
 * Webhook endpoint routes. Staff (admin, ops) manage every endpoint and theirs receive every
 * matching event; a channel token manages only its own channel's, which receive only that
 * channel's events (another channel's endpoint is answered as a missing one). Other roles: 403.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { allow, bodyOptional, pageLimitOf, principalOf, problems, sendProblem } from '../http/support.ts'
import { singleCursor, nextCursorOf } from '../http/cursor.ts'
import { instantMsOf } from '../http/dates.ts'
import { unwrap } from '../kernel/result.ts'
import type { Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { EndpointOwner, Webhooks } from './service.ts'
import {
  CreateEndpointBody, DeliveriesQuery, DeliveryPage, DeliveryParams, DeliveryView, EndpointPage, EndpointParams, EndpointView, EndpointWithSecret,
  ReplayAnswer, ReplayBody, RotateSecretBody, UpdateEndpointBody, deliveryView, endpointView,
} from './schemas.ts'
import { PageQuery } from '../http/support.ts'

const tags = ['webhooks']
const endpointCursor = singleCursor('webhook_endpoints', 'text')
const deliveryCursor = singleCursor('webhook_deliveries', 'text')
const who = allow('admin', 'ops', 'channel')

export function webhookRoutes({ webhooks, catalogue }: { webhooks: Webhooks; catalogue: Catalogue }): FastifyPluginAsyncTypebox {
  /** A channel token's own channel, by id (its role may name it by code). */
  async function ownerOf(p: Principal): Promise<EndpointOwner> {
    if (p.kind !== 'channel') return { kind: 'staff' }
    const channel = await catalogue.resolveChannel(p.scopeId)
    return { kind: 'channel', channelId: channel?.id ?? p.scopeId }
  }

  return async (app) => {
    app.post('/v1/webhook-endpoints', {
      preHandler: who,
      schema: {
        tags, summary: 'Register a webhook endpoint: events from the outbox are POSTed to it, signed (Standard Webhooks); the secret is answered only now',
        body: CreateEndpointBody, response: { 201: EndpointWithSecret, ...problems },
      },
    }, async (req, reply) => {
      const created = await webhooks.create(await ownerOf(principalOf(req)), req.body)
      if (!created.ok) return sendProblem(reply, created)
      return reply.code(201).send({ ...endpointView(created.value.endpoint), secret: created.value.secret })
    })

    app.get('/v1/webhook-endpoints', {
      preHandler: who,
      schema: { tags, summary: 'Webhook endpoints the caller manages (a channel: its own), in creation order', querystring: PageQuery, response: { 200: EndpointPage, ...problems } },
    }, async (req) => {
      const limit = unwrap(pageLimitOf(req.query))
      const items = await webhooks.list(await ownerOf(principalOf(req)), endpointCursor.after(req.query.cursor), limit)
      return { items: items.map(endpointView), nextCursor: nextCursorOf(items, limit, endpointCursor, (e) => e.id) }
    })

    app.get('/v1/webhook-endpoints/:id', {
      preHandler: who,
      schema: { tags, summary: 'One webhook endpoint (without its secret)', params: EndpointParams, response: { 200: EndpointView, ...problems } },
    }, async (req, reply) => {
      const found = await webhooks.get(await ownerOf(principalOf(req)), req.params.id)
      return found.ok ? endpointView(found.value) : sendProblem(reply, found)
    })

    app.patch('/v1/webhook-endpoints/:id', {
      preHandler: who,
      schema: { tags, summary: 'Change a webhook endpoint’s URL, description, topics, or pause and resume it', params: EndpointParams, body: UpdateEndpointBody, response: { 200: EndpointView, ...problems } },
    }, async (req, reply) => {
      const updated = await webhooks.update(await ownerOf(principalOf(req)), req.params.id, req.body)
      return updated.ok ? endpointView(updated.value) : sendProblem(reply, updated)
    })

    app.delete('/v1/webhook-endpoints/:id', {
      preHandler: who,
      schema: { tags, summary: 'Remove a webhook endpoint with its delivery log', params: EndpointParams, response: { 200: EndpointView, ...problems } },
    }, async (req, reply) => {
      const removed = await webhooks.remove(await ownerOf(principalOf(req)), req.params.id)
      return removed.ok ? endpointView(removed.value) : sendProblem(reply, removed)
    })

    app.post('/v1/webhook-endpoints/:id/rotate-secret', {
      preHandler: who,
      ...bodyOptional,
      schema: {
        tags, summary: 'A new signing secret, answered only now; the previous one keeps signing beside it for the grace period (default 24 h)',
        params: EndpointParams, body: RotateSecretBody, response: { 200: EndpointWithSecret, ...problems },
      },
    }, async (req, reply) => {
      const rotated = await webhooks.rotateSecret(await ownerOf(principalOf(req)), req.params.id, req.body?.graceHours)
      if (!rotated.ok) return sendProblem(reply, rotated)
      return { ...endpointView(rotated.value.endpoint), secret: rotated.value.secret }
    })

    app.get('/v1/webhook-endpoints/:id/deliveries', {
      preHandler: who,
      schema: {
        tags, summary: 'The delivery log: each delivery with its status and every attempt (time, HTTP status, duration, error)',
        params: EndpointParams, querystring: DeliveriesQuery, response: { 200: DeliveryPage, ...problems },
      },
    }, async (req, reply) => {
      const limit = unwrap(pageLimitOf(req.query))
      const page = await webhooks.deliveries(await ownerOf(principalOf(req)), req.params.id, deliveryCursor.after(req.query.cursor), limit, req.query.status)
      if (!page.ok) return sendProblem(reply, page)
      return { items: page.value.map(deliveryView), nextCursor: nextCursorOf(page.value, limit, deliveryCursor, (d) => d.id) }
    })

    app.post('/v1/webhook-endpoints/:id/deliveries/:deliveryId/replay', {
      preHandler: who,
      schema: { tags, summary: 'Send one delivery again: back in the queue, due now, at the start of the retry schedule', params: DeliveryParams, response: { 200: DeliveryView, ...problems } },
    }, async (req, reply) => {
      const replayed = await webhooks.replay(await ownerOf(principalOf(req)), req.params.id, req.params.deliveryId)
      return replayed.ok ? deliveryView(replayed.value) : sendProblem(reply, replayed)
    })

    app.post('/v1/webhook-endpoints/:id/replay', {
      preHandler: who,
      ...bodyOptional,
      schema: { tags, summary: 'Send every failed delivery of the endpoint again (optionally only those since an instant)', params: EndpointParams, body: ReplayBody, response: { 200: ReplayAnswer, ...problems } },
    }, async (req, reply) => {
      const sinceMs = req.body?.since === undefined ? 0 : instantMsOf(req.body.since, 'since')
      const replayed = await webhooks.replayFailed(await ownerOf(principalOf(req)), req.params.id, sinceMs)
      return replayed.ok ? replayed.value : sendProblem(reply, replayed)
    })
  }
}
