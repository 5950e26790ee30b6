/** Every code the auth context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type AuthErrorCode =
  | 'invalid_role'
  | 'not_a_store'
  | 'not_a_warehouse'
  | 'token_not_found'
  | 'unknown_channel'
  | 'unknown_node'
  | 'unknown_supplier'

export const { fail, notFound } = failures<AuthErrorCode>()
