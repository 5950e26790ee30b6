/**
 * The codes the matching, terms and payment-run pieces of payables refuse with: a closed union,
 * local until the lead merges it into payables/errors.ts. HTTP statuses are mapped in
 * http/problem-status.ts.
 */
import { failures } from '../kernel/result.ts'

export type MatchErrorCode =
  | 'invalid_match_tolerance'
  | 'invalid_payment_terms'

export const { fail } = failures<MatchErrorCode>()
