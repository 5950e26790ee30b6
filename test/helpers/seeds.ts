/**
 * Seeds for the seeded tests (simulations and properties). Each runs its fixed regression seeds,
 * which replay the same cases on every run, and one fresh seed drawn anew for each run, so that
 * every run also explores cases no run has tried. The fresh seed is printed as a diagnostic and
 * every failure names its seed; `SIM_SEED=<seed>` replays that seed alone (instead of the
 * regression seeds and a fresh one).
 */
import type { TestContext } from 'node:test'
import fc from 'fast-check'

const replay = process.env.SIM_SEED?.trim() || undefined
if (replay !== undefined && !/^\d+$/.test(replay)) throw new Error(`SIM_SEED must be a whole number, not '${replay}'`)

/** This run's fresh seed, shared by the seeded tests of one file; with SIM_SEED, the seed to replay. */
export const freshSeed: number = replay !== undefined ? Number(replay) : Math.floor(Math.random() * 2 ** 31)

export interface Seed {
  seed: number
  kind: 'regression' | 'fresh' | 'replayed'
}

/** The seeds one seeded test runs: its regression seeds, then this run's fresh seed; with SIM_SEED, that seed alone. */
export function seedsFor(regressionSeeds: readonly number[]): Seed[] {
  if (replay !== undefined) return [{ seed: freshSeed, kind: 'replayed' }]
  return [...regressionSeeds.map((seed): Seed => ({ seed, kind: 'regression' })), { seed: freshSeed, kind: 'fresh' }]
}

/** Names a seed and how to replay it, for diagnostics and failure messages. */
export const replayHint = (s: Seed): string => `${s.kind} seed ${s.seed} (replay: SIM_SEED=${s.seed})`

/**
 * Checks a fast-check property with each seed of `seedsFor`, `numRuns` runs in all, shared
 * evenly (a replayed seed gets them all: the runs a seed made are a prefix of those). The fresh
 * seed goes to the test's diagnostics; a failure names its seed before fast-check's report.
 */
export async function assertProperty<Ts>(
  t: TestContext,
  property: fc.IRawProperty<Ts>,
  options: { numRuns: number; regressionSeeds?: readonly number[] },
): Promise<void> {
  const seeds = seedsFor(options.regressionSeeds ?? [])
  for (const s of seeds) {
    if (s.kind !== 'regression') t.diagnostic(replayHint(s))
    try {
      await fc.assert(property, { seed: s.seed, numRuns: Math.ceil(options.numRuns / seeds.length) })
    } catch (error) {
      throw new Error(`${replayHint(s)}: ${(error as Error).message}`, { cause: error })
    }
  }
}
