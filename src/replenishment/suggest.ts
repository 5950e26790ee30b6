/**
 * A suggested purchase order line for one need (a SKU at a node): how many units the policy asks
 * for, term by term; the supplier it goes to (supplier-choice.ts); the quantity rounded to that
 * supplier's minimum order and pack; and the lines grouped into one order per supplier and
 * destination. Every figure a buyer needs to see why is in the explanation. Pure.
 */
import { invariant } from '../kernel/result.ts'
import { inventoryLevels, type InventoryLevels, type InventoryPolicy, type SafetyStock } from './policy.ts'
import { chooseSupplier, roundOrderQuantity, type Rounding, type SupplierCandidate, type SupplierChoice } from './supplier-choice.ts'

export { roundOrderQuantity, type Rounding } from './supplier-choice.ts'

export interface NeedInput {
  policy: InventoryPolicy
  /** Σ forecast mean over the protection interval (lead time + review period), from the forecast. */
  forecastOverProtectionUnits: number
  safetyStockUnits: number
  onHandUnits: number
  reservedUnits: number
  /** Units on open purchase orders and other inbound supply not yet received. */
  openSupplyUnits: number
  backorderUnits: number
  /** Units sold ahead in presale campaigns that no supply covers yet. */
  presaleUncoveredUnits: number
}

export type NeedTermName =
  | 'forecastOverProtection' | 'safetyStock' | 'maxUnits' | 'onHand' | 'reserved' | 'openSupply' | 'backorders' | 'presaleUncovered'

/** One term of the need: it adds `sign × units`. */
export interface NeedTerm {
  name: NeedTermName
  units: number
  sign: 1 | -1
}

export interface Need {
  method: InventoryPolicy['method']
  levels: InventoryLevels
  /** The terms in the order of the sum; their signed total is `rawNeedUnits`. */
  terms: NeedTerm[]
  /** onHand − reserved + openSupply − backorders. */
  inventoryPositionUnits: number
  /** The position less uncovered presale units: what is compared with the reorder point or min. */
  netPositionUnits: number
  /** Order-up-to level, reorder point or max: what an order brings the net position back to. */
  targetUnits: number
  /** reorder_point and min_max order only when the net position is at or below this level; order_up_to always reviews. */
  trigger: { levelUnits: number; triggered: boolean } | null
  rawNeedUnits: number
  /** The positive part of the raw need, rounded up to a whole unit; 0 when the trigger did not fire. */
  needUnits: number
}

// Forecast figures are floats: 36.0000000001 units is 36, not 37.
const wholeUnitsTolerance = 1e-9
const wholeUnitsUp = (units: number): number => Math.max(0, Math.ceil(units - wholeUnitsTolerance))

function checkNeedInput(input: NeedInput): void {
  const { forecastOverProtectionUnits, safetyStockUnits, reservedUnits, openSupplyUnits, backorderUnits, presaleUncoveredUnits } = input
  for (const [name, value] of Object.entries({ forecastOverProtectionUnits, safetyStockUnits, reservedUnits, openSupplyUnits, backorderUnits, presaleUncoveredUnits })) {
    invariant(Number.isFinite(value) && value >= 0, `${name} must be a finite number ≥ 0, not ${value}`)
  }
  // On hand may be negative where a node oversold; it must still be a number.
  invariant(Number.isFinite(input.onHandUnits), `onHandUnits must be finite, not ${input.onHandUnits}`)
}

/**
 * need = target − (onHand − reserved + openSupply − backorders) + presaleUncovered, where the
 * target is forecast over the protection interval + safety stock (max for min_max); positive part
 * only, in whole units. reorder_point orders only when the net position is at or below the reorder
 * point; min_max only when it is at or below min, and then up to max.
 */
