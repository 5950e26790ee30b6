/**
 * The demo's replenishment: four months of demand history for the demo SKUs at its warehouses
 * (a weekly rhythm, promotions that lift it, deterministic), Double 11 planned as a peak, and a
 * recompute, so the console's suggestions, forecasts and dashboard have something to show.
 */
import type { Sku, StockNode } from '../catalogue/index.ts'
import { dayMs, epochDayOf, isoDayOf } from './model.ts'
import type { Replenishment } from './service.ts'

const historyDays = 120

export async function seedDemoReplenishment(replenishment: Replenishment, skus: readonly Sku[], nodes: readonly StockNode[], nowMs: number): Promise<number> {
  let seed = 1111
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const today = epochDayOf(nowMs)
  const warehouses = nodes.filter((n) => n.kind === 'warehouse')
  const history = ['sku,node,date,quantity']
  const calendar = ['sku,node,date,kind,uplift_pct']
  for (const sku of skus) {
    for (const node of warehouses) {
      const level = 2 + Math.floor(random() * 30)
      for (let day = today - historyDays; day < today; day++) {
        const weekday = new Date(day * dayMs).getUTCDay()
        const promotion = day % 14 < 2
        const mean = level * (weekday === 0 || weekday === 6 ? 1.4 : 1) * (promotion ? 1.6 : 1)
        history.push(`${sku.id},${node.id},${isoDayOf(day)},${Math.max(0, Math.round(mean * (0.7 + random() * 0.6)))}`)
        if (promotion && sku === skus[0]) calendar.push(`*,${node.id},${isoDayOf(day)},promotion,`)
      }
    }
  }
  const double11 = new Date(nowMs)
  const year = double11.getUTCMonth() > 10 || (double11.getUTCMonth() === 10 && double11.getUTCDate() > 11) ? double11.getUTCFullYear() + 1 : double11.getUTCFullYear()
  calendar.push(`*,*,${year}-11-11,peak,300`)
  await replenishment.importDemandHistory(history.join('\n'))
  await replenishment.importCalendar(calendar.join('\n'), 'demo')
  return (await replenishment.recomputeNow({})).suggestionsMade
}
