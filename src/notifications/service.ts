/**
 * Customer notifications: a projector turns `order.delayed` and `order.promise_improved` events
 * into notifications, and a sweep finds payment deadlines coming near and presale balance windows
 * that opened. Each notification is rendered from the merchant's templates in the customer's
 * language, recorded once per order × kind × trigger, and published as `notification.requested`
 * in the same transaction, with the projector's or the sweep's cursor: the merchant's notifier is a
 * webhook endpoint subscribed to it, so delivery, retries, signing and the log are the webhooks'.
 */
import type { Logger } from 'pino'
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { uuidv7 } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { loadSetting, saveSetting, type SettingRule } from '../store/settings.ts'
import { publish, type DomainEvent, type EventFeed, type FeedEvent, type OrderDelayed, type OrderPromiseImproved } from '../events/index.ts'
import { loadSkuNames } from '../catalogue/index.ts'
import {
  amountOwed, channelOfOrder, depositOrdersWithBalanceOpenBetween, loadOrders, ordersWithDeadlineBetween, type Order, type OrderKey, type StatusLinks,
} from '../orders/index.ts'
import { amountText, checkSettings, checkTemplate, compensationSentence, deliveryStateOf, instantText, languageFor, render, templateFor } from './decide.ts'
import { notFound, type NotificationErrorCode } from './errors.ts'
import { shippedTemplates } from './defaults.ts'
import {
  defaultSettings, languages, type Attachment, type NotificationRequest, notificationKinds, placeholdersOf, type DeliveryReader, type Language, type Notification, type NotificationKind,
  type NotificationSettings, type NotificationWithState, type StoredTemplate, type TemplateText,
} from './model.ts'
import { ensureCursor, notificationsOfMessages, notificationsOfOrder, readCursor, recordNew, removeTemplates, saveTemplate, storedTemplates, writeCursor } from './store.ts'

const projectorCursor = 'events'
const reminderCursor = 'payment_reminder'
const balanceCursor = 'balance_window'
const hourMs = 3_600_000

export const settingsRule: SettingRule<NotificationSettings, NotificationSettings> = {
  name: 'notifications.settings',
  fallback: defaultSettings,
  check: (input) => checkSettings(input, defaultSettings),
}

export interface NotificationOptions {
  /** How often the projector runs (and the sweep, every `sweepEveryMs`); 0 turns the poller off (tests call `catchUp` and `sweep`). */
  pollIntervalMs?: number
  /** How often the deadline and balance-window sweep runs. */
  sweepEveryMs?: number
  /** Events or orders per transaction. */
  batchSize?: number
  logger?: Logger
  /** Tests only: runs inside each projector transaction just before it commits; a throw rolls the batch back. */
  beforeCommit?: (notifications: number) => void
}

/** One template as the API lists it: the default level (`channelId` null) for every kind and language, and each channel override. */
export interface TemplateListing extends TemplateText {
  kind: NotificationKind
  language: Language
  channelId: string | null
  /** The merchant set it (the default level) or it is a channel's own; false: Sellahead's shipped text. */
  overridden: boolean
  placeholders: readonly string[]
  updatedAtMs: number | null
}

/** What one template is rendered from: an order, and the values its kind fills in. */
interface Draft {
  order: Order
  kind: NotificationKind
  triggerKey: string
  messageId: string | null
  values: (language: Language) => Record<string, string | null>
  attachments?: Attachment[]
}

export class Notifications {
  readonly #db: Db
  readonly #clock: Clock
  readonly #feed: EventFeed
  readonly #links: StatusLinks
  readonly #deliveries: DeliveryReader | undefined
  readonly #options: NotificationOptions
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> | undefined
  #sweptAtMs: number | undefined
  readonly #cursorsReady = new Set<string>()

  constructor(db: Db, clock: Clock, deps: { events: EventFeed; statusLinks: StatusLinks; deliveries?: DeliveryReader }, options: NotificationOptions = {}) {
    this.#db = db
    this.#clock = clock
    this.#feed = deps.events
    this.#links = deps.statusLinks
    this.#deliveries = deps.deliveries
    this.#options = options
    const intervalMs = options.pollIntervalMs ?? 1000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        if (this.#running) return
        this.#running = this.#tick()
          .catch((err) => options.logger?.error({ err }, 'notifications: projector or sweep failed; it resumes from its cursor'))
          .finally(() => (this.#running = undefined))
      }, intervalMs)
      this.#timer.unref()
    }
  }

