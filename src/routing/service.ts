/**
 * Routing: the profiles (per channel, with a default; every change a new version), the shipping
 * zones, and what an order's placement needs to route it (`orderRouting`). Decisions are written
 * by the placement itself, in its batch (plan.ts).
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import { SingleFlight } from '../kernel/single-flight.ts'
import { loadRecentSetting, loadSetting, saveSetting, type SettingRule } from '../store/settings.ts'
import type { Catalogue, Channel, StockNode } from '../catalogue/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { slotNodesOfSkus } from '../supply/index.ts'
import { handlingDaysOf, transitDaysOf, type PromisingSettings } from '../promising/index.ts'
import { decideRoutingProfile, decideShipping } from './decide.ts'
import { fail } from './errors.ts'
import { defaultProfileBody, defaultServiceLevel, defaultShipping, type RoutingProfile, type ShippingSettings } from './model.ts'
import { centroidOf, haversineKm, zoneOf } from './geo.ts'
import type { OrderRouting } from './plan.ts'
import { decisionsOf, insertProfile, latestProfile, latestProfiles, profileVersions, type Decision } from './store.ts'
import type { CandidateNode } from './router.ts'

export const defaultScope = 'default'
const shippingSetting: SettingRule<unknown, ShippingSettings> = { name: 'routing.shipping', fallback: defaultShipping, check: decideShipping }
/** How long a process keeps a profile it read (its own writes are seen at once). */
const profileTtlMs = 1000

/** What a node can do when it lists nothing: what its kind does (warehouses and stores take returns; a supplier's dropship node does not). */
const kindCapabilities: Record<StockNode['kind'], string[]> = { warehouse: ['ship', 'returns'], store: ['ship', 'pickup', 'returns'], dropship: ['ship', 'dropship'] }
export const capabilitiesOf = (node: Pick<StockNode, 'capabilities' | 'kind'>): readonly string[] => (node.capabilities.length > 0 ? node.capabilities : kindCapabilities[node.kind])

export interface Destination {
  region: string | null
  latitude?: number | null
  longitude?: number | null
  serviceLevel?: string
}

export class Routing {
  readonly #db: Db
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #inventory: Inventory
  readonly #profiles = new Map<string, { profile: RoutingProfile | undefined; atMs: number }>()
  readonly #loading = new SingleFlight<RoutingProfile | undefined>()

  readonly #observers: Array<(ms: number) => void> = []
  readonly #observe = (ms: number): void => {
    for (const o of this.#observers) o(ms)
  }

  constructor(db: Db, clock: Clock, catalogue: Catalogue, inventory: Inventory) {
    this.#db = db
    this.#clock = clock
    this.#catalogue = catalogue
    this.#inventory = inventory
  }

