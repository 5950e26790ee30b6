/**
 * Splitting money without losing a minor unit: largest-remainder allocation over weights, and a
 * percentage of an amount with explicit rounding. Amounts are integer minor units; every result
 * is an integer. Pure: no I/O.
 */
import { invariant } from '../kernel/result.ts'

export type Rounding = 'half_up' | 'down' | 'up'

/**
 * Splits `totalMinor` over `weights` by largest remainder: each part is the floor of its exact
 * share, then the units left over go one each to the largest fractional remainders, ties to the
 * lowest index. Parts sum exactly to the total and each is within 1 minor unit of its exact share.
 * All-zero weights split equally by the same rule. A negative total (a credit) is split as its
 * magnitude and each part negated, so a credit splits the mirror image of the debit.
 * Weights must be finite and ≥ 0, and there must be at least one; anything else is a bug.
 */
export function allocate(totalMinor: number, weights: readonly number[]): number[] {
  invariant(Number.isSafeInteger(totalMinor), `allocate: total ${totalMinor} is not a whole number of minor units`)
  invariant(weights.length > 0, 'allocate: no weights to allocate over')
  invariant(weights.every((w) => Number.isFinite(w) && w >= 0), `allocate: weights must be finite and ≥ 0: ${weights.join(', ')}`)
  const allZero = weights.every((w) => w === 0)
  const effective = allZero ? weights.map(() => 1) : weights
  const magnitude = Math.abs(totalMinor)
  const parts = effective.every(Number.isSafeInteger)
    ? wholeWeightShares(magnitude, effective)
    : fractionalWeightShares(magnitude, effective)
  return totalMinor < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts
}

interface Share { floor: number; index: number }

/** Whole weights (quantities, values, grams): exact in BigInt, remainders compared as fractions over the same total weight. */
function wholeWeightShares(magnitude: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((sum, w) => sum + BigInt(w), 0n)
  const amount = BigInt(magnitude)
  const remainders: bigint[] = []
  const shares: Share[] = weights.map((w, index) => {
    const scaled = amount * BigInt(w)
    remainders.push(scaled % totalWeight)
    return { floor: Number(scaled / totalWeight), index }
  })
  return distributeLeftover(magnitude, shares, (a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : 0))
}

/** Fractional weights: floating shares; the leftover still makes the sum exact. */
function fractionalWeightShares(magnitude: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0)
  const exact = weights.map((w) => (magnitude * w) / totalWeight)
  const shares: Share[] = exact.map((x, index) => ({ floor: Math.min(Math.floor(x), magnitude), index }))
  const remainders = exact.map((x, i) => x - shares[i]!.floor)
  return distributeLeftover(magnitude, shares, (a, b) => remainders[b]! - remainders[a]!)
}

/** Gives the units the floors left out, one each, by remainder descending then index ascending. */
function distributeLeftover(magnitude: number, shares: Share[], byRemainderDescending: (a: number, b: number) => number): number[] {
  const parts = shares.map((s) => s.floor)
  let leftover = magnitude - parts.reduce((sum, p) => sum + p, 0)
  invariant(leftover >= 0 && leftover <= parts.length, `allocate: ${leftover} units left over for ${parts.length} parts`)
  const order = shares.map((s) => s.index).sort((a, b) => byRemainderDescending(a, b) || a - b)
  for (const index of order) {
    if (leftover === 0) break
    parts[index]! += 1
    leftover -= 1
  }
  return parts
}

/**
 * `percent` % of `amountMinor` as whole minor units, computed exactly on the percent as written
 * in decimal (1.5 is 15/10, not its binary approximation). Rounding: `half_up` rounds halves away
 * from zero (-0.5 → -1), `down` toward zero, `up` away from zero.
 */
export function percentOf(amountMinor: number, percent: number, rounding: Rounding): number {
  invariant(Number.isSafeInteger(amountMinor), `percentOf: amount ${amountMinor} is not a whole number of minor units`)
  invariant(Number.isFinite(percent), `percentOf: percent ${percent} is not finite`)
  const { digits, scale } = decimalOf(percent)
  const numerator = BigInt(amountMinor) * digits
  const denominator = 100n * 10n ** BigInt(scale)
  const result = Number(divideRounded(numerator, denominator, rounding))
  invariant(Number.isSafeInteger(result), `percentOf: ${percent}% of ${amountMinor} overflows`)
  return result
}

/** The decimal a number prints as (its shortest round-trip form) as digits × 10^-scale, scale ≥ 0. */
function decimalOf(x: number): { digits: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))
  invariant(match !== null, `percentOf: cannot read ${x} as a decimal`)
  const [, sign, whole, fraction = '', exponentText = '0'] = match
  const exponent = Number(exponentText)
  let digits = BigInt(`${sign}${whole}${fraction}`)
  let scale = fraction.length - exponent
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale)
    scale = 0
  }
  return { digits, scale }
}

/** numerator / denominator (denominator > 0) rounded to an integer by `rounding`. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  invariant(denominator > 0n, 'divideRounded: denominator must be positive')
  const quotient = numerator / denominator // truncates toward zero
  const remainder = numerator % denominator
  if (remainder === 0n || rounding === 'down') return quotient
  const awayFromZero = numerator < 0n ? -1n : 1n
  if (rounding === 'up') return quotient + awayFromZero
  const magnitude = remainder < 0n ? -remainder : remainder
  return 2n * magnitude >= denominator ? quotient + awayFromZero : quotient
}
