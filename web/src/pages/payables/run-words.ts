/** Words of the payment run page, in English and Chinese. */
import { defineText } from '../../i18n.tsx'

export const runStatusText = defineText(
  { proposed: 'Proposed', approved: 'Approved', paid: 'Paid', cancelled: 'Cancelled' },
  { proposed: '待批准', approved: '已批准', paid: '已付款', cancelled: '已取消' },
)

export const reasonText = defineText(
  { due: 'Due', early_discount: 'Early for its discount' },
  { due: '到期', early_discount: '提前付款享折扣' },
)

export const runText = defineText(
  {
    title: 'Payment runs', hint: 'A run pays what falls due by a day, and what is worth paying early for its discount. Invoices on hold are never in a run. An admin approves it and records each supplier’s payment with the bank reference.',
    propose: 'Propose a payment run', payBy: 'Pay what is due by', payByHint: 'Instalments due on or before this day.', payDate: 'Pay on', payDateHint: 'The transfer day (today when blank): early discounts count from it.',
    minDiscount: 'Smallest discount worth paying early for', minDiscountHint: 'In minor units (fen, cents): 500 is 5.00. Blank takes every discount.', proposeButton: 'Propose run',
    runs: 'Runs, newest first', none: 'No payment runs yet.', run: (day: string, status: string) => `Run paying on ${day} · ${status}`,
    proposedBy: (who: string, at: string) => `proposed by ${who}, ${at}`, approvedBy: (who: string, at: string) => `approved by ${who}, ${at}`,
    adminApproves: 'An admin approves this run and records its payments.', approve: 'Approve run', cancel: 'Cancel run',
    group: (supplier: string, currency: string) => `${supplier} · ${currency}`, instalmentsPaid: 'Instalments paid', discounts: 'Discounts taken', debits: 'Debits set off',
    debitCount: (n: number) => `${n} open debit${n === 1 ? '' : 's'}`, net: 'To transfer', payment: 'Payment', notPaid: 'Not recorded yet',
    paidWith: (reference: string, day: string, amount: string) => `${amount} on ${day}, bank reference ${reference}`,
    linesCaption: (group: string) => `Instalments paid to ${group}`, invoice: 'Invoice', seq: 'Instalment', why: 'Why', pay: 'Pays', discount: 'Discount', explanation: 'Explanation',
    recordFor: (group: string) => `Record the payment to ${group}`, bankReference: 'Bank reference', paidDate: 'Paid on', record: 'Record payment',
  },
  {
    title: '付款批次', hint: '批次支付截至某日到期的款项，以及值得为折扣提前支付的款项。挂起的发票永远不会进入批次。由管理员批准并逐个供应商登记付款及银行流水号。',
    propose: '生成付款批次', payBy: '支付截至此日到期的款项', payByHint: '在此日或之前到期的分期。', payDate: '付款日', payDateHint: '转账日期（留空为今天）：提前付款折扣按此日计算。',
    minDiscount: '值得提前付款的最低折扣', minDiscountHint: '以最小货币单位计（分）：500 即 5.00。留空则接受所有折扣。', proposeButton: '生成批次',
    runs: '付款批次（最新在前）', none: '暂无付款批次。', run: (day: string, status: string) => `${day} 付款批次 · ${status}`,
    proposedBy: (who: string, at: string) => `由 ${who} 于 ${at} 生成`, approvedBy: (who: string, at: string) => `由 ${who} 于 ${at} 批准`,
    adminApproves: '该批次由管理员批准并登记付款。', approve: '批准批次', cancel: '取消批次',
    group: (supplier: string, currency: string) => `${supplier} · ${currency}`, instalmentsPaid: '支付的分期', discounts: '享受的折扣', debits: '抵扣的扣款',
    debitCount: (n: number) => `${n} 笔未结扣款`, net: '应转账', payment: '付款', notPaid: '尚未登记',
    paidWith: (reference: string, day: string, amount: string) => `${day} 支付 ${amount}，银行流水号 ${reference}`,
    linesCaption: (group: string) => `支付给 ${group} 的分期`, invoice: '发票', seq: '分期', why: '原因', pay: '支付', discount: '折扣', explanation: '说明',
    recordFor: (group: string) => `登记向 ${group} 的付款`, bankReference: '银行流水号', paidDate: '付款日期', record: '登记付款',
  },
)
