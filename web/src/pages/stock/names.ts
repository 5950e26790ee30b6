/**
 * Codes and names for the ids the API answers with (SKUs, nodes, channels), so pages show
 * `WH-E · Shanghai DC` rather than a UUID. One page of each list is enough for a console's
 * catalogue; an id missing from it is shown as it is.
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import type { Session } from '../../session.tsx'

export type Sku = components['schemas']['Sku']
export type Node = components['schemas']['Node']

export interface Names {
  sku: (id: string) => string
  node: (id: string) => string
  nodes: readonly Node[]
}

const largestPage = '500'

/** SKUs and the nodes the token may see (the API scopes the node list: a store sees its own). */
export async function loadNames(session: Session): Promise<Names> {
  const [skus, nodes] = await Promise.all([
    ok(session.api.GET('/v1/skus', { params: { query: { limit: largestPage } } })),
    ok(session.api.GET('/v1/nodes', { params: { query: { limit: largestPage } } })),
  ])
  const skuCodes = new Map(skus.items.map((s) => [s.id, s.code]))
  const nodeCodes = new Map(nodes.items.map((n) => [n.id, n.code]))
  return {
    sku: (id) => skuCodes.get(id) ?? id,
    node: (id) => nodeCodes.get(id) ?? id,
    nodes: nodes.items,
  }
}

/** What a page shows until the names have loaded: the ids themselves. */
export const idsOnly: Names = { sku: (id) => id, node: (id) => id, nodes: [] }
