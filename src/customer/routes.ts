/**
 * Public customer routes, reached without a bearer token. The order status routes take the
 * order's status token in the path (unknown or forged: 404 `order_not_found`, the same answer
 * as for an order that does not exist); the only change they allow is accepting a delay offer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems, sendResult } from '../http/support.ts'
import type { CustomerStatus } from './status.ts'
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
