/** The webhooks context's SQL: endpoints, deliveries, attempts and the fan-out cursor. */
import type { Param, Queryable } from '../store/db.ts'
import { inList } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { Attempt, Delivery, DeliveryStatus, Endpoint, SubjectDeliveryState } from './model.ts'

interface EndpointRow {
  id: string; channel_id: string | null; url: string; description: string; topics: string; enabled: number | string
  disabled_reason: string | null; secret: string; previous_secret: string | null; previous_secret_until: number | string | null
  created_at: number | string; updated_at: number | string
}

/** An endpoint as stored, its secrets still sealed. */
export interface StoredEndpoint extends Endpoint {
  sealedSecret: string
  sealedPreviousSecret: string | null
}

const endpointOf = (r: EndpointRow): StoredEndpoint => ({
  id: r.id, channelId: r.channel_id, url: r.url, description: r.description, topics: JSON.parse(r.topics) as string[],
  enabled: Number(r.enabled) === 1, disabledReason: r.disabled_reason,
  previousSecretUntilMs: r.previous_secret_until === null ? null : Number(r.previous_secret_until),
  createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at),
  sealedSecret: r.secret, sealedPreviousSecret: r.previous_secret,
})

export async function insertEndpoint(q: Queryable, e: StoredEndpoint): Promise<void> {
  await q.run(`INSERT INTO webhook_endpoints (id, channel_id, url, description, topics, enabled, disabled_reason, secret, previous_secret, previous_secret_until, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  [e.id, e.channelId, e.url, e.description, JSON.stringify(e.topics), e.enabled ? 1 : 0, e.disabledReason, e.sealedSecret, e.sealedPreviousSecret, e.previousSecretUntilMs, e.createdAtMs, e.updatedAtMs])
}

export async function endpointById(q: Queryable, id: string, forUpdate = false): Promise<StoredEndpoint | undefined> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<EndpointRow>(`SELECT * FROM webhook_endpoints WHERE id = ?${lock}`, [id])
  return row && endpointOf(row)
}

/** Endpoints in id order after `after`: one channel's, or every one (`channelId` undefined). */
export async function endpointPage(q: Queryable, channelId: string | undefined, after: string | undefined, limit: number): Promise<StoredEndpoint[]> {
  const where: string[] = []
  const params: Param[] = []
  if (channelId !== undefined) { where.push('channel_id = ?'); params.push(channelId) }
  if (after !== undefined) { where.push('id > ?'); params.push(after) }
  const rows = await q.all<EndpointRow>(
    `SELECT * FROM webhook_endpoints ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${Math.trunc(limit)}`, params)
  return rows.map(endpointOf)
}

export async function enabledEndpoints(q: Queryable): Promise<StoredEndpoint[]> {
  return (await q.all<EndpointRow>('SELECT * FROM webhook_endpoints WHERE enabled = 1 ORDER BY id')).map(endpointOf)
}

export async function endpointsByIds(q: Queryable, ids: readonly string[]): Promise<StoredEndpoint[]> {
  return (await selectIn<EndpointRow>(q, 'SELECT * FROM webhook_endpoints WHERE id', ids)).map(endpointOf)
}

export async function updateEndpoint(q: Queryable, e: StoredEndpoint): Promise<void> {
  await q.run(`UPDATE webhook_endpoints SET url = ?, description = ?, topics = ?, enabled = ?, disabled_reason = ?, secret = ?, previous_secret = ?,
    previous_secret_until = ?, updated_at = ? WHERE id = ?`,
  [e.url, e.description, JSON.stringify(e.topics), e.enabled ? 1 : 0, e.disabledReason, e.sealedSecret, e.sealedPreviousSecret, e.previousSecretUntilMs, e.updatedAtMs, e.id])
}

/** The endpoint, its deliveries and their attempts. */
export async function deleteEndpoint(q: Queryable, id: string): Promise<void> {
  await q.run('DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = ?)', [id])
  await q.run('DELETE FROM webhook_deliveries WHERE endpoint_id = ?', [id])
  await q.run('DELETE FROM webhook_endpoints WHERE id = ?', [id])
}

/** Disabled by the receiver (410 Gone): its waiting deliveries fail, kept in the log for a replay once it is enabled again. */
export async function disableEndpoint(q: Queryable, id: string, reason: string, nowMs: number): Promise<void> {
  await q.run('UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?', [reason, nowMs, id])
  await q.run("UPDATE webhook_deliveries SET status = 'failed', lease_until = NULL, updated_at = ? WHERE endpoint_id = ? AND status = 'pending'", [nowMs, id])
}

// The fan-out's cursor.

export async function readCursor(q: Queryable, name: string, forUpdate = false): Promise<number> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<{ after_id: number | string }>(`SELECT after_id FROM webhook_cursor WHERE name = ?${lock}`, [name])
  return row === undefined ? 0 : Number(row.after_id)
}

export async function ensureCursor(q: Queryable, name: string): Promise<void> {
  await q.run('INSERT INTO webhook_cursor (name, after_id) VALUES (?, 0) ON CONFLICT (name) DO NOTHING', [name])
}

export async function writeCursor(q: Queryable, name: string, afterId: number): Promise<void> {
  await q.run('UPDATE webhook_cursor SET after_id = ? WHERE name = ?', [afterId, name])
}

// Deliveries.

export interface NewDelivery { id: string; endpointId: string; eventId: number; topic: string; subject: string | null; body: string }

const deliveryColumns: readonly Column[] = [
  ['id', 'text'], ['endpoint_id', 'text'], ['event_id', 'bigint'], ['topic', 'text'], ['subject', 'text'], ['body', 'text'], ['status', 'text'],
  ['round_attempts', 'integer'], ['next_attempt_at', 'bigint'], ['created_at', 'bigint'], ['updated_at', 'bigint'],
]

/** One row per endpoint × event; a second fan-out of the same pair adds nothing. */
export async function insertDeliveries(q: Queryable, deliveries: readonly NewDelivery[], nowMs: number): Promise<void> {
  await insertMany(q, 'webhook_deliveries', deliveryColumns,
    deliveries.map((d): Param[] => [d.id, d.endpointId, d.eventId, d.topic, d.subject, d.body, 'pending', 0, nowMs, nowMs, nowMs]),
    'ON CONFLICT (endpoint_id, event_id) DO NOTHING')
}

export interface DueDelivery { id: string; endpointId: string; body: string; roundAttempts: number; subject: string | null }

/**
 * Pending deliveries due now, of enabled endpoints, not leased by a dispatcher, and with no
 * earlier pending delivery for the same endpoint and subject: a later change of a subject never
 * overtakes an earlier one, while other subjects go on.
 */
export async function dueDeliveries(q: Queryable, nowMs: number, limit: number): Promise<DueDelivery[]> {
  const rows = await q.all<{ id: string; endpoint_id: string; body: string; round_attempts: number | string; subject: string | null }>(
    `SELECT d.id, d.endpoint_id, d.body, d.round_attempts, d.subject FROM webhook_deliveries d
     JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled = 1
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
       AND (d.subject IS NULL OR NOT EXISTS (SELECT 1 FROM webhook_deliveries p
         WHERE p.endpoint_id = d.endpoint_id AND p.subject = d.subject AND p.status = 'pending' AND p.event_id < d.event_id))
     ORDER BY d.next_attempt_at, d.event_id LIMIT ${Math.trunc(limit)}`, [nowMs, nowMs])
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id, body: r.body, roundAttempts: Number(r.round_attempts), subject: r.subject }))
}

/** Compare-and-set: takes these deliveries for one attempt each until `leaseUntilMs`, except those another dispatcher holds; answers the ones taken. */
export async function claimDeliveries(q: Queryable, ids: readonly string[], nowMs: number, leaseUntilMs: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await q.all<{ id: string }>(
    `UPDATE webhook_deliveries SET lease_until = ? WHERE id IN (${inList(ids.length)}) AND status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) RETURNING id`,
    [leaseUntilMs, ...ids, nowMs, nowMs])
  return new Set(rows.map((r) => r.id))
}

/** Records an attempt and the delivery's next state, if the lease taken is still ours. */
export async function recordAttempt(q: Queryable, id: string, leaseUntilMs: number, attempt: Attempt, next: { status: DeliveryStatus; nextAttemptAtMs: number; roundAttempts: number }): Promise<boolean> {
  const changed = await q.run(
    'UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, round_attempts = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_until = ?',
    [next.status, next.nextAttemptAtMs, next.roundAttempts, attempt.atMs, id, leaseUntilMs])
  if (changed !== 1) return false
  await q.run('INSERT INTO webhook_attempts (delivery_id, at, http_status, duration_ms, error) VALUES (?, ?, ?, ?, ?)',
    [id, attempt.atMs, attempt.httpStatus, attempt.durationMs, attempt.error])
  return true
}

interface DeliveryRow {
  id: string; endpoint_id: string; event_id: number | string; topic: string; subject: string | null; status: DeliveryStatus
  next_attempt_at: number | string; created_at: number | string; updated_at: number | string
}

const deliveryFields = 'id, endpoint_id, event_id, topic, subject, status, next_attempt_at, created_at, updated_at'

async function withAttempts(q: Queryable, rows: DeliveryRow[]): Promise<Delivery[]> {
  const attempts = await selectIn<{ delivery_id: string; id: number | string; at: number | string; http_status: number | string | null; duration_ms: number | string; error: string | null }>(
    q, 'SELECT delivery_id, id, at, http_status, duration_ms, error FROM webhook_attempts WHERE delivery_id', rows.map((r) => r.id))
  attempts.sort((a, b) => Number(a.id) - Number(b.id))
  const byDelivery = new Map<string, Attempt[]>()
  for (const a of attempts) {
    const list = byDelivery.get(a.delivery_id) ?? []
    list.push({ atMs: Number(a.at), httpStatus: a.http_status === null ? null : Number(a.http_status), durationMs: Number(a.duration_ms), error: a.error })
    byDelivery.set(a.delivery_id, list)
  }
  return rows.map((r) => ({
    id: r.id, endpointId: r.endpoint_id, eventId: Number(r.event_id), topic: r.topic, subject: r.subject, status: r.status,
    nextAttemptAtMs: Number(r.next_attempt_at), createdAtMs: Number(r.created_at), updatedAtMs: Number(r.updated_at),
    attempts: byDelivery.get(r.id) ?? [],
  }))
}

/** One endpoint's deliveries, newest event last, after `after` (a delivery id), optionally of one status. */
export async function deliveryPage(q: Queryable, endpointId: string, after: string | undefined, limit: number, status: DeliveryStatus | undefined): Promise<Delivery[]> {
  const where = ['endpoint_id = ?']
  const params: Param[] = [endpointId]
  if (after !== undefined) { where.push('id > ?'); params.push(after) }
  if (status !== undefined) { where.push('status = ?'); params.push(status) }
  const rows = await q.all<DeliveryRow>(`SELECT ${deliveryFields} FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${Math.trunc(limit)}`, params)
  return withAttempts(q, rows)
}

export async function deliveryById(q: Queryable, endpointId: string, id: string): Promise<Delivery | undefined> {
  const row = await q.get<DeliveryRow>(`SELECT ${deliveryFields} FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?`, [id, endpointId])
  return row && (await withAttempts(q, [row]))[0]
}

/** Back in the queue, due now, at the start of the schedule. */
export async function requeueDelivery(q: Queryable, endpointId: string, id: string, nowMs: number): Promise<number> {
  return q.run("UPDATE webhook_deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND endpoint_id = ?",
    [nowMs, nowMs, id, endpointId])
}

/** Every failed delivery of an endpoint (made at or after `sinceMs`) back in the queue; answers how many. */
export async function requeueFailed(q: Queryable, endpointId: string, sinceMs: number, nowMs: number): Promise<number> {
  return q.run(`UPDATE webhook_deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ?
    WHERE endpoint_id = ? AND status = 'failed' AND created_at >= ?`, [nowMs, nowMs, endpointId, sinceMs])
}

/** Per endpoint: deliveries still pending and the creation time of the oldest. */
export async function queueFigures(q: Queryable): Promise<Array<{ endpointId: string; pending: number; oldestAtMs: number }>> {
  const rows = await q.all<{ endpoint_id: string; pending: number | string; oldest: number | string }>(
    "SELECT endpoint_id, COUNT(*) AS pending, MIN(created_at) AS oldest FROM webhook_deliveries WHERE status = 'pending' GROUP BY endpoint_id")
  return rows.map((r) => ({ endpointId: r.endpoint_id, pending: Number(r.pending), oldestAtMs: Number(r.oldest) }))
}

/**
 * Per owner of endpoints (a channel's id, or null for staff endpoints): deliveries that ended
 * delivered or failed since `sinceMs`, those still pending and the creation time of the oldest.
 */
export async function ownerFigures(q: Queryable, sinceMs: number): Promise<Array<{ channelId: string | null; delivered: number; failed: number; pending: number; oldestPendingAtMs: number | null }>> {
  const rows = await q.all<{ channel_id: string | null; status: DeliveryStatus; n: number | string; oldest: number | string | null }>(
    `SELECT e.channel_id, d.status, COUNT(*) AS n, MIN(d.created_at) AS oldest FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
     WHERE d.status = 'pending' OR d.updated_at >= ? GROUP BY e.channel_id, d.status`, [sinceMs])
  const byOwner = new Map<string | null, { channelId: string | null; delivered: number; failed: number; pending: number; oldestPendingAtMs: number | null }>()
  for (const r of rows) {
    const figures = byOwner.get(r.channel_id) ?? { channelId: r.channel_id, delivered: 0, failed: 0, pending: 0, oldestPendingAtMs: null }
    figures[r.status] = Number(r.n)
    if (r.status === 'pending' && r.oldest !== null) figures.oldestPendingAtMs = Number(r.oldest)
    byOwner.set(r.channel_id, figures)
  }
  return [...byOwner.values()]
}

/** Every delivery about these subjects, with its attempt count and last attempt. */
export async function deliveriesOfSubjects(q: Queryable, subjects: readonly string[]): Promise<Array<SubjectDeliveryState & { subject: string }>> {
  if (subjects.length === 0) return []
  const rows = await q.all<{ id: string; endpoint_id: string; event_id: number | string; topic: string; subject: string; status: DeliveryStatus; attempts: number | string; last_at: number | string | null; last_status: number | string | null }>(
    `SELECT d.id, d.endpoint_id, d.event_id, d.topic, d.subject, d.status,
       (SELECT COUNT(*) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS attempts,
       (SELECT MAX(a.at) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS last_at,
       (SELECT a.http_status FROM webhook_attempts a WHERE a.delivery_id = d.id ORDER BY a.id DESC LIMIT 1) AS last_status
     FROM webhook_deliveries d WHERE d.subject IN (${inList(subjects.length)}) ORDER BY d.event_id, d.id`, subjects)
  return rows.map((r) => ({
    subject: r.subject, deliveryId: r.id, endpointId: r.endpoint_id, eventId: Number(r.event_id), topic: r.topic, status: r.status,
    attempts: Number(r.attempts), lastAttemptAtMs: r.last_at === null ? null : Number(r.last_at), lastHttpStatus: r.last_status === null ? null : Number(r.last_status),
  }))
}
