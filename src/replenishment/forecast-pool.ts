/**
 * Forecasting and planning on worker threads. A nightly run over 100,000 series spends as long
 * forecasting as reading and writing; SQLite's reads block the main thread, so the run reads the
 * next page while the workers parse, forecast and plan this one (run.ts). Small runs forecast inline: starting threads costs more
 * than a few hundred series. Results are the same either way (forecastOf is deterministic).
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { DemandPoints } from './demand-store.ts'
import { forecastOf, type ForecastOfSeries } from './forecasting.ts'
import type { PlannedEvent } from './model.ts'
import { planSeries, type SeriesFacts, type SeriesPlan } from './plan.ts'

/** A series to forecast, and what it is planned from once forecast (plan.ts). */
export interface ForecastJob {
  skuId: string
  nodeId: string
  points: DemandPoints | undefined
  events: PlannedEvent[]
  asOfDay: number
  horizonDays: number
  facts: PlanFacts
}

export type PlanFacts = Omit<SeriesFacts, 'skuId' | 'nodeId' | 'forecast' | 'history'>
export type PlannedSeries = ForecastOfSeries & { plan: SeriesPlan }

export function runJob(j: ForecastJob): PlannedSeries {
  const f = forecastOf({ skuId: j.skuId, nodeId: j.nodeId }, j.points, j.events, j.asOfDay, j.horizonDays)
  return { ...f, plan: planSeries({ ...j.facts, skuId: j.skuId, nodeId: j.nodeId, forecast: f.forecast, history: f.history }) }
}

export interface Forecaster {
  forecast(jobs: readonly ForecastJob[]): Promise<PlannedSeries[]>
  close(): Promise<void>
}

/** On the calling thread. */
export const inlineForecaster: Forecaster = {
  forecast: async (jobs) => jobs.map(runJob),
  close: async () => undefined,
}

/** One worker per core (at most `most`); each call's jobs are split between them in order. */
export function workerForecaster(most = 4): Forecaster {
  const workers = Array.from({ length: Math.max(1, Math.min(most, availableParallelism())) }, () => new Worker(new URL('./forecast-worker.ts', import.meta.url)))
  let next = 0
  const ask = (worker: Worker, jobs: readonly ForecastJob[]) => new Promise<PlannedSeries[]>((resolve, reject) => {
    const id = next++
    const onMessage = (m: { id: number; results?: PlannedSeries[]; error?: string }) => {
      if (m.id !== id) return
      worker.off('message', onMessage)
      worker.off('error', reject)
      if (m.error !== undefined) reject(new Error(`forecast worker: ${m.error}`))
      else resolve(m.results!)
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
    worker.postMessage({ id, jobs })
  })
  return {
    async forecast(jobs) {
      const share = Math.ceil(jobs.length / workers.length)
      const parts = await Promise.all(workers.map((w, i) => ask(w, jobs.slice(i * share, (i + 1) * share))))
      return parts.flat()
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