  /** Per SKU, the nodes that hold a position of it or expect supply of it (one unlocked read each): the only nodes worth routing a line to. */
  async nodesWithSupply(skuIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const [held, expected] = await Promise.all([this.#inventory.positionNodesOfSkus(skuIds), slotNodesOfSkus(this.#db, skuIds)])
    for (const [skuId, nodes] of expected) {
      const set = held.get(skuId)
      if (set) for (const n of nodes) set.add(n)
      else held.set(skuId, nodes)
    }
    return held
  }

  /** Calls `observer` with each routing decision's time in milliseconds (a metric, a benchmark). */
  onDecision(observer: (ms: number) => void): void {
    this.#observers.push(observer)
  }

  /** The scope a reference names: `default`, or a channel by id or code. */
  async scopeOf(ref: string): Promise<Result<{ scope: string; channel: Channel | null }>> {
    if (ref === defaultScope) return ok({ scope: defaultScope, channel: null })
    const channel = await this.#catalogue.resolveChannel(ref)
    if (!channel) return fail('routing_scope_not_found', `No channel '${ref}': name a channel by id or code, or 'default' for the profile every channel without its own follows.`)
    return ok({ scope: channel.id, channel })
  }

  /** The profile in effect for a scope: its own newest version, else the default's, else the built-in one (version 0). */
  /** `q` inside a transaction: a profile not cached is read through it. */
  async profileFor(scope: string, q?: Queryable): Promise<RoutingProfile> {
    return (scope === defaultScope ? undefined : await this.#cachedLatest(scope, q)) ?? (await this.#cachedLatest(defaultScope, q)) ?? builtIn()
  }

  async #cachedLatest(scope: string, q?: Queryable): Promise<RoutingProfile | undefined> {
    const hit = this.#profiles.get(scope)
    const nowMs = performance.now()
    if (hit && nowMs - hit.atMs < profileTtlMs) return hit.profile
    if (q) return latestProfile(q, scope)
    // Orders in flight when it expires share one read.
    return this.#loading.load(scope, async () => {
      const profile = await latestProfile(this.#db, scope)
      this.#profiles.set(scope, { profile, atMs: nowMs })
      return profile
    })
  }

  /** Every scope's newest stored profile, and the default in effect (stored or built in). */
  async listProfiles(): Promise<RoutingProfile[]> {
    const stored = await latestProfiles(this.#db)
    return stored.some((p) => p.scope === defaultScope) ? stored : [builtIn(), ...stored]
  }

  versions(scope: string): Promise<RoutingProfile[]> {
    return profileVersions(this.#db, scope)
  }

  /** Validates and stores the scope's next version; orders placed from now on use it. */
  async setProfile(scope: string, input: unknown, actor: string): Promise<Result<RoutingProfile>> {
    const nodes = await this.#catalogue.listNodes()
    const refs = new Set(nodes.flatMap((n) => [n.id, n.code]))
    const decided = decideRoutingProfile(input, (ref) => refs.has(ref))
    if (!decided.ok) return decided
    const saved = await this.#db.tx((tx) => insertProfile(tx, scope, decided.value, actor, this.#clock.nowMs()))
    this.#profiles.delete(scope)
    return ok(saved)
  }

  shipping(): Promise<ShippingSettings> {
    return loadSetting(this.#db, shippingSetting)
  }

  setShipping(input: unknown): Promise<Result<ShippingSettings>> {
    return saveSetting(this.#db, shippingSetting, input, this.#clock.nowMs())
  }

  decisions(orderId: string): Promise<Decision[]> {
    return decisionsOf(this.#db, orderId)
  }

  /**
   * What routing an order needs before its batch: the channel's profile, each candidate's
   * capabilities, distance to the destination (its coordinates, else its region's centre),
   * shipping cost and transit by zone (else the promising settings' transit days), calendar,
   * handling time and daily capacity for the order's capability.
   */
  async orderRouting(
    channel: Channel, candidates: readonly StockNode[], destination: Destination, pickup: boolean, settings: PromisingSettings, skipped: readonly StockNode[] = [], q?: Queryable,
  ): Promise<OrderRouting> {
    // Inside a transaction (a line placed again), every read goes through it.
    const profile = await this.profileFor(channel.id, q)
    const shipping = q ? await loadSetting(q, shippingSetting) : await loadRecentSetting(this.#db, shippingSetting)
    const all = await this.#catalogue.listNodes(q)
    const capability = pickup ? 'pickup' : 'ship'
    const region = pickup ? null : destination.region
    const point = destination.latitude != null && destination.longitude != null
      ? { latitude: destination.latitude, longitude: destination.longitude }
      : region === null ? undefined : centroidOf(shipping, region)
    const level = destination.serviceLevel ?? defaultServiceLevel
    const nodes: CandidateNode[] = []
    const facts: OrderRouting['facts'] = []
    for (const n of candidates) {
      const zone = region === null ? undefined : zoneOf(shipping, n.region, region, level)
      const p = n.fulfilment
      nodes.push({
        id: n.id, code: n.code, region: n.region, capabilities: capabilitiesOf(n),
        distanceKm: point && n.latitude !== null && n.longitude !== null ? haversineKm(point, { latitude: n.latitude, longitude: n.longitude }) : null,
        costPerShipment: (zone?.cost ?? 0) + p.pickPackCost.perShipment, costPerUnit: p.pickPackCost.perUnit,
      })
      facts.push({
        calendar: p, handlingDays: handlingDaysOf(n.handlingTimeHours),
        transitDays: pickup ? 0 : zone?.transitDays ?? transitDaysOf(settings, n.region, { method: 'ship', region: region ?? '' }),
        capacity: p.capacity[capability] ?? (pickup ? p.capacity.bopis : undefined) ?? null,
      })
    }
    const byRef = new Map<string, string>(all.flatMap((n) => [[n.id, n.id], [n.code, n.id]] as const))
    return {
      profile, capability, region, nodes, facts, resolve: (ref) => byRef.get(ref),
      observe: this.#observers.length > 0 ? this.#observe : undefined,
      skipped: skipped.map((n) => ({ id: n.id, code: n.code })),
    }
  }
}

const builtIn = (): RoutingProfile => ({ ...structuredClone(defaultProfileBody), scope: defaultScope, version: 0, actor: null, createdAt: null })
