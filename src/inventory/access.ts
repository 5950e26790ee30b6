/** Who may touch which node: the scoping rules for store, channel and supplier tokens. */
import type { FastifyRequest } from 'fastify'
import { idempotencyScope, type Principal } from '../kernel/principal.ts'
import type { Catalogue, Sku, StockNode } from '../catalogue/index.ts'
import { FailureError, type Failure, type NotFoundSubject } from '../kernel/result.ts'
import { fail, type InventoryErrorCode } from './errors.ts'
import { forbidden, idempotencyKeyOf, principalOf, requestHashOf } from '../http/support.ts'
import type { Idempotency } from './ops.ts'

/** Node ids a principal may act on; undefined means every node (staff). */
export async function nodeScope(catalogue: Catalogue, p: Principal): Promise<string[] | undefined> {
  switch (p.kind) {
    case 'admin': case 'ops':
      return undefined
    case 'store': {
      const node = await catalogue.resolveNode(p.scopeId)
      return node && node.kind === 'store' ? [node.id] : []
    }
    case 'channel':
      return (await catalogue.resolveChannel(p.scopeId))?.nodeIds ?? []
    case 'supplier':
      return (await catalogue.listNodes()).filter((n) => n.supplierId === p.scopeId).map((n) => n.id)
  }
}

/**
 * A scoped principal asking about a node outside its scope gets 404 (its existence is not
 * revealed), except stores, which know every node exists and get 403.
 */
export async function requireNodeInScope(catalogue: Catalogue, p: Principal, nodeId: string, what: string): Promise<void> {
  const scope = await nodeScope(catalogue, p)
  if (!scope || scope.includes(nodeId)) return
  throw new FailureError(p.kind === 'store' ? forbidden(p, `${what} at another node`) : fail('node_not_found', `No node '${nodeId}'.`))
}

export async function skuOrFail(catalogue: Catalogue, idOrCode: string, status: 404 | 422 = 422): Promise<Sku> {
  const sku = await catalogue.resolveSku(idOrCode)
  if (!sku) throw new FailureError(fail(status === 404 ? 'sku_not_found' : 'unknown_sku', `No SKU with id or code '${idOrCode}'.`))
  return sku
}

export async function nodeOrFail(catalogue: Catalogue, idOrCode: string, status: 404 | 422 = 422): Promise<StockNode> {
  const node = await catalogue.resolveNode(idOrCode)
  if (!node) throw new FailureError(fail(status === 404 ? 'node_not_found' : 'unknown_node', `No node with id or code '${idOrCode}'.`))
  return node
}

/** The op's idempotency: keys are scoped to the caller's role (the engine adds the kind of request). */
export function idempotencyOf(req: FastifyRequest): Idempotency | undefined {
  const key = idempotencyKeyOf(req)
  if (!key.ok) throw new FailureError(key)
  if (key.value === undefined) return undefined
  return { scopeKey: `${idempotencyScope(principalOf(req))}|${key.value}`, requestHash: requestHashOf(req) }
}

/** `role/tokenId`: who did it, recorded on every movement. */
export const actorOf = (req: FastifyRequest): string => {
  const p = principalOf(req)
  return `${p.role}/${p.tokenId}`
}

export const notFoundFor = (what: NotFoundSubject<InventoryErrorCode>, id: string): Failure => fail(`${what}_not_found`, `No ${what} '${id}'.`)
