/**
 * A recompute of every series (or of some SKUs): forecast each from its history and the calendar,
 * score the forecast it replaces, plan it (plan.ts), and write in one transaction per page of
 * series the forecasts, the scores, the suggestions (one open per SKU × node: refreshed, made or
 * withdrawn) and the vendor alerts, with a `replenishment.below_reorder_point` event for each
 * series that has just fallen below. A page is a few hundred series, so a run of 100,000 never
 * holds a long transaction and a run cut short has written every page it finished.
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { publish, type DomainEvent } from '../events/index.ts'
import { slotsOfSkus } from '../supply/index.ts'
import { poProgressOf, sourcesOfSkus, type PoProgress, type SkuSource, type Suppliers } from '../purchasing/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { plannedEventsBetween } from './calendar-store.ts'
import { demandPage, demandPointsOfSeries, seriesKeysOfSku, type DemandPoints } from './demand-store.ts'
import { effectivePolicies, type EffectivePolicy } from './policy-store.ts'
import { eventsBySeries, historyDays, type SeriesKey } from './forecasting.ts'
import { inlineForecaster, workerForecaster, type ForecastJob, type PlannedSeries } from './forecast-pool.ts'
import { forecastsOfSkus, unitsPerDayNextWeek, saveForecasts, saveScores, scoreOf, storedForecastOf, type ForecastScore, type StoredForecast } from './forecast-store.ts'
import { horizonFor, type SeriesPlan, type SupplierRecord } from './plan.ts'
import { decideSuggestion, insertSuggestion, liveSuggestionsOfSkus, markProgress, refreshSuggestion, suggestionsAwaitingReceipt, type StoredSuggestion } from './suggestion-store.ts'
import { saveStockStates, stockStatesOfSkus, type StockState } from './alert-store.ts'
import { epochDayOf, isoDayOf, dayMs, type PlannedEvent } from './model.ts'
import { calendarOf } from './calendar.ts'

export interface RunDeps {
  db: Db
  clock: Clock
  inventory: Pick<Inventory, 'positionsOfSkus'>
  suppliers: Pick<Suppliers, 'scorecard'>
}

export interface RunOptions {
  /** The day to forecast from (default: yesterday, the last whole day of history). */
  asOfDay?: number
  /** Only these SKUs' series. */
  skuIds?: readonly string[]
  /** Series per transaction. */
  pageSize?: number
  onProgress?: (series: number) => void
}

export interface RunReport {
  asOf: string
  series: number
  suggestionsMade: number
  suggestionsRefreshed: number
  suggestionsWithdrawn: number
  alertsRaised: number
  /** Suggestions the policy sends by itself, for the caller to approve and send. */
  autoSend: string[]
  elapsedMs: number
}

export async function recompute(deps: RunDeps, options: RunOptions = {}): Promise<RunReport> {
  const startedMs = deps.clock.nowMs()
  const asOfDay = options.asOfDay ?? epochDayOf(startedMs) - 1
  const report: RunReport = { asOf: isoDayOf(asOfDay), series: 0, suggestionsMade: 0, suggestionsRefreshed: 0, suggestionsWithdrawn: 0, alertsRaised: 0, autoSend: [], elapsedMs: 0 }
  const progress = await followOrders(deps.db, startedMs)
  const events = await plannedEventsBetween(deps.db, asOfDay - historyDays + 1, asOfDay + 366)
  const c: RunContext = { asOfDay, events, eventsOf: eventsBySeries(events), records: new Map(), progress, report }
  const only = options.skuIds && [...new Set(options.skuIds)].sort()
  const pageSize = options.pageSize ?? 500
  let forecaster = inlineForecaster
  try {
    let after: SeriesKey | undefined
    const fromDay = asOfDay - historyDays + 1
    const nextPage = async (): Promise<LoadedPage | undefined> => {
      let keys: SeriesKey[]
      let demand: Map<string, DemandPoints>
      if (only) {
        keys = after ? [] : await keysOfSkus(deps.db, only, asOfDay)
        demand = await demandPointsOfSeries(deps.db, keys, fromDay, asOfDay)
      } else {
        const rows = await demandPage(deps.db, after, fromDay, asOfDay, pageSize)
        keys = rows.map(({ skuId, nodeId }) => ({ skuId, nodeId }))
        demand = new Map(rows.map((r) => [`${r.skuId}|${r.nodeId}`, r.points]))
      }
      if (keys.length === 0) return undefined
      after = keys[keys.length - 1]
      return loadPage(deps, keys, demand, c)
    }
    // While the workers forecast one page, the next is read. A run of one page forecasts inline: starting threads costs more.
    let page = await nextPage()
    if (page && !only && page.keys.length === pageSize) forecaster = workerForecaster()
    while (page) {
      const forecasting = forecaster.forecast(page.jobs)
      const following = await nextPage()
      await planPage(deps, page, await forecasting, c)
      report.series += page.keys.length
      options.onProgress?.(report.series)
      page = following
    }
  } finally {
    await forecaster.close()
  }
  report.elapsedMs = deps.clock.nowMs() - startedMs
  return report
}

