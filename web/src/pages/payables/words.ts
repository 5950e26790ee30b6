/** Words the payables pages share (staff and the supplier portal), in English and Chinese, and the shapes they read. */
import type { components } from '../../../../clients/typescript/index.ts'
import { defineText } from '../../i18n.tsx'

type Schemas = components['schemas']
export type Invoice = Schemas['SupplierInvoice']
export type InvoiceStatus = Invoice['status']
export type InvoiceLine = Invoice['lines'][number]
export type MatchResult = InvoiceLine['result']
export type InvoiceRequest = Schemas['SupplierInvoiceRequest']
export type ChargeKind = Invoice['charges'][number]['kind']
export type PaymentRun = Schemas['PaymentRun']
export type RunGroup = PaymentRun['groups'][number]
export type Ageing = Schemas['PayablesAgeing']
export type AgeingBuckets = Ageing['total'][number]['bucketsMinor']
export type DueWeeks = Schemas['PayablesDueByWeek']
export type Statement = Schemas['SupplierStatement']

export const invoiceStatuses: readonly InvoiceStatus[] = ['on_hold', 'credit_requested', 'matched', 'approved', 'rejected', 'paid']
export const chargeKinds: readonly ChargeKind[] = ['freight', 'duty', 'insurance', 'other']
export const bucketNames: ReadonlyArray<keyof AgeingBuckets> = ['current', 'd1_30', 'd31_60', 'd61_90', 'over_90']

export const invoiceStatusText = defineText(
  { on_hold: 'On hold', credit_requested: 'Credit note requested', matched: 'Matched', approved: 'Approved', rejected: 'Rejected', paid: 'Paid' },
  { on_hold: '挂起', credit_requested: '已要求贷项通知单', matched: '已匹配', approved: '已批准', rejected: '已拒绝', paid: '已付款' },
)

export const matchText = defineText(
  {
    matched: 'Matched', price_variance: 'Price variance', quantity_variance: 'Quantity variance', not_received: 'Not received',
    allMatched: 'All lines matched', linesOff: (off: number, all: number) => `${off} of ${all} lines off`,
  },
  {
    matched: '已匹配', price_variance: '价格差异', quantity_variance: '数量差异', not_received: '未收货',
    allMatched: '全部行已匹配', linesOff: (off: number, all: number) => `${all} 行中 ${off} 行不符`,
  },
)

export const chargeText = defineText(
  { freight: 'Freight', duty: 'Duty', insurance: 'Insurance', other: 'Other' },
  { freight: '运费', duty: '关税', insurance: '保险', other: '其他' },
)

export const basisText = defineText(
  { quantity: 'Units', value: 'Value', weight: 'Weight', volume: 'Volume' },
  { quantity: '件数', value: '金额', weight: '重量', volume: '体积' },
)

export const bucketText = defineText(
  { current: 'Current', d1_30: '1–30 days', d31_60: '31–60 days', d61_90: '61–90 days', over_90: 'Over 90 days' },
  { current: '未到期', d1_30: '1–30 天', d31_60: '31–60 天', d61_90: '61–90 天', over_90: '90 天以上' },
)

export const sourceText = defineText(
  { staff: 'Entered by staff', import: 'Imported', portal: 'Sent from the portal' },
  { staff: '员工录入', import: '导入', portal: '供应商门户提交' },
)

