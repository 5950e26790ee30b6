/**
 * Moving-average unit cost of one SKU. The state keeps the units on hand and their value in whole
 * minor units, never a rounded unit cost, so nothing drifts: an issue takes its share of the value
 * by proportion, rounded half up, and issuing every unit takes exactly the value left. Because the
 * value is rounded to a whole number, and min·units and max·units are whole numbers, the average
 * stays within the lowest and highest unit costs received (landed cost aside). Pure: no I/O.
 */
import { invariant, ok, type Result } from '../kernel/result.ts'
import { fail, type PayablesErrorCode } from './errors.ts'
import { divideRounded } from './money.ts'

export interface CostState {
  units: number
  valueMinor: number
}

export const emptyCost: CostState = { units: 0, valueMinor: 0 }

const checkState = (state: CostState): void =>
  invariant(Number.isSafeInteger(state.units) && state.units >= 0 && Number.isSafeInteger(state.valueMinor) && state.valueMinor >= 0,
    `cost state must hold whole units and value ≥ 0: ${JSON.stringify(state)}`)

/** Units received at a unit cost: adds units and their value. */
export function receiveAt(state: CostState, units: number, unitCostMinor: number): CostState {
  checkState(state)
  invariant(Number.isSafeInteger(units) && units > 0, `receiveAt: units ${units} must be a whole number > 0`)
  invariant(Number.isSafeInteger(unitCostMinor) && unitCostMinor >= 0, `receiveAt: unit cost ${unitCostMinor} must be whole minor units ≥ 0`)
  const valueMinor = state.valueMinor + units * unitCostMinor
  invariant(Number.isSafeInteger(valueMinor), 'receiveAt: value overflows')
  return { units: state.units + units, valueMinor }
}

/**
 * Capitalises a landed cost (or a credit, when negative) into the units on hand. Refuses
 * `no_units_on_hand` (nothing to carry it: the caller expenses it) and
 * `landed_credit_exceeds_value` (a credit larger than the stock's value).
 */
export function addLandedCost(state: CostState, amountMinor: number): Result<CostState, PayablesErrorCode> {
  checkState(state)
  invariant(Number.isSafeInteger(amountMinor), `addLandedCost: amount ${amountMinor} must be whole minor units`)
  if (state.units === 0) return fail('no_units_on_hand', 'No units on hand to carry the landed cost: expense it instead.', { amountMinor })
  if (state.valueMinor + amountMinor < 0) {
    return fail('landed_credit_exceeds_value', `A credit of ${-amountMinor} exceeds the stock's value of ${state.valueMinor}.`, { amountMinor, valueMinor: state.valueMinor })
  }
  return ok({ units: state.units, valueMinor: state.valueMinor + amountMinor })
}

/** The average unit cost in minor units (not rounded); null with no units on hand. */
export const unitCostOf = (state: CostState): number | null => (state.units === 0 ? null : state.valueMinor / state.units)

/**
 * Ships `units`: cost of goods is units × average, rounded half up to whole minor units, and the
 * value drops by exactly that. Issuing more than is on hand is a bug (the caller checks stock).
 */
export function issue(state: CostState, units: number): { state: CostState; cogsMinor: number } {
  checkState(state)
  invariant(Number.isSafeInteger(units) && units > 0 && units <= state.units, `issue: ${units} units of ${state.units} on hand`)
  const cogsMinor = Number(divideRounded(BigInt(state.valueMinor) * BigInt(units), BigInt(state.units), 'half_up'))
  return { state: { units: state.units - units, valueMinor: state.valueMinor - cogsMinor }, cogsMinor }
}
