/** The presale context: campaigns, deposit rule sets, tiered pricing. Other contexts import only this file. */
export * from './model.ts'
export * from './rules.ts'
export { decideTerms, decideQuota, admit, planOf, endOrder, type TermsInput, type Admission, type EndOfOrder } from './decide.ts'
export { Presale, type PresaleOptions, type PresaleContext, type OrderRequest } from './service.ts'
export { presaleRule } from './place.ts'
export { campaignTransitions, campaignActions, checkCampaignAction, type CampaignAction } from './lifecycle.ts'
export { suggestedQuantity, type DemandRow } from './demand.ts'
export { registerPresaleRoutes } from './routes.ts'
