/**
 * Presale campaigns (预售, DOMAIN.md §6): a quota of a SKU sold before it exists, from one node,
 * in a window, at a fixed or tiered price, paid as a deposit now and a balance after the
 * campaign ends. Every rule (deposit limits, inflation, ship dates, compensation) is data,
 * validated when set. Money is integer minor units; days are UTC midnights in epoch ms.
 */

export const campaignStatuses = ['draft', 'published', 'ended', 'cancelled'] as const
export type CampaignStatus = (typeof campaignStatuses)[number]

/** One price step: from this many units sold (over the whole campaign) the unit price is `unitPrice`. */
export interface PriceTier {
  fromUnits: number
  unitPrice: number
}

export type Pricing =
  | { kind: 'fixed'; unitPrice: number }
  /** Tiers from 0 units up, prices falling: the more the campaign sells, the less everyone pays. */
  | { kind: 'tiered'; tiers: PriceTier[] }

/**
 * What the deposit may be, by rule set (the platforms' rules, as data):
 * - `whole_amount_max_percent`: a whole currency amount (a multiple of `wholeUnit` minor units)
 *   of at most `maxPercent` % of the price (Taobao: whole yuan, ≤ 20 %);
 * - `percent_range_exclusive`: strictly above `minPercent` % and strictly below `maxPercent` % of the
 *   price, and strictly above `minAmountExclusive` when given (JD: > 10 yuan and < 50 %);
 * - `fixed`: exactly `amount` per unit.
 */
export type DepositRule =
  | { kind: 'whole_amount_max_percent'; maxPercent: number; wholeUnit: number }
  | { kind: 'percent_range_exclusive'; minPercent: number; maxPercent: number; minAmountExclusive: number | null }
  | { kind: 'fixed'; amount: number }

/** Deposit inflation (定金膨胀): a deposit counts for more than was paid toward the price. */
export type Inflation =
  /** The deposit counts `factor` times (1.5: 10 counts as 15), rounded down to a minor unit; at most two decimals. */
  | { kind: 'multiplier'; factor: number }
  /** The deposit counts as `creditPerUnit` per unit. */
  | { kind: 'credit'; creditPerUnit: number }

export interface DepositTerms {
  /** Paid per unit at purchase. */
  perUnit: number
  rule: DepositRule
  inflation: Inflation | null
}

export type ShipDate =
  /** Every order ships by the campaign's day. */
  | { mode: 'fixed'; dayMs: number }
  /** Ships `days` after the balance is paid; promised at the latest possible day until then. */
  | { mode: 'after_balance'; days: number }
  /** The customer picks a day between `earliestMs` and `latestMs` (inclusive). */
  | { mode: 'customer_chosen'; earliestMs: number; latestMs: number }

/** What the merchant owes an order not shipped by its promised day (merchant fault). */
export type CompensationRule =
  | { kind: 'percent_of_deposit'; percent: number }
  | { kind: 'fixed'; amount: number }

/** The campaign's terms as the merchant sets them; only the quota may change once published (and only up). */
export interface CampaignTerms {
  code: string
  name: string
  skuId: string
  /** The node the goods ship from; the quota is a supply slot there. */
  nodeId: string
  currency: string
  startsAtMs: number
  endsAtMs: number
  quota: number
  /** Most units one customer may order over the campaign; null: no limit. */
  perCustomerLimit: number | null
  pricing: Pricing
  deposit: DepositTerms
  /** Minutes after purchase the deposit must be paid, or the order is cancelled. */
  depositDeadlineMinutes: number
  /** Hours after the campaign ends the balance may be paid; unpaid then, the deposit is forfeited. */
  balanceWindowHours: number
  shipDate: ShipDate
  compensation: CompensationRule | null
  /** The supplier the goods are bought from, for suggested purchase quantities; null: the SKU's only supplier if it has one. */
  supplierId: string | null
}

export interface Campaign extends CampaignTerms {
  id: string
  status: CampaignStatus
  /** The price the tiers reached when the campaign ended. */
  finalUnitPrice: number | null
  endedAtMs: number | null
  /** When every order was repriced and given its balance window (right after the end). */
  repricedAtMs: number | null
  createdAtMs: number
  updatedAtMs: number
}

/** The slot id of a campaign's quota is the campaign's id. */
export const slotIdOf = (c: Pick<Campaign, 'id'>): string => c.id

export const defaultDepositDeadlineMinutes = 30
export const hourMs = 3_600_000
export const minuteMs = 60_000
