/** The returns context (issue 15): its model, return policy, disposition rules and refund rule. Other contexts import only this file. */
export * from './model.ts'
export type { ReturnsErrorCode } from './errors.ts'
export { defaultReturnPolicy, checkReturnPolicy, effectivePolicy, isMerchantFault, checkReturnable, windowClosesAtMs } from './policy.ts'
export { defaultDispositionRules, checkDispositionRules, dispositionFor, ruleMatches, type Disposition, type DispositionUnit } from './rules.ts'
export { refundFor, type RefundInput, type RefundBreakdown } from './refund.ts'
export { Returns, type ReturnActor, type OpenInput, type ReturnDeps } from './service.ts'
export { returnRoutes, returnView, type ReturnRouteDeps } from './routes.ts'
export { returnTransitions, returnActions, type ReturnAction, type ReturnParty } from './lifecycle.ts'
