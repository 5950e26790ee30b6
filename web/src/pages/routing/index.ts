import { staff, type ConsolePage } from '../registry.ts'
import { RoutingPage } from './routing-page.tsx'

export const routingPages: ConsolePage[] = [
  { path: '/routing', roles: staff, nav: { en: 'Routing', 'zh-CN': '路由' }, component: RoutingPage },
]
