/** The notifications context's types: kinds, languages, their placeholders, templates and notifications as the service and routes see them. */

export const notificationKinds = ['delay_notice', 'promise_improved', 'payment_reminder', 'balance_window_open', 'pickup_ready', 'pickup_reminder', 'pickup_expired', 'pickup_line_refunded'] as const
export type NotificationKind = (typeof notificationKinds)[number]

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]

/** The values each kind's templates may name as `{{name}}`: a template naming any other is refused. */
export const placeholdersOf: Record<NotificationKind, readonly string[]> = {
  delay_notice: ['orderId', 'customerId', 'item', 'oldShipBy', 'newShipBy', 'daysLate', 'compensation', 'compensationAmount', 'statusUrl'],
  promise_improved: ['orderId', 'customerId', 'item', 'oldShipBy', 'newShipBy', 'statusUrl'],
  payment_reminder: ['orderId', 'customerId', 'amount', 'deadline', 'statusUrl'],
  balance_window_open: ['orderId', 'customerId', 'amount', 'balanceFrom', 'deadline', 'statusUrl'],
  pickup_ready: ['orderId', 'customerId', 'items', 'store', 'code', 'collectBy', 'statusUrl'],
  pickup_reminder: ['orderId', 'customerId', 'items', 'store', 'collectBy', 'statusUrl'],
  pickup_expired: ['orderId', 'customerId', 'items', 'store', 'refund', 'statusUrl'],
  pickup_line_refunded: ['orderId', 'customerId', 'items', 'store', 'refund', 'statusUrl'],
}

export const maxSubjectChars = 200
export const maxBodyChars = 4000

/** A subject and body in one language. */
export interface TemplateText {
  subject: string
  body: string
}

/** A template the merchant set: at the default level (`channelId` null) or for one channel. */
export interface StoredTemplate extends TemplateText {
  kind: NotificationKind
  language: Language
  channelId: string | null
  updatedAtMs: number
}

export interface NotificationSettings {
  /** The language of customers whose order names none (orders carry no customer language yet). */
  defaultLanguage: Language
  /** How long before a payment deadline its reminder goes out. */
  paymentReminderLeadHours: number
  /** A channel's own default language, by channel id (an English-language shop beside the Chinese ones). */
  channelLanguages: Record<string, Language>
}

export const defaultSettings: NotificationSettings = { defaultLanguage: 'zh-CN', paymentReminderLeadHours: 24, channelLanguages: {} }

/** One notification as recorded: what was rendered for whom and why. */
export interface Notification {
  id: string
  orderId: string
  channelId: string
  customerId: string | null
  kind: NotificationKind
  language: Language
  subject: string
  body: string
  /** What caused it, unique per order and kind: the customer message's id, or the deadline or window it is about. */
  triggerKey: string
  /** The customer message it carries (delay notices and promise improvements); null for reminders. */
  messageId: string | null
  /** Placeholders the template named that had no value (rendered empty). */
  missing: string[]
  createdAtMs: number
}

/** Where a notification is on its way to the merchant's notifier (the webhook machinery's deliveries of its event). */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'no_endpoint'

/** One webhook delivery of a notification's event, as the composition root hands it over. */
export interface NotificationDelivery {
  endpointId: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastHttpStatus: number | null
}

/**
 * What the notifications context asks the webhook machinery, handed over by the composition root
 * (notifications does not import webhooks): each notification's deliveries, and whether an
 * endpoint would take one committed at a time for a channel.
 */
export interface DeliveryReader {
  deliveriesOf(notificationIds: readonly string[]): Promise<Map<string, NotificationDelivery[]>>
  wouldDeliver(channelId: string, atMs: number): Promise<boolean>
}

/** A notification with its delivery state, as the order's views show it. */
/** An image sent with a notification's text (the pickup code's QR), carried on `notification.requested` only. */
export interface Attachment {
  name: string
  contentType: string
  dataUrl: string
}

/**
 * A notification another context asks for inside its own transaction (a pickup is ready, about
 * to expire, expired): recorded once per order × kind × trigger, published with that transaction.
 */
export interface NotificationRequest {
  orderId: string
  kind: NotificationKind
  triggerKey: string
  values: Record<string, string | null>
  attachments?: Attachment[]
}

export interface NotificationWithState extends Notification {
  state: DeliveryState
  deliveries: NotificationDelivery[]
}
