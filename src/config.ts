import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { keyFromBase64 } from './kernel/sealing.ts'

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
  /** Requests a second per verified token and per client address; 0 switches a limit off. */
  rateLimitPerToken: number
  rateLimitPerAddress: number
  /**
   * The secret customer status links are signed with (each purpose derives its own key from it).
   * Unset: one is generated once and kept in the database's settings, shared by every instance.
   */
  secret: string | undefined
  /** Where shoppers reach this server (status links, the widget); unset: the address each request came to. */
  publicUrl: string | undefined
  /** The channels' availability feed: at most one change per SKU, channel and scope per interval. */
  feedIntervalMs: number
  /** SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE=1: webhook endpoints may be loopback, private or local addresses (development, tests); off, they are refused (SSRF). */
  webhooksAllowPrivate: boolean
  /** NATS server URL(s): set, the server relays the outbox to JetStream (docs/nats.md). */
  natsUrl: string | undefined
  /** The JetStream stream the relay publishes to (created when missing). */
  natsStream: string
  /** NATS subjects are `<prefix>.<topic>.<token>`; the stream takes `<prefix>.>`. */
  natsSubjectPrefix: string
  /** SELLAHEAD_PII_KEY: customers' personal data is sealed under it (docs/privacy.md); unset, under a key derived from the root secret. */
  piiKey: Buffer | undefined
  /** SELLAHEAD_PII_PREVIOUS_KEYS: keys still read until `sellahead pii rotate` has re-sealed their rows. */
  piiPreviousKeys: Buffer[]
}

/** The SQLite file of a real install; the demo writes its own beside it so a demo never replaces it. */
export const defaultSqlitePath = 'data/sellahead.db'
export const demoSqlitePath = 'data/demo.db'

/**
 * Which SQLite file to use when SELLAHEAD_DB is not set: the real install's when it exists, else the
 * demo's when `npm run demo` has made one (so `verify` or `token create` after the demo find its data),
 * else the real install's path, for `sellahead init` to create.
 */
export function defaultSqlite(exists: (path: string) => boolean = existsSync): string {
  if (exists(defaultSqlitePath)) return defaultSqlitePath
  return exists(demoSqlitePath) ? demoSqlitePath : defaultSqlitePath
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more (got '${env[name]}')`)
  return value
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
    sqlitePath: env.SELLAHEAD_DB || defaultSqlite(),
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    maxBatch,
    workers,
    sweeps: true,
    rateLimitPerToken: nonNegativeInteger(env, 'SELLAHEAD_RATE_LIMIT_PER_TOKEN', 0),
    rateLimitPerAddress: nonNegativeInteger(env, 'SELLAHEAD_RATE_LIMIT_PER_ADDRESS', 0),
    secret: secretOf(env.SELLAHEAD_SECRET),
    publicUrl: publicUrlOf(env.SELLAHEAD_PUBLIC_URL),
    feedIntervalMs: feedIntervalOf(env),
    webhooksAllowPrivate: flagOf(env, 'SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE'),
    natsUrl: env.NATS_URL || undefined,
    natsStream: natsStreamOf(env.SELLAHEAD_NATS_STREAM),
    natsSubjectPrefix: natsSubjectPrefixOf(env.SELLAHEAD_NATS_SUBJECT_PREFIX),
    piiKey: env.SELLAHEAD_PII_KEY ? keyFromBase64('SELLAHEAD_PII_KEY', env.SELLAHEAD_PII_KEY) : undefined,
    piiPreviousKeys: (env.SELLAHEAD_PII_PREVIOUS_KEYS ?? '').split(',').filter((k) => k.trim() !== '')
      .map((k, i) => keyFromBase64(`SELLAHEAD_PII_PREVIOUS_KEYS (key ${i + 1})`, k)),
  }
}

function feedIntervalOf(env: NodeJS.ProcessEnv): number {
  const value = nonNegativeInteger(env, 'SELLAHEAD_FEED_INTERVAL_MS', 250)
  if (value < 10 || value > 60_000) throw new Error(`SELLAHEAD_FEED_INTERVAL_MS must be from 10 to 60000 milliseconds (got '${env.SELLAHEAD_FEED_INTERVAL_MS}')`)
  return value
}

/** A JetStream stream name: letters, digits, '_' and '-' (no '.', wildcards, spaces or slashes). */
function natsStreamOf(value: string | undefined): string {
  if (!value) return 'SELLAHEAD'
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new Error(`SELLAHEAD_NATS_STREAM must be letters, digits, '_' or '-' (got '${value}')`)
  return value
}

/** Subject tokens of letters, digits, '_' and '-', separated by '.' (no wildcards: it is where the relay publishes). */
function natsSubjectPrefixOf(value: string | undefined): string {
  if (!value) return 'sellahead'
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(value)) throw new Error(`SELLAHEAD_NATS_SUBJECT_PREFIX must be dot-separated words of letters, digits, '_' or '-' (got '${value}')`)
  return value
}

/** A secret short enough to guess would make every status link guessable. */
function secretOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (value.length < 32) throw new Error('SELLAHEAD_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)')
  return value
}

/** An http(s) origin, with an optional path, without a trailing slash. */
function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`SELLAHEAD_PUBLIC_URL must be an http(s) URL (got '${value}')`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' || url.search || url.hash) throw new Error(`SELLAHEAD_PUBLIC_URL must be an http(s) URL without query or fragment (got '${value}')`)
  return url.href.replace(/\/+$/, '')
}

/** A switch: 1 or true on, 0, false or unset off; anything else is a mistake worth stopping for. */
function flagOf(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]
  if (value === undefined || value === '' || value === '0' || value === 'false') return false
  if (value === '1' || value === 'true') return true
  throw new Error(`${name} must be 1 or 0 (got '${value}')`)
}
