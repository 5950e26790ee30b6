/**
 * The promise a shop's product page shows (the `<sellahead-promise>` widget): for a SKU sold
 * through a channel into a region, whether it is in stock, sold ahead on future supply, or in a
 * running presale, with the dates and the confidence in them. Built from availability to promise
 * (the same allocation placing an order runs) and the SKU's published presale campaigns. It is
 * public, so it never says how many units there are, or where.
 */
import { dayTextOf, isoOf, type Clock } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import { dayMs, dayStartOf, transitDaysOf, type Allocation, type Promising, type PromiseQuote } from '../promising/index.ts'
import { balanceWindowOf, planOf, priceAt, slotDayOf, type Campaign, type Presale } from '../presale/index.ts'
import { fail } from './errors.ts'

export const promiseKinds = ['in_stock', 'future_supply', 'presale', 'unavailable'] as const
export type PromiseKind = (typeof promiseKinds)[number]
export type Confidence = 'high' | 'medium' | 'low'
/** What a promise beyond the shelf waits for, from the least certain supply behind it. */
export const waitingKinds = ['supplier_confirmation', 'confirmed_supplier_delivery', 'delivery_in_transit', 'transfer_between_warehouses', 'supplier_stock'] as const
export type WaitingFor = (typeof waitingKinds)[number]

export interface PublicPromise {
  kind: PromiseKind
  /** The server's day (UTC), which the dates count from: "ships today" when `shipBy` is it. */
  today?: string
  shipBy: string | null
  deliverBy: string | null
  confidence: Confidence | null
  waitingFor?: WaitingFor
  /** Presale: the deposit for the quantity asked, the price it counts toward, in `currency`. */
  deposit?: number
  price?: number
  currency?: string
  campaign?: { code: string; name: string; endsAt: string }
}

export interface PromiseRequest {
  sku: string
  channel: string
  region: string | null
  quantity: number
}

const unavailable: PublicPromise = { kind: 'unavailable', shipBy: null, deliverBy: null, confidence: null }

/** Least certain first: the first kind a quote's supply has names what it waits for. */
const waitingByKind: ReadonlyArray<[Allocation['kind'], WaitingFor, Confidence]> = [
  ['po_unconfirmed', 'supplier_confirmation', 'low'],
  ['po_confirmed', 'confirmed_supplier_delivery', 'medium'],
  ['in_transit', 'delivery_in_transit', 'medium'],
  ['transfer', 'transfer_between_warehouses', 'medium'],
  ['virtual', 'supplier_stock', 'medium'],
]

/** A quote that can be met, as the shopper is told it: in stock when every unit is on the shelf. Pure. */
export function supplyPromise(quote: { shipByMs: number; deliverByMs: number | null; supply: readonly Allocation[] }): PublicPromise {
  const dates = { shipBy: dayTextOf(quote.shipByMs), deliverBy: dayTextOf(quote.deliverByMs) }
  const kinds = new Set(quote.supply.map((a) => a.kind))
  const waiting = waitingByKind.find(([kind]) => kinds.has(kind))
  if (!waiting) return { kind: 'in_stock', ...dates, confidence: 'high' }
  return { kind: 'future_supply', ...dates, confidence: waiting[2], waitingFor: waiting[1] }
}

/** A running campaign's offer for the quantity: the deposit now, the price today's tier gives, the campaign's ship day. Pure. */
export function presalePromise(c: Campaign, unitsSold: number, quantity: number, transitDays: number | null): PublicPromise {
  const price = priceAt(c.pricing, unitsSold)
  const plan = planOf(c, price, quantity)
  const shipByMs = slotDayOf(c.shipDate, balanceWindowOf(c.endsAtMs, c.balanceWindowHours).byMs)
  return {
    kind: 'presale', shipBy: dayTextOf(shipByMs), deliverBy: transitDays === null ? null : dayTextOf(shipByMs + transitDays * dayMs), confidence: 'medium',
    deposit: plan.payment.kind === 'deposit' ? plan.payment.deposit : 0, price: plan.total, currency: c.currency,
    campaign: { code: c.code, name: c.name, endsAt: isoOf(c.endsAtMs) },
  }
}

export class ShopperPromises {
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #promising: Promising
  readonly #presale: Presale

  constructor(clock: Clock, catalogue: Catalogue, promising: Promising, presale: Presale) {
    this.#clock = clock
    this.#catalogue = catalogue
    this.#promising = promising
    this.#presale = presale
  }

  /** In stock first; then a running presale the channel sells; then future supply; else unavailable. */
  async promise(request: PromiseRequest): Promise<Result<PublicPromise>> {
    const sku = await this.#catalogue.resolveSku(request.sku)
    if (!sku) return fail('sku_not_found', `No SKU '${request.sku}'.`)
    const channel = await this.#catalogue.resolveChannel(request.channel)
    if (!channel) return fail('channel_not_found', `No channel '${request.channel}'.`)
    const today = todayOf(this.#clock)
    // Nothing is sold through an inactive channel, nor of an inactive SKU.
    if (!channel.active || !sku.active) return ok({ ...unavailable, today })
    const quoted = await this.#promising.quote(sku.id, channel, { quantity: request.quantity, region: request.region })
    const quote = quoted.atp.quote
    const fromSupply = quote?.available ? supplyPromise(quote) : undefined
    if (fromSupply?.kind === 'in_stock') return ok({ ...fromSupply, today })
    const presale = await this.#presaleOffer(sku.id, channel, quoted, request)
    return ok({ ...(presale ?? fromSupply ?? unavailable), today })
  }

  /** The SKU's campaign selling now with quota left for the quantity, if the channel's policy sells presale. */
  async #presaleOffer(skuId: string, channel: Channel, quoted: PromiseQuote, request: PromiseRequest): Promise<PublicPromise | undefined> {
    if (!quoted.policy.policy.kinds.includes('presale')) return undefined
    const nowMs = this.#clock.nowMs()
    const campaigns = await this.#presale.list({ statuses: ['published'], skuId }, undefined, 20)
    for (const c of campaigns.filter((c) => c.startsAtMs <= nowMs && nowMs < c.endsAtMs)) {
      const sales = await this.#presale.sales(c)
      if (sales.quotaRemaining < request.quantity) continue
      return presalePromise(c, sales.unitsSold, request.quantity, await this.#transitDays(c.nodeId, request.region))
    }
    return undefined
  }

  async #transitDays(nodeId: string, region: string | null): Promise<number | null> {
    if (region === null) return null
    const node = await this.#catalogue.resolveNode(nodeId)
    return transitDaysOf(await this.#promising.settings(), node?.region ?? '', { method: 'ship', region })
  }
}

/** Today's day, for the widget's "ships today". */
export const todayOf = (clock: Clock): string => dayTextOf(dayStartOf(clock.nowMs()))!
