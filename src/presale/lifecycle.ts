/**
 * The presale campaign lifecycle as data (ARCHITECTURE.md: lifecycles are tables): which action
 * may run from which status and the status it leads to. Tests walk every cell; the service checks
 * the table before deciding anything else, so an illegal step is a result code, never a crash.
 */
import { checkAction, type LifecycleRefusal, type Transition } from '../kernel/lifecycle.ts'
import type { CampaignStatus } from './model.ts'

export const campaignActions = ['edit', 'publish', 'set_quota', 'sell', 'end', 'allocate_stock', 'cancel'] as const
export type CampaignAction = (typeof campaignActions)[number]

/** `to` is null when the status stays. */
export type CampaignTransition = Transition<CampaignStatus> & { to: CampaignStatus | null }

export const campaignTransitions: Record<CampaignAction, CampaignTransition> = {
  edit: { from: ['draft'], to: null, summary: 'change the terms; the whole campaign is checked again' },
  publish: { from: ['draft'], to: 'published', summary: 'the quota becomes supply; orders may be placed inside the window' },
  set_quota: { from: ['draft', 'published'], to: null, summary: 'set freely in a draft; once published, only raised' },
  sell: { from: ['published'], to: null, summary: 'a presale order, inside the window, within the quota and the per-customer limit' },
  end: { from: ['published'], to: 'ended', summary: 'the final price is set, every order repriced, balance windows open' },
  allocate_stock: { from: ['published', 'ended'], to: null, summary: 'arrived stock goes to orders whose deposit is paid' },
  // Cancelling again finishes a cancel that stopped half way.
  cancel: { from: ['draft', 'published', 'ended', 'cancelled'], to: 'cancelled', summary: 'no more orders; every open order cancelled with a full refund owed, deposit included' },
}

/** Refuses an action the campaign's status does not allow. */
export function checkCampaignAction(c: { code: string; status: CampaignStatus }, action: CampaignAction): LifecycleRefusal | undefined {
  return checkAction(campaignTransitions, { kind: 'campaign', ref: c.code, status: c.status }, action)
}
