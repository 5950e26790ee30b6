/**
 * The console speaks to the server through the project's own typed client (clients/typescript),
 * with the signed-in token. A refusal becomes an ApiError carrying the API's stable code and its
 * words, which pages show as they are.
 */
import { sellaheadClient, type SellaheadClient } from '../../clients/typescript/index.ts'

export interface Problem {
  status: number
  code: string
  title: string
  detail?: string
}

export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.problem = problem
  }
}

export const clientFor = (token: string | undefined): SellaheadClient => sellaheadClient({ baseUrl: location.origin, token })

/** The answer of an openapi-fetch call, or an ApiError with the problem it carried. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call
  if (response.ok) return data as T
  const problem = (error ?? {}) as Partial<Problem>
  throw new ApiError({
    status: response.status,
    code: problem.code ?? 'unknown',
    title: problem.title ?? response.statusText,
    ...(problem.detail !== undefined && { detail: problem.detail }),
  })
}

/** A fresh Idempotency-Key for one operator action: a double click or a retry does it once. */
export const newKey = (): string => crypto.randomUUID()
