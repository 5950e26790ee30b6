/**
 * Public customer routes, reached without a bearer token. The order status routes take the
 * order's status token in the path (unknown or forged: 404 `order_not_found`, the same answer
 * as for an order that does not exist); the only change they allow is accepting a delay offer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems, sendResult } from '../http/support.ts'
import type { CustomerStatus } from './status.ts'
import type { ShopperPromises } from './promise.ts'
import * as S from './schemas.ts'

const tags = ['customer']
/** No bearer token: the link is the credential. */
const publicRoute = { config: { public: true, limitedByAddress: true } } as const
const noBearer: Array<Record<string, string[]>> = []

/** The customer's order status page data, and cancelling while a delay offer is open. */
export function customerStatusRoutes({ status }: { status: CustomerStatus }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/v1/order-status/:token', {
      ...publicRoute,
      schema: {
        tags, security: noBearer, summary: 'One order as its customer sees it, through the status link the shop was given at placement',
        description: 'Promised dates (and the first promise), each line’s availability, what was paid and is due, delays with their reason, new date and compensation, and the messages sent. No token header: the status token in the path is the credential.',
        params: S.TokenParams, response: { 200: S.CustomerOrderStatus, ...problems },
      },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return sendResult(reply, await status.read(req.params.token))
    })

    app.post('/v1/order-status/:token/cancel', {
      ...publicRoute,
      schema: {
        tags, security: noBearer, summary: 'Accept the delay offer: cancel the order for a full refund, deposit included, while the offer is open',
        params: S.TokenParams, response: { 200: S.CustomerOrderStatus, ...problems },
      },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return sendResult(reply, await status.cancelForDelay(req.params.token))
    })
  }
}

/** How long a shop's page (or a CDN) may keep a promise: stock changes by the second in a sale, a minute is the most a page may lag. */
const promiseMaxAgeSeconds = 30

/** The promise the shop widget shows: public, any origin may read it. */
export function promiseRoutes({ promises }: { promises: ShopperPromises }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/v1/promise', {
      ...publicRoute,
      // Set before anything can refuse, so a shop's page can read the 400 or 404 too.
      onRequest: (_req, reply, done) => {
        reply.header('access-control-allow-origin', '*')
        done()
      },
      schema: {
        tags, security: noBearer, summary: 'What a shop may promise its shopper for a SKU: in stock, sold ahead on future supply, presale, or unavailable, with the dates',
        description: 'For the `<sellahead-promise>` widget: no token, any origin (`Access-Control-Allow-Origin: *`), cacheable for a few seconds. Computed as placing an order allocates; never says how many units or where.',
        querystring: S.PromiseQuery, response: { 200: S.ShopperPromise, ...problems },
      },
    }, async (req, reply) => {
      const q = req.query
      const answer = await promises.promise({ sku: q.sku, channel: q.channel, region: q.region ?? null, quantity: Number(q.quantity ?? '1') })
      if (answer.ok) reply.header('cache-control', `public, max-age=${promiseMaxAgeSeconds}`)
      return sendResult(reply, answer)
    })
  }
}
