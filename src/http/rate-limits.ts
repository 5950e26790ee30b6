/**
 * Requests a second per client address and per verified token, counted by @fastify/rate-limit's
 * in-process store. An address is checked before the token is verified (so guessing tokens is
 * limited too); a token after, keyed by its id, so every process and address using it shares one
 * count per process. Over the limit: 429 `rate_limited` with Retry-After.
 */
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { fail } from './errors.ts'
import { sendProblem } from './support.ts'

export interface RateLimits {
  /** Requests a second for one token; 0 switches the limit off. */
  perTokenPerSecond: number
  /** Requests a second from one client address; 0 switches the limit off. */
  perAddressPerSecond: number
}

export const noRateLimits: RateLimits = { perTokenPerSecond: 0, perAddressPerSecond: 0 }

/** Answers the 429 and returns true when `req` is over a limit; false when it may go on. */
export type RateCheck = (req: FastifyRequest, reply: FastifyReply) => Promise<boolean>

const unlimited: RateCheck = async () => false

export interface RateChecks {
  byAddress: RateCheck
  byToken: RateCheck
  /** Both limits are off: the request path may skip them without a promise. */
  off: boolean
}

export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<RateChecks> {
  if (limits.perAddressPerSecond === 0 && limits.perTokenPerSecond === 0) return { byAddress: unlimited, byToken: unlimited, off: true }
  await app.register(rateLimit, { global: false })
  const check = (perSecond: number, what: string, keyOf: (req: FastifyRequest) => string): RateCheck => {
    if (perSecond === 0) return unlimited
    const limiter = app.createRateLimit({ max: perSecond, timeWindow: 1000, keyGenerator: keyOf })
    return async (req, reply) => {
      const verdict = await limiter(req)
      if (verdict.isAllowed || !verdict.isExceeded) return false
      const retryAfterSeconds = Math.max(1, verdict.ttlInSeconds)
      reply.header('retry-after', String(retryAfterSeconds))
      sendProblem(reply, fail('rate_limited', `More than ${perSecond} requests a second ${what}; retry after ${retryAfterSeconds} s.`, { limitPerSecond: perSecond, retryAfterSeconds }))
      return true
    }
  }
  return {
    off: false,
    byAddress: check(limits.perAddressPerSecond, 'from this address', (req) => `address:${req.ip}`),
    byToken: check(limits.perTokenPerSecond, 'with this token', (req) => `token:${req.principal?.tokenId ?? ''}`),
  }
}
