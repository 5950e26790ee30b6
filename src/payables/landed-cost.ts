/**
 * Landed cost of a receipt: each charge (freight, duty, insurance, other) is split over the
 * receipt's lines by its basis, by largest remainder, so each charge's parts sum exactly to the
 * charge. A line's landed cost is its goods value plus its share of every charge. Pure: no I/O.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail, type PayablesErrorCode } from './errors.ts'
import { allocate } from './money.ts'

export type ChargeKind = 'freight' | 'duty' | 'insurance' | 'other'
export const chargeKinds: readonly ChargeKind[] = ['freight', 'duty', 'insurance', 'other']
export type CostBasis = 'quantity' | 'value' | 'weight' | 'volume'
export const costBases: readonly CostBasis[] = ['quantity', 'value', 'weight', 'volume']

export interface ReceiptLineForCost {
  lineId: string
  skuId: string
  /** Units received, a whole number ≥ 0. */
  quantity: number
  unitCostMinor: number
  unitWeightGrams: number | null
  unitVolumeCm3: number | null
}

export interface Charge {
  kind: ChargeKind
  /** May be negative (a credit, e.g. a duty refund): its parts are then credits too. */
  amountMinor: number
  basis: CostBasis
}

export interface LandedLine {
  lineId: string
  skuId: string
  quantity: number
  chargesMinor: Record<ChargeKind, number>
  /** quantity × unitCostMinor plus every charge's share. */
  landedMinor: number
}

const noCharges = (): Record<ChargeKind, number> => ({ freight: 0, duty: 0, insurance: 0, other: 0 })
const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min
const isMeasure = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0)

/**
 * Splits `charges` over `lines`. Refuses `no_lines`; `invalid_cost_lines` (duplicate line id,
 * quantity or unit cost not a whole number ≥ 0, negative or non-finite measure);
 * `invalid_charges` (unknown kind or basis, amount not whole); `weight_missing` /
 * `volume_missing` when a charge's basis needs a measure a line lacks (`extra.lineId`). When
 * every line weighs 0 on a charge's basis (free goods on `value`), the charge splits equally.
 */
export function allocateCharges(lines: readonly ReceiptLineForCost[], charges: readonly Charge[]): Result<LandedLine[], PayablesErrorCode> {
  if (lines.length === 0) return fail('no_lines', 'A receipt needs at least one line to carry its charges.')
  const linesProblem = checkLines(lines)
  if (linesProblem) return linesProblem
  const result = lines.map((line): LandedLine => ({
    lineId: line.lineId, skuId: line.skuId, quantity: line.quantity, chargesMinor: noCharges(), landedMinor: line.quantity * line.unitCostMinor,
  }))
  for (const [chargeIndex, charge] of charges.entries()) {
    if (!chargeKinds.includes(charge.kind) || !costBases.includes(charge.basis) || !Number.isSafeInteger(charge.amountMinor)) {
      return fail('invalid_charges', `Charge ${chargeIndex} must have a kind (${chargeKinds.join(', ')}), a basis (${costBases.join(', ')}) and a whole amount in minor units.`, { chargeIndex })
    }
    const weights = weightsOf(lines, charge.basis)
    if (!weights.ok) return weights
    allocate(charge.amountMinor, weights.value).forEach((part, i) => {
      result[i]!.chargesMinor[charge.kind] += part
      result[i]!.landedMinor += part
    })
  }
  return ok(result)
}

function checkLines(lines: readonly ReceiptLineForCost[]): Result<never, PayablesErrorCode> | null {
  const seen = new Set<string>()
  for (const line of lines) {
    const valid = typeof line.lineId === 'string' && !seen.has(line.lineId) && isWhole(line.quantity, 0) && isWhole(line.unitCostMinor, 0)
      && isMeasure(line.unitWeightGrams) && isMeasure(line.unitVolumeCm3)
    if (!valid) {
      return fail('invalid_cost_lines', `Line '${line.lineId}' needs a unique id, a whole quantity and unit cost ≥ 0, and a weight and volume that are null or ≥ 0.`, { lineId: line.lineId })
    }
    seen.add(line.lineId)
  }
  return null
}

/** The weight of each line on `basis`: units, goods value, grams or cm³ received. */
function weightsOf(lines: readonly ReceiptLineForCost[], basis: CostBasis): Result<number[], PayablesErrorCode> {
  if (basis === 'quantity') return ok(lines.map((l) => l.quantity))
  if (basis === 'value') return ok(lines.map((l) => l.quantity * l.unitCostMinor))
  const measure = basis === 'weight' ? (l: ReceiptLineForCost) => l.unitWeightGrams : (l: ReceiptLineForCost) => l.unitVolumeCm3
  const lacking = lines.find((l) => measure(l) === null)
  if (lacking) {
    const code = basis === 'weight' ? 'weight_missing' : 'volume_missing'
    return fail(code, `Line '${lacking.lineId}' (SKU ${lacking.skuId}) has no unit ${basis}, so a charge by ${basis} cannot be split.`, { lineId: lacking.lineId, skuId: lacking.skuId })
  }
  return ok(lines.map((l) => l.quantity * measure(l)!))
}
