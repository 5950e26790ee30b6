/**
 * A supplier's statement as staff and the supplier both read it: the balance per currency (open on
 * invoices, of it on hold, open debits, overdue), then every invoice, payment and debit oldest
 * first with a running balance per currency (a payment's early-payment discount is an entry of its
 * own). A rejected invoice is listed but owes nothing; any difference left is shown as the last line.
 */
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { Card, DataTable, Figure } from '../../ui.tsx'
import { invoiceStatusText, type Statement } from './words.ts'

type Entry = Statement['entries'][number]
interface Row extends Entry { key: string; counted: number; runningMinor: number }

export const statementText = defineText(
  {
    balances: (currency: string) => `Balance in ${currency}`, balance: 'Balance owed', invoiced: 'Open on invoices', onHold: 'Of it on hold', debits: 'Open debits', overdue: 'Overdue',
    noBalance: 'Nothing open.', entries: 'Entries, oldest first', date: 'Date', kind: 'Kind', reference: 'Reference', status: 'Status', detail: 'Detail',
    amount: 'Amount', running: 'Running balance', invoice: 'Invoice', payment: 'Payment', discount: 'Early-payment discount', taken: 'Taken', debit: 'Debit', none: 'No entries yet.', notOwed: 'not owed',
    difference: (currency: string, amount: string) => `Other differences (${currency}): ${amount}`, asOf: (day: string) => `As of ${day}`,
    open: 'Open', offset: 'Set off', setOff: (amount: string) => `${amount} set off by debits`,
    qc_failure: 'QC failure', short_receipt: 'Short receipt', return_to_vendor: 'Return to vendor', delay_chargeback: 'Delay chargeback', credit_note: 'Credit note',
  },
  {
    balances: (currency: string) => `${currency} 余额`, balance: '应付余额', invoiced: '发票未付', onHold: '其中挂起', debits: '未结扣款', overdue: '已逾期',
    noBalance: '暂无未结款项。', entries: '明细（最早在前）', date: '日期', kind: '类型', reference: '参考号', status: '状态', detail: '说明',
    amount: '金额', running: '累计余额', invoice: '发票', payment: '付款', discount: '提前付款折扣', taken: '已享受', debit: '扣款', none: '暂无明细。', notOwed: '不计入',
    difference: (currency: string, amount: string) => `其他差额（${currency}）：${amount}`, asOf: (day: string) => `截至 ${day}`,
    open: '未结', offset: '已抵扣', setOff: (amount: string) => `扣款抵扣 ${amount}`,
    qc_failure: '质检不合格', short_receipt: '短收', return_to_vendor: '退货给供应商', delay_chargeback: '延误扣款', credit_note: '贷项通知单',
  },
)

/** Each entry with what it adds to the balance and the running balance of its currency. */
export function runningOf(entries: readonly Entry[]): Row[] {
  const running = new Map<string, number>()
  return entries.map((e, i) => {
    const counted = e.kind === 'invoice' && e.status === 'rejected' ? 0 : e.amountMinor
    const runningMinor = (running.get(e.currency) ?? 0) + counted
    running.set(e.currency, runningMinor)
    return { ...e, key: `${i}|${e.id}`, counted, runningMinor }
  })
}

export function StatementView({ statement: s, entryHref }: { statement: Statement; entryHref: (e: Entry) => string | null }) {
  const t = useText(statementText)
  const f = useFormat()
  const rows = runningOf(s.entries)
  const kinds = { invoice: t.invoice, payment: t.payment, discount: t.discount, debit: t.debit }
  const st = useText(invoiceStatusText)
  const words = (key: string): string | undefined => {
    const found = (st as Record<string, unknown>)[key] ?? (t as Record<string, unknown>)[key]
    return typeof found === 'string' ? found : undefined
  }
  const status = (e: Entry) => words(e.status) ?? e.status
  // A payment says what debits it set off; a debit's detail is its kind: both read in the reader's language.
  const detail = (e: Entry) => {
    if (e.kind === 'payment') return e.setOffMinor ? t.setOff(f.money(e.setOffMinor, e.currency)) : '—'
    if (e.kind === 'debit') return words(e.detail) ?? e.detail
    return e.detail || '—'
  }
  const lastRunning = (currency: string) => rows.filter((r) => r.currency === currency).at(-1)?.runningMinor ?? 0
  return (
    <>
      {s.balances.length === 0 && <Card title={t.asOf(f.day(s.asOf))}><p>{t.noBalance}</p></Card>}
      {s.balances.map((b) => (
        <Card key={b.currency} title={t.balances(b.currency)} actions={<span class="live">{t.asOf(f.day(s.asOf))}</span>}>
          <div class="figures">
            <Figure label={t.balance} value={f.money(b.balanceMinor, b.currency)} />
            <Figure label={t.invoiced} value={f.money(b.invoicedMinor, b.currency)} />
            <Figure label={t.onHold} value={f.money(b.onHoldMinor, b.currency)} />
            <Figure label={t.debits} value={f.money(b.debitsMinor, b.currency)} />
            <Figure label={t.overdue} value={f.money(b.overdueMinor, b.currency)} />
          </div>
        </Card>
      ))}
      <Card title={t.entries}>
        <div class="statement-entries">
        {rows.length === 0 ? <p>{t.none}</p> : (
          <DataTable caption={t.entries} rows={rows} rowKey={(r) => r.key} columns={[
            { label: t.date, cell: (r) => f.day(r.date) },
            { label: t.kind, cell: (r) => kinds[r.kind] },
            { label: t.reference, cell: (r) => { const href = entryHref(r); return href ? <a href={href}>{r.reference}</a> : r.reference } },
            { label: t.status, cell: status },
            { label: t.detail, cell: detail },
            { label: t.amount, cell: (r) => <>{f.money(r.amountMinor, r.currency)}{r.counted !== r.amountMinor && <small> ({t.notOwed})</small>}</>, numeric: true },
            { label: t.running, cell: (r) => f.money(r.runningMinor, r.currency), numeric: true },
          ]} />
        )}
        {s.balances.filter((b) => lastRunning(b.currency) !== b.balanceMinor).map((b) => (
          <p class="live statement-difference">{t.difference(b.currency, f.money(lastRunning(b.currency) - b.balanceMinor, b.currency))}</p>
        ))}
        </div>
      </Card>
    </>
  )
}
