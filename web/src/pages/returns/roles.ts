/** Who does what with returns: staff decide, node users (store, warehouse) receive and inspect at their node, a channel speaks for its customer. */
import type { RoleKind } from '../../session.tsx'

export const isStaff = (kind: RoleKind): boolean => kind === 'admin' || kind === 'ops'
export const isNode = (kind: RoleKind): boolean => kind === 'store' || kind === 'warehouse'
