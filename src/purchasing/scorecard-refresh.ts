/**
 * Recomputes supplier scorecards after receipts commit, one run per supplier at a time: receipts
 * that arrive while a run is going share the next run, as the engine's requests share a batch.
 * Keeping the recompute out of the receipt's transaction matters on PostgreSQL, where every
 * receipt of a supplier would otherwise queue on the scorecard row until the others commit.
 */
import type { Logger } from 'pino'
import type { Db } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { recomputeScorecard, type ReturnedToVendor } from './scorecard.ts'

export class ScorecardRefresher {
  readonly #db: Db
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #running = new Map<string, Promise<void>>()
  readonly #next = new Map<string, Promise<void>>()

  readonly #returnedToVendor: ReturnedToVendor | undefined

  constructor(db: Db, clock: Clock, logger: Logger, returnedToVendor?: ReturnedToVendor) {
    this.#db = db
    this.#clock = clock
    this.#logger = logger
    this.#returnedToVendor = returnedToVendor
  }

  /**
   * Resolves once a recompute that started after this call has finished, so the caller's
   * committed receipt is counted. A failed recompute is logged, not thrown: the receipt stands,
   * and a stale scorecard is recomputed when it is read.
   */
  refresh(supplierId: string): Promise<void> {
    const queued = this.#next.get(supplierId)
    if (queued) return queued
    const run = (this.#running.get(supplierId) ?? Promise.resolve()).then(async () => {
      this.#next.delete(supplierId)
      this.#running.set(supplierId, run)
      try {
        await this.#db.tx((tx) => recomputeScorecard(tx, supplierId, this.#clock.nowMs(), this.#returnedToVendor))
      } catch (err) {
        this.#logger.error({ err, supplierId }, 'scorecard recompute failed; it is recomputed when next read')
      } finally {
        if (this.#running.get(supplierId) === run) this.#running.delete(supplierId)
      }
    })
    this.#next.set(supplierId, run)
    return run
  }

  /** Waits for every scheduled recompute. */
  async idle(): Promise<void> {
    while (this.#next.size + this.#running.size > 0) await Promise.all([...this.#next.values(), ...this.#running.values()])
  }
}
