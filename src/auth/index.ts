/** The auth context: bearer tokens (stored hashed), their scopes, and the token routes. Other contexts import only this file. */
export { Tokens } from './tokens.ts'
export { registerTokenRoutes } from './routes.ts'
export * from './scope.ts'
export type { AuthErrorCode } from './errors.ts'
