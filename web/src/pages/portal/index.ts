import type { ConsolePage } from '../registry.ts'
import { PortalDropship } from './dropship.tsx'
import { PortalLines } from './lines.tsx'
import { PortalPurchaseOrder } from './po.tsx'
import { PortalReplenishment } from './replenishment.tsx'
import { PortalScorecard } from './scorecard.tsx'
import { PortalInvoice, PortalInvoices } from './invoices.tsx'
import { PortalStatement } from './statement.tsx'

/** The supplier portal: open lines by customer urgency, answering and shipping an order, dropship requests, the supplier's scorecard, its SKUs' stock and forecast at the merchant's nodes. Staff may open the lines and orders too. */
export const portalPages: ConsolePage[] = [
  { path: '/portal/lines', roles: ['supplier', 'admin', 'ops'], nav: { en: 'Open lines by urgency', 'zh-CN': '按紧急程度的未结行' }, component: PortalLines },
  { path: '/portal/dropship', roles: ['supplier', 'admin', 'ops'], nav: { en: 'Dropship requests', 'zh-CN': '代发请求' }, component: PortalDropship },
  { path: '/portal/orders/:id', roles: ['supplier', 'admin', 'ops'], component: PortalPurchaseOrder },
  // Staff open a supplier's view by link (?supplier=); only the supplier has it in its navigation.
  { path: '/portal/replenishment', roles: ['supplier', 'admin', 'ops'], navRoles: ['supplier'], nav: { en: 'Stock at our nodes', 'zh-CN': '我方各节点库存' }, component: PortalReplenishment },
  { path: '/portal/scorecard', roles: ['supplier'], nav: { en: 'Scorecard', 'zh-CN': '评分卡' }, component: PortalScorecard },
  { path: '/portal/invoices', roles: ['supplier'], nav: { en: 'Invoices', 'zh-CN': '发票' }, component: PortalInvoices },
  { path: '/portal/invoices/:id', roles: ['supplier'], component: PortalInvoice },
  { path: '/portal/statement', roles: ['supplier'], nav: { en: 'Statement', 'zh-CN': '对账单' }, component: PortalStatement },
]
