/**
 * Promising: sell-ahead policies per SKU (and per channel), the promising settings, and
 * availability to promise through a channel. Re-promising when supply changes is Repromising's.
 */
import type { Db } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import { emptyBuckets, positionKey, type Inventory } from '../inventory/index.ts'
import { virtualLeadDaysOfSkus } from '../purchasing/index.ts'
import { slotsOfSkus } from '../supply/index.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import { fail } from './errors.ts'
import { availabilityToPromise, channelNodesOf, loadAtpNodes, type Atp, type AtpNode } from './atp.ts'
import { dayStartOf, type SellAheadPolicy } from './model.ts'
import { defaultPromisingSettings, handlingDaysOf, ruleOf, transitDaysOf, type PolicyInput, type PromisingSettings, type PromisingSettingsInput } from './policy.ts'
import {
  allChannels, deletePolicy, effectivePolicies, effectivePolicy, loadPromisingSettings, recentPromisingSettings, rulesFor, savePolicy, savePromisingSettings,
  storedPolicy, type EffectivePolicy,
} from './policy-store.ts'

/** A SKU's policy as stored at one level (the channel's, or the SKU's for every channel), and the policy in effect there. */
export interface PolicyAnswer {
  skuId: string
  channelId: string | null
  policy: SellAheadPolicy | null
  effective: EffectivePolicy
}

/** Availability to promise of a SKU through a channel: the ladder by date and, for a quantity, the quote. */
export interface PromiseQuote {
  skuId: string
  channelId: string
  region: string | null
  policy: EffectivePolicy
  atp: Atp
}

const policyEvent = (skuId: string, channel: Channel | null, change: 'set' | 'removed'): DomainEvent =>
  ({ topic: 'sell_ahead_policy.changed', subject: skuId, payload: { skuId, channelId: channel?.id ?? null, change } })

/** Part of a channel to quote: some of its nodes; delivery days into a region, or pickup at the node. */
export interface QuoteScope {
  nodeIds: readonly string[]
  region: string | null
  pickup: boolean
}

/** Settings as sent: customer tiers may be left out (the defaults apply). */
export type PromisingSettingsRequest = Omit<PromisingSettingsInput, 'customerTiers'> & { customerTiers?: Record<string, number> }

export class Promising {
  readonly #db: Db
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #inventory: Inventory

  constructor(db: Db, clock: Clock, catalogue: Catalogue, inventory: Inventory) {
    this.#db = db
    this.#clock = clock
    this.#catalogue = catalogue
    this.#inventory = inventory
  }

