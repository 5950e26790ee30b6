/**
 * Which supplier a suggested line goes to: the policy's fixed supplier while it is active, else
 * the best by grade, then by the cost of the quantity it would actually be ordered in (its own
 * minimum and pack), then by lead time, then by id — a total order, so the same inputs always
 * choose the same supplier. The reason reads as English and is backed by structured figures. Pure.
 */
import { majorUnits } from '../kernel/money.ts'
import { invariant } from '../kernel/result.ts'

export type SupplierGrade = 'A' | 'B' | 'C' | 'D'

export interface SupplierCandidate {
  supplierId: string
  name: string
  /** From the scorecard; null while nothing has been received in its window. */
  grade: SupplierGrade | null
  /** Minor units of `currency`, per unit. */
  unitCost: number
  currency: string
  minOrderQuantity: number
  packSize: number
  leadTimeMeanDays: number
  leadTimeSdDays: number
  active: boolean
}

export interface RankedSupplier {
  supplierId: string
  name: string
  grade: SupplierGrade | null
  /** The need rounded to this supplier's minimum order and pack. */
  orderUnits: number
  /** orderUnits × unitCost, minor units of `currency`. */
  orderCostMinor: number
  unitCostMinor: number
  currency: string
  leadTimeMeanDays: number
}

export type ChoiceBasis = 'fixed' | 'only_candidate' | 'grade' | 'cost' | 'lead_time' | 'supplier_id' | 'none'

export interface SupplierChoice {
  chosen: SupplierCandidate | null
  /** The chosen supplier's figures; null with no choice. */
  chosenFigures: RankedSupplier | null
  /** What set the chosen apart from the next best. */
  decidedBy: ChoiceBasis
  reason: string
  /** The policy's fixed supplier and what became of it; null when the policy fixes none. */
  fixedSupplier: { supplierId: string; status: 'used' | 'inactive' | 'not_a_candidate' } | null
  /** False when the active candidates price in several currencies and no rate covers them all: cost then decides nothing. */
  costCompared: boolean
  /** The other active candidates, best first. */
  others: RankedSupplier[]
  /** Candidates left out because they are inactive, by id. */
  inactive: string[]
}

export interface SupplierChoiceInput {
  candidates: readonly SupplierCandidate[]
  fixedSupplierId: string | null
  /** Whole units needed; each candidate's cost is that of this need rounded to its minimum and pack. */
  needUnits: number
  /**
   * Minor units of one comparison currency per minor unit of each currency, for candidates that
   * price in several currencies. Not needed when all price in one.
   */
  costRates?: Readonly<Record<string, number>>
}

// Ungraded suppliers rank like C: not proven good, not proven bad.
const gradeRank = (grade: SupplierGrade | null): number => (grade === null ? 2 : 'ABCD'.indexOf(grade))
const gradeLabel = (grade: SupplierGrade | null): string => (grade === null ? 'ungraded (ranked as C)' : `grade ${grade}`)
const rankLabel = (rank: number): string => (rank === 2 ? 'grade C and ungraded' : `grade ${'ABCD'[rank]}`)
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export interface Rounding {
  before: number
  minOrderQuantity: number
  packSize: number
  after: number
}

/**
 * max(need, minimum order) rounded up to a whole number of packs; a minimum that is not a whole
 * number of packs becomes the smallest one above it. No need, no order: 0 stays 0.
 */
export function roundOrderQuantity(needUnits: number, minOrderQuantity: number, packSize: number): Rounding {
  invariant(Number.isSafeInteger(needUnits) && needUnits >= 0, `need must be whole units ≥ 0, not ${needUnits}`)
  invariant(Number.isSafeInteger(minOrderQuantity) && minOrderQuantity >= 0, `minimum order must be whole units ≥ 0, not ${minOrderQuantity}`)
  invariant(Number.isSafeInteger(packSize) && packSize >= 1, `pack size must be whole units ≥ 1, not ${packSize}`)
  const after = needUnits === 0 ? 0 : Math.ceil(Math.max(needUnits, minOrderQuantity) / packSize) * packSize
  return { before: needUnits, minOrderQuantity, packSize, after }
}

function figuresOf(c: SupplierCandidate, needUnits: number): RankedSupplier {
  invariant(Number.isSafeInteger(c.unitCost) && c.unitCost >= 0, `unit cost of ${c.supplierId} must be whole minor units ≥ 0, not ${c.unitCost}`)
  const orderUnits = roundOrderQuantity(needUnits, c.minOrderQuantity, c.packSize).after
  return {
    supplierId: c.supplierId, name: c.name, grade: c.grade, orderUnits, orderCostMinor: orderUnits * c.unitCost,
    unitCostMinor: c.unitCost, currency: c.currency, leadTimeMeanDays: c.leadTimeMeanDays,
  }
}

/** A factor per currency into the comparison currency; null when costs cannot be compared. */
function costFactors(active: readonly SupplierCandidate[], rates: Readonly<Record<string, number>> | undefined): Map<string, number> | null {
  const currencies = [...new Set(active.map((c) => c.currency))]
  if (currencies.length <= 1) return new Map(currencies.map((c) => [c, 1]))
  if (rates === undefined || !currencies.every((c) => Object.hasOwn(rates, c) && rates[c] > 0)) return null
  return new Map(currencies.map((c) => [c, rates[c]]))
}

