/**
 * The notifications' pure rules: reading and checking a template's placeholders, choosing the
 * template for a channel and language, the values each kind fills in, rendering, and what a
 * notification's webhook deliveries say about it. No I/O, no clock.
 */
import { ok, type Result } from '../kernel/result.ts'
import { majorUnits } from '../kernel/money.ts'
import { fail, type NotificationErrorCode } from './errors.ts'
import { shippedTemplates } from './defaults.ts'
import {
  languages, maxBodyChars, maxSubjectChars, placeholdersOf, type DeliveryState, type Language, type NotificationDelivery, type NotificationKind,
  type NotificationSettings, type StoredTemplate, type TemplateText,
} from './model.ts'

/** `{{name}}`, spaces inside the braces allowed. */
const placeholderPattern = /\{\{\s*([^{}\s]*)\s*\}\}/g

/** The placeholders a text names, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]))]
}

export interface Rendered extends TemplateText {
  /** Placeholders named that had no value: rendered as nothing. */
  missing: string[]
}

/** Fills each `{{name}}` with its value; a name without a value (undefined or null) renders as nothing and is reported. */
export function render(template: TemplateText, values: Readonly<Record<string, string | null | undefined>>): Rendered {
  const missing = new Set<string>()
  const fill = (text: string) => text.replace(placeholderPattern, (_, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    if (value === undefined || value === null) {
      missing.add(name)
      return ''
    }
    return value
  })
  return { subject: fill(template.subject), body: fill(template.body), missing: [...missing] }
}

/** A template the merchant sends: within the limits, naming only its kind's placeholders. */
export function checkTemplate(kind: NotificationKind, text: TemplateText): Result<TemplateText, NotificationErrorCode> {
  if (text.subject.trim() === '' || text.body.trim() === '') return fail('invalid_template', 'A template needs a subject and a body.')
  if (text.subject.length > maxSubjectChars) return fail('template_too_long', `The subject is ${text.subject.length} characters; at most ${maxSubjectChars}.`, { field: 'subject', maxChars: maxSubjectChars })
  if (text.body.length > maxBodyChars) return fail('template_too_long', `The body is ${text.body.length} characters; at most ${maxBodyChars}.`, { field: 'body', maxChars: maxBodyChars })
  const allowed = placeholdersOf[kind]
  for (const [field, value] of [['subject', text.subject], ['body', text.body]] as const) {
    const unknown = placeholdersIn(value).find((p) => !allowed.includes(p))
    if (unknown !== undefined) {
      return fail('unknown_placeholder', `{{${unknown}}} in the ${field} is not a placeholder of ${kind}; it may use ${allowed.map((p) => `{{${p}}}`).join(', ')}.`,
        { placeholder: unknown, field, allowed })
    }
  }
  return ok({ subject: text.subject, body: text.body })
}

/** The template used for an order of `channelId` in `language`: the channel's own, else the merchant's default, else the shipped one. */
export function templateFor(kind: NotificationKind, language: Language, channelId: string, stored: readonly StoredTemplate[]): TemplateText {
  const find = (channel: string | null) => stored.find((t) => t.kind === kind && t.language === language && t.channelId === channel)
  return find(channelId) ?? find(null) ?? shippedTemplates[kind][language]
}

const isLanguage = (value: unknown): value is Language => (languages as readonly unknown[]).includes(value)

/** The customer's language: the order's own when it names one Sellahead has templates in, else the channel's default, else the merchant's. */
export function languageFor(customerLanguage: string | null, settings: NotificationSettings, channelId: string): Language {
  if (isLanguage(customerLanguage)) return customerLanguage
  return Object.hasOwn(settings.channelLanguages, channelId) ? settings.channelLanguages[channelId] : settings.defaultLanguage
}

/** Money as the customer reads it: `198.00 CNY`. */
export const amountText = (minor: number, currency: string): string => `${majorUnits(minor, currency)} ${currency}`

/** An instant as the customer reads it: `2030-01-01 12:00 UTC`. */
export const instantText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** The apology sentence of a delay notice, in the notice's language; empty without compensation. */
export function compensationSentence(amountMinor: number, currency: string, language: Language): string {
  if (amountMinor <= 0) return ''
  const amount = amountText(amountMinor, currency)
  return language === 'zh-CN' ? `作为补偿，我们将向您发放价值 ${amount} 的优惠券。` : `As an apology we are giving you a coupon worth ${amount}. `
}

/**
 * Where a notification is on its way to the notifier: no delivery yet is `pending` while an
 * endpoint will take it (the fan-out has not reached it) and `no_endpoint` otherwise; with
 * deliveries, any still pending makes it `pending`, else one delivered makes it `delivered`, else `failed`.
 */
export function deliveryStateOf(deliveries: readonly NotificationDelivery[], endpointWaiting: boolean): DeliveryState {
  if (deliveries.length === 0) return endpointWaiting ? 'pending' : 'no_endpoint'
  if (deliveries.some((d) => d.status === 'pending')) return 'pending'
  return deliveries.some((d) => d.status === 'delivered') ? 'delivered' : 'failed'
}

/** A settings body: known languages and a lead from 1 hour to 30 days. Fields left out keep their value. */
export function checkSettings(input: Partial<NotificationSettings>, current: NotificationSettings): Result<NotificationSettings, NotificationErrorCode> {
  const next = { ...current, ...input }
  if (!isLanguage(next.defaultLanguage)) return fail('invalid_notification_settings', `defaultLanguage must be one of ${languages.join(', ')}.`)
  const lead = next.paymentReminderLeadHours
  if (!Number.isInteger(lead) || lead < 1 || lead > 720) return fail('invalid_notification_settings', 'paymentReminderLeadHours must be a whole number from 1 to 720.')
  const channels = next.channelLanguages ?? {}
  if (typeof channels !== 'object' || Array.isArray(channels) || Object.values(channels).some((l) => !isLanguage(l))) {
    return fail('invalid_notification_settings', `channelLanguages maps channels to one of ${languages.join(', ')}.`)
  }
  return ok({ defaultLanguage: next.defaultLanguage, paymentReminderLeadHours: lead, channelLanguages: { ...channels } })
}
