/**
 * One load per key at a time: callers asking for a key already being loaded share that load.
 * When a short-lived cache entry expires under a flash sale, hundreds of requests in flight miss
 * it at once; without this each would query the database for the same row.
 */
export class SingleFlight<V> {
  readonly #loading = new Map<string, Promise<V>>()

  load(key: string, load: () => Promise<V>): Promise<V> {
    let pending = this.#loading.get(key)
    if (!pending) {
      pending = load().finally(() => this.#loading.delete(key))
      this.#loading.set(key, pending)
    }
    return pending
  }
}
