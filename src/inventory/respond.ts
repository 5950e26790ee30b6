import type { FastifyReply } from 'fastify'
import { sendProblem } from '../http/support.ts'
import { instantMsOf } from '../http/dates.ts'
import type { Outcome } from './engine.ts'

/** Sends an engine outcome: the (optionally re-shaped) value, a replay marker, or problem+json. */
export function sendOutcome(reply: FastifyReply, outcome: Outcome, status: number, view: (value: any) => unknown = (v) => v): FastifyReply {
  if (!outcome.result.ok) return sendProblem(reply, outcome.result)
  if (outcome.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(status).send(view(outcome.result.value))
}

/** An optional body instant as epoch ms (null when absent); an unreadable one is a 400 naming `field`. */
export const msOf = (iso: string | undefined, field: string): number | null => (iso === undefined ? null : instantMsOf(iso, field))
