/** Presale request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { campaignStatuses } from './model.ts'
import { ShipToSchema } from '../orders/index.ts'

const strict = { additionalProperties: false } as const

export const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
export const Day = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD (UTC)' })
const Instant = Type.String({ format: 'date-time', description: 'An instant, ISO 8601 with a zone' })
const Money = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units (fen, cents)' })
const Units = Type.Integer({ minimum: 1, maximum: 1_000_000_000 })
const Percent = Type.Integer({ minimum: 0, maximum: 100, description: 'A whole percentage' })

export const Pricing = named('PresalePricing', Type.Union([
  Type.Object({ kind: Type.Literal('fixed'), unitPrice: Money }, strict),
  Type.Object({
    kind: Type.Literal('tiered'),
    tiers: Type.Array(Type.Object({ fromUnits: Type.Integer({ minimum: 0 }), unitPrice: Money }, strict), { minItems: 1, maxItems: 20 }),
  }, { ...strict, description: 'From 0 units up, prices falling; the final price is the tier reached when the campaign ends' }),
]))

export const DepositRule = named('DepositRule', Type.Union([
  Type.Object({
    kind: Type.Literal('whole_amount_max_percent'), maxPercent: Percent,
    wholeUnit: Type.Optional(Type.Integer({ minimum: 1, description: 'The deposit must be a multiple of this (default 100: whole yuan)' })),
  }, { ...strict, description: 'A whole amount of at most maxPercent % of the price (Taobao: ≤ 20 %)' }),
  Type.Object({
    kind: Type.Literal('percent_range_exclusive'), minPercent: Percent, maxPercent: Percent,
    minAmountExclusive: Type.Optional(Nullable(Money)),
  }, { ...strict, description: 'Strictly above minPercent % (and minAmountExclusive) and strictly below maxPercent % of the price (JD: > 10 and < 50 %)' }),
  Type.Object({ kind: Type.Literal('fixed'), amount: Money }, { ...strict, description: 'Exactly this deposit per unit' }),
]))

export const Inflation = Type.Union([
  Type.Object({ kind: Type.Literal('multiplier'), factor: Type.Number({ minimum: 1, maximum: 10, description: '1.5: a deposit of 10 counts as 15' }) }, strict),
  Type.Object({ kind: Type.Literal('credit'), creditPerUnit: Money }, strict),
])

export const Deposit = named('Deposit', Type.Object({
  perUnit: Type.Optional(Money),
  rule: DepositRule,
  inflation: Type.Optional(Nullable(Inflation)),
}, strict))

export const ShipDate = named('PresaleShipDate', Type.Union([
  Type.Object({ mode: Type.Literal('fixed'), day: Day }, strict),
  Type.Object({ mode: Type.Literal('after_balance'), days: Type.Integer({ minimum: 0, maximum: 365 }) }, strict),
  Type.Object({ mode: Type.Literal('customer_chosen'), earliest: Day, latest: Day }, strict),
]))

export const Compensation = named('PresaleCompensation', Type.Union([
  Type.Object({ kind: Type.Literal('percent_of_deposit'), percent: Type.Integer({ minimum: 1, maximum: 1000 }) }, strict),
  Type.Object({ kind: Type.Literal('fixed'), amount: Money }, strict),
]))

const termFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  sku: Ref,
  node: Ref,
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code (default CNY)' }),
  startsAt: Instant,
  endsAt: Instant,
  quota: Units,
  perCustomerLimit: Nullable(Units),
  pricing: Pricing,
  deposit: Deposit,
  depositDeadlineMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Default 30' }),
  balanceWindowHours: Type.Integer({ minimum: 1, maximum: 2160, description: 'From the campaign end; default 72' }),
  shipDate: ShipDate,
  compensation: Nullable(Compensation),
  supplier: Nullable(Ref),
}

export const CreateCampaignBody = named('CreateCampaignRequest', Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
  name: Type.Optional(termFields.name),
  sku: termFields.sku,
  node: termFields.node,
  currency: Type.Optional(termFields.currency),
  startsAt: termFields.startsAt,
  endsAt: termFields.endsAt,
  quota: termFields.quota,
  perCustomerLimit: Type.Optional(termFields.perCustomerLimit),
  pricing: termFields.pricing,
  deposit: termFields.deposit,
  depositDeadlineMinutes: Type.Optional(termFields.depositDeadlineMinutes),
  balanceWindowHours: Type.Optional(termFields.balanceWindowHours),
  shipDate: termFields.shipDate,
  compensation: Type.Optional(termFields.compensation),
  supplier: Type.Optional(termFields.supplier),
}, strict))

export const PatchCampaignBody = Type.Partial(Type.Object(termFields), { ...strict, minProperties: 1 })

export const QuotaBody = Type.Object({ quota: Units }, strict)
export const CancelBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, strict)

export const OrderBody = named('PresaleOrderRequest', Type.Object({
  customerId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:@-]+$', description: 'The channel’s own customer id (no personal data)' }),
  quantity: Units,
  shipDate: Type.Optional(Day),
  channel: Type.Optional(Ref),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Delivery region; the campaign node’s region by default' })),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  customerTier: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  shipTo: Type.Optional(ShipToSchema),
  promotions: Type.Optional(Type.Unknown({ description: 'Not allowed: presale orders take no normal promotions (refused with promotions_not_allowed)' })),
  coupon: Type.Optional(Type.Unknown({ description: 'Not allowed: presale orders take no coupons (refused with promotions_not_allowed)' })),
}, strict))

export const ListQuery = Type.Object({
  status: Type.Optional(literals(campaignStatuses)),
  sku: Type.Optional(Ref),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
}, strict)

export const CampaignView = named('Campaign', Type.Object({
  id: Type.String(), code: Type.String(), name: Type.String(), skuId: Type.String(), nodeId: Type.String(), currency: Type.String(),
  status: literals(campaignStatuses), startsAt: Type.String(), endsAt: Type.String(), quota: Type.Integer(), perCustomerLimit: Nullable(Type.Integer()),
  pricing: Type.Unknown(), deposit: Type.Unknown(), depositDeadlineMinutes: Type.Integer(), balanceWindowHours: Type.Integer(),
  shipDate: Type.Unknown(), compensation: Type.Unknown(), supplierId: Nullable(Type.String()),
  unitsSold: Type.Integer(), quotaRemaining: Type.Integer(), currentUnitPrice: Type.Integer(), finalUnitPrice: Nullable(Type.Integer()),
  endedAt: Nullable(Type.String()), repricedAt: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
}))

export const DemandView = named('CampaignDemand', Type.Object({
  skuId: Type.String(), nodeId: Type.String(), campaignIds: Type.Array(Type.String()), unitsOrdered: Type.Integer(), stockAvailable: Type.Integer(),
  openSupply: Type.Integer(), shortfall: Type.Integer(), supplierId: Nullable(Type.String()), minOrderQuantity: Type.Integer(), packSize: Type.Integer(),
  suggestedQuantity: Type.Integer(),
}))
