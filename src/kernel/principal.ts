/** Who is calling, parsed from a token's role string: every context authorises by it, so it lives in the kernel. */
export type Principal =
  | { kind: 'admin'; tokenId: string; role: string }
  | { kind: 'ops'; tokenId: string; role: string }
  | { kind: 'channel'; tokenId: string; role: string; scopeId: string }
  | { kind: 'store'; tokenId: string; role: string; scopeId: string }
  /** A warehouse's users: its shipments work queue. */
  | { kind: 'warehouse'; tokenId: string; role: string; scopeId: string }
  | { kind: 'supplier'; tokenId: string; role: string; scopeId: string }
  /** A payment provider reporting payments and refunds; `scopeId` is the provider's name. */
  | { kind: 'payments'; tokenId: string; role: string; scopeId: string }

export type RoleKind = Principal['kind']

const scoped = /^(channel|store|warehouse|supplier|payments):([A-Za-z0-9_.-]{1,80})$/

/** `admin`, `ops`, `channel:<id>`, `store:<nodeId>`, `warehouse:<nodeId>`, `supplier:<id>`, `payments:<provider>`; anything else is invalid. */
export function parseRole(role: string, tokenId = ''): Principal | undefined {
  if (role === 'admin' || role === 'ops') return { kind: role, tokenId, role }
  const match = scoped.exec(role)
  if (!match) return undefined
  return { kind: match[1] as 'channel' | 'store' | 'warehouse' | 'supplier' | 'payments', tokenId, role, scopeId: match[2] }
}

/** Staff roles see and do everything in inventory and catalogue; admin alone manages tokens. */
export const isStaff = (p: Principal): boolean => p.kind === 'admin' || p.kind === 'ops'

/** Idempotency keys are scoped to the caller so two channels can never collide. */
export const idempotencyScope = (p: Principal): string => p.role

/**
 * The nodes a principal may see and act on: undefined for every node (staff), otherwise exactly
 * these ids. Anything outside is answered as if it did not exist.
 */
export type NodeScope = readonly string[] | undefined

/** The one rule deciding a principal's NodeScope (auth/scope.ts), handed to every route that needs it. */
export type NodeScopeOf = (p: Principal) => Promise<NodeScope>
