import type { ConsolePage } from '../registry.ts'
import { StockPosition } from './position.tsx'
import { StockSearch } from './stock-search.tsx'
import { StockSku } from './stock-sku.tsx'

/** Staff see every node; a store token sees its own node only (the API scopes what it answers). */
const stockRoles = ['admin', 'ops', 'store'] as const

export const stockPages: ConsolePage[] = [
  { path: '/stock', roles: stockRoles, nav: { en: 'Stock', 'zh-CN': '库存' }, component: StockSearch },
  { path: '/stock/:sku', roles: stockRoles, component: StockSku },
  { path: '/stock/:sku/:node', roles: stockRoles, component: StockPosition },
]
