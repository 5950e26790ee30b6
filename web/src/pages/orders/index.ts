import type { ConsolePage } from '../registry.ts'
import { OrderDetail } from './order-detail.tsx'
import { OrderList } from './order-list.tsx'

/** Staff see every order; a channel token sees its own channel's (the API scopes what it answers). */
const orderRoles = ['admin', 'ops', 'channel'] as const

export const orderPages: ConsolePage[] = [
  { path: '/orders', roles: orderRoles, nav: { en: 'Orders', 'zh-CN': '订单' }, component: OrderList },
  { path: '/orders/:id', roles: orderRoles, component: OrderDetail },
]
