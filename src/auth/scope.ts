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
import { parseRole } from '../kernel/principal.ts'

export interface ScopeLookups {
  catalogue: Catalogue
  suppliers: Suppliers
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
