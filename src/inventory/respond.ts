import type { FastifyReply } from 'fastify'
import { sendProblem } from '../http/support.ts'
import type { Outcome } from './engine.ts'

/** Sends an engine outcome: the (optionally re-shaped) value, a replay marker, or problem+json. */
export function sendOutcome(reply: FastifyReply, outcome: Outcome, status: number, view: (value: any) => unknown = (v) => v): FastifyReply {
  if (!outcome.result.ok) return sendProblem(reply, outcome.result)
  if (outcome.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(status).send(view(outcome.result.value))
}

export const msOf = (iso: string | undefined): number | null => (iso === undefined ? null : Date.parse(iso))
