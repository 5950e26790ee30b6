/**
 * What callers send, completed and checked before the campaign's own rules: a new campaign's
 * defaults, and a presale order's checks in their fixed order — the idempotency key a channel
 * must send, the campaign the caller may see, the channel it places on (active), then the
 * customer tier's priority.
 */
import type { Queryable } from '../store/db.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Idempotency } from '../inventory/index.ts'
import { channelToPlace, requireKeyOfChannel, type Placer, type ShipTo } from '../orders/index.ts'
import { loadPromisingSettings, tierPriority } from '../promising/index.ts'
import type { TermsInput } from './decide.ts'
import { fail, notFound } from './errors.ts'
import type { Campaign } from './model.ts'
import type { OrderRequest } from './service.ts'

export const defaultBalanceWindowHours = 72

/** A new campaign's terms as sent: SKU, node, window, quota, price, deposit and ship date; the rest may be left out. */
export type NewCampaignTerms =
  Pick<TermsInput, 'code' | 'skuId' | 'nodeId' | 'startsAtMs' | 'endsAtMs' | 'quota' | 'pricing' | 'deposit' | 'shipDate'> & Partial<TermsInput>

/** The terms of a new campaign: named by its code, in CNY, no per-customer limit, a 72-hour balance window, no compensation, no supplier, unless sent. */
export const newCampaignTermsOf = (t: NewCampaignTerms): TermsInput => ({
  name: t.code, currency: 'CNY', perCustomerLimit: null, depositDeadlineMinutes: null, balanceWindowHours: defaultBalanceWindowHours,
  compensation: null, supplierId: null, ...t,
})

/** A channel sees campaigns once published; the merchant sees drafts too. Others are not found. */
export function campaignVisible(c: Campaign | undefined, ref: string, toChannel: boolean): Result<Campaign> {
  return c && !(toChannel && c.status === 'draft') ? ok(c) : notFound('campaign', ref)
}

/** A presale order as sent: who places it, on which channel (the merchant must name one), and for which customer tier. */
export interface PresaleOrderRequest {
  by: Placer
  channel?: string
  customerId: string
  quantity: number
  shipDayMs: number | null
  region: string | null
  reference: string | null
  customerTier?: string
  /** Who the order ships to (personal data). */
  shipTo?: ShipTo
  idem?: Idempotency
}

/** Checks the request in its fixed order and resolves it into what the campaign decides on. */
export async function presaleOrderOf(
  q: Queryable, catalogue: Catalogue, loadCampaign: (ref: string) => Promise<Campaign | undefined>, ref: string, request: PresaleOrderRequest,
): Promise<Result<{ campaign: Campaign; order: OrderRequest }>> {
  const { by } = request
  const keyed = requireKeyOfChannel(by, request.idem)
  if (!keyed.ok) return keyed
  const campaign = campaignVisible(await loadCampaign(ref), ref, by.ownChannel !== undefined)
  if (!campaign.ok) return campaign
  const channel = await channelToPlace(catalogue, by, request.channel)
  if (!channel.ok) return channel
  if (!channel.value.active) return fail('channel_inactive', `Channel ${channel.value.code} is not selling.`)
  let priorityClass = 0
  if (request.customerTier !== undefined) {
    const tier = tierPriority(await loadPromisingSettings(q), request.customerTier)
    if (tier === undefined) return fail('unknown_customer_tier', `No customer tier '${request.customerTier}' in the promising settings.`)
    priorityClass = tier
  }
  return ok({
    campaign: campaign.value,
    order: {
      channelId: channel.value.id, customerId: request.customerId, quantity: request.quantity, shipDayMs: request.shipDayMs,
      region: request.region, reference: request.reference, priorityClass, actor: by.actor, idem: request.idem,
      ...(request.shipTo !== undefined && { shipTo: request.shipTo }),
    },
  })
}
