import type { ConsolePage } from '../registry.ts'
import { ShipmentQueue } from './queue.tsx'

/** Staff see every node's queue; a store or warehouse token its own node's (the API scopes what it answers). */
const shipmentRoles = ['admin', 'ops', 'store', 'warehouse'] as const

export const shipmentPages: ConsolePage[] = [
  { path: '/shipments', roles: shipmentRoles, nav: { en: 'Shipments', 'zh-CN': '发货' }, component: ShipmentQueue },
]