async function keysOfSkus(q: Queryable, skuIds: readonly string[], asOfDay: number): Promise<SeriesKey[]> {
  const keys: SeriesKey[] = []
  for (const skuId of skuIds) keys.push(...(await seriesKeysOfSku(q, skuId, asOfDay)))
  return keys
}

/** Approved suggestions' purchase orders: when each was sent and received (the replenishment cycle), and which are still drafts. */
async function followOrders(db: Db, nowMs: number): Promise<Map<string, PoProgress>> {
  const waiting = await suggestionsAwaitingReceipt(db)
  const progress = await poProgressOf(db, [...new Set(waiting.flatMap((s) => (s.poId ? [s.poId] : [])))])
  await db.tx(async (tx) => {
    for (const s of waiting) {
      const p = s.poId ? progress.get(s.poId) : undefined
      if (!p) continue
      const cancelled = p.status === 'cancelled'
      if ((p.sentAtMs !== null && s.sentAtMs === null) || (p.receivedAtMs !== null && s.receivedAtMs === null) || cancelled) {
        // A cancelled order ends the cycle too: nothing will arrive, and the next run may suggest again.
        await markProgress(tx, s.id, p.sentAtMs, p.receivedAtMs ?? (cancelled ? nowMs : null))
      }
    }
  })
  return progress
}

interface RunContext {
  asOfDay: number
  events: readonly PlannedEvent[]
  eventsOf: (key: SeriesKey) => PlannedEvent[]
  records: Map<string, SupplierRecord>
  progress: ReadonlyMap<string, PoProgress>
  report: RunReport
}

/** What a page of series is written from, read before it is forecast, and the jobs to forecast and plan. */
interface LoadedPage {
  keys: SeriesKey[]
  sources: Map<string, SkuSource[]>
  policies: Map<string, EffectivePolicy>
  /** The live suggestions of each series, by `sku|node`. */
  live: Map<string, StoredSuggestion[]>
  previous: Map<string, StoredForecast>
  alerts: Map<string, StockState>
  jobs: ForecastJob[]
}

async function loadPage(deps: RunDeps, keys: SeriesKey[], demand: ReadonlyMap<string, DemandPoints>, c: RunContext): Promise<LoadedPage> {
  const { db } = deps
  const skuIds = [...new Set(keys.map((k) => k.skuId))]
  const [sources, positions, slots, policies, liveOfSkus, previous, alerts] = await Promise.all([
    sourcesOfSkus(db, skuIds), deps.inventory.positionsOfSkus(skuIds), slotsOfSkus(db, skuIds),
    effectivePolicies(db, keys), liveSuggestionsOfSkus(db, skuIds), forecastsOfSkus(db, skuIds), stockStatesOfSkus(db, skuIds),
  ])
  for (const list of sources.values()) for (const s of list) if (!c.records.has(s.supplierId)) c.records.set(s.supplierId, await recordOf(deps, s.supplierId))
  const live = new Map<string, StoredSuggestion[]>()
  for (const s of liveOfSkus) live.set(`${s.skuId}|${s.nodeId}`, [...(live.get(`${s.skuId}|${s.nodeId}`) ?? []), s])
  const jobs = keys.map((key): ForecastJob => {
    const k = `${key.skuId}|${key.nodeId}`
    const policy = policies.get(k)!.policy
    const skuSources = sources.get(key.skuId) ?? []
    const records = new Map(skuSources.map((s) => [s.supplierId, c.records.get(s.supplierId)!]))
    const draftOrderUnits = (live.get(k) ?? []).filter((s) => s.status === 'approved' && s.poId && c.progress.get(s.poId)?.status === 'draft')
      .reduce((n, s) => n + s.quantity, 0)
    return {
      ...key, points: demand.get(k), events: c.eventsOf(key), asOfDay: c.asOfDay, horizonDays: horizonFor(policy, skuSources, records),
      facts: { policy, position: positions.get(k), slots: slots.get(key.skuId)?.get(key.nodeId) ?? [], draftOrderUnits, sources: skuSources, records },
    }
  })
  return { keys, sources, policies, live, previous, alerts, jobs }
}