const money = (minor: number, currency: string, showCurrency: boolean): string => `${majorUnits(minor, currency)}${showCurrency ? ` ${currency}` : ''}`

/** Why `best` beats `next`, the first criterion that tells them apart. */
function comparison(best: RankedSupplier, next: RankedSupplier, factors: Map<string, number> | null, needUnits: number): { basis: ChoiceBasis; text: string } {
  if (gradeRank(best.grade) !== gradeRank(next.grade)) {
    return { basis: 'grade', text: `the best grade (next: ${next.name}, ${gradeLabel(next.grade)})` }
  }
  const among = rankLabel(gradeRank(best.grade))
  const showCurrency = best.currency !== next.currency
  if (factors !== null) {
    const [bestFactor, nextFactor] = [factors.get(best.currency) ?? 1, factors.get(next.currency) ?? 1]
    const sameOrderCost = best.orderCostMinor * bestFactor === next.orderCostMinor * nextFactor
    if (!sameOrderCost && best.orderUnits !== next.orderUnits) {
      const cost = (r: RankedSupplier): string => `${money(r.orderCostMinor, r.currency, showCurrency)} for ${r.orderUnits} units`
      return { basis: 'cost', text: `lowest cost for the ${needUnits} units needed among ${among} (${cost(best)} vs ${cost(next)})` }
    }
    if (best.unitCostMinor * bestFactor !== next.unitCostMinor * nextFactor) {
      const unit = (r: RankedSupplier): string => money(r.unitCostMinor, r.currency, showCurrency)
      return { basis: 'cost', text: `lowest unit cost among ${among} (${unit(best)} vs ${unit(next)})` }
    }
  }
  const costWords = factors === null ? 'costs not compared (several currencies, no exchange rates)' : `same cost as ${next.name}`
  if (best.leadTimeMeanDays !== next.leadTimeMeanDays) {
    return { basis: 'lead_time', text: `${costWords}; shortest lead time (${best.leadTimeMeanDays} vs ${next.leadTimeMeanDays} days)` }
  }
  return { basis: 'supplier_id', text: `${costWords}, same lead time as ${next.name}: first by supplier id` }
}

/**
 * Chooses the supplier of one need. A fixed supplier that is inactive or does not supply the SKU
 * is named in the reason and the best of the others is chosen. No active candidate: no choice.
 */
export function chooseSupplier(input: SupplierChoiceInput): SupplierChoice {
  const { candidates, fixedSupplierId, needUnits } = input
  invariant(Number.isSafeInteger(needUnits) && needUnits >= 0, `need must be whole units ≥ 0, not ${needUnits}`)
  invariant(new Set(candidates.map((c) => c.supplierId)).size === candidates.length, 'each candidate supplier appears once')
  const active = candidates.filter((c) => c.active)
  const inactive = candidates.filter((c) => !c.active).map((c) => c.supplierId).sort(byText)
  const factors = costFactors(active, input.costRates)
  const costCompared = factors !== null
  const figures = new Map(active.map((c) => [c.supplierId, figuresOf(c, needUnits)]))
  const cost = (r: RankedSupplier): number => (factors === null ? 0 : r.orderCostMinor * (factors.get(r.currency) ?? 1))
  const unitCost = (r: RankedSupplier): number => (factors === null ? 0 : r.unitCostMinor * (factors.get(r.currency) ?? 1))
  const ranked = [...figures.values()].sort((a, b) =>
    gradeRank(a.grade) - gradeRank(b.grade) || cost(a) - cost(b) || unitCost(a) - unitCost(b) ||
    a.leadTimeMeanDays - b.leadTimeMeanDays || byText(a.supplierId, b.supplierId))

  let fixedSupplier: SupplierChoice['fixedSupplier'] = null
  let prefix = ''
  if (fixedSupplierId !== null) {
    const fixed = candidates.find((c) => c.supplierId === fixedSupplierId)
    const status = fixed === undefined ? 'not_a_candidate' : fixed.active ? 'used' : 'inactive'
    fixedSupplier = { supplierId: fixedSupplierId, status }
    if (fixed !== undefined && status === 'used') {
      const chosenFigures = figures.get(fixed.supplierId) ?? null
      return {
        chosen: fixed, chosenFigures, decidedBy: 'fixed', reason: `${gradeLabel(fixed.grade)}; fixed by the policy`, fixedSupplier, costCompared,
        others: ranked.filter((r) => r.supplierId !== fixed.supplierId), inactive,
      }
    }
    prefix = `the policy's supplier ${fixedSupplierId} ${status === 'inactive' ? 'is inactive' : 'does not supply this SKU'}; `
  }
  const [best, next] = ranked
  if (best === undefined) {
    return { chosen: null, chosenFigures: null, decidedBy: 'none', reason: `${prefix}no active supplier for this SKU`, fixedSupplier, costCompared, others: [], inactive }
  }
  const chosen = active.find((c) => c.supplierId === best.supplierId) as SupplierCandidate
  const { basis, text } = next === undefined ? { basis: 'only_candidate' as const, text: 'the only active supplier' } : comparison(best, next, factors, needUnits)
  return {
    chosen, chosenFigures: best, decidedBy: basis, reason: `${prefix}${gradeLabel(best.grade)}; ${text}`, fixedSupplier, costCompared,
    others: ranked.slice(1), inactive,
  }
}
