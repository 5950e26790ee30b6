/** The customer's status page in the shopper's words, English and Chinese. */
import { defineText } from '../../i18n.tsx'

export const statusText = defineText(
  {
    header: 'Your order', title: (ref: string) => `Order ${ref}`, notFound: 'We cannot find this order',
    notFoundDetail: 'The link may be incomplete. Open it again from the message your shop sent you.', loading: 'Loading your order…',
    shipsBy: 'Ships by', arrivesBy: 'Arrives by', pickupAt: 'Pick up at', readyBy: 'Ready by', noDate: 'We will tell you the date soon',
    items: 'What you ordered', qty: (n: string) => `× ${n}`, payment: 'Payment', total: 'Total', paid: 'Paid', refunded: 'Refunded', refundDue: 'Refund on its way',
    due: 'Still to pay', dueBy: (day: string) => `by ${day}`, deposit: 'Deposit', balance: 'Balance',
    delayTitle: 'Your order is delayed', delayedBy: (days: string) => `${days} days later than we promised`, was: 'Was', now: 'Now',
    compensation: 'For the wait', coupon: (amount: string) => `A coupon of ${amount}`, penalty: (amount: string) => `${amount} off what you pay`,
    noCompensation: 'No compensation applies to this delay', resolved: 'Back on the date we first promised', accepted: 'You cancelled because of this delay',
    offer: 'You may cancel now for a full refund, deposit included, while this offer is open.', cancel: 'Cancel for a full refund',
    confirmTitle: 'Cancel this order?', confirmText: (amount: string) => `The order is cancelled and ${amount} is refunded in full. This cannot be undone.`,
    confirmYes: 'Yes, cancel and refund', confirmNo: 'No, keep my order', cancelledTitle: 'Your order is cancelled',
    cancelledText: (amount: string) => `A full refund of ${amount} is on its way to you.`, cancelledNoPay: 'Nothing was paid, so nothing is owed.',
    messages: 'Messages we sent you', placed: 'Placed', updated: 'Updated', firstPromise: (day: string) => `first promised for ${day}`,
    story: 'Where it comes from',
  },
  {
    header: '您的订单', title: (ref: string) => `订单 ${ref}`, notFound: '找不到这个订单',
    notFoundDetail: '链接可能不完整。请从商店发给您的消息中重新打开。', loading: '正在加载您的订单…',
    shipsBy: '发货日期', arrivesBy: '送达日期', pickupAt: '自提门店', readyBy: '可取货日期', noDate: '我们会尽快告知日期',
    items: '您订购的商品', qty: (n: string) => `× ${n}`, payment: '付款', total: '合计', paid: '已付', refunded: '已退款', refundDue: '退款处理中',
    due: '待付', dueBy: (day: string) => `${day} 前`, deposit: '定金', balance: '尾款',
    delayTitle: '您的订单延迟了', delayedBy: (days: string) => `比承诺晚 ${days} 天`, was: '原定', now: '现在',
    compensation: '延迟补偿', coupon: (amount: string) => `${amount} 优惠券`, penalty: (amount: string) => `应付金额减免 ${amount}`,
    noCompensation: '此次延迟不适用补偿', resolved: '已恢复到最初承诺的日期', accepted: '您已因此次延迟取消订单',
    offer: '在此优惠有效期内，您可以立即取消订单并获得全额退款（含定金）。', cancel: '取消订单并全额退款',
    confirmTitle: '确定取消此订单？', confirmText: (amount: string) => `订单将被取消，${amount} 将全额退还。此操作无法撤销。`,
    confirmYes: '确定取消并退款', confirmNo: '不，保留订单', cancelledTitle: '您的订单已取消',
    cancelledText: (amount: string) => `${amount} 的全额退款正在退回给您。`, cancelledNoPay: '您尚未付款，无需退款。',
    messages: '我们发给您的消息', placed: '下单时间', updated: '更新时间', firstPromise: (day: string) => `最初承诺 ${day}`,
    story: '货源',
  },
)

export const orderStatusText = defineText(
  { pending_payment: 'Waiting for payment', pending_deposit: 'Waiting for the deposit', deposit_paid: 'Deposit paid', paid: 'Paid', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled' },
  { pending_payment: '待付款', pending_deposit: '待付定金', deposit_paid: '已付定金', paid: '已付款', shipped: '已发货', delivered: '已送达', cancelled: '已取消' },
)

/** Where the goods come from, as a shopper would say it. */
export const storyText = defineText(
  {
    in_stock: 'In stock in our warehouse', backorder: 'Waiting for a supplier delivery', backorderConfirmed: 'Waiting for a confirmed supplier delivery',
    presale: 'Presale: made for the orders taken', cancelled: 'Cancelled', shipped: 'Shipped',
  },
  {
    in_stock: '仓库现货', backorder: '等待供应商到货', backorderConfirmed: '等待供应商按确认日期到货',
    presale: '预售：按订单生产', cancelled: '已取消', shipped: '已发货',
  },
)

/** The reason of a delay by its cause, in Chinese (the server's English words carry the dates). */
export const causeZh: Record<string, string> = {
  po_cancelled: '我们所依赖的一张采购订单被取消了。', quantity_cut: '供应商交付的数量少于其确认的数量。', qc_failed: '部分到货未通过我们的质检。',
  shortage: '盘点发现仓库库存少于记录。', delivery_short: '供应商到货数量少于预期。', shipment_cancelled: '一批在途货物被取消了。',
  transfer_cancelled: '仓库间的调拨被取消了。', transfer_short: '仓库间调拨到货数量不足。', eta_moved: '供应商推迟了交货日期。',
  supply_overdue: '我们等待的到货已逾期，尚无新日期。', transfer_delayed: '仓库间调拨将晚于计划到达。', supply_changed: '我们为该商品计划的货源发生了变化。',
}
