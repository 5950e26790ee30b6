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

/** An instant as ISO 8601 text; no instant stays null. */
export function isoOf(ms: number): string
export function isoOf(ms: number | null | undefined): string | null
export function isoOf(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString()
}
