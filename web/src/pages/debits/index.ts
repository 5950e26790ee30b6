import { staff, type ConsolePage } from '../registry.ts'
import { SupplierDebits } from './debits.tsx'
import { PortalChargebacks } from './chargebacks.tsx'

/** Debits against suppliers: staff's list and credit notes, and the supplier's own in its portal with the orders behind each chargeback. */
export const debitPages: ConsolePage[] = [
  { path: '/payables/debits', roles: staff, nav: { en: 'Supplier debits', 'zh-CN': '供应商扣款' }, component: SupplierDebits },
  { path: '/portal/chargebacks', roles: ['supplier'], nav: { en: 'Debits and chargebacks', 'zh-CN': '扣款与延误索赔' }, component: PortalChargebacks },
]
