import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { NodeScopeOf, Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Clock } from '../kernel/clock.ts'
import { allow, bodyOptional, Id, principalOf, problems, sendProblem, named } from '../http/support.ts'
import { FailureError, type Failure } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { actorOf, idempotencyOf, notFoundFor } from './access.ts'
import type { Reservation } from './model.ts'
import type { ReserveLine } from './ops.ts'
import type { ReserveOutcome } from './run.ts'
import { sendOutcome } from './respond.ts'
import * as S from './schemas.ts'
import type { Inventory } from './service.ts'
import { reservationView } from './views.ts'

const tags = ['reservations']
const reservers = allow('admin', 'ops', 'channel', 'store')

const BulkResult = named('BulkReservationResult', Type.Object({
  lines: Type.Array(Type.Union([
    Type.Object({ ok: Type.Literal(true), reservation: S.ReservationView }),
    Type.Object({ ok: Type.Literal(false), code: Type.String(), detail: Type.String() }),
  ])),
}))

/** What a reservation asks besides its lines: how long to hold, for which channel, and the caller's reference. */
interface HoldRequest {
  holdSeconds?: number
  channel?: string
  reference?: string
}

/** Reservations: held units a channel or store commits when the order ships, or releases. */
export function reservationRoutes({ catalogue, inventory, clock, nodeScopeOf }: { catalogue: Catalogue; inventory: Inventory; clock: Clock; nodeScopeOf: NodeScopeOf }): FastifyPluginAsyncTypebox {
  /** Resolves lines and checks each node is one the caller may sell from (a channel: its active nodes, as its orders). */
  async function resolveLines(p: Principal, lines: Array<{ sku: string; node: string; quantity: number }>): Promise<ReserveLine[]> {
    const scope = await nodeScopeOf(p)
    const resolved: ReserveLine[] = []
    for (const [i, line] of lines.entries()) {
      const where = lines.length > 1 ? { line: i } : undefined
      const sku = await catalogue.resolveSku(line.sku)
      if (!sku) throw new FailureError(fail('unknown_sku', `No SKU with id or code '${line.sku}'.`, where))
      const node = await catalogue.resolveNode(line.node)
      if (!node || (scope && !scope.includes(node.id)) || (p.kind === 'channel' && !node.active)) {
        throw new FailureError(fail('unknown_node', `No node '${line.node}' that this caller sells from.`, where))
      }
      resolved.push({ skuId: sku.id, nodeId: node.id, quantity: line.quantity })
    }
    return resolved
  }

  /**
   * A channel token reserves for itself (another channel is as unknown to it as a missing one);
   * staff may name a channel. A reservation for a channel leaves the channel's safety buffer at
   * each node, as its orders do.
   */
  async function channelOf(p: Principal, named: string | undefined): Promise<{ channelId: string | null; safetyBuffer: number }> {
    if (p.kind === 'channel') {
      const own = await catalogue.resolveChannel(p.scopeId)
      if (named !== undefined && named !== p.scopeId && named !== own?.code && named !== own?.id) {
        throw new FailureError(fail('unknown_channel', `No channel with id or code '${named}'.`))
      }
      return { channelId: own?.id ?? p.scopeId, safetyBuffer: own?.safetyBuffer ?? 0 }
    }
    if (named === undefined) return { channelId: null, safetyBuffer: 0 }
    const channel = await catalogue.resolveChannel(named)
    if (!channel) throw new FailureError(fail('unknown_channel', `No channel with id or code '${named}'.`))
    return { channelId: channel.id, safetyBuffer: channel.safetyBuffer }
  }

  async function reserve(req: FastifyRequest, lines: Array<{ sku: string; node: string; quantity: number }>, atomic: boolean, body: HoldRequest) {
    const p = principalOf(req)
    return inventory.submit({
      kind: 'reserve',
      lines: await resolveLines(p, lines),
      atomic,
      holdUntilMs: body.holdSeconds === undefined ? null : clock.nowMs() + body.holdSeconds * 1000,
      ...(await channelOf(p, body.channel)),
      reference: body.reference ?? null,
      actor: actorOf(req),
      idem: idempotencyOf(req),
    })
  }

  return async (app) => {
    app.post('/v1/reservations', {
      preHandler: reservers,
      schema: {
        tags, summary: 'Reserve units of one SKU at one node; acknowledged only once committed to the database',
        description: 'Send an Idempotency-Key: a retry with the same key and body returns the original reservation.',
        body: S.ReserveBody, response: { 201: S.ReservationView, ...problems },
      },
    }, async (req, reply) => {
      const b = req.body
      const outcome = await reserve(req, [b], true, b)
      return sendOutcome(reply, outcome, 201, (v: ReserveOutcome) => reservationView((v.lines[0] as { value: Reservation }).value))
    })

    app.post('/v1/reservations/bulk', {
      preHandler: reservers,
      schema: {
        tags, summary: 'Reserve up to 1,000 lines in one request, all or nothing (default) or line by line',
        body: S.BulkReserveBody, response: { 201: BulkResult, ...problems },
      },
    }, async (req, reply) => {
      const b = req.body
      const outcome = await reserve(req, b.lines, b.atomic ?? true, b)
      return sendOutcome(reply, outcome, 201, (v: ReserveOutcome) => ({
        lines: v.lines.map((l) => (l.ok ? { ok: true, reservation: reservationView(l.value) } : { ok: false, code: l.code, detail: l.detail })),
      }))
    })

    /** Channels see only their own reservations, stores only their node's; others are 404. */
    async function hiddenFrom(p: Principal, r: Reservation): Promise<boolean> {
      if (p.kind === 'channel') return r.channelId !== (await catalogue.channelIdOf(p))
      const scope = await nodeScopeOf(p)
      return scope !== undefined && !scope.includes(r.nodeId)
    }

    app.get('/v1/reservations/:id', {
      preHandler: reservers,
      schema: { tags, summary: 'One reservation', params: Type.Object({ id: Id }), response: { 200: S.ReservationView, ...problems } },
    }, async (req, reply) => {
      const { id } = req.params
      const r = await inventory.reservation(id)
      if (!r || (await hiddenFrom(principalOf(req), r))) return sendProblem(reply, notFoundFor('reservation', id))
      return reservationView(r)
    })

    for (const step of ['release', 'commit'] as const) {
      app.post(`/v1/reservations/:id/${step}`, {
        preHandler: reservers,
        ...bodyOptional,
        schema: {
          tags,
          summary: step === 'release' ? 'Release a held reservation (order cancelled)' : 'Commit a held reservation: the units ship and leave on hand',
          params: Type.Object({ id: Id }), body: S.ReasonBody, response: { 200: S.ReservationView, ...problems },
        },
      }, async (req, reply) => {
        const { id } = req.params
        const p = principalOf(req)
        const channelId = await catalogue.channelIdOf(p)
        const scope = await nodeScopeOf(p)
        const guard = (r: Reservation): Failure | undefined => {
          const hidden = channelId !== undefined ? r.channelId !== channelId : scope !== undefined && !scope.includes(r.nodeId)
          return hidden ? notFoundFor('reservation', id) : undefined
        }
        const outcome = await inventory.submit({
          kind: step, reservationId: id, reason: req.body.reason ?? (step === 'release' ? 'cancelled' : 'shipped'),
          actor: actorOf(req), idem: idempotencyOf(req), guard,
        })
        return sendOutcome(reply, outcome, 200, reservationView)
      })
    }
  }
}
