import { staff, type ConsolePage } from '../registry.ts'
import { CostsPage } from './costs.tsx'

/** Costs: inventory valuation, a SKU's moving-average cost, landed cost on a receipt. */
export const costPages: ConsolePage[] = [
  { path: '/costs', roles: staff, nav: { en: 'Costs', 'zh-CN': '成本' }, component: CostsPage },
]
