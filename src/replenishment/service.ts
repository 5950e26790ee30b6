/**
 * Replenishment: demand history (kept by a projector from the outbox, plus refusals and imports),
 * the planned events calendar, inventory policies, forecasts and suggested purchase orders, and a
 * nightly recompute driven by a due-time row (run at most once across processes).
 */
import type { Logger } from 'pino'
import type { Db } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { FailureError, ok, type Failure, type Result } from '../kernel/result.ts'
import type { Catalogue, CsvSource } from '../catalogue/index.ts'
import type { EventFeed } from '../events/index.ts'
import type { Inventory } from '../inventory/index.ts'
import type { Purchasing, Suppliers } from '../purchasing/index.ts'
import { fail, notFound } from './errors.ts'
import { DemandProjector } from './demand-projector.ts'
import { demandDays } from './demand-store.ts'
import { anyKey, dayMs, epochDayOf, type DemandDay, type PlannedEvent } from './model.ts'
import { checkPlannedEvent, type PlannedEventDraft } from './calendar.ts'
import { deletePlannedEvent, insertPlannedEvent, plannedEvent, plannedEventsBetween } from './calendar-store.ts'
import { deletePolicy, effectivePolicies, listPolicies, savePolicy, storedPolicy, type EffectivePolicy, type StoredPolicy } from './policy-store.ts'
import { defaultPolicy, policyOf } from './policy.ts'
import { forecastOfSeries, type StoredForecast } from './forecast-store.ts'
import { vendorAlerts, vendorStock } from './vendor.ts'
import { recompute, type RunOptions, type RunReport } from './run.ts'
import { claimDueRun, ensureRunDue, recordRunFinished, recordRunStarted, runState, type RunState } from './run-store.ts'
import { decideSuggestion, editSuggestionQuantity, listSuggestions, suggestion, suggestionsById, type StoredSuggestion, type SuggestionFilter } from './suggestion-store.ts'
import { importCalendar, importDemandHistory, type ReplenishmentImportOptions, type ReplenishmentImportReport } from './import.ts'
import { groupSuggestions } from './suggest.ts'

export interface ReplenishmentDeps {
  catalogue: Catalogue
  inventory: Inventory
  suppliers: Suppliers
  purchasing: Purchasing
  events: EventFeed
}

export interface ReplenishmentOptions {
  /** How often demand is projected and the due run looked for; 0 turns the timer off (tests call catchUp and runDue). */
  pollIntervalMs?: number
  /** The hour (UTC) of the nightly recompute. */
  runHourUtc?: number
  logger?: Logger
}

/** Who decides on a suggestion: `role/tokenId`. */
export interface Buyer { actor: string }

export interface Approval {
  purchaseOrders: Array<{ id: string; supplierId: string; nodeId: string; status: string; suggestionIds: string[] }>
  refused: Array<{ suggestionIds: string[]; code: string; detail: string }>
}

const mostSuggestionsPerApproval = 500

/** A suggestion's SKU, node and supplier by code and name. */
export interface SuggestionNames {
  sku: { code: string; name: string }
  node: { code: string; name: string }
  supplier: { code: string; name: string } | null
}


export class Replenishment {
  readonly #db: Db
  readonly #clock: Clock
  readonly #deps: ReplenishmentDeps
  readonly #runHourUtc: number
  readonly demand: DemandProjector
  #timer: NodeJS.Timeout | undefined
  #running: Promise<RunReport> | undefined

