/**
 * What a receipt, a landed-cost charge and a shipment do to the moving-average cost of their
 * SKUs. Pure: the caller loads the states (locked) and writes what these decide.
 *
 * No FX: a SKU's cost currency is the currency of its first costed receipt; a receipt in another
 * currency does not move the average and is recorded as `uncosted` with its own currency, so the
 * ledger says why. A landed-cost charge must be in the SKU's cost currency.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail, type PayablesErrorCode } from './errors.ts'
import { allocateCharges, type Charge, type ReceiptLineForCost } from './landed-cost.ts'
import { addLandedCost, issue, receiveAt } from './moving-average.ts'
import type { CostMovement, LandedAllocation, SkuCost } from './cost-store.ts'
import { divideRounded } from './money.ts'

export interface ReceiptLineCost {
  poLineId: string
  skuId: string
  /** Units that passed inspection: only these are stock worth their cost. */
  quantityPassed: number
  unitCostMinor: number
}

export interface CostDecision {
  /** The SKUs' states after (only those that changed). */
  costs: SkuCost[]
  movements: CostMovement[]
}

/** Adds what passed QC at each PO line's unit cost; one movement per SKU (two lines of one SKU add up). */
export function costReceipt(states: ReadonlyMap<string, SkuCost>, lines: readonly ReceiptLineCost[], receipt: { id: string; nodeId: string; currency: string }, atMs: number): CostDecision {
  const after = new Map<string, SkuCost>()
  const moved = new Map<string, CostMovement>()
  for (const line of lines) {
    if (line.quantityPassed <= 0) continue
    const state = after.get(line.skuId) ?? states.get(line.skuId)
    const costed = state !== undefined && state.currency === receipt.currency
    const kind = costed ? 'receipt' : 'uncosted'
    const movement = moved.get(line.skuId) ?? { skuId: line.skuId, nodeId: receipt.nodeId, kind, reference: receipt.id, quantity: 0, valueMinor: 0, currency: receipt.currency, atMs }
    movement.quantity += line.quantityPassed
    movement.valueMinor += line.quantityPassed * line.unitCostMinor
    moved.set(line.skuId, movement)
    if (!costed) continue
    const next = receiveAt(state, line.quantityPassed, line.unitCostMinor)
    after.set(line.skuId, {
      ...state, ...next, updatedAtMs: atMs,
      minUnitMinor: Math.min(state.minUnitMinor, line.unitCostMinor), maxUnitMinor: Math.max(state.maxUnitMinor, line.unitCostMinor),
    })
  }
  return { costs: [...after.values()], movements: [...moved.values()] }
}

export interface LandedDecision extends CostDecision {
  allocations: LandedAllocation[]
}

export interface LandedLine extends ReceiptLineCost {
  unitWeightGrams: number | null
  unitVolumeCm3: number | null
}

/**
 * Splits one charge over the receipt's lines that passed QC (largest remainder: the parts sum to
 * the charge) and capitalises each SKU's part into its units on hand. A SKU with no units on hand
 * (or never costed) expenses its part. Refuses `nothing_received`, `weight_missing` /
 * `volume_missing` naming the SKUs, `currency_mismatch` (a SKU costed in another currency) and
 * `landed_credit_exceeds_value`; a refusal decides nothing.
 */
