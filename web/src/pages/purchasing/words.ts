/** Words the purchasing pages share: PO and line statuses, supply confidence. */
import { defineText } from '../../i18n.tsx'

export const poStatuses = ['draft', 'sent', 'confirmed', 'shipped', 'partially_received', 'received', 'closed', 'cancelled'] as const

export const poStatusText = defineText(
  {
    draft: 'Draft', sent: 'Sent', confirmed: 'Confirmed', shipped: 'Shipped', partially_received: 'Partly received', received: 'Received', closed: 'Closed', cancelled: 'Cancelled',
    open: 'Open', accepted: 'Accepted', rejected: 'Rejected',
  },
  {
    draft: '草稿', sent: '已发送', confirmed: '已确认', shipped: '已发货', partially_received: '部分收货', received: '已收货', closed: '已关闭', cancelled: '已取消',
    open: '待确认', accepted: '已接受', rejected: '已拒绝',
  },
)

export const confidenceText = defineText(
  { on_hand: 'On hand', shipped: 'Shipped (ASN)', confirmed: 'Confirmed', unconfirmed: 'Unconfirmed', virtual: 'Supplier stock' },
  { on_hand: '现有', shipped: '已发货（ASN）', confirmed: '已确认', unconfirmed: '未确认', virtual: '供应商库存' },
)
