/**
 * One series planned (pure): the lead time of the supplier expected to be chosen (its scorecard's
 * measured mean and spread, else what it quotes), the forecast over the protection interval,
 * safety stock, the reorder point a vendor watches, and the suggested order with its explanation.
 * The inventory position comes from stock (on hand less unsellable, reserved and transfer-reserved
 * units), open supply (purchase orders, ASNs and transfers on their way, and approved suggestions
 * whose purchase order is still a draft), backorders (units promised on that supply) and presale
 * units sold on campaign quota. No I/O.
 */
import type { Buckets } from '../kernel/position.ts'
import type { SupplySlot } from '../supply/index.ts'
import type { SkuSource } from '../purchasing/index.ts'
import type { SeriesForecast } from './forecast/index.ts'
import { leadTimeDemandQuantile, leadTimeOf, protectionDaysOf, safetyStock, type InventoryPolicy, type LeadTime, type SafetyStock } from './policy.ts'
import { suggestOrder, type Suggestion } from './suggest.ts'
import { chooseSupplier, type SupplierCandidate, type SupplierGrade } from './supplier-choice.ts'

/** What a supplier's scorecard says about it. */
export interface SupplierRecord {
  grade: SupplierGrade | null
  leadTimeMeanDays: number | null
  leadTimeSdDays: number | null
}

export interface SeriesFacts {
  skuId: string
  nodeId: string
  policy: InventoryPolicy
  forecast: SeriesForecast
  /** The history the forecast used, oldest first (for the empirical lead-time demand of intermittent series). */
  history: Float64Array
  position: Buckets | undefined
  slots: readonly SupplySlot[]
  /** Units of approved suggestions whose purchase order is still a draft: on order, though not yet supply. */
  draftOrderUnits: number
  sources: readonly SkuSource[]
  records: ReadonlyMap<string, SupplierRecord>
}

export interface SeriesPlan {
  suggestion: Suggestion
  leadTime: LeadTime | null
  safetyStock: SafetyStock | null
  /** Expected demand over the lead time plus safety stock (min for min_max): below it, a vendor is told. */
  reorderPointUnits: number
  /** On hand less unsellable, reserved and transfer-reserved units. */
  availableUnits: number
}

/** The horizon a series needs forecast: the longest protection interval any of its suppliers may need, and at least eight weeks. */
export function horizonFor(policy: InventoryPolicy, sources: readonly SkuSource[], records: ReadonlyMap<string, SupplierRecord>): number {
  const longest = Math.max(0, ...sources.map((s) => leadTimeOf(leadTimeSourcesOf(s, records.get(s.supplierId))).meanDays))
  return Math.min(366, Math.max(56, Math.ceil(protectionDaysOf(longest, policy.reviewPeriodDays)) + 1))
}

const leadTimeSourcesOf = (s: SkuSource, r: SupplierRecord | undefined) => ({
  scorecardMeanDays: r?.leadTimeMeanDays ?? null, scorecardSdDays: r?.leadTimeSdDays ?? null, supplierSkuLeadTimeDays: s.quotedLeadTimeDays, supplierDefaultLeadTimeDays: s.quotedLeadTimeDays,
})

/** Σ of a daily series over the first `days` days (a fractional last day counts in part). */
export function sumOver(daily: ArrayLike<number>, days: number): number {
  let total = 0
  const whole = Math.min(Math.floor(days), daily.length)
  for (let i = 0; i < whole; i++) total += daily[i]
  if (whole < daily.length && days > whole) total += daily[whole] * (days - whole)
  return total
}

export function planSeries(f: SeriesFacts): SeriesPlan {
  const candidates: SupplierCandidate[] = f.sources.map((s) => {
    const lead = leadTimeOf(leadTimeSourcesOf(s, f.records.get(s.supplierId)))
    return {
      supplierId: s.supplierId, name: s.supplierName, grade: f.records.get(s.supplierId)?.grade ?? null, unitCost: s.unitCost, currency: s.currency,
      minOrderQuantity: s.minOrderQuantity, packSize: s.packSize, leadTimeMeanDays: lead.meanDays, leadTimeSdDays: lead.sdDays, active: s.active,
    }
  })
  // Safety stock needs the lead time, which is the chosen supplier's: the one the policy would choose for a small order.
  const expected = chooseSupplier({ candidates, fixedSupplierId: f.policy.supplierId ?? null, needUnits: 1 }).chosen
  const source = expected && f.sources.find((s) => s.supplierId === expected.supplierId)
  const leadTime = source ? leadTimeOf(leadTimeSourcesOf(source, f.records.get(source.supplierId))) : null
  const stock = stockTermsOf(f)
  const protectionDays = leadTime ? protectionDaysOf(leadTime.meanDays, f.policy.reviewPeriodDays) : f.policy.reviewPeriodDays
  const forecastOverProtectionUnits = sumOver(f.forecast.mean, protectionDays)
  const demandMeanPerDay = protectionDays > 0 ? forecastOverProtectionUnits / protectionDays : 0
  const ss = leadTime ? safetyStock({
    serviceLevel: f.policy.serviceLevel, reviewPeriodDays: f.policy.reviewPeriodDays, leadTimeMeanDays: leadTime.meanDays, leadTimeSdDays: leadTime.sdDays,
    demandMeanPerDay, demandSdPerDay: f.forecast.dailySd,
    leadTimeDemandQuantileUnits: f.forecast.intermittent ? leadTimeDemandQuantile(Array.from(f.history), protectionDays, f.policy.serviceLevel) : null,
  }) : null
  const safetyStockUnits = ss?.safetyStockUnits ?? 0
  const suggestion = suggestOrder({
    skuId: f.skuId, nodeId: f.nodeId, policy: f.policy, candidates, forecastOverProtectionUnits, safetyStockUnits, ...stock, ...(ss && { safetyStockDetail: ss }),
  })
  const overLead = sumOver(f.forecast.mean, leadTime?.meanDays ?? 0)
  const reorderPointUnits = f.policy.method === 'min_max' ? (f.policy.minUnits ?? 0) : overLead + safetyStockUnits
  return { suggestion, leadTime, safetyStock: ss, reorderPointUnits, availableUnits: stock.onHandUnits - stock.reservedUnits }
}

function stockTermsOf(f: SeriesFacts) {
  const p = f.position
  let openSupplyUnits = f.draftOrderUnits
  let backorderUnits = 0
  let presaleUncoveredUnits = 0
  for (const s of f.slots) {
    if (s.kind === 'presale') {
      presaleUncoveredUnits += Math.max(0, s.promised)
    } else {
      openSupplyUnits += Math.max(0, s.quantity)
      backorderUnits += Math.max(0, s.promised)
    }
  }
  return {
    onHandUnits: p ? p.onHand - p.unsellable : 0,
    reservedUnits: p ? Math.max(0, p.reserved + p.transferReserved) : 0,
    openSupplyUnits, backorderUnits, presaleUncoveredUnits,
  }
}
