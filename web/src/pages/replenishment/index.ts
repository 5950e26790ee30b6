import { staff, type ConsolePage } from '../registry.ts'
import { ForecastPage, ForecastPicker } from './forecast.tsx'
import { ReplenishmentPolicies } from './policies.tsx'
import { ReplenishmentSuggestions } from './suggestions.tsx'

/** Replenishment for staff: suggested purchase orders to decide on, a SKU's forecast, the policies and planned events. The supplier's view is in the portal. */
export const replenishmentPages: ConsolePage[] = [
  { path: '/replenishment', roles: staff, nav: { en: 'Suggestions', 'zh-CN': '补货建议' }, component: ReplenishmentSuggestions },
  { path: '/replenishment/forecast', roles: staff, nav: { en: 'Forecasts', 'zh-CN': '需求预测' }, component: ForecastPicker },
  { path: '/replenishment/forecast/:sku/:node', roles: staff, component: ForecastPage },
  { path: '/replenishment/policies', roles: staff, nav: { en: 'Policies and calendar', 'zh-CN': '策略与日历' }, component: ReplenishmentPolicies },
]
