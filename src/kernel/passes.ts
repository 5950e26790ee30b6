/**
 * Passes of a projector, one at a time: a pass asked for while one runs waits for it and then runs
 * itself, so whatever was committed before the call is counted when the call returns. A pass that
 * failed does not stop the next one.
 */
export class Passes<T> {
  #running: Promise<T> | undefined

  /** Runs `pass` after the one in flight (if any). */
  run(pass: () => Promise<T>): Promise<T> {
    const previous = this.#running
    const run = (previous ? previous.then(() => undefined, () => undefined) : Promise.resolve()).then(pass)
    this.#running = run
    const clear = () => {
      if (this.#running === run) this.#running = undefined
    }
    run.then(clear, clear)
    return run
  }

  /** Whether a pass is in flight or waiting. */
  get busy(): boolean {
    return this.#running !== undefined
  }

  /** Waits for the passes in flight (none is started). */
  async settle(): Promise<void> {
    await this.#running?.catch(() => undefined)
  }
}
