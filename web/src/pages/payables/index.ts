import { staff, type ConsolePage } from '../registry.ts'
import { PayablesAgeing } from './ageing.tsx'
import { PayablesExceptions } from './exceptions.tsx'
import { PayablesInvoice, PayablesInvoices, PayablesNewInvoice } from './invoices.tsx'
import { PayablesRuns } from './runs.tsx'
import { PayablesStatement } from './statement.tsx'

/** Supplier payables for staff: invoices and their three-way match, the exceptions queue, payment runs, ageing and cash need, a supplier's statement. The supplier's own view is in the portal. */
export const payablesPages: ConsolePage[] = [
  { path: '/payables/invoices', roles: staff, nav: { en: 'Supplier invoices', 'zh-CN': '供应商发票' }, component: PayablesInvoices },
  { path: '/payables/invoices/new', roles: staff, component: PayablesNewInvoice },
  { path: '/payables/invoices/:id', roles: staff, component: PayablesInvoice },
  { path: '/payables/exceptions', roles: staff, nav: { en: 'Exceptions queue', 'zh-CN': '异常队列' }, component: PayablesExceptions },
  { path: '/payables/runs', roles: staff, nav: { en: 'Payment runs', 'zh-CN': '付款批次' }, component: PayablesRuns },
  { path: '/payables/ageing', roles: staff, nav: { en: 'Ageing and due', 'zh-CN': '账龄与到期' }, component: PayablesAgeing },
  { path: '/payables/statement', roles: staff, nav: { en: 'Supplier statement', 'zh-CN': '供应商对账单' }, component: PayablesStatement },
]
