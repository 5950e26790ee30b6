import { availableParallelism } from 'node:os'
/** Configuration from the environment, validated once at start. */
export interface Config {
  /** PostgreSQL when set; the embedded SQLite file otherwise. */
  databaseUrl: string | undefined
  sqlitePath: string
  host: string
  port: number
  logLevel: string
  maxBatch: number
  /** Server processes sharing the port (`serve --workers N`); one per core by default. */
  workers: number
  /** Whether this process runs the timed sweeps (deadlines, expiry, overdue supply); off in all workers but the first. */
  sweeps: boolean
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got '${env.PORT}')`)
  const maxBatch = Number(env.SELLAHEAD_MAX_BATCH ?? 4096)
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`SELLAHEAD_MAX_BATCH must be a positive integer (got '${env.SELLAHEAD_MAX_BATCH}')`)
  const workers = Number(env.SELLAHEAD_WORKERS ?? availableParallelism())
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`SELLAHEAD_WORKERS must be a whole number from 1 to 64 (got '${env.SELLAHEAD_WORKERS}')`)
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.SELLAHEAD_DB ?? 'data/sellahead.db',
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    maxBatch,
    workers,
    sweeps: true,
  }
}
