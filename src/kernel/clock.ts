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

const msPerDay = 86_400_000
/** Day texts already made: an order view repeats a few days many times, and making one costs a Date and an ISO string. */
const dayTexts = new Map<number, string>()

/** The UTC day of an instant as YYYY-MM-DD; null stays null. */
export function dayTextOf(ms: number | null): string | null {
  if (ms === null) return null
  const day = Math.floor(ms / msPerDay)
  let text = dayTexts.get(day)
  if (text === undefined) {
    if (dayTexts.size >= 4096) dayTexts.clear()
    text = new Date(day * msPerDay).toISOString().slice(0, 10)
    dayTexts.set(day, text)
  }
  return text
}
