import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type, type TSchema } from '@sinclair/typebox'
import type { NodeScope, NodeScopeOf, Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { allow, bodyOptional, forbidden, Id, principalOf, problems, sendProblem } from '../http/support.ts'
import type { Failure } from '../kernel/result.ts'
import { actorOf, idempotencyOf, inScope, nodeOrFail, notFoundFor, scopedNodeOrFail, skuOrFail } from './access.ts'
import type { Transfer } from './model.ts'
import type { TransferEtaOp, TransferStepOp } from './ops.ts'
import { msOf, sendOutcome } from './respond.ts'
import * as S from './schemas.ts'
import type { Inventory } from './service.ts'
import { transferView } from './views.ts'

const tags = ['transfers']
const movers = allow('admin', 'ops', 'store')

/**
 * A store ships what leaves it and receives what arrives at it; either end may report a new
 * ETA (the sender knows when it ships, the receiver hears from the carrier); staff do anything.
 * A transfer neither end of which is the caller's is not found (403 only for the wrong end of one it sees).
 */
async function stepGuard(nodeScopeOf: NodeScopeOf, p: Principal, step: TransferStepOp['kind'] | TransferEtaOp['kind'], id: string) {
  const scope = await nodeScopeOf(p)
  return (t: Transfer): Failure | undefined => {
    if (!visibleTransfer(scope, t)) return notFoundFor('transfer', id)
    if (step === 'transfer_eta') return undefined
    const own = step === 'transfer_receive' ? t.toNodeId : t.fromNodeId
    return inScope(scope, own) ? undefined : forbidden(p, `${step.replace('transfer_', '')} a transfer at another node`)
  }
}

/** A transfer is the caller's when either end is in its scope. */
const visibleTransfer = (scope: NodeScope, t: Transfer): boolean => inScope(scope, t.fromNodeId) || inScope(scope, t.toNodeId)

/** Transfers between nodes: requested, shipped, received or cancelled, with their ETA. */
export function transferRoutes({ catalogue, inventory, nodeScopeOf }: { catalogue: Catalogue; inventory: Inventory; nodeScopeOf: NodeScopeOf }): FastifyPluginAsyncTypebox {
  /** One step of a transfer, guarded by the caller's end of it. */
  async function step(req: FastifyRequest, id: string, kind: TransferStepOp['kind'], b: { carrier?: string; tracking?: string; eta?: string; receivedQuantity?: number; reason?: string }) {
    return inventory.submit({
      kind, transferId: id, carrier: b.carrier, tracking: b.tracking, etaMs: b.eta ? msOf(b.eta, 'eta') : undefined,
      receivedQuantity: b.receivedQuantity, reason: b.reason ?? null,
      actor: actorOf(req), idem: idempotencyOf(req), guard: await stepGuard(nodeScopeOf, principalOf(req), kind, id),
    })
  }

  return async (app) => {
    app.post('/v1/transfers', {
      preHandler: movers,
      schema: { tags, summary: 'Request a transfer: the units are set aside (T) at the origin', body: S.TransferBody, response: { 201: S.TransferView, ...problems } },
    }, async (req, reply) => {
      const b = req.body
      const p = principalOf(req)
      const sku = await skuOrFail(catalogue, b.sku)
      // A store sends from its own node (another is unknown to it, as a missing one), to any node it names.
      const from = await scopedNodeOrFail(catalogue, nodeScopeOf, p, b.from)
      const to = await nodeOrFail(catalogue, b.to)
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
      const { id } = req.params
      const t = await inventory.transfer(id)
      if (!t || !visibleTransfer(await nodeScopeOf(principalOf(req)), t)) return sendProblem(reply, notFoundFor('transfer', id))
      return transferView(t)
    })

    /** A step's route options; a body with nothing required may be left out. */
    const stepRoute = <B extends TSchema>(summary: string, body: B, optional = false) =>
      ({ preHandler: movers, ...(optional && bodyOptional), schema: { tags, summary, params: Type.Object({ id: Id }), body, response: { 200: S.TransferView, ...problems } } })

    app.post('/v1/transfers/:id/ship', stepRoute('Ship: units leave the origin and are in transit (A) at the destination', S.ShipBody, true),
      async (req, reply) => sendOutcome(reply, await step(req, req.params.id, 'transfer_ship', req.body), 200))
    app.post('/v1/transfers/:id/receive', stepRoute('Receive at the destination; any shortfall is recorded as a discrepancy', S.ReceiveTransferBody),
      async (req, reply) => sendOutcome(reply, await step(req, req.params.id, 'transfer_receive', req.body), 200))
    app.post('/v1/transfers/:id/cancel', stepRoute('Cancel a transfer that has not shipped', S.ReasonBody, true),
      async (req, reply) => sendOutcome(reply, await step(req, req.params.id, 'transfer_cancel', req.body), 200))

    app.post('/v1/transfers/:id/eta', {
      preHandler: movers,
      schema: {
        tags, summary: 'Report a new arrival day for a reserved or shipped transfer; orders promised on it are re-promised',
        params: Type.Object({ id: Id }), body: S.TransferEtaBody, response: { 200: S.TransferView, ...problems },
      },
    }, async (req, reply) => {
      const { id } = req.params
      const b = req.body
      const outcome = await inventory.submit({
        kind: 'transfer_eta', transferId: id, etaMs: Date.parse(`${b.eta}T00:00:00Z`), reason: b.reason,
        actor: actorOf(req), idem: idempotencyOf(req), guard: await stepGuard(nodeScopeOf, principalOf(req), 'transfer_eta', id),
      })
      return sendOutcome(reply, outcome, 200)
    })
  }
}
