/** Resolving the nodes, SKUs and idempotency of an inventory request, within the caller's node scope. */
import type { FastifyRequest } from 'fastify'
import { idempotencyScope, type NodeScope, type NodeScopeOf, type Principal } from '../kernel/principal.ts'
import type { Catalogue, Sku, StockNode } from '../catalogue/index.ts'
import { FailureError, type Failure, type NotFoundSubject } from '../kernel/result.ts'
import { fail, type InventoryErrorCode } from './errors.ts'
import { idempotencyKeyOf, principalOf, requestHashOf } from '../http/support.ts'
import type { Idempotency } from './ops.ts'

/**
 * The node a request names, if this caller may see it (the scope comes from the one rule, auth's
 * nodeScopeRule). A node outside the caller's scope fails exactly as a missing one, same code and
 * text, so its existence is not revealed: 404 `node_not_found` in a path, 422 `unknown_node` in a body.
 */
export async function scopedNodeOrFail(catalogue: Catalogue, scopeOf: NodeScopeOf, p: Principal, idOrCode: string, status: 404 | 422 = 422): Promise<StockNode> {
  const node = await catalogue.resolveNode(idOrCode)
  const scope = node && (await scopeOf(p))
  if (node && (!scope || scope.includes(node.id))) return node
  throw new FailureError(missingNode(idOrCode, status))
}

const missingNode = (idOrCode: string, status: 404 | 422): Failure =>
  fail(status === 404 ? 'node_not_found' : 'unknown_node', `No node with id or code '${idOrCode}'.`)

/** Whether a node is in the scope (undefined: every node). */
export const inScope = (scope: NodeScope, nodeId: string): boolean => !scope || scope.includes(nodeId)

export async function skuOrFail(catalogue: Catalogue, idOrCode: string, status: 404 | 422 = 422): Promise<Sku> {
  const sku = await catalogue.resolveSku(idOrCode)
  if (!sku) throw new FailureError(fail(status === 404 ? 'sku_not_found' : 'unknown_sku', `No SKU with id or code '${idOrCode}'.`))
  return sku
}

export async function nodeOrFail(catalogue: Catalogue, idOrCode: string, status: 404 | 422 = 422): Promise<StockNode> {
  const node = await catalogue.resolveNode(idOrCode)
  if (!node) throw new FailureError(missingNode(idOrCode, status))
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
