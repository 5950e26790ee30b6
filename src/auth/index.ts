/** The auth context: bearer tokens (stored hashed), the scope check made where tokens are created, and the token routes. Other folders import only this file. */
export { Tokens, type TokenInfo } from './tokens.ts'
export { createCheckedToken, nodeScopeRule, type ScopeLookups } from './scope.ts'
export { tokenRoutes } from './routes.ts'
export type { AuthErrorCode } from './errors.ts'
