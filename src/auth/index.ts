/** The auth context: bearer tokens, the roles they carry, and the scope check made where tokens are created. Other folders import only this file. */
export { Tokens, type TokenInfo } from './tokens.ts'
export { idempotencyScope, type Principal, type RoleKind } from './roles.ts'
export { createCheckedToken, type ScopeLookups } from './scope.ts'
export { tokenRoutes } from './routes.ts'
export type { AuthErrorCode } from './errors.ts'
