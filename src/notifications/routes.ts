/**
 * Notification routes: the templates (staff: admin and ops) at the default level and per channel,
 * the notification settings, and an order's notifications with their delivery state (staff, or the
 * order's own channel: another channel's order is not found).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { allow, Id, literals, named, Nullable, principalOf, problems, sendProblem, sendResult } from '../http/support.ts'
import { isoOf } from '../kernel/clock.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Principal } from '../kernel/principal.ts'
import type { Catalogue } from '../catalogue/index.ts'
import { notFound } from './errors.ts'
import { languages, maxBodyChars, maxSubjectChars, notificationKinds, type Language, type NotificationWithState } from './model.ts'
import type { Notifications, TemplateListing } from './service.ts'

const tags = ['notifications']
const staff = allow('admin', 'ops')
const Kind = literals(notificationKinds)
const Language = literals(languages)
const KindParams = Type.Object({ kind: Kind })
const ChannelQuery = Type.Object({
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A channel id or code: that channel’s override; absent: the default level' })),
}, { additionalProperties: false })
const RemoveQuery = Type.Object({
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A channel id or code: that channel’s override; absent: the merchant’s default level (back to Sellahead’s text)' })),
  language: Type.Optional(Language),
}, { additionalProperties: false })

const TemplateView = named('NotificationTemplate', Type.Object({
  kind: Kind,
  language: Language,
  channelId: Nullable(Type.String({ description: 'Null: the default level, used for every channel without its own' })),
  subject: Type.String(),
  body: Type.String(),
  overridden: Type.Boolean({ description: 'True: the merchant’s text (the default level’s or the channel’s own); false: Sellahead’s shipped text' }),
  placeholders: Type.Array(Type.String(), { description: 'The {{names}} this kind’s templates may use' }),
  updatedAt: Nullable(Type.String()),
}))

const TemplateBody = named('NotificationTemplateInput', Type.Object({
  language: Language,
  // Longer texts are refused by the template check (422 template_too_long), not the schema.
  subject: Type.String({ maxLength: 100_000, description: `At most ${maxSubjectChars} characters; {{placeholders}} of the kind only` }),
  body: Type.String({ maxLength: 100_000, description: `At most ${maxBodyChars} characters; {{placeholders}} of the kind only` }),
}, { additionalProperties: false }))

const SettingsView = named('NotificationSettings', Type.Object({
  defaultLanguage: Language,
  paymentReminderLeadHours: Type.Integer({ description: 'How long before a payment deadline its reminder goes out (1–720)' }),
  channelLanguages: Type.Record(Type.String(), Language, { description: 'A channel’s own default language, by channel id' }),
}))
const SettingsBody = named('NotificationSettingsInput', Type.Object({
  defaultLanguage: Type.Optional(Language),
  paymentReminderLeadHours: Type.Optional(Type.Integer()),
  channelLanguages: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Language, {
    description: 'Channel (id or code) → its default language; replaces the whole map', maxProperties: 1000,
  })),
}, { additionalProperties: false }))

export const DeliveryView = named('NotificationDelivery', Type.Object({
  endpointId: Type.String(),
  status: Type.String({ description: '`pending`, `delivered` or `failed`' }),
  attempts: Type.Integer(),
  lastHttpStatus: Nullable(Type.Integer()),
}))

export const NotificationView = named('OrderNotification', Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  channelId: Type.String(),
  customerId: Nullable(Type.String()),
  kind: Kind,
  language: Language,
  subject: Type.String(),
  body: Type.String(),
  trigger: Type.String({ description: 'What caused it: the customer message’s id, `due:<ms>` (a payment deadline) or `balance:<ms>` (a balance window)' }),
  messageId: Nullable(Type.String({ description: 'The customer message it carries (delay notices and promise improvements)' })),
  missing: Type.Array(Type.String(), { description: 'Placeholders that had no value and rendered empty' }),
  state: Type.String({ description: '`pending` (on its way, or waiting for the webhook fan-out), `delivered` (the notifier answered 2xx), `failed` (retries spent), `no_endpoint` (no webhook endpoint takes `notification.requested` for its channel)' }),
  deliveries: Type.Array(DeliveryView),
  createdAt: Type.String(),
}))

const templateView = (t: TemplateListing) => {
  const { updatedAtMs, ...rest } = t
  return { ...rest, placeholders: [...t.placeholders], updatedAt: isoOf(updatedAtMs) }
}

export const notificationView = (n: NotificationWithState) => ({
  id: n.id, orderId: n.orderId, channelId: n.channelId, customerId: n.customerId, kind: n.kind, language: n.language, subject: n.subject, body: n.body,
  trigger: n.triggerKey, messageId: n.messageId, missing: n.missing, state: n.state, deliveries: n.deliveries, createdAt: isoOf(n.createdAtMs),
})

/** Templates, settings, and an order's notifications. */
export function notificationRoutes({ notifications, catalogue }: { notifications: Notifications; catalogue: Catalogue }): FastifyPluginAsyncTypebox {
  /** The channel a `?channel=` names (by id or code), or null for the default level. */
  async function levelOf(channel: string | undefined): Promise<Result<string | null>> {
    if (channel === undefined) return ok(null)
    const found = await catalogue.resolveChannel(channel)
    return found ? ok(found.id) : notFound('channel', channel)
  }

  /** Staff see every order; a channel only its own (others are not found, so their existence is not revealed). */
  async function visibleOrder(p: Principal, orderId: string): Promise<Result<string>> {
    const channelId = await notifications.orderChannel(orderId)
    if (!channelId.ok) return channelId
    if (p.kind !== 'channel') return ok(orderId)
    return (await catalogue.channelIdOf(p)) === channelId.value ? ok(orderId) : notFound('order', orderId)
  }

  return async (app) => {
    app.get('/v1/notification-templates', {
      preHandler: staff,
      schema: {
        tags, summary: 'Every notification template: each kind and language at the default level (shipped or the merchant’s), then each channel’s own',
        response: { 200: Type.Object({ items: Type.Array(TemplateView) }), ...problems },
      },
    }, async () => ({ items: (await notifications.templates()).map(templateView) }))

    app.put('/v1/notification-templates/:kind', {
      preHandler: staff,
      schema: {
        tags, summary: 'Set a kind’s subject and body in one language, for every channel (the default level) or for one channel (`?channel=`)',
        params: KindParams, querystring: ChannelQuery, body: TemplateBody, response: { 200: TemplateView, ...problems },
      },
    }, async (req, reply) => {
      const level = await levelOf(req.query.channel)
      if (!level.ok) return sendProblem(reply, level)
      const set = await notifications.setTemplate(req.params.kind, level.value, req.body)
      return set.ok ? templateView(set.value) : sendProblem(reply, set)
    })

    app.delete('/v1/notification-templates/:kind', {
      preHandler: staff,
      schema: {
        tags, summary: 'Remove a channel’s override (`?channel=`) or the merchant’s default-level text, in one language or all: the level below is used again',
        params: KindParams, querystring: RemoveQuery, response: { 200: Type.Object({ removed: Type.Integer({ description: 'Templates removed (one per language); 0 when the level had none' }) }), ...problems },
      },
    }, async (req, reply) => {
      const level = await levelOf(req.query.channel)
      if (!level.ok) return sendProblem(reply, level)
      return { removed: await notifications.removeTemplate(req.params.kind, level.value, req.query.language) }
    })

    app.get('/v1/notification-settings', {
      preHandler: staff,
      schema: { tags, summary: 'The customers’ default language and how long before a payment deadline its reminder goes out', response: { 200: SettingsView, ...problems } },
    }, async () => notifications.settings())

    app.put('/v1/notification-settings', {
      preHandler: allow('admin'),
      schema: { tags, summary: 'Change the default language or the payment reminder’s lead (fields left out keep their value)', body: SettingsBody, response: { 200: SettingsView, ...problems } },
    }, async (req, reply) => {
      const { channelLanguages, ...rest } = req.body
      if (channelLanguages === undefined) return sendResult(reply, await notifications.setSettings(rest))
      // Channels named by code are kept by id, so renaming a code changes nothing.
      const byId: Record<string, Language> = {}
      for (const [channel, language] of Object.entries(channelLanguages)) {
        const found = await catalogue.resolveChannel(channel)
        if (!found) return sendProblem(reply, notFound('channel', channel))
        byId[found.id] = language
      }
      return sendResult(reply, await notifications.setSettings({ ...rest, channelLanguages: byId }))
    })

    app.get('/v1/orders/:id/notifications', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags: ['orders'], summary: 'The order’s customer notifications (delay notices, promise improvements, payment reminders, balance-window notices) and where each is on its way to the notifier',
        params: Type.Object({ id: Id }), response: { 200: Type.Object({ items: Type.Array(NotificationView) }), ...problems },
      },
    }, async (req, reply) => {
      const order = await visibleOrder(principalOf(req), req.params.id)
      if (!order.ok) return sendProblem(reply, order)
      return { items: (await notifications.ofOrder(order.value)).map(notificationView) }
    })
  }
}
