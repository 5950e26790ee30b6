/** The words the debit pages share: kinds and statuses, and a debit's reference in a few words. */
import { defineText } from '../../i18n.tsx'
import type { Schemas } from '../selling/lookups.tsx'

export type Debit = Schemas['SupplierDebit']
export type PortalDebit = Schemas['PortalDebit']
export const debitKinds = ['qc_failure', 'short_receipt', 'return_to_vendor', 'delay_chargeback', 'credit_note'] as const
export type DebitKind = (typeof debitKinds)[number]
export const debitStatuses = ['open', 'offset'] as const

export const kindText = defineText(
  { qc_failure: 'QC failure', short_receipt: 'Short receipt', return_to_vendor: 'Return to vendor', delay_chargeback: 'Delay chargeback', credit_note: 'Credit note' },
  { qc_failure: '质检不合格', short_receipt: '短收', return_to_vendor: '退回供应商', delay_chargeback: '延误索赔', credit_note: '贷项通知单' },
)

export const statusText = defineText(
  { open: 'Open', offset: 'Offset against a payment' },
  { open: '未抵扣', offset: '已在付款中抵扣' },
)

export const debitText = defineText(
  {
    kind: 'Kind', status: 'Status', amount: 'Amount', units: 'Units', when: 'Recorded', reference: 'For', supplier: 'Supplier', any: 'All',
    po: (po: string) => `PO ${po}`, note: (n: string) => `Credit note ${n}`,
    order: (order: string, line: number) => `Order ${order}, line ${line}`,
    late: (days: number | null) => (days === null ? 'no new date yet' : `${days} days late`),
    compensation: (money: string) => `customer got ${money}`,
    share: (percent: number) => `${percent} % of the compensation`,
  },
  {
    kind: '类型', status: '状态', amount: '金额', units: '件数', when: '记录时间', reference: '事由', supplier: '供应商', any: '全部',
    po: (po: string) => `采购订单 ${po}`, note: (n: string) => `贷项通知单 ${n}`,
    order: (order: string, line: number) => `订单 ${order} 第 ${line} 行`,
    late: (days: number | null) => (days === null ? '尚无新日期' : `延误 ${days} 天`),
    compensation: (money: string) => `顾客获得 ${money}`,
    share: (percent: number) => `补偿的 ${percent}%`,
  },
)
