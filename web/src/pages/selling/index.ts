import { staff, type ConsolePage } from '../registry.ts'
import { SellAheadPolicies } from './policies.tsx'
import { AvailabilityToPromise } from './atp.tsx'
import { PresaleCampaigns } from './campaigns.tsx'
import { PresaleCampaign } from './campaign.tsx'

/** Selling ahead: sell-ahead policies, availability to promise, presale campaigns. */
export const sellingPages: ConsolePage[] = [
  { path: '/selling/policies', roles: staff, nav: { en: 'Sell-ahead policies', 'zh-CN': '预售策略' }, component: SellAheadPolicies },
  { path: '/selling/atp', roles: staff, nav: { en: 'Availability to promise', 'zh-CN': '可承诺量' }, component: AvailabilityToPromise },
  { path: '/selling/campaigns', roles: staff, nav: { en: 'Presale campaigns', 'zh-CN': '预售活动' }, component: PresaleCampaigns },
  { path: '/selling/campaigns/:id', roles: staff, component: PresaleCampaign },
]
