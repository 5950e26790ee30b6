import type { FastifyInstance } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Services } from '../services.ts'
import type { Principal } from '../auth/index.ts'
import { allow, forbidden, Id, principalOf, problems, sendProblem } from '../http/support.ts'
import { FailureError, type Failure } from '../kernel/result.ts'
import { actorOf, idempotencyOf, nodeOrFail, nodeScope, notFoundFor, skuOrFail } from './access.ts'
import type { Transfer } from './model.ts'
import type { TransferEtaOp, TransferStepOp } from './ops.ts'
import { msOf, sendOutcome } from './respond.ts'
import * as S from './schemas.ts'
import { transferView } from './views.ts'

const tags = ['transfers']
const movers = allow('admin', 'ops', 'store')

/**
 * A store ships what leaves it and receives what arrives at it; either end may report a new
 * ETA (the sender knows when it ships, the receiver hears from the carrier); staff do anything.
 */
async function stepGuard(services: Services, p: Principal, step: TransferStepOp['kind'] | TransferEtaOp['kind'], id: string) {
  const scope = await nodeScope(services.catalogue, p)
  return (t: Transfer): Failure | undefined => {
    if (!scope) return undefined
    if (!scope.includes(t.fromNodeId) && !scope.includes(t.toNodeId)) return notFoundFor('transfer', id)
    if (step === 'transfer_eta') return undefined
    const own = step === 'transfer_receive' ? t.toNodeId : t.fromNodeId
    return scope.includes(own) ? undefined : forbidden(p, `${step.replace('transfer_', '')} a transfer at another node`)
  }
}

export function registerTransferRoutes(app: FastifyInstance, services: Services): void {
  const { catalogue, inventory } = services

  app.post('/v1/transfers', {
    preHandler: movers,
    schema: { tags, summary: 'Request a transfer: the units are set aside (T) at the origin', body: S.TransferBody, response: { 201: S.TransferView, ...problems } },
  }, async (req, reply) => {
    const b = req.body as Static<typeof S.TransferBody>
    const p = principalOf(req)
    const sku = await skuOrFail(catalogue, b.sku)
    const from = await nodeOrFail(catalogue, b.from)
    const to = await nodeOrFail(catalogue, b.to)
    const scope = await nodeScope(catalogue, p)
    if (scope && !scope.includes(from.id)) throw new FailureError(forbidden(p, 'send a transfer from another node'))
    const outcome = await inventory.submit({
      kind: 'transfer_create', skuId: sku.id, fromNodeId: from.id, toNodeId: to.id, quantity: b.quantity,
      etaMs: msOf(b.eta, 'eta'), actor: actorOf(req), idem: idempotencyOf(req),
    })
    return sendOutcome(reply, outcome, 201)
  })

  app.get('/v1/transfers/:id', {
    preHandler: movers,
    schema: { tags, summary: 'One transfer', params: Type.Object({ id: Id }), response: { 200: S.TransferView, ...problems } },
  }, async (req, reply) => {
    const { id } = req.params as { id: string }
    const t = await inventory.transfer(id)
    const scope = await nodeScope(catalogue, principalOf(req))
    if (!t || (scope && !scope.includes(t.fromNodeId) && !scope.includes(t.toNodeId))) return sendProblem(reply, notFoundFor('transfer', id))
    return transferView(t)
  })

  const steps = [
    ['ship', 'transfer_ship', 'Ship: units leave the origin and are in transit (A) at the destination', S.ShipBody],
    ['receive', 'transfer_receive', 'Receive at the destination; any shortfall is recorded as a discrepancy', S.ReceiveTransferBody],
    ['cancel', 'transfer_cancel', 'Cancel a transfer that has not shipped', S.ReasonBody],
  ] as const
  for (const [path, kind, summary, body] of steps) {
    app.post(`/v1/transfers/:id/${path}`, {
      preHandler: movers,
      schema: { tags, summary, params: Type.Object({ id: Id }), body: kind === 'transfer_receive' ? body : Type.Optional(body), response: { 200: S.TransferView, ...problems } },
    }, async (req, reply) => {
      const { id } = req.params as { id: string }
      const b = (req.body ?? {}) as { carrier?: string; tracking?: string; eta?: string; receivedQuantity?: number; reason?: string }
      const outcome = await inventory.submit({
        kind, transferId: id, carrier: b.carrier, tracking: b.tracking, etaMs: b.eta ? msOf(b.eta, 'eta') : undefined,
        receivedQuantity: b.receivedQuantity, reason: b.reason ?? null,
        actor: actorOf(req), idem: idempotencyOf(req), guard: await stepGuard(services, principalOf(req), kind, id),
      })
      return sendOutcome(reply, outcome, 200)
    })
  }

  app.post('/v1/transfers/:id/eta', {
    preHandler: movers,
    schema: {
      tags, summary: 'Report a new arrival day for a reserved or shipped transfer; orders promised on it are re-promised',
      params: Type.Object({ id: Id }), body: S.TransferEtaBody, response: { 200: S.TransferView, ...problems },
    },
  }, async (req, reply) => {
    const { id } = req.params as { id: string }
    const b = req.body as Static<typeof S.TransferEtaBody>
    const outcome = await inventory.submit({
      kind: 'transfer_eta', transferId: id, etaMs: Date.parse(`${b.eta}T00:00:00Z`), reason: b.reason,
      actor: actorOf(req), idem: idempotencyOf(req), guard: await stepGuard(services, principalOf(req), 'transfer_eta', id),
    })
    return sendOutcome(reply, outcome, 200)
  })
}
