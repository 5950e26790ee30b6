import { staff, type ConsolePage } from '../registry.ts'
import { InspectReturn } from './inspect.tsx'
import { ReturnsQueue } from './queue.tsx'
import { ReturnSettings } from './settings.tsx'

/**
 * Returns: staff see every return and set the policy and rules; a store or warehouse sees the
 * returns received at it (and opens one at its counter); a channel its orders' (the API scopes
 * what each is answered). The units are inspected where they were received, or by staff.
 */
export const returnPages: ConsolePage[] = [
  { path: '/returns', roles: ['admin', 'ops', 'store', 'warehouse', 'channel'], nav: { en: 'Returns queue', 'zh-CN': '退货队列' }, component: ReturnsQueue },
  { path: '/returns/settings', roles: staff, nav: { en: 'Return policy and rules', 'zh-CN': '退货政策与规则' }, component: ReturnSettings },
  { path: '/returns/:id/inspect', roles: ['admin', 'ops', 'store', 'warehouse'], component: InspectReturn },
]
