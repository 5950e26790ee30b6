/** The promising context: sell-ahead policies, availability to promise, allocation of a line to stock and future supply, compensation rules. Other contexts import only this file. */
export * from './model.ts'
export * from './allocate.ts'
export * from './policy.ts'
export * from './policy-store.ts'
export * from './atp.ts'
export { registerPromisingRoutes, atpView } from './routes.ts'
export * from './compensation.ts'
export type { PromisingErrorCode } from './errors.ts'