  /** The SKU's policy for every channel (channel null) or for one channel, and the policy in effect there. */
  async policy(skuId: string, channel: Channel | null): Promise<PolicyAnswer> {
    return {
      skuId,
      channelId: channel?.id ?? null,
      policy: (await storedPolicy(this.#db, skuId, channel?.id ?? allChannels)) ?? null,
      effective: await effectivePolicy(this.#db, skuId, channel?.id ?? null),
    }
  }

  /** Sets the policy at that level, checked as a whole. */
  async setPolicy(skuId: string, channel: Channel | null, input: PolicyInput): Promise<Result<PolicyAnswer>> {
    const nowMs = this.#clock.nowMs()
    const saved = await this.#db.tx(async (tx) => {
      const policy = await savePolicy(tx, skuId, channel?.id ?? allChannels, input, nowMs)
      if (policy.ok) await publish(tx, [policyEvent(skuId, channel, 'set')], nowMs)
      return policy
    })
    return saved.ok ? ok(await this.policy(skuId, channel)) : saved
  }

  /** Removes the policy at that level; there must be one. */
  async removePolicy(skuId: string, channel: Channel | null): Promise<Result<PolicyAnswer>> {
    const nowMs = this.#clock.nowMs()
    const removed = await this.#db.tx(async (tx) => {
      const found = await deletePolicy(tx, skuId, channel?.id ?? allChannels)
      if (found) await publish(tx, [policyEvent(skuId, channel, 'removed')], nowMs)
      return found
    })
    if (!removed) {
      return fail('policy_not_found', `No sell-ahead policy for ${skuId}${channel ? ` on channel ${channel.code}` : ''}.`)
    }
    return ok(await this.policy(skuId, channel))
  }

  settings(): Promise<PromisingSettings> {
    return loadPromisingSettings(this.#db)
  }

  /** Replaces the settings, validated; without customer tiers the default tiers apply. */
  setSettings(input: PromisingSettingsRequest): Promise<Result<PromisingSettings>> {
    const nowMs = this.#clock.nowMs()
    return this.#db.tx(async (tx) => {
      const saved = await savePromisingSettings(tx, { ...input, customerTiers: input.customerTiers ?? defaultPromisingSettings.customerTiers }, nowMs)
      if (saved.ok) await publish(tx, [{ topic: 'promising_settings.changed', subject: 'promising_settings', payload: { change: 'replaced' } }], nowMs)
      return saved
    })
  }

  /**
   * What each part of each channel can promise of each SKU now, for one unit: positions, slots,
   * policies and virtual lead times of all the SKUs are read once (four reads, however many SKUs
   * and channels), then each channel's scopes are quoted in memory (a scope is a subset of the
   * channel's nodes; a region when delivery days are wanted, or pickup at the node itself).
   * Answers, per SKU, per target, the quote of each scope.
   */
  async channelQuotes(skuIds: readonly string[], targets: ReadonlyArray<{ channel: Channel; scopes: readonly QuoteScope[] }>): Promise<Map<string, Atp[][]>> {
    const nowMs = this.#clock.nowMs()
    const todayMs = dayStartOf(nowMs)
    const settings = await recentPromisingSettings(this.#db)
    const channelNodes = await Promise.all(targets.map((t) => channelNodesOf(this.#catalogue, t.channel)))
    const [positions, fences, slots, leads, policyOf] = await Promise.all([
      this.#inventory.positionsOfSkus(skuIds), this.#inventory.fencesOfSkus(skuIds), slotsOfSkus(this.#db, skuIds), virtualLeadDaysOfSkus(this.#db, skuIds),
      effectivePolicies(this.#db, skuIds),
    ])
    const out = new Map<string, Atp[][]>()
    for (const skuId of skuIds) {
      out.set(skuId, targets.map(({ channel, scopes }, t) => {
        const policy = policyOf(skuId, channel.id).policy
        const atpNodes: AtpNode[] = channelNodes[t].map((n) => ({
          nodeId: n.id, region: n.region, handlingDays: handlingDaysOf(n.handlingTimeHours),
          position: positions.get(positionKey(skuId, n.id)) ?? emptyBuckets(),
          fence: fences.get(`${skuId}|${n.id}|${channel.id}`) ?? 0,
          slots: slots.get(skuId)?.get(n.id) ?? [],
          rule: ruleOf(policy, todayMs, leads.get(skuId)?.get(n.id) ?? 0, settings.overdueSupplyStepDays),
        }))
        return scopes.map((scope) => {
          const inScope = new Set(scope.nodeIds)
          const transitDays = scope.pickup ? () => 0
            : scope.region === null ? null
              : (nodeRegion: string) => transitDaysOf(settings, nodeRegion, { method: 'ship', region: scope.region! })
          return availabilityToPromise({ nodes: atpNodes.filter((n) => inScope.has(n.nodeId)), stockBuffer: channel.safetyBuffer, quantity: 1, nowMs, transitDays })
        })
      }))
    }
    return out
  }

  /** What can be promised of the SKU through the channel, by date; with a quantity, the node and dates for it. */
  async quote(skuId: string, channel: Channel, request: { quantity: number | null; region: string | null }): Promise<PromiseQuote> {
    const nowMs = this.#clock.nowMs()
    const nodes = await channelNodesOf(this.#catalogue, channel)
    const settings = await loadPromisingSettings(this.#db)
    const { effective, rules } = await rulesFor(this.#db, skuId, channel.id, nodes.map((n) => n.id), nowMs, settings)
    const atpNodes = await loadAtpNodes(this.#db, skuId, { nodes, rules, position: (s, n) => this.#inventory.channelPosition(s, n, channel.id) })
    const { region } = request
    const atp = availabilityToPromise({
      nodes: atpNodes, stockBuffer: channel.safetyBuffer, quantity: request.quantity, nowMs,
      transitDays: region === null ? null : (nodeRegion) => transitDaysOf(settings, nodeRegion, { method: 'ship', region }),
    })
    return { skuId, channelId: channel.id, region, policy: effective, atp }
  }
}