/** One invoice: its facts, lines as matched, charges and instalments. */
export const invoiceText = defineText(
  {
    title: (number: string) => `Invoice ${number}`, back: 'All invoices', supplier: 'Supplier', number: 'Invoice number', date: 'Invoice date', currency: 'Currency',
    status: 'Status', source: 'Source', goods: 'Goods', charges: 'Charges', tax: 'Tax', total: 'Total', open: 'Left to pay', paid: 'Paid', note: 'Note',
    resolution: 'Resolution', resolvedBy: (who: string, at: string) => `by ${who}, ${at}`, payable: 'Payable', notPayable: 'Not payable until resolved',
    lines: 'Lines as matched', line: 'Line', po: 'Purchase order', poLine: 'PO line', sku: 'SKU', quantity: 'Units', unitPrice: 'Unit price', amount: 'Amount',
    result: 'Match', priceVariance: 'Price variance (per unit)', quantityVariance: 'Units over', amountVariance: 'Amount variance', explanation: 'Explanation',
    chargesCaption: 'Charges', kind: 'Kind', description: 'Description', receipt: 'Receipt', basis: 'Allocated by', noCharges: 'No charges.',
    instalments: 'Instalments', seq: '#', due: 'Due', discountUntil: 'Discount until', discount: 'Early-payment discount', state: 'State',
    settled: 'Paid', openState: 'Open', notDated: 'When received',
  },
  {
    title: (number: string) => `发票 ${number}`, back: '全部发票', supplier: '供应商', number: '发票号', date: '发票日期', currency: '币种',
    status: '状态', source: '来源', goods: '货款', charges: '费用', tax: '税额', total: '合计', open: '待付', paid: '已付', note: '备注',
    resolution: '处理意见', resolvedBy: (who: string, at: string) => `由 ${who} 于 ${at}`, payable: '可付款', notPayable: '处理前不可付款',
    lines: '匹配结果（逐行）', line: '行', po: '采购订单', poLine: '订单行', sku: 'SKU', quantity: '件数', unitPrice: '单价', amount: '金额',
    result: '匹配', priceVariance: '价格差异（每件）', quantityVariance: '多开件数', amountVariance: '金额差异', explanation: '说明',
    chargesCaption: '费用', kind: '类型', description: '描述', receipt: '收货单', basis: '分摊依据', noCharges: '无费用。',
    instalments: '分期', seq: '#', due: '到期日', discountUntil: '折扣截止', discount: '提前付款折扣', state: '状态',
    settled: '已付', openState: '未付', notDated: '收货后确定',
  },
)

/** Entering an invoice, by staff or from the supplier's portal. */
export const formText = defineText(
  {
    title: 'Enter an invoice', send: 'Send an invoice', supplier: 'Supplier', choose: 'Choose…', number: 'Invoice number', date: 'Invoice date', currency: 'Currency',
    lines: 'Lines', line: (n: number) => `Line ${n}`, po: 'Purchase order', poLine: 'PO line', quantity: 'Units', unitPrice: 'Unit price', addLine: 'Add a line', removeLine: (n: number) => `Remove line ${n}`,
    charges: 'Charges', charge: (n: number) => `Charge ${n}`, kind: 'Kind', amount: 'Amount', description: 'Description', addCharge: 'Add a charge', removeCharge: (n: number) => `Remove charge ${n}`,
    tax: 'Tax', note: 'Note', submit: 'Enter invoice', submitPortal: 'Send invoice', noPos: 'No purchase orders to invoice yet.',
    poOption: (ref: string, status: string) => `${ref} (${status})`, lineOption: (n: number, sku: string, passed: number, cost: string) => `${n} · ${sku} · ${passed} passed QC · ${cost}`,
    badAmount: (field: string) => `${field}: write an amount like 12.50.`, moneyHint: 'In the invoice’s currency, e.g. 12.50',
  },
  {
    title: '录入发票', send: '提交发票', supplier: '供应商', choose: '请选择…', number: '发票号', date: '发票日期', currency: '币种',
    lines: '发票行', line: (n: number) => `第 ${n} 行`, po: '采购订单', poLine: '订单行', quantity: '件数', unitPrice: '单价', addLine: '添加一行', removeLine: (n: number) => `删除第 ${n} 行`,
    charges: '费用', charge: (n: number) => `费用 ${n}`, kind: '类型', amount: '金额', description: '描述', addCharge: '添加费用', removeCharge: (n: number) => `删除费用 ${n}`,
    tax: '税额', note: '备注', submit: '录入发票', submitPortal: '提交发票', noPos: '暂无可开票的采购订单。',
    poOption: (ref: string, status: string) => `${ref}（${status}）`, lineOption: (n: number, sku: string, passed: number, cost: string) => `${n} · ${sku} · 质检合格 ${passed} · ${cost}`,
    badAmount: (field: string) => `${field}：请填写金额，例如 12.50。`, moneyHint: '以发票币种计，例如 12.50',
  },
)
