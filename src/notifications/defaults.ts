/**
 * The templates Sellahead ships: one subject and body per kind and language. A merchant replaces
 * any of them, for every channel or for one (docs/notifications.md); these are used otherwise.
 */
import type { Language, NotificationKind, TemplateText } from './model.ts'

export const shippedTemplates: Record<NotificationKind, Record<Language, TemplateText>> = {
  delay_notice: {
    'zh-CN': {
      subject: '您的订单 {{orderId}} 延迟发货',
      body: '非常抱歉：{{item}} 将延迟至 {{newShipBy}} 发货（原定 {{oldShipBy}}）。{{compensation}}如您不愿等待，可取消订单并获得全额退款（含已付定金）。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Your order {{orderId}} is delayed',
      body: 'We are sorry: {{item}} will now ship by {{newShipBy}} instead of {{oldShipBy}}. {{compensation}}If you would rather not wait, you can cancel this order for a full refund, including any deposit you paid. Your order: {{statusUrl}}',
    },
  },
  promise_improved: {
    'zh-CN': {
      subject: '您的订单 {{orderId}} 将提前发货',
      body: '好消息：{{item}} 将提前至 {{newShipBy}} 发货（原定 {{oldShipBy}}）。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Your order {{orderId}} will ship sooner',
      body: 'Good news: {{item}} will now ship by {{newShipBy}} instead of {{oldShipBy}}. Your order: {{statusUrl}}',
    },
  },
  payment_reminder: {
    'zh-CN': {
      subject: '订单 {{orderId}} 待付款提醒',
      body: '您的订单 {{orderId}} 尚有 {{amount}} 待支付，请在 {{deadline}} 前完成付款，逾期订单将自动取消。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Payment due for order {{orderId}}',
      body: 'Your order {{orderId}} has {{amount}} to pay. Please pay by {{deadline}}; after that the order is cancelled. Your order: {{statusUrl}}',
    },
  },
  balance_window_open: {
    'zh-CN': {
      subject: '订单 {{orderId}} 可以支付尾款了',
      body: '您预订的订单 {{orderId}} 已开放尾款支付：尾款 {{amount}}，请在 {{deadline}} 前支付。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'The balance of order {{orderId}} is now payable',
      body: 'The balance of your presale order {{orderId}} can be paid now: {{amount}}, by {{deadline}}. Your order: {{statusUrl}}',
    },
  },
  pickup_ready: {
    'zh-CN': {
      subject: '订单 {{orderId}} 已可到店自提',
      body: '您的商品已备好：{{items}}，请到 {{store}} 自提，取货码 {{code}}（到店出示取货码或二维码）。请于 {{collectBy}} 前取货，逾期订单将取消并退款。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Order {{orderId}} is ready for pickup',
      body: 'Your items are ready: {{items}}, at {{store}}. Your pickup code is {{code}} (show it or the QR code at the counter). Please collect by {{collectBy}}; after that the order is cancelled and refunded. Your order: {{statusUrl}}',
    },
  },
  pickup_reminder: {
    'zh-CN': {
      subject: '订单 {{orderId}} 明天到期，请尽快自提',
      body: '提醒：{{items}} 仍在 {{store}} 等您自提，请于 {{collectBy}} 前取货（取货码见此前的通知），逾期订单将取消并退款。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Order {{orderId}}: please collect by {{collectBy}}',
      body: 'A reminder: {{items}} is waiting for you at {{store}}. Please collect by {{collectBy}} with the pickup code we sent you; after that the order is cancelled and refunded. Your order: {{statusUrl}}',
    },
  },
  pickup_expired: {
    'zh-CN': {
      subject: '订单 {{orderId}} 未自提，已取消',
      body: '很遗憾，{{items}} 未在期限内到 {{store}} 自提，已取消，{{refund}} 将原路退回。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Order {{orderId}} was not collected',
      body: 'We are sorry: {{items}} was not collected at {{store}} in time and has been cancelled. {{refund}} will be refunded the way you paid. Your order: {{statusUrl}}',
    },
  },
  pickup_line_refunded: {
    'zh-CN': {
      subject: '订单 {{orderId}} 部分商品无法自提，已退款',
      body: '很抱歉，{{store}} 无法交付 {{items}}（缺货或损坏），该商品已取消，{{refund}} 将原路退回；订单中的其他商品不受影响。查看订单：{{statusUrl}}',
    },
    en: {
      subject: 'Order {{orderId}}: an item cannot be collected and is refunded',
      body: 'We are sorry: {{store}} cannot hand over {{items}} (missing or damaged), so it has been cancelled and {{refund}} will be refunded the way you paid. The rest of your order is not affected. Your order: {{statusUrl}}',
    },
  },
}
