import { staff, type ConsolePage } from '../registry.ts'
import { PurchaseOrders } from './orders.tsx'
import { PurchaseOrderPage } from './order.tsx'
import { SupplyPage } from './supply.tsx'
import { SupplierPage, Suppliers } from './suppliers.tsx'

/** Purchasing: purchase orders and receiving, the supply view, suppliers and their scorecards. */
export const purchasingPages: ConsolePage[] = [
  { path: '/purchasing/orders', roles: staff, nav: { en: 'Purchase orders', 'zh-CN': '采购订单' }, component: PurchaseOrders },
  { path: '/purchasing/orders/:id', roles: staff, component: PurchaseOrderPage },
  { path: '/purchasing/supply', roles: staff, nav: { en: 'Supply', 'zh-CN': '供给' }, component: SupplyPage },
  { path: '/purchasing/suppliers', roles: staff, nav: { en: 'Suppliers', 'zh-CN': '供应商' }, component: Suppliers },
  { path: '/purchasing/suppliers/:id', roles: staff, component: SupplierPage },
]
