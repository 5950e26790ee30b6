/**
 * The part of autocannon's API the HTTP benchmark uses. Only `autocannon` itself was added as a
 * dependency (not @types/autocannon), so its types are declared here.
 */
declare module 'autocannon' {
  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called per request sent; returns the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  export interface Options {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    amount?: number
    timeout?: number
    requests?: Request[]
  }

  export interface Histogram {
    average: number
    p50: number
    p99: number
    max: number
  }

  export interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    duration: number
  }

  export interface Instance extends PromiseLike<Result> {
    stop(): void
  }

  export default function autocannon(options: Options): Instance
}
