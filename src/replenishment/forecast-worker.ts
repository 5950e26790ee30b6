/** A forecasting thread (forecast-pool.ts): forecasts each job it is sent and answers with the results, in order. */
import { parentPort } from 'node:worker_threads'
import { runJob, type ForecastJob } from './forecast-pool.ts'

parentPort!.on('message', ({ id, jobs }: { id: number; jobs: ForecastJob[] }) => {
  try {
    parentPort!.postMessage({ id, results: jobs.map(runJob) })
  } catch (error) {
    parentPort!.postMessage({ id, error: String((error as Error)?.stack ?? error) })
  }
})
