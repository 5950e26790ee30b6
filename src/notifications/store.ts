/** The notifications as stored: each notification, the merchant's templates, and the cursors of the projector and the sweeps. */
import type { Param, Queryable } from '../store/db.ts'
import { insertMany, selectIn, type Column } from '../store/sql.ts'
import type { Language, Notification, NotificationKind, StoredTemplate } from './model.ts'

const notificationColumns: readonly Column[] = [
  ['id', 'text'], ['order_id', 'text'], ['channel_id', 'text'], ['customer_id', 'text'], ['kind', 'text'], ['language', 'text'], ['subject', 'text'],
  ['body', 'text'], ['trigger_key', 'text'], ['message_id', 'text'], ['missing', 'text'], ['created_at', 'bigint'],
]

interface NotificationRow {
  id: string; order_id: string; channel_id: string; customer_id: string | null; kind: string; language: string; subject: string; body: string
  trigger_key: string; message_id: string | null; missing: string; created_at: number | string
}

const notificationOf = (r: NotificationRow): Notification => ({
  id: r.id, orderId: r.order_id, channelId: r.channel_id, customerId: r.customer_id, kind: r.kind as NotificationKind, language: r.language as Language,
  subject: r.subject, body: r.body, triggerKey: r.trigger_key, messageId: r.message_id, missing: JSON.parse(r.missing) as string[], createdAtMs: Number(r.created_at),
})

const keyOf = (n: { orderId: string; kind: string; triggerKey: string }) => `${n.orderId}|${n.kind}|${n.triggerKey}`

/**
 * Records the notifications not recorded before (one per order × kind × trigger) and answers
 * those it recorded, so the caller publishes an event for each new one and none for a repeat.
 */
export async function recordNew(tx: Queryable, notifications: readonly Notification[]): Promise<Notification[]> {
  if (notifications.length === 0) return []
  const existing = await selectIn<{ order_id: string; kind: string; trigger_key: string }>(
    tx, 'SELECT order_id, kind, trigger_key FROM notifications WHERE order_id', [...new Set(notifications.map((n) => n.orderId))])
  const seen = new Set(existing.map((e) => keyOf({ orderId: e.order_id, kind: e.kind, triggerKey: e.trigger_key })))
  const fresh: Notification[] = []
  for (const n of notifications) {
    if (seen.has(keyOf(n))) continue
    seen.add(keyOf(n))
    fresh.push(n)
  }
  await insertMany(tx, 'notifications', notificationColumns, fresh.map((n): Param[] => [
    n.id, n.orderId, n.channelId, n.customerId, n.kind, n.language, n.subject, n.body, n.triggerKey, n.messageId, JSON.stringify(n.missing), n.createdAtMs,
  ]))
  return fresh
}

/** An order's notifications, oldest first. */
export async function notificationsOfOrder(q: Queryable, orderId: string): Promise<Notification[]> {
  return (await q.all<NotificationRow>('SELECT * FROM notifications WHERE order_id = ? ORDER BY created_at, id', [orderId])).map(notificationOf)
}

/** The notifications carrying these customer messages. */
export async function notificationsOfMessages(q: Queryable, messageIds: readonly string[]): Promise<Notification[]> {
  return (await selectIn<NotificationRow>(q, 'SELECT * FROM notifications WHERE message_id', messageIds)).map(notificationOf)
}

interface TemplateRow { kind: string; channel_id: string; language: string; subject: string; body: string; updated_at: number | string }

/** The merchant's templates: every level, every language (a handful of rows). */
export async function storedTemplates(q: Queryable): Promise<StoredTemplate[]> {
  const rows = await q.all<TemplateRow>('SELECT * FROM notification_templates ORDER BY kind, channel_id, language')
  return rows.map((r) => ({
    kind: r.kind as NotificationKind, channelId: r.channel_id === '' ? null : r.channel_id, language: r.language as Language, subject: r.subject, body: r.body,
    updatedAtMs: Number(r.updated_at),
  }))
}

export async function saveTemplate(q: Queryable, t: StoredTemplate): Promise<void> {
  await q.run(`INSERT INTO notification_templates (kind, channel_id, language, subject, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (kind, channel_id, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
  [t.kind, t.channelId ?? '', t.language, t.subject, t.body, t.updatedAtMs])
}

/** Removes a level's template (every language, or one): the level below is used again. Answers how many were removed. */
export async function removeTemplates(q: Queryable, kind: NotificationKind, channelId: string | null, language: Language | undefined): Promise<number> {
  const params: Param[] = [kind, channelId ?? '']
  if (language !== undefined) params.push(language)
  const found = await q.all<{ kind: string }>(`SELECT kind FROM notification_templates WHERE kind = ? AND channel_id = ?${language === undefined ? '' : ' AND language = ?'}`, params)
  await q.run(`DELETE FROM notification_templates WHERE kind = ? AND channel_id = ?${language === undefined ? '' : ' AND language = ?'}`, params)
  return found.length
}

/** A cursor: an outbox id (the projector), or a date and an order id (the sweeps' keyset). */
export interface Cursor { afterId: number; afterKey: string }

export async function ensureCursor(q: Queryable, name: string): Promise<void> {
  await q.run(`INSERT INTO notification_cursor (name, after_id, after_key) VALUES (?, 0, '') ON CONFLICT (name) DO NOTHING`, [name])
}

/** `forUpdate` serialises the projectors and sweeps of several processes. */
export async function readCursor(q: Queryable, name: string, forUpdate = false): Promise<Cursor> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<{ after_id: number | string; after_key: string }>(`SELECT after_id, after_key FROM notification_cursor WHERE name = ?${lock}`, [name])
  return row === undefined ? { afterId: 0, afterKey: '' } : { afterId: Number(row.after_id), afterKey: row.after_key }
}

export async function writeCursor(tx: Queryable, name: string, cursor: Cursor): Promise<void> {
  await tx.run('UPDATE notification_cursor SET after_id = ?, after_key = ? WHERE name = ?', [cursor.afterId, cursor.afterKey, name])
}