export function costLanded(
  states: ReadonlyMap<string, SkuCost>, lines: readonly LandedLine[], charge: Charge & { currency: string; reference: string; nodeId: string }, atMs: number,
): Result<LandedDecision, PayablesErrorCode> {
  const carrying = lines.filter((l) => l.quantityPassed > 0)
  if (carrying.length === 0) return fail('nothing_received', 'No unit of this receipt passed inspection: there is nothing to carry the charge.')
  for (const [basis, measure, code] of [['weight', 'unitWeightGrams', 'weight_missing'], ['volume', 'unitVolumeCm3', 'volume_missing']] as const) {
    const lacking = [...new Set(carrying.filter((l) => l[measure] === null).map((l) => l.skuId))]
    if (charge.basis === basis && lacking.length > 0) {
      return fail(code, `SKU ${lacking.join(', ')} has no unit ${basis}: give it one in the catalogue, or split the charge another way.`, { skuIds: lacking })
    }
  }
  const mismatched = [...new Set(carrying.map((l) => states.get(l.skuId)).filter((s) => s !== undefined && s.currency !== charge.currency).map((s) => s!.skuId))]
  if (mismatched.length > 0) {
    return fail('currency_mismatch', `SKU ${mismatched.join(', ')} is costed in ${states.get(mismatched[0]!)!.currency}, not ${charge.currency}; there is no currency conversion yet.`, { skuIds: mismatched })
  }
  const split = allocateCharges(carrying.map((l): ReceiptLineForCost => ({
    lineId: l.poLineId, skuId: l.skuId, quantity: l.quantityPassed, unitCostMinor: l.unitCostMinor, unitWeightGrams: l.unitWeightGrams, unitVolumeCm3: l.unitVolumeCm3,
  })), [charge])
  if (!split.ok) return split
  const partOfSku = new Map<string, number>()
  const parts = split.value.map((landed) => ({ landed, part: landed.chargesMinor[charge.kind] }))
  for (const { landed, part } of parts) partOfSku.set(landed.skuId, (partOfSku.get(landed.skuId) ?? 0) + part)
  const costs: SkuCost[] = []
  const movements: CostMovement[] = []
  const expensed = new Set<string>()
  for (const [skuId, part] of partOfSku) {
    const state = states.get(skuId)
    if (state === undefined || state.units === 0) {
      expensed.add(skuId)
      continue
    }
    const next = addLandedCost(state, part)
    if (!next.ok) return next
    costs.push({ ...state, ...next.value, updatedAtMs: atMs })
    movements.push({ skuId, nodeId: charge.nodeId, kind: 'landed', reference: charge.reference, quantity: 0, valueMinor: part, currency: charge.currency, atMs })
  }
  const allocations = parts.map(({ landed, part }): LandedAllocation => ({
    poLineId: landed.lineId, skuId: landed.skuId, quantity: landed.quantity, amountMinor: part, expensed: expensed.has(landed.skuId),
  }))
  return ok({ costs, movements, allocations })
}

/**
 * Cost of goods of the units a shipment took out, at each SKU's current average. Units beyond
 * what the cost state holds (stock that came in without a costed receipt: opening stock, returns,
 * adjustments) carry the same average without lowering the state below zero; a SKU never costed
 * ships at no cost and is left out.
 */
export function costShipment(
  states: ReadonlyMap<string, SkuCost>, lines: ReadonlyArray<{ skuId: string; quantity: number; lineNo?: number }>, shipment: { id: string; nodeId: string }, atMs: number,
  prices?: { currency: string; unitPriceOf: ReadonlyMap<number, number> },
): CostDecision {
  const units = new Map<string, number>()
  const revenue = new Map<string, number>()
  for (const l of lines) {
    if (l.quantity <= 0) continue
    units.set(l.skuId, (units.get(l.skuId) ?? 0) + l.quantity)
    const price = l.lineNo === undefined ? undefined : prices?.unitPriceOf.get(l.lineNo)
    if (price !== undefined) revenue.set(l.skuId, (revenue.get(l.skuId) ?? 0) + l.quantity * price)
  }
  const costs: SkuCost[] = []
  const movements: CostMovement[] = []
  for (const [skuId, quantity] of units) {
    const state = states.get(skuId)
    if (state === undefined || state.units === 0) continue
    const fromState = Math.min(quantity, state.units)
    const issued = issue(state, fromState)
    const beyond = quantity - fromState
    const beyondMinor = beyond === 0 ? 0 : Number(divideRounded(BigInt(state.valueMinor) * BigInt(beyond), BigInt(state.units), 'half_up'))
    costs.push({ ...state, ...issued.state, updatedAtMs: atMs })
    movements.push({ skuId, nodeId: shipment.nodeId, kind: 'shipment', reference: shipment.id, quantity, valueMinor: issued.cogsMinor + beyondMinor, currency: state.currency, atMs })
    // Revenue only beside a cost: a margin compares the same units.
    const revenueMinor = revenue.get(skuId)
    if (prices && revenueMinor !== undefined) {
      movements.push({ skuId, nodeId: shipment.nodeId, kind: 'revenue', reference: shipment.id, quantity, valueMinor: revenueMinor, currency: prices.currency, atMs })
    }
  }
  return { costs, movements }
}
