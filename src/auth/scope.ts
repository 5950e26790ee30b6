/**
 * A scoped role must name something that exists: a token for a channel, store or supplier that
 * is not there sees nothing, which is almost always a typo the admin should hear about. The check
 * is made where people create tokens (the API and the CLI); `Tokens.create` itself stays free of
 * it, so tests and set-up code can still make a token for an unknown scope on purpose.
 */
import type { Catalogue } from '../catalogue/index.ts'
import type { Suppliers } from '../purchasing/index.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import type { Tokens, TokenInfo } from './tokens.ts'
import { parseRole, type NodeScopeOf, type Principal } from '../kernel/principal.ts'

export interface ScopeLookups {
  catalogue: Catalogue
  suppliers: Suppliers
}

/** The name of what a scoped role belongs to (the channel, store or supplier), for people to read; null when there is none. */
export async function scopeNameOf(p: Principal, { catalogue, suppliers }: ScopeLookups): Promise<string | null> {
  switch (p.kind) {
    case 'channel': return (await catalogue.resolveChannel(p.scopeId))?.name ?? null
    case 'store': case 'warehouse': return (await catalogue.resolveNode(p.scopeId))?.name ?? null
    case 'supplier': return (await suppliers.resolve(p.scopeId))?.name ?? null
    default: return null
  }
}

/** Whether the role's scope exists; roles without one (admin, ops, payments:<provider>) and malformed roles pass. */
export async function checkRoleScope(role: string, { catalogue, suppliers }: ScopeLookups): Promise<Result<void>> {
  const p = parseRole(role)
  if (!p) return ok(undefined)
  switch (p.kind) {
    case 'channel':
      if (await catalogue.resolveChannel(p.scopeId)) return ok(undefined)
      return fail('unknown_channel', `No channel with id or code '${p.scopeId}'; create it first, or check the role.`)
    case 'store': {
      const node = await catalogue.resolveNode(p.scopeId)
      if (!node) return fail('unknown_node', `No node with id or code '${p.scopeId}'; create it first, or check the role.`)
      if (node.kind !== 'store') return fail('not_a_store', `Node '${p.scopeId}' is a ${node.kind}, not a store; store:<nodeId> tokens are for stores.`, { nodeKind: node.kind })
      return ok(undefined)
    }
    case 'warehouse': {
      const node = await catalogue.resolveNode(p.scopeId)
      if (!node) return fail('unknown_node', `No node with id or code '${p.scopeId}'; create it first, or check the role.`)
      if (node.kind !== 'warehouse') {
        return fail('not_a_warehouse', `Node '${p.scopeId}' is a ${node.kind}, not a warehouse; warehouse:<nodeId> tokens are for warehouses.`, { nodeKind: node.kind })
      }
      return ok(undefined)
    }
    case 'supplier':
      // A supplier record, or a (dropship) node naming it as its supplier: that node is in the token's scope.
      if (await suppliers.resolve(p.scopeId)) return ok(undefined)
      if ((await catalogue.listNodes()).some((n) => n.supplierId === p.scopeId)) return ok(undefined)
      return fail('unknown_supplier', `No supplier with id or code '${p.scopeId}'; create it first, or check the role.`)
    default:
      return ok(undefined)
  }
}

/** Creates a token after checking its role's scope exists (the API and CLI path). */
export async function createCheckedToken(
  tokens: Tokens,
  lookups: ScopeLookups,
  input: { name: string; role: string },
): Promise<Result<{ token: string; info: TokenInfo }>> {
  const scope = await checkRoleScope(input.role, lookups)
  if (!scope.ok) return scope
  return tokens.create(input)
}

/**
 * Which nodes each role may see and act on; every route asks this one function.
 * - admin, ops: every node.
 * - store:<node>, warehouse:<node>: its own store (warehouse) node only. A transfer names its destination by id or code; the
 *   store sees the other end's id on transfers it is part of, nothing more of other nodes.
 * - channel:<channel>: the nodes the channel sells from.
 * - supplier:<supplier>: the dropship nodes that name it (by its id or code) as their supplier.
 * - payments:<provider>: no node.
 * A scope that names nothing (a deleted channel, a store token for a warehouse) sees no node.
 */
export function nodeScopeRule({ catalogue, suppliers }: ScopeLookups): NodeScopeOf {
  return async (p) => {
    switch (p.kind) {
      case 'admin': case 'ops':
        return undefined
      case 'store': case 'warehouse': {
        const node = await catalogue.resolveNode(p.scopeId)
        return node && node.kind === p.kind ? [node.id] : []
      }
      case 'channel':
        return (await catalogue.resolveChannel(p.scopeId))?.nodeIds ?? []
      case 'supplier': {
        const supplier = await suppliers.resolve(p.scopeId)
        const names = new Set([p.scopeId, supplier?.id, supplier?.code])
        return (await catalogue.listNodes()).filter((n) => n.kind === 'dropship' && n.supplierId !== null && names.has(n.supplierId)).map((n) => n.id)
      }
      case 'payments':
        return []
    }
  }
}