async function planPage(deps: RunDeps, page: LoadedPage, planned: readonly PlannedSeries[], c: RunContext): Promise<void> {
  const { db, clock } = deps
  const { sources, policies, live, previous, alerts } = page
  const nowMs = clock.nowMs()
  const forecasts: StoredForecast[] = []
  const scores: ForecastScore[] = []
  const plans: Array<{ key: SeriesKey; plan: SeriesPlan; autoSend: boolean; forecast: Record<string, unknown> }> = []
  for (const [i, key] of page.keys.entries()) {
    const k = `${key.skuId}|${key.nodeId}`
    const f = planned[i]
    const before = previous.get(k)
    if (before && before.asOfDay < c.asOfDay) {
      const closed = calendarOf(page.jobs[i].events, key.skuId, key.nodeId, f.startDay, f.history.length).closed
      const score = scoreOf(before, f.startDay, f.history, closed)
      if (score) scores.push(score)
    }
    forecasts.push(storedForecastOf(key.skuId, key.nodeId, c.asOfDay, f.forecast, nowMs))
    const { model, accuracy, runnerUp, runnerUpAccuracy, intermittent, dailySd } = f.forecast
    const forecast = { model, accuracy, runnerUp, runnerUpAccuracy, intermittent, dailySd, horizonDays: page.jobs[i].horizonDays }
    // Sent without a buyer when the series' policy says so, or the supplier chosen does.
    const chosen = sources.get(key.skuId)?.find((x) => x.supplierId === f.plan.suggestion.supplierId)
    plans.push({ key, plan: f.plan, autoSend: policies.get(k)!.policy.autoSend === true || chosen?.autoSendSuggestions === true, forecast })
  }
  await db.tx(async (tx) => {
    await saveForecasts(tx, forecasts)
    await saveScores(tx, scores)
    const alertEvents: DomainEvent[] = []
    const states: StockState[] = []
    for (const [i, { key, plan, autoSend, forecast }] of plans.entries()) {
      const k = `${key.skuId}|${key.nodeId}`
      const policy = policies.get(k)!
      const id = await writeSuggestion(tx, key, plan, live.get(k) ?? [], policy.policy.reviewPeriodDays, nowMs, c,
        { forecast, policy })
      if (id && autoSend) c.report.autoSend.push(id)
      const below = plan.availableUnits < plan.reorderPointUnits
      const rop = Math.round(plan.reorderPointUnits * 100) / 100
      states.push({ ...key, below, availableUnits: plan.availableUnits, reorderPointUnits: rop, asOfDay: c.asOfDay })
      if (below && !alerts.get(k)?.below) alertEvents.push(alertEvent(key, plan, sources.get(key.skuId) ?? [], forecasts[i], c.asOfDay))
    }
    await saveStockStates(tx, states, nowMs)
    await publish(tx, alertEvents, nowMs)
    c.report.alertsRaised += alertEvents.length
  })
}

async function recordOf(deps: RunDeps, supplierId: string): Promise<SupplierRecord> {
  const card = await deps.suppliers.scorecard(supplierId)
  return { grade: card.grade, leadTimeMeanDays: card.leadTimeMeanDays, leadTimeSdDays: card.leadTimeStdDevDays }
}

const explanationOf = (plan: SeriesPlan, extra: Record<string, unknown>): Record<string, unknown> =>
  ({ ...plan.suggestion.explanation, leadTime: plan.leadTime, reorderPointUnits: plan.reorderPointUnits, ...extra })

/**
 * One open suggestion per need: refreshed when one is open (a buyer's edited quantity kept),
 * withdrawn when the need is gone, made when there is none; a need a buyer dismissed within the
 * policy's review period is not suggested again unless it grew. Answers the open suggestion's id.
 */
async function writeSuggestion(
  tx: Queryable, key: SeriesKey, plan: SeriesPlan, live: readonly StoredSuggestion[], reviewPeriodDays: number, nowMs: number, c: RunContext,
  about: Record<string, unknown>,
): Promise<string | undefined> {
  const s = plan.suggestion
  const open = live.find((x) => x.status === 'open')
  const extra = { asOf: isoDayOf(c.asOfDay), ...about }
  if (s.quantity === 0 || s.supplierId === null) {
    if (open && (await decideSuggestion(tx, open.id, 'withdrawn', { by: null }, nowMs))) c.report.suggestionsWithdrawn++
    return undefined
  }
  if (open) {
    await refreshSuggestion(tx, open.id, { supplierId: s.supplierId, suggestedQuantity: s.quantity, explanation: explanationOf(plan, extra), edited: open.decidedBy !== null }, nowMs)
    c.report.suggestionsRefreshed++
    return open.id
  }
  const quietMs = Math.max(1, reviewPeriodDays) * dayMs
  const dismissed = live.find((x) => x.status === 'dismissed' && x.decidedAtMs !== null && nowMs - x.decidedAtMs < quietMs)
  if (dismissed && s.quantity <= dismissed.suggestedQuantity) return undefined
  const id = newId('sug')
  await insertSuggestion(tx, {
    id, skuId: key.skuId, nodeId: key.nodeId, supplierId: s.supplierId, status: 'open', quantity: s.quantity, suggestedQuantity: s.quantity,
    explanation: explanationOf(plan, extra), poId: null, createdAtMs: nowMs, updatedAtMs: nowMs, decidedAtMs: null, decidedBy: null, sentAtMs: null, receivedAtMs: null,
  })
  c.report.suggestionsMade++
  return id
}

function alertEvent(key: SeriesKey, plan: SeriesPlan, sources: ReadonlyArray<{ supplierId: string }>, f: StoredForecast, asOfDay: number): DomainEvent {
  return {
    topic: 'replenishment.below_reorder_point', subject: `${key.skuId}@${key.nodeId}`,
    payload: {
      skuId: key.skuId, nodeId: key.nodeId, supplierIds: sources.map((s) => s.supplierId), availableUnits: plan.availableUnits,
      reorderPointUnits: Math.round(plan.reorderPointUnits * 100) / 100, forecastUnitsPerDay: unitsPerDayNextWeek(f),
      asOf: isoDayOf(asOfDay),
    },
  }
}