  /** Makes a cursor's row once per process. */
  async #ensureCursor(name: string): Promise<void> {
    if (this.#cursorsReady.has(name)) return
    await ensureCursor(this.#db, name)
    this.#cursorsReady.add(name)
  }

  async #tick(): Promise<void> {
    await this.catchUp()
    const nowMs = this.#clock.nowMs()
    if (this.#sweptAtMs !== undefined && nowMs - this.#sweptAtMs < (this.#options.sweepEveryMs ?? 10_000)) return
    this.#sweptAtMs = nowMs
    await this.sweep()
  }

  // The projector.

  /** Every delay and promise improvement committed so far becomes its notification, batch by batch. */
  async catchUp(): Promise<{ events: number; notifications: number }> {
    await this.#ensureCursor(projectorCursor)
    let events = 0
    let notifications = 0
    for (;;) {
      const done = await this.#projectBatch()
      events += done.events
      notifications += done.notifications
      if (!done.more) return { events, notifications }
    }
  }

  async #projectBatch(): Promise<{ events: number; notifications: number; more: boolean }> {
    const limit = this.#options.batchSize ?? 500
    const after = (await readCursor(this.#db, projectorCursor)).afterId
    const page = await this.#feed.read({ after, topics: ['order.delayed', 'order.promise_improved'], limit })
    if (page.nextCursor === after) return { events: 0, notifications: 0, more: false }
    const orderIds = [...new Set(page.items.map((e) => (e.payload as { orderId: string }).orderId))]
    // Signing a link may read the root secret: done before the transaction, which then only writes.
    const links = await this.#statusUrls(orderIds)
    const made = await this.#db.tx(async (tx) => {
      // Another process's projector may have moved the cursor since it was read: then this batch is its.
      if ((await readCursor(tx, projectorCursor, true)).afterId !== after) return undefined
      const orders = await loadOrders(tx, orderIds)
      const skuNames = await loadSkuNames(tx, [...orders.values()].flatMap((o) => o.lines.map((l) => l.skuId)))
      const drafts = page.items.flatMap((e) => {
        const order = orders.get((e.payload as { orderId: string }).orderId)
        return order ? [eventDraft(e, order, skuNames, links)] : []
      })
      const recorded = await this.#record(tx, drafts)
      await writeCursor(tx, projectorCursor, { afterId: page.nextCursor, afterKey: '' })
      this.#options.beforeCommit?.(recorded)
      return recorded
    })
    if (made === undefined) return { events: 0, notifications: 0, more: true }
    return { events: page.items.length, notifications: made, more: page.items.length === limit }
  }

  /**
   * Another context's notification, inside its transaction (a pickup ready, about to expire,
   * expired): rendered, recorded once per order × kind × trigger and published with that
   * transaction. Answers how many were new (0 for a repeat).
   */
  async requestWithin(tx: Queryable, requests: readonly NotificationRequest[], links: ReadonlyMap<string, string>): Promise<number> {
    if (requests.length === 0) return 0
    const orderIds = [...new Set(requests.map((r) => r.orderId))]
    const orders = await loadOrders(tx, orderIds)
    const drafts = requests.flatMap((r): Draft[] => {
      const order = orders.get(r.orderId)
      if (!order) return []
      return [{ order, kind: r.kind, triggerKey: r.triggerKey, messageId: null, values: () => ({ statusUrl: links.get(order.id) ?? null, ...r.values }), ...(r.attachments && { attachments: r.attachments }) }]
    })
    return this.#record(tx, drafts)
  }

