/** Time is injected so rules and timers can be tested without waiting. */
export interface Clock {
  nowMs(): number
}

export const systemClock: Clock = { nowMs: () => Date.now() }

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  #ms: number
  constructor(startMs = Date.UTC(2026, 10, 11)) {
    this.#ms = startMs
  }
  nowMs(): number {
    return this.#ms
  }
  advance(ms: number): void {
    this.#ms += ms
  }
}

export const isoOf = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString()