export function needOf(input: NeedInput): Need {
  checkNeedInput(input)
  const { policy, onHandUnits, reservedUnits, openSupplyUnits, backorderUnits, presaleUncoveredUnits } = input
  const levels = inventoryLevels(policy, input)
  const inventoryPositionUnits = onHandUnits - reservedUnits + openSupplyUnits - backorderUnits
  const netPositionUnits = inventoryPositionUnits - presaleUncoveredUnits
  const targetTerms: NeedTerm[] = levels.method === 'min_max'
    ? [{ name: 'maxUnits', units: levels.maxUnits, sign: 1 }]
    : [{ name: 'forecastOverProtection', units: input.forecastOverProtectionUnits, sign: 1 }, { name: 'safetyStock', units: input.safetyStockUnits, sign: 1 }]
  const terms: NeedTerm[] = [
    ...targetTerms,
    { name: 'onHand', units: onHandUnits, sign: -1 },
    { name: 'reserved', units: reservedUnits, sign: 1 },
    { name: 'openSupply', units: openSupplyUnits, sign: -1 },
    { name: 'backorders', units: backorderUnits, sign: 1 },
    { name: 'presaleUncovered', units: presaleUncoveredUnits, sign: 1 },
  ]
  const targetUnits = levels.method === 'min_max' ? levels.maxUnits : levels.method === 'reorder_point' ? levels.reorderPointUnits : levels.orderUpToUnits
  const triggerLevel = levels.method === 'min_max' ? levels.minUnits : levels.method === 'reorder_point' ? levels.reorderPointUnits : null
  const trigger = triggerLevel === null ? null : { levelUnits: triggerLevel, triggered: netPositionUnits <= triggerLevel }
  const rawNeedUnits = targetUnits - netPositionUnits
  const needUnits = trigger === null || trigger.triggered ? wholeUnitsUp(rawNeedUnits) : 0
  return { method: policy.method, levels, terms, inventoryPositionUnits, netPositionUnits, targetUnits, trigger, rawNeedUnits, needUnits }
}

export interface SuggestInput extends NeedInput {
  skuId: string
  nodeId: string
  candidates: readonly SupplierCandidate[]
  /** Rates into one currency when candidates price in several (see chooseSupplier). */
  costRates?: Readonly<Record<string, number>>
  /** How `safetyStockUnits` was computed, to explain it too; it must be the same figure. */
  safetyStockDetail?: SafetyStock
}

export interface Suggestion {
  skuId: string
  nodeId: string
  /** null when no supplier is active for the SKU (or there is nothing to order and none was chosen). */
  supplierId: string | null
  quantity: number
  unitCostMinor: number | null
  currency: string | null
  explanation: {
    need: Need
    safetyStock: SafetyStock | null
    supplier: SupplierChoice
    rounding: Rounding | null
    /** The same in English, one sentence per step. */
    summary: string[]
  }
}

const fmt = (units: number): string => (Number.isInteger(units) ? String(units) : units.toFixed(2))

function needSentences(need: Need): string[] {
  const sum = need.terms.map((t, i) => `${i === 0 ? '' : t.sign > 0 ? ' + ' : ' − '}${fmt(t.units)} ${t.name}`).join('')
  const lines = [`${need.method}: ${sum} = ${fmt(need.rawNeedUnits)} units.`]
  if (need.trigger !== null && !need.trigger.triggered) {
    const level = need.method === 'min_max' ? 'min' : 'reorder point'
    lines.push(`Net position ${fmt(need.netPositionUnits)} is above the ${level} ${fmt(need.trigger.levelUnits)}: nothing to order.`)
  } else {
    lines.push(need.needUnits === 0 ? 'Supply on hand and on order covers the need: nothing to order.' : `Need: ${need.needUnits} units.`)
  }
  return lines
}