  /** Renders the drafts, records the new ones and publishes an event for each, in the caller's transaction. */
  async #record(tx: Queryable, drafts: readonly Draft[]): Promise<number> {
    if (drafts.length === 0) return 0
    const nowMs = this.#clock.nowMs()
    const [templates, settings] = await Promise.all([storedTemplates(tx), loadSetting(tx, settingsRule)])
    const attachmentsOf = new Map<string, Attachment[]>()
    const rendered = drafts.map((d): Notification => {
      // Orders carry no customer language yet: the channel's default decides, else the merchant's.
      const language = languageFor(null, settings, d.order.channelId)
      const text = render(templateFor(d.kind, language, d.order.channelId, templates), d.values(language))
      const id = `ntf_${uuidv7(nowMs)}`
      if (d.attachments) attachmentsOf.set(id, d.attachments)
      return {
        id, orderId: d.order.id, channelId: d.order.channelId, customerId: d.order.customerId, kind: d.kind, language,
        subject: text.subject, body: text.body, triggerKey: d.triggerKey, messageId: d.messageId, missing: text.missing, createdAtMs: nowMs,
      }
    })
    const fresh = await recordNew(tx, rendered)
    await publish(tx, fresh.map((n): DomainEvent => ({
      topic: 'notification.requested', subject: n.id,
      payload: {
        notificationId: n.id, orderId: n.orderId, channelId: n.channelId, customerId: n.customerId, kind: n.kind, language: n.language,
        message: { subject: n.subject, body: n.body }, ...(attachmentsOf.has(n.id) && { attachments: attachmentsOf.get(n.id) }),
      },
    })), nowMs)
    return fresh.length
  }

  /** The orders' status links, for `requestWithin`: read before the caller's transaction (signing may read the root secret). */
  statusUrlsOf(orderIds: readonly string[]): Promise<Map<string, string>> {
    return this.#statusUrls(orderIds)
  }

  async #statusUrls(orderIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (const id of orderIds) {
      // An id that is not ord_<uuid> (an import's own) has no status link: the placeholder renders empty.
      try {
        out.set(id, (await this.#links.linkOf(id, '')).url)
      } catch { /* no link */ }
    }
    return out
  }

  // The sweep.

  /** Payment reminders for deadlines within the lead, and notices of balance windows that opened, each once. */
  async sweep(): Promise<{ paymentReminders: number; balanceNotices: number }> {
    const settings = await loadSetting(this.#db, settingsRule)
    const leadMs = settings.paymentReminderLeadHours * hourMs
    const paymentReminders = await this.#sweepWith(reminderCursor, (q, after, nowMs, limit) => {
      // Deadlines already passed are the expiry sweep's, not a reminder's.
      const from = after.atMs < nowMs ? { atMs: nowMs, id: '' } : after
      return ordersWithDeadlineBetween(q, from, nowMs + leadMs, leadMs, limit)
    }, reminderDraft)
    const balanceNotices = await this.#sweepWith(balanceCursor, (q, after, nowMs, limit) => depositOrdersWithBalanceOpenBetween(q, after, nowMs, nowMs, limit), balanceDraft)
    return { paymentReminders, balanceNotices }
  }

  /** Pages through the orders a read finds after the sweep's cursor, recording a notification each and moving the cursor with them. */
  async #sweepWith(
    name: string,
    read: (q: Queryable, after: OrderKey, nowMs: number, limit: number) => Promise<Array<{ order: Order; keyMs: number }>>,
    draftOf: (order: Order, keyMs: number, links: Map<string, string>) => Draft,
  ): Promise<number> {
    await this.#ensureCursor(name)
    const limit = this.#options.batchSize ?? 500
    let recorded = 0
    for (;;) {
      const nowMs = this.#clock.nowMs()
      const cursor = await readCursor(this.#db, name)
      const page = await read(this.#db, { atMs: cursor.afterId, id: cursor.afterKey }, nowMs, limit)
      if (page.length === 0) return recorded
      const links = await this.#statusUrls(page.map((p) => p.order.id))
      const last = page[page.length - 1]
      const made = await this.#db.tx(async (tx) => {
        const now = await readCursor(tx, name, true)
        if (now.afterId !== cursor.afterId || now.afterKey !== cursor.afterKey) return undefined
        const n = await this.#record(tx, page.map((p) => draftOf(p.order, p.keyMs, links)))
        await writeCursor(tx, name, { afterId: last.keyMs, afterKey: last.order.id })
        return n
      })
      recorded += made ?? 0
      if (made !== undefined && page.length < limit) return recorded
    }
  }

  // Templates and settings.

  /** Every kind and language at the default level (shipped or the merchant's), then each channel override. */
  async templates(): Promise<TemplateListing[]> {
    const stored = await storedTemplates(this.#db)
    const out: TemplateListing[] = []
    for (const kind of notificationKinds) {
      for (const language of languages) {
        const own = stored.find((t) => t.kind === kind && t.language === language && t.channelId === null)
        const text = own ?? shippedTemplates[kind][language]
        out.push({ kind, language, channelId: null, subject: text.subject, body: text.body, overridden: own !== undefined, placeholders: placeholdersOf[kind], updatedAtMs: own?.updatedAtMs ?? null })
      }
    }
    for (const t of stored.filter((s) => s.channelId !== null)) out.push({ ...t, overridden: true, placeholders: placeholdersOf[t.kind] })
    return out
  }

  /** Sets a kind's template in one language, at the default level (`channelId` null) or for one channel; checked before anything is written. */
  async setTemplate(kind: NotificationKind, channelId: string | null, input: TemplateText & { language: Language }): Promise<Result<TemplateListing, NotificationErrorCode>> {
    const checked = checkTemplate(kind, input)
    if (!checked.ok) return checked
    const template: StoredTemplate = { kind, channelId, language: input.language, ...checked.value, updatedAtMs: this.#clock.nowMs() }
    await saveTemplate(this.#db, template)
    return ok({ ...template, overridden: true, placeholders: placeholdersOf[kind] })
  }

  /** Removes a level's template (one language or all): the channel's orders use the default level again, the default level Sellahead's text. */
  removeTemplate(kind: NotificationKind, channelId: string | null, language?: Language): Promise<number> {
    return removeTemplates(this.#db, kind, channelId, language)
  }

  settings(): Promise<NotificationSettings> {
    return loadSetting(this.#db, settingsRule)
  }

  async setSettings(input: Partial<NotificationSettings>): Promise<Result<NotificationSettings, NotificationErrorCode>> {
    const current = await this.settings()
    const checked = checkSettings(input, current)
    if (!checked.ok) return checked
    return saveSetting(this.#db, settingsRule, checked.value, this.#clock.nowMs()) as Promise<Result<NotificationSettings, NotificationErrorCode>>
  }

  // What the order's views read.

  /** The order's channel, or order_not_found. */
  async orderChannel(orderId: string): Promise<Result<string, NotificationErrorCode>> {
    const channelId = await channelOfOrder(this.#db, orderId)
    return channelId === undefined ? notFound('order', orderId) : ok(channelId)
  }

  /** Every notification of an order with its delivery state, oldest first. */
  async ofOrder(orderId: string): Promise<NotificationWithState[]> {
    return this.#withStates(await notificationsOfOrder(this.#db, orderId))
  }

  /** The notification carrying each of these customer messages, with its delivery state, by message id. */
  async ofMessages(messageIds: readonly string[]): Promise<Map<string, NotificationWithState>> {
    const found = await this.#withStates(await notificationsOfMessages(this.#db, messageIds))
    return new Map(found.map((n) => [n.messageId!, n]))
  }

  async #withStates(list: Notification[]): Promise<NotificationWithState[]> {
    if (list.length === 0) return []
    const deliveries = this.#deliveries ? await this.#deliveries.deliveriesOf(list.map((n) => n.id)) : new Map()
    return Promise.all(list.map(async (n) => {
      const mine = deliveries.get(n.id) ?? []
      const waiting = mine.length === 0 && this.#deliveries !== undefined && await this.#deliveries.wouldDeliver(n.channelId, n.createdAtMs)
      return { ...n, state: deliveryStateOf(mine, waiting), deliveries: mine }
    }))
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#running?.catch(() => undefined)
  }
}

const itemOf = (order: Order, lineNo: number, skuNames: Map<string, string>): string | null => {
  const line = order.lines.find((l) => l.lineNo === lineNo)
  return line ? `${line.quantity} × ${skuNames.get(line.skuId) ?? line.skuId}` : null
}

/** A delay or a promise improvement: the notification carries the customer message the change wrote. */
function eventDraft(e: FeedEvent, order: Order, skuNames: Map<string, string>, links: Map<string, string>): Draft {
  const common = (p: OrderDelayed | OrderPromiseImproved) => ({
    orderId: order.id, customerId: order.customerId, item: itemOf(order, p.lineNo, skuNames), oldShipBy: p.oldShipBy, newShipBy: p.newShipBy, statusUrl: links.get(order.id) ?? null,
  })
  if (e.topic === 'order.delayed') {
    const p = e.payload as OrderDelayed
    const compensation = p.compensation as { amountMinor?: number; currency?: string } | null
    const amountMinor = compensation?.amountMinor ?? 0
    const currency = compensation?.currency ?? order.currency
    return {
      order, kind: 'delay_notice', triggerKey: p.messageId ?? `event:${e.id}`, messageId: p.messageId ?? null,
      values: (language) => ({
        ...common(p), daysLate: p.daysLate === null ? null : String(p.daysLate), compensation: compensationSentence(amountMinor, currency, language),
        compensationAmount: amountMinor > 0 ? amountText(amountMinor, currency) : null,
      }),
    }
  }
  const p = e.payload as OrderPromiseImproved
  return { order, kind: 'promise_improved', triggerKey: p.messageId ?? `event:${e.id}`, messageId: p.messageId ?? null, values: () => common(p) }
}

/** A payment deadline within the lead: one reminder per deadline (a new deadline, e.g. the balance's, is reminded again). */
function reminderDraft(order: Order, dueAtMs: number, links: Map<string, string>): Draft {
  return {
    order, kind: 'payment_reminder', triggerKey: `due:${dueAtMs}`, messageId: null,
    values: () => ({ orderId: order.id, customerId: order.customerId, amount: amountText(amountOwed(order), order.currency), deadline: instantText(dueAtMs), statusUrl: links.get(order.id) ?? null }),
  }
}

/** A presale balance window that opened: one notice per window. */
function balanceDraft(order: Order, balanceFromMs: number, links: Map<string, string>): Draft {
  const plan = order.payment
  const deadlineMs = plan.kind === 'deposit' ? plan.balanceByMs : order.dueAtMs
  return {
    order, kind: 'balance_window_open', triggerKey: `balance:${balanceFromMs}`, messageId: null,
    values: () => ({
      orderId: order.id, customerId: order.customerId, amount: amountText(amountOwed(order), order.currency), balanceFrom: instantText(balanceFromMs),
      deadline: deadlineMs === null ? null : instantText(deadlineMs), statusUrl: links.get(order.id) ?? null,
    }),
  }
}