  constructor(db: Db, clock: Clock, deps: ReplenishmentDeps, options: ReplenishmentOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#deps = deps
    this.#runHourUtc = options.runHourUtc ?? 2
    this.demand = new DemandProjector(db, deps.events)
    const intervalMs = options.pollIntervalMs ?? 5000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        this.demand.catchUp().then(() => this.runDue()).catch((err) => options.logger?.error({ err }, 'replenishment: demand projection or the due run failed; it runs again'))
      }, intervalMs)
      this.#timer.unref()
    }
  }

  /** Stops the timer and waits for a run or projection in flight (before the database closes). */
  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#running?.catch(() => undefined)
    await this.demand.settle()
  }

  /** The next nightly run after `nowMs`. */
  #nextRunAtMs(nowMs: number): number {
    const today = epochDayOf(nowMs) * dayMs + this.#runHourUtc * 3_600_000
    return today > nowMs ? today : today + dayMs
  }

  /** Runs the recompute when its due time has come (once across processes), and sets the next night. */
  async runDue(): Promise<RunReport | undefined> {
    const nowMs = this.#clock.nowMs()
    await ensureRunDue(this.#db, this.#nextRunAtMs(nowMs))
    if (this.#running || !(await claimDueRun(this.#db, nowMs, this.#nextRunAtMs(nowMs)))) return undefined
    return this.#run({})
  }

  /** Recomputes now (all series, or some SKUs'), as a buyer asks: waits for a run in progress first. */
  async recomputeNow(options: RunOptions = {}): Promise<RunReport> {
    if (this.#running) await this.#running.catch(() => undefined)
    await recordRunStarted(this.#db, this.#clock.nowMs())
    return this.#run(options)
  }

  async #run(options: RunOptions): Promise<RunReport> {
    const run = (async () => {
      await this.demand.catchUp()
      const report = await recompute({ db: this.#db, clock: this.#clock, inventory: this.#deps.inventory, suppliers: this.#deps.suppliers }, options)
      if (report.autoSend.length > 0) await this.approve(report.autoSend, { actor: 'system:replenishment' }, true)
      await recordRunFinished(this.#db, this.#clock.nowMs(), { ...report, autoSend: report.autoSend.length })
      return report
    })()
    this.#running = run
    try {
      return await run
    } finally {
      this.#running = undefined
    }
  }

  async runState(): Promise<RunState> {
    const nowMs = this.#clock.nowMs()
    await ensureRunDue(this.#db, this.#nextRunAtMs(nowMs))
    return (await runState(this.#db))!
  }

  // Demand history

  async demandOf(skuRef: string, nodeRef: string, fromDay: number, toDay: number): Promise<Result<{ skuId: string; nodeId: string; days: DemandDay[] }>> {
    const key = await this.#seriesKey(skuRef, nodeRef)
    if (!key.ok) return key
    return ok({ ...key.value, days: await demandDays(this.#db, key.value.skuId, key.value.nodeId, fromDay, toDay) })
  }

  importDemandHistory(source: CsvSource, options?: ReplenishmentImportOptions): Promise<ReplenishmentImportReport> {
    return importDemandHistory(this.#db, this.#deps.catalogue, source, options)
  }

  importCalendar(source: CsvSource, by: string, options?: ReplenishmentImportOptions): Promise<ReplenishmentImportReport> {
    return importCalendar(this.#db, this.#deps.catalogue, source, by, this.#clock.nowMs(), options)
  }

  // The planned events calendar

  async addPlannedEvent(draft: PlannedEventDraft, by: string): Promise<Result<PlannedEvent>> {
    const checked = checkPlannedEvent(draft)
    if (!checked.ok) return checked
    const skuId = await this.#skuOrAny(draft.sku)
    if (!skuId) return fail('unknown_sku', `No SKU with code or id '${draft.sku}' (or * for every SKU).`)
    const nodeId = await this.#nodeOrAny(draft.node)
    if (!nodeId) return fail('unknown_node', `No node with code or id '${draft.node}' (or * for every node).`)
    const made = await insertPlannedEvent(this.#db, { skuId, nodeId, ...checked.value }, this.#clock.nowMs(), by)
    if (!made) return fail('planned_event_exists', `A ${checked.value.kind} is already planned for ${draft.sku} at ${draft.node} on ${draft.date}: delete it first to change it.`)
    return ok(made)
  }

  async plannedEvent(id: string): Promise<Result<PlannedEvent>> {
    const found = await plannedEvent(this.#db, id)
    return found ? ok(found) : notFound('planned_event', id)
  }

  async deletePlannedEvent(id: string): Promise<Result<PlannedEvent>> {
    const found = await plannedEvent(this.#db, id)
    return found && (await deletePlannedEvent(this.#db, id)) ? ok(found) : notFound('planned_event', id)
  }

  async plannedEvents(fromDay: number, toDay: number, filter: { sku?: string; node?: string }, after: { day: number; id: string } | undefined, limit: number): Promise<Result<PlannedEvent[]>> {
    const skuId = filter.sku === undefined ? undefined : await this.#skuOrAny(filter.sku)
    if (filter.sku !== undefined && !skuId) return fail('unknown_sku', `No SKU with code or id '${filter.sku}'.`)
    const nodeId = filter.node === undefined ? undefined : await this.#nodeOrAny(filter.node)
    if (filter.node !== undefined && !nodeId) return fail('unknown_node', `No node with code or id '${filter.node}'.`)
    return ok(await plannedEventsBetween(this.#db, fromDay, toDay, { skuId, nodeId }, after, limit))
  }

  // Inventory policies

  async setPolicy(skuRef: string, nodeRef: string, body: unknown, by: string): Promise<Result<StoredPolicy>> {
    const skuId = await this.#skuOrAny(skuRef)
    if (!skuId) return notFound('sku', skuRef)
    const nodeId = await this.#nodeOrAny(nodeRef)
    if (!nodeId) return notFound('node', nodeRef)
    const policy = policyOf(body)
    if (!policy.ok) return policy
    const supplierId = policy.value.supplierId
    if (supplierId && !(await this.#deps.suppliers.resolve(supplierId))) return fail('invalid_replenishment_policy', `supplierId: no supplier '${supplierId}'.`, { field: 'supplierId' })
    const resolved = supplierId ? { ...policy.value, supplierId: (await this.#deps.suppliers.resolve(supplierId))!.id } : policy.value
    return ok(await this.#db.tx((tx) => savePolicy(tx, skuId, nodeId, resolved, this.#clock.nowMs(), by)))
  }

  /** The policy a series follows and where it comes from (its own, its SKU's, its node's, the shop's default, or the built-in one). */
  async policyOf(skuRef: string, nodeRef: string): Promise<Result<{ skuId: string; nodeId: string; stored: StoredPolicy | null; effective: EffectivePolicy }>> {
    const skuId = await this.#skuOrAny(skuRef)
    if (!skuId) return notFound('sku', skuRef)
    const nodeId = await this.#nodeOrAny(nodeRef)
    if (!nodeId) return notFound('node', nodeRef)
    const stored = (await storedPolicy(this.#db, skuId, nodeId)) ?? null
    const effective = skuId === anyKey || nodeId === anyKey
      ? { policy: stored?.policy ?? defaultPolicy, from: stored ? 'series' as const : 'built_in' as const }
      : (await effectivePolicies(this.#db, [{ skuId, nodeId }])).get(`${skuId}|${nodeId}`)!
    return ok({ skuId, nodeId, stored, effective })
  }

  async deletePolicy(skuRef: string, nodeRef: string): Promise<Result<StoredPolicy>> {
    const skuId = await this.#skuOrAny(skuRef)
    const nodeId = await this.#nodeOrAny(nodeRef)
    const found = skuId && nodeId ? await storedPolicy(this.#db, skuId, nodeId) : undefined
    if (!found || !(await this.#db.tx((tx) => deletePolicy(tx, found.skuId, found.nodeId)))) return notFound('replenishment_policy', `${skuRef}@${nodeRef}`)
    return ok(found)
  }

  listPolicies(after: { skuId: string; nodeId: string } | undefined, limit: number): Promise<StoredPolicy[]> {
    return listPolicies(this.#db, after, limit)
  }

  // Forecasts

  /** The latest forecast of a series with the last 120 days of its demand and the planned events over both: what its chart shows. */
  async forecastOf(skuRef: string, nodeRef: string): Promise<Result<{ skuId: string; nodeId: string; forecast: StoredForecast | null; history: DemandDay[]; events: PlannedEvent[] }>> {
    const key = await this.#seriesKey(skuRef, nodeRef)
    if (!key.ok) return key
    const { skuId, nodeId } = key.value
    const forecast = (await forecastOfSeries(this.#db, skuId, nodeId)) ?? null
    const toDay = forecast?.asOfDay ?? epochDayOf(this.#clock.nowMs())
    const history = await demandDays(this.#db, skuId, nodeId, toDay - 119, toDay)
    const events = await plannedEventsBetween(this.#db, toDay - 119, toDay + (forecast?.mean.length ?? 0), { skuId, nodeId }, undefined, 1000)
    return ok({ skuId, nodeId, forecast, history, events })
  }

  /** Vendor-managed replenishment: a page of a supplier's SKUs at the merchant's nodes (vendor.ts). */
  vendorStock(supplierId: string, afterSkuId: string | undefined, limit: number) {
    return vendorStock(this.#db, this.#deps, supplierId, afterSkuId, limit)
  }

  // Suggestions

  listSuggestions(filter: SuggestionFilter, beforeId: string | undefined, limit: number): Promise<StoredSuggestion[]> {
    return listSuggestions(this.#db, filter, beforeId, limit)
  }

  /** The codes and names a buyer reads a suggestion by: its SKU, node and supplier. */
  async namesOf(s: StoredSuggestion): Promise<SuggestionNames> {
    const [sku, node, supplier] = await Promise.all([
      this.#deps.catalogue.resolveSku(s.skuId), this.#deps.catalogue.resolveNode(s.nodeId), s.supplierId ? this.#deps.suppliers.resolve(s.supplierId) : undefined,
    ])
    return {
      sku: { code: sku?.code ?? s.skuId, name: sku?.name ?? '' }, node: { code: node?.code ?? s.nodeId, name: node?.name ?? '' },
      supplier: supplier ? { code: supplier.code, name: supplier.name } : null,
    }
  }

  async suggestion(id: string): Promise<Result<StoredSuggestion>> {
    const found = await suggestion(this.#db, id)
    return found ? ok(found) : notFound('suggestion', id)
  }

  async editSuggestion(id: string, quantity: number, by: Buyer): Promise<Result<StoredSuggestion>> {
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > 1_000_000_000) return fail('invalid_suggestion_quantity', 'The quantity is a whole number of units from 1 to 1,000,000,000.')
    const done = await this.#db.tx((tx) => editSuggestionQuantity(tx, id, quantity, by.actor, this.#clock.nowMs()))
    return done ? this.suggestion(id) : this.#notOpen(id)
  }

  async dismissSuggestion(id: string, by: Buyer): Promise<Result<StoredSuggestion>> {
    const done = await this.#db.tx((tx) => decideSuggestion(tx, id, 'dismissed', { by: by.actor }, this.#clock.nowMs()))
    return done ? this.suggestion(id) : this.#notOpen(id)
  }

  async #notOpen(id: string): Promise<Failure> {
    const found = await suggestion(this.#db, id)
    return found ? fail('suggestion_not_open', `Suggestion ${id} is ${found.status}: only an open suggestion can be changed.`, { status: found.status }) : notFound('suggestion', id)
  }

  /**
   * Approves open suggestions: one purchase order per supplier and destination (a draft, or sent
   * when `send`), its reference `SUG-<first suggestion id>` so that an approval retried after a
   * crash finds the order it made instead of making a second. A group the supplier's terms refuse
   * (a buyer's edit below the minimum) is reported and its suggestions stay open.
   */
  async approve(ids: readonly string[], by: Buyer, send: boolean): Promise<Result<Approval>> {
    const unique = [...new Set(ids)]
    if (unique.length === 0 || unique.length > mostSuggestionsPerApproval) return fail('invalid_suggestion_quantity', `Approve from 1 to ${mostSuggestionsPerApproval} suggestions at once.`)
    const found = await suggestionsById(this.#db, unique)
    const missing = unique.find((id) => !found.some((s) => s.id === id))
    if (missing) return notFound('suggestion', missing)
    const closed = found.find((s) => s.status !== 'open' || s.supplierId === null)
    if (closed) return fail('suggestion_not_open', `Suggestion ${closed.id} is ${closed.status}: only an open suggestion can be approved.`, { status: closed.status })
    const result: Approval = { purchaseOrders: [], refused: [] }
    const actor = { actor: by.actor, party: 'buyer' as const }
    for (const group of groupSuggestions(found.map((s) => ({ ...s, supplierId: s.supplierId! })))) {
      const suggestionIds = group.lines.map((l) => l.id)
      try {
        const po = await this.#orderFor(group.supplierId, group.nodeId, group.lines, actor)
        const sent = send && po.status === 'draft' ? await this.#deps.purchasing.send(po.id, actor) : po
        await this.#db.tx(async (tx) => {
          for (const id of suggestionIds) await decideSuggestion(tx, id, 'approved', { by: by.actor, poId: po.id }, this.#clock.nowMs())
        })
        result.purchaseOrders.push({ id: sent.id, supplierId: group.supplierId, nodeId: group.nodeId, status: sent.status, suggestionIds })
      } catch (error) {
        if (!(error instanceof FailureError)) throw error
        result.refused.push({ suggestionIds, code: error.failure.code, detail: error.failure.detail })
      }
    }
    return ok(result)
  }

  async #orderFor(supplierId: string, nodeId: string, lines: readonly StoredSuggestion[], actor: { actor: string; party: 'buyer' }) {
    const reference = `SUG-${lines[0].id.slice(4)}`
    const earlier = await this.#deps.purchasing.byReference(supplierId, reference)
    if (earlier) return earlier
    const made = await this.#deps.purchasing.create({
      supplierId, destinationNodeId: nodeId, reference, notes: `Suggested by replenishment (${lines.map((l) => l.id).join(', ')}).`,
      lines: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    }, actor)
    return made.value
  }

  /** A supplier's below-reorder-point events after an outbox id (vendor.ts). */
  alertsOf(supplierId: string, after: number, limit: number) {
    return vendorAlerts(this.#deps.events, supplierId, after, limit)
  }

  // Lookups

  /** SKU ids of these refs; unknown_sku naming the first that is not one. */
  async skuIdsOf(refs: readonly string[]): Promise<Result<string[]>> {
    const ids: string[] = []
    for (const ref of refs) {
      const sku = await this.#deps.catalogue.resolveSku(ref)
      if (!sku) return fail('unknown_sku', `No SKU with code or id '${ref}'.`)
      ids.push(sku.id)
    }
    return ok(ids)
  }

  /** A filter's SKU or node id: the ref itself when it names none (a filter on nothing lists nothing). */
  async skuIdOf(ref: string | undefined): Promise<string | undefined> {
    return ref === undefined ? undefined : (await this.#deps.catalogue.resolveSku(ref))?.id ?? ref
  }

  async nodeIdOf(ref: string | undefined): Promise<string | undefined> {
    return ref === undefined ? undefined : (await this.#deps.catalogue.resolveNode(ref))?.id ?? ref
  }

  async #seriesKey(skuRef: string, nodeRef: string): Promise<Result<{ skuId: string; nodeId: string }>> {
    const sku = await this.#deps.catalogue.resolveSku(skuRef)
    if (!sku) return notFound('sku', skuRef)
    const node = await this.#deps.catalogue.resolveNode(nodeRef)
    if (!node) return notFound('node', nodeRef)
    return ok({ skuId: sku.id, nodeId: node.id })
  }

  async #skuOrAny(ref: string): Promise<string | undefined> {
    return ref === anyKey ? anyKey : (await this.#deps.catalogue.resolveSku(ref))?.id
  }

  async #nodeOrAny(ref: string): Promise<string | undefined> {
    return ref === anyKey ? anyKey : (await this.#deps.catalogue.resolveNode(ref))?.id
  }
}