function safetyStockSentence(ss: SafetyStock): string {
  if (ss.method === 'empirical') {
    const t = ss.terms
    return `Safety stock ${fmt(ss.safetyStockUnits)} = demand quantile ${fmt(t.leadTimeDemandQuantileUnits)} − expected ${fmt(t.expectedDemandUnits)} over ${fmt(ss.protectionDays)} days (intermittent demand, never below 0).`
  }
  const t = ss.terms
  return `Safety stock ${fmt(ss.safetyStockUnits)} = z ${t.z.toFixed(4)} × √(${fmt(ss.protectionDays)} days × ${fmt(t.demandSdPerDay)}² + ${fmt(t.demandMeanPerDay)}² × ${fmt(t.leadTimeSdDays)}² days²).`
}

/** The suggestion for one need: its quantity from the policy, the supplier, and the rounding to that supplier's minimum and pack. */
export function suggestOrder(input: SuggestInput): Suggestion {
  const need = needOf(input)
  const supplier = chooseSupplier({ candidates: input.candidates, fixedSupplierId: input.policy.supplierId ?? null, needUnits: need.needUnits, costRates: input.costRates })
  const detail = input.safetyStockDetail ?? null
  invariant(detail === null || detail.safetyStockUnits === input.safetyStockUnits, 'the safety stock detail explains the safety stock used')
  const summary = needSentences(need)
  if (detail !== null && need.method !== 'min_max') summary.splice(1, 0, safetyStockSentence(detail))
  const chosen = supplier.chosen
  if (chosen === null) {
    summary.push(`No supplier: ${supplier.reason}.`)
    return { skuId: input.skuId, nodeId: input.nodeId, supplierId: null, quantity: 0, unitCostMinor: null, currency: null, explanation: { need, safetyStock: detail, supplier, rounding: null, summary } }
  }
  const rounding = roundOrderQuantity(need.needUnits, chosen.minOrderQuantity, chosen.packSize)
  summary.push(`Supplier ${chosen.name} (${chosen.supplierId}): ${supplier.reason}.`)
  if (rounding.after !== rounding.before) {
    summary.push(`Rounded ${rounding.before} up to ${rounding.after}: minimum order ${rounding.minOrderQuantity}, packs of ${rounding.packSize}.`)
  }
  return {
    skuId: input.skuId,
    nodeId: input.nodeId,
    supplierId: chosen.supplierId,
    quantity: rounding.after,
    unitCostMinor: chosen.unitCost,
    currency: chosen.currency,
    explanation: { need, safetyStock: detail, supplier, rounding, summary },
  }
}

export interface GroupableLine {
  skuId: string
  nodeId: string
  supplierId: string
  quantity: number
}

export interface SuggestionGroup<L extends GroupableLine> {
  supplierId: string
  /** The destination node. */
  nodeId: string
  lines: L[]
}

/** A suggestion with a supplier, ready to group. */
export const hasSupplier = <S extends { supplierId: string | null }>(s: S): s is S & { supplierId: string } => s.supplierId !== null

// Code-unit order, not localeCompare: the same on every machine.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * One draft order per supplier and destination node: groups ordered by supplier id then node id,
 * lines by SKU id; lines of 0 units are no suggestion and are left out. One SKU appears once per
 * group (a need is per SKU and node).
 */
export function groupSuggestions<L extends GroupableLine>(lines: readonly L[]): SuggestionGroup<L>[] {
  const groups = new Map<string, SuggestionGroup<L>>()
  for (const line of lines) {
    if (line.quantity <= 0) continue
    const key = JSON.stringify([line.supplierId, line.nodeId])
    let group = groups.get(key)
    if (group === undefined) {
      group = { supplierId: line.supplierId, nodeId: line.nodeId, lines: [] }
      groups.set(key, group)
    }
    invariant(!group.lines.some((l) => l.skuId === line.skuId), `SKU ${line.skuId} appears twice for supplier ${line.supplierId} at node ${line.nodeId}`)
    group.lines.push(line)
  }
  const sorted = [...groups.values()].sort((a, b) => byText(a.supplierId, b.supplierId) || byText(a.nodeId, b.nodeId))
  for (const group of sorted) group.lines.sort((a, b) => byText(a.skuId, b.skuId))
  return sorted
}
